import { describe, expect, it } from 'vitest';
import type { IdentifiedEvidence, LogPattern } from '../../../functions/contracts/index.js';
import { logHint, logSignals } from '../../../functions/score/core/logs.js';

const alertAtMs = Date.parse('2026-06-01T09:00:00Z');
const stepMs = 30_000;
const startMs = alertAtMs - 60 * 60_000;

function pattern(id: string, level: LogPattern['level'], counts: number[]): IdentifiedEvidence {
  return { id, class: 'logs', service: 'api', level, template: `${id} happened`, count: counts.reduce((a, b) => a + b, 0), firstSeen: new Date(startMs).toISOString(), lastSeen: new Date(alertAtMs).toISOString(), startMs, stepMs, counts, exemplars: [] } as IdentifiedEvidence;
}

describe('log signals', () => {
  const steps = 130;
  const constant = Array.from({ length: steps }, (_, i) => (i % 2 === 0 ? 3 : 2));
  const fresh = Array.from({ length: steps }, (_, i) => (i >= 110 && i < 120 ? 6 : 0));
  const stopped = Array.from({ length: steps }, (_, i) => (i < 110 ? 4 : 0));

  it('does not treat a constant background error template as news', () => {
    const signals = logSignals([pattern('LOG_1', 'error', constant)], { alertAtMs, stepMs });
    expect(signals).toEqual([]);
  });

  it('flags a new error template with its onset', () => {
    const [s] = logSignals([pattern('LOG_1', 'error', constant), pattern('LOG_2', 'error', fresh)], { alertAtMs, stepMs });
    expect(s).toMatchObject({ evidenceId: 'LOG_2', family: 'log_error', onsetMs: startMs + 110 * stepMs });
  });

  it('flags a template that stopped appearing', () => {
    const signals = logSignals([pattern('LOG_1', 'info', stopped), pattern('LOG_2', 'info', constant)], { alertAtMs, stepMs });
    expect(signals.map((s) => [s.evidenceId, s.family])).toEqual([['LOG_1', 'log_vanished']]);
  });
});

describe('novel error templates', () => {
  it('trusts an error template the service had never logged more than its short-window rate change says', () => {
    const short = 8;
    const steady = Array.from({ length: short }, () => 3);
    const fresh = [0, 0, 0, 5, 6, 5, 4, 0];
    const patterns = [pattern('LOG_1', 'info', steady), pattern('LOG_2', 'error', fresh)].map((p) => ({ ...p, startMs: alertAtMs - short * stepMs }));
    const [s] = logSignals(patterns, { alertAtMs, stepMs }).filter((x) => x.family === 'log_error');
    expect(s!.strength).toBeGreaterThan(0.6);
  });

  it('needs only one step of the service logging without it, as a capture that starts just before the fault holds', () => {
    const short = 8;
    const steady = Array.from({ length: short }, () => 3);
    const fresh = [0, 0, 6, 5, 6, 5, 4, 0];
    const patterns = [pattern('LOG_1', 'info', [0, ...steady.slice(1)]), pattern('LOG_2', 'error', fresh)].map((p) => ({ ...p, startMs: alertAtMs - short * stepMs }));
    const [s] = logSignals(patterns, { alertAtMs, stepMs }).filter((x) => x.family === 'log_error');
    expect(s!.strength).toBeGreaterThan(0.6);
  });
});

describe('the failure a log line names', () => {
  it('reads name resolution failures in the words of Go, Node and Java resolvers as infrastructure', () => {
    for (const line of [
      'dial tcp: lookup orders.prod.svc.cluster.local on 10.96.0.10:53: i/o timeout',
      'Put "https://vault:8200/v1/auth": dial tcp: lookup vault.platform.svc.cluster.local: i/o timeout',
      'getaddrinfo EAI_AGAIN users.prod.svc.cluster.local',
      'getaddrinfo ENOTFOUND api.stripe.com',
      'java.net.UnknownHostException: ts-order-service',
    ]) {
      expect(logHint(line), line).toBe('infrastructure');
    }
  });

  it('does not read an ordinary lookup miss as the platform', () => {
    expect(logHint('lookup of user 42 failed: not found')).toBeUndefined();
    expect(logHint('cache lookup miss for key cart:17')).toBeUndefined();
  });
});

describe('warnings that come with more work', () => {
  const short = 8;
  const at = (counts: number[]) => ({ startMs: alertAtMs - short * stepMs, counts });
  const steadyWarn = { ...pattern('LOG_0', 'warn', [1, 1, 1, 1, 1, 1, 1, 1]), ...at([1, 1, 1, 1, 1, 1, 1, 1]) };
  const warn = { ...pattern('LOG_1', 'warn', [0, 0, 0, 20, 24, 22, 20, 8]), ...at([0, 0, 0, 20, 24, 22, 20, 8]) };

  it('does not read a warning that started in the same step as the service’s ordinary lines as a failure', () => {
    const requests = { ...pattern('LOG_2', 'info', [0, 0, 0, 3, 3, 6, 4, 1]), ...at([0, 0, 0, 3, 3, 6, 4, 1]) };
    const signals = logSignals([steadyWarn, warn, requests], { alertAtMs, stepMs });
    expect(signals.find((s) => s.evidenceId === 'LOG_1')?.family).not.toBe('log_error');
  });

  it('still reads it as a failure when the ordinary lines did not rise with it', () => {
    const later = { ...pattern('LOG_2', 'info', [0, 0, 0, 0, 0, 2, 2, 1]), ...at([0, 0, 0, 0, 0, 2, 2, 1]) };
    const signals = logSignals([steadyWarn, warn, later], { alertAtMs, stepMs });
    expect(signals.find((s) => s.evidenceId === 'LOG_1')?.family).toBe('log_error');
  });
});
