import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteIf, putIf } from '../shared/conditional-write.js';
import { createLogger } from '../shared/logger.js';
import { keys, ttlAfter } from '../shared/table.js';
import { readBySortKey } from './batch-get.js';

const logger = createLogger('ingest');

/** How long a holder keeps a lock at most: one that crashed frees it by then. */
export const START_LEASE_MS = 5_000;

/** The longest an alert waits for its locks before it decides without the rest. */
export const START_LOCK_WAIT_MS = 3_000;

/**
 * Runs `decide` holding the start lock of a service while no neighbour's is held, so "is an
 * investigation open here or next door?" and "then this one is" happen as one step. Without
 * it, alerts arriving together on adjacent services, each the first on its own service, all
 * see nothing open and all start.
 *
 * An alert locks its own service only (one conditional put, one delete: two writes whatever
 * the neighbourhood), then reads its neighbours' locks in the same consistent batch as the
 * items `decide` needs (their open investigations). Two alerts on adjacent services each
 * write their lock before reading the other's, so at least one of them sees the other's
 * lock, or, once that one let go, what it decided. Seeing a neighbour's lock held, an alert
 * lets go of its own and tries again if that neighbour's name sorts first, and otherwise
 * keeps its own and reads again, so the one that sorts first goes ahead and two never wait
 * on each other in a cycle. Alerts on one service contend on its lock. Locks whose lease ran
 * out are free. One that stays taken past the wait (a stalled holder) is done without: at
 * worst two investigations, never a lost alert.
 */
export async function withStartLock<T>(
  tableName: string,
  tenantId: string,
  service: string,
  neighbours: readonly string[],
  alsoRead: readonly { pk: string; sk: string }[],
  decide: (items: ReadonlyMap<string, Record<string, unknown>>) => Promise<T>,
  waitMs = START_LOCK_WAIT_MS,
): Promise<Decided<T>> {
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  const others = [...new Set(neighbours)].filter((s) => s !== service).sort();
  const read = () => readBySortKey(tableName, [...others.map((s) => keys.startLock(tenantId, s)), ...alsoRead], `the start locks and open investigations next to ${service}`);
  let held = false;
  try {
    let items: ReadonlyMap<string, Record<string, unknown>> | undefined;
    for (let pauseMs = 5; ; pauseMs = Math.min(2 * pauseMs, 100)) {
      items = undefined;
      if (!held) held = await tryAcquire(tableName, tenantId, service, owner);
      if (held) {
        items = await read();
        const now = Date.now();
        const busy = others.filter((s) => isHeld(items!.get(keys.startLock(tenantId, s).sk), now));
        if (!busy.length) break;
        if (busy[0]! < service) {
          await release(tableName, tenantId, service, owner);
          held = false;
        }
      }
      if (Date.now() + pauseMs > deadline) {
        logger.warn('a start lock stayed taken; deciding without it', { tenantId, service, waitMs, own: held });
        break;
      }
      await sleep(pauseMs * (0.5 + Math.random()));
    }
    const value = await decide(items ?? (await read()));
    return { value, released: settled(held ? release(tableName, tenantId, service, owner) : Promise.resolve()) };
  } catch (error) {
    if (held) await release(tableName, tenantId, service, owner);
    throw error;
  }
}

/** A lock someone holds: present and within its lease. */
function isHeld(item: Record<string, unknown> | undefined, nowMs: number): boolean {
  return item !== undefined && typeof item.leaseUntilMs === 'number' && item.leaseUntilMs >= nowMs;
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

/** Lets go of a lock this owner holds; one whose lease ran out and was taken over is left to its new holder. */
async function release(tableName: string, tenantId: string, service: string, owner: string): Promise<void> {
  await deleteIf({
    TableName: tableName,
    Key: keys.startLock(tenantId, service),
    ConditionExpression: '#owner = :owner',
    ExpressionAttributeNames: { '#owner': 'owner' },
    ExpressionAttributeValues: { ':owner': owner },
  });
}
