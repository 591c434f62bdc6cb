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

describe('citations', () => {
  it('cites the proof in every class that saw the fault: the lost node and the CPU it left short', async () => {
    const { rca } = await replayDirect('scenarios/media-transcode-backlog.json');
    const ids = [rca.summary, rca.rootCause.statement, ...rca.causalChain].flatMap((s) => s.evidenceIds);
    expect(ids.some((id) => id.startsWith('RUNTIME_'))).toBe(true);
    expect(ids.some((id) => id.startsWith('METRIC_'))).toBe(true);
  });

  it('names the runners-up in the summary and cites what speaks for them', async () => {
    const { rca, scored } = await replayDirect('scenarios/media-packager-errors.json');
    const runnerUp = scored.suspects.find((s) => s.service !== scored.suspects[0]!.service)!;
    expect(rca.summary.text).toContain(runnerUp.service);
    expect(rca.summary.evidenceIds.some((id) => runnerUp.evidenceIds.includes(id))).toBe(true);
  });
});
