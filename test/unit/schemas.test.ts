// The published JSON Schemas (schemas/*.schema.json): draft-07, self-contained, closed, described,
// and matching SPEC.md section 2 on the spec's own examples and on a set of broken documents.
//
// Fixtures: test/fixtures/schemas/valid/*.yaml must validate cleanly; every
// test/fixtures/schemas/invalid/*.yaml states why it fails in `# reason:` and lists, in
// `# expect:` lines (one JSON object each), exactly the ajv errors it must produce.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { SCHEMA_FILES, withInstantFormat } from '../../server/src/core/model/schemas';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(ROOT, 'schemas');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'schemas');
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const KINDS = SCHEMA_FILES;
type Kind = keyof typeof KINDS;

/** Top-level `required` of each kind: SPEC.md 2.3 (identification fields only, plus apiVersion and kind). */
const REQUIRED: Record<Kind, string[]> = {
  ResponsePlan: ['apiVersion', 'kind', 'organization', 'timezone', 'roles', 'severity_levels'],
  Incident: ['apiVersion', 'kind', 'id', 'title', 'severity', 'category', 'detected_at', 'detection_source', 'roles', 'timeline'],
  SecurityEvent: ['apiVersion', 'kind', 'id', 'title', 'detected_at', 'detection_source', 'triage'],
  Runbook: ['apiVersion', 'kind', 'id', 'title', 'owner', 'last_reviewed', 'phases'],
  TabletopExercise: ['apiVersion', 'kind', 'id', 'title', 'held_at', 'participants', 'scenario'],
};

/** A hover text: one or two sentences, ending with the criterion served, e.g. "(CC7.3)" or "(CC7.4, CC2.3)". */
const DESCRIPTION = /^[A-Z].*[.)] \(CC\d\.\d(–CC\d\.\d)?(, CC\d\.\d)*\)$/;

/** Draft-07 validation and annotation keywords; anything else in a schema object is a typo or an extension. */
const DRAFT_07_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'readOnly', 'writeOnly', 'examples',
  'definitions', 'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding', 'items', 'additionalItems',
  'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxProperties', 'minProperties', 'required', 'properties',
  'patternProperties', 'additionalProperties', 'dependencies', 'propertyNames', 'if', 'then', 'else', 'allOf',
  'anyOf', 'oneOf', 'not',
]);

type Schema = { [keyword: string]: unknown };
interface Visit { schema: Schema; pointer: string }

function loadSchema(kind: Kind): Schema {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, KINDS[kind]), 'utf8')) as Schema;
}

function newAjv(): Ajv {
  return withInstantFormat(new Ajv({ allErrors: true, strict: true }));
}

/** Every schema object inside `root` (not boolean schemas), with its JSON pointer. */
function walk(root: Schema): Visit[] {
  const out: Visit[] = [];
  const visit = (schema: unknown, pointer: string): void => {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
    const s = schema as Schema;
    out.push({ schema: s, pointer });
    for (const key of ['properties', 'definitions', 'patternProperties'] as const) {
      const map = s[key] as Record<string, unknown> | undefined;
      for (const [name, sub] of Object.entries(map ?? {})) visit(sub, `${pointer}/${key}/${name}`);
    }
    for (const key of ['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'contains'] as const) {
      visit(s[key], `${pointer}/${key}`);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      ((s[key] as unknown[] | undefined) ?? []).forEach((sub, i) => visit(sub, `${pointer}/${key}/${i}`));
    }
  };
  visit(root, '#');
  return out;
}

/** Condition and branch subschemas (if/then/else, oneOf branches): they test keys, they do not declare them. */
const CONDITION = /\/(if|then|else|not|(allOf|anyOf|oneOf)\/\d+)$/;

/** The schemas a user can hover on as a key: every declared property, and the values of id-keyed maps. */
function keySchemas(root: Schema): Visit[] {
  const out: Visit[] = [];
  for (const { schema, pointer } of walk(root)) {
    if (CONDITION.test(pointer)) continue;
    for (const [name, sub] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) {
      out.push({ schema: sub as Schema, pointer: `${pointer}/properties/${name}` });
    }
    if (schema.propertyNames !== undefined && typeof schema.additionalProperties === 'object') {
      out.push({ schema: schema.additionalProperties as Schema, pointer: `${pointer}/additionalProperties` });
    }
  }
  return out;
}

interface Fixture { file: string; doc: Record<string, unknown> }

function fixtures(dir: 'valid' | 'invalid'): Fixture[] {
  const folder = path.join(FIXTURE_DIR, dir);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, doc: parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown> }));
}

/** `# reason:` and `# expect:` header lines of an invalid fixture. */
function header(file: string): { reason: string; expect: Record<string, string>[] } {
  const lines = readFileSync(path.join(FIXTURE_DIR, 'invalid', file), 'utf8').split('\n');
  const reason = lines.find((l) => l.startsWith('# reason:'))?.slice('# reason:'.length).trim() ?? '';
  const expect = lines
    .filter((l) => l.startsWith('# expect:'))
    .map((l) => JSON.parse(l.slice('# expect:'.length)) as Record<string, string>);
  return { reason, expect };
}

/** An ajv error reduced to what a fixture states: keyword, instancePath and the key involved, if any. */
function normalize(e: ErrorObject): Record<string, string> {
  const out: Record<string, string> = { keyword: e.keyword, instancePath: e.instancePath };
  const params = e.params as Record<string, unknown>;
  for (const p of ['missingProperty', 'additionalProperty', 'propertyName'] as const) {
    const v = p === 'propertyName' ? (e.propertyName ?? params.propertyName) : params[p];
    if (typeof v === 'string') out[p] = v;
  }
  return out;
}

const canonical = (o: Record<string, string>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));

function compileAll(): Record<Kind, ValidateFunction> {
  const ajv = newAjv();
  const out = {} as Record<Kind, ValidateFunction>;
  for (const kind of Object.keys(KINDS) as Kind[]) out[kind] = ajv.compile(loadSchema(kind));
  return out;
}

function validatorFor(validators: Record<Kind, ValidateFunction>, fixture: Fixture): ValidateFunction {
  const kind = fixture.doc.kind as Kind;
  assert.ok(kind in KINDS, `${fixture.file}: unknown kind ${String(kind)}`);
  return validators[kind];
}

describe('JSON Schemas (schemas/*.schema.json)', () => {
  it('has one schema file per kind, and nothing else', () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(files, Object.values(KINDS).slice().sort());
  });

  for (const kind of Object.keys(KINDS) as Kind[]) {
    describe(`${kind} (${KINDS[kind]})`, () => {
      const schema = loadSchema(kind);

      it('declares draft-07, its $id and a title', () => {
        assert.equal(schema.$schema, DRAFT_07);
        assert.equal(schema.$id, `https://cc7.dev/schemas/v1/${KINDS[kind]}`);
        assert.equal(typeof schema.title, 'string');
        assert.equal(typeof schema.description, 'string');
      });

      it('is valid against the draft-07 meta-schema', () => {
        const ajv = newAjv();
        assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
        const draft07 = ajv.getSchema(DRAFT_07);
        assert.ok(draft07, 'ajv knows the draft-07 meta-schema');
        assert.equal(draft07(schema), true, ajv.errorsText(draft07.errors));
      });

      it('compiles with ajv in strict mode', () => {
        assert.doesNotThrow(() => newAjv().compile(schema));
      });

      it('pins apiVersion and kind', () => {
        const props = schema.properties as Record<string, Schema>;
        assert.equal(props.apiVersion?.const, 'cc7/v1');
        assert.equal(props.kind?.const, kind);
      });

      it('requires exactly the fields of SPEC.md 2.3 at the top level', () => {
        assert.deepEqual(schema.required, REQUIRED[kind]);
      });

      it('is self-contained: only local #/definitions references, all resolvable', () => {
        const defs = (schema.definitions as Record<string, unknown>) ?? {};
        for (const { schema: s, pointer } of walk(schema)) {
          if (s.$ref === undefined) continue;
          assert.match(String(s.$ref), /^#\/definitions\/[a-z_]+$/, pointer);
          assert.ok(String(s.$ref).slice('#/definitions/'.length) in defs, `${pointer}: ${String(s.$ref)} is not defined`);
        }
      });

      it('uses only standard draft-07 keywords', () => {
        for (const { schema: s, pointer } of walk(schema)) {
          for (const key of Object.keys(s)) assert.ok(DRAFT_07_KEYWORDS.has(key), `${pointer}: non-standard keyword ${key}`);
        }
      });

      it('closes every object (additionalProperties: false), except id-keyed maps with propertyNames', () => {
        for (const { schema: s, pointer } of walk(schema)) {
          if (s.type !== 'object') continue;
          if (s.propertyNames !== undefined) {
            assert.equal(typeof s.additionalProperties, 'object', `${pointer}: a map needs a value schema`);
          } else {
            assert.equal(s.additionalProperties, false, `${pointer}: additionalProperties must be false`);
          }
        }
      });

      it('describes every property for hover, ending with the CC7 criterion it serves', () => {
        const keys = keySchemas(schema);
        assert.ok(keys.length > 5);
        for (const { schema: s, pointer } of keys) {
          assert.equal(typeof s, 'object', `${pointer}: a property schema must be an object`);
          const d = s.description;
          assert.equal(typeof d, 'string', `${pointer}: no description`);
          assert.match(String(d), DESCRIPTION, `${pointer}: "${String(d)}"`);
          assert.ok(String(d).length <= 200, `${pointer}: description too long for hover (${String(d).length})`);
        }
      });
    });
  }
});

describe('schema fixtures', () => {
  const validators = compileAll();

  describe('valid (SPEC.md 2.1, 2.2, 2.6 examples and more)', () => {
    const valid = fixtures('valid');

    it('includes every example of SPEC.md 2.1, 2.2 and 2.6', () => {
      const files = valid.map((f) => f.file);
      for (const name of ['spec-2.1-response-plan.yaml', 'spec-2.2-incident.yaml', 'spec-2.6-security-event.yaml', 'spec-2.6-runbook.yaml', 'spec-2.6-tabletop-exercise.yaml']) {
        assert.ok(files.includes(name), `missing fixture ${name}`);
      }
    });

    for (const fixture of valid) {
      it(`${fixture.file} validates without errors`, () => {
        const validate = validatorFor(validators, fixture);
        const ok = validate(fixture.doc);
        assert.deepEqual(validate.errors ?? [], [], `${fixture.file}: ${JSON.stringify(validate.errors, null, 2)}`);
        assert.equal(ok, true);
      });
    }
  });

  describe('invalid (each fails for its stated reason, and only that)', () => {
    const invalid = fixtures('invalid');

    it('covers each failure the schemas must catch', () => {
      const keywords = new Set(invalid.flatMap((f) => header(f.file).expect.map((e) => e.keyword)));
      for (const k of ['enum', 'type', 'pattern', 'required', 'additionalProperties', 'minItems', 'const', 'propertyNames', 'oneOf', 'if']) {
        assert.ok(keywords.has(k), `no invalid fixture exercises ${k}`);
      }
      const kinds = new Set(invalid.map((f) => f.doc.kind));
      for (const kind of Object.keys(KINDS)) assert.ok(kinds.has(kind), `no invalid fixture of kind ${kind}`);
    });

    for (const fixture of invalid) {
      const { reason, expect } = header(fixture.file);
      it(`${fixture.file}: ${reason}`, () => {
        assert.ok(reason, `${fixture.file}: add a "# reason:" line`);
        assert.ok(expect.length > 0, `${fixture.file}: add "# expect:" lines`);
        const validate = validatorFor(validators, fixture);
        assert.equal(validate(fixture.doc), false, `${fixture.file} should not validate`);
        const actual = (validate.errors ?? []).map(normalize).map(canonical).sort();
        assert.deepEqual(actual, expect.map(canonical).sort());
      });
    }
  });
});
