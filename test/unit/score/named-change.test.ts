import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { namesWhatFailed } from '../../../functions/score/core/victims.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-03-15T19:12:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ gw: ['idp', 'profile'] });
const observed = new Set(['gw', 'idp', 'profile']);
const rejected = 'level=warn msg="token rejected" reason="no key for kid 2025-q4-a in JWKS"';
const gwSignals = (raw: string): Signal[] => [
  { service: 'gw', family: 'log_error', strength: 0.9, onsetMs: at - 12 * min, evidenceId: 'L_gw', local: true, text: `gw logged warn "${raw}"`, raw },
  { service: 'gw', family: 'errors', strength: 1, onsetMs: at - 11 * min, evidenceId: 'M_gw', local: false, text: 'gw error rate rose' },
];
/** An unrelated restart next door that began before the change. */
const earlier: Signal = { service: 'profile', family: 'runtime_crash', strength: 0.7, onsetMs: at - 30 * min, evidenceId: 'R_profile', local: true, text: 'profile restarted after a GC pause' };
const keyChange = { id: 'CHANGE_1', class: 'changes', service: 'idp', kind: 'config', at: new Date(at - 13 * min).toISOString(), summary: 'signing key set: kid 2025-q4-a removed from JWKS by rotation automation' } as unknown as Evidence;

const attribute = (raw: string) => {
  const profiles = profileServices([...gwSignals(raw), earlier], graph, frame);
  return attributeChanges([keyChange], profiles, graph, frame, { ms: earlier.onsetMs, stepMs: 0 }, observed)[0]!;
};

describe('a change that names what a neighbour’s new errors are about', () => {
  it('ties a key rotation to the caller that rejects tokens for the removed key', () => {
    const profiles = profileServices(gwSignals(rejected), graph, frame);
    expect(namesWhatFailed('signing key set: kid 2025-q4-a removed from JWKS', profiles.get('gw')!)).toBe(true);
  });

  it('needs two distinctive words in common, not one or common ones', () => {
    const profiles = profileServices(gwSignals('level=error msg="request failed" reason="upstream timeout"'), graph, frame);
    expect(namesWhatFailed('config request timeout raised', profiles.get('gw')!)).toBe(false);
  });

  it('explains the caller, though an unrelated anomaly elsewhere began before the change', () => {
    const a = attribute(rejected);
    expect(a.redHerring).toBe(false);
    expect(a.explains).toBe('gw');
    expect(a.score).toBeGreaterThan(0.5);
  });

  it('still rules out a change after the first trouble when nothing ties them', () => {
    expect(attribute('level=warn msg="upstream returned 500"').redHerring).toBe(true);
  });
});
