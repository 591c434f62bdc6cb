import { describe, expect, it } from 'vitest';
import type { ServiceTraceStats } from '../../../../functions/contracts/index.js';
import { gridForWindow } from '../../../../functions/providers/shared/grid.js';
import { TemplateMiner, logPatterns, type RawLogLine } from '../../../../functions/providers/shared/logs.js';
import { summarizeMetrics, type RawSeries } from '../../../../functions/providers/shared/metrics.js';
import { summarizeTraces, type RawTrace } from '../../../../functions/providers/shared/traces.js';

const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };
const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const grid = gridForWindow(window);
const dayBefore = alertAtMs - 24 * 3_600_000;

const minutes = (from: number, n: number, value: (i: number) => number) => Array.from({ length: n }, (_, i) => [from + i * 60_000, value(i)] as const);

describe('reference statistics in the metric summary', () => {
  const series = (labels: Record<string, string>, samples: RawSeries['samples']): RawSeries => ({ service: 'api', name: 'latency_seconds', labels, samples });

  it('gives each series the robust statistics of the same series (service, name, labels) over the reference', () => {
    const raws = [series({ route: '/a' }, minutes(alertAtMs - 60 * 60_000, 60, () => 0.2)), series({ route: '/b' }, minutes(alertAtMs - 60 * 60_000, 60, () => 0.2))];
    const reference = [series({ route: '/a' }, minutes(dayBefore, 40, (i) => 0.1 + (i % 5) * 0.01)), series({ route: '/c' }, minutes(dayBefore, 40, () => 9))];
    const [a, b] = summarizeMetrics(raws, grid, alertAtMs, reference).map((r) => r.item);
    expect(a!.reference).toMatchObject({ median: 0.12, points: 40, p05: 0.1, p95: 0.14 });
    expect(a!.reference!.mad).toBeGreaterThan(0);
    expect(b!.reference).toBeUndefined();
  });

  it('ranks a series by its deviation from the reference when it has one: always high is not anomalous', () => {
    const steadyHigh = series({ route: '/slow' }, minutes(alertAtMs - 60 * 60_000, 60, (i) => 5 + (i % 3) * 0.1));
    const risen = series({ route: '/fast' }, minutes(alertAtMs - 60 * 60_000, 60, (i) => 5 + (i % 3) * 0.1));
    const reference = [series({ route: '/slow' }, minutes(dayBefore, 40, (i) => 5 + (i % 3) * 0.1)), series({ route: '/fast' }, minutes(dayBefore, 40, (i) => 0.5 + (i % 3) * 0.01))];
    const [slow, fast] = summarizeMetrics([steadyHigh, risen], grid, alertAtMs, reference);
    expect(fast!.priority).toBeGreaterThan(slow!.priority + 2);
  });

  it('ranks a series whose latest step left the reference above one with a single spike earlier: nothing after the latest step can show it a spike', () => {
    const reference = [series({ route: '/late' }, minutes(dayBefore, 40, (i) => 1 + (i % 3) * 0.1)), series({ route: '/spike' }, minutes(dayBefore, 40, (i) => 1 + (i % 3) * 0.1))];
    const late = series({ route: '/late' }, minutes(alertAtMs - 60 * 60_000, 60, (i) => (i === 59 ? 80 : 1 + (i % 3) * 0.1)));
    const spike = series({ route: '/spike' }, minutes(alertAtMs - 60 * 60_000, 60, (i) => (i === 52 ? 80 : 1 + (i % 3) * 0.1)));
    const [lateRanked, spikeRanked] = summarizeMetrics([late, spike], grid, alertAtMs, reference);
    expect(lateRanked!.priority).toBeGreaterThan(spikeRanked!.priority + 2);
  });
});

describe('reference counts on log patterns', () => {
  const line = (atMs: number, level: RawLogLine['level'], message: string, service = 'api'): RawLogLine => ({ atMs, service, level, message });

  it('marks a template the reference never had as new, and counts the ones it had', () => {
    const miner = new TemplateMiner(grid);
    for (let i = 0; i < 10; i++) miner.add(line(alertAtMs - 5 * 60_000 + i * 1000, 'error', `payment ${1000 + i} declined by issuer`));
    miner.add(line(alertAtMs - 60_000, 'error', 'NullPointerException in OrderMapper.map'));
    const reference = [...Array.from({ length: 30 }, (_, i) => line(dayBefore + i * 60_000, 'error', `payment ${2000 + i} declined by issuer`)), line(dayBefore, 'info', 'started')];
    const items = logPatterns(miner, alertAtMs, undefined, reference).map((r) => r.item);
    expect(items.find((p) => p.template.startsWith('payment'))!.reference).toEqual({ count: 30, perMinute: 1.03 });
    expect(items.find((p) => p.template.startsWith('NullPointer'))!.reference).toEqual({ count: 0, perMinute: 0 });
  });

  it('says nothing about a service the reference holds no line of, and ranks a new error above a known one', () => {
    const miner = new TemplateMiner(grid);
    miner.add(line(alertAtMs - 60_000, 'error', 'queue full', 'worker'));
    miner.add(line(alertAtMs - 60_000, 'error', 'disk quota exceeded'));
    miner.add(line(alertAtMs - 60_000, 'error', 'timeout talking to cache'));
    const ranked = logPatterns(miner, alertAtMs, undefined, [line(dayBefore, 'error', 'timeout talking to cache')]);
    const byTemplate = Object.fromEntries(ranked.map((r) => [r.item.template, r]));
    expect(byTemplate['queue full']!.item.reference).toBeUndefined();
    expect(byTemplate['disk quota exceeded']!.priority).toBeGreaterThan(byTemplate['timeout talking to cache']!.priority);
  });
});

describe('reference latencies in the trace summary', () => {
  const call = (id: string, atMs: number, clientMs: number, serverMs: number): RawTrace => ({
    traceId: id,
    spans: [
      { spanId: `${id}a`, service: 'web', name: 'GET /', atMs, durationMs: clientMs + 5, status: 'ok' },
      { spanId: `${id}b`, parentSpanId: `${id}a`, service: 'web', name: 'call api', kind: 'client', atMs: atMs + 1, durationMs: clientMs, status: 'ok' },
      { spanId: `${id}c`, parentSpanId: `${id}b`, service: 'api', name: 'POST /orders', atMs: atMs + 2, durationMs: serverMs, status: id.endsWith('x') ? 'error' : 'ok' },
    ],
  });

  it('carries P50/P95 of duration, self time and inbound wait per service and per calling edge, and the error rate', () => {
    const reference = Array.from({ length: 20 }, (_, i) => call(`r${i}${i % 10 === 0 ? 'x' : ''}`, dayBefore + i * 1000, 30 + i, 20));
    const items = summarizeTraces([call('t1', alertAtMs - 60_000, 500, 20)], grid, undefined, reference).map((r) => r.item);
    const api = items.find((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.service === 'api')!;
    expect(api.reference).toMatchObject({ spans: 20, errorRate: 0.1, duration: { p50Ms: 20, p95Ms: 20 }, selfTime: { p50Ms: 20 } });
    expect(api.reference!.inboundGap!.p50Ms).toBeCloseTo(19.5, 1);
    expect(api.reference!.byCaller!.web).toMatchObject({ spans: 20, errorRate: 0.1 });
    expect(api.reference!.byCaller!.web!.inboundGap!.p95Ms).toBeGreaterThan(25);
  });

  it('stays inside the byte budget with the reference added, a large capture included', () => {
    const many = Array.from({ length: 2000 }, (_, i) => call(`t${i}`, alertAtMs - 30 * 60_000 + i * 900, 30 + (i % 50), 20));
    const reference = Array.from({ length: 2000 }, (_, i) => call(`r${i}`, dayBefore + i * 900, 30 + (i % 50), 20));
    const bytes = Buffer.byteLength(JSON.stringify(summarizeTraces(many, grid, undefined, reference).filter((r) => r.item.kind === 'service_stats').map((r) => r.item)));
    expect(bytes).toBeLessThan(48 * 1024);
  });
});
