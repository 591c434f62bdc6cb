import { describe, expect, it } from 'vitest';
import type { Suspect } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Signal } from '../../../functions/score/core/types.js';

/*
 * A restart is recommended for exhaustion only when the service's own evidence shows
 * something its process holds that a restart gives back. A store refusing writes at its
 * memory cap is alive and full of data it keeps (more memory is its answer, `keeps-all.ts`); a restart that already happened shows
 * nothing about what another one would free.
 */
const at = Date.parse('2026-06-01T21:00:00Z');
const sig = (service: string, family: Signal['family'], evidenceId: string, text: string, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at, evidenceId, local: true, text, ...extra });
const exhausted = (service: string): Suspect => ({ service, kind: 'resource_exhaustion', score: 0.9, evidenceIds: ['LOG_1'], reasons: [] });

describe('restart for exhaustion', () => {
  it('is recommended when the process itself ran out of descriptors, citing its words', () => {
    const action = recommendAction(exhausted('gateway'), [sig('gateway', 'log_error', 'LOG_7', 'gateway logged error "accept4() failed (24: Too many open files)"', { hint: 'resource_exhaustion' })]);
    expect(action.kind).toBe('restart');
    expect(action.reason).toMatch(/Too many open files/);
    expect(action.evidenceIds).toContain('LOG_7');
  });

  it('is recommended when its heap ran out or the runtime killed it for its memory', () => {
    expect(recommendAction(exhausted('pricing'), [sig('pricing', 'exception', 'EXC_1', 'pricing threw OutOfMemoryError 40×: Java heap space')]).kind).toBe('restart');
    expect(recommendAction(exhausted('pricing'), [sig('pricing', 'runtime_leak', 'RUN_1', 'pricing was OOM-killed')]).kind).toBe('restart');
  });

  it('is not recommended for a store whose callers were told it is out of memory at its cap: more memory is', () => {
    const signals = [
      sig('sessions', 'memory', 'MET_1', 'sessions memory reached its limit (100 of 100, used_memory_percent)', { peakShare: 1 }),
      sig('sessions', 'dependency_mention', 'LOG_2', `login's calls into sessions fail there: login logged error "OOM command not allowed when used memory > 'maxmemory'"`, { hint: 'resource_exhaustion' }),
    ];
    const action = recommendAction(exhausted('sessions'), signals);
    expect(action.kind).toBe('scale_out');
    expect(action.reason).toMatch(/a restart would lose or reload the same data/);
  });

  it('is not recommended on a restart or crash alone, nor on out-of-memory words from a caller', () => {
    expect(recommendAction(exhausted('ledger-cache'), [sig('ledger-cache', 'runtime_crash', 'RUN_2', 'ledger-cache restarted: restarted by operator (primary unresponsive)')]).kind).toBe('none');
    expect(recommendAction(exhausted('catalog'), [sig('catalog', 'dependency_mention', 'LOG_3', 'web reports failures calling catalog: web logged error "catalog: java.lang.OutOfMemoryError"')]).kind).toBe('none');
  });

  it('is not recommended on a faint, long-standing report', () => {
    expect(recommendAction(exhausted('pricing'), [sig('pricing', 'exception', 'EXC_2', 'pricing threw OutOfMemoryError: Java heap space', { strength: 0.1 })]).kind).toBe('none');
  });
});
