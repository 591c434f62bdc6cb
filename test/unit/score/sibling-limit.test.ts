import { describe, expect, it } from 'vitest';
import { metricSignals, siblingLimits } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 6 * 60_000 };
const steps = 40;
const series = (id: string, service: string, name: string, value: (i: number) => number): Evidence =>
  ({ id, class: 'metrics', service, name, unit: 'bytes', labels: {}, startMs: at - (steps - 1) * frame.stepMs, stepMs: frame.stepMs, values: Array.from({ length: steps }, (_, i) => value(i)) }) as unknown as Evidence;

/** Memory of a cache climbing steadily over four hours to its configured maximum, reported as a series of its own. */
const used = series('M_used', 'cache', 'redis_memory_used_bytes', (i) => 5.6e9 + (i / (steps - 1)) * 0.84e9);
const max = series('M_max', 'cache', 'redis_memory_max_bytes', () => 6.44e9);

describe('a limit reported as a series of its own', () => {
  it('pairs a use series with the limit series of the same service whose name differs only in the used/max words', () => {
    expect(siblingLimits([used, max])).toEqual(new Map([['M_used', 6.44e9]]));
    expect(siblingLimits([used, series('M_other', 'other', 'redis_memory_max_bytes', () => 6.44e9)]).size).toBe(0);
    expect(siblingLimits([used, series('M_conn', 'cache', 'redis_connections_max', () => 1e4)]).size).toBe(0);
  });

  it('reads memory that grew slowly into that limit as having reached it', () => {
    const full = metricSignals([used, max], frame).find((s) => s.evidenceId === 'M_used');
    expect(full).toMatchObject({ family: 'memory', strength: 0.9 });
    expect(full!.text).toMatch(/reached its limit/);
    expect(metricSignals([used], frame).some((s) => s.evidenceId === 'M_used' && /reached its limit/.test(s.text))).toBe(false);
  });
});
