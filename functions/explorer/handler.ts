import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { readAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { formFields, headersOf, httpRoute } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { type PlatformKeys, loadPlatformKeys } from '../shared/platform-keys.js';
import { readRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { queryListing } from '../read-api/store.js';
import { EXPLORER_CSP, type ExplorerDeps, handleExplorer } from './core.js';
import { redeemLoginCode } from './login-codes.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), PLATFORM_SECRET_NAME: z.string().min(1), STATE_MACHINE_ARN: z.string().optional() });
const logger = createLogger('explorer');

let platformKeys: Promise<PlatformKeys> | undefined;
const keys = () => (platformKeys ??= loadPlatformKeys(env.PLATFORM_SECRET_NAME));

const deps: ExplorerDeps = {
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  cursorKey: async () => (await keys()).cursorKey,
  sessionKey: async () => (await keys()).explorerSessionKey,
  queryListing: (tenantId, filter, pageSize, start) => queryListing(env.TABLE_NAME, tenantId, filter, pageSize, start),
  readRecord: (tenantId, investigationId) => readRecord(env.TABLE_NAME, tenantId, investigationId),
  readAudit: (tenantId, investigationId) => readAudit(env.TABLE_NAME, tenantId, investigationId),
  redeemLoginCode: (tenantId, code) => redeemLoginCode(env.TABLE_NAME, tenantId, code),
  stateMachineArn: env.STATE_MACHINE_ARN,
  now: () => new Date(),
};

async function explorerRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await handleExplorer(
    {
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: event.queryStringParameters ?? {},
      cookies: event.cookies,
      headers: headersOf(event),
      form: formFields(event),
      domainName: event.requestContext.domainName,
    },
    deps,
  );
  // The path only: login links carry their single-use code in the query string.
  logger.info('explorer', { method: event.requestContext.http.method, path: event.rawPath, status: response.status, reason: response.logReason });
  return { statusCode: response.status, headers: response.headers, body: response.body, cookies: response.cookies };
}

/** Transport only: API Gateway event in, page out; the work is in core.ts. */
export const handler = httpRoute(explorerRoute, { form: true, contentSecurityPolicy: EXPLORER_CSP, isolated: true });
