import { describe, expect, it } from 'vitest';
import { distinctPart, namesCallee } from '../../../functions/score/core/callee-names.js';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { peerSeriesSignals } from '../../../functions/score/core/peers.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');

describe('the part of a name that tells a callee from the rest', () => {
  it('is the one part no sibling, the caller or a word for a sort of service shares', () => {
    expect(distinctPart('aws-sts', 'reconciler', ['aws-sts', 's3-settlements'])).toBe('sts');
    expect(distinctPart('anthropic-api', 'summarizer', ['anthropic-api', 'docs-db'])).toBe('anthropic');
    expect(distinctPart('freightline-rates', 'rate-shopper', ['freightline-rates', 'northbay-rates', 'rates-cache'])).toBe('freightline');
  });

  it('is none for a one-part name, or where no part alone tells it apart', () => {
    expect(distinctPart('stripe', 'checkout', ['stripe'])).toBeUndefined();
    expect(distinctPart('orders-api', 'orders-web', ['orders-api'])).toBeUndefined();
  });

  it('names an unseen callee by that part, a callee we run only by its whole name', () => {
    expect(namesCallee('operation error STS: AssumeRoleWithWebIdentity, StatusCode: 503', 'aws-sts', 'reconciler', ['aws-sts'], true)).toBe(true);
    expect(namesCallee('batch of 40 readings failed; message returned to queue', 'readings-queue', 'ingest', ['readings-queue', 'telemetry-db'], false)).toBe(false);
  });
});

describe('a caller naming a third party as its vendor names it', () => {
  const graph = mergeGraph({ summarizer: ['anthropic-api', 'docs-db'] });
  const raw = 'anthropic.InternalServerError: Error code: 529 - overloaded_error';
  const line: Signal = { service: 'summarizer', family: 'log_error', strength: 0.9, onsetMs: at, evidenceId: 'LOG_1', local: true, text: raw, raw };

  it('is a mention of the callee we have no telemetry of', () => {
    const [m] = mentionSignals([line], graph, new Set(['summarizer', 'docs-db']));
    expect(m?.service).toBe('anthropic-api');
    expect(m?.family).toBe('dependency_mention');
  });

  it('is no mention of a callee we run, nor without knowing what we observe', () => {
    expect(mentionSignals([line], graph, new Set(['summarizer', 'docs-db', 'anthropic-api']))).toHaveLength(0);
    expect(mentionSignals([line], graph)).toHaveLength(0);
  });

  it('reads a series split by a label whose value is that part as the caller measuring the callee', () => {
    const shopper = mergeGraph({ 'rate-shopper': ['freightline-rates', 'northbay-rates'] });
    const series = { id: 'MET_1', class: 'metrics', service: 'rate-shopper', name: 'carrier_rate_parse_failures_total_rate', labels: { carrier: 'freightline' }, unit: '1/s' } as unknown as Evidence;
    const failing: Signal = { service: 'rate-shopper', family: 'errors', strength: 1, onsetMs: at, evidenceId: 'MET_1', local: false, text: 'rate-shopper error rate rose' };
    expect(peerSeriesSignals([series], [failing], shopper, new Set(['rate-shopper'])).map((s) => s.service)).toEqual(['freightline-rates']);
    expect(peerSeriesSignals([series], [failing], shopper, new Set(['rate-shopper', 'freightline-rates', 'northbay-rates']))).toHaveLength(0);
  });
});
