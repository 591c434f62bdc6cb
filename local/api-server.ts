import { randomUUID } from 'node:crypto';
import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { loadHandler } from './functions.js';

/** API Gateway HTTP APIs refuse bodies over 10 MB before any Lambda runs. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface Route {
  method: string;
  pattern: RegExp;
  params: string[];
  routeKey: string;
  module: string;
}

function route(method: string, path: string, module: string): Route {
  const params: string[] = [];
  const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => (params.push(name), '([^/]+)'))}$`);
  return { method, pattern, params, routeKey: `${method} ${path}`, module };
}

/** The explorer's pages; the deployed API sends `/explorer` and `/explorer/{proxy+}` to the same handler, which routes by path. */
const EXPLORER_PATHS: [string[], string][] = [
  [['GET'], '/explorer'],
  [['GET', 'POST'], '/explorer/{page}'],
  [['GET'], '/explorer/assets/{asset}'],
  [['GET'], '/explorer/tenants/{tenantId}/login'],
  [['GET'], '/explorer/tenants/{tenantId}/investigations'],
  [['GET'], '/explorer/tenants/{tenantId}/investigations/{investigationId}'],
  [['GET'], '/explorer/tenants/{tenantId}/investigations/{investigationId}/evidence/{evidenceId}'],
];

/** The deployed API's routes, bound to the same handler modules. */
export const ROUTES: Route[] = [
  route('POST', '/v1/tenants/{tenantId}/signals/{source}', '../functions/ingest/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/approvals/{approvalId}', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/approvals/{approvalId}', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/slack/interactions', '../functions/approval/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/approvals/{approvalId}/signin', '../functions/approval/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/identity/callback', '../functions/approval/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/identity/signin', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/investigations/{investigationId}/questions', '../functions/questions/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/investigations/{investigationId}/feedback', '../functions/feedback/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/changes', '../functions/changes/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/investigations', '../functions/read-api/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/investigations/{investigationId}', '../functions/read-api/handler.js'),
  ...EXPLORER_PATHS.flatMap(([methods, path]) => methods.map((method) => route(method, path, '../functions/explorer/handler.js'))),
];

export type LocalRoute = (request: IncomingMessage, body: string, response: ServerResponse) => void;

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Builds the payload-format-2.0 event API Gateway would hand the Lambda. */
export function toApiGatewayEvent(request: IncomingMessage, url: URL, body: Buffer, matched: Route, params: Record<string, string>): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  // Payload 2.0 moves the Cookie header into a `cookies` array.
  const cookies = headers.cookie?.split(';').map((c) => c.trim()).filter(Boolean);
  delete headers.cookie;
  const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;
  const now = new Date();
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey: matched.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    queryStringParameters: query,
    pathParameters: params,
    body: body.length === 0 ? undefined : isText ? text : body.toString('base64'),
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: request.method ?? 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: matched.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
}

/** The local Slack capture's route; the Web API stand-in below hands it what Slack would show. */
const SLACK_CAPTURE = 'POST /_local/slack';

/** Where the Slack Web API stand-in answers: point SLACK_API_BASE_URL at `${apiUrl}${LOCAL_SLACK_API_PATH}`. */
export const LOCAL_SLACK_API_PATH = '/_local/slack/api/';

/**
 * A stand-in for Slack's Web API in front of the Slack capture, so the bot path runs
 * locally and in tests without Slack. Like Slack it answers HTTP 200 with `ok: true` and
 * the message's channel and ts, or `ok: false` and an error code: `not_authed` without a
 * bearer token, `channel_not_found` without a channel, `message_not_found` for an edit of a
 * message it never posted. Each message and each edit reaches the capture with its channel
 * and ts, so the captured list shows a message and then its edits under the same ts.
 */
function localSlackWebApi(capture: LocalRoute): (request: IncomingMessage, method: string, body: string, response: ServerResponse) => void {
  const posted = new Set<string>();
  let sequence = 0;
  const answer = (response: ServerResponse, result: Record<string, unknown>) => send(response, { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(result) });
  return (request, method, body, response) => {
    if (!/^Bearer xox[bp]-\S+$/.test(request.headers.authorization ?? '')) return answer(response, { ok: false, error: 'not_authed' });
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return answer(response, { ok: false, error: 'invalid_json' });
    }
    const channel = message.channel;
    if (typeof channel !== 'string' || channel === '') return answer(response, { ok: false, error: 'channel_not_found' });
    let ts: string;
    if (method === 'chat.postMessage') {
      ts = `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, '0')}`;
      posted.add(`${channel}/${ts}`);
    } else if (method === 'chat.update') {
      if (typeof message.ts !== 'string' || !posted.has(`${channel}/${message.ts}`)) return answer(response, { ok: false, error: 'message_not_found' });
      ts = message.ts;
    } else {
      return answer(response, { ok: false, error: 'unknown_method' });
    }
    const captured = new ServerResponse(request);
    capture(request, JSON.stringify({ ...message, channel, ts }), captured);
    answer(response, captured.statusCode === 200 ? { ok: true, channel, ts, message: { text: message.text, blocks: message.blocks } } : { ok: false, error: 'internal_error' });
  };
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  response.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>), ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}) });
  response.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}

/**
 * A local stand-in for the HTTP API: same routes, same events, same handlers. Local-only
 * helpers (the Slack capture, and with it the Slack Web API stand-in) are mounted under
 * `/_local/`, a prefix the deployed API does not have.
 */
export function createApiServer(localRoutes: Record<string, LocalRoute> = {}): Server {
  const capture = localRoutes[SLACK_CAPTURE];
  const slackWebApi = capture ? localSlackWebApi(capture) : undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    void (async () => {
      const body = await readBody(request);
      if (!body) return send(response, { statusCode: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
      const local = localRoutes[`${request.method} ${url.pathname}`];
      if (local) return local(request, body.toString('utf8'), response);
      if (slackWebApi && request.method === 'POST' && url.pathname.startsWith(LOCAL_SLACK_API_PATH)) return slackWebApi(request, url.pathname.slice(LOCAL_SLACK_API_PATH.length), body.toString('utf8'), response);
      for (const candidate of ROUTES) {
        const match = candidate.method === request.method ? candidate.pattern.exec(url.pathname) : null;
        if (!match) continue;
        const params = Object.fromEntries(candidate.params.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        const handler = await loadHandler(candidate.module);
        const result = (await handler(toApiGatewayEvent(request, url, body, candidate, params), { awsRequestId: randomUUID() })) as APIGatewayProxyStructuredResultV2;
        return send(response, result);
      }
      send(response, { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) });
    })().catch((error: Error) => {
      send(response, { statusCode: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal Server Error', detail: error.message }) });
    });
  });
  // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment gets
  // ECONNRESET (seen with 1,000 concurrent posts on a loaded machine). API Gateway keeps idle
  // connections far longer, so the stand-in does too.
  server.keepAliveTimeout = 60_000;
  return server;
}
