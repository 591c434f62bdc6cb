import { BatchGetTracesCommand, GetTraceSummariesCommand, XRayClient, type Trace, type TraceSummary } from '@aws-sdk/client-xray';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One X-Ray client per region, kept for the life of the container. */
export const xrayFor = clientsByRegion((region, config) => new XRayClient({ region, ...config }));

/** Summary pages read per search and range; X-Ray pages are small and slow, so a few carry enough candidates. */
export const MAX_SUMMARY_PAGES = 5;
/** BatchGetTraces takes at most 5 ids per call. */
export const BATCH_SIZE = 5;
const MAX_BATCH_PAGES = 3;

export interface SummaryPages {
  summaries: TraceSummary[];
  /** True when X-Ray had more pages than were read. */
  truncated: boolean;
}

/** GetTraceSummaries for one filter and one range of at most 6 hours, following NextToken up to MAX_SUMMARY_PAGES or until `enough` summaries. */
export async function getTraceSummaries(
  client: XRayClient,
  input: { start: Date; end: Date; filter: string; timeRangeType: 'TraceId' | 'Event'; enough: number },
  signal: AbortSignal,
  where: string,
): Promise<SummaryPages> {
  const out: SummaryPages = { summaries: [], truncated: false };
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await callAws(`${where} GetTraceSummaries`, signal, () =>
      client.send(
        new GetTraceSummariesCommand({
          StartTime: input.start,
          EndTime: input.end,
          TimeRangeType: input.timeRangeType,
          Sampling: false,
          ...(input.filter ? { FilterExpression: input.filter } : {}),
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
        { abortSignal: signal },
      ),
    );
    pages++;
    out.summaries.push(...(page.TraceSummaries ?? []));
    nextToken = page.NextToken;
  } while (nextToken && pages < MAX_SUMMARY_PAGES && out.summaries.length < input.enough);
  out.truncated = Boolean(nextToken);
  return out;
}

/** BatchGetTraces, 5 ids per call, each call's NextToken followed a few times for traces with many segments. */
export async function batchGetTraces(client: XRayClient, ids: readonly string[], signal: AbortSignal, where: string): Promise<{ traces: Trace[]; unprocessed: string[] }> {
  const traces = new Map<string, Trace>();
  const unprocessed: string[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const batch = ids.slice(i, i + BATCH_SIZE);
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await callAws(`${where} BatchGetTraces`, signal, () =>
        client.send(new BatchGetTracesCommand({ TraceIds: batch, ...(nextToken ? { NextToken: nextToken } : {}) }), { abortSignal: signal }),
      );
      pages++;
      for (const t of page.Traces ?? []) {
        if (!t.Id) continue;
        const seen = traces.get(t.Id);
        traces.set(t.Id, seen ? { ...seen, Segments: [...(seen.Segments ?? []), ...(t.Segments ?? [])] } : t);
      }
      unprocessed.push(...(page.UnprocessedTraceIds ?? []));
      nextToken = page.NextToken;
    } while (nextToken && pages < MAX_BATCH_PAGES);
  }
  return { traces: [...traces.values()], unprocessed: [...new Set(unprocessed)] };
}
