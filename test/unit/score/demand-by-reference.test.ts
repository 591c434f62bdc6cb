import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-04-15T22:30:00Z');
const step = 30_000;
const frame = { alertAtMs: at, stepMs: step };

/** Five minutes of gaps, ten at a normal evening's 260/s, then submissions every 30 s climbing to 1 800/s and level; last week's evening as the reference when asked. */
const submissions = (reference: boolean) => {
  const noise = (i: number) => 1 + (((i * 37) % 11) - 5) / 100;
  const values = Array.from({ length: 135 }, (_, i) => (i < 10 ? null : Math.round((i < 30 ? 260 : Math.min(1_800, 260 + (i - 30) * 21)) * noise(i))));
  return {
    class: 'metrics',
    id: 'M_rate',
    service: 'efile-submit',
    name: 'request_rate',
    unit: 'req/s',
    labels: {},
    startMs: at - 130 * step,
    stepMs: step,
    values,
    ...(reference ? { reference: { median: 256, mad: 11, p05: 240, p95: 274, points: 120 } } : {}),
  } as unknown as MetricSeries & { id: string };
};

const rise = (reference: boolean) => metricSignals([submissions(reference) as unknown as Evidence], frame).find((s) => s.family === 'traffic_up');

describe('demand that had been climbing for an hour when the look-back opened', () => {
  it('is a sure rise measured against last week’s evening, seven times its level', () => {
    expect(rise(true)!.strength).toBeGreaterThan(0.8);
    expect(rise(true)!.text).toContain('from 256');
  });

  it('is a doubtful one against the window’s own climbing baseline, with nothing healthy to measure from', () => {
    expect(rise(false)?.strength ?? 0).toBeLessThan(0.5);
  });
});
