import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { InvestigationRecord } from '../contracts/index.js';
import { listingForNewRecord, listingForUpdate } from './listing.js';
import { documentClient, keys } from './table.js';

/** Reads an investigation record scoped by tenant; undefined when absent. */
export async function readRecord(
  tableName: string,
  tenantId: string,
  investigationId: string,
  client: DynamoDBDocumentClient = documentClient,
): Promise<InvestigationRecord | undefined> {
  const out = await client.send(new GetCommand({ TableName: tableName, Key: keys.investigation(tenantId, investigationId), ConsistentRead: true }));
  return out.Item ? InvestigationRecord.parse(out.Item.record) : undefined;
}

/**
 * Sets top-level fields of the record document. The record lives in one `record`
 * attribute so it is read and validated whole; `updatedAt` moves on every write.
 */
export async function updateRecord(
  tableName: string,
  tenantId: string,
  investigationId: string,
  fields: Partial<Omit<InvestigationRecord, 'tenantId' | 'investigationId'>>,
): Promise<void> {
  const names: Record<string, string> = { '#record': 'record' };
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const updated = { ...fields, updatedAt: new Date().toISOString() };
  for (const [field, value] of Object.entries(updated)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#record.#${field} = :${field}`);
  }
  // The list index's summary follows the record, top-level and replaced whole.
  for (const [attribute, value] of Object.entries(listingForUpdate(updated))) {
    values[`:${attribute}`] = value;
    sets.push(`${attribute} = :${attribute}`);
  }
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.investigation(tenantId, investigationId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Creates the record when an investigation starts; false when it already exists (a retried start). */
export async function createRecord(tableName: string, record: InvestigationRecord): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.investigation(record.tenantId, record.investigationId), ...listingForNewRecord(record), record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
