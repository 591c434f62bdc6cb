import { describe, expect, it } from 'vitest';
import { relievedShortage } from '../../../functions/score/core/kinds.js';
import { logHint } from '../../../functions/score/core/logs.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'feed', family, strength, onsetMs: 0, evidenceId: `E_${family}`, local: true, text: `feed ${family}`, ...extra });

describe('the shortage a change relieved', () => {
  const throttled = [sig('log_error', 0.8, { hint: 'resource_exhaustion', text: 'feed logged warn "Rate Exceeded. (reserved concurrency 500 reached)"', raw: 'Rate Exceeded. (reserved concurrency 500 reached)' })];
  const cpu = [sig('cpu', 0.9, { peakShare: 1, text: 'feed CPU reached its limit (100 of 100, CPUUtilization)' })];
  const change = (summary: string, kind = 'config') => ({ kind, summary, service: 'feed' });

  it('is the resource that ran short when the change raised its limit, or any when it added capacity', () => {
    expect(relievedShortage(change('feed reserved concurrency 500 -> 1500 (mitigation)'), throttled)).toBe('concurrency');
    expect(relievedShortage(change('service auto scaling: feed 6 → 9 tasks', 'scaling'), cpu)).toBe('capacity');
    expect(relievedShortage(change('scale out feed workers', 'scaling'), cpu)).toBe('capacity');
  });

  it('is nothing when the change lowered the limit, raised another one, or nothing ran short', () => {
    expect(relievedShortage(change('feed reserved concurrency 1500 -> 500'), throttled)).toBeUndefined();
    expect(relievedShortage(change('feed memory limit 512Mi -> 1Gi'), throttled)).toBeUndefined();
    expect(relievedShortage(change('feed 9 → 6 tasks', 'scaling'), cpu)).toBeUndefined();
    expect(relievedShortage(change('feed reserved concurrency 500 -> 1500'), [sig('log_error', 0.8, { text: 'feed logged error "KeyError: user_id"' })])).toBeUndefined();
  });

  it('is read from the words a throttled platform logs', () => {
    expect(logHint('Rate Exceeded. (reserved concurrency 500 reached)')).toBe('resource_exhaustion');
    expect(logHint('function concurrency limit exceeded')).toBe('resource_exhaustion');
  });
});

/**
 * `feed`'s CPU runs out six minutes before the alert, in the same minute as a person
 * changes its task count.
 */
function herd(summary: string, author: string) {
  const r = seeded(11);
  return {
    name: 'relieved-shortage',
    signal: alert('feed'),
    topology: { app: ['feed'] },
    evidence: {
      metrics: [
        series('app', 'http_requests_per_second', 800, 800, 6, r),
        series('feed', 'http_requests_per_second', 800, 800, 6, r),
        series('feed', 'cpu_utilization_percent', 35, 100, 6, r),
        series('feed', 'http_error_ratio', 0.001, 0.2, 6, r),
        series('feed', 'http_latency_p99', 120, 2400, 6, r),
      ],
      changes: [{ at: '-6m', service: 'feed', kind: 'scaling', summary, author, source: 'console' }],
    },
    expected: { rootCause: { service: 'feed', kind: 'resource_exhaustion' }, action: 'scale_out' },
  };
}

describe('a change that gave a service more of what it ran short of', () => {
  it('is the response to the shortage, not its cause, even when a person made it right at the onset', async () => {
    const { scored } = await replayDirect(writeScenario(herd('feed desired count 6 -> 12 tasks', 'j.doe')), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'feed', kind: 'resource_exhaustion' });
    expect(scored.changes?.find((c) => c.service === 'feed')?.reason).toMatch(/more of the capacity it ran short of/);
  });

  it('still fits when the same person took capacity away', async () => {
    const { scored } = await replayDirect(writeScenario(herd('feed desired count 12 -> 6 tasks', 'j.doe')), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'feed', kind: 'config_change' });
  });
});

/**
 * `bff` is the entry; it calls `offers` and `coupons`, and `offers` calls `coupons` too.
 * A config change on `offers` comes ten minutes before a rush that swells `bff` and
 * `coupons` together (users arriving from a campaign); `coupons` runs out of CPU.
 */
function rush(entryRises: boolean) {
  const r = seeded(5);
  return {
    name: 'outside-demand',
    signal: alert('coupons'),
    topology: { bff: ['offers', 'coupons'], offers: ['coupons'] },
    evidence: {
      metrics: [
        series('bff', 'http_requests_per_second', 1000, entryRises ? 15000 : 1000, 12, r),
        series('offers', 'http_requests_per_second', 900, 900, 12, r),
        series('coupons', 'http_requests_per_second', 700, 12000, 12, r),
        series('coupons', 'cpu_utilization_percent', 30, 100, 11, r),
        series('coupons', 'http_error_ratio', 0.001, 0.08, 11, r),
        series('coupons', 'http_latency_p99', 190, 4000, 11, r),
      ],
      changes: [{ at: '-16m', service: 'offers', kind: 'config', summary: 'spring campaign tiles enabled', author: 'deploy-bot', source: 'config-repo' }],
    },
    expected: { rootCause: { service: 'coupons', kind: 'traffic_surge' }, action: 'scale_out' },
  };
}

describe('demand that swelled the entry and a callee together', () => {
  it('came from outside: a change on a caller beside the entry did not carry it', async () => {
    const { scored } = await replayDirect(writeScenario(rush(true)), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'coupons', kind: 'traffic_surge' });
    expect(scored.changes?.find((c) => c.service === 'offers')?.reason ?? '').not.toMatch(/moved at the change/);
  });

  it('is the change’s carried effect when only the callee’s demand rose', async () => {
    const { scored } = await replayDirect(writeScenario(rush(false)), { allServices: true });
    expect(scored.changes?.find((c) => c.service === 'offers')?.reason).toMatch(/moved at the change/);
  });
});
