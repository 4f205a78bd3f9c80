/**
 * Safe readers for plain data that came from YAML: a user may write any type anywhere, and
 * the schema rule reports that; every other rule reads through these and treats a wrong type
 * as absent, so it never throws.
 */
import type { YamlPath } from './types';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function records(value: unknown): Record<string, unknown>[] {
  return list(value).filter(isRecord);
}

export function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** A non-blank string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A finite number of zero or more, else undefined. */
export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The value at a path, or undefined when any step is missing or of the wrong type. */
export function getIn(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isRecord(current) ? current[segment] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** A YAML path carried as plain data (a finding's fix data), or undefined when it is not one. */
export function yamlPath(value: unknown): YamlPath | undefined {
  return Array.isArray(value) && value.every((segment) => typeof segment === 'string' || typeof segment === 'number')
    ? (value as YamlPath)
    : undefined;
}

/** True when a value counts as present: not undefined, null, blank or an empty list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
