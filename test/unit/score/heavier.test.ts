import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { heavierPerDemand } from '../../../functions/score/core/change-fit.js';
import type { Evidence } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;

/** An hour of a series, a point a minute, at `level`, with a healthy reference whose median is `reference`. */
function series(service: string, name: string, level: number, reference?: number): Evidence {
  const values = Array.from({ length: 61 }, (_, i) => Number((level * (1 + 0.02 * Math.sin(i))).toFixed(3)));
  return { class: 'metrics', id: `M_${service}_${name}`, service, name, labels: {}, startMs: at - 60 * min, stepMs: min, values, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.05, p05: reference * 0.9, p95: reference * 1.1, points: 60 } } : {}) } as MetricSeries & { id: string };
}

describe('the same demand taking more of a resource than in the healthy reference', () => {
  const callers = new Set(['api']);

  it('measures the database\'s CPU over its reference against its callers\' demand over theirs', () => {
    const items = [series('db', 'CPUUtilization', 97, 55), series('api', 'http_requests_per_second', 7100, 6700)];
    expect(heavierPerDemand(items, 'db', 'cpu', callers, at)).toBeCloseTo(97 / 55 / (7100 / 6700), 1);
  });

  it('finds nothing heavier when demand rose as much as the use did', () => {
    const items = [series('db', 'CPUUtilization', 97, 55), series('api', 'http_requests_per_second', 12_000, 6700)];
    expect(heavierPerDemand(items, 'db', 'cpu', callers, at)!).toBeLessThan(1.5);
  });

  it('prefers the service\'s own request rate to its callers\'', () => {
    const items = [series('db', 'CPUUtilization', 97, 55), series('db', 'db_requests_per_second', 1800, 1000), series('api', 'http_requests_per_second', 7100, 6700)];
    expect(heavierPerDemand(items, 'db', 'cpu', callers, at)).toBeCloseTo(97 / 55 / 1.8, 1);
  });

  it('says nothing without a reference for the use or for any demand', () => {
    expect(heavierPerDemand([series('db', 'CPUUtilization', 97), series('api', 'http_requests_per_second', 7100, 6700)], 'db', 'cpu', callers, at)).toBeUndefined();
    expect(heavierPerDemand([series('db', 'CPUUtilization', 97, 55)], 'db', 'cpu', callers, at)).toBeUndefined();
  });
});

describe('an instance downsized overnight, hit at the next peak', () => {
  const r = seeded(7);
  const pts = (level: (m: number) => number, fromMin = 60, offsetMin = 0): [string, number][] => Array.from({ length: fromMin + 1 }, (_, i) => fromMin - i).map((m) => [`-${m + offsetMin}m`, Number((level(m) * (1 + (r() - 0.5) * 0.04)).toFixed(3))]);
  const scenario = (referenceCpu: number) =>
    writeScenario({
      name: 'downsized-db',
      signal: alert('api', 'HighLatency'),
      topology: { api: ['db'] },
      evidence: {
        metrics: [
          { name: 'CPUUtilization', service: 'db', unit: 'Percent', points: pts((m) => (m <= 15 ? 99.5 : 88)) },
          { name: 'http_requests_per_second', service: 'api', points: pts(() => 7100) },
          { name: 'http_latency_p99', service: 'api', points: pts((m) => (m <= 15 ? 3800 : 120)) },
          { name: 'http_error_ratio', service: 'api', points: pts((m) => (m <= 15 ? 0.04 : 0.001)) },
        ],
        changes: [{ at: '-15h', service: 'db', kind: 'scaling', summary: 'terraform: db writer instance_class db.r6g.16xlarge -> db.r6g.8xlarge (cost)' }],
        reference: {
          from: '-169h',
          to: '-168h',
          metrics: [
            { name: 'CPUUtilization', service: 'db', unit: 'Percent', points: pts(() => referenceCpu, 60, 168 * 60) },
            { name: 'http_requests_per_second', service: 'api', points: pts(() => 6700, 60, 168 * 60) },
          ],
        },
      },
    });

  it('blames the downsizing when the same demand takes far more CPU than the reference week, and says so', async () => {
    const { scored } = await replayDirect(scenario(50), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'db', kind: 'config_change' });
    expect(scored.suspects[0]!.reasons[0]).toMatch(/same demand as in the healthy reference now takes 1\.\d times as much of it/);
  });

  it('leaves it to the shortage when the reference week ran as hot', async () => {
    const { scored } = await replayDirect(scenario(90), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'db', kind: 'resource_exhaustion' });
  });
});
