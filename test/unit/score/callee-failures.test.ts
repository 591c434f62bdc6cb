import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { withCalleeFailuresAsSymptoms } from '../../../functions/score/core/pieces.js';
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
