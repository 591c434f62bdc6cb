import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ChangeEvent } from '../contracts/evidence.js';
import { TransientError } from '../shared/errors.js';
import { documentClient, keys, ttlAfter } from '../shared/table.js';
import { type ConditionalWrite, currentOr, putIf } from '../shared/conditional-write.js';

/** How long a posted change stays readable: long past any investigation window. */
export const CHANGE_RETENTION_SECONDS = 90 * 24 * 3600;

/** One change as the table holds it. `bodyHash` tells a retry of the same change from a different one under the same key. */
export interface StoredChange {
  changeId: string;
  change: ChangeEvent;
  bodyHash: string;
  receivedAt: string;
}

export type PutOutcome = 'stored' | 'duplicate' | 'conflict';

const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError']);

/**
 * Stores a change with one conditional write, so concurrent retries store it once. When the key
 * is taken, the stored hash says whether this was the same change again (duplicate) or a
 * different one reusing the sender's id at the same instant (conflict).
 */
export async function putChange(tableName: string, tenantId: string, stored: StoredChange): Promise<PutOutcome> {
  const key = keys.change(tenantId, stored.change.at, stored.changeId);
  let outcome: ConditionalWrite;
  try {
    outcome = await putIf(
      {
        TableName: tableName,
        Item: { ...key, ...stored, expiresAt: ttlAfter(CHANGE_RETENTION_SECONDS, Date.parse(stored.change.at)) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
      { current: true },
    );
  } catch (error) {
    const name = (error as Error).name;
    if (THROTTLED.has(name)) throw new TransientError(`change log write: ${name}`, { cause: error });
    throw error;
  }
  if (outcome.written) return 'stored';
  const existing = await currentOr<StoredChange>(outcome, async () => (await documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as StoredChange | undefined);
  return existing?.bodyHash === stored.bodyHash ? 'duplicate' : 'conflict';
}
