import { Policy, ProposedAction, type RemediationTargets } from '../../../functions/contracts/index.js';
import type { ExecutorContext } from '../../../functions/remediate/executors/types.js';

/** A proposed action as the policy would make it, with only the fields a test cares about given. */
export function action(fields: Partial<ProposedAction> & Pick<ProposedAction, 'kind' | 'target'>): ProposedAction {
  return ProposedAction.parse({ actionId: 'inv-1-action', service: 'pricing', params: {}, risk: 'medium', reversible: true, undo: 'u', blastRadius: 'b', dryRun: false, plan: [], ...fields });
}

export function context(targets: RemediationTargets = {}, policy: Partial<Policy> = {}, secrets: Record<string, unknown> = {}): ExecutorContext {
  return {
    policy: Policy.parse(policy),
    targets,
    signal: AbortSignal.timeout(10_000),
    now: new Date('2026-06-01T10:00:00Z'),
    readSecret: async (ref) => secrets[ref],
  };
}
