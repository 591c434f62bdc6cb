import { describe, expect, it } from 'vitest';
import { distinctiveWords, mentionSignals, namesPeer, oneWitnessEach, withPeersNamed } from '../../../functions/score/core/logs.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-04T14:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };

/** A shop's quoting service calls three carriers' rate APIs and a cache of their rates. */
const graph = mergeGraph({ quotes: ['shipper'], shipper: ['harbor-rates', 'tideway-rates', 'parcel-rates', 'rates-cache'] });

const line = (service: string, raw: string, id: string, offsetMin = -10, hint?: Signal['hint']): Signal => ({
  service,
  family: 'log_error',
  strength: 0.9,
  onsetMs: at + offsetMin * min,
  evidenceId: id,
  local: true,
  text: `${service} logged error "${raw}"`,
  raw,
  ...(hint ? { hint } : {}),
});

describe('a callee named by the word of its name that no other service has', () => {
  const names = ['quotes', 'shipper', 'harbor-rates', 'tideway-rates', 'parcel-rates', 'rates-cache'];

  it('finds the words that tell a service apart, not the ones its neighbours share or every system uses', () => {
    expect(distinctiveWords('harbor-rates', names)).toEqual(['harbor']);
    expect(distinctiveWords('rates-cache', names)).toEqual(['cache']);
    expect(distinctiveWords('user-service', ['user-service', 'user-db', 'cart-service'])).toEqual([]);
    expect(distinctiveWords('orders-api', ['orders-api', 'cart-api'])).toEqual(['orders']);
    expect(distinctiveWords('host-agent', ['host-agent', 'guest-agent'])).toEqual([]);
  });

  it('is named by that word as a word of the line, not inside a key or an identifier', () => {
    expect(namesPeer('harbor response decode failed: expected number at $.rates[0].amount', 'harbor-rates', names, 'shipper')).toBe(true);
    expect(namesPeer('quote took 900ms carrier=harbor_v2', 'harbor-rates', names, 'shipper')).toBe(false);
    expect(namesPeer('HarborClient.fetch() failed', 'harbor-rates', names, 'shipper')).toBe(false);
    expect(namesPeer('rates response decode failed', 'harbor-rates', names, 'shipper')).toBe(false);
  });

  it('names only a callee we see through its callers: a service of ours goes by its full name, and a word of it may be an entity its code handles', () => {
    const routes = line('shipper', 'Get Harbor By Ids Failed', 'L1');
    expect(mentionSignals([routes], graph, new Set(['shipper', 'harbor-rates']))).toEqual([]);
    expect(mentionSignals([routes], graph, new Set(['shipper'])).map((m) => m.service)).toEqual(['harbor-rates']);
  });

  it('becomes a mention of that callee, and of no other', () => {
    const mentions = mentionSignals([line('shipper', 'harbor response decode failed: expected number, got object (HTTP 200)', 'L1')], graph);
    expect(mentions.map((m) => m.service)).toEqual(['harbor-rates']);
    expect(mentions[0]).toMatchObject({ family: 'dependency_mention', namedBy: 'shipper' });
  });

  it('reads what failed with the callee name set aside: a service called for quotas is no quota that ran out', () => {
    const quotaGraph = mergeGraph({ gateway: ['quota-control', 'compute-api'] });
    const raw = 'quota check failed: rpc error: connection refused';
    const [m] = mentionSignals([line('gateway', raw, 'L1', -10, 'resource_exhaustion')], quotaGraph);
    expect(m?.service).toBe('quota-control');
    expect(m?.hint).toBeUndefined();
  });
});

describe('a caller naming the same callee in several templates', () => {
  it('is one witness: counted once, at its strongest, from its first line', () => {
    const mentions = mentionSignals([line('shipper', 'harbor-rates returned 502', 'L1', -12), line('shipper', 'giving up on harbor-rates after 3 retries', 'L2', -6)], graph);
    expect(mentions).toHaveLength(2);
    const [one] = oneWitnessEach(mentions);
    expect(oneWitnessEach(mentions)).toHaveLength(1);
    expect(one).toMatchObject({ service: 'harbor-rates', onsetMs: at - 12 * min });
  });
});

describe('an error line that names the callee it met failing', () => {
  const decode = line('shipper', 'harbor response decode failed: expected number at $.rates[0].amount, got object (HTTP 200)', 'L1');
  const spans: Signal = { service: 'shipper', family: 'errors', strength: 0.8, onsetMs: at - 10 * min, evidenceId: 'M1', local: false, text: 'shipper error rate rose' };

  /** We see the carrier only through the shipper's calls; the shipper and its callers have telemetry. */
  const observed = new Set(['quotes', 'shipper']);

  it('is marked as about that callee', () => {
    const mentions = mentionSignals([decode], graph);
    const [marked] = withPeersNamed([decode], mentions, observed);
    expect(marked?.aboutPeer).toBe('harbor-rates');
    expect(withPeersNamed([line('shipper', 'NullPointerException in QuoteMapper', 'L2')], mentions, observed)[0]?.aboutPeer).toBeUndefined();
  });

  it('stays the caller’s own when the callee is one we observe failing nothing itself (a client timeout the caller set too low)', () => {
    const timeout = line('shipper', 'harbor-rates quote unavailable (timeout after 150ms)', 'L3');
    const mentions = mentionSignals([timeout], graph);
    const seen = new Set([...observed, 'harbor-rates']);
    expect(withPeersNamed([timeout], mentions, seen)[0]?.aboutPeer).toBeUndefined();
    const harborFails: Signal = { service: 'harbor-rates', family: 'error_origin', strength: 0.8, onsetMs: at - 10 * min, evidenceId: 'T1', local: true, text: 'failing spans start in harbor-rates' };
    expect(withPeersNamed([timeout, harborFails], mentions, seen)[0]?.aboutPeer).toBe('harbor-rates');
  });

  it('is no evidence of a fault in the caller’s own code', () => {
    const mentions = mentionSignals([decode], graph);
    const marked = [...withPeersNamed([decode, spans], mentions, observed), ...mentions];
    const unmarked = [decode, spans, ...mentions];
    const caller = (signals: Signal[]) => profileServices(signals, graph, frame).get('shipper')!;
    expect(originScore(caller(marked))).toBeLessThan(originScore(caller(unmarked)));
    expect(kindSupport(caller(marked)).get('code_defect')?.support ?? 0).toBeLessThan(kindSupport(caller(unmarked)).get('code_defect')!.support);
    expect(originScore(profileServices(marked, graph, frame).get('harbor-rates')!)).toBeGreaterThan(0);
  });
});
