/**
 * Every place a document writes an id (SPEC 2), where it is defined and where it is used:
 * what go to definition, find references and rename read across the workspace without
 * parsing other documents again. Compact, since they stay in memory for every document.
 */
import { getIn, list, record, text } from './data';
import type { Cc7Document } from './document';
import type { Target } from './locate';
import { ROLE_ID_PATTERN, type Position, type Range, type YamlPath } from './types';

/**
 * The namespaces ids live in: the governing plan's severity levels and roles, the
 * workspace's document ids (incidents, events, runbooks, exercises), and the remediation and
 * improvement items of one document.
 */
export type MentionKind = 'severity' | 'role' | 'document' | 'item';

/** One id written in a document; an id never spans lines, so its place is one line. */
export interface Mention {
  kind: MentionKind;
  id: string;
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 characters on the line, end exclusive: exactly the id, without quotes. */
  start: number;
  end: number;
  /** Where the id is defined: a plan's severity level or role, a document's own id, an item's id. */
  defines: boolean;
}

/** The LSP range of a mention. */
export function mentionRange(mention: Mention): Range {
  return { start: { line: mention.line, character: mention.start }, end: { line: mention.line, character: mention.end } };
}

/** Whether a cursor is on the mention (just after its last character counts). */
export function isAt(mention: Mention, position: Position): boolean {
  return mention.line === position.line && mention.start <= position.character && position.character <= mention.end;
}

/** Whether two mentions name the same thing (items: within one document, which the caller ensures). */
export function sameTarget(a: { kind: MentionKind; id: string }, b: { kind: MentionKind; id: string }): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The waiver rule whose `target` names a regime rather than an item. */
const REGIME_TARGET_RULE = 'notification-deadline';

/** Every id the document writes, in no particular order. */
export function extractMentions(doc: Cc7Document): Mention[] {
  const data = doc.data;
  const file = doc.file;
  if (!data || !file) return [];
  const found: Mention[] = [];
  const add = (kind: MentionKind, value: unknown, path: YamlPath, defines = false, on: Target = 'value') => {
    const id = text(value);
    if (id === undefined) return;
    const { start, end } = doc.locate(path, on);
    if (start.line !== end.line) return;
    const lineStart = file.lineCounter.lineStarts[start.line] ?? 0;
    const source = file.text.slice(lineStart + start.character, lineStart + end.character);
    // Only an id written as itself (or quoted) can be renamed in place; an alias or a merge is left out.
    const quoted = source.length === id.length + 2 && /^(["']).*\1$/.test(source) && source.slice(1, -1) === id;
    if (source !== id && !quoted) return;
    const offset = quoted ? 1 : 0;
    found.push({ kind, id, line: start.line, start: start.character + offset, end: end.character - offset, defines });
  };
  const roleKeys = (defines: boolean) => {
    for (const key of Object.keys(record(data.roles))) add('role', key, ['roles', key], defines, 'key');
  };
  const items = (section: 'remediation' | 'improvements') => {
    list(data[section]).forEach((item, i) => add('item', record(item).id, [section, i, 'id'], true));
  };

  add('document', data.id, ['id'], true);
  switch (doc.kind) {
    case 'ResponsePlan':
      list(data.severity_levels).forEach((level, i) => add('severity', record(level).id, ['severity_levels', i, 'id'], true));
      roleKeys(true);
      break;
    case 'Incident': {
      add('severity', data.severity, ['severity']);
      add('document', data.runbook, ['runbook']);
      roleKeys(false);
      const decidedBy = ['notifications', 'breach_determination', 'decided_by'];
      const decider = text(getIn(data, decidedBy));
      // Written as a role id (snake_case, no @), decided_by names a role rather than a person.
      if (decider && ROLE_ID_PATTERN.test(decider)) add('role', decider, decidedBy);
      items('remediation');
      list(getIn(data, ['post_incident_review', 'action_items']))
        .forEach((id, i) => add('item', id, ['post_incident_review', 'action_items', i]));
      break;
    }
    case 'SecurityEvent':
      add('severity', data.severity, ['severity']);
      add('document', data.incident, ['incident']);
      break;
    case 'Runbook':
      list(data.severities).forEach((id, i) => add('severity', id, ['severities', i]));
      add('role', data.owner, ['owner']);
      for (const [phase, steps] of Object.entries(record(data.phases))) {
        list(steps).forEach((step, i) => add('role', record(step).role, ['phases', phase, i, 'role']));
      }
      break;
    case 'TabletopExercise':
      list(data.runbooks_exercised).forEach((id, i) => add('document', id, ['runbooks_exercised', i]));
      list(data.participants).forEach((participant, i) => add('role', record(participant).role, ['participants', i, 'role']));
      items('improvements');
      break;
  }
  list(data.waivers).forEach((entry, i) => {
    const waiver = record(entry);
    add('role', waiver.approved_by, ['waivers', i, 'approved_by']);
    if (waiver.rule !== REGIME_TARGET_RULE) add('item', waiver.target, ['waivers', i, 'target']);
  });
  return found;
}
