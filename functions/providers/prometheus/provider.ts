import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { BackendQueryError, BackendResponseError } from '../../shared/http-client.js';
import { fitToBudget, listedFirst } from '../shared/budget.js';
import { referenceBound, referenceServiceBound, withReference } from '../shared/reference.js';
import { gridForWindow } from '../shared/grid.js';
import { summarizeMetrics, type RawSeries } from '../shared/metrics.js';
import { apiBase, displayBase, hhmm, mapBounded, requestHeaders } from '../grafana-common.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { getApi, LabelValues, MatrixResult } from './client.js';
import { histogramOnly, matrixToSeries, seriesLink } from './normalize.js';
import { DEFAULT_QUERIES, PrometheusOptions, prometheusOptions, serviceLabelOf } from './options.js';
import { expandTemplate, labelValuesUrl, rangeOf, rangeQueries, rangeUrl, servicesOf, type RangeQuery } from './translate.js';

/*
 * Metrics from the Prometheus HTTP API (Prometheus, Mimir, Thanos, VictoriaMetrics): a
 * few PromQL templates per planned service over the plan's window, laid on the shared
 * grid and ranked by how anomalous they are, under the plan's byte budget.
 */

const list = (xs: readonly string[], max = 5) => (xs.length > max ? `${xs.slice(0, max).join(', ')} (+${xs.length - max} more)` : xs.join(', '));

/** Reads like what a person would type: which queries, for whom, where, over which range and step. */
function describe(plan: EvidencePlan): ProviderQuery {
  const parsed = PrometheusOptions.safeParse(plan.backend.options);
  const options = parsed.success ? parsed.data : PrometheusOptions.parse({});
  const label = serviceLabelOf(plan);
  const { services } = servicesOf(plan, options.maxServices);
  const { step } = rangeOf(plan);
  const example = expandTemplate(options.queries[0]?.promql ?? DEFAULT_QUERIES[0]!.promql, label, services[0] ?? '<each service>');
  const who = services.length > 0 ? `for ${label}=${list(services)}${plan.unlisted ? ` and other ${label} values seen in the window` : ''}` : `for every ${label} in the window`;
  const text = `PromQL query_range (${options.queries.map((q) => q.name).join(', ')}) ${who} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)} step ${step}s, e.g. ${example}`;
  const target = plan.backend.endpoint ? displayBase(`${plan.backend.endpoint.replace(/\/+$/, '')}${options.pathPrefix}`) : '(no endpoint configured)';
  return { text: text.slice(0, 4000), target, window: plan.window };
}

interface Outcome {
  q: RangeQuery;
  series: RawSeries[];
  warnings: string[];
  histograms: number;
  failure?: Error;
}

async function runOne(q: RangeQuery, ctx: { plan: EvidencePlan; options: PrometheusOptions; base: string; headers: Record<string, string>; label: string; signal: AbortSignal }): Promise<Outcome> {
  try {
    const { data, warnings } = await getApi(rangeUrl(ctx.base, q), ctx.headers, MatrixResult, 'matrix', ctx.signal);
    const link = seriesLink(ctx.plan, ctx.options, displayBase(ctx.base), q.promql);
    return { q, series: matrixToSeries(data, q, ctx.label, link), warnings, histograms: histogramOnly(data) };
  } catch (error) {
    // A template the backend rejects (an unknown function, a many-to-many match) must not hide the others.
    if (error instanceof BackendQueryError || error instanceof BackendResponseError) return { q, series: [], warnings: [], histograms: 0, failure: error };
    throw error;
  }
}

/**
 * The services to query: the plan's; when it names none, the label's values in the
 * window; when it names some and asks for `unlisted` ones too, those values after its
 * own, up to `maxServices` in all.
 */
async function planServices(plan: EvidencePlan, options: PrometheusOptions, base: string, headers: Record<string, string>, label: string, signal: AbortSignal) {
  const planned = servicesOf(plan, options.maxServices);
  const room = options.maxServices - planned.services.length;
  if (planned.services.length > 0 && !(plan.unlisted && room > 0)) return { services: planned.services, notes: planned.omitted.length > 0 ? [`queried the first ${options.maxServices} services; not queried: ${list(planned.omitted, 10)}`] : [] };
  const { start, end } = rangeOf(plan);
  const { data } = await getApi(labelValuesUrl(base, label, start, end), headers, LabelValues, 'list of label values', signal);
  const others = data.filter((value) => !planned.services.includes(value));
  const found = others.slice(0, room);
  const bound = others.length > found.length ? ` (the first ${found.length} of ${others.length})` : '';
  const notes =
    planned.services.length > 0
      ? [`also queried the values of ${label} seen in the window that the plan did not list${bound}${found.length > 0 ? `: ${list(found)}` : ''}`]
      : [`the plan named no service: queried the values of ${label} seen in the window${bound}`];
  return { services: [...planned.services, ...found], notes };
}

interface Connection {
  options: PrometheusOptions;
  base: string;
  headers: Record<string, string>;
  label: string;
}

/** Every template for every service of `plan` over its window, as raw series, with what was left out. */
async function readSeries(plan: EvidencePlan, conn: Connection, signal: AbortSignal): Promise<{ raws: RawSeries[]; notes: string[] }> {
  const { options, base, headers, label } = conn;
  const { services, notes } = await planServices(plan, options, base, headers, label, signal);
  const queries = rangeQueries(plan, services, options.queries, label);
  const ctx = { plan, options, base, headers, label, signal };
  const outcomes = await mapBounded(queries, options.concurrency, (q) => runOne(q, ctx));
  const failed = outcomes.filter((o) => o.failure);
  if (failed.length > 0 && failed.length === outcomes.length) throw failed[0]!.failure!;
  const raws: RawSeries[] = [];
  let capped = 0;
  for (const o of outcomes) {
    raws.push(...o.series.slice(0, options.maxSeriesPerQuery));
    capped += Math.max(0, o.series.length - options.maxSeriesPerQuery);
  }
  if (failed.length > 0) notes.push(`${failed.length} of ${outcomes.length} queries failed, e.g. ${failed[0]!.q.query.name} for ${failed[0]!.q.service}: ${failed[0]!.failure!.message}`.slice(0, 500));
  if (capped > 0) notes.push(`${capped} series beyond ${options.maxSeriesPerQuery} per query and service were not read`);
  const histograms = outcomes.reduce((n, o) => n + o.histograms, 0);
  if (histograms > 0) notes.push(`${histograms} native-histogram series have no float samples and were skipped: wrap them in histogram_quantile or histogram_count`);
  for (const w of [...new Set(outcomes.flatMap((o) => o.warnings))].slice(0, 3)) notes.push(`backend warning: ${w}`.slice(0, 500));
  return { raws, notes };
}

/** The same templates over a reference window: the focus service and its nearest neighbours first, fewer at a time. */
const referenceConnection = (plan: EvidencePlan, conn: Connection): Connection => ({
  ...conn,
  options: { ...conn.options, maxServices: referenceServiceBound(plan, conn.options.maxServices), concurrency: referenceBound(conn.options.concurrency) },
});

async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
  const options = prometheusOptions(plan);
  const conn: Connection = { options, base: apiBase(plan, options), headers: await requestHeaders(plan, options, deps), label: serviceLabelOf(plan) };
  const { main, reference } = await withReference(
    plan,
    deps,
    () => readSeries(plan, conn, deps.signal),
    async (refPlan, signal) => (await readSeries(refPlan, referenceConnection(plan, conn), signal)).raws,
    { noun: 'series' },
  );
  const ranked = summarizeMetrics(main.raws, gridForWindow(plan.window), Date.parse(plan.alertAt), reference.items);
  const fitted = fitToBudget(listedFirst(ranked, plan), plan.limits.maxBytes, 'series', 'the most anomalous', plan.limits.maxItems);
  return { query: describe(plan), items: fitted.items, notes: [...main.notes, ...reference.notes, ...fitted.notes].slice(0, 20) };
}

/** Prometheus-compatible metrics: request rate, errors, latency and container resources per service. */
export const prometheusProvider: EvidenceProvider = { type: 'prometheus', classes: ['metrics'], describe, query };
