import { describe, expect, it } from 'vitest';
import type { ProviderResult, Suspect } from '../../../functions/contracts/index.js';
import { CALIBRATION, calibrated, confidenceFeatures, confidenceOf, familiesOf, type ConfidenceFeatures } from '../../../functions/score/core/confidence.js';
import type { Signal, SignalFamily } from '../../../functions/score/core/types.js';

/** Every key class answered, so only the suspects and their evidence move the confidence. */
const results = (['metrics', 'logs', 'traces'] as const).map((evidenceClass) => ({ evidenceClass, status: 'success' }) as ProviderResult);

const suspect = (service: string, kind: Suspect['kind'], score: number, evidenceIds = ['METRIC_1', 'LOG_2', 'TRACE_3']): Suspect => ({ service, kind, score, evidenceIds, reasons: [] });
const signal = (family: SignalFamily, strength = 0.8): Signal => ({ service: 'db', family, strength, onsetMs: 0, evidenceId: 'METRIC_1', local: true, text: family });
/** A far weaker suspect on another service: the top answer's service is not in doubt. */
const distant = suspect('api', 'code_defect', 0.3);
const of = (suspects: Suspect[], signals: Signal[] = []) => confidenceOf(suspects, results, signals);

describe('confidence as the chance that the top answer is right', () => {
  it('counts the families a suspect cites, not its items', () => {
    expect([...familiesOf(suspect('db', 'resource_exhaustion', 0.9, ['METRIC_1', 'METRIC_12', 'LOG_3', 'TRACE_2']))].sort()).toEqual(['LOG', 'METRIC', 'TRACE']);
  });

  it('keeps a decisive answer with the evidence of its kind high', () => {
    const { confidence, caveats } = of([suspect('db', 'resource_exhaustion', 0.92), distant], [signal('cpu')]);
    expect(confidence).toBeGreaterThanOrEqual(0.8);
    expect(caveats).toEqual([]);
  });

  it('lowers it when another kind fits the same service almost as well', () => {
    const decisive = of([suspect('db', 'resource_exhaustion', 0.92), distant], [signal('cpu')]).confidence;
    const tie = of([suspect('db', 'resource_exhaustion', 0.92), suspect('db', 'code_defect', 0.91), distant], [signal('cpu')]);
    expect(tie.confidence).toBeLessThan(0.8);
    expect(tie.confidence).toBeLessThan(decisive);
    expect(tie.caveats).toContain('in db, code_defect fits almost as well as resource_exhaustion');
  });

  it('lowers it when a suspect on another service is almost as strong', () => {
    const decisive = of([suspect('db', 'resource_exhaustion', 0.92), distant], [signal('cpu')]).confidence;
    const tie = of([suspect('db', 'resource_exhaustion', 0.9), suspect('api', 'code_defect', 0.89)], [signal('cpu')]);
    expect(tie.confidence).toBeLessThan(0.8);
    expect(tie.confidence).toBeLessThan(decisive);
    expect(tie.caveats).toContain('api (code_defect) is almost as likely');
  });

  it('doubts resource exhaustion in a service whose own requests failed: a defect that pins a CPU looks the same', () => {
    const clean = of([suspect('db', 'resource_exhaustion', 0.92), suspect('db', 'code_defect', 0.6), distant], [signal('cpu')]);
    for (const failure of ['error_origin', 'exception', 'log_error', 'errors'] as const) {
      const contested = of([suspect('db', 'resource_exhaustion', 0.92), suspect('db', 'code_defect', 0.6), distant], [signal('cpu'), signal(failure)]);
      expect(contested.confidence).toBeLessThan(0.8);
      expect(contested.confidence).toBeLessThan(clean.confidence);
      expect(contested.caveats).toContain("db's own requests failed too, which a code defect would explain as well");
    }
  });

  it('ignores a failure too faint to be part of the picture', () => {
    const faint = of([suspect('db', 'resource_exhaustion', 0.92), distant], [signal('cpu'), signal('error_origin', 0.2)]);
    expect(faint.confidence).toBe(of([suspect('db', 'resource_exhaustion', 0.92), distant], [signal('cpu')]).confidence);
  });

  it('trusts a code defect only with an exception or error line of its own', () => {
    const words = of([suspect('db', 'code_defect', 0.93), distant], [signal('exception')]);
    const ratesOnly = of([suspect('db', 'code_defect', 0.93), distant], [signal('errors'), signal('error_origin')]);
    expect(words.confidence).toBeGreaterThanOrEqual(0.8);
    expect(ratesOnly.confidence).toBeLessThan(0.8);
    expect(ratesOnly.caveats).toContain("no exception or error line of db's own speaks for a code defect");
  });

  it('trusts a change that came first more than a code defect at the same strength and lead', () => {
    const change = of([suspect('db', 'deployment', 0.9), suspect('api', 'code_defect', 0.7)]).confidence;
    const defect = of([suspect('db', 'code_defect', 0.9), suspect('api', 'code_defect', 0.7)], [signal('exception')]).confidence;
    expect(change).toBeGreaterThanOrEqual(0.8);
    expect(defect).toBeLessThan(0.8);
  });

  it('puts a weak answer with a close rival below 0.5, where the RCA says "Low confidence"', () => {
    expect(of([suspect('db', 'infrastructure', 0.5), suspect('api', 'code_defect', 0.45)]).confidence).toBeLessThan(0.5);
    expect(confidenceOf([], results)).toEqual({ confidence: 0.05, caveats: ['no service stands out from its baseline'] });
  });

  it('rises with strength and with each lead, and never with a worse reading (monotone)', () => {
    const base: ConfidenceFeatures = { strength: 1, serviceMargin: 0.5, kindMargin: 0.5, changeFits: false, codeDefect: false, contestedKind: false, rivalExplains: false };
    for (const key of ['strength', 'serviceMargin', 'kindMargin'] as const) expect(calibrated({ ...base, [key]: base[key] + 0.5 })).toBeGreaterThan(calibrated(base));
    expect(calibrated({ ...base, changeFits: true })).toBeGreaterThan(calibrated(base));
    expect(calibrated({ ...base, codeDefect: true })).toBeLessThan(calibrated(base));
    expect(calibrated({ ...base, contestedKind: true })).toBeLessThan(calibrated(base));
    expect(calibrated({ ...base, changeFits: true, rivalExplains: true })).toBeLessThan(calibrated({ ...base, changeFits: true }));
    expect(CALIBRATION.strength).toBeGreaterThan(0);
  });

  it('measures leads on the ranking strength behind the scores, capped so that a lone suspect is not infinitely sure', () => {
    const f = confidenceFeatures([suspect('db', 'resource_exhaustion', 0.98), suspect('api', 'code_defect', 0.8647)], [])!;
    expect(f.strength).toBeCloseTo(1.956, 2);
    expect(f.serviceMargin).toBeCloseTo(Math.log(1.956 / 1), 2);
    expect(f.kindMargin).toBe(2);
    expect(confidenceFeatures([suspect('db', 'resource_exhaustion', 1)], [])!.strength).toBe(2);
  });

  it('lowers it for every provider that failed, and names missing classes as caveats without lowering it (measured: answers without traces were right as often)', () => {
    const top = [suspect('db', 'resource_exhaustion', 0.92), distant];
    const full = confidenceOf(top, results, [signal('cpu')]).confidence;
    const failed = { evidenceClass: 'logs', status: 'error', backend: { id: 'loki', type: 'loki' }, error: { name: 'ProviderTimeoutError', message: 'slow', retryable: true } } as unknown as ProviderResult;
    const withFailure = confidenceOf(top, [...results, failed], [signal('cpu')]);
    expect(withFailure.confidence).toBeCloseTo(full * 0.8, 2);
    expect(withFailure.caveats).toContain('logs from loki failed: ProviderTimeoutError');
    const noTraces = confidenceOf(top, results.slice(0, 2), [signal('cpu')]);
    expect(noTraces.caveats).toContain('no traces evidence');
    expect(noTraces.confidence).toBe(full);
    expect(confidenceOf([suspect('db', 'dependency_failure', 0.9, ['TRACE_1', 'TRACE_2']), distant], results).caveats).toContain('only one family of evidence (trace) shows db');
  });
});
