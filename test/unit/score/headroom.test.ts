import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ web: ['ads'] });
const webErrors: Signal = { service: 'web', family: 'errors', strength: 1, onsetMs: at - 2 * 60_000, evidenceId: 'M_web', local: false, text: 'web error rate rose' };
const adsCpu = (peakShare: number): Signal => ({ service: 'ads', family: 'cpu', strength: 0.8, onsetMs: at - 3 * 60_000, evidenceId: 'M_ads', local: true, peakShare, text: 'ads CPU rose' });
const adsKind = (peakShare: number) => rankSuspects(profileServices([webErrors, adsCpu(peakShare)], graph, frame), [], new Set(['web', 'ads'])).find((c) => c.service === 'ads')?.kind;

describe('CPU that rose without running short', () => {
  it('reads a service whose callers fail because of it, its CPU well below the limit, as a defect', () => {
    expect(adsKind(0.4)).toBe('code_defect');
  });

  it('still reads CPU at its limit as exhaustion, whatever the callers show', () => {
    expect(adsKind(1)).toBe('resource_exhaustion');
  });

  it('records how close a percentage series came to its limit', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => 4 + (i % 3)), 40, 41, 40];
    const series = { id: 'M_1', class: 'metrics', service: 'ads', name: 'cpu_usage_percent', unit: 'percent', labels: {}, startMs: at - values.length * 60_000, stepMs: 60_000, values } as unknown as Evidence;
    const cpu = metricSignals([series], frame).find((s) => s.family === 'cpu');
    expect(cpu?.peakShare).toBeCloseTo(0.41, 2);
  });
});
