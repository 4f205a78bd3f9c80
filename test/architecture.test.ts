/**
 * The analysis core is pure (STYLE habit 1): no editor, no LSP, no file system, no
 * processes, no network, and nothing from outside server/src/core except the JSON Schemas
 * and package.json. Imports are read with TypeScript's own pre-processor, so comments and
 * strings do not count and `import type`, re-exports, require() and import() all do.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const CORE = path.join(ROOT, 'server', 'src', 'core');
/** The evidence bundle's pure part: it reads the rest of the core through one seam, core-api.ts. */
const BUNDLE = path.join(CORE, 'bundle');
const BUNDLE_SEAM = path.join(BUNDLE, 'core-api.ts');

/** Modules the core must never import, with or without the `node:` prefix. */
const FORBIDDEN_BUILTINS = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'worker_threads'];
/**
 * Editor and protocol packages: `vscode`, every `vscode-languageserver*` and `vscode-jsonrpc`;
 * but the protocol's plain types and the text-document helper, which hold no connection.
 */
const FORBIDDEN_PACKAGE = /^(vscode|vscode-languageserver(?!-types$|-textdocument$).*|vscode-jsonrpc)(\/.*)?$/;

interface Violation {
  file: string;
  /** 1-based. */
  line: number;
  specifier: string;
  reason: string;
}

/** Why an import of `specifier` from `file` breaks the core's purity; undefined when it does not. */
function reasonAgainst(specifier: string, file: string): string | undefined {
  const bare = specifier.replace(/^node:/, '');
  if (FORBIDDEN_BUILTINS.includes(bare)) return `the core does no I/O: "${specifier}" belongs in server/src/node or an adapter`;
  if (FORBIDDEN_PACKAGE.test(specifier)) return `the core knows no editor or protocol: "${specifier}" belongs in server/src/lsp or client/`;
  if (/(^|\/)dist(\/|$)/.test(specifier)) return 'the core never requires the bundle';
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(file), specifier);
  if (target === CORE || target.startsWith(CORE + path.sep)) return undefined;
  const relative = path.relative(ROOT, target).split(path.sep).join('/');
  if (/^schemas\/[^/]+\.json$/.test(relative) || relative === 'package.json') return undefined;
  return `imports ${relative}, outside server/src/core (only schemas/*.json and package.json are allowed)`;
}

/** Every import of a source text that breaks the rules, with its line. */
function violationsIn(file: string, source: string): Violation[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.flatMap(({ fileName: specifier, pos }) => {
    const reason = reasonAgainst(specifier, file);
    return reason ? [{ file, line: source.slice(0, pos).split('\n').length, specifier, reason }] : [];
  });
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Project modules a file imports, as paths relative to server/src/core. */
function projectImports(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => path.relative(CORE, path.resolve(path.dirname(file), fileName)).split(path.sep).join('/'));
}

describe('architecture', () => {
  it('the checker catches every kind of forbidden import, on its line', () => {
    const file = path.join(CORE, 'rules', 'example.ts');
    const source = [
      "import { readFileSync } from 'node:fs';",
      "// import { x } from 'vscode'; (a comment does not count)",
      "import type { Connection } from 'vscode-languageserver/node';",
      'import {',
      '  spawn,',
      "} from 'child_process';",
      "export { startServer } from '../../lsp/connection';",
      "const bundle = require('../../../../dist/server.js');",
      "const files = import('../../node/files');",
      "import schema from '../../../../schemas/incident.schema.json';",
      "import { version } from '../../../../package.json';",
      "import { parse } from 'yaml';",
      "import { locate } from '../locate';",
      "import { createHash } from 'node:crypto';",
    ].join('\n');
    assert.deepEqual(violationsIn(file, source).map((v) => `${v.line} ${v.specifier}`), [
      '1 node:fs',
      '3 vscode-languageserver/node',
      '6 child_process',
      '7 ../../lsp/connection',
      '8 ../../../../dist/server.js',
      '9 ../../node/files',
    ]);
  });

  it('server/src/core imports no editor, protocol, I/O or outside module', () => {
    const files = typeScriptFiles(CORE);
    // The walk reaches the subfolders (rules/, deadlines/, ...), not just the top.
    assert.ok(files.some((file) => path.dirname(file) !== CORE), 'no file found in a subfolder of server/src/core');
    assert.ok(files.some((file) => file.startsWith(BUNDLE + path.sep)), 'server/src/core/bundle is not walked');
    const violations = files.flatMap((file) => violationsIn(file, readFileSync(file, 'utf8')));
    assert.deepEqual(
      violations.map((v) => `${path.relative(ROOT, v.file)}:${v.line}: ${v.reason}`),
      [],
      'the core must stay pure (STYLE habit 1)',
    );
  });

  it('core/model imports nothing else of the project (but the published schemas and package.json)', () => {
    const outside = typeScriptFiles(path.join(CORE, 'model')).flatMap((file) => projectImports(file)
      .filter((target) => !target.startsWith('model/') && !/^\.\.\/\.\.\/\.\.\/(schemas\/[^/]+\.json|package\.json)$/.test(target))
      .map((target) => `${path.relative(CORE, file)} imports ${target}`));
    assert.deepEqual(outside, []);
  });

  it('core/service imports no LSP library and no node module', () => {
    const files = typeScriptFiles(path.join(CORE, 'service'));
    assert.ok(files.length > 0);
    const bad = files.flatMap((file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('node:') || FORBIDDEN_BUILTINS.includes(specifier) || ['crypto', 'path', 'os', 'util'].includes(specifier)
        || /^vscode-languageserver(\/.*)?$|^vscode-languageserver-protocol|^vscode-jsonrpc/.test(specifier))
      .map((specifier) => `${path.relative(CORE, file)} imports ${specifier}`));
    assert.deepEqual(bad, []);
  });

  it('server/src/core/bundle reaches the rest of the core only through core-api.ts', () => {
    const outside = typeScriptFiles(BUNDLE).filter((file) => file !== BUNDLE_SEAM).flatMap((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      return importedFiles
        .map(({ fileName }) => fileName)
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => !path.resolve(path.dirname(file), specifier).startsWith(BUNDLE))
        .map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`);
    });
    assert.deepEqual(outside, []);
  });
});
