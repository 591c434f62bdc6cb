import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { refusedForContent } from '../../../functions/score/core/refused-content.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T17:44:00Z');
const graph = mergeGraph({ holds: ['holds-db'] });
const frame = { alertAtMs: at + 10 * 60_000, stepMs: 30_000 };
const line = (raw: string): Signal => ({ service: 'holds', family: 'log_error', strength: 1, onsetMs: at, evidenceId: 'LOG_1', local: true, text: `holds started logging error "${raw}"`, raw });
const failing: Signal = { service: 'holds', family: 'errors', strength: 1, onsetMs: at, evidenceId: 'MET_1', local: false, text: 'holds error rate rose' };
const dbSpans: Signal = { service: 'holds-db', family: 'error_origin', strength: 1, onsetMs: at, evidenceId: 'TRC_1', local: true, text: '20 failing spans start in holds-db' };

describe('a write a store refused for what it held', () => {
  it('is read in the words of SQL integrity and data errors', () => {
    expect(refusedForContent(line("INSERT INTO seat_holds failed: Duplicate entry '2147483647' for key 'PRIMARY'"))).toBe(true);
    expect(refusedForContent(line('ERROR: duplicate key value violates unique constraint "invoices_account_period_key"'))).toBe(true);
    expect(refusedForContent(line('hold create failed: sequence value 2147483648 out of range for INT column hold_id'))).toBe(true);
    expect(refusedForContent(line('connection to holds-db refused'))).toBe(false);
  });

  it('puts the failures that spans start in the store on the writer', () => {
    const refused = profileServices([line("INSERT failed: Duplicate entry '7' for key 'PRIMARY'"), failing, dbSpans], graph, frame);
    expect(refused.get('holds-db')?.explainedBy).toBe('holds');
    expect(originScore(refused.get('holds')!)).toBeGreaterThan(originScore(refused.get('holds-db')!));
  });

  it('leaves the failures on a store that lost its host and promoted a replica behind it', () => {
    const lost: Signal = { service: 'holds-db', family: 'runtime_node', strength: 0.9, onsetMs: at - 60_000, evidenceId: 'RUN_1', local: true, text: 'holds-db lost the host under it: leader host unreachable' };
    const failedOver = profileServices([line('duplicate key value violates unique constraint "holds_pkey"'), failing, dbSpans, lost], graph, frame);
    expect(failedOver.get('holds')?.explainedBy).toBe('holds-db');
    expect(originScore(failedOver.get('holds-db')!)).toBeGreaterThan(originScore(failedOver.get('holds')!));
  });

  it('leaves a store whose caller says nothing of what it sent as where the failures start', () => {
    const unsaid = profileServices([line('INSERT INTO seat_holds failed: server closed the connection'), failing, dbSpans], graph, frame);
    expect(unsaid.get('holds')?.explainedBy).toBe('holds-db');
    expect(originScore(unsaid.get('holds-db')!)).toBeGreaterThan(originScore(unsaid.get('holds')!));
  });
});
