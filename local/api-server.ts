import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/** The deployed API's routes, bound to the same handler modules. */
export const ROUTES: Route[] = [
  route('POST', '/v1/tenants/{tenantId}/signals/{source}', '../functions/ingest/handler.js'),
  route('GET', '/v1/tenants/{tenantId}/approvals/{approvalId}', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/approvals/{approvalId}', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/slack/interactions', '../functions/approval/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/investigations/{investigationId}/questions', '../functions/questions/handler.js'),
  route('POST', '/v1/tenants/{tenantId}/changes', '../functions/changes/handler.js'),
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
  const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;
  const now = new Date();
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey: matched.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
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

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}

/**
 * A local stand-in for the HTTP API: same routes, same events, same handlers. Local-only
 * helpers (the Slack capture) are mounted under `/_local/`, a prefix the deployed API does not have.
 */
export function createApiServer(localRoutes: Record<string, LocalRoute> = {}): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    void (async () => {
      const body = await readBody(request);
      if (!body) return send(response, { statusCode: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
      const local = localRoutes[`${request.method} ${url.pathname}`];
      if (local) return local(request, body.toString('utf8'), response);
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
}
