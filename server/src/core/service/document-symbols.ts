// The outline (SPEC 3): the document as its root symbol, named by its id (or title); its
// sections as children; the items of a section, named by what identifies them (an id, a
// regime, a time, a role), as grandchildren. Read from the YAML tree, so ranges cover whole
// entries and each selection range is just the key or the identifying value.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { text } from '../model/data';
import { nodeRange, offsetRange } from '../model/locate';
import type { ParsedFile } from '../model/parse';
import type { Kind } from '../model/types';
import type { ServiceRequest } from './request';

/** The symbol of each kind of record, in the outline and in workspace symbols. */
export const KIND_SYMBOLS: Readonly<Record<Kind, SymbolKind>> = {
  ResponsePlan: SymbolKind.Namespace,
  Incident: SymbolKind.Event,
  SecurityEvent: SymbolKind.Event,
  Runbook: SymbolKind.Function,
  TabletopExercise: SymbolKind.Class,
};

/** What names an item of a list section, and what describes it, by the section's path. */
interface ItemNaming {
  name: string;
  detail?: string;
  kind: SymbolKind;
}

const LIST_ITEMS: Readonly<Record<string, ItemNaming>> = {
  remediation: { name: 'id', detail: 'action', kind: SymbolKind.Object },
  improvements: { name: 'id', detail: 'action', kind: SymbolKind.Object },
  timeline: { name: 'at', detail: 'event', kind: SymbolKind.Event },
  containment: { name: 'at', detail: 'action', kind: SymbolKind.Event },
  'notifications.notices': { name: 'regime', detail: 'recipient', kind: SymbolKind.Object },
  'notifications.not_required': { name: 'regime', detail: 'rationale', kind: SymbolKind.Object },
  waivers: { name: 'rule', detail: 'target', kind: SymbolKind.Object },
  severity_levels: { name: 'id', detail: 'name', kind: SymbolKind.EnumMember },
  reviews: { name: 'at', detail: 'changes', kind: SymbolKind.Event },
  participants: { name: 'person', detail: 'role', kind: SymbolKind.Object },
  monitoring: { name: 'system', kind: SymbolKind.Object },
  reporting_channels: { name: 'address', detail: 'kind', kind: SymbolKind.Object },
};

/** Sections whose keys are ids (plan and incident roles, runbook phases): each key is an item. */
const KEYED_ITEMS: ReadonlySet<string> = new Set(['roles', 'phases']);

export function documentSymbols({ doc }: ServiceRequest): DocumentSymbol[] {
  const yaml = doc.file?.documents[0];
  const root = yaml?.contents;
  if (!doc.kind || !isMap(root) || !doc.file) return [];
  const source = doc.file;
  const range = spanOf(root as Node, source);
  if (!range) return [];
  const id = text(doc.data?.id);
  const title = text(doc.data?.title);
  return [{
    // A plan has no id or title: it is named by its organization.
    name: id ?? title ?? text(doc.data?.organization) ?? doc.kind,
    detail: id && title ? `${doc.kind}: ${title}` : doc.kind,
    kind: KIND_SYMBOLS[doc.kind],
    range,
    selectionRange: doc.locate([id === undefined ? 'kind' : 'id'], id === undefined ? 'key' : 'value'),
    children: sections(root, '', source),
  }];
}

/** The collection-valued keys of a mapping, each with its items. */
function sections(map: YAMLMap, prefix: string, source: ParsedFile): DocumentSymbol[] {
  return map.items.flatMap((pair) => {
    const key = keyOf(pair);
    const value = pair.value as Node | null;
    if (key === undefined || !(isMap(value) || isSeq(value))) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const selectionRange = nodeRange(pair.key as Node, source.lineCounter);
    const range = pairRange(pair, source);
    if (!selectionRange || !range) return [];
    return [{
      name: key,
      kind: isSeq(value) ? SymbolKind.Array : SymbolKind.Object,
      range,
      selectionRange,
      children: children(value, path, source),
    }];
  });
}

function children(value: Node, path: string, source: ParsedFile): DocumentSymbol[] {
  const naming = LIST_ITEMS[path];
  if (naming && isSeq(value)) return value.items.flatMap((item) => listItem(item as Node, naming, source));
  if (!isMap(value)) return [];
  if (KEYED_ITEMS.has(path)) {
    return value.items.flatMap((pair) => {
      const key = keyOf(pair);
      const selectionRange = nodeRange(pair.key as Node, source.lineCounter);
      const range = pairRange(pair, source);
      return key !== undefined && selectionRange && range ? [{ name: key, kind: SymbolKind.Property, range, selectionRange }] : [];
    });
  }
  // Nested lists that name their items (notifications.notices) are sections of their own.
  return sections(value, path, source).filter((section) => LIST_ITEMS[`${path}.${section.name}`]);
}

function listItem(item: Node, naming: ItemNaming, source: ParsedFile): DocumentSymbol[] {
  if (!isMap(item)) return [];
  const range = spanOf(item, source);
  const namePair = item.items.find((pair) => keyOf(pair) === naming.name);
  const nameNode = namePair?.value as Node | undefined;
  const name = isScalar(nameNode) ? String(nameNode.value) : undefined;
  const selectionRange = nodeRange(nameNode, source.lineCounter);
  if (!range || name === undefined || name.trim() === '' || !selectionRange) return [];
  const detailNode = naming.detail ? item.items.find((pair) => keyOf(pair) === naming.detail)?.value : undefined;
  const detail = isScalar(detailNode) && detailNode.value !== null ? String(detailNode.value) : undefined;
  return [{ name, ...(detail ? { detail } : {}), kind: naming.kind, range, selectionRange }];
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** From the key's first character to the end of the value. */
function pairRange(pair: Pair, source: ParsedFile): Range | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  return trimmed(key.range[0], value?.range?.[1] ?? key.range[1], source);
}

function spanOf(node: Node, source: ParsedFile): Range | undefined {
  return node.range ? trimmed(node.range[0], node.range[1], source) : undefined;
}

/** A block collection's value ends where the next entry starts: the range stops at its last character. */
function trimmed(start: number, end: number, source: ParsedFile): Range {
  let last = end;
  while (last > start && /\s/.test(source.text[last - 1]!)) last--;
  return offsetRange(start, last, source.lineCounter);
}
