import { z } from 'zod';
import { TransientError } from '../../shared/errors.js';
import { BackendAuthError, BackendResponseError, describeUrl, sendRequest } from '../../shared/http-client.js';

/*
 * GitHub's REST API through the shared HTTP path. Lists page through the `Link` header's
 * `rel="next"`. A 403 is ambiguous on GitHub: spent rate limit or missing permission; the
 * free `GET /rate_limit` tells them apart, so throttling is retried and a real refusal is not.
 */

export const API_VERSION = '2022-11-28';

export interface GithubClient {
  apiUrl: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export function githubClient(apiUrl: string, token: string, signal: AbortSignal): GithubClient {
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': API_VERSION },
    signal,
  };
}

/** The `rel="next"` URL of a `Link` header, if any. */
export function nextLink(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

const RateLimit = z.object({ resources: z.object({ core: z.object({ remaining: z.number(), reset: z.number() }) }) });

/** After a 403: asks `GET /rate_limit` (which costs nothing) whether the token's budget is spent. */
async function explain403(client: GithubClient, where: string, refused: BackendAuthError): Promise<never> {
  const response = await sendRequest({ method: 'GET', url: `${client.apiUrl}/rate_limit`, headers: client.headers }, client.signal);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw refused;
  }
  const limit = RateLimit.safeParse(body);
  if (limit.success && limit.data.resources.core.remaining === 0) {
    throw new TransientError(`${where}: GitHub rate limit spent until ${new Date(limit.data.resources.core.reset * 1000).toISOString()}`);
  }
  throw refused;
}

/** GETs one page: the parsed body and the next page's URL. */
export async function getPage(client: GithubClient, url: string): Promise<{ body: unknown; next?: string }> {
  const where = `GET ${describeUrl(url)}`;
  let response;
  try {
    response = await sendRequest({ method: 'GET', url, headers: client.headers }, client.signal);
  } catch (error) {
    if (error instanceof BackendAuthError && / answered 403/.test(error.message)) return explain403(client, where, error);
    throw error;
  }
  try {
    return { body: JSON.parse(response.body) as unknown, next: nextLink(response.headers['link']) };
  } catch {
    throw new BackendResponseError(`${where} answered a body that is not JSON`);
  }
}

/**
 * Reads a list page by page while `more(lastItemOfPage)` holds and pages remain; says whether
 * the bound cut it short. GitHub lists used here are newest first, so `more` stops at the window.
 */
export async function getList<T>(client: GithubClient, url: string, schema: z.ZodType<T>, maxPages: number, more: (item: T) => boolean = () => true): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < maxPages; page++) {
    const { body, next: following } = await getPage(client, next);
    const parsed = z.array(schema).safeParse(body);
    if (!parsed.success) throw new BackendResponseError(`GET ${describeUrl(next)} answered a body that is not the documented list`);
    items.push(...parsed.data);
    const last = parsed.data.at(-1);
    next = last !== undefined && more(last) ? following : undefined;
  }
  return { items, truncated: next !== undefined };
}
