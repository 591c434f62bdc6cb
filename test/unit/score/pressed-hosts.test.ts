import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T00:10:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ 'pricing-engine': ['host-fleet'] });
const sig = (service: string, family: Signal['family'], strength: number, local = true): Signal => ({ service, family, strength, onsetMs: at - 8 * 60_000, evidenceId: `E_${service}_${family}`, local, text: `${service} ${family}` });
const engine = [sig('pricing-engine', 'cpu', 1), sig('pricing-engine', 'latency', 1, false), sig('pricing-engine', 'errors', 1, false)];

describe('CPU burned on hosts that were under pressure themselves', () => {
  it('is the hosts\' trouble showing through the service', () => {
    const profiles = profileServices([...engine, sig('host-fleet', 'cpu', 1), sig('host-fleet', 'runtime_node', 1)], graph, frame);
    expect(profiles.get('pricing-engine')!.explainedBy).toBe('host-fleet');
    expect(originScore(profiles.get('host-fleet')!)).toBeGreaterThan(originScore(profiles.get('pricing-engine')!));
  });

  it('stays the service\'s own when its hosts only got busier', () => {
    const profiles = profileServices([...engine, sig('host-fleet', 'cpu', 1)], graph, frame);
    expect(originScore(profiles.get('pricing-engine')!)).toBeGreaterThan(originScore(profiles.get('host-fleet')!));
  });
});
