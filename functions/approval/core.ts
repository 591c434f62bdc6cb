import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { csrfToken, verifyLink, type ApprovalLink, type Decision } from '../shared/approval-links.js';
import { appendAudit } from '../shared/audit.js';
import { decryptToken, safeEqual, type PlatformKeys } from '../shared/platform-keys.js';
import { updateRecord } from '../shared/records.js';
import { documentClient, keys } from '../shared/table.js';
import { confirmationPage, messagePage } from './pages.js';

export interface ApprovalRequest {
  method: 'GET' | 'POST';
  tenantId: string;
  approvalId: string;
  query: Record<string, string | undefined>;
  form: Record<string, string | undefined>;
  origin?: string;
  path: string;
}

export interface TaskResponder {
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface ApprovalDeps {
  tableName: string;
  keys: PlatformKeys;
  tasks: TaskResponder;
  publicBaseUrl: string;
  now: () => Date;
}

export interface PageResponse {
  status: number;
  html: string;
}

interface StoredApproval {
  approvalId: string;
  investigationId: string;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  sealedToken: string;
  action: { kind: string; service: string; risk: string; plan: string[]; undo: string; dryRun: boolean };
  approvers: string[];
  expiresAt: number;
  decidedBy?: string;
  decidedAt?: string;
}

const INVALID: PageResponse = { status: 403, html: messagePage('This link is not valid', 'The link was altered, belongs to another approval, or was never issued. Nothing was changed.') };
const EXPIRED: PageResponse = { status: 410, html: messagePage('This approval has expired', 'The investigation no longer waits for a decision. Nothing was changed.') };

/** Task-token errors that mean the execution stopped waiting: the approval expired or the run ended. */
const GONE_TASK_ERRORS = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

function decidedPage(item: StoredApproval): PageResponse {
  if (item.status === 'expired') return EXPIRED;
  return {
    status: 409,
    html: messagePage(`Already ${item.status}`, `This approval was ${item.status} by ${item.decidedBy ?? 'someone'} at ${item.decidedAt ?? 'an earlier time'}. Nothing was changed.`),
  };
}

function parseLink(request: ApprovalRequest): { link: ApprovalLink; signature: string } | undefined {
  const { decision, exp, sig } = request.query;
  if ((decision !== 'approve' && decision !== 'reject') || !exp || !/^\d{1,12}$/.test(exp) || !sig) return undefined;
  return { link: { tenantId: request.tenantId, approvalId: request.approvalId, decision: decision as Decision, expires: Number(exp) }, signature: sig };
}

async function loadApproval(tableName: string, tenantId: string, approvalId: string): Promise<StoredApproval | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.approval(tenantId, approvalId), ConsistentRead: true }));
  return out.Item as StoredApproval | undefined;
}

/**
 * The approval route. GET shows what would happen; only a POST carrying the page's
 * form token decides, once, before expiry, by an allowed approver. Every refusal says
 * why and changes nothing.
 */
export async function handleApproval(request: ApprovalRequest, deps: ApprovalDeps): Promise<PageResponse> {
  const parsed = parseLink(request);
  if (!parsed || !verifyLink(deps.keys.linkKey, parsed.link, parsed.signature)) return INVALID;
  const { link } = parsed;
  const nowMs = deps.now().getTime();
  if (link.expires * 1000 <= nowMs) return EXPIRED;
  const item = await loadApproval(deps.tableName, link.tenantId, link.approvalId);
  if (!item) return INVALID;
  if (item.status !== 'pending') return decidedPage(item);
  if (item.expiresAt * 1000 <= nowMs) return EXPIRED;
  const csrf = csrfToken(deps.keys.csrfKey, link);

  if (request.method === 'GET') {
    return {
      status: 200,
      html: confirmationPage({
        decision: link.decision,
        actionLine: `${item.action.kind} ${item.action.service}${item.action.dryRun ? ' (dry-run)' : ''}`,
        risk: item.action.risk,
        plan: item.action.plan,
        undo: item.action.undo,
        investigationId: item.investigationId,
        expiresAt: new Date(item.expiresAt * 1000).toISOString(),
        formAction: request.path + '?' + new URLSearchParams({ decision: link.decision, exp: String(link.expires), sig: parsed.signature }).toString(),
        hidden: { csrf },
        approverRequired: item.approvers.length > 0,
      }),
    };
  }

  if (request.origin && request.origin !== new URL(deps.publicBaseUrl).origin) {
    return { status: 403, html: messagePage('Cross-site request refused', 'The decision must be posted from the approval page itself. Nothing was changed.') };
  }
  if (!safeEqual(request.form.csrf ?? '', csrf)) return { status: 403, html: messagePage('Form token missing or wrong', 'Open the link again and confirm from that page. Nothing was changed.') };
  const approver = (request.form.approver ?? '').trim().slice(0, 200);
  if (item.approvers.length > 0 && !item.approvers.some((a) => a.toLowerCase() === approver.toLowerCase())) {
    return { status: 403, html: messagePage('Not an allowed approver', `${approver || 'An empty name'} may not decide on this tenant's actions. Nothing was changed.`) };
  }
  const decidedBy = approver || 'anonymous (link holder)';
  const decidedAt = deps.now().toISOString();
  const status = link.decision === 'approve' ? 'approved' : 'rejected';
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.approval(link.tenantId, link.approvalId),
        UpdateExpression: 'SET #status = :status, decidedBy = :by, decidedAt = :at',
        ConditionExpression: '#status = :pending AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':by': decidedBy, ':at': decidedAt, ':pending': 'pending', ':now': Math.floor(nowMs / 1000) },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const current = await loadApproval(deps.tableName, link.tenantId, link.approvalId);
    return current && current.status !== 'pending' ? decidedPage(current) : EXPIRED;
  }

  const summary = { approvalId: link.approvalId, expiresAt: new Date(item.expiresAt * 1000).toISOString(), decidedBy, decidedAt };
  await updateRecord(deps.tableName, link.tenantId, item.investigationId, { approval: { ...summary, status } });
  const token = decryptToken(deps.keys.tokenKey, item.sealedToken, `${link.tenantId}/${link.approvalId}`);
  try {
    if (status === 'approved') {
      await deps.tasks.succeed(token, { decision: 'approved', approvalId: link.approvalId, decidedBy, decidedAt });
    } else {
      await deps.tasks.fail(token, 'ApprovalRejected', `rejected by ${decidedBy}`);
    }
  } catch (error) {
    if (!GONE_TASK_ERRORS.has((error as Error).name)) throw error;
    await documentClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.approval(link.tenantId, link.approvalId),
        UpdateExpression: 'SET #status = :expired',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired' },
      }),
    );
    await updateRecord(deps.tableName, link.tenantId, item.investigationId, { approval: { ...summary, status: 'expired' } });
    return EXPIRED;
  }
  await appendAudit(deps.tableName, link.tenantId, item.investigationId, {
    type: 'approval.decided',
    actor: decidedBy,
    detail: { approvalId: link.approvalId, decision: status, action: item.action.kind, service: item.action.service },
  });
  const next = status === 'approved' ? `The ${item.action.kind} of ${item.action.service} runs now${item.action.dryRun ? ' as a dry-run' : ''}.` : 'No action will be taken.';
  return { status: 200, html: messagePage(status === 'approved' ? 'Approved' : 'Rejected', `Recorded: ${status} by ${decidedBy}. ${next}`) };
}
