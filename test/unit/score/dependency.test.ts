import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/** checkout calls a payment provider; calls into it start failing ten minutes before the alert, as reported by `reporter`. */
function clientMetrics(reporter: string) {
  const r = seeded(4);
  const edge = { ...series('stripe', 'http_client_error_ratio', 0.001, 0.4, 10, r), labels: { caller: 'checkout', callee: 'stripe', reporter } };
  return writeScenario({
    name: `peer-${reporter}`,
    signal: alert('checkout'),
    topology: { checkout: ['stripe'] },
    evidence: { metrics: [edge, series('checkout', 'http_error_ratio', 0.001, 0.2, 9, r), series('checkout', 'cpu_usage_percent', 20, undefined, 0, r)] },
  });
}

describe('dependency versus defect: positive evidence of a dependency we do not run', () => {
  it('reads a peer seen only through its caller\'s client metrics as a failing dependency', async () => {
    const { scored } = await replayDirect(clientMetrics('source'));
    expect(scored.suspects[0]).toMatchObject({ service: 'stripe', kind: 'dependency_failure' });
  });

  it('does not, when the series is the peer\'s own (reported on its side)', async () => {
    const { scored } = await replayDirect(clientMetrics('destination'));
    expect(scored.suspects[0]!.service).toBe('stripe');
    expect(scored.suspects[0]!.kind).not.toBe('dependency_failure');
  });
});
