/**
 * A cursor marked in a test text: `severity: ‸` is the text `severity: ` with the cursor at
 * its end. The marker (U+2038, one UTF-16 unit) occurs exactly once; no hand-counted numbers.
 */
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';

export const CURSOR = '‸';

export interface MarkedCursor {
  /** The text without the marker. */
  text: string;
  /** Where the marker was, as an offset into `text` and as an LSP position. */
  offset: number;
  position: Position;
}

export function markedCursor(marked: string): MarkedCursor {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset !== -1, `no cursor ${CURSOR} in: ${marked}`);
  assert.equal(marked.indexOf(CURSOR, offset + 1), -1, `more than one cursor ${CURSOR} in: ${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { text, offset, position: { line, character: offset - (before.lastIndexOf('\n') + 1) } };
}
