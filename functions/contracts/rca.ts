import { z } from 'zod';
import { ActionKind, EvidenceId, RootCauseKind, ServiceName } from './common.js';

/** A claim and the evidence behind it; `verified` is false when its citations could not be checked. */
export const Statement = z.object({
  text: z.string().min(1).max(2000),
  evidenceIds: z.array(EvidenceId).max(20),
  verified: z.boolean().default(true),
});
export type Statement = z.infer<typeof Statement>;

/**
 * What a model call cost, kept on the RCA (and so on the investigation) so an operator
 * can see tokens, latency and spend per investigation, including calls whose answer was
 * rejected and replaced by the deterministic RCA.
 */
export const ModelUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Wall time spent waiting on the model, retries and the repair call included. */
  latencyMs: z.number().nonnegative(),
  /** HTTP calls made: the first, a 429/5xx retry, a repair. */
  calls: z.number().int().nonnegative(),
  /** USD, from the tenant's per-million-token prices; absent when no price is configured. */
  estimatedCostUsd: z.number().nonnegative().optional(),
});
export type ModelUsage = z.infer<typeof ModelUsage>;

/**
 * The model's root cause when it differs from the deterministic top suspect. It never stands
 * alone: the RCA's `rootCause` stays the deterministic one and this is shown beside it, its
 * statements always unverified, with why it was not trusted.
 */
export const ModelRootCause = z.object({
  service: ServiceName,
  kind: RootCauseKind,
  statement: Statement,
  summary: Statement,
  /** Why it was not put in place of the deterministic root cause. */
  reason: z.string().max(500),
});
export type ModelRootCause = z.infer<typeof ModelRootCause>;

export const Rca = z.object({
  /** Who wrote the text: the deterministic writer, or a model whose answer passed grounding. */
  author: z.enum(['deterministic', 'llm']),
  /** The model asked, set whenever one was called, even if its answer was not used. */
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(50).optional(),
  usage: ModelUsage.optional(),
  summary: Statement,
  rootCause: z.object({ service: ServiceName, kind: RootCauseKind, statement: Statement }),
  /** Present when the model named another root cause: shown beside `rootCause`, never in its place. */
  modelRootCause: ModelRootCause.optional(),
  causalChain: z.array(Statement).max(20),
  recommendedActions: z
    .array(
      z.object({
        action: ActionKind,
        service: ServiceName.optional(),
        reason: z.string().max(1000),
        evidenceIds: z.array(EvidenceId).max(20),
      }),
    )
    .max(5),
  confidence: z.number().min(0).max(1),
  /** What the reader should know about gaps: failed providers, missing classes. */
  caveats: z.array(z.string().max(500)).max(20).default([]),
});
export type Rca = z.infer<typeof Rca>;
