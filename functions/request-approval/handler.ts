import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createApproval, rememberSlackMessage } from '../approval/store.js';
import { IncidentSignal, InvestigationId, PolicyDecision, Rca, TenantId } from '../contracts/index.js';
import { approvalUrl, type ApprovalLink } from '../shared/approval-links.js';
import { appendAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { ConfigurationError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { encryptToken, loadPlatformKeys } from '../shared/platform-keys.js';
import { seenBeforeLine } from '../memory/recall.js';
import { readRecord, updateRecord } from '../shared/records.js';
import { tenantSlack } from '../shared/slack.js';
import { DEFAULT_SLACK_API_BASE_URL, type SlackMessageRef } from '../shared/slack-web-api.js';
import { stageHandler } from '../shared/stage.js';
import { ttlAfter } from '../shared/table.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { postApprovalMessage } from './post.js';
import { approvalMessage } from './slack-message.js';

const env = loadEnv({
  TABLE_NAME: z.string().min(1),
  PLATFORM_SECRET_NAME: z.string().min(1),
  PUBLIC_BASE_URL: z.url(),
  /** Slack's Web API; only tests and the local runtime change it. */
  SLACK_API_BASE_URL: z.url().default(DEFAULT_SLACK_API_BASE_URL),
});
const logger = createLogger('request-approval');

export const RequestApprovalInput = z.object({
  taskToken: z.string().min(1),
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  rca: Rca,
  policy: PolicyDecision.refine((p) => p.action !== undefined, 'an approval needs a proposed action'),
});

/**
 * Keeps the posted message's channel and ts on the approval, so the decision or the expiry
 * can edit it. The message is already out and the approval decidable, so a failed write
 * is logged, not thrown: the end is then told with a follow-up instead of an edit.
 */
async function rememberMessage(tenantId: string, approvalId: string, ref: SlackMessageRef): Promise<void> {
  try {
    await rememberSlackMessage(env.TABLE_NAME, tenantId, approvalId, ref);
  } catch (error) {
    logger.error('could not keep the Slack message reference; the end of the approval will not edit it', { tenantId, approvalId, error: (error as Error).name });
  }
}

/**
 * Parks the task token server-side (sealed, keyed by an opaque approval id) and sends
 * the approval message. Its return value is ignored: the execution waits for the decision.
 */
export const handler = stageHandler(RequestApprovalInput, z.object({ approvalId: z.string() }), async (input) => {
  const platform = await loadPlatformKeys(env.PLATFORM_SECRET_NAME);
  const tenant = await loadTenantConfig(env.TABLE_NAME, input.tenantId);
  if (!tenant) throw new ConfigurationError(`tenant ${input.tenantId} is not registered`);
  const approvalId = randomBytes(16).toString('base64url');
  const timeout = input.policy.approvalTimeoutSeconds;
  const expires = ttlAfter(timeout);
  const expiresAt = new Date(expires * 1000).toISOString();
  await createApproval(env.TABLE_NAME, {
    approvalId,
    tenantId: input.tenantId,
    investigationId: input.investigationId,
    sealedToken: encryptToken(platform, input.taskToken, `${input.tenantId}/${approvalId}`),
    action: input.policy.action!,
    approvers: tenant.policy.approvers,
    createdAt: new Date().toISOString(),
    expiresAt: expires,
  });
  await updateRecord(env.TABLE_NAME, input.tenantId, input.investigationId, { status: 'awaiting_approval', approval: { approvalId, status: 'pending', expiresAt } });
  const link = (decision: ApprovalLink['decision']) => approvalUrl(env.PUBLIC_BASE_URL, platform, { tenantId: input.tenantId, approvalId, decision, expires });
  const seenBefore = seenBeforeLine((await readRecord(env.TABLE_NAME, input.tenantId, input.investigationId))?.similar);
  const message = approvalMessage({ signal: input.signal, rca: input.rca, policy: input.policy, approveUrl: link('approve'), rejectUrl: link('reject'), expiresAt, ...(tenant.approval.slackAppSecretRef ? { interactiveApprovalId: approvalId } : {}), ...(seenBefore ? { seenBefore } : {}) });
  const slack = await tenantSlack(tenant.tenantId, tenant.approval);
  if (slack.botProblem) logger.warn('the Slack app secret gives no bot; the approval message goes to the webhook if any', { tenantId: input.tenantId, problem: slack.botProblem });
  const posted = await postApprovalMessage(slack, message, env.SLACK_API_BASE_URL);
  if (posted.via === 'chat.postMessage') await rememberMessage(input.tenantId, approvalId, posted.ref);
  if (posted.via === 'webhook' && posted.botError) logger.warn('Slack refused the bot; the approval message went to the webhook and cannot be edited later', { tenantId: input.tenantId, approvalId, error: posted.botError });
  if (posted.via === 'none') logger.warn('no Slack bot or webhook configured for the tenant; the approval waits without a notification', { tenantId: input.tenantId, approvalId });
  await appendAudit(env.TABLE_NAME, input.tenantId, input.investigationId, {
    type: 'approval.requested',
    actor: 'causeway:policy',
    detail: { approvalId, action: input.policy.action!.kind, service: input.policy.action!.service, expiresAt, notified: posted.via !== 'none', via: posted.via, ...(posted.via === 'chat.postMessage' ? { slackMessage: posted.ref } : {}), ...(posted.via === 'webhook' && posted.botError ? { botError: posted.botError } : {}) },
  });
  return { approvalId };
});
