import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSecretCache, readPlatformSecret, readTenantSecret, SecretScopeError, secretsOf } from '../../../functions/shared/secrets.js';

const sm = mockClient(SecretsManagerClient);

beforeEach(() => {
  clearSecretCache();
  sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ apiKey: 'sk-secret' }) });
});
afterEach(() => sm.reset());

describe('reading a tenant secret', () => {
  it('reads a name under the tenant’s own prefix', async () => {
    expect(await readTenantSecret('acme', 'causeway/tenants/acme/llm')).toEqual({ apiKey: 'sk-secret' });
    expect(sm.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: 'causeway/tenants/acme/llm' });
  });

  it.each([
    ['another tenant’s secret', 'causeway/tenants/globex/llm'],
    ['a tenant whose id starts with this one’s', 'causeway/tenants/acme-eu/llm'],
    ['the platform key', 'causeway/platform'],
    ['the old flat layout', 'causeway/acme/llm'],
    ['a path that climbs out', 'causeway/tenants/acme/../globex/llm'],
    ['the bare prefix', 'causeway/tenants/acme/'],
    ['a secret outside Causeway', 'prod/db-password'],
  ])('refuses %s with SecretScopeError before calling Secrets Manager', async (_what, name) => {
    const refused = readTenantSecret('acme', name);
    await expect(refused).rejects.toBeInstanceOf(SecretScopeError);
    await expect(refused).rejects.toMatchObject({ name: 'SecretScopeError', message: `secret ${name} is not under causeway/tenants/acme/: tenant acme may read only its own secrets` });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('binds a reader to one tenant for providers and executors', async () => {
    const read = secretsOf('acme');
    await expect(read('causeway/tenants/globex/token')).rejects.toBeInstanceOf(SecretScopeError);
    expect(await read('causeway/tenants/acme/token')).toEqual({ apiKey: 'sk-secret' });
  });

  it('keeps the platform reader off tenant secrets', async () => {
    await expect(readPlatformSecret('causeway/tenants/acme/llm')).rejects.toThrow('causeway/tenants/acme/llm is a tenant secret, not a platform secret');
    expect(await readPlatformSecret('causeway/platform')).toEqual({ apiKey: 'sk-secret' });
  });
});
