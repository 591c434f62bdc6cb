import { updateIf } from '../shared/conditional-write.js';
import { keys, ttlAfter } from '../shared/table.js';

/**
 * A per-tenant, per-minute request budget: one conditional counter update per request,
 * so a noisy tenant is answered 429 without starving the others. The stage throttle
 * in front of the API bounds the whole installation; this bounds each tenant.
 */
export async function takeIngestToken(tableName: string, tenantId: string, perMinute: number, now = new Date()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const minute = now.toISOString().slice(0, 16);
  const retryAfterSeconds = 60 - now.getUTCSeconds();
  const outcome = await updateIf({
    TableName: tableName,
    Key: keys.rate(tenantId, minute),
    UpdateExpression: 'ADD used :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
    ConditionExpression: 'attribute_not_exists(used) OR used < :limit',
    ExpressionAttributeValues: { ':one': 1, ':limit': perMinute, ':ttl': ttlAfter(120, now.getTime()) },
  });
  return { allowed: outcome.written, retryAfterSeconds };
}
