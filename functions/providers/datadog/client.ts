import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { BackendResponseError, describeUrl, sendRequest, type HttpRequest } from '../../shared/http-client.js';
import type { ProviderDeps } from '../types.js';
import { DatadogSecret } from './options.js';

/*
 * Datadog over the shared HTTP client: the API and application keys as headers (the
 * recorder redacts both), and the rate-limit headers read so paging stops before the
 * budget is spent rather than after a 429.
 */

/** `DD-API-KEY` and `DD-APPLICATION-KEY` from the backend's secret. */
export async function datadogHeaders(plan: EvidencePlan, deps: ProviderDeps): Promise<Record<string, string>> {
  const ref = plan.backend.secretRef;
  if (!ref) throw new ConfigurationError(`backend ${plan.backend.id}: secretRef must name a secret holding { "apiKey", "appKey" }`);
  const parsed = DatadogSecret.safeParse(await deps.readSecret(ref));
  if (!parsed.success) throw new ConfigurationError(`secret ${ref} must hold { "apiKey", "appKey" } for backend ${plan.backend.id}`);
  return { 'dd-api-key': parsed.data.apiKey, 'dd-application-key': parsed.data.appKey };
}

export interface DatadogAnswer {
  body: unknown;
  where: string;
  /** Requests left in the current rate-limit period, when Datadog says. */
  remaining?: number;
}

/** Sends one request; 429 and 5xx become TransientError (retried by ASL), 401/403 BackendAuthError, other 4xx BackendQueryError. */
export async function datadogRequest(request: HttpRequest, signal: AbortSignal): Promise<DatadogAnswer> {
  const where = `${request.method} ${describeUrl(request.url)}`;
  const response = await sendRequest({ ...request, headers: { accept: 'application/json', ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers } }, signal);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new BackendResponseError(`${where} answered ${response.status} with a body that is not JSON`);
  }
  const remaining = Number(response.headers['x-ratelimit-remaining']);
  return { body, where, ...(response.headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining) ? { remaining } : {}) };
}

export interface PagedResult {
  pages: number;
  /** Datadog had more pages than were read. */
  more: boolean;
  /** Paging stopped early because the rate limit was spent. */
  rateLimited: boolean;
}

/**
 * Follows Datadog's cursor (`meta.page.after`) for at most `maxPages` pages, handing each
 * page to `onPage`, which returns the next cursor. Stops early when the rate-limit
 * headers say no requests are left, so the next investigation is not starved.
 */
export async function followCursor(url: string, bodyFor: (cursor?: string) => Record<string, unknown>, headers: Record<string, string>, maxPages: number, signal: AbortSignal, onPage: (answer: DatadogAnswer) => string | undefined): Promise<PagedResult> {
  let cursor: string | undefined;
  for (let page = 1; page <= maxPages; page++) {
    const answer = await datadogRequest({ method: 'POST', url, headers, body: JSON.stringify(bodyFor(cursor)) }, signal);
    cursor = onPage(answer);
    if (!cursor) return { pages: page, more: false, rateLimited: false };
    if (answer.remaining === 0) return { pages: page, more: true, rateLimited: true };
  }
  return { pages: maxPages, more: true, rateLimited: false };
}
