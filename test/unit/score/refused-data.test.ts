import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { refusedAsInvalid } from '../../../functions/score/core/refused-data.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], strength: number, raw?: string): Signal => ({ service, family, strength, onsetMs: at - 10 * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}`, ...(raw ? { raw } : {}) });

describe('a store refusing the data it was sent', () => {
  it('reads the answers that say the request was wrong, by SQLSTATE class, driver type and template', () => {
    expect(refusedAsInvalid('create order failed: pq: nextval: reached maximum value of sequence "line_items_id_seq" (SQLSTATE 2200H)')).toBe(true);
    expect(refusedAsInvalid("java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '2147483647' for key 'PRIMARY'")).toBe(true);
    expect(refusedAsInvalid('psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "invoices_key"')).toBe(true);
    expect(refusedAsInvalid('org.postgresql.util.PSQLException: ERROR: relation "weekly_menus" does not exist')).toBe(true);
    expect(refusedAsInvalid('FATAL: sorry, too many clients already (SQLSTATE 53300)')).toBe(false);
    expect(refusedAsInvalid('ERROR: deadlock detected (SQLSTATE 40P01)')).toBe(false);
    expect(refusedAsInvalid('Connection to orders-db:5432 refused')).toBe(false);
  });

  it("puts the failures that start in the store on the client whose rows it refused", () => {
    const graph = mergeGraph({ 'seat-holds': ['holds-db'] });
    const signals = [sig('seat-holds', 'errors', 1), sig('seat-holds', 'log_error', 1, "INSERT INTO seat_holds failed: Duplicate entry '2147483647' for key 'PRIMARY'"), sig('holds-db', 'error_origin', 1)];
    const profiles = profileServices(signals, graph, frame);
    expect(originScore(profiles.get('seat-holds')!)).toBeGreaterThan(originScore(profiles.get('holds-db')!));
    expect(profiles.get('holds-db')!.explainedBy).toBe('seat-holds');
  });

  it('leaves a store that failed on its own as the origin', () => {
    const graph = mergeGraph({ 'seat-holds': ['holds-db'] });
    const signals = [sig('seat-holds', 'errors', 1), sig('seat-holds', 'log_error', 1, 'INSERT INTO seat_holds failed: Lock wait timeout exceeded; try restarting transaction'), sig('holds-db', 'error_origin', 1)];
    const profiles = profileServices(signals, graph, frame);
    expect(originScore(profiles.get('holds-db')!)).toBeGreaterThan(originScore(profiles.get('seat-holds')!));
  });

  it('does not put a fellow client of the store that was refused the same way under its caller', () => {
    const graph = mergeGraph({ 'box-builder': ['menu-service', 'menu-pg'], 'menu-service': ['menu-pg'] });
    const missing = 'ERROR: relation "weekly_menus" does not exist';
    const signals = [sig('box-builder', 'log_error', 1, missing), sig('menu-service', 'errors', 1), sig('menu-service', 'log_error', 0.8, missing), sig('menu-pg', 'error_origin', 1)];
    const profiles = profileServices(signals, graph, frame);
    expect(profiles.get('menu-service')!.explainedBy).not.toBe('box-builder');
    expect(profiles.get('menu-pg')!.explainedBy).toBeDefined();
  });
});
