import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-03-04T12:55:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };

/** Forty-five minutes of a value every minute ending at the alert: `base` with a little noise, then `tail` (the last points) as given. */
const series = (name: string, unit: string, base: number, tail: number[], reference?: { median: number; mad: number; p05: number; p95: number }) =>
  ({
    class: 'metrics',
    id: `M_${name}`,
    service: 'cart',
    name,
    unit,
    labels: {},
    startMs: at - 44 * min,
    stepMs: min,
    values: [...Array.from({ length: 45 - tail.length }, (_, i) => base + ((i * 7) % 3) * 0.05), ...tail],
    ...(reference ? { reference: { ...reference, points: 45 } } : {}),
  }) as unknown as MetricSeries & { id: string };

const signalsOf = (s: MetricSeries & { id: string }) => metricSignals([s as unknown as Evidence], frame);

/** Memory that ran past its limit with an earlier incident, then fell back to its healthy level for the last two minutes. */
const memoryBack = (reference = true) => series('memory_usage_percent', 'percent', 26, [44, 33, 48, 112, 115, 116, 116, 115, 25.7, 25.8], reference ? { median: 26.8, mad: 0.1, p05: 26.6, p95: 26.9 } : undefined);

describe('a series back inside its healthy reference by the alert', () => {
  it('has no ongoing onset: an episode that ended is history', () => {
    expect(signalsOf(memoryBack()).filter((s) => s.family === 'memory')).toEqual([]);
  });

  it('still counts without a reference to say where normal is', () => {
    expect(signalsOf(memoryBack(false)).some((s) => s.family === 'memory')).toBe(true);
  });

  it('is never back while it sits at its limit, however near the healthy level was', () => {
    const full = series('filesystem_used_ratio', 'ratio', 0.955, [1, 1, 1, 1, 1, 1], { median: 0.955, mad: 0.0003, p05: 0.954, p95: 0.956 });
    expect(signalsOf(full).some((s) => s.family === 'saturation')).toBe(true);
  });
});
