import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { outgrewDemand } from '../../../functions/score/core/change-fit.js';
import type { Evidence } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const change = at - 120 * min;
const onset = at - 10 * min;

/** A series of `ledger` a point a minute from `fromMin` minutes before the alert, its level by minutes before the alert. */
function series(name: string, fromMin: number, level: (minBefore: number) => number, reference?: number): Evidence {
  const values = Array.from({ length: fromMin + 1 }, (_, i) => Number((level(fromMin - i) * (1 + 0.02 * Math.sin(i))).toFixed(3)));
  return { class: 'metrics', id: `M_${name}`, service: 'ledger', name, labels: {}, startMs: at - fromMin * min, stepMs: min, values, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.05, p05: reference * 0.9, p95: reference * 1.1, points: 60 } } : {}) } as MetricSeries & { id: string };
}

/** Connections in use climbing from 8 at the change to 50 at the onset. */
const leaking = (m: number) => (m >= 120 ? 8 : m <= 10 ? 50 : 8 + ((120 - m) / 110) * 42);

describe('something a service holds growing from a deploy', () => {
  it('reads a pool that climbed from the change to the onset at flat demand as a leak the change shipped', () => {
    const items = [series('hikaricp_connections_active', 150, leaking), series('http_requests_per_second', 150, () => 170)];
    expect(outgrewDemand(items, 'ledger', change, onset)).toBe(true);
  });

  it('does not when the pool rose in step with demand', () => {
    const items = [series('hikaricp_connections_active', 150, leaking), series('http_requests_per_second', 150, (m) => 170 * (leaking(m) / 8))];
    expect(outgrewDemand(items, 'ledger', change, onset)).toBe(false);
  });

  it('does not when the pool stayed flat after the change', () => {
    expect(outgrewDemand([series('hikaricp_connections_active', 150, () => 12)], 'ledger', change, onset)).toBe(false);
  });

  it('measures from the healthy reference when the series begins after the change, and says nothing without one', () => {
    const late = (ref?: number) => [series('hikaricp_connections_active', 60, leaking, ref), series('http_requests_per_second', 60, () => 170, 160)];
    expect(outgrewDemand(late(8), 'ledger', change, onset)).toBe(true);
    expect(outgrewDemand(late(40), 'ledger', change, onset)).toBe(false);
    expect(outgrewDemand(late(undefined), 'ledger', change, onset)).toBe(false);
  });

  it('ranks the deploy above the defect its pool exhaustion looks like, and says what grew', async () => {
    const r = seeded(3);
    const pool = (m: number) => (m >= 50 ? 8 : m <= 10 ? 50 : 8 + ((50 - m) / 40) * 42);
    const pts = (level: (m: number) => number): [string, number][] => Array.from({ length: 91 }, (_, i) => 90 - i).map((m) => [m === 0 ? '-0m' : `-${m}m`, Number((level(m) * (1 + (r() - 0.5) * 0.04)).toFixed(4))]);
    const file = writeScenario({
      name: 'pool-leak',
      signal: alert('ledger'),
      topology: { ledger: [] },
      evidence: {
        metrics: [
          { name: 'hikaricp_connections_active', service: 'ledger', points: pts(pool) },
          { name: 'http_requests_per_second', service: 'ledger', points: pts(() => 170) },
          { name: 'http_error_ratio', service: 'ledger', points: pts((m) => (m <= 10 ? 0.3 : 0.001)) },
        ],
        logs: Array.from({ length: 30 }, (_, i) => ({ at: `-${600 - i * 15}s`, service: 'ledger', level: 'error', message: 'HikariPool-1 - Connection is not available, request timed out after 30000ms.' })),
        changes: [{ at: '-50m', service: 'ledger', kind: 'deployment', summary: 'ledger 2.31.0: reconciliation in the request path', version: '2.31.0', previousVersion: '2.30.4' }],
      },
    });
    const { scored } = await replayDirect(file);
    expect(scored.suspects[0]).toMatchObject({ service: 'ledger', kind: 'deployment' });
    expect(scored.suspects[0]!.reasons[0]).toContain('what it holds grew from the change on');
  });
});
