/**
 * The findings examples/acme/EXPECTED.md lists at its as-of time (the runner gives the editor
 * CC7_NOW=2026-11-26T12:00:00Z): file, rule, severity, 1-based line. test/cli/acme-golden keeps
 * EXPECTED.md true of the CLI; this is the same table, as the editor must show it.
 */
import type { SeenDiagnostic } from './diagnostics';

export const ACME_FINDINGS: Readonly<Record<string, readonly SeenDiagnostic[]>> = {
  'events/EVT-2026-0007.yaml': [{ rule: 'timestamp-timezone', severity: 'warning', line: 7 }],
  'incidents/INC-2026-006.yaml': [{ rule: 'remediation-overdue', severity: 'info', line: 71 }],
  'incidents/INC-2026-009.yaml': [
    { rule: 'remediation-overdue', severity: 'error', line: 88 },
    { rule: 'remediation-untracked', severity: 'warning', line: 90 },
  ],
  'incidents/INC-2026-010.yaml': [{ rule: 'pir-deadline', severity: 'error', line: 85 }],
  'incidents/INC-2026-011.yaml': [{ rule: 'notification-deadline', severity: 'error', line: 69 }],
};
