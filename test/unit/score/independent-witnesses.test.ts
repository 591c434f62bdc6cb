import { describe, expect, it } from 'vitest';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { sharedDependencySignals } from '../../../functions/score/core/shared.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { independentWitnesses } from '../../../functions/score/core/witnesses.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const failing = (service: string): Signal => ({ service, family: 'errors', strength: 1, onsetMs: at - 10 * 60_000, evidenceId: `E_${service}`, local: false, text: `${service} error rate rose` });

describe('callers failing together on a dependency we cannot see', () => {
  it('counts a caller that also calls another failing caller as no witness of its own', () => {
    const graph = mergeGraph({ 'roster-api': ['roster-engine', 'staff-db'], 'roster-engine': ['staff-db'] });
    expect(independentWitnesses(['roster-api', 'roster-engine'], graph)).toEqual(['roster-engine']);
    expect(sharedDependencySignals([failing('roster-api'), failing('roster-engine')], graph, new Set(['roster-api', 'roster-engine']))).toEqual([]);
  });

  it('still reads callers that do not reach one another as the shared dependency failing', () => {
    const graph = mergeGraph({ orders: ['kinesis'], billing: ['kinesis'] });
    expect(independentWitnesses(['orders', 'billing'], graph)).toEqual(['orders', 'billing']);
    expect(sharedDependencySignals([failing('orders'), failing('billing')], graph, new Set(['orders', 'billing'])).map((s) => s.service)).toEqual(['kinesis', 'kinesis']);
  });
});
