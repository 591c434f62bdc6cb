import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { describeUrl, requestJson } from '../../shared/http-client.js';
import type { ProviderDeps } from '../types.js';
import { JaegerSecret } from './options.js';

/*
 * Jaeger's query service has no auth of its own; when it sits behind a proxy the secret
 * holds a bearer token or basic credentials. Every call goes through the shared HTTP
 * client, so golden runs record and replay it.
 */

/** The auth headers for this backend; none when it has no secret. The values never leave this module's callers' headers. */
export async function jaegerHeaders(plan: EvidencePlan, deps: ProviderDeps): Promise<Record<string, string>> {
  const ref = plan.backend.secretRef;
  if (!ref) return {};
  const parsed = JaegerSecret.safeParse(await deps.readSecret(ref));
  if (!parsed.success) throw new ConfigurationError(`secret ${ref} must hold { "bearerToken" } or { "username", "password" } for backend ${plan.backend.id}`);
  const secret = parsed.data;
  if ('bearerToken' in secret) return { authorization: `Bearer ${secret.bearerToken}` };
  return { authorization: `Basic ${Buffer.from(`${secret.username}:${secret.password}`).toString('base64')}` };
}

/** GET a Jaeger API URL as JSON; `where` names it for errors and notes, without its query string. */
export async function jaegerGet(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<{ body: unknown; where: string }> {
  const body = await requestJson({ method: 'GET', url, headers }, signal);
  return { body, where: `GET ${describeUrl(url)}` };
}
