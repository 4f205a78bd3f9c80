/**
 * The VS Code extension's static editor assets (SPEC 3): the snippets (`snippets/`) and the
 * grammar injection into YAML (`syntaxes/`), and how package.json contributes them.
 *
 * Snippets are expanded the way VS Code would (tab stops to their default or first choice,
 * CURRENT_* variables from a fixed clock), then parsed as YAML and validated against the
 * kind's JSON Schema; item snippets are inserted into a minimal Incident with VS Code's
 * indentation rule. Choice lists must be the schema's enum for the field they fill. The
 * expanded snippets together must form a workspace the real rules find nothing wrong with.
 *
 * The grammar's regexes are plain line-local `match` patterns in the subset Oniguruma and
 * JavaScript share, so they are compiled and run here with `new RegExp`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { Program } from '../server/src/core/service/program';
import { RULES } from '../server/src/core/rules/registry';
import { SCHEMA_FILES, withInstantFormat } from '../server/src/core/model/schemas';

const ROOT = path.join(__dirname, '..');
const SNIPPETS_PATH = './snippets/cc7.code-snippets';
const GRAMMAR_PATH = './syntaxes/cc7.injection.tmLanguage.json';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Schemas

type Schema = { [keyword: string]: unknown };

type Kind = keyof typeof SCHEMA_FILES;
const KINDS = Object.keys(SCHEMA_FILES) as Kind[];

const SCHEMAS = Object.fromEntries(KINDS.map((k) => [k, readJson(`schemas/${SCHEMA_FILES[k]}`) as Schema])) as Record<Kind, Schema>;

const ajv = withInstantFormat(new Ajv({ allErrors: true, strict: false }));
for (const kind of KINDS) ajv.addSchema(SCHEMAS[kind] as AnySchema);

function validator(kind: Kind, pointer = ''): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMAS[kind].$id as string}#${pointer}`);
  assert.ok(validate, `no schema at ${kind}#${pointer}`);
  return validate;
}

function assertValid(kind: Kind, value: unknown, where: string, pointer = ''): void {
  const validate = validator(kind, pointer);
  const ok = validate(value);
  assert.ok(ok, `${where} breaks the ${kind} schema${pointer ? ` at ${pointer}` : ''}:\n${JSON.stringify(validate.errors, null, 2)}`);
}

/** The schema node for a path inside a document (or inside the node at `start`), following local $refs. */
function schemaAt(root: Schema, pathInDoc: (string | number)[], start: Schema = root): Schema {
  const deref = (s: Schema): Schema => {
    let node = s;
    while (typeof node.$ref === 'string') {
      const ref = node.$ref;
      assert.ok(ref.startsWith('#/'), `non-local $ref ${ref}`);
      node = ref.slice(2).split('/').reduce<Schema>((n, part) => n[part] as Schema, root);
    }
    return node;
  };
  let node = deref(start);
  for (const step of pathInDoc) {
    if (typeof step === 'number') node = node.items as Schema;
    else node = ((node.properties as Record<string, Schema> | undefined)?.[step] ?? node.additionalProperties) as Schema;
    assert.ok(node && typeof node === 'object', `no schema for ${pathInDoc.join('.')}`);
    node = deref(node);
  }
  return node;
}

/** The node at a JSON pointer (`/definitions/waiver`) of a schema. */
const pointerIn = (root: Schema, pointer: string): Schema =>
  pointer.slice(1).split('/').reduce<Schema>((node, part) => node[part] as Schema, root);

/** The closed list a schema node allows: `enum`, or the `then` branch's enum (the plan's regimes: built-in ids or a regime object). */
function enumOf(node: Schema): unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum;
  const then = node.then as Schema | undefined;
  return then && Array.isArray(then.enum) ? then.enum : undefined;
}

// ---------------------------------------------------------------------------------------------
// A VS Code snippet expander: tab stops, placeholders, choices, variables (no transforms).

type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[] };

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (why: string): never => assert.fail(`snippet syntax at ${pos}: ${why}\n${source}`);

  function parseAny(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const c = source[pos];
      if (c === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1])) {
        text += source[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  function parseDollar(): SnippetNode | undefined {
    const rest = source.slice(pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return { type: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([_A-Za-z][_A-Za-z0-9]*)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return { type: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+|[_A-Za-z][_A-Za-z0-9]*)/.exec(rest);
    if (!m) return undefined;
    pos += m[0].length;
    const isTabstop = /^\d+$/.test(m[1]);
    const next = source[pos];
    if (next === '}') {
      pos++;
      return isTabstop ? { type: 'tabstop', index: Number(m[1]) } : { type: 'variable', name: m[1] };
    }
    if (next === ':') {
      pos++;
      const children = parseAny(true);
      if (source[pos] !== '}') fail('unclosed placeholder');
      pos++;
      return isTabstop ? { type: 'tabstop', index: Number(m[1]), children } : { type: 'variable', name: m[1], children };
    }
    if (next === '|' && isTabstop) {
      pos++;
      const choices: string[] = [];
      let current = '';
      while (pos < source.length && source.slice(pos, pos + 2) !== '|}') {
        if (source[pos] === '\\' && ',|\\'.includes(source[pos + 1])) {
          current += source[pos + 1];
          pos += 2;
        } else if (source[pos] === ',') {
          choices.push(current);
          current = '';
          pos++;
        } else {
          current += source[pos++];
        }
      }
      if (pos >= source.length) fail('unclosed choice');
      choices.push(current);
      pos += 2;
      return { type: 'tabstop', index: Number(m[1]), choices };
    }
    return fail(`unsupported snippet syntax after \${${m[1]} (transforms are not used)`);
  }

  const nodes = parseAny(false);
  if (pos !== source.length) fail('stray }');
  return nodes;
}

/** What VS Code's CURRENT_* variables would give at one local wall-clock moment. */
interface Clock {
  year: string;
  month: string;
  date: string;
  hour: string;
  minute: string;
  second: string;
  offset: string;
}

function variablesOf(clock: Clock): Record<string, string> {
  return {
    CURRENT_YEAR: clock.year,
    CURRENT_YEAR_SHORT: clock.year.slice(-2),
    CURRENT_MONTH: clock.month,
    CURRENT_DATE: clock.date,
    CURRENT_HOUR: clock.hour,
    CURRENT_MINUTE: clock.minute,
    CURRENT_SECOND: clock.second,
    CURRENT_TIMEZONE_OFFSET: clock.offset,
  };
}

/** The instant a clock's local time means. */
const instantOf = (c: Clock): number => Date.parse(`${c.year}-${c.month}-${c.date}T${c.hour}:${c.minute}:${c.second}${c.offset}`);

const CLOCKS: Clock[] = [
  { year: '2026', month: '06', date: '15', hour: '10', minute: '30', second: '00', offset: '+02:00' },
  { year: '2026', month: '01', date: '05', hour: '23', minute: '59', second: '41', offset: '-05:00' },
  { year: '2027', month: '12', date: '31', hour: '00', minute: '00', second: '00', offset: '+00:00' },
];

interface ExpandOptions {
  clock: Clock;
  /** Text to put at a tab stop instead of its default. */
  override?: Map<number, string>;
  /** Which choice to take at a tab stop (default: the first). */
  pick?: Map<number, number>;
}

/** A snippet's text as inserted, before any typing: every tab stop at its default or chosen value. */
function expand(source: string, options: ExpandOptions): string {
  const nodes = parseSnippet(source);
  const definitions = new Map<number, SnippetNode & { type: 'tabstop' }>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop' && (node.children || node.choices) && !definitions.has(node.index)) definitions.set(node.index, node);
      if (node.type !== 'text' && node.children) collect(node.children);
    }
  };
  collect(nodes);
  const variables = variablesOf(options.clock);
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.type === 'text') return node.value;
        if (node.type === 'variable') {
          assert.ok(node.name in variables, `unknown snippet variable ${node.name}: VS Code would insert its name`);
          return variables[node.name];
        }
        const override = options.override?.get(node.index);
        if (override !== undefined) return override;
        const def = definitions.get(node.index);
        if (def?.choices) return def.choices[options.pick?.get(node.index) ?? 0];
        return def?.children ? render(def.children) : '';
      })
      .join('');
  return render(nodes);
}

/** Every choice placeholder of a snippet: tab stop and its values. */
function choicesOf(source: string): { index: number; choices: string[] }[] {
  const out: { index: number; choices: string[] }[] = [];
  const visit = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop' && node.choices) out.push({ index: node.index, choices: node.choices });
      if (node.type !== 'text' && node.children) visit(node.children);
    }
  };
  visit(parseSnippet(source));
  return out;
}

/** How VS Code inserts a multi-line snippet: every line after the first gets the current line's indentation. */
function insertAt(host: string, marker: string, snippet: string): string {
  const lines = host.split('\n');
  const at = lines.findIndex((line) => line.includes(marker));
  assert.ok(at !== -1 && lines.findIndex((line, i) => i > at && line.includes(marker)) === -1, `marker ${marker} must occur once`);
  const indent = /^[ \t]*/.exec(lines[at])![0];
  const [first, ...rest] = snippet.split('\n');
  lines[at] = lines[at].replace(marker, [first, ...rest.map((line) => indent + line)].join('\n'));
  return lines.join('\n');
}

/** Parses YAML as the server does (YAML 1.2 core schema), failing on any error or warning. */
function parseYaml(text: string, where: string): unknown {
  const doc = parseDocument(text);
  assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], `${where} is not clean YAML:\n${text}`);
  return doc.toJS();
}

/** Where `needle` sits as a scalar inside a parsed value. */
function pathTo(value: unknown, needle: string, at: (string | number)[] = []): (string | number)[] | undefined {
  if (value === needle) return at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathTo(value[i], needle, [...at, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, sub] of Object.entries(value)) {
      const found = pathTo(sub, needle, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

const getAt = (value: unknown, at: (string | number)[]): unknown =>
  at.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);

// ---------------------------------------------------------------------------------------------
// The snippets under test

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const SNIPPETS = readJson(SNIPPETS_PATH) as Record<string, Snippet>;
const bodyOf = (prefix: string): string => {
  const snippet = Object.values(SNIPPETS).find((s) => s.prefix === prefix);
  assert.ok(snippet, `no snippet with prefix ${prefix}`);
  return snippet.body.join('\n');
};

const DOCUMENT_SNIPPETS: Record<string, Kind> = {
  'cc7-plan': 'ResponsePlan',
  'cc7-incident': 'Incident',
  'cc7-event': 'SecurityEvent',
  'cc7-runbook': 'Runbook',
  'cc7-tabletop': 'TabletopExercise',
};

/** A valid Incident still in identification: the host the item snippets are typed into. */
const MINIMAL_INCIDENT = `apiVersion: cc7/v1
kind: Incident
id: INC-2026-900
title: Fixture incident for item snippets
severity: SEV2
status: identification
category: unauthorized-access
detected_at: 2026-03-02T09:14:00Z
detection_source: siem-alert
roles:
  incident_lead: alice@acme.io
timeline:
  - { at: 2026-03-02T09:14:00Z, event: Alert raised }
`;

interface ItemSnippet {
  /** The section the item is typed into, with the cursor line (⟨here⟩) where it is inserted. */
  section: string;
  /** Where the item list lives in the document. */
  list: string[];
  /** The item's schema inside the Incident schema. */
  pointer: string;
  /** How many items the list holds before the insertion. */
  before: number;
}

const ITEM_SNIPPETS: Record<string, ItemSnippet> = {
  'cc7-remediation': { section: 'remediation:\n  ⟨here⟩\n', list: ['remediation'], pointer: '/definitions/remediation_item', before: 0 },
  'cc7-timeline': { section: '  ⟨here⟩\n', list: ['timeline'], pointer: '/properties/timeline/items', before: 1 },
  'cc7-notice': {
    section: 'notifications:\n  notices:\n    ⟨here⟩\n',
    list: ['notifications', 'notices'],
    pointer: '/properties/notifications/properties/notices/items',
    before: 0,
  },
  'cc7-not-required': {
    section: 'notifications:\n  not_required:\n    ⟨here⟩\n',
    list: ['notifications', 'not_required'],
    pointer: '/properties/notifications/properties/not_required/items',
    before: 0,
  },
  'cc7-containment': { section: 'containment:\n  ⟨here⟩\n', list: ['containment'], pointer: '/properties/containment/items', before: 0 },
  'cc7-waiver': { section: 'waivers:\n  ⟨here⟩\n', list: ['waivers'], pointer: '/definitions/waiver', before: 0 },
};

/** An item snippet typed on the cursor line of its section, appended to `host`. */
function withItem(host: string, prefix: string, clock: Clock, options: Omit<ExpandOptions, 'clock'> = {}): string {
  return insertAt(host + ITEM_SNIPPETS[prefix].section, '⟨here⟩', expand(bodyOf(prefix), { clock, ...options }));
}

/** Rules a waiver snippet does not offer: the document's waivers cannot be read (file-too-large, yaml-syntax), or renewing the waiver is the fix (waiver-expired). */
const NOT_WAIVABLE = ['file-too-large', 'yaml-syntax', 'waiver-expired'];

/** Choice lists on fields the schema leaves open (a pattern, not an enum), and what they must offer. */
function openFieldChoices(field: string, clock: Clock): string[] | undefined {
  const plan = parseYaml(expand(bodyOf('cc7-plan'), { clock }), 'cc7-plan') as { severity_levels: { id: string }[] };
  const builtInRegimes = enumOf(schemaAt(SCHEMAS.ResponsePlan, ['notification', 'regimes', 0])) as string[];
  switch (field) {
    case 'severity':
    case 'severities':
      return plan.severity_levels.map((level) => level.id); // the plan snippet's own severities
    case 'regime':
      return builtInRegimes; // the built-in catalogue (SPEC 2.4); plan-defined regimes are typed in
    case 'rule':
      return RULES.map((rule) => rule.id).filter((id) => !NOT_WAIVABLE.includes(id));
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

describe('editor assets', () => {
  describe('package.json', () => {
    const pkg = readJson('package.json') as {
      contributes: { snippets?: unknown; grammars?: unknown };
    };

    it('contributes the snippets for yaml, and the file exists', () => {
      assert.deepEqual(pkg.contributes.snippets, [{ language: 'yaml', path: SNIPPETS_PATH }]);
      assert.ok(existsSync(path.join(ROOT, SNIPPETS_PATH)));
    });

    it('contributes the grammar injection into source.yaml, and the file exists with that scope name', () => {
      assert.deepEqual(pkg.contributes.grammars, [{ scopeName: 'cc7.injection', path: GRAMMAR_PATH, injectTo: ['source.yaml'] }]);
      assert.ok(existsSync(path.join(ROOT, GRAMMAR_PATH)));
      assert.equal((readJson(GRAMMAR_PATH) as { scopeName: string }).scopeName, 'cc7.injection');
    });
  });

  describe('snippets', () => {
    it('cover every kind and every item SPEC 3 names, each with a cc7- prefix and a description', () => {
      const prefixes = Object.values(SNIPPETS).map((s) => s.prefix);
      assert.deepEqual([...prefixes].sort(), [...Object.keys(DOCUMENT_SNIPPETS), ...Object.keys(ITEM_SNIPPETS)].sort());
      assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
      for (const [name, s] of Object.entries(SNIPPETS)) {
        assert.match(s.prefix, /^cc7-[a-z-]+$/, name);
        assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name} has a description`);
        assert.ok(Array.isArray(s.body) && s.body.every((line) => typeof line === 'string'), `${name} body is a list of lines`);
      }
    });

    it('use spaces only (YAML forbids tab indentation) and end with a single $0', () => {
      for (const [name, s] of Object.entries(SNIPPETS)) {
        assert.ok(!s.body.some((line) => line.includes('\t')), `${name} has a tab`);
        const finals = parseSnippet(s.body.join('\n')).filter((n) => n.type === 'tabstop' && n.index === 0);
        assert.equal(finals.length, 1, `${name} has one $0`);
      }
    });

    it('write timestamps in local time with its offset: valid RFC 3339 for the instant of insertion', () => {
      for (const clock of CLOCKS) {
        for (const s of Object.values(SNIPPETS)) {
          const text = expand(s.body.join('\n'), { clock });
          const stamps = text.match(/\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?/g) ?? [];
          for (const stamp of stamps) {
            assert.match(stamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, `${s.prefix}: ${stamp}`);
            const expected = new Date(instantOf({ ...clock, second: '00' })).getTime();
            assert.equal(Date.parse(stamp), expected, `${s.prefix}: ${stamp} is the moment of insertion`);
          }
        }
      }
    });

    for (const [prefix, kind] of Object.entries(DOCUMENT_SNIPPETS)) {
      it(`${prefix} expands to a valid ${kind}`, () => {
        for (const clock of CLOCKS) {
          const doc = parseYaml(expand(bodyOf(prefix), { clock }), prefix) as Record<string, unknown>;
          assert.equal(doc.apiVersion, 'cc7/v1');
          assert.equal(doc.kind, kind);
          assertValid(kind, doc, `${prefix} (${clock.offset})`);
        }
      });
    }

    it('cc7-incident carries every field SPEC 2.3 requires at identification', () => {
      const doc = parseYaml(expand(bodyOf('cc7-incident'), { clock: CLOCKS[0] }), 'cc7-incident') as Record<string, unknown>;
      assert.equal(doc.status, 'identification');
      for (const key of ['id', 'title', 'severity', 'category', 'detected_at', 'detection_source', 'reported_by']) {
        assert.ok(typeof doc[key] === 'string' && doc[key] !== '', `${key} is set`);
      }
      assert.ok((doc.roles as Record<string, string>).incident_lead);
      const timeline = doc.timeline as { at: string; event: string }[];
      assert.equal(timeline.length, 1);
      assert.equal(timeline[0].at, doc.detected_at, 'the first timeline entry mirrors detected_at');
    });

    it('cc7-runbook has one step in each of the six phases', () => {
      const doc = parseYaml(expand(bodyOf('cc7-runbook'), { clock: CLOCKS[0] }), 'cc7-runbook') as { phases: Record<string, unknown[]> };
      assert.deepEqual(Object.keys(doc.phases), ['identification', 'containment', 'investigation', 'remediation', 'recovery', 'post_incident_review']);
      for (const steps of Object.values(doc.phases)) assert.equal(steps.length, 1);
    });

    for (const [prefix, item] of Object.entries(ITEM_SNIPPETS)) {
      it(`${prefix} typed into an Incident keeps it valid, as one more item of ${item.list.join('.')}`, () => {
        for (const clock of CLOCKS) {
          const text = withItem(MINIMAL_INCIDENT, prefix, clock);
          const doc = parseYaml(text, `${prefix} in an Incident`);
          assertValid('Incident', doc, `${prefix} in an Incident (${clock.offset})`);
          const list = getAt(doc, item.list) as unknown[];
          assert.ok(Array.isArray(list), `${item.list.join('.')} is a list:\n${text}`);
          assert.equal(list.length, item.before + 1);
          assertValid('Incident', list[item.before], `${prefix} alone`, item.pointer);
          // The item alone, as typed at column 0, is the same item.
          assert.deepEqual(parseYaml(expand(bodyOf(prefix), { clock }), prefix), [list[item.before]]);
        }
      });
    }

    it('the item snippets also fit the other kinds that hold such lists', () => {
      const clock = CLOCKS[0];
      const tabletop = expand(bodyOf('cc7-tabletop'), { clock }).replace(/\n$/, '');
      const withImprovement = insertAt(`${tabletop}\n  ⟨here⟩\n`, '⟨here⟩', expand(bodyOf('cc7-remediation'), { clock, override: new Map([[1, '2']]) }));
      const doc = parseYaml(withImprovement.replace('id: REM-2', 'id: IMP-2'), 'improvement') as { improvements: unknown[] };
      assert.equal(doc.improvements.length, 2);
      assertValid('TabletopExercise', doc, 'a remediation snippet as a tabletop improvement');
      for (const prefix of ['cc7-event', 'cc7-runbook', 'cc7-plan']) {
        const kind = DOCUMENT_SNIPPETS[prefix];
        const host = expand(bodyOf(prefix), { clock });
        assertValid(kind, parseYaml(withItem(host, 'cc7-waiver', clock), `waiver in ${kind}`), `a waiver in a ${kind}`);
      }
    });

    it('every choice list is exactly the schema enum of the field it fills', () => {
      const clock = CLOCKS[0];
      const MARKER = 'cc7choicemarker';
      let checked = 0;
      for (const s of Object.values(SNIPPETS)) {
        const source = s.body.join('\n');
        const kind: Kind = DOCUMENT_SNIPPETS[s.prefix] ?? 'Incident';
        const item = ITEM_SNIPPETS[s.prefix];
        for (const { index, choices } of choicesOf(source)) {
          const where = `${s.prefix} \${${index}|…|}`;
          const parsed = parseYaml(expand(source, { clock, override: new Map([[index, MARKER]]) }), where);
          const at = pathTo(parsed, MARKER);
          assert.ok(at, `${where}: the choice fills a scalar`);
          const inDoc = item ? at.slice(1) : at; // an item snippet parses as a one-item list
          const node = schemaAt(SCHEMAS[kind], inDoc, item ? pointerIn(SCHEMAS[kind], item.pointer) : SCHEMAS[kind]);
          const field = String([...inDoc].reverse().find((step) => typeof step === 'string'));
          const expected = enumOf(node) ?? openFieldChoices(field, clock);
          assert.ok(expected, `${where}: ${field} has no enum and no agreed list of choices`);
          if (enumOf(node)) assert.deepEqual(choices, expected, `${where} (${field}) must list the schema enum, in order`);
          else assert.deepEqual([...choices].sort(), [...expected].sort(), `${where} (${field})`);
          assert.equal(new Set(choices).size, choices.length, `${where}: no duplicates`);
          // Every choice reads back as the same string (no YAML type coercion, no syntax break).
          choices.forEach((choice, i) => {
            const picked = parseYaml(expand(source, { clock, pick: new Map([[index, i]]) }), `${where} = ${choice}`);
            assert.equal(getAt(picked, at), choice, `${where} = ${choice}`);
          });
          checked++;
        }
      }
      assert.ok(checked >= 14, `only ${checked} choice lists checked`);
    });

    it('the defaults name roles, severities and runbooks the plan snippet defines', () => {
      const clock = CLOCKS[0];
      const load = (prefix: string) => parseYaml(expand(bodyOf(prefix), { clock }), prefix) as Record<string, any>;
      const plan = load('cc7-plan');
      const roles = Object.keys(plan.roles);
      const severities = plan.severity_levels.map((l: { id: string }) => l.id);
      const runbook = load('cc7-runbook');
      const tabletop = load('cc7-tabletop');
      const incident = load('cc7-incident');
      const waiver = (parseYaml(expand(bodyOf('cc7-waiver'), { clock }), 'waiver') as { approved_by: string }[])[0];
      const usedRoles = [
        runbook.owner,
        ...Object.values(runbook.phases as Record<string, { role: string }[]>).flatMap((steps) => steps.map((s) => s.role)),
        ...tabletop.participants.map((p: { role: string }) => p.role),
        ...Object.keys(incident.roles),
        waiver.approved_by,
      ];
      for (const role of usedRoles) assert.ok(roles.includes(role), `role ${role} is in the plan`);
      assert.ok(severities.includes(incident.severity));
      for (const s of runbook.severities) assert.ok(severities.includes(s));
      assert.deepEqual(tabletop.runbooks_exercised, [runbook.id]);
    });

    it('together form a workspace the rules find nothing wrong with', () => {
      const clock = CLOCKS[0];
      let incident = expand(bodyOf('cc7-incident'), { clock });
      incident = withItem(incident.replace(/\n$/, '\n'), 'cc7-timeline', clock);
      for (const prefix of ['cc7-containment', 'cc7-notice', 'cc7-remediation', 'cc7-waiver']) incident = withItem(incident, prefix, clock);
      const files = new Map<string, string>([
        ['/ws/plan/response-plan.yaml', expand(bodyOf('cc7-plan'), { clock })],
        ['/ws/incidents/incident.yaml', incident],
        ['/ws/events/event.yaml', expand(bodyOf('cc7-event'), { clock })],
        ['/ws/runbooks/runbook.yaml', expand(bodyOf('cc7-runbook'), { clock })],
        ['/ws/tabletop/tabletop.yaml', expand(bodyOf('cc7-tabletop'), { clock })],
      ]);
      const doc = parseYaml(incident, 'composed incident') as Record<string, unknown[]>;
      assert.deepEqual(
        ['timeline', 'containment', 'remediation', 'waivers'].map((k) => doc[k].length),
        [2, 1, 1, 1],
        'every item landed in its list',
      );
      assertValid('Incident', doc, 'the incident with every item');
      const now = instantOf(clock) + 3 * 3600_000; // the same afternoon: nothing due yet
      const program = new Program({
        read: (file) => {
          const text = files.get(file);
          return text === undefined ? undefined : { text };
        },
        clock: () => now,
      });
      program.addFiles([...files.keys()]);
      const findings = program.paths().flatMap((file) => program.findings(file).map((f) => `${path.basename(file)} ${f.rule} ${f.severity}: ${f.message}`));
      assert.deepEqual(findings, []);
    });
  });

  describe('grammar injection', () => {
    interface Rule {
      match?: string;
      name?: string;
      captures?: Record<string, { name: string }>;
      include?: string;
      begin?: string;
      end?: string;
      while?: string;
      patterns?: Rule[];
    }
    const grammar = readJson(GRAMMAR_PATH) as { scopeName: string; injectionSelector: string; patterns: Rule[]; repository: Record<string, Rule> };

    /** The grammar's rules in the order the tokenizer tries them. */
    const rules = (): Rule[] =>
      grammar.patterns.map((p) => {
        if (!p.include) return p;
        assert.ok(p.include.startsWith('#') && grammar.repository[p.include.slice(1)], `include ${p.include} resolves`);
        return grammar.repository[p.include.slice(1)];
      });

    const compiled = () => rules().map((rule) => ({ rule, re: new RegExp(rule.match!, 'dg') }));

    interface Token {
      text: string;
      scope: string;
    }

    /** What the injection alone colours on one line: the earliest match wins, ties go to the first rule, as in TextMate. */
    function tokenize(line: string): Token[] {
      const tokens: Token[] = [];
      const all = compiled();
      let pos = 0;
      for (;;) {
        let best: { rule: Rule; m: RegExpExecArray } | undefined;
        for (const { rule, re } of all) {
          re.lastIndex = pos;
          const m = re.exec(line);
          if (m && (!best || m.index < best.m.index)) best = { rule, m };
        }
        if (!best) return tokens;
        const { rule, m } = best;
        if (rule.name) tokens.push({ text: m[0], scope: rule.name });
        for (const [group, capture] of Object.entries(rule.captures ?? {})) {
          const span = m.indices![Number(group)];
          if (span) tokens.push({ text: line.slice(span[0], span[1]), scope: capture.name });
        }
        pos = Math.max(m.index + m[0].length, pos + 1);
      }
    }

    const KEY = 'keyword.other.lifecycle.cc7';
    const DEADLINE = 'keyword.other.deadline.cc7';
    const SEVERITY = 'constant.other.severity.cc7';
    const PHASE = 'constant.language.phase.cc7';
    const ID = 'variable.other.id.cc7';
    const COLON = 'punctuation.separator.map.value.yaml';
    const SPACE = 'punctuation.whitespace.separator.yaml';

    it('is an injection into YAML that leaves structure, comments and block scalars to the YAML grammar', () => {
      assert.equal(grammar.scopeName, 'cc7.injection');
      // Left priority only inside a block mapping YAML has opened (never at the start of a document,
      // where YAML's zero-width rules open the stream, document and mapping); right priority inside
      // flow collections, so YAML's zero-width item separators and keys win ties.
      assert.equal(grammar.injectionSelector, 'L:source.yaml meta.mapping.yaml -meta.flow -string.unquoted.block -comment, R:source.yaml meta.flow -comment');
    });

    it('uses only line-local match rules in the regex subset Oniguruma and JavaScript share', () => {
      for (const rule of rules()) {
        assert.ok(rule.match && !rule.begin && !rule.end && !rule.while && !rule.patterns, `${JSON.stringify(rule)} is a single match`);
        for (const [syntax, why] of [
          [/\(\?<[=!]/, 'lookbehind'],
          [/\\[GAzZhHKR]|\\[xp]\{/, 'an Oniguruma-only escape'],
          [/\(\?>|[*+?}][+]/, 'an atomic group or possessive quantifier'],
          [/\(\?[imx]/, 'inline flags'],
        ] as const) {
          assert.doesNotMatch(rule.match, syntax, `${rule.match} uses ${why}`);
        }
        assert.doesNotThrow(() => new RegExp(rule.match!, 'dg'), rule.match);
      }
    });

    it('starts every match at a word, never at indentation or a YAML indicator (so YAML structure stays intact)', () => {
      for (const { re } of compiled()) {
        for (const lead of [' ', '\t', '- ', '? ', ': ', '{ ', '[', ',', '"', "'", '&a ', '!t ']) {
          for (const line of ['status: closed', 'severity: SEV1', 'due: 2026-01-01', 'INC-2026-001']) {
            re.lastIndex = 0;
            const m = re.exec(lead + line);
            assert.ok(!m || /\w/.test((lead + line)[m.index]), `${re} matches ${JSON.stringify(lead + line)} at ${m?.index}`);
          }
        }
      }
    });

    const CASES: [string, Token[]][] = [
      ['severity: SEV2', [{ text: 'severity', scope: KEY }, { text: 'SEV2', scope: SEVERITY }]],
      ['status: containment', [{ text: 'status', scope: KEY }, { text: ':', scope: COLON }, { text: ' ', scope: SPACE }, { text: 'containment', scope: PHASE }]],
      ['status: post-incident-review   # since Monday', [{ text: 'status', scope: KEY }, { text: ':', scope: COLON }, { text: ' ', scope: SPACE }, { text: 'post-incident-review', scope: PHASE }]],
      ['status: identification', [{ text: 'status', scope: KEY }, { text: ':', scope: COLON }, { text: ' ', scope: SPACE }, { text: 'identification', scope: PHASE }]],
      ['status: closed', [{ text: 'status', scope: KEY }, { text: ':', scope: COLON }, { text: ' ', scope: SPACE }, { text: 'closed', scope: PHASE }]],
      ['runbook: RB-CREDENTIAL-LEAK', [{ text: 'RB-CREDENTIAL-LEAK', scope: ID }]],
      ['id: INC-2026-014', [{ text: 'INC-2026-014', scope: ID }]],
      ['incident: INC-2026-014', [{ text: 'INC-2026-014', scope: ID }]],
      ['id: EVT-2026-0042', [{ text: 'EVT-2026-0042', scope: ID }]],
      ['id: TTX-2026-01', [{ text: 'TTX-2026-01', scope: ID }]],
      ['  - id: IMP-3', [{ text: 'IMP-3', scope: ID }]],
      ['  action_items: [REM-1, REM-2]', [{ text: 'REM-1', scope: ID }, { text: 'REM-2', scope: ID }]],
      ['runbooks_exercised: [RB-CREDENTIAL-LEAK, RB-RANSOMWARE]', [{ text: 'RB-CREDENTIAL-LEAK', scope: ID }, { text: 'RB-RANSOMWARE', scope: ID }]],
      ['severities: [SEV1, SEV2]', [{ text: 'SEV1', scope: SEVERITY }, { text: 'SEV2', scope: SEVERITY }]],
      ['  - id: SEV1', [{ text: 'SEV1', scope: SEVERITY }]],
      ['detected_at: 2026-03-02T09:14:00Z', [{ text: 'detected_at', scope: DEADLINE }]],
      ['  aware_at: 2026-03-02T10:05:00Z      # when the organization became aware', [{ text: 'aware_at', scope: DEADLINE }]],
      ['  breach_determination: { is_breach: true, decided_at: 2026-03-02T15:00:00Z }', [{ text: 'decided_at', scope: DEADLINE }]],
      ['  materiality: { material: true, determined_at: 2026-03-02T15:00:00Z }', [{ text: 'determined_at', scope: DEADLINE }]],
      ['    - { regime: gdpr-art33, recipient: Irish DPC, notified_at: 2026-03-04T11:00:00Z }', [{ text: 'notified_at', scope: DEADLINE }]],
      ['resolved_at: 2026-03-03T12:00:00Z', [{ text: 'resolved_at', scope: DEADLINE }]],
      ['  held_at: 2026-03-10T15:00:00Z', [{ text: 'held_at', scope: DEADLINE }]],
      ['closed_at: 2026-03-31T10:00:00Z', [{ text: 'closed_at', scope: DEADLINE }]],
      ['    due: 2026-04-30', [{ text: 'due', scope: DEADLINE }]],
      ['    expires: 2026-06-30', [{ text: 'expires', scope: DEADLINE }]],
      ['    status: done                       # open | in-progress | done', [{ text: 'status', scope: KEY }]],
      ['  - { id: REM-2, due: 2026-03-09, status: done }', [{ text: 'REM-2', scope: ID }, { text: 'due', scope: DEADLINE }, { text: 'status', scope: KEY }]],
      // A phase is an Incident's top-level status: nested or flow `status:` keys never carry one.
      ['  - { id: REM-2, status: closed }', [{ text: 'REM-2', scope: ID }, { text: 'status', scope: KEY }]],
      ['  status: closed', [{ text: 'status', scope: KEY }]],
      ['status:', [{ text: 'status', scope: KEY }]],
      ['severity: SEV', [{ text: 'severity', scope: KEY }]],
      // Look-alikes that stay plain YAML.
      ['status: closedish', [{ text: 'status', scope: KEY }]],
      ['status: closed and reopened', [{ text: 'status', scope: KEY }]],
      ['sub_status: closed', []],
      ['severity_levels:', []],
      ['remediation_due_days: 14', []],
      ['overdue: 3', []],
      ['summary: the due date passed, status unknown', []],
      ['title: SEVERE outage, SEV-1 and SEV1x', []],
      ['note: INC-2026-014abc, inc-2026-014, REM-1A, ticket SEC-431, XRB-1', []],
      ['kind: Incident', []],
    ];

    for (const [line, expected] of CASES) {
      it(`colours ${JSON.stringify(line)}`, () => {
        assert.deepEqual(tokenize(line), expected);
      });
    }

    it('colours the status, severity and runbook of every example incident', () => {
      const dir = path.join(ROOT, 'examples', 'acme', 'incidents');
      const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
      assert.ok(files.length > 0);
      for (const file of files) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const doc = parseYaml(text, file) as Record<string, string>;
        const line = (key: string) => text.split('\n').find((l) => l.startsWith(`${key}:`))!;
        assert.deepEqual(tokenize(line('status')).find((t) => t.scope === PHASE)?.text, doc.status, `${file} status`);
        assert.deepEqual(tokenize(line('severity')).find((t) => t.scope === SEVERITY)?.text, doc.severity, `${file} severity`);
        assert.deepEqual(tokenize(line('id')), [{ text: doc.id, scope: ID }], `${file} id`);
        if (doc.runbook) assert.deepEqual(tokenize(line('runbook')), [{ text: doc.runbook, scope: ID }], `${file} runbook`);
      }
    });
  });
});
