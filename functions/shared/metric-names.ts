/*
 * The names of Causeway's own CloudWatch metrics, shared by the functions that emit them
 * (functions/shared/metrics.ts) and the dashboard and alarms that read them
 * (lib/monitoring.ts), so a renamed metric cannot leave a graph silently empty. No
 * imports: the CDK app loads this file at synth.
 */

/** The CloudWatch namespace every Causeway metric is published under. */
export const METRICS_NAMESPACE = 'Causeway';

/**
 * The `service` dimension of every Causeway metric: one value for the whole pipeline, not
 * the emitting function's, so a graph names a metric by what it measures and keeps working
 * when the stage that emits it changes.
 */
export const METRICS_SERVICE = 'causeway';

export const METRIC = {
  /** Finished investigations, one per run, by `Outcome` (the record's final status). */
  investigations: 'Investigations',
  /** Milliseconds from the signal's arrival to the diagnosis recorded. */
  timeToRca: 'TimeToRca',
  /** The recorded RCA's confidence, 0 to 1. */
  rcaConfidence: 'RcaConfidence',
  /** Provider runs that ended in an error entry, by `Backend` (the backend type). */
  providerErrors: 'ProviderErrors',
  /** Prompt tokens the model was sent for an RCA, retries and repair included. */
  llmPromptTokens: 'LlmPromptTokens',
  /** Completion tokens the model answered with for an RCA. */
  llmCompletionTokens: 'LlmCompletionTokens',
  /** Estimated USD of an RCA's model calls, from the tenant's prices. */
  llmCostUsd: 'LlmCostUsd',
  /** Approvals that ended, by `Decision`: approved, rejected, or expired with nobody deciding. */
  approvals: 'Approvals',
  /** Seconds an approval waited from its request to its decision or expiry, whatever the decision. */
  approvalWait: 'ApprovalWait',
  /** 4xx answers on the signal route, counted by a metric filter on the API's access logs (no dimensions). */
  ingestRejected: 'IngestRejected',
} as const;

/** The dimension names Causeway's metrics are split by. */
export const DIMENSION = {
  outcome: 'Outcome',
  backend: 'Backend',
  decision: 'Decision',
  tenant: 'TenantId',
} as const;

/** The final statuses an investigation can end in (Finish and RecordFailure). */
export const INVESTIGATION_OUTCOMES = ['diagnosed', 'remediated', 'denied', 'rejected', 'expired', 'failed'] as const;

/** How an approval can end. */
export const APPROVAL_DECISIONS = ['approved', 'rejected', 'expired'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
