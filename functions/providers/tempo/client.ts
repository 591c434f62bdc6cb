import { z } from 'zod';
import { BackendResponseError, describeUrl, requestJson } from '../../shared/http-client.js';

/* Tempo's search answer and its trace-by-id answer (OTLP JSON, v1 `batches` or `resourceSpans`, or v2's `{ trace: … }`). */

export const SearchResult = z.object({
  traces: z.array(z.object({ traceID: z.string().min(1), rootServiceName: z.string().optional(), startTimeUnixNano: z.string().optional(), durationMs: z.number().optional() })).default([]),
});
export type SearchResult = z.infer<typeof SearchResult>;

const AnyValue = z.object({ stringValue: z.string().optional(), intValue: z.union([z.string(), z.number()]).optional(), boolValue: z.boolean().optional(), doubleValue: z.number().optional() }).passthrough();
export const Attribute = z.object({ key: z.string(), value: AnyValue.optional() });
export type Attribute = z.infer<typeof Attribute>;

export const OtlpSpan = z.object({
  traceId: z.string().optional(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().default(''),
  kind: z.union([z.string(), z.number()]).optional(),
  startTimeUnixNano: z.union([z.string(), z.number()]),
  endTimeUnixNano: z.union([z.string(), z.number()]),
  attributes: z.array(Attribute).default([]),
  status: z.object({ code: z.union([z.string(), z.number()]).optional() }).optional(),
});
export type OtlpSpan = z.infer<typeof OtlpSpan>;

const ScopeSpans = z.object({ spans: z.array(OtlpSpan).default([]) });
const ResourceSpans = z.object({
  resource: z.object({ attributes: z.array(Attribute).default([]) }).optional(),
  scopeSpans: z.array(ScopeSpans).optional(),
  instrumentationLibrarySpans: z.array(ScopeSpans).optional(),
});
export type ResourceSpans = z.infer<typeof ResourceSpans>;

export const TraceBody = z.object({
  batches: z.array(ResourceSpans).optional(),
  resourceSpans: z.array(ResourceSpans).optional(),
  trace: z.object({ resourceSpans: z.array(ResourceSpans).optional(), batches: z.array(ResourceSpans).optional() }).optional(),
});

/** GETs `url` and checks the body against `schema`, naming `what` when it does not match. */
export async function getJson<T extends z.ZodType>(url: string, headers: Record<string, string>, schema: T, what: string, signal: AbortSignal): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await requestJson({ method: 'GET', url, headers }, signal));
  if (!parsed.success) throw new BackendResponseError(`GET ${describeUrl(url)} answered a body that is not ${what}`);
  return parsed.data;
}

/** The resource spans of a trace body, whichever of Tempo's shapes it came in. */
export const resourceSpansOf = (body: z.infer<typeof TraceBody>): ResourceSpans[] => body.batches ?? body.resourceSpans ?? body.trace?.resourceSpans ?? body.trace?.batches ?? [];
