import { tenantSecretPrefix } from '../contracts/tenant.js';
import { ConfigurationError, TransientError } from './errors.js';
import { onFirstCall } from './lazy.js';
import { traced } from './tracing.js';

/** Loaded on the first secret read: functions and providers that read none never load the package. */
const secretsManager = onFirstCall(async () => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return { client: traced(new SecretsManagerClient({})), GetSecretValueCommand };
});
const cache = new Map<string, { value: unknown; fetchedAt: number }>();
const CACHE_MS = 5 * 60 * 1000;

/** Reads one tenant's secret by name; every tenant secret in functions/ is read through this. */
export type TenantSecretReader = (tenantId: string, name: string) => Promise<unknown>;

/**
 * A secret name outside the tenant's own prefix: a config that names another tenant's (or the
 * platform's) secret, however it got into the table. Nothing is read.
 */
export class SecretScopeError extends ConfigurationError {
  constructor(tenantId: string, name: string) {
    super(`secret ${name} is not under ${tenantSecretPrefix(tenantId)}: tenant ${tenantId} may read only its own secrets`);
  }
}

/** Throws SecretScopeError unless `name` is a secret of `tenantId`. */
function assertTenantSecret(tenantId: string, name: string): void {
  const prefix = tenantSecretPrefix(tenantId);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenantId) || !name.startsWith(prefix) || name.length === prefix.length || name.includes('..')) throw new SecretScopeError(tenantId, name);
}

/**
 * Reads a tenant's JSON secret, refusing with SecretScopeError any name outside
 * `causeway/tenants/<tenantId>/` before Secrets Manager is called. Cached as readSecretJson.
 */
export async function readTenantSecret(tenantId: string, name: string, now = Date.now()): Promise<unknown> {
  assertTenantSecret(tenantId, name);
  return readJson(name, now);
}

/** A reader bound to one tenant, for code that takes `(ref) => …` (providers, executors). */
export function secretsOf(tenantId: string): (name: string) => Promise<unknown> {
  return (name) => readTenantSecret(tenantId, name);
}

/**
 * Reads one of the platform's own secrets (the link-signing key): never a tenant's, so a
 * name under `causeway/tenants/` is refused.
 */
export async function readPlatformSecret(name: string, now = Date.now()): Promise<unknown> {
  if (name.startsWith('causeway/tenants/')) throw new ConfigurationError(`${name} is a tenant secret, not a platform secret`);
  return readJson(name, now);
}

/**
 * Reads a JSON secret, cached for five minutes per warm Lambda. The value never leaves
 * the caller: it is not logged, not put in errors, not returned in state.
 */
async function readJson(name: string, now: number): Promise<unknown> {
  const hit = cache.get(name);
  if (hit && now - hit.fetchedAt < CACHE_MS) return hit.value;
  const { client, GetSecretValueCommand } = await secretsManager();
  let text: string | undefined;
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: name }));
    text = out.SecretString;
  } catch (error) {
    const errorName = (error as Error).name;
    if (errorName === 'ResourceNotFoundException') return undefined;
    if (errorName === 'ThrottlingException' || errorName === 'InternalServiceError' || errorName === 'TimeoutError') {
      throw new TransientError(`secret ${name} could not be read: ${errorName}`);
    }
    throw new ConfigurationError(`secret ${name} could not be read: ${errorName}`);
  }
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    throw new ConfigurationError(`secret ${name} is not JSON`);
  }
  cache.set(name, { value, fetchedAt: now });
  return value;
}

/** Drops cached secrets, so a rotated value is read on the next call (tests and the local CLI use it). */
export function clearSecretCache(): void {
  cache.clear();
}
