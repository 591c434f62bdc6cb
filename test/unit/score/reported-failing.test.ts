import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ launcher: ['identity-broker'] });
const caller: Signal[] = [
  { service: 'launcher', family: 'errors', strength: 1, onsetMs: at - 10 * 60_000, evidenceId: 'M_err', local: false, text: 'launcher error rate rose' },
  { service: 'launcher', family: 'log_error', strength: 0.8, onsetMs: at - 10 * 60_000, evidenceId: 'L_err', local: true, text: 'launcher logged error "cannot assume role; job left pending"' },
  { service: 'launcher', family: 'exception', strength: 0.8, onsetMs: at - 10 * 60_000, evidenceId: 'E_err', local: true, text: 'launcher threw CredentialsError: role could not be assumed' },
];
const report = (hint: 'dependency_failure' | 'infrastructure', local = true): Signal => ({ service: 'identity-broker', family: 'platform_event', strength: 0.9, onsetMs: at - 11 * 60_000, evidenceId: 'A_health', local, hint, text: 'the platform reports identity-broker impaired: increased error rates' });

describe('a dependency the platform reports failing', () => {
  it("explains its caller's failures as its own failing requests would", () => {
    const profiles = profileServices([...caller, report('dependency_failure')], graph, frame);
    expect(profiles.get('launcher')!.explainedBy).toBe('identity-broker');
    expect(originScore(profiles.get('identity-broker')!)).toBeGreaterThan(originScore(profiles.get('launcher')!));
  });

  it('explains them only in part when the report is about what runs under it, not it failing', () => {
    const underIt = profileServices([...caller, report('infrastructure')], graph, frame);
    const failing = profileServices([...caller, report('dependency_failure')], graph, frame);
    expect(originScore(underIt.get('launcher')!)).toBeGreaterThan(originScore(failing.get('launcher')!));
  });
});
