import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** A gateway calls ingest, which writes to a bucket we see only through its calls, as thumbs reads it; ingest runs on two nodes, whose node exporters we read. */
const topology = { gateway: ['ingest'], ingest: ['bucket'], thumbs: ['bucket'] };

/**
 * Ingest's calls to the bucket fail on node-a from seven minutes before the alert (on
 * node-b too when `bothNodes`), and thumbs, whose series say nothing of its hosts, fails
 * with it (it has pods on node-a too): two callers of the bucket failing together.
 */
function oneNode(options: { bothNodes?: boolean; otherNodeSeen?: boolean } = {}) {
  const r = seeded(33);
  const calls = (node: string, failing: boolean) => ({ ...series('ingest', 'aws_sdk_request_errors', 0.01, failing ? 6 : undefined, 7, r), labels: { node, service: 's3' } });
  return {
    name: 'one-node-fails',
    signal: alert('gateway'),
    topology,
    evidence: {
      metrics: [
        series('gateway', 'http_error_ratio', 0.003, 0.15, 7, r),
        series('ingest', 'http_error_ratio', 0.003, 0.16, 7, r),
        series('thumbs', 'http_error_ratio', 0.002, 0.1, 7, r),
        calls('node-a', true),
        ...(options.otherNodeSeen === false ? [] : [calls('node-b', options.bothNodes ?? false)]),
        series('node-a', 'node_load1', 1.2, undefined, 7, r),
        series('node-b', 'node_load1', 1.1, undefined, 7, r),
      ],
    },
    expected: { rootCause: { service: 'node-a', kind: 'infrastructure' }, action: 'none' },
  };
}

const replay = async (scenario: Record<string, unknown>) => (await replayDirect(writeScenario(scenario), { allServices: true })).scored;

describe('failures confined to one of a service\'s hosts', () => {
  it('reads calls that fail on one node while the same calls from another node succeed as that node failing, not the code or the callee the callers share', async () => {
    const scored = await replay(oneNode());
    expect(scored.suspects[0]).toMatchObject({ service: 'node-a', kind: 'infrastructure' });
    expect(scored.suspects[0]!.reasons[0]).toContain('ingest failed on node-a alone of its hosts');
  });

  it('leaves the failures to the service when they fail on every node, or when no other node shows the same calls', async () => {
    for (const scenario of [oneNode({ bothNodes: true }), oneNode({ otherNodeSeen: false })]) {
      const scored = await replay(scenario);
      expect(scored.suspects.find((s) => s.service === 'node-a')).toBeUndefined();
    }
  });
});
