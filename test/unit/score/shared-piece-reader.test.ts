import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-04T09:40:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
/** A producer and a consumer of one topic: neither calls the other. */
const graph = mergeGraph({ shop: ['producer'], producer: ['events', 'payments'], consumer: ['events', 'stock'] });
const observed = new Set(['shop', 'producer', 'payments', 'consumer', 'stock', 'events']);

/** The consumer's own trouble: a parse exception first thrown `minutesBefore` the alert, then its backlog. */
const consumerTrouble = (minutesBefore: number): Signal[] => [
  { service: 'consumer', family: 'exception', strength: 0.9, onsetMs: at - minutesBefore * min, evidenceId: 'X_consumer', local: true, text: 'consumer threw MismatchedInputException: cannot build Address from a string' },
  { service: 'consumer', family: 'log_error', strength: 0.8, onsetMs: at - minutesBefore * min, evidenceId: 'L_consumer', local: true, text: 'consumer logged error "Failed to deserialize record"' },
  { service: 'consumer', family: 'saturation', strength: 0.9, onsetMs: at - (minutesBefore - 2) * min, evidenceId: 'M_consumer_lag', local: true, text: 'consumer lag rose' },
];
/** The shared piece's own trouble from `minutesBefore` the alert: units of it lost. */
const pieceTrouble = (minutesBefore: number): Signal => ({ service: 'events', family: 'units_lost', strength: 0.95, onsetMs: at - minutesBefore * min, evidenceId: 'M_events_units', local: true, text: 'events brokers lost' });
const change = (service: string, minutesBefore: number, summary: string) => ({ id: `CHANGE_${service}_${minutesBefore}`, class: 'changes', service, kind: 'deployment', at: new Date(at - minutesBefore * min).toISOString(), summary, link: { kind: 'none' } }) as unknown as Evidence;
const release = change('producer', 21, 'producer 3.2.0: event schema v5');

const attribute = (signals: Signal[], changes: Evidence[]) => {
  const profiles = profileServices(signals, graph, frame);
  const attributions = attributeChanges(changes, profiles, graph, frame, { ms: Math.min(...signals.map((s) => s.onsetMs)), stepMs: 0 }, observed);
  return { profiles, attributions };
};

describe('a change that reaches a service through a piece both use', () => {
  it("blames the producer's release for the consumer whose new failures began at it", () => {
    const { profiles, attributions } = attribute(consumerTrouble(20), [release]);
    const a = attributions.find((x) => x.change.service === 'producer')!;
    expect(a.redHerring).toBe(false);
    expect(a.explains).toBe('consumer');
    expect(a.reason).toContain('events');
    expect(rankSuspects(profiles, attributions, observed)[0]).toMatchObject({ service: 'producer', kind: 'deployment' });
  });

  it('does not when the consumer began failing well after the change', () => {
    const { attributions } = attribute(consumerTrouble(12), [release]);
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });

  it('does not when the consumer changed itself just before its failures', () => {
    const { attributions } = attribute(consumerTrouble(20), [release, change('consumer', 25, 'consumer 1.9.2: new client')]);
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });

  it('does not when the consumer shares nothing with the changed service', () => {
    const { attributions } = attribute(consumerTrouble(20), [change('payments', 21, 'payments 2.0.0')]);
    expect(attributions.find((x) => x.change.service === 'payments')!.explains).toBeUndefined();
  });

  it('does not when the service ran out of its own memory meanwhile', () => {
    const oom: Signal = { service: 'consumer', family: 'runtime_leak', strength: 0.9, onsetMs: at - 19 * min, evidenceId: 'R_consumer_oom', local: true, text: 'consumer was OOM-killed' };
    const { attributions } = attribute([...consumerTrouble(20), oom], [release]);
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });

  it('still blames the change when the shared piece went wrong at it', () => {
    const { profiles, attributions } = attribute([pieceTrouble(21), ...consumerTrouble(20)], [release]);
    expect(profiles.get('consumer')!.explainedBy).toBe('events');
    expect(attributions.find((x) => x.change.service === 'producer')!.redHerring).toBe(false);
    expect(rankSuspects(profiles, attributions, observed)[0]).toMatchObject({ service: 'producer', kind: 'deployment' });
  });

  it('does not when the shared piece was already failing before the change', () => {
    const { profiles, attributions } = attribute([pieceTrouble(30), ...consumerTrouble(20)], [release]);
    expect(profiles.get('consumer')!.explainedBy).toBe('events');
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });

  it('blames the change when the shared piece only restarted well before it and the consumer rode that out', () => {
    const restart: Signal = { service: 'events', family: 'runtime_crash', strength: 0.5, onsetMs: at - 35 * min, evidenceId: 'R_events_restart', local: true, text: 'events restarted: broker 3 restarted' };
    const { profiles, attributions } = attribute([restart, ...consumerTrouble(20)], [release]);
    expect(profiles.get('consumer')!.explainedBy).toBe('events');
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBe('consumer');
    expect(rankSuspects(profiles, attributions, observed)[0]).toMatchObject({ service: 'producer', kind: 'deployment' });
  });

  it('does not when the restart came within the time a change is carried of the failures', () => {
    const restart: Signal = { service: 'events', family: 'runtime_crash', strength: 0.5, onsetMs: at - 24 * min, evidenceId: 'R_events_restart', local: true, text: 'events restarted: broker 3 restarted' };
    const { profiles, attributions } = attribute([restart, ...consumerTrouble(20)], [release]);
    expect(profiles.get('consumer')!.explainedBy).toBe('events');
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });

  it("does not when the consumer's own demand rose before its failures", () => {
    const rush: Signal = { service: 'consumer', family: 'traffic_up', strength: 0.9, onsetMs: at - 22 * min, evidenceId: 'M_consumer_rate', local: true, text: 'consumer request rate rose' };
    const { attributions } = attribute([rush, ...consumerTrouble(20)], [release]);
    expect(attributions.find((x) => x.change.service === 'producer')!.explains).toBeUndefined();
  });
});
