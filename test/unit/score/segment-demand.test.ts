import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** An edge calls a feed service and a settings service; no call joins the two. */
const topology = { edge: ['feed', 'settings'] };

const labelled = (s: ReturnType<typeof series>, labels: Record<string, string>) => ({ ...s, labels });

/**
 * A settings change fourteen minutes before the alert cuts the refresh interval of one
 * client platform (`tvos`) from 60 s to 3 s: the feed's requests from that platform rise
 * twentyfold a minute later, the edge counting them too; the feed runs out of CPU and
 * starts failing. `otherRises` lifts the other platform's requests as well, as
 * outside demand (a broadcast everyone tunes in to) would.
 */
function refreshFlood(otherRises: boolean) {
  const r = seeded(11);
  return {
    name: 'segment-demand',
    signal: alert('feed'),
    topology,
    evidence: {
      metrics: [
        series('edge', 'http_requests_per_second', 9000, 30000, 13, r),
        series('feed', 'http_requests_per_second', 3000, 24000, 13, r),
        labelled(series('feed', 'feed_requests_by_client_rate', 1200, 22000, 13, r), { client: 'tvos-4.1' }),
        labelled(series('feed', 'feed_requests_by_client_rate', 1800, otherRises ? 12000 : 1800, 13, r), { client: 'web-4.1' }),
        series('feed', 'http_error_ratio', 0.001, 0.12, 9, r),
        series('feed', 'http_latency_p99_ms', 40, 3000, 9, r),
        series('feed', 'container_cpu_usage_ratio', 0.3, 0.97, 12, r),
        series('settings', 'http_requests_per_second', 100, 100, 13, r),
        labelled(series('settings', 'refresh_interval_seconds', 60, 3, 14, r), { platform: 'tvos' }),
      ],
      changes: [{ at: '-14m', service: 'settings', kind: 'feature_flag', summary: 'experiment fresh-feed: variant "fast" 5% -> 100%' }],
    },
    expected: { rootCause: { service: 'settings', kind: 'feature_flag' }, action: 'disable_flag' },
  };
}

describe('a change that sets another service’s demand through a client segment both carry', () => {
  it('blames the change where it was made, not a surge on the flooded service', async () => {
    const { scored } = await replayDirect(writeScenario(refreshFlood(false)), { allServices: true });
    expect(scored.suspects[0]).toMatchObject({ service: 'settings', kind: 'feature_flag' });
    expect(scored.changes?.find((c) => c.service === 'settings')?.reason).toMatch(/client=tvos-4\.1 rose .* while client=web-4\.1 held/);
  });

  it('leaves the surge when every segment rose: the demand came from outside', async () => {
    const { scored } = await replayDirect(writeScenario(refreshFlood(true)), { allServices: true });
    expect(scored.suspects[0]?.service).not.toBe('settings');
  });
});
