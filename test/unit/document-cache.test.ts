// The parses of open documents (core/service/document-cache.ts), as the server uses them: one
// parse per text shared by the Program's analysis (ProgramOptions.readDocument) and the editor
// requests, each edit re-parsed from the parse before it, and the findings the same as a
// Program that parses every text anew.
import assert from 'node:assert/strict';
import type { Cc7Document } from '../../server/src/core/model/document';
import { readDocument } from '../../server/src/core/service/analyze';
import { DocumentCache } from '../../server/src/core/service/document-cache';
import { DEFAULT_MAX_FILE_BYTES, Program } from '../../server/src/core/service/program';
import { dumpParsedFile } from '../support/parse-dump';

const NOW = Date.parse('2026-04-15T12:00:00Z');
const PATH = 'incidents/INC-2026-014.yaml';

const INCIDENT = `apiVersion: cc7/v1
kind: Incident
id: INC-2026-014
title: Leaked API key
severity: SEV2
status: investigation
category: unauthorized-access
detected_at: 2026-03-02T09:14:00Z
detection_source: siem-alert
timeline:
  - { at: 2026-03-02T09:14:00Z, event: GuardDuty alert }
`;

/** A Program reading `texts`, its documents read through `read`. */
function programOf(texts: Map<string, string>, read?: (input: { path: string; text: string }, maxFileBytes: number) => Cc7Document | undefined): Program {
  return new Program({ read: (path) => (texts.has(path) ? { text: texts.get(path)! } : undefined), clock: () => NOW, ...(read ? { readDocument: read } : {}) });
}

describe('open documents: one parse per text, shared', () => {
  it('the analysis and an editor request on the same text read the same document; an edit is spliced', () => {
    const cache = new DocumentCache(() => DEFAULT_MAX_FILE_BYTES);
    const analysed: (Cc7Document | undefined)[] = [];
    const texts = new Map([[PATH, INCIDENT]]);
    const program = programOf(texts, (input, maxFileBytes) => {
      const doc = cache.read(input, maxFileBytes);
      analysed.push(doc);
      return doc;
    });
    const fresh = programOf(texts);
    let text = INCIDENT;
    for (const title of ['Leaked API keys', 'Leaked API keys twice', 'Leaked key']) {
      text = text.replace(/^title: .*$/m, `title: ${title}`);
      texts.set(PATH, text);
      program.updateFile(PATH, { text });
      fresh.updateFile(PATH, { text });
      // The request after the edit: no parse of its own.
      assert.equal(cache.get(PATH, text), analysed.at(-1));
      assert.deepEqual(program.findings(PATH), fresh.findings(PATH));
      assert.deepStrictEqual(dumpParsedFile(analysed.at(-1)?.file), dumpParsedFile(readDocument({ path: PATH, text }, DEFAULT_MAX_FILE_BYTES)?.file));
    }
    assert.deepEqual(cache.counts, { whole: 1, spliced: 2 });
  });

  it('a new size limit reads the text again; a forgotten document is parsed whole', () => {
    const cache = new DocumentCache(() => DEFAULT_MAX_FILE_BYTES);
    const parsed = cache.read({ path: PATH, text: INCIDENT }, DEFAULT_MAX_FILE_BYTES);
    assert.ok(parsed?.file);
    const limited = cache.read({ path: PATH, text: INCIDENT }, 100);
    assert.ok(limited && !limited.file, 'over the limit: not parsed');
    cache.forget(PATH);
    assert.notEqual(cache.get(PATH, INCIDENT), parsed);
    assert.deepEqual(cache.counts, { whole: 2, spliced: 0 });
  });
});
