import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-02-17T15:20:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };

/** Ninety minutes of a request rate every minute, around 55/s, last week's the same; from `jumpAt` minutes before the alert at ten times that. */
const requests = (jumpAt: number, reference = true) =>
  ({
    class: 'metrics',
    id: 'M_req',
    service: 'hook-ingest',
    name: 'http_requests:rate5m',
    unit: 'req/s',
    labels: {},
    startMs: at - 90 * min,
    stepMs: min,
    values: Array.from({ length: 91 }, (_, i) => (90 - i <= jumpAt ? 560 : 55) + ((i * 7) % 5) - 2),
    ...(reference ? { reference: { median: 55, mad: 3, p05: 50, p95: 60, points: 90 } } : {}),
  }) as unknown as MetricSeries & { id: string };

const rise = (series: MetricSeries & { id: string }) => metricSignals([series as unknown as Evidence], frame).find((s) => s.family === 'traffic_up');

describe('a rate that left its healthy range before the look-back opened', () => {
  it('is dated where it left it, not at the edge of the look-back', () => {
    expect(rise(requests(38))?.onsetMs).toBe(at - 38 * min);
  });

  it('keeps the window’s own onset when it rose inside the look-back', () => {
    expect(rise(requests(12))?.onsetMs).toBe(at - 12 * min);
  });

  it('is dated at the look-back without a reference to say when it left its range', () => {
    expect(rise(requests(38, false))?.onsetMs).toBe(at - 30 * min);
  });
});
