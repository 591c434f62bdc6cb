import { describe, expect, it } from 'vitest';
import { countsRefusedCalls, metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ web: ['submit'] });

const series = (name: string, values: number[]) => ({ class: 'metrics', id: `M_${name}`, service: 'submit', name, labels: {}, unit: 'Count', startMs: at - 60 * min, stepMs: min, values, link: { kind: 'none' } }) as unknown as Evidence;
const stepUp = (from: number, to: number) => [...new Array<number>(40).fill(from).map((v, i) => v + (i % 3)), ...new Array<number>(20).fill(to).map((v, i) => v + (i % 3))];

describe('a count of calls turned away at a limit', () => {
  it('is told from CPU a scheduler withheld by its name', () => {
    for (const name of ['Throttles', 'ThrottledRequests', 'ReadThrottleEvents', 'aws_lambda_throttles_sum']) expect(countsRefusedCalls(name)).toBe(true);
    for (const name of ['container_cpu_cfs_throttled_periods_total', 'kubernetes.cpu.cfs.throttled.periods', 'CPUThrottlingHigh']) expect(countsRefusedCalls(name)).toBe(false);
  });

  it('is read from a series as calls refused, not as CPU', () => {
    const [refused] = metricSignals([series('Throttles', stepUp(0, 80_000))], frame);
    expect(refused).toMatchObject({ refusedCalls: true });
    expect(refused!.text).toContain('calls refused at its limit');
    expect(refused!.text).not.toContain('CPU');
    const [cfs] = metricSignals([series('container_cpu_cfs_throttled_periods_total', stepUp(0, 80))], frame);
    expect(cfs!.refusedCalls).toBeUndefined();
  });

  /** Calls it could still serve rose modestly (a capped function counts only those it ran); the rest it refused. */
  const capped = (refusedCalls: boolean): Signal[] => [
    { service: 'submit', family: 'traffic_up', strength: 0.35, onsetMs: at - 50 * min, evidenceId: 'M_Invocations', local: true, text: 'submit request rate rose' },
    { service: 'submit', family: 'cpu', strength: 0.95, onsetMs: at - 50 * min, evidenceId: 'M_Throttles', local: true, text: 'submit calls refused at its limit rose', ...(refusedCalls ? { refusedCalls: true as const } : {}) },
  ];

  it('makes a modest rise in served calls, capped at the limit, a surge rather than exhaustion', () => {
    const support = kindSupport(profileServices(capped(true), graph, frame).get('submit')!);
    expect(support.get('traffic_surge')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
    const asCpu = kindSupport(profileServices(capped(false), graph, frame).get('submit')!);
    expect(asCpu.get('traffic_surge')!.support).toBeLessThan(support.get('traffic_surge')!.support);
  });

  it('says nothing of demand where calls did not rise', () => {
    const alone = capped(true).filter((s) => s.family !== 'traffic_up');
    const support = kindSupport(profileServices(alone, graph, frame).get('submit')!);
    expect(support.get('resource_exhaustion')!.support).toBeGreaterThan(support.get('traffic_surge')?.support ?? 0);
  });
});
