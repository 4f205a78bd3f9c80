/**
 * Walking a kind's JSON Schema (draft-07) along a YAML path, for the editor features: which
 * keys may go in a mapping, which values in a slot, and what a key means. `$ref`s to the
 * schema's own definitions are followed; `allOf`, `anyOf`, `oneOf` and `if`/`then`/`else`
 * branches count as alternatives (a key any branch knows is known).
 */
import { SCHEMAS } from './schemas';
import type { Kind, YamlPath } from './types';

type Keywords = Readonly<Record<string, unknown>>;

/** One place in a schema. */
export interface SchemaNode {
  /** The keywords at this place; a `$ref` replaced by its target, the referring node's own keywords winning (its description). */
  readonly keywords: Keywords;
  /** The last definition a `$ref` led to on the way here (`timestamp`, `role_id`): what kind of value the slot holds. */
  readonly definition?: string;
  /** The whole schema, for the `$ref`s further down. */
  readonly root: Keywords;
}

/** A key a mapping may hold. */
export interface SchemaProperty {
  key: string;
  node: SchemaNode;
  required: boolean;
}

const BRANCH_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCHES = ['then', 'else'] as const;
/** How deep `$ref` chains may go: the published schemas never nest, a cycle must not hang the editor. */
const MAX_REFS = 16;

function isKeywords(value: unknown): value is Keywords {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The root of a kind's schema. */
export function schemaRoot(kind: Kind): SchemaNode {
  const root = SCHEMAS[kind] as Keywords;
  return { keywords: root, root };
}

/** The schema node for a path in a document of `kind`; undefined where the schema knows no such place. */
export function schemaAt(kind: Kind, path: YamlPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = schemaRoot(kind);
  for (const segment of path) {
    node = node && childOf(node, segment);
    if (!node) return undefined;
  }
  return node;
}

/** The node of a mapping key (a string segment) or a sequence item (a number). */
export function childOf(node: SchemaNode, segment: string | number): SchemaNode | undefined {
  for (const branch of alternatives(node)) {
    const { keywords } = branch;
    if (typeof segment === 'number') {
      if (isKeywords(keywords.items)) return resolve(branch, keywords.items);
      continue;
    }
    const properties = keywords.properties;
    if (isKeywords(properties) && isKeywords(properties[segment])) return resolve(branch, properties[segment]);
  }
  // Only where no branch names the key: a mapping of free keys (roles, rules).
  for (const branch of alternatives(node)) {
    const extra = branch.keywords.additionalProperties;
    if (typeof segment === 'string' && isKeywords(extra)) return resolve(branch, extra);
  }
  return undefined;
}

/** The keys a mapping may hold, in schema order, each once; required ones marked. */
export function propertiesOf(node: SchemaNode): SchemaProperty[] {
  const found = new Map<string, SchemaProperty>();
  for (const branch of alternatives(node)) {
    const required = new Set(!branch.conditional && Array.isArray(branch.keywords.required) ? branch.keywords.required : []);
    const properties = branch.keywords.properties;
    if (!isKeywords(properties)) continue;
    for (const [key, schema] of Object.entries(properties)) {
      const known = found.get(key);
      if (known) known.required ||= required.has(key);
      // `rationale: true` in a `then` only repeats a key the mapping already describes.
      else if (isKeywords(schema)) found.set(key, { key, node: resolve(branch, schema), required: required.has(key) });
    }
  }
  return [...found.values()];
}

/** The values an `enum` or `const` allows at this node (any branch), in schema order. */
export function enumOf(node: SchemaNode): unknown[] {
  const values: unknown[] = [];
  for (const { keywords } of alternatives(node)) {
    if (Array.isArray(keywords.enum)) values.push(...keywords.enum);
    if ('const' in keywords) values.push(keywords.const);
  }
  return [...new Set(values)];
}

/** The JSON types a node admits (any branch). */
export function typesOf(node: SchemaNode): Set<string> {
  const types = new Set<string>();
  for (const { keywords } of alternatives(node)) {
    for (const type of [keywords.type].flat()) if (typeof type === 'string') types.add(type);
  }
  return types;
}

/** The node's description, when it has one. */
export function descriptionOf(node: SchemaNode): string | undefined {
  const { description } = node.keywords;
  return typeof description === 'string' ? description : undefined;
}

/** A branch of a node; `conditional` when it holds only sometimes (anyOf, oneOf, then, else), so its `required` is no rule. */
interface Branch extends SchemaNode {
  conditional: boolean;
}

/** The node and its branches, each resolved; the node first. */
function alternatives(node: SchemaNode): Branch[] {
  const found: Branch[] = [{ ...node, conditional: false }];
  for (let i = 0; i < found.length; i++) {
    const parent = found[i]!;
    const add = (branch: unknown, conditional: boolean) => {
      if (isKeywords(branch)) found.push({ ...resolve(parent, branch), conditional: parent.conditional || conditional });
    };
    for (const list of BRANCH_LISTS) {
      const branches = parent.keywords[list];
      if (Array.isArray(branches)) for (const branch of branches) add(branch, list !== 'allOf');
    }
    for (const name of BRANCHES) add(parent.keywords[name], true);
  }
  return found;
}

/** A schema object as a node: `$ref`s followed, the referring keywords kept over the target's. */
function resolve(from: SchemaNode, keywords: Keywords): SchemaNode {
  let merged: Record<string, unknown> = { ...keywords };
  let definition: string | undefined;
  for (let depth = 0; typeof merged.$ref === 'string' && depth < MAX_REFS; depth++) {
    const ref: string = merged.$ref;
    const target = pointer(from.root, ref);
    const { $ref: _followed, ...own } = merged;
    merged = isKeywords(target) ? { ...target, ...own } : own;
    definition = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1] ?? definition;
  }
  return { keywords: merged, definition, root: from.root };
}

/** A local JSON Pointer (`#/definitions/timestamp`) into the schema; undefined when it leads nowhere. */
function pointer(root: Keywords, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let at: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    at = isKeywords(at) ? at[key] : undefined;
  }
  return at;
}
