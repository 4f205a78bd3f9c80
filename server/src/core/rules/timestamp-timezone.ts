import { zoneOf } from '../model/plan';
import { DateTime } from 'luxon';
import type { TrackedNow } from '../model/horizon';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { formatInstant, LOCAL_TIMESTAMP_PATTERN, parseInstant, withZoneOffset } from '../model/time';
import { text, yamlPath } from '../model/data';
import { nodeRange } from '../model/locate';
import type { Report, Rule } from './rule';
import { formatPath } from '../model/schemas';
import type { YamlPath } from '../model/types';
import { pathOf, type PathLink } from './support/lifecycle';

/** Characters of a value's path shown in the message before it is cut. */
const MAX_PATH_TEXT = 80;

/**
 * Every timestamp value without an offset, at any depth of any kind of document, found in the
 * parse tree so that each value is reported once, where it is written (an alias is not a copy).
 * The fix writes the plan zone's offset at that instant (withZoneOffset: DST-correct).
 */
export const timestampTimezone: Rule = {
  id: 'timestamp-timezone',
  defaultSeverity: 'warning',
  description: 'A timestamp without an offset: deadlines cannot be computed from ambiguous times.',
  criteria: 'all',
  reads: { plan: () => ['zone', 'path'] },
  checkDocument(doc, context) {
    const yaml = doc.file?.documents[0];
    if (!doc.file || !yaml) return [];
    const zone = zoneOf(context.plan);
    const reports: Report[] = [];
    for (const { node, at } of stringScalars(yaml.contents as Node | null, (value) => LOCAL_TIMESTAMP_PATTERN.test(value))) {
      const range = nodeRange(node.scalar, doc.file.lineCounter);
      if (!range) continue;
      const path = pathOf(at);
      reports.push({ range, message: message(path, node.value, zone, context.plan !== undefined, context.now), fix: { path, value: node.value } });
    }
    return reports;
  },
  fix(_doc, finding, context) {
    const path = yamlPath(finding.fix?.path);
    const value = text(finding.fix?.value);
    const fixed = value && withZoneOffset(value, zoneOf(context.plan));
    if (!path || !value || !fixed) return [];
    return [{
      title: `Write ${fixed} (${context.plan ? "the plan's" : 'the UTC'} offset at that time)`,
      isPreferred: true,
      // Only where the value is still the one reported: the text may have changed since.
      apply: (editor) => editor.scalar(path) === value && editor.setScalar(path, fixed),
    }];
  },
};

function message(path: YamlPath, value: string, zone: string, hasPlan: boolean, now: TrackedNow): string {
  const instant = parseInstant(value, zone);
  const where = hasPlan ? `${zone} (the plan's timezone)` : 'UTC (no ResponsePlan sets a timezone)';
  const read = instant ? ` as ${formatInstant(instant.ms)}` : '';
  // The offset the value would have; for one that names no instant, the zone's offset now.
  const offset = instant ? DateTime.fromMillis(instant.ms, { zone }).toFormat('ZZ') : now.offsetIn(zone);
  const full = formatPath(path);
  // A pathologically deep value keeps a readable message.
  const name = full === '' ? '' : `${full.length > MAX_PATH_TEXT ? `${full.slice(0, MAX_PATH_TEXT)}…` : full} `;
  return `${name}${value} has no UTC offset; it is read in ${where}${read}: add Z or an offset like ${offset}.`;
}

interface StringScalar {
  node: { scalar: Node; value: string };
  /** Its path, spelled out only for the values reported. */
  at: PathLink | undefined;
}

/** The string scalars that are values (not keys) under a node and pass `accept`, with their paths; iterative. */
function stringScalars(root: Node | null, accept: (value: string) => boolean): StringScalar[] {
  const found: StringScalar[] = [];
  const stack: { node: unknown; at: PathLink | undefined }[] = [{ node: root, at: undefined }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && accept(node.value)) found.push({ node: { scalar: node, value: node.value }, at });
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        stack.push({ node: pair.value, at: { segment: key, parent: at } });
      }
    } else if (isPair(node)) {
      stack.push({ node: node.value, at });
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], at: { segment: i, parent: at } });
    }
  }
  return found;
}
