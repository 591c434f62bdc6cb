import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { STALE_CLAIM_MS, tableClaims } from '../../../functions/delivery/claims.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const now = new Date('2026-06-01T10:00:00.000Z');
const claims = tableClaims('causeway', 'acme', 'inv-1', () => now);

beforeEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

describe('delivery claims', () => {
  it('claims a target under its investigation with one conditional put that only a new or stale claim passes', async () => {
    dynamo.on(PutCommand).resolves({});
    expect(await claims.claim('pagerduty#PABC123')).toBe(true);
    const put = dynamo.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toEqual({ pk: 'TENANT#acme#INV#inv-1', sk: 'DELIVERY#pagerduty#PABC123', target: 'pagerduty#PABC123', status: 'sending', claimedAt: now.toISOString() });
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk) OR (#status = :sending AND claimedAt < :stale)');
    expect(put.ExpressionAttributeValues).toEqual({ ':sending': 'sending', ':stale': new Date(now.getTime() - STALE_CLAIM_MS).toISOString() });
  });

  it('answers false when another attempt holds or settled the target, and throws anything else', async () => {
    dynamo.on(PutCommand).rejectsOnce(Object.assign(new Error('held'), { name: 'ConditionalCheckFailedException' })).rejectsOnce(Object.assign(new Error('down'), { name: 'InternalServerError' }));
    expect(await claims.claim('slack-summary')).toBe(false);
    await expect(claims.claim('slack-summary')).rejects.toThrow('down');
  });

  it('settles a claim still sending, once, as delivered with where it landed or failed with a bounded reason, carrying its audit entry', async () => {
    dynamo.on(UpdateCommand).resolves({});
    const sent = { type: 'delivery.sent', actor: 'causeway:delivery', detail: { target: 'slack-summary' } };
    await claims.delivered('slack-summary', sent, { channel: 'C0INCIDENTS', ts: '1700000000.000100' });
    await claims.failed('pagerduty#PABC123', { type: 'delivery.failed', actor: 'causeway:delivery', detail: { target: 'pagerduty#PABC123' } }, `unauthorized: ${'x'.repeat(1000)}`);
    const [delivered, failed] = dynamo.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(delivered?.ConditionExpression).toBe('#status = :sending');
    expect(delivered?.ExpressionAttributeValues).toEqual({
      ':status': 'delivered',
      ':sending': 'sending',
      ':ref': { channel: 'C0INCIDENTS', ts: '1700000000.000100' },
      ':audit': { ...sent, at: now.toISOString(), entryId: 'delivery-slack-summary' },
    });
    expect((failed?.ExpressionAttributeValues?.[':error'] as string).length).toBe(500);
    expect(failed?.ExpressionAttributeValues?.[':audit']).toMatchObject({ type: 'delivery.failed', entryId: 'delivery-pagerduty#PABC123' });
  });

  it('leaves a claim another attempt already settled as it is', async () => {
    dynamo.on(UpdateCommand).rejects(Object.assign(new Error('settled'), { name: 'ConditionalCheckFailedException' }));
    await expect(claims.delivered('slack-summary', { type: 'delivery.sent', actor: 'causeway:delivery', detail: {} })).resolves.toBeUndefined();
  });
});
