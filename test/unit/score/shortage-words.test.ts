import { describe, expect, it } from 'vitest';
import { eventSignals } from '../../../functions/score/core/events.js';
import { logHint } from '../../../functions/score/core/logs.js';
import { failedToAllocate, metricSignals } from '../../../functions/score/core/metrics.js';
import { wordsOf } from '../../../functions/score/core/metric-words.js';
import type { Evidence } from '../../../functions/score/core/types.js';

describe('words that say a resource ran out, beyond memory, connections and disk space', () => {
  it.each([
    ['a search cluster past its disk watermark', 'flood stage disk watermark [95%] exceeded on [data-2][/usr/share/opensearch/data/nodes/0] free: 9.1gb[4.9%], all indices on this node will be marked read-only'],
    ['a service shedding load', 'request queue depth 4096, shedding low-priority sends'],
    ['a database out of transaction ids', 'ERROR: database is not accepting commands to avoid wraparound data loss in database "events"'],
    ['a subnet out of addresses', 'Warning FailedCreatePodSandBox: plugin type="aws-cni" failed (add): add cmd: failed to assign an IP address to container'],
    ['a server dropping clients past their output buffer limits', 'Client id=8841 addr=10.2.1.7:6379 flags=S scheduled to be closed ASAP for overcoming of output buffer limits.'],
    ['a socket buffer that filled', 'send failed: socket buffer is full, dropping frame'],
  ])('reads %s as exhaustion', (_what, line) => {
    expect(logHint(line)).toBe('resource_exhaustion');
  });

  it("reads nothing into the logging service's own name: a crash loop of rate-limiter is no rate limit", () => {
    const line = 'Back-off restarting failed container rate-limiter (us-central1, europe-west1)';
    expect(logHint(line)).toBe('resource_exhaustion');
    expect(logHint(line, 'rate-limiter')).toBeUndefined();
    expect(logHint('quota-control: project quota exceeded for consumer 42', 'quota-control')).toBe('resource_exhaustion');
    const [signal] = eventSignals([{ class: 'runtime', id: 'RT_1', at: '2026-06-01T08:52:00Z', service: 'rate-limiter', kind: 'crash_loop', count: 180, message: line } as Evidence], { alertAtMs: Date.parse('2026-06-01T09:00:00Z'), stepMs: 30_000 });
    expect(signal!.hint).toBeUndefined();
  });

  it('still reads a programming error that mentions a watermark as a defect', () => {
    expect(logHint('java.lang.IllegalStateException: watermark exceeded the event time in WindowOperator')).toBe('code_defect');
  });
});

describe('error series that count failures to get a resource', () => {
  it('reads allocation, quota and capacity failures as exhaustion, and other error counts not', () => {
    expect(failedToAllocate('ErrorPortAllocation')).toBe(true);
    expect(failedToAllocate('quota_exceeded_total')).toBe(true);
    expect(failedToAllocate('InsufficientCapacityErrors')).toBe(true);
    expect(failedToAllocate('HTTPCode_Target_5XX_Count')).toBe(false);
    expect(failedToAllocate('job_failure_ratio')).toBe(false);
  });

  it('reads a camel-case name that opens with an acronym (CloudWatch\'s IPAllocationFailures) as the words it is made of', () => {
    expect(wordsOf('IPAllocationFailures')).toBe(' ip allocation failures ');
    expect(wordsOf('CPUCreditBalance')).toBe(' cpu credit balance ');
    expect(wordsOf('node_filesystem_avail_bytes')).toBe(' node filesystem avail bytes ');
    expect(failedToAllocate('IPAllocationFailures')).toBe(true);
    expect(failedToAllocate('ENIQuotaExceeded')).toBe(true);
    expect(failedToAllocate('ReallocationRetries')).toBe(false);
  });

  it('gives such a series\' signal the exhaustion hint', () => {
    const at = Date.parse('2026-06-01T09:00:00Z');
    const values = Array.from({ length: 40 }, (_, i) => (i < 30 ? 0 : 5200 + i));
    const series = { id: 'M_nat', class: 'metrics', service: 'nat', name: 'ErrorPortAllocation', unit: 'Count', labels: {}, startMs: at - 39 * 60_000, stepMs: 60_000, values } as unknown as Evidence;
    expect(metricSignals([series], { alertAtMs: at, stepMs: 60_000 }).find((s) => s.family === 'errors')).toMatchObject({ hint: 'resource_exhaustion' });
  });
});
