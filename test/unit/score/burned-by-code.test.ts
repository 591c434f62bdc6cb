import { describe, expect, it } from 'vitest';
import { burnedByCode } from '../../../functions/score/core/kinds.js';
import { at, kinds, sig, support } from './lone-service.js';

describe('CPU burned by a code path', () => {
  const pinned = [sig('cpu', 1, { peakShare: 1 }), sig('latency', 1), sig('errors', 1)];
  const ownError = sig('log_error', 0.9, { text: 'web logged warn "event loop blocked for 4s"' });

  it('reads a pinned CPU with failing requests and new errors of its own, at flat demand, as a defect', () => {
    expect(burnedByCode([...pinned, ownError])).toBe(true);
    const k = kinds([...pinned, ownError]);
    expect(k.defect).toBeGreaterThan(k.exhaustion);
  });

  it('reads hosts that went unhealthy while the code burned their CPU as the defect too, not the platform', () => {
    const unhealthy = sig('units_lost', 1, { text: 'web units out of service rose from 0 to 11 (UnHealthyHostCount)' });
    const burned = support([...pinned, ownError, unhealthy]);
    expect(burned.get('code_defect')!.support).toBeGreaterThan(burned.get('infrastructure')?.support ?? 0);
    expect(burned.get('code_defect')!.ids).toContain(unhealthy.evidenceId);
    const shortOnly = support([...pinned, unhealthy]);
    expect(shortOnly.get('infrastructure')!.support).toBeGreaterThan(shortOnly.get('code_defect')?.support ?? 0);
  });

  it('keeps exhaustion when the CPU is all the service shows', () => {
    expect(burnedByCode(pinned)).toBe(false);
    const k = kinds(pinned);
    expect(k.exhaustion).toBeGreaterThan(k.defect);
  });

  it('keeps exhaustion when the service only got slower, its requests not failing', () => {
    expect(burnedByCode([sig('cpu', 1), sig('latency', 0.4), ownError])).toBe(false);
  });

  it('keeps exhaustion when its errors name a resource', () => {
    expect(burnedByCode([...pinned, sig('log_error', 0.9, { hint: 'resource_exhaustion' })])).toBe(false);
  });

  it('reads its workers all busy as what the burning code path did too, not another resource', () => {
    const busy = sig('log_error', 0.9, { hint: 'resource_exhaustion', raw: 'all 32 workers busy; requests queued (depth 410)', text: 'web logged warn "all <*> workers busy"' });
    expect(burnedByCode([...pinned, ownError, busy])).toBe(true);
    expect(burnedByCode([...pinned, ownError, { ...busy, raw: 'too many connections' }])).toBe(false);
  });

  it('leaves a shortage of memory or a pool, or more demand, to the other readings', () => {
    expect(burnedByCode([...pinned, ownError, sig('memory', 0.8)])).toBe(false);
    expect(burnedByCode([...pinned, ownError, sig('saturation', 0.8)])).toBe(false);
    expect(burnedByCode([...pinned, ownError, sig('traffic_up', 0.8)])).toBe(false);
  });
});
