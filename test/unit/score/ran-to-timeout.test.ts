import { describe, expect, it } from 'vitest';
import { shortResources } from '../../../functions/score/core/kinds.js';
import { ranToTheirTimeout } from '../../../functions/score/core/timed-out.js';
import { kinds, sig } from './lone-service.js';

describe('concurrency or CPU filled by calls that ran to their timeout', () => {
  const throttled = sig('runtime_throttle', 1, { hint: 'resource_exhaustion', text: 'web was throttled (340×): Rate exceeded: reserved concurrency 200' });
  const timedOut = sig('log_error', 0.7, { text: 'web logged error "Task timed out after <*> seconds"', raw: 'Task timed out after 60.00 seconds (upload 81f2, 20000 chars)' });
  const refused = sig('dependency_mention', 0.7, { hint: 'resource_exhaustion', text: 'api reports failures calling web: api started logging warn "web invocation throttled (ConcurrentExecutions at reserved 200)"' });
  const failing = [sig('errors', 1), sig('latency', 1), refused];

  it('reads a full concurrency limit at flat demand, with its own calls timing out, as the defect that held them', () => {
    expect(ranToTheirTimeout([...failing, throttled, timedOut])).toBe(true);
    const k = kinds([...failing, throttled, timedOut]);
    expect(k.defect).toBeGreaterThan(k.exhaustion);
  });

  it('reads a pinned CPU at flat demand, with its own requests running past their deadline, as the defect, though only its callers failed', () => {
    const pinned = [sig('cpu', 1, { peakShare: 1 }), sig('latency', 1)];
    const exceeded = sig('log_error', 0.85, { text: 'web logged warn "request exceeded <*>s"', raw: 'request exceeded 30s: POST /validate (input length 4096)' });
    expect(ranToTheirTimeout([...pinned, exceeded])).toBe(true);
    const k = kinds([...pinned, exceeded]);
    expect(k.defect).toBeGreaterThan(k.exhaustion);
    expect(ranToTheirTimeout([...pinned, sig('log_error', 0.85, { raw: 'Servlet.service() threw exception' })])).toBe(false);
  });

  it('keeps the shortage when its calls only got slower and still finished', () => {
    expect(ranToTheirTimeout([...failing, throttled])).toBe(false);
    const k = kinds([...failing, throttled]);
    expect(k.exhaustion).toBeGreaterThan(k.defect);
  });

  it('leaves more demand, another resource short, or a timeout the line blames on a resource to the other readings', () => {
    expect(ranToTheirTimeout([...failing, throttled, timedOut, sig('traffic_up', 0.8)])).toBe(false);
    expect(ranToTheirTimeout([...failing, throttled, timedOut, sig('runtime_leak', 1)])).toBe(false);
    expect(ranToTheirTimeout([...failing, throttled, { ...timedOut, hint: 'resource_exhaustion' }])).toBe(false);
    expect(ranToTheirTimeout([sig('errors', 1), sig('latency', 1), timedOut])).toBe(false);
  });
});

describe('the resources a caller names when it reports a service short', () => {
  it('reads the words of the caller\'s line, not ours about it', () => {
    const short = shortResources([sig('dependency_mention', 0.7, { hint: 'resource_exhaustion', text: 'api reports failures calling web: api started logging warn "web invocation throttled (ConcurrentExecutions at reserved 200)"' })]);
    expect(short.has('concurrency')).toBe(true);
    expect(short.has('disk')).toBe(false);
  });
});
