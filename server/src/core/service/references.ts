import type { Position } from 'vscode-languageserver-types';
import { mentionAt, occurrencesOf, type PathRange } from './occurrences';
import type { ServiceRequest } from './request';

/**
 * Find references (SPEC 3) from a definition or a use of an id: every place the workspace
 * writes it, the definition included when asked.
 */
export function references(request: ServiceRequest, position: Position, includeDeclaration: boolean): PathRange[] {
  const target = mentionAt(request, position);
  if (!target) return [];
  return occurrencesOf(request, target)
    .filter((place) => includeDeclaration || !place.defines)
    .map(({ path, range }) => ({ path, range }));
}
