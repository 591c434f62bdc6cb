import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** Two services the call graph knows; the capacity pool their tasks run on is in no call graph, only in its own metrics. */
const topology = { web: ['orders', 'labels'], orders: ['orders-db'], labels: [] };

/** Tasks of `named` services fail on hosts of pool-b, in words naming it; the others fail their checks in words that name nothing. */
function poolOutage(named: readonly string[]) {
  const r = seeded(21);
  const where = (service: string) => (named.includes(service) ? ` on ip-10-8-3-41 (pool-b)` : '');
  return {
    name: 'capacity-pool-hosts-failing',
    signal: alert('web'),
    topology,
    evidence: {
      metrics: [series('web', 'http_error_ratio', 0.002, 0.3, 7, r), series('orders', 'http_error_ratio', 0.002, 0.5, 7, r), series('labels', 'http_error_ratio', 0.002, 0.4, 7, r), series('pool-b', 'node_count', 12, undefined, 0, r)],
      runtime: [
        { at: '-8m', service: 'orders', kind: 'unhealthy', count: 7, message: `task 3f0c${where('orders')} failed its load balancer health checks, stopping` },
        { at: '-7m', service: 'labels', kind: 'unhealthy', count: 4, message: `task 9a1e${where('labels')} essential container exited` },
      ],
    },
    expected: { rootCause: { service: 'pool-b', kind: 'infrastructure' }, action: 'none' },
  };
}

const replay = async (scenario: Record<string, unknown>) => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;

describe('a platform piece the failing hosts of several services name', () => {
  it('is what they share: the platform under them, not a quiet dependency', async () => {
    const scored = await replay(poolOutage(['orders', 'labels']));
    expect(scored.suspects[0]).toMatchObject({ service: 'pool-b', kind: 'infrastructure' });
  });

  it('is nothing when only one service names it', async () => {
    const scored = await replay(poolOutage(['orders']));
    expect(scored.suspects.some((s) => s.service === 'pool-b')).toBe(false);
  });

  it('is nothing when no host trouble names it', async () => {
    const scored = await replay(poolOutage([]));
    expect(scored.suspects.some((s) => s.service === 'pool-b')).toBe(false);
  });
});
