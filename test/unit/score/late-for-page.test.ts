import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { laterThanThePage, rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-10T08:40:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
const graph = mergeGraph({ router: ['web', 'api'] });
const observed = new Set(['router', 'web', 'api', 'nodes']);

/** The router paged three hours ago on nodes that lost their routes; the api restarted far into it. */
const signals = [sig('router', 'errors', 180, { strength: 1, local: false }), sig('nodes', 'runtime_other', 182, { strength: 0.9 }), sig('api', 'runtime_crash', 40, { strength: 1 })];

describe('a suspect whose trouble began long after what was paged', () => {
  it('is weighed below the trouble that began with the page', () => {
    const ranked = rankSuspects(profileServices(signals, graph, frame), [], observed);
    expect(ranked[0]!.service).toBe('api');
    const reranked = laterThanThePage(ranked, profileServices(signals, graph, frame), 'router');
    expect(reranked[0]!.service).toBe('nodes');
    expect(reranked.find((c) => c.service === 'api')!.reasons.at(-1)).toMatch(/140 min after router's/);
  });

  it('keeps its weight when it began within the hour, or when the paged service shows nothing', () => {
    const soon = [sig('router', 'errors', 60, { strength: 1, local: false }), sig('nodes', 'runtime_other', 62, { strength: 0.9 }), sig('api', 'runtime_crash', 40, { strength: 1 })];
    const profiles = profileServices(soon, graph, frame);
    expect(laterThanThePage(rankSuspects(profiles, [], observed), profiles, 'router')[0]!.service).toBe('api');
    const profilesAll = profileServices(signals, graph, frame);
    expect(laterThanThePage(rankSuspects(profilesAll, [], observed), profilesAll, 'checkout')[0]!.service).toBe('api');
  });
});
