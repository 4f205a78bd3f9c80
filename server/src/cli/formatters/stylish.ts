import type { CheckResult } from '../check';

/** Human-readable output grouped by file, in the manner of ESLint's "stylish". */
export function formatStylish(result: CheckResult): string {
  if (result.findings.length === 0) return `${plural(result.filesChecked, 'CC7 file')} checked: no problems.\n`;
  const lines: string[] = [];
  let file: string | undefined;
  for (const finding of result.findings) {
    if (finding.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.file;
      lines.push(file);
    }
    lines.push(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${finding.severity.padEnd(7)} ${finding.message}  ${finding.rule}`);
  }
  const count = (severity: string) => result.findings.filter((finding) => finding.severity === severity).length;
  lines.push('', `${plural(result.findings.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${plural(result.filesChecked, 'CC7 file')}`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
