import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScenarioTenant, loadScenarioFile, runScenario } from '../../cli/scenario-run.js';
import { EvidencePlan, resolveScenarioTime, type MetricSeries } from '../../functions/contracts/index.js';
import { investigationWindow, relatedServices } from '../../functions/load-tenant/plans.js';
import { runProvider } from '../../functions/providers/handler-factory.js';
import { prometheusProvider } from '../../functions/providers/prometheus/provider.js';
import { getSourceAdapter } from '../../functions/ingest/sources/index.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { findBinary } from './alertmanager/harness.js';
import { EXTRA_LABELS, scenarioOpenMetrics, startPrometheus, type LocalPrometheus } from './prometheus/harness.js';

/*
 * The Prometheus provider against a real Prometheus (Debian's `prometheus` and `promtool`;
 * CI installs them, elsewhere the test is skipped): a scenario's metrics are backfilled
 * into TSDB blocks, the provider queries them over the scenario's window, and then a
 * whole local investigation runs with this Prometheus as the tenant's metrics backend.
 */

const prometheus = findBinary('prometheus');
const promtool = findBinary('promtool');
const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const scenario = loadScenarioFile(SCENARIO);
const READY_DEADLINE_MS = 30_000;

/** One template per scenario metric name: the series itself, selected by the service label. */
const queries = [...new Map((scenario.evidence.metrics ?? []).map((m) => [m.name, { name: m.name, promql: `${m.name}{{{label}}="{{service}}"}`, ...(m.unit ? { unit: m.unit } : {}) }])).values()];

// CI installs the binaries, so there a skip would hide a regression: fail instead.
it.runIf(process.env.CI === 'true')('finds prometheus and promtool on PATH in CI', () => {
  expect({ prometheus, promtool }).toEqual({ prometheus: expect.any(String), promtool: expect.any(String) });
});

describe.skipIf(!prometheus || !promtool)('Prometheus provider against a real Prometheus (needs prometheus and promtool on PATH: apt-get install prometheus)', () => {
  let server: LocalPrometheus;
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    server = await startPrometheus({ prometheus: prometheus!, promtool: promtool! }, scenarioOpenMetrics(scenario, 'service'), READY_DEADLINE_MS);
  }, READY_DEADLINE_MS + 30_000);

  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
  }, 20_000);

  const backend = () => ({ id: 'prom-local', type: 'prometheus', classes: ['metrics' as const], endpoint: server.url, serviceLabel: 'service', options: { queries } });

  it('returns the scenario series, value for value, on the plan grid', async () => {
    const signal = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'demo', receivedAt: new Date(scenario.at), catalog: {} })[0]!;
    const { from, to, alertAt } = investigationWindow(signal);
    const services = relatedServices(signal.service, scenario.topology ?? {});
    const plan = EvidencePlan.parse({
      planId: 'prom-local-metrics', tenantId: 'demo', investigationId: 'it-1', evidenceClass: 'metrics', backend: backend(), functionArn: 'local',
      window: { from, to }, alertAt, focusService: signal.service, services, correlation: {}, limits: { maxItems: 200, maxBytes: 512 * 1024 },
    });
    const result = await runProvider(prometheusProvider, plan);
    expect(result.status, JSON.stringify(result.status === 'error' ? result.error : result.notes)).toBe('success');
    const items = result.items as MetricSeries[];
    const atMs = Date.parse(scenario.at);
    const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
    const expected = (scenario.evidence.metrics ?? []).filter((m) => services.includes(m.service));
    expect(items).toHaveLength(expected.length);
    let compared = 0;
    for (const m of expected) {
      const series = items.find((s) => s.service === m.service && s.name === m.name && JSON.stringify(s.labels) === JSON.stringify({ ...EXTRA_LABELS, ...m.labels }));
      expect(series, `${m.service} ${m.name} ${JSON.stringify(m.labels ?? {})}`).toBeDefined();
      expect(series!.unit).toBe(m.unit);
      expect(series!.link).toMatch(new RegExp(`^${server.url}/graph\\?g0\\.expr=`));
      for (const [t, v] of m.points) {
        const ms = resolveScenarioTime(t, atMs);
        // Prometheus evaluates on whole minutes (the 60 s step); off-step samples are not asked for.
        if (ms < fromMs || ms > toMs || ms % 60_000 !== 0) continue;
        const value = series!.values[Math.floor((ms - series!.startMs) / series!.stepMs)];
        // The summarizer keeps four significant digits.
        expect(Math.abs(value! - v), `${m.service} ${m.name} at ${t}: ${value} vs ${v}`).toBeLessThanOrEqual(Math.abs(v) * 5e-4);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(result.query.text).toMatch(/^PromQL query_range \(http_requests_per_second, .*\) for service=storefront, cart, cart-redis, catalog, catalog-db \(\+\d+ more\) over 13:21Z–14:27Z step 60s, e\.g\. http_requests_per_second\{service="storefront"\}$/);
  });

  it('is the only metrics backend of a whole local investigation', async () => {
    // The replay keeps serving logs, traces and changes; its metrics now live only in Prometheus.
    const dir = await mkdtemp(join(tmpdir(), 'causeway-scenario-'));
    const file = join(dir, 'shop-storefront-checkout-5xx.json');
    await writeFile(file, JSON.stringify({ ...scenario, evidence: { ...scenario.evidence, metrics: undefined } }));
    stack = await startLocalStack({ retryIntervalMs: 5, extraProviders: { prometheus: new URL('../../functions/providers/prometheus/handler.ts', import.meta.url).href } });
    const tenant = await ensureScenarioTenant(stack, scenario.tenant);
    await putTenant(stack, { ...tenant, topology: scenario.topology ?? {}, backends: [backend()] });
    const run = await runScenario(stack, file);
    await rm(dir, { recursive: true, force: true });
    const scored = run.record.scored!;
    const prom = scored.providers.find((p) => p.planId === 'prom-local-metrics');
    expect(prom, JSON.stringify(scored.providers.map((p) => [p.planId, p.status]))).toMatchObject({ status: 'success', evidenceClass: 'metrics', backend: { id: 'prom-local', type: 'prometheus' } });
    const metrics = scored.evidence.filter((e) => e.class === 'metrics');
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.every((e) => e.link?.startsWith(`${server.url}/graph`) && e.labels.namespace === 'shop')).toBe(true);
    const pricingErrors = metrics.find((e) => e.service === 'pricing' && e.name === 'http_error_ratio');
    expect(pricingErrors, JSON.stringify(metrics.map((e) => [e.id, e.service, e.name]))).toBeDefined();
    expect(scored.suspects[0]?.evidenceIds.some((id) => metrics.some((e) => e.id === id))).toBe(true);
    expect(run.record.rca?.rootCause).toMatchObject({ service: 'pricing' });
  }, 60_000);
});
