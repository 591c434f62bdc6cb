import type { TenantConfig } from '../../functions/contracts/index.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../../local/oidc-issuer.js';
import type { LocalStack } from '../../local/stack.js';

export { startLocalOidcIssuer, type LocalOidcIssuer };

/** The tenant's `identity` block for a local issuer, with its client secret stored under the tenant's prefix. */
export function identityFor(stack: LocalStack, tenantId: string, issuer: LocalOidcIssuer, extra: Partial<NonNullable<TenantConfig['identity']>> = {}): NonNullable<TenantConfig['identity']> {
  const clientSecretRef = `causeway/tenants/${tenantId}/oidc-client`;
  stack.secrets.put(clientSecretRef, JSON.stringify({ clientSecret: issuer.clientSecret }));
  return { issuer: issuer.issuer, clientId: issuer.clientId, clientSecretRef, scopes: ['openid', 'email', 'profile'], displayName: 'the test provider', ...extra };
}
