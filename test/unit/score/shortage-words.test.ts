import { describe, expect, it } from 'vitest';
import { logHint } from '../../../functions/score/core/logs.js';

describe('words that say a resource ran out, beyond memory, connections and disk space', () => {
  it.each([
    ['a search cluster past its disk watermark', 'flood stage disk watermark [95%] exceeded on [data-2][/usr/share/opensearch/data/nodes/0] free: 9.1gb[4.9%], all indices on this node will be marked read-only'],
    ['a service shedding load', 'request queue depth 4096, shedding low-priority sends'],
    ['a database out of transaction ids', 'ERROR: database is not accepting commands to avoid wraparound data loss in database "events"'],
    ['a subnet out of addresses', 'Warning FailedCreatePodSandBox: plugin type="aws-cni" failed (add): add cmd: failed to assign an IP address to container'],
  ])('reads %s as exhaustion', (_what, line) => {
    expect(logHint(line)).toBe('resource_exhaustion');
  });

  it('still reads a programming error that mentions a watermark as a defect', () => {
    expect(logHint('java.lang.IllegalStateException: watermark exceeded the event time in WindowOperator')).toBe('code_defect');
  });
});
