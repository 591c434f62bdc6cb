import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * An edge whose requests surged from -40m (an attack) gets a config change at -22m; its
 * callee `app` starts failing a minute later. `appEarlier` makes `app` fail from -38m
 * instead, with the surge, before the change.
 */
function changedDuringSurge(appEarlier: boolean) {
  const r = seeded(5);
  return writeScenario({
    name: 'change-during-surge',
    signal: alert('app', 'SessionMismatch'),
    topology: { edge: ['app', 'api'], app: ['db'], api: ['db'] },
    evidence: {
      metrics: [
        series('edge', 'http_requests_per_second', 200, 1300, 40, r),
        series('app', 'http_error_ratio', 0.003, 0.07, appEarlier ? 38 : 21, r),
        series('api', 'http_error_ratio', 0.002, undefined, 0, r),
        series('db', 'http_error_ratio', 0.001, undefined, 0, r),
      ],
      changes: [{ at: '-22m', service: 'edge', kind: 'config', summary: 'cache private pages for 300s to shed load' }],
    },
  });
}

describe('a change made while its own service was already in trouble', () => {
  it('is still the cause of a neighbour that broke right after it and whose path was healthy until then', async () => {
    const { scored } = await replayDirect(changedDuringSurge(false));
    expect(scored.suspects[0]).toMatchObject({ service: 'edge', kind: 'config_change' });
  });

  it('is not, when that neighbour was already failing before it', async () => {
    const { scored } = await replayDirect(changedDuringSurge(true));
    expect(scored.suspects[0]!.kind).not.toBe('config_change');
  });
});
