import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** A DNS record set routes clients to two regions; each region's API calls its own database. */
const topology = { dns: ['east', 'west'], east: ['east-db'], west: ['west-db'] };

/**
 * A health-check change on the DNS record set fourteen minutes before the alert fails the
 * east region over: east's requests fall and west's rise tenfold a minute later; west runs
 * out of CPU and starts failing six minutes after that.
 */
function failover(westTrafficMin: number) {
  const r = seeded(7);
  return {
    name: 'carried-change',
    signal: alert('west'),
    topology,
    evidence: {
      metrics: [
        series('east', 'http_requests_per_second', 5000, 100, 13, r),
        series('west', 'http_requests_per_second', 500, 5000, westTrafficMin, r),
        series('west', 'container_cpu_usage_ratio', 0.3, 1, 7, r),
        series('west', 'http_error_ratio', 0.001, 0.2, 7, r),
        series('west', 'http_latency_p99', 150, 2600, 7, r),
      ],
      changes: [{ at: '-14m', service: 'dns', kind: 'config', summary: 'health check path /health -> /healthz, failure threshold 3 -> 2' }],
    },
    expected: { rootCause: { service: 'dns', kind: 'config_change' }, action: 'revert_config' },
  };
}

describe('a change whose effect on a callee shows as the callee’s traffic moving at the change', () => {
  it('blames the change over the callee’s own exhaustion, though the callee broke minutes later', async () => {
    const { scored } = await replayDirect(writeScenario(failover(13)), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'dns', kind: 'config_change' });
    expect(scored.changes?.find((c) => c.service === 'dns')?.reason).toMatch(/moved at the change \(west request rate rose/);
  });

  it('does not tie the callee to the change when its traffic moved only with the rest of its trouble, long after', async () => {
    const { scored } = await replayDirect(writeScenario(failover(7)), { allServices: true });
    expect(scored.suspects[0]?.service).toBe('west');
  });
});
