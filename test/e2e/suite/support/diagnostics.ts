/**
 * Waiting for diagnostics: on `vscode.languages.onDidChangeDiagnostics`, never by sleeping. A
 * wait that times out fails with what the file had at that moment.
 */
import * as vscode from 'vscode';

/** A cc7 diagnostic as the tests compare it: rule id, severity in words, 1-based line. */
export interface SeenDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  line: number;
}

const SEVERITY_WORDS: Record<vscode.DiagnosticSeverity, SeenDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

const ruleOf = (diagnostic: vscode.Diagnostic): string =>
  String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

/** The cc7 diagnostics of one file, sorted by line then rule. */
export function cc7Diagnostics(uri: vscode.Uri): SeenDiagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'cc7')
    .map((diagnostic) => ({ rule: ruleOf(diagnostic), severity: SEVERITY_WORDS[diagnostic.severity], line: diagnostic.range.start.line + 1 }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/**
 * Resolves with the file's cc7 diagnostics once `done` holds for them (now, or after a
 * diagnostics change event); rejects after `timeoutMs` with what the file had then.
 */
export function waitForDiagnostics(uri: vscode.Uri, done: (seen: SeenDiagnostic[]) => boolean, description: string, timeoutMs = 60_000): Promise<SeenDiagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const seen = cc7Diagnostics(uri);
      if (!done(seen)) return false;
      finish();
      resolve(seen);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description} in ${vscode.workspace.asRelativePath(uri)}; it had ${JSON.stringify(cc7Diagnostics(uri))}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}
