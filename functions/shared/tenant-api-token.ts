import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { TenantConfig } from '../contracts/index.js';
import { UnauthorizedError } from './errors.js';

/** The `api` entry of the tenant's webhook secret: the token that opens the tenant's API. */
const ApiCredentials = z.object({ api: z.object({ token: z.string().min(16) }) });

/** Who a tenant API token speaks for: the tenant itself, never a person named in a request. */
export const TENANT_TOKEN_ISSUER = 'causeway:tenant-token';

export interface TenantTokenDeps {
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  readSecret: (ref: string) => Promise<unknown>;
}

/** Hashing first makes the comparison constant-time whatever the lengths. */
function tokensMatch(offered: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(offered), digest(expected));
}

/**
 * Checks `Authorization: Bearer …` against the path tenant's API token. Unknown tenant, no
 * token configured, wrong or missing token: the same UnauthorizedError (the reason is only
 * in its cause, for logs), so tenants cannot be probed.
 */
export async function authenticateTenantToken(tenantId: string, authorization: string | undefined, deps: TenantTokenDeps): Promise<TenantConfig> {
  const deny = (reason: string) => new UnauthorizedError('unauthorized', { cause: new Error(reason) });
  const offered = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  const tenant = await deps.loadTenant(tenantId);
  if (!tenant) throw deny('unknown tenant');
  if (!tenant.webhookSecretRef) throw deny('the tenant has no webhook secret');
  const credentials = ApiCredentials.safeParse(await deps.readSecret(tenant.webhookSecretRef));
  if (!credentials.success) throw deny('the tenant has no api token');
  if (!offered || !tokensMatch(offered, credentials.data.api.token)) throw deny('wrong token');
  return tenant;
}
