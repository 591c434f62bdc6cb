import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { headersOf, httpRoute, json, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { modelClientFor, readApiKey } from '../reason/llm/config.js';
import { handleQuestion, type QuestionDeps } from './core.js';
import { appendQuestion } from './store.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('questions');

const deps: QuestionDeps = {
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  readRecord: (tenantId, investigationId) => readRecord(env.TABLE_NAME, tenantId, investigationId),
  appendQuestion: (tenantId, investigationId, question) => appendQuestion(env.TABLE_NAME, tenantId, investigationId, question),
  modelFor: async (tenantId, config) => ({ client: modelClientFor(config, await readApiKey(tenantId, config)), config }),
  now: () => new Date(),
};

async function questionRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', investigationId = '' } = event.pathParameters ?? {};
  const response = await handleQuestion({ tenantId, investigationId, authorization: headersOf(event).authorization, body: rawBody(event) }, deps);
  const answered = 'question' in response.body ? response.body.question : undefined;
  logger.info('follow-up question', { tenantId, investigationId, status: response.status, reason: response.logReason, author: answered?.author, usage: answered?.usage });
  return json(response.status, response.body);
}

/** Transport only: API Gateway event in, JSON out; the work is in core.ts. */
export const handler = httpRoute(questionRoute);
