import type { InvestigationRecord, RcaFeedback } from '../contracts/index.js';
import { TransientError } from '../shared/errors.js';
import { readRecord, replaceFeedbackIfUnchanged, statusOf } from '../shared/records.js';

/** The record keeps at most this many verdicts (the schema's bound); the audit trail keeps every one. */
export const MAX_FEEDBACK = 50;

const sameAuthor = (a: RcaFeedback, b: RcaFeedback) => a.by.issuer === b.by.issuer && a.by.subject === b.by.subject;

/**
 * The feedback list after a new verdict: one entry per verified author (a later verdict
 * replaces their earlier one, so the list says what each person now thinks), oldest
 * dropped past the bound.
 */
export function mergeFeedback(existing: RcaFeedback[] | undefined, feedback: RcaFeedback): RcaFeedback[] {
  return [...(existing ?? []).filter((f) => !sameAuthor(f, feedback)), feedback].slice(-MAX_FEEDBACK);
}

/**
 * Writes a verdict onto the record: read, merge, and write back only if nobody wrote the
 * record in between (its `updatedAt` unchanged), trying again a few times; so two people
 * clicking at once both land. A conflict hands back the status as it now stands where
 * DynamoDB returns it, so only dynalite reads it again. Returns the record as it was
 * before, or undefined when absent.
 */
export async function applyFeedback(tableName: string, tenantId: string, investigationId: string, feedback: RcaFeedback): Promise<InvestigationRecord | undefined> {
  let record = await readRecord(tableName, tenantId, investigationId);
  for (let attempt = 0; attempt < 4 && record; attempt++) {
    const outcome = await replaceFeedbackIfUnchanged(tableName, tenantId, investigationId, mergeFeedback(record.feedback, feedback), record.updatedAt);
    if (outcome.written) return record;
    const now = statusOf(outcome.current);
    record = now ? { ...record, feedback: now.feedback, updatedAt: now.updatedAt } : await readRecord(tableName, tenantId, investigationId);
  }
  if (!record) return undefined;
  throw new TransientError(`investigation ${investigationId} kept changing while feedback was written; try again`);
}
