import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { grewFromChange, outgrewDemand } from '../../../functions/score/core/change-fit.js';
import { openedHealthy } from '../../../functions/score/core/opened-healthy.js';

const at = Date.parse('2026-05-13T11:30:00Z');
const min = 60_000;
const released = at - 50 * 60 * min;
const onset = at - 60 * min;

/** Nine hours of a series of `quotes` a point every two minutes, its level by minutes before the alert, with a healthy reference whose median is `reference`. */
function series(name: string, level: (minBefore: number) => number, reference?: number): MetricSeries & { id: string } {
  const values = Array.from({ length: 271 }, (_, i) => Number((level(540 - 2 * i) * (1 + 0.03 * Math.sin(i))).toFixed(3)));
  return { class: 'metrics', id: `M_${name}`, service: 'quotes', name, labels: {}, startMs: at - 540 * min, stepMs: 2 * min, values, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.08, p05: reference * 0.85, p95: reference * 1.15, points: 270 } } : {}) };
}

/** A pool at 10 in use for the first three hours, then climbing to its maximum of 50 by the onset. */
const lateClimb = (m: number) => (m >= 360 ? 10 : m <= 60 ? 50 : 10 + ((360 - m) / 300) * 40);
/** A pool already at 30 when the series opens, climbing to 50. */
const earlyClimb = (m: number) => (m <= 60 ? 50 : 30 + ((540 - m) / 480) * 20);

describe('a count seen only long after a change, opening at its healthy level', () => {
  it('opened healthy when its first samples sit within its reference, however it climbed after', () => {
    expect(openedHealthy(series('hikaricp_connections_active', lateClimb, 11), released, onset)).toBe(true);
  });

  it('did not when it already stood above its reference, nor without a reference, nor when the series covers the change', () => {
    expect(openedHealthy(series('hikaricp_connections_active', earlyClimb, 11), released, onset)).toBe(false);
    expect(openedHealthy(series('hikaricp_connections_active', lateClimb), released, onset)).toBe(false);
    expect(openedHealthy(series('hikaricp_connections_active', lateClimb, 11), at - 8 * 60 * min, onset)).toBe(false);
  });

  it('rules out a leak shipped by the release: the pool began climbing long after it', () => {
    const demand = series('http_requests_per_second', () => 40, 40);
    expect(outgrewDemand([series('hikaricp_connections_active', lateClimb, 11), demand], 'quotes', released, onset)).toBe(false);
    expect(outgrewDemand([series('hikaricp_connections_active', earlyClimb, 11), demand], 'quotes', released, onset)).toBe(true);
  });

  it('rules out memory that grew from the release when it opened at its healthy level', () => {
    const memory = (level: (m: number) => number) => series('container_memory_working_set_bytes', (m) => level(m) * 1e8, 11e8);
    expect(grewFromChange([memory(lateClimb)], 'quotes', released, onset)).toBe(false);
    expect(grewFromChange([memory(earlyClimb)], 'quotes', released, onset)).toBe(true);
  });
});
