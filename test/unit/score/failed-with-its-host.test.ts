import { describe, expect, it } from 'vitest';
import { eventSignals } from '../../../functions/score/core/events.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ api: ['ledger-db'] });
const sig = (family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'ledger-db', family, strength: 0.9, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${family}_${minutesBefore}`, local: true, text: `ledger-db ${family}`, ...extra });
const runtime = (minutesBefore: number, kind: string, message: string) => ({ id: `RUNTIME_${minutesBefore}`, class: 'runtime', at: new Date(at - minutesBefore * 60_000).toISOString(), service: 'ledger-db', kind, count: 1, message }) as unknown as Evidence;

/** The database's own failures: its error rate, failing spans that start in it, an error line it had never logged. */
const failing = (minutesBefore: number) => [sig('errors', minutesBefore), sig('error_origin', minutesBefore), sig('log_error', minutesBefore)];
const kinds = (signals: Signal[]) => {
  const k = kindSupport(profileServices(signals, graph, frame).get('ledger-db')!);
  return { infrastructure: k.get('infrastructure')?.support ?? 0, defect: k.get('code_defect')?.support ?? 0 };
};
const hostLost = (minutesBefore: number) => eventSignals([runtime(minutesBefore, 'unhealthy', 'ledger-db-0 (leader) host unreachable: hypervisor failure')], frame);

describe('failures that began with the loss of the service\'s own host', () => {
  it('reads a runtime event saying the host under a unit failed as the node lost, whatever kind reported it', () => {
    expect(hostLost(15)[0]).toMatchObject({ family: 'runtime_node', service: 'ledger-db' });
    expect(eventSignals([runtime(15, 'restart', 'ledger-db-0 failed its instance status check; replaced')], frame)[0]!.family).toBe('runtime_node');
    expect(eventSignals([runtime(15, 'unhealthy', 'ledger-db-0 readiness probe failed: HTTP 503')], frame)[0]!.family).toBe('runtime_other');
  });

  it('reads failures that began minutes after the host was lost as the platform under the service, not its code', () => {
    const s = kinds([...hostLost(15), ...failing(13)]);
    expect(s.infrastructure).toBeGreaterThan(s.defect * 1.2);
    const why = kindSupport(profileServices([...hostLost(15), ...failing(13)], graph, frame).get('ledger-db')!).get('infrastructure')!.why;
    expect(why).toBe('ledger-db\'s requests began to fail 2 min after the platform under it failed (ledger-db lost the host under it: ledger-db-0 (leader) host unreachable: hypervisor failure): the host, not its code');
  });

  it('keeps the code\'s reading when the failures began before the host was lost, long after it, or a resource ran short meanwhile', () => {
    const before = kinds([...hostLost(15), ...failing(25)]);
    expect(before.defect).toBeGreaterThan(before.infrastructure);
    const longAfter = kinds([...eventSignals([runtime(55, 'unhealthy', 'ledger-db-0 host unreachable: hypervisor failure')], frame), ...failing(10)]);
    expect(longAfter.defect).toBeGreaterThan(longAfter.infrastructure);
    const short = kinds([...hostLost(15), ...failing(13), sig('memory', 14, { peakShare: 1 })]);
    expect(short.defect).toBeGreaterThan(short.infrastructure);
  });
});
