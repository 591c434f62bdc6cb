import type { RcaFeedback } from '../contracts/index.js';
import { rememberFeedback } from '../memory/store.js';
import { appendAudit } from '../shared/audit.js';
import { createLogger } from '../shared/logger.js';
import { applyFeedback } from './store.js';

const logger = createLogger('feedback');

/** How giving a verdict ended. */
export type FeedbackOutcome = { kind: 'recorded'; feedback: RcaFeedback } | { kind: 'replayed' } | { kind: 'unknown' } | { kind: 'no_diagnosis'; status: string };

export interface RecordFeedbackInput {
  tableName: string;
  tenantId: string;
  investigationId: string;
  feedback: RcaFeedback;
  /**
   * Names this request in the audit trail: the same id twice is one request seen twice (a
   * replayed Slack click), refused the second time. Unique per request otherwise.
   */
  requestId: string;
}

/**
 * Records a verified person's verdict: first in the append-only audit trail (whose
 * conditional put also refuses a replayed request), then on the record, then in memory so
 * later recalls match on the corrected cause. Scoped by the caller's tenant throughout.
 */
export async function recordFeedback(input: RecordFeedbackInput, readRecord: () => Promise<{ status: string; rca?: unknown } | undefined>): Promise<FeedbackOutcome> {
  const { tableName, tenantId, investigationId, feedback } = input;
  const record = await readRecord();
  if (!record) return { kind: 'unknown' };
  if (!record.rca) return { kind: 'no_diagnosis', status: record.status };
  const detail = { verdict: feedback.verdict, by: feedback.by, ...(feedback.rootCause ? { rootCause: feedback.rootCause } : {}), ...(feedback.note ? { note: feedback.note } : {}) };
  const fresh = await appendAudit(tableName, tenantId, investigationId, { type: 'feedback.given', actor: `${feedback.by.issuer}#${feedback.by.subject}`, detail }, { entryId: `feedback-${input.requestId}`, at: feedback.at });
  if (!fresh) return { kind: 'replayed' };
  const before = await applyFeedback(tableName, tenantId, investigationId, feedback);
  if (!before) return { kind: 'unknown' };
  try {
    await rememberFeedback(tableName, before, feedback);
  } catch (error) {
    logger.warn('the verdict is on the record but not yet in memory', { tenantId, investigationId, error: (error as Error).name });
  }
  return { kind: 'recorded', feedback };
}
