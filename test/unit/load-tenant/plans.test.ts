import { describe, expect, it } from 'vitest';
import { IncidentSignal } from '../../../functions/contracts/index.js';
import { WHOLE_TOPOLOGY_MAX_NODES, buildPlans, plannedServices, plansUnlisted } from '../../../functions/load-tenant/plans.js';

const signal = IncidentSignal.parse({
  tenantId: 'acme',
  source: 'alertmanager',
  externalId: 'x',
  fingerprint: 'f',
  dedupKey: 'd',
  status: 'firing',
  severity: 'critical',
  title: 'gateway 5xx',
  service: 'gateway',
  startedAt: '2026-06-01T08:59:30Z',
  receivedAt: '2026-06-01T09:00:00Z',
});
/** gateway → config → usage-db; admin and reports also hit usage-db; web calls gateway; mail is elsewhere. */
const small = { web: ['gateway'], gateway: ['config'], config: ['usage-db'], admin: ['usage-db', 'mail'], reports: ['usage-db'], mail: [] };
/** The same, in a topology too large to plan whole: batch jobs that share nothing with the rest. */
const topology = { ...small, ...Object.fromEntries(Array.from({ length: WHOLE_TOPOLOGY_MAX_NODES }, (_, i) => [`batch-${i}`, []])) };

describe('which services each evidence class is asked about', () => {
  it('adds the other callers of a shared dependency, which can exhaust it as noisy neighbours', () => {
    expect(plannedServices('metrics', 'gateway', topology)).toEqual(['admin', 'config', 'gateway', 'reports', 'usage-db', 'web']);
  });

  it('leaves out services that share nothing with the alerting one', () => {
    const services = plannedServices('logs', 'gateway', topology);
    expect(services).not.toContain('mail');
    expect(plannedServices('logs', 'mail', topology)).toEqual(['admin', 'mail']);
  });

  it('asks about runtime events for every service, so platform trouble off the call graph is found', () => {
    expect(plannedServices('runtime', 'gateway', topology)).toEqual([]);
  });

  it('asks about related alerts for every service, so the platform\'s own (AWS Health) are read whatever alerted', () => {
    expect(plannedServices('alerts', 'gateway', topology)).toEqual([]);
  });

  it('asks about every service when the alert names none the topology knows', () => {
    expect(plannedServices('metrics', 'alb/prod', topology)).toEqual([]);
    expect(plannedServices('metrics', undefined, topology)).toEqual([]);
  });

  it('plans a small topology whole, and asks for the pieces it does not list too', () => {
    expect(plannedServices('metrics', 'gateway', small)).toEqual(['admin', 'config', 'gateway', 'mail', 'reports', 'usage-db', 'web']);
    expect(plansUnlisted('metrics', 'gateway', small)).toBe(true);
    expect(plansUnlisted('logs', 'mail', small)).toBe(true);
  });

  it('keeps to the neighbourhood when the topology is too large to plan whole', () => {
    expect(plannedServices('metrics', 'gateway', topology)).not.toContain('batch-0');
    expect(plansUnlisted('metrics', 'gateway', topology)).toBe(false);
  });

  it('asks for unlisted pieces only where the services are listed', () => {
    expect(plansUnlisted('runtime', 'gateway', small)).toBe(false);
    expect(plansUnlisted('alerts', 'gateway', small)).toBe(false);
    expect(plansUnlisted('metrics', 'alb/prod', small)).toBe(false);
    expect(plansUnlisted('metrics', undefined, small)).toBe(false);
  });

  it('plans each class with its own services', () => {
    const { plans } = buildPlans({
      tenantId: 'acme',
      investigationId: 'inv-1',
      signal,
      topology,
      backends: [{ id: 'replay', type: 'scenario', classes: ['metrics', 'runtime'], options: {} }],
      providerFunctions: { scenario: 'arn:scenario' },
    });
    expect(Object.fromEntries(plans.map((p) => [p.evidenceClass, p.services]))).toEqual({ metrics: ['admin', 'config', 'gateway', 'reports', 'usage-db', 'web'], runtime: [] });
    expect(plans.every((p) => !p.unlisted)).toBe(true);
  });

  it('marks the plans of a small topology as reaching past their list', () => {
    const { plans } = buildPlans({
      tenantId: 'acme',
      investigationId: 'inv-1',
      signal,
      topology: small,
      backends: [{ id: 'replay', type: 'scenario', classes: ['metrics', 'runtime'], options: {} }],
      providerFunctions: { scenario: 'arn:scenario' },
    });
    expect(Object.fromEntries(plans.map((p) => [p.evidenceClass, p.unlisted]))).toEqual({ metrics: true, runtime: false });
  });
});
