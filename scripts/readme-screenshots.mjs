// `npm run screenshots:readme`: copies the UI tests' screenshots the README shows from
// test/artifacts/ (written by `npm test`) into docs/images/.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHOSEN = ['hover.png', 'editor-lens.png', 'problems-panel.png', 'tree-view.png'];

const from = path.join(ROOT, 'test', 'artifacts');
const to = path.join(ROOT, 'docs', 'images');
const missing = CHOSEN.filter((name) => !existsSync(path.join(from, name)));
if (missing.length > 0) {
  console.error(`missing in test/artifacts: ${missing.join(', ')}; run the UI tests first (npm test)`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const name of CHOSEN) copyFileSync(path.join(from, name), path.join(to, name));
console.log(`copied ${CHOSEN.join(', ')} to docs/images/`);
