import type { Decision } from '../shared/approval-links.js';
import { recordApprovalEnd } from '../shared/metrics.js';
import { decryptToken, type PlatformKeys } from '../shared/platform-keys.js';
import type { AnnounceInput } from './announce.js';
import { displayName, mayDecide, principal, type VerifiedIdentity } from './approvers.js';
import type { ApprovalLedger, StoredApproval } from './ledger.js';

export type { StoredApproval } from './ledger.js';

export interface TaskResponder {
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface DecisionDeps {
  keys: PlatformKeys;
  ledger: ApprovalLedger;
  tasks: TaskResponder;
  now: () => Date;
  /** Tells Slack how the approval ended; never throws, so Slack can neither undo nor block a decision. */
  announce: (input: AnnounceInput) => Promise<unknown>;
}

/** How a decision attempt ended; each route (link page, Slack button) words it its own way. */
export type DecisionOutcome =
  | { kind: 'decided'; status: 'approved' | 'rejected'; decidedBy: string; decidedAt: string; item: StoredApproval }
  | { kind: 'already'; item: StoredApproval }
  | { kind: 'expired' }
  | { kind: 'stale' }
  | { kind: 'unknown' }
  | { kind: 'not_allowed'; who: string };

/** `TaskTimedOut`: the task timed out or was already closed. The others: the token names no task this execution still has. */
const TIMED_OUT = 'TaskTimedOut';
const STALE_TASK_ERRORS = new Set(['InvalidToken', 'TaskDoesNotExist']);

/** Where a decided approval is in resuming its execution; approvals decided before phases existed count as resumed. */
const resuming = (item: StoredApproval) => (item.status === 'approved' || item.status === 'rejected') && item.phase === 'deciding';

/**
 * Resumes the execution for an approval whose decision is recorded (phase `deciding`), and
 * records that it did. Every step is safe to repeat, so whichever attempt gets here (the
 * decider's, a retry of it, anyone's later click) finishes what a dead Lambda left.
 *
 * Step Functions answers `TaskTimedOut` both when the task timed out and when its token was
 * already used. Only this function holds the token and it counts each attempt before
 * sending, so `TaskTimedOut` after an earlier attempt, before the approval's own expiry,
 * means that earlier answer landed: the execution resumed once, and is not resumed again.
 */
async function resume(deps: DecisionDeps, tenantId: string, item: StoredApproval, responseUrl: string | undefined): Promise<'resumed' | 'expired' | 'stale'> {
  const { ledger } = deps;
  await ledger.recordDecision(tenantId, item);
  const earlierAttempts = item.resumeAttempts ?? 0;
  await ledger.noteResumeAttempt(tenantId, item.approvalId);
  const token = decryptToken(deps.keys, item.sealedToken, `${tenantId}/${item.approvalId}`);
  let confirmedBy: 'answer' | 'token_closed' = 'answer';
  try {
    if (item.status === 'approved') {
      await deps.tasks.succeed(token, { decision: 'approved', approvalId: item.approvalId, decidedBy: item.decidedBy, decidedAt: item.decidedAt });
    } else {
      await deps.tasks.fail(token, 'ApprovalRejected', `rejected by ${item.decidedBy}`);
    }
  } catch (error) {
    const name = (error as Error).name;
    const stillOpen = item.expiresAt * 1000 > deps.now().getTime();
    if (name === TIMED_OUT && earlierAttempts > 0 && stillOpen) {
      confirmedBy = 'token_closed';
    } else if (name === TIMED_OUT || STALE_TASK_ERRORS.has(name)) {
      const reason = name === TIMED_OUT ? 'timed_out' : 'stale';
      if (await ledger.markUnresumable(tenantId, item, reason)) {
        await ledger.audit(tenantId, item.investigationId, {
          type: 'approval.not_resumed',
          actor: 'causeway:approval',
          detail: { approvalId: item.approvalId, decision: item.status, decidedBy: item.decidedBy, reason, error: name },
        });
        await deps.announce({ tenantId, approval: item, end: { kind: 'expired', at: deps.now().toISOString() } });
      }
      return reason === 'timed_out' ? 'expired' : 'stale';
    } else {
      throw error;
    }
  }
  await ledger.markResumed(tenantId, item.approvalId, deps.now().toISOString(), confirmedBy);
  await tellSlack(deps, tenantId, item, responseUrl);
  return 'resumed';
}

/**
 * Tells Slack how a resumed approval ended, then notes that it did. A Lambda that dies in
 * between leaves it unnoted, and the next attempt tells Slack again: at least once, since a
 * decision the channel never hears of is worse than the same edit made twice.
 */
async function tellSlack(deps: DecisionDeps, tenantId: string, item: StoredApproval, responseUrl: string | undefined): Promise<void> {
  const status = item.status as 'approved' | 'rejected';
  await deps.announce({ tenantId, approval: item, end: { kind: 'decided', status, decidedBy: item.decidedBy!, decidedAt: item.decidedAt! }, ...(responseUrl ? { responseUrl } : {}) });
  await deps.ledger.markAnnounced(tenantId, item.approvalId, deps.now().toISOString());
}

/**
 * The one way an approval is decided, whichever route asked: by a verified person the
 * tenant's list allows, once, before expiry. The decision is claimed with one conditional
 * write (pending → approved/rejected, phase `deciding`), then recorded, then the waiting
 * execution resumed, then marked `decided` and Slack told (a click's `response_url` is the
 * fallback when the message cannot be edited). An approval found still `deciding` is
 * resumed by whoever comes next, so a Lambda that died midway never leaves a run stuck.
 */
export async function recordDecision(
  deps: DecisionDeps,
  request: { tenantId: string; approvalId: string; decision: Decision; identity: VerifiedIdentity; responseUrl?: string },
): Promise<DecisionOutcome> {
  const { ledger } = deps;
  const nowMs = deps.now().getTime();
  let item = await ledger.load(request.tenantId, request.approvalId);
  if (!item) return { kind: 'unknown' };
  let claimedNow = false;
  if (item.status === 'pending') {
    if (item.expiresAt * 1000 <= nowMs) return { kind: 'expired' };
    if (!mayDecide(item.approvers, request.identity)) return { kind: 'not_allowed', who: displayName(request.identity) };
    const claim = { status: request.decision === 'approve' ? ('approved' as const) : ('rejected' as const), decidedBy: displayName(request.identity), decidedAt: deps.now().toISOString(), decider: request.identity };
    claimedNow = await ledger.claim(request.tenantId, request.approvalId, claim, Math.floor(nowMs / 1000));
    if (claimedNow) recordApprovalEnd(request.tenantId, claim.status, item.createdAt === undefined ? undefined : (Date.parse(claim.decidedAt) - Date.parse(item.createdAt)) / 1000);
    item = await ledger.load(request.tenantId, request.approvalId);
    if (!item) return { kind: 'unknown' };
  }
  if (item.status === 'expired') return item.unresumableReason === 'stale' ? { kind: 'stale' } : { kind: 'expired' };
  if (item.status === 'pending') return { kind: 'expired' };
  if (resuming(item)) {
    const resumed = await resume(deps, request.tenantId, item, request.responseUrl);
    if (resumed !== 'resumed') return { kind: resumed };
  } else if (item.phase === 'decided' && !item.announcedAt) {
    await tellSlack(deps, request.tenantId, item, request.responseUrl);
  }
  const sameDecider = item.decider !== undefined && principal(item.decider) === principal(request.identity) && item.status === (request.decision === 'approve' ? 'approved' : 'rejected');
  if (claimedNow || (sameDecider && resuming(item))) return { kind: 'decided', status: item.status as 'approved' | 'rejected', decidedBy: item.decidedBy!, decidedAt: item.decidedAt!, item };
  return { kind: 'already', item };
}
