import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { InvestigationRecord, type RcaFeedback } from '../contracts/index.js';
import { TransientError } from '../shared/errors.js';
import { documentClient, keys } from '../shared/table.js';

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
 * clicking at once both land. Returns the record as it was before, or undefined when absent.
 */
export async function applyFeedback(tableName: string, tenantId: string, investigationId: string, feedback: RcaFeedback): Promise<InvestigationRecord | undefined> {
  const key = keys.investigation(tenantId, investigationId);
  for (let attempt = 0; attempt < 4; attempt++) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    if (!out.Item) return undefined;
    const record = InvestigationRecord.parse(out.Item.record);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #record.#feedback = :feedback, #record.#updatedAt = :now',
          ConditionExpression: '#record.#updatedAt = :previous',
          ExpressionAttributeNames: { '#record': 'record', '#feedback': 'feedback', '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: { ':feedback': mergeFeedback(record.feedback, feedback), ':now': new Date().toISOString(), ':previous': record.updatedAt },
        }),
      );
      return record;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  throw new TransientError(`investigation ${investigationId} kept changing while feedback was written; try again`);
}
