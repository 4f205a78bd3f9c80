/**
 * Completion: the keys the schema allows at the cursor (not those present), with what they
 * mean and the criterion they serve; enum values; values from the workspace (plan severities
 * and roles, runbooks, incidents, the document's remediation ids, regimes, rules); `now` for
 * timestamps; and skeletons of the evidence the incident's phase still lacks.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { cursorAt, type CursorPlace } from '../model/cursor';
import { offsetRange, positionToOffset } from '../model/locate';
import { zoneOf } from '../model/plan';
import { childOf, enumOf, propertiesOf, typesOf, type SchemaNode } from '../model/schema-nodes';
import { localDate, timestampInZone } from '../model/time';
import { KINDS, type YamlPath } from '../model/types';
import { keyMeaning } from './key-meaning';
import type { ServiceRequest } from './request';
import { isSection, missingUnder, renderSkeleton, type SkeletonEntry } from './skeleton';
import { candidatesOf, keySourceOf, valueSourceOf, type Candidate } from './workspace-values';

export interface CompletionOptions {
  /** The client takes snippet syntax (tabstops, choices) in insert texts. */
  snippets: boolean;
}

/** Longer lists (incident ids in a large workspace) are cut to what matches the word typed, and marked incomplete. */
const MAX_ITEMS = 100;

/** Sort groups: what the record needs first, then skeletons, then the rest. */
const NEEDED = 0;
const SKELETON = 1;
const OTHER = 2;

const NOTHING: CompletionList = { isIncomplete: false, items: [] };

export function completion(request: ServiceRequest, position: Position, options: CompletionOptions): CompletionList {
  const file = request.doc.file;
  if (!file) return NOTHING;
  const place = cursorAt(file, request.doc.kind, positionToOffset(position, file.lineCounter, file.text.length));
  if (!place) return NOTHING;
  const context: Context = {
    request,
    place,
    options,
    range: offsetRange(place.word.start, place.word.end, file.lineCounter),
    // Right after `key:` a value needs the space YAML requires.
    spaceBefore: place.on === 'value' && file.text[place.word.start - 1] === ':' ? ' ' : '',
    incomplete: false,
  };
  const items = place.on === 'key' ? keyItems(context, place.path.slice(0, -1), place.mapping, place.presentKeys) : valueItems(context);
  // Incomplete: the client asks again as the user types, and gets the ids matching then.
  if (items.length > MAX_ITEMS) return { isIncomplete: true, items: matching(items, place.word.text) };
  return { isIncomplete: context.incomplete, items };
}

interface Context {
  request: ServiceRequest;
  place: CursorPlace;
  options: CompletionOptions;
  /** What an item replaces: the word typed so far. */
  range: Range;
  spaceBefore: string;
  /** Set when values were left out of the list for being too many. */
  incomplete: boolean;
}

function keyItems(context: Context, mappingPath: YamlPath, mapping: SchemaNode | undefined, present: readonly string[]): CompletionItem[] {
  const { request, place } = context;
  const missing = missingUnder(request, mappingPath, present);
  const needed = new Set(missing.map((entry) => entry.key));
  const status = typeof request.doc.data?.status === 'string' ? request.doc.data.status : undefined;
  const properties = mapping ? propertiesOf(mapping).filter((property) => !present.includes(property.key)) : [];
  const items = properties.map(({ key, node, required }, i): CompletionItem => {
    const meaning = keyMeaning(node);
    const why = required ? 'required' : needed.has(key) ? `status ${status} needs it` : undefined;
    return edit(context, {
      label: key,
      kind: CompletionItemKind.Property,
      detail: [meaning?.criteria, why].filter(Boolean).join(' · ') || undefined,
      documentation: meaning && markdown(meaning.markdown),
      sortText: sortText(why ? NEEDED : OTHER, i),
    }, keyText(key, node, place));
  });
  const source = request.doc.kind && keySourceOf(request.doc.kind, mappingPath);
  if (source) {
    const offered = new Set([...present, ...properties.map((property) => property.key)]);
    candidatesOf(source, request).filter((candidate) => !offered.has(candidate.label)).forEach((candidate, i) => {
      items.push(edit(context, { ...candidateItem(candidate, CompletionItemKind.Reference), sortText: sortText(OTHER, properties.length + i) },
        keyText(candidate.label, mapping && childOf(mapping, candidate.label), place)));
    });
  }
  if (!place.colon && !place.flow) items.push(...skeletonItems(context, missing));
  return items;
}

/** A key and what follows it: `key: `, or the start of its block mapping or list on the next line. */
function keyText(key: string, node: SchemaNode | undefined, place: CursorPlace): string {
  if (place.colon) return key;
  const types = node ? typesOf(node) : new Set<string>();
  if (place.flow || types.has('string') || !(types.has('object') || types.has('array'))) return `${key}: `;
  const indent = ' '.repeat(place.indent + 2);
  return types.has('array') ? `${key}:\n${indent}- ` : `${key}:\n${indent}`;
}

/** One skeleton per missing section, and one of everything missing here when that is more than one key. */
function skeletonItems(context: Context, missing: readonly SkeletonEntry[]): CompletionItem[] {
  const { place, options, request } = context;
  const status = String(request.doc.data?.status);
  const item = (label: string, entries: readonly SkeletonEntry[], filterText: string, order: number): CompletionItem => {
    const yaml = renderSkeleton(entries, place.indent, false);
    return edit(context, {
      label,
      kind: CompletionItemKind.Snippet,
      detail: `evidence status ${status} needs`,
      documentation: markdown(`Inserts what phase-evidence expects at this point:\n\n\`\`\`yaml\n${yaml}\n\`\`\``),
      filterText,
      sortText: sortText(SKELETON, order),
      insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    }, renderSkeleton(entries, place.indent, options.snippets));
  };
  const sections = missing.filter(isSection).map((entry, i) => item(`${entry.key} skeleton`, [entry], entry.key, i + 1));
  return missing.length > 1 ? [item('all missing evidence', missing, 'missing evidence', 0), ...sections] : sections;
}

function valueItems(context: Context): CompletionItem[] {
  const { request, place } = context;
  const kind = request.doc.kind;
  const last = place.path[place.path.length - 1];
  // A new `- ` item of a list of mappings, or a word typed after the dash: its first key.
  if (!place.flow && typeof last === 'number' && place.schema && typesOf(place.schema).has('object')) {
    return keyItems(context, place.path, place.schema, []);
  }
  if (!kind) return place.path.length === 1 && place.path[0] === 'kind' ? KINDS.map((name, i) => valueItem(context, name, CompletionItemKind.EnumMember, i)) : [];
  const items: CompletionItem[] = [];
  const source = valueSourceOf(kind, place.path, place.schema);
  if (source) {
    const fresh = candidatesOf(source, request).filter((candidate) => !place.presentItems.includes(candidate.label));
    // Cut before building items: a large workspace has thousands of incident ids.
    const shown = fresh.length > MAX_ITEMS ? matching(fresh, place.word.text) : fresh;
    context.incomplete ||= shown.length < fresh.length;
    shown.forEach((candidate, i) => items.push(edit(context, { ...candidateItem(candidate, CompletionItemKind.Reference), sortText: sortText(NEEDED, i) },
      candidate.label)));
  }
  const node = place.schema;
  if (!node) return items;
  const offered = new Set(items.map((item) => item.label));
  enumOf(node).map(String).filter((value) => !offered.has(value) && !place.presentItems.includes(value))
    .forEach((value, i) => items.push(valueItem(context, value, CompletionItemKind.EnumMember, i)));
  if (typesOf(node).has('boolean')) ['true', 'false'].forEach((value, i) => items.push(valueItem(context, value, CompletionItemKind.Value, i)));
  items.push(...timeItems(context, node));
  return items;
}

/** `now` in a timestamp, with the plan's offset; `today` in a date. */
function timeItems(context: Context, node: SchemaNode): CompletionItem[] {
  const { now, model } = context.request;
  const zone = zoneOf(model.plan());
  const item = (label: string, text: string, what: string) => edit(context, {
    label,
    kind: CompletionItemKind.Value,
    detail: text,
    documentation: markdown(`${what} in the plan's timezone, ${zone}.`),
    sortText: sortText(OTHER, 0),
  }, text);
  switch (node.definition) {
    case 'timestamp':
      return [item('now', timestampInZone(now, zone), 'The current time')];
    case 'date':
    case 'date_or_timestamp':
      return [item('today', localDate(now, zone), "Today's date")];
    default:
      return [];
  }
}

function valueItem(context: Context, value: string, kind: CompletionItemKind, order: number): CompletionItem {
  return edit(context, { label: value, kind, sortText: sortText(OTHER, order) }, value);
}

function candidateItem(candidate: Candidate, kind: CompletionItemKind): CompletionItem {
  return {
    label: candidate.label,
    kind,
    ...(candidate.detail ? { detail: candidate.detail } : {}),
    ...(candidate.documentation ? { documentation: markdown(candidate.documentation) } : {}),
  };
}

/** The item replacing the word typed with `text` (multi-line texts are indented already: as is). */
function edit(context: Context, item: CompletionItem, text: string): CompletionItem {
  const newText = context.spaceBefore + text;
  return {
    ...Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as CompletionItem,
    textEdit: { range: context.range, newText },
    ...(newText.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
  };
}

/** The first MAX_ITEMS whose label starts with the word typed (any case). */
function matching<T extends { label: string }>(items: readonly T[], word: string): T[] {
  const typed = word.toLowerCase();
  return items.filter((item) => item.label.toLowerCase().startsWith(typed)).slice(0, MAX_ITEMS);
}

function sortText(group: number, order: number): string {
  return `${group}${String(order).padStart(4, '0')}`;
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}
