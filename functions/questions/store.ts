import { type FollowUpQuestion, MAX_FOLLOW_UP_QUESTIONS } from '../contracts/index.js';
import { ConflictError } from '../shared/errors.js';
import { appendQuestion as appendToRecord } from '../shared/records.js';

/** Appends one answered question to the record; a record already holding the most it keeps is a conflict. */
export async function appendQuestion(tableName: string, tenantId: string, investigationId: string, question: FollowUpQuestion): Promise<void> {
  if (!(await appendToRecord(tableName, tenantId, investigationId, question))) throw new ConflictError(`investigation ${investigationId} already has ${MAX_FOLLOW_UP_QUESTIONS} questions`);
}
