import { ServerCommands, type AdvancePhaseArgs, type AdvancePhaseResult } from '../../protocol';
import { advancePhase } from '../../core/service/advance-phase';
import type { Feature } from '.';

/**
 * cc7.advancePhase: the core decides; the edit goes to the client with `workspace/applyEdit`,
 * so it lands in the editor's buffer and its undo stack, open or not.
 */
export const advancePhaseFeature: Feature = {
  capabilities: {},
  commands: {
    [ServerCommands.advancePhase]: async (args, connection, state): Promise<AdvancePhaseResult> => {
      const uri = (args[0] as Partial<AdvancePhaseArgs> | undefined)?.uri;
      const request = typeof uri === 'string' ? state.requestFile(uri) : undefined;
      if (!uri || !request) return { applied: false, reason: 'Advance phase works on a CC7 Incident record.', missing: [] };
      const plan = advancePhase(request);
      if (!plan.advance) return { applied: false, reason: plan.reason, missing: plan.missing };
      const { applied, failureReason } = await connection.workspace.applyEdit({
        label: `Advance to ${plan.to}`,
        edit: { changes: { [uri]: plan.edits } },
      });
      return applied
        ? { applied: true, phase: plan.to }
        : { applied: false, reason: `The editor did not apply the edit${failureReason ? `: ${failureReason}` : ''}.`, missing: [] };
    },
  },
};
