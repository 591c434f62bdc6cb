import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const step = 5 * 60_000;
const frame = { alertAtMs: at, stepMs: step };

/** A quota's used share, one point every five minutes over the 75 minutes before the alert, no reference. */
const used = (valueAt: (minutesBefore: number) => number): Evidence => {
  const values = Array.from({ length: 16 }, (_, i) => valueAt(75 - i * 5));
  return { id: 'M_quota', class: 'metrics', service: 'warehouse', name: 'credit_used_pct', unit: 'percent', labels: {}, startMs: at - 75 * 60_000, stepMs: step, values } as unknown as Evidence;
};

const atLimit = (e: Evidence) => metricSignals([e], frame).find((s) => /reached its limit/.test(s.text));

describe('a resource that came up to its limit within the window', () => {
  it('is at its limit from when it got there, though that was over half an hour before the alert', () => {
    const creeping = (m: number) => Math.min(99.9, 97 + (75 - m) * 0.06 + (m % 10 === 0 ? 0.05 : 0));
    const signal = atLimit(used(creeping));
    expect(signal).toMatchObject({ service: 'warehouse', family: 'saturation', local: true });
    expect(signal!.onsetMs).toBeLessThan(at - 30 * 60_000);
  });

  it('is not news when it was already at its limit when the window opened', () => {
    expect(atLimit(used(() => 99))).toBeUndefined();
  });
});
