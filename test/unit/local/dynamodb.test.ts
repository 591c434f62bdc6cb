import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryListing } from '../../../functions/read-api/store.js';
import { keys } from '../../../functions/shared/table.js';
import { ensureTable, startDynamo } from '../../../local/dynamodb.js';
import { hostileRecord } from '../explorer/fixtures.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startDynamo();
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(() => {
  client.destroy();
  dynamo.server.close();
});

describe('the local table', () => {
  it('gets the list index when kept from before it, with every item kept and each record listed', async () => {
    await client.send(new CreateTableCommand({ TableName: 'old', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
    const documents = DynamoDBDocumentClient.from(client);
    const record = hostileRecord();
    await documents.send(new PutCommand({ TableName: 'old', Item: { ...keys.investigation('demo', record.investigationId), record } }));
    await documents.send(new PutCommand({ TableName: 'old', Item: { ...keys.tenantConfig('demo'), config: { tenantId: 'demo' } } }));

    await ensureTable(dynamo.endpoint, 'old');

    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'old' }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byTenantCreated']);
    expect((await documents.send(new GetCommand({ TableName: 'old', Key: keys.tenantConfig('demo') }))).Item?.config).toEqual({ tenantId: 'demo' });
    const page = await queryListing('old', 'demo', {}, 10, undefined, documents);
    expect(page.rows.map((r) => [r.pk, r.listStatus])).toEqual([[keys.investigation('demo', record.investigationId).pk, 'diagnosed']]);
  });
});
