import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * Scaling out undoes exhaustion only when the service has outgrown its compute: CPU
 * pinned at a ceiling the healthy reference already ran close to, at demand that held,
 * with its instances up and nothing it calls in trouble. Every other pinned CPU is
 * something a person must look at.
 */
const at = Date.parse('2026-03-09T14:00:00Z');
const db = 'orders-db';
const top: Suspect = { service: db, kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['METRIC_CPU'], reasons: [] };
const cpuSeries = (referenceP95: number) =>
  ({ id: 'METRIC_CPU', class: 'metrics', service: db, name: 'CPUUtilization', unit: 'percent', labels: {}, startMs: at - 60 * 60_000, stepMs: 300_000, values: [60, 64, 70, 75, 82, 90, 99, 100, 100, 100, 100, 100], reference: { median: referenceP95 - 8, mad: 5, p05: referenceP95 - 20, p95: referenceP95, points: 12 } }) as unknown as Evidence;
const pinned: Signal = { service: db, family: 'cpu', strength: 0.9, onsetMs: at - 15 * 60_000, evidenceId: 'METRIC_CPU', local: true, peakShare: 1, text: `${db} CPU reached its limit (100 of 100, CPUUtilization)` };
const sig = (service: string, family: Signal['family'], evidenceId: string, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at - 15 * 60_000, evidenceId, local: true, text: `${service} ${family}`, ...extra });
const graph = new Map([[db, new Set(['audit-store'])]]);
const action = (signals: Signal[], referenceP95 = 78) => recommendAction(top, signals, { evidence: [cpuSeries(referenceP95)], graph });

describe('scale-out for exhaustion', () => {
  it('is recommended when CPU is pinned at a ceiling its healthy reference already ran close to', () => {
    const a = action([pinned]);
    expect(a.kind).toBe('scale_out');
    expect(a.service).toBe(db);
    expect(a.reason).toMatch(/78% of that ceiling/);
    expect(a.evidenceIds).toContain('METRIC_CPU');
  });

  it('is not recommended when the CPU idled in health and is pinned now: something new burns it', () => {
    expect(action([pinned], 12).kind).toBe('none');
  });

  it('is not recommended when the demand reaching it fell', () => {
    expect(action([pinned, sig(db, 'traffic_down', 'METRIC_REQ', { local: false })]).kind).toBe('none');
  });

  it('is not recommended when its instances fail their checks or cannot start', () => {
    expect(action([pinned, sig(db, 'runtime_other', 'RUNTIME_1', { text: `${db} failed its health checks: failed to assign an IP address` })]).kind).toBe('none');
  });

  it('is not recommended when something it calls is in trouble of its own', () => {
    expect(action([pinned, sig('audit-store', 'self_time', 'TRACE_1')]).kind).toBe('none');
    expect(action([pinned, sig(db, 'outbound_latency', 'TRACE_2')]).kind).toBe('none');
  });

  it('is not recommended without a healthy reference to compare with', () => {
    expect(recommendAction(top, [pinned], { evidence: [{ ...(cpuSeries(78) as object), reference: undefined } as unknown as Evidence], graph }).kind).toBe('none');
    expect(recommendAction(top, [pinned]).kind).toBe('none');
  });
});

describe('no action for a limit neither a restart nor more instances lifts', () => {
  it('names the limit the service ran into and why no action answers it', () => {
    const full = sig('session-cache', 'memory', 'METRIC_MEM', { peakShare: 1, text: 'session-cache memory reached its limit (100 of 100, used_memory_percent)' });
    const a = recommendAction({ service: 'session-cache', kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] }, [full]);
    expect(a.kind).toBe('none');
    expect(a.reason).toMatch(/ran into a limit \(session-cache memory reached its limit/);
    expect(a.evidenceIds).toEqual(['METRIC_MEM', 'LOG_1']);
  });
});
