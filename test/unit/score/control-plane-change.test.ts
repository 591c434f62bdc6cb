import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** The app calls two services and a routing control plane that all three use; the search service is noisy on its own. */
const topology = { app: ['accounts', 'catalog', 'search', 'mesh'], accounts: ['mesh'], catalog: ['mesh'], search: ['mesh'] };

/**
 * Search goes wrong twelve minutes before the alert after a deploy of its own; the routing
 * config on the control plane changes nine minutes before it and both of its other callers
 * fail a minute later. The control plane itself stays healthy.
 */
function routingBreak(changes: Record<string, unknown>[]) {
  const r = seeded(11);
  return {
    name: 'control-plane-change',
    signal: alert('app'),
    topology,
    evidence: {
      metrics: [
        series('app', 'http_error_ratio', 0.002, 0.3, 8, r),
        series('accounts', 'http_error_ratio', 0.001, 0.45, 8, r),
        series('catalog', 'http_error_ratio', 0.001, 0.5, 8, r),
        series('search', 'http_error_ratio', 0.003, 0.05, 12, r),
        series('mesh', 'http_error_ratio', 0, undefined, 0, r),
        series('mesh', 'http_requests_per_second', 4, undefined, 0, r),
      ],
      changes,
    },
    expected: { rootCause: { service: 'mesh', kind: 'config_change' }, action: 'revert_config' },
  };
}

const deploy = { at: '-40m', service: 'search', kind: 'deployment', summary: 'search v5.60.0: ranking tweak', version: 'v5.60.0' };
const routing = { at: '-9m', service: 'mesh', kind: 'config', summary: 'routing config v812 regenerated' };

describe('a change on a healthy service that its neighbours broke right after', () => {
  it('blames the change even though an unrelated service had gone wrong a few minutes before it', async () => {
    const { scored } = await replayDirect(writeScenario(routingBreak([deploy, routing])), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'mesh', kind: 'config_change' });
    expect(scored.changes?.find((c) => c.service === 'mesh')?.verdict).toBe('blamed');
  });

  it('never blames a change on a healthy service that came after its neighbours had already failed', async () => {
    const late = { ...routing, at: '-5m' };
    const { scored } = await replayDirect(writeScenario(routingBreak([deploy, late])), { allServices: true });
    expect(scored.suspects[0]?.service).not.toBe('mesh');
  });
});
