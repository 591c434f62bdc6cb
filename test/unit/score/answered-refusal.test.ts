import { describe, expect, it } from 'vitest';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const graph = mergeGraph({ statements: ['periods'] });
const onset = at - 20 * 60_000;
const caller: Signal[] = [
  { service: 'statements', family: 'errors', strength: 1, onsetMs: onset, evidenceId: 'M_st', local: false, text: 'statements error rate rose' },
  { service: 'statements', family: 'exception', strength: 1, onsetMs: onset, evidenceId: 'E_st', local: true, text: 'statements threw StatementException: no period for key 2027-12' },
];
const callee = (raw: string): Signal[] => [
  { service: 'periods', family: 'errors', strength: 1, onsetMs: onset, evidenceId: 'M_pe', local: false, text: 'periods error rate rose' },
  { service: 'periods', family: 'error_origin', strength: 0.9, onsetMs: onset + 60_000, evidenceId: 'T_pe', local: true, text: '12 failing spans start in periods' },
  { service: 'periods', family: 'log_error', strength: 1, onsetMs: onset, evidenceId: 'L_pe', local: true, text: 'periods started logging warn "GET /v1/periods/<*> -> <*>"', raw },
];

describe('a callee that answered requests refused for what they asked', () => {
  it("puts its failures on the caller that asked: a 404 for a key that does not exist is the caller's", () => {
    const profiles = profileServices([...caller, ...callee('GET /v1/periods/<*> -> <*> period not found\nGET /v1/periods/2027-12 -> 404 period not found')], graph, frame);
    expect(profiles.get('periods')!.explainedBy).toBe('statements');
    expect(originScore(profiles.get('statements')!)).toBeGreaterThan(originScore(profiles.get('periods')!));
  });

  it('keeps a callee that answered a server error as the origin of its failures', () => {
    const profiles = profileServices([...caller, ...callee('GET /v1/periods/<*> -> <*> lookup failed\nGET /v1/periods/2027-12 -> 500 lookup failed')], graph, frame);
    expect(originScore(profiles.get('periods')!)).toBeGreaterThan(originScore(profiles.get('statements')!));
  });

  it('leaves a throttled answer (429) to the callee that ran short', () => {
    const profiles = profileServices([...caller, ...callee('GET /v1/periods/<*> -> <*>\nGET /v1/periods/2027-12 -> 429 slow down')], graph, frame);
    expect(originScore(profiles.get('periods')!)).toBeGreaterThan(originScore(profiles.get('statements')!));
  });
});
