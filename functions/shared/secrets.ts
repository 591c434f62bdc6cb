import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigurationError, TransientError } from './errors.js';

const client = new SecretsManagerClient({});
const cache = new Map<string, { value: unknown; fetchedAt: number }>();
const CACHE_MS = 5 * 60 * 1000;

/**
 * Reads a JSON secret, cached for five minutes per warm Lambda. The value never leaves
 * the caller: it is not logged, not put in errors, not returned in state.
 */
export async function readSecretJson(name: string, now = Date.now()): Promise<unknown> {
  const hit = cache.get(name);
  if (hit && now - hit.fetchedAt < CACHE_MS) return hit.value;
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
