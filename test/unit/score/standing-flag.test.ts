import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

/** Points every five minutes from `fromMin` to `toMin` minutes before the alert: `level` by minutes before it, with a little noise. */
function points(fromMin: number, level: (minBefore: number) => number, seed: number, toMin = 0): [string, number][] {
  const r = seeded(seed);
  const out: [string, number][] = [];
  for (let m = fromMin; m >= toMin; m -= 5) out.push([m === 0 ? '-0m' : `-${m}m`, Number((level(m) * (1 + (r() - 0.5) * 0.06)).toFixed(5))]);
  return out;
}

/** A week before, two healthy hours. */
const lastWeek = (level: number, seed: number) => points(170 * 60, () => level, seed, 168 * 60);

/**
 * `api` failing on `kv`, whose write latency left its healthy range `kvLeftMin` minutes
 * before the alert, and a flag on `kv` switched 150 minutes before it (before the window).
 */
const flagged = (kvLeftMin: number) =>
  writeScenario({
    name: 'standing-flag-probe',
    signal: alert('api'),
    topology: { api: ['kv'], kv: [] },
    evidence: {
      reference: {
        from: '-170h',
        to: '-168h',
        metrics: [
          { name: 'kv_write_latency_p99_ms', service: 'kv', points: lastWeek(20, 1) },
          { name: 'cpu_usage_active', service: 'kv', unit: 'Percent', points: lastWeek(20, 5) },
          { name: 'http_error_ratio', service: 'api', points: lastWeek(0.002, 2) },
        ],
      },
      metrics: [
        { name: 'kv_write_latency_p99_ms', service: 'kv', points: points(240, (m) => (m > kvLeftMin ? 20 : 20 + 30 * (kvLeftMin - m)), 3) },
        { name: 'cpu_usage_active', service: 'kv', unit: 'Percent', points: points(240, (m) => (m > kvLeftMin ? 20 : Math.min(95, 20 + (kvLeftMin - m))), 6) },
        { name: 'http_error_ratio', service: 'api', points: points(240, (m) => (m > 10 ? 0.002 : 0.2), 4) },
      ],
      logs: [
        ...Array.from({ length: 40 }, (_, i) => ({ at: `-${600 - i * 15}s`, service: 'api', level: 'error', message: 'kv lookup timed out after 5s' })),
        ...Array.from({ length: 20 }, (_, i) => ({ at: `-${590 - i * 30}s`, service: 'kv', level: 'warn', message: 'raft: failed to contact quorum of nodes, stepping down' })),
      ],
      changes: [{ at: '-150m', service: 'kv', kind: 'feature_flag', summary: 'kv: streaming backend enabled on all clients' }],
    },
  });

describe('a flag switched before the window', () => {
  it('is the cause when its service was already far off its healthy reference when the window opened', async () => {
    const { scored } = await replayDirect(flagged(140));
    expect(scored.suspects[0]).toMatchObject({ service: 'kv', kind: 'feature_flag' });
  });

  it('is what the service runs with when its service opened the window inside its reference and left it later', async () => {
    const { scored } = await replayDirect(flagged(20));
    expect(scored.suspects.filter((s) => s.kind === 'feature_flag')).toEqual([]);
    expect(scored.timeline.find((e) => e.text.startsWith('feature_flag'))?.text).toContain('(not the cause)');
  });
});
