import { z } from 'zod';
import type { EvidencePlan } from '../contracts/index.js';
import { ConfigurationError } from '../shared/errors.js';
import { describeUrl } from '../shared/http-client.js';
import type { ProviderDeps } from './types.js';

/*
 * What the Grafana-stack providers (Prometheus and its kin, Loki, Tempo) share: the
 * connection options every one of them accepts, the credentials their secret holds, and
 * the Grafana Explore deep link a person at 3 a.m. clicks to see the source.
 */

/** Options common to every Grafana-stack backend; each provider extends this schema. */
export const ConnectionOptions = z.object({
  /** Path before the API, e.g. `/prometheus` for Mimir or a reverse proxy's prefix. */
  pathPrefix: z.string().regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'a path such as /prometheus, without a trailing slash').default(''),
  /** Sent as `X-Scope-OrgID` (Mimir, Loki, Tempo multi-tenancy). */
  tenantHeader: z.string().min(1).max(200).optional(),
  /** Grafana's base URL when the API host is not the UI host; links go to Grafana Explore. */
  uiUrl: z.url().optional(),
  /** The Grafana data source uid (or name) for the Explore link. */
  datasourceUid: z.string().min(1).max(200).optional(),
  /** Grafana organisation id in the Explore link. */
  orgId: z.number().int().positive().optional(),
});
export type ConnectionOptions = z.infer<typeof ConnectionOptions>;

/** The secret a Grafana-stack backend may name: a bearer token or basic-auth credentials (Grafana Cloud: instance id and API token). */
export const GrafanaStackSecret = z.union([
  z.object({ bearerToken: z.string().min(1) }),
  z.object({ username: z.string().min(1), password: z.string().min(1) }),
]);

/** Parses `plan.backend.options` with `schema`, naming the first bad field in a ConfigurationError. */
export function parseOptions<T extends z.ZodType>(plan: EvidencePlan, schema: T): z.infer<T> {
  const parsed = schema.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['options', ...(issue?.path.map(String) ?? [])].join('.');
  throw new ConfigurationError(`backend ${plan.backend.id}: ${field}: ${issue?.message ?? 'invalid'}`);
}

/** The API base (endpoint plus path prefix), without a trailing slash. */
export function apiBase(plan: EvidencePlan, options: ConnectionOptions): string {
  if (!plan.backend.endpoint) throw new ConfigurationError(`backend ${plan.backend.id}: endpoint is required`);
  return `${plan.backend.endpoint.replace(/\/+$/, '')}${options.pathPrefix}`;
}

/** The API base as it may be shown in a link, a note or a query target: no credentials, no query, no trailing slash. */
export const displayBase = (base: string): string => describeUrl(base).replace(/\/+$/, '');

/**
 * Request headers: the tenant header and the credentials from the backend's secret.
 * The secret's content goes only into these headers, never into an error or a note.
 */
export async function requestHeaders(plan: EvidencePlan, options: ConnectionOptions, deps: ProviderDeps): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (options.tenantHeader) headers['X-Scope-OrgID'] = options.tenantHeader;
  if (!plan.backend.secretRef) return headers;
  const secret = GrafanaStackSecret.safeParse(await deps.readSecret(plan.backend.secretRef));
  if (!secret.success) throw new ConfigurationError(`backend ${plan.backend.id}: secret ${plan.backend.secretRef} must hold { bearerToken } or { username, password }`);
  headers.Authorization =
    'bearerToken' in secret.data ? `Bearer ${secret.data.bearerToken}` : `Basic ${Buffer.from(`${secret.data.username}:${secret.data.password}`).toString('base64')}`;
  return headers;
}

const MAX_LINK = 2048;

/**
 * A Grafana Explore link (the `panes` URL of Grafana 10+) opening `query` over the
 * window, or undefined when no Grafana is configured or the link would be too long for
 * the evidence contract.
 */
export function exploreLink(options: ConnectionOptions, query: Record<string, unknown>, window: { from: string; to: string }): string | undefined {
  if (!options.uiUrl) return undefined;
  const datasource = options.datasourceUid;
  const pane = {
    ...(datasource ? { datasource } : {}),
    queries: [{ refId: 'A', ...(datasource ? { datasource: { uid: datasource } } : {}), ...query }],
    range: { from: String(Date.parse(window.from)), to: String(Date.parse(window.to)) },
  };
  const params = new URLSearchParams({ schemaVersion: '1', panes: JSON.stringify({ a: pane }), ...(options.orgId ? { orgId: String(options.orgId) } : {}) });
  const link = `${options.uiUrl.replace(/\/+$/, '')}/explore?${params.toString()}`;
  return link.length <= MAX_LINK ? link : undefined;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping input order in the results. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `HH:MMZ` of an ISO time, for query descriptions a person reads. */
export const hhmm = (iso: string): string => `${iso.slice(11, 16)}Z`;

/** Quotes a value for a PromQL, LogQL or TraceQL string literal. */
export const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
