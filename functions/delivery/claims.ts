import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditFields } from '../shared/audit.js';
import { documentClient, keys } from '../shared/table.js';
import { putIf, updateIf } from '../shared/conditional-write.js';

/**
 * A delivery record: one per investigation and target (`slack-summary`, `slack-thread#remediation`,
 * `pagerduty#P1ABC2D`…). It is claimed with one conditional write before anything is sent,
 * so a retried Finish, or two running at once, sends each message at most once. Settling it
 * (delivered or failed) is its second and last write, and carries the delivery's audit entry:
 * the trail reads it from here (`readAudit`), so a delivery costs two writes, not three.
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
  /** Settles a claim this caller holds, with its audit entry; a claim already settled (by an attempt that took it over) is left as it is. */
  delivered(target: string, entry: AuditEntry, ref?: Record<string, string>): Promise<void>;
  failed(target: string, entry: AuditEntry, error: string): Promise<void>;
  read(target: string): Promise<DeliveryRecord | undefined>;
}

/** Delivery records of one investigation in the table. */
export function tableClaims(tableName: string, tenantId: string, investigationId: string, now: () => Date = () => new Date()): DeliveryClaims {
  const key = (target: string) => keys.delivery(tenantId, investigationId, target);
  const settle = async (target: string, entry: AuditEntry, fields: Record<string, unknown>) => {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':sending': 'sending', ':audit': auditFields(entry, now().toISOString(), `delivery-${target}`) };
    const sets = Object.entries(fields).map(([name, value]) => {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      return `#${name} = :${name}`;
    });
    // Written once: only a claim still sending is settled, so its audit entry is never rewritten.
    await updateIf({ TableName: tableName, Key: key(target), UpdateExpression: `SET ${[...sets, 'audit = :audit'].join(', ')}`, ConditionExpression: '#status = :sending', ExpressionAttributeNames: names, ExpressionAttributeValues: values });
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
    delivered: (target, entry, ref) => settle(target, entry, { status: 'delivered', ...(ref ? { ref } : {}) }),
    failed: (target, entry, error) => settle(target, entry, { status: 'failed', error: error.slice(0, 500) }),
    async read(target) {
      const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key(target), ConsistentRead: true }));
      return out.Item as DeliveryRecord | undefined;
    },
  };
}
