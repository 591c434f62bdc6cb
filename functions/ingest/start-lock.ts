import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createLogger } from '../shared/logger.js';
import { documentClient, keys, ttlAfter } from '../shared/table.js';

const logger = createLogger('ingest');

/** How long a holder keeps a lock at most: one that crashed frees it by then. */
export const START_LEASE_MS = 5_000;

/** The longest an alert waits for its locks before it decides without the rest. */
export const START_LOCK_WAIT_MS = 3_000;

/**
 * Runs `decide` while holding the start locks of a service and its neighbours, so "is an
 * investigation open here or next door?" and "then this one is" happen as one step.
 * Without it, alerts arriving together on adjacent services, each the first on its own
 * service, all see nothing open and all start. Two alerts contend only when their
 * neighbourhoods share a service, so unrelated services start in parallel; locks are taken
 * in name order, so two neighbourhoods never wait on each other in a cycle. A lock that
 * stays taken past the wait (a stalled holder) is done without: at worst two
 * investigations, never a lost alert.
 */
export async function withStartLock<T>(tableName: string, tenantId: string, services: readonly string[], decide: () => Promise<T>, waitMs = START_LOCK_WAIT_MS): Promise<T> {
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  const held: string[] = [];
  try {
    for (const service of [...new Set(services)].sort()) {
      if (await acquire(tableName, tenantId, service, owner, deadline)) held.push(service);
      else logger.warn('a start lock stayed taken; deciding without it', { tenantId, service, waitMs });
    }
    return await decide();
  } finally {
    await Promise.all(held.map((service) => release(tableName, tenantId, service, owner)));
  }
}

async function acquire(tableName: string, tenantId: string, service: string, owner: string, deadline: number): Promise<boolean> {
  for (let pauseMs = 5; ; pauseMs = Math.min(2 * pauseMs, 100)) {
    const now = Date.now();
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.startLock(tenantId, service), owner, leaseUntilMs: now + START_LEASE_MS, expiresAt: ttlAfter(60, now) },
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntilMs < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      if (now + pauseMs > deadline) return false;
      await sleep(pauseMs * (0.5 + Math.random()));
    }
  }
}

async function release(tableName: string, tenantId: string, service: string, owner: string): Promise<void> {
  await documentClient
    .send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.startLock(tenantId, service),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}
