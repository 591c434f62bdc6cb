import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { appendAudit } from '../shared/audit.js';
import { deleteIf, updateIf } from '../shared/conditional-write.js';
import { recordApprovalDecision, updateRecord } from '../shared/records.js';
import type { SlackMessageRef } from '../shared/slack-web-api.js';
import { documentClient, keys } from '../shared/table.js';
import type { ApprovalLedger, StoredApproval } from './ledger.js';

/*
 * Every read and write of an approval item (created by RequestApproval, decided here,
 * expired by Finish, checked by Remediate) and of a browser sign-in in flight, on the
 * Causeway table: one place that knows their keys and the condition each write carries.
 */

/** What RequestApproval stores: a pending approval with its sealed task token, created once. */
export type NewApproval = Pick<StoredApproval, 'approvalId' | 'investigationId' | 'sealedToken' | 'action' | 'approvers' | 'expiresAt'> & { tenantId: string; createdAt: string };

/**
 * Creates the pending approval; a second write under the same id fails rather than replacing
 * it. The tenant and approval ids are in its key and not stored again: the item stays under
 * the 1 KiB a write unit bills through the updates that decide and resume it.
 */
export async function createApproval(tableName: string, approval: NewApproval): Promise<void> {
  const { tenantId, approvalId, ...stored } = approval;
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.approval(tenantId, approvalId), ...stored, status: 'pending' },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The approval as stored, with its id from the key it was read by. */
function approvalOf(approvalId: string, item: Record<string, unknown> | undefined): StoredApproval | undefined {
  return item && ({ ...item, approvalId } as unknown as StoredApproval);
}

/** Keeps the posted Slack message on an existing approval, so its end can edit that message. */
export async function rememberSlackMessage(tableName: string, tenantId: string, approvalId: string, ref: SlackMessageRef): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.approval(tenantId, approvalId),
      UpdateExpression: 'SET slackMessage = :ref',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':ref': ref },
    }),
  );
}

/** pending → expired when the execution stopped waiting; the expired approval, or undefined when it was no longer pending. */
export async function expirePendingApproval(tableName: string, tenantId: string, approvalId: string): Promise<StoredApproval | undefined> {
  const expired = await updateIf({
    TableName: tableName,
    Key: keys.approval(tenantId, approvalId),
    UpdateExpression: 'SET #status = :expired',
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':expired': 'expired', ':pending': 'pending' },
    ReturnValues: 'ALL_NEW',
  });
  return expired.written ? approvalOf(approvalId, expired.attributes) : undefined;
}

/** The approval as it stands now (a strongly consistent read). */
export async function loadApproval(tableName: string, tenantId: string, approvalId: string): Promise<StoredApproval | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.approval(tenantId, approvalId), ConsistentRead: true }));
  return approvalOf(approvalId, out.Item);
}

/** Browser sign-ins in flight, keyed by a hash of their `state`: written once, taken once. */
export interface SignInStore {
  put(tenantId: string, stateHash: string, transaction: Record<string, unknown> & { expiresAt: number }): Promise<void>;
  /** Deletes and returns the sign-in; undefined when there is none (used, expired and swept, or never started). */
  take(tenantId: string, stateHash: string): Promise<Record<string, unknown> | undefined>;
}

export function dynamoSignIns(tableName: string): SignInStore {
  return {
    async put(tenantId, stateHash, transaction) {
      await documentClient.send(new PutCommand({ TableName: tableName, Item: { ...keys.signIn(tenantId, stateHash), ...transaction }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    async take(tenantId, stateHash) {
      const taken = await deleteIf({ TableName: tableName, Key: keys.signIn(tenantId, stateHash), ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' });
      return taken.written ? taken.attributes : undefined;
    },
  };
}

/** The ledger on the Causeway table. */
export function dynamoLedger(tableName: string): ApprovalLedger {
  const key = (tenantId: string, approvalId: string) => keys.approval(tenantId, approvalId);
  const update = async (input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>): Promise<boolean> => {
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
    load: (tenantId, approvalId) => loadApproval(tableName, tenantId, approvalId),
    claim: (tenantId, approvalId, claim, nowSeconds) =>
      update({
        Key: key(tenantId, approvalId),
        UpdateExpression: 'SET #status = :status, decidedBy = :by, decidedAt = :at, decider = :decider, phase = :deciding, resumeAttempts = :zero',
        ConditionExpression: '#status = :pending AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': claim.status, ':by': claim.decidedBy, ':at': claim.decidedAt, ':decider': claim.decider, ':deciding': 'deciding', ':zero': 0, ':pending': 'pending', ':now': nowSeconds },
      }),
    async recordDecision(tenantId, item) {
      await recordApprovalDecision(
        tableName,
        tenantId,
        item.investigationId,
        { status: item.status as 'approved' | 'rejected', decidedBy: item.decidedBy!, decidedAt: item.decidedAt!, decider: item.decider! },
        {
          entry: {
            type: 'approval.decided',
            actor: item.decidedBy!,
            detail: { approvalId: item.approvalId, decision: item.status, action: item.action.kind, service: item.action.service, via: item.decider!.via, issuer: item.decider!.issuer, subject: item.decider!.subject, ...(item.decider!.email ? { email: item.decider!.email } : {}) },
          },
          entryId: `approval-decided-${item.approvalId}`,
        },
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
