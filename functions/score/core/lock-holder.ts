import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, type Signal } from './types.js';

/**
 * Words a database or its client uses for a statement that waited on a lock another
 * session held: PostgreSQL's "canceling statement due to lock timeout" and "still waiting
 * for ShareLock on transaction", MySQL's "Lock wait timeout exceeded", Oracle's and
 * Hibernate's "could not obtain lock", SQL Server's lock request time-outs.
 */
const LOCK_WAIT = /lock[ _.-]?(wait|timeout|time-out|request)|waiting for \w*lock|wait(ed|ing)? .{0,40}\bfor (a |the )?\w*lock\b|could not obtain lock|lock ?not ?available/i;

/** A signal of the service's own that says its statements waited on a lock held elsewhere. */
const lockWait = (s: Signal) => s.local && LOCK_WAIT.test(s.text);

/** Whether a service's own trouble, if any, is lock waits: nothing else of its own went wrong. */
const nothingButWaits = (p: ServiceProfile | undefined) => p === undefined || p.signals.every((s) => !s.local || lockWait(s));

/** Whether a service's own trouble is lock waits: it waited on locks, and did nothing else wrong of its own. */
const onlyWaitedOnLocks = (p: ServiceProfile) => p.signals.some(lockWait) && nothingButWaits(p);

/**
 * Pairs each service whose own trouble is only waiting on locks (a caller of a shared
 * store timing out on locks, or the store itself logging sessions that wait) with the
 * sibling that held them: another caller of the same store, not itself waiting on locks,
 * with clear trouble of its own (a faint line is not a batch holding rows) that began no
 * later than the waits did (within `tolerance`), the earliest of them. A lock wait is a
 * victim's symptom: a session times out because another session holds the rows; the
 * other writer of the store that got into trouble first (a batch whose runs overlap, a
 * migration, a reconciler in long transactions) is where it starts, and the store whose
 * sessions wait did nothing wrong of its own. The store must show no trouble of its own
 * but waiting sessions: a store that ran out of connections or CPU is a root of its own,
 * and its lock waits are part of that. Returns [waiter, holder].
 */
export function lockHolders(profiles: ReadonlyMap<string, ServiceProfile>, graph: ReadonlyMap<string, ReadonlySet<string>>, tolerance: number): [string, string][] {
  const out: [string, string][] = [];
  for (const waiter of profiles.values()) {
    if (!onlyWaitedOnLocks(waiter)) continue;
    const waitedAt = Math.min(...waiter.signals.filter(lockWait).map((s) => s.onsetMs));
    const stores = new Set([waiter.service, ...(graph.get(waiter.service) ?? [])]);
    const holder = [...profiles.values()]
      .filter((h) => h !== waiter && h.local > 0 && h.signals.some((s) => s.strength >= CLEAR_STRENGTH) && !h.signals.some(lockWait) && h.onsetMs <= waitedAt + tolerance)
      .filter((h) => [...(graph.get(h.service) ?? [])].some((store) => store !== h.service && stores.has(store) && nothingButWaits(profiles.get(store))))
      .sort((a, b) => a.onsetMs - b.onsetMs || b.local - a.local)[0];
    if (holder) out.push([waiter.service, holder.service]);
  }
  return out;
}
