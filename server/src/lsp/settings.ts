import { DEFAULT_MAX_FILE_BYTES } from '../core/service/program';
import { isSeveritySetting, type SeveritySetting } from '../core/model/types';
import { DEFAULT_INCLUDE } from '../node/files';

/** The `cc7.*` settings the server honours (SPEC 5). */
export interface ServerSettings {
  asOf: string;
  rules: Record<string, SeveritySetting>;
  include: string[];
  exclude: string[];
  maxFileBytes: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  asOf: '',
  rules: {},
  include: DEFAULT_INCLUDE,
  exclude: [],
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
};

/** Reads settings of any shape a client sends; whatever is malformed keeps its default. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const value = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const rules = typeof value.rules === 'object' && value.rules !== null ? value.rules as Record<string, unknown> : {};
  return {
    asOf: typeof value.asOf === 'string' ? value.asOf : DEFAULT_SETTINGS.asOf,
    rules: Object.fromEntries(Object.entries(rules)
      .filter((entry): entry is [string, SeveritySetting] => isSeveritySetting(entry[1]))),
    include: stringList(value.include) ?? DEFAULT_SETTINGS.include,
    exclude: stringList(value.exclude) ?? DEFAULT_SETTINGS.exclude,
    maxFileBytes: typeof value.maxFileBytes === 'number' && value.maxFileBytes > 0 ? value.maxFileBytes : DEFAULT_SETTINGS.maxFileBytes,
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}
