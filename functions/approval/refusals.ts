import { createLogger } from '../shared/logger.js';
import type { ApprovalLedger } from './ledger.js';

const logger = createLogger('approval-refusals');

/** Why a request about an approval changed nothing; each is written to the investigation's trail as `approval.refused`. */
export type RefusalReason =
  | 'invalid_link'
  | 'expired_link'
  | 'cross_site'
  | 'no_verified_identity'
  | 'bad_form_token'
  | 'not_allowed'
  | 'already_decided'
  | 'bad_slack_signature'
  | 'stale_slack_request'
  | 'sign_in_refused';

/**
 * Writes a refusal to the trail of the approval's investigation, when the approval exists
 * under this tenant (a link into another tenant finds nothing, and so writes nothing). The
 * refusal stands whatever happens here: a failed write is logged, never turned into a 500.
 */
export async function auditRefusal(ledger: ApprovalLedger, tenantId: string, approvalId: string, reason: RefusalReason, detail: Record<string, unknown> = {}, actor = 'unverified'): Promise<void> {
  try {
    const item = await ledger.load(tenantId, approvalId);
    if (!item) return;
    await ledger.audit(tenantId, item.investigationId, { type: 'approval.refused', actor, detail: { approvalId, reason, ...detail } });
  } catch (error) {
    logger.warn('a refusal could not be written to the audit trail; the request was refused all the same', { tenantId, approvalId, reason, error: (error as Error).name });
  }
}
