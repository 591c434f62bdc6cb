import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 5 * 60_000 };
const min = 60_000;
const graph = mergeGraph({ router: ['relay'] });

/** A router whose free slots ran out (a 5-minute series), and a relay under it that started dropping packets `relayAgo` minutes before the alert. */
const evidence = (routerAgo: number, relayAgo: number, routerId = 'METRIC_1'): Signal[] => [
  { service: 'router', family: 'saturation', strength: 0.85, onsetMs: at - routerAgo * min, evidenceId: routerId, local: true, text: 'router free slots fell to 0', stepMs: 5 * min },
  { service: 'router', family: 'errors', strength: 1, onsetMs: at - relayAgo * min, evidenceId: 'METRIC_2', local: false, text: 'router 5xx ratio rose', stepMs: 5 * min },
  { service: 'relay', family: 'errors', strength: 1, onsetMs: at - relayAgo * min, evidenceId: 'METRIC_3', local: true, text: 'relay packet loss rose', stepMs: 5 * min, hint: 'infrastructure' },
];

describe('trouble that began a whole step before the callee did', () => {
  it('is not the callee\'s doing when the caller\'s own series left their baseline a coarse step earlier', () => {
    const profiles = profileServices(evidence(20, 10), graph, frame);
    expect(profiles.get('router')!.explainedBy).toBeUndefined();
    expect(originScore(profiles.get('router')!)).toBeGreaterThan(originScore(profiles.get('relay')!));
  });

  it('is the callee\'s when both onsets fall within one step of the coarser series', () => {
    const profiles = profileServices(evidence(15, 10), graph, frame);
    expect(profiles.get('router')!.explainedBy).toBe('relay');
  });

  it('reads demand that rose earlier as what the caller was asked, not trouble of its own', () => {
    const rose = evidence(20, 10).map((s) => (s.evidenceId === 'METRIC_1' ? { ...s, family: 'traffic_up' as const, strength: 0.4 } : s));
    expect(profileServices(rose, graph, frame).get('router')!.explainedBy).toBe('relay');
  });

  it('reads only series: a line first seen where the window opened dates nothing', () => {
    const profiles = profileServices(evidence(20, 10, 'LOG_1'), graph, frame);
    expect(profiles.get('router')!.explainedBy).toBe('relay');
  });
});
