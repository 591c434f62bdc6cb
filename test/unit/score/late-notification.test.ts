import { describe, expect, it } from 'vitest';
import { lookbackFor } from '../../../functions/score/core/index.js';
import { logSignals, mentionSignals } from '../../../functions/score/core/logs.js';
import { ONSET_LOOKBACK_MS } from '../../../functions/score/core/onset.js';
import { mergeGraph, onsetSeenBy, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;

describe('a notification that came long after the alert began', () => {
  it('looks back from the alert start, not from the notification', () => {
    expect(lookbackFor(at, at - 4 * 60 * min)).toBe(4 * 60 * min + ONSET_LOOKBACK_MS);
  });

  it('keeps the usual look-back for a notification within a look-back of the start', () => {
    expect(lookbackFor(at, at - min)).toBe(ONSET_LOOKBACK_MS);
    expect(lookbackFor(at, at)).toBe(ONSET_LOOKBACK_MS);
  });

  it('sees an error the reference never had that began hours before a repeat notification', () => {
    const stepMs = 90_000;
    const startMs = at - 6 * 60 * min;
    const counts: number[] = Array.from({ length: 240 }, (_, i) => (startMs + i * stepMs >= at - 4 * 60 * min ? 3 : 0));
    const pattern = { id: 'LOG_1', class: 'logs', service: 'db', level: 'error', template: "The table 'items' is full", count: counts.reduce((a, b) => a + b, 0), firstSeen: new Date(at - 4 * 60 * min).toISOString(), lastSeen: new Date(at).toISOString(), startMs, stepMs, counts, exemplars: [], reference: { count: 0, perMinute: 0 } } as unknown as Evidence;
    const usual = logSignals([pattern], { alertAtMs: at, stepMs: min });
    const stretched = logSignals([pattern], { alertAtMs: at, stepMs: min, lookbackMs: lookbackFor(at, at - 4 * 60 * min) });
    expect(usual.filter((s) => s.service === 'db')).toHaveLength(0);
    expect(stretched.find((s) => s.service === 'db')?.family).toBe('log_error');
  });
});

describe('when a dependency began to fail, as its caller saw it', () => {
  const graph = mergeGraph({ sender: ['sms'] });
  const frame = { alertAtMs: at, stepMs: min };
  const callerLog: Signal = { service: 'sender', family: 'log_error', strength: 1, onsetMs: at - 10 * min, evidenceId: 'L_1', local: true, text: 'sender started logging error "sms: POST /messages -> HTTP 500"', raw: 'sms: POST /messages -> HTTP 500' };
  const callerErrors: Signal = { service: 'sender', family: 'errors', strength: 1, onsetMs: at - 10 * min, evidenceId: 'M_1', local: false, text: 'sender error rate rose' };
  const smsFailing: Signal = { service: 'sms', family: 'error_origin', strength: 1, onsetMs: at - 5 * min, evidenceId: 'T_1', local: true, text: 'failing spans start in sms' };
  const smsSlower: Signal = { ...smsFailing, family: 'self_time', evidenceId: 'T_2', text: 'sms own work got slower' };
  const smsSpans = [smsFailing, smsSlower];

  it('dates the dependency by the first caller error that names it, when sampled spans caught it later', () => {
    const profiles = profileServices([callerLog, callerErrors, ...smsSpans, ...mentionSignals([callerLog], graph)], graph, frame);
    expect(profiles.get('sms')?.onsetMs).toBe(at - 5 * min);
    expect(onsetSeenBy(profiles.get('sms')!, profiles.get('sender')!)).toBe(at - 10 * min);
    expect(profiles.get('sender')?.explainedBy).toBe('sms');
  });

  it('leaves a caller whose errors never name the dependency unexplained by a later dependency', () => {
    const quiet = { ...callerLog, raw: 'POST /messages failed', text: 'sender started logging error "POST /messages failed"' };
    const profiles = profileServices([quiet, callerErrors, ...smsSpans, ...mentionSignals([quiet], graph)], graph, frame);
    expect(profiles.get('sender')?.explainedBy).toBeUndefined();
  });
});

describe('what is not a mention of a dependency', () => {
  const graph = mergeGraph({ mailer: ['ses'] });
  const log = (raw: string, hint?: Signal['hint']): Signal => ({ service: 'mailer', family: 'exception', strength: 1, onsetMs: at, evidenceId: 'E_1', local: true, text: raw, raw, ...(hint ? { hint } : {}) });

  it('skips a name inside an identifier', () => {
    expect(mentionSignals([log("Failure: missing setting 'SES_CONFIGURATION_SET'")], graph)).toHaveLength(0);
  });

  it('skips a programming error, whatever it names', () => {
    expect(mentionSignals([log("KeyError: 'ses'", 'code_defect')], graph)).toHaveLength(0);
  });

  it('still reads an error about the dependency as a mention of it', () => {
    expect(mentionSignals([log('ses: SendEmail failed with 503')], graph)).toHaveLength(1);
  });
});
