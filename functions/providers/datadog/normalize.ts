import { z } from 'zod';
import { BackendQueryError, BackendResponseError } from '../../shared/http-client.js';
import type { LogLevel, RawLogLine } from '../shared/logs.js';
import type { RawSeries } from '../shared/metrics.js';
import type { RawSpan } from '../shared/traces.js';

/*
 * Datadog's answers to the shared raw shapes: v1 query series (`pointlist` of
 * [ms, value]), v2 log events and v2 span events (JSON:API `data[].attributes`, cursor in
 * `meta.page.after`).
 */

const MetricsResponse = z.object({
  status: z.string().optional(),
  error: z.string().nullish(),
  series: z
    .array(
      z.object({
        metric: z.string().optional(),
        display_name: z.string().optional(),
        expression: z.string().optional(),
        scope: z.string().optional(),
        tag_set: z.array(z.string()).optional(),
        pointlist: z.array(z.tuple([z.number(), z.number().nullable()])),
        unit: z.array(z.object({ short_name: z.string().nullish(), name: z.string().nullish() }).nullable()).nullish(),
      }),
    )
    .default([]),
});
export type DatadogSeries = z.infer<typeof MetricsResponse>['series'][number];

/** Reads a metrics answer; `status: "error"` is a failed query even in a 200. */
export function readMetrics(body: unknown, where: string): DatadogSeries[] {
  const parsed = MetricsResponse.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`${where}: the body is not a metrics query response`);
  if (parsed.data.status === 'error') throw new BackendQueryError(`${where}: ${parsed.data.error ?? 'query failed'}`.slice(0, 500));
  return parsed.data.series;
}

/** One series as RawSeries: labelled by its tag set and the query that produced it. */
export function toRawSeries(s: DatadogSeries, service: string, query: string, link: string | undefined): RawSeries {
  const labels: Record<string, string> = { query: query.slice(0, 500) };
  for (const tag of s.tag_set ?? []) {
    const i = tag.indexOf(':');
    if (i > 0) labels[tag.slice(0, i)] = tag.slice(i + 1, i + 501);
  }
  const unit = s.unit?.[0]?.short_name ?? s.unit?.[0]?.name;
  return {
    service,
    name: (s.metric ?? s.display_name ?? s.expression ?? query).slice(0, 200),
    labels,
    ...(unit ? { unit: unit.slice(0, 40) } : {}),
    samples: s.pointlist.filter((p): p is [number, number] => p[1] !== null),
    ...(link ? { link } : {}),
  };
}

const Events = z.object({
  data: z.array(z.object({ id: z.string().optional(), attributes: z.record(z.string(), z.unknown()).default({}) })).default([]),
  meta: z.object({ page: z.object({ after: z.string().nullish() }).nullish(), status: z.string().optional(), warnings: z.array(z.object({ code: z.string().optional(), title: z.string().optional(), detail: z.string().optional() })).optional() }).nullish(),
});

export interface EventsPage {
  events: Record<string, unknown>[];
  after?: string;
  notes: string[];
}

/** Reads a logs or spans search page: events, the next cursor, and what made it partial. */
export function readEvents(body: unknown, where: string): EventsPage {
  const parsed = Events.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`${where}: the body is not a search response`);
  const meta = parsed.data.meta;
  const notes = (meta?.warnings ?? []).map((w) => `${where} warned: ${[w.title, w.detail].filter(Boolean).join(': ')}`);
  if (meta?.status === 'timeout') notes.push(`${where} timed out in Datadog, so its events are partial`);
  return { events: parsed.data.data.map((d) => d.attributes), ...(meta?.page?.after ? { after: meta.page.after } : {}), notes };
}

/** A value by dotted path, nested or flat (`custom.peer.service`, `attributes["peer.service"]`). */
export function pick(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  const record = source as Record<string, unknown>;
  if (path in record) return record[path];
  const dot = path.indexOf('.');
  return dot < 0 ? undefined : pick(record[path.slice(0, dot)], path.slice(dot + 1));
}

/** Datadog log statuses (syslog-like) to the canonical five. */
export function toLevel(status: unknown): LogLevel {
  const s = String(status ?? '').toLowerCase();
  if (['emergency', 'emerg', 'alert', 'critical', 'crit', 'fatal'].includes(s)) return 'fatal';
  if (s.startsWith('err')) return 'error';
  if (s.startsWith('warn')) return 'warn';
  if (s === 'debug' || s === 'trace') return 'debug';
  return 'info';
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined);

/** A log event as a raw line, or undefined without a timestamp. */
export function toLogLine(a: Record<string, unknown>, fallbackService: string): RawLogLine | undefined {
  const atMs = Date.parse(String(a.timestamp));
  if (!Number.isFinite(atMs)) return undefined;
  const traceId = str(pick(a, 'attributes.dd.trace_id')) ?? str(pick(a, 'attributes.trace_id')) ?? str(pick(a, 'attributes.otel.trace_id'));
  return {
    atMs,
    service: (str(a.service) ?? fallbackService).slice(0, 200),
    level: toLevel(a.status),
    message: str(a.message) ?? '(no message)',
    ...(traceId ? { traceId: traceId.slice(0, 128) } : {}),
  };
}

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true' || (typeof v === 'object' && v !== null);

/** A span event as a RawSpan; `failed` marks spans the error search returned, whatever their attributes say. */
export function toRawSpan(a: Record<string, unknown>, failed: boolean): (RawSpan & { traceId: string }) | undefined {
  const traceId = str(a.trace_id);
  const spanId = str(a.span_id);
  const atMs = Date.parse(String(a.start_timestamp));
  if (!traceId || !spanId || !Number.isFinite(atMs)) return undefined;
  const ns = Number(pick(a, 'custom.duration') ?? pick(a, 'attributes.duration'));
  const durationMs = Number.isFinite(ns) && ns > 0 ? ns / 1e6 : Math.max(0, Date.parse(String(a.end_timestamp)) - atMs) || 0;
  const status = String(a.status ?? pick(a, 'attributes.status') ?? pick(a, 'custom.status') ?? '').toLowerCase();
  const error = failed || status === 'error' || truthy(pick(a, 'custom.error')) || truthy(pick(a, 'attributes.error'));
  const parent = str(a.parent_id);
  const peer = str(pick(a, 'custom.peer.service')) ?? str(pick(a, 'attributes.peer.service'));
  return {
    traceId: traceId.slice(0, 128),
    spanId,
    ...(parent && parent !== '0' ? { parentSpanId: parent } : {}),
    service: (str(a.service) ?? 'unknown').slice(0, 200),
    name: str(a.resource_name) ?? str(pick(a, 'custom.operation_name')) ?? '(unnamed)',
    atMs,
    durationMs,
    status: error ? 'error' : 'ok',
    ...(peer ? { peerService: peer } : {}),
  };
}
