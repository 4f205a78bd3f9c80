// --redact: credentials masked in the record's text before anything is made from it, so the
// YAML copy, the page and every CSV row hold the mask, never the value.
import type { SecretMatch } from './core-api';

/** What replaces a credential: a plain word, valid wherever the value stood in YAML. */
export const REDACTED = 'REDACTED';

/** A secret as export reports it: never the value. */
export interface SecretHit {
  /** Workspace-relative path. */
  file: string;
  /** 1-based. */
  line: number;
  kind: string;
  masked: string;
}

export function secretHits(file: string, matches: readonly SecretMatch[]): SecretHit[] {
  return matches.map((match) => ({ file, line: match.line + 1, kind: match.kind, masked: match.masked }));
}

/**
 * The text with every match masked. A private key block keeps its lines (blank, indentation
 * kept) so the YAML around it still parses; its BEGIN and END markers become the mask.
 */
export function redactText(text: string, matches: readonly SecretMatch[]): string {
  const lines = text.split(/(\r\n|\r|\n)/);
  // split with a capture group: even indexes are lines, odd ones their line breaks.
  const line = (n: number) => lines[n * 2] ?? '';
  const setLine = (n: number, value: string) => { lines[n * 2] = value; };
  // Right to left on each line, so earlier columns stay valid.
  for (const match of [...matches].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const content = line(match.line);
    setLine(match.line, content.slice(0, match.start) + REDACTED + content.slice(match.end));
    if (match.lastLine === undefined) continue;
    for (let n = match.line + 1; n <= match.lastLine; n++) {
      const inner = line(n);
      const end = /-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/.exec(inner);
      setLine(n, end ? inner.slice(0, end.index) + REDACTED + inner.slice(end.index + end[0].length) : /^\s*/.exec(inner)![0]);
    }
  }
  return lines.join('');
}

/** Masks every secret value of `text` found verbatim in a message (a finding that echoes a value). */
export function redactMessage(message: string, text: string, matches: readonly SecretMatch[]): string {
  const lines = text.split(/\r\n|\r|\n/);
  let result = message;
  for (const match of matches) {
    const value = lines[match.line]?.slice(match.start, match.end);
    if (value) result = result.split(value).join(REDACTED);
  }
  return result;
}
