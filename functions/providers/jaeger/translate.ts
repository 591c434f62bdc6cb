import type { EvidencePlan } from '../../contracts/index.js';
import type { JaegerOptions } from './options.js';

/*
 * The canonical trace plan as Jaeger's HTTP query API (the one its UI uses) takes it:
 * `GET /api/traces` per service, times in microseconds, tags as a JSON object, and
 * `GET /api/traces/<id>` for correlation trace ids.
 */

export type SearchKind = 'errors' | 'slowest';

export interface TraceSearch {
  service: string;
  kind: SearchKind;
  params: URLSearchParams;
}

/** The tag Jaeger sets on failed spans (OTLP error status is translated to it too). */
export const ERROR_TAGS = JSON.stringify({ error: 'true' });

const micros = (iso: string) => String(Date.parse(iso) * 1000);

/** The services to search, the alerting one first, at most `max`; the rest are reported as left out. */
export function servicesToSearch(plan: EvidencePlan, max: number): { searched: string[]; skipped: string[] } {
  const all = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];
  return { searched: all.slice(0, max), skipped: all.slice(max) };
}

/** Two bounded searches per service: its error traces, and its recent (or long, with `minDuration`) traces. */
export function traceSearches(plan: EvidencePlan, services: readonly string[], options: JaegerOptions): TraceSearch[] {
  return services.flatMap((service) =>
    (['errors', 'slowest'] as const).map((kind) => {
      const params = new URLSearchParams({ service, start: micros(plan.window.from), end: micros(plan.window.to), limit: String(options.limit) });
      if (kind === 'errors') params.set('tags', ERROR_TAGS);
      if (kind === 'slowest' && options.minDuration) params.set('minDuration', options.minDuration);
      return { service, kind, params };
    }),
  );
}

/** The correlation trace ids to fetch whole, at most `max`. */
export function traceIdsToFetch(plan: EvidencePlan, max: number): string[] {
  return [...new Set(plan.correlation.traceIds)].slice(0, max);
}

export const searchUrl = (endpoint: string, params: URLSearchParams) => `${endpoint}/api/traces?${params}`;
export const traceUrl = (endpoint: string, traceId: string) => `${endpoint}/api/traces/${encodeURIComponent(traceId)}`;
export const servicesUrl = (endpoint: string) => `${endpoint}/api/services`;

/** The Jaeger UI search a person would open for this service and window. */
export function uiSearchLink(ui: string, plan: EvidencePlan, service: string, options: JaegerOptions): string {
  const params = new URLSearchParams({ service, start: micros(plan.window.from), end: micros(plan.window.to), limit: String(options.limit), lookback: 'custom' });
  return `${ui}/search?${params}`;
}

export const uiTraceLink = (ui: string, traceId: string) => `${ui}/trace/${encodeURIComponent(traceId)}`;

const hhmm = (iso: string) => iso.slice(11, 16);

/** The search in words, as a person would type it into the Jaeger UI. */
export function describeSearch(plan: EvidencePlan, options: JaegerOptions): string {
  const { searched } = servicesToSearch(plan, options.maxServices);
  const ids = traceIdsToFetch(plan, options.maxTraceIds);
  const who = searched.length > 0 ? `services ${searched.join(', ')}` : 'every service Jaeger lists';
  const slow = options.minDuration ? `traces of at least ${options.minDuration}` : 'recent traces';
  const byId = ids.length > 0 ? `; trace ids ${ids.join(', ')}` : '';
  return `Jaeger: ${who}: error traces (tags=${ERROR_TAGS}) and ${slow}, limit ${options.limit} each, over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z${byId}`.slice(0, 4000);
}
