import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { onlyHeardOf } from '../../../functions/score/core/heard-of.js';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-03-15T11:36:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ 'billing-api': ['billing-db'] });
const observed = new Set(['billing-api', 'billing-db']);
const refused = 'HikariPool-1 - Exception during pool initialization: Connection to billing-db.eu-west-1.rds.amazonaws.com:5432 refused or timed out';
/** The caller's 5-minute error count rose in the bucket that opened a minute before the change; its first error line came a minute after it. */
const callerSignals: Signal[] = [
  { service: 'billing-api', family: 'errors', strength: 1, onsetMs: at - 10 * min, stepMs: 5 * min, evidenceId: 'METRIC_1', local: false, text: 'billing-api error rate rose' },
  { service: 'billing-api', family: 'log_error', strength: 1, onsetMs: at - 8 * min, evidenceId: 'LOG_1', local: true, text: `billing-api started logging error "${refused}"`, raw: refused },
];
const ruleRemoved = { id: 'CHANGE_1', class: 'changes', service: 'billing-db', kind: 'infrastructure', at: new Date(at - 9 * min).toISOString(), summary: 'terraform apply: security group ingress rule from the app tier destroyed' } as unknown as Evidence;

describe('a change on a service that only its callers speak of', () => {
  it("is weighed as the cause of the callers' trouble, timed within the step of the series that set it", () => {
    const signals = [...callerSignals, ...mentionSignals(callerSignals, graph)];
    const profiles = profileServices(signals, graph, frame);
    const [a] = attributeChanges([ruleRemoved], profiles, graph, frame, { ms: at - 10 * min, stepMs: 5 * min }, observed);
    expect(a!.redHerring).toBe(false);
    expect(a!.explains).toBe('billing-api');
  });

  it('reads a service with any signal of its own as more than heard of', () => {
    const own: Signal = { service: 'billing-db', family: 'cpu', strength: 0.9, onsetMs: at - 8 * min, evidenceId: 'METRIC_2', local: true, text: 'billing-db CPU rose' };
    const heard = profileServices([...callerSignals, ...mentionSignals(callerSignals, graph)], graph, frame);
    const seen = profileServices([...callerSignals, ...mentionSignals(callerSignals, graph), own], graph, frame);
    expect(onlyHeardOf(heard.get('billing-db')!)).toBe(true);
    expect(onlyHeardOf(seen.get('billing-db')!)).toBe(false);
  });
});
