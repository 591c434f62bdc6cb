import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ web: ['api'], api: ['db'] });
const sig = (service: string, family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength, onsetMs: at - 2 * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });

describe('evidence no dependency can cause', () => {
  it('keeps a service whose callers waited beyond its own spans as the origin, though a dependency it calls is anomalous too', () => {
    const profiles = profileServices([sig('api', 'inbound_latency', 1, { outsideSpans: true }), sig('db', 'cpu', 0.6)], graph, frame);
    expect(originScore(profiles.get('api')!)).toBeGreaterThan(originScore(profiles.get('db')!));
  });

  it('keeps a service whose CPU saturated as the origin over a callee that only got slower', () => {
    const profiles = profileServices([sig('api', 'cpu', 1), sig('db', 'inbound_latency', 0.9, { outsideSpans: true })], graph, frame);
    expect(originScore(profiles.get('api')!)).toBeGreaterThan(originScore(profiles.get('db')!));
  });

  it('does not cover slower calls that include the service’s own work: those still yield to the dependency', () => {
    const profiles = profileServices([sig('api', 'inbound_latency', 1), sig('db', 'cpu', 0.6)], graph, frame);
    expect(originScore(profiles.get('db')!)).toBeGreaterThan(originScore(profiles.get('api')!));
  });
});
