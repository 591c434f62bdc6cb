import { z } from 'zod';
import { OutcomeVerification, RemediationResult, type InvestigationStatus } from '../contracts/index.js';

/** Every way an execution can reach Finish or RecordFailure, as the ASL shapes it. */
export const Outcome = z.union([
  z.object({ kind: z.literal('remediated'), result: RemediationResult, verification: OutcomeVerification.optional() }),
  z.object({ kind: z.literal('no_action'), decision: z.enum(['none', 'deny']) }),
  z.object({ Error: z.string(), Cause: z.string().optional() }),
]);
export type Outcome = z.infer<typeof Outcome>;

/**
 * A child workflow's failure, as `states:startExecution.sync:2` reports it: States.TaskFailed
 * with the child's description as JSON in the Cause. The record keeps the child's own error
 * (a StoredValueMissingError, say), not the wrapper's name.
 */
function childFailure(outcome: { Error: string; Cause?: string }): { Error: string; Cause?: string } | undefined {
  if (outcome.Error !== 'States.TaskFailed' || !outcome.Cause?.startsWith('{')) return undefined;
  try {
    const child = JSON.parse(outcome.Cause) as Record<string, unknown>;
    const error = child.Error ?? child.error;
    const cause = child.Cause ?? child.cause;
    return typeof error === 'string' && error ? { Error: error, Cause: typeof cause === 'string' ? cause : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Maps an outcome to the record's final status and the words the audit trail keeps. */
export function finalStatus(outcome: Outcome): { status: InvestigationStatus; detail: Record<string, unknown> } {
  // A child's failure is a failure whatever its name: its States.Timeout is the child's limit, not an approval expiring.
  const child = 'Error' in outcome ? childFailure(outcome) : undefined;
  if (child) return { status: 'failed', detail: { error: child.Error, cause: child.Cause?.slice(0, 1000) } };
  if ('kind' in outcome) {
    if (outcome.kind === 'remediated') {
      const verified = outcome.verification ? { outcome: outcome.verification.status } : {};
      return { status: 'remediated', detail: { actionId: outcome.result.actionId, result: outcome.result.status, ...verified } };
    }
    return { status: outcome.decision === 'deny' ? 'denied' : 'diagnosed', detail: { decision: outcome.decision } };
  }
  if (outcome.Error === 'ApprovalRejected') return { status: 'rejected', detail: { cause: outcome.Cause } };
  if (outcome.Error === 'States.Timeout') return { status: 'expired', detail: { cause: 'nobody decided before the approval timed out' } };
  return { status: 'failed', detail: { error: outcome.Error, cause: outcome.Cause?.slice(0, 1000) } };
}
