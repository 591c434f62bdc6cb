import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { InvestigationRecord } from '../functions/contracts/index.js';
import { LISTING_INDEX, LISTING_PK, LISTING_PROJECTION, LISTING_SK, listingForNewRecord } from '../functions/shared/listing.js';
import { listen } from './aws-endpoint.js';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number; deleteTableMs?: number }) => Server;

/**
 * A real DynamoDB implementation (dynalite) on loopback: LevelDB files under `path` when
 * persistent, in memory otherwise. It lacks TTL deletion and transactions, which is why
 * every write in Causeway is a single conditional operation and expired items are
 * treated as absent on read.
 */
export async function startDynamo(path?: string): Promise<{ endpoint: string; server: Server }> {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0 });
  const endpoint = await listen(server);
  return { endpoint, server };
}

/** The list index, as `lib/table.ts` declares it. */
const LISTING_GSI: GlobalSecondaryIndex = {
  IndexName: LISTING_INDEX,
  KeySchema: [
    { AttributeName: LISTING_PK, KeyType: 'HASH' },
    { AttributeName: LISTING_SK, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...LISTING_PROJECTION] },
};

const LISTING_ATTRIBUTES = [
  { AttributeName: LISTING_PK, AttributeType: 'S' as const },
  { AttributeName: LISTING_SK, AttributeType: 'S' as const },
];

/**
 * Creates the table with the key schema and index the CDK stack declares, unless it
 * exists; a table kept in `.causeway/` from before the list index gets the index added.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.GlobalSecondaryIndexes?.some((index) => index.IndexName === LISTING_INDEX)) await addListingIndex(client, tableName);
    client.destroy();
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await createTable(client, tableName);
  client.destroy();
}

/**
 * dynalite cannot add an index to a table, so a table from before the list index is
 * copied out, recreated with it and copied back, each record gaining its list summary.
 */
async function addListingIndex(client: DynamoDBClient, tableName: string): Promise<void> {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  await createTable(client, tableName);
  for (const item of items) {
    const record = item.sk === 'RECORD' ? InvestigationRecord.safeParse(item.record) : undefined;
    await documents.send(new PutCommand({ TableName: tableName, Item: record?.success ? { ...listingForNewRecord(record.data), ...item } : item }));
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        ...LISTING_ATTRIBUTES,
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [LISTING_GSI],
    }),
  );
}
