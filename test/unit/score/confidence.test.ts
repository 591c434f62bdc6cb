import { describe, expect, it } from 'vitest';
import type { ProviderResult, Suspect } from '../../../functions/contracts/index.js';
import { confidenceOf, familiesOf } from '../../../functions/score/core/confidence.js';

/** Every key class answered, so only the suspects move the confidence. */
const results = (['metrics', 'logs', 'traces'] as const).map((evidenceClass) => ({ evidenceClass, status: 'success' }) as ProviderResult);

const suspect = (kind: Suspect['kind'], evidenceIds: string[], score = 0.92): Suspect => ({ service: 'db', kind, score, evidenceIds, reasons: [] });
const runnerUp: Suspect = { service: 'api', kind: 'code_defect', score: 0.3, evidenceIds: ['METRIC_9'], reasons: [] };
const of = (top: Suspect) => confidenceOf([top, runnerUp], results).confidence;

describe('confidence from the evidence that agrees', () => {
  it('counts the families a suspect cites, not its items', () => {
    expect([...familiesOf(suspect('resource_exhaustion', ['METRIC_1', 'METRIC_12', 'LOG_3', 'TRACE_2']))].sort()).toEqual(['LOG', 'METRIC', 'TRACE']);
  });

  it('trusts a suspect that several families show more than one seen by a single family', () => {
    const lone = of(suspect('dependency_failure', ['TRACE_1', 'TRACE_2']));
    const agreed = of(suspect('dependency_failure', ['TRACE_1', 'LOG_2', 'METRIC_3']));
    expect(lone).toBeLessThan(agreed);
    expect(confidenceOf([suspect('dependency_failure', ['TRACE_1']), runnerUp], results).caveats).toContain('only one family of evidence (trace) shows db');
  });

  it('asks more agreement of a code defect, the reading left when nothing else explains the failures', () => {
    const two = ['METRIC_1', 'LOG_2'];
    expect(of(suspect('code_defect', two))).toBeLessThan(of(suspect('resource_exhaustion', two)));
    const four = ['METRIC_1', 'LOG_2', 'TRACE_3', 'EXC_4'];
    expect(of(suspect('code_defect', four))).toBe(of(suspect('resource_exhaustion', four)));
  });
});
