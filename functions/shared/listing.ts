import type { InvestigationRecord } from '../contracts/index.js';

/**
 * The investigations list index. Each record's status item (functions/shared/records.ts)
 * carries a few small top-level attributes — the index keys and a summary — and the GSI
 * projects only those: a page of the list reads kilobytes, newest first, one tenant per
 * partition, never the record's parts.
 */
export const LISTING_INDEX = 'byTenantCreated';

/** The index's partition and sort key attributes. */
export const LISTING_PK = 'listPk';
export const LISTING_SK = 'listSk';

/**
 * Projected into the index besides the keys; each is replaced whole, so a SET never meets a
 * missing parent map. `listUpdatedAt` is when what a row lists (status, alert, root cause)
 * last changed: the index is written only then (`records.ts`), each write a unit billed.
 */
export const LISTING_PROJECTION = ['listStatus', 'listSignal', 'listRca', 'listUpdatedAt'] as const;

/** All of a tenant's investigations share one index partition; the tenant comes first, as in every key. */
export function listingPartition(tenantId: string): string {
  return `TENANT#${tenantId}#INVESTIGATIONS`;
}

/** Sorts by creation time, then id, so two investigations created in the same millisecond keep a stable order. */
export function listingSortKey(createdAt: string, investigationId: string): string {
  return `${createdAt}#${investigationId}`;
}

/** What one list row shows; everything else is in the record. */
export interface ListingSignal {
  title: string;
  service?: string;
  severity: string;
  source: string;
}

export interface ListingRca {
  service: string;
  kind: string;
  summary: string;
  confidence: number;
}

const SUMMARY_MAX = 300;

function signalSummary(signal: InvestigationRecord['signal']): ListingSignal {
  return { title: signal.title, service: signal.service, severity: signal.severity, source: signal.source };
}

function rcaSummary(rca: NonNullable<InvestigationRecord['rca']>): ListingRca {
  const text = rca.rootCause.statement.text;
  return { service: rca.rootCause.service, kind: rca.rootCause.kind, summary: text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text, confidence: rca.confidence };
}

/** The top-level attributes a new record item carries: the index keys and its summary. */
export function listingForNewRecord(record: InvestigationRecord): Record<string, unknown> {
  return {
    [LISTING_PK]: listingPartition(record.tenantId),
    [LISTING_SK]: listingSortKey(record.createdAt, record.investigationId),
    ...listingForUpdate(record),
  };
}

/**
 * The summary attributes to set alongside an update of some record fields: only those the
 * update changes, so a partial update never blanks another part of the summary.
 */
export function listingForUpdate(fields: Partial<Pick<InvestigationRecord, 'status' | 'signal' | 'rca' | 'updatedAt'>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields.status !== undefined) out.listStatus = fields.status;
  if (fields.signal !== undefined) out.listSignal = signalSummary(fields.signal);
  if (fields.rca !== undefined) out.listRca = rcaSummary(fields.rca);
  if (fields.updatedAt !== undefined) out.listUpdatedAt = fields.updatedAt;
  return out;
}
