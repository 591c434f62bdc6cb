import { describe, expect, it } from 'vitest';
import { growthBlocked } from '../../../functions/score/core/blocked.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-11-27T17:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ gateway: ['dispatcher'] });
const sig = (family: Signal['family'], strength: number, minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'dispatcher', family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${family}`, local: family !== 'latency', text: `dispatcher ${family}`, ...extra });

/** Holiday demand 1.6 times the usual reaches the dispatcher; its CPU pins eight minutes later and latency follows. */
const surge = [sig('traffic_up', 0.5, 38), sig('cpu', 0.5, 30, { peakShare: 1 }), sig('latency', 1, 25)];
const noAddress = sig('runtime_other', 0.6, 31, { hint: 'resource_exhaustion', text: 'dispatcher failed its health checks (18×): FailedCreatePodSandBox: failed to assign an IP address to container' });
const kinds = (signals: Signal[]) => kindSupport(profileServices(signals, graph, frame).get('dispatcher')!);

describe('a surge whose new instances could not start for want of a resource', () => {
  it('is the shortage that blocked them: scaling out is what cannot happen', () => {
    const k = kinds([...surge, noAddress]);
    expect(k.get('resource_exhaustion')!.support).toBeGreaterThan(k.get('traffic_surge')!.support);
  });

  it('is still the surge when the instances it needed came up', () => {
    const k = kinds(surge);
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('resource_exhaustion')!.support);
  });

  it('is not blocked by instances the load itself killed, nor by instances failing later', () => {
    expect(growthBlocked([sig('runtime_crash', 0.8, 31, { hint: 'resource_exhaustion' })], at)).toBe(false);
    expect(growthBlocked([noAddress], at - 40 * 60_000)).toBe(false);
    expect(growthBlocked([noAddress], at)).toBe(true);
  });
});
