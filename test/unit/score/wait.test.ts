import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength, onsetMs: at - 2 * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'latency', text: `${service} ${family}`, ...extra });

describe('a caller waiting on a slow link', () => {
  const graph = mergeGraph({ web: ['reco', 'ads'] });
  const callerSide = [sig('web', 'self_time', 1), sig('web', 'latency', 0.8)];

  it('reads the caller\'s slower own spans as the wait its callee\'s link explains, and blames the callee', () => {
    const profiles = profileServices([...callerSide, sig('reco', 'inbound_latency', 0.6, { outsideSpans: true, waitsByCaller: { web: 10 } })], graph, frame);
    expect(originScore(profiles.get('reco')!)).toBeGreaterThan(originScore(profiles.get('web')!));
    expect(profiles.get('web')!.explainedBy).toBe('reco');
  });

  it('does not excuse the caller when the slower calls into the callee came from someone else', () => {
    const profiles = profileServices([...callerSide, sig('reco', 'inbound_latency', 0.6, { outsideSpans: true, waitsByCaller: { batch: 10 } })], graph, frame);
    expect(originScore(profiles.get('web')!)).toBeGreaterThan(originScore(profiles.get('reco')!));
  });
});
