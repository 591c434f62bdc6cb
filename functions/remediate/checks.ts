import { isDeepStrictEqual } from 'node:util';
import type { InvestigationRecord, PolicyDecision, ProposedAction } from '../contracts/index.js';
import { ConflictError } from '../shared/errors.js';
import { loadApproval } from '../approval/store.js';

const same = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));

/**
 * The action in state must be, field for field, the one the Policy stage recorded and,
 * when a human decided, the one stored with the approval they saw. Anything else is
 * refused loudly: Remediate never acts outside the approved target and parameters.
 * Returns who the action runs for.
 */
export async function confirmApproved(tableName: string, tenantId: string, decision: PolicyDecision, action: ProposedAction, record: InvestigationRecord | undefined): Promise<string> {
  if (!record?.policy?.action || !same(record.policy.action, action) || record.policy.decision !== decision.decision) {
    throw new ConflictError(`action ${action.actionId} is not the one the policy recorded for this investigation`);
  }
  if (decision.decision === 'auto') return 'causeway:policy-auto';
  const summary = record.approval;
  if (summary?.status !== 'approved') throw new ConflictError(`action ${action.actionId} has no recorded approval`);
  const approval = await loadApproval(tableName, tenantId, summary.approvalId);
  if (approval?.status !== 'approved' || !same(approval.action, action)) {
    throw new ConflictError(`approval ${summary.approvalId} does not cover action ${action.actionId} as it stands`);
  }
  return approval.decidedBy ?? summary.decidedBy ?? 'unknown';
}
