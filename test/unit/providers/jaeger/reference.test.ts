import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { jaegerProvider } from '../../../../functions/providers/jaeger/provider.js';
import { summarizeTraces } from '../../../../functions/providers/shared/traces.js';
import { setTransport, type HttpRequest, type Transport } from '../../../../functions/shared/http-client.js';
import { json, paramsOf, routedTransport } from '../../../helpers/routed-transport.js';

vi.mock('../../../../functions/providers/shared/traces.js', async (original) => {
  const actual = await original<typeof import('../../../../functions/providers/shared/traces.js')>();
  return { ...actual, summarizeTraces: vi.fn(actual.summarizeTraces) };
});

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/jaeger/${name}.json`, import.meta.url), 'utf8'));
const endpoint = 'http://jaeger-query:16686';
const MAIN_START_US = 1780300800000000;
const DAY_US = 86_400_000_000;
const plan = EvidencePlan.parse({
  planId: 'jaeger-traces',
  tenantId: 'acme',
  investigationId: 'inv-1',
  evidenceClass: 'traces',
  backend: { id: 'jaeger', type: 'jaeger', classes: ['traces'], endpoint, options: {} },
  functionArn: 'arn:aws:lambda:us-east-1:1:function:jaeger',
  window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
  alertAt: '2026-06-01T09:00:00Z',
  focusService: 'orders',
  services: ['orders'],
  correlation: { traceIds: ['c0ffee00c0ffee00c0ffee00c0ffee00'] },
  limits: {},
  reference: [
    { from: '2026-05-31T08:00:00.000Z', to: '2026-05-31T09:05:00.000Z' },
    { from: '2026-05-25T08:00:00.000Z', to: '2026-05-25T09:05:00.000Z' },
  ],
});
const deps = { signal: new AbortController().signal, readSecret: async () => undefined };
const daysBack = (r: HttpRequest) => Math.round((MAIN_START_US - Number(paramsOf(r).start)) / DAY_US);
const isSearch = (r: HttpRequest) => r.url.startsWith(`${endpoint}/api/traces?`);

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

describe('jaeger reference', () => {
  it('runs the same error and recent searches over each reference window with a quarter of the limit, and hands those traces to the summarizer', async () => {
    const requests = serve([
      [(r) => isSearch(r) && paramsOf(r).tags !== undefined, json(fixture('search-errors'))],
      [isSearch, json(fixture('search-recent'))],
      [() => true, json(fixture('trace-by-id'))],
    ]);
    await jaegerProvider.query(plan, deps);
    const searches = requests.filter(isSearch);
    const main = searches.filter((r) => daysBack(r) === 0).map(paramsOf);
    for (const days of [1, 7]) {
      const ref = searches.filter((r) => daysBack(r) === days).map(paramsOf);
      expect(ref.map(({ start, end, limit, ...rest }) => rest)).toEqual(main.map(({ start, end, limit, ...rest }) => rest));
      expect(ref.map((p) => Number(main[0]!.end) - Number(p.end))).toEqual(ref.map(() => days * DAY_US));
      expect(ref.map((p) => p.limit)).toEqual(main.map(() => '25'));
    }
    expect(requests.filter((r) => r.url.endsWith('/api/traces/c0ffee00c0ffee00c0ffee00c0ffee00'))).toHaveLength(1);
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!].length).toBeGreaterThan(0);
  });

  it('keeps the incident\'s traces when the reference searches fail', async () => {
    serve([
      [(r) => isSearch(r) && daysBack(r) > 0, json({ errors: [{ code: 500, msg: 'storage unavailable' }] }, 500)],
      [isSearch, json(fixture('search-errors'))],
      [() => true, json(fixture('trace-by-id'))],
    ]);
    const found = await jaegerProvider.query(plan, deps);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes!.filter((n) => n.startsWith('reference unavailable:'))).toHaveLength(2);
    expect([...vi.mocked(summarizeTraces).mock.calls.at(-1)![3]!]).toEqual([]);
  });
});
