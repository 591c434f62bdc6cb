import { describe, expect, it } from 'vitest';
import { abandonedCallSignals } from '../../../functions/score/core/abandoned.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const stepMs = 60_000;
const frame = { alertAtMs: at, stepMs };
const startMs = at - 20 * stepMs;
/** A request rate per second over 21 one-minute steps: `base` throughout, then `tail` for its last steps. */
const rate = (service: string, base: number, tail: number[] = [], labels: Record<string, string> = {}) =>
  ({ id: `METRIC_${service}_${Object.values(labels).join('_')}`, class: 'metrics', service, name: 'http_requests_per_second', labels, startMs, stepMs, values: [...Array<number>(21 - tail.length).fill(base), ...tail] }) as unknown as Evidence;
// web calls orders and search; orders alone calls mail and billing.
const graph = mergeGraph({ web: ['orders', 'search'], orders: ['mail', 'billing'] });

describe('callees only one caller calls that stopped receiving calls', () => {
  it('say the caller ends its requests before the calls they need', () => {
    const out = abandonedCallSignals([rate('web', 8), rate('orders', 0.3), rate('mail', 0.3, [0, 0]), rate('billing', 0.3, [0])], graph, [], frame);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ service: 'orders', family: 'pattern_break', local: true, onsetMs: at - stepMs });
    expect(out[0]!.strength).toBeGreaterThan(0.5);
    expect(out[0]!.text).toContain('billing, mail');
  });

  it('are weaker on fewer calls due', () => {
    const [few] = abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.05, [0])], graph, [], frame);
    const [many] = abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0])], graph, [], frame);
    expect(few!.strength).toBeLessThan(many!.strength);
  });

  it('say nothing when the caller\'s own requests stopped too', () => {
    expect(abandonedCallSignals([rate('orders', 0.3, [0, 0]), rate('mail', 0.3, [0, 0])], graph, [], frame)).toEqual([]);
  });

  it('say nothing when the callee has trouble of its own', () => {
    const crashed: Signal = { service: 'mail', family: 'runtime_crash', strength: 0.9, onsetMs: at - stepMs, evidenceId: 'EVENT_1', local: true, text: 'mail crashed' };
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0, 0])], graph, [crashed], frame)).toEqual([]);
  });

  it('say nothing when the caller\'s errors name the callee (unreachable, not skipped)', () => {
    const named: Signal = { service: 'mail', family: 'dependency_mention', strength: 0.6, onsetMs: at - stepMs, evidenceId: 'LOG_1', local: true, text: 'orders reports failures calling mail' };
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0, 0])], graph, [named], frame)).toEqual([]);
  });

  it('say nothing of a callee several services call, or of a rate still flowing', () => {
    const shared = mergeGraph({ web: ['orders', 'mail'], orders: ['mail'] });
    expect(abandonedCallSignals([rate('web', 8), rate('orders', 0.3), rate('mail', 0.3, [0])], shared, [], frame)).toEqual([]);
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0.25])], graph, [], frame)).toEqual([]);
  });

  it('say nothing while another replica of the callee still receives calls', () => {
    const replica = { ...(rate('mail', 0.3) as object), id: 'METRIC_mail_2', labels: { pod: 'mail-2' } } as unknown as Evidence;
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0, 0]), replica], graph, [], frame)).toEqual([]);
  });

  it('say nothing of a rate with no history above zero', () => {
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0, [0])], graph, [], frame)).toEqual([]);
  });

  it('read only a service\'s own request rate, not a caller\'s view of one edge', () => {
    expect(abandonedCallSignals([rate('orders', 0.3), rate('mail', 0.3, [0], { caller: 'orders', callee: 'mail' })], graph, [], frame)).toEqual([]);
  });
});
