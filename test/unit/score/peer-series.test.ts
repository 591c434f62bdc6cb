import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { peerSeriesSignals } from '../../../functions/score/core/peers.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-02T18:30:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ checkout: ['payments'], payments: ['stripe', 'risk', 'payments-db'] });

/** A client error ratio of `payments` with the given labels: 0.2% for 46 minutes, then 37% for the last 14. */
const clientErrors = (labels: Record<string, string>, id = 'METRIC_1'): Evidence =>
  ({
    class: 'metrics',
    id,
    service: 'payments',
    name: 'http.client.request.error_ratio',
    labels,
    startMs: at - 60 * min,
    stepMs: min,
    values: [...new Array<number>(46).fill(0.002), ...new Array<number>(14).fill(0.37)],
    link: { kind: 'none' },
  }) as unknown as Evidence;

const peerSignals = (labels: Record<string, string>) => {
  const series = clientErrors(labels);
  return peerSeriesSignals([series], metricSignals([series], frame), graph);
};

describe("a caller's client series labelled by the peer it called", () => {
  it('speaks against the callee the peer address names', () => {
    const [s, ...rest] = peerSignals({ 'server.address': 'api.stripe.com' });
    expect(rest).toHaveLength(0);
    expect(s).toMatchObject({ service: 'stripe', family: 'dependency_mention', evidenceId: 'METRIC_1', local: true });
    expect(s!.strength).toBeGreaterThan(0.5);
    expect(peerSignals({ destination_service: 'risk.payments.svc.cluster.local' })[0]?.service).toBe('risk');
  });

  it('says nothing of a peer that is not a callee, nor without a peer label', () => {
    expect(peerSignals({ 'server.address': 'api.example.com' })).toHaveLength(0);
    expect(peerSignals({ instance: 'stripe-exporter' })).toHaveLength(0);
    expect(peerSignals({})).toHaveLength(0);
  });

  it('makes the caller a victim of the third party it measured failing', () => {
    const series = clientErrors({ 'server.address': 'api.stripe.com' });
    const direct: Signal[] = [...metricSignals([series], frame), { service: 'payments', family: 'log_error', strength: 0.8, onsetMs: at - 15 * min, evidenceId: 'LOG_1', local: true, text: 'payments logged error "APIError: (Status <*>) api_error"' }];
    const profiles = profileServices([...direct, ...peerSeriesSignals([series], direct, graph)], graph, frame);
    expect(profiles.get('payments')!.explainedBy).toBe('stripe');
    expect(profileServices(direct, graph, frame).get('payments')!.explainedBy).toBeUndefined();
  });
});
