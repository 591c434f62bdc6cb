import { z } from 'zod';
import { ConfigurationError } from '../../shared/errors.js';
import { requestJson, type HttpRequest } from '../../shared/http-client.js';
import type { ExecutorContext } from './types.js';

const TokenSecret = z.object({ token: z.string().min(1) });
const ApiKeySecret = z.object({ apiKey: z.string().min(1) });

/** A non-AWS target (Kubernetes, Argo CD, the flag API): its base URL and the Authorization header read from its secret. */
export interface HttpTarget {
  baseUrl: string;
  authorization: string;
}

/** `{ token }` secrets are sent as a bearer token (Kubernetes, Argo CD). */
export async function bearerTarget(ctx: ExecutorContext, baseUrl: string, secretRef: string): Promise<HttpTarget> {
  const secret = TokenSecret.safeParse(await ctx.readSecret(secretRef));
  if (!secret.success) throw new ConfigurationError(`secret ${secretRef} is missing or has no "token"`);
  return { baseUrl, authorization: `Bearer ${secret.data.token}` };
}

/** `{ apiKey }` secrets are sent as the raw Authorization value, as LaunchDarkly's API expects. */
export async function apiKeyTarget(ctx: ExecutorContext, baseUrl: string, secretRef: string): Promise<HttpTarget> {
  const secret = ApiKeySecret.safeParse(await ctx.readSecret(secretRef));
  if (!secret.success) throw new ConfigurationError(`secret ${secretRef} is missing or has no "apiKey"`);
  return { baseUrl, authorization: secret.data.apiKey };
}

/** One JSON call through the shared HTTP client, so failures are classified like every provider's. */
export function callTarget(target: HttpTarget, ctx: ExecutorContext, request: { method: HttpRequest['method']; path: string; body?: unknown; contentType?: string }): Promise<unknown> {
  const url = new URL(request.path, target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`).toString();
  const headers: Record<string, string> = { authorization: target.authorization };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  return requestJson({ method: request.method, url, headers, ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}) }, ctx.signal);
}
