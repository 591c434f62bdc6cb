import { describe, expect, it } from 'vitest';
import { climbed, overflowedOnOneInput } from '../../../functions/score/core/kinds.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ parser: [] });
const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'parser', family, strength, onsetMs: at - 8 * 60_000, evidenceId: `E_${family}`, local: true, text: `parser ${family}`, ...extra });
const memory = (values: number[]): Evidence => ({ id: 'M_mem', class: 'metrics', service: 'parser', name: 'container_memory_working_set_bytes', unit: 'bytes', labels: {}, startMs: at - (values.length - 1) * 60_000, stepMs: 60_000, values }) as unknown as Evidence;
const jitter = (i: number) => 1 + 0.01 * ((i * 7) % 3);

describe('memory that climbed before the onset', () => {
  it('tells a climb from a flat run, and says nothing on too few points', () => {
    expect(climbed([1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6], 0.02)).toBe(true);
    expect(climbed([1, 1.01, 0.99, 1, 1.01, 1, 0.99], 0.02)).toBe(false);
    expect(climbed([1, 2, 3], 0.02)).toBeUndefined();
  });

  it('is recorded on a memory signal: flat for an hour then a jump, or a steady climb', () => {
    const flat = Array.from({ length: 60 }, (_, i) => (i < 50 ? 6e8 * jitter(i) : 1.8e9 * jitter(i)));
    expect(metricSignals([memory(flat)], frame).find((s) => s.family === 'memory')?.climbedBefore).toBe(false);
    const ramp = Array.from({ length: 60 }, (_, i) => (i < 50 ? 6e8 + i * 1.5e7 : 1.8e9 * jitter(i)));
    expect(metricSignals([memory(ramp)], frame).find((s) => s.family === 'memory')?.climbedBefore).toBe(true);
  });
});

describe('memory one input overflowed', () => {
  const crashLoop = [sig('runtime_leak', 1, { text: 'parser was OOM-killed (24×)' }), sig('runtime_crash', 0.95, { text: 'parser is crash-looping' })];
  const kinds = (signals: Signal[]) => {
    const k = kindSupport(profileServices(signals, graph, frame).get('parser')!);
    return { exhaustion: k.get('resource_exhaustion')?.support ?? 0, defect: k.get('code_defect')?.support ?? 0 };
  };

  it('reads a crash loop of OOM kills, memory flat until it jumped, at flat demand, as a defect', () => {
    const signals = [...crashLoop, sig('memory', 0.98, { climbedBefore: false })];
    expect(overflowedOnOneInput(signals)).toBe(true);
    const k = kinds(signals);
    expect(k.defect).toBeGreaterThan(k.exhaustion);
  });

  it('keeps exhaustion when memory had been climbing into its limit (a leak, data that grew)', () => {
    const signals = [...crashLoop, sig('memory', 0.98, { climbedBefore: true })];
    expect(overflowedOnOneInput(signals)).toBe(false);
    const k = kinds(signals);
    expect(k.exhaustion).toBeGreaterThan(k.defect);
  });

  it('keeps exhaustion when demand rose, or when nothing says how memory got there', () => {
    expect(overflowedOnOneInput([...crashLoop, sig('memory', 0.98, { climbedBefore: false }), sig('traffic_up', 0.9)])).toBe(false);
    expect(overflowedOnOneInput([...crashLoop, sig('memory', 0.98)])).toBe(false);
  });
});
