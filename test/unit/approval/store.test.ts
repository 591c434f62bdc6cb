import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApproval, dynamoSignIns, expirePendingApproval, loadApproval } from '../../../functions/approval/store.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const KEY = { pk: 'TENANT#acme#APPROVAL#ap1', sk: 'APPROVAL' };

beforeEach(() => dynamo.reset());

describe('approval store', () => {
  it('creates a pending approval only where none exists', async () => {
    dynamo.on(PutCommand).resolves({});
    await createApproval('T', { approvalId: 'ap1', tenantId: 'acme', investigationId: 'inv1', sealedToken: 's', action: { kind: 'rollback', service: 'checkout', risk: 'low', plan: [], undo: 'u', dryRun: true }, approvers: [], createdAt: '2027-01-01T00:00:00.000Z', expiresAt: 1 });
    const put = dynamo.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ TableName: 'T', Item: { ...KEY, status: 'pending', investigationId: 'inv1' }, ConditionExpression: 'attribute_not_exists(pk)' });
    // The ids are the key's; the item does not hold them twice.
    expect(put.Item).not.toHaveProperty('approvalId');
    expect(put.Item).not.toHaveProperty('tenantId');
  });

  it('expires a pending approval and returns it; one no longer pending is left as it is', async () => {
    dynamo.on(UpdateCommand).resolvesOnce({ Attributes: { ...KEY, status: 'expired' } }).rejectsOnce(conditionFailed());
    expect(await expirePendingApproval('T', 'acme', 'ap1')).toMatchObject({ approvalId: 'ap1', status: 'expired' });
    expect(await expirePendingApproval('T', 'acme', 'ap1')).toBeUndefined();
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({ Key: KEY, ConditionExpression: '#status = :pending' });
  });

  it('passes any other failure through', async () => {
    dynamo.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    await expect(expirePendingApproval('T', 'acme', 'ap1')).rejects.toThrow('ProvisionedThroughputExceededException');
  });

  it('reads the approval strongly consistent', async () => {
    dynamo.on(GetCommand).resolves({ Item: { ...KEY, status: 'approved' } });
    expect(await loadApproval('T', 'acme', 'ap1')).toMatchObject({ approvalId: 'ap1', status: 'approved' });
    expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({ Key: KEY, ConsistentRead: true });
  });

  it('takes a sign-in once: a second take finds nothing', async () => {
    dynamo.on(DeleteCommand).resolvesOnce({ Attributes: { nonce: 'n' } }).rejectsOnce(conditionFailed());
    const signIns = dynamoSignIns('T');
    expect(await signIns.take('acme', 'h')).toEqual({ nonce: 'n' });
    expect(await signIns.take('acme', 'h')).toBeUndefined();
    expect(dynamo.commandCalls(DeleteCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' });
  });
});
