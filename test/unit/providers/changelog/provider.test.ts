import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { makeChangelogProvider } from '../../../../functions/providers/changelog/provider.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { documentClient } from '../../../../functions/shared/table.js';
import { deps, plan } from '../grafana-test-kit.js';

const db = mockClient(DynamoDBDocumentClient);
afterEach(() => db.reset());
const provider = makeChangelogProvider('causeway', documentClient);
const changelogPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) => plan('changes', { type: 'changelog', endpoint: undefined, options }, extra);

const item = (at: string, service: string, kind = 'deployment', version = 'v1') => ({
  pk: `TENANT#demo#CHANGES#${at.slice(0, 10)}`,
  sk: `${at}#id-${service}-${version}`,
  changeId: `id-${service}-${version}`,
  change: { class: 'changes', at, service, kind, summary: `${service} ${version}`, version, source: 'causeway' },
  expiresAt: 4_102_444_800,
});

describe('changelog provider', () => {
  it('queries each day partition of the range newest first and keeps window changes plus the release each service runs', async () => {
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TENANT#demo#CHANGES#2026-05-11', ':from': '2026-05-11T13:22:00.000Z', ':to': '2026-05-11T23:59:59.999Z#\uffff' } }).resolves({ Items: [item('2026-05-11T16:30:00.000Z', 'pricing', 'deployment', 'v3.11.4'), item('2026-05-11T15:00:00.000Z', 'checkout', 'deployment', 'v2.4.0')] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TENANT#demo#CHANGES#2026-05-12' } }).resolves({
      Items: [item('2026-05-12T14:11:00.000Z', 'pricing', 'deployment', 'v3.12.0'), item('2026-05-12T14:15:00.000Z', 'pricing', 'feature_flag', 'on'), item('2026-05-12T14:00:00.000Z', 'search'), { ...item('2026-05-12T14:01:00.000Z', 'checkout', 'config'), expiresAt: 1 }],
    });
    const found = await provider.query(changelogPlan({ releaseLookbackHours: 24 }), deps());
    const calls = db.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ TableName: 'causeway', KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ScanIndexForward: false, Limit: 500, ExpressionAttributeValues: { ':pk': 'TENANT#demo#CHANGES#2026-05-12', ':from': '2026-05-12T00:00:00.000Z', ':to': '2026-05-12T14:27:00.000Z#\uffff' } });
    expect(found.items.map((c) => [(c as { service: string }).service, (c as { version: string }).version])).toEqual([
      ['checkout', 'v2.4.0'],
      ['pricing', 'v3.12.0'],
      ['pricing', 'on'],
    ]);
    expect(found.query).toEqual({
      text: 'change log for checkout, pricing over 13:22–14:27Z, and the release each was running from up to 24h before, its config and capacity from up to 24h before',
      target: 'DynamoDB table causeway, partitions TENANT#demo#CHANGES#2026-05-11…2026-05-12',
      window: { from: '2026-05-12T13:22:00.000Z', to: '2026-05-12T14:27:00.000Z' },
    });
  });

  it('by default reaches a week back for the running release, a day for the running config and capacity', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TENANT#demo#CHANGES#2026-05-10' } }).resolves({
      Items: [item('2026-05-10T11:00:00.000Z', 'pricing', 'deployment', 'v3.10.0'), item('2026-05-10T12:00:00.000Z', 'pricing', 'config', 'heap-4g')],
    });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TENANT#demo#CHANGES#2026-05-11' } }).resolves({ Items: [item('2026-05-11T20:00:00.000Z', 'checkout', 'scaling', 'min-3')] });
    const found = await provider.query(changelogPlan(), deps());
    const days = db.commandCalls(QueryCommand).map((c) => (c.args[0].input.ExpressionAttributeValues as Record<string, string>)[':pk']!.slice(-10));
    expect(days.sort()).toEqual(['2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-10', '2026-05-11', '2026-05-12']);
    expect(found.items.map((c) => (c as { version: string }).version).sort()).toEqual(['min-3', 'v3.10.0']);
    expect(found.query.text).toContain('the release each was running from up to 168h before, its config and capacity from up to 24h before');
  });

  it('refuses a release lookback past two weeks', async () => {
    await expect(provider.query(changelogPlan({ releaseLookbackHours: 337 }), deps())).rejects.toThrow(/options\.releaseLookbackHours/);
  });

  it('keeps the changes of services the plan does not list when it asks for unlisted ones', async () => {
    db.on(QueryCommand).resolves({ Items: [item('2026-05-12T14:11:00.000Z', 'pricing'), item('2026-05-12T14:00:00.000Z', 'transit-gateway', 'infrastructure')] });
    const services = async (extra: Parameters<typeof plan>[2]) => (await provider.query(changelogPlan({ releaseLookbackHours: 0 }, extra), deps())).items.map((c) => (c as { service: string }).service).sort();
    expect(await services({ unlisted: true })).toEqual(['pricing', 'transit-gateway']);
    expect(await services({})).toEqual(['pricing']);
  });

  it('answers no data for an empty log and reads one partition without lookback', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    const result = await runProvider(provider, changelogPlan({ releaseLookbackHours: 0 }));
    expect(result).toMatchObject({ status: 'no_data', query: { text: 'change log for checkout, pricing over 13:22–14:27Z' } });
    expect(db.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('pages up to maxPages per day and says what it left out', async () => {
    db.on(QueryCommand).resolves({ Items: [item('2026-05-12T14:10:00.000Z', 'pricing')], LastEvaluatedKey: { pk: 'x', sk: 'y' } });
    const found = await provider.query(changelogPlan({ releaseLookbackHours: 0, maxPages: 2, pageSize: 10 }), deps());
    expect(db.commandCalls(QueryCommand)).toHaveLength(2);
    expect(db.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'x', sk: 'y' });
    expect(found.notes).toEqual(['read the first 20 changes of 2026-05-12, newest first; earlier ones that day were not read']);
  });

  it('stays under the byte budget, keeping the changes closest to the alert', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...item(new Date(Date.parse('2026-05-12T13:30:00Z') + i * 5_000).toISOString(), 'pricing', 'config', `v${i}`), change: { ...item('2026-05-12T13:30:00.000Z', 'pricing').change, at: new Date(Date.parse('2026-05-12T13:30:00Z') + i * 5_000).toISOString(), kind: 'config', summary: 'x'.repeat(500) } }));
    db.on(QueryCommand).resolves({ Items: many });
    const found = await provider.query(changelogPlan({ releaseLookbackHours: 0 }, { limits: { maxItems: 200, maxBytes: 12 * 1024 } }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(12 * 1024);
    expect(found.notes?.[0]).toMatch(/^kept \d+ of 400 changes, the closest to the alert/);
  });

  it('throws throttling as TransientError so the state machine retries', async () => {
    db.on(QueryCommand).rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(provider.query(changelogPlan(), deps())).rejects.toBeInstanceOf(TransientError);
    expect(await runProvider(provider, changelogPlan({ pageSize: 5 }))).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: expect.stringContaining('options.pageSize') } });
  });
});
