import { setTimeout as sleep } from 'node:timers/promises';
import { describeUrl } from '../shared/http-client.js';

/** Why a note could not be written, in words the audit trail keeps; never a credential. */
export type DeliveryFailure = 'unauthorized' | 'rate_limited' | 'server_error' | 'timeout' | 'unreachable' | 'rejected' | 'bad_response';

/** A write to an incident tool that did not land; `reason` is for the trail, `message` for people. */
export class DeliveryError extends Error {
  readonly reason: DeliveryFailure;
  readonly status: number | undefined;
  constructor(reason: DeliveryFailure, message: string, status?: number) {
    super(message);
    this.name = 'DeliveryError';
    this.reason = reason;
    this.status = status;
  }
}

export interface JsonPost {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface PostPolicy {
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts in all, the first included; only 429, 5xx, timeouts and dropped connections are tried again. */
  attempts: number;
  /** A Retry-After longer than this is not waited for: the delivery fails and says so. */
  maxRetryAfterMs: number;
  /** The wait before trying again after a 5xx or a timeout. */
  backoffMs: number;
}

/** Finish has 25 s for everything it does; two short attempts per target leave room for the rest. */
export const DEFAULT_POST_POLICY: PostPolicy = { timeoutMs: 4000, attempts: 2, maxRetryAfterMs: 3000, backoffMs: 300 };

/** Seconds (or an HTTP date) to milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d{1,6}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * POSTs JSON and returns the parsed answer of a 2xx. Throttling honours Retry-After when it
 * is short, 5xx and timeouts are tried once more, and everything else fails at once with a
 * {@link DeliveryError} naming why: a 401 needs a new credential, not another attempt.
 */
export async function postJson(request: JsonPost, policy: PostPolicy = DEFAULT_POST_POLICY): Promise<{ status: number; body: unknown }> {
  const where = `POST ${describeUrl(request.url)}`;
  let last: DeliveryError | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let response: Response;
    try {
      response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify(request.body), signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      last = new DeliveryError(timedOut ? 'timeout' : 'unreachable', `${where}: ${timedOut ? `no answer within ${policy.timeoutMs} ms` : (error as Error).message}`);
      if (attempt < policy.attempts) await sleep(policy.backoffMs);
      continue;
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return { status: response.status, body: text ? (JSON.parse(text) as unknown) : {} };
      } catch {
        throw new DeliveryError('bad_response', `${where} answered ${response.status} with a body that is not JSON`, response.status);
      }
    }
    if (response.status === 401 || response.status === 403) throw new DeliveryError('unauthorized', `${where} answered ${response.status}: check the credential`, response.status);
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      last = new DeliveryError('rate_limited', `${where} answered 429${wait === undefined ? '' : ` (retry after ${Math.ceil(wait / 1000)} s)`}`, 429);
      if (attempt < policy.attempts && (wait ?? policy.backoffMs) <= policy.maxRetryAfterMs) {
        await sleep(wait ?? policy.backoffMs);
        continue;
      }
      throw last;
    }
    if (response.status >= 500) {
      last = new DeliveryError('server_error', `${where} answered ${response.status}`, response.status);
      if (attempt < policy.attempts) await sleep(policy.backoffMs);
      continue;
    }
    throw new DeliveryError('rejected', `${where} answered ${response.status}: ${text.slice(0, 300)}`, response.status);
  }
  throw last ?? new DeliveryError('unreachable', `${where}: no attempt was made`);
}
