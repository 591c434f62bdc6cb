import { describe, expect, it } from 'vitest';
import { crashedOut } from '../../../functions/score/core/crashed-out.js';
import type { ServiceProfile } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-02-14T03:00:00Z');
const min = 60_000;
const sig = (s: Partial<Signal> & Pick<Signal, 'family'>): Signal => ({ service: 'pricer', strength: 0.9, onsetMs: at, evidenceId: `${s.family}_1`, local: true, text: s.family, ...s });

const crash = sig({ family: 'runtime_crash', text: 'pricer is crash-looping (12×): Back-off restarting failed container (exit 134, SIGABRT)' });
const abort = sig({ family: 'exception', text: 'pricer threw SIGABRT 37×: double free or corruption' });
const replicas = sig({ family: 'units_lost', onsetMs: at + min, text: 'pricer units in service fell from 12 to 0 (up_replicas)' });
const profile = (signals: Signal[]): ServiceProfile => ({ service: 'pricer', signals, local: 1, symptom: 0, pinned: 0, onsetMs: at, onsetStepMs: 0, rootness: 1 });

describe('units lost with the processes that ran on them', () => {
  it('reads replicas that went out as their processes crash-looped as the crash, not the platform', () => {
    expect(crashedOut([crash, abort, replicas], min)).toBe(true);
    const kinds = kindSupport(profile([crash, abort, replicas]));
    expect(kinds.get('code_defect')!.support).toBeGreaterThan(kinds.get('infrastructure')?.support ?? 0);
  });

  it('keeps the platform reading when a node or host was lost, or the units went first', () => {
    expect(crashedOut([crash, replicas, sig({ family: 'runtime_node', text: 'pricer lost the host under it' })], min)).toBe(false);
    expect(crashedOut([crash, { ...replicas, onsetMs: at - 10 * min }], min)).toBe(false);
    expect(crashedOut([crash, replicas, sig({ family: 'log_error', hint: 'infrastructure', text: 'no route to host' })], min)).toBe(false);
  });

  it('keeps it for restarts the runtime pinned on a resource, or with no crash at all', () => {
    expect(crashedOut([{ ...crash, hint: 'resource_exhaustion' }, replicas], min)).toBe(false);
    expect(crashedOut([replicas], min)).toBe(false);
  });
});
