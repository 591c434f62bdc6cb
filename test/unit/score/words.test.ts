import { describe, expect, it } from 'vitest';
import { errorType, logHint, mentionSignals, proseOf } from '../../../functions/score/core/logs.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, writeScenario } from './synthetic.js';

describe('words as evidence: by type and structure, not substrings of identifiers', () => {
  it('reads a programming error as a code defect whatever method names its message quotes', () => {
    expect(logHint('java.lang.NullPointerException: Cannot invoke "RateLimiter.limit()" because "this.limiter" is null')).toBe('code_defect');
    expect(logHint("KeyError: 'quota_remaining'")).toBe('code_defect');
    expect(logHint('TypeError: Cannot read properties of undefined (reading \'evict\')')).toBe('code_defect');
  });

  it('reads .NET programming errors as code defects too, whatever their message names (a certificate, a quota)', () => {
    expect(logHint('CreateTransferCertificate failed: System.ArgumentOutOfRangeException: Year, Month, and Day parameters describe an un-representable DateTime.')).toBe('code_defect');
    expect(logHint('System.InvalidOperationException: quota sequence contains no elements')).toBe('code_defect');
    expect(logHint('System.Collections.Generic.KeyNotFoundException: throttle key not present')).toBe('code_defect');
    expect(logHint('System.ArgumentNullException: Value cannot be null. (Parameter certificate)')).toBe('code_defect');
  });

  it('ignores identifiers in prose: a stack frame in QuotaService is not a quota', () => {
    expect(proseOf('timed out in QuotaService.check() via evictionPolicy.apply on cache.prod.local')).toBe('timed out in via on cache.prod.local');
    expect(logHint('request failed in QuotaService.remaining() after 3 retries')).toBeUndefined();
  });

  it('still reads the words that name the kind, and the types that do', () => {
    expect(logHint('FATAL: sorry, too many clients already')).toBe('resource_exhaustion');
    expect(logHint('java.lang.OutOfMemoryError: Java heap space')).toBe('resource_exhaustion');
    expect(logHint('ProvisionedThroughputExceededException: Rate of requests exceeds the allowed throughput')).toBe('resource_exhaustion');
    expect(logHint('javax.net.ssl.SSLHandshakeException: PKIX path validation failed')).toBe('infrastructure');
    expect(logHint('dial tcp: lookup payments.internal on 10.0.0.2:53: no such host')).toBe('infrastructure');
  });

  it('reads a quota as a shortage only when the words say it is spent, not where they name a budget or what checks it', () => {
    expect(logHint('quota check unavailable: connection refused by quota-service; returning 503')).toBeUndefined();
    expect(logHint('SES sending quota 71% used')).toBeUndefined();
    expect(logHint('Quota exceeded for quota metric lookups')).toBe('resource_exhaustion');
    expect(logHint("resource monitor 'MONTHLY_CAP' has exceeded its quota.")).toBe('resource_exhaustion');
    expect(logHint('write rejected: account over quota')).toBe('resource_exhaustion');
  });

  it('names the error type without its package', () => {
    expect(errorType('Caused by: java.util.concurrent.TimeoutException: after 30s')).toBe('TimeoutException');
    expect(errorType('request completed status=200')).toBeUndefined();
  });
});

describe('expired own client certificates', () => {
  const refused: Signal = { service: 'checkout', family: 'log_error', strength: 0.9, onsetMs: 0, evidenceId: 'LOG_1', local: true, text: 'checkout started logging error', raw: 'POST https://partner-api/charge failed: remote error: tls: expired certificate', hint: 'infrastructure' };

  it('does not turn a peer refusing our expired client certificate into a failure of that peer', () => {
    const graph = mergeGraph({ checkout: ['partner-api'] });
    expect(mentionSignals([refused], graph)).toEqual([]);
    expect(mentionSignals([{ ...refused, raw: 'POST https://partner-api/charge failed: 503 Service Unavailable' }], graph)).toHaveLength(1);
  });

  it('blames the service whose certificate expired, as infrastructure', async () => {
    const logs = Array.from({ length: 20 }, (_, i) => ({ at: `-${300 - i * 10}s`, service: 'checkout', level: 'error', message: `POST https://partner-api/v1/charge failed: remote error: tls: expired certificate (attempt ${i})` }));
    const quiet = Array.from({ length: 40 }, (_, i) => ({ at: `-${40 - i}m`, service: 'checkout', level: 'info', message: 'order placed' }));
    const { scored } = await replayDirect(writeScenario({ name: 'client-cert-expired', signal: alert('checkout'), topology: { checkout: ['partner-api'] }, evidence: { logs: [...quiet, ...logs] } }));
    expect(scored.suspects[0]).toMatchObject({ service: 'checkout', kind: 'infrastructure' });
    expect(scored.suspects.some((s) => s.service === 'partner-api')).toBe(false);
  });
});
