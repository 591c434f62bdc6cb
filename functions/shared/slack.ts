import { z } from 'zod';
import { SlackAppSecret, type TenantConfig } from '../contracts/index.js';
import { ConfigurationError, TransientError } from './errors.js';
import { readTenantSecret, type TenantSecretReader } from './secrets.js';

const SlackWebhook = z.object({ url: z.url() });

/** The tenant's incoming-webhook URL from its secret (`{ "url": … }`); undefined when none is configured. */
export async function slackWebhookUrl(tenantId: string, ref: string | undefined, readSecret: TenantSecretReader = readTenantSecret): Promise<string | undefined> {
  if (!ref) return undefined;
  const parsed = SlackWebhook.safeParse(await readSecret(tenantId, ref));
  return parsed.success ? parsed.data.url : undefined;
}

/**
 * How Causeway may reach a tenant's Slack: a bot (token and channel from the Slack app
 * secret), which can post and later edit its message, and an incoming webhook, which
 * can only post. Either, both or neither may be set.
 */
export interface TenantSlack {
  bot?: { token: string; channel: string };
  webhookUrl?: string;
  /** Why a configured Slack app secret gives no bot, for the log; never a secret value. */
  botProblem?: string;
}

/** Reads the tenant's Slack secrets once; a secret that does not parse gives no bot and says why. */
export async function tenantSlack(tenantId: string, approval: TenantConfig['approval'], readSecret: TenantSecretReader = readTenantSecret): Promise<TenantSlack> {
  const webhookUrl = await slackWebhookUrl(tenantId, approval.slackWebhookSecretRef, readSecret);
  const result: TenantSlack = webhookUrl ? { webhookUrl } : {};
  if (!approval.slackAppSecretRef) return result;
  const app = SlackAppSecret.safeParse(await readSecret(tenantId, approval.slackAppSecretRef));
  if (!app.success) return { ...result, botProblem: `secret ${approval.slackAppSecretRef} is not a Slack app secret (${app.error.issues[0]?.path.join('.')})` };
  const { botToken, channel } = app.data;
  if (botToken && channel) return { ...result, bot: { token: botToken, channel } };
  if (botToken || channel) return { ...result, botProblem: `secret ${approval.slackAppSecretRef} has ${botToken ? 'a bot token but no channel' : 'a channel but no bot token'}` };
  return result;
}

/**
 * Posts one JSON message to a Slack URL (an incoming webhook or an interaction's
 * `response_url`). Throttling, 5xx and network failures are TransientError (retried).
 */
export async function postToSlack(url: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new TransientError(`Slack unreachable: ${(error as Error).message}`);
  }
  if (response.status === 429 || response.status >= 500) throw new TransientError(`Slack answered ${response.status}`);
  if (!response.ok) throw new ConfigurationError(`Slack rejected the message: ${response.status}`);
}
