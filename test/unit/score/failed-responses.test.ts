import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { countsFailedResponses, metricFamily, metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-07-08T11:18:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };

/** A caller's count of calls into `inventory` with one response code: nothing for 49 minutes, then 20 a second for the last 11. */
const calls = (code: string, id = 'METRIC_1'): Evidence =>
  ({
    class: 'metrics',
    id,
    service: 'checkout',
    name: 'istio_requests:rate1m',
    labels: { reporter: 'source', destination_service: 'inventory.shop.svc.cluster.local', response_code: code },
    startMs: at - 60 * min,
    stepMs: min,
    values: [...new Array<number>(49).fill(0), ...new Array<number>(11).fill(20)],
    link: { kind: 'none' },
  }) as unknown as Evidence;

describe('a request series whose status label says every response failed', () => {
  it('is a failure rate, whatever the series is called', () => {
    expect(countsFailedResponses({ response_code: '503' })).toBe(true);
    expect(countsFailedResponses({ 'http.response.status_code': '500' })).toBe(true);
    expect(countsFailedResponses({ code: '502' })).toBe(true);
    expect(countsFailedResponses({ response_code: '200' })).toBe(false);
    expect(countsFailedResponses({ instance: '503' })).toBe(false);
    expect(metricFamily('istio_requests:rate1m', '', { response_code: '503' })).toBe('errors');
    expect(metricFamily('istio_requests:rate1m', '', { response_code: '200' })).toBe('traffic');
    expect(metricFamily('istio_requests:rate1m')).toBe('traffic');
  });

  it('counts requests refused with a 4xx (denied by a policy, throttled) as failures too, not as demand', () => {
    expect(countsFailedResponses({ bucket: 'assets', operation: 'GetObject', status: '403' })).toBe(true);
    expect(countsFailedResponses({ response_code: '429' })).toBe(true);
    expect(countsFailedResponses({ status: '204' })).toBe(false);
    expect(metricFamily('s3_client_requests:rate1m', 'req/s', { status: '403' })).toBe('errors');
    expect(metricSignals([calls('403')], frame).map((s) => s.family)).toEqual(['errors']);
  });

  it('reads as the caller failing, not as demand on the caller', () => {
    const failed = metricSignals([calls('503')], frame);
    expect(failed.map((s) => s.family)).toEqual(['errors']);
    expect(metricSignals([calls('200')], frame).map((s) => s.family)).toEqual(['traffic_up']);
  });

  it('leaves the caller a victim of a change on the callee it fails on, over its own older deploy', () => {
    const graph = mergeGraph({ storefront: ['checkout'], checkout: ['inventory'] });
    const observed = new Set(['storefront', 'checkout', 'inventory']);
    const overflow = 'reserve stock failed: 503 upstream connect error, reset reason: overflow (outbound|8080||inventory.shop.svc.cluster.local)';
    const named: Signal[] = [
      { service: 'checkout', family: 'log_error', strength: 0.9, onsetMs: at - 11 * min, evidenceId: 'LOG_1', local: true, text: `checkout logged error "${overflow}"`, raw: overflow },
      { service: 'inventory', family: 'dependency_mention', strength: 0.63, onsetMs: at - 11 * min, evidenceId: 'LOG_1', local: true, text: `checkout reports failures calling inventory: ${overflow}` },
    ];
    const changes = [
      { id: 'CHANGE_1', class: 'changes', service: 'inventory', kind: 'config', at: new Date(at - 12 * min).toISOString(), summary: 'DestinationRule inventory: connectionPool.http.http1MaxPendingRequests 1' },
      { id: 'CHANGE_2', class: 'changes', service: 'checkout', kind: 'deployment', at: new Date(at - 34 * min).toISOString(), summary: 'checkout 4.18.2: delivery estimate on review step' },
    ] as unknown as Evidence[];
    const attribute = (code: string) => {
      const signals = [...metricSignals([calls(code)], frame), ...named];
      return attributeChanges(changes, profileServices(signals, graph, frame), graph, frame, { ms: at - 11 * min, stepMs: min }, observed).find((a) => a.change.id === 'CHANGE_1')!;
    };
    expect(attribute('503').explains).toBe('checkout');
    expect(attribute('503').score).toBeGreaterThan(0.5);
    expect(attribute('200').explains).toBeUndefined();
  });
});
