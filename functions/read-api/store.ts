import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InvestigationStatus } from '../contracts/index.js';
import { LISTING_INDEX, type ListingRca, type ListingSignal, listingPartition } from '../shared/listing.js';
import { documentClient } from '../shared/table.js';
import type { ListingKey } from './cursor.js';

export interface ListingFilter {
  service?: string;
  statuses?: InvestigationStatus[];
  /** ISO time; only investigations created at or after it. */
  since?: string;
}

/** One index item: the table and index keys plus the projected summary. */
export interface ListingRow extends ListingKey {
  listStatus?: InvestigationStatus;
  listSignal?: ListingSignal;
  listRca?: ListingRca;
  listUpdatedAt?: string;
}

export interface ListingPage {
  rows: ListingRow[];
  /** Where to continue; absent when the list is exhausted. */
  next?: ListingKey;
}

/** Items read from the index per request, and requests per page: a selective filter returns a short page with a cursor rather than reading on. */
const ITEMS_PER_READ = 100;
const READS_PER_PAGE = 5;

function keyOf(row: ListingRow): ListingKey {
  return { pk: row.pk, sk: row.sk, listPk: row.listPk, listSk: row.listSk };
}

/**
 * One page of a tenant's investigations, newest first, from the list index (a Query on
 * the tenant's partition, never a Scan). Filters run server-side on the projected
 * summary; a page stops at `pageSize` rows or after a bounded number of reads.
 */
export async function queryListing(
  tableName: string,
  tenantId: string,
  filter: ListingFilter,
  pageSize: number,
  start: ListingKey | undefined,
  client: DynamoDBDocumentClient = documentClient,
): Promise<ListingPage> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':partition': listingPartition(tenantId) };
  let keyCondition = 'listPk = :partition';
  if (filter.since) {
    keyCondition += ' AND listSk >= :since';
    values[':since'] = filter.since;
  }
  const filters: string[] = [];
  if (filter.statuses?.length) {
    filters.push(`listStatus IN (${filter.statuses.map((_, i) => `:status${i}`).join(', ')})`);
    filter.statuses.forEach((status, i) => (values[`:status${i}`] = status));
  }
  if (filter.service) {
    names['#service'] = 'service';
    filters.push('(listSignal.#service = :service OR listRca.#service = :service)');
    values[':service'] = filter.service;
  }
  const rows: ListingRow[] = [];
  let startKey: Record<string, unknown> | undefined = start;
  for (let read = 0; read < READS_PER_PAGE; read++) {
    const out = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: LISTING_INDEX,
        KeyConditionExpression: keyCondition,
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: ITEMS_PER_READ,
        ExclusiveStartKey: startKey,
      }),
    );
    const items = (out.Items ?? []) as ListingRow[];
    for (const [i, item] of items.entries()) {
      rows.push(item);
      if (rows.length === pageSize) {
        const more = i < items.length - 1 || out.LastEvaluatedKey !== undefined;
        return { rows, next: more ? keyOf(item) : undefined };
      }
    }
    startKey = out.LastEvaluatedKey;
    if (!startKey) return { rows };
  }
  return { rows, next: startKey as ListingKey };
}
