// Where each record goes in the bundle: `<folder>/<id>` (plus `.yaml` and `.html`), the
// file's own name when the id is missing or not a valid id, and a `-2`, `-3` suffix when two
// records would share a name (duplicate ids), in path order, so names never depend on timing.
import type { Kind } from './core-api';

export const KIND_FOLDERS: Readonly<Record<Kind, string>> = {
  ResponsePlan: 'plan',
  Incident: 'incidents',
  SecurityEvent: 'events',
  Runbook: 'runbooks',
  TabletopExercise: 'tabletop',
};

/** SPEC 2's id pattern: safe as a file name as it is. */
const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

export interface Nameable {
  path: string;
  kind: Kind;
  id?: string;
}

/** Bundle names (without extension) by workspace path; `records` in path order. */
export function assignNames(records: readonly Nameable[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const record of records) {
    const stem = record.id && ID.test(record.id) ? record.id : fileStem(record.path);
    let name = `${KIND_FOLDERS[record.kind]}/${stem}`;
    // Compared without case: the bundle must extract on case-insensitive file systems too.
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${KIND_FOLDERS[record.kind]}/${stem}-${n}`;
    taken.add(name.toLowerCase());
    names.set(record.path, name);
  }
  return names;
}

function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return safe || 'record';
}
