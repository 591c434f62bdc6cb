import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { EvidencePlan } from '../../contracts/index.js';
import { plannedServices } from '../../shared/point-events.js';
import { templatesOf, type CloudWatchMetricsOptions, type MetricTemplate } from './options.js';

/*
 * Canonical plan → GetMetricData: one MetricStat query per (service, template), the
 * service name turned into dimension values, and a period that keeps every series at
 * 120 points or fewer.
 */

/** GetMetricData takes at most 500 queries per call; one call keeps the provider fast. */
export const MAX_QUERIES = 500;
const MAX_POINTS = 120;
const DAY_MS = 86_400_000;

/** One planned query and the service and template it answers for. */
export interface PlannedQuery {
  id: string;
  service: string;
  template: MetricTemplate;
  dimensions: Record<string, string>;
}

export interface MetricsRequest {
  queries: PlannedQuery[];
  startMs: number;
  endMs: number;
  periodSeconds: number;
  /** Queries that could not be built, in words ("orders alb_request_count: no {{LoadBalancer}}"). */
  skipped: string[];
  /** Services beyond the query cap. */
  dropped: number;
}

/**
 * The period: a multiple of 60 s giving at most 120 points, raised to CloudWatch's
 * coarser retention steps (5 min past 15 days, 1 h past 63 days) so old data still answers.
 */
export function periodFor(window: { from: string; to: string }, nowMs = Date.now()): number {
  const from = Date.parse(window.from);
  const spanSeconds = Math.max(60, (Date.parse(window.to) - from) / 1000);
  let period = Math.max(60, Math.ceil(spanSeconds / MAX_POINTS / 60) * 60);
  const age = nowMs - from;
  if (age > 63 * DAY_MS) period = Math.ceil(period / 3600) * 3600;
  else if (age > 15 * DAY_MS) period = Math.ceil(period / 300) * 300;
  return period;
}

function variablesFor(service: string, options: CloudWatchMetricsOptions): Record<string, string> {
  const mapped = options.dimensionValues[service];
  if (typeof mapped === 'string') return { ...options.sharedDimensions, service: mapped };
  return { ...options.sharedDimensions, service, ...mapped };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills a template's dimensions for one service, or names the first placeholder it has no value for. */
export function dimensionsFor(template: MetricTemplate, vars: Record<string, string>): Record<string, string> | { missing: string } {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(template.dimensions)) {
    let missing: string | undefined;
    out[name] = raw.replace(PLACEHOLDER, (_, key: string) => vars[key] ?? ((missing ??= key), ''));
    if (missing) return { missing };
  }
  return out;
}

const isFixed = (t: MetricTemplate) => Object.values(t.dimensions).every((v) => !v.includes('{{'));

/**
 * Plans the queries: every templated metric per service, fixed-dimension metrics once.
 * Services come focus first, then the plan's, then (for a plan asking for `unlisted`
 * ones) the other mapped services, so those are the first left out at {@link MAX_QUERIES}.
 */
export function translate(plan: EvidencePlan, options: CloudWatchMetricsOptions, nowMs = Date.now()): MetricsRequest {
  const periodSeconds = periodFor(plan.window, nowMs);
  const step = periodSeconds * 1000;
  const services = plannedServices(plan, Object.keys(options.dimensionValues));
  const templates = templatesOf(options);
  const skipped: string[] = [];
  const queries: PlannedQuery[] = [];
  let dropped = 0;
  const add = (service: string, template: MetricTemplate) => {
    const dims = dimensionsFor(template, variablesFor(service, options));
    if ('missing' in dims) skipped.push(`${service} ${template.name}: no {{${dims.missing}}}`);
    else if (queries.length >= MAX_QUERIES) dropped++;
    else queries.push({ id: `q${queries.length}`, service, template, dimensions: dims });
  };
  for (const template of templates.filter(isFixed)) add(template.service ?? services[0] ?? plan.focusService ?? template.name, template);
  for (const service of services) for (const template of templates.filter((t) => !isFixed(t))) add(service, template);
  return {
    queries,
    startMs: Math.floor(Date.parse(plan.window.from) / step) * step,
    endMs: Math.ceil(Date.parse(plan.window.to) / step) * step,
    periodSeconds,
    skipped,
    dropped,
  };
}

/** The native MetricDataQueries for a planned request. */
export function toMetricDataQueries(request: MetricsRequest): MetricDataQuery[] {
  return request.queries.map((q) => ({
    Id: q.id,
    Label: `${q.service} ${q.template.name}`,
    ReturnData: true,
    MetricStat: {
      Metric: { Namespace: q.template.namespace, MetricName: q.template.metricName, Dimensions: Object.entries(q.dimensions).map(([Name, Value]) => ({ Name, Value })) },
      Period: request.periodSeconds,
      Stat: q.template.stat,
    },
  }));
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The query as a person would say it: which metrics, for which services, at which period, over which range. */
export function describeRequest(plan: EvidencePlan, request: MetricsRequest): string {
  const metrics = [...new Set(request.queries.map((q) => `${q.template.namespace} ${q.template.metricName} ${q.template.stat}`))];
  const services = [...new Set(request.queries.map((q) => q.service))];
  const text = `GetMetricData ${metrics.join(', ') || '(no metric could be built)'} for ${services.join(', ') || '(no service)'} every ${request.periodSeconds}s over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}
