import { z } from 'zod';
import { EvidenceId, InvestigationId, IsoTime, RootCauseKind, ServiceName, TenantId } from './common.js';
import { IncidentSignal, LifecycleEventKind, SignalSource } from './signal.js';
import { ScoredEvidence } from './scored.js';
import { ModelUsage, Rca } from './rca.js';
import { PolicyDecision, RemediationResult } from './actions.js';

/**
 * The execution input. `replay` points the scenario provider at a scenario file; only
 * the local CLI sets it, never the ingest route.
 */
export const InvestigationInput = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  signal: IncidentSignal,
  replay: z
    .object({ file: z.string().min(1), topology: z.record(z.string(), z.array(z.string())).default({}) })
    .nullable()
    .default(null),
});
export type InvestigationInput = z.infer<typeof InvestigationInput>;

export const InvestigationStatus = z.enum([
  'investigating',
  'diagnosed',
  'awaiting_approval',
  'remediated',
  'rejected',
  'expired',
  'denied',
  'failed',
]);
export type InvestigationStatus = z.infer<typeof InvestigationStatus>;

export const ApprovalDecider = z.object({
  via: z.enum(['oidc', 'slack-button']),
  issuer: z.string().max(500),
  subject: z.string().max(255),
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  team: z.string().max(40).optional(),
});

export const ApprovalSummary = z.object({
  approvalId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'expired']),
  expiresAt: IsoTime,
  decidedBy: z.string().optional(),
  decidedAt: IsoTime.optional(),
  /** Who decided, as Causeway verified them: the issuer and subject of an ID token, or Slack (`https://slack.com`) and the clicking user. */
  decider: ApprovalDecider.optional(),
});

/**
 * Whether the signal recovered after an applied action, checked once after the action's
 * wait. `alert_state` is the only basis today: the alert's own resolved notification.
 */
export const OutcomeVerification = z.object({
  status: z.enum(['recovered', 'not_recovered']),
  basis: z.literal('alert_state'),
  checkedAt: IsoTime,
  detail: z.string().max(1000),
});
export type OutcomeVerification = z.infer<typeof OutcomeVerification>;

/**
 * A follow-up question and its answer, written from the record's own evidence digest
 * only. `verified` is false when the answer cites no evidence id that exists.
 */
export const FollowUpQuestion = z.object({
  at: IsoTime,
  question: z.string().min(1).max(1000),
  answer: z.string().min(1).max(4000),
  evidenceIds: z.array(EvidenceId).max(20),
  verified: z.boolean(),
  author: z.enum(['deterministic', 'llm']),
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(50).optional(),
  usage: ModelUsage.optional(),
  caveats: z.array(z.string().max(500)).max(10).default([]),
});
export type FollowUpQuestion = z.infer<typeof FollowUpQuestion>;

/** At most this many follow-up questions are kept per investigation, so the record stays bounded. */
export const MAX_FOLLOW_UP_QUESTIONS = 50;

/**
 * A past investigation of the same tenant that looks like this one, so on-call sees
 * "seen 3 times in 90 days; last: rollback of pricing v3.12.0, recovered in 6 min".
 */
export const SimilarIncident = z.object({
  investigationId: InvestigationId,
  at: IsoTime,
  service: ServiceName.optional(),
  kind: RootCauseKind.optional(),
  summary: z.string().max(500),
  /** What was done about it, in words: "rollback of pricing to v3.11.2". */
  action: z.string().max(300).optional(),
  decidedBy: z.string().max(200).optional(),
  /** How it ended: "recovered in 6 min", "not recovered", "no action". */
  outcome: z.string().max(200).optional(),
  similarity: z.number().min(0).max(1),
  /** Why it matched: "same service and kind", "log template …", "alert fingerprint". */
  sharedSignals: z.array(z.string().max(200)).max(10).default([]),
});
export type SimilarIncident = z.infer<typeof SimilarIncident>;

/** A verified person's verdict on the RCA; confirmed answers become evaluation scenarios. */
export const RcaFeedback = z.object({
  at: IsoTime,
  /** Who said it, as verified: a Slack-signed user (issuer `https://slack.com`), an OIDC subject, or the tenant API token. */
  by: z.object({ issuer: z.string().max(500), subject: z.string().max(200), name: z.string().max(200).optional() }),
  verdict: z.enum(['right', 'wrong']),
  /** The right answer, when the verdict is wrong (or to confirm it when right). */
  rootCause: z.object({ service: ServiceName, kind: RootCauseKind }).optional(),
  note: z.string().max(1000).optional(),
});
export type RcaFeedback = z.infer<typeof RcaFeedback>;

/** One lifecycle event of the alert, written to the record as it arrives: who acknowledged it, when it resolved. */
export const LifecycleEntry = z.object({
  event: LifecycleEventKind,
  at: IsoTime,
  source: SignalSource,
  by: z.string().max(200).optional(),
  detail: z.string().max(500).optional(),
});
export type LifecycleEntry = z.infer<typeof LifecycleEntry>;

/** At most this many lifecycle events are kept per investigation; later ones still reach the audit trail. */
export const MAX_LIFECYCLE_ENTRIES = 100;

/** The system of record for one investigation, as stored in DynamoDB and printed by `investigate --json`. */
export const InvestigationRecord = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  executionName: z.string(),
  status: InvestigationStatus,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  signal: IncidentSignal,
  relatedSignals: z.array(IncidentSignal.pick({ source: true, externalId: true, title: true, service: true, status: true, receivedAt: true })).default([]),
  scored: ScoredEvidence.optional(),
  rca: Rca.optional(),
  policy: PolicyDecision.optional(),
  approval: ApprovalSummary.optional(),
  remediation: RemediationResult.optional(),
  outcome: OutcomeVerification.optional(),
  questions: z.array(FollowUpQuestion).max(MAX_FOLLOW_UP_QUESTIONS).optional(),
  similar: z.array(SimilarIncident).max(10).optional(),
  feedback: z.array(RcaFeedback).max(50).optional(),
  lifecycle: z.array(LifecycleEntry).max(MAX_LIFECYCLE_ENTRIES).optional(),
});
export type InvestigationRecord = z.infer<typeof InvestigationRecord>;
