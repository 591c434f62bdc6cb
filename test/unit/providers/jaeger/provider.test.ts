import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan, type ServiceTraceStats, type TraceExemplar } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { jaegerProvider } from '../../../../functions/providers/jaeger/provider.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError, setTransport, type Transport } from '../../../../functions/shared/http-client.js';
import { json, paramsOf, routedTransport } from '../../../helpers/routed-transport.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/jaeger/${name}.json`, import.meta.url), 'utf8'));
const endpoint = 'http://jaeger-query:16686';
const START_US = '1780300800000000';
const END_US = '1780304700000000';

function plan(overrides: { services?: string[]; focusService?: string; traceIds?: string[]; options?: Record<string, unknown>; secretRef?: string; maxBytes?: number } = {}): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'jaeger-traces',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'traces',
    backend: { id: 'jaeger', type: 'jaeger', classes: ['traces'], endpoint, ...(overrides.secretRef ? { secretRef: overrides.secretRef } : {}), options: overrides.options ?? {} },
    functionArn: 'arn:aws:lambda:us-east-1:1:function:jaeger',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    ...('focusService' in overrides ? (overrides.focusService ? { focusService: overrides.focusService } : {}) : { focusService: 'orders' }),
    services: overrides.services ?? ['orders'],
    correlation: { traceIds: overrides.traceIds ?? [] },
    limits: { maxBytes: overrides.maxBytes ?? 48 * 1024 },
  });
}

const secrets: Record<string, unknown> = { 'causeway/tenants/acme/jaeger-bearer': { bearerToken: 's3cr3t-token' }, 'causeway/tenants/acme/jaeger-basic': { username: 'reader', password: 'pw' } };
const deps = { signal: new AbortController().signal, readSecret: async (ref: string) => secrets[ref] };

const isSearch = (kind: 'errors' | 'recent') => (r: { url: string }) => r.url.startsWith(`${endpoint}/api/traces?`) && (kind === 'errors') === new URL(r.url).searchParams.has('tags');

let previous: Transport;
beforeEach(() => {
  previous = setTransport(async () => json({}));
});
afterEach(() => {
  setTransport(previous);
});

function serve(routes: Parameters<typeof routedTransport>[0]) {
  const fake = routedTransport(routes);
  setTransport(fake.transport);
  return fake.requests;
}

describe('jaeger provider', () => {
  it('runs an error search and a recent search per service, fetches trace ids, and summarizes', async () => {
    const requests = serve([
      [isSearch('errors'), json(fixture('search-errors'))],
      [isSearch('recent'), json(fixture('search-recent'))],
      [(r) => r.url === `${endpoint}/api/traces/c0ffee00c0ffee00c0ffee00c0ffee00`, json(fixture('trace-by-id'))],
      [(r) => r.url === `${endpoint}/api/traces/deadbeefdeadbeefdeadbeefdeadbeef`, json(fixture('trace-not-found'), 404)],
    ]);
    const found = await jaegerProvider.query(plan({ traceIds: ['c0ffee00c0ffee00c0ffee00c0ffee00', 'deadbeefdeadbeefdeadbeefdeadbeef'] }), deps);

    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    expect(paramsOf(requests[0]!)).toEqual({ service: 'orders', start: START_US, end: END_US, limit: '100', tags: '{"error":"true"}' });
    expect(paramsOf(requests[1]!)).toEqual({ service: 'orders', start: START_US, end: END_US, limit: '100' });
    expect(requests[0]!.headers).toEqual({ accept: 'application/json' });

    const stats = Object.fromEntries(found.items.filter((i): i is ServiceTraceStats => i.class === 'traces' && i.kind === 'service_stats').map((s) => [s.service, s]));
    expect(Object.keys(stats).sort()).toEqual(['orders', 'orders-db', 'stripe', 'web']);
    expect(stats.stripe!.seenOnlyByCallers).toBe(true);
    expect(stats.web!.callees).toEqual({ orders: 1 });
    expect(stats.orders!.link).toBe(`${endpoint}/search?service=orders&start=${START_US}&end=${END_US}&limit=100&lookback=custom`);

    const exemplars = found.items.filter((i): i is TraceExemplar => i.class === 'traces' && i.kind === 'exemplar');
    expect(exemplars.map((e) => e.traceId).sort()).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '7a3c1e9f00d24c88b1d0e5f6a7b8c9d0', 'c0ffee00c0ffee00c0ffee00c0ffee00']);
    const checkout = exemplars.find((e) => e.traceId === '4bf92f3577b34da6a3ce929d0e0e4736')!;
    expect(checkout).toMatchObject({ rootService: 'web', rootName: 'GET /checkout', error: true, durationMs: 1250, at: '2026-06-01T08:58:00.000Z', link: `${endpoint}/trace/4bf92f3577b34da6a3ce929d0e0e4736` });
    expect(checkout.spans).toHaveLength(3);
    expect(found.notes).toEqual(['trace deadbeefdeadbeefdeadbeefdeadbeef from the alert was not found in Jaeger']);
    expect(found.query.text).toBe('Jaeger: services orders: error traces (tags={"error":"true"}) and recent traces, limit 100 each, over 08:00–09:05Z; trace ids c0ffee00c0ffee00c0ffee00c0ffee00, deadbeefdeadbeefdeadbeefdeadbeef');
  });

  it('uses minDuration for the second search, links to uiUrl, and bounds the services searched', async () => {
    const requests = serve([[(r) => r.url.startsWith(`${endpoint}/api/traces?`), json(fixture('search-empty'))]]);
    const found = await jaegerProvider.query(plan({ services: ['orders', 'web', 'payments'], options: { minDuration: '500ms', maxServices: 2, limit: 20, uiUrl: 'https://tracing.example.com/jaeger/' } }), deps);
    expect(requests.map((r) => paramsOf(r))).toEqual([
      { service: 'orders', start: START_US, end: END_US, limit: '20', tags: '{"error":"true"}' },
      { service: 'orders', start: START_US, end: END_US, limit: '20', minDuration: '500ms' },
      { service: 'web', start: START_US, end: END_US, limit: '20', tags: '{"error":"true"}' },
      { service: 'web', start: START_US, end: END_US, limit: '20', minDuration: '500ms' },
    ]);
    expect(found.items).toEqual([]);
    expect(found.notes).toEqual(['searched 2 services (limit 2); not searched: payments']);
  });

  it('says what it searched when there is no data', async () => {
    serve([[() => true, json(fixture('search-empty'))]]);
    const result = await runProvider(jaegerProvider, plan());
    expect(result).toMatchObject({
      status: 'no_data',
      backend: { id: 'jaeger', type: 'jaeger' },
      query: { text: 'Jaeger: services orders: error traces (tags={"error":"true"}) and recent traces, limit 100 each, over 08:00–09:05Z', target: endpoint, window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' } },
    });
  });

  it('answers the envelope with items and links through runProvider', async () => {
    serve([
      [isSearch('errors'), json(fixture('search-errors'))],
      [isSearch('recent'), json(fixture('search-recent'))],
    ]);
    const result = await runProvider(jaegerProvider, plan());
    expect(result.status).toBe('success');
    expect(result.items.every((i) => i.class === 'traces' && typeof i.link === 'string')).toBe(true);
  });

  it('asks Jaeger for its services when the plan names none', async () => {
    const requests = serve([
      [(r) => r.url === `${endpoint}/api/services`, json(fixture('services'))],
      [(r) => r.url.startsWith(`${endpoint}/api/traces?`), json(fixture('search-empty'))],
    ]);
    const found = await jaegerProvider.query(plan({ services: [], focusService: undefined, options: { maxServices: 2 } }), deps);
    expect(requests.slice(1).map((r) => paramsOf(r).service)).toEqual(['jaeger-all-in-one', 'jaeger-all-in-one', 'orders', 'orders']);
    expect(found.notes).toEqual(['the plan named no service; searched 2 of the 3 services Jaeger lists', 'searched 2 services (limit 2); not searched: web']);
  });

  it('keeps results beside a backend error as a note, and fails when errors come alone', async () => {
    const partial = { ...(fixture('search-errors') as object), errors: [{ code: 500, msg: 'cassandra: read timeout on shard 2' }] };
    serve([[isSearch('errors'), json(partial)], [isSearch('recent'), json(fixture('search-empty'))]]);
    const found = await jaegerProvider.query(plan(), deps);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes).toEqual([`GET ${endpoint}/api/traces reported errors beside its data: 500 cassandra: read timeout on shard 2`]);

    serve([[() => true, json(fixture('search-partial'))]]);
    await expect(jaegerProvider.query(plan(), deps)).rejects.toThrow(BackendQueryError);
  });

  it('notes when a search returned its limit', async () => {
    serve([[isSearch('errors'), json(fixture('search-empty'))], [isSearch('recent'), json(fixture('search-recent'))]]);
    const found = await jaegerProvider.query(plan({ options: { limit: 2 } }), deps);
    expect(found.notes).toEqual(['the recent trace search for orders returned its limit of 2; older matches were not read']);
  });

  it('sends the secret as a header, never in the query text or links', async () => {
    const requests = serve([[() => true, json(fixture('search-errors'))]]);
    const found = await jaegerProvider.query(plan({ secretRef: 'causeway/tenants/acme/jaeger-bearer' }), deps);
    expect(requests[0]!.headers).toMatchObject({ authorization: 'Bearer s3cr3t-token' });
    expect(JSON.stringify(found)).not.toContain('s3cr3t-token');
    await jaegerProvider.query(plan({ secretRef: 'causeway/tenants/acme/jaeger-basic' }), deps);
    expect(requests.at(-1)!.headers).toMatchObject({ authorization: `Basic ${Buffer.from('reader:pw').toString('base64')}` });
    await expect(jaegerProvider.query(plan({ secretRef: 'causeway/tenants/acme/missing' }), deps)).rejects.toThrow('secret causeway/tenants/acme/missing must hold');
  });

  it('classifies failures: 401 auth, 400 query, 429 and 503 transient (thrown for ASL to retry)', async () => {
    serve([[() => true, json({ data: null, errors: [{ code: 401, msg: 'unauthorized' }] }, 401)]]);
    await expect(jaegerProvider.query(plan(), deps)).rejects.toThrow(BackendAuthError);
    const auth = await runProvider(jaegerProvider, plan());
    expect(auth).toMatchObject({ status: 'error', error: { name: 'BackendAuthError' }, query: { target: endpoint } });

    serve([[() => true, json({ data: null, errors: [{ code: 400, msg: 'unable to parse param \'minDuration\'' }] }, 400)]]);
    expect(await runProvider(jaegerProvider, plan())).toMatchObject({ status: 'error', error: { name: 'BackendQueryError' } });

    serve([[() => true, { status: 429, headers: { 'retry-after': '5' }, body: '' }]]);
    await expect(runProvider(jaegerProvider, plan())).rejects.toThrow(TransientError);
    serve([[() => true, { status: 503, headers: {}, body: 'upstream unavailable' }]]);
    await expect(runProvider(jaegerProvider, plan())).rejects.toThrow(TransientError);
  });

  it('names the bad option and a missing endpoint', async () => {
    expect(await runProvider(jaegerProvider, plan({ options: { limit: 0 } }))).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: expect.stringContaining('options.limit') } });
    const noEndpoint = { ...plan(), backend: { ...plan().backend, endpoint: undefined } };
    expect(await runProvider(jaegerProvider, noEndpoint)).toMatchObject({ status: 'error', error: { name: 'ConfigurationError' }, query: { target: '(no endpoint configured)' } });
  });

  it('stays under the byte budget with thousands of large traces', async () => {
    const base = Date.parse('2026-06-01T08:10:00Z') * 1000;
    const traces = Array.from({ length: 1000 }, (_, t) => ({
      traceID: `trace${t.toString(16).padStart(27, '0')}`,
      spans: Array.from({ length: 30 }, (_, s) => ({
        traceID: `t${t}`,
        spanID: `${t}-${s}`,
        operationName: `op-${s % 7} ${'x'.repeat(80)}`,
        references: s === 0 ? [] : [{ refType: 'CHILD_OF', spanID: `${t}-${Math.floor((s - 1) / 2)}` }],
        startTime: base + t * 1_000_000 + s * 1000,
        duration: 50_000 - s * 1000 + (t % 50) * 100,
        tags: [{ key: 'error', type: 'bool', value: t % 9 === 0 && s === 29 }],
        processID: `p${s % 12}`,
      })),
      processes: Object.fromEntries(Array.from({ length: 12 }, (_, p) => [`p${p}`, { serviceName: `svc-${p}` }])),
    }));
    serve([[isSearch('errors'), json({ data: traces, errors: null })], [isSearch('recent'), json({ data: [], errors: null })]]);
    const found = await jaegerProvider.query(plan({ maxBytes: 16 * 1024, options: { limit: 1000 } }), deps);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes?.some((n) => n.startsWith('kept '))).toBe(true);
  });
});
