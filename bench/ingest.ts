import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ingest } from '../functions/ingest/core.js';
import { startLocalStack } from '../local/stack.js';
import { putTenant } from '../local/tenants.js';
import { summary } from './stats.js';

/**
 * In-process ingest throughput: the real pipeline (verify, parse, normalize, archive,
 * conditional dedup write, group claim, StartExecution) against dynalite, without HTTP.
 * Each signal is a distinct alert on its own service, so every one writes its dedup item,
 * claims its service's group and starts an execution (none joins another). The tenant's
 * rate budget is raised to its maximum so the figure is the pipeline's, not the limiter's
 * (the limiter's own conditional write is still paid on every request).
 */
const N = Number(process.env.BENCH_SIGNALS ?? 2000);
const TOKEN = 'bench-token-0123456789abcdef';
const stack = await startLocalStack();
stack.secrets.put('causeway/tenants/bench/webhooks', JSON.stringify({ alertmanager: { bearerToken: TOKEN } }));
await putTenant(stack, { tenantId: 'bench', webhookSecretRef: 'causeway/tenants/bench/webhooks', enabledSources: ['alertmanager'], ingestRatePerMinute: 100_000 } as never);
const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/signals/alertmanager/firing-batch.json', import.meta.url), 'utf8')) as { alerts: { fingerprint: string; labels: Record<string, string> }[] };
const started: string[] = [];
const deps = {
  tableName: stack.tableName,
  loadTenant: async () => (await import('../local/tenants.js')).getTenant(stack, 'bench'),
  readSecret: async (_tenantId: string, ref: string) => JSON.parse(stack.secrets.get(ref) ?? 'null') as unknown,
  startExecution: async (input: { investigationId: string }) => void started.push(input.investigationId),
  confirmSubscription: async () => undefined,
  verify: { fetchCertificate: async () => '', now: () => new Date() },
};
const bodies = Array.from({ length: N }, (_, i) => JSON.stringify({ ...fixture, alerts: [{ ...fixture.alerts[1]!, fingerprint: `bench${String(i).padStart(11, '0')}`, labels: { ...fixture.alerts[1]!.labels, service: `bench-${i}` } }] }));
const samples: number[] = [];
const t0 = performance.now();
let next = 0;
async function worker() {
  while (next < bodies.length) {
    const body = bodies[next++]!;
    const t = performance.now();
    const response = await ingest({ tenantId: 'bench', source: 'alertmanager', door: 'http', requestId: `r${next}`, headers: { authorization: `Bearer ${TOKEN}` }, rawBody: body, receivedAt: new Date() }, deps as never);
    if (response.status !== 202) throw new Error(`unexpected ${response.status}`);
    samples.push(performance.now() - t);
  }
}
await Promise.all(Array.from({ length: 16 }, worker));
const seconds = (performance.now() - t0) / 1000;
const s = summary(samples);
console.log(JSON.stringify({ bench: 'ingest', signals: N, concurrency: 16, signalsPerSecond: Math.round(N / seconds), p50Ms: s.p50, p99Ms: s.p99, started: started.length }));
await stack.stop();
