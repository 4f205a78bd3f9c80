import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/core/rules/registry';
import { rulesTableMarkdown } from '../server/src/core/rules/table';
import { rulesTableOf } from '../scripts/readme-table';

const root = path.join(__dirname, '..');
const docsDir = path.join(root, 'docs', 'rules');

describe('rule documentation agrees with the registry', () => {
  for (const rule of RULES) {
    it(`docs/rules/${rule.id}.md states the rule's id, default severity and criteria`, () => {
      const file = path.join(docsDir, `${rule.id}.md`);
      assert.ok(existsSync(file), `missing ${path.relative(root, file)}`);
      const lines = readFileSync(file, 'utf8').split('\n');
      assert.equal(lines[0], `# ${rule.id}`);
      assert.equal(lines[2], `Default severity: **${rule.defaultSeverity}** · Criteria: ${rule.criteria}`);
      for (const section of ['## Why an auditor cares', '## Failing example', '## Passing example', '## How to fix', '## How to waive']) {
        assert.ok(lines.includes(section), `${rule.id}.md lacks "${section}"`);
      }
    });
  }

  it('documents no rule the registry lacks', () => {
    const documented = readdirSync(docsDir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    assert.deepEqual(documented, RULES.map((rule) => rule.id).sort());
  });

  it("README's rule table is the one generated from the registry (npm run docs:rules)", () => {
    assert.equal(rulesTableOf(readFileSync(path.join(root, 'README.md'), 'utf8')), rulesTableMarkdown());
  });
});
