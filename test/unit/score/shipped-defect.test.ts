import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { failsWhereItChanged } from '../../../functions/score/core/shipped-defect.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-10T11:30:00Z');
const min = 60_000;
const graph = mergeGraph({ lb: ['edge'], edge: ['acks'] });
const observed = new Set(['lb', 'edge', 'acks']);
const thrown = 'TypeError: cannot read seq of undefined at AckTracker.onLateAck (late ack for a frame already reconciled)';
/** The edge's own new failures, 35 min after its release, and its caller's errors. */
const signals = (raw: string): Signal[] => [
  { service: 'edge', family: 'log_error', strength: 0.95, onsetMs: at - 20 * min, evidenceId: 'L_edge', local: true, text: `edge started logging fatal "${raw}"`, raw },
  { service: 'edge', family: 'errors', strength: 1, onsetMs: at - 20 * min, evidenceId: 'M_edge', local: false, text: 'edge error rate rose' },
  { service: 'lb', family: 'errors', strength: 1, onsetMs: at - 20 * min, evidenceId: 'M_lb', local: false, text: 'lb error rate rose' },
];
const release = (ago: number) => ({ id: 'CHANGE_1', class: 'changes', service: 'edge', kind: 'deployment', at: new Date(at - ago * min).toISOString(), summary: 'edge v4.0.0: new AckTracker with late-ack reconciliation' }) as unknown as Evidence;

const attribute = (raw: string, ago: number, changesFromMs?: number) => {
  const frame = { alertAtMs: at, stepMs: min, ...(changesFromMs !== undefined ? { changesFromMs } : {}) };
  return attributeChanges([release(ago)], profileServices(signals(raw), graph, frame), graph, frame, { ms: at - 20 * min, stepMs: 0 }, observed)[0]!;
};

describe('a code defect whose failures are about what its own release touched', () => {
  it('is read from the service’s own lines, not from what its callers said of it', () => {
    const profiles = profileServices(signals(thrown), graph, { alertAtMs: at, stepMs: min });
    expect(failsWhereItChanged('edge v4.0.0: new AckTracker with late-ack reconciliation', profiles.get('edge')!)).toBe(true);
    const told: Signal = { service: 'edge', family: 'log_error', strength: 0.95, onsetMs: at - 20 * min, evidenceId: 'L_lb', local: false, text: `lb logged "edge: ${thrown}"`, raw: thrown };
    const heard = profileServices([told], graph, { alertAtMs: at, stepMs: min });
    expect(failsWhereItChanged('edge v4.0.0: new AckTracker with late-ack reconciliation', heard.get('edge')!)).toBe(false);
  });

  it('gives the release a fit above one half, however many minutes the defect took to fire', () => {
    expect(attribute(thrown, 55).fit).toBeGreaterThan(0.5);
    expect(attribute('connection reset by peer while writing frame', 55).fit).toBeLessThan(0.5);
  });

  it('fades over hours: a release six hours before the failures fits below one half', () => {
    expect(attribute(thrown, 380).fit).toBeLessThan(0.5);
    expect(attribute(thrown, 140).fit).toBeGreaterThan(0.5);
  });

  it('keeps a release from before the change window a suspect', () => {
    const a = attribute(thrown, 95, at - 80 * min);
    expect(a.redHerring).toBe(false);
    expect(a.fit).toBeGreaterThan(0.5);
    expect(attribute('connection reset by peer while writing frame', 95, at - 80 * min).redHerring).toBe(true);
  });
});

describe('a service whose own lines name a changed service that no call joins to it', () => {
  const far = mergeGraph({ api: ['pricer', 'ledger'], ledger: ['recon'] });
  const seen = new Set(['api', 'pricer', 'ledger', 'recon']);
  const frame = { alertAtMs: at, stepMs: min };
  const recon = (raw: string): Signal[] => [{ service: 'recon', family: 'log_error', strength: 0.9, onsetMs: at - 30 * min, evidenceId: 'L_recon', local: true, text: `recon logged error "${raw}"`, raw }];
  const deploy = { id: 'CHANGE_1', class: 'changes', service: 'pricer', kind: 'deployment', at: new Date(at - 31 * min).toISOString(), summary: 'pricer 4.0.0: faster quote path' } as unknown as Evidence;
  const attributeFar = (raw: string) => attributeChanges([deploy], profileServices(recon(raw), far, frame), far, frame, { ms: at - 30 * min, stepMs: 0 }, seen)[0]!;

  it('is that change’s victim by its own account', () => {
    const a = attributeFar('trade 81 amount 10.2 != recomputed 10.3 (quote from pricer)');
    expect(a.explains).toBe('recon');
    expect(a.score).toBeGreaterThan(0.5);
  });

  it('is not, when its lines name no one', () => {
    expect(attributeFar('trade 81 amount 10.2 != recomputed 10.3').redHerring).toBe(true);
  });
});
