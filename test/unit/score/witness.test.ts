import { describe, expect, it } from 'vitest';
import type { Span, TraceExemplar } from '../../../functions/contracts/index.js';
import { failureBeganAt, withWitness } from '../../../functions/score/core/witness.js';

const span = (spanId: string, service: string, status: Span['status'], parentSpanId?: string): Span => ({ spanId, service, name: `${service} call`, at: '2026-06-01T09:00:00Z', durationMs: 40, status, ...(parentSpanId ? { parentSpanId } : {}) });
const trace = (id: string, spans: Span[]): TraceExemplar & { id: string } => ({ class: 'traces', kind: 'exemplar', id, traceId: id, at: '2026-06-01T09:00:00Z', durationMs: 120, rootService: spans[0]!.service, rootName: spans[0]!.name, error: spans.some((s) => s.status === 'error'), spans, spansOmitted: 0, link: 'https://traces.example/t' });

describe('the kept trace that witnesses where a failure began', () => {
  // web → api → db; in TRACE_1 db raised the error and api relayed it; in TRACE_2 api failed with db healthy.
  const relayed = trace('TRACE_1', [span('a', 'web', 'error'), span('b', 'api', 'error', 'a'), span('c', 'db', 'error', 'b')]);
  const raised = trace('TRACE_2', [span('a', 'web', 'error'), span('b', 'api', 'error', 'a'), span('c', 'db', 'ok', 'b')]);
  const healthy = trace('TRACE_3', [span('a', 'web', 'ok'), span('b', 'api', 'ok', 'a')]);

  it('is one where the service failed with nothing failing below it', () => {
    expect(failureBeganAt([relayed, raised], 'api')?.id).toBe('TRACE_2');
    expect(failureBeganAt([relayed, raised], 'db')?.id).toBe('TRACE_1');
  });

  it('is none where the service only relayed a failure, or passed its calls through healthy', () => {
    expect(failureBeganAt([relayed, healthy], 'api')).toBeUndefined();
    expect(failureBeganAt([relayed, raised, healthy], 'web')).toBeUndefined();
  });

  it('is cited by the suspect once, after its own evidence', () => {
    const suspect = { service: 'api', evidenceIds: ['METRIC_4'] };
    expect(withWitness(suspect, [relayed, raised]).evidenceIds).toEqual(['METRIC_4', 'TRACE_2']);
    expect(withWitness({ service: 'api', evidenceIds: ['TRACE_2'] }, [raised]).evidenceIds).toEqual(['TRACE_2']);
    expect(withWitness(suspect, [healthy]).evidenceIds).toEqual(['METRIC_4']);
  });
});
