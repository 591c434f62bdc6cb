import { DescribeAffectedEntitiesCommand, DescribeEventDetailsCommand, DescribeEventsCommand, HealthClient, HealthServiceException, type DescribeAffectedEntitiesCommandInput, type Event, type DescribeEventsCommandInput } from '@aws-sdk/client-health';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidencePlan, RelatedAlert } from '../../../../functions/contracts/index.js';
import { awsHealthProvider as provider } from '../../../../functions/providers/aws-health/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';

const health = mockClient(HealthClient);
const deps = () => ({ signal: new AbortController().signal, readSecret: async () => ({}) });
const options = { services: { orders: ['orders-table', 'orders-db-1'] } };

function plan(over: Partial<EvidencePlan> = {}, opts: Record<string, unknown> = options): EvidencePlan {
  return EvidencePlan.parse({
    planId: 'health-alerts',
    tenantId: 'acme',
    investigationId: 'inv-1',
    evidenceClass: 'alerts',
    backend: { id: 'aws-health', type: 'aws-health', classes: ['alerts'], region: 'eu-west-1', options: opts },
    functionArn: 'arn',
    window: { from: '2026-06-01T08:00:00Z', to: '2026-06-01T09:05:00Z' },
    alertAt: '2026-06-01T09:00:00Z',
    focusService: 'checkout',
    services: ['checkout', 'orders'],
    correlation: {},
    limits: {},
    ...over,
  });
}

const ddbIssue = 'arn:aws:health:eu-west-1::event/DYNAMODB/AWS_DYNAMODB_OPERATIONAL_ISSUE/AWS_DYNAMODB_OPERATIONAL_ISSUE_ABC123';
const rdsHost = 'arn:aws:health:eu-west-1::event/RDS/AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED/AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED_DEF456';
const sqsOld = 'arn:aws:health:eu-west-1::event/SQS/AWS_SQS_OPERATIONAL_ISSUE/AWS_SQS_OPERATIONAL_ISSUE_OLD789';
const event = (arn: string, service: string, start: string, over: Record<string, unknown> = {}): Event => ({
  arn,
  service,
  eventTypeCode: arn.split('/')[2],
  eventTypeCategory: 'issue',
  region: 'eu-west-1',
  startTime: new Date(start),
  lastUpdatedTime: new Date(start),
  statusCode: 'open',
  eventScopeCode: 'PUBLIC',
  ...over,
}) as Event;

/** An account with a DynamoDB issue open over the incident, an RDS host event under the tenant's instance, and an SQS issue long over. */
function serveAccount() {
  health.on(DescribeEventsCommand).resolves({
    events: [
      event(ddbIssue, 'DYNAMODB', '2026-06-01T08:41:00Z'),
      event(rdsHost, 'RDS', '2026-06-01T08:50:00Z', { eventTypeCategory: 'scheduledChange', availabilityZone: 'eu-west-1a', eventScopeCode: 'ACCOUNT_SPECIFIC', statusCode: 'closed', endTime: new Date('2026-06-01T09:02:00Z') }),
      event(sqsOld, 'SQS', '2026-05-31T22:00:00Z', { statusCode: 'closed', endTime: new Date('2026-05-31T23:00:00Z') }),
    ],
  });
  health.on(DescribeAffectedEntitiesCommand).resolves({
    entities: [
      { entityArn: 'arn:aws:health:eu-west-1:111122223333:entity/a1', eventArn: ddbIssue, entityValue: 'AWS_ACCOUNT', statusCode: 'IMPAIRED' },
      { entityArn: 'arn:aws:health:eu-west-1:111122223333:entity/b2', eventArn: rdsHost, entityValue: 'orders-db-1', statusCode: 'IMPAIRED' },
    ],
  });
  health.on(DescribeEventDetailsCommand).resolves({
    successfulSet: [
      { event: { arn: ddbIssue }, eventDescription: { latestDescription: 'We are investigating increased error rates for DynamoDB requests in the EU-WEST-1 Region. We will provide an update.' } },
      { event: { arn: rdsHost }, eventDescription: { latestDescription: 'A degraded host underlies your DB instance orders-db-1.\nIt will be replaced.' } },
    ],
    failedSet: [],
  });
}

const link = (arn: string) => `https://health.aws.amazon.com/health/home#/account/event-log?eventID=${encodeURIComponent(arn)}&eventTab=details`;
const serviceError = (name: string, status: number) => new HealthServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => {
  health.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-01T09:20:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('aws-health provider', () => {
  it("reads the account's issues over the window from the global endpoint, each on the service it touched", async () => {
    serveAccount();
    const found = await provider.query(plan(), deps());

    const [listed] = health.commandCalls(DescribeEventsCommand).map((c) => c.args[0].input);
    expect(listed).toEqual({
      filter: {
        startTimes: [{ from: new Date('2026-05-31T08:00:00Z'), to: new Date('2026-06-01T09:05:00Z') }],
        eventStatusCodes: ['open', 'closed'],
        eventTypeCategories: ['issue', 'scheduledChange', 'investigation'],
        regions: ['eu-west-1', 'global'],
      },
      maxResults: 100,
    });
    expect(await health.call(0).thisValue.config.region()).toBe('us-east-1');
    // The SQS issue was over before the window began: neither its entities nor its details are read.
    expect(health.commandCalls(DescribeAffectedEntitiesCommand)[0]!.args[0].input.filter!.eventArns).toEqual([rdsHost, ddbIssue]);
    expect(found.items).toEqual([
      { class: 'alerts', at: '2026-06-01T08:41:00.000Z', service: 'dynamodb', name: 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE eu-west-1 (We are investigating increased error rates for DynamoDB requests in the EU-WEST-1 Region.)', status: 'firing', source: 'aws.health', link: link(ddbIssue) },
      { class: 'alerts', at: '2026-06-01T08:50:00.000Z', service: 'orders', name: 'AWS Health: AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED eu-west-1 eu-west-1a (A degraded host underlies your DB instance orders-db-1.)', status: 'firing', source: 'aws.health', link: link(rdsHost) },
    ]);
    for (const item of found.items) expect(RelatedAlert.parse(item)).toEqual(item);
    expect(found.query).toMatchObject({ target: 'https://health.us-east-1.amazonaws.com', text: expect.stringContaining('issue/scheduledChange/investigation events open or closed in eu-west-1, global') });
    expect(found.notes).toEqual([expect.stringContaining('reported on the AWS service (dynamodb)')]);
  });

  it("names the tenant service by an entity ARN's resource name, and narrows to the configured services and regions", async () => {
    health.on(DescribeEventsCommand).resolves({ events: [event(ddbIssue, 'DYNAMODB', '2026-06-01T08:41:00Z')] });
    health.on(DescribeAffectedEntitiesCommand).resolves({ entities: [{ eventArn: ddbIssue, entityValue: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders-table' }, { eventArn: ddbIssue, entityValue: 'arn:aws:dynamodb:eu-west-1:111122223333:table/checkout' }] });
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: [] });
    const found = await provider.query(plan({}, { ...options, awsServices: ['DYNAMODB', 'RDS'], regions: ['eu-west-1'] }), deps());
    expect(health.commandCalls(DescribeEventsCommand)[0]!.args[0].input.filter).toMatchObject({ services: ['DYNAMODB', 'RDS'], regions: ['eu-west-1'] });
    expect((found.items as RelatedAlert[]).map((i) => [i.service, i.name])).toEqual([
      ['checkout', 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE eu-west-1'],
      ['orders', 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE eu-west-1'],
    ]);
    expect(found.notes).toEqual([]);
  });

  it('an event that ended before the alert is resolved; one still open is firing', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [event(sqsOld, 'SQS', '2026-06-01T08:10:00Z', { statusCode: 'closed', endTime: new Date('2026-06-01T08:30:00Z') })] });
    health.on(DescribeAffectedEntitiesCommand).resolves({ entities: [] });
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: [] });
    const found = await provider.query(plan(), deps());
    expect(found.items).toMatchObject([{ service: 'sqs', status: 'resolved', at: '2026-06-01T08:10:00.000Z' }]);
  });

  it('follows DescribeEvents pages up to its bound and says when it stopped', async () => {
    health.on(DescribeEventsCommand).callsFake((input: DescribeEventsCommandInput) => {
      const page = Number(input.nextToken ?? '0');
      return { events: [event(`${ddbIssue}${page}`, 'DYNAMODB', `2026-06-01T08:4${page}:00Z`)], nextToken: String(page + 1) };
    });
    health.on(DescribeAffectedEntitiesCommand).resolves({ entities: [] });
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: [] });
    const found = await provider.query(plan(), deps());
    expect(health.commandCalls(DescribeEventsCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, '1', '2', '3', '4']);
    expect(found.items).toHaveLength(5);
    expect(found.notes).toContain('stopped after 5 DescribeEvents pages; older events were not read');
  });

  it('reads entities ten events a call, paging each batch', async () => {
    const arns = Array.from({ length: 12 }, (_, i) => `${ddbIssue}-${i}`);
    health.on(DescribeEventsCommand).resolves({ events: arns.map((arn) => event(arn, 'DYNAMODB', '2026-06-01T08:41:00Z')) });
    health.on(DescribeAffectedEntitiesCommand).callsFake((input: DescribeAffectedEntitiesCommandInput) =>
      input.nextToken ? { entities: [{ eventArn: input.filter!.eventArns![0], entityValue: 'orders-table' }] } : { entities: [], nextToken: 'more' },
    );
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: [] });
    const found = await provider.query(plan(), deps());
    const calls = health.commandCalls(DescribeAffectedEntitiesCommand).map((c) => [c.args[0].input.filter!.eventArns!.length, c.args[0].input.nextToken]);
    expect(calls).toEqual([[10, undefined], [10, 'more'], [2, undefined], [2, 'more']]);
    expect(health.commandCalls(DescribeEventDetailsCommand).map((c) => c.args[0].input.eventArns!.length)).toEqual([10, 2]);
    expect((found.items as RelatedAlert[]).filter((i) => i.service === 'orders')).toHaveLength(2);
  });

  it('skips a malformed entity and says so, keeping the event on its AWS service', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [event(ddbIssue, 'DYNAMODB', '2026-06-01T08:41:00Z'), { arn: 'arn:aws:health:eu-west-1::event/X/Y/Z' }] });
    health.on(DescribeAffectedEntitiesCommand).resolves({ entities: [{ eventArn: ddbIssue, entityValue: '   ' }, { eventArn: ddbIssue }, { entityValue: 'orders-table' }, { eventArn: ddbIssue, entityValue: 'x'.repeat(2000) }] });
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: [{ event: { arn: ddbIssue } }], failedSet: [{ eventArn: ddbIssue, errorName: 'NotFound' }] });
    const found = await provider.query(plan(), deps());
    expect(found.items).toMatchObject([{ service: 'dynamodb', name: 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE eu-west-1' }]);
    expect(found.notes).toContain('4 affected entities had no usable id and were skipped');
  });

  it('answers no data, saying what it searched, when the account had no Health events', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [] });
    const result = await runProvider(provider, plan());
    expect(result).toMatchObject({ status: 'no_data', items: [], query: { target: 'https://health.us-east-1.amazonaws.com' } });
    expect(health.commandCalls(DescribeAffectedEntitiesCommand)).toHaveLength(0);
  });

  it('says the backend cannot serve, without failing the investigation, when the account has no support plan for the Health API', async () => {
    health.on(DescribeEventsCommand).rejects(serviceError('SubscriptionRequiredException', 400));
    const result = await runProvider(provider, plan());
    expect(result).toMatchObject({ status: 'no_data', items: [], notes: [expect.stringMatching(/^backend cannot serve: AWS Health in us-east-1 DescribeEvents: the AWS Health API needs a Business, Enterprise On-Ramp or Enterprise support plan/)] });
  });

  it('throws TransientError when Health throttles, so the state machine retries', async () => {
    health.on(DescribeEventsCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(provider, plan())).rejects.toBeInstanceOf(TransientError);
    health.reset();
    serveAccount();
    health.on(DescribeAffectedEntitiesCommand).rejects(serviceError('ThrottlingException', 400));
    await expect(runProvider(provider, plan())).rejects.toBeInstanceOf(TransientError);
  });

  it('records access denied and a bad option as named errors', async () => {
    health.on(DescribeEventsCommand).rejects(serviceError('AccessDeniedException', 403));
    expect(await runProvider(provider, plan())).toMatchObject({ status: 'error', error: { name: 'BackendAuthError', message: expect.stringContaining('AWS Health in us-east-1 DescribeEvents: AccessDeniedException') } });
    expect(await runProvider(provider, plan({}, { awsServices: ['dynamodb'] }))).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: expect.stringContaining('options.awsServices.0') } });
    expect(await runProvider(provider, plan({}, { regions: ['mars-1'] }))).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: expect.stringContaining('options.regions.0') } });
  });

  it("reads China's events from the China endpoint", async () => {
    health.on(DescribeEventsCommand).resolves({ events: [] });
    const p = plan();
    const found = await provider.query({ ...p, backend: { ...p.backend, region: 'cn-north-1' } }, deps());
    expect(found.query.target).toBe('https://health.cn-northwest-1.amazonaws.com.cn');
  });

  it('stays under the byte budget with many events', async () => {
    const arns = Array.from({ length: 20 }, (_, i) => `${ddbIssue}-${i}`);
    health.on(DescribeEventsCommand).resolves({ events: arns.map((arn, i) => event(arn, 'DYNAMODB', `2026-06-01T08:${String(10 + i).padStart(2, '0')}:00Z`)) });
    health.on(DescribeAffectedEntitiesCommand).resolves({ entities: [] });
    health.on(DescribeEventDetailsCommand).resolves({ successfulSet: arns.map((arn) => ({ event: { arn }, eventDescription: { latestDescription: 'y'.repeat(2000) } })) });
    const found = await provider.query(plan({ limits: { maxItems: 200, maxBytes: 4096 } }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(4096);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 20 Health events, those nearest the alert/);
  });
});
