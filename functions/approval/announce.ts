import type { ApprovalContext } from '../request-approval/slack-message.js';
import { appendAudit, type AuditEntry } from '../shared/audit.js';
import { createLogger } from '../shared/logger.js';
import { readRecord } from '../shared/records.js';
import { postToSlack, tenantSlack, type TenantSlack } from '../shared/slack.js';
import { updateMessage, type SlackBot, type SlackMessageRef } from '../shared/slack-web-api.js';
import { loadTenantConfig } from '../shared/tenants.js';
import type { StoredApproval } from './decision.js';
import { endedMessage, followUpMessage, type ApprovalEnd } from './outcome-message.js';
import type { TenantSecretReader } from '../shared/secrets.js';

const logger = createLogger('approval-announce');

/** How the channel hears how an approval ended. */
export type Delivery = { via: 'chat.update'; bot: SlackBot; ref: SlackMessageRef } | { via: 'response_url'; url: string } | { via: 'webhook'; url: string };

/**
 * The best way the tenant allows: edit the message in place when the bot posted it (its
 * channel and ts are on the approval); else replace it through a click's `response_url`;
 * else a follow-up through the incoming webhook, which cannot edit; else nothing.
 */
export function chooseDelivery(slack: TenantSlack, ref: SlackMessageRef | undefined, options: { slackApiBaseUrl: string; responseUrl?: string }): Delivery | undefined {
  if (slack.bot && ref) return { via: 'chat.update', bot: { baseUrl: options.slackApiBaseUrl, token: slack.bot.token }, ref };
  if (options.responseUrl) return { via: 'response_url', url: options.responseUrl };
  if (slack.webhookUrl) return { via: 'webhook', url: slack.webhookUrl };
  return undefined;
}

/** One approval's end, with what is needed to find its message. */
export interface AnnounceInput {
  tenantId: string;
  approval: Pick<StoredApproval, 'approvalId' | 'investigationId' | 'action' | 'slackMessage'>;
  end: ApprovalEnd;
  /** A button click's `response_url`, already checked against the allowed prefix. */
  responseUrl?: string;
}

/** What announcing reads, injected so its choices and its failure handling are tested without a table or secrets. */
export interface AnnounceDeps {
  slackApiBaseUrl: string;
  /** The tenant's Slack bot and webhook, secrets read. */
  slack: () => Promise<TenantSlack>;
  /** The signal, RCA and policy the approval message showed, so the edit keeps them; undefined when the record lacks them. */
  context: () => Promise<ApprovalContext | undefined>;
  /** Appends to the investigation's audit trail. */
  audit: (entry: AuditEntry) => Promise<unknown>;
}

/** How the channel was told, or why not; for tests and logs, since the caller must go on either way. */
export type AnnounceResult = { via: Delivery['via'] | 'none'; ok: true } | { via: Delivery['via'] | 'none'; ok: false; error: string };

/**
 * Tells Slack how the approval ended. It never throws: the decision already stands and the
 * execution already resumed, so a Slack failure (or a failure to read the tenant's Slack
 * settings) is logged and written to the audit trail as `approval.notification_failed`.
 */
export async function announceEnd(input: AnnounceInput, deps: AnnounceDeps): Promise<AnnounceResult> {
  const { approval, end } = input;
  const message = { action: approval.action, investigationId: approval.investigationId, end };
  let via: AnnounceResult['via'] = 'none';
  try {
    const delivery = chooseDelivery(await deps.slack(), approval.slackMessage, { slackApiBaseUrl: deps.slackApiBaseUrl, ...(input.responseUrl ? { responseUrl: input.responseUrl } : {}) });
    if (!delivery) {
      logger.info('no Slack bot, response_url or webhook to tell how the approval ended', { tenantId: input.tenantId, approvalId: approval.approvalId });
      return { via, ok: true };
    }
    via = delivery.via;
    if (delivery.via === 'webhook') {
      await postToSlack(delivery.url, followUpMessage(message));
    } else {
      const ended = endedMessage({ ...message, ...(await contextOrNone(deps, input)) });
      if (delivery.via === 'chat.update') await updateMessage(delivery.bot, delivery.ref, ended);
      else await postToSlack(delivery.url, { replace_original: true, ...ended });
    }
    return { via, ok: true };
  } catch (error) {
    const { name, message: text } = error as Error;
    logger.warn('Slack was not told how the approval ended; the decision stands', { tenantId: input.tenantId, approvalId: approval.approvalId, via, error: name, message: text });
    await deps
      .audit({
        type: 'approval.notification_failed',
        actor: 'causeway:slack',
        detail: { approvalId: approval.approvalId, end: end.kind === 'expired' ? 'expired' : end.status, via, error: name, message: text.slice(0, 500) },
      })
      .catch((auditError: Error) => logger.error('could not audit the Slack failure', { approvalId: approval.approvalId, error: auditError.name }));
    return { via, ok: false, error: name };
  }
}

/** The diagnosis for the edit; without it (record gone, unreadable) the edit still says how the approval ended. */
async function contextOrNone(deps: AnnounceDeps, input: AnnounceInput): Promise<{ context?: ApprovalContext }> {
  try {
    const context = await deps.context();
    return context ? { context } : {};
  } catch (error) {
    logger.warn('the record could not be read; the Slack edit leaves out the diagnosis', { tenantId: input.tenantId, approvalId: input.approval.approvalId, error: (error as Error).name });
    return {};
  }
}

/** The deployment settings an announcer needs: the table, Slack's API base URL and a secret reader. */
export interface AnnouncerOptions {
  tableName: string;
  slackApiBaseUrl: string;
  readSecret: TenantSecretReader;
}

/** {@link announceEnd} wired to the table, the tenant's secrets and the audit trail: what the handlers use. */
export function announcer(options: AnnouncerOptions): (input: AnnounceInput) => Promise<AnnounceResult> {
  return (input) =>
    announceEnd(input, {
      slackApiBaseUrl: options.slackApiBaseUrl,
      slack: async () => {
        const tenant = await loadTenantConfig(options.tableName, input.tenantId);
        return tenant ? tenantSlack(tenant.tenantId, tenant.approval, options.readSecret) : {};
      },
      context: async () => {
        const record = await readRecord(options.tableName, input.tenantId, input.approval.investigationId);
        return record?.rca && record.policy?.action ? { signal: record.signal, rca: record.rca, policy: record.policy } : undefined;
      },
      audit: (entry) => appendAudit(options.tableName, input.tenantId, input.approval.investigationId, entry),
    });
}
