import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T21:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ web: ['filing'] });

/** Requests flat at 300/s for 50 minutes, then climbing 60/s each minute for 25 minutes to 1800/s, and holding there. */
const ramp = (): Evidence =>
  ({
    class: 'metrics',
    id: 'METRIC_1',
    service: 'filing',
    name: 'http_requests_per_second',
    unit: 'req/s',
    labels: {},
    startMs: at - 90 * min,
    stepMs: min,
    values: [...new Array<number>(50).fill(300), ...Array.from({ length: 25 }, (_, i) => 360 + 60 * i), ...new Array<number>(15).fill(1800)],
    link: { kind: 'none' },
  }) as unknown as Evidence;

const sig = (family: Signal['family'], strength: number, minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'filing', family, strength, onsetMs: at - minutesBefore * min, evidenceId: `E_${family}`, local: family !== 'errors', text: `filing ${family}`, ...extra });

describe('demand still climbing when the service ran short', () => {
  it('dates when demand reached most of its rise, not only when it began', () => {
    const up = metricSignals([ramp()], frame).find((s) => s.family === 'traffic_up')!;
    expect(up.onsetMs).toBeLessThanOrEqual(at - 30 * min);
    // 80% of the way from 300 to 1800 is 1500/s, first reached 19 minutes into the climb.
    expect(up.risenByMs).toBe(at - 21 * min);
  });

  it('is the surge that broke it, though the climb began long before the shortage', () => {
    const profiles = profileServices([sig('traffic_up', 1, 40, { risenByMs: at - 22 * min }), sig('cpu', 0.9, 25), sig('errors', 1, 24)], graph, frame);
    const support = kindSupport(profiles.get('filing')!);
    expect(support.get('traffic_surge')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
  });

  it('is not the cause when demand had reached its level long before the shortage', () => {
    const profiles = profileServices([sig('traffic_up', 1, 40, { risenByMs: at - 38 * min }), sig('cpu', 0.9, 25), sig('errors', 1, 24)], graph, frame);
    const support = kindSupport(profiles.get('filing')!);
    expect(support.get('resource_exhaustion')!.support).toBeGreaterThan(support.get('traffic_surge')!.support);
  });
});
