import { describe, expect, it } from 'vitest';
import { scoreInvestigation } from '../../../functions/score/core/index.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { WEIGHTS, type Weights } from '../../../functions/score/core/weights.js';
import { replayEvidence } from '../../helpers/direct-replay.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (family: Signal['family'], strength: number): Signal => ({ service: 'api', family, strength, onsetMs: at - 5 * 60_000, evidenceId: `E_${family}_0`, local: true, text: `api ${family}` });

const isDeepFrozen = (v: unknown): boolean => typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen));

describe('the scorer weights', () => {
  it('are one deeply frozen default object: nothing can change what production scores with', () => {
    expect(isDeepFrozen(WEIGHTS)).toBe(true);
    expect(() => {
      (WEIGHTS.propagation.family as Record<string, number>).cpu = 0;
    }).toThrow(TypeError);
  });

  it('are read from the argument when one is given, and are the defaults otherwise', async () => {
    const { signal, topology, results } = await replayEvidence('scenarios/dispatch-eta-errors.json');
    const byDefault = scoreInvestigation({ signal, topology, results });
    expect(scoreInvestigation({ signal, topology, results }, WEIGHTS)).toEqual(byDefault);
    expect(byDefault.suspects.length).toBeGreaterThan(0);
    const silent = structuredClone(WEIGHTS) as Weights;
    for (const k of Object.keys(silent.propagation.family)) silent.propagation.family[k as Signal['family']] = 0;
    expect(scoreInvestigation({ signal, topology, results }, silent).suspects).toEqual([]);
  });

  it('decide which kind the same evidence speaks for', () => {
    const profiles = profileServices([sig('cpu', 0.6), sig('log_error', 0.7)], mergeGraph({ api: [] }), frame);
    const p = profiles.get('api')!;
    const top = (w?: Weights) => [...kindSupport(p, [], w)].sort(([, a], [, b]) => b.support - a.support)[0]![0];
    expect(top()).toBe('resource_exhaustion');
    const defectHeavy = structuredClone(WEIGHTS) as Weights;
    defectHeavy.kinds.support.cpu = { resource_exhaustion: 0.2 };
    expect(top(defectHeavy)).toBe('code_defect');
  });
});
