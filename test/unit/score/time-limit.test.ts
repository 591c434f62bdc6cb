import { describe, expect, it } from 'vitest';
import type { LogPattern, MetricSeries } from '../../../functions/contracts/index.js';
import { limitBelowWork, timeLimitsSet } from '../../../functions/score/core/time-limit.js';
import type { Evidence } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;

/** Two hours of a series a point a minute, at `before` until `switchMin` minutes before the alert and `after` from then. */
function series(service: string, name: string, before: number, after = before, switchMin = 0, reference?: number): Evidence {
  const values = Array.from({ length: 121 }, (_, i) => (120 - i > switchMin ? before : after));
  return { class: 'metrics', id: `M_${service}_${name}`, service, name, labels: {}, startMs: at - 120 * min, stepMs: min, values, ...(reference !== undefined ? { reference: { median: reference, mad: reference * 0.05, p05: reference * 0.9, p95: reference * 1.1, points: 60 } } : {}) } as MetricSeries & { id: string };
}

/** A log template of `service` whose one exemplar is `message`, first seen `firstMin` minutes before the alert, `inReference` times in the healthy reference. */
function lines(service: string, template: string, message: string, firstMin: number, inReference: number): Evidence {
  return { class: 'logs', id: `L_${service}`, service, level: 'info', template, count: 90, firstSeen: new Date(at - firstMin * min).toISOString(), lastSeen: new Date(at).toISOString(), startMs: at - 120 * min, stepMs: min, counts: [], exemplars: [{ at: new Date(at - firstMin * min).toISOString(), message }], reference: { count: inReference, perMinute: inReference / 360 } } as LogPattern & { id: string };
}

describe('the time limits a change sets', () => {
  it('reads both values in their own units or in the unit the setting is named in', () => {
    expect(timeLimitsSet('aws_sqs_queue.jobs visibility_timeout_seconds 900 → 60')).toEqual([{ name: 'visibility_timeout_seconds', fromMs: 900_000, toMs: 60_000 }]);
    expect(timeLimitsSet('queue moved to the shared module (visibility_timeout_seconds default 30, was 300)')).toEqual([{ name: 'visibility_timeout_seconds', fromMs: 300_000, toMs: 30_000 }]);
    expect(timeLimitsSet('INVENTORY_CLIENT_TIMEOUT 2s → 250ms')).toEqual([{ name: 'INVENTORY_CLIENT_TIMEOUT', fromMs: 2000, toMs: 250 }]);
    expect(timeLimitsSet('upstream timeout to reco-api 800ms -> 600ms')).toEqual([{ name: 'timeout', fromMs: 800, toMs: 600 }]);
    expect(timeLimitsSet('serverSelectionTimeoutMS 30000 -> 5000')).toEqual([{ name: 'serverSelectionTimeoutMS', fromMs: 30_000, toMs: 5000 }]);
    expect(timeLimitsSet('statement_timeout 0 -> 3s')).toEqual([{ name: 'statement_timeout', fromMs: Infinity, toMs: 3000 }]);
  });

  it('reads nothing where a value has no unit, or no limit of time is named', () => {
    expect(timeLimitsSet('risk timeout 800 -> 150')).toEqual([]);
    expect(timeLimitsSet('delivery slot release 07:00 → 10:00 for weekend')).toEqual([]);
    expect(timeLimitsSet('lower ES query timeout to 800ms and fail open')).toEqual([]);
    expect(timeLimitsSet('product cache TTL 300s -> 600s')).toEqual([]);
  });
});

describe('a time limit cut below the work it bounds', () => {
  const cut = { service: 'jobs', at: new Date(at - 150 * min).toISOString(), summary: 'terraform: visibility_timeout_seconds 300 → 30' };
  const near = new Set(['worker']);

  it('is read from a neighbour\'s processing time while healthy, above the new limit and within the old', () => {
    const found = limitBelowWork([series('worker', 'processing_seconds_p95', 50, 50, 0, 48)], cut, near);
    expect(found).toMatchObject({ limit: { toMs: 30_000 }, work: { ms: 48_000, id: 'M_worker_processing_seconds_p95' } });
    expect(found!.text).toContain('below the 48 s the work took while healthy');
  });

  it('is read from the durations a healthy log template reports', () => {
    const found = limitBelowWork([lines('worker', 'invoice <*> rendered in <*>s', 'invoice inv_1 rendered in 103.1s', 40, 160)], cut, near);
    expect(found?.work.ms).toBe(103_100);
  });

  it('is not read when the work still fits under the new limit, or already outran the old one', () => {
    expect(limitBelowWork([series('worker', 'processing_seconds_p95', 12, 12, 0, 12)], cut, near)).toBeUndefined();
    expect(limitBelowWork([series('worker', 'processing_seconds_p95', 400, 400, 0, 400)], cut, near)).toBeUndefined();
  });

  it('is not read from a callee that got slow only after the change: the healthy level is what counts', () => {
    const client = { service: 'api', at: new Date(at - 30 * min).toISOString(), summary: 'payfast client timeout 10s -> 4s (mitigation)' };
    expect(limitBelowWork([series('payfast', 'http_latency_p99_ms', 900, 9000, 20)], client, new Set(['payfast']))).toBeUndefined();
  });

  it('is not read from a service the changed one neither calls nor is called by, nor from a limit raised', () => {
    expect(limitBelowWork([series('reports', 'processing_seconds_p95', 50, 50, 0, 48)], cut, near)).toBeUndefined();
    expect(limitBelowWork([series('worker', 'processing_seconds_p95', 50, 50, 0, 48)], { ...cut, summary: 'visibility_timeout_seconds 30 → 300' }, near)).toBeUndefined();
  });

  it('is not read from a template first logged in the trouble and never in the healthy reference', () => {
    expect(limitBelowWork([lines('worker', 'retry <*> failed in <*>s', 'retry 3 failed in 45s', 20, 0)], cut, near)).toBeUndefined();
  });
});

/** `worker` consuming from `jobs`, failing on redelivered messages from 20 minutes before the alert; its processing took 48 s all along and in the healthy reference; a queue change `changeAt`. */
const redelivered = (summary: string, changeAt: string) => {
  const r = seeded(15);
  const points = (level: (m: number) => number) => Array.from({ length: 121 }, (_, i) => [120 - i === 0 ? '-0m' : `-${120 - i}m`, Number((level(120 - i) * (1 + (r() - 0.5) * 0.04)).toFixed(4))]);
  return writeScenario({
    name: 'time-limit-probe',
    signal: alert('worker', 'DuplicateProcessing'),
    topology: { worker: ['jobs'] },
    evidence: {
      metrics: [
        { name: 'processing_seconds_p95', service: 'worker', points: points(() => 48) },
        { name: 'receive_count_avg', service: 'worker', points: points((m) => (m > 20 ? 1 : 2.4)) },
        { name: 'job_error_ratio', service: 'worker', points: points((m) => (m > 20 ? 0.001 : 0.3)) },
      ],
      logs: Array.from({ length: 18 }, (_, i) => ({ at: `-${19 - i}m`, service: 'worker', level: 'error', message: `message m-${i} ApproximateReceiveCount=${2 + (i % 3)}: order already handled` })),
      reference: { from: '-26h', to: '-24h', metrics: [{ name: 'processing_seconds_p95', service: 'worker', points: Array.from({ length: 120 }, (_, i) => [`-${26 * 60 - i}m`, 47 + (i % 3)]) }] },
      changes: [{ at: changeAt, service: 'worker', kind: 'config', summary }],
    },
  });
};

describe('a change that cut a time limit below the work it bounds', () => {
  it('is blamed hours after it, from before the window, and says what it cut', async () => {
    const { scored } = await replayDirect(redelivered('terraform: jobs queue moved to the shared module (visibility_timeout_seconds default 30, was 300)', '-150m'));
    expect(scored.suspects[0]).toMatchObject({ service: 'worker', kind: 'config_change' });
    expect(scored.suspects[0]!.reasons[0]).toContain('below the 48');
  });

  it('is not, when the limit it set still holds the work', async () => {
    const { scored } = await replayDirect(redelivered('terraform: jobs queue moved to the shared module (visibility_timeout_seconds default 120, was 300)', '-150m'));
    expect(scored.suspects[0]?.kind).not.toBe('config_change');
  });
});
