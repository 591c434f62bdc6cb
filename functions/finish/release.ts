import type { InvestigationRecord } from '../contracts/index.js';
import { releaseClaim } from '../ingest/dedup.js';
import { closeForGrouping } from '../ingest/grouping.js';

/**
 * After a failed run: the alert's dedup claim is released, so its next firing starts a new
 * investigation, and its service stops gathering related alerts into the failed one. Both
 * writes are conditional on still naming this investigation, so a retried RecordFailure or
 * a newer generation is left alone.
 */
export async function releaseFailedClaims(tableName: string, record: InvestigationRecord): Promise<void> {
  await releaseClaim(tableName, record.tenantId, record.signal.dedupKey, record.investigationId);
  await closeForGrouping(tableName, record.signal, record.investigationId);
}
