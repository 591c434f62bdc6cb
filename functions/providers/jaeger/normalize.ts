import { z } from 'zod';
import { BackendQueryError, BackendResponseError } from '../../shared/http-client.js';
import { peerOf, type RawSpan, type RawTrace } from '../shared/traces.js';

/*
 * Jaeger's UI JSON (`{ data: [trace], errors }`, spans with microsecond times and typed
 * tags, services in `processes`) to the shared RawTrace the summarizer reduces.
 */

const Tag = z.object({ key: z.string(), type: z.string().optional(), value: z.unknown() });

const JaegerSpan = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string().default(''),
  references: z.array(z.object({ refType: z.string(), spanID: z.string(), traceID: z.string().optional() })).nullish(),
  startTime: z.number(),
  duration: z.number(),
  tags: z.array(Tag).nullish(),
  processID: z.string().optional(),
});

export const JaegerTrace = z.object({
  traceID: z.string(),
  spans: z.array(JaegerSpan),
  processes: z.record(z.string(), z.object({ serviceName: z.string(), tags: z.array(Tag).nullish() })).default({}),
});
export type JaegerTrace = z.infer<typeof JaegerTrace>;

const JaegerError = z.object({ code: z.number().optional(), msg: z.string().optional(), traceID: z.string().optional() });

/** The envelope of `/api/traces`, `/api/traces/<id>` and `/api/services`. */
export const JaegerResponse = z.object({ data: z.array(z.unknown()).nullish(), errors: z.array(JaegerError).nullish() });

const describeErrors = (errors: z.infer<typeof JaegerError>[]) => errors.map((e) => `${e.code ?? ''} ${e.msg ?? ''}`.trim()).join('; ').slice(0, 300);

/**
 * Reads a response body. Errors with no data mean the query failed; errors beside data
 * (one storage shard failing, say) are returned as notes, since the rest is still evidence.
 */
export function readTraces(body: unknown, where: string): { traces: JaegerTrace[]; warnings: string[] } {
  const parsed = JaegerResponse.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`${where}: the body is not a Jaeger API response`);
  const data = parsed.data.data ?? [];
  const errors = parsed.data.errors ?? [];
  if (data.length === 0 && errors.length > 0) throw new BackendQueryError(`${where}: ${describeErrors(errors)}`);
  const traces: JaegerTrace[] = [];
  let unreadable = 0;
  for (const raw of data) {
    const trace = JaegerTrace.safeParse(raw);
    if (trace.success) traces.push(trace.data);
    else unreadable++;
  }
  const warnings = errors.length > 0 ? [`${where} reported errors beside its data: ${describeErrors(errors)}`] : [];
  if (unreadable > 0) warnings.push(`${unreadable} trace(s) from ${where} were not in Jaeger's format and were skipped`);
  return { traces, warnings };
}

/** Service names from `/api/services`. */
export function readServices(body: unknown, where: string): string[] {
  const parsed = JaegerResponse.safeParse(body);
  if (!parsed.success) throw new BackendResponseError(`${where}: the body is not a Jaeger API response`);
  return (parsed.data.data ?? []).filter((s): s is string => typeof s === 'string');
}

const tagsOf = (tags: readonly z.infer<typeof Tag>[] | null | undefined): Record<string, unknown> => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));

/** A span failed when it carries `error=true` (bool or string) or the OTLP status `ERROR`. */
export function isErrorSpan(tags: Record<string, unknown>): boolean {
  const error = tags.error;
  return error === true || error === 'true' || String(tags['otel.status_code'] ?? '').toUpperCase() === 'ERROR';
}

/** One Jaeger trace as the summarizer's RawTrace; times from microseconds to milliseconds. */
export function toRawTrace(trace: JaegerTrace, link?: string): RawTrace {
  const spans: RawSpan[] = trace.spans.map((s) => {
    const tags = tagsOf(s.tags);
    const parent = s.references?.find((r) => r.refType === 'CHILD_OF') ?? s.references?.[0];
    const peer = peerOf(tags);
    return {
      spanId: s.spanID,
      ...(parent ? { parentSpanId: parent.spanID } : {}),
      service: trace.processes[s.processID ?? '']?.serviceName || 'unknown',
      name: s.operationName || '(unnamed)',
      atMs: s.startTime / 1000,
      durationMs: s.duration / 1000,
      status: isErrorSpan(tags) ? 'error' : 'ok',
      ...(peer ? { peerService: peer } : {}),
    };
  });
  return { traceId: trace.traceID, spans, ...(link ? { link } : {}) };
}
