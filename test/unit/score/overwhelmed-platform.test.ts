import { describe, expect, it } from 'vitest';
import { platformLinks } from '../../../functions/score/core/platform.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

/*
 * Cluster DNS, listed in the topology with no calls in or out (nobody traces a name
 * lookup), is overwhelmed at the morning peak: its CPU is throttled, and two services
 * fail looking up the names of their own dependencies. To everyone on it the platform
 * failed, whatever demand ran it short.
 */
const at = Date.parse('2026-06-01T09:30:00Z');
const min = 60_000;
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });

const topology = { web: ['quotes', 'accounts'], quotes: ['quotes-cache'], accounts: ['accounts-db'], resolver: [] as string[] };
const lookupsFailed = [
  sig('quotes', 'log_error', 4, { hint: 'infrastructure', raw: 'dial tcp: lookup quotes-cache.svc.cluster.local on 10.0.0.10:53: i/o timeout' }),
  sig('accounts', 'log_error', 4, { hint: 'infrastructure', raw: 'could not translate host name "accounts-db.internal": Temporary failure in name resolution' }),
];

describe('a platform piece off every call, overwhelmed', () => {
  it('is what two services that failed on the platform right after its CPU was throttled share, though the topology lists it', () => {
    const { edges, signals } = platformLinks([sig('resolver', 'runtime_throttle', 5), ...lookupsFailed], mergeGraph(topology), min);
    expect(edges.quotes).toEqual(['resolver']);
    expect(edges.accounts).toEqual(['resolver']);
    expect(signals.filter((s) => s.service === 'resolver' && s.family === 'dependency_mention' && s.hint === 'infrastructure')).toHaveLength(2);
  });

  it('is linked when listed with no calls and its node was lost, or unlisted and its CPU was throttled', () => {
    expect(platformLinks([sig('resolver', 'runtime_node', 5), ...lookupsFailed], mergeGraph(topology), min).edges.quotes).toEqual(['resolver']);
    const unlisted = { web: topology.web, quotes: topology.quotes, accounts: topology.accounts };
    expect(platformLinks([sig('resolver', 'runtime_throttle', 5), ...lookupsFailed], mergeGraph(unlisted), min).edges.accounts).toEqual(['resolver']);
  });

  it('is not linked when it is on a call path (a service others call is no off-path platform), or when one service alone failed', () => {
    expect(platformLinks([sig('accounts', 'runtime_throttle', 5), ...lookupsFailed], mergeGraph(topology), min).edges).toEqual({});
    expect(platformLinks([sig('resolver', 'runtime_throttle', 5), lookupsFailed[0]!], mergeGraph(topology), min).edges).toEqual({});
  });

  it('is infrastructure, not a surge, when its callers felt it as the platform though demand rose first and ran it short', () => {
    const own = [sig('resolver', 'traffic_up', 6), sig('resolver', 'cpu', 5), sig('resolver', 'runtime_throttle', 5, { hint: 'resource_exhaustion' }), sig('resolver', 'latency', 5, { local: false })];
    const felt = lookupsFailed.map((s, i) => ({ ...s, service: 'resolver', family: 'dependency_mention' as const, local: false, strength: 0.8, evidenceId: `LOG_${i}` }));
    const kinds = (signals: Signal[]) => {
      const support = kindSupport(profileServices(signals, mergeGraph(topology), { alertAtMs: at, stepMs: 30_000 }).get('resolver')!);
      return { surge: support.get('traffic_surge')?.support ?? 0, platform: support.get('infrastructure')?.support ?? 0 };
    };
    const overwhelmed = kinds([...own, ...felt]);
    expect(overwhelmed.platform).toBeGreaterThan(overwhelmed.surge);
    const alone = kinds([...own, felt[0]!]);
    expect(alone.surge).toBeGreaterThan(alone.platform);
  });
});
