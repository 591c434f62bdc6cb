import { z } from 'zod';
import { ConfigurationError, TransientError } from './errors.js';
import { readSecretJson } from './secrets.js';

const SlackWebhook = z.object({ url: z.url() });

/** The tenant's incoming-webhook URL from its secret (`{ "url": … }`); undefined when none is configured. */
export async function slackWebhookUrl(ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const parsed = SlackWebhook.safeParse(await readSecretJson(ref));
  return parsed.success ? parsed.data.url : undefined;
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
