import { describe, expect, it } from 'vitest';
import type { IdentifiedEvidence } from '../../../functions/contracts/index.js';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const stepMs = 60_000;
const frame = { alertAtMs, stepMs };
const series = (service: string, name: string, before: number, after: number): IdentifiedEvidence =>
  ({ id: `METRIC_${name}`, class: 'metrics', service, name, labels: {}, startMs: alertAtMs - 60 * stepMs, stepMs, values: Array.from({ length: 60 }, (_, i) => (i < 50 ? before * (1 + (i % 3) * 0.01) : after)) }) as IdentifiedEvidence;

describe('the network\'s own health in metrics', () => {
  it('reads dropped or lost packets, retransmits and a link\'s state as network health, and packets counted as traffic', () => {
    expect(['PacketDropCountNoRoute', 'node_netstat_Tcp_RetransSegs_rate', 'network_link_up', 'interface_packet_loss_ratio'].map((n) => metricFamily(n))).toEqual(['network', 'network', 'network', 'network']);
    expect(metricFamily('network_receive_packets_total')).toBe('traffic');
  });

  it('takes more drops or retransmits, and a link going down, as local trouble that speaks for infrastructure', () => {
    const signals = metricSignals([series('transit-gateway', 'PacketDropCountNoRoute', 10, 5000), series('hub', 'network_link_up', 1, 0)], frame);
    expect(signals.map((s) => [s.service, s.family, s.local])).toEqual([
      ['transit-gateway', 'network', true],
      ['hub', 'network', true],
    ]);
    const support = kindSupport(profileServices(signals, mergeGraph({ 'transit-gateway': [] }), frame).get('transit-gateway')!);
    expect([...support.keys()]).toEqual(['infrastructure']);
  });

  it('does not read a link coming back up, or fewer drops, as trouble', () => {
    expect(metricSignals([series('hub', 'network_link_up', 0, 1), series('tgw', 'PacketDropCountNoRoute', 5000, 10)], frame)).toEqual([]);
  });
});
