/** The record an id names, for hover: title, status or phase, and the file it is in. */
import { URI } from 'vscode-uri';
import type { Cc7Document } from '../model/document';
import type { DocumentFacts } from '../model/facts';
import type { Kind, Range } from '../model/types';
import { itemAnchor, itemNoun, trackedItems } from '../rules/support/tracking';
import type { ServiceRequest } from './request';

const KIND_OF: Readonly<Record<'runbook' | 'incident', Kind>> = { runbook: 'Runbook', incident: 'Incident' };

/** Markdown on the document (runbook, incident) or the tracked item of this document (remediation, improvement) an id names. */
export function recordNamed(request: ServiceRequest, source: 'runbook' | 'incident' | 'tracked-item', id: string): string {
  if (source === 'tracked-item') return trackedItem(request.doc, id);
  const kind = KIND_OF[source];
  const facts = request.model.workspace.withId(id).find((candidate) => candidate.kind === kind);
  return facts ? documentRecord(facts) : `**${id}**: no ${kind} with this id in the workspace.`;
}

function documentRecord(facts: DocumentFacts): string {
  const lines = [
    facts.status && `- Status: ${facts.status}`,
    facts.kind === 'Incident' && facts.severity && `- Severity: ${facts.severity}`,
    `- File: ${link(facts.path, facts.idRange ?? facts.anchor)}`,
  ].filter((line): line is string => typeof line === 'string');
  return [`**${facts.id}** · ${facts.kind}`, facts.title, lines.join('\n')].filter(Boolean).join('\n\n');
}

function trackedItem(doc: Cc7Document, id: string): string {
  const found = trackedItems(doc).find((item) => item.id === id);
  if (!found) return `**${id}**: no remediation or improvement item of this document has this id.`;
  const field = (key: string) => (typeof found.item[key] === 'string' ? found.item[key] : undefined);
  const lines = [
    found.status && `- Status: ${found.status}`,
    field('owner') && `- Owner: ${field('owner')}`,
    field('due') && `- Due: ${field('due')}`,
    field('ticket') && `- Ticket: ${field('ticket')}`,
    `- File: ${link(doc.path, doc.locate(itemAnchor(found)))}`,
  ].filter((line): line is string => typeof line === 'string');
  return [`**${id}** · ${itemNoun(found.section)}`, field('action'), lines.join('\n')].filter(Boolean).join('\n\n');
}

/** A markdown link named after the file, opening it at the line (`#L12`, which VS Code follows). */
function link(path: string, range: Range): string {
  const name = path.split(/[\\/]/).pop() || path;
  return `[${name}](${URI.file(path).with({ fragment: `L${range.start.line + 1}` }).toString()})`;
}
