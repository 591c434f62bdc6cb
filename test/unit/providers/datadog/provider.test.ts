import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan, type EvidenceClass, type LogPattern, type MetricSeries, type ServiceTraceStats, type TraceExemplar } from '../../../../functions/contracts/index.js';
import { datadogProvider } from '../../../../functions/providers/datadog/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError, setTransport, type HttpRequest, type Transport } from '../../../../functions/shared/http-client.js';
import { clearSecretCache } from '../../../../functions/shared/secrets.js';
import { json, paramsOf, routedTransport } from '../../../helpers/routed-transport.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/datadog/${name}.json`, import.meta.url), 'utf8'));
const API = 'https://api.datadoghq.com';
const keys = { apiKey: 'dd-api-0123456789abcdef', appKey: 'dd-app-fedcba9876543210' };
const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };

function plan(evidenceClass: EvidenceClass, overrides: { services?: string[]; options?: Record<string, unknown>; serviceLabel?: string; traceIds?: string[]; maxBytes?: number } = {}): EvidencePlan {
  return EvidencePlan.parse({
    planId: `datadog-${evidenceClass}`,
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'datadog', type: 'datadog', classes: ['metrics', 'logs', 'traces'], secretRef: 'causeway/tenants/acme/datadog', ...(overrides.serviceLabel ? { serviceLabel: overrides.serviceLabel } : {}), options: overrides.options ?? {} },
    functionArn: 'arn:aws:lambda:us-east-1:1:function:datadog',
    window,
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: overrides.services ?? ['orders'],
    correlation: { traceIds: overrides.traceIds ?? [] },
    limits: { maxBytes: overrides.maxBytes ?? 48 * 1024 },
  });
}

const deps = { signal: new AbortController().signal, readSecret: async (ref: string) => (ref === 'causeway/tenants/acme/datadog' ? keys : undefined) };
const bodyOf = (r: HttpRequest) => JSON.parse(r.body ?? '{}') as Record<string, any>;
const spansQueryOf = (r: HttpRequest) => bodyOf(r).data?.attributes?.filter?.query as string;

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

describe('datadog provider: metrics', () => {
  it('runs the default APM queries per service and regrids the pointlists', async () => {
    const requests = serve([
      [(r) => paramsOf(r).query?.includes('.hits{') ?? false, json(fixture('metrics-hits'))],
      [(r) => paramsOf(r).query?.includes('.errors{') ?? false, json(fixture('metrics-errors'))],
      [(r) => r.url.startsWith(`${API}/api/v1/query?`), json(fixture('metrics-empty'))],
    ]);
    const found = await datadogProvider.query(plan('metrics'), deps);

    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(Array(3).fill(`GET ${API}/api/v1/query`));
    expect(requests.map(paramsOf)).toEqual([
      { from: '1780300800', to: '1780304700', query: 'sum:trace.http.request.hits{service:orders}.as_count()' },
      { from: '1780300800', to: '1780304700', query: 'sum:trace.http.request.errors{service:orders}.as_count()' },
      { from: '1780300800', to: '1780304700', query: 'avg:trace.http.request.duration{service:orders}' },
    ]);
    expect(requests[0]!.headers).toEqual({ accept: 'application/json', 'dd-api-key': keys.apiKey, 'dd-application-key': keys.appKey });

    const series = found.items as MetricSeries[];
    expect(series.map((s) => s.name).sort()).toEqual(['trace.http.request.errors', 'trace.http.request.hits']);
    const errors = series.find((s) => s.name === 'trace.http.request.errors')!;
    expect(errors).toMatchObject({ service: 'orders', unit: 'req', labels: { query: 'sum:trace.http.request.errors{service:orders}.as_count()' }, stepMs: 60_000 });
    expect(errors.values.at(-1)).toBe(340);
    expect(errors.link).toBe('https://app.datadoghq.com/metric/explorer?from_ts=1780300800000&to_ts=1780304700000&live=false&exp_metric=trace.http.request.errors&exp_scope=service%3Aorders');
    expect(found.query).toEqual({
      text: 'Datadog metrics for orders: sum:trace.http.request.hits{service:orders}.as_count(); sum:trace.http.request.errors{service:orders}.as_count(); avg:trace.http.request.duration{service:orders} over 08:00–09:05Z',
      target: API,
      window,
    });
  });

  it('uses the tenant site, tag, env and queries, and bounds the services', async () => {
    const requests = serve([[() => true, json(fixture('metrics-empty'))]]);
    const found = await datadogProvider.query(
      plan('metrics', { services: ['orders', 'web', 'payments'], serviceLabel: 'app', options: { site: 'datadoghq.eu', env: 'prod', maxServices: 2, metricQueries: ['max:kubernetes.memory.usage{kube_app:{{service}}}'] } }),
      deps,
    );
    expect(requests.map((r) => r.url)).toEqual([
      'https://api.datadoghq.eu/api/v1/query?from=1780300800&to=1780304700&query=max%3Akubernetes.memory.usage%7Bkube_app%3Aorders%7D',
      'https://api.datadoghq.eu/api/v1/query?from=1780300800&to=1780304700&query=max%3Akubernetes.memory.usage%7Bkube_app%3Aweb%7D',
    ]);
    expect(found.items).toEqual([]);
    expect(found.notes).toEqual(['queried 2 services (limit 2); not queried: payments']);
    serve([[() => true, json(fixture('metrics-empty'))]]);
    const defaults = await datadogProvider.query(plan('metrics', { serviceLabel: 'app', options: { env: 'prod', site: 'us5.datadoghq.com' } }), deps);
    expect(defaults.query.text).toContain('sum:trace.http.request.hits{app:orders,env:prod}.as_count()');
    expect(defaults.query.target).toBe('https://api.us5.datadoghq.com');
  });

  it('treats status "error" in a 200 and a 400 as a bad query, 403 as auth, 429 and 5xx as transient', async () => {
    serve([[() => true, json(fixture('metrics-status-error'))]]);
    await expect(datadogProvider.query(plan('metrics'), deps)).rejects.toThrow(new BackendQueryError(`GET ${API}/api/v1/query: Rate limit of 1600 requests per hour exceeded for metric queries`));
    serve([[() => true, json(fixture('error-400'), 400)]]);
    await expect(datadogProvider.query(plan('metrics'), deps)).rejects.toThrow(/answered 400: .*Error parsing query/);
    serve([[() => true, json(fixture('error-403'), 403)]]);
    await expect(datadogProvider.query(plan('metrics'), deps)).rejects.toThrow(BackendAuthError);
    serve([[() => true, json({ errors: ['Rate limit exceeded'] }, 429, { 'x-ratelimit-limit': '1600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '17' })]]);
    await expect(datadogProvider.query(plan('metrics'), deps)).rejects.toThrow(TransientError);
    serve([[() => true, json({ errors: ['Internal Server Error'] }, 500)]]);
    await expect(datadogProvider.query(plan('metrics'), deps)).rejects.toThrow(TransientError);
  });

  it('needs both keys, and never lets them out', async () => {
    await expect(datadogProvider.query(plan('metrics'), { ...deps, readSecret: async () => ({ apiKey: keys.apiKey }) })).rejects.toThrow('secret causeway/tenants/acme/datadog must hold { "apiKey", "appKey" }');
    await expect(datadogProvider.query(plan('metrics', { options: { site: 'not a site' } }), deps)).rejects.toThrow('backend datadog: options.site');
    serve([[() => true, json(fixture('metrics-errors'))]]);
    const found = await datadogProvider.query(plan('metrics'), deps);
    expect(JSON.stringify(found)).not.toMatch(/dd-api-0123|dd-app-fedc/);
  });
});

describe('datadog provider: logs', () => {
  it('searches error and warn logs, follows the cursor, and notes warnings and timeouts', async () => {
    const requests = serve([
      [(r) => !bodyOf(r).page?.cursor, json(fixture('logs-page-1'))],
      [() => true, json(fixture('logs-page-2'))],
    ]);
    const found = await datadogProvider.query(plan('logs', { services: ['orders', 'web'] }), deps);

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${API}/api/v2/logs/events/search`, `POST ${API}/api/v2/logs/events/search`]);
    expect(requests[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'dd-api-key': keys.apiKey, 'dd-application-key': keys.appKey });
    expect(bodyOf(requests[0]!)).toEqual({ filter: { query: 'service:(orders OR web) status:(error OR warn)', from: window.from, to: window.to }, page: { limit: 1000 }, sort: '-timestamp' });
    expect(bodyOf(requests[1]!).page).toEqual({ limit: 1000, cursor: 'eyJhZnRlciI6IkFnQUFBWkJ2TGsyeFl6OFFBQUFBQUFBQUFCaEJXa0oyVEdzemMwRkJRbVY1In0' });

    const patterns = found.items as LogPattern[];
    expect(patterns.find((p) => p.template.startsWith('payment authorization failed'))).toMatchObject({ service: 'orders', level: 'error', count: 2, exemplars: expect.arrayContaining([expect.objectContaining({ traceId: '7364188239102734012' })]) });
    expect(patterns.find((p) => p.level === 'fatal')).toMatchObject({ service: 'orders' });
    expect(patterns.find((p) => p.service === 'web')).toMatchObject({ level: 'warn' });
    expect(patterns[0]!.link).toBe('https://app.datadoghq.com/logs?query=service%3A%28orders+OR+web%29+status%3A%28error+OR+warn%29&from_ts=1780300800000&to_ts=1780304700000&live=false');
    expect(found.notes).toEqual([
      `POST ${API}/api/v2/logs/events/search warned: One or several indexes are missing or invalid, results hold data from the other indexes: indexes: archive-2025`,
      `POST ${API}/api/v2/logs/events/search timed out in Datadog, so its events are partial`,
    ]);
  });

  it('stops at the page bound, and early when the rate limit is spent', async () => {
    const page = fixture('logs-page-1');
    let requests = serve([[() => true, json(page)]]);
    let found = await datadogProvider.query(plan('logs', { options: { maxPages: 2, pageSize: 2 } }), deps);
    expect(requests).toHaveLength(2);
    expect(found.notes).toEqual(['read the newest 4 error and warn log events (2 pages; the limit is 2 pages of 2); older ones were not read, so earlier counts are low']);
    requests = serve([[() => true, json(page, 200, { 'x-ratelimit-limit': '300', 'x-ratelimit-period': '3600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1200' })]]);
    found = await datadogProvider.query(plan('logs'), deps);
    expect(requests).toHaveLength(1);
    expect(found.notes).toEqual(['read the newest 2 error and warn log events (1 pages; the Datadog rate limit was spent); older ones were not read, so earlier counts are low']);
  });

  it('says what it searched when there is no data, through runProvider with the secret from Secrets Manager', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: 'causeway/tenants/acme/datadog' }).resolves({ SecretString: JSON.stringify(keys) });
    clearSecretCache();
    serve([[() => true, json(fixture('empty'))]]);
    try {
      const result = await runProvider(datadogProvider, plan('logs'));
      expect(result).toMatchObject({ status: 'no_data', backend: { id: 'datadog', type: 'datadog' }, query: { text: 'Datadog logs: service:orders status:(error OR warn) over 08:00–09:05Z', target: API, window } });
      serve([[() => true, json(fixture('logs-page-2'))]]);
      expect(await runProvider(datadogProvider, plan('logs'))).toMatchObject({ status: 'success', evidenceClass: 'logs' });
      serve([[() => true, json(fixture('error-403'), 403)]]);
      expect(await runProvider(datadogProvider, plan('logs'))).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', retryable: false } });
      serve([[() => true, json({ errors: ['Too many requests'] }, 429)]]);
      await expect(runProvider(datadogProvider, plan('logs'))).rejects.toThrow(TransientError);
    } finally {
      sm.restore();
      clearSecretCache();
    }
  });

  it('stays under the byte budget with 100k distinct log events', async () => {
    const base = Date.parse('2026-06-01T09:04:00Z');
    const page = (n: number) => ({
      data: Array.from({ length: 1000 }, (_, i) => {
        const k = n * 1000 + i;
        return { id: `e${k}`, type: 'log', attributes: { timestamp: new Date(base - k * 30).toISOString(), status: k % 3 ? 'error' : 'warn', service: `svc-${k % 23}`, message: `worker ${k % 977} failed job kind-${k % 1301} ${'detail '.repeat(k % 40)}` } };
      }),
      meta: { page: { after: `cursor-${n + 1}` }, status: 'done' },
    });
    serve([[() => true, (_r, nth) => json(page(nth))]]);
    const found = await datadogProvider.query(plan('logs', { maxBytes: 16 * 1024, options: { maxPages: 10 } }), deps);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.notes?.some((n) => n.startsWith('kept '))).toBe(true);
  });
});

describe('datadog provider: traces', () => {
  it('searches error and slow spans, expands the telling traces by id, and summarizes them', async () => {
    const requests = serve([
      [(r) => spansQueryOf(r).endsWith('status:error'), json(fixture('spans-errors'))],
      [(r) => spansQueryOf(r).includes('@duration'), json(fixture('spans-slow'))],
      [(r) => spansQueryOf(r).startsWith('trace_id:'), json(fixture('spans-traces'))],
    ]);
    const found = await datadogProvider.query(plan('traces', { traceIds: ['1111222233334444'] }), deps);

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill(`POST ${API}/api/v2/spans/events/search`));
    expect(bodyOf(requests[0]!)).toEqual({ data: { type: 'search_request', attributes: { filter: { query: 'service:orders status:error', from: window.from, to: window.to }, page: { limit: 1000 }, sort: '-timestamp' } } });
    expect(spansQueryOf(requests[1]!)).toBe('service:orders @duration:>=1000000000');
    expect(spansQueryOf(requests[2]!)).toBe('trace_id:(1111222233334444 OR 7364188239102734012 OR 5550001112223334445)');

    const stats = Object.fromEntries(found.items.filter((i): i is ServiceTraceStats => i.class === 'traces' && i.kind === 'service_stats').map((s) => [s.service, s]));
    expect(Object.keys(stats).sort()).toEqual(['orders', 'orders-db', 'stripe', 'web']);
    expect(stats.stripe!.seenOnlyByCallers).toBe(true);
    expect(stats.orders!.link).toBe('https://app.datadoghq.com/apm/traces?query=service%3Aorders+status%3Aerror&start=1780300800000&end=1780304700000&paused=true');
    const exemplars = found.items.filter((i): i is TraceExemplar => i.class === 'traces' && i.kind === 'exemplar');
    const checkout = exemplars.find((e) => e.traceId === '7364188239102734012')!;
    expect(checkout).toMatchObject({ rootService: 'web', rootName: 'GET /checkout', error: true, durationMs: 1250, link: 'https://app.datadoghq.com/apm/trace/7364188239102734012' });
    expect(checkout.spans.find((s) => s.name.startsWith('POST /orders'))).toMatchObject({ status: 'error' });
    expect(exemplars.find((e) => e.traceId === '5550001112223334445')).toMatchObject({ rootName: 'GET /orders/{id}', durationMs: 3400, error: false });
    expect(found.notes).toEqual(['spans were selected by error status and duration, so per-service counts are not traffic rates']);
    expect(found.query.text).toBe('Datadog spans: service:orders status:error; service:orders @duration:>=1000000000; whole traces by trace_id over 08:00–09:05Z');
  });

  it('stays under the byte budget with thousands of spans over many traces', async () => {
    const base = Date.parse('2026-06-01T08:30:00Z');
    const page = (n: number) => ({
      data: Array.from({ length: 1000 }, (_, i) => {
        const k = n * 1000 + i;
        const trace = Math.floor(k / 20);
        return { id: `s${k}`, type: 'spans', attributes: { service: `svc-${k % 17}`, resource_name: `op ${k % 11} ${'x'.repeat(60)}`, trace_id: `${1e15 + trace}`, span_id: `${k}`, parent_id: k % 20 ? `${k - 1}` : '0', start_timestamp: new Date(base + trace * 1000 + (k % 20)).toISOString(), end_timestamp: new Date(base + trace * 1000 + 400).toISOString(), custom: { duration: (400 - (k % 20)) * 1e6 } } };
      }),
      meta: { page: { after: `c${n + 1}` }, status: 'done' },
    });
    serve([[() => true, (_r, nth) => json(page(nth))]]);
    const found = await datadogProvider.query(plan('traces', { maxBytes: 12 * 1024 }), deps);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(12 * 1024);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes).toContain('read the newest 3000 error spans (3 pages; the limit is 3 pages of 1000); older ones were not read, so earlier counts are low');
  });

  it('returns no data without a trace search when nothing matched', async () => {
    const requests = serve([[() => true, json(fixture('empty'))]]);
    const found = await datadogProvider.query(plan('traces'), deps);
    expect(requests).toHaveLength(2);
    expect(found.items).toEqual([]);
  });

  it('answers for a class it does not serve with no data and a note', async () => {
    const found = await datadogProvider.query(plan('changes'), deps);
    expect(found).toMatchObject({ items: [], notes: ['Datadog serves metrics, logs and traces, not changes'] });
  });
});
