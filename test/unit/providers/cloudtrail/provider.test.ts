import { readFileSync } from 'node:fs';
import { CloudTrailClient, CloudTrailServiceException, LookupEventsCommand, type LookupEventsCommandInput, type LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan } from '../../../../functions/contracts/index.js';
import { createCloudTrailProvider } from '../../../../functions/providers/cloudtrail/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';

const trail = mockClient(CloudTrailClient);
const provider = createCloudTrailProvider({ intervalMs: 0 });
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/providers/cloudtrail/lookup-events.json', import.meta.url), 'utf8')) as Record<string, { NextToken?: string; Events: Record<string, unknown>[] }[]>;

/** The pages of one event name as the SDK returns them: EventTime a Date, CloudTrailEvent a JSON string. */
function pagesFor(name: string): LookupEventsCommandOutput[] {
  return (fixture[name] ?? [{ Events: [] }]).map((p) => ({
    $metadata: { httpStatusCode: 200 },
    ...(p.NextToken ? { NextToken: p.NextToken } : {}),
    Events: p.Events.map((e) => ({ ...e, EventTime: new Date(e.EventTime as string), CloudTrailEvent: JSON.stringify(e.CloudTrailEvent) })),
  }));
}

/** Answers each LookupEvents by its EventName and NextToken, as CloudTrail pages them. */
function serveFixture() {
  trail.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => {
    const pages = pagesFor(input.LookupAttributes![0]!.AttributeValue!);
    return input.NextToken ? pages[1] : pages[0];
  });
}

const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const options = { services: { orders: ['orders-fn', 'orders-svc', '/orders/*'], web: ['web-asg', 'a1b2c3d'] } };

function plan(over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'trail-changes',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'changes',
    backend: { id: 'aws-prod', type: 'cloudtrail', classes: ['changes'], region: 'eu-west-1', options: opts },
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

const link = (id: string) => `https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/events/${id}`;
const serviceError = (name: string, status: number) => new CloudTrailServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => {
  trail.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:20:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('cloudtrail provider', () => {
  it('reads every change event name over the window, pages included, into attributed changes', async () => {
    serveFixture();
    const found = await provider.query(plan(), deps());

    const inputs = trail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.LookupAttributes![0]!.AttributeValue)).toEqual([
      'UpdateFunctionCode20150331v2', 'UpdateFunctionCode20150331v2', 'PublishVersion20150331', 'UpdateAlias20150331', 'UpdateFunctionConfiguration20150331v2',
      'UpdateService', 'RegisterTaskDefinition', 'PutParameter', 'StartDeployment', 'UpdateStack', 'ExecuteChangeSet', 'UpdateAutoScalingGroup', 'SetDesiredCapacity', 'PutScalingPolicy',
    ]);
    expect(inputs[0]).toEqual({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'UpdateFunctionCode20150331v2' }], StartTime: new Date('2026-06-01T08:00:00Z'), EndTime: new Date('2026-06-01T09:05:00Z'), MaxResults: 50 });
    expect(inputs[1]!.NextToken).toBe(fixture.UpdateFunctionCode20150331v2![0]!.NextToken);

    const gha = 'assumed-role/GitHubActionsDeploy/gha-8812';
    expect(found.items).toEqual([
      { class: 'changes', at: '2026-06-01T08:30:00.000Z', service: 'orders', kind: 'scaling', summary: 'ECS service orders-svc: desired count 2', author: 'assumed-role/AWSServiceRoleForApplicationAutoScaling_ECSService/AutoScaling', source: 'cloudtrail', link: link('9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a') },
      { class: 'changes', at: '2026-06-01T08:41:07.000Z', service: 'orders', kind: 'deployment', summary: 'Lambda orders-fn: new code from image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:2.4.1', version: '2.4.1', author: gha, source: 'cloudtrail', link: link('5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0') },
      { class: 'changes', at: '2026-06-01T08:41:40.000Z', service: 'orders', kind: 'deployment', summary: 'Lambda orders-fn: published version 13 (2.4.1)', version: '13', author: gha, source: 'cloudtrail', link: link('7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e') },
      { class: 'changes', at: '2026-06-01T08:42:02.000Z', service: 'orders', kind: 'deployment', summary: 'Lambda orders-fn: alias live now points to version 13 with 10% to version 12', version: '13', author: gha, source: 'cloudtrail', link: link('8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f') },
      { class: 'changes', at: '2026-06-01T08:50:31.000Z', service: 'orders', kind: 'config', summary: 'SSM parameter /orders/db/pool-size overwritten (version 7)', version: '7', previousVersion: '6', author: 'user/alice', source: 'cloudtrail', link: link('0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b') },
      { class: 'changes', at: '2026-06-01T08:55:00.000Z', service: 'web', kind: 'config', summary: 'AppConfig deployment 31 of web-flags version 12 to environment prod01x (strategy AppConfig.AllAtOnce)', version: '12', author: 'assumed-role/FlagsPipeline/run-77', source: 'cloudtrail', link: link('1f2a3b4c-5d6e-4f7a-8b8c-9d0e1f2a3b4c') },
      { class: 'changes', at: '2026-06-01T08:57:10.000Z', service: 'web', kind: 'scaling', summary: 'Auto Scaling group web-asg: desired capacity set to 2', author: 'user/bob', source: 'cloudtrail', link: link('3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e') },
    ]);
    expect(found.notes).toEqual(['1 change events touched resources of no planned service (map resources to services in options.services)']);
    expect(found.query.text).toMatch(/^CloudTrail LookupEvents EventName in UpdateFunctionCode20150331v2, .*PutScalingPolicy over 08:00–09:05Z, for orders \(orders-fn, orders-svc, \/orders\/\*\); web \(web-asg, a1b2c3d\)$/);
  });

  it('matches unmapped services by their own resource name, and answers no data with the query', async () => {
    serveFixture();
    const result = await runProvider(provider, plan({ services: ['checkout'], focusService: 'checkout' }, { eventNames: ['UpdateService', 'PutParameter'] }));
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { text: 'CloudTrail LookupEvents EventName in UpdateService, PutParameter over 08:00–09:05Z, for checkout', target: 'https://cloudtrail.eu-west-1.amazonaws.com' } });
    expect(result.notes).toEqual(['2 change events touched resources of no planned service (map resources to services in options.services)']);
    trail.reset();
    serveFixture();
    const found = await provider.query(plan({ services: ['orders-svc'], focusService: undefined }, { eventNames: ['UpdateService'] }), deps());
    expect(found.items).toMatchObject([{ service: 'orders-svc', kind: 'scaling' }]);
  });

  it('bounds pages per event name and says which names were cut', async () => {
    trail.on(LookupEventsCommand).resolves({ Events: [], NextToken: 'more' });
    const found = await provider.query(plan({}, { ...options, eventNames: ['PutParameter', 'UpdateStack'] }), deps());
    expect(trail.commandCalls(LookupEventsCommand)).toHaveLength(8);
    expect(found.notes).toEqual(['stopped after 8 LookupEvents pages (limit 30); not all events read for PutParameter, UpdateStack']);
  });

  it('spaces its calls to stay under 2 requests per second', async () => {
    vi.useRealTimers();
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const started = performance.now();
    await createCloudTrailProvider({ intervalMs: 60 }).query(plan({}, { eventNames: ['PutParameter', 'UpdateStack', 'SetDesiredCapacity'] }), deps());
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('notes that CloudTrail delivers late when the window ends now', async () => {
    vi.setSystemTime(new Date('2026-06-01T09:06:00Z'));
    trail.on(LookupEventsCommand).resolves({ Events: [] });
    const found = await provider.query(plan({}, { eventNames: ['PutParameter'] }), deps());
    expect(found.notes).toEqual(['CloudTrail delivers events about 5 minutes after the call: the last minutes of the window may be missing']);
  });

  it('stays under the byte budget with a thousand changes', async () => {
    const [page] = pagesFor('PutParameter');
    const event = page!.Events![0]!;
    trail.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => ({
      Events: Array.from({ length: 50 }, (_, i) => ({ ...event, EventId: `${input.NextToken ?? 'p0'}-${i}`, EventTime: new Date(Date.parse('2026-06-01T08:00:00Z') + (i + Number((input.NextToken ?? 'p0').slice(1)) * 50) * 3000) })),
      NextToken: `p${Number((input.NextToken ?? 'p0').slice(1)) + 1}`,
    }));
    const found = await provider.query(plan({ limits: { maxItems: 200, maxBytes: 8192 } }, { ...options, eventNames: ['PutParameter'] }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(8192);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 200 changes, those nearest the alert/);
  });

  it('throws TransientError when LookupEvents is throttled, so the state machine retries', async () => {
    trail.on(LookupEventsCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(provider, plan())).rejects.toBeInstanceOf(TransientError);
  });

  it('records access denied and a bad option as named errors', async () => {
    trail.on(LookupEventsCommand).rejects(serviceError('AccessDeniedException', 400));
    expect(await runProvider(provider, plan())).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', message: expect.stringContaining('CloudTrail LookupEvents in eu-west-1: AccessDeniedException') } });
    expect(await runProvider(provider, plan({}, { eventNames: ['DeleteBucket'] }))).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: expect.stringContaining('options.eventNames.0') } });
  });
});
