import { createHash } from 'node:crypto';
import type { IncidentSignal, LifecycleEntry, LifecycleEventKind } from '../contracts/index.js';
import { appendAudit } from '../shared/audit.js';
import { appendLifecycle } from '../shared/records.js';

/**
 * What each lifecycle event does to an investigation. `open` may start one (or join the open
 * one, as any firing alert does); `update` is written to the investigation the alert belongs
 * to and never starts one; `close` marks the alert resolved there. README "Alert lifecycle"
 * shows the same table per source.
 */
export const LIFECYCLE_ROLE: Record<LifecycleEventKind, 'open' | 'update' | 'close'> = {
  opened: 'open',
  reopened: 'open',
  acknowledged: 'update',
  unacknowledged: 'update',
  escalated: 'update',
  reassigned: 'update',
  priority_changed: 'update',
  note_added: 'update',
  snoozed: 'update',
  unsnoozed: 'update',
  resolved: 'close',
  deleted: 'close',
};

/** Senders that report only firing and resolved open on firing and close on resolved. */
export function lifecycleRole(signal: IncidentSignal): 'open' | 'update' | 'close' {
  if (signal.lifecycle) return LIFECYCLE_ROLE[signal.lifecycle.event];
  return signal.status === 'resolved' ? 'close' : 'open';
}

/** The entry a signal writes; a resolve from a sender without lifecycle events is dated when it arrived. */
export function lifecycleEntry(signal: IncidentSignal): LifecycleEntry {
  const { lifecycle } = signal;
  if (!lifecycle) return { event: signal.status === 'resolved' ? 'resolved' : 'opened', at: signal.receivedAt, source: signal.source };
  return { event: lifecycle.event, at: lifecycle.at, source: signal.source, ...(lifecycle.by ? { by: lifecycle.by } : {}), ...(lifecycle.detail ? { detail: lifecycle.detail } : {}) };
}

/** Senders retry deliveries: the same event from the same alert hashes to the same audit entry. */
function entryIdOf(signal: IncidentSignal, entry: LifecycleEntry): string {
  return createHash('sha256').update([signal.dedupKey, entry.event, entry.at, entry.by ?? '', entry.detail ?? ''].join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Writes one lifecycle event to the investigation's record and its append-only audit trail,
 * once whatever the sender's retries: the record remembers the ids of the events it holds
 * (one conditional write), and the audit entry has a fixed id, so a retry after either write
 * failed completes the other. The record keeps the first MAX_LIFECYCLE_ENTRIES events; the
 * trail keeps them all. Returns false when the record already had it (or was full).
 */
export async function recordLifecycle(tableName: string, investigationId: string, signal: IncidentSignal): Promise<boolean> {
  const entry = lifecycleEntry(signal);
  const entryId = entryIdOf(signal, entry);
  const added = await appendLifecycle(tableName, signal.tenantId, investigationId, entry, entryId);
  await appendAudit(
    tableName,
    signal.tenantId,
    investigationId,
    { type: `alert.${entry.event}`, actor: entry.by ?? signal.source, detail: { source: signal.source, externalId: signal.externalId, ...(entry.detail ? { detail: entry.detail } : {}) } },
    { entryId, at: entry.at },
  );
  return added;
}
