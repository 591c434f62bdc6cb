import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { lostTogether } from '../../../functions/score/core/unreachable.js';

const at = Date.parse('2026-03-14T19:20:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ votes: ['broker'], listing: ['things-db'], comments: ['cassandra'], cni: ['cluster'] });
const observed = new Set(['votes', 'listing', 'comments', 'cni', 'cluster']);

/** What a caller said of a dependency we see only through it, and what its spans recorded there. */
const said = (callee: string, caller: string, words: string, minutesBefore: number): Signal[] => [
  { service: callee, family: 'dependency_mention', strength: 0.63, onsetMs: at - minutesBefore * min, evidenceId: `LOG_${callee}`, local: true, hint: 'infrastructure', text: `${caller} reports failures calling ${callee}: ${caller} logged error "${words}"` },
  { service: callee, family: 'error_origin', strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: `TRACE_${callee}`, local: true, text: `4 failing spans start in ${callee}` },
];
const caller = (service: string, minutesBefore: number): Signal => ({ service, family: 'errors', strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: `ERR_${service}`, local: false, text: `${service} error rate rose` });
const platform: Signal[] = [
  { service: 'cni', family: 'log_error', strength: 0.8, onsetMs: at - 7 * min, evidenceId: 'LOG_cni', local: true, hint: 'infrastructure', text: 'cni logged error "no route reflector nodes match selector; BGP peerings withdrawn"' },
  { service: 'cni', family: 'runtime_crash', strength: 0.7, onsetMs: at - 5 * min, evidenceId: 'RUN_cni', local: true, text: 'cni restarted on 9 nodes' },
];

describe('dependencies their callers lost the way to together', () => {
  it('are not each failing: several dependencies unreachable by route in the same minutes weigh half', () => {
    const signals = [...said('broker', 'votes', 'amqp: dial tcp 10.2.50.11:5672: connect: no route to host', 6), ...said('things-db', 'listing', 'could not connect to server: No route to host', 5), ...said('cassandra', 'comments', 'dial tcp 10.2.31.9:9042: connect: no route to host', 3), caller('votes', 6), caller('listing', 5), caller('comments', 3), ...platform];
    const profiles = profileServices(signals, graph, frame);
    expect([...lostTogether(profiles, observed)].sort()).toEqual([['broker', 3], ['cassandra', 3], ['things-db', 3]]);
    const ranked = rankSuspects(profiles, [], observed);
    const broker = ranked.find((c) => c.service === 'broker')!;
    expect(broker.reasons.some((r) => /could not reach it \(no route to it, or no certificate it could trust\), nor 2 other dependencies/.test(r))).toBe(true);
    const alone = rankSuspects(profileServices([...said('broker', 'votes', 'amqp: dial tcp 10.2.50.11:5672: connect: no route to host', 6), caller('votes', 6), ...platform], graph, frame), [], observed).find((c) => c.service === 'broker')!;
    expect(broker.raw).toBeCloseTo(alone.raw / 2, 1);
  });

  it('reads two dependencies whose certificates their callers could not trust in the same minutes the same way', () => {
    const signals = [...said('broker', 'votes', 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid', 6), ...said('things-db', 'listing', 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed', 5)];
    expect([...lostTogether(profileServices(signals, graph, frame), observed)].sort()).toEqual([['broker', 2], ['things-db', 2]]);
  });

  it('leaves a single unreachable dependency, one that answered with errors of its own, and losses hours apart to their own reading', () => {
    const lone = profileServices([...said('broker', 'votes', 'connect: no route to host', 6), caller('votes', 6)], graph, frame);
    expect(lostTogether(lone, observed).size).toBe(0);
    const answered = profileServices([...said('broker', 'votes', 'connect: no route to host', 6), ...said('things-db', 'listing', 'things-db returned 503 Service Unavailable', 5)], graph, frame);
    expect(lostTogether(answered, observed).size).toBe(0);
    const apart = profileServices([...said('broker', 'votes', 'connect: no route to host', 90), ...said('things-db', 'listing', 'No route to host', 5)], graph, frame);
    expect(lostTogether(apart, observed).size).toBe(0);
    const named = profileServices([...said('broker', 'votes', 'dial tcp: lookup broker on 10.0.0.10:53: no such host', 6), ...said('things-db', 'listing', 'getaddrinfo ENOTFOUND things-db', 5)], graph, frame);
    expect(lostTogether(named, observed).size).toBe(0);
  });
});
