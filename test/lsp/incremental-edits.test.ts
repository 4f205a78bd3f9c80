/**
 * An open document edited many times over stdio, as one types: the server re-parses each
 * version from the parse of the one before (only the top-level entry an edit changed, when it
 * can: core/model/reparse.ts), and its analysis and the editor features share that one parse.
 * Whatever the edits, the diagnostics of the last version must be exactly those a fresh open
 * of the same text gets.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { EDITOR_DOCUMENTS, INCIDENT } from '../support/editor-workspace';
import { FixtureWorkspace, type LspClient } from '../support/lsp-client';
import { random } from '../support/random';

/** What typing in values does: letters, spaces, digits. */
const TYPED = ['a', 'e', 'x', ' ', '7', 'Q', 'n'];
/** Characters YAML reads, typed by mistake inside a value. */
const TYPOS = [':', '"', '#', '-', '[', '{', '|', '&', '*'];
/** Anything YAML reads: a newline, an indented line, a new key too. */
const SIGNIFICANT = [...TYPOS, '\n', '\n  ', 'x: 1\n'];

/** A random place inside a value (after `key: `), never on the first two lines: the document stays a CC7 document. */
function placeInValue(text: string, next: () => number): { line: number; character: number; row: string } {
  const lines = text.split('\n');
  for (;;) {
    const line = 2 + Math.floor(next() * (lines.length - 3));
    const row = lines[line]!;
    const colon = row.indexOf(': ');
    if (colon !== -1) return { line, character: colon + 2 + Math.floor(next() * (row.length - colon - 1)), row };
  }
}

/** Typing inside a value: a letter, a space or a digit typed, or a character deleted. */
function typed(text: string, next: () => number): { range: Range; text: string } {
  const { line, character, row } = placeInValue(text, next);
  const start = { line, character };
  if (next() < 0.3 && character < row.length) return { range: { start, end: { line, character: character + 1 } }, text: '' };
  return { range: { start, end: start }, text: TYPED[Math.floor(next() * TYPED.length)]! };
}

/** Anything, anywhere but the first two lines: deletions, YAML's characters, new lines. */
function anyEdit(text: string, next: () => number): { range: Range; text: string } {
  const lines = text.split('\n');
  const line = 2 + Math.floor(next() * (lines.length - 3));
  const start = { line, character: Math.floor(next() * (lines[line]!.length + 1)) };
  const kind = next();
  if (kind < 0.3) return { range: { start, end: { line, character: start.character + 1 } }, text: '' };
  const pool = kind < 0.7 ? TYPED : SIGNIFICANT;
  return { range: { start, end: start }, text: pool[Math.floor(next() * pool.length)]! };
}

/** Diagnostics in a canonical order, whole (range, severity, code, link, message, related). */
function canonical(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).sort();
}

/** Closes the document and opens it again with `text`: the diagnostics of that fresh open (version 1). */
async function freshOpen(server: LspClient, file: string, uri: string, text: string): Promise<Diagnostic[]> {
  await server.close(uri);
  const seen = server.diagnosticsHistory(uri).length;
  await server.open(file, text);
  return server.waitForVersion(uri, 1, seen);
}

describe('language server over stdio: an open document edited many times', function () {
  this.timeout(120_000);
  const workspace = new FixtureWorkspace('editor', EDITOR_DOCUMENTS, { CC7_DEBUG_STATS: '1' }).perTest();

  it('one parse per version serves its diagnostics and the editor features; the last version\'s diagnostics are a fresh open\'s', async () => {
    const server = await workspace.start();
    const { uri, text } = await workspace.open(INCIDENT);
    await server.waitForVersion(uri, 1);
    const before = await server.debugStats();
    const next = random(11);
    const edits = 60;
    let typo: Range | undefined;
    for (let i = 0; i < edits; i++) {
      // Now and then a typo that breaks the YAML, deleted by the next edit.
      if (typo) {
        await server.change(uri, [{ range: typo, text: '' }]);
        typo = undefined;
      } else if (i % 8 === 5) {
        const { line, character } = placeInValue(server.text(uri), next);
        await server.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: TYPOS[i % TYPOS.length]! }]);
        typo = { start: { line, character }, end: { line, character: character + 1 } };
      } else {
        await server.change(uri, [typed(server.text(uri), next)]);
      }
      const version = server.version(uri);
      // As VS Code asks after a keystroke: sometimes before the diagnostics arrive, sometimes after, sometimes not at all.
      const ask = () => Promise.all([server.inlayHints(uri), server.codeLenses(uri), server.documentSymbols(uri)]);
      const when = i % 3;
      if (when === 0) await ask();
      await server.waitForVersion(uri, version);
      if (when === 1) await ask();
    }
    const after = await server.debugStats();
    const parsed = after.openParses.whole + after.openParses.spliced - before.openParses.whole - before.openParses.spliced;
    assert.equal(parsed, edits, `${edits} versions, parsed ${parsed} times (${JSON.stringify(after.openParses)})`);
    assert.ok(after.openParses.spliced - before.openParses.spliced > edits / 2, `few versions spliced: ${JSON.stringify(after.openParses)}`);

    const final = server.text(uri);
    assert.notEqual(final, text);
    const edited = server.latest(uri)!;
    assert.deepEqual(canonical(edited), canonical(await freshOpen(server, workspace.file(INCIDENT), uri, final)));
  });

  it('bursts of edits, typed faster than the server checks, broken and mended: the last version\'s diagnostics are a fresh open\'s', async () => {
    const server = await workspace.start();
    const { uri, text } = await workspace.open(INCIDENT);
    await server.waitForVersion(uri, 1);
    const next = random(5);
    for (let burst = 0; burst < 25; burst++) {
      const size = 1 + Math.floor(next() * 5);
      for (let i = 0; i < size; i++) await server.change(uri, [anyEdit(server.text(uri), next)]);
      // Now and then the whole text back to the original in one edit (a paste, an undo to the start).
      if (next() < 0.15) {
        const end = TextDocument.create(uri, 'yaml', 0, server.text(uri)).positionAt(server.text(uri).length);
        await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text }]);
      }
      if (burst % 4 === 3) await server.waitForVersion(uri, server.version(uri));
    }
    const edited = await server.waitForVersion(uri, server.version(uri));
    const final = server.text(uri);
    assert.deepEqual(canonical(edited), canonical(await freshOpen(server, workspace.file(INCIDENT), uri, final)));
  });
});
