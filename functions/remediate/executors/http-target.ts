import { z } from 'zod';
import { ConfigurationError } from '../../shared/errors.js';
import { requestJson, type HttpRequest } from '../../shared/http-client.js';
import { caBundle } from '../../shared/tls.js';
import type { ExecutorContext } from './types.js';

const TokenSecret = z.object({ token: z.string().min(1), caData: z.string().min(1).max(65_536).optional() });
const ApiKeySecret = z.object({ apiKey: z.string().min(1) });

/** A non-AWS target (Kubernetes, Argo CD, the flag API): its base URL and the Authorization header read from its secret. */
export interface HttpTarget {
  baseUrl: string;
  authorization: string;
  /** The only CA trusted for this target (PEM), when its server's certificate chains to a private one. */
  ca?: string;
}

/**
 * `{ token }` secrets are sent as a bearer token (Kubernetes, Argo CD). A private CA, from the
 * secret's `caData` or the target's (a kubeconfig's `certificate-authority-data`, base64 or
 * PEM), becomes the only CA the calls trust; the secret's wins, as in the Kubernetes provider.
 */
export async function bearerTarget(ctx: ExecutorContext, baseUrl: string, secretRef: string, caData?: string): Promise<HttpTarget> {
  const secret = TokenSecret.safeParse(await ctx.readSecret(secretRef));
  if (!secret.success) throw new ConfigurationError(`secret ${secretRef} is missing or has no "token"`);
  const ca = secret.data.caData ?? caData;
  return { baseUrl, authorization: `Bearer ${secret.data.token}`, ...(ca ? { ca: caBundle(ca, baseUrl) } : {}) };
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
  return requestJson({ method: request.method, url, headers, ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}), ...(target.ca ? { ca: target.ca } : {}) }, ctx.signal);
}
