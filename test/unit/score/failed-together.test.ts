import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ 'web-api': ['cache'], 'chat-api': ['cache'] });

/** Two callers that began failing in the same minute, each logging its failure loudly in its own words. */
const callers: Signal[] = [
  { service: 'web-api', family: 'errors', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M_web', local: false, text: 'web-api error rate rose' },
  { service: 'web-api', family: 'log_error', strength: 1, onsetMs: at - 10 * min, evidenceId: 'L_web', local: true, text: 'web-api started logging error "cannot write session: cluster is down"' },
  { service: 'chat-api', family: 'errors', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M_chat', local: false, text: 'chat-api error rate rose' },
  { service: 'chat-api', family: 'log_error', strength: 1, onsetMs: at - 10 * min, evidenceId: 'L_chat', local: true, text: 'chat-api started logging error "session lookup failed"' },
];

/** The store they share lost a host under it a little earlier: its own, quieter evidence. */
const hostLost: Signal = { service: 'cache', family: 'runtime_node', strength: 0.6, onsetMs: at - 12 * min, evidenceId: 'R_cache', local: true, hint: 'infrastructure', text: 'cache lost the host under it' };

describe('services failing together on a piece they share', () => {
  it('puts the failures of two callers that failed in the same minutes on the troubled dependency they share', () => {
    const profiles = profileServices([...callers, hostLost], graph, frame);
    expect(profiles.get('web-api')!.explainedBy).toBe('cache');
    expect(profiles.get('chat-api')!.explainedBy).toBe('cache');
    expect(originScore(profiles.get('cache')!)).toBeGreaterThan(originScore(profiles.get('web-api')!));
    expect(originScore(profiles.get('cache')!)).toBeGreaterThan(originScore(profiles.get('chat-api')!));
  });

  it('leaves a lone failing caller weighed by how much its dependency explains', () => {
    const lone = profileServices([...callers.filter((s) => s.service === 'web-api'), hostLost], graph, frame);
    expect(originScore(lone.get('web-api')!)).toBeGreaterThan(originScore(lone.get('cache')!));
  });

  it('does not put callers failing together on a dependency whose only trouble is what they said about it', () => {
    const namedOnly: Signal[] = ['M_web', 'M_chat'].map((evidenceId) => ({ service: 'cache', family: 'dependency_mention', strength: 0.7, onsetMs: at - 10 * min, evidenceId, local: true, text: '2 callers of cache started failing together' }));
    const profiles = profileServices([...callers, ...namedOnly], graph, frame);
    expect(profiles.get('web-api')!.rootness).toBeGreaterThan(0.25);
  });
});
