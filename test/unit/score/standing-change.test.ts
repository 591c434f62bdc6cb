import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-01-11T06:20:00Z');
const min = 60_000;
/** The window, and the change feed's query, open an hour before the alert. */
const frame = { alertAtMs: at, stepMs: min, changesFromMs: at - 60 * min };
const graph = mergeGraph({ api: ['kv'], kv: [] });
const observed = new Set(['api', 'kv']);
const signals: Signal[] = [
  { service: 'kv', family: 'log_error', strength: 0.9, onsetMs: at - 49 * min, evidenceId: 'L_kv', local: true, text: 'kv started logging error "checksum mismatch on page <*>"' },
  { service: 'kv', family: 'errors', strength: 1, onsetMs: at - 49 * min, evidenceId: 'M_kv', local: false, text: 'kv error rate rose' },
];
const change = (minutesBefore: number) => ({ id: 'CHANGE_1', class: 'changes', service: 'kv', kind: 'config', at: new Date(at - minutesBefore * min).toISOString(), summary: 'kv: sync direction primary_to_standby -> bidirectional' }) as unknown as Evidence;
const attribute = (minutesBefore: number) => attributeChanges([change(minutesBefore)], profileServices(signals, graph, frame), graph, frame, { ms: at - 49 * min, stepMs: min }, observed)[0]!;

describe('a change the feed returned from before the window opened', () => {
  it('is weighed by its closeness when the trouble began within a half-life of it', () => {
    const a = attribute(72);
    expect(a.redHerring).toBe(false);
    expect(a.fit).toBeGreaterThan(0.5);
  });

  it('is what the service runs with when it came hours before the trouble', () => {
    const a = attribute(150);
    expect(a.redHerring).toBe(true);
    expect(a.reason).toContain('already in place before the window opened');
  });
});
