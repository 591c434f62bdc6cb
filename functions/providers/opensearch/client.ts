import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { describeUrl, requestJson } from '../../shared/http-client.js';
import type { ProviderDeps } from '../types.js';
import { OpenSearchSecret } from './options.js';

/*
 * Auth and transport for OpenSearch / Elasticsearch `_search`: basic credentials, an
 * `ApiKey` header, or a bearer token, all sent through the shared HTTP client.
 */

/** Headers for this backend, auth included when it has a secret. */
export async function openSearchHeaders(plan: EvidencePlan, deps: ProviderDeps): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const ref = plan.backend.secretRef;
  if (!ref) return headers;
  const parsed = OpenSearchSecret.safeParse(await deps.readSecret(ref));
  if (!parsed.success) throw new ConfigurationError(`secret ${ref} must hold { "username", "password" }, { "apiKey" } or { "bearerToken" } for backend ${plan.backend.id}`);
  const s = parsed.data;
  if ('apiKey' in s) headers.authorization = `ApiKey ${s.apiKey}`;
  else if ('bearerToken' in s) headers.authorization = `Bearer ${s.bearerToken}`;
  else headers.authorization = `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`;
  return headers;
}

/** POSTs one search body; `where` names the index for errors and notes. */
export async function search(url: string, body: Record<string, unknown>, headers: Record<string, string>, signal: AbortSignal): Promise<{ body: unknown; where: string }> {
  const answer = await requestJson({ method: 'POST', url, headers, body: JSON.stringify(body) }, signal);
  return { body: answer, where: `POST ${describeUrl(url)}` };
}
