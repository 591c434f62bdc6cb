import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { siteLossScenario } from './synthetic.js';

/** The site loss of `siteLossScenario`, with `config` (and the other services given) released 12 minutes before. */
const siteLoss = (changed: string[]) =>
  siteLossScenario(
    'site-loss-with-deploy',
    11,
    changed.map((service) => ({ at: '-12m', service, kind: 'deployment', summary: `${service} 2026.06.01: bulk rule validation`, version: '2026.06.01', previousVersion: '2026.05.28' })),
  );

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
