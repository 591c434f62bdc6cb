import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number, local = true): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local, text: `${service} ${family}` });
const graph = mergeGraph({ web: ['busy', 'idle'] });
const frame = { alertAtMs: at, stepMs: 30_000 };

describe('traffic surges', () => {
  it('reads more calls on a service that ran short of CPU as a surge there', () => {
    const profiles = profileServices([sig('busy', 'traffic_up', 0.9, 10), sig('busy', 'cpu', 0.8, 9)], graph, frame);
    const support = kindSupport(profiles.get('busy')!);
    expect(support.get('traffic_surge')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
  });

  it('does not blame a rise in demand the service had coped with long before it ran short of CPU', () => {
    const profiles = profileServices([sig('busy', 'traffic_up', 0.9, 30), sig('busy', 'cpu', 0.9, 2)], graph, frame);
    const support = kindSupport(profiles.get('busy')!);
    expect(support.get('resource_exhaustion')!.support).toBeGreaterThan(support.get('traffic_surge')!.support);
  });

  it('does not make a service that merely received more calls, without straining, a surge suspect', () => {
    const profiles = profileServices([sig('idle', 'traffic_up', 1, 10), sig('busy', 'cpu', 0.6, 9), sig('busy', 'errors', 0.6, 8, false)], graph, frame);
    expect(originScore(profiles.get('busy')!)).toBeGreaterThan(originScore(profiles.get('idle')!));
    expect(kindSupport(profiles.get('idle')!).get('traffic_surge')!.support).toBeLessThan(0.5);
  });
});

describe('failing requests', () => {
  const chain = mergeGraph({ web: ['api'], api: ['db'] });
  it('keeps failing requests on the service when the dependency below only got slower', () => {
    const profiles = profileServices([sig('api', 'errors', 1, 5, false), sig('db', 'inbound_latency', 0.5, 6)], chain, frame);
    expect(originScore(profiles.get('api')!)).toBeGreaterThan(originScore(profiles.get('db')!));
  });

  it('still passes failing requests down to a dependency that fails too', () => {
    const profiles = profileServices([sig('api', 'errors', 1, 5, false), sig('db', 'error_origin', 0.9, 6)], chain, frame);
    expect(originScore(profiles.get('db')!)).toBeGreaterThan(originScore(profiles.get('api')!));
    expect(profiles.get('api')!.explainedBy).toBe('db');
  });
});

describe('slow calls out of a service that started failing', () => {
  it('reads them as its own code failing, not the network', () => {
    const out: Signal = { ...sig('api', 'outbound_latency', 0.9, 5), text: 'calls from api wait longer' };
    const withErrors = profileServices([out, sig('api', 'log_error', 0.8, 5)], mergeGraph({ api: [] }), frame);
    const alone = profileServices([out], mergeGraph({ api: [] }), frame);
    const kinds = kindSupport(withErrors.get('api')!);
    expect(kinds.get('code_defect')!.support).toBeGreaterThan(kinds.get('infrastructure')!.support);
    expect([...kindSupport(alone.get('api')!).keys()]).toEqual(['infrastructure']);
  });
});

describe('a shortage that demand brought on', () => {
  it('is the surge’s consequence: a moderate rise that came with a full shortage reads as a surge', () => {
    const profiles = profileServices([sig('busy', 'traffic_up', 0.55, 7), sig('busy', 'cpu', 1, 7), sig('busy', 'errors', 1, 7, false)], graph, frame);
    const support = kindSupport(profiles.get('busy')!);
    expect(support.get('traffic_surge')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
  });

  it('stays an exhaustion when the demand that came with it barely rose', () => {
    const profiles = profileServices([sig('busy', 'traffic_up', 0.2, 7), sig('busy', 'cpu', 1, 7), sig('busy', 'errors', 1, 7, false)], graph, frame);
    const support = kindSupport(profiles.get('busy')!);
    expect(support.get('resource_exhaustion')!.support).toBeGreaterThan(support.get('traffic_surge')!.support);
  });
});
