import { describe, expect, it } from 'vitest';
import { depletedSignal, metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { MetricSeries } from '../../../functions/contracts/index.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-09-14T10:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 5 * min };

/** A 5-minute series over the last three hours: `before` until `fromMin` minutes before the alert, `after` from there on. */
const series = (service: string, name: string, before: (i: number) => number, after: number, fromMin = 10, id = 'METRIC_1'): MetricSeries & { id: string } => ({
    class: 'metrics',
    id,
    service,
    name,
    labels: {},
    startMs: at - 180 * min,
    stepMs: 5 * min,
    values: Array.from({ length: 37 }, (_, i) => (at - 180 * min + i * 5 * min < at - fromMin * min ? before(i) : after)),
  });

describe('a resource read by what is left of it', () => {
  it('ran out when a credit balance, free space or available addresses fell to nothing', () => {
    const credits = depletedSignal(series('license-server', 'CPUCreditBalance', (i) => 180 - 5 * i, 0), frame);
    expect(credits).toMatchObject({ service: 'license-server', family: 'saturation', local: true, peakShare: 1 });
    expect(credits?.text).toContain('ran out of CPU');
    expect(depletedSignal(series('reports-db', 'FreeStorageSpace', () => 5e10, 0), frame)?.family).toBe('saturation');
    expect(depletedSignal(series('cache', 'FreeableMemory', () => 2e9, 1e6), frame)?.family).toBe('memory');
    expect(depletedSignal(series('vpc', 'subnet_available_ip_addresses', () => 250, 0), frame)).toBeDefined();
  });

  it('did not run out while some is left, nor when it was already empty before the window', () => {
    expect(depletedSignal(series('license-server', 'CPUCreditBalance', () => 180, 90), frame)).toBeUndefined();
    expect(depletedSignal(series('license-server', 'CPUCreditBalance', () => 0, 0), frame)).toBeUndefined();
    expect(depletedSignal(series('license-server', 'CPUCreditBalance', (i) => (i < 10 ? 0 : 50), 0), frame)).toBeUndefined();
  });

  it('is no resource when the series counts units or business data, not something drawn on', () => {
    expect(depletedSignal(series('signup-api', 'k8s.deployment.available', () => 6, 0), frame)).toBeUndefined();
    expect(depletedSignal(series('ledger', 'ledger_balance_rows_missing_per_second', () => 6, 0), frame)).toBeUndefined();
  });

  it('takes the place of the falling series: a balance that fell is no CPU that rose, and no other reading of it', () => {
    const signals = metricSignals([series('license-server', 'CPUCreditBalance', (i) => 180 - 5 * i, 0)], frame);
    expect(signals.map((s) => s.family)).toEqual(['saturation']);
  });

  it('makes a caller that only got slower and failed the victim of a callee out of CPU credits, which is exhaustion, not a defect', () => {
    const graph = mergeGraph({ 'design-api': ['license-server'] });
    const credits = depletedSignal(series('license-server', 'CPUCreditBalance', (i) => 180 - 5 * i, 0), frame)!;
    const slow: Signal = { service: 'license-server', family: 'latency', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M2', local: false, text: 'license-server latency rose' };
    const errors: Signal = { service: 'design-api', family: 'errors', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M3', local: false, text: 'design-api error rate rose' };
    const profiles = profileServices([credits, slow, errors], graph, frame);
    const support = kindSupport(profiles.get('license-server')!);
    expect(support.get('resource_exhaustion')!.support).toBeGreaterThan(support.get('code_defect')?.support ?? 0);
    expect(profiles.get('design-api')!.explainedBy).toBe('license-server');
  });
});
