import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteIf, putIf } from '../shared/conditional-write.js';
import { createLogger } from '../shared/logger.js';
import { keys, ttlAfter } from '../shared/table.js';

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
 * neighbourhoods share a service, so unrelated services start in parallel. All locks are
 * first tried at once (one round trip when nobody contends); if any is taken, those won are
 * let go and the locks are taken one by one in name order, so two neighbourhoods never wait
 * on each other in a cycle. A lock that stays taken past the wait (a stalled holder) is done
 * without: at worst two investigations, never a lost alert.
 */
export async function withStartLock<T>(tableName: string, tenantId: string, services: readonly string[], decide: () => Promise<T>, waitMs = START_LOCK_WAIT_MS): Promise<Decided<T>> {
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  const wanted = [...new Set(services)].sort();
  const held: string[] = [];
  try {
    const firstTry = await Promise.all(wanted.map(async (service) => ({ service, won: await tryAcquire(tableName, tenantId, service, owner) })));
    const won = firstTry.filter((t) => t.won).map((t) => t.service);
    if (won.length === wanted.length) held.push(...won);
    else {
      await releaseAll(tableName, tenantId, won, owner);
      for (const service of wanted) {
        if (await acquire(tableName, tenantId, service, owner, deadline)) held.push(service);
        else logger.warn('a start lock stayed taken; deciding without it', { tenantId, service, waitMs });
      }
    }
    const value = await decide();
    return { value, released: settled(releaseAll(tableName, tenantId, held, owner)) };
  } catch (error) {
    await releaseAll(tableName, tenantId, held, owner);
    throw error;
  }
}

/**
 * What was decided under the locks, and their release, already on its way: the caller goes on
 * (starting the execution) while the locks are let go, and awaits `released` before answering.
 */
export interface Decided<T> {
  value: T;
  released: () => Promise<void>;
}

/** A promise awaited later: its failure is kept for then rather than reported as unhandled now. */
function settled(promise: Promise<void>): () => Promise<void> {
  const outcome = promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const result = await outcome;
    if (!result.ok) throw result.error;
  };
}

async function tryAcquire(tableName: string, tenantId: string, service: string, owner: string): Promise<boolean> {
  const now = Date.now();
  const outcome = await putIf({
    TableName: tableName,
    Item: { ...keys.startLock(tenantId, service), owner, leaseUntilMs: now + START_LEASE_MS, expiresAt: ttlAfter(60, now) },
    ConditionExpression: 'attribute_not_exists(pk) OR leaseUntilMs < :now',
    ExpressionAttributeValues: { ':now': now },
  });
  return outcome.written;
}

async function acquire(tableName: string, tenantId: string, service: string, owner: string, deadline: number): Promise<boolean> {
  for (let pauseMs = 5; ; pauseMs = Math.min(2 * pauseMs, 100)) {
    if (await tryAcquire(tableName, tenantId, service, owner)) return true;
    if (Date.now() + pauseMs > deadline) return false;
    await sleep(pauseMs * (0.5 + Math.random()));
  }
}

/** Lets go of locks this owner holds; one whose lease ran out and was taken over is left to its new holder. */
async function releaseAll(tableName: string, tenantId: string, services: readonly string[], owner: string): Promise<void> {
  await Promise.all(
    services.map((service) =>
      deleteIf({
        TableName: tableName,
        Key: keys.startLock(tenantId, service),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    ),
  );
}
