import type { CheckResult } from '../check';

/** SPEC 7's JSON shape: one object, version 1. */
export function formatJson(result: CheckResult): string {
  const output = {
    version: 1,
    asOf: new Date(result.asOf).toISOString().replace('.000Z', 'Z'),
    filesChecked: result.filesChecked,
    findings: result.findings.map(({ related: _related, ...finding }) => finding),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
