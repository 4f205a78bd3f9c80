/**
 * Hover: on a key, what it means and the criterion it serves; on a severity, the plan's
 * entry; on a regime or a clock trigger field, the deadline as core/deadlines computes it
 * (due in UTC and in the plan's zone, and the verdict); on an id, the record it names.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { BUILTIN_REGIMES } from '../deadlines';
import { cursorAt, type CursorPlace } from '../model/cursor';
import { offsetRange, positionToOffset } from '../model/locate';
import { keyMeaning } from './key-meaning';
import { deadlinesAt } from './hover-deadlines';
import { recordNamed } from './hover-records';
import { regimeSummary, severityMarkdown } from './plan-entries';
import type { ServiceRequest } from './request';
import { valueSourceOf } from './workspace-values';

export function hover(request: ServiceRequest, position: Position): Hover | null {
  const file = request.doc.file;
  if (!file) return null;
  const place = cursorAt(file, request.doc.kind, positionToOffset(position, file.lineCounter, file.text.length));
  if (!place || place.word.text === '') return null;
  const parts = place.on === 'key' ? keyHover(request, place) : valueHover(request, place);
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: offsetRange(place.word.start, place.word.end, file.lineCounter),
  };
}

/** The key's meaning, then the deadlines it starts when it is a clock trigger. */
function keyHover(request: ServiceRequest, place: CursorPlace): string[] {
  const meaning = keyMeaning(place.schema);
  const key = String(place.path[place.path.length - 1]);
  const head = meaning && `**${key}**${meaning.criteria ? ` · ${meaning.criteria}` : ''}\n\n${meaning.markdown}`;
  return [head, deadlinesAt(request, place.path)].filter((part): part is string => part !== undefined);
}

function valueHover(request: ServiceRequest, place: CursorPlace): string[] {
  const { doc, model } = request;
  const value = place.word.text.replace(/^(["'])(.*)\1$/, '$2');
  const source = doc.kind && valueSourceOf(doc.kind, place.path, place.schema);
  switch (source) {
    case 'severity': {
      const level = model.plan()?.severities.find((entry) => entry.id === value);
      return [level ? severityMarkdown(level) : `**${value}** is not a severity of the plan's severity_levels.`];
    }
    case 'regime':
      return [deadlinesAt(request, place.path, value) ?? `**${value}** does not apply to this incident.`];
    case 'builtin-regime': {
      const regime = BUILTIN_REGIMES.find((entry) => entry.id === value);
      return regime ? [`**${regime.title}** (${regime.id})\n\n${regimeSummary(regime)}`] : [];
    }
    case 'runbook':
    case 'incident':
    case 'tracked-item':
      return [recordNamed(request, source, value)];
    default: {
      const deadlines = deadlinesAt(request, place.path);
      return deadlines ? [deadlines] : [];
    }
  }
}
