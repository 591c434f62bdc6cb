import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const min = 60_000;
const graph = mergeGraph({ 'orders-api': ['orders-db'], 'nightly-batch': ['orders-db'] });

const sig = (service: string, family: Signal['family'], ago: number, text: string, local = true, strength = 1): Signal => ({ service, family, strength, onsetMs: at - ago * min, evidenceId: `E_${service}_${family}_${ago}`, local, text });

/** orders-api times out on row locks in orders-db; the database logs sessions waiting on a lock; nightly-batch, the other writer, got into trouble `batchAgo` minutes before the alert. */
const evidence = (batchAgo: number, batch = 'nightly-batch started a run while the previous run was still active'): Signal[] => [
  sig('orders-api', 'log_error', 20, 'orders-api started logging error "canceling statement due to lock timeout"'),
  sig('orders-api', 'latency', 20, 'orders-api latency rose', false),
  sig('orders-db', 'log_error', 19, 'orders-db started logging warn "process <*> still waiting for ShareLock on transaction <*>"'),
  sig('nightly-batch', 'runtime_other', batchAgo, batch, true, 0.5),
];

describe('the sibling that held the lock', () => {
  it('is where lock timeouts on a shared store start, not the caller that waited or the store', () => {
    const profiles = profileServices(evidence(25), graph, frame);
    expect(profiles.get('orders-api')!.explainedBy).toBe('nightly-batch');
    expect(profiles.get('orders-db')!.explainedBy).toBe('nightly-batch');
    expect(profiles.get('nightly-batch')!.explainedBy).toBeUndefined();
    const batch = originScore(profiles.get('nightly-batch')!);
    expect(batch).toBeGreaterThan(originScore(profiles.get('orders-api')!));
    expect(batch).toBeGreaterThan(originScore(profiles.get('orders-db')!));
  });

  it('is not a sibling whose trouble began after the waits', () => {
    const profiles = profileServices(evidence(5), graph, frame);
    expect(profiles.get('orders-api')!.explainedBy).not.toBe('nightly-batch');
    expect(originScore(profiles.get('orders-db')!)).toBeGreaterThan(originScore(profiles.get('nightly-batch')!));
  });

  it('is not a sibling that waited on locks too: both are victims', () => {
    const profiles = profileServices(evidence(25, 'nightly-batch: Lock wait timeout exceeded; try restarting transaction'), graph, frame);
    expect(profiles.get('orders-api')!.explainedBy).not.toBe('nightly-batch');
  });

  it('leaves a store that ran short of its own as a root: its lock waits are part of it', () => {
    const short = [...evidence(25), sig('orders-db', 'saturation', 19, 'orders-db connections reached max_connections')];
    const profiles = profileServices(short, graph, frame);
    expect(profiles.get('orders-db')!.explainedBy).not.toBe('nightly-batch');
    expect(profiles.get('orders-api')!.explainedBy).not.toBe('nightly-batch');
  });
});

describe('a sibling with only a faint sign of its own', () => {
  it('is not taken for the holder', () => {
    const faint = evidence(25).map((s) => (s.service === 'nightly-batch' ? { ...s, strength: 0.15 } : s));
    expect(profileServices(faint, graph, frame).get('orders-api')!.explainedBy).not.toBe('nightly-batch');
  });
});
