import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../../functions/providers/shared/budget.js';
import { gridForWindow } from '../../../../functions/providers/shared/grid.js';
import { logPatterns, maskLine, TemplateMiner, type RawLogLine } from '../../../../functions/providers/shared/logs.js';

const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };
const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const fromMs = Date.parse(window.from);
const spanMs = Date.parse(window.to) - fromMs;

/** Lines from 40 services × 5 shapes, with an error that only starts 5 minutes before the alert. */
function* lines(n: number): Generator<RawLogLine> {
  for (let i = 0; i < n; i++) {
    const atMs = fromMs + Math.floor((i / n) * spanMs);
    const service = `svc-${i % 40}`;
    if (atMs > alertAtMs - 5 * 60_000 && i % 97 === 0) yield { atMs, service: 'svc-7', level: 'error', message: `upstream payments returned 503 after ${i % 900}ms for order ${i.toString(16)}`, traceId: `t${i}` };
    else yield { atMs, service, level: i % 50 === 0 ? 'warn' : 'info', message: `GET /api/v${i % 3}/items/${i} 200 in ${i % 300}ms user=${(i * 7919).toString(16)} shape=${i % 5}` };
  }
}

describe('log template mining', () => {
  it('masks numbers, hex ids and UUIDs', () => {
    expect(maskLine('order 8f14e45f-ceea-467f-a0e6-1b2c3d4e5f60 took 124ms at 10.0.0.1 id=ab12cd34ef')).toBe('order <*> took <*>ms at <*> id=<*>');
  });

  it('folds lines that differ only in variables into one template, with counts on the grid', () => {
    const miner = new TemplateMiner(gridForWindow(window));
    for (const l of lines(2_000)) miner.add(l);
    const patterns = logPatterns(miner, alertAtMs).map((r) => r.item);
    const errors = patterns.filter((p) => p.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.template).toBe('upstream payments returned <*> after <*>ms for order <*>');
    expect(errors[0]!.counts.reduce((a, b) => a + b, 0)).toBe(errors[0]!.count);
    expect(errors[0]!.exemplars.length).toBeLessThanOrEqual(3);
    expect(Date.parse(errors[0]!.firstSeen)).toBeGreaterThan(alertAtMs - 5 * 60_000);
  });

  it.each([10_000, 100_000, 1_000_000])('stays under maxBytes for %i lines and keeps the new error first', (n) => {
    const maxBytes = 40 * 1024;
    const miner = new TemplateMiner(gridForWindow(window));
    for (const l of lines(n)) miner.add(l);
    const fitted = fitToBudget(logPatterns(miner, alertAtMs), maxBytes, 'log patterns', 'errors first');
    expect(Buffer.byteLength(JSON.stringify(fitted.items))).toBeLessThan(maxBytes);
    expect(fitted.items.some((p) => p.level === 'error' && p.service === 'svc-7')).toBe(true);
    expect(miner.clusters.length).toBeLessThan(500);
  });

  it('says what it dropped', () => {
    const ranked = Array.from({ length: 229 }, (_, i) => ({ item: { n: i, pad: 'x'.repeat(200) }, priority: i }));
    const fitted = fitToBudget(ranked, 30 * 1024, 'series', 'the most anomalous');
    expect(fitted.items.length).toBeLessThan(229);
    expect(fitted.items.every((x) => x.n >= 229 - fitted.items.length)).toBe(true);
    expect(fitted.notes[0]).toMatch(/^kept \d+ of 229 series, the most anomalous; \d+ dropped/);
  });

  it('keeps a quiet service’s vanished template under a budget that a chatty service’s errors would fill', () => {
    const miner = new TemplateMiner(gridForWindow(window));
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
    for (let m = 0; m < 60; m++) {
      const atMs = fromMs + m * 60_000;
      for (let k = 0; k < 120; k++) miner.add({ atMs, service: 'chatty', level: 'error', message: `${words[k % 12]}${words[Math.floor(k / 12)]} failed while syncing ledger row for tenant ${k}` });
      if (atMs < alertAtMs - 8 * 60_000) miner.add({ atMs, service: 'quiet', level: 'info', message: `settlement batch ${m} reconciled` });
    }
    const budget = 24 * 1024;
    const unfair = fitToBudget(logPatterns(miner, alertAtMs).map((r) => ({ ...r, priority: r.priority % 100 })), budget, 'log patterns', 'errors first');
    const fair = fitToBudget(logPatterns(miner, alertAtMs), budget, 'log patterns', 'each service’s best first');
    expect(unfair.items.some((p) => p.service === 'quiet')).toBe(false);
    expect(fair.items.some((p) => p.service === 'quiet' && p.template.startsWith('settlement batch'))).toBe(true);
  });
});
