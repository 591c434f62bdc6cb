import { describe, expect, it } from 'vitest';
import { headroomResource } from '../../../functions/score/core/headroom.js';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const step = 5 * 60_000;
const frame = { alertAtMs: at, stepMs: step };

/** A series of one point every five minutes over the six hours before the alert. */
const series = (service: string, name: string, valueAt: (minutesBefore: number) => number, unit = 'Bytes', reference?: { median: number }): Evidence => {
  const values = Array.from({ length: 73 }, (_, i) => valueAt(360 - i * 5));
  return { id: `M_${service}_${name}`, class: 'metrics', service, name, unit, labels: {}, startMs: at - 360 * 60_000, stepMs: step, values, ...(reference ? { reference: { median: reference.median, mad: reference.median * 0.01, p05: reference.median * 0.98, p95: reference.median * 1.02, points: 30 } } : {}) } as unknown as Evidence;
};

/** A disk losing 6 GB an hour from 36 GB: empty at the alert. */
const filling = (minutesBefore: number) => Math.max(0.1e9, (minutesBefore / 60) * 6e9);

describe('series of what is left', () => {
  it('are not confused with series of what is used that name the same resource', () => {
    expect(headroomResource('CPUCreditUsage')).toBeUndefined();
    expect(headroomResource('credit_used_pct')).toBeUndefined();
  });

  it('are told apart from series of what is used, whatever resource they name', () => {
    expect(headroomResource('FreeStorageSpace')).toBe('saturation');
    expect(headroomResource('FreeableMemory')).toBe('memory');
    expect(headroomResource('node_memory_MemAvailable_bytes')).toBe('memory');
    expect(headroomResource('CPUCreditBalance')).toBe('cpu');
    expect(headroomResource('node_filesystem_avail_bytes')).toBe('saturation');
    expect(headroomResource('api_ratelimit_remaining')).toBe('saturation');
    expect(metricFamily('FreeableMemory', 'Bytes')).toBe('headroom');
  });

  it('leave units in service, availability ratios and rebalances alone', () => {
    expect(headroomResource('kube_deployment_status_replicas_available')).toBeUndefined();
    expect(headroomResource('PlaylistAvailability')).toBeUndefined();
    expect(headroomResource('kafka_consumer_coordinator_rebalance_total_rate')).toBeUndefined();
    expect(headroomResource('disk_used_percent')).toBeUndefined();
  });

  it('read a steady fall to nothing as the resource exhausted, local to the service that owns it', () => {
    const signals = metricSignals([series('orders-db', 'FreeStorageSpace', filling)], frame);
    const empty = signals.find((s) => /ran out/.test(s.text));
    expect(empty).toMatchObject({ service: 'orders-db', family: 'saturation', local: true });
    expect(empty!.peakShare).toBeGreaterThan(0.98);
    expect(empty!.onsetMs).toBeGreaterThan(at - 30 * 60_000);
  });

  it('date an emptying from when it ran out, when the reference says it is usually roomy, and no earlier than the look-back', () => {
    const emptyFor3h = (m: number) => (m <= 180 ? 0 : (m - 180) * 0.2e9);
    const signals = metricSignals([series('meta-db', 'FreeStorageSpace', emptyFor3h, 'Bytes', { median: 40e9 })], { ...frame, lookbackMs: 4 * 3600_000 });
    expect(signals.find((s) => /ran out/.test(s.text))?.onsetMs).toBe(at - 180 * 60_000);
  });

  it('say nothing when room is freed, or when the level is what the reference shows', () => {
    expect(metricSignals([series('orders-db', 'FreeStorageSpace', (m) => 40e9 - (m / 60) * 5e9)], frame)).toEqual([]);
    expect(metricSignals([series('orders-db', 'FreeStorageSpace', () => 5e9, 'Bytes', { median: 5e9 })], frame)).toEqual([]);
  });

  it('put the fault in the database whose disk filled, not in the caller whose writes failed', () => {
    const signals: Signal[] = [
      ...metricSignals([series('orders-db', 'FreeStorageSpace', filling)], frame),
      { service: 'ingest', family: 'errors', strength: 1, onsetMs: at - 5 * 60_000, evidenceId: 'M_ingest', local: false, text: 'ingest error rate rose' },
    ];
    const ranked = rankSuspects(profileServices(signals, mergeGraph({ ingest: ['orders-db'] }), frame), [], new Set(['ingest', 'orders-db']));
    expect(ranked[0]).toMatchObject({ service: 'orders-db', kind: 'resource_exhaustion' });
  });
});
