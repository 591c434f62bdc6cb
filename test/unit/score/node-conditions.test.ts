import { describe, expect, it } from 'vitest';
import { identify } from '../../../functions/score/core/ids.js';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import { platformLinks } from '../../../functions/score/core/platform.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

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

describe('a cluster whose nodes went out of service while several services failed at once', () => {
  const min = 60_000;
  const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
  const graph = () => mergeGraph({ gateway: ['listings', 'comments', 'votes'], listings: ['db'], comments: ['db'] });
  const nodesOut = (minutesBefore: number) => sig('cluster', 'units_lost', minutesBefore);
  const failing = (services: string[], minutesBefore: number) => services.map((s) => sig(s, 'errors', minutesBefore, { local: false }));

  it('is the platform under three or more services whose requests began to fail with it, though their errors name nothing', () => {
    const out = platformLinks([nodesOut(30), ...failing(['listings', 'comments', 'votes'], 29)], graph(), 120_000);
    expect(out.edges).toEqual({ comments: ['cluster'], listings: ['cluster'], votes: ['cluster'] });
    expect(out.signals.map((s) => [s.service, s.hint])).toEqual([['cluster', 'infrastructure'], ['cluster', 'infrastructure'], ['cluster', 'infrastructure']]);
  });

  it('links nothing for two services, for failures that began before its nodes went, or for a cluster in the call graph', () => {
    expect(platformLinks([nodesOut(30), ...failing(['listings', 'comments'], 29)], graph(), 120_000).edges).toEqual({});
    expect(platformLinks([nodesOut(30), ...failing(['listings', 'comments', 'votes'], 40)], graph(), 120_000).edges).toEqual({});
    expect(platformLinks([sig('db', 'units_lost', 30), ...failing(['listings', 'comments', 'gateway'], 29)], graph(), 120_000).edges).toEqual({});
  });
});
