// Advance phase (SPEC 5, cc7.advancePhase): moves an incident to the next phase of its
// lifecycle when `phase-evidence` would pass there, as two small edits that keep every
// comment and the formatting of the rest of the file: the `status` value, and one timeline
// entry appended after the last one, in the style of the entries before it. Otherwise it
// answers what is missing, each where it belongs (or on its closest existing parent).
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLSeq } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Cc7Document } from '../model/document';
import { offsetRange } from '../model/locate';
import { zoneOf } from '../model/plan';
import { formatPath } from '../model/schemas';
import { formatTimestamp } from '../model/time';
import { describeMissing, missingEvidence, phaseIndex, PHASES, type Phase } from '../rules/support/lifecycle';
import type { ServiceRequest } from './request';

/** One piece of evidence the next phase needs. */
export interface MissingEvidence {
  /** The YAML path, as messages write it (`triage.assessed_at`, `containment[1].by`). */
  path: string;
  message: string;
  /** Where it belongs: the key itself, or its closest existing parent's key. */
  range: Range;
}

export type PhaseAdvance =
  | { advance: true; from: Phase; to: Phase; edits: TextEdit[] }
  | { advance: false; reason: string; missing: MissingEvidence[] };

/** The timeline entry's wording: it records the change in the record itself. */
export const phaseEvent = (phase: Phase) => `Phase advanced to ${phase}`;

export function advancePhase({ doc, model, now }: ServiceRequest): PhaseAdvance {
  const yaml = doc.file?.documents[0];
  if (doc.kind !== 'Incident' || !doc.data || !yaml || !isMap(yaml.contents)) {
    return refusal('Advance phase works on an Incident record.');
  }
  const status = doc.data.status;
  const current = phaseIndex(status);
  if (current === undefined) {
    return refusal(`status ${JSON.stringify(status ?? null)} is not a phase of the lifecycle: set it to one of ${PHASES.join(', ')}.`,
      [{ path: 'status', message: `status must be one of ${PHASES.join(', ')}`, range: doc.locate(['status']) }]);
  }
  const from = PHASES[current]!;
  const to = PHASES[current + 1];
  if (!to) return refusal(`${String(doc.data.id ?? 'The incident')} is already closed.`);
  const plan = model.plan();
  const missing = missingEvidence({ ...doc.data, status: to }, plan).map((path): MissingEvidence => ({
    path: formatPath(path),
    message: `${describeMissing(path)} is missing`,
    range: doc.locate(path, 'key'),
  }));
  if (missing.length > 0) {
    return refusal(`${String(doc.data.id ?? 'The incident')} cannot move to ${to}: record the evidence it needs first.`, missing);
  }
  const entry = { at: formatTimestamp(now, zoneOf(plan)), event: phaseEvent(to) };
  const timeline = appendToTimeline(doc, yaml.contents.items as Pair[], entry);
  if (!timeline) {
    return refusal('timeline is not a list: make it one before advancing the phase.',
      [{ path: 'timeline', message: 'timeline must be a list of { at, event } entries', range: doc.locate(['timeline'], 'key') }]);
  }
  return { advance: true, from, to, edits: [{ range: doc.locate(['status']), newText: to }, timeline] };
}

function refusal(reason: string, missing: MissingEvidence[] = []): PhaseAdvance {
  return { advance: false, reason, missing };
}

interface Entry {
  at: string;
  event: string;
}

const flowEntry = ({ at, event }: Entry) => `{ at: ${at}, event: ${event} }`;

/**
 * The edit appending an entry to the document's top-level `timeline`: after the last item, at
 * its indentation, as a flow mapping or a block mapping like that item; inside the brackets
 * of a flow sequence; a new `timeline` at the end when there is none. Undefined when
 * `timeline` holds something other than a list.
 */
function appendToTimeline(doc: Cc7Document, pairs: Pair[], entry: Entry): TextEdit | undefined {
  const file = doc.file!;
  const text = file.text;
  const at = (offset: number, newText: string): TextEdit => ({ range: offsetRange(offset, offset, file.lineCounter), newText });
  const pair = pairs.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'timeline');
  if (!pair) {
    const end = text.length;
    return at(end, `${end > 0 && !text.endsWith('\n') ? '\n' : ''}timeline:\n  - ${flowEntry(entry)}\n`);
  }
  const seq = pair.value;
  if (!isSeq(seq) || !seq.range) return undefined;
  if (seq.flow) {
    const last = lastItemEnd(seq);
    // `[ a ]` gets `, new` after a; `[]` gets ` new ` inside.
    return last === undefined ? at(seq.range[0] + 1, ` ${flowEntry(entry)} `) : at(last, `, ${flowEntry(entry)}`);
  }
  const last = seq.items.at(-1) as Node | undefined;
  if (!last?.range) return undefined;
  const dash = text.lastIndexOf('-', last.range[0]);
  const indent = dash - (text.lastIndexOf('\n', dash) + 1);
  const pad = ' '.repeat(indent);
  const lineEnd = endOfLine(text, last.range[1]);
  const item = isMap(last) && !last.flow
    ? `${pad}- at: ${entry.at}\n${pad}  event: ${entry.event}`
    : `${pad}- ${flowEntry(entry)}`;
  return at(lineEnd, `\n${item}`);
}

/** The end offset of a flow sequence's last item; undefined when it is empty. */
function lastItemEnd(seq: YAMLSeq): number | undefined {
  const last = seq.items.at(-1) as Node | Pair | undefined;
  if (!last) return undefined;
  const node = (isScalar(last) || isMap(last) || isSeq(last) ? last : (last as Pair).value) as Node | undefined;
  return node?.range?.[1];
}

/** Where the line holding `offset` ends (before its newline); a node ending at a line start ends on the line before. */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset - 1;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}
