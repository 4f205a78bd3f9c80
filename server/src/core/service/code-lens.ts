// Code lenses on an incident (SPEC 3, 2.4): its phase, age and the next evidence it lacks, on
// its `id` line; and one countdown per open notification clock, on the clock's field.
import type { CodeLens, Command } from 'vscode-languageserver-types';
import { evaluateNotificationClocks, notificationPlanFrom, openClocks, type ClockResult } from '../deadlines';
import type { Cc7Document } from '../model/document';
import type { PlanFacts } from '../model/plan';
import { zoneOf } from '../model/plan';
import { formatPath } from '../model/schemas';
import { formatDuration, formatInstant, parseInstant } from '../model/time';
import { missingEvidence, PHASES, phaseIndex } from '../rules/support/lifecycle';
import { nextChange, type Timed } from './countdown';
import type { ServiceRequest } from './request';

/** The command the phase lens runs to move the incident to its next phase (the adapter names it). */
export interface AdvanceCommand {
  command: string;
  arguments?: unknown[];
}

/**
 * A lens that only shows its title. VS Code draws a command with an empty id as plain text
 * (as its own TypeScript lenses do); other editors show the title and run nothing.
 */
const titleOnly = (title: string): Command => ({ title, command: '' });

/** The lenses of a document, and when they go stale. */
export function codeLenses({ doc, model, now }: ServiceRequest, advance: AdvanceCommand): Timed<CodeLens[]> {
  if (doc.kind !== 'Incident' || !doc.data) return { value: [] };
  const plan = model.plan();
  const phase = phaseLens(doc, doc.data, plan, now, advance);
  const clocks = openClocks(evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(plan), now }));
  return {
    value: [...phase?.lens ? [phase.lens] : [], ...clocks.map((clock) => clockLens(doc, clock, now))],
    changesAt: nextChange(now, [...phase?.moving ?? [], ...clocks.flatMap((clock) => (clock.dueAt === undefined ? [] : [clock.dueAt]))]),
  };
}

/**
 * `containment · 2 d 4 h old · next: triage.rationale`, running `advance`; none while
 * the status is not a phase (the schema reports it).
 */
function phaseLens(doc: Cc7Document, data: Record<string, unknown>, plan: PlanFacts | undefined, now: number, advance: AdvanceCommand): { lens: CodeLens; moving: number[] } | undefined {
  const index = phaseIndex(data.status);
  if (index === undefined) return undefined;
  const range = doc.locate([data.id === undefined ? 'kind' : 'id'], 'key');
  const status = PHASES[index]!;
  const zone = zoneOf(plan);
  const detected = parseInstant(data.detected_at, zone)?.ms;
  const closedAt = parseInstant(data.closed_at, zone)?.ms;
  const parts: string[] = [status];
  const moving: number[] = [];
  if (detected !== undefined && data.status === 'closed' && closedAt !== undefined) {
    parts.push(`closed after ${formatDuration(closedAt - detected)}`);
  } else if (detected !== undefined && detected <= now && data.status !== 'closed') {
    parts.push(`${formatDuration(now - detected)} old`);
    moving.push(detected);
  }
  const next = PHASES[index + 1];
  if (next) parts.push(nextStep(data, plan, next));
  const title = parts.join(' · ');
  return { lens: { range, command: next ? { title, ...advance } : titleOnly(title) }, moving };
}

/** The first evidence the next phase still lacks (SPEC 2.3), or that the incident may advance. */
function nextStep(data: Record<string, unknown>, plan: PlanFacts | undefined, next: string): string {
  const missing = missingEvidence({ ...data, status: next }, plan);
  if (missing.length === 0) return `ready for ${next}`;
  const more = missing.length > 1 ? ` (+${missing.length - 1} more)` : '';
  return `next: ${formatPath(missing[0]!)}${more}`;
}

/** `GDPR Art. 33 due in 9 h (2026-03-05 10:05 UTC)`, on the field the clock started at. */
function clockLens(doc: Cc7Document, clock: ClockResult, now: number): CodeLens {
  const due = formatInstant(clock.dueAt!);
  const title = clock.status === 'breached'
    ? `${clock.name} breached ${formatDuration(now - clock.dueAt!)} ago (due ${due})`
    : `${clock.name} due in ${formatDuration(clock.dueAt! - now)} (${due})`;
  return { range: doc.locate(clock.clockField), command: titleOnly(title) };
}
