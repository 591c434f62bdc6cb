import type { Policy, ProposedAction, RemediationTargets } from '../../contracts/index.js';
import { CausewayError } from '../../shared/errors.js';

/** What an executor may use: the tenant's targets and current policy, a deadline, and secrets read at run time. */
export interface ExecutorContext {
  policy: Policy;
  targets: RemediationTargets;
  signal: AbortSignal;
  now: Date;
  readSecret: (ref: string) => Promise<unknown>;
}

/**
 * The exact change, computed from the state read just before acting. `desired` is
 * absolute (a version, a count, a revision id), never relative, so applying the same
 * plan twice, as a retried Lambda would, lands in the same place. It holds no secrets:
 * it is written to the audit trail.
 */
export interface ExecutionPlan {
  executor: string;
  changes: string[];
  undo: string;
  desired: Record<string, string | number | boolean>;
  /** The target is already where the action would put it: applying changes nothing. */
  noop?: boolean;
}

/** One action on one platform: `plan` reads only; `apply` writes exactly the plan. */
export interface Executor {
  plan(action: ProposedAction, ctx: ExecutorContext): Promise<ExecutionPlan>;
  apply(action: ProposedAction, plan: ExecutionPlan, ctx: ExecutorContext): Promise<void>;
}

/** The target's current state makes the action impossible or unsafe (no previous version, a ceiling reached); not retried. */
export class ExecutorRefusedError extends CausewayError {
  constructor(message: string) {
    super(message, 409);
  }
}

/** A target field the policy put on the action; its absence is a catalog bug, not a transient failure. */
export function targetField(action: ProposedAction, field: string): string {
  const value = action.target[field];
  if (!value) throw new ExecutorRefusedError(`${action.kind} on ${action.service}: the target has no ${field}`);
  return value;
}
