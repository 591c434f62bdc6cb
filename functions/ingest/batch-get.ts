import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { TransientError } from '../shared/errors.js';
import { documentClient } from '../shared/table.js';

/** BatchGetItem reads at most this many keys a request. */
const BATCH_GET_LIMIT = 100;

/**
 * Items of one tenant partition by sort key, read in strongly consistent batches (one round
 * trip for up to 100 keys), the keys DynamoDB leaves unprocessed read again with a short
 * backoff. An absent item is absent from the map.
 */
export async function readBySortKey(tableName: string, itemKeys: readonly { pk: string; sk: string }[], what: string): Promise<Map<string, Record<string, unknown>>> {
  const items = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < itemKeys.length; i += BATCH_GET_LIMIT) {
    let keysLeft: Record<string, unknown>[] | undefined = itemKeys.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; keysLeft?.length; attempt++) {
      if (attempt > 5) throw new TransientError(`reading ${what} kept being throttled`);
      if (attempt) await sleep(Math.min(20 * 2 ** attempt, 500));
      const out: BatchGetCommandOutput = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keysLeft, ConsistentRead: true } } }));
      for (const item of out.Responses?.[tableName] ?? []) items.set(item.sk as string, item);
      keysLeft = out.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return items;
}
