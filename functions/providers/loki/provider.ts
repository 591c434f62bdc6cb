import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { fitToBudget, listedFirst } from '../shared/budget.js';
import { referenceBound, referenceServiceBound, withReference } from '../shared/reference.js';
import { gridForWindow } from '../shared/grid.js';
import { logPatterns, TemplateMiner, type RawLogLine } from '../shared/logs.js';
import { apiBase, displayBase, exploreLink, hhmm, mapBounded, requestHeaders } from '../grafana-common.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { getStreams } from './client.js';
import { entriesOf } from './normalize.js';
import { LokiOptions, lokiOptions, serviceLabelOf } from './options.js';
import { logql, rangeUrl, servicesOf, toNs, type Target } from './translate.js';

/*
 * Logs from Loki: each planned service's lines over the window, newest first, paged
 * backwards by time up to a bound; when a service logs more than that, the older part
 * of the window is read through an error filter. Lines fold into templates per service.
 */

interface Ctx {
  plan: EvidencePlan;
  options: LokiOptions;
  base: string;
  headers: Record<string, string>;
  label: string;
  signal: AbortSignal;
}

interface Read {
  lines: number;
  covered: boolean;
  /** The oldest line read, when the pages ran out before the window's start. */
  oldestNs: bigint;
}

const clock = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString().slice(11, 19) + 'Z';

/**
 * Pages backwards from `endNs` until a page comes back short (the window is covered) or
 * `maxPages` is reached. Loki's `end` is exclusive, so the next page ends one nanosecond
 * after the oldest line read, and lines already read at that nanosecond are skipped.
 */
async function readBackwards(ctx: Ctx, query: string, service: string | undefined, startNs: bigint, endNs: bigint, sink: (line: RawLogLine) => void): Promise<Read> {
  const { limit, maxPages } = ctx.options;
  let end = endNs;
  let lines = 0;
  let seenAtOldest = new Set<string>();
  let oldest = endNs;
  for (let page = 0; page < maxPages; page++) {
    const entries = entriesOf(await getStreams(rangeUrl(ctx.base, query, startNs, end, limit), ctx.headers, ctx.signal), ctx.label, service);
    let fresh = 0;
    for (const e of entries) {
      if (seenAtOldest.has(e.key)) continue;
      sink(e.line);
      fresh++;
      if (e.ns < oldest) oldest = e.ns;
    }
    lines += fresh;
    if (entries.length < limit || fresh === 0) return { lines, covered: true, oldestNs: oldest };
    const atOldest = entries.filter((e) => e.ns === oldest).map((e) => e.key);
    seenAtOldest = end === oldest + 1n ? new Set([...seenAtOldest, ...atOldest]) : new Set(atOldest);
    end = oldest + 1n;
  }
  return { lines, covered: false, oldestNs: oldest };
}

/** Reads one target's lines (one service's, every service's, or the unlisted ones') over the context's window into `sink`; says what was left out. */
async function readLines(ctx: Ctx, target: Target, sink: (line: RawLogLine) => void): Promise<string | undefined> {
  const { plan, options, label } = ctx;
  const startNs = toNs(Date.parse(plan.window.from));
  const endNs = toNs(Date.parse(plan.window.to));
  const service = typeof target === 'string' ? target : undefined;
  const full = await readBackwards(ctx, logql(label, target, options, false), service, startNs, endNs, sink);
  if (full.covered) return undefined;
  const who = service ?? (target === undefined ? 'all services' : 'the services the plan did not list');
  const older = await readBackwards(ctx, logql(label, target, options, true), service, startNs, full.oldestNs, sink);
  const note = `${who}: read the newest ${full.lines} lines in full (from ${clock(full.oldestNs)}); before that only lines matching ${options.errorFilter}`;
  return older.covered ? note : `${note}, themselves capped at ${older.lines} lines back to ${clock(older.oldestNs)}`;
}

/** Reads one target into its own miner, with what was left out. */
async function readService(ctx: Ctx, target: Target): Promise<{ target: Target; miner: TemplateMiner; note?: string }> {
  const miner = new TemplateMiner(gridForWindow(ctx.plan.window));
  const note = await readLines(ctx, target, (line) => miner.add(line));
  return { target, miner, ...(note ? { note } : {}) };
}

/**
 * The reads of a plan: each service it names, or every service when it names none; a
 * plan asking for `unlisted` services adds one read of every service but those, so the
 * pieces its topology leaves out cost one service's pages, not one read each.
 */
function targetsOf(plan: EvidencePlan, services: readonly string[]): Target[] {
  if (services.length === 0) return [undefined];
  return plan.unlisted ? [...services, { except: services }] : [...services];
}

/** The same reads over a reference window: fewer services, pages and lines per page, one service at a time. */
async function referenceLines(ctx: Ctx, plan: EvidencePlan, signal: AbortSignal): Promise<RawLogLine[]> {
  const options = { ...ctx.options, limit: referenceBound(ctx.options.limit), maxPages: referenceBound(ctx.options.maxPages), maxServices: referenceServiceBound(ctx.plan, ctx.options.maxServices), concurrency: referenceBound(ctx.options.concurrency) };
  const refCtx: Ctx = { ...ctx, plan, options, signal };
  const { services } = servicesOf(plan, options.maxServices);
  const lines: RawLogLine[] = [];
  await mapBounded(services.length > 0 ? services : [undefined], options.concurrency, (service) => readLines(refCtx, service, (line) => lines.push(line)));
  return lines;
}

/** Reads like the LogQL a person would run, with the range and the paging bound. */
function describe(plan: EvidencePlan): ProviderQuery {
  const parsed = LokiOptions.safeParse(plan.backend.options);
  const options = parsed.success ? parsed.data : LokiOptions.parse({});
  const label = serviceLabelOf(plan);
  const { services } = servicesOf(plan, options.maxServices);
  const first = logql(label, services[0], options, false);
  const more = services.length > 1 ? ` and ${services.length - 1} more services (${services.slice(1, 6).join(', ')}${services.length > 6 ? ', …' : ''})` : '';
  const others = plan.unlisted && services.length > 0 ? `, then ${logql(label, { except: services }, options, false)}` : '';
  const text = `LogQL ${first}${more}${others} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}, newest first, up to ${options.maxPages} pages of ${options.limit} lines per service`;
  const target = plan.backend.endpoint ? displayBase(`${plan.backend.endpoint.replace(/\/+$/, '')}${options.pathPrefix}`) : '(no endpoint configured)';
  return { text: text.slice(0, 4000), target, window: plan.window };
}

async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
  const options = lokiOptions(plan);
  const ctx: Ctx = { plan, options, base: apiBase(plan, options), headers: await requestHeaders(plan, options, deps), label: serviceLabelOf(plan), signal: deps.signal };
  const { services, omitted } = servicesOf(plan, options.maxServices);
  const { main: reads, reference } = await withReference(
    plan,
    deps,
    () => mapBounded(targetsOf(plan, services), options.concurrency, (target) => readService(ctx, target)),
    (refPlan, signal) => referenceLines(ctx, refPlan, signal),
    { noun: 'log lines' },
  );
  const ranked = reads.flatMap(({ target, miner }) => {
    const link = exploreLink(options, { expr: logql(ctx.label, target, options, false), queryType: 'range', editorMode: 'code' }, plan.window);
    const own = target === undefined ? reference.items : typeof target === 'string' ? reference.items.filter((line) => line.service === target) : reference.items.filter((line) => !target.except.includes(line.service));
    return logPatterns(miner, Date.parse(plan.alertAt), link, own);
  });
  const capped = reads.flatMap((r) => (r.note ? [r.note] : []));
  const notes = [
    ...(omitted.length > 0 ? [`read the first ${options.maxServices} services; not read: ${omitted.slice(0, 10).join(', ')}${omitted.length > 10 ? ', …' : ''}`] : []),
    ...capped.slice(0, 5).map((n) => n.slice(0, 500)),
    ...(capped.length > 5 ? [`${capped.length - 5} more services logged more than ${options.maxPages} pages and were read the same way`] : []),
    ...reference.notes,
  ];
  const fitted = fitToBudget(listedFirst(ranked, plan), plan.limits.maxBytes, 'log patterns', 'errors and the patterns that changed first', plan.limits.maxItems);
  return { query: describe(plan), items: fitted.items, notes: [...notes, ...fitted.notes].slice(0, 20) };
}

/** Loki logs folded into templates per service, errors and changed patterns first. */
export const lokiProvider: EvidenceProvider = { type: 'loki', classes: ['logs'], describe, query };
