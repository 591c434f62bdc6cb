import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { onFirstCall } from '../shared/lazy.js';
import { PayloadValidationError, TransientError } from '../shared/errors.js';
import { headersOf, httpRoute, json, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readTenantSecret } from '../shared/secrets.js';
import { isTransient } from '../shared/transient.js';
import { DEFAULT_SLACK_API_BASE_URL } from '../shared/slack-web-api.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { ingest, type IngestDeps, type IngestResponse } from './core.js';
import { cachedCertificates } from './sources/cloudwatch-sns/certificate-cache.js';
import { announceResolvedWhilePending } from './resolved-while-pending.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), STATE_MACHINE_ARN: z.string().min(1), SLACK_API_BASE_URL: z.url().default(DEFAULT_SLACK_API_BASE_URL) });
const logger = createLogger('ingest');
/** Loaded on the first start: duplicates, lifecycle updates and refusals never need it. */
const stepFunctions = onFirstCall(async () => {
  const { SFNClient, StartExecutionCommand } = await import('@aws-sdk/client-sfn');
  return { client: new SFNClient({}), StartExecutionCommand };
});

async function fetchCertificate(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new TransientError(`certificate fetch failed: ${(error as Error).message}`);
  }
  if (response.status >= 500) throw new TransientError(`certificate fetch answered ${response.status}`);
  if (!response.ok) throw new Error(`certificate fetch answered ${response.status}`);
  return response.text();
}

export const deps: IngestDeps = {
  tableName: env.TABLE_NAME,
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  startExecution: async (input) => {
    const { client, StartExecutionCommand } = await stepFunctions();
    try {
      await client.send(new StartExecutionCommand({ stateMachineArn: env.STATE_MACHINE_ARN, name: input.investigationId, input: JSON.stringify(input) }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
    }
  },
  confirmSubscription: async (url) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new TransientError(`SNS subscription confirmation answered ${response.status}`);
  },
  verify: { fetchCertificate: cachedCertificates({ fetch: fetchCertificate, now: Date.now }), now: () => new Date() },
  announceResolvedWhilePending: (tenant, record, entry) => announceResolvedWhilePending(tenant, record, entry, { slackApiBaseUrl: env.SLACK_API_BASE_URL }),
};

/** A dependency that failed transiently (a throttled table or Step Functions included) gets a 503, so the sender retries; the request was archived or nothing was acknowledged. */
async function ingestOrRetryLater(...args: Parameters<typeof ingest>): Promise<IngestResponse> {
  try {
    return await ingest(...args);
  } catch (error) {
    if (isTransient(error)) return { status: 503, body: { error: 'temporarily unavailable; retry' }, logReason: (error as Error).message };
    throw error;
  }
}

async function ingestRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', source = '' } = event.pathParameters ?? {};
  const response = await ingestOrRetryLater(
    {
      tenantId,
      source,
      door: 'http',
      requestId: event.requestContext.requestId ?? randomUUID(),
      headers: headersOf(event),
      rawBody: rawBody(event),
      receivedAt: new Date(),
    },
    deps,
  );
  const level = response.status >= 400 ? 'warn' : 'info';
  logger[level]('signal request', { tenantId, source, status: response.status, signals: response.body.signals?.length ?? 0, error: response.body.error, reason: response.logReason });
  const result = json(response.status, response.body);
  if (response.retryAfterSeconds !== undefined) result.headers = { ...result.headers, 'retry-after': String(response.retryAfterSeconds) };
  return result;
}

/**
 * What the EventBridge rule delivers: the CloudWatch alarm event wrapped, by the rule's
 * input transformer, with the tenant whose account it came from. IAM authenticated the
 * caller; the tenant must still have the cloudwatch source enabled.
 */
const EventBridgeDelivery = z.object({
  tenantId: z.string(),
  event: z.looseObject({ id: z.string(), source: z.literal('aws.cloudwatch'), 'detail-type': z.string() }),
});

async function ingestAlarmEvent(delivery: z.infer<typeof EventBridgeDelivery>): Promise<IngestResponse> {
  const response = await ingest(
    { tenantId: delivery.tenantId, source: 'cloudwatch', door: 'eventbridge', requestId: delivery.event.id, headers: {}, rawBody: JSON.stringify(delivery.event), receivedAt: new Date() },
    deps,
  );
  const level = response.status >= 400 ? 'error' : 'info';
  logger[level]('alarm event', { tenantId: delivery.tenantId, eventId: delivery.event.id, status: response.status, error: response.body.error, reason: response.logReason });
  return response;
}

const webhookRoute = httpRoute(ingestRoute);

function isHttpEvent(event: unknown): event is APIGatewayProxyEventV2 {
  return typeof event === 'object' && event !== null && 'requestContext' in event && 'rawPath' in event;
}

/** One ingest Lambda for both doors: the HTTP API (webhooks) and EventBridge (CloudWatch alarm state changes, retried by Lambda on a throw). */
export const handler = middy<unknown, APIGatewayProxyStructuredResultV2 | IngestResponse>().handler(async (event, context) => {
  if (isHttpEvent(event)) return webhookRoute(event, context);
  const delivery = EventBridgeDelivery.safeParse(event);
  if (!delivery.success) throw new PayloadValidationError('event', 'neither an API Gateway request nor a tenant-wrapped CloudWatch alarm event');
  return ingestAlarmEvent(delivery.data);
});
