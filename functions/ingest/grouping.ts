import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IncidentSignal } from '../contracts/index.js';
import { documentClient, isExpired, keys, ttlAfter } from '../shared/table.js';

/** Alerts on the same or adjacent services within this long of an investigation's start join it. */
export const GROUP_WINDOW_SECONDS = 10 * 60;

/** The service and its direct neighbours in the call graph, both ways: where a related alert would fire. */
export function adjacentServices(service: string, topology: Record<string, string[]>): string[] {
  const adjacent = new Set([service, ...(topology[service] ?? [])]);
  for (const [caller, callees] of Object.entries(topology)) if (callees.includes(service)) adjacent.add(caller);
  return [...adjacent];
}

/** An investigation opened in the last window for this service or an adjacent one, if any. */
export async function findRelatedInvestigation(tableName: string, signal: IncidentSignal, topology: Record<string, string[]>, nowMs = Date.now()): Promise<string | undefined> {
  if (!signal.service) return undefined;
  for (const service of adjacentServices(signal.service, topology)) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.openByService(signal.tenantId, service), ConsistentRead: true }));
    const item = out.Item as { investigationId: string; expiresAt: number } | undefined;
    if (item && !isExpired(item, nowMs)) return item.investigationId;
  }
  return undefined;
}

/**
 * Makes an investigation the one that alerts on this service join, unless another live one
 * already is; returns whichever holds the service. One conditional write decides, so a
 * storm of distinct alerts on one service arriving together starts one investigation, not
 * one per alert that beat the first start. Claiming again with the same id is a no-op, so
 * a retried request keeps its claim.
 */
export async function claimGroup(tableName: string, signal: IncidentSignal, investigationId: string, nowMs = Date.now()): Promise<string> {
  if (!signal.service) return investigationId;
  const key = keys.openByService(signal.tenantId, signal.service);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key, investigationId, expiresAt: ttlAfter(GROUP_WINDOW_SECONDS, nowMs) },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now OR investigationId = :id',
          ExpressionAttributeValues: { ':now': Math.floor(nowMs / 1000), ':id': investigationId },
        }),
      );
      return investigationId;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    const holder = out.Item as { investigationId: string; expiresAt: number } | undefined;
    if (holder && !isExpired(holder, nowMs)) return holder.investigationId;
  }
  throw new Error(`group claim for ${signal.service} kept conflicting`);
}

/** Adds a signal to an investigation's related signals, so the record shows every alert it explains. */
export async function appendRelatedSignal(tableName: string, investigationId: string, signal: IncidentSignal): Promise<void> {
  const related = { source: signal.source, externalId: signal.externalId, title: signal.title, service: signal.service, status: signal.status, receivedAt: signal.receivedAt };
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.investigation(signal.tenantId, investigationId),
      UpdateExpression: 'SET #record.relatedSignals = list_append(if_not_exists(#record.relatedSignals, :empty), :signal), #record.updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#record': 'record' },
      ExpressionAttributeValues: { ':empty': [], ':signal': [JSON.parse(JSON.stringify(related))], ':now': new Date().toISOString() },
    }),
  );
}

/**
 * Appends to an investigation whose record its starter may be writing this very moment
 * (it won the group claim a few milliseconds ago). Returns false if the record never
 * appears, so the caller starts an investigation of its own rather than lose the alert.
 */
export async function appendRelatedSignalWhenCreated(tableName: string, investigationId: string, signal: IncidentSignal, waitsMs = [20, 50, 100, 250, 500, 1000]): Promise<boolean> {
  for (const waitMs of [0, ...waitsMs]) {
    if (waitMs) await sleep(waitMs);
    try {
      await appendRelatedSignal(tableName, investigationId, signal);
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return false;
}

/** A resolved alert stops drawing new alerts into its investigation. */
export async function closeForGrouping(tableName: string, signal: IncidentSignal, investigationId: string): Promise<void> {
  if (!signal.service) return;
  await documentClient
    .send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.openByService(signal.tenantId, signal.service),
        ConditionExpression: 'investigationId = :id',
        ExpressionAttributeValues: { ':id': investigationId },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}
