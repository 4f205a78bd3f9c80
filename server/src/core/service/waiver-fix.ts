import { zoneOf } from '../model/plan';
import { localDateAfter } from '../model/time';
import type { Finding } from '../model/types';
import { Commented } from '../model/yaml-edit';
import type { FixContext, QuickFix } from '../rules/rule';
import { chosenTime, CONFIRM, todo } from '../rules/support/placeholders';

/** How long a new waiver lasts before someone must decide again. */
const WAIVER_DAYS = 30;

/**
 * A waiver skeleton for any finding (SPEC 2.5), appended to the document's `waivers`: limited
 * to the finding's subject when it has one (an item id, a regime), approved by the plan's
 * first role now, expiring in 30 days, with the reason to write. Never the preferred fix.
 */
export function waiverFix(finding: Finding, context: FixContext): QuickFix {
  const zone = zoneOf(context.plan);
  const waiver = {
    rule: finding.rule,
    ...(finding.subject ? { target: finding.subject } : {}),
    reason: todo('why the exception is accepted, and the compensating control'),
    approved_by: new Commented(context.plan?.roles[0] ?? 'todo', 'TODO: the role that approves'),
    approved_at: chosenTime(context.now, zone),
    expires: new Commented(localDateAfter(context.now, WAIVER_DAYS, zone), CONFIRM),
  };
  const scope = finding.subject ? ` for ${finding.subject}` : ' in this document';
  return {
    title: `Waive ${finding.rule}${scope} (a waiver to complete and approve)`,
    placeholders: true,
    apply: (editor) => editor.append(['waivers'], waiver),
  };
}
