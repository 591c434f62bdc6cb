import { readFileSync } from 'node:fs';
import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import { GetAliasCommand, LambdaClient, LambdaServiceException, ListVersionsByFunctionCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { lambdaProvider } from '../../../../functions/providers/lambda/provider.js';
import { TransientError } from '../../../../functions/shared/errors.js';

const lambda = mockClient(LambdaClient);
const cw = mockClient(CloudWatchClient);
const fixtures = new URL('../../../fixtures/providers/lambda/', import.meta.url);
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'), (k, v) => (k === 'Timestamps' ? (v as string[]).map((t) => new Date(t)) : v)) as T;

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const options = { services: { orders: { functionName: 'orders-fn', alias: 'live' }, web: { functionName: 'web-fn' } } };

function plan(evidenceClass: 'runtime' | 'changes', over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: `lambda-${evidenceClass}`,
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'aws-prod', type: 'lambda', classes: ['runtime', 'changes'], region: 'eu-west-1', options: opts },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders', 'web'],
    correlation: {},
    limits: {},
    ...over,
  });
}

const serviceError = (name: string, status: number) => new LambdaServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => {
  lambda.reset();
  cw.reset();
});

describe('lambda provider', () => {
  it('reads throttles, concurrency and errors per alias and routed version into one throttled event', async () => {
    lambda.on(GetAliasCommand).resolves(load('get-alias.json'));
    cw.on(GetMetricDataCommand).resolves(load<GetMetricDataCommandOutput>('get-metric-data.json'));
    const found = await lambdaProvider.query(plan('runtime'), deps());

    expect(lambda.commandCalls(GetAliasCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'orders-fn', Name: 'live' }]);
    const queries = cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries!;
    expect(queries.map((q) => [q.Id, q.MetricStat!.Metric!.MetricName, q.MetricStat!.Stat, q.MetricStat!.Period, q.MetricStat!.Metric!.Dimensions!.map((d) => `${d.Name}=${d.Value}`).join(',')])).toEqual([
      ['t0_throttles', 'Throttles', 'Sum', 60, 'FunctionName=orders-fn,Resource=orders-fn:live'],
      ['t0_errors', 'Errors', 'Sum', 60, 'FunctionName=orders-fn,Resource=orders-fn:live'],
      ['t0_concurrency', 'ConcurrentExecutions', 'Maximum', 60, 'FunctionName=orders-fn'],
      ['t0_errors_v13', 'Errors', 'Sum', 60, 'FunctionName=orders-fn,Resource=orders-fn:13'],
      ['t0_errors_v12', 'Errors', 'Sum', 60, 'FunctionName=orders-fn,Resource=orders-fn:12'],
      ['t1_throttles', 'Throttles', 'Sum', 60, 'FunctionName=web-fn'],
      ['t1_errors', 'Errors', 'Sum', 60, 'FunctionName=web-fn'],
      ['t1_concurrency', 'ConcurrentExecutions', 'Maximum', 60, 'FunctionName=web-fn'],
    ]);
    expect(found.items).toEqual([
      {
        class: 'runtime', at: '2026-06-01T08:52:00.000Z', service: 'orders', kind: 'throttled', count: 200,
        message: 'Throttles: 200 in 5 of 5 60s periods (peak 80); peak concurrency 1000; errors: alias live 25, version 13 22, version 12 3',
        source: 'lambda', link: 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders-fn/aliases/live?tab=monitoring',
      },
    ]);
    expect(found.notes).toEqual(['errors without throttling are not runtime events; read them as metrics (cloudwatch-metrics preset lambda): web (4)']);
    expect(found.query).toMatchObject({ text: 'Lambda CloudWatch GetMetricData AWS/Lambda Throttles, Errors (per alias and routed version), ConcurrentExecutions for orders-fn:live, web-fn over 08:00–09:05Z', target: 'https://monitoring.eu-west-1.amazonaws.com' });
  });

  it('reads the version the alias serves as a deployment, all version pages followed, in the envelope', async () => {
    const [first, second] = load<{ pages: object[] }>('list-versions.json').pages;
    lambda.on(GetAliasCommand).resolves(load('get-alias.json'));
    lambda.on(ListVersionsByFunctionCommand).resolvesOnce(first!).resolvesOnce(second!);
    const result = await runProvider(lambdaProvider, plan('changes', { services: ['orders'] }));
    expect(lambda.commandCalls(ListVersionsByFunctionCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'orders-fn', MaxItems: 50 },
      { FunctionName: 'orders-fn', MaxItems: 50, Marker: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:11' },
    ]);
    expect(result).toMatchObject({ status: 'success', evidenceClass: 'changes' });
    expect(result.items).toEqual([
      {
        class: 'changes', at: '2026-06-01T08:41:40.123Z', service: 'orders', kind: 'deployment',
        summary: 'Lambda orders-fn: alias live serves version 13 ("2.4.1"), code 9f8e7d6c5b4a, published 2026-06-01T08:41:40.123Z, with 10% to version 12; previous version 12 (the alias update time itself is in CloudTrail)',
        version: '13', previousVersion: '12', source: 'lambda',
        link: 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders-fn/versions/13?tab=configure',
      },
    ]);
  });

  it('reads $LATEST for a function without an alias', async () => {
    const [first] = load<{ pages: { Versions: object[] }[] }>('list-versions.json').pages;
    lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: first!.Versions });
    const found = await lambdaProvider.query(plan('changes', { services: ['web'], focusService: 'web' }, { services: { web: { functionName: 'orders-fn' } } }), deps());
    expect(found.items).toMatchObject([{ service: 'web', at: '2026-06-01T08:41:07.512Z', version: '9f8e7d6c5b4a39281706f5e4d3c2b1a0', summary: 'Lambda orders-fn: $LATEST updated (code 9f8e7d6c5b4a, nodejs22.x, 512 MB)' }]);
  });

  it('answers no data when nothing throttled or shipped, noting a missing alias', async () => {
    lambda.on(GetAliasCommand).rejects(new ResourceNotFoundException({ $metadata: { httpStatusCode: 404 }, message: 'Cannot find alias arn: arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:live' }));
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const result = await runProvider(lambdaProvider, plan('runtime'));
    expect(result).toMatchObject({ status: 'no_data', notes: ['orders: orders-fn:live does not exist'], query: { text: expect.stringContaining('for orders-fn:live, web-fn over 08:00–09:05Z') } });
  });

  it('stays under the byte budget with fifty throttled functions', async () => {
    const services = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`svc-${i}`, { functionName: `fn-${i}` }]));
    const times = Array.from({ length: 60 }, (_, i) => new Date(Date.parse('2026-06-01T08:00:00Z') + i * 60_000));
    cw.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({ MetricDataResults: input.MetricDataQueries.map((q) => ({ Id: q.Id, Timestamps: times, Values: times.map(() => 7), StatusCode: 'Complete' })) }));
    const found = await lambdaProvider.query(plan('runtime', { services: Object.keys(services), focusService: 'svc-0', limits: { maxItems: 200, maxBytes: 4096 } }, { services }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(4096);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 50 runtime events, those nearest the alert/);
  });

  it('throws TransientError when throttled and records access denied', async () => {
    lambda.on(GetAliasCommand).rejects(serviceError('TooManyRequestsException', 429));
    await expect(runProvider(lambdaProvider, plan('runtime'))).rejects.toBeInstanceOf(TransientError);
    lambda.reset();
    lambda.on(GetAliasCommand).resolves(load('get-alias.json'));
    cw.on(GetMetricDataCommand).rejects(Object.assign(new Error('User is not authorized to perform: cloudwatch:GetMetricData'), { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    expect(await runProvider(lambdaProvider, plan('runtime'))).toMatchObject({ status: 'error', error: { name: 'BackendAuthError' } });
  });
});
