import { describe, expect, it } from 'vitest';
import { burnedByCode } from '../../../functions/score/core/kinds.js';
import { logHint } from '../../../functions/score/core/logs.js';
import { SATURATED } from '../../../functions/score/core/saturated.js';
import { sig, support } from './lone-service.js';

describe("a service's own saturation words", () => {
  it('reads busy workers, a spent pool and work waiting in its own queue as a shortage of capacity', () => {
    for (const line of [
      'all 32 workers busy; submissions queued (depth 4100)',
      'all <*> workers busy; submissions queued (depth <*>)',
      'Puma: all 16 threads busy, backlog 210',
      'every executor in use, 812 calls queued',
      'export job 8812 waited 41s in queue (depth 25000)',
      'request queue depth 512 on task 7, p99 5100ms',
      'worker pool saturated (64/64), request queued 900ms',
      'rejected request: executor pool exhausted (200/200), 503',
      'executor pool rejected 312 calls',
      'signup handler queue wait 2.8s',
      'request queue full (980/1000), rejecting',
      'accept queue full, dropping connection',
      'worker queue full (256), returning 503',
    ]) {
      expect(SATURATED.test(line), line).toBe(true);
      expect(logHint(line), line).toBe('resource_exhaustion');
    }
  });

  it('leaves a queue it only feeds or drains for others, a queue named in passing and a thread that never yields unread', () => {
    for (const line of [
      'failed to emit checkout_completed analytics event: producer queue full (dropped 1)',
      'presence fanout queue depth 1200 above soft limit 1000',
      'message returned to queue visibility_timeout=30s',
      'terminal 42 offline > 5m, queueing updates',
      'failed to publish to queue orders: connection refused',
      'picked backend 3 at random although it was busy',
      'job 17 failed: NullPointerException in queue consumer',
      'watchdog: network thread busy loop for 30s, killed',
      'worker busy-waiting on a lock for 12s',
      'all 8 threads busy-waiting on the config lock',
    ]) {
      expect(SATURATED.test(line), line).toBe(false);
      expect(logHint(line), line).not.toBe('resource_exhaustion');
    }
  });

  it('makes demand that rose with it a surge that strained the service, as a resource at its limit would', () => {
    const raw = 'executor pool rejected 312 calls';
    const busy = sig('log_error', 0.9, { raw, hint: logHint(raw)!, text: `web logged warn "${raw}"` });
    const k = support([sig('traffic_up', 1), sig('errors', 1), sig('latency', 1), busy]);
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('code_defect')!.support);
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('resource_exhaustion')!.support);
    expect(logHint('order 42 failed')).toBeUndefined();
    const d = support([sig('traffic_up', 1), sig('errors', 1), sig('latency', 1), sig('log_error', 0.9, { raw: 'order 42 failed', text: 'web logged error "order 42 failed"' })]);
    expect(d.get('code_defect')!.support).toBeGreaterThan(d.get('traffic_surge')!.support);
  });

  it('tells a CPU burned by code from a shortage no better than the CPU does, in any of its forms', () => {
    const pinned = [sig('cpu', 1, { peakShare: 1 }), sig('latency', 1), sig('errors', 1), sig('log_error', 0.9, { text: 'web logged warn "event loop blocked for 4s"' })];
    for (const raw of ['all 32 workers busy; requests queued (depth 410)', 'request queue full (980/1000), rejecting', 'executor pool exhausted (200/200)']) {
      expect(burnedByCode([...pinned, sig('log_error', 0.9, { hint: 'resource_exhaustion', raw, text: `web logged warn "${raw}"` })]), raw).toBe(true);
    }
    expect(burnedByCode([...pinned, sig('log_error', 0.9, { hint: 'resource_exhaustion', raw: 'too many connections' })])).toBe(false);
  });
});
