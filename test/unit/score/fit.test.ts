import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

/** Points every `stepMin` minutes over the last `spanMin` minutes: `before` until `onsetMin` before the alert, then `after` (or a ramp given as a function of minutes before the alert). */
function points(spanMin: number, stepMin: number, level: (minBefore: number) => number, rand: () => number): [string, number][] {
  const out: [string, number][] = [];
  for (let m = spanMin; m >= 0; m -= stepMin) out.push([m === 0 ? '-0m' : `-${m}m`, Number((level(m) * (1 + (rand() - 0.5) * 0.04)).toFixed(5))]);
  return out;
}

/** A service whose error ratio jumps `onsetMin` minutes before the alert, with error logs from then on, and the changes given. */
function erroring(changes: unknown[], opts: { onsetMin?: number; stepMin?: number } = {}) {
  const { onsetMin = 10, stepMin = 1 } = opts;
  const r = seeded(11);
  return writeScenario({
    name: 'fit-probe',
    signal: alert('api'),
    topology: { api: [] },
    evidence: {
      metrics: [{ name: 'http_error_ratio', service: 'api', points: points(60, stepMin, (m) => (m <= onsetMin ? 0.2 : 0.002), r) }],
      logs: Array.from({ length: 30 }, (_, i) => ({ at: `-${onsetMin * 60 - i * 15}s`, service: 'api', level: 'error', message: `NullPointerException at OrderMapper.map line ${40 + (i % 3)}` })),
      changes,
    },
  });
}

const deploy = (at: string, summary = 'api v2.4.0: new order mapper') => ({ at, service: 'api', kind: 'deployment', summary, version: 'v2.4.0', previousVersion: 'v2.3.9' });

describe('attribution by fit', () => {
  it('blames a deploy the errors began right after, and says what changed at it', async () => {
    const { scored } = await replayDirect(erroring([deploy('-12m')]));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'deployment' });
    expect(scored.suspects[0]!.reasons[0]).toMatch(/api v2\.4\.0: new order mapper \(v2\.3\.9 → v2\.4\.0\).*went wrong 2 min after it \(api error rate rose/);
  });

  it('does not put a deploy long before the onset, with nothing tying the errors to it, above the service\'s own fault', async () => {
    const { scored } = await replayDirect(erroring([deploy('-55m')]));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'code_defect' });
    expect(scored.suspects.find((s) => s.kind === 'deployment')?.score ?? 0).toBeLessThan(scored.suspects[0]!.score);
  });

  it('never blames a hotfix deployed a step after the errors began', async () => {
    const { scored } = await replayDirect(erroring([deploy('-9m', 'api v2.4.1: hotfix for order mapper')]));
    expect(scored.suspects.some((s) => s.kind === 'deployment')).toBe(false);
  });

  it('counts a change inside the onset\'s own coarse bucket as before it, not after', async () => {
    const { scored } = await replayDirect(erroring([deploy('-18m')], { onsetMin: 20, stepMin: 5 }));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'deployment' });
  });
});

/** Memory of `api` over two hours with OOM kills in the last ten minutes; `shape` gives its level by minutes before the alert. */
function oom(shape: (minBefore: number) => number) {
  const r = seeded(5);
  return writeScenario({
    name: 'leak-probe',
    signal: alert('api'),
    topology: { api: [] },
    evidence: {
      metrics: [
        { name: 'memory_usage_percent', service: 'api', points: points(120, 1, shape, r) },
        { name: 'http_error_ratio', service: 'api', points: points(60, 1, (m) => (m <= 8 ? 0.1 : 0.002), r) },
      ],
      runtime: [
        { at: '-8m', service: 'api', kind: 'oom_killed', message: 'OOMKilled: container exceeded its memory limit' },
        { at: '-3m', service: 'api', kind: 'oom_killed', message: 'OOMKilled: container exceeded its memory limit' },
      ],
      changes: [deploy('-72m', 'api v2.4.0: cache account balances in process')],
    },
  });
}

describe('a deploy hours before an out-of-memory crash', () => {
  it('is the cause when memory grew from the deploy on', async () => {
    const { scored } = await replayDirect(oom((m) => (m > 72 ? 40 : 40 + (72 - m) * 0.85)));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'deployment' });
    expect(scored.suspects[0]!.reasons[0]).toContain('its memory grew from the change on');
  });

  it('is not, when memory stayed flat for an hour after it and jumped at the onset', async () => {
    const { scored } = await replayDirect(oom((m) => (m > 9 ? 40 : 98)));
    expect(scored.suspects[0]).toMatchObject({ service: 'api', kind: 'resource_exhaustion' });
  });
});

describe('what the RCA says about changes and confidence', () => {
  it('says what changed at the change it blames, citing it', async () => {
    const { rca, scored } = await replayDirect(erroring([deploy('-12m')]));
    expect(scored.changes).toEqual([expect.objectContaining({ verdict: 'blamed', service: 'api' })]);
    expect(rca.rootCause.statement.text).toMatch(/What changed: api v2\.4\.0: new order mapper \(v2\.3\.9 → v2\.4\.0\)/);
    expect(rca.rootCause.statement.evidenceIds[0]).toMatch(/^CHANGE_/);
  });

  it('says why it passed over a recent change on the failing path: a hotfix after the onset, a deploy that does not fit', async () => {
    const { rca, scored } = await replayDirect(erroring([deploy('-9m', 'api v2.4.1: hotfix for order mapper'), deploy('-55m', 'api v2.4.0: new order mapper')]));
    expect(scored.changes!.map((c) => c.verdict)).toEqual(['ruled_out', 'ruled_out']);
    const ruledOut = rca.caveats.filter((c) => c.startsWith('ruled out CHANGE_'));
    expect(ruledOut).toHaveLength(2);
    expect(ruledOut.find((c) => c.includes('hotfix'))).toMatch(/after the trouble started/);
    expect(ruledOut.find((c) => c.includes('v2.4.0'))).toMatch(/explains the trouble better.*too long after it/);
  });

  it('opens a summary below 0.5 confidence with "Low confidence", and not one above', async () => {
    const weak = await replayDirect(writeScenario({ name: 'weak', signal: alert('api'), topology: { api: ['db'] }, evidence: { logs: [{ at: '-2m', service: 'api', level: 'warn', message: 'slow query' }] } }));
    expect(weak.rca.confidence).toBeLessThan(0.5);
    expect(weak.rca.summary.text).toMatch(/^Low confidence \(0\.\d\d\): /);
    expect(weak.rca.caveats[0]).toMatch(/^low confidence/);
    const strong = await replayDirect(erroring([deploy('-12m')]));
    expect(strong.rca.confidence).toBeGreaterThanOrEqual(0.5);
    expect(strong.rca.summary.text).not.toMatch(/Low confidence/);
  });
});
