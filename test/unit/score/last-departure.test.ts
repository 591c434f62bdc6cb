import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-03-04T05:29:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };

/** Forty-five minutes of a client latency every minute ending at the alert, around 0.05 s, then `tail` as given. */
const latency = (tail: number[], reference = true) =>
  ({
    class: 'metrics',
    id: 'M_lat',
    service: 'frontend',
    name: 'http_client_latency_p90_seconds',
    unit: 'seconds',
    labels: {},
    startMs: at - 44 * min,
    stepMs: min,
    values: [...Array.from({ length: 45 - tail.length }, (_, i) => 0.05 + ((i * 7) % 3) * 0.005), ...tail],
    ...(reference ? { reference: { median: 0.05, mad: 0.01, p05: 0.03, p95: 0.07, points: 45 } } : {}),
  }) as unknown as MetricSeries & { id: 'M_lat' };

const rise = (s: MetricSeries) => metricSignals([s as unknown as Evidence], frame).find((x) => x.family === 'latency');

/** An earlier incident's rise nine minutes before the alert, five minutes back a little above the window's early level but inside the healthy range, then a new rise at the alert. */
const twice = [4.2, 4.7, 3.8, 0.42, 0.08, 0.09, 0.08, 0.09, 0.08, 0.82];

describe('a series that came back inside its reference and left it again', () => {
  it('is dated at its last departure, not at the earlier episode', () => {
    expect(rise(latency(twice))?.onsetMs).toBe(at);
  });

  it('keeps the window’s own onset without a reference to say it came back', () => {
    expect(rise(latency(twice, false))?.onsetMs).toBe(at - 9 * min);
  });

  it('keeps the window’s own onset for a single episode', () => {
    expect(rise(latency([0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 4.1, 4.6, 4.4]))?.onsetMs).toBe(at - 2 * min);
  });
});
