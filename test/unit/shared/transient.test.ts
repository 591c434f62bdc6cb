import { ConditionalCheckFailedException, DynamoDBClient, InternalServerError, ProvisionedThroughputExceededException, RequestLimitExceeded, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { SecretsManagerServiceException, InternalServiceError, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { SFNServiceException, TaskTimedOut } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { z } from 'zod';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, TransientError } from '../../../functions/shared/errors.js';
import { SlackRateLimitedError } from '../../../functions/shared/slack-web-api.js';
import { stageHandler } from '../../../functions/shared/stage.js';
import { isTransient, toStageError } from '../../../functions/shared/transient.js';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: 'x' });

/** A service exception as the SDK builds one from an AWS error code it has no class for (Step Functions throttling). */
function sfnError(name: string, httpStatusCode: number, fault: 'client' | 'server', throttling = false): SFNServiceException {
  const error = new SFNServiceException({ name, $fault: fault, $metadata: { httpStatusCode }, message: `${name} from Step Functions` });
  return throttling ? Object.assign(error, { $retryable: { throttling: true } }) : error;
}

describe('the transient-error classifier', () => {
  it('calls DynamoDB throttling and 5xx transient', () => {
    expect(isTransient(new ProvisionedThroughputExceededException(meta(400)))).toBe(true);
    expect(isTransient(new ThrottlingException(meta(400)))).toBe(true);
    expect(isTransient(new RequestLimitExceeded(meta(400)))).toBe(true);
    expect(isTransient(new InternalServerError(meta(500)))).toBe(true);
  });

  it('calls Step Functions and Secrets Manager throttling transient, by name, status or the SDK’s throttling flag', () => {
    expect(isTransient(sfnError('ThrottlingException', 400, 'client'))).toBe(true);
    expect(isTransient(sfnError('SomeNewThrottle', 400, 'client', true))).toBe(true);
    expect(isTransient(sfnError('ServiceUnavailable', 503, 'server'))).toBe(true);
    expect(isTransient(new SecretsManagerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }))).toBe(true);
    expect(isTransient(new InternalServiceError(meta(500)))).toBe(true);
  });

  it('calls a dropped connection and our own Slack throttling transient', () => {
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new SlackRateLimitedError('chat.postMessage', 30))).toBe(true);
  });

  it('leaves failures that repeat on every attempt alone', () => {
    expect(isTransient(new ConditionalCheckFailedException(meta(400)))).toBe(false);
    expect(isTransient(new ResourceNotFoundException(meta(400)))).toBe(false);
    expect(isTransient(new TaskTimedOut(meta(400)))).toBe(false);
    expect(isTransient(sfnError('AccessDeniedException', 400, 'client'))).toBe(false);
    expect(isTransient(new ConfigurationError('no such tenant'))).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
    expect(isTransient('a string')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });

  it('turns a transient failure into a TransientError that names the original and keeps it as cause', () => {
    const throttled = new ProvisionedThroughputExceededException({ $metadata: { httpStatusCode: 400 }, message: 'The level of configured provisioned throughput for the table was exceeded' });
    const converted = toStageError(throttled) as TransientError;
    expect(converted).toBeInstanceOf(TransientError);
    expect(converted.name).toBe('TransientError');
    expect(converted.message).toMatch(/^ProvisionedThroughputExceededException: The level of configured/);
    expect(converted.cause).toBe(throttled);
    const own = new TransientError('Slack answered 503');
    expect(toStageError(own)).toBe(own);
    const permanent = new ConfigurationError('bad');
    expect(toStageError(permanent)).toBe(permanent);
  });
});

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

describe('a stage', () => {
  const echo = stageHandler(z.object({ n: z.number() }), z.object({ n: z.number() }), async (event) => {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await client.send({ input: {} } as never);
    return { n: event.n };
  });

  it('throws DynamoDB throttling met in its core as TransientError, the name its ASL Retry matches', async () => {
    dynamo.rejects(new ProvisionedThroughputExceededException({ $metadata: { httpStatusCode: 400 }, message: 'throughput exceeded' }));
    await expect(echo({ n: 1 }, {} as never)).rejects.toMatchObject({ name: 'TransientError', message: expect.stringContaining('ProvisionedThroughputExceededException') });
  });

  it('lets a permanent failure through under its own name, and an invalid input stays a validation error', async () => {
    dynamo.rejects(new ConditionalCheckFailedException({ $metadata: { httpStatusCode: 400 }, message: 'condition' }));
    await expect(echo({ n: 1 }, {} as never)).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await expect(echo({ n: 'x' }, {} as never)).rejects.toMatchObject({ name: 'PayloadValidationError' });
  });
});

describe('the Finish stage', () => {
  let handler: (event: unknown, context: unknown) => Promise<unknown>;

  beforeAll(async () => {
    vi.stubEnv('TABLE_NAME', 'causeway-test');
    vi.stubEnv('PUBLIC_BASE_URL', 'https://causeway.example');
    ({ handler } = (await import('../../../functions/finish/handler.js')) as unknown as { handler: typeof handler });
  });

  it('answers a throttled table with TransientError rather than a failure Step Functions would not retry', async () => {
    dynamo.rejects(new ThrottlingException({ $metadata: { httpStatusCode: 400 }, message: 'Throughput exceeds the current capacity of your table or index' }));
    const input = { tenantId: 'acme', investigationId: 'inv-1', outcome: { kind: 'no_action', decision: 'none' } };
    await expect(handler(input, {})).rejects.toMatchObject({ name: 'TransientError', message: expect.stringContaining('ThrottlingException') });
  });
});

describe('the ingest route', () => {
  it('answers a throttled table with 503, so the alert sender retries, rather than a 500', async () => {
    vi.stubEnv('TABLE_NAME', 'causeway-test');
    vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:us-east-1:123456789012:stateMachine:causeway');
    const { handler } = (await import('../../../functions/ingest/handler.js')) as unknown as { handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }> };
    dynamo.rejects(new ProvisionedThroughputExceededException({ $metadata: { httpStatusCode: 400 }, message: 'throughput exceeded' }));
    const event = {
      rawPath: '/v1/tenants/acme/signals/alertmanager',
      pathParameters: { tenantId: 'acme', source: 'alertmanager' },
      headers: { 'content-type': 'application/json' },
      body: '{}',
      isBase64Encoded: false,
      requestContext: { requestId: 'r-1' },
    };
    const response = await handler(event, {});
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ error: 'temporarily unavailable; retry' });
  });
});
