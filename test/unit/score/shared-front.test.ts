import { describe, expect, it } from 'vitest';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import { sharedFrontLinks } from '../../../functions/score/core/shared.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-13T19:00:00Z');
const fail = (service: string, minutesBefore: number): Signal => ({ service, family: 'errors', strength: 1, onsetMs: at - minutesBefore * 60_000, evidenceId: `METRIC_${service}`, local: false, text: `${service} error rate rose (Errors)` });
const graph = mergeGraph({ gateway: ['runtime'], runtime: ['checkout', 'resize', 'authorizer', 'mailer'], mailer: ['mail-api'] });
const observed = new Set(['gateway', 'checkout', 'resize', 'authorizer', 'mailer', 'mail-api']);
const all = [fail('checkout', 25), fail('resize', 25), fail('authorizer', 26), fail('mailer', 25)];

describe('every service behind a front we cannot see failing at once', () => {
  it('points at the front, with an edge from each service to it', () => {
    const { edges, signals } = sharedFrontLinks(all, graph, observed);
    expect(new Set(signals.map((s) => s.service))).toEqual(new Set(['runtime']));
    expect(signals).toHaveLength(4);
    expect(signals[0]).toMatchObject({ family: 'dependency_mention', local: true });
    expect(edges).toEqual({ authorizer: ['runtime'], checkout: ['runtime'], mailer: ['runtime'], resize: ['runtime'] });
  });

  it('does not when a callee stayed healthy, they failed far apart, one fails over a failing dependency, or the front has telemetry', () => {
    expect(sharedFrontLinks(all.slice(0, 3), graph, observed).signals).toEqual([]);
    expect(sharedFrontLinks([...all.slice(0, 3), fail('mailer', 50)], graph, observed).signals).toEqual([]);
    expect(sharedFrontLinks([...all, fail('mail-api', 26)], graph, observed).signals).toEqual([]);
    expect(sharedFrontLinks(all, graph, new Set([...observed, 'runtime'])).signals).toEqual([]);
  });

  it('needs three services failing: two callees of one caller failing together may be the caller sending them something bad', () => {
    const pair = mergeGraph({ runtime: ['checkout', 'resize'] });
    expect(sharedFrontLinks([fail('checkout', 25), fail('resize', 25)], pair, new Set(['checkout', 'resize'])).signals).toEqual([]);
  });
});

describe('services behind one front that fail over something else they share', () => {
  it('do not point at the front when two of them call one same dependency, or one names the dependency it fails on', () => {
    const common = mergeGraph({ runtime: ['checkout', 'resize', 'authorizer'], checkout: ['table'], resize: ['table'] });
    const three = [fail('checkout', 25), fail('resize', 25), fail('authorizer', 25)];
    expect(sharedFrontLinks(three, common, new Set(['checkout', 'resize', 'authorizer'])).signals).toEqual([]);
    const own = mergeGraph({ runtime: ['checkout', 'resize', 'authorizer'], checkout: ['orders-table'] });
    const named: Signal = { ...fail('checkout', 25), family: 'log_error', evidenceId: 'LOG_checkout', raw: 'PutItem on orders-table failed: InternalServerError' };
    expect(sharedFrontLinks([named, fail('resize', 25), fail('authorizer', 25)], own, new Set(['checkout', 'resize', 'authorizer'])).signals).toEqual([]);
    expect(sharedFrontLinks(three, own, new Set(['checkout', 'resize', 'authorizer'])).signals).toHaveLength(3);
  });
});
