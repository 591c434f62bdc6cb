import { describe, expect, it } from 'vitest';
import { multipliedCallSignals } from '../../../functions/score/core/inflow.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ api: ['billing'], billing: ['cache', 'payments'] });
const measured = new Set(['api', 'billing', 'payments', 'cache']);
const tolerance = 3 * min;

/** The payment gateway took forty times its usual calls, coping, and began to fail a little ten minutes later. */
const surge: Signal = { service: 'payments', family: 'traffic_up', strength: 1, onsetMs: at - 28 * min, evidenceId: 'M_payments_rps', local: true, text: 'payments request rate rose from 450 to 18000' };
const laterErrors: Signal = { service: 'payments', family: 'errors', strength: 1, onsetMs: at - 18 * min, evidenceId: 'M_payments_err', local: false, text: 'payments error rate rose' };
/** The cache under billing restarted empty a minute before. */
const cacheRestart: Signal = { service: 'cache', family: 'runtime_crash', strength: 0.5, onsetMs: at - 29 * min, evidenceId: 'R_cache', local: true, text: 'cache restarted' };

describe('calls a caller multiplied', () => {
  it('are read on the one caller whose own demand stayed level while its callee took far more calls', () => {
    const [m] = multipliedCallSignals([surge, laterErrors], graph, measured, tolerance);
    expect(m).toMatchObject({ service: 'billing', family: 'calls_multiplied', evidenceId: 'M_payments_rps', local: true });
  });

  it('make that caller, not the callee that took them nor the cache that restarted, the likelier origin', () => {
    const signals = [surge, laterErrors, cacheRestart];
    const without = rankSuspects(profileServices(signals, graph, frame), [], measured);
    const withIt = rankSuspects(profileServices([...signals, ...multipliedCallSignals(signals, graph, measured, tolerance)], graph, frame), [], measured);
    expect(without[0]?.service).not.toBe('billing');
    expect(withIt[0]).toMatchObject({ service: 'billing', kind: 'code_defect' });
  });

  it("are not read where the caller passed its own users' surge on, or its demand was not measured", () => {
    const callerRose: Signal = { ...surge, service: 'billing', evidenceId: 'M_billing_rps', strength: 0.9 };
    expect(multipliedCallSignals([surge, callerRose], graph, measured, tolerance).filter((s) => s.service === 'billing')).toEqual([]);
    expect(multipliedCallSignals([surge], graph, new Set(['payments']), tolerance)).toEqual([]);
  });

  it('are not read where the callee strained or failed with the surge: a surge that met a limit, or retries of failing calls', () => {
    const strained: Signal = { service: 'payments', family: 'cpu', strength: 0.9, onsetMs: surge.onsetMs, evidenceId: 'M_payments_cpu', local: true, text: 'payments CPU rose' };
    const failingWithIt: Signal = { ...laterErrors, onsetMs: surge.onsetMs + min };
    expect(multipliedCallSignals([surge, strained], graph, measured, tolerance)).toEqual([]);
    expect(multipliedCallSignals([surge, failingWithIt], graph, measured, tolerance)).toEqual([]);
  });

  it('are not read where another callee of the caller was failing: a fallback taking the calls it could not', () => {
    const cacheFailing: Signal = { service: 'cache', family: 'error_origin', strength: 0.9, onsetMs: surge.onsetMs - min, evidenceId: 'T_cache', local: true, text: 'failing spans start in cache' };
    expect(multipliedCallSignals([surge, cacheFailing], graph, measured, tolerance)).toEqual([]);
    expect(multipliedCallSignals([surge, cacheRestart], graph, measured, tolerance)).toHaveLength(1);
  });

  it('are not read on a callee with several callers, any of which may have sent the calls', () => {
    const shared = mergeGraph({ billing: ['payments'], refunds: ['payments'] });
    expect(multipliedCallSignals([surge], shared, new Set(['billing', 'refunds', 'payments']), tolerance)).toEqual([]);
  });
});
