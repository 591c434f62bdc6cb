import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IncidentSignal } from '../contracts/index.js';
import { currentOr, deleteIf, putIf } from '../shared/conditional-write.js';
import { appendToRecord } from '../shared/records.js';
import { documentClient, isExpired, keys, ttlAfter } from '../shared/table.js';

interface OpenItem {
  sk: string;
  investigationId: string;
  expiresAt: number;
}

/** Alerts on the same or adjacent services within this long of an investigation's start join it. */
export const GROUP_WINDOW_SECONDS = 10 * 60;

/** The service and its direct neighbours in the call graph, both ways: where a related alert would fire. */
export function adjacentServices(service: string, topology: Record<string, string[]>): string[] {
  const adjacent = new Set([service, ...(topology[service] ?? [])]);
  for (const [caller, callees] of Object.entries(topology)) if (callees.includes(service)) adjacent.add(caller);
  return [...adjacent];
}

/** The keys of the open-investigation items of a signal's service and its neighbours, the service's own first; none without a service. */
export function neighbourhoodOpenKeys(signal: IncidentSignal, topology: Record<string, string[]>): { pk: string; sk: string }[] {
  return signal.service ? adjacentServices(signal.service, topology).map((service) => keys.openByService(signal.tenantId, service)) : [];
}

/**
 * An investigation opened in the last window for this service or an adjacent one, if any,
 * among items read by sort key (the neighbourhood's, read in one consistent batch beside
 * their start locks: `start-lock.ts`); the service's own first.
 */
export function relatedInvestigation(items: ReadonlyMap<string, Record<string, unknown>>, signal: IncidentSignal, topology: Record<string, string[]>, nowMs = Date.now()): string | undefined {
  for (const key of neighbourhoodOpenKeys(signal, topology)) {
    const item = items.get(key.sk) as OpenItem | undefined;
    if (item && !isExpired(item, nowMs)) return item.investigationId;
  }
  return undefined;
}

/**
 * Makes an investigation the one that alerts on this service join, unless another live one
 * already is; returns whichever holds the service. One conditional write decides, so a
 * storm of distinct alerts on one service arriving together starts one investigation, not
 * one per alert that beat the first start. Claiming again with the same id is a no-op, so
 * a retried request keeps its claim. A lost claim hands back its holder (read again on dynalite).
 */
export async function claimGroup(tableName: string, signal: IncidentSignal, investigationId: string, nowMs = Date.now()): Promise<string> {
  if (!signal.service) return investigationId;
  const key = keys.openByService(signal.tenantId, signal.service);
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await putIf(
      {
        TableName: tableName,
        Item: { ...key, investigationId, expiresAt: ttlAfter(GROUP_WINDOW_SECONDS, nowMs) },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now OR investigationId = :id',
        ExpressionAttributeValues: { ':now': Math.floor(nowMs / 1000), ':id': investigationId },
      },
      { current: true },
    );
    if (outcome.written) return investigationId;
    const holder = await currentOr<OpenItem>(outcome, async () => (await documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as OpenItem | undefined);
    if (holder && !isExpired(holder, nowMs)) return holder.investigationId;
  }
  throw new Error(`group claim for ${signal.service} kept conflicting`);
}

/** Adds a signal to an investigation's related signals, so the record shows every alert it explains; false while the record does not exist. */
export async function appendRelatedSignal(tableName: string, investigationId: string, signal: IncidentSignal): Promise<boolean> {
  const related = { source: signal.source, externalId: signal.externalId, title: signal.title, service: signal.service, status: signal.status, receivedAt: signal.receivedAt };
  return appendToRecord(tableName, signal.tenantId, investigationId, 'relatedSignals', JSON.parse(JSON.stringify(related)));
}

/**
 * Appends to an investigation whose record its starter may be writing this very moment
 * (it won the group claim a few milliseconds ago). Returns false if the record never
 * appears, so the caller starts an investigation of its own rather than lose the alert.
 */
export async function appendRelatedSignalWhenCreated(tableName: string, investigationId: string, signal: IncidentSignal, waitsMs = [20, 50, 100, 250, 500, 1000]): Promise<boolean> {
  for (const waitMs of [0, ...waitsMs]) {
    if (waitMs) await sleep(waitMs);
    if (await appendRelatedSignal(tableName, investigationId, signal)) return true;
  }
  return false;
}

/** A resolved alert stops drawing new alerts into its investigation. */
export async function closeForGrouping(tableName: string, signal: IncidentSignal, investigationId: string): Promise<void> {
  if (!signal.service) return;
  await deleteIf({
    TableName: tableName,
    Key: keys.openByService(signal.tenantId, signal.service),
    ConditionExpression: 'investigationId = :id',
    ExpressionAttributeValues: { ':id': investigationId },
  });
}
