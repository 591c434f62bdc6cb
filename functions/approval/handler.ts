import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { loadEnv } from '../shared/env.js';
import { formFields, headersOf, html, httpRoute, type HttpRoute, rawBody } from '../shared/http.js';
import { onFirstCall } from '../shared/lazy.js';
import { createLogger } from '../shared/logger.js';
import { loadPlatformKeys } from '../shared/platform-keys.js';
import { readRecord } from '../shared/records.js';
import { readTenantSecret } from '../shared/secrets.js';
import { postToSlack } from '../shared/slack.js';
import { DEFAULT_SLACK_API_BASE_URL } from '../shared/slack-web-api.js';
import { loadTenantConfig } from '../shared/tenants.js';
import { announcer } from './announce.js';
import { handleApproval, type TaskResponder } from './core.js';
import { dynamoLedger, dynamoSignIns } from './store.js';
import { readCookies } from './session.js';
import { finishSignIn, startExplorerSignIn, startSignIn, type WebResponse } from './signin.js';
import { messagePage } from './pages.js';
import { handleSlackInteraction } from './slack-interaction.js';

const env = loadEnv({
  TABLE_NAME: z.string().min(1),
  PLATFORM_SECRET_NAME: z.string().min(1),
  PUBLIC_BASE_URL: z.url(),
  /** Where Slack's response_url may point; only tests and the local runtime change it. */
  SLACK_RESPONSE_URL_PREFIX: z.string().default('https://hooks.slack.com/'),
  /** Slack's Web API, for editing the approval message; only tests and the local runtime change it. */
  SLACK_API_BASE_URL: z.url().default(DEFAULT_SLACK_API_BASE_URL),
});
const logger = createLogger('approval');
/** Loaded on the first decision: opening the approval page and signing in never need it. */
const stepFunctions = onFirstCall(async () => {
  const { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
  return { client: new SFNClient({}), SendTaskFailureCommand, SendTaskSuccessCommand };
});
const announce = announcer({ tableName: env.TABLE_NAME, slackApiBaseUrl: env.SLACK_API_BASE_URL, readSecret: readTenantSecret });

/** A note to the clicker failed: nothing was decided, so it is only logged. */
async function respond(url: string, body: unknown): Promise<void> {
  await postToSlack(url, body).catch((error: Error) => logger.warn('could not answer the click through response_url', { error: error.name, message: error.message }));
}

const tasks: TaskResponder = {
  async succeed(taskToken, output) {
    const { client, SendTaskSuccessCommand } = await stepFunctions();
    await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  },
  async fail(taskToken, error, cause) {
    const { client, SendTaskFailureCommand } = await stepFunctions();
    await client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  },
};

/** Browser sign-in on the approval page: the start (from a valid link) and the identity provider's redirect back. */
const SIGN_IN_ROUTE = 'GET /v1/tenants/{tenantId}/approvals/{approvalId}/signin';
const CALLBACK_ROUTE = 'GET /v1/tenants/{tenantId}/identity/callback';
const EXPLORER_SIGN_IN_ROUTE = 'GET /v1/tenants/{tenantId}/identity/signin';
const SLACK_ROUTE = 'POST /v1/tenants/{tenantId}/slack/interactions';

const ledger = dynamoLedger(env.TABLE_NAME);
const signIns = dynamoSignIns(env.TABLE_NAME);
const loadTenant = (tenantId: string) => loadTenantConfig(env.TABLE_NAME, tenantId);

const notFound = () => html(404, messagePage('Not found', 'No such approval.'));

async function slackRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const tenantId = event.pathParameters?.tenantId;
  if (!tenantId) return notFound();
  const keys = await loadPlatformKeys(env.PLATFORM_SECRET_NAME);
  const result = await handleSlackInteraction(
    { tenantId, headers: headersOf(event), rawBody: rawBody(event) },
    { tableName: env.TABLE_NAME, keys, ledger, tasks, now: () => new Date(), announce, readSecret: readTenantSecret, respond, responseUrlPrefix: env.SLACK_RESPONSE_URL_PREFIX },
  );
  logger.info('slack interaction', { tenantId, status: result.status });
  return { statusCode: result.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: result.body };
}

/** A page or a redirect, with its cookies; API Gateway's payload 2.0 sets each entry of `cookies` as its own Set-Cookie. */
function web(response: WebResponse): APIGatewayProxyStructuredResultV2 {
  const result = response.location ? { statusCode: response.status, headers: { location: response.location, 'cache-control': 'no-store' } } : html(response.status, response.html ?? '');
  return response.cookies?.length ? { ...result, cookies: response.cookies } : result;
}

async function signInRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const tenantId = event.pathParameters?.tenantId;
  if (!tenantId) return notFound();
  const keys = await loadPlatformKeys(env.PLATFORM_SECRET_NAME);
  const deps = { signIns, keys, ledger, publicBaseUrl: env.PUBLIC_BASE_URL, now: () => new Date(), loadTenant, readSecret: readTenantSecret };
  const query = event.queryStringParameters ?? {};
  const approvalId = event.pathParameters?.approvalId;
  const response =
    event.routeKey === EXPLORER_SIGN_IN_ROUTE
      ? await startExplorerSignIn({ tenantId, next: query.next }, deps)
      : approvalId
        ? await startSignIn({ tenantId, approvalId, query }, deps)
        : await finishSignIn({ tenantId, query, cookies: readCookies(event.cookies, headersOf(event).cookie) }, deps);
  logger.info('sign-in', { tenantId, step: event.routeKey === CALLBACK_ROUTE ? 'callback' : 'start', status: response.status });
  return web(response);
}

async function approvalRoute(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  const { tenantId, approvalId } = event.pathParameters ?? {};
  if (method !== 'GET' && method !== 'POST') return html(405, messagePage('Method not allowed', 'Use the link, then the form on its page.'));
  if (!tenantId || !approvalId) return notFound();
  const headers = headersOf(event);
  const form = method === 'POST' ? formFields(event) : {};
  const keys = await loadPlatformKeys(env.PLATFORM_SECRET_NAME);
  const page = await handleApproval(
    {
      method,
      tenantId,
      approvalId,
      query: event.queryStringParameters ?? {},
      form,
      cookies: readCookies(event.cookies, headers.cookie),
      origin: headers.origin,
      path: event.rawPath,
    },
    { keys, ledger, tasks, announce, loadTenant, readRecord: (t, id) => readRecord(env.TABLE_NAME, t, id), publicBaseUrl: env.PUBLIC_BASE_URL, now: () => new Date() },
  );
  logger.info('approval request', { method, tenantId, approvalId, status: page.status });
  return html(page.status, page.html);
}

/** Every page and redirect of this function: its own markup and styles only, never framed, posting only to itself. */
const APPROVAL_CSP = { 'default-src': "'none'", 'style-src': "'unsafe-inline'", 'form-action': "'self'", 'frame-ancestors': "'none'" };

/** Slack's button clicks keep their raw body (its signature is over it); only the approval page's form is parsed. */
const slack = httpRoute(slackRoute, { contentSecurityPolicy: APPROVAL_CSP });
const signIn = httpRoute(signInRoute, { contentSecurityPolicy: APPROVAL_CSP });
const decision = httpRoute(approvalRoute, { contentSecurityPolicy: APPROVAL_CSP, form: true });

function routeFor(event: APIGatewayProxyEventV2): HttpRoute {
  if (event.routeKey === SLACK_ROUTE) return slack;
  if (event.routeKey === SIGN_IN_ROUTE || event.routeKey === CALLBACK_ROUTE || event.routeKey === EXPLORER_SIGN_IN_ROUTE) return signIn;
  return decision;
}

/** The approval links (GET confirms, POST decides), sign-in through the tenant's identity provider, and Slack's interactive buttons: one function, one decision core. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler((event, context) => routeFor(event)(event, context));
