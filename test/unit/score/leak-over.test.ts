import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import { outgrewDemand } from '../../../functions/score/core/change-fit.js';
import { leakOver, readHeld } from '../../../functions/score/core/held.js';
import type { Evidence } from '../../../functions/score/core/types.js';

/*
 * One reading of "is this a leak", whether the question is asked of the window (is the
 * service leaking now: restart it) or of the time since a deploy (did the deploy ship it:
 * roll it back): what the service holds climbed through the stretch, not in one step,
 * and per unit of its demand came far from where it was.
 */
const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;

function series(name: string, values: number[], reference?: number): MetricSeries & { id: string } {
  return { class: 'metrics', id: `M_${name}`, service: 'ledger', name, labels: {}, startMs: at - values.length * min, stepMs: min, values, link: undefined, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.05, p05: reference * 0.9, p95: reference * 1.1, points: 60 } } : {}) } as unknown as MetricSeries & { id: string };
}

const wobble = (i: number) => 1 + 0.01 * Math.sin(i * 1.7);
const ramp = Array.from({ length: 30 }, (_, i) => (10 + i) * wobble(i));
const step = Array.from({ length: 30 }, (_, i) => (i < 20 ? 10 : 40) * wobble(i));
/** A heap climbing all along but for the two samples after one instance was killed. */
const killedOnce = ramp.map((v, i) => (i === 20 || i === 21 ? 4 : v));
const flatDemand = series('http_requests_per_second', Array.from({ length: 30 }, (_, i) => 170 * wobble(i + 3)));
const from = at - 30 * min;

describe('one reading of a leak', () => {
  it('reads a steady climb at flat demand as a leak, and a step to the same level as none', () => {
    expect(leakOver(series('hikaricp_connections_active', ramp), [flatDemand], from, at)).toBeDefined();
    expect(leakOver(series('hikaricp_connections_active', step), [flatDemand], from, at)).toBeUndefined();
  });

  it('reads a heap that kept climbing through an instance killed on the way as a leak', () => {
    const heap = series('jvm_memory_used_bytes', killedOnce);
    expect(leakOver(heap, [flatDemand], from, at)).toBeDefined();
    expect(readHeld('ledger', 'memory', [heap, flatDemand] as Evidence[])?.text).toMatch(/jvm_memory_used_bytes climbed steadily/);
  });

  it('does not when demand rose as much as what is held', () => {
    const demand = series('http_requests_per_second', ramp.map((v) => v * 17));
    expect(leakOver(series('hikaricp_connections_active', ramp), [demand], from, at)).toBeUndefined();
  });

  it('reads a climb short of half again as a leak when the same demand held far less in health', () => {
    const slow = Array.from({ length: 30 }, (_, i) => (40 + 0.5 * i) * wobble(i));
    expect(leakOver(series('jvm_memory_used_bytes', slow), [flatDemand], from, at)).toBeUndefined();
    expect(leakOver(series('jvm_memory_used_bytes', slow, 20), [series('http_requests_per_second', flatDemand.values as number[], 170)], from, at)?.health).toEqual({ count: 20, demand: 170 });
  });

  it('counts sockets left in CLOSE_WAIT as what leaked, never as the demand descriptors answer to', () => {
    const fds = series('process_open_fds', ramp.map((v) => v * 1000));
    const closeWait = series('tcp_close_wait_sockets', ramp.map((v) => v * 950));
    expect(readHeld('ledger', 'descriptors', [fds, closeWait, flatDemand] as Evidence[])?.text).toMatch(/process_open_fds climbed steadily .* while http_requests_per_second/);
  });

  it('gives the same answer of the window and of the time since a deploy at its start', () => {
    for (const values of [ramp, step, killedOnce]) {
      const items = [series('hikaricp_connections_active', values), flatDemand] as Evidence[];
      expect(outgrewDemand(items, 'ledger', from, at)).toBe(readHeld('ledger', 'connections', items) !== undefined);
    }
    expect(outgrewDemand([series('hikaricp_connections_active', step), flatDemand] as Evidence[], 'ledger', from, at)).toBe(false);
  });
});
