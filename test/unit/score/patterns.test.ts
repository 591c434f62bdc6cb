import { describe, expect, it } from 'vitest';
import type { IdentifiedEvidence, ProviderResult, ServiceTraceStats } from '../../../functions/contracts/index.js';
import { scoreInvestigation } from '../../../functions/score/core/index.js';
import { breakRise, patternBreakSignals, shareLlr } from '../../../functions/score/core/patterns.js';
import { profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const stepMs = 30_000;
const frame = { alertAtMs, stepMs };

type Breaks = NonNullable<ServiceTraceStats['patternBreaks']>;

/** A service's trace stats over `traces.length` steps ending at the alert, with its spans slower by `slower` from step 3 on. */
function stats(service: string, traces: number[], patternBreaks?: Breaks, callees: Record<string, number> = {}, slower = 1): IdentifiedEvidence {
  const zeros = traces.map(() => 0);
  const durations = traces.map((_, i) => (i >= 3 ? 20 * slower : 20));
  return { id: `TRACE_${service}`, class: 'traces', kind: 'service_stats', service, startMs: alertAtMs - traces.length * stepMs, stepMs, spans: traces.map((n) => 3 * n), errors: zeros, errorOrigins: zeros, durationP90Ms: durations, selfTimeP90Ms: durations.map(() => 5), callees, ...(patternBreaks ? { patternBreaks } : {}) } as IdentifiedEvidence;
}

const breaks = (traces: number[], broken: number[], reference?: Breaks['reference']): Breaks => ({ traces, broken, missing: ['shop: call mail'], ...(reference ? { reference } : {}) });

describe('traces whose pattern broke at a service', () => {
  it('finds the step where the share of broken traces rose, against the reference and the steps before', () => {
    expect(breakRise(breaks([4, 4, 4, 4, 4], [0, 0, 0, 3, 4], { traces: 20, broken: 0 }), 0, 4)).toMatchObject({ index: 3, broken: 7, of: 8 });
  });

  it('reads many traces agreeing on one break point as local evidence of a code defect there', () => {
    const [s] = patternBreakSignals([stats('pay', [4, 4, 4, 4, 4], breaks([4, 4, 4, 4, 4], [0, 0, 0, 3, 4], { traces: 20, broken: 0 }))], frame);
    expect(s).toMatchObject({ service: 'pay', family: 'pattern_break', local: true, onsetMs: alertAtMs - 2 * stepMs });
    expect(s!.strength).toBeGreaterThan(0.9);
    expect(s!.text).toBe('7 of 8 traces through pay broke their usual call pattern there; left undone: "shop: call mail"');
    const profile = profileServices([s!], new Map(), frame).get('pay')!;
    expect([...kindSupport(profile)].sort(([, a], [, b]) => b.support - a.support)[0]![0]).toBe('code_defect');
  });

  it('weighs a few traces as little: two that broke are not yet a broken operation', () => {
    const [s] = patternBreakSignals([stats('pay', [1, 1, 1, 1, 1], breaks([1, 1, 1, 1, 1], [0, 0, 0, 1, 1], { traces: 4, broken: 0 }))], frame);
    expect(s!.strength).toBeLessThan(0.6);
  });

  it('weighs a handful of broken traces among many as little: a rare branch, a few timeouts', () => {
    const [s] = patternBreakSignals([stats('pay', [40, 40, 40, 40, 40], breaks([40, 40, 40, 40, 40], [0, 0, 0, 3, 3], { traces: 100, broken: 1 }))], frame);
    expect(s?.strength ?? 0).toBeLessThan(0.2);
  });

  it('says nothing when traces broke there as often in the reference', () => {
    expect(patternBreakSignals([stats('pay', [5, 5, 5, 5, 5], breaks([5, 5, 5, 5, 5], [1, 1, 1, 1, 1], { traces: 20, broken: 4 }))], frame)).toEqual([]);
  });

  it('measures a rise as a binomial likelihood ratio: zero for equal shares, growing with the gap', () => {
    expect(shareLlr(5, 10, 10, 20)).toBeCloseTo(0, 10);
    expect(shareLlr(1, 20, 10, 10)).toBeGreaterThan(shareLlr(1, 20, 4, 10));
  });
});

describe('in the scorer', () => {
  it('blames the callee where the pattern broke over the caller whose requests it cut short', () => {
    const items = [stats('shop', [4, 4, 4, 4, 4], undefined, { pay: 20 }, 3), stats('pay', [4, 4, 4, 4, 4], breaks([4, 4, 4, 4, 4], [0, 0, 0, 3, 4], { traces: 20, broken: 0 }))];
    const results = [{ planId: 'p-traces', evidenceClass: 'traces', backend: 'scenario', status: 'ok', query: 'q', items, durationMs: 1, notes: [] } as unknown as ProviderResult];
    const signal = { tenantId: 't', id: 's', source: 'alertmanager', status: 'firing', title: 'latency', service: 'shop', startedAt: new Date(alertAtMs - 60_000).toISOString(), receivedAt: new Date(alertAtMs).toISOString(), severity: 'warning', labels: {}, annotations: {} };
    const scored = scoreInvestigation({ signal: signal as never, topology: { shop: ['pay'], pay: [] }, results });
    expect(scored.suspects[0]).toMatchObject({ service: 'pay', kind: 'code_defect' });
  });
});
