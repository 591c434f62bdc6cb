import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** A site's power lost under `config`, `auth` and `logs`, which lose hosts together; `config` released 12 minutes before, with the given services also changed. */
const siteLoss = (changed: string[]) => {
  const r = seeded(11);
  return writeScenario({
    name: 'site-loss-with-deploy',
    signal: alert('front'),
    topology: { front: ['config', 'auth'], config: ['site'], auth: ['site'], logs: ['site'] },
    evidence: {
      metrics: [
        series('front', 'http_server_error_ratio', 0.002, 0.4, 8, r),
        series('config', 'http_server_error_ratio', 0.003, 0.5, 9, r),
        series('auth', 'http_server_error_ratio', 0.002, 0.6, 9, r),
        series('logs', 'http_server_error_ratio', 0.02, 0.9, 8, r),
        { name: 'dcim_power_feeds_available', service: 'site', points: Array.from({ length: 61 }, (_, i) => [i === 60 ? '-0m' : `-${60 - i}m`, 60 - i > 10 ? 2 : 0]) },
      ],
      runtime: [
        { at: '-9m', service: 'config', kind: 'unhealthy', count: 14, message: 'hosts unreachable: 14 of 20 instances' },
        { at: '-9m', service: 'auth', kind: 'unhealthy', count: 6, message: 'hosts unreachable: 6 of 10 instances' },
        { at: '-8m', service: 'logs', kind: 'unhealthy', count: 9, message: 'hosts unreachable: 9 of 12 instances' },
      ],
      changes: changed.map((service) => ({ at: '-12m', service, kind: 'deployment', summary: `${service} 2026.06.01: bulk rule validation`, version: '2026.06.01', previousVersion: '2026.05.28' })),
    },
  });
};

describe('a change on a service whose trouble began with a loss shared by services with no change', () => {
  it('is ruled out: the unchanged services failed the same way at the same time, and the site is named', async () => {
    const { scored } = await replayDirect(siteLoss(['config']));
    expect(scored.suspects[0]).toMatchObject({ service: 'site', kind: 'infrastructure' });
    expect(scored.suspects.filter((s) => s.kind === 'deployment')).toEqual([]);
    expect(scored.timeline.find((e) => e.text.startsWith('deployment config'))?.text).toContain('(not the cause)');
  });

  it('is still weighed when every service that lost hosts with it changed too', async () => {
    const { scored } = await replayDirect(siteLoss(['config', 'auth', 'logs']));
    expect(scored.suspects.some((s) => s.kind === 'deployment')).toBe(true);
  });
});
