import { describe, expect, it } from 'vitest';
import { MAX_EXPORTED_LOG_LINES, confirmedAnswer, scenarioFromRecord, scenarioName, topologyFrom } from '../../../cli/scenario-export.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';

describe('scenarioFromRecord', () => {
  it('names the scenario in kebab-case after the investigation', () => {
    expect(scenarioName('7cb62437_AB-g1')).toBe('incident-7cb62437-ab-g1');
    expect(scenarioName('___')).toBe('incident-unnamed');
  });

  it('turns each template’s counts back into that many lines per step, scaled down together past the bound', () => {
    const record = diagnosedRecord({ templates: ['QuoteCart failed <*>'] });
    const lines = scenarioFromRecord(record).evidence.logs ?? [];
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.level === 'error' && l.service === 'pricing' && l.message === 'QuoteCart failed <*>')).toBe(true);
    const loud = { ...record, scored: { ...record.scored!, evidence: record.scored!.evidence.map((e) => (e.class === 'logs' ? { ...e, counts: [MAX_EXPORTED_LOG_LINES * 4], count: MAX_EXPORTED_LOG_LINES * 4 } : e)) } };
    expect(scenarioFromRecord(loud).evidence.logs).toHaveLength(MAX_EXPORTED_LOG_LINES);
  });

  it('sends the alert as the generic source with its normalized fields, and no expected until someone confirms', () => {
    const scenario = scenarioFromRecord(diagnosedRecord());
    expect(scenario.signal).toMatchObject({ source: 'generic', body: { title: 'checkout 5xx above 5%', severity: 'critical', service: 'checkout', dedupKey: 'checkout-5xx' } });
    expect(scenario.expected).toBeUndefined();
    expect(scenario.evidence.changes).toEqual([expect.objectContaining({ service: 'pricing', kind: 'deployment', version: 'v3.12.0' })]);
  });

  it('confirms the RCA and its recommended action on "right", only the named cause on a correction', () => {
    const record = diagnosedRecord();
    const by = { issuer: 'https://slack.com', subject: 'T1/U1' };
    expect(confirmedAnswer({ ...record, feedback: [{ at: record.createdAt, by, verdict: 'right' }] })).toEqual({ rootCause: { service: 'pricing', kind: 'deployment' }, action: 'rollback' });
    expect(confirmedAnswer({ ...record, feedback: [{ at: record.createdAt, by, verdict: 'right' }, { at: record.createdAt, by, verdict: 'wrong', rootCause: { service: 'db', kind: 'resource_exhaustion' } }] })).toEqual({ rootCause: { service: 'db', kind: 'resource_exhaustion' } });
  });

  it('adds the calls seen in traces to the tenant’s call graph', () => {
    const stats = { id: 'TRACE_1', class: 'traces' as const, kind: 'service_stats' as const, service: 'checkout', startMs: 0, stepMs: 60000, spans: [1], errors: [0], errorOrigins: [0], durationP90Ms: [1], selfTimeP90Ms: [1], callees: { stripe: 3 } };
    expect(topologyFrom([stats], { web: ['checkout'], checkout: ['db'] })).toEqual({ web: ['checkout'], checkout: ['db', 'stripe'] });
  });
});
