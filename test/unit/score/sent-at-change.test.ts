import { describe, expect, it } from 'vitest';
import { sentAtChange } from '../../../functions/score/core/change-fit.js';
import type { Evidence, Frame } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/**
 * A flag on `producer` at -25m; its store two hops down (producer → bus → store) runs out
 * of CPU from -13m and rejects writes. `grew` makes the producer's average event size
 * jump forty-fold a minute after the flag; otherwise it stays as it was.
 */
function flaggedPayloads(grew: boolean) {
  const r = seeded(21);
  return writeScenario({
    name: 'sent-at-change',
    signal: alert('store', 'WritesRejected'),
    topology: { producer: ['bus', 'users-db'], bus: ['store'] },
    evidence: {
      metrics: [
        series('producer', 'event_bytes_avg', 900, grew ? 36_000 : undefined, 24, r),
        series('producer', 'http_error_ratio', 0.002, undefined, 0, r),
        series('users-db', 'http_error_ratio', 0.001, undefined, 0, r),
        series('bus', 'http_error_ratio', 0.001, undefined, 0, r),
        series('store', 'cpu_utilization', 32, 100, 13, r),
        series('store', 'write_rejected_total', 1, 5200, 12, r),
      ],
      changes: [{ at: '-25m', service: 'producer', kind: 'feature_flag', summary: 'audit.capture_request_bodies OFF -> ON' }],
    },
  });
}

describe('a change whose service sends something different from it on', () => {
  it('is the cause of the callee that then ran out, however many minutes that took', async () => {
    const { scored } = await replayDirect(flaggedPayloads(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'producer', kind: 'feature_flag' });
    expect(scored.changes?.find((c) => c.service === 'producer')?.reason).toContain('event_bytes_avg on producer went from');
  });

  it('is cited with the series where it took effect', async () => {
    const { scored, rca } = await replayDirect(flaggedPayloads(true));
    const sizes = scored.evidence.find((e) => e.class === 'metrics' && e.name === 'event_bytes_avg')!;
    expect(scored.suspects[0]!.evidenceIds.slice(0, 2)).toEqual([scored.changes!.find((c) => c.verdict === 'blamed')!.evidenceId, sizes.id]);
    expect(rca.rootCause.statement.evidenceIds).toContain(sizes.id);
  });

  it('is not, when nothing it sends moved at the change', async () => {
    const { scored } = await replayDirect(flaggedPayloads(false));
    expect(scored.suspects[0]!.service).toBe('store');
  });
});

/**
 * A flag on `exporter` at -20m; `blobs`, a store we see only through its callers, then
 * throttles every caller from -17m (the exporter, and `api`, which reads invoices from it).
 * `flooded` makes the exporter's writes to it jump a thousand-fold at the flag.
 */
function throttledStore(flooded: boolean) {
  const r = seeded(23);
  const throttled = (service: string) => [
    ...Array.from({ length: 20 }, (_, i) => ({ at: `-${59 - i * 2}m`, service, level: 'info', message: 'request served' })),
    ...Array.from({ length: 34 }, (_, i) => ({ at: `-${1020 - i * 30}s`, service, level: 'error', message: `call to blobs failed: 503 SlowDown (attempt ${i % 3})` })),
  ];
  return writeScenario({
    name: 'throttled-store',
    signal: alert('api', 'Invoice5xx'),
    topology: { portal: ['api'], api: ['blobs'], exporter: ['blobs', 'db'] },
    evidence: {
      metrics: [
        series('exporter', 'blob_put_requests', 900, flooded ? 900_000 : undefined, 19, r),
        series('api', 'http_error_ratio', 0.002, 0.3, 17, r),
        series('db', 'http_error_ratio', 0.001, undefined, 0, r),
        series('portal', 'http_error_ratio', 0.002, undefined, 0, r),
      ],
      logs: [...throttled('exporter'), ...throttled('api')],
      changes: [{ at: '-20m', service: 'exporter', kind: 'feature_flag', summary: 'exports.per-row-objects on for all tenants' }],
    },
  });
}

describe('a third party that failed right after a change', () => {
  it('is the change’s victim when what the changed service sends it jumped at the change', async () => {
    const { scored } = await replayDirect(throttledStore(true));
    expect(scored.suspects[0]).toMatchObject({ service: 'exporter', kind: 'feature_flag' });
  });

  it('is not, when nothing sent to it moved', async () => {
    const { scored } = await replayDirect(throttledStore(false));
    expect(scored.suspects[0]!.kind).not.toBe('feature_flag');
  });
});

describe('what a changed service sends', () => {
  const at = Date.parse('2026-06-01T09:00:00Z');
  const min = 60_000;
  const frame: Frame = { alertAtMs: at, stepMs: min };
  const changeAt = at - 20 * min;
  const stepped = (name: string, before: number, after: number) =>
    ({ class: 'metrics', id: `METRIC_${name}`, service: 'fn', name, labels: {}, startMs: at - 60 * min, stepMs: min, values: Array.from({ length: 61 }, (_, i) => (i >= 41 ? after : before) * (1 + (i % 3) * 0.01)), link: { kind: 'none' } }) as unknown as Evidence;

  it('moved when a size it sends, or a rate of what it sends, jumped at the change', () => {
    expect(sentAtChange([stepped('event_bytes_avg', 900, 36_000)], 'fn', changeAt, frame)?.text).toContain('event_bytes_avg on fn went from');
    expect(sentAtChange([stepped('event_bytes_avg', 36_000, 900)], 'fn', changeAt, frame)?.text).toContain('event_bytes_avg on fn went from');
    expect(sentAtChange([stepped('put_requests_total', 900, 90_000)], 'fn', changeAt, frame)?.id).toBe('METRIC_put_requests_total');
  });

  it('did not when only the requests reaching it fell, or when its own health moved', () => {
    expect(sentAtChange([stepped('Invocations', 1060, 576)], 'fn', changeAt, frame)).toBeUndefined();
    expect(sentAtChange([stepped('http_error_ratio', 0.001, 0.4)], 'fn', changeAt, frame)).toBeUndefined();
  });

  it('did not when the step came long after the change', () => {
    expect(sentAtChange([stepped('event_bytes_avg', 900, 36_000)], 'fn', at - 40 * min, frame)).toBeUndefined();
  });
});
