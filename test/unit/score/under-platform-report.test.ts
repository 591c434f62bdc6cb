import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const sig = (family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'broker', family, strength: 1, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${family}_${minutesBefore}`, local: true, text: `broker ${family}`, ...extra });
const graph = mergeGraph({ producer: ['broker'] });
const frame = { alertAtMs: at, stepMs: 30_000 };

/** A broker whose disk write time went to seconds, replicas falling behind, and a report of the volume under it, posted five minutes into the trouble. */
const disk = [sig('saturation', 24), sig('units_lost', 23)];
const report = (felt: boolean, hint: Signal['hint']) => sig('platform_event', 19, { local: felt, strength: felt ? 0.9 : 0.2, hint, raw: 'AWS Health: AWS_EBS_DEGRADED_EBS_VOLUME_PERFORMANCE vol-0a3f (broker 4)' });
const support = (signals: Signal[]) => {
  const kinds = kindSupport(profileServices(signals, graph, frame).get('broker')!);
  return { infrastructure: kinds.get('infrastructure')?.support ?? 0, exhaustion: kinds.get('resource_exhaustion')?.support ?? 0 };
};

describe('a shortage under a platform report', () => {
  it('reads what ran short on a volume the platform reported degraded as the platform failing, though the report came after', () => {
    const s = support([...disk, report(true, 'infrastructure')]);
    expect(s.infrastructure).toBeGreaterThan(s.exhaustion * 1.2);
  });

  it('leaves the shortage as it is when nobody felt the report, or the report is of a managed service failing', () => {
    const unfelt = support([...disk, report(false, 'infrastructure')]);
    expect(unfelt.exhaustion).toBeGreaterThanOrEqual(unfelt.infrastructure);
    const managed = support([...disk, report(true, 'dependency_failure')]);
    expect(managed.exhaustion).toBeGreaterThan(0.9);
  });
});
