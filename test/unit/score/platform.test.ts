import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** Web calls api and auth; api calls db. Cluster DNS runs beside them and is in no call graph. */
const topology = { web: ['api', 'auth'], api: ['db'], auth: [] };

/** `count` error lines a minute apart, the last one a minute before the alert, plus steady info lines so the error is news. */
function logs(service: string, message: string, count: number) {
  return [
    ...Array.from({ length: 50 }, (_, i) => ({ at: `-${55 - i}m`, service, level: 'info', message: `served request ${i}` })),
    ...Array.from({ length: count }, (_, i) => ({ at: `-${count - i}m`, service, level: 'error', message })),
  ];
}

/** Node disk pressure evicts the DNS pods nine minutes before the alert; api and auth fail from seven minutes before it. */
function dnsOutage(options: { failing: Record<string, string>; troubleAt?: string }) {
  const r = seeded(11);
  const troubleAt = options.troubleAt ?? '-9m';
  return {
    name: 'cluster-dns-outage',
    signal: alert('web'),
    topology,
    evidence: {
      metrics: [series('web', 'http_error_ratio', 0.002, 0.3, 7, r), ...Object.keys(options.failing).map((s) => series(s, 'http_error_ratio', 0.002, 0.4, 7, r)), series('db', 'http_error_ratio', 0.002, undefined, 0, r)],
      logs: Object.entries(options.failing).flatMap(([service, message]) => logs(service, message, 7)),
      runtime: [
        { at: troubleAt, service: 'coredns', kind: 'node_pressure', message: 'node ip-10-0-1-5 condition DiskPressure=True' },
        { at: troubleAt, service: 'coredns', kind: 'evicted', count: 2, message: 'The node was low on resource: ephemeral-storage' },
      ],
    },
    expected: { rootCause: { service: 'coredns', kind: 'infrastructure' }, action: 'none' },
  };
}

const DNS_FAILURES = {
  api: 'query failed: dial tcp: lookup db.prod.svc.cluster.local on 10.96.0.10:53: i/o timeout',
  auth: 'getaddrinfo EAI_AGAIN users.prod.svc.cluster.local',
};

type Scored = Awaited<ReturnType<typeof replayDirect>>['scored'];
const scoreOf = (scored: Scored, service: string) => Math.max(0, ...scored.suspects.filter((s) => s.service === service).map((s) => s.score));
const replay = async (scenario: Record<string, unknown>) => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;

describe('platform off the call graph', () => {
  it('names the cluster service whose node trouble came first when several services then fail to resolve names', async () => {
    const scored = await replay(dnsOutage({ failing: DNS_FAILURES }));
    expect(scored.suspects[0]).toMatchObject({ service: 'coredns', kind: 'infrastructure' });
    expect(scoreOf(scored, 'coredns')).toBeGreaterThan(scoreOf(await replay(dnsOutage({ failing: {} })), 'coredns'));
    expect(scoreOf(scored, 'coredns') - Math.max(scoreOf(scored, 'api'), scoreOf(scored, 'auth'))).toBeGreaterThan(0.2);
  });

  it('takes nothing from failures that do not carry the platform signature', async () => {
    const alone = scoreOf(await replay(dnsOutage({ failing: {} })), 'coredns');
    const failing = { api: 'NullPointerException in OrderMapper.map', auth: 'NullPointerException in TokenCodec.decode' };
    expect(scoreOf(await replay(dnsOutage({ failing })), 'coredns')).toBe(alone);
  });

  it('leaves one service failing that way as its own suspect, not the platform\'s victim', async () => {
    const one = await replay(dnsOutage({ failing: { api: DNS_FAILURES.api } }));
    const two = await replay(dnsOutage({ failing: DNS_FAILURES }));
    expect(scoreOf(one, 'coredns')).toBeLessThan(scoreOf(two, 'coredns'));
    expect(scoreOf(one, 'api')).toBeGreaterThan(scoreOf(two, 'api'));
  });

  it('takes nothing from failures that began before the platform\'s trouble', async () => {
    const alone = scoreOf(await replay(dnsOutage({ failing: {}, troubleAt: '+1m' })), 'coredns');
    expect(scoreOf(await replay(dnsOutage({ failing: DNS_FAILURES, troubleAt: '+1m' })), 'coredns')).toBe(alone);
  });

  it('reads services evicted from their nodes, or whose hosts fail in words naming the platform piece, as its victims', async () => {
    const r = seeded(12);
    const zoneOutage = (victims: boolean) => ({
      name: 'zone-power-loss',
      signal: alert('api'),
      topology,
      evidence: {
        metrics: [series('web', 'http_error_ratio', 0.002, 0.5, 7, r), series('api', 'http_error_ratio', 0.002, 0.9, 7, r)],
        runtime: [
          { at: '-9m', service: 'zone-a', kind: 'node_pressure', count: 300, message: 'power loss: 300 nodes in zone-a NotReady' },
          ...(victims
            ? [
                { at: '-8m', service: 'api', kind: 'evicted', count: 12, message: 'pods on NotReady nodes marked for deletion; no capacity elsewhere' },
                { at: '-8m', service: 'db', kind: 'unhealthy', message: 'primary db-0 (zone-a) unreachable; replica not promoted' },
              ]
            : [{ at: '-8m', service: 'api', kind: 'unhealthy', message: 'readiness probe failed' }]),
        ],
      },
      expected: { rootCause: { service: 'zone-a', kind: 'infrastructure' }, action: 'none' },
    });
    const hit = await replay(zoneOutage(true));
    expect(hit.suspects[0]).toMatchObject({ service: 'zone-a', kind: 'infrastructure' });
    expect(scoreOf(hit, 'zone-a')).toBeGreaterThan(scoreOf(await replay(zoneOutage(false)), 'zone-a'));
  });
});
