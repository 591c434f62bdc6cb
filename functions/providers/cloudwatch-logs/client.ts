import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type GetQueryResultsCommandOutput,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One CloudWatch Logs client per region, kept for the life of the container. */
export const logsClientFor = clientsByRegion((region, config) => new CloudWatchLogsClient({ region, ...config }));

/** Waits `ms`, or rejects as soon as `signal` aborts. Injected in tests so polling takes no real time. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export interface PollContext {
  client: CloudWatchLogsClient;
  signal: AbortSignal;
  sleep: Sleep;
  now: () => number;
  /** Epoch ms after which the query is stopped. */
  deadlineAt: number;
  where: string;
}

export interface QueryOutcome {
  /** Logs Insights' final status, or `Deadline` when we stopped it ourselves. */
  status: string;
  rows: ResultField[][];
  recordsMatched?: number;
}

const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 2_000;
const FINAL = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);

/**
 * StartQuery, then GetQueryResults with an interval growing from 250 ms to 2 s until a
 * final status; past the deadline the query is stopped (StopQuery) so it does not run on
 * in the account, and the outcome says `Deadline`.
 */
export async function runInsightsQuery(ctx: PollContext, input: { logGroupNames: string[]; queryString: string; startTime: number; endTime: number }): Promise<QueryOutcome> {
  const { client, signal, where } = ctx;
  const started = await callAws(`${where} StartQuery`, signal, () => client.send(new StartQueryCommand(input), { abortSignal: signal }));
  const queryId = started.queryId;
  if (!queryId) return { status: 'Failed', rows: [] };
  let interval = FIRST_POLL_MS;
  let last: GetQueryResultsCommandOutput | undefined;
  for (;;) {
    last = await callAws(`${where} GetQueryResults`, signal, () => client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal }));
    const status = last.status ?? 'Unknown';
    if (FINAL.has(status)) return { status, rows: last.results ?? [], ...(last.statistics?.recordsMatched !== undefined ? { recordsMatched: last.statistics.recordsMatched } : {}) };
    if (ctx.now() + interval >= ctx.deadlineAt) break;
    await ctx.sleep(interval, signal);
    interval = Math.min(MAX_POLL_MS, Math.round(interval * 1.5));
  }
  await client.send(new StopQueryCommand({ queryId }), { abortSignal: signal }).catch(() => undefined);
  return { status: 'Deadline', rows: last?.results ?? [] };
}
