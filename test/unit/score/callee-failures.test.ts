import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { passedThroughLinks, sharedNamedCalleeSignals } from '../../../functions/score/core/pieces.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const line = (service: string, raw: string, id: string, extra: Partial<Signal> = {}): Signal => ({ service, family: 'log_error', strength: 1, onsetMs: at - 8 * 60_000, evidenceId: id, local: true, text: `${service} started logging error "${raw}"`, raw, ...extra });

describe('callers failing together on the one callee they share', () => {
  const shared = mergeGraph({ login: ['sessions-cache', 'users-db'], cart: ['sessions-cache'] });
  const withMentions = (direct: Signal[]) => [...direct, ...mentionSignals(direct, shared)];
  const named = line('cart', 'Redis connection to sessions-cache.euw1.cache.amazonaws.com:6379 failed - read ECONNRESET', 'LOG_1');
  const unnamed = line('login', "READONLY You can't write against a read only replica.", 'LOG_3', { onsetMs: at - 7 * 60_000 });

  it("puts a caller's unnamed errors on the shared callee a sibling's errors name", () => {
    const out = sharedNamedCalleeSignals(withMentions([named, unnamed]), shared, 3 * 60_000);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ service: 'sessions-cache', family: 'dependency_mention', evidenceId: 'LOG_3', local: true });
  });

  it('leaves them alone when the sibling failed long apart, named a callee they do not share, or the line is a programming error', () => {
    expect(sharedNamedCalleeSignals(withMentions([named, { ...unnamed, onsetMs: at - 40 * 60_000 }]), shared, 3 * 60_000)).toEqual([]);
    const apart = mergeGraph({ login: ['users-db'], cart: ['sessions-cache'] });
    expect(sharedNamedCalleeSignals([named, unnamed, ...mentionSignals([named], apart)], apart, 3 * 60_000)).toEqual([]);
    expect(sharedNamedCalleeSignals(withMentions([named, { ...unnamed, hint: 'code_defect' }]), shared, 3 * 60_000)).toEqual([]);
  });
});

describe('a dependency reached through a piece that failed its own way', () => {
  const path = mergeGraph({ rates: ['nat', 'carrier'], nat: ['carrier'], address: ['nat'] });
  const observed = new Set(['rates', 'nat', 'address']);
  const portErrors: Signal = { service: 'nat', family: 'errors', strength: 1, onsetMs: at - 10 * 60_000, stepMs: 5 * 60_000, evidenceId: 'METRIC_9', local: true, hint: 'resource_exhaustion', text: 'nat error rate rose (ErrorPortAllocation)' };
  const slowFarEnd: Signal = { service: 'carrier', family: 'self_time', strength: 1, onsetMs: at - 13 * 60_000, evidenceId: 'TRACE_1', local: true, text: "carrier's own work per span got 8× slower" };

  it('is the piece’s victim: what its callers measured went through the failing piece', () => {
    expect(passedThroughLinks([portErrors, slowFarEnd], path, observed, 3 * 60_000)).toEqual({ carrier: ['nat'] });
  });

  it('is not when it has telemetry of its own, the piece failed well after it, or the piece only got busier', () => {
    expect(passedThroughLinks([portErrors, slowFarEnd], path, new Set([...observed, 'carrier']), 3 * 60_000)).toEqual({});
    expect(passedThroughLinks([{ ...portErrors, onsetMs: at - 2 * 60_000 }, slowFarEnd], path, observed, 3 * 60_000)).toEqual({});
    expect(passedThroughLinks([{ ...portErrors, family: 'saturation', hint: undefined }, slowFarEnd], path, observed, 3 * 60_000)).toEqual({});
  });

  it('is, though it has telemetry of its own, when the piece failed before any trouble of its began', () => {
    expect(passedThroughLinks([{ ...portErrors, onsetMs: at - 16 * 60_000 }, slowFarEnd], path, new Set([...observed, 'carrier']), 3 * 60_000)).toEqual({ carrier: ['nat'] });
  });
});
