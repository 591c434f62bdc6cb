import { peerOf, type RawSpan, type RawTrace } from '../shared/traces.js';
import type { Attribute, ResourceSpans } from './client.js';
import { normalizeTraceId } from './translate.js';

/** OTLP attributes as a plain record (string, int, bool and double values). */
export function attributesOf(list: readonly Attribute[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of list) {
    const v = value?.stringValue ?? value?.intValue ?? value?.boolValue ?? value?.doubleValue;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** An id as hex: OTLP JSON spells ids in hex, Tempo's protobuf-JSON in base64. */
export function hexId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (/^([0-9a-f]{16}|[0-9a-f]{32})$/i.test(id)) return id.toLowerCase();
  const hex = Buffer.from(id, 'base64').toString('hex');
  return hex.length > 0 && !/^0+$/.test(hex) ? hex : undefined;
}

const isError = (code: string | number | undefined) => code === 2 || code === 'STATUS_CODE_ERROR';
const nanos = (v: string | number) => BigInt(typeof v === 'number' ? Math.round(v) : v);

/** One trace-by-id answer → the raw trace the shared summarizer reads. */
export function toRawTrace(traceId: string, batches: readonly ResourceSpans[], link: string | undefined): RawTrace {
  const spans: RawSpan[] = [];
  for (const batch of batches) {
    const resource = attributesOf(batch.resource?.attributes ?? []);
    const service = typeof resource['service.name'] === 'string' ? (resource['service.name'] as string) : 'unknown';
    for (const scope of [...(batch.scopeSpans ?? []), ...(batch.instrumentationLibrarySpans ?? [])]) {
      for (const s of scope.spans) {
        const spanId = hexId(s.spanId);
        if (!spanId) continue;
        const start = nanos(s.startTimeUnixNano);
        const end = nanos(s.endTimeUnixNano);
        const peer = peerOf(attributesOf(s.attributes));
        const parent = hexId(s.parentSpanId);
        spans.push({
          spanId,
          ...(parent ? { parentSpanId: parent } : {}),
          service,
          name: s.name,
          atMs: Number(start / 1000n) / 1000,
          durationMs: Math.max(0, Number(end - start) / 1e6),
          status: isError(s.status?.code) ? 'error' : 'ok',
          ...(peer ? { peerService: peer } : {}),
        });
      }
    }
  }
  return { traceId: normalizeTraceId(traceId), spans, ...(link ? { link } : {}) };
}
