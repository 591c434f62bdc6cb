import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { TransientError } from '../shared/errors.js';
import { headersOf, httpRoute, json, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readTenantSecret } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { recordChange, type ChangeDeps, type ChangeResponse } from './core.js';
import { putChange } from './store.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1) });
const logger = createLogger('changes');

const deps: ChangeDeps = {
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readTenantSecret,
  putChange: (tenantId, stored) => putChange(env.TABLE_NAME, tenantId, stored),
};

async function changeRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '' } = event.pathParameters ?? {};
  let response: ChangeResponse;
  try {
    response = await recordChange({ tenantId, headers: headersOf(event), rawBody: rawBody(event), receivedAt: new Date() }, deps);
  } catch (error) {
    if (!(error instanceof TransientError)) throw error;
    response = { status: 503, body: { error: 'temporarily unavailable; retry' }, logReason: error.message };
  }
  const level = response.status >= 400 ? 'warn' : 'info';
  logger[level]('change request', { tenantId, status: response.status, id: response.body.id, service: response.body.service, kind: response.body.kind, error: response.body.error, reason: response.logReason });
  return json(response.status, response.body);
}

/** Transport only: `POST /v1/tenants/{tenantId}/changes` in, JSON out; the work is in core.ts. */
export const handler = httpRoute(changeRoute);
