import { describe, expect, it } from 'vitest';
import type { ProviderResult } from '../../../functions/contracts/index.js';
import { peerAliases, withAliases } from '../../../functions/score/core/aliases.js';

const grid = { startMs: Date.parse('2026-03-02T07:00:00Z'), stepMs: 60_000 };
const stats = (service: string, callees: Record<string, number>, seenOnlyByCallers = false) => ({ class: 'traces', kind: 'service_stats', service, ...grid, spans: [4], errors: [0], errorOrigins: [0], durationP90Ms: [3], selfTimeP90Ms: [1], callees, ...(seenOnlyByCallers ? { seenOnlyByCallers } : {}), link: { kind: 'none' } });
const result = (items: unknown[]) => ({ planId: 'p', evidenceClass: 'traces', backend: 'scenario', status: 'ok', items, durationMs: 1 }) as unknown as ProviderResult;
const cache = 'session-redis.x7k2pq.ng.0001.euw1.cache.amazonaws.com';

describe('a peer that callers name by an address of a service they call', () => {
  it('is that service', () => {
    const results = [result([stats('auth', { [cache]: 40, 'users-db': 40 }), stats(cache, {}, true)])];
    expect(peerAliases(results, { auth: ['session-redis', 'users-db'] })).toEqual(new Map([[cache, 'session-redis']]));
  });

  it('keeps its own name when no callee, or more than one, is named by its address, when it is a service of the topology, or when it has spans of its own', () => {
    expect(peerAliases([result([stats('auth', { [cache]: 40 }), stats(cache, {}, true)])], { auth: ['users-db'] }).size).toBe(0);
    expect(peerAliases([result([stats('auth', { 'redis.cache.internal': 40 }), stats('redis.cache.internal', {}, true)])], { auth: ['redis', 'cache'] }).size).toBe(0);
    expect(peerAliases([result([stats('auth', { [cache]: 40 }), stats(cache, {}, true)])], { auth: ['session-redis'], [cache]: [] }).size).toBe(0);
    expect(peerAliases([result([stats('auth', { [cache]: 40 }), stats(cache, {})])], { auth: ['session-redis'] }).size).toBe(0);
  });

  it('is called by that name everywhere: its stats, its callers’ calls and the spans of exemplars', () => {
    const exemplar = { class: 'traces', kind: 'exemplar', traceId: 't1', at: '2026-03-02T07:30:00Z', durationMs: 9, rootService: 'auth', rootName: 'POST /login', error: true, spans: [{ spanId: 'a', service: 'auth', name: 'POST /login', at: '2026-03-02T07:30:00Z', durationMs: 9, status: 'error' }, { spanId: 'b', parentSpanId: 'a', service: cache, name: 'SET', at: '2026-03-02T07:30:00Z', durationMs: 2, status: 'error' }], spansOmitted: 0, link: { kind: 'none' } };
    const [renamed] = withAliases([result([stats('auth', { [cache]: 40 }), stats(cache, {}, true), exemplar])], new Map([[cache, 'session-redis']]));
    const items = renamed!.items as unknown as { service?: string; callees?: Record<string, number>; spans?: { service: string }[] }[];
    expect(items[0]!.callees).toEqual({ 'session-redis': 40 });
    expect(items[1]!.service).toBe('session-redis');
    expect(items[2]!.spans!.map((s) => s.service)).toEqual(['auth', 'session-redis']);
  });
});
