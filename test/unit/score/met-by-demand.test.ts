import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * An API behind a web tier: someone refreshed a setting of the API forty minutes before
 * the page, nothing moved then, and eight minutes before the page demand quadrupled; the
 * API's CPU ran out and its requests failed. `callerRose` says whether the web tier saw
 * the rush too (demand from outside) or only the API did.
 */
function rush(callerRose: boolean, referenceCpu?: number, changeAt = '-40m') {
  const r = seeded(63);
  return writeScenario({
    name: 'change-met-by-demand',
    signal: alert('web'),
    topology: { web: ['api'] },
    evidence: {
      metrics: [
        series('web', 'http_requests_per_second', 200, callerRose ? 800 : undefined, 8, r),
        series('api', 'http_requests_per_second', 200, 800, 8, r),
        series('api', 'cpu_utilization_percent', 40, 99, 7, r),
        series('api', 'http_error_ratio', 0.002, 0.2, 6, r),
      ],
      changes: [{ at: changeAt, service: 'api', kind: 'config', summary: 'api ranking weights refreshed', author: 'ranking-bot' }],
      ...(referenceCpu !== undefined
        ? {
            reference: {
              from: '-1500m',
              to: '-1440m',
              metrics: [
                { name: 'http_requests_per_second', service: 'api', points: Array.from({ length: 60 }, (_, i) => [`-${1500 - i}m`, 200 + (i % 7)]) },
                { name: 'cpu_utilization_percent', service: 'api', points: Array.from({ length: 60 }, (_, i) => [`-${1500 - i}m`, referenceCpu + (i % 3)]) },
              ],
            },
          }
        : {}),
    },
  });
}

describe('a change that met a surge', () => {
  it('rules out a change that moved nothing when demand from every caller rose later and the trouble began with it', async () => {
    const { scored } = await replayDirect(rush(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'traffic_surge' });
    expect(scored.suspects.some((s) => s.kind === 'config_change')).toBe(false);
    expect(scored.changes?.[0]?.reason).toMatch(/met the surge/);
  });

  it('keeps the change a suspect when the same demand takes far more CPU than in the healthy reference: its work got heavier', async () => {
    const { scored } = await replayDirect(rush(true, 10));
    expect(scored.suspects.some((s) => s.service === 'api' && s.kind === 'config_change')).toBe(true);
    const { scored: usual } = await replayDirect(rush(true, 40));
    expect(usual.suspects.some((s) => s.kind === 'config_change')).toBe(false);
  });

  it('keeps the change a suspect when the rush came within minutes of it, as clients it made call more would', async () => {
    const { scored } = await replayDirect(rush(true, undefined, '-12m'));
    expect(scored.suspects.some((s) => s.service === 'api' && s.kind === 'config_change')).toBe(true);
  });

  it('keeps the change a suspect when only the service itself received more, which the change may have brought', async () => {
    const { scored } = await replayDirect(rush(false));
    expect(scored.suspects.some((s) => s.service === 'api' && s.kind === 'config_change')).toBe(true);
  });
});
