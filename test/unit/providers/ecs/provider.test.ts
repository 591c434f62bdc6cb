import { readFileSync } from 'node:fs';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ECSServiceException, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { ecsProvider } from '../../../../functions/providers/ecs/provider.js';
import { serviceEventKind } from '../../../../functions/providers/ecs/normalize.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';

const ecs = mockClient(ECSClient);
const fixtures = new URL('../../../fixtures/providers/ecs/', import.meta.url);
/** A fixture as the SDK hands it back: `…At` timestamps deserialized into Dates. */
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'), (k, v) => (k.endsWith('At') && typeof v === 'string' ? new Date(v) : v)) as T;

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const options = { services: { orders: { cluster: 'prod', service: 'orders-svc' } } };

function plan(evidenceClass: 'runtime' | 'changes', over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: `ecs-${evidenceClass}`,
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'aws-prod', type: 'ecs', classes: ['runtime', 'changes'], region: 'eu-west-1', options: opts },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'orders',
    services: ['orders'],
    correlation: {},
    limits: {},
    ...over,
  });
}

const serviceError = (name: string, status: number) => new ECSServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

function cluster() {
  const [first, second] = load<{ pages: object[] }>('list-tasks.json').pages;
  ecs.on(DescribeServicesCommand).resolves(load('describe-services.json'));
  ecs.on(ListTasksCommand).resolvesOnce(first!).resolvesOnce(second!);
  ecs.on(DescribeTasksCommand).resolves(load('describe-tasks.json'));
}

beforeEach(() => {
  ecs.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:10:00Z'));
});
afterAll(() => vi.useRealTimers());

const taskLink = (id: string) => `https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/${id}/configuration?region=eu-west-1`;

describe('ecs provider', () => {
  it('reads service events and stopped tasks into OOM kills, health-check failures and exited containers', async () => {
    cluster();
    const found = await ecsProvider.query(plan('runtime'), deps());

    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'prod', services: ['orders-svc'] }]);
    const lists = ecs.commandCalls(ListTasksCommand).map((c) => c.args[0].input);
    expect(lists).toEqual([
      { cluster: 'prod', serviceName: 'orders-svc', desiredStatus: 'STOPPED', maxResults: 100 },
      { cluster: 'prod', serviceName: 'orders-svc', desiredStatus: 'STOPPED', maxResults: 100, nextToken: 'eyJhcm4iOiJ0YXNrLzJ9' },
    ]);
    expect(ecs.commandCalls(DescribeTasksCommand)[0]!.args[0].input.tasks).toHaveLength(4);

    expect(found.items).toEqual([
      { class: 'runtime', at: '2026-06-01T08:53:05.000Z', service: 'orders', kind: 'restart', count: 1, message: 'task stopped: Essential container in task exited; orders exit 1; orders:43 (on 1f2e3d4c5b6a79881f2e3d4c5b6a7988)', source: 'ecs', link: taskLink('1f2e3d4c5b6a79881f2e3d4c5b6a7988') },
      {
        class: 'runtime', at: '2026-06-01T08:56:40.000Z', service: 'orders', kind: 'oom_killed', count: 1,
        message: 'task stopped: Essential container in task exited; orders exit 137 (OutOfMemoryError: Container killed due to memory usage); orders:43 (on 0a1b2c3d4e5f67890a1b2c3d4e5f6789)',
        source: 'ecs', link: taskLink('0a1b2c3d4e5f67890a1b2c3d4e5f6789'),
      },
      {
        class: 'runtime', at: '2026-06-01T08:58:10.000Z', service: 'orders', kind: 'unhealthy', count: 3,
        message: '(service orders-svc) (task 0a1b2c3d4e5f67890a1b2c3d4e5f6789) failed container health checks. (on service events, 7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a)',
        source: 'ecs', link: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/orders-svc/events?region=eu-west-1',
      },
    ]);
    expect(found.notes).toEqual(['ECS keeps stopped tasks about an hour: tasks stopped earlier in the window are not listed']);
    expect(found.query).toEqual({
      text: 'ECS DescribeServices (events), ListTasks desiredStatus=STOPPED + DescribeTasks (stop reasons) for prod/orders-svc over 08:00–09:05Z',
      target: 'https://ecs.eu-west-1.amazonaws.com',
      window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    });
  });

  it('reads the new deployment as a change from task definition 42 to 43, in the envelope', async () => {
    cluster();
    const result = await runProvider(ecsProvider, plan('changes'));
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(0);
    expect(result).toMatchObject({ status: 'success', backend: { id: 'aws-prod', type: 'ecs' } });
    expect(result.items).toEqual([
      {
        class: 'changes',
        at: '2026-06-01T08:50:12.331Z',
        service: 'orders',
        kind: 'deployment',
        summary: 'ECS service orders-svc deployment ecs-svc/4416838473208419337 (PRIMARY) to task definition orders:43; replacing orders:42; rollout IN_PROGRESS: ECS deployment ecs-svc/4416838473208419337 in progress.; 1/3 running, 4 failed tasks',
        version: 'orders:43',
        previousVersion: 'orders:42',
        source: 'ecs',
        link: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/orders-svc/deployments?region=eu-west-1',
      },
    ]);
  });

  it('says what it searched when nothing happened, and notes a missing service', async () => {
    ecs.on(DescribeServicesCommand).resolves({
      services: [{ serviceName: 'orders-svc', deployments: [], events: [{ id: 'e1', createdAt: new Date('2026-06-01T08:30:00Z'), message: '(service orders-svc) has reached a steady state.' }] }],
      failures: [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web', reason: 'MISSING' }],
    });
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    const result = await runProvider(ecsProvider, plan('runtime', { services: ['orders', 'web', 'billing api'] }, { ...options, cluster: 'prod' }));
    expect(result).toMatchObject({ status: 'no_data', query: { text: 'ECS DescribeServices (events), ListTasks desiredStatus=STOPPED + DescribeTasks (stop reasons) for prod/orders-svc, prod/web over 08:00–09:05Z' } });
    expect(result.notes).toEqual(['no ECS service mapped (set options.services or options.cluster) for billing api', 'web in cluster prod: MISSING', 'ECS keeps stopped tasks about an hour: tasks stopped earlier in the window are not listed']);
    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'prod', services: ['orders-svc', 'web'] }]);
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0);
  });

  it('stops listing stopped tasks after two pages and says so', async () => {
    ecs.on(DescribeServicesCommand).resolves(load('describe-services.json'));
    ecs.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:eu-west-1:123456789012:task/prod/aa'], nextToken: 'more' });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [] });
    const found = await ecsProvider.query(plan('runtime'), deps());
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(2);
    expect(found.notes).toContain('orders: more than 2 stopped tasks; the rest were not read');
  });

  it('stays under the byte budget with twenty troubled services', async () => {
    const services = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`svc-${i}`, { cluster: 'prod', service: `svc-${i}` }]));
    const base = load<{ services: { serviceName: string }[] }>('describe-services.json').services[0]!;
    ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({ services: input.services.map((s) => ({ ...base, serviceName: s })) }));
    ecs.on(ListTasksCommand).resolves(load<{ pages: object[] }>('list-tasks.json').pages[1]!);
    ecs.on(DescribeTasksCommand).resolves(load('describe-tasks.json'));
    const found = await ecsProvider.query(plan('runtime', { services: Object.keys(services), focusService: 'svc-0', limits: { maxItems: 200, maxBytes: 4096 } }, { services }), deps());
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(2);
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(4096);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 60 runtime events, those nearest the alert/);
  });

  it('classifies service event messages', () => {
    expect(serviceEventKind('(service orders-svc) deployment ecs-svc/1 deployment failed: tasks failed to start.')).toBe('crash_loop');
    expect(serviceEventKind('(service orders-svc) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section.')).toBe('crash_loop');
    expect(serviceEventKind('(service orders-svc) was unable to place a task because no container instance met all of its requirements.')).toBe('node_pressure');
    expect(serviceEventKind('(service orders-svc) has started 2 tasks: (task a) (task b).')).toBeUndefined();
  });

  it('throws TransientError when throttled, and records access denied', async () => {
    ecs.on(DescribeServicesCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(ecsProvider, plan('runtime'))).rejects.toBeInstanceOf(TransientError);
    ecs.reset();
    ecs.on(DescribeServicesCommand).resolves(load('describe-services.json'));
    ecs.on(ListTasksCommand).rejects(serviceError('AccessDeniedException', 400));
    const result = await runProvider(ecsProvider, plan('runtime'));
    expect(result).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', message: expect.stringContaining('ECS in eu-west-1: ListTasks: AccessDeniedException') }, query: { target: 'https://ecs.eu-west-1.amazonaws.com' } });
  });

  it('refuses options without a mapping shape, naming the field', async () => {
    await expect(ecsProvider.query(plan('runtime', {}, { services: { orders: { cluster: 'prod' } } }), deps())).rejects.toThrow(/backend aws-prod: options\.services\.orders\.service/);
  });

  it('still says where it would have looked when its options are invalid, so the error entry is not blank', async () => {
    const bad = plan('runtime', {}, { services: { orders: { cluster: 'prod' } } });
    expect(ecsProvider.describe(bad)).toEqual({ text: 'ECS runtime for orders (options invalid)', target: 'https://ecs.eu-west-1.amazonaws.com', window: bad.window });
    const result = await runProvider(ecsProvider, bad);
    expect(result).toMatchObject({ status: 'error', error: { name: 'ConfigurationError' }, query: { text: 'ECS runtime for orders (options invalid)' } });
  });
});
