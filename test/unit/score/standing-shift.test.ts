import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const step = 5 * 60_000;
const frame = { alertAtMs: at, stepMs: step };

/** Rejected calls, one point every five minutes over the two hours before the alert; none in the healthy reference. */
const rejected = (valueAt: (minutesBefore: number) => number, referenceMedian = 0): Evidence => {
  const values = Array.from({ length: 25 }, (_, i) => valueAt(120 - i * 5));
  return {
    id: 'M_rejected',
    class: 'metrics',
    service: 'submit',
    name: 'rejected_requests',
    unit: 'count',
    labels: {},
    startMs: at - 120 * 60_000,
    stepMs: step,
    values,
    reference: { median: referenceMedian, mad: 1, p05: referenceMedian, p95: referenceMedian + 2, points: 24 },
  } as unknown as Evidence;
};

describe('a shift that began before the look-back and never came back', () => {
  it('is read against the reference, dated from when the series left its normal range', () => {
    const climbing = (m: number) => (m > 110 ? 0 : (110 - m) * 900 + 4000);
    const signal = metricSignals([rejected(climbing)], frame).find((s) => s.family === 'errors');
    expect(signal).toMatchObject({ service: 'submit', onsetMs: at - 110 * 60_000 });
  });

  it('is no news when the whole window sits where the reference does', () => {
    expect(metricSignals([rejected((m) => 1 + (m % 2))], frame)).toEqual([]);
  });

  it('counts from the start of the window when it was already out of range when the window opened', () => {
    expect(metricSignals([rejected((m) => 50_000 + m)], frame).find((s) => s.family === 'errors')?.onsetMs).toBe(at - 120 * 60_000);
  });

  it('is left to the window’s own reading when it left the range within the look-back', () => {
    const late = (m: number) => (m > 20 ? 0 : 60_000);
    expect(metricSignals([rejected(late)], frame).find((s) => s.family === 'errors')?.onsetMs).toBe(at - 20 * 60_000);
  });

  it('is not read from a level a process holds, which depends on how long it has run since the reference', () => {
    const memory = { ...(rejected((m) => 50_000 + m) as object), name: 'process_resident_memory_bytes', unit: 'bytes' } as unknown as Evidence;
    expect(metricSignals([memory], frame)).toEqual([]);
  });
});
