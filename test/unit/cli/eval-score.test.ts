import { describe, expect, it } from 'vitest';
import type { InvestigationRecord, ScenarioExpected } from '../../../functions/contracts/index.js';
import { failedRun, scoreRun, summarize } from '../../../cli/eval-score.js';
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
