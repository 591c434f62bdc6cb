import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { json, lowerCaseHeaders, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readRecord } from '../shared/records.js';
import { readSecretJson } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { handleFeedback, type FeedbackDeps } from './core.js';
import { recordFeedback } from './record-feedback.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('feedback');

const deps: FeedbackDeps = {
  tableName: env.TABLE_NAME,
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: (ref) => readSecretJson(ref),
  readRecord: (tenantId, investigationId) => readRecord(env.TABLE_NAME, tenantId, investigationId),
  record: recordFeedback,
  now: () => new Date(),
};

async function feedbackRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', investigationId = '' } = event.pathParameters ?? {};
  const response = await handleFeedback({ tenantId, investigationId, authorization: lowerCaseHeaders(event.headers).authorization, body: rawBody(event) }, deps);
  const given = 'feedback' in response.body ? response.body.feedback : undefined;
  logger.info('feedback', { tenantId, investigationId, status: response.status, reason: response.logReason, verdict: given?.verdict });
  return json(response.status, response.body);
}

/** Transport only: API Gateway event in, JSON out; the work is in core.ts. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(feedbackRoute);
