import { createHash } from 'node:crypto';
import { IncidentSignal, type LifecycleEventKind, type Severity, type SignalSource } from '../../../contracts/signal.js';
import { fromZodError } from '../../../shared/errors.js';
import type { NormalizeContext } from '../types.js';
import { dedupKey } from './dedup.js';
import type { Draft } from './labels.js';
import { clip, httpUrl } from './text.js';

/** What a source's normalizer knows about one alert, before limits and defaults are applied. */
export interface SignalDraft {
  /** The sender's own identity for "the same alert"; hashed into the dedup key. */
  identity: string;
  /** Senders that share identities (CloudWatch via EventBridge and via SNS) share a family. */
  family?: string;
  externalId: string;
  externalUrl?: string;
  fingerprint: string;
  status: 'firing' | 'resolved';
  severity: Severity;
  /** Candidates in order of preference; the first non-empty one is the title. */
  titles: Array<string | undefined>;
  description?: string;
  service?: string;
  /** The rule that named `service` (see IncidentSignal.serviceInferredFrom). */
  serviceInferredFrom?: string;
  environment?: string;
  namespace?: string;
  startedAt?: string;
  links?: { runbook?: string; dashboard?: string; source?: string };
  labels: Record<string, string>;
  correlation?: Partial<Draft>;
  /** The sender's lifecycle event, for senders that report more than firing and resolved. */
  lifecycle?: { event: LifecycleEventKind; at?: string; by?: string; detail?: string };
  /** Fields the sender sent in a shape we forgave (parseTolerant), said in words for the record. */
  notes?: string[];
}

/** Bounded state: labels beyond these limits are dropped, never the whole signal. */
const MAX_LABELS = 100;
const MAX_LABEL_KEY = 200;
const MAX_LABEL_VALUE = 2048;

function boundedLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (Object.keys(out).length >= MAX_LABELS) break;
    if (!key || key.length > MAX_LABEL_KEY || key === '__proto__') continue;
    out[key] = value.length > MAX_LABEL_VALUE ? value.slice(0, MAX_LABEL_VALUE) : value;
  }
  return out;
}

/** Ids longer than the contract allows are hashed rather than cut, so they stay distinct. */
function boundedId(value: string, max: number): string {
  return value.length <= max ? value : createHash('sha256').update(value, 'utf8').digest('hex');
}

function fits(value: string | undefined, max: number, pattern?: RegExp): string | undefined {
  if (!value || value.length > max) return undefined;
  return pattern && !pattern.test(value) ? undefined : value;
}

/**
 * Applies the contract's limits and defaults and checks the result against IncidentSignal.
 * Truncation keeps long free text; ids that would not fit are hashed; correlation keys that do
 * not fit are dropped (a cut trace id would point at the wrong trace).
 */
export function finishSignal(source: SignalSource, draft: SignalDraft, ctx: NormalizeContext, field: string): IncidentSignal {
  const correlation = draft.correlation ?? {};
  const candidate = {
    tenantId: ctx.tenantId,
    source,
    externalId: boundedId(draft.externalId, 512),
    externalUrl: fits(httpUrl(draft.externalUrl), 2048),
    fingerprint: boundedId(draft.fingerprint, 256),
    dedupKey: dedupKey(ctx.tenantId, draft.family ?? source, draft.identity),
    status: draft.status,
    severity: draft.severity,
    title: clip(draft.titles.find((t) => clip(t, 500)), 500) ?? `${source} alert`,
    description: clip(draft.description, 4000),
    service: clip(draft.service, 200),
    serviceInferredFrom: draft.service ? clip(draft.serviceInferredFrom, 100) : undefined,
    environment: clip(draft.environment, 100),
    namespace: fits(draft.namespace, 253),
    startedAt: draft.startedAt ?? ctx.receivedAt.toISOString(),
    receivedAt: ctx.receivedAt.toISOString(),
    links: {
      runbook: fits(httpUrl(draft.links?.runbook), 2048),
      dashboard: fits(httpUrl(draft.links?.dashboard), 2048),
      source: fits(httpUrl(draft.links?.source), 2048),
    },
    labels: boundedLabels(draft.labels),
    correlation: {
      traceIds: (correlation.traceIds ?? []).filter((id) => id.length <= 128).slice(0, 20),
      requestIds: (correlation.requestIds ?? []).filter((id) => id.length <= 128).slice(0, 20),
      version: fits(correlation.version, 200),
      pod: fits(correlation.pod, 253),
      namespace: fits(correlation.namespace, 253),
      awsAccountId: fits(correlation.awsAccountId, 20, /^\d{12}$/),
      region: fits(correlation.region, 40),
      resourceArn: fits(correlation.resourceArn, 2048, /^arn:/),
    },
    lifecycle: draft.lifecycle && {
      event: draft.lifecycle.event,
      at: draft.lifecycle.at ?? ctx.receivedAt.toISOString(),
      by: clip(draft.lifecycle.by, 200),
      detail: clip(draft.lifecycle.detail, 500),
    },
    notes: draft.notes?.length ? draft.notes.slice(0, 10).map((note) => clip(note, 300)!) : undefined,
  };
  const result = IncidentSignal.safeParse(candidate);
  if (!result.success) throw fromZodError(result.error, field);
  return result.data;
}
