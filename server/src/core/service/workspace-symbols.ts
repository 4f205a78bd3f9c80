import type { SymbolKind } from 'vscode-languageserver-types';
import { KIND_SYMBOLS } from './document-symbols';
import type { PathRange } from './occurrences';
import type { WorkspaceModel } from './request';

/** A record of the workspace as a symbol; the LSP layer turns the path into a URI. */
export interface RecordSymbol {
  name: string;
  kind: SymbolKind;
  /** The record's kind (`Incident`), shown beside the name. */
  containerName: string;
  location: PathRange;
}

/**
 * Workspace symbols (issue 6, 2.6): every record, by id and title, whose id or title holds the
 * query's characters in order, ignoring case (a substring is such a match too); substring
 * matches first, then path order. Read from the facts, never parsed.
 */
export function workspaceSymbols(model: WorkspaceModel, query: string): RecordSymbol[] {
  const wanted = query.trim().toLowerCase();
  const found: { symbol: RecordSymbol; substring: boolean }[] = [];
  for (const path of model.paths()) {
    const facts = model.facts(path);
    if (!facts?.kind || (!facts.id && !facts.title)) continue;
    const name = [facts.id, facts.title].filter(Boolean).join(' ');
    const haystack = name.toLowerCase();
    if (!isSubsequence(wanted, haystack)) continue;
    found.push({
      symbol: { name, kind: KIND_SYMBOLS[facts.kind], containerName: facts.kind, location: { path, range: facts.idRange ?? facts.anchor } },
      substring: haystack.includes(wanted),
    });
  }
  // A stable sort keeps path order within each group.
  return found.sort((a, b) => Number(b.substring) - Number(a.substring)).map(({ symbol }) => symbol);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
