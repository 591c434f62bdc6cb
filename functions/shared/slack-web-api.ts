import { z } from 'zod';
import { ConfigurationError, TransientError } from './errors.js';

/** Slack's Web API; only tests and the local runtime point SLACK_API_BASE_URL elsewhere. */
export const DEFAULT_SLACK_API_BASE_URL = 'https://slack.com/api/';

/** Where a posted message lives: the channel id and the message's `ts`, the pair `chat.update` needs. */
export const SlackMessageRef = z.object({ channel: z.string().min(1).max(100), ts: z.string().regex(/^\d{1,12}\.\d{1,9}$/) });
export type SlackMessageRef = z.infer<typeof SlackMessageRef>;

/** A bot that may call the Web API: its token and the base URL to call. */
export interface SlackBot {
  baseUrl: string;
  token: string;
}

/** A message body both `chat.postMessage` and `chat.update` take; `text` is the notification fallback. */
export interface SlackMessageContent {
  text: string;
  blocks?: unknown[];
  /** Posts the message as a reply in this message's thread (`chat.postMessage` only). */
  thread_ts?: string;
}

/**
 * Slack throttled the call (HTTP 429, or `ok: false` with `ratelimited`). Its name stays
 * `TransientError`, so ASL retries it; `retryAfterSeconds` carries Slack's Retry-After.
 */
export class SlackRateLimitedError extends TransientError {
  readonly retryAfterSeconds: number | undefined;
  constructor(method: string, retryAfterSeconds: number | undefined) {
    super(`Slack ${method} was rate limited${retryAfterSeconds === undefined ? '' : `; retry after ${retryAfterSeconds} s`}`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** `ok: false` codes Slack documents as throttling or its own passing trouble; every other code is a setting to fix. */
const RATE_LIMITED_CODES = new Set(['ratelimited', 'rate_limited']);
const TRANSIENT_CODES = new Set(['internal_error', 'service_unavailable', 'request_timeout']);

const Failed = z.object({ ok: z.literal(false), error: z.string().max(200) });
const Succeeded = z.object({ ok: z.literal(true) }).and(SlackMessageRef);

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

/**
 * One Web API call with a JSON body and the token in the Authorization header (never in
 * the URL, a log or an error). Slack answers most failures with HTTP 200 and `ok: false`,
 * so the body decides: throttling, 5xx and network trouble are TransientError; anything
 * else (`invalid_auth`, `channel_not_found`, `message_not_found`…) is ConfigurationError.
 */
async function call(bot: SlackBot, method: 'chat.postMessage' | 'chat.update', body: Record<string, unknown>): Promise<SlackMessageRef> {
  const url = new URL(method, bot.baseUrl.endsWith('/') ? bot.baseUrl : `${bot.baseUrl}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${bot.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new TransientError(`Slack ${method} unreachable: ${(error as Error).message}`);
  }
  if (response.status === 429) throw new SlackRateLimitedError(method, retryAfter(response));
  if (response.status >= 500) throw new TransientError(`Slack ${method} answered ${response.status}`);
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    throw new ConfigurationError(`Slack ${method} answered ${response.status} without a JSON body; check SLACK_API_BASE_URL`);
  }
  const failed = Failed.safeParse(answer);
  if (failed.success) {
    const code = failed.data.error;
    if (RATE_LIMITED_CODES.has(code)) throw new SlackRateLimitedError(method, retryAfter(response));
    if (TRANSIENT_CODES.has(code)) throw new TransientError(`Slack ${method} failed: ${code}`);
    throw new ConfigurationError(`Slack ${method} failed: ${code}`);
  }
  const succeeded = Succeeded.safeParse(answer);
  if (!response.ok || !succeeded.success) throw new ConfigurationError(`Slack ${method} answered ${response.status} without ok, channel and ts`);
  return { channel: succeeded.data.channel, ts: succeeded.data.ts };
}

/** Posts a new message; the answer names the channel id and `ts` that later edits address. */
export function postMessage(bot: SlackBot, channel: string, message: SlackMessageContent): Promise<SlackMessageRef> {
  return call(bot, 'chat.postMessage', { channel, ...message });
}

/**
 * Replaces a message's text and blocks. Blocks are always sent, even empty: Slack keeps
 * the old blocks (and their buttons) when the field is absent.
 */
export function updateMessage(bot: SlackBot, ref: SlackMessageRef, message: SlackMessageContent): Promise<SlackMessageRef> {
  return call(bot, 'chat.update', { channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks ?? [] });
}
