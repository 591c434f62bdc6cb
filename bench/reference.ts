import { IncidentSignal, ReferenceSetting, type BackendConfig, type EvidencePlan } from '../functions/contracts/index.js';
import { buildPlans } from '../functions/load-tenant/plans.js';
import { lokiProvider } from '../functions/providers/loki/provider.js';
import { prometheusProvider } from '../functions/providers/prometheus/provider.js';
import { tempoProvider } from '../functions/providers/tempo/provider.js';
import type { EvidenceProvider } from '../functions/providers/types.js';
import { setTransport, type HttpResponse } from '../functions/shared/http-client.js';

/**
 * What the reference windows cost: one tenant with a Prometheus, a Loki and a Tempo
 * backend, an alert on a service with five planned neighbours, each backend answering
 * like a busy one (1-minute samples, 5 log lines a second per service, full trace
 * searches). Counts the requests and response bytes per investigation with the default
 * offsets (24h, 168h) and without a reference, and each provider's output size, which
 * the byte budget bounds either way. Nothing here is a test: it measures and prints.
 */

const ALERT = Date.parse('2026-06-01T09:00:00Z');
const LINES_PER_SECOND = 5;
const ERROR_LINES_PER_SECOND = 0.2;
const SPANS_PER_TRACE = 30;

const json = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Services a busy Prometheus has that the topology does not list: a plan asking for unlisted ones reads them too. */
const UNLISTED = ['search', 'ads', 'mailer'];

function prometheus(url: URL): HttpResponse {
  if (url.pathname.includes('/label/')) return json({ status: 'success', data: ['web', 'checkout', 'payments', 'cart', 'pricing', 'redis', ...UNLISTED] });
  const start = Number(url.searchParams.get('start'));
  const end = Number(url.searchParams.get('end'));
  const step = Number(url.searchParams.get('step'));
  const values = [];
  for (let t = start; t <= end; t += step) values.push([t, String(100 + Math.sin(t / 600) * 10 + (t * 1000 > ALERT - 600_000 ? 40 : 0))]);
  return json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
}

function loki(url: URL): HttpResponse {
  const query = url.searchParams.get('query')!;
  const service = /="([^"]+)"/.exec(query)?.[1] ?? 'svc';
  const rate = query.includes('|~') ? ERROR_LINES_PER_SECOND : LINES_PER_SECOND;
  const startMs = Number(BigInt(url.searchParams.get('start')!) / 1_000_000n);
  const endMs = Number(BigInt(url.searchParams.get('end')!) / 1_000_000n);
  const limit = Number(url.searchParams.get('limit'));
  const gap = 1000 / rate;
  const values: [string, string][] = [];
  for (let t = endMs - 1; t >= startMs && values.length < limit; t -= gap) {
    const i = Math.floor(t);
    const line = rate < 1 || i % 40 === 0 ? `level=error msg="timeout calling db after ${i % 900}ms" request=${i}` : `level=info msg="GET /api/items/${i % 5000} 200 ${i % 300}ms"`;
    values.push([String(BigInt(i) * 1_000_000n), line]);
  }
  return json({ status: 'success', data: { resultType: 'streams', result: [{ stream: { service_name: service }, values }] } });
}

function tempo(url: URL): HttpResponse {
  if (url.pathname === '/api/search') {
    const start = Number(url.searchParams.get('start'));
    const limit = Number(url.searchParams.get('limit'));
    const service = /"([^"]+)"/.exec(url.searchParams.get('q')!)?.[1] ?? 'svc';
    return json({ traces: Array.from({ length: limit }, (_, i) => ({ traceID: `${hex(start, 16)}${hex(i, 8)}${hex(service.length, 8)}`, rootServiceName: service, startTimeUnixNano: `${start}000000000`, durationMs: 1200 })) });
  }
  const id = url.pathname.split('/').pop()!;
  const startNs = BigInt(parseInt(id.slice(0, 16), 16)) * 1_000_000_000n + 600_000_000_000n;
  const spans = Array.from({ length: SPANS_PER_TRACE }, (_, i) => ({
    traceId: id,
    spanId: hex(i + 1, 16),
    parentSpanId: i === 0 ? '' : hex(Math.ceil(i / 2), 16),
    name: i === 0 ? 'POST /checkout' : `call ${i}`,
    kind: i % 2 ? 'SPAN_KIND_CLIENT' : 'SPAN_KIND_SERVER',
    startTimeUnixNano: String(startNs + BigInt(i) * 1_000_000n),
    endTimeUnixNano: String(startNs + BigInt(i) * 1_000_000n + 50_000_000n),
    status: { code: i % 7 === 0 ? 'STATUS_CODE_ERROR' : 'STATUS_CODE_UNSET' },
  }));
  const byService = [0, 1, 2].map((k) => ({ resource: { attributes: [{ key: 'service.name', value: { stringValue: ['web', 'checkout', 'payments'][k] } }] }, scopeSpans: [{ spans: spans.filter((_, i) => i % 3 === k) }] }));
  return json({ resourceSpans: byService });
}

const backends: (BackendConfig & { provider: EvidenceProvider; answer: (url: URL) => HttpResponse })[] = [
  { id: 'prom', type: 'prometheus', classes: ['metrics'], endpoint: 'http://prometheus:9090', options: {}, provider: prometheusProvider, answer: prometheus },
  { id: 'loki', type: 'loki', classes: ['logs'], endpoint: 'http://loki:3100', options: {}, provider: lokiProvider, answer: loki },
  { id: 'tempo', type: 'tempo', classes: ['traces'], endpoint: 'http://tempo:3200', options: {}, provider: tempoProvider, answer: tempo },
];
const signal = IncidentSignal.parse({ tenantId: 'bench', source: 'alertmanager', externalId: 'x', fingerprint: 'f', dedupKey: 'd', status: 'firing', severity: 'critical', title: 'checkout 5xx', service: 'checkout', startedAt: new Date(ALERT - 60_000).toISOString(), receivedAt: new Date(ALERT).toISOString() });
const topology = { web: ['checkout'], checkout: ['payments', 'cart', 'pricing'], cart: ['redis'] };

async function investigate(reference: ReferenceSetting) {
  const { plans } = buildPlans({ tenantId: 'bench', investigationId: 'bench-1', signal, backends: backends.map(({ provider, answer, ...b }) => b), topology, providerFunctions: { prometheus: 'a', loki: 'a', tempo: 'a' }, reference });
  const out: Record<string, { requests: number; responseBytes: number; outputBytes: number; notes: number }> = {};
  for (const plan of plans as EvidencePlan[]) {
    const backend = backends.find((b) => b.id === plan.backend.id)!;
    let requests = 0;
    let responseBytes = 0;
    const previous = setTransport(async (request) => {
      const answer = backend.answer(new URL(request.url));
      requests++;
      responseBytes += Buffer.byteLength(answer.body);
      return answer;
    });
    try {
      const found = await backend.provider.query(plan, { signal: new AbortController().signal, readSecret: async () => undefined });
      out[backend.type] = { requests, responseBytes, outputBytes: Buffer.byteLength(JSON.stringify(found.items)), notes: found.notes?.length ?? 0 };
    } finally {
      setTransport(previous);
    }
  }
  return out;
}

const without = await investigate(ReferenceSetting.parse({ enabled: false }));
const withDefault = await investigate(ReferenceSetting.parse({}));
const total = (r: typeof without, key: 'requests' | 'responseBytes') => Object.values(r).reduce((a, b) => a + b[key], 0);
console.log(JSON.stringify({
  bench: 'reference',
  offsets: ReferenceSetting.parse({}).offsets,
  perProvider: Object.fromEntries(Object.keys(without).map((type) => [type, { without: without[type], withReference: withDefault[type] }])),
  perInvestigation: {
    extraRequests: total(withDefault, 'requests') - total(without, 'requests'),
    requestsWithout: total(without, 'requests'),
    extraResponseBytes: total(withDefault, 'responseBytes') - total(without, 'responseBytes'),
    responseBytesWithout: total(without, 'responseBytes'),
  },
}, null, 1));
