import { describe, expect, it } from 'vitest';
import { offsetLabel, referencePlan, withReference } from '../../../../functions/providers/shared/reference.js';
import { deps, plan, REFERENCE } from '../grafana-test-kit.js';

const withRef = plan('metrics', { type: 'prometheus' }, { reference: REFERENCE, correlation: { traceIds: ['abc'], requestIds: ['r1'] }, limits: { maxItems: 200, maxBytes: 1000 } });
const never = (_: unknown, signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('reference reads', () => {
  it('shifts the window and the alert time together, drops the incident\'s own ids and scales the item bound', () => {
    const ref = referencePlan(withRef, REFERENCE[0]!);
    expect(ref).toMatchObject({ window: REFERENCE[0], alertAt: '2026-05-11T14:22:00.000Z', reference: [], correlation: { traceIds: [], requestIds: [] }, limits: { maxItems: 50, maxBytes: 1000 } });
    expect(REFERENCE.map((w) => offsetLabel(withRef, w))).toEqual(['1d', '7d']);
  });

  it('runs the windows alongside the main read and returns what they found', async () => {
    const order: string[] = [];
    const { main, reference } = await withReference(
      withRef,
      deps(),
      async () => (order.push('main'), 'main result'),
      async (p) => (order.push(p.window.from), [p.window.from]),
      { noun: 'series' },
    );
    expect(main).toBe('main result');
    expect(order.slice(0, 2)).toEqual(['2026-05-11T13:22:00.000Z', '2026-05-05T13:22:00.000Z']);
    expect(reference.items).toEqual(['2026-05-11T13:22:00.000Z', '2026-05-05T13:22:00.000Z']);
    expect(reference.notes).toEqual(["reference: 2 series from 2 healthy windows (1d, 7d before), each read under 25% of the main read's bounds"]);
  });

  it('skips a window the backend cannot serve, saying why', async () => {
    const read: string[] = [];
    const { reference } = await withReference(
      withRef,
      deps(),
      async () => undefined,
      async (p) => (read.push(p.window.from), [1]),
      { noun: 'traces', unavailable: (w) => (w.from.startsWith('2026-05-05') ? 'older than the 3-day retention' : undefined) },
    );
    expect(read).toEqual(['2026-05-11T13:22:00.000Z']);
    expect(reference.notes).toContain('reference unavailable: 7d before: older than the 3-day retention');
  });

  it('turns a failing or slow window into a note and keeps the main result', async () => {
    const { main, reference } = await withReference(
      withRef,
      deps(),
      async () => 'kept',
      (p, signal) => (p.window.from.startsWith('2026-05-11') ? Promise.reject(new Error('GET /api answered 500')) : never(p, signal)),
      { noun: 'series', budgetMs: 20 },
    );
    expect(main).toBe('kept');
    expect(reference.items).toEqual([]);
    expect(reference.notes).toEqual(['reference unavailable: 1d before: GET /api answered 500', "reference unavailable: 7d before: no answer within the reference's 20 ms budget"]);
  });

  it('ends the reference before the provider\'s own deadline, however much of its budget is left', async () => {
    const nearDeadline = { ...deps(), deadlineAt: Date.now() + 5_030 };
    const { reference } = await withReference({ ...withRef, reference: [REFERENCE[0]!] }, nearDeadline, async () => 'kept', (p, signal) => never(p, signal), { noun: 'series' });
    expect(reference.notes[0]).toMatch(/^reference unavailable: 1d before: no answer within the reference's \d+ ms budget$/);
  });

  it('stops the reference when the main read fails, and fails with the main read\'s error', async () => {
    let stopped = false;
    const failing = withReference(withRef, deps(), () => Promise.reject(new Error('main failed')), (p, signal) => (signal.addEventListener('abort', () => (stopped = true)), never(p, signal)), { noun: 'series' });
    await expect(failing).rejects.toThrow('main failed');
    expect(stopped).toBe(true);
  });

  it('says when a window returned nothing, and reads nothing without reference windows', async () => {
    const empty = await withReference(withRef, deps(), async () => 1, async () => [], { noun: 'log lines' });
    expect(empty.reference.notes).toEqual(['reference 1d before: the backend returned no log lines (it may not keep data that old)', 'reference 7d before: the backend returned no log lines (it may not keep data that old)']);
    let called = false;
    await withReference({ ...withRef, reference: [] }, deps(), async () => 1, async () => ((called = true), []), { noun: 'series' });
    expect(called).toBe(false);
  });
});
