import { describe, expect, it } from 'vitest';
import type { IdentifiedEvidence, ServiceTraceStats } from '../../../functions/contracts/index.js';
import { edgeGaps, levelBeyondReference, readWait, weighGaps } from '../../../functions/score/core/gaps.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { traceSignals } from '../../../functions/score/core/traces.js';
import type { Signal } from '../../../functions/score/core/types.js';

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const reference = { p50Ms: 4, p95Ms: 6 };

describe('a wait beyond the reference with no rise inside the window', () => {
  it('reads a capture that starts with the delay already on against the reference', () => {
    const level = levelBeyondReference([2000, 1900, null, 2100], 0, reference);
    expect(level).toMatchObject({ index: 0 });
    expect(level!.ratio).toBeGreaterThan(400);
  });

  it('needs a reference: without one, a level the window never left is no news', () => {
    expect(levelBeyondReference([2000, 1900, 2100], 0, undefined)).toBeUndefined();
  });

  it('does not take one slow step, or a level that fell back within the reference by the alert, as a state', () => {
    expect(levelBeyondReference([4, 2000, null, null], 0, reference)).toBeUndefined();
    expect(levelBeyondReference([2000, 1900, 3], 0, reference)).toBeUndefined();
  });

  it('reads a level high from the first sampled step of a window long enough to show a "before" as how the service stands, not news', () => {
    const allHour = Array.from({ length: 60 }, () => 2000);
    expect(levelBeyondReference(allHour, 0, reference, 10)).toBeUndefined();
    expect(levelBeyondReference(allHour.slice(0, 6), 0, reference, 10)).toMatchObject({ index: 0 });
  });

  it('gives a service whose callers waited far beyond its reference from the capture\'s first step an inbound wait', () => {
    const stepMs = 30_000;
    const stats = { id: 'TRACES_food', class: 'traces', kind: 'service_stats', service: 'food', startMs: alertAtMs - 5 * stepMs, stepMs, spans: [5, 5, 5, 5, 5], errors: [0, 0, 0, 0, 0], errorOrigins: [0, 0, 0, 0, 0], durationP90Ms: [40, 45, 41, 44, 42], selfTimeP90Ms: [5, 6, 5, 5, 6], inboundGapP90Ms: [1009, 2007, 1999, 2004, 2001], callees: {}, reference: { spans: 40, errorRate: 0, duration: { p50Ms: 30, p95Ms: 60 }, selfTime: { p50Ms: 4, p95Ms: 8 }, inboundGap: reference } } as IdentifiedEvidence;
    const wait = traceSignals([stats], { alertAtMs, stepMs }).find((s) => s.family === 'inbound_latency');
    expect(wait).toMatchObject({ service: 'food', strength: 1, onsetMs: alertAtMs - 5 * stepMs, outsideSpans: true });
    expect(wait!.addedMs).toBeCloseTo(1997, 0);
    expect(traceSignals([{ ...stats, reference: undefined } as IdentifiedEvidence], { alertAtMs, stepMs }).filter((s) => s.family === 'inbound_latency')).toEqual([]);
  });
});

describe('a wait on a service the reference never saw called, against its callers\' other links', () => {
  const stepMs = 30_000;
  const grid = { startMs: alertAtMs - 5 * stepMs, stepMs, errors: [0, 0, 0, 0, 0], errorOrigins: [0, 0, 0, 0, 0] };
  const gateway = { id: 'TRACES_gateway', class: 'traces', kind: 'service_stats', service: 'gateway', ...grid, spans: [20, 20, 20, 20, 20], durationP90Ms: [30, 30, 30, 30, 30], selfTimeP90Ms: [2, 2, 2, 2, 2], callees: { cart: 40, booking: 1 } } as IdentifiedEvidence;
  const cart = { id: 'TRACES_cart', class: 'traces', kind: 'service_stats', service: 'cart', ...grid, spans: [8, 8, 8, 8, 8], durationP90Ms: [20, 21, 20, 22, 20], selfTimeP90Ms: [5, 5, 5, 5, 5], inboundGapP90Ms: [3, 4, 3, 5, 4], inboundGapP50Ms: [2, 2, 2, 3, 2], callees: {}, reference: { spans: 30, errorRate: 0, duration: { p50Ms: 18, p95Ms: 30 }, selfTime: { p50Ms: 4, p95Ms: 6 }, inboundGap: { p50Ms: 2, p95Ms: 6 }, byCaller: { gateway: { spans: 30, errorRate: 0, duration: { p50Ms: 18, p95Ms: 30 }, inboundGap: { p50Ms: 2, p95Ms: 6 } } } } } as IdentifiedEvidence;
  // One sampled call into booking since the window opened, none in the reference.
  const booking = (gapMs: number) => ({ id: 'TRACES_booking', class: 'traces', kind: 'service_stats', service: 'booking', ...grid, spans: [0, 0, 9, 0, 0], durationP90Ms: [null, null, 4000, null, null], selfTimeP90Ms: [null, null, 9, null, null], inboundGapP90Ms: [null, null, gapMs, null, null], inboundGapP50Ms: [null, null, gapMs, null, null], callees: {} }) as IdentifiedEvidence;
  const waitsOn = (items: IdentifiedEvidence[]) => traceSignals(items, { alertAtMs, stepMs }).filter((s) => s.family === 'inbound_latency' && s.service === 'booking');

  it('reads one call that waited two orders of magnitude beyond every other link of its caller as a wait on that service\'s link', () => {
    const [found] = waitsOn([gateway, cart, booking(4300)]);
    expect(found).toMatchObject({ service: 'booking', local: true, outsideSpans: true, onsetMs: alertAtMs - 3 * stepMs });
    expect(found!.strength).toBeCloseTo(9 / 20, 5);
    expect(found!.addedMs).toBeGreaterThan(4000);
    expect(found!.text).toContain('than on their other callees over the healthy reference');
  });

  it('leaves a wait within two orders of magnitude of the other links (what a retransmit, or a service whose links always cost more, looks like), or one with no referenced link to compare with, unread', () => {
    expect(waitsOn([gateway, cart, booking(300)])).toEqual([]);
    expect(waitsOn([gateway, { ...cart, reference: undefined } as IdentifiedEvidence, booking(4300)])).toEqual([]);
  });
});

const wait = (service: string, addedMs: number | undefined, strength = 1): Signal => ({ service, family: 'inbound_latency', strength, onsetMs: alertAtMs - 120_000, evidenceId: `TRACES_${service}`, local: true, outsideSpans: true, text: `callers waited longer on ${service}`, ...(addedMs === undefined ? {} : { addedMs }) });

describe('waits compared by the time they added to a call', () => {
  it('keeps the link that added the most and weakens a wait that added a small share of it', () => {
    const [slow, busy, other] = weighGaps([wait('travel', 2000), wait('seat', 100), { ...wait('db', undefined), family: 'cpu' }]);
    expect(slow!.strength).toBe(1);
    expect(busy!.strength).toBeCloseTo(0.1, 5);
    expect(busy!.text).toContain('100 ms added per call');
    expect(other!.strength).toBe(1);
  });

  it('leaves comparable waits, and waits without a measured added time, as they are', () => {
    expect(weighGaps([wait('a', 200), wait('b', 150), wait('c', undefined)]).map((s) => s.strength)).toEqual([1, 1, 1]);
  });
});

describe('the caller-side gap on a mesh edge measured on both sides', () => {
  const stepMs = 60_000;
  const edge = (id: string, reporter: string, values: number[]): IdentifiedEvidence => ({ id, class: 'metrics', service: 'shipping', name: 'edge_latency_p50_seconds', unit: 'seconds', labels: { caller: 'checkout', callee: 'shipping', reporter }, startMs: alertAtMs - values.length * stepMs, stepMs, values }) as IdentifiedEvidence;
  const flat = (v: number, n = 50) => Array.from({ length: n }, (_, i) => v * (1 + (i % 3) * 0.01));
  const read = (items: IdentifiedEvidence[]) => edgeGaps(metricSignals(items, { alertAtMs, stepMs }), items);

  it('reads a rise the callee\'s own side shows as much (CPU or code at the callee) as a symptom of the callee, not a wait on the link', () => {
    const items = [edge('METRIC_src', 'source', [...flat(0.004), ...flat(0.6, 8)]), edge('METRIC_dst', 'destination', [...flat(0.003), ...flat(0.58, 8)])];
    const out = read(items);
    expect(out.map((s) => [s.evidenceId, s.family, s.local])).toEqual([
      ['METRIC_src', 'latency', false],
      ['METRIC_dst', 'latency', false],
    ]);
    expect(out.every((s) => s.waitsByCaller === undefined)).toBe(true);
  });

  it('keeps a rise beyond the callee\'s own side as a wait on the link, with the milliseconds it added', () => {
    const items = [edge('METRIC_src', 'source', [...flat(0.004), ...flat(0.4, 8)]), edge('METRIC_dst', 'destination', [...flat(0.003, 58)])];
    const [src] = read(items);
    expect(src).toMatchObject({ evidenceId: 'METRIC_src', family: 'inbound_latency', local: true, waitsByCaller: { checkout: expect.any(Number) } });
    expect(src!.addedMs).toBeGreaterThan(350);
    expect(src!.addedMs).toBeLessThan(420);
  });

  it('leaves an edge measured on the caller\'s side alone as a wait, with its added time', () => {
    const [src] = read([edge('METRIC_src', 'source', [...flat(0.004), ...flat(0.4, 8)])]);
    expect(src).toMatchObject({ family: 'inbound_latency', local: true });
    expect(src!.addedMs).toBeGreaterThan(350);
  });
});

describe('a wait read from its median call as well as its slowest', () => {
  it('takes the time a typical call lost as the added time, and the full strength, when the median call waited longer too', () => {
    expect(readWait({ ratio: 50, level: 250 }, { ratio: 40, level: 200 })).toEqual({ strength: 1, addedMs: 195, tailOnly: false });
  });

  it('halves a rise of the slowest calls alone: a retransmit hitting a few calls is a weaker sign of the link than every call waiting', () => {
    expect(readWait({ ratio: 50, level: 250 }, null)).toMatchObject({ strength: 0.5, tailOnly: true });
  });

  it('reads the p90 alone as before when the median was not measured', () => {
    expect(readWait({ ratio: 50, level: 250 }, undefined)).toEqual({ strength: 1, addedMs: 245, tailOnly: false });
  });

  it('weakens a service whose callers\' slowest calls waited longer while their median call did not', () => {
    const stepMs = 30_000;
    const stats = (median: number[]) => ({ id: 'TRACES_seat', class: 'traces', kind: 'service_stats', service: 'seat', startMs: alertAtMs - 7 * stepMs, stepMs, spans: [20, 20, 20, 20, 20, 20, 20], errors: [0, 0, 0, 0, 0, 0, 0], errorOrigins: [0, 0, 0, 0, 0, 0, 0], durationP90Ms: [30, 31, 30, 32, 30, 31, 30], selfTimeP90Ms: [5, 5, 5, 5, 5, 5, 5], inboundGapP90Ms: [3, 4, 3, 4, 3, 225, 224], inboundGapP50Ms: median, callees: {} }) as IdentifiedEvidence;
    const waitOf = (median: number[]) => traceSignals([stats(median)], { alertAtMs, stepMs }).find((s) => s.family === 'inbound_latency')!;
    expect(waitOf([2, 3, 2, 3, 2, 3, 2]).strength).toBeCloseTo(0.5, 5);
    expect(waitOf([2, 3, 2, 3, 2, 3, 2]).text).toContain('only the slowest calls');
    expect(waitOf([2, 3, 2, 3, 2, 220, 221]).strength).toBe(1);
  });
});
