import { describe, expect, it } from 'vitest';
import type { ServiceTraceStats } from '../../../functions/contracts/index.js';
import { latencyShift, traceSignals } from '../../../functions/score/core/traces.js';

describe('latency shifts in sampled per-step p90s', () => {
  it('believes an order-of-magnitude jump after a single baseline step, when it holds', () => {
    const shift = latencyShift([3, 2000, 2010, 1990]);
    expect(shift?.index).toBe(1);
    expect(shift!.ratio).toBeGreaterThan(100);
  });

  it('asks a short baseline for a larger jump than a long one', () => {
    expect(latencyShift([10, 20, 21, 20])).toBeUndefined();
    expect(latencyShift([10, 10, 11, 10, 20, 21, 20])?.index).toBe(4);
  });

  it('sizes a shift seen in two steps by the smaller of them: one slow step and a small rise are not a tenfold slowdown', () => {
    const blip = latencyShift([2, 2, 2, 2, 181, 5]);
    expect(blip!.ratio).toBeLessThan(3);
    expect(latencyShift([2, 2, 2, 2, 40, 44])!.ratio).toBeGreaterThan(15);
  });

  it('does not read one high last step as a shift', () => {
    expect(latencyShift([5, 5, 6, 5, 5, 250])).toBeUndefined();
  });

  it('says, per caller, how far the wait on its calls rose, unsaturated, for the edges that shifted', () => {
    const startMs = Date.parse('2026-06-01T08:50:00Z');
    const stats: ServiceTraceStats & { id: string } = {
      id: 'TRACES_food',
      class: 'traces',
      kind: 'service_stats',
      service: 'food',
      startMs,
      stepMs: 60_000,
      spans: [5, 5, 5, 5],
      errors: [0, 0, 0, 0],
      errorOrigins: [0, 0, 0, 0],
      durationP90Ms: [10, 10, 10, 10],
      selfTimeP90Ms: [10, 10, 10, 10],
      inboundGapP90Ms: [3, 3, 600, 600],
      inboundGapByCallerP90Ms: { gateway: [3, 3, 600, 600], cart: [3, 4, 3, 5] },
      callees: {},
    };
    const wait = traceSignals([stats], { alertAtMs: startMs + 4 * 60_000, stepMs: 60_000 }).find((s) => s.family === 'inbound_latency')!;
    expect(Object.keys(wait.waitsByCaller!)).toEqual(['gateway']);
    expect(wait.waitsByCaller!.gateway).toBeGreaterThan(100);
  });
});

describe('waits on calls into a service, by how many sampled spans show them', () => {
  const startMs = Date.parse('2026-06-01T08:50:00Z');
  const stats = (spans: number[]): ServiceTraceStats & { id: string } => ({
    id: 'TRACES_train',
    class: 'traces',
    kind: 'service_stats',
    service: 'train',
    startMs,
    stepMs: 60_000,
    spans,
    errors: [0, 0, 0, 0, 0, 0],
    errorOrigins: [0, 0, 0, 0, 0, 0],
    durationP90Ms: [10, 10, 10, 10, 10, 10],
    selfTimeP90Ms: [10, 10, 10, 10, 10, 10],
    inboundGapP90Ms: [3, 3, 3, 3, 300, 300],
    callees: {},
  });
  const waitOf = (spans: number[]) => traceSignals([stats(spans)], { alertAtMs: startMs + 6 * 60_000, stepMs: 60_000 }).find((s) => s.family === 'inbound_latency')!.strength;

  it('counts a wait seen in a handful of spans for less than the same wait seen in many', () => {
    expect(waitOf([40, 40, 40, 40, 2, 2])).toBeLessThan(0.3);
    expect(waitOf([40, 40, 40, 40, 40, 40])).toBeGreaterThan(0.9);
  });

  it('leaves the service’s own slower work as it is, however few spans show it', () => {
    const own = { ...stats([40, 40, 40, 40, 2, 2]), selfTimeP90Ms: [3, 3, 3, 3, 300, 300], inboundGapP90Ms: [3, 3, 3, 3, 3, 3] };
    expect(traceSignals([own], { alertAtMs: startMs + 6 * 60_000, stepMs: 60_000 }).find((s) => s.family === 'self_time')!.strength).toBeGreaterThan(0.9);
  });
});
