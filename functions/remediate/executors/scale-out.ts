import type { Policy, ProposedAction } from '../../contracts/index.js';
import { ExecutorRefusedError } from './types.js';

/**
 * The new replica count: current × the action's factor, rounded up, never above the
 * policy's `maxReplicas` nor its `maxScaleFactor` (the tenant's policy now, not when the
 * action was proposed). Refused when that adds nothing.
 */
export function scaledCount(current: number, action: ProposedAction, policy: Policy, where: string): number {
  const asked = Number(action.params.scaleFactor ?? 2);
  const factor = Math.min(Number.isFinite(asked) && asked > 1 ? asked : 2, policy.maxScaleFactor);
  const target = Math.min(Math.ceil(Math.max(current, 1) * factor), policy.maxReplicas);
  if (target <= current) throw new ExecutorRefusedError(`${where}: already at ${current} replicas; the policy allows at most ${policy.maxReplicas} and ×${policy.maxScaleFactor}`);
  return target;
}
