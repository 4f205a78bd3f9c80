import type { WaiverFacts } from '../model/facts';
import type { PlanFacts } from '../model/plan';
import type { Finding, SeveritySetting } from '../model/types';

/** Per-rule severities: the editor's `cc7.rules` / CLI settings win over the plan's `rules:`. */
export interface RuleSettings {
  rules: Readonly<Record<string, SeveritySetting>>;
}

export interface PolicyInput {
  plan: PlanFacts | undefined;
  settings: RuleSettings;
  /** The document's waivers. */
  waivers: readonly WaiverFacts[];
  now: number;
}

/**
 * Turns raw findings into what is reported: a finding a live waiver covers becomes `info`
 * with the waiver's reason (an expired one leaves it as it was; `waiver-expired` reports the
 * waiver); otherwise the configured severity applies, and a rule set to `off` reports nothing.
 */
export function applyPolicy(findings: readonly Finding[], input: PolicyInput): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const configured = input.settings.rules[finding.rule] ?? input.plan?.rules[finding.rule];
    if (configured === 'off') continue;
    const waiver = liveWaiver(input.waivers, finding.rule, finding.subject, input.now);
    if (waiver) {
      result.push({ ...finding, severity: 'info', message: `Waived until ${waiver.expires} by ${waiver.approvedBy}: ${waiver.reason} (${finding.message})` });
    } else {
      result.push(configured ? { ...finding, severity: configured } : finding);
    }
  }
  return result;
}

/** The first waiver covering a rule's finding about `subject` (an id inside the document) that is live at `now`. */
export function liveWaiver(waivers: readonly WaiverFacts[], rule: string, subject: string | undefined, now: number): WaiverFacts | undefined {
  return waivers.find((candidate) => covers(candidate, rule, subject) && isLive(candidate, now));
}

function covers(waiver: WaiverFacts, rule: string, subject: string | undefined): boolean {
  return waiver.rule === rule && (waiver.target === undefined || waiver.target === subject);
}

/** A waiver whose expiry cannot be read is not live: it must not silence anything. */
export function isLive(waiver: WaiverFacts, now: number): boolean {
  return waiver.expiresAt !== undefined && now <= waiver.expiresAt;
}
