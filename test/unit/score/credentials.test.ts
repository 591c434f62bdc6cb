import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], strength: number, raw?: string): Signal => ({ service, family, strength, onsetMs: at - 10 * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'errors', text: `${service} ${family}`, ...(raw ? { raw } : {}) });
const graph = mergeGraph({ gateway: ['partner-api'] });

const failing = (message: string) => [sig('gateway', 'errors', 1), sig('gateway', 'log_error', 1, message), sig('partner-api', 'error_origin', 1)];

describe('a peer refusing our own credentials', () => {
  it('puts the failures the peer\'s spans show on the caller whose certificate expired', () => {
    const profiles = profileServices(failing('POST https://api.partner.example/v1/payments: remote error: tls: expired certificate'), graph, frame);
    expect(originScore(profiles.get('gateway')!)).toBeGreaterThan(originScore(profiles.get('partner-api')!));
    expect(profiles.get('partner-api')!.explainedBy).toBe('gateway');
  });

  it('leaves a peer that failed on its own as the origin', () => {
    const profiles = profileServices(failing('POST https://api.partner.example/v1/payments: 503 Service Unavailable'), graph, frame);
    expect(originScore(profiles.get('partner-api')!)).toBeGreaterThan(originScore(profiles.get('gateway')!));
  });
});
