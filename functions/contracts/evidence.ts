import { z } from 'zod';
import { EvidenceId, IsoTime, ServiceName } from './common.js';

/*
 * Evidence items are bounded summaries, never raw dumps: series on a regular grid,
 * log lines folded into templates, traces as exemplars plus per-service aggregates.
 * Providers produce items without ids; Score numbers them (`METRIC_1`, `LOG_2`…).
 */

const Link = z.string().max(2048).optional();

/** A regular time grid; `values[i]` is at `startMs + i * stepMs`, null where the backend had no sample. */
const Grid = {
  startMs: z.number().int(),
  stepMs: z.number().int().positive(),
};

/**
 * Robust statistics of the same series over the plan's healthy reference windows (the
 * same query a day or a week earlier): what "normal" is for this series, so the scorer
 * asks "unusual for this service?" rather than only "changed within the window?".
 */
export const SeriesReference = z.object({
  median: z.number(),
  /** Scaled median absolute deviation (≈ σ for normal data). */
  mad: z.number().nonnegative(),
  p05: z.number(),
  p95: z.number(),
  points: z.number().int().positive(),
});
export type SeriesReference = z.infer<typeof SeriesReference>;

export const MetricSeries = z.object({
  class: z.literal('metrics'),
  service: ServiceName,
  name: z.string().min(1).max(200),
  labels: z.record(z.string(), z.string().max(500)).default({}),
  unit: z.string().max(40).optional(),
  ...Grid,
  values: z.array(z.number().nullable()).max(2000),
  /** Present when the reference windows held the same series. */
  reference: SeriesReference.optional(),
  link: Link,
});
export type MetricSeries = z.infer<typeof MetricSeries>;

export const LogExemplar = z.object({
  at: IsoTime,
  message: z.string().max(500),
  traceId: z.string().max(128).optional(),
});

/** Log lines of one service and level that share a template (variable parts replaced by `<*>`). */
export const LogPattern = z.object({
  class: z.literal('logs'),
  service: ServiceName,
  level: z.enum(['debug', 'info', 'warn', 'error', 'fatal']),
  template: z.string().max(500),
  count: z.number().int().nonnegative(),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  ...Grid,
  counts: z.array(z.number().int().nonnegative()).max(2000),
  exemplars: z.array(LogExemplar).max(5),
  /**
   * How often the same template (same service and level) appeared in the reference
   * windows, present when the reference held lines of this service: `count` 0 means the
   * template is new relative to the healthy period.
   */
  reference: z.object({ count: z.number().int().nonnegative(), perMinute: z.number().nonnegative() }).optional(),
  link: Link,
});
export type LogPattern = z.infer<typeof LogPattern>;

export const Span = z.object({
  spanId: z.string().max(64),
  parentSpanId: z.string().max(64).optional(),
  service: ServiceName,
  name: z.string().max(300),
  at: IsoTime,
  durationMs: z.number().nonnegative(),
  status: z.enum(['ok', 'error']),
});
export type Span = z.infer<typeof Span>;

/** One whole trace kept as an example: an error trace or one of the slowest. */
export const TraceExemplar = z.object({
  class: z.literal('traces'),
  kind: z.literal('exemplar'),
  traceId: z.string().max(128),
  at: IsoTime,
  durationMs: z.number().nonnegative(),
  rootService: ServiceName,
  rootName: z.string().max(300),
  error: z.boolean(),
  spans: z.array(Span).max(100),
  spansOmitted: z.number().int().nonnegative().default(0),
  link: Link,
});
export type TraceExemplar = z.infer<typeof TraceExemplar>;

const Quantiles = { p50Ms: z.number().nonnegative(), p95Ms: z.number().nonnegative() };

/**
 * One service's spans over the plan's healthy reference windows: how many, how often
 * they failed, and the P50/P95 of their duration, self time and the wait callers saw
 * beyond them, overall and per calling service (at most a few edges).
 */
export const TraceReference = z.object({
  spans: z.number().int().nonnegative(),
  errorRate: z.number().min(0).max(1),
  duration: z.object(Quantiles),
  selfTime: z.object(Quantiles),
  inboundGap: z.object(Quantiles).optional(),
  byCaller: z.record(z.string(), z.object({ spans: z.number().int().nonnegative(), errorRate: z.number().min(0).max(1), duration: z.object(Quantiles), inboundGap: z.object(Quantiles).optional() })).optional(),
});
export type TraceReference = z.infer<typeof TraceReference>;

/**
 * Every span the backend returned for one service, aggregated per grid step:
 * how many spans, how many failed, how many failures started here (the deepest
 * failing span whose children are healthy), and p90 duration and self time.
 */
export const ServiceTraceStats = z.object({
  class: z.literal('traces'),
  kind: z.literal('service_stats'),
  service: ServiceName,
  ...Grid,
  spans: z.array(z.number().int().nonnegative()).max(2000),
  errors: z.array(z.number().int().nonnegative()).max(2000),
  errorOrigins: z.array(z.number().int().nonnegative()).max(2000),
  durationP90Ms: z.array(z.number().nullable()).max(2000),
  selfTimeP90Ms: z.array(z.number().nullable()).max(2000),
  /**
   * p90 per step of the time callers waited on this service beyond its own span (the
   * caller's client span minus this service's server span): network, queueing, sidecars.
   * It localizes a slow link to the callee when the callee's own work is fast.
   */
  inboundGapP90Ms: z.array(z.number().nullable()).max(2000).optional(),
  /**
   * The median of the same wait per step. A slow link delays every call over it, so the
   * median moves; a few calls that hit a retransmit or a pause move only the p90.
   */
  inboundGapP50Ms: z.array(z.number().nullable()).max(2000).optional(),
  /**
   * The same wait split by caller (caller → p90 per step), for the few edges whose wait
   * swung enough to have shifted. One edge rising far more than its caller's other edges
   * is that link's trouble; all of a caller's edges rising together is the caller's.
   */
  inboundGapByCallerP90Ms: z.record(z.string(), z.array(z.number().nullable()).max(2000)).optional(),
  /**
   * True when the service has no spans of its own: every number here comes from its
   * callers' client spans (`peer.service`), as for a third-party API or an
   * uninstrumented database.
   */
  seenOnlyByCallers: z.boolean().optional(),
  /** Services this one called in the traces, with call counts. */
  callees: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** The same service over the reference windows, when they held spans of it. */
  reference: TraceReference.optional(),
  /**
   * Where requests stopped doing what they usually do (`providers/shared/divergence.ts`):
   * per step, the traces that passed through the service and the traces whose expected
   * call pattern broke here (the deepest span that left out calls it usually makes, or the
   * service it had called last when it stopped), the calls most often left out, and the
   * same counts over the reference. Present only when some trace broke here.
   */
  patternBreaks: z
    .object({
      traces: z.array(z.number().int().nonnegative()).max(2000),
      broken: z.array(z.number().int().nonnegative()).max(2000),
      missing: z.array(z.string().max(200)).max(3),
      reference: z.object({ traces: z.number().int().nonnegative(), broken: z.number().int().nonnegative() }).optional(),
    })
    .optional(),
  link: Link,
});
export type ServiceTraceStats = z.infer<typeof ServiceTraceStats>;

export const ChangeEvent = z.object({
  class: z.literal('changes'),
  at: IsoTime,
  service: ServiceName,
  kind: z.enum(['deployment', 'config', 'feature_flag', 'infrastructure', 'scaling']),
  summary: z.string().max(1000),
  version: z.string().max(200).optional(),
  previousVersion: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  commit: z.string().max(100).optional(),
  source: z.string().max(100).optional(),
  link: Link,
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const RuntimeEvent = z.object({
  class: z.literal('runtime'),
  at: IsoTime,
  service: ServiceName,
  kind: z.enum(['restart', 'oom_killed', 'crash_loop', 'unhealthy', 'throttled', 'evicted', 'node_pressure']),
  count: z.number().int().positive().default(1),
  message: z.string().max(1000).optional(),
  source: z.string().max(100).optional(),
  link: Link,
});
export type RuntimeEvent = z.infer<typeof RuntimeEvent>;

export const ExceptionGroup = z.object({
  class: z.literal('exceptions'),
  at: IsoTime,
  service: ServiceName,
  type: z.string().max(300),
  message: z.string().max(1000),
  count: z.number().int().positive().default(1),
  culprit: z.string().max(500).optional(),
  link: Link,
});
export type ExceptionGroup = z.infer<typeof ExceptionGroup>;

export const RelatedAlert = z.object({
  class: z.literal('alerts'),
  at: IsoTime,
  service: ServiceName,
  name: z.string().max(300),
  status: z.enum(['firing', 'resolved']),
  /** Who raised it, when not the tenant's own monitoring: `aws.health` for the platform's own word that one of its services is impaired. */
  source: z.string().max(100).optional(),
  link: Link,
});
export type RelatedAlert = z.infer<typeof RelatedAlert>;

export const EvidenceItem = z.union([
  MetricSeries,
  LogPattern,
  TraceExemplar,
  ServiceTraceStats,
  ChangeEvent,
  RuntimeEvent,
  ExceptionGroup,
  RelatedAlert,
]);
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** An item once Score has given it its stable id. */
export type IdentifiedEvidence = EvidenceItem & { id: EvidenceId };
export const IdentifiedEvidence = z.intersection(EvidenceItem, z.object({ id: EvidenceId }));
