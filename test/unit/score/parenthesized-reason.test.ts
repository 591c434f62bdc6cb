import { describe, expect, it } from 'vitest';
import { logHint, proseOf } from '../../../functions/score/core/logs.js';

describe('the reason a system gives in parentheses', () => {
  it('reads the words a parenthesis holds as prose', () => {
    expect(proseOf('connect() to backend 10.2.3.4:8080 failed (113: No route to host)')).toBe('to backend 10.2.3.4:8080 failed 113: No route to host');
    expect(logHint('connect() to backend 10.2.3.4:8080 failed (113: No route to host)')).toBe('infrastructure');
    expect(logHint('upstream refused the batch (rate limit exceeded)')).toBe('resource_exhaustion');
  });

  it('still sets calls aside as names', () => {
    expect(proseOf('RateLimiter.limit() threw while evicting')).toBe('threw while evicting');
    expect(logHint('java.lang.NullPointerException at QuotaService.limit(QuotaService.java:88)')).toBe('code_defect');
  });
});
