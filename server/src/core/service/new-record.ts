// New records (SPEC 5: cc7.newIncident, cc7.newSecurityEvent, cc7.newTabletopExercise): the
// next free id of the year of now, and the text of a record complete for its first phase
// (detected or held now, with the plan's offset), with the cursor on the first field left
// for the user to fill. Also the choices a client offers while asking for the fields.
import { stringify } from 'yaml';
import type { Position } from 'vscode-languageserver-types';
import type { Kind } from '../model/types';
import { zoneOf, type PlanFacts } from '../model/plan';
import { SCHEMAS } from '../model/schemas';
import { formatTimestamp, localDate } from '../model/time';
import type { WorkspaceModel } from './request';

export type NewRecordKind = Extract<Kind, 'Incident' | 'SecurityEvent' | 'TabletopExercise'>;

/** What the user chose; anything left out is written as an empty field to fill. */
export interface NewRecordFields {
  title?: string;
  /** Incident: a severity id of the plan. */
  severity?: string;
  /** Incident: one of the schema's categories. */
  category?: string;
  /** Incident, SecurityEvent: one of the schema's detection sources. */
  detectionSource?: string;
}

export interface NewRecord {
  id: string;
  /** The folder (relative to the workspace folder, `/`-separated) records of the kind are kept in by default. */
  folder: string;
  /** `<id>.yaml`. */
  fileName: string;
  text: string;
  /** Where the user fills first (0-based line, UTF-16 character). */
  cursor: Position;
}

/** The choices a client offers for a new record's fields. */
export interface RecordChoices {
  severities: { id: string; name?: string }[];
  categories: string[];
  detectionSources: string[];
}

interface IdShape {
  prefix: string;
  /** Digits of the sequence number (INC-2026-001, EVT-2026-0001, TTX-2026-01). */
  digits: number;
  folder: string;
}

const ID_SHAPES: Record<NewRecordKind, IdShape> = {
  Incident: { prefix: 'INC', digits: 3, folder: 'incidents' },
  SecurityEvent: { prefix: 'EVT', digits: 4, folder: 'events' },
  TabletopExercise: { prefix: 'TTX', digits: 2, folder: 'tabletop' },
};

/** Where the cursor goes: the line of the text ending in this marker, which is then removed. */
const CURSOR = '\u0000';

export function isNewRecordKind(value: unknown): value is NewRecordKind {
  return typeof value === 'string' && value in ID_SHAPES;
}

/** The next free id of the kind in the year of `now` (in the plan's zone): one past the highest of that year. */
export function nextFreeId(model: WorkspaceModel, kind: NewRecordKind, now: number): string {
  const { prefix, digits } = ID_SHAPES[kind];
  const year = localDate(now, zoneOf(model.plan())).slice(0, 4);
  const pattern = new RegExp(`^${prefix}-${year}-(\\d+)$`);
  let highest = 0;
  for (const facts of model.workspace.ofKind(kind)) {
    const match = facts.id === undefined ? null : pattern.exec(facts.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  let next = highest + 1;
  // An id taken by a document of another kind is not free either.
  while (model.workspace.withId(format(prefix, year, next, digits)).length > 0) next++;
  return format(prefix, year, next, digits);
}

const format = (prefix: string, year: string, sequence: number, digits: number) =>
  `${prefix}-${year}-${String(sequence).padStart(digits, '0')}`;

export function newRecord(model: WorkspaceModel, kind: NewRecordKind, fields: NewRecordFields, now: number): NewRecord {
  const id = nextFreeId(model, kind, now);
  const at = formatTimestamp(now, zoneOf(model.plan()));
  const lines = TEMPLATES[kind]({ id, at, ...fields });
  // Every template leaves a field to fill; the title line is the fallback.
  const row = Math.max(lines.findIndex((line) => line.endsWith(CURSOR)), 3);
  return {
    id,
    folder: ID_SHAPES[kind].folder,
    fileName: `${id}.yaml`,
    text: `${lines.join('\n').replace(CURSOR, '')}\n`,
    cursor: { line: row, character: lines[row]!.replace(CURSOR, '').length },
  };
}

/** A value as a YAML scalar on one line (quoted when it must be); empty when there is none. */
function scalar(value: string | undefined): string {
  return value === undefined || value.trim() === '' ? '' : stringify(value.trim(), { lineWidth: 0 }).trimEnd();
}

/** ` value`, or the cursor marker when the user is to fill it. */
const valueOr = (value: string | undefined, first: boolean) => (scalar(value) ? ` ${scalar(value)}` : first ? ` ${CURSOR}` : ' ');

type Template = (input: NewRecordFields & { id: string; at: string }) => string[];

const TEMPLATES: Record<NewRecordKind, Template> = {
  Incident: ({ id, at, title, severity, category, detectionSource }) => fillFirst([
    'apiVersion: cc7/v1',
    'kind: Incident',
    `id: ${id}`,
    ['title:', title],
    ['severity:', severity],
    'status: identification',
    ['category:', category],
    `detected_at: ${at}`,
    ['detection_source:', detectionSource],
    'roles:',
    ['  incident_lead:', undefined],
    'timeline:',
    `  - { at: ${at}, event: Incident record opened }`,
  ]),
  SecurityEvent: ({ id, at, title, detectionSource }) => fillFirst([
    'apiVersion: cc7/v1',
    'kind: SecurityEvent',
    `id: ${id}`,
    ['title:', title],
    `detected_at: ${at}`,
    ['detection_source:', detectionSource],
    'triage:',
    `  assessed_at: ${at}`,
    ['  assessed_by:', undefined],
    ['  outcome:', undefined],
    ['  rationale:', undefined],
  ]),
  TabletopExercise: ({ id, at, title }) => fillFirst([
    'apiVersion: cc7/v1',
    'kind: TabletopExercise',
    `id: ${id}`,
    ['title:', title],
    `held_at: ${at}`,
    ['scenario:', undefined],
    'participants:',
    ['  - person:', undefined],
    ['    role:', undefined],
  ]),
};

/** Lines, some of them `[key, value]`: the first without a value gets the cursor. */
function fillFirst(lines: (string | [string, string | undefined])[]): string[] {
  let placed = false;
  return lines.map((line) => {
    if (typeof line === 'string') return line;
    const [key, value] = line;
    const first = !placed && !scalar(value);
    if (first) placed = true;
    return `${key}${valueOr(value, first)}`.trimEnd();
  });
}

/** Severity ids of the plan, with the schema's categories and detection sources. */
export function recordChoices(plan: PlanFacts | undefined): RecordChoices {
  const definitions = (SCHEMAS.Incident as { definitions: Record<string, { enum?: string[] }> }).definitions;
  return {
    severities: (plan?.severities ?? []).map(({ id, name }) => (name === undefined ? { id } : { id, name })),
    categories: definitions.category?.enum ?? [],
    detectionSources: definitions.detection_source?.enum ?? [],
  };
}
