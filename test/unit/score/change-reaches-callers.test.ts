import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-03-02T03:30:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ web: ['inbox'], inbox: ['store'] });
const observed = new Set(['web', 'inbox', 'store']);
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}` });

/** A store that logged little of its own after its release, and the caller whose pages came up empty after it. */
const signals = (callerMinutesBefore: number): Signal[] => [sig('store', 'log_error', 0.35, 34), sig('inbox', 'log_error', 0.9, callerMinutesBefore), sig('inbox', 'errors', 0.8, callerMinutesBefore)];
const release: Attribution = {
  change: { id: 'CHANGE_1', class: 'changes', service: 'store', kind: 'deployment', at: new Date(at - 41 * min).toISOString(), summary: 'store 9.3.0: partition balancer', link: { kind: 'none' } } as unknown as Attribution['change'],
  kind: 'deployment',
  score: 0.73,
  fit: 0.99,
  redHerring: false,
  reason: 'store 9.3.0; store itself went wrong 7 min after it',
};

describe('a change that fits its own service and reaches a caller within the victim window', () => {
  it('carries that caller’s trouble on the scale, over the caller’s own code defect', () => {
    const profiles = profileServices(signals(33), graph, frame);
    expect(profiles.get('inbox')!.explainedBy).toBe('store');
    expect(rankSuspects(profiles, [release], observed)[0]).toMatchObject({ service: 'store', kind: 'deployment' });
  });

  it('does not carry a caller that broke long after the change', () => {
    const profiles = profileServices(signals(5), graph, frame);
    const ranked = rankSuspects(profiles, [release], observed);
    expect(ranked[0]).toMatchObject({ service: 'inbox', kind: 'code_defect' });
  });
});
