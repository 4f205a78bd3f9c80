/**
 * The schemas handed to Red Hat's YAML extension (package.json yamlValidation): they describe
 * (every description, every enum value as an example) and never validate, so no schema problem
 * is reported twice; and every association names a kind's schema the build writes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SCHEMA_FILES, SCHEMAS } from '../../server/src/core/model/schemas';

const ROOT = path.join(__dirname, '..', '..');
const INVALID = path.join(ROOT, 'test', 'fixtures', 'schemas', 'invalid');
const VALIDATING = ['required', 'pattern', 'format', 'minimum', 'minLength', 'minItems', 'uniqueItems', 'propertyNames', 'type', 'if', 'then', 'else', 'enum', 'const', 'oneOf'];

/** Every schema keyword used anywhere in a schema (names of properties and definitions are not keywords). */
function keywords(node: unknown, named = false, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keywords(item, false, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (!named) found.add(key);
      keywords(value, !named && ['properties', 'definitions', 'patternProperties'].includes(key), found);
    }
  }
  return found;
}

describe('editor schemas (yamlValidation)', () => {
  let editorSchema: (schema: unknown) => unknown;

  before(async () => {
    // The build runs the script as plain ESM; this CommonJS test loads it the same way.
    ({ editorSchema } = await import('../../scripts/editor-schemas.mjs'));
  });

  for (const [kind, schema] of Object.entries(SCHEMAS)) {
    it(`${kind}: keeps the descriptions and enum values, drops every validating keyword`, () => {
      const relaxed = editorSchema(schema) as { properties: Record<string, { description?: string }>; definitions: Record<string, { examples?: unknown[] }> };
      const used = keywords(relaxed);
      assert.deepEqual(VALIDATING.filter((keyword) => used.has(keyword)), []);
      assert.equal(relaxed.properties.kind!.description, (schema as typeof relaxed).properties.kind!.description);
      assert.deepEqual((relaxed.properties.apiVersion as { examples?: unknown[] }).examples, ['cc7/v1']);
    });
  }

  it('accepts every document the real schemas reject: nothing is reported twice', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validators = Object.fromEntries(Object.entries(SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(editorSchema(schema) as object)]));
    const files = readdirSync(INVALID).filter((name) => name.endsWith('.yaml'));
    assert.ok(files.length > 20);
    for (const file of files) {
      const data = parse(readFileSync(path.join(INVALID, file), 'utf8')) as { kind: string };
      const validate = validators[data.kind];
      assert.ok(validate, `${file}: kind ${data.kind}`);
      assert.equal(validate(data), true, `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('package.json associates each kind folder with its editor schema', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
    const byUrl = Object.fromEntries(manifest.contributes.yamlValidation.map(({ fileMatch, url }) => [url, fileMatch]));
    assert.deepEqual(byUrl, {
      [`./dist/editor-schemas/${SCHEMA_FILES.ResponsePlan}`]: ['plan/*.yaml', 'plan/*.yml'],
      [`./dist/editor-schemas/${SCHEMA_FILES.Incident}`]: ['incidents/*.yaml', 'incidents/*.yml'],
      [`./dist/editor-schemas/${SCHEMA_FILES.SecurityEvent}`]: ['events/*.yaml', 'events/*.yml'],
      [`./dist/editor-schemas/${SCHEMA_FILES.Runbook}`]: ['runbooks/*.yaml', 'runbooks/*.yml'],
      [`./dist/editor-schemas/${SCHEMA_FILES.TabletopExercise}`]: ['tabletop/*.yaml', 'tabletop/*.yml'],
    });
  });
});
