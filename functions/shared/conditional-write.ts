import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from './table.js';

/**
 * How a conditional write ended. A failed condition is an answer (someone else holds the
 * lock, the record already exists, the approval was decided), not an error, so it comes back
 * as data; every other error is thrown as it was.
 */
export type ConditionalWrite =
  | { written: true; /** What `ReturnValues` asked for, when it asked. */ attributes?: Record<string, unknown> }
  | {
      written: false;
      /**
       * The item as it stood when the condition failed, when asked for with `current: true`:
       * DynamoDB returns it (`ReturnValuesOnConditionCheckFailure: ALL_OLD`) so the caller need
       * not read it again. Undefined when the item does not exist, and always on dynalite, which
       * ignores the parameter: callers that need it read it again then (see `currentOr`).
       */
      current?: Record<string, unknown>;
    };

export interface ConditionalWriteOptions {
  /** Ask DynamoDB for the item as it stood when the condition failed. */
  current?: boolean;
  client?: DynamoDBDocumentClient;
}

function isConditionFailure(error: unknown): error is Error & { Item?: Record<string, AttributeValue> } {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}

/** Adds the request for the item as it stood when asked for. */
function asking<T extends object>(input: T, options: ConditionalWriteOptions): T {
  return options.current ? { ...input, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } : input;
}

async function settle(write: Promise<{ Attributes?: Record<string, unknown> }>): Promise<ConditionalWrite> {
  try {
    const out = await write;
    return { written: true, ...(out.Attributes ? { attributes: out.Attributes } : {}) };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { written: false, ...(error.Item ? { current: unmarshall(error.Item) } : {}) };
  }
}

/** A PutItem with a `ConditionExpression`; see ConditionalWrite. */
export function putIf(input: PutCommandInput & { ConditionExpression: string }, options: ConditionalWriteOptions = {}): Promise<ConditionalWrite> {
  return settle((options.client ?? documentClient).send(new PutCommand(asking(input, options))));
}

/** An UpdateItem with a `ConditionExpression`; see ConditionalWrite. */
export function updateIf(input: UpdateCommandInput & { ConditionExpression: string }, options: ConditionalWriteOptions = {}): Promise<ConditionalWrite> {
  return settle((options.client ?? documentClient).send(new UpdateCommand(asking(input, options))));
}

/** A DeleteItem with a `ConditionExpression`; see ConditionalWrite. */
export function deleteIf(input: DeleteCommandInput & { ConditionExpression: string }, options: ConditionalWriteOptions = {}): Promise<ConditionalWrite> {
  return settle((options.client ?? documentClient).send(new DeleteCommand(asking(input, options))));
}

/**
 * The item that failed a condition: the one DynamoDB returned with the failure, else read
 * again (dynalite returns none; DynamoDB returns none when the item does not exist).
 */
export async function currentOr<T>(outcome: ConditionalWrite & { written: false }, reread: () => Promise<T | undefined>): Promise<T | undefined> {
  return (outcome.current as T | undefined) ?? reread();
}
