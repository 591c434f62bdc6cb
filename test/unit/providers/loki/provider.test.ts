import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogPattern } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { lokiProvider } from '../../../../functions/providers/loki/provider.js';
import { logql } from '../../../../functions/providers/loki/translate.js';
import { BackendAuthError, BackendQueryError, BackendResponseError, type HttpResponse } from '../../../../functions/shared/http-client.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { deps, fakeBackend, json, leaksSecret, plan } from '../grafana-test-kit.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/loki/${name}`, import.meta.url), 'utf8'));
const FROM_NS = '1778592120000000000';
const TO_NS = '1778596020000000000';

const lokiPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) =>
  plan('logs', { type: 'loki', endpoint: 'https://logs.example.com', secretRef: 'causeway/tenants/demo/grafana-token', options: { tenantHeader: 'shop', ...options } }, extra);

/** A streams page of `n` lines of `service`, one per ms going back from `endMs`. */
function page(service: string, endMs: number, n: number, text = (i: number) => `GET /api/cart/${i} 200 12ms`): HttpResponse {
  const values = Array.from({ length: n }, (_, i) => [String(BigInt(endMs - i) * 1_000_000n), text(i)]);
  return json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: service }, values }] } });
}

describe('loki translation', () => {
  it('selects the service by its label, with extra matchers and the error line filter', () => {
    expect(logql('service_name', 'checkout', { errorFilter: '(?i)error' }, false)).toBe('{service_name="checkout"}');
    expect(logql('app', 'check"out', { extraMatchers: 'namespace="shop"', errorFilter: '(?i)(warn|error)\\b' }, true)).toBe('{app="check\\"out", namespace="shop"} |~ `(?i)(warn|error)\\b`');
    expect(logql('app', undefined, { errorFilter: 'a`b' }, true)).toBe('{app=~".+"} |~ "a`b"');
  });

  it('selects every service but the listed ones, their names read as literals', () => {
    expect(logql('app', { except: ['checkout', 'a.b'] }, { extraMatchers: 'namespace="shop"', errorFilter: 'x' }, false)).toBe('{app=~".+", app!~"^(checkout|a\\\\.b)$", namespace="shop"}');
  });
});

describe('loki provider', () => {
  it('reads each service newest first with the tenant header and token, and folds lines into patterns with levels and trace ids', async () => {
    const seen = fakeBackend((_, url) => json(fixture(url.searchParams.get('query') === '{service_name="checkout"}' ? 'query_range-streams.json' : 'query_range-empty.json')));
    const found = await lokiProvider.query(lokiPlan(), deps());
    expect(seen).toHaveLength(2);
    const url = new URL(seen[0]!.url);
    expect(url.origin + url.pathname).toBe('https://logs.example.com/loki/api/v1/query_range');
    expect(Object.fromEntries(url.searchParams)).toEqual({ query: '{service_name="checkout"}', start: FROM_NS, end: TO_NS, limit: '1000', direction: 'backward' });
    expect(seen[0]!.headers).toMatchObject({ 'X-Scope-OrgID': 'shop', Authorization: 'Bearer glc_s3cr3t-token' });
    expect(new URL(seen[1]!.url).searchParams.get('query')).toBe('{service_name="pricing"}');
    const patterns = found.items.map((i) => LogPattern.parse(i));
    const charge = patterns.find((p) => p.template.includes('charge failed'))!;
    expect(charge).toMatchObject({ service: 'checkout', level: 'error', count: 3, firstSeen: '2026-05-12T14:17:12.000Z', lastSeen: '2026-05-12T14:19:05.000Z' });
    expect(charge.exemplars.map((e) => e.traceId)).toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(patterns.find((p) => p.template.startsWith('cart priced'))).toMatchObject({ level: 'info', count: 2 });
    expect(patterns.find((p) => p.template.startsWith('WARN'))).toMatchObject({ level: 'warn', exemplars: [{ traceId: 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb' }] });
    expect(charge.link).toBeUndefined();
    expect(found.query).toEqual({ text: 'LogQL {service_name="checkout"} and 1 more services (pricing) over 13:22Z–14:27Z, newest first, up to 5 pages of 1000 lines per service', target: 'https://logs.example.com', window: { from: '2026-05-12T13:22:00.000Z', to: '2026-05-12T14:27:00.000Z' } });
    expect(found.notes).toEqual([]);
    expect(leaksSecret(found)).toBe(false);
  });

  it('reads the services the plan does not list in one more read when it asks for unlisted ones', async () => {
    const others = '{service_name=~".+", service_name!~"^(checkout|pricing)$"}';
    const seen = fakeBackend((_, url) => (url.searchParams.get('query') === others ? page('coredns', 1778595000000, 3, () => 'ERROR read udp 10.0.0.1:53: i/o timeout') : json(fixture('query_range-empty.json'))));
    const found = await lokiProvider.query(lokiPlan({}, { unlisted: true }), deps());
    expect(seen.map((r) => new URL(r.url).searchParams.get('query'))).toEqual(['{service_name="checkout"}', '{service_name="pricing"}', others]);
    expect(found.items.map((i) => LogPattern.parse(i)).map((p) => [p.service, p.count])).toEqual([['coredns', 3]]);
    expect(found.query.text).toContain(`(pricing), then ${others} over`);
  });

  it('links each pattern to Grafana Explore with the service LogQL', async () => {
    fakeBackend(() => json(fixture('query_range-streams.json')));
    const found = await lokiProvider.query(lokiPlan({ uiUrl: 'https://grafana.example.com/', datasourceUid: 'loki-prod', orgId: 2 }, { services: ['checkout'] }), deps());
    const link = new URL((found.items[0] as LogPattern).link!);
    expect(link.origin + link.pathname).toBe('https://grafana.example.com/explore');
    expect(link.searchParams.get('orgId')).toBe('2');
    expect(JSON.parse(link.searchParams.get('panes')!).a.queries[0]).toEqual({ refId: 'A', datasource: { uid: 'loki-prod' }, expr: '{service_name="checkout"}', queryType: 'range', editorMode: 'code' });
  });

  it('pages backwards by time until a short page, skipping lines already read at the boundary nanosecond', async () => {
    const end = Date.parse('2026-05-12T14:27:00Z');
    const pages = [
      json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: 'checkout' }, values: [[`${end - 1}000000`, 'a'], [`${end - 2}000000`, 'b'], [`${end - 3}000000`, 'c']] }] } }),
      json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: 'checkout' }, values: [[`${end - 3}000000`, 'c'], [`${end - 3}000000`, 'c2'], [`${end - 9}000000`, 'd']] }] } }),
      json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: 'checkout' }, values: [[`${end - 9}000000`, 'd'], [`${end - 60000}000000`, 'e']] }] } }),
    ];
    const seen = fakeBackend(() => pages.shift()!);
    const found = await lokiProvider.query(lokiPlan({ limit: 3 }, { services: ['checkout'] }), deps());
    expect(seen.map((r) => new URL(r.url).searchParams.get('end'))).toEqual([TO_NS, `${end - 3}000001`, `${end - 9}000001`]);
    expect(found.items.reduce((n, p) => n + (p as LogPattern).count, 0)).toBe(6);
    expect(found.notes).toEqual([]);
  });

  it('reads the older part of a loud service through the error filter, and says so', async () => {
    const end = Date.parse('2026-05-12T14:27:00Z');
    const seen = fakeBackend((_, url) => (url.searchParams.get('query')!.includes('|~') ? page('checkout', end - 600_000, 3, (i) => `level=error msg="db timeout" attempt=${i}`) : page('checkout', url.searchParams.get('end') === TO_NS ? end - 1 : end - 1001, 1000)));
    const found = await lokiProvider.query(lokiPlan({ maxPages: 2 }, { services: ['checkout'] }), deps());
    expect(seen.map((r) => new URL(r.url).searchParams.get('query'))).toEqual(['{service_name="checkout"}', '{service_name="checkout"}', '{service_name="checkout"} |~ `(?i)(warn|error|fatal|panic|exception|critical)`']);
    expect(new URL(seen[2]!.url).searchParams.get('end')).toBe(`${end - 2000}000000`);
    expect(found.notes).toEqual(['checkout: read the newest 2000 lines in full (from 14:26:58Z); before that only lines matching (?i)(warn|error|fatal|panic|exception|critical)']);
    expect(found.items.find((p) => (p as LogPattern).level === 'error')).toMatchObject({ count: 3 });
  });

  it('stays under the byte budget reading 100k varied lines', async () => {
    const end = Date.parse('2026-05-12T14:27:00Z');
    let served = 0;
    fakeBackend(() => {
      const n = 5000;
      const from = end - served;
      served += n;
      return page('checkout', from, n, (i) => `${(served + i) % 7 === 0 ? 'level=error' : 'level=info'} msg="step ${(served + i) % 211} of job ${(served + i) % 97}" kind=k${(served + i) % 53}x user=u${i}`);
    });
    const found = await lokiProvider.query(lokiPlan({ limit: 5000, maxPages: 20 }, { services: ['checkout'], limits: { maxItems: 200, maxBytes: 40 * 1024 } }), deps());
    expect(served).toBe(200_000);
    expect(found.notes![0]).toMatch(/^checkout: read the newest 100000 lines in full .*, themselves capped at 100000 lines back to /);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(40 * 1024);
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('names a bad query, a refused token and a metric answer; throws 5xx and 429 as TransientError', async () => {
    let answer: HttpResponse = { status: 400, headers: { 'content-type': 'text/plain' }, body: 'parse error at line 1, col 17: syntax error: unexpected IDENTIFIER' };
    fakeBackend(() => answer);
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(BackendQueryError);
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(/answered 400: parse error at line 1/);
    answer = { status: 401, headers: {}, body: 'no org id' };
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(BackendAuthError);
    answer = json(fixture('query_range-matrix.json'));
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(BackendResponseError);
    answer = { status: 502, headers: {}, body: 'bad gateway' };
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(TransientError);
    answer = { status: 429, headers: {}, body: 'Ingestion rate limit exceeded' };
    await expect(lokiProvider.query(lokiPlan(), deps())).rejects.toThrow(TransientError);
  });

  it('rejects bad options with a ConfigurationError naming the field', async () => {
    await expect(lokiProvider.query(lokiPlan({ limit: 10_000 }), deps())).rejects.toThrow(/options\.limit/);
    await expect(lokiProvider.query(lokiPlan({ extraMatchers: '{a="b"}' }), deps())).rejects.toThrow(/options\.extraMatchers: matchers only/);
  });

  it('answers the envelope through runProvider: success, no data naming the search, and a named error', async () => {
    let answer = json(fixture('query_range-streams.json'));
    fakeBackend(() => answer);
    const open = lokiPlan({}, { services: [], focusService: undefined });
    const noSecret = { ...open, backend: { ...open.backend, secretRef: undefined, serviceLabel: 'app' } };
    const ok = await runProvider(lokiProvider, noSecret);
    expect(ok).toMatchObject({ status: 'success', evidenceClass: 'logs', backend: { type: 'loki' } });
    expect(new Set(ok.items.map((i) => (i as LogPattern).service))).toEqual(new Set(['unknown']));
    answer = json(fixture('query_range-empty.json'));
    const none = await runProvider(lokiProvider, noSecret);
    expect(none).toMatchObject({ status: 'no_data', query: { text: 'LogQL {app=~".+"} over 13:22Z–14:27Z, newest first, up to 5 pages of 1000 lines per service', target: 'https://logs.example.com' } });
    answer = { status: 403, headers: {}, body: '' };
    expect(await runProvider(lokiProvider, noSecret)).toMatchObject({ status: 'error', error: { name: 'BackendAuthError' } });
  });
});
