import { describe, expect, it } from 'vitest';
import { attributeLinks } from '../../../functions/score/core/links.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const wait = (service: string, strength: number, onsetMs = at - 120_000, waitsByCaller?: Record<string, number>): Signal => ({ service, family: 'inbound_latency', strength, onsetMs, evidenceId: `TRACE_${service}`, local: true, text: `callers waited longer on calls into ${service}`, ...(waitsByCaller ? { waitsByCaller } : {}) });
const graph = mergeGraph({ gateway: ['orders'], orders: ['basic', 'train', 'station'], basic: [], train: [], station: [] });

describe('common-caller link attribution', () => {
  it('blames the caller whose calls into several services all started waiting at once', () => {
    const signals = attributeLinks([wait('train', 1), wait('station', 0.8), wait('basic', 0.6)], graph, 180_000);
    const profiles = profileServices(signals, graph, { alertAtMs: at, stepMs: 30_000 });
    const ranked = [...profiles.values()].sort((a, b) => originScore(b) - originScore(a));
    expect(ranked[0]!.service).toBe('orders');
    expect(signals.find((s) => s.service === 'orders')).toMatchObject({ family: 'outbound_latency', local: true });
  });

  it('leaves the link whose wait rose far more than its caller’s other calls on its callee, though both saturate', () => {
    const signals = attributeLinks([wait('train', 1, at, { orders: 600 }), wait('station', 1, at, { orders: 30 })], graph, 180_000);
    expect(signals.find((s) => s.service === 'train')!.strength).toBe(1);
    expect(signals.find((s) => s.service === 'station')!.strength).toBeCloseTo(0.3, 5);
    const profiles = profileServices(signals, graph, { alertAtMs: at, stepMs: 30_000 });
    expect(originScore(profiles.get('train')!)).toBeGreaterThan(originScore(profiles.get('orders')!));
  });

  it('still blames the caller when its calls rose alike', () => {
    const signals = attributeLinks([wait('train', 1, at, { orders: 40 }), wait('station', 1, at, { orders: 30 })], graph, 180_000);
    expect(signals.filter((s) => s.family === 'inbound_latency').map((s) => s.strength)).toEqual([0.3, 0.3]);
    expect(signals.find((s) => s.service === 'orders')!.strength).toBe(1);
  });

  it('leaves a single slow link on its callee', () => {
    const signals = attributeLinks([wait('train', 1)], graph, 180_000);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.strength).toBe(1);
  });

  it('does not group waits that began far apart', () => {
    const signals = attributeLinks([wait('train', 1, at - 20 * 60_000), wait('station', 0.8)], graph, 180_000);
    expect(signals.some((s) => s.family === 'outbound_latency')).toBe(false);
  });
});
