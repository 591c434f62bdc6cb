import { describe, expect, it } from 'vitest';
import { logHint } from '../../../functions/score/core/logs.js';
import { metricFamily } from '../../../functions/score/core/metrics.js';
import { kinds, sig, support } from './lone-service.js';

describe('resource exhaustion needs a resource seen running short', () => {
  const slowAndFailing = [sig('self_time', 1), sig('errors', 1), sig('latency', 1)];

  it('reads slower own work and failures with no resource signal as a defect before exhaustion', () => {
    const k = kinds(slowAndFailing);
    expect(k.defect).toBeGreaterThan(k.exhaustion);
  });

  it('keeps exhaustion first when a pool of the service ran out', () => {
    const k = kinds([...slowAndFailing, sig('saturation', 1)]);
    expect(k.exhaustion).toBeGreaterThan(k.defect);
  });

  it('keeps exhaustion when only an error naming a limit says so', () => {
    const withHint = kinds([...slowAndFailing, sig('log_error', 0.9, { hint: 'resource_exhaustion' })]);
    expect(withHint.exhaustion).toBeGreaterThan(kinds(slowAndFailing).exhaustion);
  });
});

describe('a disk queue is saturation', () => {
  it('reads a disk I/O queue as the disk running short, not work waiting downstream', () => {
    expect(metricFamily('DiskQueueDepth', 'Count')).toBe('saturation');
    expect(metricFamily('ApproximateAgeOfOldestMessage', 'Seconds')).toBe('latency');
  });
});

describe('a store that says it is full', () => {
  it('reads a table or queue that is full as exhaustion', () => {
    expect(logHint("[ERROR] /usr/sbin/mysqld: The table 'bookmarks' is full")).toBe('resource_exhaustion');
  });

  it('does not read a full name or a fully qualified one as exhaustion', () => {
    expect(logHint('ERROR could not load fullName for user 42')).toBeUndefined();
  });
});

describe('a caller whose every call waits longer', () => {
  const waits = sig('outbound_latency', 1);

  it('is the network on its side of the links when its own work is fine', () => {
    const k = support([waits]);
    expect(k.get('infrastructure')!.support).toBeCloseTo(0.9, 5);
  });

  it('is its own CPU when its own work got slower or its CPU rose with the waits: a starved client is slow to every callee', () => {
    const k = support([waits, sig('cpu', 1)]);
    expect(k.get('resource_exhaustion')!.support).toBeGreaterThan(k.get('infrastructure')!.support);
    expect(support([waits, sig('self_time', 1)]).get('infrastructure')!.support).toBeLessThan(0.2);
  });
});
