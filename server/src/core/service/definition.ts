import type { Position } from 'vscode-languageserver-types';
import { mentionAt, occurrencesOf, type PathRange } from './occurrences';
import type { ServiceRequest } from './request';

/**
 * Go to definition (SPEC 3) from any id: a severity or role to the governing plan's entry, a
 * document id to the document's `id`, an item id to the item. [] when the cursor is on no id
 * or the id is defined nowhere.
 */
export function definition(request: ServiceRequest, position: Position): PathRange[] {
  const target = mentionAt(request, position);
  if (!target) return [];
  return occurrencesOf(request, target).filter((place) => place.defines).map(({ path, range }) => ({ path, range }));
}
