import { describe, expect, it } from 'vitest';
import type { MetricSeries, Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * A service that ran out of what its load holds only while it is served (its connection
 * pool, its clients, its ports, its CPU) while its demand held, its instances stayed up
 * and nothing it calls was in trouble needs more of itself: each instance brings its own
 * pool, ports and CPU. What it keeps (a full disk) is no such case, nor slots run out
 * with no demand shown behind them.
 */
const at = Date.parse('2026-07-11T12:30:00Z');
const top: Suspect = { service: 'meta-db', kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] };
const sig = (family: Signal['family'], evidenceId: string, text: string, extra: Partial<Signal> = {}): Signal => ({ service: 'meta-db', family, strength: 0.8, onsetMs: at, evidenceId, local: true, text, ...extra });
const pool = sig('log_error', 'LOG_1', 'meta-db logged error "too many connections; <*> sessions waiting"', { hint: 'resource_exhaustion' });
const clients = sig('log_error', 'LOG_2', 'meta-db logged warn "# max number of clients reached (maxclients <*>)"');
const ports = sig('saturation', 'METRIC_1', 'meta-db resource use reached its limit (1.00 of 1.00, ephemeral_ports_in_use_ratio)', { peakShare: 1 });
const cpu = sig('cpu', 'METRIC_2', 'meta-db CPU reached its limit (100 of 100, cpu_utilization)', { peakShare: 1 });
const disk = sig('saturation', 'METRIC_3', 'meta-db resource use reached its limit (1.00 of 1.00, node_filesystem_used_ratio)', { peakShare: 1 });
const rose = sig('traffic_up', 'METRIC_4', 'meta-db request rate rose from 400 to 900 (requests_per_second)');
const graph = new Map([['meta-db', new Set(['blob-store'])]]);

const requests = (values: number[], median: number): Evidence => {
  const m: MetricSeries = { class: 'metrics', service: 'meta-db', name: 'requests_per_second', labels: {}, startMs: at - 9 * 60_000, stepMs: 60_000, values, reference: { points: 30, median, p95: median * 1.2, mad: median / 10 } } as MetricSeries;
  return { ...m, id: 'METRIC_5' } as Evidence;
};

describe('a service that ran out of slots its load holds', () => {
  it('is scaled out when its pool, clients, ports or CPU ran out and its demand rose or held', () => {
    for (const s of [pool, clients, ports, cpu]) {
      const a = recommendAction(top, [s, rose], { graph });
      expect(a.kind).toBe('scale_out');
      expect(a.evidenceIds[0]).toBe(s.evidenceId);
    }
    expect(recommendAction(top, [pool], { graph, evidence: [requests([500, 510, 490, 505, 500, 495, 500, 510, 500, 505], 500)] }).kind).toBe('scale_out');
  });

  it('is not scaled out at its CPU ceiling when its demand only held: the CPU went to something new', () => {
    expect(recommendAction(top, [cpu], { graph, evidence: [requests([500, 510, 490, 505, 500, 495, 500, 510, 500, 505], 500)] }).kind).toBe('none');
  });

  it('is not scaled out when nothing measures its demand', () => {
    for (const s of [pool, clients, ports, cpu]) expect(recommendAction(top, [s], { graph }).kind).toBe('none');
  });

  it('is not scaled out when what filled is kept, its demand fell, its instances fail or something it calls is in trouble', () => {
    expect(recommendAction(top, [disk, rose], { graph }).kind).toBe('none');
    expect(recommendAction(top, [pool, rose, sig('traffic_down', 'METRIC_6', 'meta-db request rate fell', { local: false })], { graph }).kind).toBe('none');
    expect(recommendAction(top, [pool], { graph, evidence: [requests([100, 110, 90, 105, 100, 95, 100, 110, 100, 105], 500)] }).kind).toBe('none');
    expect(recommendAction(top, [pool, rose, sig('runtime_crash', 'RUNTIME_1', 'meta-db crash-looping')], { graph }).kind).toBe('none');
    expect(recommendAction(top, [pool, rose, { ...sig('latency', 'METRIC_7', 'blob-store latency rose'), service: 'blob-store' }], { graph }).kind).toBe('none');
  });
});
