import { z } from 'zod';
import { IsoTime, ServiceName } from './common.js';

export const Risk = z.enum(['low', 'medium', 'high']);

/**
 * What the policy may propose and Remediate may run: the scenario format's actions
 * (`ActionKind` without `none`, which scenarios and the scorer speak) plus `runbook`, an
 * SSM Automation document the tenant maps a recommendation to. Kept apart so the
 * scenario format's `expected.action` values stay exactly what they were.
 */
export const RemediationKind = z.enum(['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag', 'runbook']);
export type RemediationKind = z.infer<typeof RemediationKind>;
export type Risk = z.infer<typeof Risk>;

/** A concrete, bounded action: exactly what would change, where, and how to undo it. */
export const ProposedAction = z.object({
  actionId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  kind: RemediationKind,
  service: ServiceName,
  target: z.record(z.string(), z.string()).default({}),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  risk: Risk,
  reversible: z.boolean(),
  undo: z.string().max(500),
  blastRadius: z.string().max(500),
  dryRun: z.boolean(),
  /** The dry-run: each line one change that would be made. */
  plan: z.array(z.string().max(500)).max(50),
  /** Seconds to wait after the action before checking whether the signal recovered. */
  verifyAfterSeconds: z.number().int().min(0).max(3600).default(300),
});
export type ProposedAction = z.infer<typeof ProposedAction>;

export const PolicyDecision = z.object({
  decision: z.enum(['none', 'approve', 'auto', 'deny']),
  reasons: z.array(z.string().max(500)).min(1),
  action: ProposedAction.optional(),
  /** Seconds the approval task waits before it expires; the link expires with it. */
  approvalTimeoutSeconds: z.number().int().positive(),
});
export type PolicyDecision = z.infer<typeof PolicyDecision>;

/** What the approval route sends back through SendTaskSuccess. */
export const ApprovalGranted = z.object({
  decision: z.literal('approved'),
  approvalId: z.string(),
  decidedBy: z.string().max(200),
  decidedAt: IsoTime,
});
export type ApprovalGranted = z.infer<typeof ApprovalGranted>;

export const RemediationResult = z.object({
  actionId: z.string(),
  /** `refused`: the policy in force when the action was about to run no longer allowed it; nothing was changed. */
  status: z.enum(['dry_run', 'applied', 'failed', 'refused']),
  summary: z.string().max(1000),
  changes: z.array(z.string().max(500)).max(50),
  at: IsoTime,
  /** Which executor ran (`rollback-ecs`, `restart-kubernetes`…), when one did. */
  executor: z.string().max(100).optional(),
  /** The exact way back, computed from the state read before the change. */
  undo: z.string().max(500).optional(),
});
export type RemediationResult = z.infer<typeof RemediationResult>;
