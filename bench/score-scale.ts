import { EvidencePlan, type IncidentSignal, type ProviderResult } from '../functions/contracts/index.js';
import { gridForWindow } from '../functions/providers/shared/grid.js';
import { logPatterns, TemplateMiner } from '../functions/providers/shared/logs.js';
import { summarizeMetrics, type RawSeries } from '../functions/providers/shared/metrics.js';
import { summarizeTraces, type RawTrace } from '../functions/providers/shared/traces.js';
import { scoreInvestigation } from '../functions/score/core/index.js';
import { seeded } from '../test/unit/score/synthetic.js';

/*
 * Issue 6 performance: a synthetic investigation of 1M log lines, 100k spans and 1k
 * series, at 10%, 50% and 100% of that size, through the summarizers and then the
 * scorer (in-process, no byte budgets: every summary goes to the scorer). Prints the
 * time of each stage and the process's peak RSS so far (sizes run smallest first).
 * Usage: npx tsx bench/score-scale.ts
 */

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const window = { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' };
const fromMs = Date.parse(window.from);
const spanMs = Date.parse(window.to) - fromMs;
const SERVICES = 50;
const svc = (i: number) => `svc-${i % SERVICES}`;
const topology = Object.fromEntries(Array.from({ length: SERVICES }, (_, i) => [svc(i), i < SERVICES - 1 ? [svc(i + 1)] : []]));

function* logLines(n: number, rand: () => number) {
  for (let i = 0; i < n; i++) {
    const atMs = fromMs + Math.floor((i / n) * spanMs);
    const broken = atMs > alertAtMs - 8 * 60_000 && i % 13 === 0;
    yield broken
      ? { atMs, service: svc(42), level: 'error' as const, message: `pool exhausted waiting ${Math.floor(rand() * 5000)}ms for connection to db-${i % 3}` }
      : { atMs, service: svc(i), level: 'info' as const, message: `handled ${['GET', 'POST'][i % 2]} /api/items/${i} in ${Math.floor(rand() * 300)}ms shape=${i % 20}` };
  }
}

function* traces(spans: number, rand: () => number): Generator<RawTrace> {
  const perTrace = 10;
  for (let t = 0; t < spans / perTrace; t++) {
    const atMs = fromMs + Math.floor((t / (spans / perTrace)) * spanMs);
    const late = atMs > alertAtMs - 8 * 60_000;
    yield {
      traceId: `t${t}`,
      spans: Array.from({ length: perTrace }, (_, k) => ({
        spanId: `t${t}s${k}`,
        ...(k > 0 ? { parentSpanId: `t${t}s${k - 1}` } : {}),
        service: svc(35 + k),
        name: `op${k}`,
        atMs: atMs + k,
        durationMs: (perTrace - k) * 5 + rand() * 3 + (late && k >= 7 ? 400 : 0),
        status: late && k >= 7 && rand() < 0.3 ? ('error' as const) : ('ok' as const),
      })),
    };
  }
}

function series(n: number, rand: () => number): RawSeries[] {
  return Array.from({ length: n }, (_, i) => ({
    service: svc(i),
    name: ['cpu_usage_ratio', 'http_error_ratio', 'http_latency_p99_seconds', 'http_requests_per_second'][i % 4]!,
    labels: { replica: String(Math.floor(i / SERVICES)) },
    samples: Array.from({ length: 130 }, (_, k) => {
      const at = fromMs + k * 30_000;
      const bump = svc(i) === svc(42) && at > alertAtMs - 8 * 60_000 ? 3 : 1;
      return [at, (0.3 + rand() * 0.03) * bump] as const;
    }),
  }));
}

const envelope = (evidenceClass: EvidencePlan['evidenceClass'], items: ProviderResult['items']): ProviderResult =>
  ({ planId: `bench-${evidenceClass}`, evidenceClass, backend: { id: 'bench', type: 'bench' }, status: 'success', query: { text: 'bench', target: 'bench', window }, durationMs: 0, notes: [], items }) as ProviderResult;

const signal: IncidentSignal = { tenantId: 'demo', source: 'generic', externalId: 'bench', fingerprint: 'bench', dedupKey: 'bench', status: 'firing', severity: 'critical', title: 'bench', service: svc(0), startedAt: window.from, receivedAt: new Date(alertAtMs).toISOString(), links: {}, labels: {}, correlation: { traceIds: [], requestIds: [] } };

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`.padStart(9);
console.log('size | log lines | spans | series | logs summarize | traces summarize | metrics summarize | score | items scored | top suspect | peak RSS');
for (const share of [0.1, 0.5, 1]) {
  const rand = seeded(42);
  const grid = gridForWindow(window);
  const [nLogs, nSpans, nSeries] = [1_000_000 * share, 100_000 * share, 1_000 * share];
  let t = performance.now();
  const miner = new TemplateMiner(grid);
  for (const line of logLines(nLogs, rand)) miner.add(line);
  const logs = logPatterns(miner, alertAtMs).map((r) => r.item);
  const tLogs = ms(t);
  t = performance.now();
  const traceItems = summarizeTraces(traces(nSpans, rand), grid).map((r) => r.item);
  const tTraces = ms(t);
  t = performance.now();
  const metricItems = summarizeMetrics(series(nSeries, rand), grid, alertAtMs).map((r) => r.item);
  const tMetrics = ms(t);
  t = performance.now();
  const scored = scoreInvestigation({ signal, topology, results: [envelope('logs', logs), envelope('traces', traceItems), envelope('metrics', metricItems)] });
  const tScore = ms(t);
  const top = scored.suspects[0];
  const rssMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`${String(share * 100).padStart(3)}% | ${nLogs} | ${nSpans} | ${nSeries} | ${tLogs} | ${tTraces} | ${tMetrics} | ${tScore} | ${logs.length + traceItems.length + metricItems.length} | ${top ? `${top.service}/${top.kind}` : '-'} | ${rssMb} MB`);
}
