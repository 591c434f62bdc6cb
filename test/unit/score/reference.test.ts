import { describe, expect, it } from 'vitest';
import type { IdentifiedEvidence, LogPattern, MetricSeries, ServiceTraceStats } from '../../../functions/contracts/index.js';
import { logSignals } from '../../../functions/score/core/logs.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { traceSignals } from '../../../functions/score/core/traces.js';

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const stepMs = 60_000;
const frame = { alertAtMs, stepMs };

function metric(values: number[], reference?: MetricSeries['reference'], labels: Record<string, string> = {}): IdentifiedEvidence {
  return { id: 'METRIC_1', class: 'metrics', service: 'api', name: 'http_server_latency_seconds', labels, startMs: alertAtMs - values.length * stepMs, stepMs, values, ...(reference ? { reference } : {}) } as IdentifiedEvidence;
}

/** An hour at 0.1 s, then 0.4 s for the last ten minutes. */
const rise = [...Array.from({ length: 50 }, (_, i) => 0.1 + (i % 3) * 0.002), ...Array.from({ length: 10 }, () => 0.4)];

describe('metric onsets against the reference', () => {
  it('keeps the window-only reading when there is no reference', () => {
    expect(metricSignals([metric(rise)], frame)).toHaveLength(1);
  });

  it('drops a shift to a level the healthy period also showed: the series is always like that', () => {
    expect(metricSignals([metric(rise, { median: 0.35, mad: 0.05, p05: 0.1, p95: 0.5, points: 60 })], frame)).toEqual([]);
  });

  it('keeps a shift beyond anything the reference saw, and counts the rise from the reference median', () => {
    const [s] = metricSignals([metric(rise, { median: 0.12, mad: 0.01, p05: 0.1, p95: 0.14, points: 60 })], frame);
    expect(s).toMatchObject({ family: 'latency', onsetMs: alertAtMs - 10 * stepMs });
    expect(s!.text).toContain('from 0.12 to 0.40');
  });

  it('ignores a reference of too few points to say what normal is', () => {
    expect(metricSignals([metric(rise, { median: 0.4, mad: 0, p05: 0.4, p95: 0.4, points: 2 })], frame)).toHaveLength(1);
  });

  it('reports how far calls on a mesh edge rose, per caller, so edges can be compared with the caller\'s other calls', () => {
    const [s] = metricSignals([metric(rise, undefined, { caller: 'web', callee: 'api' })], frame);
    expect(s).toMatchObject({ family: 'inbound_latency', waitsByCaller: { web: expect.closeTo(4, 0) } });
  });
});

function pattern(counts: number[], reference: LogPattern['reference'], template = 'Servlet threw exception'): IdentifiedEvidence {
  return { id: 'LOG_1', class: 'logs', service: 'food', level: 'error', template, count: counts.reduce((a, b) => a + b, 0), firstSeen: new Date(alertAtMs - 4 * 30_000).toISOString(), lastSeen: new Date(alertAtMs).toISOString(), startMs: alertAtMs - counts.length * 30_000, stepMs: 30_000, counts, exemplars: [], ...(reference ? { reference } : {}) } as IdentifiedEvidence;
}

describe('log templates against the reference', () => {
  /** A three-minute capture whose error is there from its first step: no rise inside the window. */
  const fromTheStart = [2, 3, 4, 3, 2, 3];

  it('reads an error template the healthy period never had as news from its first line', () => {
    const [s] = logSignals([pattern(fromTheStart, { count: 0, perMinute: 0 })], { alertAtMs, stepMs: 30_000 });
    expect(s).toMatchObject({ family: 'log_error', service: 'food', onsetMs: alertAtMs - 6 * 30_000 });
    expect(s!.text).toContain('never seen in the reference period');
  });

  it('without a reference, an error present from the capture\'s first step is not news', () => {
    expect(logSignals([pattern(fromTheStart, undefined)], { alertAtMs, stepMs: 30_000 })).toEqual([]);
  });

  it('treats a known error rising to about its reference rate as background, and one far above it as news', () => {
    const surge = [0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6, 5];
    expect(logSignals([pattern(surge, { count: 40, perMinute: 10 })], { alertAtMs, stepMs: 30_000 })).toEqual([]);
    expect(logSignals([pattern(surge, { count: 4, perMinute: 1 })], { alertAtMs, stepMs: 30_000 })).toMatchObject([{ family: 'log_error' }]);
  });
});

describe('trace latencies against the reference', () => {
  const startMs = alertAtMs - 6 * stepMs;
  const stats = (reference?: ServiceTraceStats['reference']): IdentifiedEvidence =>
    ({ id: 'TRACES_1', class: 'traces', kind: 'service_stats', service: 'seat', startMs, stepMs, spans: [9, 9, 9, 9, 9, 9], errors: [0, 0, 0, 0, 0, 0], errorOrigins: [0, 0, 0, 0, 0, 0], durationP90Ms: [20, 20, 21, 90, 95, 92], selfTimeP90Ms: [5, 5, 5, 5, 5, 5], inboundGapP90Ms: [2, 2, 2, 40, 42, 41], callees: {}, ...(reference ? { reference } : {}) }) as IdentifiedEvidence;

  it('finds the shifts in the window when there is no reference', () => {
    expect(traceSignals([stats()], frame).map((s) => s.family).sort()).toEqual(['inbound_latency', 'latency']);
  });

  it('drops a busy service\'s shifts to latencies its healthy period also had', () => {
    const busy = { spans: 300, errorRate: 0, duration: { p50Ms: 40, p95Ms: 120 }, selfTime: { p50Ms: 5, p95Ms: 8 }, inboundGap: { p50Ms: 10, p95Ms: 60 } };
    expect(traceSignals([stats(busy)], frame)).toEqual([]);
  });

  it('keeps a shift far beyond the reference P95', () => {
    const quiet = { spans: 300, errorRate: 0, duration: { p50Ms: 20, p95Ms: 25 }, selfTime: { p50Ms: 5, p95Ms: 8 }, inboundGap: { p50Ms: 2, p95Ms: 3 } };
    expect(traceSignals([stats(quiet)], frame).map((s) => s.family).sort()).toEqual(['inbound_latency', 'latency']);
  });

  it('does not read one slow step followed by a step inside the reference range as a shift', () => {
    const spike = { ...stats({ spans: 300, errorRate: 0, duration: { p50Ms: 2, p95Ms: 6 }, selfTime: { p50Ms: 1, p95Ms: 2 }, inboundGap: { p50Ms: 2.8, p95Ms: 6.2 } }), inboundGapP90Ms: [3.6, 5.5, 3.2, 2.9, 122, 5.7], durationP90Ms: [4, 7, 9, 4, 5, 3] } as IdentifiedEvidence;
    expect(traceSignals([spike], frame).filter((s) => s.family === 'inbound_latency')).toEqual([]);
    const noReference = { ...spike, reference: undefined } as IdentifiedEvidence;
    expect(traceSignals([noReference], frame).filter((s) => s.family === 'inbound_latency')).toHaveLength(1);
  });

  it('says no edge shifted, rather than nothing, when the edges were measured and stayed within their reference', () => {
    const measured = { ...stats({ spans: 300, errorRate: 0, duration: { p50Ms: 20, p95Ms: 25 }, selfTime: { p50Ms: 5, p95Ms: 8 }, inboundGap: { p50Ms: 2, p95Ms: 3 }, byCaller: { web: { spans: 100, errorRate: 0, duration: { p50Ms: 20, p95Ms: 25 }, inboundGap: { p50Ms: 30, p95Ms: 60 } } } }), inboundGapByCallerP90Ms: { web: [2, 2, 2, 40, 42, 41] } } as IdentifiedEvidence;
    const wait = traceSignals([measured], frame).find((s) => s.family === 'inbound_latency')!;
    expect(wait.waitsByCaller).toEqual({});
  });
});

describe('sparse metrics against the reference', () => {
  /** Three points at 5-minute steps (a window that began just before the fault): low, then the last two far up. */
  const sparse = (last: number) => ({ id: 'METRIC_9', class: 'metrics', service: 'orders-table', name: 'aws_dynamodb_system_errors_sum', labels: {}, startMs: alertAtMs - 15 * 60_000, stepMs: 300_000, values: [1, last, last] }) as IdentifiedEvidence;

  it('ranks a sparse series that left the reference\'s range, though it is too short for a baseline of its own', () => {
    expect(metricSignals([sparse(40)], frame)).toEqual([]);
    const reference = { median: 0.5, mad: 0.7, p05: 0, p95: 2, points: 288 };
    const [s] = metricSignals([{ ...sparse(40), reference } as IdentifiedEvidence], frame);
    expect(s).toMatchObject({ family: 'errors', service: 'orders-table', onsetMs: alertAtMs - 10 * 60_000 });
  });

  it('stays quiet when the sparse series is inside the reference\'s range', () => {
    const reference = { median: 20, mad: 10, p05: 5, p95: 50, points: 288 };
    expect(metricSignals([{ ...sparse(40), reference } as IdentifiedEvidence], frame)).toEqual([]);
  });
});
