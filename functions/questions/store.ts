import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type FollowUpQuestion, MAX_FOLLOW_UP_QUESTIONS } from '../contracts/index.js';
import { ConflictError } from '../shared/errors.js';
import { documentClient, keys } from '../shared/table.js';

/**
 * Appends one answered question to the record in a single conditional update, so two
 * questions asked at once both land and the list never grows past its bound.
 */
export async function appendQuestion(tableName: string, tenantId: string, investigationId: string, question: FollowUpQuestion): Promise<void> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.investigation(tenantId, investigationId),
        UpdateExpression: 'SET #record.#questions = list_append(if_not_exists(#record.#questions, :empty), :question), #record.#updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#record.#questions) OR size(#record.#questions) < :max)',
        ExpressionAttributeNames: { '#record': 'record', '#questions': 'questions', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':empty': [], ':question': [question], ':now': new Date().toISOString(), ':max': MAX_FOLLOW_UP_QUESTIONS },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConflictError(`investigation ${investigationId} already has ${MAX_FOLLOW_UP_QUESTIONS} questions`);
    throw error;
  }
}
