import { BackendResponseError, requestJson } from '../../shared/http-client.js';

/*
 * The Kubernetes API over http-client.ts (so golden runs record and replay it): GETs with
 * a bearer token, lists paged with `limit` and `continue` up to a bound.
 */

/** Items per list page, and pages read per list: 1,000 objects per namespace is plenty for one service. */
export const PAGE_LIMIT = 250;
export const MAX_PAGES = 4;

export interface Api {
  baseUrl: string;
  token: string;
  /** The cluster's CA (PEM), trusted instead of the system's CAs when set. */
  ca?: string;
  signal: AbortSignal;
}

export interface Listed<T> {
  items: T[];
  /** True when `metadata.continue` was still set after MAX_PAGES. */
  truncated: boolean;
}

/** The URL of an API path with its query parameters; the base URL may carry a path prefix (a proxy). */
export function apiUrl(baseUrl: string, path: string, params: Record<string, string> = {}): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** GET one object. */
export async function getObject<T>(api: Api, path: string): Promise<T> {
  return (await requestJson({ method: 'GET', url: apiUrl(api.baseUrl, path), headers: { authorization: `Bearer ${api.token}` }, ...(api.ca ? { ca: api.ca } : {}) }, api.signal)) as T;
}

/** GET a list, following `metadata.continue` up to MAX_PAGES. */
export async function listObjects<T>(api: Api, path: string, params: Record<string, string>): Promise<Listed<T>> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const body = (await requestJson(
      {
        method: 'GET',
        url: apiUrl(api.baseUrl, path, { ...params, limit: String(PAGE_LIMIT), ...(token ? { continue: token } : {}) }),
        headers: { authorization: `Bearer ${api.token}` },
        ...(api.ca ? { ca: api.ca } : {}),
      },
      api.signal,
    )) as { items?: unknown; metadata?: { continue?: string } };
    if (!Array.isArray(body.items)) throw new BackendResponseError(`GET ${path} answered without an items list`);
    items.push(...(body.items as T[]));
    token = body.metadata?.continue || undefined;
    pages++;
  } while (token && pages < MAX_PAGES);
  return { items, truncated: Boolean(token) };
}
