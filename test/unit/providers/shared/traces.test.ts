import { describe, expect, it } from 'vitest';
import type { ServiceTraceStats, TraceExemplar } from '../../../../functions/contracts/index.js';
import { gridForWindow } from '../../../../functions/providers/shared/grid.js';
import { summarizeTraces, type RawTrace } from '../../../../functions/providers/shared/traces.js';

const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };
const t0 = Date.parse('2026-06-01T08:58:00Z');

function trace(id: string, dbStatus: 'ok' | 'error', peerStatus: 'ok' | 'error' = 'ok'): RawTrace {
  return {
    traceId: id,
    spans: [
      { spanId: `${id}a`, service: 'web', name: 'GET /', atMs: t0, durationMs: 100, status: dbStatus === 'error' || peerStatus === 'error' ? 'error' : 'ok' },
      { spanId: `${id}b`, parentSpanId: `${id}a`, service: 'web', name: 'call api', kind: 'client', atMs: t0 + 1, durationMs: 90, status: dbStatus === 'error' || peerStatus === 'error' ? 'error' : 'ok' },
      { spanId: `${id}c`, parentSpanId: `${id}b`, service: 'api', name: 'POST /orders', atMs: t0 + 5, durationMs: 60, status: dbStatus === 'error' || peerStatus === 'error' ? 'error' : 'ok' },
      { spanId: `${id}d`, parentSpanId: `${id}c`, service: 'db', name: 'INSERT', atMs: t0 + 6, durationMs: 20, status: dbStatus },
      { spanId: `${id}e`, parentSpanId: `${id}c`, service: 'api', name: 'POST charge', atMs: t0 + 30, durationMs: 25, status: peerStatus, peerService: 'stripe' },
    ],
  };
}

describe('trace reduction', () => {
  const grid = gridForWindow(window);

  it('puts error origins on the deepest failing span whose children are healthy', () => {
    const items = summarizeTraces([trace('1', 'error'), trace('2', 'ok')], grid).map((r) => r.item);
    const stats = Object.fromEntries(items.filter((i): i is ServiceTraceStats => i.kind === 'service_stats').map((s) => [s.service, s]));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(stats.db!.errorOrigins)).toBe(1);
    expect(sum(stats.api!.errorOrigins)).toBe(0);
    expect(sum(stats.web!.errors)).toBe(2);
    expect(stats.web!.callees).toEqual({ api: 2 });
  });

  it('measures the gap callers wait beyond the callee span, and self time without children', () => {
    const items = summarizeTraces([trace('1', 'ok')], grid).map((r) => r.item);
    const api = items.find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'api')!;
    expect(api.inboundGapP90Ms!.filter((v) => v !== null)).toEqual([30]);
    expect(api.selfTimeP90Ms.filter((v) => v !== null)[0]).toBeCloseTo(15, 5);
  });

  it('counts no gap under a server span that calls out directly: its extra time is its own work', () => {
    const direct: RawTrace = {
      traceId: 'x',
      spans: [
        { spanId: 'a', service: 'recs', name: 'GET /v1/recs', atMs: t0, durationMs: 100, status: 'ok' },
        { spanId: 'b', parentSpanId: 'a', service: 'catalog', name: 'catalog.v1.Catalog/BatchGet', atMs: t0 + 80, durationMs: 10, status: 'ok' },
      ],
    };
    const grpc: RawTrace = {
      traceId: 'y',
      spans: [
        { spanId: 'a', service: 'web', name: 'hipstershop.CartService/GetCart', atMs: t0, durationMs: 50, status: 'ok' },
        { spanId: 'b', parentSpanId: 'a', service: 'cart', name: 'grpc.hipstershop.CartService/GetCart', atMs: t0 + 10, durationMs: 10, status: 'ok' },
      ],
    };
    const stats = summarizeTraces([direct, grpc], grid).map((r) => r.item).filter((i): i is ServiceTraceStats => i.kind === 'service_stats');
    expect(stats.find((s) => s.service === 'catalog')!.inboundGapP90Ms).toBeUndefined();
    expect(stats.find((s) => s.service === 'cart')!.inboundGapP90Ms!.filter((v) => v !== null)).toEqual([40]);
  });

  it('pairs a gRPC client span with its server span when one side names the method with the leading slash of its full name', () => {
    const slash: RawTrace = {
      traceId: 'z',
      spans: [
        { spanId: 'a', service: 'web', name: 'hipstershop.RecommendationService/ListRecommendations', atMs: t0, durationMs: 48, status: 'ok' },
        { spanId: 'b', parentSpanId: 'a', service: 'recs', name: '/hipstershop.RecommendationService/ListRecommendations', atMs: t0 + 20, durationMs: 8, status: 'ok' },
      ],
    };
    const recs = summarizeTraces([slash], grid).map((r) => r.item).find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'recs')!;
    expect(recs.inboundGapP90Ms!.filter((v) => v !== null)).toEqual([40]);
  });

  it('reports the median wait per step next to its p90, so a few slow calls can be told from every call waiting', () => {
    const calls: RawTrace[] = [3, 4, 5, 6, 230].map((gap, i) => ({
      traceId: `g${i}`,
      spans: [
        { spanId: 'a', service: 'web', name: 'call seat', kind: 'client', atMs: t0 + i, durationMs: 10 + gap, status: 'ok' },
        { spanId: 'b', parentSpanId: 'a', service: 'seat', name: 'GET /seats', atMs: t0 + i, durationMs: 10, status: 'ok' },
      ],
    }));
    const seat = summarizeTraces(calls, grid).map((r) => r.item).find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'seat')!;
    expect(seat.inboundGapP50Ms!.filter((v) => v !== null)).toEqual([5]);
    expect(seat.inboundGapP90Ms!.filter((v) => v !== null)[0]).toBeGreaterThan(100);
  });

  it('splits the wait by caller, keeping only the few edges that swung enough to have shifted', () => {
    const call = (caller: string, minute: number, gapMs: number): RawTrace => ({
      traceId: `${caller}-${minute}`,
      spans: [
        { spanId: 'c', service: caller, name: 'HTTP GET', kind: 'client', atMs: t0 - (10 - minute) * 60_000, durationMs: 10 + gapMs, status: 'ok' },
        { spanId: 's', parentSpanId: 'c', service: 'food', name: 'GET /food', atMs: t0 - (10 - minute) * 60_000, durationMs: 10, status: 'ok' },
      ],
    });
    const gaps: Record<string, number[]> = { steady: [3, 3, 3, 3], sparse: [3, 900], a: [3, 3, 600, 600], b: [3, 3, 300, 300], c: [3, 3, 90, 90], d: [3, 3, 30, 30], e: [3, 3, 9, 9] };
    const traces = Object.entries(gaps).flatMap(([caller, xs]) => xs.map((g, minute) => call(caller, minute, g)));
    const food = summarizeTraces(traces, grid).map((r) => r.item).find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'food')!;
    const byCaller = food.inboundGapByCallerP90Ms!;
    expect(Object.keys(byCaller)).toEqual(['a', 'b', 'c', 'd']);
    expect(byCaller.a!.filter((v) => v !== null)).toEqual([3, 3, 600, 600]);
  });

  it('counts a failing call into an uninstrumented peer as that peer’s failure', () => {
    const items = summarizeTraces([trace('1', 'ok', 'error')], grid).map((r) => r.item);
    const stripe = items.find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'stripe')!;
    expect(stripe.seenOnlyByCallers).toBe(true);
    expect(stripe.errorOrigins.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('keeps error traces as exemplars before the slowest healthy ones', () => {
    const traces = [...Array.from({ length: 20 }, (_, i) => trace(`ok${i}`, 'ok')), trace('bad', 'error')];
    const exemplars = summarizeTraces(traces, grid).map((r) => r.item).filter((i): i is TraceExemplar => i.kind === 'exemplar');
    expect(exemplars[0]!.traceId).toBe('bad');
    expect(exemplars.length).toBeLessThanOrEqual(8);
  });
});
