import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransientError } from '../../shared/errors.js';
import { keys } from '../../shared/table.js';
import type { DayRange } from './translate.js';

const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError', 'ServiceUnavailable']);

export interface DayRead {
  items: Record<string, unknown>[];
  /** True when the page bound was reached with more items left in the partition. */
  truncated: boolean;
}

/** Reads one day partition of a tenant's change log over a sort-key range, newest first (closest to the alert), up to `maxPages` pages. */
export async function readDay(
  db: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
  range: DayRange,
  bounds: { pageSize: number; maxPages: number },
  signal: AbortSignal,
): Promise<DayRead> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  for (let page = 0; page < bounds.maxPages; page++) {
    let out;
    try {
      out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.changeDay(tenantId, range.day).pk, ':from': range.fromSk, ':to': range.toSk },
          ScanIndexForward: false,
          Limit: bounds.pageSize,
          ExclusiveStartKey: start,
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      const name = (error as Error).name;
      if (THROTTLED.has(name)) throw new TransientError(`change log query for ${range.day}: ${name}`, { cause: error });
      throw error;
    }
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
    if (!start) return { items, truncated: false };
  }
  return { items, truncated: true };
}
