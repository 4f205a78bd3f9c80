// What the workspace summary (summary.ts) needs of incidents and tabletop exercises beyond
// their plain facts, extracted once per analysis so that the summary never re-parses a file:
// the notification clocks no notice has closed (from the deadlines engine) and the tracked
// items still to do. Whether a clock is breached or an item overdue depends on "now": that
// is decided when the summary is asked for, from the due instants kept here.
// They depend on the plan's zone, calendar and regimes: a plan edit re-analyses a document when
// a part its rules read changed (notification-deadline reads all three on incidents,
// remediation-overdue the zone on incidents and exercises), and these facts are extracted anew then.
import { evaluateNotificationClocks, notificationPlanFrom, openClocks } from '../deadlines';
import { text } from '../model/data';
import type { Cc7Document } from '../model/document';
import type { DocumentFacts, OpenClockFacts, OpenItemFacts } from '../model/facts';
import { zoneOf } from '../model/plan';
import { parseDue } from '../model/time';
import type { RuleContext } from '../rules/rule';
import { itemAnchor, OPEN_STATUSES, trackedItems } from '../rules/support/tracking';

export function extractWorkFacts(doc: Cc7Document, context: RuleContext): Pick<DocumentFacts, 'openClocks' | 'openItems'> {
  // Only what there is: most documents have neither, and 10,000 of them stay in memory.
  const openClocks = doc.kind === 'Incident' ? runningClocks(doc, context) : [];
  const openItems = itemsToDo(doc, zoneOf(context.plan));
  return {
    ...(openClocks.length > 0 ? { openClocks } : {}),
    ...(openItems.length > 0 ? { openItems } : {}),
  };
}

/** The clocks still running or breached; which of the two is a matter of "now", not of the document. */
function runningClocks(doc: Cc7Document, context: RuleContext): OpenClockFacts[] {
  const results = evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(context.plan), now: context.now });
  return openClocks(results).flatMap((clock) => clock.dueAt === undefined ? [] : [{
    regime: clock.regime,
    label: clock.name,
    title: clock.title,
    dueAt: clock.dueAt,
    warnBeforeMs: clock.warnBeforeMs,
    range: doc.locate(clock.clockField),
  }]);
}

function itemsToDo(doc: Cc7Document, zone: string): OpenItemFacts[] {
  return trackedItems(doc)
    .filter((item) => item.status !== undefined && OPEN_STATUSES.includes(item.status))
    .map((item) => {
      const due = text(item.item.due);
      return {
        id: item.id,
        action: text(item.item.action),
        owner: text(item.item.owner),
        status: item.status!,
        due,
        dueAt: parseDue(due, zone)?.ms,
        range: doc.locate(itemAnchor(item)),
      };
    });
}
