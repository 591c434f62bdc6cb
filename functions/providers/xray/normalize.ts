import type { Trace } from '@aws-sdk/client-xray';
import type { RawSpan, RawTrace } from '../shared/traces.js';

/*
 * X-Ray segment documents → raw spans. A segment is a span of its service; its
 * subsegments are spans of the same service, parented by the enclosing (sub)segment.
 * A subsegment calling out (`namespace: "remote"` or `"aws"`) names the service it
 * calls, unless that service sent its own segment under it.
 */

interface SegmentDoc {
  id?: string;
  name?: string;
  start_time?: number;
  end_time?: number;
  parent_id?: string;
  fault?: boolean;
  error?: boolean;
  throttle?: boolean;
  namespace?: string;
  http?: { request?: { method?: string; url?: string }; response?: { status?: number } };
  aws?: { operation?: string };
  subsegments?: SegmentDoc[];
}

/** Spans kept per trace; a runaway trace cannot exhaust memory. */
export const MAX_SPANS_PER_TRACE = 2_000;

function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

function spanName(doc: SegmentDoc): string {
  if (doc.aws?.operation) return `${doc.name ?? 'aws'} ${doc.aws.operation}`;
  const method = doc.http?.request?.method;
  const path = pathOf(doc.http?.request?.url);
  return method && path ? `${method} ${path}` : (doc.name ?? 'segment');
}

const failed = (doc: SegmentDoc) => doc.fault === true || doc.throttle === true || (doc.http?.response?.status ?? 0) >= 500;

/** The trace's segments parsed into spans; documents that are not JSON are counted, not thrown. */
export function toRawTrace(trace: Trace, serviceOf: (xrayName: string) => string, link: string): { trace: RawTrace; unreadable: number } {
  const docs: SegmentDoc[] = [];
  let unreadable = 0;
  for (const segment of trace.Segments ?? []) {
    try {
      docs.push(JSON.parse(segment.Document ?? '') as SegmentDoc);
    } catch {
      unreadable++;
    }
  }
  const calledInto = new Set(docs.flatMap((d) => (d.parent_id ? [d.parent_id] : [])));
  const spans: RawSpan[] = [];
  const walk = (doc: SegmentDoc, service: string, parent: string | undefined) => {
    if (!doc.id || doc.start_time === undefined || spans.length >= MAX_SPANS_PER_TRACE) return;
    const outbound = (doc.namespace === 'remote' || doc.namespace === 'aws') && doc.name && !calledInto.has(doc.id);
    spans.push({
      spanId: doc.id,
      ...(parent ? { parentSpanId: parent } : {}),
      service,
      name: spanName(doc),
      atMs: Math.round(doc.start_time * 1000),
      durationMs: Math.max(0, Math.round(((doc.end_time ?? doc.start_time) - doc.start_time) * 1000 * 1000) / 1000),
      status: failed(doc) ? 'error' : 'ok',
      ...(outbound ? { peerService: serviceOf(doc.name!) } : {}),
    });
    for (const sub of doc.subsegments ?? []) walk(sub, service, doc.id);
  };
  for (const doc of docs) walk(doc, serviceOf(doc.name ?? 'unknown'), doc.parent_id);
  return { trace: { traceId: trace.Id ?? 'unknown', spans, link }, unreadable };
}
