import { describe, expect, it } from 'vitest';
import { attributeChanges, scalerAddedCapacity } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-07-29T14:44:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ payments: ['ledger'], ledger: ['ring'] });
const observed = new Set(['payments', 'ledger', 'ring']);
const ledger: Signal[] = [{ service: 'ledger', family: 'log_error', strength: 1, onsetMs: at - 38 * min, evidenceId: 'LOG_1', local: true, text: 'ledger started logging warn "balance row missing, treating as zero"' }];
const grow = (extra: Record<string, string>) => ({ id: 'CHANGE_1', class: 'changes', service: 'ring', kind: 'scaling', at: new Date(at - 40 * min).toISOString(), summary: 'ring 21 → 27 nodes; node config from restore playbook', ...extra }) as unknown as Evidence;

describe('capacity added before the trouble', () => {
  it('is the scaler’s response when an autoscaler added it, and a change like any other when a person did', () => {
    expect(scalerAddedCapacity({ kind: 'scaling', summary: 'ASG web desired 12 -> 20 (target tracking CPU 60%)', source: 'autoscaling' })).toBe(true);
    expect(scalerAddedCapacity({ kind: 'scaling', summary: 'checkout 6 -> 12 replicas', author: 'hpa', source: 'kubernetes' })).toBe(true);
    expect(scalerAddedCapacity({ kind: 'scaling', summary: 'ring 21 → 27 nodes', author: 'd.morgan', source: 'terraform' })).toBe(false);
    expect(scalerAddedCapacity({ kind: 'scaling', summary: 'desired count 6 -> 4', source: 'autoscaling' })).toBe(false);
  });

  it('by a person, explains the caller that broke right after it', () => {
    const profiles = profileServices(ledger, graph, frame);
    const byPerson = attributeChanges([grow({ author: 'd.morgan', source: 'terraform' })], profiles, graph, frame, { ms: at - 38 * min, stepMs: 0 }, observed)[0]!;
    expect(byPerson).toMatchObject({ redHerring: false, explains: 'ledger' });
    const byScaler = attributeChanges([grow({ source: 'autoscaling' })], profiles, graph, frame, { ms: at - 38 * min, stepMs: 0 }, observed)[0]!;
    expect(byScaler.redHerring).toBe(true);
  });
});
