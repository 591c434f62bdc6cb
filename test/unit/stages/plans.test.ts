import { describe, expect, it } from 'vitest';
import { buildPlans, CLASS_BYTE_BUDGET, investigationWindow, mergeTopology, referenceWindows, relatedServices } from '../../../functions/load-tenant/plans.js';
import { IncidentSignal, ReferenceSetting, TenantConfig } from '../../../functions/contracts/index.js';

const signal = IncidentSignal.parse({
  tenantId: 'acme',
  source: 'alertmanager',
  externalId: 'x',
  fingerprint: 'f',
  dedupKey: 'd',
  status: 'firing',
  severity: 'critical',
  title: 'web 5xx',
  service: 'web',
  startedAt: '2026-06-01T08:59:30Z',
  receivedAt: '2026-06-01T09:00:00Z',
});
const topology = { web: ['orders', 'inventory'], orders: ['postgres'], gateway: ['web'], batch: ['postgres'] };

describe('evidence plans', () => {
  it('looks an hour back from the alert start and five minutes past the alert', () => {
    expect(investigationWindow(signal)).toEqual({ from: '2026-06-01T07:59:30.000Z', to: '2026-06-01T09:05:00.000Z', alertAt: '2026-06-01T09:00:00.000Z' });
  });

  it('reaches back before a long-firing alert\'s own start, bounded to six hours, with the alert\'s start as the moment it is about', () => {
    const firingTwoHours = { ...signal, startedAt: '2026-06-01T07:00:00Z' };
    expect(investigationWindow(firingTwoHours)).toEqual({ from: '2026-06-01T06:00:00.000Z', to: '2026-06-01T09:05:00.000Z', alertAt: '2026-06-01T09:00:00.000Z' });
    const firingEightHours = { ...signal, startedAt: '2026-06-01T01:00:00Z' };
    expect(investigationWindow(firingEightHours)).toEqual({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-01T06:00:00.000Z', alertAt: '2026-06-01T01:00:00.000Z' });
    const firingTwoDays = { ...signal, startedAt: '2026-05-30T09:00:00Z' };
    expect(investigationWindow(firingTwoDays).from).toBe('2026-05-30T08:00:00.000Z');
    const startAfterReceipt = { ...signal, startedAt: '2026-06-01T09:10:00Z' };
    expect(investigationWindow(startAfterReceipt).from).toBe('2026-06-01T08:00:00.000Z');
  });

  it('plans the same window a day and a week earlier for metrics, logs and traces, none for changes, and none when disabled', () => {
    const { plans } = buildPlans({
      tenantId: 'acme',
      investigationId: 'inv-1',
      signal,
      topology,
      backends: [{ id: 'all', type: 'scenario', classes: ['metrics', 'logs', 'traces', 'changes', 'runtime'], options: {} }],
      providerFunctions: { scenario: 'arn:scenario' },
    });
    const byClass = Object.fromEntries(plans.map((p) => [p.evidenceClass, p.reference]));
    expect(byClass.metrics).toEqual([
      { from: '2026-05-31T07:59:30.000Z', to: '2026-05-31T09:05:00.000Z' },
      { from: '2026-05-25T07:59:30.000Z', to: '2026-05-25T09:05:00.000Z' },
    ]);
    expect(byClass.logs).toEqual(byClass.metrics);
    expect(byClass.traces).toEqual(byClass.metrics);
    expect(byClass.changes).toEqual([]);
    expect(byClass.runtime).toEqual([]);
    const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:00:00Z' };
    expect(referenceWindows(window, ReferenceSetting.parse({ enabled: false }))).toEqual([]);
    expect(referenceWindows(window, ReferenceSetting.parse({ offsets: ['7d', '6h'] })).map((w) => w.from)).toEqual(['2026-06-01T02:00:00.000Z', '2026-05-25T08:00:00.000Z']);
  });

  it('leaves a tenant without a reference to the deployment default, defaults a setting to a day and a week back, and refuses offsets that overlap the window, reach past 30 days, repeat or number more than three', () => {
    expect(TenantConfig.parse({ tenantId: 'acme' }).reference).toBeUndefined();
    expect(ReferenceSetting.parse({})).toEqual({ enabled: true, offsets: ['24h', '168h'] });
    const bad = (offsets: string[]) => ReferenceSetting.safeParse({ offsets }).error?.issues[0]?.message;
    expect(bad(['1h'])).toMatch(/at least 6h/);
    expect(bad(['31d'])).toMatch(/at most 30 days/);
    expect(bad(['24h', '1d'])).toMatch(/differ/);
    expect(bad(['24h', '48h', '72h', '96h'])).toMatch(/3/);
    expect(bad(['1w'])).toMatch(/hours or days/);
    expect(bad([])).toMatch(/1/);
  });

  it('takes as the neighbourhood the alerting service, everything beneath it and its direct callers, not its siblings', () => {
    expect(relatedServices('web', topology)).toEqual(['gateway', 'inventory', 'orders', 'postgres', 'web']);
    expect(relatedServices(undefined, topology)).toEqual([]);
    expect(relatedServices('web', {})).toEqual([]);
    expect(relatedServices('app/prod-alb/50dc6c495c0c9188', topology)).toEqual([]);
    expect(relatedServices('postgres', topology)).toEqual(['batch', 'orders', 'postgres']);
  });

  it('plans one query per backend and class, within each class budget, and reports backends without a provider', () => {
    const { plans, unplanned } = buildPlans({
      tenantId: 'acme',
      investigationId: 'inv-1',
      signal,
      topology,
      backends: [
        { id: 'prom', type: 'prometheus', classes: ['metrics'], options: {} },
        { id: 'replay', type: 'scenario', classes: ['metrics', 'logs'], options: {} },
      ],
      providerFunctions: { scenario: 'arn:scenario' },
    });
    expect(plans.map((p) => p.planId)).toEqual(['replay-metrics', 'replay-logs']);
    expect(plans.every((p) => p.functionArn === 'arn:scenario' && p.services.includes('postgres'))).toBe(true);
    expect(plans[1]!.limits.maxBytes).toBe(CLASS_BYTE_BUDGET.logs);
    expect(unplanned).toEqual(['prom (prometheus): no provider of this type is deployed']);
    const total = Object.values(CLASS_BYTE_BUDGET).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(200 * 1024);
  });

  it('merges topologies without duplicates', () => {
    expect(mergeTopology({ a: ['b'] }, { a: ['b', 'c'], d: [] })).toEqual({ a: ['b', 'c'], d: [] });
  });
});
