import { describe, expect, it } from 'vitest';
import { identify } from '../../../functions/score/core/ids.js';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

/*
 * kube-state-metrics counts nodes by condition: `kube_node_status_condition` with the
 * condition and its status as labels. Nodes whose network became unavailable, or that
 * stopped being ready, are the cluster's units out of service, whatever the series is
 * called beyond that.
 */
const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const nodes = (labels: Record<string, string>, before: number, after: number) => ({
  class: 'metrics',
  name: 'kube_node_status_condition',
  service: 'cluster',
  labels,
  startMs: at - 60 * 60_000,
  stepMs: 60_000,
  values: Array.from({ length: 61 }, (_, i) => (i >= 45 ? after : before) + (i % 3 === 0 ? 0.4 : 0)),
  link: { kind: 'none' },
});
const signalsOf = (series: ReturnType<typeof nodes>) => metricSignals(identify([{ planId: 'p', evidenceClass: 'metrics', backend: 'scenario', status: 'ok', query: {}, items: [series], durationMs: 1, notes: [] }] as never) as Evidence[], frame);

describe('nodes counted by condition', () => {
  it('reads a count of nodes by condition as units, whatever the condition', () => {
    expect(metricFamily('kube_node_status_condition', '', { condition: 'NetworkUnavailable', status: 'true' })).toBe('units');
    expect(metricFamily('kube_node_status_condition', '', { condition: 'Ready', status: 'true' })).toBe('units');
    expect(metricFamily('kube_node_status_condition')).toBe('other');
  });

  it('reads more nodes with their network unavailable, or not ready, as units lost, and more nodes ready as none', () => {
    expect(signalsOf(nodes({ condition: 'NetworkUnavailable', status: 'true' }, 0, 80)).map((s) => [s.family, s.local])).toEqual([['units_lost', true]]);
    expect(signalsOf(nodes({ condition: 'Ready', status: 'false' }, 1, 400)).map((s) => s.family)).toEqual(['units_lost']);
    expect(signalsOf(nodes({ condition: 'Ready', status: 'true' }, 400, 120)).map((s) => s.family)).toEqual(['units_lost']);
    expect(signalsOf(nodes({ condition: 'Ready', status: 'true' }, 120, 400)).map((s) => s.family)).toEqual([]);
  });
});
