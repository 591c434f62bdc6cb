import { describe, expect, it } from 'vitest';
import { scalerAtCeiling } from '../../../functions/score/core/at-ceiling.js';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * An autoscaler reporting its group at its maximum size is demand asking for more
 * instances than the group may have: nobody changed anything, so the event is the
 * surge's mark, not a configuration change that caused the trouble.
 */
const at = Date.parse('2026-09-12T19:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ web: ['tickets'] });
const observed = new Set(['web', 'tickets']);
const tickets: Signal[] = [
  { service: 'tickets', family: 'cpu', strength: 0.9, onsetMs: at - 10 * min, evidenceId: 'METRIC_1', local: true, peakShare: 1, text: 'tickets CPU reached its limit (100 of 100, cpu_percent)' },
  { service: 'tickets', family: 'errors', strength: 0.9, onsetMs: at - 9 * min, evidenceId: 'METRIC_2', local: false, text: 'tickets error rate rose from 0.001 to 0.2 (http_error_ratio)' },
];
const event = (summary: string, extra: Record<string, string> = {}) => ({ id: 'CHANGE_1', class: 'changes', service: 'tickets', kind: 'scaling', at: new Date(at - 11 * min).toISOString(), summary, ...extra }) as unknown as Evidence;

describe('an autoscaler at its group’s ceiling', () => {
  it('is read from what the scaling event says', () => {
    expect(scalerAtCeiling({ kind: 'scaling', summary: 'HPA tickets at max replicas (200)' })).toBe(true);
    expect(scalerAtCeiling({ kind: 'config', summary: 'Auto Scaling group tickets-asg reached its maximum size of 40', source: 'autoscaling' })).toBe(true);
    expect(scalerAtCeiling({ kind: 'scaling', summary: 'service tickets has reached its maximum task count (400); unable to place more tasks' })).toBe(true);
    expect(scalerAtCeiling({ kind: 'scaling', summary: 'tickets desired count 60 = maximum (scaling policy capped)', source: 'hpa' })).toBe(true);
    expect(scalerAtCeiling({ kind: 'scaling', summary: 'HPA tickets maxReplicas 200 -> 120' })).toBe(false);
    expect(scalerAtCeiling({ kind: 'scaling', summary: 'HPA tickets maxReplicas = 120 (was 200)' })).toBe(false);
    expect(scalerAtCeiling({ kind: 'config', summary: 'pool size at max 50 by default', author: 'j.doe', source: 'git' })).toBe(false);
  });

  it('is no suspect: the surge’s mark, not a change that caused it', () => {
    const profiles = profileServices(tickets, graph, frame);
    const [a] = attributeChanges([event('HPA tickets at max replicas (200)')], profiles, graph, frame, { ms: at - 10 * min, stepMs: 0 }, observed);
    expect(a).toMatchObject({ redHerring: true, score: 0 });
    expect(a!.reason).toMatch(/maximum size/);
    const [b] = attributeChanges([event('HPA tickets maxReplicas 200 -> 120', { author: 'j.doe' })], profiles, graph, frame, { ms: at - 10 * min, stepMs: 0 }, observed);
    expect(b!.redHerring).toBe(false);
  });
});
