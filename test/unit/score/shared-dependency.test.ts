import { describe, expect, it } from 'vitest';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { sharedDependencySignals } from '../../../functions/score/core/shared.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const fail = (service: string, minutesBefore: number, strength = 0.9): Signal => ({ service, family: 'log_error', strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `logs_${service}`, local: true, text: `${service} logged error "InternalFailure (Service: AmazonKinesis)"` });
const graph = mergeGraph({ collector: ['stream'], processor: ['stream', 'warehouse'] });

describe('callers failing together on a dependency we cannot see', () => {
  it('point at the dependency they share', () => {
    const out = sharedDependencySignals([fail('collector', 30), fail('processor', 29)], graph, new Set(['collector', 'processor', 'warehouse']));
    expect(out.map((s) => s.service)).toEqual(['stream', 'stream']);
    expect(out[0]).toMatchObject({ family: 'dependency_mention', local: true });
    expect(out[0]!.text).toContain('2 callers of stream started failing together');
  });

  it('do not when only one caller fails, when they failed far apart, or when the dependency has telemetry of its own', () => {
    const seen = new Set(['collector', 'processor', 'warehouse']);
    expect(sharedDependencySignals([fail('collector', 30)], graph, seen)).toEqual([]);
    expect(sharedDependencySignals([fail('collector', 30), fail('processor', 10)], graph, seen)).toEqual([]);
    expect(sharedDependencySignals([fail('collector', 30), fail('processor', 29)], graph, new Set([...seen, 'stream']))).toEqual([]);
  });
});

describe('callers whose failures were timed by 5-minute series', () => {
  const seen = new Set(['collector', 'processor', 'warehouse']);
  const coarse = (service: string, minutesBefore: number): Signal => ({ ...fail(service, minutesBefore), family: 'errors', stepMs: 300_000 });

  it('started together when their onsets are one sample apart', () => {
    expect(sharedDependencySignals([coarse('collector', 35), coarse('processor', 30)], graph, seen).map((s) => s.service)).toEqual(['stream', 'stream']);
  });

  it('did not when they are several samples apart', () => {
    expect(sharedDependencySignals([coarse('collector', 45), coarse('processor', 30)], graph, seen)).toEqual([]);
  });
});
