import { describe, expect, it } from 'vitest';
import { eventSignals } from '../../../functions/score/core/events.js';
import { logHint } from '../../../functions/score/core/logs.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };

describe('words only the platform writes: routing sessions and the power of the room', () => {
  it('reads a router\'s session and link lines as the platform, not code', () => {
    expect(logHint('%BGP-5-ADJCHANGE: neighbor 192.0.2.7 Down BGP Notification sent: Maximum Number of Prefixes Reached')).toBe('infrastructure');
    expect(logHint('OSPF adjacency with 10.0.3.1 on ae2 lost')).toBe('infrastructure');
    expect(logHint('confd: no route reflector nodes match selector; peerings withdrawn')).toBe('infrastructure');
    expect(logHint('interface Gi0/1 is down')).toBe('infrastructure');
  });

  it('reads a facility\'s power lines as the platform', () => {
    expect(logHint('dc1 PDU A/B input lost; UPS on battery, generator start failed')).toBe('infrastructure');
    expect(logHint('utility power lost at site 2')).toBe('infrastructure');
  });

  it('keeps reading ordinary application lines, and programming errors, as they were', () => {
    expect(logHint('neighbor list refreshed for user 42')).toBeUndefined();
    expect(logHint('payment declined: downstream status unknown')).toBeUndefined();
    expect(logHint('SMPP: failed to decode PDU from esme-3')).toBeUndefined();
    expect(logHint('sync paused: client device on battery saver')).toBeUndefined();
    expect(logHint('java.lang.IllegalStateException: link state is down for order 7')).toBe('code_defect');
  });
});

describe('failures that began when the room under the service lost power', () => {
  const graph = mergeGraph({ dashboard: ['control'] });
  const sig = (family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'control', family, strength: 0.9, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${family}_${minutesBefore}`, local: true, text: `control ${family}`, ...extra });
  const failing = (minutesBefore: number) => [sig('errors', minutesBefore), sig('error_origin', minutesBefore)];
  /** One fatal line: weak by its count, plain by its words. */
  const powerLine = (minutesBefore: number) => sig('log_error', minutesBefore, { strength: 0.2, evidenceId: 'LOG_power', raw: 'dc1 PDU A/B input lost; UPS on battery, generator start failed', hint: logHint('dc1 PDU A/B input lost; UPS on battery, generator start failed') });
  const kinds = (signals: Signal[]) => {
    const k = kindSupport(profileServices(signals, graph, frame).get('control')!);
    return { infrastructure: k.get('infrastructure')?.support ?? 0, defect: k.get('code_defect')?.support ?? 0, why: k.get('infrastructure')?.why };
  };

  it('reads requests that began to fail with the power loss as the platform under the service, not its code', () => {
    const s = kinds([powerLine(16), ...failing(16)]);
    expect(s.infrastructure).toBeGreaterThan(s.defect);
    expect(s.why).toMatch(/^control's requests began to fail 0 min after the platform under it failed/);
  });

  it('keeps the code\'s reading when the failures began well before the power loss', () => {
    const s = kinds([powerLine(10), ...failing(25)]);
    expect(s.defect).toBeGreaterThan(s.infrastructure);
  });
});

describe('runtime events that say the machine under the unit went away', () => {
  const runtime = (kind: string, message: string) => ({ id: 'RUNTIME_1', class: 'runtime', at: new Date(at - 60_000).toISOString(), service: 'db', kind, count: 1, message }) as unknown as Evidence;
  it('reads primaries unreachable, a rebooted host and lost power as the node lost', () => {
    expect(eventSignals([runtime('unhealthy', 'east primaries unreachable for 43s; west replicas promoted')], frame)[0]!.family).toBe('runtime_node');
    expect(eventSignals([runtime('restart', 'host rebooted')], frame)[0]!.family).toBe('runtime_node');
    expect(eventSignals([runtime('restart', 'instance powered off: utility power lost')], frame)[0]!.family).toBe('runtime_node');
  });

  it('keeps a unit\'s own failure as its own', () => {
    expect(eventSignals([runtime('restart', 'liveness probe failed')], frame)[0]!.family).toBe('runtime_crash');
    expect(eventSignals([runtime('unhealthy', 'readiness probe failed: upstream unreachable')], frame)[0]!.family).toBe('runtime_other');
  });
});
