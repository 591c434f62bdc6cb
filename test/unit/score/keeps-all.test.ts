import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * A store whose memory is full of what it keeps refuses new writes instead of evicting:
 * more memory takes writes again, a restart loses or reloads the same data. A cache that
 * evicts to make room is short of nothing it must keep.
 */
const at = Date.parse('2026-05-04T08:00:00Z');
const top: Suspect = { service: 'session-redis', kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['METRIC_MEM'], reasons: [] };
const full: Signal = { service: 'session-redis', family: 'memory', strength: 0.9, onsetMs: at, evidenceId: 'METRIC_MEM', local: true, peakShare: 1, text: 'session-redis memory reached its limit (100 of 100, DatabaseMemoryUsagePercentage)' };
const evictions = (values: number[]) => ({ class: 'metrics', id: 'METRIC_EV', service: 'session-redis', name: 'Evictions', unit: 'Count', labels: {}, startMs: at - 30 * 60_000, stepMs: 300_000, values }) as unknown as Evidence;

describe('a store full of what it keeps', () => {
  it('gets more memory when it evicted nothing while full', () => {
    const a = recommendAction(top, [full], { evidence: [evictions([0, 0, 0, 0, 0, 0])] });
    expect(a.kind).toBe('scale_out');
    expect(a.evidenceIds[0]).toBe('METRIC_MEM');
  });

  it('gets more memory when its writes were refused because memory was full', () => {
    const refused: Signal = { ...full, family: 'dependency_mention', evidenceId: 'LOG_4', peakShare: undefined, hint: 'resource_exhaustion', text: 'login reports failures calling session-redis', raw: "SET session failed: OOM command not allowed when used memory > 'maxmemory'" };
    expect(recommendAction(top, [refused]).kind).toBe('scale_out');
  });

  it('gets no action when it evicts to make room: a cache doing its job', () => {
    expect(recommendAction(top, [full], { evidence: [evictions([0, 0, 820, 790, 860, 810])] }).kind).toBe('none');
  });
});
