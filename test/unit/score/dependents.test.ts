import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { dependentsTrouble } from '../../../functions/score/core/dependents.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { WEIGHTS } from '../../../functions/score/core/weights.js';

const at = Date.parse('2026-01-10T03:20:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ web: ['inbox'], inbox: ['store', 'search'] });
const observed = new Set(['web', 'inbox', 'store', 'search']);
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}` });

/** A store logs one warning as it rebalances; every folder its reader serves comes back empty. */
const signals = (readerMinutesBefore: number): Signal[] => [sig('store', 'log_error', 0.25, 25), sig('inbox', 'log_error', 0.9, readerMinutesBefore), sig('inbox', 'errors', 0.6, readerMinutesBefore)];
const rebalance: Attribution = {
  change: { id: 'CHANGE_1', class: 'changes', service: 'store', kind: 'deployment', at: new Date(at - 31 * min).toISOString(), summary: 'store: partition balancer with post-install rebalance', link: { kind: 'none' } } as unknown as Attribution['change'],
  kind: 'deployment',
  score: 0.73,
  fit: 0.99,
  redHerring: false,
  reason: 'store itself went wrong 6 min after it',
};

describe("a change that fits its own service's trouble", () => {
  it("is weighed by the trouble of the dependents it broke, not its own service's alone", () => {
    const profiles = profileServices(signals(25), graph, frame);
    expect(profiles.get('inbox')!.explainedBy).toBe('store');
    expect(dependentsTrouble(rebalance, profiles, WEIGHTS)).toBeGreaterThan(0.2);
    expect(rankSuspects(profiles, [rebalance], observed)[0]).toMatchObject({ service: 'store', kind: 'deployment' });
  });

  it('earns nothing from its dependents when it does not fit its own service above the pivot', () => {
    const profiles = profileServices(signals(25), graph, frame);
    expect(dependentsTrouble({ ...rebalance, score: 0.48, fit: 0.48 }, profiles, WEIGHTS)).toBe(0);
  });

  it('earns little from a dependent that broke long after its own service did', () => {
    const profiles = profileServices(signals(5), graph, frame);
    expect(profiles.get('inbox')!.explainedBy).toBe('store');
    expect(dependentsTrouble(rebalance, profiles, WEIGHTS)).toBeLessThan(0.01);
  });
});
