import { readFileSync } from 'node:fs';
import {
  CloudWatchLogsClient,
  CloudWatchLogsServiceException,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type GetQueryResultsCommandOutput,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { createCloudWatchLogsProvider, POLL_BUDGET_MS } from '../../../../functions/providers/cloudwatch-logs/provider.js';
import { CloudWatchLogsOptions } from '../../../../functions/providers/cloudwatch-logs/options.js';
import { translate } from '../../../../functions/providers/cloudwatch-logs/translate.js';
import { levelOf } from '../../../../functions/providers/cloudwatch-logs/normalize.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError } from '../../../../functions/shared/http-client.js';

const logs = mockClient(CloudWatchLogsClient);
const complete = JSON.parse(readFileSync(new URL('../../../fixtures/providers/cloudwatch-logs/get-query-results-complete.json', import.meta.url), 'utf8')) as GetQueryResultsCommandOutput;

/** A clock that only moves when the provider sleeps, so polling is tested without waiting. */
function fakeTiming() {
  const clock = { now: 1_000_000, sleeps: [] as number[] };
  return { clock, timing: { now: () => clock.now, sleep: async (ms: number) => void (clock.sleeps.push(ms), (clock.now += ms)) } };
}

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });

function plan(options: Record<string, unknown>, over: Partial<EvidencePlan> = {}, serviceLabel?: string): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'cw-logs',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'logs',
    backend: { id: 'aws-logs', type: 'cloudwatch-logs', classes: ['logs'], region: 'eu-west-1', ...(serviceLabel ? { serviceLabel } : {}), options },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['web', 'orders'],
    correlation: {},
    limits: { maxBytes: 48 * 1024 },
    ...over,
  });
}

const perService = { logGroupPrefix: '/ecs/' };
const FIELDS = 'fields @timestamp, @message, @logStream, @log, level, traceId';
const PROBLEMS = '(tolower(level) in ["error", "err", "warn", "warning", "fatal", "critical", "crit", "alert", "emerg", "panic", "severe"] or @message like /(?i)\\b(error|exception|fatal|panic|critical|warn|warning|failed|timed? ?out)\\b/)';
const serviceError = (name: string, status: number) =>
  new CloudWatchLogsServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => logs.reset());

describe('cloudwatch-logs translate', () => {
  it('searches one group per service, focus first, without a service filter', () => {
    const request = translate(plan(perService), CloudWatchLogsOptions.parse(perService));
    expect([...request.groups]).toEqual([['/ecs/orders', 'orders'], ['/ecs/web', 'web']]);
    expect(request.recentQuery).toBe(`${FIELDS}\n| sort @timestamp desc\n| limit 10000`);
    expect(request.problemsQuery).toBe(`${FIELDS}\n| filter ${PROBLEMS}\n| sort @timestamp desc\n| limit 10000`);
    expect([request.startTime, request.endTime]).toEqual([Date.parse('2026-06-01T08:00:00Z') / 1000, Date.parse('2026-06-01T09:05:00Z') / 1000]);
  });

  it('filters shared groups on the backend service label, and keeps per-service groups by their name', () => {
    const options = { logGroups: ['/k8s/prod/app-logs', '/aws/lambda/{{service}}'], levelField: 'log.level', limit: 2000 };
    const request = translate(plan(options, {}, 'kubernetes.labels.app'), CloudWatchLogsOptions.parse(options));
    expect([...request.groups.keys()]).toEqual(['/k8s/prod/app-logs', '/aws/lambda/orders', '/aws/lambda/web']);
    expect(request.recentQuery).toBe(
      [
        'fields @timestamp, @message, @logStream, @log, log.level, traceId, kubernetes.labels.app',
        '| filter (kubernetes.labels.app in ["orders", "web"] or @log like /:(\\/aws\\/lambda\\/orders|\\/aws\\/lambda\\/web)$/)',
        '| sort @timestamp desc',
        '| limit 2000',
      ].join('\n'),
    );
  });

  it('quotes odd field names and escapes service names', () => {
    const options = { logGroups: ['/shared'], levelField: 'log-level' };
    const request = translate(plan(options, { services: ['we"b'], focusService: undefined }), CloudWatchLogsOptions.parse(options));
    expect(request.recentQuery).toContain('fields @timestamp, @message, @logStream, @log, `log-level`, traceId, service\n| filter service in ["we\\"b"]');
  });

  it('reads levels from the level field or the message', () => {
    expect([levelOf('ERROR', ''), levelOf('Warning', ''), levelOf('CRITICAL', ''), levelOf(undefined, 'x\tWARN\tretrying'), levelOf(undefined, 'Task timed out after 3.00 seconds'), levelOf('', 'all good')]).toEqual(['error', 'warn', 'fatal', 'warn', 'error', 'info']);
  });

  it('rejects options naming the bad field', async () => {
    const provider = createCloudWatchLogsProvider(fakeTiming().timing);
    await expect(provider.query(plan({}), deps())).rejects.toThrow('backend aws-logs: options.logGroups: set logGroups or logGroupPrefix');
    await expect(provider.query(plan({ ...perService, limit: 50_000 }), deps())).rejects.toThrow(/options\.limit/);
  });
});

describe('cloudwatch-logs provider', () => {
  it('starts the query, polls with a growing interval until Complete, and folds the lines into patterns', async () => {
    const { clock, timing } = fakeTiming();
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolvesOnce({ status: 'Scheduled', results: [] }).resolvesOnce({ status: 'Running', results: [] }).resolvesOnce({ status: 'Running', results: [] }).resolves(complete);
    const d = deps();
    const found = await createCloudWatchLogsProvider(timing).query(plan(perService), d);

    expect(logs.commandCalls(StartQueryCommand)[0]!.args[0].input).toEqual({
      logGroupNames: ['/ecs/orders', '/ecs/web'],
      startTime: 1780300800,
      endTime: 1780304700,
      queryString: `${FIELDS}\n| sort @timestamp desc\n| limit 10000`,
    });
    expect((logs.call(0).args as unknown[])[1]).toEqual({ abortSignal: d.signal });
    expect(logs.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input)).toEqual(Array(4).fill({ queryId: 'q-1' }));
    expect(clock.sleeps).toEqual([250, 375, 563]);
    expect(logs.commandCalls(StartQueryCommand)).toHaveLength(1);

    const patterns = found.items.filter((i) => i.class === 'logs');
    const declined = patterns.find((p) => p.template.includes('payment declined'));
    expect(declined).toMatchObject({ service: 'orders', level: 'error', count: 6, firstSeen: '2026-06-01T08:53:15.105Z', lastSeen: '2026-06-01T08:58:10.100Z' });
    expect(declined?.exemplars[0]?.traceId).toBe('1-665ad0a0-6a1b2c3d4e5f60718293a4b5');
    expect(patterns.find((p) => p.service === 'web')).toMatchObject({ level: 'warn', count: 3 });
    expect(declined?.link).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:logs-insights\$3FqueryDetail\$3D~\(end~'2026-06-01T09\*3a05\*3a00\.000Z~start~'2026-06-01T08\*3a00\*3a00\.000Z~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields\*20\*40timestamp/);
    expect(declined?.link).toContain("~source~(~'*2fecs*2forders~'*2fecs*2fweb))");
    expect(found.query.text).toBe(`Logs Insights over /ecs/orders, /ecs/web from 08:00–09:05Z: ${FIELDS} | sort @timestamp desc | limit 10000`);
    expect(found.query.target).toBe('https://logs.eu-west-1.amazonaws.com');
    expect(found.notes).toEqual([]);
  });

  it('adds the warnings and errors when more lines matched than one query returns, without counting a line twice', async () => {
    const { timing } = fakeTiming();
    logs.on(StartQueryCommand).resolvesOnce({ queryId: 'recent' }).resolvesOnce({ queryId: 'problems' });
    const recent = { ...complete, statistics: { ...complete.statistics, recordsMatched: 250_000 } };
    const problemsRows = complete.results!.filter((r) => r.some((f) => f.value === 'error'));
    const extra: ResultField[] = [{ field: '@timestamp', value: '2026-06-01 08:20:00.000' }, { field: '@message', value: 'ERROR connection pool exhausted (size 20)' }, { field: '@log', value: '123456789012:/ecs/orders' }, { field: '@ptr', value: 'extra-1' }];
    logs.on(GetQueryResultsCommand, { queryId: 'recent' }).resolves(recent);
    logs.on(GetQueryResultsCommand, { queryId: 'problems' }).resolves({ status: 'Complete', results: [...problemsRows, extra], statistics: { recordsMatched: 7 } });
    const found = await createCloudWatchLogsProvider(timing).query(plan(perService), deps());
    expect(logs.commandCalls(StartQueryCommand)[1]!.args[0].input.queryString).toBe(`${FIELDS}\n| filter ${PROBLEMS}\n| sort @timestamp desc\n| limit 10000`);
    expect(found.items.find((i) => i.class === 'logs' && i.template.includes('payment declined'))).toMatchObject({ count: 6 });
    expect(found.items.find((i) => i.class === 'logs' && i.template.includes('pool exhausted'))).toMatchObject({ level: 'error', count: 1 });
    expect(found.notes).toEqual(['250000 lines matched; read the 14 most recent and 7 warnings and errors']);
  });

  it('stops a query still running at the deadline and ends with a named timeout', async () => {
    const { clock, timing } = fakeTiming();
    logs.on(StartQueryCommand).resolves({ queryId: 'slow' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running', results: [] });
    logs.on(StopQueryCommand).resolves({ success: true });
    const provider = createCloudWatchLogsProvider(timing);
    await expect(provider.query(plan(perService), deps())).rejects.toThrow(`the backend did not answer within ${POLL_BUDGET_MS} ms`);
    expect(logs.commandCalls(StopQueryCommand)[0]!.args[0].input).toEqual({ queryId: 'slow' });
    expect(clock.now - 1_000_000).toBeLessThanOrEqual(POLL_BUDGET_MS);
    expect(Math.max(...clock.sleeps)).toBe(2000);
    const result = await runProvider(provider, plan(perService));
    expect(result).toMatchObject({ status: 'error', error: { name: 'ProviderTimeoutError', retryable: false }, query: { target: 'https://logs.eu-west-1.amazonaws.com' } });
  });

  it('keeps the recent lines when the warnings-and-errors query runs out of time', async () => {
    const { timing } = fakeTiming();
    logs.on(StartQueryCommand).resolvesOnce({ queryId: 'recent' }).resolvesOnce({ queryId: 'problems' });
    logs.on(GetQueryResultsCommand, { queryId: 'recent' }).resolves({ ...complete, statistics: { recordsMatched: 99_999 } });
    logs.on(GetQueryResultsCommand, { queryId: 'problems' }).resolves({ status: 'Running', results: [] });
    logs.on(StopQueryCommand).rejects(serviceError('InvalidParameterException', 400));
    const found = await createCloudWatchLogsProvider(timing).query(plan(perService), deps());
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes?.[0]).toBe(`the warnings-and-errors query ended at the ${POLL_BUDGET_MS / 1000} s deadline; only the 14 most recent lines were read`);
  });

  it('names a failed query, and says what it searched when nothing matched', async () => {
    const { timing } = fakeTiming();
    logs.on(StartQueryCommand).resolves({ queryId: 'q' });
    logs.on(GetQueryResultsCommand).resolvesOnce({ status: 'Failed', results: [] }).resolves({ status: 'Complete', results: [], statistics: { recordsMatched: 0 } });
    const provider = createCloudWatchLogsProvider(timing);
    await expect(provider.query(plan(perService), deps())).rejects.toThrow(new BackendQueryError('Logs Insights query over 2 log groups ended Failed'));
    const result = await runProvider(provider, plan(perService, { services: ['orders'] }));
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { text: `Logs Insights over /ecs/orders from 08:00–09:05Z: ${FIELDS} | sort @timestamp desc | limit 10000` } });
  });

  it.each([
    ['ThrottlingException', 400, TransientError],
    ['LimitExceededException', 400, TransientError],
    ['ServiceUnavailableException', 503, TransientError],
    ['AccessDeniedException', 400, BackendAuthError],
    ['MalformedQueryException', 400, BackendQueryError],
    ['ResourceNotFoundException', 400, BackendQueryError],
  ] as const)('classifies %s from StartQuery', async (name, status, type) => {
    logs.on(StartQueryCommand).rejects(serviceError(name, status));
    const failure = createCloudWatchLogsProvider(fakeTiming().timing).query(plan(perService), deps());
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(failure).rejects.toThrow(`CloudWatch Logs in eu-west-1 StartQuery: ${name}`);
  });

  it('hands throttling while polling to ASL', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q' });
    logs.on(GetQueryResultsCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(createCloudWatchLogsProvider(fakeTiming().timing), plan(perService))).rejects.toBeInstanceOf(TransientError);
  });

  it('stays under the byte budget with 10,000 varied lines', async () => {
    const rows: ResultField[][] = Array.from({ length: 10_000 }, (_, i) => [
      { field: '@timestamp', value: new Date(Date.parse('2026-06-01T08:00:00Z') + i * 390).toISOString().replace('T', ' ').replace('Z', '') },
      { field: '@message', value: `${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'][i % 7]} step ${['one', 'two', 'three', 'four', 'five'][i % 5]} ${'x'.repeat(i % 40)} stage ${['red', 'blue', 'green'][i % 3]} ${i}` },
      { field: '@log', value: `123456789012:/ecs/${i % 2 ? 'orders' : 'web'}` },
      { field: 'level', value: i % 11 === 0 ? 'ERROR' : 'INFO' },
      { field: '@ptr', value: `p${i}` },
    ]);
    logs.on(StartQueryCommand).resolves({ queryId: 'q' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Complete', results: rows, statistics: { recordsMatched: 10_000 } });
    const p = plan(perService);
    const found = await createCloudWatchLogsProvider(fakeTiming().timing).query({ ...p, limits: { ...p.limits, maxBytes: 8 * 1024 } }, deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(8 * 1024);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of \d+ log patterns/);
  });
});
