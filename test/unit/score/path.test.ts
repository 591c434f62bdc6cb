import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { causalPath } from '../../../functions/score/core/path.js';
import type { ServiceProfile } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const T0 = Date.parse('2026-05-12T14:00:00Z');
const min = (m: number) => T0 + m * 60_000;

function signal(service: string, id: string, atMin: number, strength: number, local: boolean): Signal {
  return { service, family: local ? 'error_origin' : 'latency', strength, onsetMs: min(atMin), evidenceId: id, local, text: `${service} ${id}` };
}
function profile(service: string, signals: Signal[]): ServiceProfile {
  return { service, signals, local: 0.5, symptom: 0.5, pinned: 0, onsetMs: Math.min(...signals.map((s) => s.onsetMs)), onsetStepMs: 60_000, rootness: 0.5 };
}

// web → checkout → pricing; the alert fires on web at 14:20.
const graph = new Map([
  ['web', new Set(['checkout'])],
  ['checkout', new Set(['pricing'])],
]);
const top: Suspect = { service: 'pricing', kind: 'code_defect', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] } as unknown as Suspect;

describe('causalPath: how it unfolded, read forward in time', () => {
  it('takes, per service up the calls, its first sign of trouble after the previous step, not its strongest one later on', () => {
    const profiles = new Map([
      ['pricing', profile('pricing', [signal('pricing', 'LOG_1', 5, 0.9, true)])],
      // checkout's strongest, local signal starts after the alert; its first sign came at 14:07.
      ['checkout', profile('checkout', [signal('checkout', 'TRACE_2', 25, 0.95, true), signal('checkout', 'METRIC_3', 7, 0.5, false)])],
      ['web', profile('web', [signal('web', 'LOG_4', 9, 0.8, false)])],
    ]);
    const path = causalPath(top, 'web', profiles, graph, [], min(20));
    expect(path.map((s) => s.evidenceId)).toEqual(['LOG_1', 'METRIC_3', 'LOG_4']);
    const times = path.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('leaves out a service on the way whose only trouble began after the alert fired', () => {
    const profiles = new Map([
      ['pricing', profile('pricing', [signal('pricing', 'LOG_1', 5, 0.9, true)])],
      ['checkout', profile('checkout', [signal('checkout', 'TRACE_2', 23, 0.95, true)])],
      ['web', profile('web', [signal('web', 'LOG_4', 9, 0.8, false)])],
    ]);
    expect(causalPath(top, 'web', profiles, graph, [], min(20)).map((s) => s.evidenceId)).toEqual(['LOG_1', 'LOG_4']);
  });
});
