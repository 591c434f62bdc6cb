import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ web: ['api'], api: ['db'] });
const sig = (service: string, family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength, onsetMs: at - 2 * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });

describe('waits outside a service’s own spans', () => {
  it('keep the service as the origin even when a dependency it calls is anomalous too', () => {
    const profiles = profileServices([sig('api', 'inbound_latency', 1, { outsideSpans: true }), sig('db', 'cpu', 0.6)], graph, frame);
    expect(originScore(profiles.get('api')!)).toBeGreaterThan(originScore(profiles.get('db')!));
  });

  it('still yield to the dependency when the slower calls include the service’s own work', () => {
    const profiles = profileServices([sig('api', 'inbound_latency', 1), sig('db', 'cpu', 0.6)], graph, frame);
    expect(originScore(profiles.get('db')!)).toBeGreaterThan(originScore(profiles.get('api')!));
  });
});
