import { describe, expect, it } from 'vitest';
import { rankInvestigation } from '../../../functions/score/core/index.js';
import { replayDirect, replayEvidence } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * A flag on `discovery` at -28m. From -3m its writes take seconds, it logs raft errors of
 * its own, and its callers time out on it. `tookEffect` makes its streaming subscriptions jump from ~20 to 38 000 a
 * minute after the flag; otherwise they stay where they were.
 */
function streamingFlag(tookEffect: boolean) {
  const r = seeded(31);
  return writeScenario({
    name: 'took-effect',
    signal: alert('gateway', 'LookupTimeouts'),
    topology: { gateway: ['sessions', 'chat'], sessions: ['discovery'], chat: ['discovery'] },
    evidence: {
      metrics: [
        series('discovery', 'streaming_subscriptions', 20, tookEffect ? 38_000 : undefined, 27, r),
        series('discovery', 'kv_apply_p99_ms', 6, 1_900, 3, r),
        series('discovery', 'http_error_ratio', 0.0005, 0.4, 3, r),
        series('sessions', 'http_error_ratio', 0.001, 0.3, 2, r),
        series('chat', 'http_error_ratio', 0.001, 0.3, 2, r),
      ],
      logs: [
        ...Array.from({ length: 20 }, (_, i) => ({ at: `-${59 - i * 3}m`, service: 'discovery', level: 'info', message: 'raft heartbeat ok' })),
        ...Array.from({ length: 12 }, (_, i) => ({ at: `-${180 - i * 15}s`, service: 'sessions', level: 'error', message: 'call to discovery exceeded deadline after 2000ms' })),
        ...Array.from({ length: 12 }, (_, i) => ({ at: `-${175 - i * 15}s`, service: 'discovery', level: 'error', message: `raft: failed to appendEntries to peer ${i % 3}: timeout after 500ms` })),
      ],
      changes: [{ at: '-28m', service: 'discovery', kind: 'feature_flag', summary: 'enable use_streaming_backend for health queries' }],
    },
  });
}

describe('a change whose own service’s work moved at it', () => {
  it('took effect there, so the trouble that grew from it half an hour later is its doing', async () => {
    const { scored } = await replayDirect(streamingFlag(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'discovery', kind: 'feature_flag' });
    expect(scored.changes?.find((c) => c.service === 'discovery')?.reason).toContain('streaming_subscriptions on discovery went from');
  });

  it('is weighed by the clock alone when nothing of the service moved at it', async () => {
    const fit = async (tookEffect: boolean) => {
      const { signal, results, topology } = await replayEvidence(streamingFlag(tookEffect));
      return rankInvestigation({ signal, results, topology }).attributions.find((a) => a.change.service === 'discovery')!.fit;
    };
    expect(await fit(true)).toBeGreaterThan(0.9);
    expect(await fit(false)).toBeLessThan(0.6);
  });
});
