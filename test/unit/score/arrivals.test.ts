import { describe, expect, it } from 'vitest';
import { metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import type { Evidence } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-11-03T21:20:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 5 * min };
const noise = (i: number) => 1 + (((i * 37) % 11) - 5) / 100;

describe('work that arrives, counted as it comes in', () => {
  it('reads events, records or orders received or incoming as demand, and bytes, packets or routes received as no demand', () => {
    expect(metricFamily('EventsReceived')).toBe('traffic');
    expect(metricFamily('IncomingRecords')).toBe('traffic');
    expect(metricFamily('orders_received_per_minute')).toBe('traffic');
    expect(metricFamily('node_network_received_bytes')).not.toBe('traffic');
    expect(metricFamily('bgp_prefixes_received')).not.toBe('traffic');
    expect(metricFamily('frames_received_per_second')).not.toBe('traffic');
    expect(metricFamily('ApproximateNumberOfMessagesVisible')).not.toBe('traffic');
  });

  it('reads a flood of events received as demand rising', () => {
    const values = Array.from({ length: 24 }, (_, i) => Math.round((i < 18 ? 65_000 : 930_000) * noise(i)));
    const series = { class: 'metrics', id: 'M_events', service: 'intake', name: 'EventsReceived', labels: {}, startMs: at - 23 * 5 * min, stepMs: 5 * min, values, link: { kind: 'none' } } as unknown as Evidence;
    expect(metricSignals([series], frame)).toContainEqual(expect.objectContaining({ service: 'intake', family: 'traffic_up' }));
  });
});
