import { z } from 'zod';

/** Tenant ids appear in keys, routes and execution names, so they are kept to a URL- and key-safe alphabet. */
export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'tenant ids are 1-63 lowercase letters, digits or dashes');
export type TenantId = z.infer<typeof TenantId>;

/** Investigation ids double as Step Functions execution names (80 chars, no spaces). */
export const InvestigationId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

export const IsoTime = z.iso.datetime({ offset: true });

export const ServiceName = z.string().min(1).max(200);

export const EvidenceClass = z.enum(['metrics', 'logs', 'traces', 'changes', 'runtime', 'exceptions', 'alerts']);
export type EvidenceClass = z.infer<typeof EvidenceClass>;

/** The prefix each evidence class gives its stable ids (`LOG_1`, `CHANGE_2`…). */
export const EVIDENCE_ID_PREFIX: Record<EvidenceClass, string> = {
  metrics: 'METRIC',
  logs: 'LOG',
  traces: 'TRACE',
  changes: 'CHANGE',
  runtime: 'RUNTIME',
  exceptions: 'EXC',
  alerts: 'ALERT',
};

export const EvidenceId = z.string().regex(/^(METRIC|LOG|TRACE|CHANGE|RUNTIME|EXC|ALERT)_[1-9][0-9]*$/);
export type EvidenceId = z.infer<typeof EvidenceId>;

/** The root-cause kinds of the scenario format; the scorer and the RCA speak only these. */
export const RootCauseKind = z.enum([
  'deployment',
  'config_change',
  'feature_flag',
  'resource_exhaustion',
  'dependency_failure',
  'infrastructure',
  'traffic_surge',
  'code_defect',
]);
export type RootCauseKind = z.infer<typeof RootCauseKind>;

/** Remediation actions Causeway may propose; `none` means recommend nothing. */
export const ActionKind = z.enum(['rollback', 'restart', 'scale_out', 'revert_config', 'disable_flag', 'none']);
export type ActionKind = z.infer<typeof ActionKind>;

export const TimeWindow = z
  .object({ from: IsoTime, to: IsoTime })
  .refine((w) => Date.parse(w.from) <= Date.parse(w.to), { message: 'window.from must not be after window.to' });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Keys that tie telemetry across backends; extracted from the alert, used to focus queries. */
export const CorrelationKeys = z.object({
  traceIds: z.array(z.string().max(128)).max(20).default([]),
  requestIds: z.array(z.string().max(128)).max(20).default([]),
  version: z.string().max(200).optional(),
  pod: z.string().max(253).optional(),
  namespace: z.string().max(253).optional(),
  awsAccountId: z.string().max(20).optional(),
  region: z.string().max(40).optional(),
  resourceArn: z.string().max(2048).optional(),
});
export type CorrelationKeys = z.infer<typeof CorrelationKeys>;
