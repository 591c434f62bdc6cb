import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** The gateway reads config, which reads the usage table; admin and reports read the table too but never call the gateway. */
const topology = { gateway: ['config'], config: ['usage-db'], admin: ['usage-db'], reports: ['usage-db'] };

/** Errors the config service logs once the table throttles it, after a steady hour of info lines. */
const throttled = [
  ...Array.from({ length: 50 }, (_, i) => ({ at: `-${55 - i}m`, service: 'config', level: 'info', message: `loaded tenant ${i}` })),
  ...Array.from({ length: 7 }, (_, i) => ({ at: `-${7 - i}m`, service: 'config', level: 'error', message: 'GetItem failed: ProvisionedThroughputExceededException' })),
];

/** Admin turns a flag on nine minutes before the alert; its reads of the table triple and the table runs out of read capacity a minute later. */
function noisyNeighbour(changes: Record<string, unknown>[]) {
  const r = seeded(5);
  return {
    name: 'noisy-neighbour',
    signal: alert('gateway'),
    topology,
    evidence: {
      metrics: [
        series('gateway', 'http_error_ratio', 0.002, 0.08, 7, r),
        series('config', 'http_error_ratio', 0.002, 0.1, 7, r),
        series('admin', 'http_requests_per_second', 20, 80, 8, r),
        series('reports', 'http_requests_per_second', 30, undefined, 0, r),
        series('usage-db', 'consumed_read_capacity_utilization_ratio', 0.5, 1, 8, r),
      ],
      logs: throttled,
      changes,
    },
    expected: { rootCause: { service: 'admin', kind: 'feature_flag' }, action: 'disable_flag' },
  };
}

const flag = { at: '-9m', service: 'admin', kind: 'feature_flag', summary: 'admin.live-usage: on for everyone' };

describe('a noisy neighbour on a shared dependency', () => {
  it('blames the other caller whose change came right before the shared table ran out, not the table or the alerting side', async () => {
    const { scored } = await replayDirect(writeScenario(noisyNeighbour([flag])), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'admin', kind: 'feature_flag' });
    expect(scored.recommendedAction.kind).toBe('disable_flag');
  });

  it('ranks an older deploy on another caller of the table below the change that fits its trouble', async () => {
    const deploy = { at: '-20m', service: 'reports', kind: 'deployment', summary: 'reports v3.2.0', version: 'v3.2.0' };
    const { scored } = await replayDirect(writeScenario(noisyNeighbour([flag, deploy])), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'admin', kind: 'feature_flag' });
    expect(scored.suspects.slice(0, 3).some((s) => s.service === 'reports')).toBe(false);
  });

  it('ranks an older deploy on a caller of the alerting service below the change that broke the table its trouble comes from', async () => {
    const { scored } = await replayDirect('scenarios/platform-job-runs-throttled-morning.json', { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'billing-exporter', kind: 'config_change' });
    expect(scored.suspects.slice(0, 3).some((s) => s.service === 'admin-console')).toBe(false);
  });

  it('does not blame a change next door for a dependency that ran out long after it', async () => {
    const early = { ...flag, at: '-25m', summary: 'admin.audit-export: on for everyone' };
    const { scored } = await replayDirect(writeScenario({ ...noisyNeighbour([early]), name: 'late-victim', evidence: { ...noisyNeighbour([]).evidence, metrics: noisyNeighbour([]).evidence.metrics.filter((m) => m.service !== 'admin'), changes: [early] } }), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'usage-db', kind: 'resource_exhaustion' });
    expect(scored.suspects.find((s) => s.service === 'admin')?.score ?? 0).toBeLessThan(scored.suspects[0]!.score);
  });
});
