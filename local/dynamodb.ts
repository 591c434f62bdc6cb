import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { listen } from './aws-endpoint.js';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number }) => Server;

/**
 * A real DynamoDB implementation (dynalite) on loopback: LevelDB files under `path` when
 * persistent, in memory otherwise. It lacks TTL deletion and transactions, which is why
 * every write in Causeway is a single conditional operation and expired items are
 * treated as absent on read.
 */
export async function startDynamo(path?: string): Promise<{ endpoint: string; server: Server }> {
  const server = dynalite({ path, createTableMs: 0 });
  const endpoint = await listen(server);
  return { endpoint, server };
}

/** Creates the table with the key schema the CDK stack declares, unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  client.destroy();
}
