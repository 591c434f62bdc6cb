import { describe, expect, it } from 'vitest';
import { logHint } from '../../../functions/score/core/logs.js';
import { saidSaturated } from '../../../functions/score/core/saturated.js';
import { sig, support } from './lone-service.js';

describe('a service saying its workers were all busy', () => {
  it('reads busy workers and work waiting for them as a shortage of capacity, not a defect', () => {
    for (const line of ['all 32 workers busy; submissions queued (depth 4100)', 'Puma: all 16 threads busy, backlog 210', 'export job 8812 waited 41s in queue (depth 25000)', 'request queue depth 512 on task 7, p99 5100ms', 'worker pool saturated (64/64), request queued 900ms', 'signup handler queue wait 2.8s']) {
      expect(logHint(line), line).toBe('resource_exhaustion');
    }
  });

  it('leaves a queue named in passing, and a thread that never yields, unread', () => {
    for (const line of ['message returned to queue visibility_timeout=30s', 'terminal 42 offline > 5m, queueing updates', 'job 17 failed: NullPointerException in queue consumer', 'watchdog: network thread busy loop for 30s, killed', 'worker busy-waiting on a lock for 12s']) {
      expect(logHint(line), line).not.toBe('resource_exhaustion');
    }
  });

  it('makes demand that rose with it a surge that strained the service, as a resource at its limit would', () => {
    const busy = sig('log_error', 0.9, { raw: 'request queue depth 512 on task 7, p99 5100ms', hint: 'resource_exhaustion', text: 'web logged warn "request queue depth <*> on task <*>"' });
    const signals = [sig('traffic_up', 1), sig('errors', 1), sig('latency', 1), busy];
    expect(saidSaturated(signals)).toBe(true);
    const k = support(signals);
    expect(k.get('traffic_surge')!.support).toBeGreaterThan(k.get('code_defect')!.support);
    const silent = [sig('traffic_up', 1), sig('errors', 1), sig('latency', 1), sig('log_error', 0.9, { text: 'web logged error "order 42 failed"' })];
    expect(saidSaturated(silent)).toBe(false);
    const d = support(silent);
    expect(d.get('code_defect')!.support).toBeGreaterThan(d.get('traffic_surge')!.support);
  });
});
