import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ edge: ['front'], front: ['back', 'media'] });
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'errors' && family !== 'latency', text: `${service} ${family}`, ...extra });

/** A premiere: demand rises six-fold on a caller and its callee at once; the caller's CPU doubles to 60% of its limit, the callee's reaches its limit. */
const surge = (calleeShare: number): Signal[] => [
  sig('front', 'traffic_up', 1, 6),
  sig('front', 'cpu', 0.8, 6, { peakShare: 0.6 }),
  sig('front', 'errors', 1, 5),
  sig('front', 'log_error', 1, 6, { text: 'front logged error "back check timed out after <*>ms"' }),
  sig('back', 'traffic_up', 1, 6),
  sig('back', 'cpu', 1, 6, { peakShare: calleeShare }),
  sig('back', 'self_time', 1, 5.5),
  sig('back', 'errors', 1, 5),
];

describe('demand that flows down the call graph', () => {
  it('is put where it met a limit: a callee at its limit under a caller with room to spare is not fed by the caller', () => {
    const profiles = profileServices(surge(1.03), graph, frame);
    expect(profiles.get('back')!.fedBy).toBeUndefined();
    expect(profiles.get('back')!.rootness).toBe(1);
    expect(profiles.get('front')!.explainedBy).toBe('back');
  });

  it('still carries the caller’s surge to a callee that had room of its own', () => {
    const profiles = profileServices(surge(0.5), graph, frame);
    expect(profiles.get('back')!.fedBy).toBe('front');
  });
});
