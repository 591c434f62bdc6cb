import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { grewFromChange } from '../../../functions/score/core/change-fit.js';

const at = Date.parse('2026-09-15T06:20:00Z');
const min = 60_000;
const released = at - 612 * min;
const onset = at - 29 * min;

/** An hour of five-minute working-set samples, noisy around `level`, with last week's healthy median as its reference. */
function memory(level: number, reference?: number): MetricSeries & { id: string } {
  const values = Array.from({ length: 13 }, (_, i) => level * (1 + (i % 3 === 0 ? 0.04 : i % 3 === 1 ? -0.03 : 0.01)));
  return { class: 'metrics', id: 'M_mem', service: 'contacts', name: 'container_memory_working_set_bytes', labels: {}, startMs: at - 64 * min, stepMs: 5 * min, values, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.02, p05: reference * 0.95, p95: reference * 1.05, points: 60 } } : {}) } as unknown as MetricSeries & { id: string };
}

describe('memory seen only long after a release', () => {
  it('grew from it when, before the trouble, it already stood at several times its healthy reference', () => {
    expect(grewFromChange([memory(1.95e9, 6.1e8)], 'contacts', released, onset)).toBe(true);
  });

  it('did not when it stood flat near its reference', () => {
    expect(grewFromChange([memory(6.3e8, 6.1e8)], 'contacts', released, onset)).toBe(false);
  });

  it('without a reference, is read from what the series shows: flat is no climb', () => {
    expect(grewFromChange([memory(1.95e9)], 'contacts', released, onset)).toBe(false);
  });
});
