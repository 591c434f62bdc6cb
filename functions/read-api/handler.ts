import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { readAudit } from '../shared/audit.js';
import { loadEnv } from '../shared/env.js';
import { headersOf, httpRoute, json } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { loadPlatformKeys } from '../shared/platform-keys.js';
import { readRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { handleGet, handleList, type ReadDeps } from './core.js';
import { queryListing } from './store.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), PLATFORM_SECRET_NAME: z.string().min(1) });
const logger = createLogger('read-api');

let cursorKey: Promise<Buffer> | undefined;

const deps: ReadDeps = {
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  cursorKey: () => (cursorKey ??= loadPlatformKeys(env.PLATFORM_SECRET_NAME).then((keys) => keys.cursorKey)),
  queryListing: (tenantId, filter, pageSize, start) => queryListing(env.TABLE_NAME, tenantId, filter, pageSize, start),
  readRecord: (tenantId, investigationId) => readRecord(env.TABLE_NAME, tenantId, investigationId),
  readAudit: (tenantId, investigationId) => readAudit(env.TABLE_NAME, tenantId, investigationId),
};

async function readRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', investigationId } = event.pathParameters ?? {};
  const authorization = headersOf(event).authorization;
  const response = investigationId === undefined
    ? await handleList({ tenantId, authorization, query: event.queryStringParameters }, deps)
    : await handleGet({ tenantId, investigationId, authorization }, deps);
  logger.info('read', { tenantId, investigationId, route: event.routeKey, status: response.status, reason: response.logReason });
  return json(response.status, response.body);
}

/** Transport only: the list and the record, as JSON; the work is in core.ts. */
export const handler = httpRoute(readRoute);
