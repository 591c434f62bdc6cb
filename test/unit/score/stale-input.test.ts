import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { staleAsSymptom } from '../../../functions/score/core/stale-input.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({});
const reader = (raw: string): Signal => ({ service: 'rides', family: 'log_error', strength: 1, onsetMs: at - 10 * 60_000, evidenceId: 'L_rides', local: true, text: `rides started logging warn "${raw}"`, raw });
const producer: Signal[] = [
  { service: 'eta-worker', family: 'latency', strength: 1, onsetMs: at - 12 * 60_000, evidenceId: 'M_eta', local: false, text: 'eta-worker latency rose' },
  { service: 'eta-worker', family: 'self_time', strength: 0.5, onsetMs: at - 12 * 60_000, evidenceId: 'T_eta', local: true, text: "eta-worker's own work per span got 2.6x slower" },
];
const score = (raw: string) => {
  const profiles = profileServices(staleAsSymptom([reader(raw), ...producer]), graph, frame);
  return { reader: originScore(profiles.get('rides')!), producer: originScore(profiles.get('eta-worker')!) };
};

describe('a service that says the data it serves is old', () => {
  it("reads as a symptom of its producer's delay, not its own fault", () => {
    const s = score('ride 81 ETA 389s old, using last known');
    expect(s.producer).toBeGreaterThan(s.reader);
  });

  it('keeps an error of its own as its own', () => {
    const s = score('ride 81 ETA lookup failed: NullPointerException');
    expect(s.reader).toBeGreaterThan(s.producer);
  });

  it('reads an age in minutes from a template the same way', () => {
    expect(staleAsSymptom([reader('search result stale: newest doc <*>m old')])[0]!.local).toBe(false);
  });
});
