import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../shared/approval-links.js';
import { appendAudit } from '../shared/audit.js';
import { decryptToken, type PlatformKeys } from '../shared/platform-keys.js';
import { updateRecord } from '../shared/records.js';
import type { SlackMessageRef } from '../shared/slack-web-api.js';
import { documentClient, keys } from '../shared/table.js';
import type { AnnounceInput } from './announce.js';

export interface TaskResponder {
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface DecisionDeps {
  tableName: string;
  keys: PlatformKeys;
  tasks: TaskResponder;
  now: () => Date;
  /** Tells Slack how the approval ended; never throws, so Slack can neither undo nor block a decision. */
  announce: (input: AnnounceInput) => Promise<unknown>;
}

export interface StoredApproval {
  approvalId: string;
  investigationId: string;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  sealedToken: string;
  action: { kind: string; service: string; risk: string; plan: string[]; undo: string; dryRun: boolean };
  approvers: string[];
  expiresAt: number;
  decidedBy?: string;
  decidedAt?: string;
  /** Set when the bot posted the approval message: the message the end of the approval edits. */
  slackMessage?: SlackMessageRef;
}

/** How a decision attempt ended; each route (link page, Slack button) words it its own way. */
export type DecisionOutcome =
  | { kind: 'decided'; status: 'approved' | 'rejected'; decidedBy: string; decidedAt: string; item: StoredApproval }
  | { kind: 'already'; item: StoredApproval }
  | { kind: 'expired' }
  | { kind: 'unknown' }
  | { kind: 'not_allowed'; who: string };

/** Task-token errors that mean the execution stopped waiting: the approval expired or the run ended. */
const GONE_TASK_ERRORS = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export async function loadApproval(tableName: string, tenantId: string, approvalId: string): Promise<StoredApproval | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.approval(tenantId, approvalId), ConsistentRead: true }));
  return out.Item as StoredApproval | undefined;
}

/**
 * The task was gone when the decision tried to resume it (timed out, or the run stopped):
 * the approval is expired instead, and Slack told so. Finish marks only a still-pending
 * approval expired and this path only one it has just decided, so one of them tells Slack.
 */
async function markExpired(deps: DecisionDeps, tenantId: string, item: StoredApproval, summary: Record<string, string>): Promise<void> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.approval(tenantId, item.approvalId),
        UpdateExpression: 'SET #status = :expired',
        ConditionExpression: '#status <> :expired',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired' },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    return;
  }
  await updateRecord(deps.tableName, tenantId, item.investigationId, { approval: { ...(summary as { approvalId: string; expiresAt: string }), status: 'expired' } });
  await deps.announce({ tenantId, approval: item, end: { kind: 'expired', at: deps.now().toISOString() } });
}

/**
 * The one way an approval is decided, whichever route asked: the approver checked
 * against the tenant's list (any of `identities` may match: a typed name, a Slack user
 * id), the decision written once with a condition (pending and unexpired), the waiting
 * execution resumed or failed, the decision audited, and then Slack told (a click's
 * `response_url` is the fallback when the message cannot be edited).
 */
export async function recordDecision(
  deps: DecisionDeps,
  request: { tenantId: string; approvalId: string; decision: Decision; identities: string[]; responseUrl?: string },
): Promise<DecisionOutcome> {
  const nowMs = deps.now().getTime();
  const item = await loadApproval(deps.tableName, request.tenantId, request.approvalId);
  if (!item) return { kind: 'unknown' };
  if (item.status !== 'pending') return item.status === 'expired' ? { kind: 'expired' } : { kind: 'already', item };
  if (item.expiresAt * 1000 <= nowMs) return { kind: 'expired' };
  const identities = request.identities.map((i) => i.trim().slice(0, 200)).filter(Boolean);
  const allowed = item.approvers.length === 0 || identities.some((i) => item.approvers.some((a) => a.toLowerCase() === i.toLowerCase()));
  if (!allowed) return { kind: 'not_allowed', who: identities[0] ?? '' };
  const decidedBy = identities[0] ?? 'anonymous (link holder)';
  const decidedAt = deps.now().toISOString();
  const status = request.decision === 'approve' ? 'approved' : 'rejected';
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.approval(request.tenantId, request.approvalId),
        UpdateExpression: 'SET #status = :status, decidedBy = :by, decidedAt = :at',
        ConditionExpression: '#status = :pending AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':by': decidedBy, ':at': decidedAt, ':pending': 'pending', ':now': Math.floor(nowMs / 1000) },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const current = await loadApproval(deps.tableName, request.tenantId, request.approvalId);
    return current && current.status !== 'pending' && current.status !== 'expired' ? { kind: 'already', item: current } : { kind: 'expired' };
  }

  const summary = { approvalId: request.approvalId, expiresAt: new Date(item.expiresAt * 1000).toISOString(), decidedBy, decidedAt };
  await updateRecord(deps.tableName, request.tenantId, item.investigationId, { approval: { ...summary, status } });
  const token = decryptToken(deps.keys.tokenKey, item.sealedToken, `${request.tenantId}/${request.approvalId}`);
  try {
    if (status === 'approved') {
      await deps.tasks.succeed(token, { decision: 'approved', approvalId: request.approvalId, decidedBy, decidedAt });
    } else {
      await deps.tasks.fail(token, 'ApprovalRejected', `rejected by ${decidedBy}`);
    }
  } catch (error) {
    if (!GONE_TASK_ERRORS.has((error as Error).name)) throw error;
    await markExpired(deps, request.tenantId, item, summary);
    return { kind: 'expired' };
  }
  await appendAudit(deps.tableName, request.tenantId, item.investigationId, {
    type: 'approval.decided',
    actor: decidedBy,
    detail: { approvalId: request.approvalId, decision: status, action: item.action.kind, service: item.action.service },
  });
  await deps.announce({ tenantId: request.tenantId, approval: item, end: { kind: 'decided', status, decidedBy, decidedAt }, ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}) });
  return { kind: 'decided', status, decidedBy, decidedAt, item };
}
