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

/** Marks a just-started investigation as the one related alerts on this service should join. */
export async function markOpenForGrouping(tableName: string, signal: IncidentSignal, investigationId: string, nowMs = Date.now()): Promise<void> {
  if (!signal.service) return;
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.openByService(signal.tenantId, signal.service), investigationId, expiresAt: ttlAfter(GROUP_WINDOW_SECONDS, nowMs) },
    }),
  );
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
