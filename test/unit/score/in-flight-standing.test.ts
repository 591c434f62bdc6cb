import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

/*
 * Work in flight is demand times how long each piece takes, so it is read as a rate is:
 * concurrency pinned at its cap since before the look-back stands out against a
 * reference that sat at a tenth of it, as requests that rose that long ago do.
 */
const at = Date.parse('2026-02-26T11:20:00Z');
const step = 300_000;
const values = [10, 12, 11, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
const series = (name: string) => ({ class: 'metrics', id: 'METRIC_C', service: 'order-import', name, unit: 'Count', labels: {}, startMs: at - (values.length - 1) * step, stepMs: step, values, reference: { median: 11, mad: 1.5, p05: 9, p95: 13, points: 25 } }) as unknown as MetricSeries & { id: string };
const signals = (name: string) => metricSignals([series(name) as unknown as Evidence], { alertAtMs: at, stepMs: step });

describe('work in flight pinned since before the look-back', () => {
  it('is resource use that began when it left its reference', () => {
    const s = signals('ConcurrentExecutions');
    expect(s.map((x) => x.family)).toEqual(['saturation']);
    expect(s[0]!.onsetMs).toBe(at - 10 * step);
    expect(s[0]!.local).toBe(true);
  });

  it('is not read so for a level a process holds over time, such as connections', () => {
    expect(signals('db_connections_used')).toEqual([]);
  });
});
