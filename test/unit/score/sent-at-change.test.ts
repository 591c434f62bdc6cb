import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * A flag on `producer` at -25m; its store two hops down (producer → bus → store) runs out
 * of CPU from -13m and rejects writes. `grew` makes the producer's average event size
 * jump forty-fold a minute after the flag; otherwise it stays as it was.
 */
function flaggedPayloads(grew: boolean) {
  const r = seeded(21);
  return writeScenario({
    name: 'sent-at-change',
    signal: alert('store', 'WritesRejected'),
    topology: { producer: ['bus', 'users-db'], bus: ['store'] },
    evidence: {
      metrics: [
        series('producer', 'event_bytes_avg', 900, grew ? 36_000 : undefined, 24, r),
        series('producer', 'http_error_ratio', 0.002, undefined, 0, r),
        series('users-db', 'http_error_ratio', 0.001, undefined, 0, r),
        series('bus', 'http_error_ratio', 0.001, undefined, 0, r),
        series('store', 'cpu_utilization', 32, 100, 13, r),
        series('store', 'write_rejected_total', 1, 5200, 12, r),
      ],
      changes: [{ at: '-25m', service: 'producer', kind: 'feature_flag', summary: 'audit.capture_request_bodies OFF -> ON' }],
    },
  });
}

describe('a change whose service sends something different from it on', () => {
  it('is the cause of the callee that then ran out, however many minutes that took', async () => {
    const { scored } = await replayDirect(flaggedPayloads(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'producer', kind: 'feature_flag' });
    expect(scored.changes?.find((c) => c.service === 'producer')?.reason).toContain('event_bytes_avg on producer went from');
  });

  it('is not, when nothing it sends moved at the change', async () => {
    const { scored } = await replayDirect(flaggedPayloads(false));
    expect(scored.suspects[0]!.service).toBe('store');
  });
});
