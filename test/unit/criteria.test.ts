// core/model/criteria.ts: the criteria a schema description ends with.
import assert from 'node:assert/strict';
import { splitCriteria } from '../../server/src/core/model/criteria';

describe('criteria of a description', () => {
  it('one, several, a range, none', () => {
    assert.deepEqual(splitCriteria('When the triage assessment was made. (CC7.3)'), { text: 'When the triage assessment was made.', criteria: 'CC7.3', ids: ['CC7.3'] });
    assert.deepEqual(splitCriteria('Notices sent. (CC7.4, CC2.3)').ids, ['CC7.4', 'CC2.3']);
    assert.deepEqual(splitCriteria('Accepted exceptions. (CC7.1–CC7.5)').ids, ['CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5']);
    assert.deepEqual(splitCriteria('A person: an email address or a handle.'), { text: 'A person: an email address or a handle.', ids: [] });
  });
});
