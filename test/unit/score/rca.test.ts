import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';

describe('deterministic RCA causal chain', () => {
  it('walks from the change through the service it broke to the alert, in a few cited steps', async () => {
    const { rca, scored } = await replayDirect('scenarios/shop-recommendations-latency.json');
    expect(rca.causalChain.length).toBeGreaterThan(1);
    expect(rca.causalChain.length).toBeLessThanOrEqual(6);
    expect(rca.causalChain[0]!.evidenceIds[0]).toMatch(/^CHANGE_/);
    const ids = new Set(scored.evidence.map((e) => e.id));
    for (const s of rca.causalChain) for (const id of s.evidenceIds) expect(ids.has(id)).toBe(true);
    expect(rca.causalChain.some((s) => s.text.includes('recommendations'))).toBe(true);
  });

  it('leaves anomalies off the path from root cause to alert in the timeline only', async () => {
    const { rca, scored } = await replayDirect('scenarios/media-packager-errors.json');
    expect(scored.timeline.length).toBeGreaterThan(rca.causalChain.length);
    expect(rca.causalChain.length).toBeLessThanOrEqual(6);
    const onPath = new Set(['transcoder', 'packager']);
    for (const step of scored.causalPath ?? []) expect(onPath.has(step.service)).toBe(true);
  });
});
