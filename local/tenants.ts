import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { ScopedTenantConfig, TenantConfig } from '../functions/contracts/index.js';
import { keys } from '../functions/shared/table.js';
import type { LocalStack } from './stack.js';

/** Writes a tenant's config item after validating it (every secret under the tenant's own prefix), exactly as the deployed table holds it. */
export async function putTenant(stack: LocalStack, config: z.input<typeof TenantConfig>): Promise<TenantConfig> {
  const valid = ScopedTenantConfig.parse(config);
  await stack.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.tenantConfig(valid.tenantId), config: valid } }));
  return valid;
}

export async function getTenant(stack: LocalStack, tenantId: string): Promise<TenantConfig | undefined> {
  const out = await stack.db.send(new GetCommand({ TableName: stack.tableName, Key: keys.tenantConfig(tenantId) }));
  return out.Item ? TenantConfig.parse(out.Item.config) : undefined;
}

