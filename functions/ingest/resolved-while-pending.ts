import type { InvestigationRecord, LifecycleEntry, TenantConfig } from '../contracts/index.js';
import type { TenantSecretReader } from '../shared/secrets.js';
import { postApprovalMessage } from '../request-approval/post.js';
import { tenantSlack } from '../shared/slack.js';

/** What the approval channel is told when the alert resolves while a person is asked to approve an action. */
export function resolvedWhilePendingText(record: InvestigationRecord, entry: LifecycleEntry): string {
  const action = record.policy?.action ? `${record.policy.action.kind} on ${record.policy.action.service}` : 'the proposed action';
  const closed = entry.event === 'deleted' ? 'was deleted' : 'resolved';
  return `The alert "${record.signal.title}" ${closed} at ${entry.at} (${entry.source}${entry.by ? `, by ${entry.by}` : ''}) while approval of ${action} is pending (investigation ${record.investigationId}). The approval still stands until someone decides or it expires: check that the action is still needed.`;
}

/**
 * Tells the tenant's approval channel that the alert resolved while its approval waits, so
 * nobody approves a fix for a problem that went away without knowing it. It goes out the way
 * the approval message did (the bot, else the webhook). Returns whether a message went out.
 */
export async function announceResolvedWhilePending(
  tenant: TenantConfig,
  record: InvestigationRecord,
  entry: LifecycleEntry,
  deps: { slackApiBaseUrl: string; readSecret?: TenantSecretReader },
): Promise<boolean> {
  if (record.approval?.status !== 'pending') return false;
  const slack = await tenantSlack(tenant.tenantId, tenant.approval, deps.readSecret);
  const posted = await postApprovalMessage(slack, { text: resolvedWhilePendingText(record, entry) }, deps.slackApiBaseUrl);
  return posted.via !== 'none';
}
