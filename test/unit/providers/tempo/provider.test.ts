import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServiceTraceStats, TraceExemplar } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { tempoProvider } from '../../../../functions/providers/tempo/provider.js';
import { traceql } from '../../../../functions/providers/tempo/translate.js';
import { BackendAuthError, BackendQueryError, BackendResponseError, type HttpResponse } from '../../../../functions/shared/http-client.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { deps, fakeBackend, json, leaksSecret, plan } from '../grafana-test-kit.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/tempo/${name}`, import.meta.url), 'utf8'));
const TRACE_1 = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACE_2 = '00f067aa0ba902b700f067aa0ba902b7';

const tempoPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) =>
  plan('traces', { type: 'tempo', endpoint: 'https://tempo.example.com', secretRef: 'causeway/tenants/demo/grafana-basic', options: { tenantHeader: 'shop', ...options } }, extra);

/** Search answers per service, traces by id; anything else is a 404 as Tempo gives for an unknown trace. */
function tempo(searches: Record<string, unknown> = { checkout: fixture('search.json') }): (r: unknown, url: URL) => HttpResponse {
  return (_, url) => {
    if (url.pathname === '/api/search') {
      const service = /service\.name = "([^"]+)"/.exec(url.searchParams.get('q')!)?.[1] ?? '*';
      return json(searches[service] ?? fixture('search-empty.json'));
    }
    if (url.pathname === `/api/traces/${TRACE_1}`) return json(fixture('trace-v1-batches-base64.json'));
    if (url.pathname === '/api/traces/f067aa0ba902b700f067aa0ba902b7') return json(fixture('trace-otlp-resourcespans-hex.json'));
    return { status: 404, headers: {}, body: 'trace not found' };
  };
}

describe('tempo translation', () => {
  it('asks for failed or slow spans of the service', () => {
    expect(traceql('resource.service.name', 'checkout', 500)).toBe('{ resource.service.name = "checkout" && (status = error || duration > 500ms) }');
    expect(traceql('resource.service.name', undefined, 1000)).toBe('{ status = error || duration > 1000ms }');
  });
});

describe('tempo provider', () => {
  it('searches each service, fetches the found traces, and reduces them to stats and exemplars', async () => {
    const seen = fakeBackend(tempo());
    const found = await tempoProvider.query(tempoPlan(), deps());
    const search = new URL(seen[0]!.url);
    expect(search.origin + search.pathname).toBe('https://tempo.example.com/api/search');
    expect(Object.fromEntries(search.searchParams)).toEqual({ q: '{ resource.service.name = "checkout" && (status = error || duration > 1000ms) }', start: '1778592120', end: '1778596020', limit: '20', spss: '3' });
    expect(seen[0]!.headers).toMatchObject({ 'X-Scope-OrgID': 'shop', Authorization: `Basic ${Buffer.from('123456:p4ss-w0rd').toString('base64')}` });
    expect(seen.map((r) => new URL(r.url).pathname).slice(2).sort()).toEqual(['/api/traces/4bf92f3577b34da6a3ce929d0e0e4736', '/api/traces/f067aa0ba902b700f067aa0ba902b7']);
    const stats = found.items.filter((i) => i.class === 'traces' && i.kind === 'service_stats').map((i) => ServiceTraceStats.parse(i));
    expect(stats.map((s) => s.service)).toEqual(['checkout', 'orders-db', 'pricing', 'storefront']);
    expect(stats.find((s) => s.service === 'pricing')!.errorOrigins.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.find((s) => s.service === 'orders-db')).toMatchObject({ seenOnlyByCallers: true });
    expect(stats.find((s) => s.service === 'checkout')!.callees).toEqual({ 'orders-db': 1, pricing: 1 });
    const exemplars = found.items.filter((i) => i.class === 'traces' && i.kind === 'exemplar').map((i) => TraceExemplar.parse(i));
    expect(exemplars[0]).toMatchObject({ traceId: TRACE_1, error: true, rootService: 'storefront', rootName: 'POST /checkout', at: '2026-05-12T14:19:00.000Z', durationMs: 1840 });
    expect(exemplars[0]!.spans.find((s) => s.service === 'pricing')).toMatchObject({ spanId: '0000000000000004', parentSpanId: '0000000000000003', status: 'error', durationMs: 1790 });
    expect(exemplars[1]).toMatchObject({ traceId: TRACE_2, error: false, rootService: 'checkout' });
    expect(found.query.text).toBe('TraceQL { resource.service.name = "checkout" && (status = error || duration > 1000ms) } and 1 more services (pricing) over 13:22Z–14:27Z, at most 30 traces fetched');
    expect(found.notes).toEqual([]);
    expect(leaksSecret(found)).toBe(false);
  });

  it('fetches the alert trace ids first and reports the ones Tempo does not have', async () => {
    const seen = fakeBackend(tempo({}));
    const found = await tempoProvider.query(tempoPlan({}, { correlation: { traceIds: [TRACE_1, 'deadbeefdeadbeefdeadbeefdeadbeef'], requestIds: [] } }), deps());
    expect(seen.filter((r) => r.url.includes('/api/traces/')).map((r) => new URL(r.url).pathname)).toEqual([`/api/traces/${TRACE_1}`, '/api/traces/deadbeefdeadbeefdeadbeefdeadbeef']);
    expect(found.items.some((i) => i.class === 'traces' && i.kind === 'exemplar' && i.traceId === TRACE_1)).toBe(true);
    expect(found.notes).toEqual(['1 traces were not found: deadbeefdeadbeefdeadbeefdeadbeef']);
    expect(found.query.text).toMatch(/^trace 4bf92f3577b34da6a3ce929d0e0e4736, deadbeefdeadbeefdeadbeefdeadbeef, then TraceQL /);
  });

  it('bounds the traces fetched, taking each service in turn, and says what it left', async () => {
    const many = (prefix: string) => ({ traces: Array.from({ length: 5 }, (_, i) => ({ traceID: `${prefix}${String(i).padStart(31, '0')}` })) });
    const seen = fakeBackend(tempo({ checkout: many('a'), pricing: many('b') }));
    const found = await tempoProvider.query(tempoPlan({ maxTraces: 4, searchLimit: 5 }), deps());
    expect(seen.filter((r) => r.url.includes('/api/traces/')).map((r) => new URL(r.url).pathname.slice(12, 14))).toEqual(['a0', 'b0', 'a0', 'b0']);
    expect(found.notes).toEqual([
      'the search for checkout, pricing returned its limit of 5 traces; older matches were not read',
      'fetched 4 traces; 6 more matched and were not fetched',
      '4 traces were not found: a0000000000000000000000000000000, b0000000000000000000000000000000, a0000000000000000000000000000001, b0000000000000000000000000000001',
    ]);
  });

  it('links stats and exemplars to Grafana Explore', async () => {
    fakeBackend(tempo());
    const found = await tempoProvider.query(tempoPlan({ uiUrl: 'https://grafana.example.com', datasourceUid: 'tempo' }, { services: ['checkout'] }), deps());
    const exemplar = found.items.find((i) => i.class === 'traces' && i.kind === 'exemplar' && i.traceId === TRACE_1)!;
    const pane = JSON.parse(new URL(exemplar.link!).searchParams.get('panes')!).a;
    expect(pane.queries[0]).toEqual({ refId: 'A', datasource: { uid: 'tempo' }, queryType: 'traceql', query: TRACE_1 });
    const stats = found.items.find((i) => i.class === 'traces' && i.kind === 'service_stats' && i.service === 'checkout')!;
    expect(JSON.parse(new URL(stats.link!).searchParams.get('panes')!).a.queries[0].query).toBe('{ resource.service.name = "checkout" && (status = error || duration > 1000ms) }');
  });

  it('stays under the byte budget with many large traces', async () => {
    const big = { batches: Array.from({ length: 40 }, (_, b) => ({ resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${b}` } }] }, scopeSpans: [{ spans: Array.from({ length: 50 }, (_, i) => ({ spanId: (b * 100 + i + 1).toString(16).padStart(16, '0'), parentSpanId: i > 0 ? (b * 100 + i).toString(16).padStart(16, '0') : undefined, name: `op-${i}`, startTimeUnixNano: String(1778595000n * 1_000_000_000n + BigInt(i) * 1_000_000n), endTimeUnixNano: String(1778595000n * 1_000_000_000n + BigInt(i + 500) * 1_000_000n), status: { code: i % 7 === 0 ? 2 : 0 } })) }] })) };
    fakeBackend((_, url) => (url.pathname === '/api/search' ? json({ traces: Array.from({ length: 20 }, (_, i) => ({ traceID: String(i + 1).padStart(32, '0') })) }) : json(big)));
    const found = await tempoProvider.query(tempoPlan({}, { limits: { maxItems: 200, maxBytes: 24 * 1024 } }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(24 * 1024);
    expect(found.notes!.join(' ')).toMatch(/trace summaries/);
  });

  it('names a bad TraceQL, refused credentials and an unreadable body; throws 5xx and 429 as TransientError', async () => {
    let answer: HttpResponse = { status: 400, headers: {}, body: 'invalid TraceQL query: parse error at line 1, col 3: syntax error' };
    fakeBackend(() => answer);
    await expect(tempoProvider.query(tempoPlan(), deps())).rejects.toThrow(BackendQueryError);
    answer = { status: 401, headers: {}, body: '' };
    await expect(tempoProvider.query(tempoPlan(), deps())).rejects.toThrow(BackendAuthError);
    answer = json({ traces: 'nope' });
    await expect(tempoProvider.query(tempoPlan(), deps())).rejects.toThrow(BackendResponseError);
    answer = { status: 503, headers: {}, body: 'too many jobs' };
    await expect(tempoProvider.query(tempoPlan(), deps())).rejects.toThrow(TransientError);
    answer = { status: 429, headers: { 'retry-after': '1' }, body: '' };
    await expect(tempoProvider.query(tempoPlan(), deps())).rejects.toThrow(TransientError);
  });

  it('answers the envelope through runProvider: success, no data naming the search, and a named error', async () => {
    let route = tempo();
    fakeBackend((r, url) => route(r, url));
    const open = tempoPlan({}, { services: [], focusService: undefined });
    const noSecret = { ...open, backend: { ...open.backend, secretRef: undefined } };
    route = tempo({ '*': fixture('search.json') });
    expect(await runProvider(tempoProvider, noSecret)).toMatchObject({ status: 'success', evidenceClass: 'traces', backend: { type: 'tempo' } });
    route = tempo({});
    expect(await runProvider(tempoProvider, noSecret)).toMatchObject({ status: 'no_data', query: { text: 'TraceQL { status = error || duration > 1000ms } over 13:22Z–14:27Z, at most 30 traces fetched', target: 'https://tempo.example.com' } });
    route = () => ({ status: 400, headers: {}, body: 'bad' });
    expect(await runProvider(tempoProvider, noSecret)).toMatchObject({ status: 'error', error: { name: 'BackendQueryError' } });
  });
});
