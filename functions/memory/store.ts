import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InvestigationRecord, RcaFeedback, SimilarIncident } from '../contracts/index.js';
import { createLogger } from '../shared/logger.js';
import { documentClient, isExpired, keys, ttlAfter } from '../shared/table.js';
import { MemoryEntry, memoryEntryOf } from './entry.js';
import { recordFeatures, featuresOf, type IncidentFeatures } from './features.js';
import { RECALL_WINDOW_DAYS, rankSimilar } from './recall.js';
import { updateIf } from '../shared/conditional-write.js';

const logger = createLogger('memory');

/** Memory outlives the recall window, so a longer window later still finds something. */
const MEMORY_TTL_SECONDS = 2 * RECALL_WINDOW_DAYS * 24 * 3600;
/** Per service queried: the newest this many inside the window are compared. */
const CANDIDATES_PER_SERVICE = 50;

/** The services an incident is remembered under and recalled by: its root cause and where the alert fired. */
export function memoryServices(features: Pick<IncidentFeatures, 'service' | 'alertService'>): string[] {
  return [...new Set([features.service, features.alertService].filter((s): s is string => Boolean(s)))];
}

/**
 * Remembers a finished investigation under each service it concerns (one small item per
 * service, tenant first in the key). A put, so a retried Finish writes the same items.
 */
export async function rememberInvestigation(tableName: string, record: InvestigationRecord, client: DynamoDBDocumentClient = documentClient): Promise<boolean> {
  const entry = memoryEntryOf(record);
  if (!entry) return false;
  // The sort key already holds the time and the investigation: the stored entry leaves them out, which keeps each item under the 1 KiB a write unit bills.
  const { investigationId, at, ...stored } = entry;
  for (const service of memoryServices(recordFeatures(record))) {
    await client.send(new PutCommand({ TableName: tableName, Item: { ...keys.memory(record.tenantId, service, at, investigationId), entry: stored, expiresAt: ttlAfter(MEMORY_TTL_SECONDS) } }));
  }
  return true;
}

/** A stored entry whole again: the time and investigation from its sort key (`<at>#<investigationId>`). */
function entryOf(item: Record<string, unknown>): unknown {
  const sk = String(item.sk ?? '');
  const split = sk.indexOf('#');
  return { ...(item.entry as object), at: sk.slice(0, split), investigationId: sk.slice(split + 1) };
}

/**
 * The tenant's remembered incidents on these services since `since`, newest first: one
 * Query per service over its own partition and time range, never a scan, and never
 * another tenant's partition.
 */
export async function recallCandidates(tableName: string, tenantId: string, services: string[], since: Date, client: DynamoDBDocumentClient = documentClient): Promise<MemoryEntry[]> {
  const entries: MemoryEntry[] = [];
  for (const service of services) {
    const out = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': keys.memoryOf(tenantId, service).pk, ':since': since.toISOString() },
        ScanIndexForward: false,
        Limit: CANDIDATES_PER_SERVICE,
      }),
    );
    for (const item of out.Items ?? []) {
      if (isExpired(item as { expiresAt?: number })) continue;
      const parsed = MemoryEntry.safeParse(entryOf(item));
      if (parsed.success) entries.push(parsed.data);
    }
  }
  return entries;
}

/** Similar past incidents of this diagnosis, from the tenant's own memory over the recall window. */
export async function recallSimilar(tableName: string, input: Pick<InvestigationRecord, 'tenantId' | 'investigationId' | 'signal' | 'scored' | 'rca'>, now: Date, client: DynamoDBDocumentClient = documentClient): Promise<SimilarIncident[]> {
  const features = featuresOf(input.signal, input.scored, input.rca);
  const since = new Date(now.getTime() - RECALL_WINDOW_DAYS * 24 * 3600 * 1000);
  const candidates = await recallCandidates(tableName, input.tenantId, memoryServices(features), since, client);
  return rankSimilar(features, input.investigationId, candidates);
}

/**
 * Carries a person's verdict into memory, so a later incident is matched on the corrected
 * cause. Only items that exist are touched; a record never remembered (no diagnosis) has none.
 */
export async function rememberFeedback(tableName: string, record: InvestigationRecord, feedback: RcaFeedback): Promise<void> {
  for (const service of memoryServices(recordFeatures(record))) {
    const outcome = await updateIf({
      TableName: tableName,
      Key: keys.memory(record.tenantId, service, record.createdAt, record.investigationId),
      UpdateExpression: feedback.rootCause ? 'SET #entry.#verdict = :verdict, #entry.#cause = :cause' : 'SET #entry.#verdict = :verdict REMOVE #entry.#cause',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#entry': 'entry', '#verdict': 'verdict', '#cause': 'correctedTo' },
      ExpressionAttributeValues: { ':verdict': feedback.verdict, ...(feedback.rootCause ? { ':cause': feedback.rootCause } : {}) },
    });
    if (!outcome.written) logger.info('no memory item to carry the feedback to', { tenantId: record.tenantId, investigationId: record.investigationId, service });
  }
}
