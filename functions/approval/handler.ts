import middy from '@middy/core';
import { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { html, lowerCaseHeaders, rawBody } from '../shared/http.js';
import { createLogger } from '../shared/logger.js';
import { loadPlatformKeys } from '../shared/platform-keys.js';
import { handleApproval, type TaskResponder } from './core.js';
import { messagePage } from './pages.js';

const env = loadEnv({ TABLE_NAME: z.string().min(1), PLATFORM_SECRET_NAME: z.string().min(1), PUBLIC_BASE_URL: z.url() });
const logger = createLogger('approval');
const sfn = new SFNClient({});

const tasks: TaskResponder = {
  async succeed(taskToken, output) {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  },
  async fail(taskToken, error, cause) {
    await sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  },
};

async function approvalRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'POST') return html(405, messagePage('Method not allowed', 'Use the link, then the form on its page.'));
  const { tenantId, approvalId } = event.pathParameters ?? {};
  if (!tenantId || !approvalId) return html(404, messagePage('Not found', 'No such approval.'));
  const headers = lowerCaseHeaders(event.headers);
  const form = method === 'POST' ? Object.fromEntries(new URLSearchParams(rawBody(event))) : {};
  const keys = await loadPlatformKeys(env.PLATFORM_SECRET_NAME);
  const page = await handleApproval(
    {
      method,
      tenantId,
      approvalId,
      query: event.queryStringParameters ?? {},
      form,
      origin: headers.origin,
      path: event.rawPath,
    },
    { tableName: env.TABLE_NAME, keys, tasks, publicBaseUrl: env.PUBLIC_BASE_URL, now: () => new Date() },
  );
  logger.info('approval request', { method, tenantId, approvalId, status: page.status });
  return html(page.status, page.html);
}

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(approvalRoute);
