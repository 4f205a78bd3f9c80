import { zoneOf } from '../model/plan';
import { createDocument, type Cc7Document } from '../model/document';
import { extractFacts, type DocumentFacts, type WorkspaceIndex } from '../model/facts';
import type { Validity } from '../model/horizon';
import { hasApiVersionLine, mayBeCc7, parseCc7, type ParsedFile } from '../model/parse';
import { reparseCc7, type ParseCounts } from '../model/reparse';
import { documentContext, type Report, type Rule, type RuleContext } from '../rules/rule';
import { RULES } from '../rules/registry';
import { extractWorkFacts } from './work-facts';
import type { Finding } from '../model/types';

export interface FileInput {
  path: string;
  text: string;
  /** The size on disk; computed from the text when the caller does not know it. */
  byteLength?: number;
}

/** `validFrom`/`validUntil`: the span of "now" over which the findings stay exactly these (model/horizon.ts). */
export interface FileAnalysis extends Validity {
  facts: DocumentFacts;
  /** Findings of the document rules, before policy (configured severities, waivers). */
  findings: Finding[];
}

/**
 * Checks one file with every document rule. Returns undefined for a file that is not a
 * CC7 document (SPEC 2: every other YAML file is ignored).
 */
export function analyzeFile(input: FileInput, context: RuleContext, rules: readonly Rule[] = RULES): FileAnalysis | undefined {
  const doc = readDocument(input, context.maxFileBytes);
  return doc && analyzeDocument(doc, context, rules);
}

/**
 * Checks one read document with every document rule, and extracts its facts; the rules read
 * now through a TrackedNow of their own, which says how long the findings hold.
 */
export function analyzeDocument(doc: Cc7Document, context: RuleContext, rules: readonly Rule[] = RULES): FileAnalysis {
  const checking = documentContext(context);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.checkDocument?.(doc, checking) ?? []) findings.push(toFinding(rule, doc.path, report, (r) => doc.locate(r.path ?? [], r.on)));
  }
  return { facts: { ...extractFacts(doc, zoneOf(context.plan)), ...extractWorkFacts(doc, context) }, findings, ...checking.now.validity() };
}

/** Findings of the workspace rules for one document, from the facts index. */
export function checkAcrossWorkspace(facts: DocumentFacts, index: WorkspaceIndex, context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.checkWorkspace?.(facts, index, context) ?? []) findings.push(toFinding(rule, facts.path, report, () => facts.anchor));
  }
  return findings;
}

/**
 * `previous`: the parse of the file's text before an edit, to re-parse from incrementally
 * (model/reparse.ts); the result is the same. `counts`: the parses done, counted.
 */
export interface Reparse {
  previous?: ParsedFile;
  counts?: ParseCounts;
}

/** Reads a file as a CC7 document (parsed, or unparsed when over the size limit); undefined when it is none. */
export function readDocument(input: FileInput, maxFileBytes: number, { previous, counts }: Reparse = {}): Cc7Document | undefined {
  const byteLength = input.byteLength ?? utf8Length(input.text);
  if (byteLength > maxFileBytes) {
    return hasApiVersionLine(input.text) ? createDocument(input.path, byteLength, undefined) : undefined;
  }
  if (!previous && counts && mayBeCc7(input.text)) counts.whole++;
  const file = previous ? reparseCc7(previous, input.text, counts) : parseCc7(input.text);
  return file && createDocument(input.path, byteLength, file);
}

function toFinding(rule: Rule, path: string, report: Report, locate: (report: Report) => Finding['range']): Finding {
  return {
    rule: rule.id,
    severity: report.severity ?? rule.defaultSeverity,
    path,
    range: report.range ?? locate(report),
    message: report.message,
    ...(report.related?.length ? { related: report.related } : {}),
    ...(report.subject ? { subject: report.subject } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}
