import { z } from 'zod';
import { CorrelationKeys, IsoTime, ServiceName, TenantId } from './common.js';

export const SignalSource = z.enum([
  'alertmanager',
  'pagerduty',
  'cloudwatch',
  'cloudwatch-sns',
  'grafana',
  'datadog',
  'opsgenie',
  'generic',
]);
export type SignalSource = z.infer<typeof SignalSource>;

/** One severity scale for every sender, so policy and triage never need to know where an alert came from. */
export const Severity = z.enum(['critical', 'high', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * What happened to the alert in its sender, beyond firing and resolving: which events open
 * an investigation, which update it, which close it (see LIFECYCLE in ingest/lifecycle.ts).
 */
export const LifecycleEventKind = z.enum([
  'opened',
  'reopened',
  'acknowledged',
  'unacknowledged',
  'escalated',
  'reassigned',
  'priority_changed',
  'note_added',
  'snoozed',
  'unsnoozed',
  'resolved',
  'deleted',
]);
export type LifecycleEventKind = z.infer<typeof LifecycleEventKind>;

/** A sender's lifecycle event as the signal carries it: who did it, when, and what it said, in the sender's words. */
export const SignalLifecycle = z.object({
  event: LifecycleEventKind,
  at: IsoTime,
  by: z.string().max(200).optional(),
  detail: z.string().max(500).optional(),
});
export type SignalLifecycle = z.infer<typeof SignalLifecycle>;

/**
 * The normalized alert: one per alert even when a sender batches several.
 * `dedupKey` identifies "the same problem still open" across repeats and retries.
 */
export const IncidentSignal = z.object({
  tenantId: TenantId,
  source: SignalSource,
  externalId: z.string().min(1).max(512),
  externalUrl: z.string().max(2048).optional(),
  fingerprint: z.string().min(1).max(256),
  dedupKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  status: z.enum(['firing', 'resolved']),
  severity: Severity,
  title: z.string().min(1).max(500),
  description: z.string().max(4000).optional(),
  service: ServiceName.optional(),
  /**
   * Which rule named `service`, so a wrong service can be traced to its rule and `eval` can
   * count how often one was inferred: a label (`label:app`, `label:statefulset`, `pod-name`…,
   * see ingest/sources/shared/workload.ts), the catalog (`catalog-alias`, `catalog:<Dimension>`),
   * a CloudWatch `tag`, `dimension:<Dimension>` or `alarm-name`, the sender's own field
   * (`sender-service`, `entity`).
   */
  serviceInferredFrom: z.string().max(100).optional(),
  environment: z.string().max(100).optional(),
  namespace: z.string().max(253).optional(),
  startedAt: IsoTime,
  receivedAt: IsoTime,
  links: z
    .object({
      runbook: z.string().max(2048).optional(),
      dashboard: z.string().max(2048).optional(),
      source: z.string().max(2048).optional(),
    })
    .default({}),
  labels: z.record(z.string(), z.string().max(2048)).default({}),
  correlation: CorrelationKeys.default({ traceIds: [], requestIds: [] }),
  /** Set by senders that report more than firing and resolved (PagerDuty, Opsgenie). */
  lifecycle: SignalLifecycle.optional(),
  /** What normalization forgave: a presentation or severity field of an unexpected type that fell back to its default. */
  notes: z.array(z.string().max(300)).max(10).optional(),
});
export type IncidentSignal = z.infer<typeof IncidentSignal>;
