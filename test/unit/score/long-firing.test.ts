import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

/**
 * An alert that has fired for nine hours: the investigation window is centred on the alert's
 * own start (LoadTenant), so the scorer must split baseline from incident there too, not at
 * the moment the notification arrived.
 */
function longFiring() {
  const r = seeded(5);
  const start = 9 * 60;
  const points: [string, number][] = [];
  for (let m = start + 55; m >= start - 120; m -= 1) points.push([`-${m}m`, Number(((m <= start + 2 ? 0.25 : 0.003) * (1 + (r() - 0.5) * 0.04)).toFixed(5))]);
  const signal = alert('billing');
  const body = signal.body as { alerts: { startsAt: string }[] };
  body.alerts[0]!.startsAt = '2026-06-01T00:00:00Z';
  return writeScenario({
    name: 'long-firing-probe',
    signal,
    topology: { billing: [] },
    evidence: {
      metrics: [{ name: 'http_error_ratio', service: 'billing', points }],
      changes: [{ at: `-${start + 6}m`, service: 'billing', kind: 'deployment', summary: 'billing v7.1.0: new invoice rounding', version: 'v7.1.0', previousVersion: 'v7.0.9' }],
    },
  });
}

describe('an alert that has fired for hours', () => {
  it('finds the onset and the change near the alert\'s own start', async () => {
    const { scored } = await replayDirect(longFiring());
    expect(scored.suspects[0]).toMatchObject({ service: 'billing', kind: 'deployment' });
  });
});
