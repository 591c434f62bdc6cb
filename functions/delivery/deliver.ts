import { z } from 'zod';
import type { InvestigationRecord, TenantConfig } from '../contracts/index.js';
import { postApprovalMessage } from '../request-approval/post.js';
import { createLogger } from '../shared/logger.js';
import { postToSlack, tenantSlack, type TenantSlack } from '../shared/slack.js';
import { postMessage, SlackMessageRef } from '../shared/slack-web-api.js';
import type { DeliveryClaims } from './claims.js';
import { DEFAULT_POST_POLICY, DeliveryError, type PostPolicy } from './http-post.js';
import { addOpsgenieNote, addPagerDutyNote } from './incident-notes.js';
import { explorerUrl, incidentNote, summaryMessage, threadUpdates } from './summary.js';
import type { TenantSecretReader } from '../shared/secrets.js';

const logger = createLogger('delivery');

export interface DeliverDeps {
  claims: DeliveryClaims;
  readSecret: TenantSecretReader;
  slackApiBaseUrl: string;
  publicBaseUrl: string;
  postPolicy?: PostPolicy;
}

/** How one target went; `skipped` means an earlier attempt already owns it. */
export interface TargetResult {
  target: string;
  status: 'delivered' | 'failed' | 'skipped';
  ref?: Record<string, string>;
  error?: string;
}

const PagerDutySecret = z.object({ token: z.string().min(1) });
const OpsgenieSecret = z.object({ apiKey: z.string().min(1) });

/**
 * Slack gets this long for the summary and its replies; a reply not begun by then is
 * recorded as failed rather than risk Finish's own timeout (each Slack call may take 5 s).
 */
const SLACK_BUDGET_MS = 12_000;

/** At most this many source incidents get a note: the alert and a few that joined it. */
const MAX_NOTES_PER_SOURCE = 3;

/**
 * Sends one target once: claims it, sends, and settles the claim with its audit entry. A
 * failure is recorded on the claim (and so in the audit trail) and returned, never thrown:
 * telling people must not fail an investigation that is already decided.
 */
async function once(deps: DeliverDeps, target: string, send: () => Promise<Record<string, string> | undefined>): Promise<TargetResult> {
  try {
    if (!(await deps.claims.claim(target))) return { target, status: 'skipped' };
  } catch (error) {
    logger.error('could not claim a delivery; not sending it, so it cannot go twice', { target, error: (error as Error).name });
    return { target, status: 'failed', error: (error as Error).name };
  }
  try {
    const ref = await send();
    await deps.claims.delivered(target, { type: 'delivery.sent', actor: 'causeway:delivery', detail: { target, ...(ref ? { ref } : {}) } }, ref);
    return { target, status: 'delivered', ...(ref ? { ref } : {}) };
  } catch (error) {
    const { name, message } = error as Error;
    const reason = error instanceof DeliveryError ? error.reason : name;
    logger.warn('a delivery failed; the investigation stands', { target, reason, message });
    const detail = { target, reason, message: message.slice(0, 500), ...(error instanceof DeliveryError && error.status ? { status: error.status } : {}) };
    await deps.claims.failed(target, { type: 'delivery.failed', actor: 'causeway:delivery', detail }, `${reason}: ${message}`).catch((settleError: Error) =>
      logger.error('could not record a failed delivery', { target, error: settleError.name }),
    );
    return { target, status: 'failed', error: reason };
  }
}

/**
 * Where the summary landed, from this run or an earlier one, so replies thread under it;
 * `pending` while another attempt still owns it (that attempt posts the replies).
 */
async function summaryLanding(deps: DeliverDeps, result: TargetResult): Promise<{ ref?: SlackMessageRef } | 'pending'> {
  let ref = result.ref;
  if (result.status === 'skipped') {
    const earlier = await deps.claims.read('slack-summary');
    if (earlier?.status !== 'delivered') return 'pending';
    ref = earlier.ref;
  }
  const parsed = SlackMessageRef.safeParse(ref);
  return parsed.success ? { ref: parsed.data } : {};
}

/**
 * The summary, then the approval, remediation and outcome as replies in its thread when a
 * bot posted it; a webhook cannot thread, so there each update is a message of its own.
 */
async function deliverToSlack(record: InvestigationRecord, tenant: TenantConfig, deps: DeliverDeps, link: string): Promise<TargetResult[]> {
  const started = Date.now();
  let slack: TenantSlack;
  try {
    slack = await tenantSlack(tenant.tenantId, tenant.approval, deps.readSecret);
  } catch (error) {
    return [await once(deps, 'slack-summary', () => Promise.reject(error as Error))];
  }
  if (!slack.bot && !slack.webhookUrl) return [];
  const summary = await once(deps, 'slack-summary', async () => {
    const posted = await postApprovalMessage(slack, summaryMessage(record, { explorerUrl: link, feedback: Boolean(tenant.approval.slackAppSecretRef) }), deps.slackApiBaseUrl);
    return posted.via === 'chat.postMessage' ? { via: posted.via, ...posted.ref } : { via: posted.via };
  });
  const results = [summary];
  if (summary.status === 'failed') return results;
  const landing = await summaryLanding(deps, summary);
  if (landing === 'pending') return results;
  const thread = landing.ref;
  for (const update of threadUpdates(record)) {
    results.push(
      await once(deps, `slack-${update.key}`, async () => {
        if (Date.now() - started > SLACK_BUDGET_MS) throw new DeliveryError('timeout', `Slack was too slow: the ${update.key} update was not sent within Finish's time`);
        if (thread && slack.bot) {
          const ref = await postMessage({ baseUrl: deps.slackApiBaseUrl, token: slack.bot.token }, thread.channel, { text: update.text, thread_ts: thread.ts });
          return { via: 'thread', ...ref };
        }
        if (!slack.webhookUrl) throw new DeliveryError('rejected', 'the summary went out through the bot but the bot is gone, and there is no webhook');
        await postToSlack(slack.webhookUrl, { text: `${update.text}\n(${record.signal.title} · ${record.investigationId})` });
        return { via: 'webhook' };
      }),
    );
  }
  return results;
}

/** The source incidents this investigation may write back to: the alert's, and those of alerts that joined it. */
function sourceIncidents(record: InvestigationRecord, source: 'pagerduty' | 'opsgenie'): string[] {
  const ids = [record.signal, ...record.relatedSignals].filter((s) => s.source === source).map((s) => s.externalId);
  return [...new Set(ids)].slice(0, MAX_NOTES_PER_SOURCE);
}

async function deliverNotes(record: InvestigationRecord, tenant: TenantConfig, deps: DeliverDeps, link: string): Promise<TargetResult[]> {
  const note = incidentNote(record, link);
  const policy = deps.postPolicy ?? DEFAULT_POST_POLICY;
  const jobs: Promise<TargetResult>[] = [];
  const pagerduty = tenant.delivery.pagerduty;
  if (pagerduty) {
    for (const incidentId of sourceIncidents(record, 'pagerduty')) {
      jobs.push(
        once(deps, `pagerduty#${incidentId}`, async () => {
          const secret = PagerDutySecret.safeParse(await deps.readSecret(tenant.tenantId, pagerduty.apiTokenSecretRef));
          if (!secret.success) throw new DeliveryError('unauthorized', `secret ${pagerduty.apiTokenSecretRef} has no "token"`);
          return { incidentId, ...(await addPagerDutyNote(pagerduty, secret.data.token, incidentId, note, policy)) };
        }),
      );
    }
  }
  const opsgenie = tenant.delivery.opsgenie;
  if (opsgenie) {
    for (const alertId of sourceIncidents(record, 'opsgenie')) {
      jobs.push(
        once(deps, `opsgenie#${alertId}`, async () => {
          const secret = OpsgenieSecret.safeParse(await deps.readSecret(tenant.tenantId, opsgenie.apiKeySecretRef));
          if (!secret.success) throw new DeliveryError('unauthorized', `secret ${opsgenie.apiKeySecretRef} has no "apiKey"`);
          return { alertId, ...(await addOpsgenieNote(opsgenie, secret.data.apiKey, alertId, note, policy)) };
        }),
      );
    }
  }
  return Promise.all(jobs);
}

/**
 * Tells people a finished investigation's result: a Slack summary with its thread of
 * updates, and a note on the PagerDuty incident or Opsgenie alert it came from when the
 * tenant opted in. Slack and the notes go out side by side. Never throws; each target is
 * sent at most once across retries, and each outcome is in the audit trail.
 */
export async function deliverInvestigation(record: InvestigationRecord, tenant: TenantConfig, deps: DeliverDeps): Promise<TargetResult[]> {
  const link = explorerUrl(deps.publicBaseUrl, record.investigationId);
  const [slack, notes] = await Promise.all([tenant.delivery.slackSummary ? deliverToSlack(record, tenant, deps, link) : Promise.resolve([]), deliverNotes(record, tenant, deps, link)]);
  return [...slack, ...notes];
}
