import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, keys } from '../shared/table.js';
import { putIf } from '../shared/conditional-write.js';

/**
 * A delivery record: one per investigation and target (`slack-summary`, `slack-thread#remediation`,
 * `pagerduty#P1ABC2D`…). It is claimed with one conditional write before anything is sent,
 * so a retried Finish, or two running at once, sends each message at most once.
 */
export interface DeliveryRecord {
  target: string;
  status: 'sending' | 'delivered' | 'failed';
  claimedAt: string;
  /** Where the message landed (Slack channel and ts, the note's id), for threading and for the trail. */
  ref?: Record<string, string>;
  error?: string;
}

/**
 * A claim older than this belongs to a Finish that died mid-send (its Lambda runs at most
 * 25 s): a later attempt may take it over. Sent or failed targets are never retried.
 */
export const STALE_CLAIM_MS = 60_000;

export interface DeliveryClaims {
  /** True when this caller now owns the target and must send; false when it was sent, failed, or is being sent. */
  claim(target: string): Promise<boolean>;
  delivered(target: string, ref?: Record<string, string>): Promise<void>;
  failed(target: string, error: string): Promise<void>;
  read(target: string): Promise<DeliveryRecord | undefined>;
}

/** Delivery records of one investigation in the table. */
export function tableClaims(tableName: string, tenantId: string, investigationId: string, now: () => Date = () => new Date()): DeliveryClaims {
  const key = (target: string) => keys.delivery(tenantId, investigationId, target);
  const settle = async (target: string, fields: Record<string, unknown>) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(fields).map(([name, value]) => {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      return `#${name} = :${name}`;
    });
    await documentClient.send(new UpdateCommand({ TableName: tableName, Key: key(target), UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
  };
  return {
    async claim(target) {
      const at = now();
      const outcome = await putIf({
        TableName: tableName,
        Item: { ...key(target), target, status: 'sending', claimedAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':stale': new Date(at.getTime() - STALE_CLAIM_MS).toISOString() },
      });
      return outcome.written;
    },
    delivered: (target, ref) => settle(target, { status: 'delivered', ...(ref ? { ref } : {}) }),
    failed: (target, error) => settle(target, { status: 'failed', error: error.slice(0, 500) }),
    async read(target) {
      const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key(target), ConsistentRead: true }));
      return out.Item as DeliveryRecord | undefined;
    },
  };
}
