import { describe, expect, it } from 'vitest';
import { platformLinks } from '../../../functions/score/core/platform.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
/** cart calls a cache we see only through its spans; catalog calls its database; both resolve names through cluster DNS, which is in no call graph. */
const graph = mergeGraph({ cart: ['cart-cache'], catalog: ['catalog-db'], checkout: ['cart-cache', 'payments'] });
const lookups = [sig('coredns', 'runtime_node', 12), sig('cart', 'log_error', 11, { hint: 'infrastructure', raw: 'redis get failed: dial tcp: lookup cart-cache.svc.cluster.local: i/o timeout' }), sig('catalog', 'log_error', 10, { hint: 'infrastructure', raw: 'UnknownHostException: catalog-db.svc.cluster.local' })];

describe('a dependency reached only through the calls of the platform’s victims', () => {
  it('is a victim of the platform too when we see it only through those calls', () => {
    const { edges } = platformLinks(lookups, graph, 3 * min, undefined, new Set(['cart', 'catalog', 'checkout', 'payments']));
    expect(edges['catalog-db']).toEqual(['coredns']);
    expect(edges.cart).toEqual(['coredns']);
  });

  it('is not when it has telemetry of its own, or a caller that the platform did not reach', () => {
    const { edges } = platformLinks(lookups, graph, 3 * min, undefined, new Set(['cart', 'catalog', 'checkout', 'payments', 'catalog-db']));
    expect(edges['catalog-db']).toBeUndefined();
    expect(edges['cart-cache']).toBeUndefined();
    expect(platformLinks(lookups, graph, 3 * min).edges['catalog-db']).toBeUndefined();
  });
});
