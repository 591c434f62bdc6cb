import { describe, expect, it } from 'vitest';
import type { ServiceTraceStats } from '../../../../functions/contracts/index.js';
import { gridForWindow } from '../../../../functions/providers/shared/grid.js';
import { summarizeTraces, type RawSpan, type RawTrace } from '../../../../functions/providers/shared/traces.js';

const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };
const grid = gridForWindow(window);
const early = Date.parse('2026-06-01T08:05:00Z');
const late = Date.parse('2026-06-01T08:58:00Z');
const dayBefore = Date.parse('2026-05-31T08:30:00Z');

/**
 * A checkout: the shop reads the cart, prices the order itself, charges through the
 * payment service (which writes the charge), then mails a receipt. `cut` drops what a
 * fault leaves undone.
 */
function checkout(id: string, atMs: number, cut: { insert?: boolean; afterPay?: boolean; afterPricing?: boolean; mailServer?: boolean; cartQuery?: boolean; cart?: boolean } = {}): RawTrace {
  const span = (suffix: string, parent: string | undefined, service: string, name: string, offset: number, durationMs: number, kind?: string): RawSpan => ({ spanId: `${id}${suffix}`, ...(parent ? { parentSpanId: `${id}${parent}` } : {}), service, name, atMs: atMs + offset, durationMs, status: 'ok', ...(kind ? { kind } : {}) });
  const spans: RawSpan[] = [span('a', undefined, 'shop', 'POST /checkout', 0, 100, 'server')];
  if (!cut.cart) {
    spans.push(span('b', 'a', 'shop', 'call cart', 1, 10, 'client'), span('c', 'b', 'cart', 'GetCart', 2, 8, 'server'));
    if (!cut.cartQuery) spans.push(span('j', 'c', 'cart', 'SELECT cart', 3, 4, 'client'));
  }
  spans.push(span('d', 'a', 'shop', 'price order', 12, 5, 'internal'));
  if (!cut.afterPricing) {
    spans.push(span('e', 'a', 'shop', 'call pay', 20, 30, 'client'), span('f', 'e', 'pay', 'Charge', 21, 28, 'server'));
    if (!cut.insert) spans.push(span('g', 'f', 'pay', 'INSERT charge', 22, 10, 'client'));
    if (!cut.afterPay) {
      spans.push(span('h', 'a', 'shop', 'call mail', 60, 20, 'client'));
      if (!cut.mailServer) spans.push(span('i', 'h', 'mail', 'Send', 61, 18, 'server'));
    }
  }
  return { traceId: id, spans };
}

const healthy = (n: number, atMs: number, prefix: string) => Array.from({ length: n }, (_, i) => checkout(`${prefix}${i}`, atMs + i * 20_000));

function breaks(traces: RawTrace[], reference: RawTrace[] = healthy(6, dayBefore, 'r')): Record<string, NonNullable<ServiceTraceStats['patternBreaks']>> {
  const items = summarizeTraces(traces, grid, undefined, reference).map((r) => r.item);
  return Object.fromEntries(items.filter((i): i is ServiceTraceStats => i.kind === 'service_stats' && i.patternBreaks !== undefined).map((s) => [s.service, s.patternBreaks!]));
}

const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('where a trace\'s expected pattern broke', () => {
  it('blames the deepest span that left out its usual work, not the callers it cut short', () => {
    const out = breaks([...healthy(5, early, 'w'), ...Array.from({ length: 4 }, (_, i) => checkout(`x${i}`, late + i * 1000, { insert: true, afterPay: true }))]);
    expect(Object.keys(out)).toEqual(['pay']);
    expect(total(out.pay!.broken)).toBe(4);
    expect(out.pay!.missing).toEqual(['pay: INSERT charge']);
    expect(out.pay!.reference).toEqual({ traces: 6, broken: 0 });
  });

  it('blames the service a caller had called last when it stopped, when that callee\'s own pattern held', () => {
    const out = breaks([...healthy(5, early, 'w'), ...Array.from({ length: 3 }, (_, i) => checkout(`x${i}`, late + i * 1000, { afterPay: true }))]);
    expect(Object.keys(out)).toEqual(['pay']);
    expect(total(out.pay!.broken)).toBe(3);
    expect(out.pay!.missing).toEqual(['shop: call mail']);
  });

  it('blames the caller itself when its own work was the last thing it did', () => {
    const out = breaks(Array.from({ length: 3 }, (_, i) => checkout(`x${i}`, late + i * 1000, { afterPricing: true })));
    expect(Object.keys(out)).toEqual(['shop']);
    expect(out.shop!.missing).toEqual(['shop: call mail', 'shop: call pay']);
  });

  it('blames the caller when what it left out usually comes before its last call: its own code went another way', () => {
    const out = breaks(Array.from({ length: 3 }, (_, i) => checkout(`x${i}`, late + i * 1000, { cart: true, afterPay: true })));
    expect(Object.keys(out)).toEqual(['shop']);
    expect(out.shop!.missing).toEqual(['shop: call cart', 'shop: call mail']);
  });

  it('does not count a callee\'s span missing under its caller\'s client span: the call was made', () => {
    expect(breaks(Array.from({ length: 3 }, (_, i) => checkout(`x${i}`, late + i * 1000, { mailServer: true })))).toEqual({});
  });

  it('counts a trace broken in several services at once (spans lost in collection) for none', () => {
    expect(breaks([checkout('x', late, { insert: true, cartQuery: true }), checkout('y', late + 1000, { insert: true, cartQuery: true })])).toEqual({});
    expect(total(breaks([checkout('z', late, { insert: true })]).pay!.broken)).toBe(1);
  });

  it('takes a shape the operation often has for one of its normal branches', () => {
    const reference = [...healthy(6, dayBefore, 'r'), ...Array.from({ length: 2 }, (_, i) => checkout(`q${i}`, dayBefore + 600_000 + i * 1000, { afterPay: true }))];
    expect(breaks([checkout('x', late, { afterPay: true })], reference)).toEqual({});
  });

  it('learns an operation the reference lacks from the window\'s earliest third, so a capture without a reference still has a basis', () => {
    const out = breaks([...healthy(5, early, 'w'), ...Array.from({ length: 3 }, (_, i) => checkout(`x${i}`, late + i * 1000, { insert: true, afterPay: true }))], []);
    expect(Object.keys(out)).toEqual(['pay']);
    expect(out.pay!.reference).toBeUndefined();
  });

  it('keeps to the reference for an operation it knows, so a fault in the window\'s first third is not learnt as usual', () => {
    const out = breaks([...Array.from({ length: 4 }, (_, i) => checkout(`x${i}`, early + i * 1000, { insert: true, afterPay: true })), ...healthy(2, late, 'w')]);
    expect(total(out.pay!.broken)).toBe(4);
  });

  it('finds no break in spans that name each other as parents (a hostile or broken tracer), and returns rather than follow the loop', () => {
    const loop: RawTrace = {
      traceId: 'loop',
      spans: [
        { spanId: 'l1', parentSpanId: 'l2', service: 'shop', name: 'POST /checkout', atMs: late, durationMs: 100, status: 'ok', kind: 'server' },
        { spanId: 'l2', parentSpanId: 'l1', service: 'shop', name: 'call cart', atMs: late + 1, durationMs: 10, status: 'ok', kind: 'client' },
      ],
    };
    expect(breaks([loop])).toEqual({});
  });
});
