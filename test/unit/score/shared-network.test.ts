import { describe, expect, it } from 'vitest';
import { packetCounters, reachedThroughNetwork, sharedNetworkLinks } from '../../../functions/score/core/pieces.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const TOLERANCE = 120_000;
/** The pieces that count packets. */
const NETWORK = new Set(['gateway']);
const sig = (service: string, family: Signal['family'], extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - 18 * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
/** A service's own retransmit series rising: errors it counted on its connections, read as the network's. */
const resent = (service: string, extra: Partial<Signal> = {}) => sig(service, 'errors', { hint: 'infrastructure', evidenceId: `E_${service}_retrans`, ...extra });
/** Web and jobs both route through the gateway; web also calls the cache and the database, jobs the database. */
const graph = () => mergeGraph({ web: ['db', 'cache', 'jobs', 'gateway'], jobs: ['db', 'gateway'], db: [], cache: [] });

describe('the network piece under services that lose packets together', () => {
  it('is the piece two of them call that loses nothing itself: every one losing packets is its victim, and their loss its own evidence', () => {
    const web = resent('web');
    const jobs = resent('jobs', { onsetMs: at - 17 * 60_000 });
    const db = resent('db');
    const out = sharedNetworkLinks([web, jobs, db, sig('web', 'errors', { evidenceId: 'E_web_5xx' })], graph(), NETWORK, TOLERANCE);
    expect(out.edges).toEqual({ db: ['gateway'] });
    expect(out.signals.map((s) => [s.service, s.evidenceId, s.local, s.hint])).toEqual([
      ['gateway', 'E_db_retrans', true, 'infrastructure'],
      ['gateway', 'E_jobs_retrans', true, 'infrastructure'],
      ['gateway', 'E_web_retrans', true, 'infrastructure'],
    ]);
    expect(out.moved).toEqual(new Set([db, jobs, web]));
  });

  it('names no piece for one service losing packets alone, for loss that began far apart, or for a piece that counts failures of its own', () => {
    expect(sharedNetworkLinks([resent('web')], graph(), NETWORK, TOLERANCE).signals).toEqual([]);
    expect(sharedNetworkLinks([resent('web'), resent('jobs', { onsetMs: at - 60 * 60_000 })], graph(), NETWORK, TOLERANCE).signals).toEqual([]);
    expect(sharedNetworkLinks([resent('web'), resent('jobs'), sig('gateway', 'log_error')], graph(), NETWORK, TOLERANCE).signals).toEqual([]);
  });

  it('names no application the losing services share (a database they both call that counts no packets)', () => {
    expect(sharedNetworkLinks([resent('web'), resent('jobs')], graph(), new Set(), TOLERANCE).signals).toEqual([]);
  });

  it('reads as the network the services that report packets, and only those', () => {
    const series = (service: string, name: string) => ({ class: 'metrics', id: `M_${service}_${name}`, service, name, labels: {}, startMs: at, stepMs: 60_000, values: [0], link: { kind: 'none' } }) as unknown as Evidence;
    expect(packetCounters([series('gateway', 'PacketDropCountBlackhole'), series('db', 'mysql_threads_running'), series('web', 'http_requests_per_second')])).toEqual(new Set(['gateway']));
  });

  it('leaves it open when the losing services share two candidate pieces', () => {
    const both = mergeGraph({ web: ['gateway', 'vpn'], jobs: ['gateway', 'vpn'] });
    expect(sharedNetworkLinks([resent('web'), resent('jobs')], both, new Set(['gateway', 'vpn']), TOLERANCE).signals).toEqual([]);
  });

  it('reads only counted loss: errors without a network hint, or weak ones, point at no network', () => {
    expect(sharedNetworkLinks([sig('web', 'errors'), sig('jobs', 'errors')], graph(), NETWORK, TOLERANCE).signals).toEqual([]);
    expect(sharedNetworkLinks([resent('web', { strength: 0.1 }), resent('jobs', { strength: 0.1 })], graph(), NETWORK, TOLERANCE).signals).toEqual([]);
  });
});

describe('a callee seen failing only by callers that lose packets', () => {
  const losing = new Set(['web', 'jobs']);
  const observed = new Set(['web', 'jobs', 'cache', 'db']);
  /** The cache's own series are its own; what web recorded about it is not. */
  const own = (service: string, evidenceId: string) => evidenceId.startsWith(`E_${service}_own`);

  it('is reached through the network piece: what the callers saw of it was lost on the way', () => {
    const views = [sig('cache', 'dependency_mention', { evidenceId: 'E_web_timeout' }), sig('cache', 'self_time', { evidenceId: 'E_web_span' })];
    expect(reachedThroughNetwork(views, graph(), losing, 'gateway', observed, own)).toEqual(new Map([['cache', 'gateway']]));
  });

  it('speaks for itself when its own telemetry shows trouble, when it loses packets itself, or when we see it only through callers', () => {
    const views = [sig('cache', 'dependency_mention', { evidenceId: 'E_web_timeout' }), sig('cache', 'memory', { evidenceId: 'E_cache_own_memory' })];
    expect(reachedThroughNetwork(views, graph(), losing, 'gateway', observed, own)).toEqual(new Map());
    expect(reachedThroughNetwork([sig('jobs', 'dependency_mention', { evidenceId: 'E_web_reset' })], graph(), losing, 'gateway', observed, own)).toEqual(new Map());
    expect(reachedThroughNetwork([sig('cache', 'dependency_mention', { evidenceId: 'E_web_timeout' })], graph(), losing, 'gateway', new Set(['web', 'jobs']), own)).toEqual(new Map());
  });
});

describe('ranking packet loss on services that do not call each other', () => {
  it('names the gateway they share, not the callee whose calls timed out nor the services that lost packets', async () => {
    const r = seeded(11);
    const file = writeScenario({
      name: 'shared-gateway-loss',
      signal: alert('web'),
      topology: { web: ['cache', 'db', 'jobs', 'gateway'], jobs: ['db', 'gateway'] },
      evidence: {
        metrics: [
          series('web', 'http_error_ratio', 0.003, 0.2, 15, r),
          series('web', 'node_tcp_retransmit_ratio', 0.001, 0.04, 15, r),
          series('jobs', 'node_tcp_retransmit_ratio', 0.001, 0.03, 15, r),
          series('db', 'node_tcp_retransmit_ratio', 0.0007, 0.03, 15, r),
          series('db', 'http_error_ratio', 0.004, undefined, 0, r),
          series('cache', 'http_error_ratio', 0.001, undefined, 0, r),
          series('cache', 'http_request_duration_p99_seconds', 0.3, undefined, 0, r),
          series('gateway', 'PacketDropCountBlackhole', 0, undefined, 0, r),
        ],
        logs: Array.from({ length: 30 }, (_, i) => ({ at: `-${14 - (i % 14)}m${i}s`, service: 'web', level: 'warn', message: `cache get timeout after ${500 + i}ms host=10.0.3.${i}:11211, falling back to db` })),
      },
      expected: { rootCause: { service: 'gateway', kind: 'infrastructure' }, action: 'none' },
    });
    const { scored } = await replayDirect(file);
    expect(scored.suspects[0]).toMatchObject({ service: 'gateway', kind: 'infrastructure' });
  });
});
