import { z } from 'zod';
import { OutcomeVerification, RemediationResult, type InvestigationStatus } from '../contracts/index.js';

/** Every way an execution can reach Finish or RecordFailure, as the ASL shapes it. */
export const Outcome = z.union([
  z.object({ kind: z.literal('remediated'), result: RemediationResult, verification: OutcomeVerification.optional() }),
  z.object({ kind: z.literal('no_action'), decision: z.enum(['none', 'deny']) }),
  z.object({ Error: z.string(), Cause: z.string().optional() }),
]);
export type Outcome = z.infer<typeof Outcome>;

/** Maps an outcome to the record's final status and the words the audit trail keeps. */
export function finalStatus(outcome: Outcome): { status: InvestigationStatus; detail: Record<string, unknown> } {
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
