import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { prometheusProvider } from '../../../../functions/providers/prometheus/provider.js';
import { expandTemplate, rangeOf } from '../../../../functions/providers/prometheus/translate.js';
import { BackendAuthError, BackendQueryError, setTransport } from '../../../../functions/shared/http-client.js';
import { ConfigurationError, TransientError } from '../../../../functions/shared/errors.js';
import { deps, fakeBackend, json, leaksSecret, plan } from '../grafana-test-kit.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/prometheus/${name}`, import.meta.url), 'utf8'));

const ERROR_RATIO = { name: 'http_error_ratio', unit: 'ratio', promql: 'sum(rate(http_requests_total{{{label}}="{{service}}",code=~"5.."}[5m])) / sum(rate(http_requests_total{{{label}}="{{service}}"}[5m]))' };
const RESTARTS = { name: 'container_restarts', promql: 'kube_pod_container_status_restarts_total{{{label}}="{{service}}"}' };

const promPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) =>
  plan('metrics', { type: 'prometheus', endpoint: 'https://mimir.example.com', secretRef: 'causeway/tenants/demo/grafana-token', serviceLabel: 'app', options: { pathPrefix: '/prometheus', tenantHeader: 'team-shop', queries: [ERROR_RATIO], ...options } }, extra);

describe('prometheus translation', () => {
  it('fills the service label and escapes the service inside the string literal', () => {
    expect(expandTemplate(ERROR_RATIO.promql, 'app', 'checkout')).toBe('sum(rate(http_requests_total{app="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{app="checkout"}[5m]))');
    expect(expandTemplate('up{{{label}}="{{service}}"}', 'job', 'a"b\\c')).toBe('up{job="a\\"b\\\\c"}');
  });

  it('picks a step on the summary grid that keeps at most 120 points', () => {
    expect(rangeOf(promPlan())).toEqual({ start: 1778592120, end: 1778596020, step: 60 });
    const day = rangeOf(promPlan({}, { window: { from: '2026-05-12T08:22:00.000Z', to: '2026-05-12T14:27:00.000Z' } }));
    expect(day.step).toBe(240);
    expect((day.end - day.start) / day.step).toBeLessThanOrEqual(120);
  });
});

describe('prometheus provider', () => {
  it('runs each template per service with the tenant header and the bearer token, and returns the series on the grid', async () => {
    const seen = fakeBackend((_, url) => json(url.searchParams.get('query')!.includes('"checkout"') ? fixture('query_range-error-ratio.json') : fixture('query_range-empty.json')));
    const found = await prometheusProvider.query(promPlan(), deps());
    expect(seen).toHaveLength(2);
    const first = new URL(seen[0]!.url);
    expect(seen[0]).toMatchObject({ method: 'GET', headers: { 'X-Scope-OrgID': 'team-shop', Authorization: 'Bearer glc_s3cr3t-token', accept: 'application/json' } });
    expect(first.origin + first.pathname).toBe('https://mimir.example.com/prometheus/api/v1/query_range');
    expect(Object.fromEntries(first.searchParams)).toEqual({ query: expandTemplate(ERROR_RATIO.promql, 'app', 'checkout'), start: '1778592120', end: '1778596020', step: '60' });
    expect(found.items).toHaveLength(1);
    const series = MetricSeries.parse(found.items[0]);
    expect(series).toMatchObject({ service: 'checkout', name: 'http_error_ratio', unit: 'ratio', labels: {}, stepMs: 60_000 });
    expect(series.values.filter((v) => v === 0.16).length).toBe(11);
    expect(series.link).toMatch(/^https:\/\/mimir\.example\.com\/prometheus\/graph\?g0\.expr=/);
    expect(found.query.text).toBe(`PromQL query_range (http_error_ratio) for app=checkout, pricing over 13:22Z–14:27Z step 60s, e.g. ${expandTemplate(ERROR_RATIO.promql, 'app', 'checkout')}`);
    expect(found.query.target).toBe('https://mimir.example.com/prometheus');
    expect(leaksSecret(found)).toBe(false);
  });

  it('sends basic auth from a username/password secret and links to Grafana Explore when uiUrl is set', async () => {
    const seen = fakeBackend(() => json(fixture('query_range-error-ratio.json')));
    const p = promPlan({ uiUrl: 'https://grafana.example.com', datasourceUid: 'mimir-prod' }, { services: [], focusService: 'checkout' });
    const found = await prometheusProvider.query({ ...p, backend: { ...p.backend, secretRef: 'causeway/tenants/demo/grafana-basic' } }, deps());
    expect(seen[0]!.headers!.Authorization).toBe(`Basic ${Buffer.from('123456:p4ss-w0rd').toString('base64')}`);
    const link = new URL((found.items[0] as MetricSeries).link!);
    expect(link.origin + link.pathname).toBe('https://grafana.example.com/explore');
    const pane = JSON.parse(link.searchParams.get('panes')!).a;
    expect(pane).toMatchObject({ datasource: 'mimir-prod', queries: [{ refId: 'A', expr: expandTemplate(ERROR_RATIO.promql, 'app', 'checkout'), range: true }], range: { from: String(Date.parse('2026-05-12T13:22:00Z')), to: String(Date.parse('2026-05-12T14:27:00Z')) } });
  });

  it('keeps grouped series apart by their labels, skips NaN samples and reports backend warnings', async () => {
    fakeBackend(() => json(fixture('query_range-grouped-with-warning.json')));
    const found = await prometheusProvider.query(promPlan({ queries: [RESTARTS] }, { services: ['checkout'] }), deps());
    expect(found.items.map((i) => (i as MetricSeries).labels)).toEqual([
      { pod: 'checkout-7d9f-abcde', container: 'app' },
      { pod: 'checkout-7d9f-fghij', container: 'app' },
    ]);
    const values = (found.items[0] as MetricSeries).values;
    expect(values.slice(-6)).toEqual([0, 0, 0, null, null, null]);
    expect(found.notes!.join('\n')).toContain('backend warning: PromQL info: metric might not be a counter');
  });

  it('discovers the services from the label values when the plan names none', async () => {
    const seen = fakeBackend((_, url) => json(url.pathname.endsWith('/values') ? fixture('label-values.json') : fixture('query_range-empty.json')));
    const found = await prometheusProvider.query(promPlan({ maxServices: 2 }, { services: [], focusService: undefined }), deps());
    const discover = new URL(seen[0]!.url);
    expect(discover.pathname).toBe('/prometheus/api/v1/label/app/values');
    expect(Object.fromEntries(discover.searchParams)).toEqual({ start: '1778592120', end: '1778596020' });
    expect(seen.slice(1).map((r) => new URL(r.url).searchParams.get('query'))).toEqual([expandTemplate(ERROR_RATIO.promql, 'app', 'cart'), expandTemplate(ERROR_RATIO.promql, 'app', 'checkout')]);
    expect(found.items).toEqual([]);
    expect(found.notes).toContain('the plan named no service: queried the values of app seen in the window (the first 2 of 4)');
  });

  it('queries the services seen in the window after the planned ones when the plan asks for unlisted ones, up to the bound', async () => {
    const seen = fakeBackend((_, url) => json(url.pathname.endsWith('/values') ? fixture('label-values.json') : fixture('query_range-empty.json')));
    const found = await prometheusProvider.query(promPlan({ maxServices: 3 }, { unlisted: true }), deps());
    expect(new URL(seen[0]!.url).pathname).toBe('/prometheus/api/v1/label/app/values');
    expect(seen.slice(1).map((r) => new URL(r.url).searchParams.get('query'))).toEqual(['checkout', 'pricing', 'cart'].map((s) => expandTemplate(ERROR_RATIO.promql, 'app', s)));
    expect(found.notes).toContain('also queried the values of app seen in the window that the plan did not list (the first 1 of 2): cart');
    expect(found.query.text).toMatch(/^PromQL query_range \(http_error_ratio\) for app=checkout, pricing and other app values seen in the window over /);
  });

  it('keeps the planned services\' series before an unlisted one\'s, however anomalous, when only some fit', async () => {
    const flat = { status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: Array.from({ length: 66 }, (_, i) => [1778592120 + 60 * i, '0.003']) }] } };
    fakeBackend((_, url) => json(url.pathname.endsWith('/values') ? fixture('label-values.json') : url.searchParams.get('query')!.includes('"cart"') ? fixture('query_range-error-ratio.json') : flat));
    const found = await prometheusProvider.query(promPlan({ maxServices: 3 }, { unlisted: true, limits: { maxItems: 2, maxBytes: 48 * 1024 } }), deps());
    expect(found.items.map((i) => MetricSeries.parse(i).service).sort()).toEqual(['checkout', 'pricing']);
  });

  it('reads no label values when the planned services already fill the bound', async () => {
    const seen = fakeBackend(() => json(fixture('query_range-empty.json')));
    await prometheusProvider.query(promPlan({ maxServices: 2 }, { unlisted: true }), deps());
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual(['/prometheus/api/v1/query_range', '/prometheus/api/v1/query_range']);
  });

  it('bounds the services queried and says which were left out', async () => {
    const seen = fakeBackend(() => json(fixture('query_range-empty.json')));
    const found = await prometheusProvider.query(promPlan({ maxServices: 2 }, { services: ['cart', 'checkout', 'pricing', 'tax-service'] }), deps());
    expect(seen).toHaveLength(2);
    expect(found.notes).toContain('queried the first 2 services; not queried: pricing, tax-service');
  });

  it('uses the SRE defaults when no queries are configured', async () => {
    const seen = fakeBackend(() => json(fixture('query_range-empty.json')));
    await prometheusProvider.query(plan('metrics', { type: 'prometheus', endpoint: 'http://prometheus:9090' }, { services: ['checkout'] }), deps());
    expect(seen.map((r) => new URL(r.url).searchParams.get('query'))).toEqual([
      'sum(rate(http_requests_total{service="checkout"}[5m]))',
      'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m]))',
      'histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[5m])))',
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[5m])))',
      'sum(rate(container_cpu_usage_seconds_total{service="checkout",container!=""}[5m]))',
      'sum(container_memory_working_set_bytes{service="checkout",container!=""})',
      'sum(increase(kube_pod_container_status_restarts_total{service="checkout"}[5m]))',
    ]);
    expect(seen[0]!.headers).not.toHaveProperty('Authorization');
  });

  it('keeps the other templates when the backend rejects one, and fails when it rejects all', async () => {
    fakeBackend((_, url) => (url.searchParams.get('query')!.startsWith('kube') ? json(fixture('error-execution.json'), 422) : json(fixture('query_range-error-ratio.json'))));
    const found = await prometheusProvider.query(promPlan({ queries: [ERROR_RATIO, RESTARTS] }, { services: ['checkout'] }), deps());
    expect(found.items).toHaveLength(1);
    expect(found.notes![0]).toMatch(/^1 of 2 queries failed, e.g. container_restarts for checkout: GET https:\/\/mimir\.example\.com\/prometheus\/api\/v1\/query_range answered 422: .*duplicate series/);
  });

  it('names a bad query (400) as BackendQueryError, an auth failure as BackendAuthError, and throws 5xx and 429 as TransientError', async () => {
    let answer = json(fixture('error-bad-data.json'), 400);
    fakeBackend(() => answer);
    await expect(prometheusProvider.query(promPlan(), deps())).rejects.toThrow(BackendQueryError);
    answer = json({ status: 'error', errorType: 'unauthorized' }, 401);
    await expect(prometheusProvider.query(promPlan(), deps())).rejects.toThrow(BackendAuthError);
    answer = json({ status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' }, 503);
    await expect(prometheusProvider.query(promPlan(), deps())).rejects.toThrow(TransientError);
    answer = json({ status: 'error', errorType: 'too_many_requests' }, 429, { 'retry-after': '2' });
    await expect(prometheusProvider.query(promPlan(), deps())).rejects.toThrow(TransientError);
  });

  it('treats a 200 with status "error" as a query error naming the errorType', async () => {
    fakeBackend(() => json(fixture('error-bad-data.json')));
    await expect(prometheusProvider.query(promPlan(), deps())).rejects.toThrow(/bad_data: invalid parameter "query"/);
  });

  it('rejects bad options and secrets with a ConfigurationError naming the field, without the secret', async () => {
    await expect(prometheusProvider.query(promPlan({ queries: [{ name: 'bad name', promql: 'up' }] }), deps())).rejects.toThrow(/options\.queries\.0\.name/);
    const p = promPlan();
    const err = await prometheusProvider.query({ ...p, backend: { ...p.backend, secretRef: 'causeway/tenants/demo/bad' } }, deps()).then(() => new Error("resolved"), (e: Error) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe('backend prod-prometheus: secret causeway/tenants/demo/bad must hold { bearerToken } or { username, password }');
  });

  it('stays under the byte budget with hundreds of series', async () => {
    const big = { status: 'success', data: { resultType: 'matrix', result: Array.from({ length: 50 }, (_, k) => ({ metric: { pod: `checkout-${k}` }, values: Array.from({ length: 66 }, (_, i) => [1778592120 + i * 60, String(Math.random() * 1e6)]) })) } };
    fakeBackend(() => json(big));
    const p = promPlan({ maxSeriesPerQuery: 50, queries: [ERROR_RATIO, RESTARTS] }, { services: ['checkout', 'pricing', 'cart'], limits: { maxItems: 200, maxBytes: 16 * 1024 } });
    const found = await prometheusProvider.query(p, deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.notes!.join(' ')).toMatch(/of 300 series, the most anomalous/);
  });

  it('answers the envelope through runProvider: success, no data naming the search, and a named error', async () => {
    let answer = json(fixture('query_range-error-ratio.json'));
    fakeBackend(() => answer);
    // runProvider reads secrets from Secrets Manager itself: this backend needs none.
    const open = promPlan();
    const noSecret = { ...open, backend: { ...open.backend, secretRef: undefined } };
    const ok = await runProvider(prometheusProvider, noSecret);
    expect(ok).toMatchObject({ status: 'success', planId: 'prometheus-metrics', evidenceClass: 'metrics', backend: { id: 'prod-prometheus', type: 'prometheus' } });
    answer = json(fixture('query_range-empty.json'));
    const none = await runProvider(prometheusProvider, noSecret);
    expect(none).toMatchObject({ status: 'no_data', items: [], query: { target: 'https://mimir.example.com/prometheus', window: { from: '2026-05-12T13:22:00.000Z' } } });
    expect(none.query.text).toContain('for app=checkout, pricing over 13:22Z–14:27Z');
    answer = json({}, 401);
    const failed = await runProvider(prometheusProvider, noSecret);
    expect(failed).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', retryable: false }, query: { target: 'https://mimir.example.com/prometheus' } });
  });

  it('ends a backend that never answers at the provider deadline as a named error, aborting the request', async () => {
    let aborted = false;
    const previous = setTransport((_, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted'))))));
    try {
      const open = promPlan();
      const result = await runProvider(prometheusProvider, { ...open, backend: { ...open.backend, secretRef: undefined } }, 50);
      expect(result).toMatchObject({ status: 'error', error: { name: 'ProviderTimeoutError', message: 'the backend did not answer within 50 ms' } });
      expect(aborted).toBe(true);
    } finally {
      setTransport(previous);
    }
  });
});
