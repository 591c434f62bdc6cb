import type { IncidentSignal, InvestigationRecord, ScoredEvidence } from '../../contracts/index.js';
import type { ChatMessage } from './client.js';
import { DATA_TAG, QUESTION_INSTRUCTIONS, RCA_INSTRUCTIONS } from './prompt-v1.js';

/**
 * JSON with every `<`, `>` and `&` escaped as a \\u sequence: still the same JSON value,
 * but no evidence text can close the data block or open a fake one.
 */
export function quoteData(data: unknown): string {
  const json = JSON.stringify(data, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value));
  return json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function dataBlock(data: unknown): string {
  return `<${DATA_TAG}>\n${quoteData(data)}\n</${DATA_TAG}>`;
}

/** The alert as the model may see it: what fired, where and when; no links, no labels that could carry secrets. */
function alertView(signal: IncidentSignal) {
  return { title: signal.title, description: signal.description, service: signal.service, severity: signal.severity, source: signal.source, startedAt: signal.startedAt };
}

/** The deterministic layer's verdict, which the model writes on top of. */
function deterministicView(scored: ScoredEvidence) {
  return {
    onsetAt: scored.onsetAt,
    confidence: scored.confidence,
    suspects: scored.suspects.map((s) => ({ service: s.service, kind: s.kind, score: s.score, evidenceIds: s.evidenceIds, reasons: s.reasons })),
    timeline: scored.timeline,
    recommendedAction: scored.recommendedAction,
    gaps: scored.providers.filter((p) => p.status !== 'success').map((p) => ({ evidenceClass: p.evidenceClass, backend: p.backend.id, status: p.status, error: p.error?.name })),
    itemsOmitted: scored.digest.itemsOmitted,
  };
}

/** The messages that ask for the RCA: the reviewed instructions, then the investigation as quoted data. */
export function rcaMessages(signal: IncidentSignal, scored: ScoredEvidence): ChatMessage[] {
  const data = { alert: alertView(signal), deterministic: deterministicView(scored), evidence: scored.evidence };
  return [
    { role: 'system', content: RCA_INSTRUCTIONS },
    { role: 'user', content: `Write the RCA for this investigation.\n${dataBlock(data)}` },
  ];
}

/** The messages for a follow-up question: the persisted record's alert, verdict, RCA and evidence, quoted. */
export function questionMessages(record: InvestigationRecord & { scored: ScoredEvidence }, question: string): ChatMessage[] {
  const rca = record.rca ? { summary: record.rca.summary, rootCause: record.rca.rootCause, causalChain: record.rca.causalChain, author: record.rca.author } : undefined;
  const data = { alert: alertView(record.signal), deterministic: deterministicView(record.scored), rca, evidence: record.scored.evidence };
  return [
    { role: 'system', content: QUESTION_INSTRUCTIONS },
    { role: 'user', content: `${dataBlock(data)}\n<question>\n${quoteData(question)}\n</question>` },
  ];
}
