import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { headroomFactor, mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { WEIGHTS } from '../../../functions/score/core/weights.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ web: ['ads'] });
const webErrors: Signal = { service: 'web', family: 'errors', strength: 1, onsetMs: at - 2 * 60_000, evidenceId: 'M_web', local: false, text: 'web error rate rose' };
const adsCpu = (peakShare: number): Signal => ({ service: 'ads', family: 'cpu', strength: 0.8, onsetMs: at - 3 * 60_000, evidenceId: 'M_ads', local: true, peakShare, text: 'ads CPU rose' });
const adsKind = (peakShare: number) => rankSuspects(profileServices([webErrors, adsCpu(peakShare)], graph, frame), [], new Set(['web', 'ads'])).find((c) => c.service === 'ads')?.kind;

describe('CPU that rose without running short', () => {
  it('reads a service whose callers fail because of it, its CPU well below the limit, as a defect', () => {
    expect(adsKind(0.4)).toBe('code_defect');
  });

  it('still reads CPU at its limit as exhaustion, whatever the callers show', () => {
    expect(adsKind(1)).toBe('resource_exhaustion');
  });

  it('records how close a percentage series came to its limit', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => 4 + (i % 3)), 40, 41, 40];
    const series = { id: 'M_1', class: 'metrics', service: 'ads', name: 'cpu_usage_percent', unit: 'percent', labels: {}, startMs: at - values.length * 60_000, stepMs: 60_000, values } as unknown as Evidence;
    const cpu = metricSignals([series], frame).find((s) => s.family === 'cpu');
    expect(cpu?.peakShare).toBeCloseTo(0.41, 2);
  });
});

describe('a resource rise far below its limit as evidence of the origin', () => {
  const g = mergeGraph({ web: ['ads', 'cart'] });
  const cartError: Signal = { service: 'cart', family: 'log_error', strength: 0.75, onsetMs: at - 3 * 60_000, evidenceId: 'L_cart', local: true, text: 'cart logged a new error' };
  const top = (peakShare: number) => rankSuspects(profileServices([webErrors, adsCpu(peakShare), { ...cartError }], g, frame), [], new Set(['web', 'ads', 'cart']))[0]?.service;

  it('ranks a service that logged a new error above a neighbour whose CPU went from 1% to 5% of its limit', () => {
    expect(top(0.05)).toBe('cart');
  });

  it('still ranks a neighbour whose CPU reached its limit first', () => {
    expect(top(1)).toBe('ads');
  });

  it('weighs a resource series with no known limit in full', () => {
    const { peakShare: _dropped, ...noLimit } = adsCpu(0.05);
    expect(headroomFactor(noLimit, WEIGHTS)).toBe(1);
    expect(headroomFactor(adsCpu(0.05), WEIGHTS)).toBeLessThan(0.4);
    expect(headroomFactor(adsCpu(0.9), WEIGHTS)).toBe(1);
  });
});
