import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-07-07T07:30:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
/** The pricer and the reconciler are joined by no call: the quote travels through the payments API and the ledger. */
const graph = mergeGraph({ payments: ['pricer', 'ledger'], ledger: ['recon'] });
const observed = new Set(['payments', 'pricer', 'ledger', 'recon']);
const release = { id: 'CHANGE_1', class: 'changes', service: 'pricer', kind: 'deployment', at: new Date(at - 50 * min).toISOString(), summary: 'pricer 4.0.0: replace BigDecimal with double in the quote path' } as unknown as Evidence;
const line = (text: string): Signal => ({ service: 'recon', family: 'log_error', strength: 0.9, onsetMs: at - 49 * min, evidenceId: 'L_recon', local: true, text: `recon logged error "${text}"` });
const rush: Signal = { service: 'recon', family: 'traffic_up', strength: 0.9, onsetMs: at - 49.5 * min, evidenceId: 'M_recon', local: true, text: 'recon request rate rose' };

const attribute = (signals: Signal[]) => attributeChanges([release], profileServices(signals, graph, frame), graph, frame, { ms: at - 49 * min, stepMs: 0 }, observed)[0]!;

describe('a service no call joins to a changed service', () => {
  it('is its victim when its own failures name the changed service', () => {
    const a = attribute([line('trade <*> amount differs from recomputed (quote from pricer)')]);
    expect(a).toMatchObject({ explains: 'recon', redHerring: false });
    expect(a.score).toBeGreaterThan(0.5);
    expect(a.reason).toContain('whose own failures name what it changed');
  });

  it('is its victim when its own failures name what the change changed', () => {
    expect(attribute([line('BigDecimal expected, got double in quote <*>')]).explains).toBe('recon');
  });

  it('is not its victim when its failures say nothing of the change', () => {
    const a = attribute([line('trade <*> amount differs from recomputed')]);
    expect(a.explains).toBeUndefined();
    expect(a.score).toBeLessThan(0.1);
  });

  it('is not its victim when demand rose there before its trouble', () => {
    expect(attribute([line('trade <*> amount differs from recomputed (quote from pricer)'), rush]).explains).toBeUndefined();
  });
});
