import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan, type EvidenceClass } from '../../../../functions/contracts/index.js';
import { datadogProvider } from '../../../../functions/providers/datadog/provider.js';
import { logPatterns } from '../../../../functions/providers/shared/logs.js';
import { summarizeMetrics } from '../../../../functions/providers/shared/metrics.js';
import { summarizeTraces } from '../../../../functions/providers/shared/traces.js';
import { setTransport, type HttpRequest, type Transport } from '../../../../functions/shared/http-client.js';
import { json, paramsOf, routedTransport } from '../../../helpers/routed-transport.js';

vi.mock('../../../../functions/providers/shared/metrics.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/metrics.js')>();
  return { ...actual, summarizeMetrics: vi.fn(actual.summarizeMetrics) };
});
vi.mock('../../../../functions/providers/shared/logs.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/logs.js')>();
  return { ...actual, logPatterns: vi.fn(actual.logPatterns) };
});
vi.mock('../../../../functions/providers/shared/traces.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/traces.js')>();
  return { ...actual, summarizeTraces: vi.fn(actual.summarizeTraces) };
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/datadog/${name}.json`, import.meta.url), 'utf8'));
const DAY = { from: '2026-05-31T08:00:00.000Z', to: '2026-05-31T09:05:00.000Z' };
const WEEK = { from: '2026-05-25T08:00:00.000Z', to: '2026-05-25T09:05:00.000Z' };

const plan = (evidenceClass: EvidenceClass) =>
  EvidencePlan.parse({
    planId: `datadog-${evidenceClass}`,
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'datadog', type: 'datadog', classes: ['metrics', 'logs', 'traces'], secretRef: 'causeway/tenants/acme/datadog', options: {} },
    functionArn: 'arn:aws:lambda:us-east-1:1:function:datadog',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: { traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'] },
    limits: {},
    reference: [DAY, WEEK],
  });
const deps = { signal: new AbortController().signal, readSecret: async () => ({ apiKey: 'dd-api-0123456789abcdef', appKey: 'dd-app-fedcba9876543210' }) };
const filterOf = (r: HttpRequest) => {
  const body = JSON.parse(r.body ?? '{}');
  return (body.data?.attributes ?? body).filter as { query: string; from: string; to: string };
};
const pageOf = (r: HttpRequest) => {
  const body = JSON.parse(r.body ?? '{}');
  return (body.data?.attributes ?? body).page as { limit: number };
};

let previous: Transport;
beforeEach(() => {
  previous = setTransport(async () => json({}));
});
afterEach(() => void setTransport(previous));
const serve = (routes: Parameters<typeof routedTransport>[0]) => {
  const fake = routedTransport(routes);
  setTransport(fake.transport);
  return fake.requests;
};

describe('datadog reference', () => {
  it('runs each metric query a day and a week back and hands those series to the summarizer', async () => {
    const requests = serve([[() => true, json(fixture('metrics-hits'))]]);
    await datadogProvider.query(plan('metrics'), deps);
    const byFrom = (from: string) => requests.filter((r) => paramsOf(r).from === String(Date.parse(from) / 1000)).map((r) => paramsOf(r).query);
    expect(byFrom(DAY.from)).toEqual(byFrom('2026-06-01T08:00:00Z'));
    expect(byFrom(WEEK.from)).toEqual(byFrom('2026-06-01T08:00:00Z'));
    expect(byFrom(DAY.from)).toHaveLength(3);
    expect(vi.mocked(summarizeMetrics).mock.calls.at(-1)![3]!.length).toBeGreaterThan(0);
  });

  it('searches the same error and warn logs over each reference window, a quarter page, and mines its lines as the reference', async () => {
    const requests = serve([[() => true, json(fixture('logs-page-2'))]]);
    await datadogProvider.query(plan('logs'), deps);
    const main = requests.find((r) => filterOf(r).from === '2026-06-01T08:00:00Z')!;
    for (const w of [DAY, WEEK]) {
      const ref = requests.find((r) => filterOf(r).from === w.from)!;
      expect(filterOf(ref)).toEqual({ ...filterOf(main), from: w.from, to: w.to });
      expect(pageOf(ref).limit).toBe(pageOf(main).limit / 4);
    }
    expect(vi.mocked(logPatterns).mock.calls.at(-1)![3]!.length).toBeGreaterThan(0);
  });

  it('searches error and slow spans over the reference without the incident\'s trace ids, and keeps the traces when the reference fails', async () => {
    const requests = serve([
      [(r) => filterOf(r).from !== '2026-06-01T08:00:00Z' && filterOf(r).from === WEEK.from, json({ errors: ['Internal Server Error'] }, 500)],
      [(r) => filterOf(r).query.includes('status:error'), json(fixture('spans-errors'))],
      [(r) => filterOf(r).query.includes('@duration'), json(fixture('spans-slow'))],
      [() => true, json(fixture('spans-traces'))],
    ]);
    const found = await datadogProvider.query(plan('traces'), deps);
    const dayQueries = requests.filter((r) => filterOf(r).from === DAY.from).map((r) => filterOf(r).query);
    expect(dayQueries.slice(0, 2)).toEqual(['service:orders status:error', 'service:orders @duration:>=1000000000']);
    expect(dayQueries.join(' ')).not.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!].length).toBeGreaterThan(0);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.find((n) => n.startsWith('reference unavailable: 7d before'))).toMatch(/500/);
  });
});
