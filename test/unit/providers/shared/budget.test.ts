import { describe, expect, it } from 'vitest';
import { fitToBudget, listedFirst, type Ranked } from '../../../../functions/providers/shared/budget.js';

/** Items of about 1 KiB each, named by service, ranked by `priority`. */
const item = (service: string | undefined, priority: number): Ranked<{ service?: string; text: string }> => ({ item: { ...(service ? { service } : {}), text: 'x'.repeat(1000) }, priority });
const services = (kept: { service?: string }[]) => kept.map((k) => k.service ?? '(none)');

describe('keeping a provider under its budget', () => {
  it('keeps a higher tier before any higher priority below it, in input order', () => {
    const fitted = fitToBudget([{ ...item('a', 1), tier: 1 }, item('b', 9), { ...item('c', 0), tier: 1 }], 2048 + 2100, 'items', 'the best');
    expect(services(fitted.items)).toEqual(['a', 'c']);
    expect(fitted.notes).toEqual(['kept 2 of 3 items, the best; 1 dropped to stay under 4 KiB']);
  });
});

describe('the planned services first when a plan asks for unlisted ones', () => {
  const ranked = [item('node-group', 9), item('orders', 1), item(undefined, 0)];

  it('drops the unlisted services a tier, keeping items that name no service with the listed ones', () => {
    const plan = { services: ['orders', 'web'], unlisted: true };
    expect(services(fitToBudget(listedFirst(ranked, plan), 2048 + 2100, 'items', 'the best').items)).toEqual(['orders', '(none)']);
  });

  it('leaves the ranking alone for a plan that asks for its listed services only', () => {
    const plan = { services: ['orders', 'web'], unlisted: false };
    expect(services(fitToBudget(listedFirst(ranked, plan), 2048 + 2100, 'items', 'the best').items)).toEqual(['node-group', 'orders']);
  });
});
