import { describe, expect, it } from 'vitest';
import { logHint } from '../../../functions/score/core/logs.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-07-21T03:10:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };

describe('a storage device failing under a service', () => {
  it('is read from the errors the device counts, as packets lost are the network’s', () => {
    const values = [...new Array<number>(100).fill(0), ...new Array<number>(20).fill(66)];
    const series = { class: 'metrics', id: 'METRIC_1', service: 'db', name: 'node_disk_io_errors_total_rate', labels: {}, unit: 'Count', startMs: at - 60 * min, stepMs: 30_000, values, link: { kind: 'none' } } as unknown as Evidence;
    expect(metricSignals([series], frame).find((s) => s.family === 'errors')).toMatchObject({ local: true, hint: 'infrastructure' });
    const failed = { ...series, id: 'METRIC_2', name: 'http_server_errors_total' } as unknown as Evidence;
    expect(metricSignals([failed], frame).find((s) => s.family === 'errors')).not.toHaveProperty('hint');
  });

  it('is read from the kernel’s words for a failing disk', () => {
    expect(logHint('kernel: blk_update_request: critical medium error, dev nvme0n1, sector 88123')).toBe('infrastructure');
    expect(logHint('kernel: Buffer I/O error on dev sda1, logical block 0')).toBe('infrastructure');
    expect(logHint('kernel: EXT4-fs (nvme0n1p1): Remounting filesystem read-only')).toBe('infrastructure');
    expect(logHint('upstream request timeout after 30s')).toBeUndefined();
  });

  it('is the platform failing first: what then ran short in the service is its consequence', () => {
    const sig = (family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service: 'db', family, strength: 1, onsetMs: at - minutesBefore * min, evidenceId: `E_${family}`, local: true, text: `db ${family}`, ...extra });
    const readonly = sig('saturation', 13.5, { text: 'db resource use rose from 0.0 to 1.00 (node_filesystem_readonly)' });
    const deviceErrors = sig('errors', 14.5, { hint: 'infrastructure', text: 'db error rate rose from 0 to 66 (node_disk_io_errors_total_rate)' });
    const support = kindSupport(profileServices([deviceErrors, readonly], mergeGraph({ app: ['db'] }), frame).get('db')!);
    expect(support.get('infrastructure')!.support).toBeGreaterThan(support.get('resource_exhaustion')!.support);
  });
});
