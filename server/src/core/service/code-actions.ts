import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Cc7Document } from '../model/document';
import type { Finding } from '../model/types';
import { YamlEditor } from '../model/yaml-edit';
import type { FixContext, QuickFix } from '../rules/rule';
import { RULES_BY_ID } from '../rules/registry';
import { utf8Length } from './analyze';
import { toDiagnostic } from './diagnostics';
import { liveWaiverFor } from './policy';
import type { ServiceRequest } from './request';
import { waiverFix } from './waiver-fix';

/** The kind of the action that applies every fix of the file that needs no input (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cc7`;

/** The kinds of code actions offered (the server's capability). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** What the client asks (LSP CodeActionParams), with what the answer depends on. */
export interface CodeActionQuery {
  /** The document the edits are for: they are valid against this version only. */
  uri: string;
  version: number;
  range: Range;
  context: CodeActionContext;
  /** Files over this many bytes are not checked: no fix may grow a file past it. */
  maxFileBytes: number;
}

/** One fix of one finding. */
interface FindingFix {
  finding: Finding;
  fix: QuickFix;
}

/**
 * The code actions for a range of a document (LSP `textDocument/codeAction`): for each
 * published finding overlapping the range, or matching a diagnostic the client sent (same
 * code and range), the fixes its rule offers (Rule.fix) and a waiver skeleton; "fix all" of a
 * rule when it has more than one fixable finding in the file; and, when the client asks for
 * source actions, one `source.fixAll.cc7` action with every preferred fix of the file that
 * writes no placeholders (an editor may run it on save: it must never fill a record with
 * TODOs that silence its findings). Edits are computed on the document's current text and
 * carry its version.
 */
export function codeActions(request: ServiceRequest, query: CodeActionQuery): CodeAction[] {
  const { doc, model, now } = request;
  const { range, context } = query;
  if (!YamlEditor.of(doc.file)) return [];
  const fixContext: FixContext = { now, plan: model.plan() };
  const findings = model.findings(doc.path);
  const asked = findings.filter((finding) => overlaps(finding.range, range)
    || context.diagnostics.some((diagnostic) => String(diagnostic.code) === finding.rule && sameRange(diagnostic.range, finding.range)));
  // Fixes are computed per rule, for the rules asked about (and all of them for source.fixAll).
  const byRule = new Map<string, FindingFix[]>();
  const fixesOfRule = (rule: string): FindingFix[] => {
    let fixes = byRule.get(rule);
    if (!fixes) {
      fixes = findings.filter((finding) => finding.rule === rule)
        .flatMap((finding) => fixesOf(doc, finding, fixContext).map((fix) => ({ finding, fix })));
      byRule.set(rule, fixes);
    }
    return fixes;
  };
  const waivers = model.facts(doc.path)?.waivers ?? [];

  const actions: CodeAction[] = [];
  const add = (action: CodeAction | undefined) => {
    if (action && !actions.some((other) => other.title === action.title)) actions.push(action);
  };
  const quickFix = (chosen: FindingFix[], title: (count: number) => string, minimum = 1, isPreferred = false) =>
    add(codeAction(doc, query, { title, kind: CodeActionKind.QuickFix, minimum, isPreferred }, chosen));

  if (wants(context.only, CodeActionKind.QuickFix)) {
    const rulesDone = new Set<string>();
    for (const finding of asked) {
      for (const { fix } of fixesOfRule(finding.rule).filter((candidate) => candidate.finding === finding)) {
        quickFix([{ finding, fix }], () => fix.title, 1, fix.isPreferred);
      }
      if (!rulesDone.has(finding.rule)) {
        rulesDone.add(finding.rule);
        quickFix(firstFixes(fixesOfRule(finding.rule)), (count) => `Fix all ${finding.rule} problems in this file (${count})`, 2);
      }
      // An expired waiver wants a new expiry or a fix, not a waiver of its own.
      if (finding.rule !== 'waiver-expired' && !liveWaiverFor(finding, waivers, now)) {
        const waiver = waiverFix(finding, fixContext);
        quickFix([{ finding, fix: waiver }], () => waiver.title);
      }
    }
  }
  if (wants(context.only, FIX_ALL_KIND)) {
    const all = [...new Set(findings.map((finding) => finding.rule))].flatMap(fixesOfRule);
    const complete = firstFixes(all.filter(({ fix }) => fix.isPreferred && !fix.placeholders));
    add(codeAction(doc, query, { title: (count) => `Fix all cc7 problems that need no input in this file (${count})`, kind: FIX_ALL_KIND, minimum: 1, isPreferred: false }, complete));
  }
  return actions;
}

/** The fixes the finding's rule offers for it; none for a rule without a fix. */
function fixesOf(doc: Cc7Document, finding: Finding, context: FixContext): QuickFix[] {
  return RULES_BY_ID.get(finding.rule)?.fix?.(doc, finding, context) ?? [];
}

/** One fix per finding, the preferred one where there is a choice: what "fix all" applies. */
function firstFixes(fixes: FindingFix[]): FindingFix[] {
  const byFinding = new Map<Finding, FindingFix>();
  for (const candidate of fixes) {
    const chosen = byFinding.get(candidate.finding);
    if (!chosen || (candidate.fix.isPreferred && !chosen.fix.isPreferred)) byFinding.set(candidate.finding, candidate);
  }
  return [...byFinding.values()];
}

interface ActionShape {
  /** The title, given how many of the fixes applied. */
  title(count: number): string;
  kind: string;
  /** Fewer fixes applying than this: no action. */
  minimum: number;
  isPreferred: boolean;
}

/**
 * The action applying `chosen` fixes through one editor, so that what they add to the same
 * place becomes one edit; a fix that no longer applies is left out.
 */
function codeAction(doc: Cc7Document, query: CodeActionQuery, shape: ActionShape, chosen: FindingFix[]): CodeAction | undefined {
  if (chosen.length < shape.minimum) return undefined;
  const editor = YamlEditor.of(doc.file)!;
  const applied = chosen.filter(({ fix }) => fix.apply(editor));
  const edits = editor.edits();
  if (applied.length < shape.minimum || edits.length === 0 || byteLengthAfter(doc, edits) > query.maxFileBytes) return undefined;
  return {
    title: shape.title(applied.length),
    kind: shape.kind,
    diagnostics: applied.map(({ finding }) => toDiagnostic(finding)),
    edit: { documentChanges: [{ textDocument: { uri: query.uri, version: query.version }, edits }] },
    ...(shape.isPreferred ? { isPreferred: true } : {}),
  };
}

/** The file's size in bytes once the edits are applied. */
function byteLengthAfter(doc: Cc7Document, edits: readonly TextEdit[]): number {
  const text = doc.file!.text;
  const lineStarts = doc.file!.lineCounter.lineStarts;
  const offset = (position: Range['start']) => (lineStarts[position.line] ?? text.length) + position.character;
  return edits.reduce((bytes, edit) =>
    bytes + utf8Length(edit.newText) - utf8Length(text.slice(offset(edit.range.start), offset(edit.range.end))), doc.byteLength);
}

/** Whether the client asked for actions of `kind` (`only` lists kinds and their parents; none: quick fixes). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
