import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { clearedOfUnsharedVictims, servedOthers, withoutUnsharedViews } from '../../../functions/score/core/served-others.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T03:19:00Z');
const graph = mergeGraph({ 'invoice-worker': ['ledger-db'], 'usage-rollup': ['ledger-db'] });
const series = (id: string, service: string) => ({ id, class: 'metrics', service, name: 'db_connect_timeouts_per_minute', labels: {}, unit: 'count/min' }) as unknown as Evidence;
const rose: Signal = { service: 'invoice-worker', family: 'errors', strength: 1, onsetMs: at, evidenceId: 'MET_1', local: false, text: 'invoice-worker error rate rose from 0 to 137 (db_connect_timeouts_per_minute)' };
const line: Signal = { service: 'invoice-worker', family: 'log_error', strength: 1, onsetMs: at, evidenceId: 'LOG_1', local: true, text: 'invoice-worker started logging error "Connect timed out (host ledger-db.internal)"', raw: 'Connect timed out (host ledger-db.internal)' };
const mention: Signal = { service: 'ledger-db', family: 'dependency_mention', strength: 0.7, onsetMs: at, evidenceId: 'LOG_1', local: true, text: 'invoice-worker reports failures calling ledger-db' };
const failover = { change: { id: 'CHANGE_1', class: 'changes', at: new Date(at).toISOString(), service: 'ledger-db', kind: 'infrastructure', summary: 'planned failover to standby' }, kind: 'infrastructure', score: 0.89, fit: 0, redHerring: false, reason: 'planned failover', explains: 'invoice-worker' } as unknown as Attribution;

describe('a dependency that kept serving its other callers', () => {
  it('clears the dependency of one caller whose connect timeouts rose while a sibling measured the same way stayed flat', () => {
    const served = servedOthers([series('MET_1', 'invoice-worker'), series('MET_2', 'usage-rollup')], [rose, line, mention], graph);
    expect([...(served.get('invoice-worker') ?? [])]).toEqual(['ledger-db']);
    expect(withoutUnsharedViews([rose, line, mention], served)).toEqual([rose, line]);
    expect(clearedOfUnsharedVictims([failover], served)[0]).toMatchObject({ redHerring: true, score: 0 });
  });

  it('keeps blaming it when the sibling failed the same way, there is no sibling to compare, or it failed in its own telemetry', () => {
    const siblingRose: Signal = { ...rose, service: 'usage-rollup', evidenceId: 'MET_2' };
    expect(servedOthers([series('MET_1', 'invoice-worker'), series('MET_2', 'usage-rollup')], [rose, siblingRose, line, mention], graph).size).toBe(0);
    expect(servedOthers([series('MET_1', 'invoice-worker')], [rose, line, mention], graph).size).toBe(0);
    const ownTrouble: Signal = { service: 'ledger-db', family: 'latency', strength: 1, onsetMs: at, evidenceId: 'MET_3', local: false, text: 'ledger-db commit time rose' };
    expect(servedOthers([series('MET_1', 'invoice-worker'), series('MET_2', 'usage-rollup')], [rose, line, mention, ownTrouble], graph).size).toBe(0);
    expect(clearedOfUnsharedVictims([failover], new Map())[0]).toBe(failover);
  });
});
