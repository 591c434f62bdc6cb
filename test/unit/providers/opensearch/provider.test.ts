import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan, type LogPattern } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { fieldAt, toLevel } from '../../../../functions/providers/opensearch/normalize.js';
import { openSearchProvider } from '../../../../functions/providers/opensearch/provider.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError, setTransport, type HttpRequest, type Transport } from '../../../../functions/shared/http-client.js';
import { clearSecretCache } from '../../../../functions/shared/secrets.js';
import { json, routedTransport } from '../../../helpers/routed-transport.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/opensearch/${name}.json`, import.meta.url), 'utf8'));
const endpoint = 'https://search.example.com:9200';
const url = `${endpoint}/logs-*/_search`;

function plan(overrides: { services?: string[]; options?: Record<string, unknown>; serviceLabel?: string; secretRef?: string; maxBytes?: number } = {}): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'opensearch-logs',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'logs',
    backend: { id: 'search', type: 'opensearch', classes: ['logs'], endpoint, secretRef: overrides.secretRef ?? 'causeway/tenants/acme/opensearch', ...(overrides.serviceLabel ? { serviceLabel: overrides.serviceLabel } : {}), options: overrides.options ?? {} },
    functionArn: 'arn:aws:lambda:us-east-1:1:function:opensearch',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: overrides.services ?? ['orders', 'web'],
    correlation: {},
    limits: { maxBytes: overrides.maxBytes ?? 48 * 1024 },
  });
}

const secrets: Record<string, unknown> = { 'causeway/tenants/acme/opensearch': { username: 'reader', password: 'hunter2' }, 'causeway/tenants/acme/es-key': { apiKey: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==' } };
const deps = { signal: new AbortController().signal, readSecret: async (ref: string) => secrets[ref] };
const bodyOf = (r: HttpRequest) => JSON.parse(r.body ?? '{}') as Record<string, unknown>;
const isSample = (r: HttpRequest) => 'function_score' in ((bodyOf(r).query as object) ?? {});

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

const range = { range: { '@timestamp': { gte: '2026-06-01T08:00:00Z', lte: '2026-06-01T09:05:00Z', format: 'strict_date_optional_time' } } };
const services = { terms: { 'service.name': ['orders', 'web'] } };
const levels = { terms: { 'log.level': ['fatal', 'FATAL', 'critical', 'CRITICAL', 'error', 'ERROR', 'Error', 'err', 'ERR', 'warn', 'WARN', 'Warn', 'warning', 'WARNING', 'Warning'] } };
const source = ['@timestamp', 'message', 'log.level', 'service.name', 'trace.id'];

describe('opensearch provider', () => {
  it('pages warn/error lines with search_after, samples the rest, and folds them into patterns', async () => {
    const requests = serve([
      [(r) => !isSample(r) && !('search_after' in bodyOf(r)), json(fixture('problems-page-1'))],
      [(r) => !isSample(r), json(fixture('problems-page-2'))],
      [isSample, json(fixture('sample'))],
    ]);
    const found = await openSearchProvider.query(plan({ options: { pageSize: 2, maxPages: 2, uiUrl: 'https://dashboards.example.com/', dataViewId: 'logs-dv' } }), deps);

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${url}`, `POST ${url}`, `POST ${url}`]);
    expect(requests[0]!.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', authorization: `Basic ${Buffer.from('reader:hunter2').toString('base64')}` });
    expect(bodyOf(requests[0]!)).toEqual({ size: 2, track_total_hits: true, _source: source, query: { bool: { filter: [range, services, levels] } }, sort: [{ '@timestamp': { order: 'desc' } }, { _doc: { order: 'asc' } }] });
    expect(bodyOf(requests[1]!)).toMatchObject({ track_total_hits: false, search_after: [1780304342500, 3] });
    expect(bodyOf(requests[2]!)).toEqual({
      size: 500,
      track_total_hits: true,
      _source: source,
      query: { function_score: { query: { bool: { filter: [range, services], must_not: [levels] } }, random_score: { seed: 20240601, field: '_seq_no' }, boost_mode: 'replace' } },
    });

    const patterns = found.items as LogPattern[];
    const payment = patterns.find((p) => p.template.startsWith('payment authorization failed'))!;
    expect(payment).toMatchObject({ service: 'orders', level: 'error', count: 2, template: expect.stringMatching(/^payment authorization failed for order <\*>/) });
    expect(payment.exemplars[0]).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    expect(patterns.find((p) => p.service === 'web')).toMatchObject({ level: 'warn', count: 1 });
    expect(patterns.find((p) => p.level === 'info')).toMatchObject({ service: 'orders', count: 2 });
    expect(payment.link).toBe(
      `https://dashboards.example.com/app/discover#/?_g=${encodeURIComponent("(time:(from:'2026-06-01T08:00:00Z',to:'2026-06-01T09:05:00Z'))")}&_a=${encodeURIComponent(`(index:'logs-dv',query:(language:kuery,query:'service.name:("orders" or "web")'))`)}`,
    );
    expect(found.notes).toEqual([
      'read the newest 4 of 5 warn/error lines (2 pages of 2) back to 2026-06-01T08:57:12.000Z; older ones were not read, so earlier counts are low',
      'lines below warn are a random sample of 2 of at least 10000; their counts are sampled, not totals',
    ]);
    expect(found.query).toEqual({
      text: 'logs-*: @timestamp over 08:00–09:05Z: log.level warn/error (up to 4 lines, newest first) plus a sample of 500 other lines; service.name:("orders" or "web")',
      target: endpoint,
      window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    });
  });

  it('uses the tenant fields, index and ApiKey auth, and stops paging at a short page', async () => {
    const requests = serve([[() => true, json(fixture('empty'))]]);
    await openSearchProvider.query(
      plan({ serviceLabel: 'kubernetes.labels.app', secretRef: 'causeway/tenants/acme/es-key', services: ['orders'], options: { index: 'app-*,nginx-*', timestampField: 'ts', levelField: 'severity', sampleSize: 0 } }),
      deps,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${endpoint}/app-*,nginx-*/_search`);
    expect(requests[0]!.headers?.authorization).toBe(`ApiKey ${(secrets['causeway/tenants/acme/es-key'] as { apiKey: string }).apiKey}`);
    const body = bodyOf(requests[0]!) as { query: { bool: { filter: unknown[] } }; _source: string[] };
    expect(body.query.bool.filter.slice(0, 2)).toEqual([{ range: { ts: { gte: '2026-06-01T08:00:00Z', lte: '2026-06-01T09:05:00Z', format: 'strict_date_optional_time' } } }, { terms: { 'kubernetes.labels.app': ['orders'] } }]);
    expect(body._source).toEqual(['ts', 'message', 'severity', 'kubernetes.labels.app', 'trace.id']);
  });

  it('reports partial results: backend timeout, failed shards, numeric total and epoch timestamps', async () => {
    serve([[(r) => !isSample(r), json(fixture('partial'))], [isSample, json(fixture('empty'))]]);
    const found = await openSearchProvider.query(plan(), deps);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ level: 'error', firstSeen: '2026-06-01T08:59:10.123Z' });
    expect(found.notes).toEqual([
      'the search timed out in the backend, so its hits are partial',
      '1 of 6 shards failed (node_not_connected_exception: [os-data-2][10.0.3.7:9300] Node not connected), so the hits are partial',
    ]);
  });

  it('says what it searched when there is no data (through runProvider, secret from Secrets Manager)', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: 'causeway/tenants/acme/opensearch' }).resolves({ SecretString: JSON.stringify(secrets['causeway/tenants/acme/opensearch']) });
    clearSecretCache();
    serve([[() => true, json(fixture('empty'))]]);
    try {
      const result = await runProvider(openSearchProvider, plan());
      expect(result).toMatchObject({ status: 'no_data', backend: { id: 'search', type: 'opensearch' }, query: { target: endpoint, text: expect.stringContaining('service.name:("orders" or "web")') } });
      expect(JSON.stringify(result)).not.toContain('hunter2');
    } finally {
      sm.restore();
      clearSecretCache();
    }
  });

  it('classifies failures: 401 auth, 400 bad query, an error body in a 200, 429 and 503 transient', async () => {
    serve([[() => true, json(fixture('error-401'), 401)]]);
    await expect(openSearchProvider.query(plan(), deps)).rejects.toThrow(BackendAuthError);
    serve([[() => true, json(fixture('error-400'), 400)]]);
    await expect(openSearchProvider.query(plan(), deps)).rejects.toThrow(/answered 400: .*search_phase_execution_exception|No mapping found/);
    serve([[() => true, json(fixture('error-400'))]]);
    await expect(openSearchProvider.query(plan(), deps)).rejects.toThrow(new BackendQueryError(`POST ${url}: search_phase_execution_exception: all shards failed`));
    serve([[() => true, { status: 429, headers: {}, body: '{"error":{"type":"es_rejected_execution_exception"},"status":429}' }]]);
    await expect(runProvider(openSearchProvider, { ...plan(), backend: { ...plan().backend, secretRef: undefined } })).rejects.toThrow(TransientError);
    serve([[() => true, { status: 503, headers: {}, body: '' }]]);
    await expect(openSearchProvider.query(plan(), deps)).rejects.toThrow(TransientError);
    await expect(openSearchProvider.query(plan({ secretRef: 'causeway/tenants/acme/none' }), deps)).rejects.toThrow('secret causeway/tenants/acme/none must hold');
    await expect(openSearchProvider.query(plan({ options: { pageSize: 0 } }), deps)).rejects.toThrow('backend search: options.pageSize');
  });

  it('keeps the envelope valid for a plan with hundreds of services: link without the query, text cut to size', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `service-with-a-rather-long-name-${i}`);
    const requests = serve([[(r) => !isSample(r), json(fixture('problems-page-1'))], [isSample, json(fixture('empty'))]]);
    const result = await runProvider(openSearchProvider, { ...plan({ services: many, options: { uiUrl: 'https://dashboards.example.com' } }), backend: { ...plan().backend, secretRef: undefined, options: { uiUrl: 'https://dashboards.example.com' } } });
    expect(result.status).toBe('success');
    expect((bodyOf(requests[0]!) as { query: { bool: { filter: { terms?: Record<string, string[]> }[] } } }).query.bool.filter[1]!.terms!['service.name']).toHaveLength(201);
    expect(result.items[0]!.link).toContain(encodeURIComponent("query:(language:kuery,query:'')"));
    expect(result.query.text.length).toBeLessThanOrEqual(4000);
  });

  it('reads fields flat, nested or mixed, and levels in any spelling', () => {
    expect(fieldAt({ 'log.level': 'x' }, 'log.level')).toBe('x');
    expect(fieldAt({ log: { level: 'y' } }, 'log.level')).toBe('y');
    expect(fieldAt({ kubernetes: { 'labels.app': 'z' } }, 'kubernetes.labels.app')).toBe('z');
    expect(fieldAt({ a: 1 }, 'a.b')).toBeUndefined();
    expect(['CRITICAL', 'Error', 'warning', 'DEBUG', 'notice', 60, 50, 40, 30].map(toLevel)).toEqual(['fatal', 'error', 'warn', 'debug', 'info', 'fatal', 'error', 'warn', 'info']);
  });

  it('stays under the byte budget with 100k distinct lines over many pages', async () => {
    const base = Date.parse('2026-06-01T09:04:00Z');
    const page = (n: number) => ({
      took: 5,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: {
        total: { value: 100_000, relation: 'eq' },
        hits: Array.from({ length: 10_000 }, (_, i) => {
          const k = n * 10_000 + i;
          return { _id: `d${k}`, _source: { '@timestamp': new Date(base - k * 30).toISOString(), message: `worker ${k % 977} failed job kind-${k % 1301} ${'detail '.repeat(k % 40)}`, log: { level: k % 3 ? 'error' : 'warn' }, service: { name: `svc-${k % 23}` } }, sort: [base - k * 30, k] };
        }),
      },
    });
    serve([[(r) => !isSample(r), (_r, nth) => json(page(nth))], [isSample, json(fixture('empty'))]]);
    const found = await openSearchProvider.query(plan({ maxBytes: 16 * 1024, options: { pageSize: 10_000, maxPages: 10 } }), deps);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes?.some((n) => n.startsWith('kept '))).toBe(true);
  });
});
