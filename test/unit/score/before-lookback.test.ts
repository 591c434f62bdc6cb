import { describe, expect, it } from 'vitest';
import { detectOnset } from '../../../functions/score/core/onset.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

const alertAtMs = 3_600_000;
const stepMs = 60_000;

describe('a run that began before the look-back', () => {
  const r = seeded(11);
  const noisy = (n: number, level = 10) => Array.from({ length: n }, () => level + (r() - 0.5) * 2);

  it('dates from where it began, not from the look-back edge where we started looking', () => {
    const values = [...noisy(22), ...noisy(39, 30)];
    expect(detectOnset(values, 0, stepMs, alertAtMs)).toMatchObject({ atMs: 22 * stepMs, direction: 1 });
  });

  it('keeps the look-back edge when the steps before it were healthy', () => {
    const values = [...noisy(30), ...noisy(31, 30)];
    expect(detectOnset(values, 0, stepMs, alertAtMs)).toMatchObject({ atMs: 30 * stepMs });
  });

  it('does not reach back to an older episode the series recovered from', () => {
    const values = [...noisy(14), ...noisy(3, 30), ...noisy(6), ...noisy(38, 30)];
    expect(detectOnset(values, 0, stepMs, alertAtMs)).toMatchObject({ atMs: 23 * stepMs });
  });
});

/**
 * A producer's flag at -47m makes its consumer reject what it is sent from -46m on. The
 * consumer's alert began at -20m and is notified at the end, so the 30-minute look-back
 * starts 16 minutes after the rejections did. `withMetrics` gives the consumer an
 * error-ratio series; without it, only its log lines show when its rejections began.
 */
function flaggedProducer(withMetrics: boolean) {
  const r = seeded(7);
  const rejected = Array.from({ length: 90 }, (_, i) => ({ at: `-${46 * 60 - i * 30}s`, service: 'consumer', level: 'error', message: `rejecting message m${i}: field value empty for numeric result` }));
  const routine = Array.from({ length: 27 }, (_, i) => ({ at: `-${79 - i * 3}m`, service: 'consumer', level: 'info', message: 'health check ok' }));
  const signal = alert('consumer', 'ResultsStale');
  signal.body.alerts[0]!.startsAt = '2026-06-01T08:40:00Z';
  return writeScenario({
    name: 'flag-before-lookback',
    signal,
    topology: { producer: ['consumer'], consumer: ['store'] },
    evidence: {
      metrics: [
        series('producer', 'http_error_ratio', 0.001, undefined, 0, r),
        series('store', 'http_error_ratio', 0.001, undefined, 0, r),
        ...(withMetrics ? [{ name: 'http_error_ratio', service: 'consumer', points: Array.from({ length: 81 }, (_, i) => [i === 80 ? '-0m' : `-${80 - i}m`, (80 - i <= 46 ? 0.8 : 0.001) * (1 + (r() - 0.5) * 0.1)]) }] : []),
      ],
      logs: withMetrics ? [] : [...routine, ...rejected],
      changes: [{ at: '-47m', service: 'producer', kind: 'feature_flag', summary: 'new-parser enabled' }],
    },
  });
}

describe('a change that broke its neighbour before the look-back', () => {
  it('is blamed when the neighbour’s error rate rose a minute after it', async () => {
    const { scored } = await replayDirect(flaggedProducer(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'producer', kind: 'feature_flag' });
  });

  it('is blamed when only the neighbour’s error lines show it, from a minute after it', async () => {
    const { scored } = await replayDirect(flaggedProducer(false));
    expect(scored.suspects[0]).toMatchObject({ service: 'producer', kind: 'feature_flag' });
  });
});

/**
 * An edge whose requests surged from -40m (an attack) gets a config change at -22m; its
 * callee `app` starts failing a minute later. `appEarlier` makes `app` fail from -38m
 * instead, with the surge, before the change.
 */
function changedDuringSurge(appEarlier: boolean) {
  const r = seeded(5);
  return writeScenario({
    name: 'change-during-surge',
    signal: alert('app', 'SessionMismatch'),
    topology: { edge: ['app', 'api'], app: ['db'], api: ['db'] },
    evidence: {
      metrics: [
        series('edge', 'http_requests_per_second', 200, 1300, 40, r),
        series('app', 'http_error_ratio', 0.003, 0.07, appEarlier ? 38 : 21, r),
        series('api', 'http_error_ratio', 0.002, undefined, 0, r),
        series('db', 'http_error_ratio', 0.001, undefined, 0, r),
      ],
      changes: [{ at: '-22m', service: 'edge', kind: 'config', summary: 'cache private pages for 300s to shed load' }],
    },
  });
}

describe('a change made while its own service was already in trouble', () => {
  it('is still the cause of a neighbour that broke right after it and whose path was healthy until then', async () => {
    const { scored } = await replayDirect(changedDuringSurge(false));
    expect(scored.suspects[0]).toMatchObject({ service: 'edge', kind: 'config_change' });
  });

  it('is not, when that neighbour was already failing before it', async () => {
    const { scored } = await replayDirect(changedDuringSurge(true));
    expect(scored.suspects[0]!.kind).not.toBe('config_change');
  });
});

/**
 * Two producers of a stream we have no telemetry of fail in the same minute, from -20m;
 * one of them had its batch size changed at -32m. `alone` leaves the other producer
 * healthy.
 */
function producersFailTogether(alone: boolean) {
  const r = seeded(9);
  return writeScenario({
    name: 'producers-fail-together',
    signal: alert('reader', 'IteratorAgeHigh'),
    topology: { collector: ['stream'], processor: ['stream', 'warehouse'], reader: ['warehouse'] },
    evidence: {
      metrics: [
        series('collector', 'put_errors_total', 1, alone ? undefined : 40, 20, r),
        series('processor', 'function_errors_total', 1, 45, 20, r),
        series('processor', 'cpu_utilization', 30, 42, 20, r),
        series('warehouse', 'http_error_ratio', 0.001, undefined, 0, r),
        series('reader', 'iterator_age_ms', 800, 90_000, 19, r),
      ],
      logs: [
        ...['collector', 'processor'].flatMap((service) => Array.from({ length: 20 }, (_, i) => ({ at: `-${58 - i * 2}m`, service, level: 'info', message: 'flushed batch' }))),
        ...(alone ? ['processor'] : ['collector', 'processor']).flatMap((service) => Array.from({ length: 40 }, (_, i) => ({ at: `-${1200 - i * 30}s`, service, level: 'error', message: `put failed: InternalFailure (request ${i})` }))),
      ],
      changes: [{ at: '-28m', service: 'processor', kind: 'config', summary: 'processor batch size 100 -> 200' }],
    },
  });
}

describe('a change on one of several callers that failed together on what they share', () => {
  it('does not outrank the shared dependency: the caller without a change failed the same way in the same minute', async () => {
    const { scored } = await replayDirect(producersFailTogether(false));
    expect(scored.suspects[0]).toMatchObject({ service: 'stream', kind: 'dependency_failure' });
    expect(scored.suspects.findIndex((s) => s.kind === 'config_change')).not.toBe(0);
  });

  it('still fits when its service failed alone', async () => {
    const { scored } = await replayDirect(producersFailTogether(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'processor', kind: 'config_change' });
  });
});
