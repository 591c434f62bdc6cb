import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { fitToBudget } from '../shared/budget.js';
import { gridForWindow } from '../shared/grid.js';
import { referenceBound, referenceServiceBound, withReference } from '../shared/reference.js';
import { summarizeTraces, type RawTrace } from '../shared/traces.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { jaegerGet, jaegerHeaders } from './client.js';
import { readServices, readTraces, toRawTrace, type JaegerTrace } from './normalize.js';
import { JaegerOptions, jaegerEndpoint, jaegerOptions } from './options.js';
import { describeSearch, searchUrl, servicesToSearch, servicesUrl, traceIdsToFetch, traceSearches, traceUrl, uiSearchLink, uiTraceLink } from './translate.js';

/*
 * Jaeger traces: per service, its error traces and its recent (or long) traces, plus the
 * alert's correlation trace ids, deduplicated and reduced by the shared trace summarizer
 * to per-service stats and a few exemplars, each linked to the Jaeger UI.
 */

/** Never throws, so even a misconfigured backend's error says what would have been searched. */
function describe(plan: EvidencePlan): ProviderQuery {
  const options = JaegerOptions.safeParse(plan.backend.options).data ?? JaegerOptions.parse({});
  return { text: describeSearch(plan, options), target: plan.backend.endpoint ?? '(no endpoint configured)', window: plan.window };
}

/** Notes fit the envelope: 20 at most, 500 characters each. */
const bounded = (notes: string[]) => (notes.length > 20 ? [...notes.slice(0, 19), `${notes.length - 19} more notes left out`] : notes).map((n) => n.slice(0, 500));

/** Keeps one copy of a trace seen by several searches: the most complete. */
function keep(traces: Map<string, JaegerTrace>, trace: JaegerTrace): void {
  const seen = traces.get(trace.traceID);
  if (!seen || seen.spans.length < trace.spans.length) traces.set(trace.traceID, trace);
}

interface Connection {
  endpoint: string;
  ui: string;
  headers: Record<string, string>;
}

/** Error and slow (or recent) traces per service of `plan`'s window, plus its correlation trace ids, as raw traces. */
async function searchTraces(plan: EvidencePlan, options: JaegerOptions, conn: Connection, signal: AbortSignal): Promise<{ traces: RawTrace[]; notes: string[] }> {
  const { endpoint, headers } = conn;
  const notes: string[] = [];
  let { searched, skipped } = servicesToSearch(plan, options.maxServices);
  if (searched.length === 0) {
    const { body, where } = await jaegerGet(servicesUrl(endpoint), headers, signal);
    const all = readServices(body, where).sort();
    [searched, skipped] = [all.slice(0, options.maxServices), all.slice(options.maxServices)];
    notes.push(`the plan named no service; searched ${searched.length} of the ${all.length} services Jaeger lists`);
  }
  if (skipped.length > 0) notes.push(`searched ${searched.length} services (limit ${options.maxServices}); not searched: ${skipped.join(', ')}`);

  const traces = new Map<string, JaegerTrace>();
  const searches = await Promise.all(
    traceSearches(plan, searched, options).map(async (search) => {
      const { body, where } = await jaegerGet(searchUrl(endpoint, search.params), headers, signal);
      return { search, ...readTraces(body, where) };
    }),
  );
  for (const { search, traces: found, warnings } of searches) {
    found.forEach((t) => keep(traces, t));
    notes.push(...warnings);
    if (found.length >= options.limit) notes.push(`the ${search.kind === 'errors' ? 'error' : options.minDuration ? 'slow' : 'recent'} trace search for ${search.service} returned its limit of ${options.limit}; older matches were not read`);
  }

  const ids = traceIdsToFetch(plan, options.maxTraceIds);
  if (plan.correlation.traceIds.length > ids.length) notes.push(`fetched ${ids.length} of ${plan.correlation.traceIds.length} correlation trace ids`);
  for (const id of ids) {
    try {
      const { body, where } = await jaegerGet(traceUrl(endpoint, id), headers, signal);
      const read = readTraces(body, where);
      read.traces.forEach((t) => keep(traces, t));
      notes.push(...read.warnings);
    } catch (error) {
      if (!(error instanceof BackendQueryError)) throw error;
      notes.push(`trace ${id} from the alert was not found in Jaeger`);
    }
  }
  return { traces: [...traces.values()].map((t) => toRawTrace(t, uiTraceLink(conn.ui, t.traceID))), notes };
}

export const jaegerProvider: EvidenceProvider = {
  type: 'jaeger',
  classes: ['traces'],
  describe,
  async query(plan, deps): Promise<ProviderFindings> {
    const options = jaegerOptions(plan);
    const endpoint = jaegerEndpoint(plan);
    const conn: Connection = { endpoint, ui: (options.uiUrl ?? endpoint).replace(/\/+$/, ''), headers: await jaegerHeaders(plan, deps) };
    const refOptions: JaegerOptions = { ...options, limit: referenceBound(options.limit), maxServices: referenceServiceBound(plan, options.maxServices) };
    const { main, reference } = await withReference(
      plan,
      deps,
      () => searchTraces(plan, options, conn, deps.signal),
      async (refPlan, signal) => (await searchTraces(refPlan, refOptions, conn, signal)).traces,
      { noun: 'traces' },
    );
    const ranked = summarizeTraces(main.traces, gridForWindow(plan.window), (service) => uiSearchLink(conn.ui, plan, service, options), reference.items);
    const fitted = fitToBudget(ranked, plan.limits.maxBytes, 'trace summaries', 'per-service stats first, then error and slowest traces', plan.limits.maxItems);
    return { query: describe(plan), items: fitted.items, notes: bounded([...main.notes, ...reference.notes, ...fitted.notes]) };
  },
};
