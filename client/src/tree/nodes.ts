// The rows of the "CC7 Incidents" tree (SPEC 4), each built from the server's summary alone:
// its label, description, icon, tooltip, context value (for the context menu) and what a
// click opens.
import * as vscode from 'vscode';
import type { ClockSummary, ClosedIncidentSummary, IncidentSummary, ItemSummary, PhaseGroup, SummaryLocation, WorkspaceSummary } from '../../../server/src/protocol';
import { clockCountdown, formatAge, formatUtc } from '../format';

export type Section = 'open' | 'deadlines' | 'remediation' | 'closed';

export type TreeNode =
  | { kind: 'section'; section: Section; summary: WorkspaceSummary }
  | { kind: 'phase'; group: PhaseGroup }
  | { kind: 'incident'; incident: IncidentSummary }
  | { kind: 'clock'; clock: ClockSummary }
  | { kind: 'item'; item: ItemSummary }
  | { kind: 'closed'; incident: ClosedIncidentSummary };

/** The contextValue of each row kind: `view/item/context` menus match on these. */
export const ContextValues = {
  incident: 'cc7.incident',
  /** An open incident that names a runbook (Open runbook applies). */
  incidentWithRunbook: 'cc7.incident.runbook',
  clock: 'cc7.clock',
  item: 'cc7.item',
  closed: 'cc7.closedIncident',
} as const;

const BREACHED = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
const APPROACHING = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));

/** The root rows: one per section, every one always there so the tree keeps its shape. */
export function sections(summary: WorkspaceSummary): TreeNode[] {
  return (['open', 'deadlines', 'remediation', 'closed'] as const).map((section) => ({ kind: 'section', section, summary }));
}

export function childrenOf(node: TreeNode): TreeNode[] {
  if (node.kind === 'phase') return node.group.incidents.map((incident) => ({ kind: 'incident', incident }));
  if (node.kind !== 'section') return [];
  const { summary } = node;
  switch (node.section) {
    case 'open': return summary.phases.map((group) => ({ kind: 'phase', group }));
    case 'deadlines': return summary.clocks.map((clock) => ({ kind: 'clock', clock }));
    case 'remediation': return summary.items.map((item) => ({ kind: 'item', item }));
    case 'closed': return summary.closed.map((incident) => ({ kind: 'closed', incident }));
  }
}

export function treeItem(node: TreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'section': return sectionItem(node.section, node.summary);
    case 'phase': return phaseItem(node.group);
    case 'incident': return incidentItem(node.incident);
    case 'clock': return clockItem(node.clock);
    case 'item': return remediationItem(node.item);
    case 'closed': return closedItem(node.incident);
  }
}

/** A stable id per row, so the tree keeps what is expanded and selected across refreshes. */
export function idOf(node: TreeNode): string {
  switch (node.kind) {
    case 'section': return `section:${node.section}`;
    case 'phase': return `phase:${node.group.phase}`;
    case 'incident': return `incident:${node.incident.uri}`;
    case 'clock': return `clock:${node.clock.uri}#${node.clock.regime}`;
    case 'item': return `item:${node.item.uri}#${node.item.range.start.line}`;
    case 'closed': return `closed:${node.incident.uri}`;
  }
}

function sectionItem(section: Section, summary: WorkspaceSummary): vscode.TreeItem {
  const open = summary.phases.reduce((sum, group) => sum + group.incidents.length, 0);
  const [label, count, icon, tooltip] = {
    open: ['Open incidents', open, 'flame', 'Incidents not closed yet, by the phase now in progress'],
    deadlines: ['Deadlines', summary.clocks.length, 'watch', 'Every notification clock no notice has closed: breached first, then the soonest due'],
    remediation: ['Remediation', summary.items.length, 'tasklist', 'Remediation and improvement items still open or in progress: overdue first'],
    closed: ['Closed', summary.closed.length, 'archive', `Incidents closed in the audit period ${summary.auditPeriod.start} – ${summary.auditPeriod.end}`
      + (summary.auditPeriod.fromPlan ? ' (the plan\'s audit_period)' : ' (the calendar year; set audit_period in the plan to change it)')],
  }[section] as [string, number, string, string];
  const item = new vscode.TreeItem(`${label} (${count})`, section === 'closed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.tooltip = tooltip;
  if (section === 'closed') item.description = `${summary.auditPeriod.start} – ${summary.auditPeriod.end}`;
  if (count === 0) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  return item;
}

function phaseItem(group: PhaseGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(`${group.phase} (${group.incidents.length})`, vscode.TreeItemCollapsibleState.Expanded);
  item.iconPath = new vscode.ThemeIcon('folder-active');
  return item;
}

function incidentItem(incident: IncidentSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(titled(incident.id, incident.title), vscode.TreeItemCollapsibleState.None);
  item.description = [incident.severity, incident.ageMs === undefined ? undefined : formatAge(incident.ageMs)].filter(Boolean).join(' · ');
  item.iconPath = incident.worst === 'breached' ? BREACHED : incident.worst === 'approaching' ? APPROACHING : new vscode.ThemeIcon('circle-outline');
  item.contextValue = incident.runbook ? ContextValues.incidentWithRunbook : ContextValues.incident;
  item.command = openAt(incident);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${incident.id}** ${escape(incident.title ?? '')}\n\n`);
  tooltip.appendMarkdown(`Severity ${incident.severity ?? '—'} · phase **${incident.phase}**`);
  if (incident.detectedAt) tooltip.appendMarkdown(` · detected ${formatUtc(incident.detectedAt)} (${formatAge(incident.ageMs ?? 0)} ago)`);
  if (incident.runbook) tooltip.appendMarkdown(`\n\nRunbook ${incident.runbook.id}`);
  for (const clock of incident.clocks) tooltip.appendMarkdown(`\n\n$(${clock.verdict === 'breached' ? 'error' : clock.verdict === 'approaching' ? 'warning' : 'watch'}) ${clock.label}: due ${formatUtc(clock.dueAt)}, ${clockCountdown(clock)}`);
  item.tooltip = tooltip;
  return item;
}

function clockItem(clock: ClockSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(`${clock.label} · ${clock.incident} · ${clockCountdown(clock)}`, vscode.TreeItemCollapsibleState.None);
  item.description = `due ${formatUtc(clock.dueAt)}`;
  item.iconPath = clock.verdict === 'breached' ? BREACHED : clock.verdict === 'approaching' ? APPROACHING : new vscode.ThemeIcon('watch');
  item.contextValue = ContextValues.clock;
  item.command = openAt(clock);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(clock.title)}** for ${clock.incident}\n\n`);
  tooltip.appendMarkdown(`Due ${formatUtc(clock.dueAt)}: ${clock.verdict === 'breached' ? '**breached**, ' : ''}${clockCountdown(clock)}.\n\n`);
  tooltip.appendMarkdown('Record the notice under `notifications.notices`, or the decision not to notify under `notifications.not_required`.');
  item.tooltip = tooltip;
  return item;
}

function remediationItem(entry: ItemSummary): vscode.TreeItem {
  // Which item and when come first: the action, often long, last (its tooltip has it whole).
  const item = new vscode.TreeItem(`${entry.id ?? '(no id)'} · ${entry.record}`, vscode.TreeItemCollapsibleState.None);
  const due = entry.due === undefined ? 'no due date' : entry.overdue ? `overdue since ${entry.due}` : `due ${entry.due}`;
  item.description = [entry.waivedUntil ? `${due}, waived until ${entry.waivedUntil}` : due, entry.owner, entry.action].filter(Boolean).join(' · ');
  item.iconPath = entry.overdue && !entry.waivedUntil ? BREACHED : entry.overdue ? new vscode.ThemeIcon('shield') : new vscode.ThemeIcon(entry.status === 'in-progress' ? 'play-circle' : 'circle-outline');
  item.contextValue = ContextValues.item;
  item.command = openAt(entry);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${entry.id ?? '(no id)'}** of ${entry.record}: ${escape(entry.action ?? '')}\n\n`);
  tooltip.appendMarkdown(`Status ${entry.status} · owner ${entry.owner ?? '—'} · ${due}`);
  if (entry.waivedUntil) tooltip.appendMarkdown(`\n\nA waiver covers it until ${entry.waivedUntil}.`);
  item.tooltip = tooltip;
  return item;
}

function closedItem(incident: ClosedIncidentSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(titled(incident.id, incident.title), vscode.TreeItemCollapsibleState.None);
  item.description = [incident.severity, `closed ${incident.closedAt.slice(0, 10)}`].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('pass');
  item.contextValue = ContextValues.closed;
  item.command = openAt(incident);
  item.tooltip = `${incident.id} ${incident.title ?? ''}\nClosed ${formatUtc(incident.closedAt)}`;
  return item;
}

/** "INC-2026-011 · Title", or the id alone. */
function titled(id: string, title: string | undefined): string {
  return title ? `${id} · ${title}` : id;
}

/** A click opens the file with the row's range selected. */
export function openAt(location: SummaryLocation): vscode.Command {
  return {
    title: 'Open',
    command: 'vscode.open',
    arguments: [vscode.Uri.parse(location.uri), { selection: toRange(location.range), preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}

export function toRange(range: SummaryLocation['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
