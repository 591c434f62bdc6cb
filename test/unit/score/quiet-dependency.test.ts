import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { quietThemselves, rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ api: ['store'] });
const observed = new Set(['api', 'store']);
const apiErrors: Signal = { service: 'api', family: 'errors', strength: 1, onsetMs: at - 2 * 60_000, evidenceId: 'M_api', local: false, text: 'api error rate rose' };
/** Failing spans into the store, recorded by its callers' client spans. */
const failingCalls: Signal = { service: 'store', family: 'error_origin', strength: 0.9, onsetMs: at - 3 * 60_000, evidenceId: 'T_store', local: true, text: 'failing spans start in store' };
const storeSaturated: Signal = { service: 'store', family: 'saturation', strength: 0.9, onsetMs: at - 3 * 60_000, evidenceId: 'M_store_conn', local: true, text: 'store connections rose' };
/** The store's own metrics (M_store_*) are its own report; its spans (T_store) are what callers recorded. */
const own = (_service: string, id: string) => id.startsWith('M_');

const rank = (signals: Signal[]) => {
  const profiles = profileServices(signals, graph, frame);
  return rankSuspects(profiles, [], observed, quietThemselves(profiles, observed, own));
};

describe('a dependency whose own telemetry stayed quiet while callers saw it fail', () => {
  it('is a dependency failure, not a defect in it', () => {
    const top = rank([apiErrors, failingCalls]).find((c) => c.service === 'store');
    expect(top?.kind).toBe('dependency_failure');
    expect(top?.reasons[0]).toMatch(/own telemetry stayed within its baseline/);
  });

  it('keeps its own kinds when its own telemetry shows the trouble', () => {
    const kinds = rank([apiErrors, failingCalls, storeSaturated]).filter((c) => c.service === 'store').map((c) => c.kind);
    expect(kinds[0]).toBe('resource_exhaustion');
    expect(kinds).not.toContain('dependency_failure');
  });

  it('needs callers to have seen it fail, not merely slow down', () => {
    const slow: Signal = { ...failingCalls, family: 'self_time', evidenceId: 'T_store_self' };
    const profiles = profileServices([apiErrors, slow], graph, frame);
    expect(quietThemselves(profiles, observed, own).has('store')).toBe(false);
  });
});
