import type { EvidencePlan } from '../../contracts/index.js';
import { gridForWindow } from '../shared/grid.js';
import { quote } from '../grafana-common.js';
import type { MetricQuery } from './options.js';

/** Prometheus answers at most this many points per series for one query. */
export const MAX_POINTS = 120;

export interface RangeQuery {
  service: string;
  query: MetricQuery;
  /** The PromQL with the service and its label filled in. */
  promql: string;
  /** Seconds since the epoch, as the HTTP API takes them. */
  start: number;
  end: number;
  step: number;
}

/**
 * Fills a template: `{{label}}` becomes the label name as written, `{{service}}` the
 * service as the inside of a string literal (quotes and backslashes escaped).
 */
export function expandTemplate(promql: string, label: string, service: string): string {
  const literal = quote(service).slice(1, -1);
  return promql.replace(/\{\{(service|label)\}\}/g, (_, key: string) => (key === 'label' ? label : literal));
}

/**
 * The evaluation grid: a whole multiple of the plan's summary grid step (so every
 * point lands on a step) giving at most MAX_POINTS points, started on a step boundary.
 */
export function rangeOf(plan: EvidencePlan): { start: number; end: number; step: number } {
  const grid = gridForWindow(plan.window);
  const from = Date.parse(plan.window.from);
  const to = Date.parse(plan.window.to);
  const stepMs = grid.stepMs * Math.max(1, Math.ceil((to - from) / MAX_POINTS / grid.stepMs));
  return { start: Math.floor(from / stepMs) * (stepMs / 1000), end: Math.ceil(to / 1000), step: stepMs / 1000 };
}

/** The services to query, focus service first, bounded; empty when the plan names none (the caller discovers them). */
export function servicesOf(plan: EvidencePlan, maxServices: number): { services: string[]; omitted: string[] } {
  const all = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services])];
  return { services: all.slice(0, maxServices), omitted: all.slice(maxServices) };
}

/** One range query per service and template. */
export function rangeQueries(plan: EvidencePlan, services: readonly string[], queries: readonly MetricQuery[], label: string): RangeQuery[] {
  const range = rangeOf(plan);
  return services.flatMap((service) => queries.map((query) => ({ service, query, promql: expandTemplate(query.promql, label, service), ...range })));
}

/** The `/api/v1/query_range` URL of one query. */
export function rangeUrl(base: string, q: Pick<RangeQuery, 'promql' | 'start' | 'end' | 'step'>): string {
  const params = new URLSearchParams({ query: q.promql, start: String(q.start), end: String(q.end), step: String(q.step) });
  return `${base}/api/v1/query_range?${params.toString()}`;
}

/** The `/api/v1/label/<label>/values` URL that lists the services seen in the window. */
export function labelValuesUrl(base: string, label: string, start: number, end: number): string {
  const params = new URLSearchParams({ start: String(start), end: String(end) });
  return `${base}/api/v1/label/${encodeURIComponent(label)}/values?${params.toString()}`;
}
