import type { TraceSummary, XRayClient } from '@aws-sdk/client-xray';
import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { cloudwatchConsole, jsurl } from '../../shared/aws-console.js';
import { fitToBudget } from '../shared/budget.js';
import { referenceBound, withReference } from '../shared/reference.js';
import { gridForWindow } from '../shared/grid.js';
import { summarizeTraces, type RawTrace } from '../shared/traces.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { batchGetTraces, getTraceSummaries, xrayFor } from './client.js';
import { toRawTrace } from './normalize.js';
import { XRayOptions } from './options.js';
import { describeRequest, translate, type XRayRequest } from './translate.js';

/*
 * AWS X-Ray: the alert's own trace ids, then failing, slow and ordinary traces of the
 * planned services (GetTraceSummaries), read whole (BatchGetTraces) and reduced to
 * per-service stats and exemplars under the byte budget.
 */

function asked(plan: EvidencePlan, request: XRayRequest, region: string): ProviderQuery {
  return { text: describeRequest(plan, request), target: serviceEndpoint('xray', region), window: plan.window };
}

/** The time a summary's trace started: its StartTime, else the epoch seconds in its id. */
const startOf = (s: TraceSummary) => s.StartTime?.getTime() ?? parseInt(s.Id?.split('-')[1] ?? '0', 16) * 1000;

/** Picks `k` summaries spread evenly over time, so a sample shows before and after onset alike. */
export function spread(summaries: readonly TraceSummary[], k: number): TraceSummary[] {
  const sorted = [...summaries].sort((a, b) => startOf(a) - startOf(b));
  if (sorted.length <= k) return sorted;
  return Array.from({ length: k }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / k)]!);
}

/** The X-Ray console for one trace, and a service's traces over the window. */
export function traceLink(region: string, traceId: string): string {
  return `${cloudwatchConsole(region)}#xray:traces/${traceId}`;
}
export function serviceTracesLink(region: string, xrayName: string, window: { from: string; to: string }): string {
  const state = jsurl({ query: { expression: `service("${xrayName}")` }, context: { timeRange: { end: new Date(window.to).toISOString(), start: new Date(window.from).toISOString() } } });
  return `${cloudwatchConsole(region)}#xray:traces/query?${state}`.slice(0, 2048);
}

/** X-Ray keeps traces this long; a reference window older than that has nothing to return. */
export const XRAY_RETENTION_MS = 30 * 86_400_000;

/** Correlation ids, then failing, slow and ordinary traces spread over `plan`'s window, read whole, as raw traces. */
async function readTraces(plan: EvidencePlan, options: XRayOptions, client: XRayClient, region: string, signal: AbortSignal): Promise<{ traces: RawTrace[]; notes: string[] }> {
  const request = translate(plan, options);
  const where = `X-Ray in ${region}`;
  const notes: string[] = [];
  const ids = new Set(request.traceIds.slice(0, options.maxTraces));
  let matched = 0;
  for (const search of request.searches) {
    const quota = Math.max(1, Math.round(options.maxTraces * search.share));
    const found: TraceSummary[] = [];
    for (const range of request.ranges) {
      const pages = await getTraceSummaries(client, { ...range, filter: search.filter, timeRangeType: options.timeRangeType, enough: 4 * quota }, signal, where);
      found.push(...pages.summaries);
      if (pages.truncated) notes.push(`${search.kind} search: more trace summaries than the pages read; a sample spread over time was kept`);
    }
    const fresh = found.filter((s) => s.Id && !ids.has(s.Id));
    matched += fresh.length;
    for (const s of spread(fresh, Math.min(quota, options.maxTraces - ids.size))) ids.add(s.Id!);
  }
  const { traces, unprocessed } = await batchGetTraces(client, [...ids], signal, where);
  const byXrayName = new Map(Object.entries(options.serviceNames).map(([svc, name]) => [name, svc]));
  const serviceOf = (name: string) => byXrayName.get(name) ?? name;
  const raws: RawTrace[] = [];
  let unreadable = 0;
  for (const t of traces) {
    const parsed = toRawTrace(t, serviceOf, traceLink(region, t.Id ?? ''));
    unreadable += parsed.unreadable;
    if (parsed.trace.spans.length > 0) raws.push(parsed.trace);
  }
  if (matched + request.traceIds.length > ids.size) notes.push(`read ${traces.length} whole traces of ${matched + request.traceIds.length} found: correlation ids, then errors, slow and ordinary traces spread over the window`);
  if (unprocessed.length > 0) notes.push(`X-Ray did not return ${unprocessed.length} traces: ${unprocessed.slice(0, 5).join(', ')}`);
  if (unreadable > 0) notes.push(`${unreadable} segment documents were not JSON and were skipped`);
  if (request.invalidTraceIds.length > 0) notes.push(`not X-Ray or W3C trace ids, skipped: ${request.invalidTraceIds.slice(0, 5).join(', ')}`);
  if (request.droppedServices > 0) notes.push(`${request.droppedServices} services beyond the first ${request.services.length} were not in the filter`);
  return { traces: raws, notes };
}

/** The provider for backend type `xray`. */
export const xrayProvider: EvidenceProvider = {
  type: 'xray',
  classes: ['traces'],
  describe(plan) {
    return describeAwsQuery(plan, XRayOptions, 'X-Ray traces', 'xray', (options, region) => asked(plan, translate(plan, options), region));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(XRayOptions, plan.backend);
    const region = regionOf(plan.backend);
    const client = xrayFor(region, options.roleArn, plan.tenantId);
    const refOptions: XRayOptions = { ...options, maxTraces: referenceBound(options.maxTraces) };
    const { main, reference } = await withReference(
      plan,
      deps,
      () => readTraces(plan, options, client, region, deps.signal),
      async (refPlan, signal) => (await readTraces(refPlan, refOptions, client, region, signal)).traces,
      { noun: 'traces', unavailable: (w) => (Date.now() - Date.parse(w.from) > XRAY_RETENTION_MS ? 'X-Ray keeps traces for 30 days' : undefined) },
    );
    const ranked = summarizeTraces(main.traces, gridForWindow(plan.window), (service) => serviceTracesLink(region, options.serviceNames[service] ?? service, plan.window), reference.items);
    const fitted = fitToBudget(ranked, plan.limits.maxBytes, 'trace summaries', 'per-service stats first, then error and slowest traces', plan.limits.maxItems);
    return { query: asked(plan, translate(plan, options), region), items: fitted.items, notes: [...fitted.notes, ...new Set([...main.notes, ...reference.notes])].map((n) => n.slice(0, 500)).slice(0, 20) };
  },
};
