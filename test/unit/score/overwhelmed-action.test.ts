import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Signal } from '../../../functions/score/core/types.js';

/*
 * The platform piece blamed is infrastructure either way; whether capacity undoes it
 * depends on what its own evidence shows: demand it was not sized for and a shortage of
 * its own, or something broken under it.
 */
const at = Date.parse('2026-06-01T09:30:00Z');
const sig = (family: Signal['family'], evidenceId: string, extra: Partial<Signal> = {}): Signal => ({ service: 'resolver', family, strength: 0.9, onsetMs: at, evidenceId, local: true, text: `resolver ${family}`, ...extra });
const top: Suspect = { service: 'resolver', kind: 'infrastructure', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] };

describe('the action for a platform piece', () => {
  it('is to scale it out when more demand reached it and it ran short itself', () => {
    const action = recommendAction(top, [sig('traffic_up', 'METRIC_1'), sig('runtime_throttle', 'RUNTIME_1'), sig('dependency_mention', 'LOG_1', { local: false })]);
    expect(action.kind).toBe('scale_out');
    expect(action.service).toBe('resolver');
    expect(action.evidenceIds).toEqual(expect.arrayContaining(['METRIC_1', 'RUNTIME_1']));
  });

  it('is none when it ran short without more demand, got more demand without running short, or its node was lost', () => {
    expect(recommendAction(top, [sig('runtime_throttle', 'RUNTIME_1')]).kind).toBe('none');
    expect(recommendAction(top, [sig('traffic_up', 'METRIC_1')]).kind).toBe('none');
    expect(recommendAction(top, [sig('runtime_node', 'RUNTIME_2'), sig('traffic_up', 'METRIC_1', { service: 'web' }), sig('cpu', 'METRIC_2', { service: 'web' })]).kind).toBe('none');
  });
});
