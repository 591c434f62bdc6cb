import type { InvestigationRecord, LifecycleEntry, TenantConfig } from '../contracts/index.js';
import type { TenantSecretReader } from '../shared/secrets.js';
import { postToSlack, tenantSlack } from '../shared/slack.js';
import { postMessage } from '../shared/slack-web-api.js';

/** What the approval channel is told when the alert resolves while a person is asked to approve an action. */
export function resolvedWhilePendingText(record: InvestigationRecord, entry: LifecycleEntry): string {
  const action = record.policy?.action ? `${record.policy.action.kind} on ${record.policy.action.service}` : 'the proposed action';
  const closed = entry.event === 'deleted' ? 'was deleted' : 'resolved';
  return `The alert "${record.signal.title}" ${closed} at ${entry.at} (${entry.source}${entry.by ? `, by ${entry.by}` : ''}) while approval of ${action} is pending (investigation ${record.investigationId}). The approval still stands until someone decides or it expires: check that the action is still needed.`;
}

/**
 * Tells the tenant's approval channel (the bot's channel, else the webhook) that the alert
 * resolved while its approval waits, so nobody approves a fix for a problem that went away
 * without knowing it. Returns whether a message went out.
 */
export async function announceResolvedWhilePending(
  tenant: TenantConfig,
  record: InvestigationRecord,
  entry: LifecycleEntry,
  deps: { slackApiBaseUrl: string; readSecret?: TenantSecretReader },
): Promise<boolean> {
  if (record.approval?.status !== 'pending') return false;
  const text = resolvedWhilePendingText(record, entry);
  const slack = await tenantSlack(tenant.tenantId, tenant.approval, deps.readSecret);
  if (slack.bot) {
    await postMessage({ token: slack.bot.token, baseUrl: deps.slackApiBaseUrl }, slack.bot.channel, { text });
    return true;
  }
  if (slack.webhookUrl) {
    await postToSlack(slack.webhookUrl, { text });
    return true;
  }
  return false;
}
