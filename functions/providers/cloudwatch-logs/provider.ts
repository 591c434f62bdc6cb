import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { cloudwatchConsole, jsurl } from '../../shared/aws-console.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { PROVIDER_DEADLINE_MS, ProviderTimeoutError } from '../handler-factory.js';
import { fitToBudget } from '../shared/budget.js';
import { gridForWindow } from '../shared/grid.js';
import { TemplateMiner, logPatterns, type RawLogLine } from '../shared/logs.js';
import { REFERENCE_BUDGET_MS, referenceBound, withReference } from '../shared/reference.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { logsClientFor, realSleep, runInsightsQuery, type PollContext, type QueryOutcome, type Sleep } from './client.js';
import { toLine } from './normalize.js';
import { CloudWatchLogsOptions } from './options.js';
import { describeRequest, translate, type LogsRequest } from './translate.js';

/*
 * CloudWatch Logs Insights: the most recent lines of the planned services, plus their
 * warnings and errors alone when there were more lines than one query returns, folded
 * into templates under the byte budget.
 */

/** Polling stops this long before the provider's own deadline, leaving time to stop the query and summarize. */
export const POLL_BUDGET_MS = PROVIDER_DEADLINE_MS - 10_000;

/** The Logs Insights console with the same groups, query and range; groups are dropped from the link before it outgrows 2 KiB. */
export function insightsLink(region: string, request: LogsRequest): string {
  const groups = [...request.groups.keys()];
  for (let n = groups.length; n >= 0; n--) {
    const detail = jsurl({
      end: new Date(request.endTime * 1000).toISOString(),
      start: new Date(request.startTime * 1000).toISOString(),
      timeType: 'ABSOLUTE',
      tz: 'UTC',
      editorString: request.recentQuery,
      source: groups.slice(0, n),
    });
    const link = `${cloudwatchConsole(region)}#logsV2:logs-insights${encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$')}`;
    if (link.length <= 2048) return link;
  }
  return `${cloudwatchConsole(region)}#logsV2:logs-insights`;
}

function asked(plan: EvidencePlan, request: LogsRequest, region: string): ProviderQuery {
  return { text: describeRequest(plan, request), target: serviceEndpoint('logs', region), window: plan.window };
}

interface Lines {
  lines: RawLogLine[];
  notes: string[];
}

/**
 * The most recent lines of the request's groups, then (when more matched than one query
 * returns) their warnings and errors alone, as log lines with what was left out. A recent
 * query that does not complete fails the read.
 */
async function readLines(ctx: PollContext, request: LogsRequest, options: CloudWatchLogsOptions, budgetMs: number): Promise<Lines> {
  const base = { logGroupNames: [...request.groups.keys()], startTime: request.startTime, endTime: request.endTime };
  const notes: string[] = [];
  const recent = await runInsightsQuery(ctx, { ...base, queryString: request.recentQuery });
  if (recent.status === 'Deadline') throw new ProviderTimeoutError(budgetMs);
  if (recent.status !== 'Complete') throw new BackendQueryError(`Logs Insights query over ${base.logGroupNames.length} log groups ended ${recent.status}`);
  const outcomes: QueryOutcome[] = [recent];
  if (recent.recordsMatched !== undefined && recent.recordsMatched > recent.rows.length) {
    const problems = await runInsightsQuery(ctx, { ...base, queryString: request.problemsQuery });
    if (problems.status === 'Complete') outcomes.push(problems);
    else notes.push(`the warnings-and-errors query ended ${problems.status === 'Deadline' ? `at the ${budgetMs / 1000} s deadline` : problems.status}; only the ${recent.rows.length} most recent lines were read`);
    notes.push(`${recent.recordsMatched} lines matched; read the ${recent.rows.length} most recent${problems.status === 'Complete' ? ` and ${problems.rows.length} warnings and errors` : ''}`);
  }
  const lines: RawLogLine[] = [];
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    for (const row of outcome.rows) {
      const parsed = toLine(row, request, { level: options.levelField, traceId: options.traceIdField });
      if (!parsed || (parsed.ptr && seen.has(parsed.ptr))) continue;
      if (parsed.ptr) seen.add(parsed.ptr);
      lines.push(parsed.line);
    }
  }
  return { lines, notes };
}

/** Builds the provider; tests inject `sleep` and `now` so polling runs without real waiting. */
export function createCloudWatchLogsProvider(timing: { sleep: Sleep; now: () => number } = { sleep: realSleep, now: Date.now }): EvidenceProvider {
  return {
    type: 'cloudwatch-logs',
    classes: ['logs'],
    describe(plan) {
      return describeAwsQuery(plan, CloudWatchLogsOptions, 'Logs Insights', 'logs', (options, region) => asked(plan, translate(plan, options), region));
    },
    async query(plan, deps): Promise<ProviderFindings> {
      const options = parseOptions(CloudWatchLogsOptions, plan.backend);
      const region = regionOf(plan.backend);
      const request = translate(plan, options);
      const query = asked(plan, request, region);
      if (request.groups.size === 0) throw new BackendQueryError(`no log group to search: options.logGroups and logGroupPrefix are per service and the plan names no service`);
      const client = logsClientFor(region, options.roleArn, plan.tenantId);
      const where = `CloudWatch Logs in ${region}`;
      const pollCtx = (signal: AbortSignal, budgetMs: number): PollContext => ({ client, signal, sleep: timing.sleep, now: timing.now, deadlineAt: timing.now() + budgetMs, where });
      // One Logs Insights query per reference window runs beside the incident's: two or three of the account's concurrent queries.
      const refOptions = { ...options, limit: referenceBound(options.limit) };
      const { main, reference } = await withReference(
        plan,
        deps,
        () => readLines(pollCtx(deps.signal, POLL_BUDGET_MS), request, options, POLL_BUDGET_MS),
        async (refPlan, signal) => (await readLines(pollCtx(signal, REFERENCE_BUDGET_MS), translate(refPlan, refOptions), refOptions, REFERENCE_BUDGET_MS)).lines,
        { noun: 'log lines' },
      );
      const miner = new TemplateMiner(gridForWindow(plan.window));
      for (const line of main.lines) miner.add(line);
      const notes = [...main.notes, ...reference.notes];
      if (reference.notes.some((n) => n.includes('returned no log lines'))) notes.push('Logs Insights reads only what the log groups still retain: a reference older than their retention period is empty');
      if (request.droppedGroups > 0) notes.push(`${request.droppedGroups} log groups beyond the ${request.groups.size} StartQuery accepts were not searched`);
      const fitted = fitToBudget(logPatterns(miner, Date.parse(plan.alertAt), insightsLink(region, request), reference.items), plan.limits.maxBytes, 'log patterns', 'errors and the patterns that changed first', plan.limits.maxItems);
      return { query, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
    },
  };
}

/** The provider for backend type `cloudwatch-logs`. */
export const cloudwatchLogsProvider = createCloudWatchLogsProvider();
