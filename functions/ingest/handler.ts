import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { json, lowerCaseHeaders, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { readSecretJson } from '../shared/secrets.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { ingest, type IngestDeps } from './core.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), STATE_MACHINE_ARN: z.string().min(1) });
const logger = createLogger('ingest');
const sfn = new SFNClient({});

async function fetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`certificate fetch answered ${response.status}`);
  return response.text();
}

export const deps: IngestDeps = {
  tableName: env.TABLE_NAME,
  loadTenant: (tenantId) => loadTenantConfig(env.TABLE_NAME, tenantId),
  readSecret: readSecretJson,
  startExecution: async (input) => {
    try {
      await sfn.send(new StartExecutionCommand({ stateMachineArn: env.STATE_MACHINE_ARN, name: input.investigationId, input: JSON.stringify(input) }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
    }
  },
  verify: { fetchCertificate, now: () => new Date() },
};

async function ingestRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { tenantId = '', source = '' } = event.pathParameters ?? {};
  const response = await ingest(
    {
      tenantId,
      source,
      requestId: event.requestContext.requestId ?? randomUUID(),
      headers: lowerCaseHeaders(event.headers),
      rawBody: rawBody(event),
      receivedAt: new Date(),
    },
    deps,
  );
  logger.info('signal request', { tenantId, source, status: response.status, signals: response.body.signals?.length ?? 0, error: response.body.error });
  return json(response.status, response.body);
}

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(ingestRoute);
