import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { headersOf, httpRoute, json, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readRecord } from '../shared/records.js';
import { sessionFromCookies } from '../shared/explorer-session.js';
import { loadPlatformKeys } from '../shared/platform-keys.js';
import { readTenantSecret } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { handleFeedback, type FeedbackDeps } from './core.js';
import { recordFeedback } from './record-feedback.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), PLATFORM_SECRET_NAME: z.string().min(1) });
const logger = createLogger('feedback');

const deps: FeedbackDeps = {
  tableName: env.TABLE_NAME,
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  readRecord: (tenantId, investigationId) => readRecord(env.TABLE_NAME, tenantId, investigationId),
  record: recordFeedback,
  now: () => new Date(),
};

let sessionKey: Promise<Buffer> | undefined;

/**
 * The explorer's session, for a JSON post that carries its cookie: the cookie is
 * SameSite=Strict, and a cross-site page cannot send a JSON body without a CORS preflight
 * this API never grants, so only the explorer's own page can make this request.
 */
async function explorerSession(event: APIGatewayProxyEventV2, tenantId: string) {
  const headers = headersOf(event);
  if (headers.authorization || !event.cookies?.length || !/^application\/json\b/i.test(headers['content-type'] ?? '')) return undefined;
  sessionKey ??= loadPlatformKeys(env.PLATFORM_SECRET_NAME).then((keys) => keys.explorerSessionKey);
  return sessionFromCookies(await sessionKey, event.cookies, tenantId, new Date());
}

async function feedbackRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', investigationId = '' } = event.pathParameters ?? {};
  const session = await explorerSession(event, tenantId);
  const response = await handleFeedback({ tenantId, investigationId, authorization: headersOf(event).authorization, ...(session ? { session } : {}), body: rawBody(event) }, deps);
  const given = 'feedback' in response.body ? response.body.feedback : undefined;
  logger.info('feedback', { tenantId, investigationId, status: response.status, reason: response.logReason, verdict: given?.verdict });
  return json(response.status, response.body);
}

/** Transport only: API Gateway event in, JSON out; the work is in core.ts. */
export const handler = httpRoute(feedbackRoute);
