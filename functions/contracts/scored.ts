import { z } from 'zod';
import { ActionKind, EvidenceClass, EvidenceId, IsoTime, RootCauseKind, ServiceName } from './common.js';
import { IdentifiedEvidence } from './evidence.js';
import { ProviderError, ProviderQuery } from './provider-result.js';

export const Suspect = z.object({
  service: ServiceName,
  kind: RootCauseKind,
  score: z.number().min(0).max(1),
  evidenceIds: z.array(EvidenceId),
  reasons: z.array(z.string().max(500)).max(20),
});
export type Suspect = z.infer<typeof Suspect>;

export const TimelineEntry = z.object({
  at: IsoTime,
  service: ServiceName,
  evidenceId: EvidenceId,
  text: z.string().max(500),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** How each planned query went, kept in the record so a missing class is explained. */
export const ProviderOutcome = z.object({
  planId: z.string(),
  evidenceClass: EvidenceClass,
  backend: z.object({ id: z.string(), type: z.string() }),
  status: z.enum(['success', 'no_data', 'error']),
  query: ProviderQuery,
  itemCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  notes: z.array(z.string()).default([]),
  error: ProviderError.optional(),
});
export type ProviderOutcome = z.infer<typeof ProviderOutcome>;

export const RecommendedAction = z.object({
  kind: ActionKind,
  service: ServiceName.optional(),
  reason: z.string().max(500),
  evidenceIds: z.array(EvidenceId).default([]),
});
export type RecommendedAction = z.infer<typeof RecommendedAction>;

/** The deterministic layer's verdict: everything the reasoning step may use, and nothing more. */
export const ScoredEvidence = z.object({
  onsetAt: IsoTime.optional(),
  suspects: z.array(Suspect).max(10),
  confidence: z.number().min(0).max(1),
  timeline: z.array(TimelineEntry).max(50),
  /**
   * The few steps from the root cause to the alerting service, in causal order: the
   * change, the root's clearest evidence, then each service on the calls up to the
   * alert. The RCA's causal chain; everything else stays in the timeline.
   */
  causalPath: z.array(TimelineEntry).max(6).optional(),
  /**
   * The changes weighed on the failing path (the root's service, the services between it
   * and the alert, the alerting service), each blamed or ruled out, and why, so an RCA
   * that passes over a recent change says why it did.
   */
  changes: z.array(z.object({ evidenceId: EvidenceId, service: ServiceName, verdict: z.enum(['blamed', 'ruled_out']), reason: z.string().max(500) })).max(10).optional(),
  /** The bounded digest: the evidence behind the top suspects always, then the rest by relevance. */
  evidence: z.array(IdentifiedEvidence),
  representativeTraceId: z.string().optional(),
  recommendedAction: RecommendedAction,
  providers: z.array(ProviderOutcome),
  digest: z.object({
    tokenBudget: z.number().int().positive(),
    estimatedTokens: z.number().int().nonnegative(),
    itemsOmitted: z.number().int().nonnegative(),
  }),
});
export type ScoredEvidence = z.infer<typeof ScoredEvidence>;
