import { CloudWatchClient, GetMetricDataCommand, type MessageData, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One CloudWatch client per region, kept for the life of the container. */
export const cloudwatchFor = clientsByRegion((region, config) => new CloudWatchClient({ region, ...config }));

/** Pages followed per call: 120 points × 500 queries fit in one page; more pages mean a wider window than planned. */
export const MAX_PAGES = 10;

export interface MetricDataPages {
  /** One result per query id, its pages' timestamps and values joined. */
  results: Map<string, { timestamps: Date[]; values: number[]; status?: string; messages: MessageData[] }>;
  messages: MessageData[];
  pages: number;
  /** True when NextToken was still set after MAX_PAGES. */
  truncated: boolean;
}

/** GetMetricData, following NextToken up to MAX_PAGES, every call bound to the provider's deadline. */
export async function getMetricData(
  client: CloudWatchClient,
  input: { queries: MetricDataQuery[]; start: Date; end: Date },
  signal: AbortSignal,
  where: string,
): Promise<MetricDataPages> {
  const out: MetricDataPages = { results: new Map(), messages: [], pages: 0, truncated: false };
  let nextToken: string | undefined;
  do {
    const page = await callAws(where, signal, () =>
      client.send(
        new GetMetricDataCommand({ MetricDataQueries: input.queries, StartTime: input.start, EndTime: input.end, ScanBy: 'TimestampAscending', ...(nextToken ? { NextToken: nextToken } : {}) }),
        { abortSignal: signal },
      ),
    );
    out.pages++;
    out.messages.push(...(page.Messages ?? []));
    for (const r of page.MetricDataResults ?? []) merge(out, r);
    nextToken = page.NextToken;
  } while (nextToken && out.pages < MAX_PAGES);
  out.truncated = Boolean(nextToken);
  return out;
}

function merge(out: MetricDataPages, r: MetricDataResult): void {
  if (!r.Id) return;
  const seen = out.results.get(r.Id) ?? { timestamps: [], values: [], messages: [] };
  seen.timestamps.push(...(r.Timestamps ?? []));
  seen.values.push(...(r.Values ?? []));
  seen.messages.push(...(r.Messages ?? []));
  if (r.StatusCode) seen.status = r.StatusCode;
  out.results.set(r.Id, seen);
}
