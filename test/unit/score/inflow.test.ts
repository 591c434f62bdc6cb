import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { demandMeasured, inflowSignals } from '../../../functions/score/core/inflow.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `M_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
const series = (service: string, name: string): Evidence => ({ class: 'metrics', id: `M_${service}_${name}`, service, name, labels: {}, startMs: at - 3_600_000, stepMs: 60_000, values: [1, 2, 3] }) as MetricSeries & { id: string };

/** A load balancer whose request count rose twelvefold, in front of `api`, whose CPU then pinned. */
const lbSurge = sig('lb', 'traffic_up', 1, 6);
const apiCpu = sig('api', 'cpu', 0.9, 8, { peakShare: 1, stepMs: 5 * 60_000 });

describe('demand seen at the one caller that forwards everything', () => {
  const graph = mergeGraph({ lb: ['api'], api: ['db'] });

  it('passes a load balancer\'s rise in requests to its only target when the target counts no requests of its own', () => {
    const inflow = inflowSignals([lbSurge, apiCpu], graph, demandMeasured([series('api', 'CPUUtilization'), series('lb', 'RequestCount')]));
    expect(inflow).toHaveLength(1);
    expect(inflow[0]).toMatchObject({ service: 'api', family: 'traffic_up', evidenceId: lbSurge.evidenceId, local: true });
    const kinds = kindSupport(profileServices([lbSurge, apiCpu, ...inflow], graph, frame).get('api')!);
    expect(kinds.get('traffic_surge')!.support).toBeGreaterThan(kinds.get('resource_exhaustion')!.support);
  });

  it('passes nothing to a target that did not strain: more calls it coped with are not its trouble', () => {
    expect(inflowSignals([lbSurge], graph, new Set())).toEqual([]);
  });

  it('passes nothing to a target that counts its own requests: it says itself whether more arrived', () => {
    expect(inflowSignals([lbSurge, apiCpu], graph, demandMeasured([series('api', 'http_requests_per_second')]))).toEqual([]);
  });

  it('passes nothing from a caller with several callees: its extra calls may have gone to any of them', () => {
    expect(inflowSignals([lbSurge, apiCpu], mergeGraph({ lb: ['api', 'static'] }), new Set())).toEqual([]);
  });

  it('passes nothing from a caller that strained under the extra demand itself: it met its limit first', () => {
    expect(inflowSignals([lbSurge, sig('lb', 'self_time', 0.9, 5), apiCpu], graph, new Set())).toEqual([]);
  });

  it('without the caller\'s demand, the pinned CPU reads as exhaustion', () => {
    const kinds = kindSupport(profileServices([lbSurge, apiCpu], graph, frame).get('api')!);
    expect(kinds.get('resource_exhaustion')!.support).toBeGreaterThan(kinds.get('traffic_surge')?.support ?? 0);
  });
});

describe('demand against a coarse saturation series', () => {
  const graph = mergeGraph({ api: [] });

  it('counts demand that rose within the step of a 5-minute CPU average as no later than the CPU', () => {
    const kinds = kindSupport(profileServices([sig('api', 'traffic_up', 1, 5), apiCpu], graph, frame).get('api')!);
    expect(kinds.get('traffic_surge')!.support).toBeGreaterThan(kinds.get('resource_exhaustion')!.support);
  });

  it('still reads demand that came a step after a fine CPU series as later', () => {
    const kinds = kindSupport(profileServices([sig('api', 'traffic_up', 1, 5), { ...apiCpu, stepMs: 60_000 }], graph, frame).get('api')!);
    expect(kinds.get('resource_exhaustion')!.support).toBeGreaterThan(kinds.get('traffic_surge')!.support);
  });
});
