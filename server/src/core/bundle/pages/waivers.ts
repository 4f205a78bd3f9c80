import { html, type Html } from '../html';
import type { RecordSummary } from '../summary';
import { badge, prose, section, show, table } from './parts';

/** Accepted exceptions, which the auditor sees (SPEC 2.5), and whether each is live at the as-of. */
export function waiversSection(summary: RecordSummary): Html {
  if (summary.waivers.length === 0) return html``;
  return section('Waivers', table(['rule', 'target', 'reason', 'approved by', 'approved at', 'expires', 'at the as-of'],
    summary.waivers.map((w) => [show(w.rule), show(w.target), prose(w.reason), show(w.approvedBy), show(w.approvedAt), show(w.expires),
      badge(w.live ? 'live' : 'expired')])));
}
