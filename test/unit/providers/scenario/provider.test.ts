import { describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { scenarioProvider } from '../../../../functions/providers/scenario/provider.js';
import { alert, seeded, series, writeScenario } from '../../score/synthetic.js';

const file = '/work/shared/scenarios/orders-bad-deploy.json';
const deps = { signal: new AbortController().signal, readSecret: async () => ({}) };

function plan(evidenceClass: EvidencePlan['evidenceClass'], services: string[], from = '2026-06-01T08:00:00Z', maxBytes = 48 * 1024): EvidencePlan {
  return EvidencePlan.parse({
    planId: `scenario-${evidenceClass}`,
    tenantId: 'demo',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'scenario', type: 'scenario', classes: [evidenceClass], options: { file } },
    functionArn: 'arn',
    window: { from, to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    services,
    correlation: {},
    limits: { maxBytes },
  });
}

describe('scenarioProvider', () => {
  it('returns only the planned services, and says what it searched', async () => {
    const found = await scenarioProvider.query(plan('metrics', ['orders', 'web']), deps);
    expect(new Set(found.items.map((i) => (i as { service: string }).service))).toEqual(new Set(['orders', 'web']));
    expect(found.query).toMatchObject({ text: 'scenario metrics for orders, web over 08:00–09:05Z', target: file });
  });

  it('answers for unlisted services too when the plan asks, the listed ones named in its query', async () => {
    const found = await scenarioProvider.query({ ...plan('metrics', ['orders']), unlisted: true }, deps);
    expect(new Set(found.items.map((i) => (i as { service: string }).service))).toEqual(new Set(['inventory', 'notifier', 'orders', 'postgres', 'web']));
    expect(found.query.text).toBe('scenario metrics for orders and every other service over 08:00–09:05Z');
  });

  it('keeps the listed services\' evidence before the unlisted ones\' when the budget is tight', async () => {
    const found = await scenarioProvider.query({ ...plan('metrics', ['web'], '2026-06-01T08:00:00Z', 4 * 1024), unlisted: true }, deps);
    expect(found.items.length).toBeGreaterThan(0);
    expect(new Set(found.items.map((i) => (i as { service: string }).service))).toEqual(new Set(['web']));
  });

  it('returns only items inside the window, and the release each service runs from before it', async () => {
    const metrics = await scenarioProvider.query(plan('metrics', [], '2026-06-01T08:58:00Z'), deps);
    for (const m of metrics.items) expect(m.class === 'metrics' && m.values.length).toBeLessThanOrEqual(16);
    const running = await scenarioProvider.query(plan('changes', [], '2026-06-01T08:58:00Z'), deps);
    expect(running.items).toHaveLength(1);
    expect((await scenarioProvider.query(plan('changes', ['web'], '2026-06-01T08:58:00Z'), deps)).items).toEqual([]);
    const wide = await scenarioProvider.query(plan('changes', []), deps);
    expect(wide.items).toHaveLength(1);
    expect(wide.items[0]).toMatchObject({ class: 'changes', service: 'orders', at: '2026-06-01T08:55:00.000Z' });
  });

  it('folds logs into templates and keeps the new error', async () => {
    const found = await scenarioProvider.query(plan('logs', []), deps);
    const errors = found.items.filter((i) => i.class === 'logs' && i.level === 'error');
    expect(errors.some((e) => e.class === 'logs' && e.template.startsWith('TypeError'))).toBe(true);
  });

  it('stays under a tight byte budget and notes what it dropped', async () => {
    const found = await scenarioProvider.query(plan('metrics', [], undefined, 4 * 1024), deps);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(4 * 1024);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 5 series/);
  });

  it('names a missing file in its error', async () => {
    const bad = { ...plan('metrics', []), backend: { ...plan('metrics', []).backend, options: { file: '/nope.json' } } };
    await expect(scenarioProvider.query(bad, deps)).rejects.toThrow('/nope.json');
  });
});

describe('scenarioProvider: evidence.reference', () => {
  const scenarioFile = writeScenario({
    name: 'reference-served',
    signal: alert('api'),
    evidence: {
      metrics: [series('api', 'cpu_usage_percent', 20, 80, 5, seeded(1)), series('web', 'cpu_usage_percent', 20, undefined, 0, seeded(2))],
      logs: [{ at: '-2m', service: 'api', level: 'error', message: 'lock wait timeout' }],
      traces: [{ traceId: 't1', spans: [{ spanId: 'a', service: 'api', name: 'GET /', at: '-2m', durationMs: 900, status: 'ok' }] }],
      reference: {
        from: '-24h',
        to: '-23h',
        metrics: [
          { name: 'cpu_usage_percent', service: 'api', points: [['-24h', 19], ['-23h59m', 21], ['-23h58m', 20]] },
          { name: 'cpu_usage_percent', service: 'web', points: [['-24h', 30], ['-23h59m', 31], ['-23h58m', 29]] },
          { name: 'cpu_usage_percent', service: 'api', labels: { pod: 'gone' }, points: [['-30h', 99]] },
        ],
        logs: [{ at: '-23h30m', service: 'api', level: 'error', message: 'cache miss storm' }],
        traces: [{ traceId: 'r1', spans: [{ spanId: 'a', service: 'api', name: 'GET /', at: '-23h30m', durationMs: 40, status: 'ok' }] }],
      },
    },
  });
  const planFor = (evidenceClass: EvidencePlan['evidenceClass'], services: string[]) => ({ ...plan(evidenceClass, services), backend: { ...plan(evidenceClass, services).backend, options: { file: scenarioFile } } });

  it('serves the reference through the summarizers, for the planned services only', async () => {
    const metrics = await scenarioProvider.query(planFor('metrics', ['api']), deps);
    expect(metrics.items).toHaveLength(1);
    expect(metrics.items[0]).toMatchObject({ service: 'api', reference: { median: 20, points: 3 } });
    const logs = await scenarioProvider.query(planFor('logs', ['api']), deps);
    expect(logs.items[0]).toMatchObject({ template: 'lock wait timeout', reference: { count: 0 } });
    const traces = await scenarioProvider.query(planFor('traces', ['api']), deps);
    expect(traces.items.find((i) => i.class === 'traces' && i.kind === 'service_stats')).toMatchObject({ service: 'api', reference: { spans: 1, duration: { p50Ms: 40 } } });
  });

  it('leaves the reference out for a service the plan does not cover', async () => {
    const metrics = await scenarioProvider.query(planFor('metrics', ['web']), deps);
    expect(metrics.items[0]).toMatchObject({ service: 'web', reference: { median: 30 } });
    const logs = await scenarioProvider.query(planFor('logs', ['web']), deps);
    expect(logs.items).toEqual([]);
  });
});

describe('scenarioProvider: what each service runs with', () => {
  it('returns the last config, capacity and flag change from before the window, as a change feed does the release', async () => {
    const scenarioFile = writeScenario({
      name: 'standing',
      signal: alert('search'),
      topology: { search: [] },
      evidence: {
        changes: [
          { at: '-3h', service: 'search', kind: 'scaling', summary: 'hpa.minReplicas 12 -> 6' },
          { at: '-2h', service: 'search', kind: 'scaling', summary: 'hpa.minReplicas 6 -> 3' },
          { at: '-4h', service: 'search', kind: 'feature_flag', summary: 'new ranking off' },
          { at: '-2h', service: 'search', kind: 'feature_flag', summary: 'new ranking on' },
        ],
      },
    });
    const standing = EvidencePlan.parse({ ...plan('changes', [], '2026-06-01T08:00:00Z'), backend: { id: 'scenario', type: 'scenario', classes: ['changes'], options: { file: scenarioFile } } });
    const found = await scenarioProvider.query(standing, deps);
    expect(found.items.map((c) => (c as { summary: string }).summary)).toEqual(['hpa.minReplicas 6 -> 3', 'new ranking on']);
  });

  it('returns the release a service has run for days, but a config or capacity change only from the last day', async () => {
    const scenarioFile = writeScenario({
      name: 'standing-old',
      signal: alert('catalog'),
      topology: { catalog: [], search: [] },
      evidence: {
        changes: [
          { at: '-50h', service: 'catalog', kind: 'deployment', summary: 'catalog 4.18.0' },
          { at: '-49h', service: 'catalog', kind: 'config', summary: 'heap 6g -> 4g' },
          { at: '-200h', service: 'search', kind: 'deployment', summary: 'search 2.9.0' },
        ],
      },
    });
    const standing = EvidencePlan.parse({ ...plan('changes', [], '2026-06-01T08:00:00Z'), backend: { id: 'scenario', type: 'scenario', classes: ['changes'], options: { file: scenarioFile } } });
    const found = await scenarioProvider.query(standing, deps);
    expect(found.items.map((c) => (c as { summary: string }).summary)).toEqual(['catalog 4.18.0']);
  });
});

