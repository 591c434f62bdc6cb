import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-09-14T10:30:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ connector: ['queue'], parser: ['queue', 'payments'], payments: ['ledger'] });
const sig = (service: string, family: Signal['family'], strength: number, minutesBefore: number, text: string, local = true): Signal => ({ service, family, strength, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local, text: `${service} ${text}`, raw: text });

/** A parser crash-looping on one message: what it should post to payments stops. */
const parser: Signal[] = [sig('parser', 'log_error', 1, 14, 'logged fatal "java.nio.BufferOverflowException at RemittanceDecoder.decode"'), sig('parser', 'runtime_crash', 0.93, 14, 'is crash-looping (6×)')];

describe('a callee starved by its caller', () => {
  it('cannot explain that caller: it received less and says the caller sent nothing', () => {
    const payments = [sig('payments', 'traffic_down', 0.85, 13, 'request rate fell from 75 to 0.5', false), sig('payments', 'log_error', 0.72, 12, 'started logging error "no credits received from parser in <*>s"')];
    const profiles = profileServices([...parser, ...payments], graph, frame);
    expect(profiles.get('parser')!.explainedBy).toBeUndefined();
    expect(profiles.get('parser')!.rootness).toBe(1);
  });

  it('still explains a caller it names when it was not starved (a quota refusing that client)', () => {
    const payments = [sig('payments', 'errors', 1, 14, 'error rate rose', false), sig('payments', 'log_error', 1, 14.5, 'logged error "quota exceeded for client parser"')];
    expect(profileServices([...parser, ...payments], graph, frame).get('parser')!.explainedBy).toBe('payments');
  });
});
