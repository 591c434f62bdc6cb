import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-08-11T10:13:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ cart: ['cart-redis', 'nodepool'], 'cart-redis': ['nodepool'], pricing: ['nodepool'] });
const observed = new Set(['cart', 'cart-redis', 'pricing', 'nodepool']);
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number, hint?: Signal['hint']): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}`, ...(hint ? { hint } : {}) });

/** A node-pool upgrade drains nodes: ready nodes fall, pods wait, and the services on the pool are evicted right after. */
const signals: Signal[] = [
  sig('nodepool', 'units_lost', 0.45, 14.5),
  sig('cart-redis', 'units_lost', 0.85, 14),
  sig('cart-redis', 'error_origin', 1, 11),
  sig('cart-redis', 'log_error', 0.9, 13),
  sig('cart-redis', 'runtime_node', 0.7, 14, 'resource_exhaustion'),
  sig('pricing', 'errors', 1, 14),
  sig('pricing', 'runtime_node', 0.75, 14, 'resource_exhaustion'),
];
const upgrade = (minutesBefore: number): Attribution => ({
  change: { id: 'CHANGE_1', class: 'changes', service: 'nodepool', kind: 'infrastructure', at: new Date(at - minutesBefore * min).toISOString(), summary: 'node pool upgrade, maxUnavailable 6', link: { kind: 'none' } } as unknown as Attribution['change'],
  kind: 'infrastructure',
  score: 0.9,
  fit: 0.94,
  redHerring: false,
  reason: 'node pool upgrade; nodepool itself went wrong 1 min after it',
});

describe("a change that fits its own service's trouble", () => {
  it('takes the weight of the services whose trouble propagation puts on it and that broke after it', () => {
    const profiles = profileServices(signals, graph, frame);
    expect(profiles.get('cart-redis')!.explainedBy).toBe('nodepool');
    const ranked = rankSuspects(profiles, [upgrade(15)], observed);
    expect(ranked[0]).toMatchObject({ service: 'nodepool', kind: 'infrastructure' });
  });

  it('leaves services whose trouble began before the change their weight', () => {
    const profiles = profileServices(signals, graph, frame);
    const before = rankSuspects(profiles, [], observed).find((c) => c.service === 'cart-redis')!;
    const ranked = rankSuspects(profiles, [upgrade(13.5)], observed).find((c) => c.service === 'cart-redis' && c.kind === before.kind)!;
    expect(ranked.raw).toBeCloseTo(before.raw, 6);
  });
});
