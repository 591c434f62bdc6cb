import type { AuditEntry } from '../shared/audit.js';
import type { SlackMessageRef } from '../shared/slack-web-api.js';
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
