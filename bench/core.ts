/**
 * The whole cc7 analysis (every rule, facts, cross-file checks) on one thread, in-process:
 * what the server's worker threads split between them; and editor features on its result.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { readDocument } from '../server/src/core/service/analyze';
import { codeActions } from '../server/src/core/service/code-actions';
import { toDiagnostic } from '../server/src/core/service/diagnostics';
import { DEFAULT_MAX_FILE_BYTES, Program } from '../server/src/core/service/program';
import { listFiles, plansFirst, readContent, DEFAULT_INCLUDE } from '../server/src/node/files';
import { latencies, type Latency } from './latency';

export function measureCoreOneThread(dir: string, now: number): { ms: number; program: Program } {
  const start = process.hrtime.bigint();
  const program = new Program({ read: (file) => readContent(file, 2 * 1024 * 1024), clock: () => now });
  program.addFiles(plansFirst(listFiles(dir, { include: DEFAULT_INCLUDE, exclude: [] })));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, program };
}

/**
 * The code-action service alone, in-process, on the program's workspace with `file` holding
 * `text`: one request per diagnostic in turn (the cursor on it, the diagnostic in the context,
 * as an editor asks), `requests` times.
 */
export function measureCodeActionsCore(program: Program, file: string, text: string, requests: number): Latency {
  program.updateFile(file, { text });
  const doc = readDocument({ path: file, text }, DEFAULT_MAX_FILE_BYTES)!;
  const request = { doc, model: program, now: program.now() };
  const diagnostics: Diagnostic[] = program.findings(file).map(toDiagnostic);
  return latencies(requests, (i) => {
    const diagnostic = diagnostics[i % diagnostics.length]!;
    const actions = codeActions(request, { uri: 'file:///bench.yaml', version: 1, range: diagnostic.range, context: { diagnostics: [diagnostic] }, maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    if (actions.length === 0) throw new Error(`no code action for ${String(diagnostic.code)}`);
  });
}
