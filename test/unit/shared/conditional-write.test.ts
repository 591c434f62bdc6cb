import { ConditionalCheckFailedException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { currentOr, deleteIf, putIf, updateIf } from '../../../functions/shared/conditional-write.js';
import { documentClient } from '../../../functions/shared/table.js';

const dynamo = mockClient(DynamoDBDocumentClient);
const failed = (item?: Record<string, unknown>) => new ConditionalCheckFailedException({ $metadata: { httpStatusCode: 400 }, message: 'The conditional request failed', ...(item ? { Item: item as never } : {}) });

beforeEach(() => dynamo.reset());

describe('conditional writes', () => {
  it('says written, with the attributes ReturnValues asked for', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { investigationId: 'inv-1' } });
    await expect(updateIf({ TableName: 't', Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'SET x = :x', ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_NEW' })).resolves.toEqual({
      written: true,
      attributes: { investigationId: 'inv-1' },
    });
  });

  it('answers a failed condition as data, with the item DynamoDB sent back, unmarshalled', async () => {
    dynamo.on(PutCommand).rejects(failed({ pk: { S: 'a' }, generation: { N: '3' }, started: { BOOL: true } }));
    const outcome = await putIf({ TableName: 't', Item: { pk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' }, { current: true });
    expect(outcome).toEqual({ written: false, current: { pk: 'a', generation: 3, started: true } });
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });

  it('asks for the item only when told to', async () => {
    dynamo.on(DeleteCommand).rejects(failed());
    await expect(deleteIf({ TableName: 't', Key: { pk: 'a', sk: 'b' }, ConditionExpression: '#o = :o', ExpressionAttributeNames: { '#o': 'owner' }, ExpressionAttributeValues: { ':o': 'me' } })).resolves.toEqual({ written: false });
    expect(dynamo.commandCalls(DeleteCommand)[0]!.args[0].input.ReturnValuesOnConditionCheckFailure).toBeUndefined();
  });

  it('reads the item again when the failure came without it (dynalite), and not when it came with it', async () => {
    const reread = vi.fn(async () => (await documentClient.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }))).Item);
    dynamo.on(GetCommand).resolves({ Item: { pk: 'a', holder: 'inv-2' } });
    await expect(currentOr({ written: false }, reread)).resolves.toEqual({ pk: 'a', holder: 'inv-2' });
    expect(reread).toHaveBeenCalledTimes(1);
    await expect(currentOr({ written: false, current: { pk: 'a', holder: 'inv-3' } }, reread)).resolves.toEqual({ pk: 'a', holder: 'inv-3' });
    expect(reread).toHaveBeenCalledTimes(1);
  });

  it('throws every other error as it came, so a throttled write is still retried as transient', async () => {
    dynamo.on(PutCommand).rejects(new ThrottlingException({ $metadata: { httpStatusCode: 400 }, message: 'slow down' }));
    await expect(putIf({ TableName: 't', Item: { pk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' })).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
