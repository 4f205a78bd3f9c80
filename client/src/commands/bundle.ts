import type { Ctx } from '../ctx';

/**
 * The evidence bundle (SPEC 6) is written and checked by the `cc7` command line for now; these
 * commands say how, until the editor runs the same export itself.
 */
export function exportEvidenceBundle(ctx: Ctx): void {
  void ctx.notify('info', 'cc7: the evidence bundle comes from the command line for now: run `npx cc7 export --out evidence.zip` in the workspace folder (`--period 2026-01-01..2026-12-31` for another period).');
}

export function verifyEvidenceBundle(ctx: Ctx): void {
  void ctx.notify('info', 'cc7: bundles are verified from the command line for now: run `npx cc7 verify evidence.zip`.');
}
