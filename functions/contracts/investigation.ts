import { z } from 'zod';
import { EvidenceId, InvestigationId, IsoTime, TenantId } from './common.js';
import { IncidentSignal } from './signal.js';
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

export const ApprovalSummary = z.object({
  approvalId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'expired']),
  expiresAt: IsoTime,
  decidedBy: z.string().optional(),
  decidedAt: IsoTime.optional(),
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
});
export type InvestigationRecord = z.infer<typeof InvestigationRecord>;
