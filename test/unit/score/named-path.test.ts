import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { namedPathLinks } from '../../../functions/score/core/named-path.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T05:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const onset = at - 20 * 60_000;
const topology = mergeGraph({ firewall: ['scheduler'], scheduler: ['roster-db'] });
const signals = (raw: string): Signal[] => [
  { service: 'scheduler', family: 'errors', strength: 1, onsetMs: onset, evidenceId: 'M_sch', local: false, text: 'scheduler error rate rose' },
  { service: 'scheduler', family: 'log_error', strength: 0.9, onsetMs: onset, evidenceId: 'L_sch', local: true, text: `scheduler logged error "${raw}"`, raw },
  { service: 'firewall', family: 'errors', strength: 1, onsetMs: onset, evidenceId: 'M_fw', local: true, hint: 'infrastructure', text: 'firewall error rate rose (dropped packets)' },
];
const ranked = (raw: string) => {
  const direct = signals(raw);
  const graph = mergeGraph(Object.fromEntries([...topology].map(([k, v]) => [k, [...v]])), namedPathLinks(direct, topology));
  const profiles = profileServices([...direct, ...mentionSignals(direct, graph)], graph, frame);
  return { scheduler: originScore(profiles.get('scheduler')!), firewall: originScore(profiles.get('firewall')!) };
};

describe('a piece a service names as where its connections got no answer', () => {
  it('is where the failures of the calls it carried began, whichever way the topology draws it', () => {
    expect(namedPathLinks(signals('push roster failed: connect ECONNREFUSED via firewall'), topology)).toEqual({ scheduler: ['firewall'] });
    const s = ranked('push roster failed: connect ECONNREFUSED via firewall');
    expect(s.firewall).toBeGreaterThan(s.scheduler);
  });

  it('is not linked for a line that names it without saying a call got no answer', () => {
    expect(namedPathLinks(signals('roster rejected: shift overlaps rest period (checked via firewall rules)'), topology)).toEqual({});
  });
});

describe('a service named as what a failed call was about', () => {
  it('is not the way the call went: a resolver failing a query for a name is not cut off by that service', () => {
    const graph = mergeGraph({ 'svc-a': ['resolver'] });
    const lines: Signal[] = [
      { service: 'resolver', family: 'log_error', strength: 0.8, onsetMs: onset, evidenceId: 'L_res', local: true, text: 'resolver logged warn', raw: 'upstream query for svc-a.prod.svc.cluster.local failed: SERVFAIL' },
      { service: 'svc-a', family: 'log_error', strength: 0.8, onsetMs: onset, evidenceId: 'L_a', local: true, text: 'svc-a logged error', raw: 'lookup db.prod.svc.cluster.local: SERVFAIL' },
    ];
    expect(namedPathLinks(lines, graph)).toEqual({});
  });
});
