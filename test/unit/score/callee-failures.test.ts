import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { passedThroughLinks, sharedNamedCalleeSignals, withCalleeFailuresAsSymptoms } from '../../../functions/score/core/pieces.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const line = (service: string, raw: string, id: string, extra: Partial<Signal> = {}): Signal => ({ service, family: 'log_error', strength: 1, onsetMs: at - 8 * 60_000, evidenceId: id, local: true, text: `${service} started logging error "${raw}"`, raw, ...extra });
const errors: Signal = { service: 'billing-api', family: 'errors', strength: 1, onsetMs: at - 9 * 60_000, evidenceId: 'METRIC_1', local: false, text: 'billing-api error rate rose' };
const graph = mergeGraph({ portal: ['billing-api'], 'billing-api': ['billing-db', 'tax-engine'] });

/** The signals as the ranking reads them: mentions of callees added, then the callers' copies of those failures read as symptoms. */
const read = (direct: Signal[]) => withCalleeFailuresAsSymptoms([...direct, ...mentionSignals(direct, graph)]);

describe("a caller's error lines that say the call failed beyond it", () => {
  it('are symptoms in the caller when they name a callee, and stay local evidence on that callee', () => {
    const out = read([line('billing-api', 'Connection to billing-db.eu-west-1.rds.amazonaws.com:5432 refused or timed out', 'LOG_1')]);
    expect(out.find((s) => s.service === 'billing-api' && s.evidenceId === 'LOG_1')!.local).toBe(false);
    expect(out.find((s) => s.service === 'billing-db')).toMatchObject({ family: 'dependency_mention', local: true });
  });

  it('are symptoms in the caller when they say a connection could not be made or was cut, naming nothing', () => {
    for (const raw of ['PSQLException: The connection attempt failed. Caused by: java.net.SocketTimeoutException: connect timed out', 'ConnectionError: Error while reading from socket: (104, Connection reset by peer)', 'upstream 10.0.3.4 dial tcp 10.0.3.4:443: i/o timeout', 'connect ETIMEDOUT 52.1.2.3:443 (carrier quotes)']) {
      expect(read([line('billing-api', raw, 'LOG_2')])[0]!.local, raw).toBe(false);
    }
  });

  it("stay the caller's own when they name no callee and no failed connection, or are a programming error or its own refused credential", () => {
    expect(read([line('billing-api', 'invoice total mismatch for account 42', 'LOG_3')])[0]!.local).toBe(true);
    expect(read([line('billing-api', 'NullPointerException while building connection to billing-db', 'LOG_4', { hint: 'code_defect' })])[0]!.local).toBe(true);
    expect(read([line('billing-api', 'connection to billing-db failed: remote error: tls: expired certificate', 'LOG_5')])[0]!.local).toBe(true);
  });

  it('leave the caller explained by the callee they name, which then outranks it as the origin', () => {
    const direct = [errors, line('billing-api', 'HikariPool-1 - Connection to billing-db:5432 refused or timed out (connect timed out)', 'LOG_1'), line('billing-api', 'PSQLException: The connection attempt failed. Caused by: SocketTimeoutException: connect timed out', 'LOG_2')];
    const asOwn = profileServices([...direct, ...mentionSignals(direct, graph)], graph, frame);
    const asSymptoms = profileServices(read(direct), graph, frame);
    expect(originScore(asOwn.get('billing-api')!)).toBeGreaterThan(originScore(asOwn.get('billing-db')!));
    expect(originScore(asSymptoms.get('billing-db')!)).toBeGreaterThan(originScore(asSymptoms.get('billing-api')!));
    expect(asSymptoms.get('billing-api')!.explainedBy).toBe('billing-db');
  });
});

describe('callers failing together on the one callee they share', () => {
  const shared = mergeGraph({ login: ['sessions-cache', 'users-db'], cart: ['sessions-cache'] });
  const withMentions = (direct: Signal[]) => [...direct, ...mentionSignals(direct, shared)];
  const named = line('cart', 'Redis connection to sessions-cache.euw1.cache.amazonaws.com:6379 failed - read ECONNRESET', 'LOG_1');
  const unnamed = line('login', "READONLY You can't write against a read only replica.", 'LOG_3', { onsetMs: at - 7 * 60_000 });

  it("puts a caller's unnamed errors on the shared callee a sibling's errors name, and reads them as its symptoms", () => {
    const out = sharedNamedCalleeSignals(withMentions([named, unnamed]), shared, 3 * 60_000);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ service: 'sessions-cache', family: 'dependency_mention', evidenceId: 'LOG_3', local: true });
    expect(withCalleeFailuresAsSymptoms([...withMentions([named, unnamed]), ...out]).find((s) => s.evidenceId === 'LOG_3' && s.service === 'login')!.local).toBe(false);
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
});
