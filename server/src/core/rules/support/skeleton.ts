// The value a quick fix inserts for a missing path (phase-evidence, schema): built from the
// kind's JSON Schema, with values chosen so that no rule reports them, so a fix never trades
// one finding for another, and marked as unfinished (placeholders.ts).
import { getIn } from '../../model/data';
import type { Cc7Document } from '../../model/document';
import { zoneOf } from '../../model/plan';
import { formatPath, schemaAt, type SchemaNode } from '../../model/schemas';
import { localDate, parseInstant } from '../../model/time';
import type { Kind, YamlPath } from '../../model/types';
import { Commented, type YamlValue } from '../../model/yaml-edit';
import type { FixContext } from '../rule';
import { chainLink, fittingInstant } from './lifecycle';
import { chosenTime, CONFIRM, PERSON_PLACEHOLDER, todo } from './placeholders';
import { newTrackedItem, nextItemId, trackedSection } from './tracking';

/** The prefix of a new document id by kind (`INC-TODO`). */
const ID_PREFIX: Partial<Record<Kind, string>> = { Incident: 'INC', SecurityEvent: 'EVT', Runbook: 'RB', TabletopExercise: 'TTX' };

/** Which link of the incident's chain (lifecycle.ts chainStamps) resolved_at is. */
const RESOLVED_LINK = chainLink(['resolved_at'])!;

/**
 * The value to write at a missing `path` of the document: every key its schema requires, one
 * item in each list, and for each leaf a value no rule reports (placeholders.ts), e.g.
 *  - times: now in the plan's zone, moved where the incident's chain of times needs it
 *    (timeline-order); a review's `held_at`: the incident's `resolved_at` (pir-deadline);
 *  - a remediation item or improvement: a fully tracked one (remediation-untracked);
 *  - roles and severities: the plan's first (unknown-reference); enums: the first value.
 * Undefined when the schema does not say what goes there.
 */
export function skeleton(doc: Cc7Document, path: YamlPath, context: FixContext): YamlValue | undefined {
  const found = doc.kind && schemaAt(doc.kind, path);
  if (!found) return undefined;
  return chosenValue(doc, path, found.definition, context) ?? fromSchema(doc, path, found.schema, context);
}

/** Values the schema alone cannot choose well: by place, then by definition. */
function chosenValue(doc: Cc7Document, path: YamlPath, definition: string | undefined, context: FixContext): YamlValue | undefined {
  const zone = zoneOf(context.plan);
  const data = doc.data ?? {};
  if (doc.kind === 'Incident') {
    const link = chainLink(path);
    if (link !== undefined) return chosenTime(fittingInstant(data, link, zone, context.now), zone);
    if (formatPath(path) === 'post_incident_review.held_at') {
      // Held the day the incident was resolved is never late.
      const resolved = parseInstant(getIn(data, ['resolved_at']), zone)?.ms ?? fittingInstant(data, RESOLVED_LINK, zone, context.now);
      return chosenTime(resolved, zone);
    }
  }
  const section = trackedSection(doc);
  if (section && path[0] === section && typeof path[1] === 'number') {
    if (path.length === 2) return newTrackedItem(doc, context);
    if (path.length === 3 && path[2] === 'id') return nextItemId(doc);
  }
  if (doc.kind === 'ResponsePlan' && formatPath(path) === 'timezone') return new Commented('UTC', 'TODO: the IANA zone of the organization');
  switch (definition) {
    case 'timestamp':
      return chosenTime(context.now, zone);
    case 'date':
    case 'date_or_timestamp':
      return new Commented(localDate(context.now, zone), 'TODO: the real date');
    case 'person':
      return PERSON_PLACEHOLDER;
    case 'role_id':
      return new Commented(context.plan?.roles[0] ?? 'todo', 'TODO: the right role');
    case 'severity_id':
      return new Commented(context.plan?.severities[0]?.id ?? 'TODO', 'TODO: the right severity');
    case 'id':
      return path.length === 1 && doc.kind && ID_PREFIX[doc.kind] ? `${ID_PREFIX[doc.kind]}-TODO` : undefined;
    default:
      return undefined;
  }
}

function fromSchema(doc: Cc7Document, path: YamlPath, schema: SchemaNode, context: FixContext): YamlValue | undefined {
  if (schema === false) return undefined;
  const node = schema === true ? {} : schema;
  if ('const' in node) return node.const as YamlValue;
  if (Array.isArray(node.enum)) return new Commented(node.enum[0] as string, `TODO: one of ${node.enum.join(', ')}`);
  switch (node.type) {
    case 'object': {
      const value: Record<string, YamlValue> = {};
      for (const key of Array.isArray(node.required) ? (node.required as string[]) : []) {
        const child = skeleton(doc, [...path, key], context);
        if (child === undefined) return undefined;
        value[key] = child;
      }
      return value;
    }
    case 'array': {
      const item = skeleton(doc, [...path, 0], context);
      return item === undefined ? [] : [item];
    }
    case 'boolean':
      return new Commented(false, CONFIRM);
    case 'integer':
    case 'number':
      return new Commented(typeof node.minimum === 'number' ? node.minimum : 0, CONFIRM);
    default:
      return textFor(path, typeof node.pattern === 'string' ? new RegExp(node.pattern, 'u') : undefined);
  }
}

/** `TODO: root cause` for `investigation.root_cause`, or the first placeholder the pattern accepts. */
function textFor(path: YamlPath, pattern: RegExp | undefined): string | undefined {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string') ?? 'value';
  return [todo(key.replace(/_/g, ' ')), 'TODO', 'todo', 'TODO-1'].find((candidate) => !pattern || pattern.test(candidate));
}
