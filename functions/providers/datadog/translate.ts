import type { EvidencePlan } from '../../contracts/index.js';
import type { DatadogOptions } from './options.js';

/*
 * The canonical plan as Datadog's own queries: metric queries per service
 * (`GET /api/v1/query`), a logs search (`POST /api/v2/logs/events/search`) and spans
 * searches (`POST /api/v2/spans/events/search`), all scoped by the tenant's service tag.
 */

export const serviceTag = (plan: EvidencePlan) => plan.backend.serviceLabel ?? 'service';

/** The services to query, the alerting one first, and those left out by the bound. */
export function servicesOf(plan: EvidencePlan, max: number): { searched: string[]; skipped: string[] } {
  const all = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];
  return { searched: all.slice(0, max), skipped: all.slice(max) };
}

/** A value as Datadog search syntax takes it: quoted when it has anything but word characters. */
const term = (v: string) => (/^[A-Za-z0-9_.\-/]+$/.test(v) ? v : JSON.stringify(v));

/** `service:(orders OR web)` (or the tenant's tag), plus `env:` when configured; empty services mean all. */
export function scope(plan: EvidencePlan, services: readonly string[], o: DatadogOptions): string {
  const values = services.length === 1 ? term(services[0]!) : `(${services.map(term).join(' OR ')})`;
  const parts = services.length > 0 ? [`${serviceTag(plan)}:${values}`] : [];
  if (o.env) parts.push(`env:${o.env}`);
  return parts.join(' ');
}

/** The default per-service metric queries: APM request hits, errors and mean latency. */
export function metricTemplates(plan: EvidencePlan, o: DatadogOptions): string[] {
  if (o.metricQueries) return o.metricQueries;
  const filter = `${serviceTag(plan)}:{{service}}${o.env ? `,env:${o.env}` : ''}`;
  return [`sum:trace.http.request.hits{${filter}}.as_count()`, `sum:trace.http.request.errors{${filter}}.as_count()`, `avg:trace.http.request.duration{${filter}}`];
}

const seconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

/** One metric query per service and template. */
export function metricRequests(plan: EvidencePlan, services: readonly string[], o: DatadogOptions, api: string): { service: string; query: string; url: string }[] {
  return services.flatMap((service) =>
    metricTemplates(plan, o).map((template) => {
      const query = template.replaceAll('{{service}}', service);
      return { service, query, url: `${api}/api/v1/query?${new URLSearchParams({ from: seconds(plan.window.from), to: seconds(plan.window.to), query })}` };
    }),
  );
}

export const logsQuery = (plan: EvidencePlan, services: readonly string[], o: DatadogOptions) => [scope(plan, services, o), 'status:(error OR warn)'].filter(Boolean).join(' ');

/** A logs search page, newest first. */
export function logsBody(plan: EvidencePlan, query: string, o: DatadogOptions, cursor?: string): Record<string, unknown> {
  return { filter: { query, from: plan.window.from, to: plan.window.to }, page: { limit: o.pageSize, ...(cursor ? { cursor } : {}) }, sort: '-timestamp' };
}

export type SpanSearch = 'errors' | 'slow' | 'traces';

/** The spans queries: error spans, slow spans (`@duration` is in nanoseconds), and whole traces by id. */
export function spansQuery(plan: EvidencePlan, services: readonly string[], o: DatadogOptions, kind: SpanSearch, traceIds: readonly string[] = []): string {
  if (kind === 'traces') return `trace_id:(${traceIds.map(term).join(' OR ')})`;
  const filter = kind === 'errors' ? 'status:error' : `@duration:>=${Math.round(o.slowSpanMs * 1e6)}`;
  return [scope(plan, services, o), filter].filter(Boolean).join(' ');
}

/** A spans search page, in the JSON:API envelope that endpoint requires. */
export function spansBody(plan: EvidencePlan, query: string, o: DatadogOptions, cursor?: string): Record<string, unknown> {
  return { data: { type: 'search_request', attributes: { filter: { query, from: plan.window.from, to: plan.window.to }, page: { limit: o.pageSize, ...(cursor ? { cursor } : {}) }, sort: '-timestamp' } } };
}

const ms = (iso: string) => String(Date.parse(iso));

/** Evidence links are capped at 2048 characters; a longer one is left out rather than cut. */
const fit = (url: string) => (url.length <= 2048 ? url : undefined);

/** Links into the Datadog app for what was searched. */
export const links = {
  metric: (ui: string, plan: EvidencePlan, metric: string, scopeTags: string) => fit(`${ui}/metric/explorer?${new URLSearchParams({ from_ts: ms(plan.window.from), to_ts: ms(plan.window.to), live: 'false', exp_metric: metric, exp_scope: scopeTags })}`),
  logs: (ui: string, plan: EvidencePlan, query: string) => fit(`${ui}/logs?${new URLSearchParams({ query, from_ts: ms(plan.window.from), to_ts: ms(plan.window.to), live: 'false' })}`),
  spans: (ui: string, plan: EvidencePlan, query: string) => fit(`${ui}/apm/traces?${new URLSearchParams({ query, start: ms(plan.window.from), end: ms(plan.window.to), paused: 'true' })}`),
  trace: (ui: string, traceId: string) => fit(`${ui}/apm/trace/${encodeURIComponent(traceId)}`),
};

const hhmm = (iso: string) => iso.slice(11, 16);

/** What each class searches, in Datadog's own query syntax. */
export function describeSearch(plan: EvidencePlan, o: DatadogOptions): string {
  const { searched } = servicesOf(plan, o.maxServices);
  const range = `over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`;
  if (plan.evidenceClass === 'metrics') {
    const queries = metricRequests(plan, searched, o, '').map((r) => r.query);
    return `Datadog metrics for ${searched.join(', ') || '(no service)'}: ${queries.join('; ')} ${range}`.slice(0, 4000);
  }
  if (plan.evidenceClass === 'logs') return `Datadog logs: ${logsQuery(plan, searched, o)} ${range}`.slice(0, 4000);
  return `Datadog spans: ${spansQuery(plan, searched, o, 'errors')}; ${spansQuery(plan, searched, o, 'slow')}; whole traces by trace_id ${range}`.slice(0, 4000);
}
