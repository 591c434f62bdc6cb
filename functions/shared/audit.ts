import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putIf } from './conditional-write.js';
import { documentClient, keys } from './table.js';

export interface AuditEntry {
  type: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  at: string;
  entryId: string;
}

/** An entry as it is stored: on its own audit item, or on the item of the act it records (a settled delivery). */
export function auditFields(entry: AuditEntry, at: string, entryId: string): StoredAuditEntry {
  return { at, entryId, type: entry.type, actor: entry.actor, detail: entry.detail };
}

/**
 * Appends one entry to an investigation's audit trail. Entries are only ever put with
 * `attribute_not_exists`, never updated or deleted: the trail is append-only. A fixed
 * `entryId` makes a retried step write its entry once; returns false when it was already there.
 */
export async function appendAudit(
  tableName: string,
  tenantId: string,
  investigationId: string,
  entry: AuditEntry,
  options: { entryId?: string; at?: string } = {},
): Promise<boolean> {
  const at = options.at ?? new Date().toISOString();
  const entryId = options.entryId ?? randomUUID();
  const { pk, skPrefix } = keys.auditPrefix(tenantId, investigationId);
  const key = { pk, sk: options.entryId ? `${skPrefix}ID#${entryId}` : `${skPrefix}${at}#${entryId}` };
  const outcome = await putIf({
    TableName: tableName,
    Item: { ...key, ...auditFields(entry, at, entryId) },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
  return outcome.written;
}

/**
 * The whole trail of one investigation, oldest first: its audit items, and the entries that
 * items written at the same step carry (a settled delivery, `delivery/claims.ts`; the policy
 * and approval-decision parts of the record, `records.ts`), read in one query over the
 * investigation's partition.
 */
export async function readAudit(tableName: string, tenantId: string, investigationId: string, client: DynamoDBDocumentClient = documentClient): Promise<StoredAuditEntry[]> {
  const { pk, skPrefix } = keys.auditPrefix(tenantId, investigationId);
  const entries: StoredAuditEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ProjectionExpression: 'sk, #at, entryId, #type, actor, detail, audit',
        ExpressionAttributeNames: { '#at': 'at', '#type': 'type' },
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      if (String(item.sk).startsWith(skPrefix)) entries.push({ at: item.at, entryId: item.entryId, type: item.type, actor: item.actor, detail: item.detail });
      else if (item.audit) entries.push(item.audit as StoredAuditEntry);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.entryId.localeCompare(b.entryId));
}
