import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricUnit as Unit } from '@aws-lambda-powertools/metrics/types';
import type { ModelUsage } from '../contracts/rca.js';
import { DIMENSION, METRIC, METRICS_NAMESPACE, METRICS_SERVICE, type ApprovalDecision } from './metric-names.js';

/*
 * Causeway's own metrics, written as CloudWatch Embedded Metric Format lines on stdout
 * (Powertools Metrics), which Lambda's log agent turns into metrics: no PutMetricData
 * call, no permission, no latency on the path of an investigation.
 *
 * Every metric is in the `Causeway` namespace with `service=causeway`; the dashboard and
 * alarms in lib/monitoring.ts read the same names from metric-names.ts.
 *
 * What goes in: counts, durations, scores and enumerated labels (outcome, backend type,
 * decision), plus the tenant id. Never a secret, a message, a query or a URL.
 *
 * Cardinality: every CloudWatch dimension combination is a billed metric. `TenantId` is a
 * dimension only on investigations by outcome and approvals by decision, where it is
 * bounded: tenants are registered by the operator (one table item each, never created by a
 * sender), and outcomes and decisions are closed sets, so those metrics number at most
 * tenants × 6 and tenants × 3. Everywhere else the tenant, the model and the backend id
 * ride along as EMF properties, searchable in CloudWatch Logs Insights but not metrics.
 */

/**
 * Metrics leave only from a Lambda, or wherever `POWERTOOLS_METRICS_DISABLED` is set
 * explicitly (Powertools then honours it). The local runtime and the CLI run the same
 * handlers in one process with stdout as their own output, which EMF lines would garble;
 * there neither variable is set, so nothing is written.
 */
function emitting(): boolean {
  if (process.env.POWERTOOLS_METRICS_DISABLED !== undefined) return true;
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
}

interface Measurement {
  readonly name: string;
  readonly unit: Unit;
  readonly value: number;
}

/**
 * One EMF line: the measurements under one set of dimensions (beside `service`), with
 * properties that are not dimensions. A fresh Metrics per line, published at once, so
 * dimensions never carry over from one line (or invocation) to the next.
 */
function publish(dimensions: Record<string, string>, measurements: readonly Measurement[], properties: Record<string, string | undefined> = {}): void {
  if (!emitting() || measurements.length === 0) return;
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  for (const [name, value] of Object.entries(dimensions)) metrics.addDimension(name, value);
  for (const { name, unit, value } of measurements) metrics.addMetric(name, unit, value);
  for (const [key, value] of Object.entries(properties)) if (value) metrics.addMetadata(key, value);
  metrics.publishStoredMetrics();
}

/** An investigation reached its final status (Finish or RecordFailure). */
export function recordInvestigationOutcome(tenantId: string, outcome: string): void {
  const count = [{ name: METRIC.investigations, unit: MetricUnit.Count, value: 1 }];
  publish({ [DIMENSION.outcome]: outcome }, count);
  publish({ [DIMENSION.outcome]: outcome, [DIMENSION.tenant]: tenantId }, count);
}

/** A diagnosis was recorded: how long the signal waited for it, and how sure it is. */
export function recordTimeToRca(diagnosis: { tenantId: string; investigationId: string; receivedAt: string; diagnosedAt: Date; confidence: number; author: string }): void {
  const waitedMs = diagnosis.diagnosedAt.getTime() - Date.parse(diagnosis.receivedAt);
  publish(
    {},
    [
      ...(Number.isFinite(waitedMs) && waitedMs >= 0 ? [{ name: METRIC.timeToRca, unit: MetricUnit.Milliseconds, value: waitedMs }] : []),
      { name: METRIC.rcaConfidence, unit: MetricUnit.NoUnit, value: diagnosis.confidence },
    ],
    { tenantId: diagnosis.tenantId, investigationId: diagnosis.investigationId, author: diagnosis.author },
  );
}

/** A provider run ended in an error entry; `backendType` is the provider type (bounded), never the tenant's backend id. */
export function recordProviderError(error: { backendType: string; backendId: string; tenantId: string; errorName: string }): void {
  publish({ [DIMENSION.backend]: error.backendType }, [{ name: METRIC.providerErrors, unit: MetricUnit.Count, value: 1 }], {
    tenantId: error.tenantId,
    backendId: error.backendId,
    errorName: error.errorName,
  });
}

/** What the model calls behind one RCA used, whether or not their answer was kept. */
export function recordModelUsage(tenantId: string, usage: ModelUsage, model: string | undefined): void {
  publish(
    {},
    [
      { name: METRIC.llmPromptTokens, unit: MetricUnit.Count, value: usage.promptTokens },
      { name: METRIC.llmCompletionTokens, unit: MetricUnit.Count, value: usage.completionTokens },
      ...(usage.estimatedCostUsd === undefined ? [] : [{ name: METRIC.llmCostUsd, unit: MetricUnit.NoUnit, value: usage.estimatedCostUsd }]),
    ],
    { tenantId, model },
  );
}

/**
 * An approval ended: decided by a person, or expired with nobody deciding. The wait, from
 * its request, is one metric whatever the decision, so one alarm watches every approval.
 */
export function recordApprovalEnd(tenantId: string, decision: ApprovalDecision, waitedSeconds: number | undefined): void {
  const count = [{ name: METRIC.approvals, unit: MetricUnit.Count, value: 1 }];
  publish({ [DIMENSION.decision]: decision }, count);
  publish({ [DIMENSION.decision]: decision, [DIMENSION.tenant]: tenantId }, count);
  if (waitedSeconds !== undefined && Number.isFinite(waitedSeconds) && waitedSeconds >= 0) {
    publish({}, [{ name: METRIC.approvalWait, unit: MetricUnit.Seconds, value: waitedSeconds }], { tenantId, decision });
  }
}
