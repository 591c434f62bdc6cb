import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import httpUrlencodeBodyParser from '@middy/http-urlencode-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { lambdaContextMiddleware } from './logger.js';

/** The raw body exactly as sent (API Gateway base64-encodes non-text bodies); signatures are computed over it. */
export function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** Request headers as every route reads them: names lower-cased by the header normalizer. */
export function headersOf(event: APIGatewayProxyEventV2): Record<string, string> {
  return (event.headers ?? {}) as Record<string, string>;
}

/**
 * The fields of a form post, once the urlencoded body parser has run: a field sent twice
 * counts by its last value, as a browser's form never repeats one. A body that is not
 * `application/x-www-form-urlencoded` has no fields.
 */
export function formFields(event: APIGatewayProxyEventV2): Record<string, string> {
  const body: unknown = event.body;
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, string | string[]>)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) fields[name] = last;
  }
  return fields;
}

/** The directives of @middy/http-security-headers' default policy that a route's own policy does not name are switched off, so each policy is exactly what it says. */
const NO_DEFAULT_DIRECTIVES = {
  'default-src': false,
  'base-uri': false,
  sandbox: false,
  'form-action': false,
  'frame-ancestors': false,
  'report-to': false,
  'require-trusted-types-for': false,
  'upgrade-insecure-requests': false,
};

export interface HttpRouteOptions {
  /** Content-Security-Policy directives, for routes that serve pages. */
  contentSecurityPolicy?: Record<string, string>;
  /** Pages of the explorer: also Cross-Origin-Opener-Policy and Strict-Transport-Security. */
  isolated?: boolean;
  /** Parse an `application/x-www-form-urlencoded` body into fields (read them with {@link formFields}). */
  form?: boolean;
}

/**
 * What every response carries (nosniff, no referrer) and what a route adds (its page policy,
 * isolation), from @middy/http-security-headers with every other header it would add switched
 * off: responses carry exactly these, whatever the library's defaults become.
 */
function securityHeaders(options: HttpRouteOptions) {
  return httpSecurityHeaders({
    contentSecurityPolicy: options.contentSecurityPolicy ? ({ ...NO_DEFAULT_DIRECTIVES, ...options.contentSecurityPolicy } as unknown as Record<string, string>) : false,
    contentTypeOptions: { action: 'nosniff' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: options.isolated ? { policy: 'same-origin' } : false,
    strictTransportSecurity: options.isolated ? { maxAge: 31_536_000, includeSubDomains: false, preload: false } : false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
    dnsPrefetchControl: false,
    downloadOptions: false,
    frameOptions: false,
    originAgentCluster: false,
    permissionsPolicy: false,
    permittedCrossDomainPolicies: false,
    poweredBy: false,
    reportingEndpoints: false,
    reportTo: false,
    xssProtection: false,
  });
}

export type HttpRoute = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * An HTTP API route with the glue every route shares, from middy's HTTP middleware: the
 * Lambda context on every log line (as the stage wrapper does for stages), header names
 * lower-cased before the route reads them, form bodies parsed where the route takes forms,
 * and the security headers on every response it returns. The route does transport
 * only; its work is in its core.
 */
export function httpRoute(route: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>, options: HttpRouteOptions = {}): HttpRoute {
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().use(lambdaContextMiddleware()).use(httpHeaderNormalizer());
  if (options.form) chain.use(httpUrlencodeBodyParser({ disableContentTypeError: true }));
  return chain.use(securityHeaders(options)).handler(route);
}

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

export function html(status: number, page: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: page };
}
