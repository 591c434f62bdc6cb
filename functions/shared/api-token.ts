import { z } from 'zod';
import type { TenantConfig } from '../contracts/index.js';
import { safeEqual } from './compare.js';
import { UnauthorizedError } from './errors.js';
import type { TenantSecretReader } from './secrets.js';

/** The `api` entry of the tenant's webhook secret: the token that opens the tenant's read API. */
const ApiCredentials = z.object({ api: z.object({ token: z.string().min(16) }) });

/** Who a tenant API token speaks for: the tenant itself, never a person named in a request. */
export const TENANT_TOKEN_ISSUER = 'causeway:tenant-token';

export interface ApiTokenDeps {
  loadTenant: (tenantId: string) => Promise<TenantConfig | undefined>;
  readSecret: TenantSecretReader;
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim() || undefined;
}

/**
 * Checks a tenant API token against the one in the tenant's webhook secret. Unknown
 * tenant, no API token configured, wrong or missing token: the same 401, so tenants
 * cannot be probed; the reason rides on `cause`, for logs only.
 */
export async function authenticateApiToken(tenantId: string, offered: string | undefined, deps: ApiTokenDeps): Promise<TenantConfig> {
  const deny = (reason: string) => new UnauthorizedError('unauthorized', { cause: new Error(reason) });
  const tenant = await deps.loadTenant(tenantId);
  if (!tenant) throw deny('unknown tenant');
  if (!tenant.webhookSecretRef) throw deny('the tenant has no webhook secret');
  const credentials = ApiCredentials.safeParse(await deps.readSecret(tenant.tenantId, tenant.webhookSecretRef));
  if (!credentials.success) throw deny('the tenant has no api token');
  if (!offered || !safeEqual(offered, credentials.data.api.token)) throw deny(offered ? 'wrong token' : 'no token');
  return tenant;
}
