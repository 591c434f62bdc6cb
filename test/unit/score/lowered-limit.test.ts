import { describe, expect, it } from 'vitest';
import { limitLoweredAt } from '../../../functions/score/core/lowered-limit.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-12T08:00:00Z');
const min = 60_000;
const start = at - 90 * min;
const series = (name: string, values: number[], service = 'account-db') => ({ class: 'metrics', id: `METRIC_${name}`, service, name, labels: {}, startMs: start, stepMs: 2 * min, values, link: { kind: 'none' } }) as unknown as Evidence;
/** Forty-five two-minute samples: `before` up to sample `k`, `after` from it on. */
const stepAt = (k: number, before: number, after: number) => Array.from({ length: 45 }, (_, i) => (i < k ? before : after));
const changeAt = start + 18 * 2 * min;

describe('a limit the service reports, stepped down at a change', () => {
  it('reads max_connections going from 2000 to 200 at a maintenance change as the ceiling that change set', () => {
    const found = limitLoweredAt([series('postgresql_max_connections', stepAt(18, 2000, 200))], 'account-db', changeAt);
    expect(found).toEqual({ id: 'METRIC_postgresql_max_connections', text: expect.stringContaining('at the change') });
  });

  it('reads a limit that held, that rose, or that fell an hour away from the change as nothing the change set', () => {
    expect(limitLoweredAt([series('postgresql_max_connections', stepAt(18, 2000, 2000))], 'account-db', changeAt)).toBeUndefined();
    expect(limitLoweredAt([series('postgresql_max_connections', stepAt(18, 200, 2000))], 'account-db', changeAt)).toBeUndefined();
    expect(limitLoweredAt([series('postgresql_max_connections', stepAt(40, 2000, 200))], 'account-db', changeAt)).toBeUndefined();
  });

  it('reads neither a use summarised by its maximum nor another service’s limit as the changed service’s ceiling', () => {
    expect(limitLoweredAt([series('cpu_usage_max', stepAt(18, 90, 20))], 'account-db', changeAt)).toBeUndefined();
    expect(limitLoweredAt([series('postgresql_max_connections', stepAt(18, 2000, 200), 'board-db')], 'account-db', changeAt)).toBeUndefined();
  });
});
