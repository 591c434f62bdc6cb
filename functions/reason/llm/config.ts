import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LlmConfig } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { readTenantSecret } from '../../shared/secrets.js';
import { createModelClient, type ModelClient } from './client.js';

/** The secret behind `llm.apiKeySecretRef`: `{ "apiKey": "…" }`. */
const ApiKeySecret = z.object({ apiKey: z.string().min(1) });

/** Reads the tenant's model API key at run time; it never enters state, logs or the record. */
export async function readApiKey(tenantId: string, config: LlmConfig): Promise<string | undefined> {
  if (!config.apiKeySecretRef) return undefined;
  const parsed = ApiKeySecret.safeParse(await readTenantSecret(tenantId, config.apiKeySecretRef));
  if (!parsed.success) throw new ConfigurationError(`secret ${config.apiKeySecretRef} has no apiKey`);
  return parsed.data.apiKey;
}

const clients = new Map<string, ModelClient>();

/**
 * One client per tenant model and key for the life of a warm Lambda, as with the AWS
 * clients; a rotated key or changed setting makes a new one. The key is hashed into the
 * cache key, never stored in it.
 */
export function modelClientFor(config: LlmConfig, apiKey: string | undefined): ModelClient {
  const id = createHash('sha256').update(JSON.stringify([config.baseUrl, config.model, config.maxOutputTokens, config.tokenLimitField, apiKey ?? ''])).digest('hex');
  let client = clients.get(id);
  if (!client) {
    client = createModelClient(config, apiKey);
    clients.set(id, client);
  }
  return client;
}
