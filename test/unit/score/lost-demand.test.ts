import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const sig = (service: string, family: Signal['family'], minutesBefore: number, local: boolean): Signal => ({ service, family, strength: 1, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local, text: `${service} ${family}` });

describe('a callee that only received fewer requests', () => {
  it('explains none of its caller’s failures: the caller stopped calling it', () => {
    const profiles = profileServices([sig('consumer', 'errors', 40, false), sig('consumer', 'exception', 40, true), sig('warehouse', 'traffic_down', 40, false)], mergeGraph({ consumer: ['warehouse'] }), frame);
    expect(profiles.get('consumer')!.explainedBy).toBeUndefined();
    expect(profiles.get('consumer')!.rootness).toBe(1);
  });

  it('still explains them when it failed too', () => {
    const profiles = profileServices([sig('consumer', 'errors', 40, false), sig('warehouse', 'traffic_down', 40, false), sig('warehouse', 'errors', 41, false)], mergeGraph({ consumer: ['warehouse'] }), frame);
    expect(profiles.get('consumer')!.explainedBy).toBe('warehouse');
  });
});
