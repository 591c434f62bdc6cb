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
   * Which rule named `service`, where the normalizer records it (CloudWatch alarms:
   * `tag`, `catalog:<Dimension>`, `dimension:<Dimension>`, `alarm-name`), so a wrong
   * service can be traced to its rule and `eval` can count how often one was inferred.
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
});
export type IncidentSignal = z.infer<typeof IncidentSignal>;
