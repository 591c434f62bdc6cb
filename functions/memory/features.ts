import type { IncidentSignal, InvestigationRecord, Rca, RootCauseKind, ScoredEvidence } from '../contracts/index.js';

/** What makes two incidents alike, read from an investigation's own persisted evidence. */
export interface IncidentFeatures {
  /** The diagnosed root cause. */
  service?: string;
  kind?: RootCauseKind;
  /** Where the alert fired, and the sender's own identity of the alert. */
  alertService?: string;
  fingerprint: string;
  /** Error and fatal log templates in the evidence digest, as mined (variable parts `<*>`). */
  templates: string[];
  exceptionTypes: string[];
}

/** At most this many templates and exception types are compared and remembered per incident. */
export const MAX_FEATURES = 10;

const unique = (values: string[]) => [...new Set(values)].slice(0, MAX_FEATURES);

/** The features of a diagnosis: the pieces a later incident may share with it. */
export function featuresOf(signal: IncidentSignal, scored: ScoredEvidence | undefined, rca: Rca | undefined): IncidentFeatures {
  const evidence = scored?.evidence ?? [];
  return {
    ...(rca ? { service: rca.rootCause.service, kind: rca.rootCause.kind } : {}),
    ...(signal.service ? { alertService: signal.service } : {}),
    fingerprint: `${signal.source}:${signal.fingerprint}`,
    templates: unique(evidence.flatMap((item) => (item.class === 'logs' && (item.level === 'error' || item.level === 'fatal') ? [item.template.slice(0, 200)] : []))),
    exceptionTypes: unique(evidence.flatMap((item) => (item.class === 'exceptions' ? [item.type.slice(0, 200)] : []))),
  };
}

export const recordFeatures = (record: InvestigationRecord): IncidentFeatures => featuresOf(record.signal, record.scored, record.rca);
