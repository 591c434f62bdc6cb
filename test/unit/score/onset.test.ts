import { describe, expect, it } from 'vitest';
import { detectOnset } from '../../../functions/score/core/onset.js';
import { seeded } from './synthetic.js';

const alertAtMs = 3_600_000;
const stepMs = 60_000;

describe('detectOnset', () => {
  const r = seeded(3);
  const noisy = (n: number) => Array.from({ length: n }, () => 10 + (r() - 0.5) * 2);

  it('finds a sustained shift through noise and gaps', () => {
    const values: (number | null)[] = [...noisy(50), 30, null, 31, 29, 32, null, 30, 33, 31, 30, 29];
    const onset = detectOnset(values, 0, stepMs, alertAtMs);
    expect(onset).toMatchObject({ atMs: 50 * stepMs, direction: 1 });
  });

  it('ignores a single spike that recovers', () => {
    const values = [...noisy(50), 40, ...noisy(10)];
    expect(detectOnset(values, 0, stepMs, alertAtMs)).toBeUndefined();
  });

  it('reads an episode that gave back nearly all of its rise as over, even over a baseline so quiet that any wobble is anomalous', () => {
    const quiet = Array.from({ length: 40 }, (_, i) => 1.2 + (i % 3) * 0.01);
    const burst = [41, 85, 88, 100, 11];
    expect(detectOnset([...quiet, ...burst, 2.07, 2.57, 0.68, 0.92], 0, stepMs, alertAtMs)).toBeUndefined();
    expect(detectOnset([...quiet, ...burst, 30, 34, 31, 33], 0, stepMs, alertAtMs)).toMatchObject({ direction: 1 });
  });

  it('stays quiet on pure noise', () => {
    expect(detectOnset(noisy(61), 0, stepMs, alertAtMs)).toBeUndefined();
  });

  it('trusts a clean shift more than one that keeps dropping back', () => {
    const clean = detectOnset([...noisy(52), 30, 31, 30, 29, 31, 30, 32, 30, 31], 0, stepMs, alertAtMs)!;
    const spiky = detectOnset([...noisy(52), 30, 10, 31, 30, 10, 29, 31, 10, 30], 0, stepMs, alertAtMs)!;
    expect(clean.sustained).toBe(1);
    expect(spiky.sustained).toBeLessThan(0.8);
  });

  it('takes a clean shift near the end over an earlier intermittent stretch, as the onset', () => {
    const values = [...noisy(45), 30, 31, 10, 30, 10, 31, 10, 10, 30, 31, 30, 32, 31, 30, 31, 30];
    const onset = detectOnset(values, 0, stepMs, alertAtMs)!;
    expect(onset.atMs).toBe(53 * stepMs);
    expect(onset.sustained).toBe(1);
  });
});

describe('an episode that is over before the alert', () => {
  const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
  const startMs = alertAtMs - 45 * 60_000;
  const cpu = (tail: number[]) => [...Array.from({ length: 35 }, (_, i) => 6 + (i % 3)), 99, 101, 100, 98, 100, 97, ...tail];

  it('is history: a spike whose last points are back within the baseline is no onset', () => {
    expect(detectOnset(cpu([7, 8, 6, 7]), startMs, 60_000, alertAtMs)).toBeUndefined();
  });

  it('is still going on while the last points stay high', () => {
    expect(detectOnset(cpu([99, 8, 100, 98]), startMs, 60_000, alertAtMs)).toMatchObject({ direction: 1 });
  });
});
