import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnounceInput } from '../../../functions/approval/announce.js';
import type { VerifiedIdentity } from '../../../functions/approval/approvers.js';
import { recordDecision, type DecisionDeps, type TaskResponder } from '../../../functions/approval/decision.js';
import type { ApprovalLedger, StoredApproval } from '../../../functions/approval/ledger.js';
import type { AuditEntry } from '../../../functions/shared/audit.js';
import { derivePlatformKeys, encryptToken } from '../../../functions/shared/platform-keys.js';

const keys = derivePlatformKeys('a-platform-key-of-at-least-thirty-two-chars');
const NOW = new Date('2026-06-01T09:00:00.000Z');
const ISSUER = 'https://acme.okta.com';

const oncall: VerifiedIdentity = { via: 'oidc', issuer: ISSUER, subject: '00u1oncall', email: 'oncall@example.com' };
const slackUser: VerifiedIdentity = { via: 'slack-button', issuer: 'https://slack.com', subject: 'U0APPROVER', team: 'T0ACME' };
const stranger: VerifiedIdentity = { via: 'oidc', issuer: ISSUER, subject: '00u1stranger', email: 'intruder@example.com' };

const pending = (): StoredApproval => ({
  approvalId: 'appr-0001',
  investigationId: 'inv-0001',
  status: 'pending',
  sealedToken: encryptToken(keys, 'task-token', 'acme/appr-0001'),
  action: { kind: 'rollback', service: 'pricing', risk: 'low', plan: ['pricing: v3.12.0 → v3.11.4'], undo: 'roll forward', dryRun: true },
  approvers: ['oncall@example.com', 'U0APPROVER'],
  expiresAt: NOW.getTime() / 1000 + 3600,
  slackMessage: { channel: 'C0APPROVALS', ts: '1718000000.000400' },
});

/** The ledger's conditional writes over one in-memory item, as DynamoDB would apply them. */
function memoryLedger(item: StoredApproval): ApprovalLedger & { item: StoredApproval; trail: AuditEntry[] } {
  const trail: AuditEntry[] = [];
  const ids = new Set<string>();
  const ledger = {
    item,
    trail,
    load: async () => structuredClone(ledger.item),
    claim: async (_t: string, _a: string, claim: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: string; decider: VerifiedIdentity }, now: number) => {
      if (ledger.item.status !== 'pending' || ledger.item.expiresAt <= now) return false;
      Object.assign(ledger.item, claim, { phase: 'deciding', resumeAttempts: 0 });
      return true;
    },
    recordDecision: async (_t: string, i: StoredApproval) => ledger.audit('acme', i.investigationId, { type: 'approval.decided', actor: i.decidedBy!, detail: {} }, `decided-${i.approvalId}`),
    noteResumeAttempt: async () => void (ledger.item.resumeAttempts = (ledger.item.resumeAttempts ?? 0) + 1),
    markResumed: async () => {
      if (ledger.item.phase === 'deciding') ledger.item.phase = 'decided';
    },
    markAnnounced: async (_t: string, _a: string, at: string) => void (ledger.item.announcedAt = at),
    markUnresumable: async (_t: string, _i: StoredApproval, reason: 'timed_out' | 'stale') => {
      if (ledger.item.status === 'expired') return false;
      Object.assign(ledger.item, { status: 'expired', phase: 'unresumable', unresumableReason: reason });
      return true;
    },
    audit: async (_t: string, _i: string, entry: AuditEntry, entryId?: string) => {
      if (entryId && ids.has(entryId)) return;
      if (entryId) ids.add(entryId);
      trail.push(entry);
    },
  };
  return ledger;
}

/** Step Functions' callback tokens as far as this needs: each answers once, then TaskTimedOut. */
function singleUseTask(): TaskResponder & { answers: string[] } {
  const answers: string[] = [];
  const closed = () => Object.assign(new Error('Task Timed Out'), { name: 'TaskTimedOut' });
  return {
    answers,
    succeed: async (token) => {
      if (answers.length > 0) throw closed();
      answers.push(`succeed ${token}`);
    },
    fail: async (token, error) => {
      if (answers.length > 0) throw closed();
      answers.push(`fail ${token} ${error}`);
    },
  };
}

let ledger: ReturnType<typeof memoryLedger>;
let tasks: ReturnType<typeof singleUseTask>;
let announced: AnnounceInput[];
const deps = (overrides: Partial<DecisionDeps> = {}): DecisionDeps => ({ keys, ledger, tasks, now: () => NOW, announce: async (input) => void announced.push(input), ...overrides });
const request = (decision: 'approve' | 'reject', identity: VerifiedIdentity, responseUrl?: string) => ({ tenantId: 'acme', approvalId: 'appr-0001', decision, identity, ...(responseUrl ? { responseUrl } : {}) });
const gone = (name: string) => async () => Promise.reject(Object.assign(new Error(name), { name }));

beforeEach(() => {
  ledger = memoryLedger(pending());
  tasks = singleUseTask();
  announced = [];
});

describe('a decision by a verified person', () => {
  it('approves for a listed Slack user, resumes once, and announces with the click’s response_url', async () => {
    const outcome = await recordDecision(deps(), request('approve', slackUser, 'https://hooks.slack.com/actions/T/1/x'));
    expect(outcome).toMatchObject({ kind: 'decided', status: 'approved', decidedBy: 'U0APPROVER' });
    expect(tasks.answers).toEqual(['succeed task-token']);
    expect(ledger.item).toMatchObject({ status: 'approved', phase: 'decided', decider: slackUser, resumeAttempts: 1 });
    expect(announced).toEqual([
      { tenantId: 'acme', approval: expect.objectContaining({ approvalId: 'appr-0001' }), end: { kind: 'decided', status: 'approved', decidedBy: 'U0APPROVER', decidedAt: NOW.toISOString() }, responseUrl: 'https://hooks.slack.com/actions/T/1/x' },
    ]);
  });

  it('rejects for a listed verified email', async () => {
    await recordDecision(deps(), request('reject', oncall));
    expect(tasks.answers).toEqual(['fail task-token ApprovalRejected']);
    expect(announced).toEqual([expect.objectContaining({ end: expect.objectContaining({ status: 'rejected', decidedBy: 'oncall@example.com' }) })]);
  });

  it('matches an email only when the provider verified it', async () => {
    const unverified = { ...oncall, subject: '00u1other' } as VerifiedIdentity;
    delete unverified.email;
    expect(await recordDecision(deps(), request('approve', unverified))).toEqual({ kind: 'not_allowed', who: `oidc:${ISSUER}#00u1other` });
    expect(tasks.answers).toEqual([]);
  });

  it('an empty list lets any verified person decide', async () => {
    ledger.item.approvers = [];
    expect((await recordDecision(deps(), request('approve', stranger))).kind).toBe('decided');
  });

  it('changes nothing for a stranger, a second decision, an expired or an unknown approval', async () => {
    expect((await recordDecision(deps(), request('approve', stranger))).kind).toBe('not_allowed');
    expect(await recordDecision(deps(), request('approve', oncall))).toMatchObject({ kind: 'decided' });
    expect(await recordDecision(deps(), request('reject', slackUser))).toMatchObject({ kind: 'already', item: { status: 'approved', decidedBy: 'oncall@example.com' } });
    ledger.item = { ...pending(), expiresAt: NOW.getTime() / 1000 - 1 };
    expect((await recordDecision(deps(), request('approve', oncall))).kind).toBe('expired');
    const empty = { ...ledger, load: async () => undefined };
    expect((await recordDecision(deps({ ledger: empty }), request('approve', oncall))).kind).toBe('unknown');
    expect(tasks.answers).toEqual(['succeed task-token']);
    expect(announced).toHaveLength(1);
  });
});

describe('resuming the execution exactly once', () => {
  it('a task that timed out before the first answer is recorded expired, audited and announced once', async () => {
    expect(await recordDecision(deps({ tasks: { succeed: gone('TaskTimedOut'), fail: gone('TaskTimedOut') } }), request('approve', oncall))).toEqual({ kind: 'expired' });
    expect(ledger.item).toMatchObject({ status: 'expired', phase: 'unresumable', unresumableReason: 'timed_out' });
    expect(ledger.trail.map((e) => e.type)).toEqual(['approval.decided', 'approval.not_resumed']);
    expect(announced).toEqual([expect.objectContaining({ end: { kind: 'expired', at: NOW.toISOString() } })]);
  });

  it('an invalid token is recorded stale', async () => {
    expect(await recordDecision(deps({ tasks: { succeed: gone('InvalidToken'), fail: gone('InvalidToken') } }), request('approve', oncall))).toEqual({ kind: 'stale' });
    expect(ledger.item).toMatchObject({ status: 'expired', unresumableReason: 'stale' });
    expect(ledger.trail.find((e) => e.type === 'approval.not_resumed')?.detail).toMatchObject({ reason: 'stale', error: 'InvalidToken' });
  });

  it('a retry after the answer landed but before it was recorded does not resume twice: TaskTimedOut after an earlier attempt means it landed', async () => {
    const dies = deps({ ledger: { ...ledger, markResumed: async () => Promise.reject(new Error('Lambda killed')) } });
    await expect(recordDecision(dies, request('approve', oncall))).rejects.toThrow('Lambda killed');
    expect(tasks.answers).toEqual(['succeed task-token']);
    expect(ledger.item).toMatchObject({ status: 'approved', phase: 'deciding', resumeAttempts: 1 });
    expect(await recordDecision(deps(), request('approve', oncall))).toMatchObject({ kind: 'decided', status: 'approved' });
    expect(ledger.item).toMatchObject({ phase: 'decided', resumeAttempts: 2 });
    expect(tasks.answers).toHaveLength(1);
    expect(ledger.trail.map((e) => e.type)).toEqual(['approval.decided']);
    expect(announced).toHaveLength(1);
  });

  it('a retry after the Lambda died before answering sends the answer, and someone else’s click finishes it as already decided', async () => {
    const dies = deps({ tasks: { succeed: async () => Promise.reject(new Error('Lambda killed')), fail: gone('x') } });
    await expect(recordDecision(dies, request('approve', oncall))).rejects.toThrow('Lambda killed');
    expect(tasks.answers).toEqual([]);
    expect(await recordDecision(deps(), request('reject', slackUser))).toMatchObject({ kind: 'already', item: { status: 'approved' } });
    expect(tasks.answers).toEqual(['succeed task-token']);
    expect(ledger.item.phase).toBe('decided');
  });

  it('TaskTimedOut on a retry after the approval’s own expiry is a timeout, not a landed answer', async () => {
    const dies = deps({ tasks: { succeed: async () => Promise.reject(new Error('Lambda killed')), fail: gone('x') } });
    await expect(recordDecision(dies, request('approve', oncall))).rejects.toThrow();
    const later = new Date(NOW.getTime() + 2 * 3600_000);
    expect(await recordDecision(deps({ now: () => later, tasks: { succeed: gone('TaskTimedOut'), fail: gone('TaskTimedOut') } }), request('approve', oncall))).toEqual({ kind: 'expired' });
    expect(ledger.item).toMatchObject({ status: 'expired', unresumableReason: 'timed_out' });
  });
});
