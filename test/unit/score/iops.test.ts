import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

describe('work in flight against a limit', () => {
  it('is how much of its concurrency a service holds, not requests', () => {
    expect(metricFamily('ConcurrentExecutions', 'Count')).toBe('saturation');
    expect(metricFamily('http_requests_in_flight', '')).toBe('saturation');
    expect(metricFamily('Invocations', 'Count')).toBe('traffic');
  });
});

describe('a disk’s I/O operations per second', () => {
  it('are how hard the disk works, not requests', () => {
    expect(metricFamily('WriteIOPS', 'Count/Second')).toBe('saturation');
    expect(metricFamily('aws.rds.read_iops', '')).toBe('saturation');
    expect(metricFamily('db_queries_total', '')).toBe('traffic');
  });

  it('rising with no more queries, read as the store working harder, not as a surge of demand', () => {
    const at = Date.parse('2026-03-02T15:30:00Z');
    const values = Array.from({ length: 120 }, (_, i) => (i < 70 ? 6_100 + ((i * 13) % 7) * 20 : 12_000));
    const series = { class: 'metrics', id: 'M_iops', service: 'campaigns-db', name: 'WriteIOPS', unit: 'Count/Second', labels: {}, startMs: at - 60 * 60_000, stepMs: 30_000, values } as unknown as MetricSeries & { id: string };
    const families = metricSignals([series as unknown as Evidence], { alertAtMs: at, stepMs: 30_000 }).map((s) => s.family);
    expect(families).toContain('saturation');
    expect(families).not.toContain('traffic_up');
  });
});
