import { describe, expect, it } from 'vitest';
import { latencyShift } from '../../../functions/score/core/traces.js';

describe('latency shifts in sampled per-step p90s', () => {
  it('believes an order-of-magnitude jump after a single baseline step, when it holds', () => {
    const shift = latencyShift([3, 2000, 2010, 1990]);
    expect(shift?.index).toBe(1);
    expect(shift!.ratio).toBeGreaterThan(100);
  });

  it('asks a short baseline for a larger jump than a long one', () => {
    expect(latencyShift([10, 20, 21, 20])).toBeUndefined();
    expect(latencyShift([10, 10, 11, 10, 20, 21, 20])?.index).toBe(4);
  });

  it('does not read one high last step as a shift', () => {
    expect(latencyShift([5, 5, 6, 5, 5, 250])).toBeUndefined();
  });
});
