import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../functions/score/core/changes.js';
import { preemptedByOwnChange } from '../../../functions/score/core/own-fit.js';

const change = (id: string, service: string, summary: string) => ({ id, class: 'changes', service, kind: 'deployment', at: '2026-06-01T08:00:00Z', summary }) as unknown as Attribution['change'];
const own = (fit: number, shaped = true): Attribution => ({ change: change('CHANGE_1', 'router', 'router 12.0.0: streaming connections'), kind: 'deployment', score: fit, fit, redHerring: false, ...(shaped ? { shaped } : {}), reason: 'router itself went wrong 6 h after it; its memory grew from the change on' });
const neighbour = (extra: Partial<Attribution> = {}): Attribution => ({ change: change('CHANGE_2', 'pricing', 'pricing 4.2.1 hotfix: cache TTL'), kind: 'deployment', score: 0.7, fit: 0, redHerring: false, explains: 'router', reason: 'router, which depends on it, went wrong 3 min later', ...extra });

describe('a neighbour whose own change fits its trouble', () => {
  it('is not another change\'s victim by the minutes alone', () => {
    const [, b] = preemptedByOwnChange([own(0.69), neighbour()], 0.3);
    expect(b!.score).toBeCloseTo(0.21);
    expect(b!.reason).toContain("router's own change (router 12.0.0: streaming connections) fits its trouble");
  });

  it('still is when the evidence ties the other change to it', () => {
    const [, b] = preemptedByOwnChange([own(0.69), neighbour({ tied: true })], 0.3);
    expect(b!.score).toBe(0.7);
  });

  it('still is when its own change fits only by the minutes before the trouble, not by what it did there', () => {
    expect(preemptedByOwnChange([own(0.69, false), neighbour()], 0.3)[1]!.score).toBe(0.7);
  });

  it('still is when its own change fits poorly or was ruled out', () => {
    expect(preemptedByOwnChange([own(0.3), neighbour()], 0.3)[1]!.score).toBe(0.7);
    expect(preemptedByOwnChange([{ ...own(0.69), redHerring: true }, neighbour()], 0.3)[1]!.score).toBe(0.7);
  });
});
