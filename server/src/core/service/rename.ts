// Rename an id across the workspace (issue 6, 2.5): every occurrence in one edit, refused when
// the new id is malformed or already taken in its namespace. A file named after the document id
// it holds (`incidents/INC-2026-001.yaml`) may be renamed with it.
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { extractMentions, type Mention, type MentionKind } from '../model/mentions';
import { documentInFile } from '../rules/support/references';
import { ID_PATTERN, ROLE_ID_PATTERN, SEVERITY_ID_PATTERN } from '../model/types';
import { mentionAt, occurrencesOf } from './occurrences';
import type { ServiceRequest } from './request';

export interface FileEdits {
  path: string;
  edits: TextEdit[];
}

/** A file to move: named after the document id it holds, which is renamed. */
export interface FileMove {
  from: string;
  to: string;
}

/** What a rename does, or why it is refused. */
export type RenameOutcome =
  | { refused: string }
  | { files: FileEdits[]; moves: FileMove[] };

/** The id a rename would change, with its exact range; undefined when the cursor is on no id. */
export function prepareRename(request: ServiceRequest, position: Position): { range: Range; placeholder: string } | undefined {
  const target = mentionAt(request, position);
  if (!target) return undefined;
  return { range: { start: { line: target.line, character: target.start }, end: { line: target.line, character: target.end } }, placeholder: target.id };
}

/** How each namespace's ids are written, and how to say so. */
const SHAPES: Readonly<Record<MentionKind, { pattern: RegExp; expected: string }>> = {
  document: { pattern: ID_PATTERN, expected: 'capitals, digits and dashes such as INC-2026-014' },
  item: { pattern: ID_PATTERN, expected: 'capitals, digits and dashes such as REM-1' },
  role: { pattern: ROLE_ID_PATTERN, expected: 'snake_case such as incident_lead' },
  severity: { pattern: SEVERITY_ID_PATTERN, expected: 'letters, digits, _ or - such as SEV1' },
};

const NOUNS: Readonly<Record<MentionKind, string>> = { document: 'document id', item: 'item id', role: 'role id', severity: 'severity id' };

/**
 * The edits renaming the id at `position` to `newName` in every file that writes it; with
 * `moveFiles` (the client can rename files), a file named after the document id it defines moves too.
 */
export function rename(request: ServiceRequest, position: Position, newName: string, moveFiles: boolean): RenameOutcome | undefined {
  const target = mentionAt(request, position);
  if (!target) return undefined;
  const shape = SHAPES[target.kind];
  if (!shape.pattern.test(newName)) {
    return { refused: `"${newName}" is not a valid ${NOUNS[target.kind]}: write ${shape.expected}` };
  }
  if (newName === target.id) return { files: [], moves: [] };
  const taken = takenBy(request, target, newName);
  if (taken) return { refused: `${newName} is already ${taken}: choose another ${NOUNS[target.kind]}` };

  const occurrences = occurrencesOf(request, target);
  const byPath = new Map<string, TextEdit[]>();
  for (const { path, range } of occurrences) byPath.set(path, [...byPath.get(path) ?? [], { range, newText: newName }]);
  const files = [...byPath].map(([path, edits]) => ({ path, edits }));
  if (target.kind !== 'document' || !moveFiles) return { files, moves: [] };
  const moves = occurrences.flatMap(({ path, defines }) => {
    const to = defines ? renamedFile(path, target.id, newName) : undefined;
    return to ? [{ from: path, to }] : [];
  });
  return { files, moves };
}

/** What already has the new id in the target's namespace, worded for the refusal; undefined when it is free. */
function takenBy({ doc, model }: ServiceRequest, target: Mention, newName: string): string | undefined {
  switch (target.kind) {
    case 'document': {
      const other = model.workspace.withId(newName)[0];
      return other && `the id of ${documentInFile(other)}`;
    }
    case 'item':
      return extractMentions(doc).some((mention) => mention.kind === 'item' && mention.defines && mention.id === newName)
        ? 'an item of this document'
        : undefined;
    case 'role':
      return model.plan()?.roles.includes(newName) ? 'a role of the plan' : undefined;
    case 'severity':
      return model.plan()?.severities.some((level) => level.id === newName) ? 'a severity level of the plan' : undefined;
  }
}

/** `incidents/INC-2026-001.yaml` → `incidents/INC-2026-101.yaml`; undefined when the file is not named after the id. */
function renamedFile(path: string, oldId: string, newId: string): string | undefined {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1);
  const extension = /\.ya?ml$/i.exec(name)?.[0];
  if (!extension || name.slice(0, -extension.length) !== oldId) return undefined;
  return `${path.slice(0, slash + 1)}${newId}${extension}`;
}
