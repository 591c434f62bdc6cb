import { describe, expect, it } from 'vitest';
import { buildPlans, CLASS_BYTE_BUDGET, investigationWindow, mergeTopology, relatedServices } from '../../../functions/load-tenant/plans.js';
import { IncidentSignal } from '../../../functions/contracts/index.js';

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
    const old = { ...signal, startedAt: '2026-05-30T00:00:00Z' };
    expect(investigationWindow(old).from).toBe('2026-06-01T03:00:00.000Z');
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
