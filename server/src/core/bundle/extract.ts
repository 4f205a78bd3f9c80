// One file's share of an export, from its text alone (a worker thread runs this): the core's
// analysis, and, when the record is in the period, its summary, its page body and the copy of
// its YAML, all made from one parse. Secrets block the copy unless it is to be redacted.
import { analyzeDocument, documentSecrets, isRecord, parseCc7, readDocument, zoneOf, type FileAnalysis, type RuleContext } from './core-api';
import type { Period } from './period';
import { recordBody } from './pages/record-page';
import { redactText, secretHits, type SecretHit } from './redact';
import { summarize, type RecordSummary } from './summary';

export interface ExtractInput {
  /** The path the program knows the file by (absolute). */
  path: string;
  /** Workspace-relative, `/` separators: what the bundle shows. */
  relativePath: string;
  text: string;
  byteLength?: number;
}

export interface ExtractOptions {
  period: Period;
  redact: boolean;
}

export interface Extracted {
  /** Undefined for a file that is not a CC7 document. */
  analysis?: FileAnalysis;
  /** Present for a record in the bundle (a known kind, readable, selected by the period). */
  record?: {
    summary: RecordSummary;
    /** The YAML to store (redacted under --redact); undefined when secrets block it. */
    copy?: string;
    /** The page body (see recordBody). */
    body?: string;
    /** Credentials found in the record (masked). */
    secrets: SecretHit[];
  };
}

export function extractRecord(input: ExtractInput, context: RuleContext, options: ExtractOptions): Extracted {
  // One parse: the document the rules check is the one the page and the summary are made from.
  const doc = readDocument({ path: input.path, text: input.text, byteLength: input.byteLength }, context.maxFileBytes);
  if (!doc) return {};
  const analysis = analyzeDocument(doc, context);
  const kind = analysis.facts.kind;
  const data = doc.data;
  if (!kind || !data) return { analysis };
  const summaryContext = { plan: context.plan, now: context.now, period: options.period };
  const summary = summarize(input.relativePath, kind, data, summaryContext);
  if (summary.selection === undefined) return { analysis };
  const zone = zoneOf(context.plan);
  // The secret-in-record rule scanned this very text: its matches are kept with the parse.
  const matches = documentSecrets(doc.file!);
  const secrets = secretHits(input.relativePath, matches);
  if (matches.length === 0) return { analysis, record: { summary, copy: input.text, body: recordBody(data, summary, zone), secrets } };
  if (!options.redact) return { analysis, record: { summary, secrets } };
  const copy = redactText(input.text, matches);
  const redactedValue = parseCc7(copy)?.value;
  const redacted = isRecord(redactedValue) ? redactedValue : { kind };
  // The redacted data makes everything shown, so no value of a credential reaches a page or a CSV.
  const shown = { ...summarize(input.relativePath, kind, redacted, summaryContext), selection: summary.selection };
  return { analysis, record: { summary: shown, copy, body: recordBody(redacted, shown, zone), secrets } };
}
