// The schemas VS Code hands to Red Hat's YAML extension (package.json yamlValidation):
// the published schemas (schemas/) with every validating keyword taken out, and enums and
// consts kept as `examples`. That extension then completes keys and values and shows the
// descriptions on hover, while cc7's own server stays the one that reports schema problems,
// with rule ids, quick fixes and the same words as the CLI: nothing is reported twice.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Keywords that only validate: never reported by the editor schemas. */
const VALIDATING = new Set([
  'required', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'uniqueItems', 'propertyNames', 'type', 'if', 'then', 'else', 'not',
]);
/** Keywords whose children are named, not schema keywords (a property called `type` stays). */
const NAMED = new Set(['properties', 'definitions', 'patternProperties']);

/** The schema without validation, as data. */
export function editorSchema(schema) {
  return relax(schema, undefined);
}

function relax(node, parentKey) {
  if (Array.isArray(node)) return node.map((item) => relax(item, undefined));
  if (typeof node !== 'object' || node === null) return node;
  const named = NAMED.has(parentKey);
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (named) {
      out[key] = relax(value, undefined);
    } else if (key === 'enum' || key === 'const') {
      out.examples = key === 'enum' ? value : [value];
    } else if (key === 'additionalProperties') {
      // false only validates; a value schema (maps) still describes the values.
      if (typeof value === 'object') out[key] = relax(value, key);
    } else if (key === 'oneOf') {
      // Relaxed branches all match: "exactly one" would fail where the real schema passes.
      out.anyOf = relax(value, key);
    } else if (!VALIDATING.has(key)) {
      out[key] = relax(value, key);
    }
  }
  return out;
}

/** Writes every schema of `from` relaxed into `to`. */
export function writeEditorSchemas(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((file) => file.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(path.join(from, name), 'utf8'));
    writeFileSync(path.join(to, name), `${JSON.stringify(editorSchema(schema), null, 2)}\n`);
  }
}
