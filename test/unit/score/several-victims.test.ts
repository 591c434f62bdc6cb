import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-01T15:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ edge: ['resizer', 'origin'] });
const observed = new Set(['edge', 'resizer', 'origin']);
const surge = (service: string, onsetMin: number, strength: number): Signal[] =>
  (['traffic_up', 'cpu', 'self_time', 'error_origin'] as const).map((family) => ({ service, family, strength, onsetMs: at - onsetMin * min, evidenceId: `M_${service}_${family}`, local: true, text: `${service} ${family}` }));
const shieldOff = { id: 'CHANGE_1', class: 'changes', service: 'edge', kind: 'config', at: new Date(at - 20 * min).toISOString(), summary: 'origin shield disabled' } as unknown as Evidence;

describe('a change that broke several neighbours at once', () => {
  const signals = [...surge('resizer', 17, 0.9), ...surge('origin', 15, 1)];
  const profiles = profileServices(signals, graph, frame);
  const attributions = attributeChanges([shieldOff], profiles, graph, frame, { ms: at - 17 * min, stepMs: min }, observed);

  it('counts every neighbour that broke right after it nearly as clearly as its victim', () => {
    const a = attributions[0]!;
    expect([a.explains, ...(a.alsoExplains ?? [])].sort()).toEqual(['origin', 'resizer']);
  });

  it('discounts the surge in the neighbour it explains less well as much as the other', () => {
    const ranked = rankSuspects(profiles, attributions, observed);
    expect(ranked[0]).toMatchObject({ service: 'edge', kind: 'config_change' });
    const origin = ranked.find((c) => c.service === 'origin')!;
    expect(origin.score).toBeLessThan(0.9 * ranked[0]!.score);
  });
});
