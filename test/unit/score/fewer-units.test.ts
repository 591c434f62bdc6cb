import { describe, expect, it } from 'vitest';
import { fewerUnits, fittedShortage, relievedShortage } from '../../../functions/score/core/kinds.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-04-10T08:30:00Z');
/** The quote engine's CPU pinned at its limit and throttled on every pod at the morning ramp. */
const pinned: Signal[] = [
  { service: 'tax-engine', family: 'cpu', strength: 0.98, onsetMs: at - 20 * 60_000, evidenceId: 'M_cpu', local: true, peakShare: 1, text: 'tax-engine CPU rose from 40 to 100 (cpu_utilization)' },
  { service: 'tax-engine', family: 'runtime_throttle', strength: 0.7, onsetMs: at - 17 * 60_000, evidenceId: 'R_thr', local: true, text: 'tax-engine was CPU-throttled (3×): CPU throttled at limit on all 3 pods' },
];
const cut = { kind: 'config', service: 'tax-engine', summary: 'HPA minReplicas 12 -> 3, target CPU 60% -> 90% (cost savings initiative)' };

describe('a configuration change that takes instances away by their count', () => {
  it('cuts capacity however it was recorded', () => {
    expect(fewerUnits(cut.summary)).toBe(true);
    expect(fewerUnits('desired tasks 8 -> 4')).toBe(true);
    expect(fewerUnits('HPA scaling 3 -> 9 (pods warming up)')).toBe(false);
    expect(fewerUnits('timeout 30 -> 10')).toBe(false);
  });

  it('explains the shortage that came at the next peak, and is no relief for it: a raised utilization target is not more CPU', () => {
    expect(fittedShortage(cut, pinned)).toBe('capacity');
    expect(relievedShortage(cut, pinned)).toBeUndefined();
    expect(relievedShortage({ kind: 'config', service: 'tax-engine', summary: 'cpu limit 2 -> 4 cores' }, pinned)).toBe('cpu');
  });
});
