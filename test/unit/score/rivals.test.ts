import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rivalExplains } from '../../../functions/score/core/rivals.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], minutesBefore: number): Signal => ({ service, family, strength: 0.8, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}` });
const deploy = (service: string): Attribution => ({ change: { id: 'CHANGE_1', class: 'changes', at: new Date(at - 20 * 60_000).toISOString(), service, kind: 'deployment', summary: `${service} 2.0` } as Attribution['change'], kind: 'deployment', score: 0.7, fit: 0.8, redHerring: false, reason: '' });

/** A managed runtime invokes two functions; one of them deployed before both failed. */
const graph = mergeGraph({ runtime: ['webhook', 'authorizer'], webhook: ['queue'], api: ['webhook'] });
const top = { service: 'webhook', kind: 'deployment' as const };

describe('a rival to a change', () => {
  it('is a bystander that failed at the same time where the change cannot reach', () => {
    const profiles = profileServices([sig('webhook', 'errors', 8), sig('webhook', 'log_error', 8), sig('authorizer', 'errors', 7)], graph, frame);
    expect(rivalExplains(top, profiles, graph, [deploy('webhook')])).toBe(true);
  });

  it('is not a caller of the changed service, which its change can break', () => {
    const profiles = profileServices([sig('webhook', 'errors', 8), sig('webhook', 'log_error', 8), sig('api', 'errors', 7)], graph, frame);
    expect(rivalExplains(top, profiles, graph, [deploy('webhook')])).toBe(false);
  });

  it('is not a service with a change of its own, nor trouble long before or after', () => {
    const profiles = profileServices([sig('webhook', 'errors', 8), sig('webhook', 'log_error', 8), sig('authorizer', 'errors', 50)], graph, frame);
    expect(rivalExplains(top, profiles, graph, [deploy('webhook')])).toBe(false);
    const both = profileServices([sig('webhook', 'errors', 8), sig('webhook', 'log_error', 8), sig('authorizer', 'errors', 7)], graph, frame);
    expect(rivalExplains(top, both, graph, [deploy('webhook'), deploy('authorizer')])).toBe(false);
  });

  it('only matters when the top suspect is a change', () => {
    const profiles = profileServices([sig('webhook', 'errors', 8), sig('webhook', 'log_error', 8), sig('authorizer', 'errors', 7)], graph, frame);
    expect(rivalExplains({ service: 'webhook', kind: 'code_defect' }, profiles, graph, [])).toBe(false);
  });
});
