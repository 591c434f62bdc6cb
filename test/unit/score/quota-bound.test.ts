import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Signal } from '../../../functions/score/core/types.js';

/*
 * A service its CPU quota throttled, with its instances up, its demand held and nothing
 * it calls in trouble, needs more CPU (more instances or a larger quota): a restart
 * brings back the same quota.
 */
const at = Date.parse('2026-07-11T12:30:00Z');
const top: Suspect = { service: 'tile-renderer', kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['METRIC_THR'], reasons: [] };
const sig = (service: string, family: Signal['family'], evidenceId: string, text: string, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at, evidenceId, local: true, text, ...extra });
const throttled = sig('tile-renderer', 'cpu', 'METRIC_THR', 'tile-renderer CPU rose from 0.060 to 0.61 (container_cpu_cfs_throttled_periods_ratio)');
const event = sig('tile-renderer', 'runtime_throttle', 'RUNTIME_1', 'tile-renderer was CPU-throttled (9×)');
const graph = new Map([['tile-renderer', new Set(['style-store'])]]);

describe('a service held back by its CPU quota', () => {
  it('is scaled out when its throttled periods rose or the runtime throttled it', () => {
    for (const s of [throttled, event]) {
      const a = recommendAction(top, [s], { graph });
      expect(a.kind).toBe('scale_out');
      expect(a.evidenceIds[0]).toBe(s.evidenceId);
    }
  });

  it('is not scaled out when its demand fell, its instances fail, or something it calls is in trouble', () => {
    expect(recommendAction(top, [throttled, sig('tile-renderer', 'traffic_down', 'METRIC_REQ', 'requests fell', { local: false })], { graph }).kind).toBe('none');
    expect(recommendAction(top, [throttled, sig('tile-renderer', 'runtime_crash', 'RUNTIME_2', 'tile-renderer crash-looping')], { graph }).kind).toBe('none');
    expect(recommendAction(top, [throttled, sig('style-store', 'latency', 'METRIC_LAT', 'style-store latency rose')], { graph }).kind).toBe('none');
  });
});
