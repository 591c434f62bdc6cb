import { createRequire } from 'node:module';
import { createServer, request as forward, type Server } from 'node:http';
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

/** Read and write capacity units DynamoDB would bill on demand, summed over every request the meter saw. */
export interface CapacityMeter {
  readUnits: number;
  writeUnits: number;
  requests: number;
}

const METERED_ACTIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem']);
const READ_ACTIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function unitsOf(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, c: { CapacityUnits?: number }) => sum + (c.CapacityUnits ?? 0), 0);
}

/**
 * A loopback proxy in front of dynalite that asks every data request for its consumed
 * capacity (`ReturnConsumedCapacity: TOTAL`, table and indexes) and sums it, so a bench
 * can price an investigation's reads and writes at on-demand rates. The response passes
 * through byte for byte; only measuring code starts it.
 */
export async function meterDynamo(target: string): Promise<{ endpoint: string; server: Server; meter: CapacityMeter }> {
  const meter: CapacityMeter = { readUnits: 0, writeUnits: 0, requests: 0 };
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    void readBody(incoming).then((raw) => {
      const action = String(incoming.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      let body = raw;
      if (METERED_ACTIONS.has(action)) {
        const parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        body = Buffer.from(JSON.stringify({ ...parsed, ReturnConsumedCapacity: 'TOTAL' }));
      }
      const headers = { ...incoming.headers, 'content-length': String(body.length), host: upstream.host };
      const proxied = forward({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
        void readBody(answer).then((reply) => {
          if (METERED_ACTIONS.has(action) && answer.statusCode === 200) {
            const units = unitsOf((JSON.parse(reply.toString('utf8')) as { ConsumedCapacity?: unknown }).ConsumedCapacity);
            meter.requests += 1;
            if (READ_ACTIONS.has(action)) meter.readUnits += units;
            else meter.writeUnits += units;
          }
          outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
          outgoing.end(reply);
        });
      });
      proxied.on('error', (error) => {
        outgoing.writeHead(502);
        outgoing.end(error.message);
      });
      proxied.end(body);
    }).catch((error: Error) => {
      outgoing.writeHead(400);
      outgoing.end(error.message);
    });
  });
  const endpoint = await listen(server);
  return { endpoint, server, meter };
}
