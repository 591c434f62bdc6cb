import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { updateIf } from '../shared/conditional-write.js';
import { appendAudit, type AuditEntry } from '../shared/audit.js';
import { updateRecord } from '../shared/records.js';
import type { SlackMessageRef } from '../shared/slack-web-api.js';
import { documentClient, keys } from '../shared/table.js';
import type { VerifiedIdentity } from './approvers.js';

/** Where a decided approval stands in resuming its execution: `deciding` until the task answer is known to have landed. */
export type ResumePhase = 'deciding' | 'decided' | 'unresumable';

export interface StoredApproval {
  approvalId: string;
  investigationId: string;
  /** The decision itself: `approved`/`rejected` is written once, before the execution is resumed. */
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  sealedToken: string;
  action: { kind: string; service: string; risk: string; plan: string[]; undo: string; dryRun: boolean };
  approvers: string[];
  /** When the approval was requested (ISO); how long it waited is measured from here. */
  createdAt?: string;
  expiresAt: number;
  decidedBy?: string;
  decidedAt?: string;
  /** Who decided, as verified: issuer and subject. */
  decider?: VerifiedIdentity;
  /** Absent on approvals decided before resumption was tracked: those count as decided. */
  phase?: ResumePhase;
  /** How many times a SendTaskSuccess/Failure was about to be sent; counted before each send. */
  resumeAttempts?: number;
  resumedAt?: string;
  /** When Slack was told how it ended; a retry that finds it missing tells Slack (again, at worst: the same edit). */
  announcedAt?: string;
  /** Why an approval that was decided could not resume its execution. */
  unresumableReason?: 'timed_out' | 'stale';
  /** Set when the bot posted the approval message: the message the end of the approval edits. */
  slackMessage?: SlackMessageRef;
}

/** The decision as it is claimed: status, who and when. */
export interface Claim {
  status: 'approved' | 'rejected';
  decidedBy: string;
  decidedAt: string;
  decider: VerifiedIdentity;
}

/**
 * Each durable step of deciding an approval, one conditional write each, so a Lambda that
 * dies between any two of them leaves a state the next attempt can finish from.
 */
export interface ApprovalLedger {
  load(tenantId: string, approvalId: string): Promise<StoredApproval | undefined>;
  /** pending → decided status, phase `deciding`; false when it was no longer pending and unexpired. */
  claim(tenantId: string, approvalId: string, claim: Claim, nowSeconds: number): Promise<boolean>;
  /** The record's approval summary (Remediate reads it) and the `approval.decided` entry, both idempotent. */
  recordDecision(tenantId: string, item: StoredApproval): Promise<void>;
  /** Counts one more resume attempt before the task answer is sent. */
  noteResumeAttempt(tenantId: string, approvalId: string): Promise<void>;
  /** phase `deciding` → `decided`, with how the resume was confirmed; a no-op when another attempt got there first. */
  markResumed(tenantId: string, approvalId: string, at: string, confirmedBy: 'answer' | 'token_closed'): Promise<void>;
  /** Slack was told how the approval ended. */
  markAnnounced(tenantId: string, approvalId: string, at: string): Promise<void>;
  /** The execution no longer waits: status `expired` with the reason; false when already marked. */
  markUnresumable(tenantId: string, item: StoredApproval, reason: 'timed_out' | 'stale'): Promise<boolean>;
  /** Appends to the approval's investigation trail. */
  audit(tenantId: string, investigationId: string, entry: AuditEntry, entryId?: string): Promise<void>;
}

/** The ledger on the Causeway table. */
export function dynamoLedger(tableName: string): ApprovalLedger {
  const key = (tenantId: string, approvalId: string) => keys.approval(tenantId, approvalId);
  const update = async (input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> => {
    if (input.ConditionExpression === undefined) {
      await documentClient.send(new UpdateCommand({ TableName: tableName, ...input }));
      return true;
    }
    return (await updateIf({ TableName: tableName, ...input, ConditionExpression: input.ConditionExpression })).written;
  };
  const audit: ApprovalLedger['audit'] = async (tenantId, investigationId, entry, entryId) => {
    await appendAudit(tableName, tenantId, investigationId, entry, entryId ? { entryId } : {});
  };
  return {
    async load(tenantId, approvalId) {
      const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: key(tenantId, approvalId), ConsistentRead: true }));
      return out.Item as StoredApproval | undefined;
    },
    claim: (tenantId, approvalId, claim, nowSeconds) =>
      update({
        Key: key(tenantId, approvalId),
        UpdateExpression: 'SET #status = :status, decidedBy = :by, decidedAt = :at, decider = :decider, phase = :deciding, resumeAttempts = :zero',
        ConditionExpression: '#status = :pending AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': claim.status, ':by': claim.decidedBy, ':at': claim.decidedAt, ':decider': claim.decider, ':deciding': 'deciding', ':zero': 0, ':pending': 'pending', ':now': nowSeconds },
      }),
    async recordDecision(tenantId, item) {
      const summary = { approvalId: item.approvalId, status: item.status as 'approved' | 'rejected', expiresAt: new Date(item.expiresAt * 1000).toISOString(), decidedBy: item.decidedBy!, decidedAt: item.decidedAt!, decider: item.decider! };
      await updateRecord(tableName, tenantId, item.investigationId, { approval: summary });
      await audit(
        tenantId,
        item.investigationId,
        {
          type: 'approval.decided',
          actor: item.decidedBy!,
          detail: { approvalId: item.approvalId, decision: item.status, action: item.action.kind, service: item.action.service, via: item.decider!.via, issuer: item.decider!.issuer, subject: item.decider!.subject, ...(item.decider!.email ? { email: item.decider!.email } : {}) },
        },
        `approval-decided-${item.approvalId}`,
      );
    },
    async noteResumeAttempt(tenantId, approvalId) {
      await update({
        Key: key(tenantId, approvalId),
        UpdateExpression: 'SET resumeAttempts = if_not_exists(resumeAttempts, :zero) + :one',
        ConditionExpression: 'phase = :deciding',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':deciding': 'deciding' },
      });
    },
    async markResumed(tenantId, approvalId, at, confirmedBy) {
      await update({
        Key: key(tenantId, approvalId),
        UpdateExpression: 'SET phase = :decided, resumedAt = :at, resumeConfirmedBy = :by',
        ConditionExpression: 'phase = :deciding',
        ExpressionAttributeValues: { ':decided': 'decided', ':deciding': 'deciding', ':at': at, ':by': confirmedBy },
      });
    },
    async markAnnounced(tenantId, approvalId, at) {
      await update({ Key: key(tenantId, approvalId), UpdateExpression: 'SET announcedAt = :at', ExpressionAttributeValues: { ':at': at } });
    },
    async markUnresumable(tenantId, item, reason) {
      const marked = await update({
        Key: key(tenantId, item.approvalId),
        UpdateExpression: 'SET #status = :expired, phase = :unresumable, unresumableReason = :reason',
        ConditionExpression: '#status <> :expired',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired', ':unresumable': 'unresumable', ':reason': reason },
      });
      if (!marked) return false;
      const { decidedBy, decidedAt, decider } = item;
      await updateRecord(tableName, tenantId, item.investigationId, {
        approval: { approvalId: item.approvalId, status: 'expired', expiresAt: new Date(item.expiresAt * 1000).toISOString(), ...(decidedBy ? { decidedBy } : {}), ...(decidedAt ? { decidedAt } : {}), ...(decider ? { decider } : {}) },
      });
      return true;
    },
    audit,
  };
}
