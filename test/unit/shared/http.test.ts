import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPLORER_CSP } from '../../../functions/explorer/core.js';
import { formFields, headersOf, httpRoute, json, rawBody, type HttpRouteOptions } from '../../../functions/shared/http.js';
import { createLogger } from '../../../functions/shared/logger.js';
import { captureOutput } from './captured-output.js';

function event(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST', path: '/x', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' } } as APIGatewayProxyEventV2['requestContext'],
    ...overrides,
  };
}

/** Runs a route that reports what it saw, and returns its response. */
async function run(options: HttpRouteOptions, request: APIGatewayProxyEventV2) {
  let seen: { headers: Record<string, string>; form: Record<string, string>; raw: string } | undefined;
  const route = httpRoute(async (e) => {
    seen = { headers: { ...headersOf(e) }, form: formFields(e), raw: typeof e.body === 'string' ? rawBody(e) : '' };
    return json(200, { ok: true });
  }, options);
  const response = (await route(request, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { seen: seen!, response };
}

describe('httpRoute', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('puts the Lambda context on every log line the route writes', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const logger = createLogger('ingest');
    const stdout = captureOutput();
    try {
      const route = httpRoute(async () => {
        logger.info('route line');
        return json(202, {});
      });
      const context = { functionName: 'causeway-ingest', awsRequestId: 'req-http-1', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:causeway-ingest', memoryLimitInMB: '512', functionVersion: '$LATEST' } as Context;
      await route(event(), context);
    } finally {
      stdout.restore();
    }
    expect(stdout.lines()).toEqual([expect.objectContaining({ message: 'route line', function_name: 'causeway-ingest', function_request_id: 'req-http-1', cold_start: expect.any(Boolean) })]);
  });

  it('lower-cases header names before the route reads them', async () => {
    const { seen } = await run({}, event({ headers: { Authorization: 'Bearer t', 'X-Causeway-Signature': 'v1=ab' } }));
    expect(seen.headers).toEqual({ authorization: 'Bearer t', 'x-causeway-signature': 'v1=ab' });
  });

  it('parses a urlencoded form only where the route takes forms, last value winning, and leaves other bodies raw', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const parsed = await run({ form: true }, event({ headers: form, body: 'decision=approve&csrf=a%2Bb+c&decision=reject' }));
    expect(parsed.seen.form).toEqual({ decision: 'reject', csrf: 'a+b c' });
    const encoded = await run({ form: true }, event({ headers: form, body: Buffer.from('csrf=x').toString('base64'), isBase64Encoded: true }));
    expect(encoded.seen.form).toEqual({ csrf: 'x' });
    const notForm = await run({ form: true }, event({ headers: { 'content-type': 'application/json' }, body: '{"csrf":"x"}' }));
    expect(notForm.seen).toMatchObject({ form: {}, raw: '{"csrf":"x"}' });
    const signed = await run({}, event({ headers: form, body: 'payload=%7B%7D' }));
    expect(signed.seen).toMatchObject({ form: {}, raw: 'payload=%7B%7D' });
  });

  it('puts exactly nosniff and no-referrer on an API response, beside its own headers', async () => {
    const { response } = await run({}, event());
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'cache-control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('puts the page policy, isolation and HSTS on the explorer, and nothing from the library defaults beyond them', async () => {
    const { response } = await run({ contentSecurityPolicy: EXPLORER_CSP, isolated: true }, event());
    expect(response.headers).toEqual({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Strict-Transport-Security': 'max-age=31536000',
    });
  });
});
