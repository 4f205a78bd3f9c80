/**
 * Skeletons of the evidence an incident's phase still lacks (phase-evidence, SPEC 2.3): the
 * missing keys under a mapping, grouped into the sections they belong to, as YAML to insert
 * at the cursor's indentation, with placeholders (snippet tabstops, or plain text).
 */
import { zoneOf } from '../model/plan';
import { enumOf, propertiesOf, schemaAt, typesOf, type SchemaNode } from '../model/schema-nodes';
import { DAY_MS, localDate, timestampInZone } from '../model/time';
import type { Kind, YamlPath } from '../model/types';
import { missingEvidence, severityOf } from '../rules/support/lifecycle';
import { trackedItems } from '../rules/support/tracking';
import type { ServiceRequest } from './request';

/** A value to fill in: the text proposed, or a choice among values (the first proposed). */
interface Placeholder {
  text: string;
  choices?: readonly string[];
  /** Written as a one-item flow list, `[text]`. */
  list?: boolean;
}

/** One key of a skeleton and what goes under it. */
export interface SkeletonEntry {
  key: string;
  value: Placeholder | { entries: SkeletonEntry[]; list: boolean };
}

/** Keys a new tracked item gets besides the schema's required ones: remediation-untracked expects an owner, a due date and a ticket. */
const TRACKING_KEYS = new Set(['owner', 'ticket', 'due']);

/**
 * The missing evidence under the mapping at `mappingPath`, one entry per key that is not
 * present yet (a key present but incomplete is completed inside it); [] for anything but an
 * incident.
 */
export function missingUnder(request: ServiceRequest, mappingPath: YamlPath, present: readonly string[]): SkeletonEntry[] {
  const { doc, model } = request;
  if (doc.kind !== 'Incident') return [];
  const missing = missingEvidence(doc.data, model.plan())
    .filter((path) => mappingPath.every((segment, i) => path[i] === segment) && path.length > mappingPath.length)
    .map((path) => path.slice(mappingPath.length))
    .filter((rest) => typeof rest[0] === 'string' && !present.includes(rest[0]));
  return new Placeholders(request, doc.kind).entries(mappingPath, missing);
}

/** Whether an entry is a section (a mapping or a list), not a single value. */
export function isSection(entry: SkeletonEntry): boolean {
  return 'entries' in entry.value;
}

/**
 * YAML for entries whose first line starts at the cursor, at column `indent`; later lines
 * are indented from it. Snippet syntax (`${1:text}`, `${2|a,b|}`) when `snippets`.
 */
export function renderSkeleton(entries: readonly SkeletonEntry[], indent: number, snippets: boolean): string {
  let tabstop = 0;
  const fill = (placeholder: Placeholder): string => {
    const text = !snippets ? placeholder.choices?.[0] ?? placeholder.text
      : placeholder.choices ? `\${${++tabstop}|${placeholder.choices.map(escapeChoice).join(',')}|}`
        : `\${${++tabstop}:${escapeSnippet(placeholder.text)}}`;
    return placeholder.list ? `[${text}]` : text;
  };
  const lines = (list: readonly SkeletonEntry[], column: number): string[] => list.flatMap((entry) => {
    const value = entry.value;
    if (!('entries' in value)) return [`${' '.repeat(column)}${entry.key}: ${fill(value)}`];
    if (!value.list) return [`${' '.repeat(column)}${entry.key}:`, ...lines(value.entries, column + 2)];
    // One item: `- ` then its keys aligned after the dash.
    const item = lines(value.entries, column + 4);
    return [`${' '.repeat(column)}${entry.key}:`, ...item.map((line, i) => (i === 0 ? `${' '.repeat(column + 2)}- ${line.trimStart()}` : line))];
  });
  return lines(entries, indent).join('\n').slice(indent);
}

/** Placeholders from the schema and the incident: `now` for timestamps, a due date from the severity, the next free id. */
class Placeholders {
  private readonly zone: string;

  constructor(private readonly request: ServiceRequest, private readonly kind: Kind) {
    this.zone = zoneOf(request.model.plan());
  }

  /** Entries for the missing paths (relative to `base`), grouped by their first key, in order. */
  entries(base: YamlPath, missing: readonly YamlPath[]): SkeletonEntry[] {
    const keys = [...new Set(missing.map((path) => path[0]).filter((key): key is string => typeof key === 'string'))];
    return keys.map((key) => {
      const path = [...base, key];
      const below = missing.filter((rest) => rest[0] === key && rest.length > 1).map((rest) => rest.slice(1));
      if (below.length > 0) return { key, value: { entries: this.entries(path, below), list: false } };
      return { key, value: this.valueAt(path) };
    });
  }

  private valueAt(path: YamlPath): SkeletonEntry['value'] {
    const node = schemaAt(this.kind, path);
    const item = node && schemaAt(this.kind, [...path, 0]);
    if (node && typesOf(node).has('array') && item && typesOf(item).has('object')) {
      const keys = propertiesOf(item).filter((property) => property.required || (item.definition === 'remediation_item' && TRACKING_KEYS.has(property.key)));
      return { entries: keys.map(({ key }) => ({ key, value: this.placeholder([...path, 0, key], key) })), list: true };
    }
    return this.placeholder(path, String(path[path.length - 1]));
  }

  private placeholder(path: YamlPath, key: string): Placeholder {
    const node = schemaAt(this.kind, path);
    if (!node) return { text: words(key) };
    const choices = enumOf(node).filter((value): value is string => typeof value === 'string');
    if (choices.length > 0) return { text: choices[0]!, choices };
    if (typesOf(node).has('boolean')) return { text: 'true', choices: ['true', 'false'] };
    if (typesOf(node).has('array')) {
      const item = schemaAt(this.kind, [...path, 0]);
      return { ...this.scalar(item, singular(key), path), list: true };
    }
    return this.scalar(node, key, path);
  }

  private scalar(node: SchemaNode | undefined, key: string, path: YamlPath): Placeholder {
    const { now, model, doc } = this.request;
    switch (node?.definition) {
      case 'timestamp':
        return { text: timestampInZone(now, this.zone) };
      case 'date':
      case 'date_or_timestamp': {
        // A new item's due date: the severity's remediation window from now.
        const days = key === 'due' ? severityOf(doc.data, model.plan())?.remediationDueDays ?? 0 : 0;
        return { text: localDate(now + days * DAY_MS, this.zone) };
      }
      case 'person':
        return { text: 'person' };
      case 'id':
        return { text: path[0] === 'remediation' ? nextId('REM', trackedItems(doc).map((item) => item.id)) : 'ID' };
      default:
        return { text: words(key) };
    }
  }
}

/** `REM-3` when REM-1 and REM-2 exist. */
function nextId(prefix: string, ids: readonly (string | undefined)[]): string {
  const used = ids.map((id) => new RegExp(`^${prefix}-(\\d+)$`).exec(id ?? '')?.[1]).filter(Boolean).map(Number);
  return `${prefix}-${Math.max(0, ...used) + 1}`;
}

/** `root_cause` → `root cause`. */
function words(key: string): string {
  return key.replace(/_/g, ' ');
}

/** `affected_systems` → `affected system`, for one item of a list. */
function singular(key: string): string {
  return words(key).replace(/s$/, '');
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
