import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { calleeNames } from '../../../functions/score/core/stems.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const graph = mergeGraph({ 'doc-summarizer': ['anthropic-api', 'docs-db'], 'billing-api': ['billing-db'] });
const observed = new Set(['doc-summarizer', 'docs-db', 'billing-api']);
const line = (service: string, raw: string): Signal => ({ service, family: 'log_error', strength: 0.9, onsetMs: at, evidenceId: `L_${service}`, local: true, text: `${service} logged error`, raw });

describe("a third party named by its provider's own name", () => {
  it('reads the distinctive first part of a name we see only through callers', () => {
    expect(calleeNames('anthropic-api', graph, observed)).toEqual(['anthropic-api', 'anthropic']);
    expect(calleeNames('billing-db', graph, observed)).toEqual(['billing-db']);
    expect(calleeNames('docs-db', graph, observed)).toEqual(['docs-db']);
  });

  it("turns a caller's error raised by the provider's client library into a mention of the provider", () => {
    const raw = 'anthropic.InternalServerError: Error code: 529 - {"type":"error","error":{"type":"overloaded_error"}}';
    expect(mentionSignals([line('doc-summarizer', raw)], graph, observed).map((s) => s.service)).toEqual(['anthropic-api']);
    expect(mentionSignals([line('doc-summarizer', raw)], graph)).toEqual([]);
  });
});
