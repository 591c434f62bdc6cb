import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { standingDemand, standingGrowth } from '../../../functions/score/core/reference-onset.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2027-04-16T02:40:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 5 * min };

/** An hour of five-minute request counts, with last week's healthy median of 48 290 as its reference. */
const requests = (values: number[]) => ({ class: 'metrics', id: 'M_req', service: 'validator', name: 'RequestCount', labels: {}, startMs: at - 68 * min, stepMs: 5 * min, values, reference: { median: 48_290, mad: 2_500, p05: 44_000, p95: 53_000, points: 49 } }) as unknown as MetricSeries & { id: string };
const ramp = [152_540, 144_138, 150_542, 187_206, 192_442, 194_642, 208_810, 217_624, 218_539, 244_571, 226_480, 252_824, 276_270, 273_704, 272_548];

describe('demand already far above its reference when the window opens', () => {
  it('is a rise in demand dated from the window’s first sample, still climbing', () => {
    expect(standingDemand(requests(ramp))).toMatchObject({ atMs: at - 68 * min, climbing: true });
    const [s] = metricSignals([requests(ramp) as unknown as Evidence], frame).filter((x) => x.family === 'traffic_up');
    expect(s).toMatchObject({ onsetMs: at - 68 * min, climbedBefore: true, local: true });
  });

  it('is nothing when demand sits within its reference, or rose above it only at times', () => {
    expect(standingDemand(requests(ramp.map(() => 50_000)))).toBeUndefined();
    expect(standingDemand(requests(ramp.map((v, i) => (i % 4 === 0 ? 49_000 : v))))).toBeUndefined();
  });
});

describe('demand that kept rising until the service ran short', () => {
  const sig = (family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'validator', family, strength: 0.95, onsetMs: at - minutesBefore * min, evidenceId: `E_${family}`, local: true, text: `validator ${family}`, ...extra });
  const graph = mergeGraph({ web: ['validator'] });
  const support = (demand: Signal) => kindSupport(profileServices([demand, sig('cpu', 28, { peakShare: 1 }), sig('errors', 13, { local: false })], graph, frame).get('validator')!);

  it('ran it short, however long before the capture it began', () => {
    const climbing = support(sig('traffic_up', 68, { climbedBefore: true }));
    expect(climbing.get('traffic_surge')!.support).toBeGreaterThan(climbing.get('resource_exhaustion')!.support);
  });

  it('did not, when it had stopped rising and the service coped with it for long', () => {
    const steady = support(sig('traffic_up', 68, { climbedBefore: false }));
    expect(steady.get('resource_exhaustion')!.support).toBeGreaterThan(steady.get('traffic_surge')!.support);
  });
});

describe('what a service holds, far above its reference all window', () => {
  const heap = (values: number[]) => ({ class: 'metrics', id: 'M_rss', service: 'validator', name: 'process_resident_memory_bytes', labels: {}, startMs: at - 68 * min, stepMs: 5 * min, values, reference: { median: 1.2e9, mad: 1.5e7, p05: 1.18e9, p95: 1.22e9, points: 49 } }) as unknown as MetricSeries & { id: string };
  const leaking = Array.from({ length: 14 }, (_, i) => (6.5e9 + i * 1e8) * (i % 2 === 0 ? 1.02 : 0.98));

  it('is a leak in progress while it still climbs: memory risen since the window’s first sample', () => {
    expect(standingGrowth(heap(leaking))).toMatchObject({ atMs: at - 68 * min, climbing: true });
    const [s] = metricSignals([heap(leaking) as unknown as Evidence], frame).filter((x) => x.family === 'memory');
    expect(s).toMatchObject({ onsetMs: at - 68 * min, local: true });
  });

  it('is demand, not a leak, for a use series that climbs with what fills it', () => {
    const consumed = { ...heap(leaking), id: 'M_wcu', name: 'ConsumedWriteCapacityUnits' } as unknown as Evidence;
    expect(metricSignals([consumed], frame).filter((x) => x.family === 'saturation')).toEqual([]);
  });

  it('is how the service runs now when it stands high but flat', () => {
    expect(standingGrowth(heap(leaking.map(() => 6.5e9)))).toBeUndefined();
    expect(metricSignals([heap(leaking.map(() => 6.5e9)) as unknown as Evidence], frame).filter((x) => x.family === 'memory')).toEqual([]);
  });
});
