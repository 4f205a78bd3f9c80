// What `cc7 export` and `cc7 verify` print, line by line: the VS Code commands write the same
// lines to their output channel. Plain functions of the results (the client bundles them).
import type { ExportResult } from './export';
import type { VerifyResult } from './verify';

type Written = Omit<Extract<ExportResult, { status: 'written' }>, 'out'>;

/** `shownAs`: the zip as the reader named it (the CLI's --out, the editor's workspace-relative path). */
export function exportReport(shownAs: string, result: Written): string[] {
  const c = result.counts;
  return [
    `wrote ${shownAs} (${result.files} files, ${result.bytes} bytes, sha256 ${result.sha256})`,
    `period ${result.period.text}, as of ${result.asOf}`,
    `${c.incidents} incidents, ${c.securityEvents} security events, ${c.tabletopExercises} tabletop exercises, ${c.runbooks} runbooks, ${c.responsePlans} plan${c.responsePlans === 1 ? '' : 's'}`,
    `findings: ${result.findings.error} errors, ${result.findings.warning} warnings, ${result.findings.info} info; gaps: ${result.gaps}`,
    `provenance: ${result.provenance}${result.signed ? '; signed' : ''}${result.redacted ? '; redacted' : ''}`,
    ...(result.skippedLinks.length ? [`skipped symbolic links leading outside the workspace: ${result.skippedLinks.join(', ')}`] : []),
  ];
}

export function verifyReport(shownAs: string, result: VerifyResult): string[] {
  return [
    `${shownAs}: ${result.entries} files checked against SHA256SUMS and manifest.json`,
    ...result.changed.map((name) => `changed: ${name}`),
    ...result.missing.map((name) => `missing: ${name}`),
    ...result.extra.map((name) => `extra: ${name}`),
    ...result.problems.map((problem) => `problem: ${problem}`),
    `signature: ${result.signature.message}`,
    result.ok ? 'bundle verified' : 'verification FAILED',
  ];
}
