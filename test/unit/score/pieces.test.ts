import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { clearedByHealthyCallers, failingCallSignals, withoutClearedViews } from '../../../functions/score/core/pieces.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const sig = (service: string, family: Signal['family'], extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - 18 * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
const graph = mergeGraph({ login: ['cache', 'users-db'] });
const REPLY = "session write failed: OOM command not allowed when used memory > 'maxmemory'";

describe('what a caller\'s errors say about the callee its failing calls start in', () => {
  it('puts the kind the caller\'s words name on the callee whose spans start the failures, from the caller\'s first error', () => {
    const out = failingCallSignals([sig('login', 'log_error', { hint: 'resource_exhaustion', raw: REPLY }), sig('cache', 'error_origin', { onsetMs: at - 10 * 60_000 })], graph);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ service: 'cache', family: 'dependency_mention', hint: 'resource_exhaustion', onsetMs: at - 18 * 60_000, local: true });
  });

  it('leaves them with a caller whose own spans start failures, with a callee whose spans do not, and with a programming error', () => {
    expect(failingCallSignals([sig('login', 'log_error', { hint: 'resource_exhaustion', raw: REPLY }), sig('login', 'error_origin'), sig('cache', 'error_origin')], graph)).toEqual([]);
    expect(failingCallSignals([sig('login', 'log_error', { hint: 'resource_exhaustion', raw: REPLY })], graph)).toEqual([]);
    expect(failingCallSignals([sig('login', 'exception', { hint: 'code_defect', raw: 'NullPointerException' }), sig('cache', 'error_origin')], graph)).toEqual([]);
    expect(failingCallSignals([sig('login', 'log_error', { raw: 'session write failed' }), sig('cache', 'error_origin')], graph)).toEqual([]);
  });
});

describe('a resource full this time, and roomy in its reference', () => {
  const step = 5 * 60_000;
  /** Twelve five-minute points, the first at an hour before the alert, already at 98–100% of the limit. */
  const memory = (reference?: { median: number; p95: number }): Evidence => ({
    class: 'metrics',
    id: 'METRIC_1',
    service: 'cache',
    name: 'DatabaseMemoryUsagePercentage',
    labels: {},
    startMs: at - 60 * 60_000,
    stepMs: step,
    values: [98.1, 98.3, 98.5, 99, 99.2, 99.5, 99.7, 99.98, 100.1, 99.9, 99.9, 100],
    ...(reference ? { reference: { ...reference, mad: 0.2, p05: reference.median - 0.5, points: 37 } } : {}),
    link: { kind: 'none' },
  }) as unknown as Evidence;
  const frame = { alertAtMs: at, stepMs: step };

  it('is exhaustion when the healthy period sat well below the limit, from when it came up to it', () => {
    const out = metricSignals([memory({ median: 78.3, p95: 78.6 })], frame).filter((s) => s.family === 'memory');
    expect(out).toHaveLength(1);
    expect(out[0]!.onsetMs).toBe(at - 60 * 60_000);
  });

  it('is not news when the window opened full and nothing says it is usually roomier', () => {
    expect(metricSignals([memory()], frame).filter((s) => s.family === 'memory')).toEqual([]);
    expect(metricSignals([memory({ median: 99, p95: 99.8 })], frame).filter((s) => s.family === 'memory')).toEqual([]);
  });
});

describe('a dependency a caller used without failing', () => {
  const mention = (service: string) => sig(service, 'dependency_mention', { evidenceId: 'LOG_billing' });
  const failing = [sig('billing', 'log_error'), mention('psp'), sig('psp', 'error_origin', { evidenceId: 'TRACE_psp' })];

  it('is cleared of what failing callers said about it when another caller called it without failing', () => {
    const cleared = clearedByHealthyCallers(failing, { billing: ['psp'], refunds: ['psp'] }, new Set(['billing', 'refunds']));
    expect([...cleared]).toEqual([['psp', 'refunds']]);
    expect(withoutClearedViews(failing, cleared, () => false).map((s) => s.service)).toEqual(['billing']);
    expect(withoutClearedViews(failing, cleared, (service, id) => service === 'psp' && id === 'TRACE_psp').map((s) => s.evidenceId)).toEqual(['E_billing_log_error', 'TRACE_psp']);
  });

  it('stays blamed when every caller seen calling it failed, or when we have telemetry of its own', () => {
    expect(clearedByHealthyCallers([...failing, sig('refunds', 'errors')], { billing: ['psp'], refunds: ['psp'] }, new Set(['billing', 'refunds'])).size).toBe(0);
    expect(clearedByHealthyCallers(failing, { billing: ['psp'] }, new Set(['billing'])).size).toBe(0);
    expect(clearedByHealthyCallers(failing, { billing: ['psp'], refunds: ['psp'] }, new Set(['billing', 'refunds', 'psp'])).size).toBe(0);
  });
});

describe('a pool filled with calls waiting on a slower callee', () => {
  const frame = { alertAtMs: at, stepMs: 30_000 };
  const g = mergeGraph({ bff: ['search'] });
  const caller = [sig('bff', 'saturation', { onsetMs: at - 12 * 60_000 }), sig('bff', 'exception', { strength: 1, onsetMs: at - 8 * 60_000 }), sig('bff', 'errors', { strength: 1, local: false, onsetMs: at - 12 * 60_000 })];
  const slower = sig('search', 'self_time', { strength: 1, onsetMs: at - 12 * 60_000 });

  it('is the callee\'s doing: the caller\'s rejected requests are explained in full', () => {
    const p = profileServices([...caller, slower], g, frame).get('bff')!;
    expect(p.explainedBy).toBe('search');
    expect(p.rootness).toBeLessThan(0.5);
  });

  it('is not when the caller burned more CPU, or filled up before the callee slowed', () => {
    expect(profileServices([...caller, sig('bff', 'cpu', { onsetMs: at - 12 * 60_000 }), slower], g, frame).get('bff')!.rootness).toBeGreaterThan(0.5);
    expect(profileServices([...caller.map((s) => (s.family === 'saturation' ? { ...s, onsetMs: at - 40 * 60_000 } : s)), slower], g, frame).get('bff')!.rootness).toBeGreaterThan(0.5);
  });
});
