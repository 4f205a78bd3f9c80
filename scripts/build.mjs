// Bundles the language server, the CLI and the VS Code client with esbuild (one bundler), and
// writes the editor schemas for Red Hat's YAML extension (scripts/editor-schemas.mjs).
import { build } from 'esbuild';
import { writeEditorSchemas } from './editor-schemas.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/node/analysis-worker.ts'], outfile: 'dist/worker.js' }),
  build({ ...common, entryPoints: ['server/src/node/bundle/worker.ts'], outfile: 'dist/bundle-worker.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
writeEditorSchemas('schemas', 'dist/editor-schemas');
