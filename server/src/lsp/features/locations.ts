import type { Location } from 'vscode-languageserver';
import type { PathRange } from '../../core/service/occurrences';
import type { ServerState } from '../state';

/** A place the core names by path, as an LSP location (the open document's URI when open). */
export function toLocation(state: ServerState, place: PathRange): Location {
  return { uri: state.uriOf(place.path), range: place.range };
}
