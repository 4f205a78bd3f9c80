import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import incidentSchema from '../../../../schemas/incident.schema.json';
import planSchema from '../../../../schemas/response-plan.schema.json';
import runbookSchema from '../../../../schemas/runbook.schema.json';
import eventSchema from '../../../../schemas/security-event.schema.json';
import tabletopSchema from '../../../../schemas/tabletop-exercise.schema.json';
import type { Target } from './locate';
import { nearest } from './suggest';
import { instantProblem } from './time';
import type { Kind, YamlPath } from './types';

/** The file under schemas/ of each kind's published JSON Schema. */
export const SCHEMA_FILES: Record<Kind, string> = {
  ResponsePlan: 'response-plan.schema.json',
  Incident: 'incident.schema.json',
  SecurityEvent: 'security-event.schema.json',
  Runbook: 'runbook.schema.json',
  TabletopExercise: 'tabletop-exercise.schema.json',
};

/** The published JSON Schema of each kind (the files of SCHEMA_FILES, bundled). */
export const SCHEMAS: Record<Kind, object> = {
  ResponsePlan: planSchema,
  Incident: incidentSchema,
  SecurityEvent: eventSchema,
  Runbook: runbookSchema,
  TabletopExercise: tabletopSchema,
};

/** One schema violation, already split between the `schema` and `unknown-key` rules. */
export interface SchemaIssue {
  rule: 'schema' | 'unknown-key';
  path: YamlPath;
  on: Target;
  message: string;
  /** `unknown-key`: the known key nearest the unknown one, when it is a likely typo. */
  suggestion?: string;
  /** `schema`: the path names a required key that is missing (a fix can insert it). */
  missingKey?: boolean;
}

/** The format the published schemas give dates and timestamps (other tools ignore an unknown format). */
export const INSTANT_FORMAT = 'cc7-instant';

/**
 * Teaches an ajv instance the `cc7-instant` format: a date or timestamp must name a real day
 * and time (not 2026-02-30 or 25:61). Any ajv user of the published schemas does the same.
 */
export function withInstantFormat(ajv: Ajv): Ajv {
  return ajv.addFormat(INSTANT_FORMAT, { type: 'string', validate: (text: string) => instantProblem(text) === undefined });
}

let ajv: Ajv | undefined;
const validators = new Map<Kind, ValidateFunction>();

/**
 * Each kind's validator is compiled once per thread, when a document of that kind is first
 * validated: a compile costs about 0.1 s, and a thread that sees plans only (or incidents and
 * runbooks only) needs few of the five.
 */
function validatorFor(kind: Kind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    ajv ??= withInstantFormat(new Ajv({ allErrors: true, strict: true, verbose: true }));
    validate = ajv.compile(SCHEMAS[kind]);
    validators.set(kind, validate);
  }
  return validate;
}

/** Validates a document's data against its kind's schema. */
export function validateAgainstSchema(kind: Kind, data: unknown): SchemaIssue[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  return relevantErrors(validate.errors ?? []).map(toIssue);
}

/**
 * ajv reports every failing branch of an anyOf/oneOf and the `if` of an if/then; the user
 * needs the one error that says what is wrong, so branch and `if` errors are dropped.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const combinators = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .map((error) => error.schemaPath);
  return errors.filter((error) =>
    error.keyword !== 'if' && !combinators.some((prefix) => error.schemaPath.startsWith(`${prefix}/`)));
}

function toIssue(error: ErrorObject): SchemaIssue {
  const path = pointerToPath(error.instancePath);
  const where = path.length ? `"${formatPath(path)}"` : 'The document';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const best = nearest(key, known);
      const hint = known.length === 0 ? '.' : best ? `: did you mean "${best}"?` : `. Known keys here: ${known.join(', ')}.`;
      return { rule: 'unknown-key', path: [...path, key], on: 'key', message: `Unknown key "${key}"${hint}`, ...(best ? { suggestion: best } : {}) };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return { rule: 'schema', path: [...path, key], on: 'key', message: `${where} is missing the required key "${key}": add it`, missingKey: true };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).join(', ');
      return { rule: 'schema', path, on: 'value', message: `${where} must be one of: ${allowed}` };
    }
    case 'const':
      return { rule: 'schema', path, on: 'value', message: `${where} must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'pattern':
      return { rule: 'schema', path, on: 'value', message: `${where} ${patternMeaning(error)}` };
    case 'not':
      // The `not` schema says in its description what the excluded values are (a built-in regime id).
      return { rule: 'schema', path, on: 'value', message: `${where} ${(error.schema as { description?: string }).description ?? 'is not allowed here'}` };
    case 'format':
      return { rule: 'schema', path, on: 'value', message: `${where} is not a real date or time: ${instantProblem(String(error.data))}` };
    default:
      return { rule: 'schema', path, on: 'value', message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** What a failed pattern means, by the schema definition it comes from. */
const PATTERN_MEANINGS: Record<string, string> = {
  timestamp: 'must be an RFC 3339 timestamp such as 2026-03-02T09:14:00Z',
  date: 'must be a date such as 2026-04-30',
  date_or_timestamp: 'must be a date such as 2026-04-30 or a timestamp such as 2026-04-30T17:00:00Z',
  id: 'must be an id of capitals, digits and dashes such as INC-2026-014',
  role_id: 'must be a role id in snake_case such as incident_lead',
  severity_id: 'must be a severity id of letters, digits, _ or - such as SEV1',
  rule_id: 'must be a rule id in kebab-case such as remediation-overdue',
  regime_id: 'must be a regime id in lower case such as gdpr-art33',
  jurisdiction: 'must be a jurisdiction code such as eu, uk or us-ca',
};

function patternMeaning(error: ErrorObject): string {
  const definition = /#\/definitions\/([^/]+)\//.exec(error.schemaPath)?.[1];
  return (definition && PATTERN_MEANINGS[definition]) ?? `must match ${String(error.params.pattern)}`;
}

/** `timeline[0].event`: how a user would name the place. */
export function formatPath(path: YamlPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** JSON Pointer (RFC 6901) to a YAML path; array indexes become numbers. */
function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((segment) => {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

/** A JSON Schema node as the published schemas write them. */
export type SchemaNode = boolean | { readonly [keyword: string]: unknown };

/**
 * The schema of the value at `path` in a document of `kind`, with `$ref`s followed;
 * `definition` names the definition it came from last (`timestamp`, `person`, `role_id`).
 * Looks in `properties`, a conditional's `then`, `additionalProperties` and `items`;
 * undefined where the schema says nothing.
 */
export function schemaAt(kind: Kind, path: YamlPath): { schema: SchemaNode; definition?: string } | undefined {
  const root = SCHEMAS[kind] as SchemaObject;
  let at = resolveRef(root, root);
  for (const segment of path) {
    const node = at.schema;
    if (typeof node === 'boolean') return undefined;
    const next = typeof segment === 'number'
      ? node.items
      : propertyOf(node, segment) ?? propertyOf(node.then, segment) ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (next === undefined) return undefined;
    at = resolveRef(root, next as SchemaNode);
  }
  return at;
}

type SchemaObject = { readonly [keyword: string]: unknown };

function propertyOf(node: unknown, key: string): SchemaNode | undefined {
  const properties = (node as { properties?: Record<string, SchemaNode> } | undefined)?.properties;
  return properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
}

/** Follows `#/definitions/...` references (the only kind the published schemas use). */
function resolveRef(root: SchemaObject, node: SchemaNode): { schema: SchemaNode; definition?: string } {
  let schema = node;
  let definition: string | undefined;
  for (let hops = 0; typeof schema === 'object' && typeof schema.$ref === 'string' && hops < 8; hops++) {
    definition = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = definition ? (root.definitions as Record<string, SchemaNode> | undefined)?.[definition] : undefined;
    if (target === undefined) break;
    schema = target;
  }
  return definition ? { schema, definition } : { schema };
}
