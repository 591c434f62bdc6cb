import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

const SHARED = '/work/shared/scenarios';
const deployFile = `${SHARED}/orders-bad-deploy.json`;
const postgresFile = `${SHARED}/postgres-connections-exhausted.json`;
const topology = { web: ['api'], api: ['db', 'cache'] };

/** Web calls api calls db; db's connections saturate 10 minutes before the alert and errors climb up the chain. */
function twoHopScenario(extra: Record<string, unknown> = {}) {
  const r = seeded(7);
  return {
    name: 'two-hop-db-saturation',
    signal: alert('web'),
    topology,
    evidence: {
      metrics: [
        series('web', 'http_error_ratio', 0.002, 0.2, 9, r),
        series('api', 'http_error_ratio', 0.002, 0.3, 9, r),
        series('db', 'db_connections_in_use_ratio', 0.4, 1.0, 10, r),
        series('cache', 'http_error_ratio', 0.002, undefined, 0, r),
        series('db', 'cpu_usage_ratio', 0.3, undefined, 0, r),
      ],
      logs: [
        ...Array.from({ length: 60 }, (_, i) => ({ at: `-${60 - i}m`, service: 'api', level: 'error', message: `cache miss for key ${i} took 3ms` })),
        ...Array.from({ length: 20 }, (_, i) => ({ at: `-${9 - (i % 9)}m${i}s`, service: 'api', level: 'error', message: `timeout acquiring connection after ${5000 + i}ms` })),
      ],
      ...extra,
    },
    expected: { rootCause: { service: 'db', kind: 'resource_exhaustion' }, action: 'none' },
  };
}

describe('scoreInvestigation on replayed scenarios', () => {
  it('names the shipped deploy as the cause and recommends a rollback', async () => {
    const { scored } = await replayDirect(deployFile);
    expect(scored.suspects[0]).toMatchObject({ service: 'orders', kind: 'deployment' });
    expect(scored.recommendedAction).toMatchObject({ kind: 'rollback', service: 'orders' });
    expect(scored.suspects[0]!.evidenceIds.some((id) => id.startsWith('CHANGE_'))).toBe(true);
  });

  it('blames the exhausted database, not the alerting caller, and recommends no restart without a leak', async () => {
    const { scored, signal } = await replayDirect(postgresFile);
    expect(signal.service).toBe('orders');
    expect(scored.suspects[0]).toMatchObject({ service: 'postgres', kind: 'resource_exhaustion' });
    expect(scored.recommendedAction.kind).toBe('none');
  });

  it('ranks the callee two hops down above the alerting caller and the hop between', async () => {
    const { scored } = await replayDirect(writeScenario(twoHopScenario()));
    const rank = (service: string) => scored.suspects.findIndex((s) => s.service === service);
    expect(scored.suspects[0]).toMatchObject({ service: 'db', kind: 'resource_exhaustion' });
    expect(rank('web') === -1 || rank('web') > 0).toBe(true);
    expect(rank('api') === -1 || rank('api') > 0).toBe(true);
  });

  it('does not make a deploy that landed after the onset the top suspect', async () => {
    const late = twoHopScenario({ changes: [{ at: '-3m', service: 'api', kind: 'deployment', summary: 'api v2.0.1 hotfix', version: 'v2.0.1' }] });
    const { scored } = await replayDirect(writeScenario(late));
    expect(scored.suspects[0]).toMatchObject({ service: 'db', kind: 'resource_exhaustion' });
    expect(scored.suspects.some((s) => s.kind === 'deployment' && s.score > scored.suspects[0]!.score)).toBe(false);
    expect(scored.timeline.some((t) => t.text.includes('not the cause'))).toBe(true);
  });

  it('ignores a deploy on a service that shows nothing', async () => {
    const unrelated = twoHopScenario({ changes: [{ at: '-12m', service: 'cache', kind: 'deployment', summary: 'cache v9', version: 'v9' }] });
    const { scored } = await replayDirect(writeScenario(unrelated));
    expect(scored.suspects[0]!.service).toBe('db');
    expect(scored.recommendedAction.kind).not.toBe('rollback');
  });

  it('gives the same ids and verdict on every run', async () => {
    const a = await replayDirect(deployFile);
    const b = await replayDirect(deployFile);
    expect(b.scored.evidence.map((e) => e.id)).toEqual(a.scored.evidence.map((e) => e.id));
    expect(b.scored.suspects).toEqual(a.scored.suspects);
    expect(b.scored.timeline).toEqual(a.scored.timeline);
  });

  it('lowers confidence when a provider fails, and the RCA says which', async () => {
    const healthy = await replayDirect(postgresFile, {
      override: (plan) => (plan.evidenceClass === 'traces' ? { planId: plan.planId, evidenceClass: 'traces', backend: { id: plan.backend.id, type: plan.backend.type }, status: 'success', query: { text: 'traces for orders', target: 'tempo', window: plan.window }, durationMs: 120, notes: [], items: [] } : undefined),
    });
    const broken = await replayDirect(postgresFile, {
      override: (plan) =>
        plan.evidenceClass === 'traces'
          ? { planId: plan.planId, evidenceClass: 'traces', backend: { id: plan.backend.id, type: plan.backend.type }, status: 'error', query: { text: 'traces for orders', target: 'tempo', window: plan.window }, durationMs: 45_000, notes: [], items: [], error: { name: 'ProviderTimeoutError', message: 'no answer in 45000 ms', retryable: false } }
          : undefined,
    });
    expect(broken.scored.suspects[0]!.service).toBe('postgres');
    expect(broken.scored.confidence).toBeLessThan(healthy.scored.confidence);
    expect(broken.rca.caveats.join(' ')).toContain('ProviderTimeoutError');
  });

  it('writes an RCA whose every statement cites evidence kept in the digest', async () => {
    const { scored, rca } = await replayDirect(deployFile);
    const ids = new Set(scored.evidence.map((e) => e.id));
    const statements = [rca.summary, rca.rootCause.statement, ...rca.causalChain];
    for (const s of statements) {
      expect(s.evidenceIds.length).toBeGreaterThan(0);
      for (const id of s.evidenceIds) expect(ids.has(id)).toBe(true);
    }
    for (const id of scored.suspects[0]!.evidenceIds) expect(ids.has(id)).toBe(true);
    expect(scored.digest.estimatedTokens).toBeLessThanOrEqual(scored.digest.tokenBudget);
  });

  it('keeps the Step Functions state small', async () => {
    const { scored } = await replayDirect(deployFile);
    expect(Buffer.byteLength(JSON.stringify(scored))).toBeLessThan(64 * 1024);
    expect(JSON.parse(readFileSync(deployFile, 'utf8')).expected.rootCause.service).toBe(scored.suspects[0]!.service);
  });
});
