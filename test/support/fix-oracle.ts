/**
 * What applying a quick fix must do, judged with the core on the text before and after:
 *
 * - Findings are compared as (file, rule, severity, range, message, subject). The edited file's
 *   findings from before are first moved through the fix's edits (a finding below an insertion
 *   moves down with its text), so that "the same finding" still compares equal afterwards.
 * - The targeted finding is gone: no finding of its rule and subject remains at its (moved)
 *   range, whatever its message (where several shared that place, that many fewer remain).
 * - Nothing new appears: every finding after the fix equals a finding from before, or else
 *   re-describes one that is not a target (same file, rule and severity; a remediation item
 *   that got an id is named by it, so its message and range change). A waiver fix turns the
 *   findings it covers into `info` "Waived until … (<the message>)"; those count as their
 *   finding from before, and the targeted one must be among them.
 * - Fewer findings are fine (a skeleton that fills `containment` also ends the schema finding
 *   about it).
 * - Every comment of the file is still there, byte for byte, where its text moved.
 */
import assert from 'node:assert/strict';
import { CST, Lexer } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol/node';
import type { Finding } from '../../server/src/core/model/types';

/** Offset edits of one file: `[start, end)` of the old text replaced by `text`. */
interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The text after the edits, and a way to move an offset of the old text into the new one. */
export interface Applied {
  text: string;
  /** `side` says where an offset at an insertion point goes: after the inserted text ('start' of a range) or before it ('end'). */
  move(offset: number, side: 'start' | 'end'): number;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): Applied {
  const before = TextDocument.create('file:///before.yaml', 'yaml', 1, text);
  const offsets: OffsetEdit[] = edits
    .map((edit) => ({ start: before.offsetAt(edit.range.start), end: before.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i]!.start >= offsets[i - 1]!.end, 'the edits overlap');
  return {
    text: TextDocument.applyEdits(before, [...edits]),
    move(offset, side) {
      let shift = 0;
      for (const edit of offsets) {
        const passed = edit.end < offset || (edit.end === offset && (side === 'start' || edit.start < edit.end));
        if (passed) shift += edit.text.length - (edit.end - edit.start);
        else if (edit.start < offset) return edit.start + shift; // inside a replaced range
      }
      return offset + shift;
    },
  };
}

/** A finding's range moved through the edits of its file. */
export function moveRange(range: Range, oldText: string, applied: Applied): Range {
  const before = TextDocument.create('file:///before.yaml', 'yaml', 1, oldText);
  const after = TextDocument.create('file:///after.yaml', 'yaml', 1, applied.text);
  const start = applied.move(before.offsetAt(range.start), 'start');
  const end = Math.max(start, applied.move(before.offsetAt(range.end), 'end'));
  return { start: after.positionAt(start), end: after.positionAt(end) };
}

const rangeKey = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
const findingKey = (finding: Finding) =>
  `${finding.path} ${finding.rule} ${finding.severity} ${rangeKey(finding.range)} ${finding.subject ?? ''} ${finding.message}`;

/** How a covered finding reads once a waiver applies (service/policy.ts): info, its message in parentheses. */
function waived(finding: Finding): { severity: string; pattern: (message: string) => boolean } {
  return { severity: 'info', pattern: (message) => message.startsWith('Waived until ') && message.endsWith(` (${finding.message})`) };
}

export interface FixCheck {
  /** The file the fix edits, its text before, and the edits. */
  file: string;
  before: string;
  edits: readonly TextEdit[];
  /** The diagnostics the action says it fixes. */
  targets: readonly Diagnostic[];
  /** True for the waiver skeleton: the targets become `info`, waived. */
  waiver: boolean;
  /** Every finding of the workspace before and after the fix. */
  findingsBefore: readonly Finding[];
  findingsAfter: readonly Finding[];
  /** For failure messages. */
  what: string;
}

/** Asserts everything the module comment says a fix must do. */
export function assertFix(check: FixCheck): void {
  const applied = applyEdits(check.before, check.edits);
  const moved = check.findingsBefore.map((finding) =>
    finding.path === check.file ? { ...finding, range: moveRange(finding.range, check.before, applied) } : finding);
  const targets = check.targets.map((diagnostic) => {
    const target = check.findingsBefore.find((finding) => finding.path === check.file && finding.rule === diagnostic.code
      && rangeKey(finding.range) === rangeKey(diagnostic.range) && finding.message === diagnostic.message);
    assert.ok(target, `${check.what}: the action's diagnostic ${String(diagnostic.code)} ${rangeKey(diagnostic.range)} is no finding`);
    return moved[check.findingsBefore.indexOf(target)]!;
  });
  const describe = (list: readonly Finding[]) => list.map((finding) => `\n    ${findingKey(finding)}`).join('');
  const context = `${check.what}\n  text after the fix:\n${applied.text}\n  findings before (moved):${describe(moved)}\n  findings after:${describe(check.findingsAfter)}`;

  // Each finding after the fix is consumed by the finding from before that it equals, or, for a
  // waiver, whose waived form it is.
  const unmatched = [...moved];
  const waivedOnes: Finding[] = [];
  const leftover: Finding[] = [];
  for (const after of check.findingsAfter) {
    let index = unmatched.findIndex((finding) => findingKey(finding) === findingKey(after));
    if (index === -1 && check.waiver) {
      index = unmatched.findIndex((finding) => finding.path === after.path && finding.rule === after.rule
        && rangeKey(finding.range) === rangeKey(after.range) && after.severity === waived(finding).severity && waived(finding).pattern(after.message));
      if (index !== -1) waivedOnes.push(unmatched[index]!);
    }
    if (index === -1) leftover.push(after);
    else unmatched.splice(index, 1);
  }
  // What is left must be a finding from before described anew (same file, rule and severity:
  // an item that got an id is named by it now), never a target and never a new problem.
  for (const after of leftover) {
    const index = unmatched.findIndex((finding) => !targets.includes(finding)
      && finding.path === after.path && finding.rule === after.rule && finding.severity === after.severity);
    assert.ok(index !== -1, `${context}\n  a new finding appeared: ${findingKey(after)}`);
    unmatched.splice(index, 1);
  }
  if (check.waiver) {
    for (const target of targets) assert.ok(waivedOnes.includes(target), `${context}\n  the target is not waived: ${findingKey(target)}`);
  } else {
    // Several findings of a rule may share a place (two missing keys on `kind`): at each place
    // of a target, the fix must leave as many fewer findings as it targeted there.
    const place = (finding: Finding) => `${finding.path} ${finding.rule} ${rangeKey(finding.range)} ${finding.subject ?? ''}`;
    for (const key of new Set(targets.map(place))) {
      const count = (list: readonly Finding[]) => list.filter((finding) => place(finding) === key).length;
      assert.ok(count(check.findingsAfter) <= count(moved) - count(targets), `${context}\n  the target is still reported at ${key}`);
    }
  }
  assertCommentsKept(check.before, applied, check.what);
}

/** Every comment of the old text is in the new text, unchanged, where its offset moved. */
export function assertCommentsKept(before: string, applied: Applied, what: string): void {
  for (const comment of commentsOf(before)) {
    const at = applied.move(comment.offset, 'start');
    assert.equal(applied.text.slice(at, at + comment.text.length), comment.text, `${what}: the comment ${JSON.stringify(comment.text)} was not kept`);
  }
}

/** The comments of a YAML text with their offsets, as the `yaml` lexer reads them. */
export function commentsOf(text: string): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Control tokens mark structure and are not source text (the byte-order mark is).
    if (type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar') continue;
    if (type === 'comment') found.push({ offset, text: token });
    offset += token.length;
  }
  assert.equal(offset, text.length, 'the lexer tokens should cover the text');
  return found;
}
