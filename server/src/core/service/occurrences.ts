// The id under the cursor and every place the workspace writes it: what go to definition,
// find references and rename share. The document asked about is read from its parse tree (the
// editor's text); every other document from its facts (DocumentFacts.mentions), never parsed.
import type { Position, Range } from 'vscode-languageserver-types';
import { extractMentions, isAt, mentionRange, sameTarget, type Mention } from '../model/mentions';
import type { ServiceRequest } from './request';

/** A place in a file of the workspace; the LSP layer turns the path into a URI. */
export interface PathRange {
  path: string;
  range: Range;
}

/** One occurrence of an id: where, and whether it defines the id there. */
export interface Occurrence extends PathRange {
  defines: boolean;
}

/** The id written at a position of the document, if any. */
export function mentionAt({ doc }: ServiceRequest, position: Position): Mention | undefined {
  return extractMentions(doc).find((mention) => isAt(mention, position));
}

/**
 * Every occurrence of what `target` names, in path order: an item only inside its document;
 * a severity or role wherever it is used, defined in the governing plan (another plan governs
 * nothing); a document id wherever it is written.
 */
export function occurrencesOf(request: ServiceRequest, target: Mention): Occurrence[] {
  const { doc, model } = request;
  const here = extractMentions(doc).filter((mention) => sameTarget(mention, target));
  const found = here.map((mention) => occurrence(doc.path, mention));
  if (target.kind !== 'item') {
    for (const facts of model.workspace.mentioning(target.kind, target.id)) {
      if (facts.path === doc.path) continue;
      for (const mention of facts.mentions) if (sameTarget(mention, target)) found.push(occurrence(facts.path, mention));
    }
  }
  const plan = model.plan()?.path;
  const planDefined = target.kind === 'severity' || target.kind === 'role';
  return found
    .filter((place) => !(planDefined && place.defines && place.path !== plan))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

function occurrence(path: string, mention: Mention): Occurrence {
  return { path, range: mentionRange(mention), defines: mention.defines };
}
