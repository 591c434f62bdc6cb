import { readFileSync } from 'node:fs';
import { CloudWatchClient, CloudWatchServiceException, GetMetricDataCommand, type GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { cloudwatchMetricsProvider } from '../../../../functions/providers/cloudwatch-metrics/provider.js';
import { periodFor, translate, toMetricDataQueries } from '../../../../functions/providers/cloudwatch-metrics/translate.js';
import { CloudWatchMetricsOptions } from '../../../../functions/providers/cloudwatch-metrics/options.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError } from '../../../../functions/shared/http-client.js';

const cw = mockClient(CloudWatchClient);
const fixtures = new URL('../../../fixtures/providers/cloudwatch-metrics/', import.meta.url);

/** Fixture pages as the SDK hands them back: ISO timestamps deserialized into Dates. */
function pages(name: string): GetMetricDataCommandOutput[] {
  const raw = JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as { pages: GetMetricDataCommandOutput[] };
  return raw.pages.map((p) => ({ ...p, MetricDataResults: p.MetricDataResults?.map((r) => ({ ...r, Timestamps: (r.Timestamps as unknown as string[]).map((t) => new Date(t)) })) }));
}

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });

function plan(options: Record<string, unknown>, over: Partial<EvidencePlan> = {}, maxBytes = 48 * 1024): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'cw-metrics',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'metrics',
    backend: { id: 'aws-prod', type: 'cloudwatch-metrics', classes: ['metrics'], region: 'eu-west-1', options },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders', 'web'],
    correlation: {},
    limits: { maxBytes },
    ...over,
  });
}

const ecs = { preset: 'ecs', sharedDimensions: { ClusterName: 'prod' } };
const serviceError = (name: string, status: number, fault: 'client' | 'server' = status >= 500 ? 'server' : 'client') =>
  new CloudWatchServiceException({ name, $fault: fault, $metadata: { httpStatusCode: status, requestId: 'req-1' }, message: `${name} happened` });

beforeEach(() => {
  cw.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:10:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('cloudwatch-metrics translate', () => {
  it('builds one MetricStat per service and template, with the dimensions filled', () => {
    const request = translate(plan({ ...ecs, dimensionValues: { web: 'web-frontend' } }), CloudWatchMetricsOptions.parse({ ...ecs, dimensionValues: { web: 'web-frontend' } }));
    expect(request).toMatchObject({ periodSeconds: 60, startMs: Date.parse('2026-06-01T08:00:00Z'), endMs: Date.parse('2026-06-01T09:05:00Z'), skipped: [], dropped: 0 });
    expect(toMetricDataQueries(request)).toEqual([
      { Id: 'q0', Label: 'orders ecs_cpu_utilization', ReturnData: true, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'orders' }] }, Period: 60, Stat: 'Average' } },
      { Id: 'q1', Label: 'orders ecs_memory_utilization', ReturnData: true, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'orders' }] }, Period: 60, Stat: 'Average' } },
      { Id: 'q2', Label: 'web ecs_cpu_utilization', ReturnData: true, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web-frontend' }] }, Period: 60, Stat: 'Average' } },
      { Id: 'q3', Label: 'web ecs_memory_utilization', ReturnData: true, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web-frontend' }] }, Period: 60, Stat: 'Average' } },
    ]);
  });

  it('queries the other mapped services after the planned ones when the plan asks for unlisted ones', () => {
    const options = { ...ecs, dimensionValues: { 'capacity-b': 'capacity-b-svc', web: 'web-frontend' } };
    const services = (over: Partial<EvidencePlan>) => [...new Set(translate(plan(options, over), CloudWatchMetricsOptions.parse(options)).queries.map((q) => q.service))];
    expect(services({ unlisted: true })).toEqual(['orders', 'web', 'capacity-b']);
    expect(services({})).toEqual(['orders', 'web']);
  });

  it('keeps at most 120 points in multiples of 60 s, coarser for old data', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(periodFor({ from: '2026-06-01T06:00:00Z', to: '2026-06-01T12:00:00Z' }, now)).toBe(180);
    expect(periodFor({ from: '2026-06-01T11:30:00Z', to: '2026-06-01T12:00:00Z' }, now)).toBe(60);
    expect(periodFor({ from: '2026-06-01T11:00:00Z', to: '2026-06-01T12:00:00Z' }, now + 20 * 86_400_000)).toBe(300);
  });

  it('fills named dimensions per service and names what it could not build', () => {
    const options = { preset: ['alb'], dimensionValues: { orders: { TargetGroup: 'targetgroup/orders/6d0ecf831eec9f09' } }, sharedDimensions: { LoadBalancer: 'app/prod/50dc6c495c0c9188' } };
    const request = translate(plan(options), CloudWatchMetricsOptions.parse(options));
    expect(request.queries.map((q) => [q.service, q.template.name, q.dimensions])).toEqual([
      ['orders', 'alb_target_5xx_count', { LoadBalancer: 'app/prod/50dc6c495c0c9188', TargetGroup: 'targetgroup/orders/6d0ecf831eec9f09' }],
      ['orders', 'alb_target_response_time_p90', { LoadBalancer: 'app/prod/50dc6c495c0c9188', TargetGroup: 'targetgroup/orders/6d0ecf831eec9f09' }],
      ['orders', 'alb_request_count', { LoadBalancer: 'app/prod/50dc6c495c0c9188', TargetGroup: 'targetgroup/orders/6d0ecf831eec9f09' }],
    ]);
    expect(request.skipped).toEqual(['web alb_target_5xx_count: no {{TargetGroup}}', 'web alb_target_response_time_p90: no {{TargetGroup}}', 'web alb_request_count: no {{TargetGroup}}']);
  });

  it('queries a fixed-dimension template once, for the service it names', () => {
    const options = { metrics: [{ name: 'db_connections', namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: { DBInstanceIdentifier: 'prod-db' }, stat: 'Maximum', service: 'postgres' }] };
    const request = translate(plan(options), CloudWatchMetricsOptions.parse(options));
    expect(request.queries).toHaveLength(1);
    expect(request.queries[0]).toMatchObject({ service: 'postgres', dimensions: { DBInstanceIdentifier: 'prod-db' } });
  });

  it('rejects options naming the bad field', async () => {
    await expect(cloudwatchMetricsProvider.query(plan({ preset: 'ec2' }), deps())).rejects.toThrow(/backend aws-prod: options\.preset/);
    await expect(cloudwatchMetricsProvider.query(plan({}), deps())).rejects.toThrow('options.preset: set a preset or at least one metric template');
  });
});

describe('cloudwatch-metrics provider', () => {
  it('reads every page into series on the grid, with links, and notes partial data and messages', async () => {
    const [first, second] = pages('get-metric-data-ecs.json');
    cw.on(GetMetricDataCommand).resolvesOnce(first!).resolvesOnce(second!);
    const d = deps();
    const found = await cloudwatchMetricsProvider.query(plan(ecs), d);

    const calls = cw.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toMatchObject({ StartTime: new Date('2026-06-01T08:00:00Z'), EndTime: new Date('2026-06-01T09:05:00Z'), ScanBy: 'TimestampAscending' });
    expect(calls[0]!.args[0].input.NextToken).toBeUndefined();
    expect(calls[1]!.args[0].input.NextToken).toBe('eyJvZmZzZXQiOjQwfQ==');
    expect((calls[0]!.args as unknown[])[1]).toEqual({ abortSignal: d.signal });
    expect(await cw.call(0).thisValue.config.region()).toBe('eu-west-1');

    expect(found.items.map((i) => i.class === 'metrics' && `${i.service} ${i.name}`)).toEqual(['orders ecs_cpu_utilization', 'orders ecs_memory_utilization']);
    const cpu = found.items[0]!;
    if (cpu.class !== 'metrics') throw new Error('expected a series');
    expect(cpu).toMatchObject({ unit: 'Percent', labels: { namespace: 'AWS/ECS', metric: 'CPUUtilization', stat: 'Average', ClusterName: 'prod', ServiceName: 'orders' } });
    expect(cpu.values.filter((v) => v !== null)).toHaveLength(65);
    expect(cpu.link).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#metricsV2:graph=~\(metrics~\(~\(~'AWS\*2fECS~'CPUUtilization~'ClusterName~'prod~'ServiceName~'orders\)\)~view~'timeSeries/);
    expect(found.query).toEqual({
      text: 'GetMetricData AWS/ECS CPUUtilization Average, AWS/ECS MemoryUtilization Average for orders, web every 60s over 08:00–09:05Z',
      target: 'https://monitoring.eu-west-1.amazonaws.com',
      window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    });
    expect(found.notes).toEqual(['CloudWatch said: MaxMetricsExceeded: The maximum number of metrics returned was exceeded for one query']);
  });

  it('says what it searched when CloudWatch has no points', async () => {
    cw.on(GetMetricDataCommand).resolves(pages('get-metric-data-empty.json')[0]!);
    const result = await runProvider(cloudwatchMetricsProvider, plan(ecs, { services: ['orders'] }));
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { text: 'GetMetricData AWS/ECS CPUUtilization Average, AWS/ECS MemoryUtilization Average for orders every 60s over 08:00–09:05Z', target: 'https://monitoring.eu-west-1.amazonaws.com' } });
  });

  it('stops after ten pages and says the rest was not read', async () => {
    const [first] = pages('get-metric-data-ecs.json');
    cw.on(GetMetricDataCommand).resolves({ ...first!, MetricDataResults: first!.MetricDataResults!.map((r) => ({ ...r, StatusCode: 'PartialData' })) });
    const found = await cloudwatchMetricsProvider.query(plan(ecs), deps());
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(10);
    expect(found.notes).toContain('stopped after 10 pages of GetMetricData; later points were not read');
    expect(found.notes?.some((n) => n.startsWith('partial data (more points than the pages read) for orders ecs_cpu_utilization'))).toBe(true);
  });

  it('stays under the byte budget with 500 series of 120 points', async () => {
    const services = Array.from({ length: 200 }, (_, i) => `svc-${i}`);
    const times = Array.from({ length: 120 }, (_, i) => new Date(Date.parse('2026-06-01T07:00:00Z') + i * 60_000));
    cw.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({
      MetricDataResults: input.MetricDataQueries.map((q, k) => ({ Id: q.Id, Timestamps: times, Values: times.map((_, i) => (k % 7 === 0 && i > 100 ? 90 : 30 + (i % 3))), StatusCode: 'Complete' })),
    }));
    const found = await cloudwatchMetricsProvider.query(plan({ preset: ['ecs', 'lambda'], sharedDimensions: { ClusterName: 'prod' } }, { services, window: { from: '2026-06-01T07:00:00Z', to: '2026-06-01T09:00:00Z' } }, 16 * 1024), deps());
    expect(cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries).toHaveLength(500);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(16 * 1024);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 500 series, the most anomalous/);
    expect(found.notes).toContain('900 metric queries beyond the 500-query limit were not run');
  });

  it.each([
    ['Throttling', 400, TransientError],
    ['ThrottlingException', 400, TransientError],
    ['InternalFailure', 500, TransientError],
    ['ServiceUnavailable', 503, TransientError],
    ['AccessDenied', 403, BackendAuthError],
    ['InvalidParameterValue', 400, BackendQueryError],
  ] as const)('classifies %s (%i)', async (name, status, type) => {
    cw.on(GetMetricDataCommand).rejects(serviceError(name, status));
    const failure = cloudwatchMetricsProvider.query(plan(ecs), deps());
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(failure).rejects.toThrow(`CloudWatch GetMetricData in eu-west-1: ${name}: ${name} happened`);
  });

  it('treats a socket timeout as transient', async () => {
    cw.on(GetMetricDataCommand).rejects(Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }));
    await expect(cloudwatchMetricsProvider.query(plan(ecs), deps())).rejects.toBeInstanceOf(TransientError);
  });

  it('leaves a throttled call to ASL and records access denied as a named error', async () => {
    cw.on(GetMetricDataCommand).rejects(serviceError('Throttling', 400));
    await expect(runProvider(cloudwatchMetricsProvider, plan(ecs))).rejects.toBeInstanceOf(TransientError);
    cw.reset();
    cw.on(GetMetricDataCommand).rejects(serviceError('AccessDenied', 403));
    const result = await runProvider(cloudwatchMetricsProvider, plan(ecs));
    expect(result).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', retryable: false }, query: { target: 'https://monitoring.eu-west-1.amazonaws.com' } });
    expect(result.status === 'error' && result.query.text).toMatch(/^GetMetricData AWS\/ECS CPUUtilization Average/);
  });

  it('ends a call that outlives the deadline with a named timeout, aborting the SDK call', async () => {
    cw.on(GetMetricDataCommand).callsFake(() => new Promise(() => undefined));
    const result = await runProvider(cloudwatchMetricsProvider, plan(ecs), 50);
    expect(result).toMatchObject({ status: 'error', error: { name: 'ProviderTimeoutError' } });
    expect(((cw.call(0).args as unknown[])[1] as { abortSignal: AbortSignal }).abortSignal.aborted).toBe(true);
  });

  it('reads through a cross-account role with its own client', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    await expect(cloudwatchMetricsProvider.query(plan({ ...ecs, roleArn: 'arn:aws:iam::123456789012:role/causeway-read' }), deps())).resolves.toMatchObject({ items: [] });
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(1);
  });
});
