import type { RawFinding } from './analyze';
import type { PlanFacts } from './plan';
import type { Finding, SeveritySetting } from './types';

/** Per-rule severities: the editor's `cc7.rules` / CLI settings win over the plan's `rules:`. */
export interface RuleSettings {
  rules: Readonly<Record<string, SeveritySetting>>;
}

/** Applies configured severities; a rule set to `off` reports nothing. */
export function applyPolicy(findings: readonly RawFinding[], plan: PlanFacts | undefined, settings: RuleSettings): Finding[] {
  const result: Finding[] = [];
  for (const { subject: _subject, ...finding } of findings) {
    const configured = settings.rules[finding.rule] ?? plan?.rules[finding.rule];
    if (configured === 'off') continue;
    result.push(configured ? { ...finding, severity: configured } : finding);
  }
  return result;
}
