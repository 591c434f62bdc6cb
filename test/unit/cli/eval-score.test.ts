import { describe, expect, it } from 'vitest';
import type { InvestigationRecord, ScenarioExpected } from '../../../functions/contracts/index.js';
import { failedRun, scoreRun, servicesInOrder, summarize } from '../../../cli/eval-score.js';
import { formatScorecard } from '../../../cli/print.js';

const expected = { rootCause: { service: 'orders', kind: 'deployment' } } as ScenarioExpected;
/** Only what scoring reads: the alert's signal (with or without a service) and no RCA. */
const record = (service?: string, serviceInferredFrom?: string) => ({ signal: { service, serviceInferredFrom } }) as unknown as InvestigationRecord;

describe('eval: how often the alert\'s service was inferred', () => {
  it('records the alert\'s service and its rule per scenario, and the share of scenarios with one in the summary', () => {
    const scores = [
      scoreRun('cw-table', expected, record('carts', 'dimension:TableName'), 10),
      scoreRun('am-label', expected, record('orders'), 10),
      scoreRun('composite', expected, record(), 10),
      failedRun('broken', 'bad file', expected),
    ];
    expect(scores[0]!.alertService).toEqual({ service: 'carts', inferredFrom: 'dimension:TableName' });
    expect(scores[1]!.alertService).toEqual({ service: 'orders' });
    expect(scores[2]!.alertService).toBeUndefined();
    const summary = summarize(scores);
    expect(summary.alertServiceInferred).toBe(0.5);
    expect(formatScorecard(scores, summary)).toContain('alert service inferred: 50% (none for composite)');
  });
});

describe('eval: calibration in the bands confidence promises', () => {
  const answer = (name: string, confidence: number, top1: boolean) => ({ name, top1, top3: top1, actionCorrect: true, citesRequired: true, expected, actual: { rootCause: { service: top1 ? 'orders' : 'carts', kind: 'deployment' }, suspects: [], action: 'none', cited: [], confidence, author: 'deterministic' } });

  it('counts right answers below 0.5, from 0.5 to 0.8 and at 0.8 or more, leaving out failed runs', () => {
    const scores = [answer('a', 0.2, false), answer('b', 0.49, true), answer('c', 0.5, true), answer('d', 0.79, false), answer('e', 0.8, true), answer('f', 0.95, true), failedRun('broken', 'bad file', expected)];
    const summary = summarize(scores);
    expect(summary.calibration).toEqual([
      { band: '< 0.5', n: 2, right: 1, top1: 0.5 },
      { band: '0.5–0.8', n: 2, right: 1, top1: 0.5 },
      { band: '≥ 0.8', n: 2, right: 2, top1: 1 },
    ]);
    expect(formatScorecard(scores, summary)).toContain('calibration (right/answers per confidence band): < 0.5 1/2 (50%), 0.5–0.8 1/2 (50%), ≥ 0.8 2/2 (100%)');
    expect(formatScorecard([failedRun('broken', 'bad file', expected)], summarize([failedRun('broken', 'bad file', expected)]))).toContain('< 0.5 0/0, 0.5–0.8 0/0, ≥ 0.8 0/0');
  });
});

describe('eval: service-level ranking', () => {
  const ranked = (name: string, services: string[]) => ({
    name,
    top1: false,
    top3: false,
    actionCorrect: true,
    citesRequired: true,
    expected,
    actual: { rootCause: { service: services[0]!, kind: 'code_defect' }, suspects: services.map((service, i) => ({ service, kind: i % 2 ? 'deployment' : 'code_defect', score: 1 - i / 10 })), action: 'none', cited: [], confidence: 0.5, author: 'deterministic' },
  });

  it('counts the first three distinct services, so a service holding two places does not push the third out', () => {
    expect(servicesInOrder([{ service: 'carts' }, { service: 'carts' }, { service: 'payments' }, { service: 'orders' }])).toEqual(['carts', 'payments', 'orders']);
    const summary = summarize([ranked('third-service', ['carts', 'carts', 'payments', 'orders']), ranked('fourth-service', ['carts', 'payments', 'users', 'orders']), ranked('first', ['orders', 'carts'])]);
    expect(summary.serviceTop1).toBe(0.333);
    expect(summary.serviceTop3).toBe(0.667);
    expect(formatScorecard([], summary)).toContain('service top-1 33%, service top-3 67%');
  });
});
