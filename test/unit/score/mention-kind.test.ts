import { describe, expect, it } from 'vitest';
import { mentionSignals } from '../../../functions/score/core/logs.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ chat: ['auth'] });
const callerLog = (raw: string, hint?: Signal['hint']): Signal => ({ service: 'chat', family: 'log_error', strength: 0.9, onsetMs: at - 3 * 60_000, evidenceId: 'L_chat', local: true, text: `chat logged error "${raw}"`, raw, ...(hint ? { hint } : {}) });
const authFails: Signal = { service: 'auth', family: 'error_origin', strength: 0.8, onsetMs: at - 3 * 60_000, evidenceId: 'T_auth', local: true, text: 'failing spans start in auth' };

describe('what a caller says failed about its peer', () => {
  it('carries the kind the caller named to the peer it named', () => {
    const [m] = mentionSignals([callerLog('token exchange failed: certificate has expired host=auth.internal', 'infrastructure')], graph);
    expect(m).toMatchObject({ service: 'auth', family: 'dependency_mention', hint: 'infrastructure' });
  });

  it('reads a peer whose callers say its certificate expired as infrastructure, not a defect', () => {
    const signals = [authFails, ...mentionSignals([callerLog('token exchange failed: certificate has expired host=auth.internal', 'infrastructure')], graph)];
    const support = kindSupport(profileServices(signals, graph, frame).get('auth')!);
    expect(support.get('infrastructure')?.support ?? 0).toBeGreaterThan(support.get('code_defect')?.support ?? 0);
  });

  it('names no kind for the peer when the caller only says the call failed', () => {
    const [m] = mentionSignals([callerLog('token exchange failed host=auth.internal status=500')], graph);
    expect(m?.hint).toBeUndefined();
  });
});
