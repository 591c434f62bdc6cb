import { z } from 'zod';
import { ActionKind, EvidenceId, RootCauseKind, ServiceName } from './common.js';

/** A claim and the evidence behind it; `verified` is false when its citations could not be checked. */
export const Statement = z.object({
  text: z.string().min(1).max(2000),
  evidenceIds: z.array(EvidenceId).max(20),
  verified: z.boolean().default(true),
});
export type Statement = z.infer<typeof Statement>;

export const Rca = z.object({
  author: z.enum(['deterministic', 'llm']),
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(50).optional(),
  summary: Statement,
  rootCause: z.object({ service: ServiceName, kind: RootCauseKind, statement: Statement }),
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
