import type { EvidenceItem, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { fitToBudget, type Ranked } from '../shared/budget.js';
import { gridForWindow } from '../shared/grid.js';
import { TemplateMiner, logPatterns, type RawLogLine } from '../shared/logs.js';
import { summarizeMetrics, type RawSeries } from '../shared/metrics.js';
import { referenceBound, referenceServiceBound, withReference } from '../shared/reference.js';
import { summarizeTraces, type RawSpan, type RawTrace } from '../shared/traces.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { datadogHeaders, datadogRequest, followCursor, type PagedResult } from './client.js';
import { readEvents, readMetrics, toLogLine, toRawSeries, toRawSpan } from './normalize.js';
import { DatadogOptions, apiBase, datadogOptions, uiBase } from './options.js';
import { describeSearch, links, logsBody, logsQuery, metricRequests, serviceTag, servicesOf, spansBody, spansQuery, type SpanSearch } from './translate.js';

/*
 * Datadog, one provider for three classes: metric queries per service, error and warn
 * logs mined into patterns, and error and slow spans grouped into traces (the most
 * telling expanded whole by trace id), each cut to the byte budget with app links.
 */

interface Context {
  plan: EvidencePlan;
  o: DatadogOptions;
  api: string;
  ui: string;
  headers: Record<string, string>;
  services: string[];
  deps: ProviderDeps;
  /** The read's abort signal: the provider's, or a reference window's own budget. */
  signal: AbortSignal;
}

interface Collected {
  ranked: Ranked<EvidenceItem>[];
  notes: string[];
  noun: string;
  keptBecause: string;
}

/** Says what a bounded pager left out. */
function pagingNote(what: string, read: number, result: PagedResult, o: DatadogOptions): string[] {
  if (!result.more) return [];
  const why = result.rateLimited ? 'the Datadog rate limit was spent' : `the limit is ${o.maxPages} pages of ${o.pageSize}`;
  return [`read the newest ${read} ${what} (${result.pages} pages; ${why}); older ones were not read, so earlier counts are low`];
}

async function readSeries(c: Context): Promise<RawSeries[]> {
  const requests = metricRequests(c.plan, c.services, c.o, c.api);
  const answers = await Promise.all(requests.map(async (r) => ({ r, ...(await datadogRequest({ method: 'GET', url: r.url, headers: c.headers }, c.signal)) })));
  return answers.flatMap(({ r, body, where }) =>
    readMetrics(body, where).map((s) => toRawSeries(s, r.service, r.query, links.metric(c.ui, c.plan, s.metric ?? r.query, s.scope ?? `${serviceTag(c.plan)}:${r.service}`))),
  );
}

async function metrics(c: Context): Promise<Collected> {
  const { main, reference } = await withReference(c.plan, c.deps, () => readSeries(c), (plan, signal) => readSeries(referenceContext(c, plan, signal)), { noun: 'series' });
  return { ranked: summarizeMetrics(main, gridForWindow(c.plan.window), Date.parse(c.plan.alertAt), reference.items), notes: reference.notes, noun: 'series', keptBecause: 'the most anomalous' };
}

/** Pages error and warn log events of the context's window into `sink`; returns what it left out. */
async function readLogs(c: Context, sink: (line: RawLogLine) => void): Promise<string[]> {
  const query = logsQuery(c.plan, c.services, c.o);
  const fallback = c.services.length === 1 ? c.services[0]! : 'unknown';
  const notes: string[] = [];
  let read = 0;
  const paged = await followCursor(`${c.api}/api/v2/logs/events/search`, (cursor) => logsBody(c.plan, query, c.o, cursor), c.headers, c.o.maxPages, c.signal, ({ body, where }) => {
    const page = readEvents(body, where);
    notes.push(...page.notes);
    read += page.events.length;
    for (const event of page.events) {
      const line = toLogLine(event, fallback);
      if (line) sink(line);
    }
    return page.after;
  });
  notes.push(...pagingNote('error and warn log events', read, paged, c.o));
  return notes;
}

async function logs(c: Context): Promise<Collected> {
  const miner = new TemplateMiner(gridForWindow(c.plan.window));
  const { main: notes, reference } = await withReference(
    c.plan,
    c.deps,
    () => readLogs(c, (line) => miner.add(line)),
    async (plan, signal) => {
      const lines: RawLogLine[] = [];
      await readLogs(referenceContext(c, plan, signal), (line) => lines.push(line));
      return lines;
    },
    { noun: 'log lines' },
  );
  const link = links.logs(c.ui, c.plan, logsQuery(c.plan, c.services, c.o));
  return { ranked: logPatterns(miner, Date.parse(c.plan.alertAt), link, reference.items), notes: [...notes, ...reference.notes], noun: 'log patterns', keptBecause: 'errors and the patterns that changed first' };
}

type Spans = Map<string, Map<string, RawSpan>>;

/** Runs one spans search into `spans` (by trace, then span id); an error copy of a span wins. */
async function searchSpans(c: Context, kind: SpanSearch, spans: Spans, notes: string[], traceIds: string[] = []): Promise<void> {
  const query = spansQuery(c.plan, c.services, c.o, kind, traceIds);
  let read = 0;
  const paged = await followCursor(`${c.api}/api/v2/spans/events/search`, (cursor) => spansBody(c.plan, query, c.o, cursor), c.headers, c.o.maxPages, c.signal, ({ body, where }) => {
    const page = readEvents(body, where);
    notes.push(...page.notes);
    read += page.events.length;
    for (const event of page.events) {
      const span = toRawSpan(event, kind === 'errors');
      if (!span) continue;
      const { traceId, ...raw } = span;
      const trace = spans.get(traceId) ?? new Map<string, RawSpan>();
      spans.set(traceId, trace);
      if (trace.get(raw.spanId)?.status !== 'error') trace.set(raw.spanId, raw);
    }
    return page.after;
  });
  notes.push(...pagingNote(kind === 'traces' ? `spans of ${traceIds.length} traces` : kind === 'errors' ? 'error spans' : 'slow spans', read, paged, c.o));
}

/** Correlation ids first, then traces with errors, then the longest, up to `maxTraces`. */
function tracesToExpand(c: Context, spans: Spans): string[] {
  const score = (t: Map<string, RawSpan>) => [...t.values()].reduce((s, x) => Math.max(s, x.durationMs + (x.status === 'error' ? 1e12 : 0)), 0);
  const found = [...spans.entries()].sort((a, b) => score(b[1]) - score(a[1])).map(([id]) => id);
  return [...new Set([...c.plan.correlation.traceIds, ...found])].slice(0, c.o.maxTraces);
}

/** Error and slow spans of the context's window, the most telling traces expanded whole. */
async function readTraces(c: Context): Promise<{ traces: RawTrace[]; notes: string[] }> {
  const spans: Spans = new Map();
  const notes: string[] = [];
  await searchSpans(c, 'errors', spans, notes);
  await searchSpans(c, 'slow', spans, notes);
  const expand = tracesToExpand(c, spans);
  if (expand.length > 0) await searchSpans(c, 'traces', spans, notes, expand);
  const traces = [...spans.entries()].map(([traceId, t]) => ({ traceId, spans: [...t.values()], link: links.trace(c.ui, traceId) }));
  return { traces, notes };
}

async function traces(c: Context): Promise<Collected> {
  const { main, reference } = await withReference(c.plan, c.deps, () => readTraces(c), async (plan, signal) => (await readTraces(referenceContext(c, plan, signal))).traces, { noun: 'traces' });
  const notes = [...main.notes, ...reference.notes];
  if (main.traces.length > 0) notes.push('spans were selected by error status and duration, so per-service counts are not traffic rates');
  const searchLink = (service: string) => links.spans(c.ui, c.plan, spansQuery(c.plan, [service], c.o, 'errors'));
  return { ranked: summarizeTraces(main.traces, gridForWindow(c.plan.window), searchLink, reference.items), notes, noun: 'trace summaries', keptBecause: 'per-service stats first, then error and slowest traces' };
}

/** The same searches over a reference window: fewer services, pages, lines and traces, under the reference's own signal. */
function referenceContext(c: Context, plan: EvidencePlan, signal: AbortSignal): Context {
  const o = { ...c.o, maxPages: referenceBound(c.o.maxPages), pageSize: referenceBound(c.o.pageSize), maxTraces: referenceBound(c.o.maxTraces) };
  return { ...c, plan, o, services: c.services.slice(0, referenceServiceBound(c.plan, c.o.maxServices)), signal };
}

/** Never throws, so even a misconfigured backend's error says what would have been searched. */
function describe(plan: EvidencePlan): ProviderQuery {
  const o = DatadogOptions.safeParse(plan.backend.options).data ?? DatadogOptions.parse({});
  return { text: describeSearch(plan, o), target: apiBase(plan, o), window: plan.window };
}

const bounded = (notes: string[]) => (notes.length > 20 ? [...notes.slice(0, 19), `${notes.length - 19} more notes left out`] : notes).map((n) => n.slice(0, 500));
const collectors = { metrics, logs, traces } as const;

export const datadogProvider: EvidenceProvider = {
  type: 'datadog',
  classes: ['metrics', 'logs', 'traces'],
  describe,
  async query(plan, deps): Promise<ProviderFindings> {
    const o = datadogOptions(plan);
    const { searched, skipped } = servicesOf(plan, o.maxServices);
    const collect = collectors[plan.evidenceClass as keyof typeof collectors];
    if (!collect) return { query: describe(plan), items: [], notes: [`Datadog serves metrics, logs and traces, not ${plan.evidenceClass}`] };
    const c: Context = { plan, o, api: apiBase(plan, o), ui: uiBase(o), headers: await datadogHeaders(plan, deps), services: searched, deps, signal: deps.signal };
    const { ranked, notes, noun, keptBecause } = await collect(c);
    if (skipped.length > 0) notes.unshift(`queried ${searched.length} services (limit ${o.maxServices}); not queried: ${skipped.join(', ')}`);
    if (searched.length === 0 && plan.evidenceClass === 'metrics') notes.unshift('the plan named no service, so no per-service metric query was run');
    const fitted = fitToBudget(ranked, plan.limits.maxBytes, noun, keptBecause, plan.limits.maxItems);
    return { query: describe(plan), items: fitted.items, notes: bounded([...notes, ...fitted.notes]) };
  },
};
