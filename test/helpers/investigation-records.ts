import { InvestigationRecord, type RootCauseKind } from '../../functions/contracts/index.js';

export interface RecordShape {
  id?: string;
  tenantId?: string;
  createdAt?: string;
  service?: string;
  kind?: RootCauseKind;
  alertService?: string;
  fingerprint?: string;
  source?: 'alertmanager' | 'pagerduty' | 'opsgenie';
  confidence?: number;
  templates?: string[];
  exceptionTypes?: string[];
}

/** A small, valid investigation record with a diagnosis, for tests of what reads records. */
export function diagnosedRecord(shape: RecordShape = {}): InvestigationRecord {
  const service = shape.service ?? 'pricing';
  const kind = shape.kind ?? 'deployment';
  const at = shape.createdAt ?? '2026-06-01T10:00:00.000Z';
  const statement = { text: `${service} v3.12.0 broke checkout`, evidenceIds: ['CHANGE_1'], verified: true };
  return InvestigationRecord.parse({
    tenantId: shape.tenantId ?? 'acme',
    investigationId: shape.id ?? 'inv-1',
    executionName: shape.id ?? 'inv-1',
    status: 'diagnosed',
    createdAt: at,
    updatedAt: at,
    signal: {
      tenantId: shape.tenantId ?? 'acme',
      source: shape.source ?? 'alertmanager',
      externalId: 'PABC123',
      fingerprint: shape.fingerprint ?? 'checkout-5xx',
      dedupKey: 'dedup1',
      status: 'firing',
      severity: 'critical',
      title: 'checkout 5xx above 5%',
      service: shape.alertService ?? 'checkout',
      startedAt: at,
      receivedAt: at,
    },
    scored: {
      suspects: [
        { service, kind, score: 0.9, evidenceIds: ['CHANGE_1'], reasons: [] },
        { service: 'checkout', kind: 'code_defect', score: 0.4, evidenceIds: [], reasons: [] },
      ],
      confidence: shape.confidence ?? 0.86,
      timeline: [],
      evidence: [
        { id: 'CHANGE_1', class: 'changes', at, service, kind: 'deployment', summary: `${service} v3.12.0`, version: 'v3.12.0' },
        ...(shape.templates ?? []).map((template, i) => ({ id: `LOG_${i + 1}`, class: 'logs', service, level: 'error', template, count: 5, firstSeen: at, lastSeen: at, startMs: 0, stepMs: 60000, counts: [5], exemplars: [] })),
        ...(shape.exceptionTypes ?? []).map((type, i) => ({ id: `EXC_${i + 1}`, class: 'exceptions', at, service, type, message: 'boom' })),
      ],
      recommendedAction: { kind: 'rollback', service, reason: 'bad deploy' },
      providers: [],
      digest: { tokenBudget: 1000, estimatedTokens: 10, itemsOmitted: 0 },
    },
    rca: {
      author: 'deterministic',
      summary: statement,
      rootCause: { service, kind, statement },
      causalChain: [statement, { text: 'checkout started failing', evidenceIds: ['LOG_1'], verified: true }],
      recommendedActions: [],
      confidence: shape.confidence ?? 0.86,
    },
  });
}
