import { describe, expect, it } from 'vitest';
import { addsCapacity } from '../../../functions/score/core/changes.js';
import { replayDirect } from '../../helpers/direct-replay.js';

const suite = (name: string) => `scenarios/${name}.json`;
const top = async (name: string) => (await replayDirect(suite(name))).scored;

describe('change attribution', () => {
  it('treats an autoscaler adding capacity as a response, and a capacity cut as a suspect', () => {
    expect(addsCapacity({ kind: 'scaling', summary: 'HorizontalPodAutoscaler dispatch: 6 -> 12 replicas' })).toBe(true);
    expect(addsCapacity({ kind: 'scaling', summary: 'terminating unhealthy instance, launching replacement (desired 4)' })).toBe(true);
    expect(addsCapacity({ kind: 'scaling', summary: 'scheduled action scale-in-morning: desired count 6 -> 4' })).toBe(false);
    expect(addsCapacity({ kind: 'config', summary: 'pool 8 -> 64' })).toBe(false);
  });

  it('reads a surge with autoscaling and an older config change below it as a traffic surge on the saturated service', async () => {
    const scored = await top('dispatch-latency-storm');
    expect(scored.suspects[0]).toMatchObject({ service: 'dispatch', kind: 'traffic_surge' });
    expect(scored.recommendedAction.kind).toBe('scale_out');
  });

  it('blames the live-event surge, not the database its callers passed the extra load to', async () => {
    const scored = await top('media-playback-errors-live-event');
    expect(scored.suspects[0]).toMatchObject({ service: 'playback-api', kind: 'traffic_surge' });
  });

  it('blames a deploy whose output broke the service it feeds, over that service’s own errors', async () => {
    const scored = await top('media-packager-errors');
    expect(scored.suspects[0]).toMatchObject({ service: 'transcoder', kind: 'deployment' });
    expect(scored.suspects.findIndex((s) => s.service === 'packager')).toBeGreaterThan(0);
  });

  it('blames a caller’s config change for the throttling it caused in the table below', async () => {
    const scored = await top('media-metadata-throttling');
    expect(scored.suspects[0]).toMatchObject({ service: 'manifest-svc', kind: 'config_change' });
  });

  it('prefers a caller’s flag that tripled calls over the callee’s own older model refresh', async () => {
    const scored = await top('shop-recommendations-latency');
    expect(scored.suspects[0]).toMatchObject({ service: 'storefront', kind: 'feature_flag' });
  });

  it('does not make a third party the victim of a deploy on its caller', async () => {
    const scored = await top('shop-order-emails-backlog');
    expect(scored.suspects[0]).toMatchObject({ service: 'sendgrid', kind: 'dependency_failure' });
  });
});

describe('kind decisions', () => {
  it('reads saturation after a lost node as infrastructure', async () => {
    expect((await top('media-transcode-backlog')).suspects[0]).toMatchObject({ service: 'transcoder', kind: 'infrastructure' });
    expect((await top('shop-search-slow-results')).suspects[0]).toMatchObject({ service: 'search-es', kind: 'infrastructure' });
  });

  it('reads a bot surge on a service as a traffic surge, not its database’s exhaustion', async () => {
    expect((await top('shop-storefront-latency-morning')).suspects[0]).toMatchObject({ service: 'catalog', kind: 'traffic_surge' });
  });
});

describe('slow burns', () => {
  it('blames the release that shipped a leak hours before the OOM kills, and recommends rolling it back', async () => {
    const scored = await top('payments-api-slow-responses');
    expect(scored.suspects[0]).toMatchObject({ service: 'ledger', kind: 'deployment' });
    expect(scored.recommendedAction.kind).toBe('rollback');
  });

  it('does not blame a release days old for errors that are not a leak', async () => {
    expect((await top('payments-payout-batch-failures')).suspects[0]).toMatchObject({ service: 'payouts-worker', kind: 'code_defect' });
    expect((await top('shop-checkout-intermittent-500')).suspects[0]).toMatchObject({ service: 'orders', kind: 'code_defect' });
  });
});
