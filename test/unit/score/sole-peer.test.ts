import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T04:30:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const min = 60_000;
const caller = (raw: string): Signal[] => [
  { service: 'dispatcher', family: 'errors', strength: 1, onsetMs: at - 29 * min, evidenceId: 'M_disp', local: false, text: 'dispatcher error rate rose' },
  { service: 'dispatcher', family: 'log_error', strength: 0.9, onsetMs: at - 30 * min, evidenceId: 'L_disp', local: true, text: `dispatcher logged error "${raw}"`, raw, hint: 'infrastructure' },
];
const unhealthy = (service: string, onsetMs = at - 30 * min): Signal => ({ service, family: 'runtime_other', strength: 0.89, onsetMs, evidenceId: `R_${service}`, local: true, text: `${service} failed its health checks (840×): heartbeat missing` });
const profile = (raw: string, graph: Record<string, string[]>, troubled: string[]) => profileServices([...caller(raw), ...troubled.map((service) => unhealthy(service))], mergeGraph(graph), frame);

describe("a caller's unanswered calls that name no peer", () => {
  it('are its one troubled callee\'s trouble, seen from the caller', () => {
    const profiles = profile('dispatch to worker 7c2949c7 failed: no route to host', { dispatcher: ['worker-pool', 'artifacts'] }, ['worker-pool']);
    expect(profiles.get('dispatcher')!.explainedBy).toBe('worker-pool');
    expect(originScore(profiles.get('worker-pool')!)).toBeGreaterThan(originScore(profiles.get('dispatcher')!));
  });

  it('could be about either of two troubled callees, and stay the caller\'s', () => {
    const profiles = profile('dispatch to worker 7c2949c7 failed: no route to host', { dispatcher: ['worker-pool', 'artifacts'] }, ['worker-pool', 'artifacts']);
    expect(originScore(profiles.get('dispatcher')!)).toBeGreaterThan(originScore(profiles.get('worker-pool')!));
  });

  it('stay the caller\'s when they are its own pool lending no connection', () => {
    const profiles = profile('HikariPool-1 - Connection is not available, request timed out after 30000ms', { dispatcher: ['worker-pool'] }, ['worker-pool']);
    expect(originScore(profiles.get('dispatcher')!)).toBeGreaterThan(originScore(profiles.get('worker-pool')!));
  });

  it('stay the caller\'s when its callee\'s trouble was long past as the caller\'s began', () => {
    const profiles = profileServices([...caller('dispatch to worker 7c2949c7 failed: no route to host'), unhealthy('worker-pool', at - 75 * min)], mergeGraph({ dispatcher: ['worker-pool'] }), frame);
    expect(originScore(profiles.get('dispatcher')!)).toBeGreaterThan(originScore(profiles.get('worker-pool')!));
  });

  it('leave a name that did not resolve to what lies between', () => {
    const profiles = profile('dispatch failed: lookup jobs.internal on 10.96.0.10:53: i/o timeout', { dispatcher: ['worker-pool'] }, ['worker-pool']);
    expect(originScore(profiles.get('dispatcher')!)).toBeGreaterThan(originScore(profiles.get('worker-pool')!));
  });
});
