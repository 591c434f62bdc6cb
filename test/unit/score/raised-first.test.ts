import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };

/** A failure rate over the hour before the alert: about 0.5 a minute until `risesAtMin` minutes before it, then `high` (a flat 0.5 when never). */
function failures(service: string, risesAtMin: number | undefined, high = 600): Evidence {
  const values = Array.from({ length: 61 }, (_, i) => (risesAtMin !== undefined && 60 - i <= risesAtMin ? high + (i % 3) * 7 : 0.5 + (i % 4) * 0.1));
  return { id: `M_${service}`, class: 'metrics', service, name: 'init_failures_per_minute', unit: 'count', labels: {}, startMs: at - 60 * 60_000, stepMs: 60_000, values } as unknown as Evidence;
}

describe('failures that began before the look-back and stood until the alert', () => {
  it('are timed from the window’s own earlier points: the service that raised first keeps its onset', () => {
    const out = metricSignals([failures('guest-agent', 52), failures('provisioner', 25)], frame);
    const first = out.find((s) => s.service === 'guest-agent');
    expect(first).toMatchObject({ family: 'errors' });
    expect(first!.onsetMs).toBe(at - 52 * 60_000);
    expect(out.find((s) => s.service === 'provisioner')!.onsetMs).toBe(at - 25 * 60_000);
  });

  it('are not found when the window holds too few points before them, nor when nothing changed', () => {
    expect(metricSignals([failures('guest-agent', 58)], frame)).toEqual([]);
    expect(metricSignals([failures('guest-agent', undefined)], frame)).toEqual([]);
  });
});
