import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TenantConfig } from '../contracts/index.js';
import { documentClient, keys } from './table.js';
import { ConfigurationError } from './errors.js';

/** Loads and validates a tenant's config item; undefined when the tenant does not exist. */
export async function loadTenantConfig(tableName: string, tenantId: string): Promise<TenantConfig | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.tenantConfig(tenantId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const parsed = TenantConfig.safeParse(out.Item.config);
  if (!parsed.success) throw new ConfigurationError(`tenant ${tenantId} has an invalid config: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
