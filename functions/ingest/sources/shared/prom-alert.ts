import { z } from 'zod';
import type { Severity } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { labelsFingerprint } from './dedup.js';
import {
  correlationFrom,
  ENVIRONMENT_KEYS,
  findValue,
  NAMESPACE_KEYS,
} from './labels.js';
import { OptionalString, StringMap } from './parse.js';
import { severityFromWord, SEVERITY_KEYS } from './severity.js';
import type { SignalDraft } from './signal.js';
import { pick } from './text.js';
import { toIsoTime } from './time.js';
import { inferService } from './workload.js';

/** Fields of a Prometheus-style alert that only feed its title, description and links. */
export const PROM_ALERT_PRESENTATIONAL = ['alerts.*.annotations', 'alerts.*.generatorURL'] as const;

/** One alert as Alertmanager (webhook payload v4) and Grafana's webhook contact point send it. */
export const PromAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: StringMap,
  annotations: StringMap,
  startsAt: OptionalString,
  endsAt: OptionalString,
  generatorURL: OptionalString,
  fingerprint: OptionalString,
});
export type PromAlert = z.infer<typeof PromAlert>;

const RUNBOOK_KEYS = ['runbook_url', 'runbook', 'runbookUrl', 'playbook'];
const DASHBOARD_KEYS = ['dashboard', 'dashboard_url', 'grafana_url', 'grafana_dashboard', 'dashboardUrl'];
const SUMMARY_KEYS = ['summary', 'title'];
const DESCRIPTION_KEYS = ['description', 'message'];

/**
 * The `severity` label as teams write it (see shared/severity.ts for the word table). Without
 * one, firing alerts are `warning`: Prometheus rules without a severity are usually advisory.
 * Resolutions without one are `info`, as everywhere.
 */
export function promSeverity(alert: PromAlert, fallback: Severity = 'warning'): Severity {
  const word = SEVERITY_KEYS.map((key) => severityFromWord(pick(alert.labels, [key]))).find(Boolean);
  return word ?? (alert.status === 'resolved' ? 'info' : fallback);
}

/** The shared reading of a Prometheus-style alert; callers add sender-specific links and identity. */
export function promAlertDraft(alert: PromAlert, ctx: NormalizeContext, severity: Severity): SignalDraft {
  const { labels, annotations } = alert;
  const fingerprint = alert.fingerprint ?? labelsFingerprint(labels);
  const namespace = findValue([labels], NAMESPACE_KEYS);
  const inferred = inferService(ctx.catalog, [labels]);
  return {
    identity: fingerprint,
    externalId: fingerprint,
    externalUrl: alert.generatorURL,
    fingerprint,
    status: alert.status,
    severity,
    titles: [pick(annotations, SUMMARY_KEYS), labels['alertname']],
    description: pick(annotations, DESCRIPTION_KEYS),
    service: inferred?.service,
    serviceInferredFrom: inferred?.rule,
    environment: findValue([labels], ENVIRONMENT_KEYS),
    namespace,
    startedAt: toIsoTime(alert.startsAt),
    links: {
      runbook: pick(annotations, RUNBOOK_KEYS) ?? pick(labels, RUNBOOK_KEYS),
      dashboard: pick(annotations, DASHBOARD_KEYS) ?? pick(labels, DASHBOARD_KEYS),
      source: alert.generatorURL,
    },
    labels,
    correlation: correlationFrom([labels, annotations]),
  };
}
