import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ app: ['mesh'], mesh: ['accounts', 'ledger'] });
const observed = new Set(['app', 'mesh', 'accounts', 'ledger']);

/** The mesh every call passes through fails its calls, in its own words, naming no cause. */
const mesh: Signal[] = [
  { service: 'mesh', family: 'errors', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M_mesh', local: false, text: 'mesh error rate rose' },
  { service: 'mesh', family: 'log_error', strength: 1, onsetMs: at - 10 * min, evidenceId: 'L_mesh', local: true, text: 'mesh started logging error "No hosts are available for <*>"' },
];
const named = (service: string): Signal => ({ service, family: 'dependency_mention', strength: 0.7, onsetMs: at - 10 * min, evidenceId: 'L_mesh', local: true, text: `mesh reports failures calling ${service}` });

describe('a piece that lost the way to its healthy callees', () => {
  it('reads a proxy whose lines name two callees that showed no trouble of their own as the infrastructure every call passes through', () => {
    const profiles = profileServices([...mesh, named('accounts'), named('ledger')], graph, frame);
    const top = rankSuspects(profiles, [], observed).find((c) => c.service === 'mesh');
    expect(top?.kind).toBe('infrastructure');
  });

  it('leaves the proxy its own defect when one of the callees it names failed in its own spans', () => {
    const failing: Signal = { service: 'ledger', family: 'error_origin', strength: 1, onsetMs: at - 10 * min, evidenceId: 'T_ledger', local: true, text: 'failing spans start in ledger' };
    const profiles = profileServices([...mesh, named('accounts'), named('ledger'), failing], graph, frame);
    const kinds = rankSuspects(profiles, [], observed).filter((c) => c.service === 'mesh').map((c) => c.kind);
    expect(kinds[0]).not.toBe('infrastructure');
  });

  it('leaves a proxy that names one healthy callee its own defect', () => {
    const profiles = profileServices([...mesh, named('accounts')], graph, frame);
    const kinds = rankSuspects(profiles, [], observed).filter((c) => c.service === 'mesh').map((c) => c.kind);
    expect(kinds[0]).toBe('code_defect');
  });
});
