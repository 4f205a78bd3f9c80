/**
 * Hostile and broken inputs, generated deterministically, with what the product must make
 * of each: the same expectations hold over the language server and through the CLI.
 */
import assert from 'node:assert/strict';
import { rangeOfSnippet } from './fixtures';
import type { Range } from '../../server/src/core/model/types';

/** A finding as both adapters can be compared: 0-based range, as in LSP. */
export interface SeenFinding {
  rule: string;
  severity: string;
  range: Range;
  message: string;
}

export interface ExpectedBadFinding {
  rule: string;
  /** The finding's exact range: a snippet occurring once, the range in [[ ]]. */
  at?: string;
  /** The finding starts on the line holding this text (for where key or value is a free choice). */
  onLine?: string;
  /** What the message must say (the finding is about this problem, not another). */
  message?: RegExp;
}

export interface BadInput {
  name: string;
  /** Where it is written, relative to the workspace. */
  file: string;
  content: () => Buffer;
  /** Undefined: not a CC7 document, so ignored (no finding, no entry). */
  expect?: {
    findings: ExpectedBadFinding[];
    /** Rules that must not report on it (the size limit means the file is not parsed). */
    absent?: string[];
    /** The CLI's exit code with only this file having findings. */
    exitCode: 0 | 1;
  };
  /** How long the whole case may take, either way; a hang fails it. */
  timeoutMs: number;
}

const HEADER = 'apiVersion: cc7/v1\nkind: SecurityEvent\n';
const DEPTH = 10_000;

/** Bytes from a fixed seed (mulberry32): every run sees the same "random" file. */
export function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    // One byte in four is NUL, as in real binaries.
    bytes[i] = i % 4 === 0 ? 0 : value;
  }
  return bytes;
}

/** "Billion laughs": `levels` anchors, each a list of `width` aliases of the one before. */
export function aliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`];
  for (let level = 1; level < levels; level++) {
    lines.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]`);
  }
  return `${HEADER}${lines.join('\n')}\n`;
}

/** A CC7 document padded with comment lines to `bytes`; it would break the schema if parsed. */
export function oversized(bytes: number): string {
  const head = 'apiVersion: cc7/v1\nkind: Incident\ntimeline: not a list\n';
  const line = `# ${'padding '.repeat(12)}\n`;
  return head + line.repeat(Math.ceil((bytes - head.length) / line.length));
}

const text = (value: string) => () => Buffer.from(value, 'utf8');

export const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'invalid YAML: the syntax error is reported where it is, and the rest is still checked',
    file: 'bad/syntax.yaml',
    content: text(`${HEADER}id: EVT-2026-0009\ntitle: "Impossible" travel\ndetected_at: 2026-06-05T02:10:00Z\n`
      + 'detection_source: siem-alert\ntriage:\n  assessed_at: 2026-06-05T02:30:00Z\n  assessed_by: soc@example.com\n'
      + '  assesed_by: soc@example.com\n  outcome: not-an-incident\n  rationale: VPN egress change\n'),
    expect: {
      findings: [
        { rule: 'yaml-syntax', onLine: 'title: "Impossible" travel' },
        { rule: 'unknown-key', at: '  [[assesed_by]]: soc' },
      ],
      exitCode: 1,
    },
    timeoutMs: 20_000,
  },
  {
    name: 'binary file named .yaml without the apiVersion line: ignored',
    file: 'bad/binary.yaml',
    content: () => randomBytes(64 * 1024, 7),
    timeoutMs: 20_000,
  },
  {
    name: 'binary junk around an apiVersion line: yaml-syntax findings, no crash',
    file: 'bad/binary-cc7.yaml',
    content: () => Buffer.concat([randomBytes(32 * 1024, 11), Buffer.from('\napiVersion: cc7/v1\n'), randomBytes(32 * 1024, 13)]),
    expect: { findings: [{ rule: 'yaml-syntax' }], exitCode: 1 },
    timeoutMs: 20_000,
  },
  {
    name: 'empty file: ignored',
    file: 'bad/empty.yaml',
    content: () => Buffer.alloc(0),
    timeoutMs: 20_000,
  },
  {
    name: `flow sequences nested ${DEPTH} levels deep: a finding, in bounded time`,
    file: 'bad/deep-flow.yaml',
    content: text(`${HEADER}deep: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`),
    expect: { findings: [{ rule: 'yaml-syntax', message: /nested too deeply/i }], exitCode: 1 },
    timeoutMs: 20_000,
  },
  {
    name: `block sequences nested ${DEPTH} levels deep: a finding, in bounded time`,
    file: 'bad/deep-block.yaml',
    content: text(`${HEADER}deep:\n  ${'- '.repeat(DEPTH)}leaf\n`),
    expect: { findings: [{ rule: 'yaml-syntax', message: /nested too deeply/i }], exitCode: 1 },
    timeoutMs: 20_000,
  },
  {
    name: 'alias bomb (10 levels of 10 aliases): aliases expanded too much, fast, bounded memory',
    file: 'bad/alias-bomb.yaml',
    content: text(aliasBomb(10, 10)),
    expect: { findings: [{ rule: 'yaml-syntax', message: /alias/i }], absent: ['schema'], exitCode: 1 },
    timeoutMs: 20_000,
  },
  {
    name: '20 MB CC7 file: file-too-large, not parsed',
    file: 'bad/huge.yaml',
    content: text(oversized(20 * 1024 * 1024)),
    expect: { findings: [{ rule: 'file-too-large' }], absent: ['schema', 'yaml-syntax', 'unknown-key'], exitCode: 0 },
    timeoutMs: 30_000,
  },
  {
    name: 'wrong types everywhere: schema findings, no crash',
    file: 'bad/wrong-types.yaml',
    content: text('apiVersion: cc7/v1\nkind: Incident\nid: INC-2026-009\ntitle: Wrong types\nseverity: {x: 1}\n'
      + 'category: other\ndetected_at: 2026-06-02T09:14:00Z\ndetection_source: other\nstatus: identification\n'
      + 'roles: [a]\ntimeline: 5\n'),
    expect: {
      findings: [
        { rule: 'schema', onLine: 'severity: {x: 1}' },
        { rule: 'schema', onLine: 'roles: [a]' },
        { rule: 'schema', onLine: 'timeline: 5' },
      ],
      exitCode: 1,
    },
    timeoutMs: 20_000,
  },
];

/** Asserts the findings of one bad file (from either adapter) meet its expectation. */
export function assertBadFindings(input: BadInput, findings: readonly SeenFinding[], content: Buffer): void {
  const expect = input.expect;
  const seen = () => findings.map((f) => `\n  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule}: ${f.message}`).join('') || ' none';
  if (!expect) {
    assert.deepEqual(findings, [], `${input.file} is not a CC7 document, yet got findings:${seen()}`);
    return;
  }
  const source = content.toString('utf8');
  for (const wanted of expect.findings) {
    const range = wanted.at ? rangeOfSnippet(source, wanted.at, input.file) : undefined;
    const line = wanted.onLine ? lineOf(source, wanted.onLine) : undefined;
    const match = findings.find((f) => f.rule === wanted.rule
      && (!range || JSON.stringify(f.range) === JSON.stringify(range))
      && (line === undefined || f.range.start.line === line)
      && (!wanted.message || wanted.message.test(f.message)));
    assert.ok(match, `${input.file}: no ${wanted.rule} finding${wanted.at ? ` at ${wanted.at}` : ''}${wanted.onLine ? ` on the line "${wanted.onLine}"` : ''}${wanted.message ? ` saying ${wanted.message}` : ''}; got:${seen()}`);
  }
  for (const rule of expect.absent ?? []) {
    assert.ok(!findings.some((f) => f.rule === rule), `${input.file}: unexpected ${rule} finding; got:${seen()}`);
  }
}

/** The 0-based line on which a text occurs (once). */
function lineOf(text: string, snippet: string): number {
  const at = text.indexOf(snippet);
  assert.ok(at !== -1 && text.indexOf(snippet, at + 1) === -1, `"${snippet}" must occur exactly once`);
  return text.slice(0, at).split('\n').length - 1;
}
