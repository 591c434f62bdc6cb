import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], strength: number, local: boolean): Signal => ({ service, family, strength, onsetMs: at - 2 * 60_000, evidenceId: `E_${service}_${family}`, local, text: `${service} ${family}` });
const graph = mergeGraph({ web: ['orders', 'ads'] });
// The entry's error ratio is all it shows; spans carry no status, so only the entry can report failures.
const entryErrors = sig('web', 'errors', 1, false);

describe('failures with nothing of their own at the caller, and a dependency whose traces stop partway', () => {
  it('are the dependency\'s, even on a single aborted trace', () => {
    const profiles = profileServices([entryErrors, sig('orders', 'pattern_break', 0.12, true)], graph, frame, new Set(['web']));
    expect(profiles.get('web')!.explainedBy).toBe('orders');
    expect(originScore(profiles.get('orders')!)).toBeGreaterThan(originScore(profiles.get('web')!));
  });

  it('stay the caller\'s when the dependency only got slower', () => {
    const profiles = profileServices([entryErrors, sig('orders', 'self_time', 0.12, true)], graph, frame, new Set(['web']));
    expect(originScore(profiles.get('web')!)).toBeGreaterThan(originScore(profiles.get('orders')!));
  });

  it('stay the caller\'s when the caller has evidence of its own', () => {
    const profiles = profileServices([entryErrors, sig('web', 'cpu', 0.9, true), sig('orders', 'pattern_break', 0.12, true)], graph, frame, new Set(['web']));
    expect(originScore(profiles.get('web')!)).toBeGreaterThan(originScore(profiles.get('orders')!));
  });
});
