// The incremental re-parse (core/model/reparse.ts) against the whole parse, on many random
// edits: every CC7 document of the fixtures and of examples/acme, and bench corpus incidents
// (up to 30 KB), each edited step after step from its own seeded generator, each step's
// parse made from the step before's (as the server does while one types). Whenever the
// splice applies, its result must dump exactly as parseCc7 of the same text does (every
// node with its range, comments, errors, warnings, value, line starts), and the previous
// parse must be left as it was. The edits insert and delete what matters in YAML: newlines,
// spaces, tabs, colons, quotes, '#', '-', '|', '>', '&', '*', '[', '{', letters, short lines.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deadlineIncident, incident } from '../../bench/corpus';
import { parseCc7, type ParsedFile } from '../../server/src/core/model/parse';
import { reparseCc7, spliceCc7 } from '../../server/src/core/model/reparse';
import { ACME } from '../support/acme';
import { dumpParsedFile } from '../support/parse-dump';
import { random } from '../support/random';

const ROOT = path.join(__dirname, '..', '..');

const CHARACTERS = ['\n', ' ', ':', '"', "'", '#', '-', '|', '>', '&', '*', '[', '{', '\t', 'a', 'x', 'Q', '7'];
/** Whole pieces too: a line that adds a key, an item, a comment, an indentation. */
const PIECES = ['\n', '  ', ': ', 'x: 1\n', 'extra: value\n', '- a\n', '  - b\n', '# note\n', '\n\n', ' # c', '|\n  text\n', '[a, b]', '{ k: v }', '&a ', '*a', '\r\n'];

/** One random edit of `text`: an insertion or a deletion, at a random place, a line's start or a line's end. */
function edit(text: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const where = next();
  const line = pick(lineStarts);
  const lineEnd = text.indexOf('\n', line) === -1 ? text.length : text.indexOf('\n', line);
  const at = where < 0.5 ? Math.floor(next() * (text.length + 1)) : where < 0.75 ? line : lineEnd;
  const kind = next();
  if (kind < 0.4) return text.slice(0, at) + pick(CHARACTERS) + text.slice(at);
  if (kind < 0.55) return text.slice(0, at) + pick(PIECES) + text.slice(at);
  const length = kind < 0.9 ? 1 + Math.floor(next() * 3) : lineEnd - line + 1;
  const from = kind < 0.9 ? at : line;
  return text.slice(0, from) + text.slice(from + length);
}

interface Tally {
  steps: number;
  spliced: number;
  /** Steps from a parse without errors to one without errors. */
  clean: number;
}

/**
 * Edits `text` `steps` times from `seed`. An edit that leaves no CC7 document is undone; one
 * that leaves a syntax error is kept now and then, for one step (the next parse starts from an
 * erroneous one), else undone, so that most steps start from a document the splice can take.
 */
function walk(name: string, text: string, seed: number, steps: number, tally: Tally): void {
  const next = random(seed);
  let previous = parseCc7(text);
  assert.ok(previous, `${name} should be a CC7 document`);
  let good = previous;
  for (let step = 0; step < steps; step++) {
    const edited = edit(previous.text, next);
    const before = dumpParsedFile(previous);
    const full = parseCc7(edited);
    const spliced = spliceCc7(previous, edited);
    tally.steps++;
    if (!isBroken(previous) && full && !isBroken(full)) tally.clean++;
    if (spliced) {
      tally.spliced++;
      assert.deepStrictEqual(dumpParsedFile(spliced), dumpParsedFile(full), `${name}, step ${step}: the splice differs from the whole parse of ${JSON.stringify(edited)}`);
    }
    assert.deepStrictEqual(dumpParsedFile(previous), before, `${name}, step ${step}: the previous parse was changed`);
    const result: ParsedFile | undefined = spliced ?? full;
    if (!result) continue;
    if (!isBroken(result)) previous = good = result;
    else previous = previous === good && next() < 0.3 ? result : good;
  }
}

/**
 * The walk must exercise the splice, not only the fallback: a quarter of all steps at least,
 * and half of those from a document without errors to another (the rest edit a key, the lines
 * before the first key, or two entries at once, or meet an anchor or a `---`).
 */
function assertExercised({ steps, spliced, clean }: Tally): void {
  assert.ok(spliced > steps * 0.25 && spliced > clean * 0.5, `only ${spliced} of ${steps} steps spliced (${clean} from a clean document to a clean one)`);
}

function isBroken(file: ParsedFile): boolean {
  return file.valueError !== undefined || file.documents.some((doc) => doc.errors.length > 0 || doc.warnings.length > 0);
}

/** Every CC7 document (by content, once) of the test fixtures and the example program. */
function fixtureDocuments(): { name: string; text: string }[] {
  const seen = new Set<string>();
  const documents: { name: string; text: string }[] = [];
  for (const root of [path.join(ROOT, 'test', 'fixtures'), ACME]) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      if (seen.has(text) || !parseCc7(text)) continue;
      seen.add(text);
      documents.push({ name: path.relative(ROOT, file), text });
    }
  }
  return documents;
}

/** Bench corpus incidents of 1 to 30 KB, and the 30 KB one with every deadline. */
function corpusDocuments(): { name: string; text: string }[] {
  const next = random(7);
  const sizes = [1024, 6 * 1024, 14 * 1024, 29 * 1024];
  return [
    ...sizes.map((size, i) => ({ name: `bench incident of ${size} bytes`, text: incident(5001 + i, next, size) })),
    { name: 'bench deadline incident', text: deadlineIncident(5001) },
  ];
}

describe('incremental re-parse: random edits against the whole parse', function () {
  this.timeout(10 * 60_000);

  it('fixture and example documents: every splice equals the whole parse, the previous parse untouched', () => {
    const documents = fixtureDocuments();
    assert.ok(documents.length > 100, `only ${documents.length} fixture documents found`);
    const tally: Tally = { steps: 0, spliced: 0, clean: 0 };
    documents.forEach(({ name, text }, i) => walk(name, text, 1000 + i, 12, tally));
    assertExercised(tally);
  });

  it('bench corpus incidents (1 to 30 KB): every splice equals the whole parse', () => {
    const tally: Tally = { steps: 0, spliced: 0, clean: 0 };
    corpusDocuments().forEach(({ name, text }, i) => walk(name, text, 77 + i, 80, tally));
    assertExercised(tally);
  });

  it('the same documents with CRLF line ends', () => {
    const tally: Tally = { steps: 0, spliced: 0, clean: 0 };
    const documents = [...fixtureDocuments().filter((_, i) => i % 8 === 0), ...corpusDocuments().slice(0, 2)];
    documents.forEach(({ name, text }, i) => walk(`${name} (CRLF)`, text.replace(/\r?\n/g, '\r\n'), 5000 + i, 12, tally));
    assertExercised(tally);
  });

  it('reparseCc7 is parseCc7 for every step, spliced or not', () => {
    const next = random(42);
    for (const { name, text } of corpusDocuments().slice(0, 2)) {
      let previous = parseCc7(text)!;
      for (let step = 0; step < 40; step++) {
        const edited = edit(previous.text, next);
        const result = reparseCc7(previous, edited);
        assert.deepStrictEqual(dumpParsedFile(result), dumpParsedFile(parseCc7(edited)), `${name}, step ${step}`);
        if (result) previous = result;
      }
    }
  });
});
