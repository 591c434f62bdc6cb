import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { fitToBudget } from '../shared/budget.js';
import { referenceBound, referenceServiceBound, withReference } from '../shared/reference.js';
import { gridForWindow } from '../shared/grid.js';
import { summarizeTraces, type RawTrace } from '../shared/traces.js';
import { apiBase, displayBase, exploreLink, hhmm, mapBounded, requestHeaders } from '../grafana-common.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { getJson, resourceSpansOf, SearchResult, TraceBody } from './client.js';
import { toRawTrace } from './normalize.js';
import { serviceAttributeOf, TempoOptions, tempoOptions } from './options.js';
import { normalizeTraceId, searchUrl, servicesOf, traceql, traceUrl } from './translate.js';

/*
 * Traces from Tempo: the alert's own trace ids, then a TraceQL search per planned service
 * for failed or slow spans, each found trace fetched whole (bounded) and reduced by the
 * shared summarizer to per-service stats and exemplars.
 */

/** Reads like the TraceQL a person would run, with the range and the bound on traces. */
function describe(plan: EvidencePlan): ProviderQuery {
  const parsed = TempoOptions.safeParse(plan.backend.options);
  const options = parsed.success ? parsed.data : TempoOptions.parse({});
  const { services } = servicesOf(plan, options.maxServices);
  const q = traceql(serviceAttributeOf(plan), services[0], options.slowThresholdMs);
  const more = services.length > 1 ? ` and ${services.length - 1} more services (${services.slice(1, 6).join(', ')}${services.length > 6 ? ', …' : ''})` : '';
  const ids = plan.correlation.traceIds.length > 0 ? `trace ${plan.correlation.traceIds.join(', ')}, then ` : '';
  const text = `${ids}TraceQL ${q}${more} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}, at most ${options.maxTraces} traces fetched`;
  const target = plan.backend.endpoint ? displayBase(`${plan.backend.endpoint.replace(/\/+$/, '')}${options.pathPrefix}`) : '(no endpoint configured)';
  return { text: text.slice(0, 4000), target, window: plan.window };
}

/** Correlation ids first, then the searches' results taken in turn, one from each service, deduplicated. */
function pickTraceIds(correlation: readonly string[], found: readonly string[][], max: number): { ids: string[]; left: number } {
  const seen = new Set<string>();
  const ids: string[] = [];
  const offer = (id: string) => {
    const key = normalizeTraceId(id);
    if (seen.has(key)) return;
    seen.add(key);
    ids.push(id);
  };
  correlation.forEach(offer);
  for (let round = 0; found.some((list) => round < list.length); round++) for (const list of found) if (round < list.length) offer(list[round]!);
  return { ids: ids.slice(0, max), left: Math.max(0, ids.length - max) };
}

interface Connection {
  base: string;
  headers: Record<string, string>;
  attribute: string;
}

/** Searches `plan`'s window per service and fetches the traces found (correlation ids first), bounded by `options`. */
async function readTraces(plan: EvidencePlan, options: TempoOptions, conn: Connection, signal: AbortSignal): Promise<{ traces: RawTrace[]; notes: string[] }> {
  const { base, headers, attribute } = conn;
  const { services, omitted } = servicesOf(plan, options.maxServices);
  const notes: string[] = omitted.length > 0 ? [`searched the first ${options.maxServices} services; not searched: ${omitted.slice(0, 10).join(', ')}`] : [];
  const searches = await mapBounded(services.length > 0 ? services : [undefined], options.concurrency, (service) =>
    getJson(searchUrl(base, plan, traceql(attribute, service, options.slowThresholdMs), options), headers, SearchResult, 'a Tempo search result', signal),
  );
  const full = searches.map((s, i) => [s.traces.length, services[i] ?? 'all services'] as const).filter(([n]) => n >= options.searchLimit);
  if (full.length > 0) notes.push(`the search for ${full.map(([, s]) => s).slice(0, 10).join(', ')} returned its limit of ${options.searchLimit} traces; older matches were not read`);
  const { ids, left } = pickTraceIds(plan.correlation.traceIds, searches.map((s) => s.traces.map((t) => t.traceID)), options.maxTraces);
  if (left > 0) notes.push(`fetched ${ids.length} traces; ${left} more matched and were not fetched`);
  const traceLink = (id: string) => exploreLink(options, { queryType: 'traceql', query: id }, plan.window);
  const fetched = await mapBounded(ids, options.concurrency, async (id): Promise<RawTrace | string> => {
    try {
      const body = await getJson(traceUrl(base, id), headers, TraceBody, 'an OTLP trace', signal);
      return toRawTrace(id, resourceSpansOf(body), traceLink(normalizeTraceId(id)));
    } catch (error) {
      // A trace id from the alert may have aged out or never been sampled: it is reported, not fatal.
      if (error instanceof BackendQueryError) return id;
      throw error;
    }
  });
  const missing = fetched.filter((t): t is string => typeof t === 'string');
  if (missing.length > 0) notes.push(`${missing.length} traces were not found: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  return { traces: fetched.filter((t): t is RawTrace => typeof t !== 'string' && t.spans.length > 0), notes };
}

async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
  const options = tempoOptions(plan);
  const conn: Connection = { base: apiBase(plan, options), headers: await requestHeaders(plan, options, deps), attribute: serviceAttributeOf(plan) };
  const refOptions: TempoOptions = { ...options, maxTraces: referenceBound(options.maxTraces), searchLimit: referenceBound(options.searchLimit), maxServices: referenceServiceBound(plan, options.maxServices), concurrency: referenceBound(options.concurrency) };
  const { main, reference } = await withReference(
    plan,
    deps,
    () => readTraces(plan, options, conn, deps.signal),
    async (refPlan, signal) => (await readTraces(refPlan, refOptions, conn, signal)).traces,
    { noun: 'traces' },
  );
  const statsLink = (service: string) => exploreLink(options, { queryType: 'traceql', query: traceql(conn.attribute, service, options.slowThresholdMs) }, plan.window);
  const ranked = summarizeTraces(main.traces, gridForWindow(plan.window), statsLink, reference.items);
  const fitted = fitToBudget(ranked, plan.limits.maxBytes, 'trace summaries', 'per-service stats first, then error and slowest traces', plan.limits.maxItems);
  return { query: describe(plan), items: fitted.items, notes: [...main.notes, ...reference.notes, ...fitted.notes].map((n) => n.slice(0, 500)).slice(0, 20) };
}

/** Tempo traces: the alert's traces and each service's failed or slow ones, as stats and exemplars. */
export const tempoProvider: EvidenceProvider = { type: 'tempo', classes: ['traces'], describe, query };
