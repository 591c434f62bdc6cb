import { describe, expect, it } from 'vitest';
import { lostUnderOwnStrain } from '../../../functions/score/core/kinds.js';
import { sig, support } from './lone-service.js';

/** When the units went out of service, a number of minutes before the alert. */
const lost = (minutesBefore: number) => sig('units_lost', 1, { onsetMs: Date.parse('2026-06-01T09:00:00Z') - minutesBefore * 60_000 });
const minutesBefore = (m: number) => ({ onsetMs: Date.parse('2026-06-01T09:00:00Z') - m * 60_000 });

describe('units lost under their own strain', () => {
  const burning = [sig('cpu', 1, { peakShare: 1, ...minutesBefore(9) }), sig('self_time', 1, minutesBefore(10)), sig('errors', 1, minutesBefore(5)), sig('log_error', 0.9, { text: 'web logged warn "slow request GET / took 21000ms (render: 20800ms)"', ...minutesBefore(10) })];

  it('reads hosts that failed their health checks after their own CPU pinned as the strain showing, not the platform', () => {
    expect(lostUnderOwnStrain([...burning, lost(5)])).toBe(true);
    const k = support([...burning, lost(5)]);
    const infra = k.get('infrastructure')?.support ?? 0;
    expect(k.get('code_defect')!.support).toBeGreaterThan(infra);
    expect(k.get('code_defect')!.support).toBeGreaterThan(k.get('resource_exhaustion')!.support);
  });

  it('keeps the platform when units were lost before anything in them strained', () => {
    const signals = [lost(12), sig('cpu', 1, { peakShare: 1, ...minutesBefore(9) }), sig('errors', 1, minutesBefore(11))];
    expect(lostUnderOwnStrain(signals)).toBe(false);
    const k = support(signals);
    expect(k.get('infrastructure')!.support).toBeGreaterThan(k.get('resource_exhaustion')!.support);
  });

  it('keeps the platform when the rest strained only in the step the units were lost, with no trouble of their own before', () => {
    expect(lostUnderOwnStrain([lost(5), sig('cpu', 1, { peakShare: 1, ...minutesBefore(5) }), sig('errors', 1, minutesBefore(5))])).toBe(false);
    expect(lostUnderOwnStrain([lost(5), sig('cpu', 1, { peakShare: 1, ...minutesBefore(5) }), sig('log_error', 0.9, minutesBefore(6))])).toBe(true);
  });

  it('keeps the platform when a node was reported lost, whatever strained', () => {
    expect(lostUnderOwnStrain([...burning, lost(5), sig('runtime_node', 1, minutesBefore(6))])).toBe(false);
  });

  it('says nothing when no unit was lost', () => {
    expect(lostUnderOwnStrain(burning)).toBe(false);
  });
});
