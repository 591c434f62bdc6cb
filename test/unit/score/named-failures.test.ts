import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ 'dns-watch': ['managed-dns'] });
const watcher = (raw: string): Signal[] => [
  { service: 'dns-watch', family: 'latency', strength: 1, onsetMs: at - 24 * 60_000, evidenceId: 'M_watch', local: false, text: 'dns-watch latency rose' },
  { service: 'dns-watch', family: 'log_error', strength: 1, onsetMs: at - 24 * 60_000, evidenceId: 'L_watch', local: true, text: `dns-watch started logging error "${raw}"`, raw },
];
const profile = (raw: string) => {
  const direct = watcher(raw);
  return profileServices([...direct, ...mentionSignals(direct, graph)], graph, frame);
};

describe("a caller's calls into a named callee that got no answer", () => {
  it('are the callee\'s trouble seen from the caller, however quiet the callee', () => {
    const profiles = profile('lookup www.example.com via ns1.p01.managed-dns.net: i/o timeout');
    expect(profiles.get('dns-watch')!.explainedBy).toBe('managed-dns');
    expect(originScore(profiles.get('managed-dns')!)).toBeGreaterThan(originScore(profiles.get('dns-watch')!));
  });

  it('leave what the callee answered to the caller', () => {
    const profiles = profile('managed-dns zone update rejected: record set exceeds the limit of 100');
    expect(originScore(profiles.get('dns-watch')!)).toBeGreaterThan(originScore(profiles.get('managed-dns')!));
  });

  it('leave a name that did not resolve on the cluster resolver to the platform', () => {
    const profiles = profile('query failed: dial tcp: lookup managed-dns.prod.svc.cluster.local on 10.96.0.10:53: i/o timeout');
    expect(originScore(profiles.get('dns-watch')!)).toBeGreaterThan(originScore(profiles.get('managed-dns')!));
  });
});
