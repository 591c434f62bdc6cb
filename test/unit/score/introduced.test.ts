import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, writeScenario } from './synthetic.js';

/**
 * A consumer whose release at -50m rejects one message shape: its exception group is first
 * seen a minute after the release, but its error lines only show from -12m, when on-call
 * also raised its timeout as a mitigation.
 */
function rejecting(exceptionAt: string) {
  return writeScenario({
    name: 'introduced-error',
    signal: alert('consumer', 'QueueAgeHigh'),
    topology: { consumer: [] },
    evidence: {
      logs: [
        ...Array.from({ length: 40 }, (_, i) => ({ at: `-${58 - i}m`, service: 'consumer', level: 'info', message: `batch ${i} processed` })),
        ...Array.from({ length: 24 }, (_, i) => ({ at: `-${720 - i * 30}s`, service: 'consumer', level: 'error', message: 'batch failed: 10 of 10 records rejected' })),
      ],
      exceptions: [{ at: exceptionAt, service: 'consumer', type: 'ZodError', message: 'Expected string, received number at lines[].sku', count: 5400 }],
      changes: [
        { at: '-50m', service: 'consumer', kind: 'deployment', summary: 'consumer v212: event parsing moved to schemas', version: '212', previousVersion: '211' },
        { at: '-12m', service: 'consumer', kind: 'config', summary: 'consumer timeout 30s -> 60s (mitigation)' },
      ],
    },
  });
}

describe('a failure a change introduced', () => {
  it('dates the trouble from an exception first thrown right after the release, so the later mitigation came too late', async () => {
    const { scored } = await replayDirect(rejecting('-49m'));
    expect(scored.suspects[0]).toMatchObject({ service: 'consumer', kind: 'deployment' });
    expect(scored.suspects.some((s) => s.kind === 'config_change')).toBe(false);
  });

  it('does not, when the exception first appeared long after the release', async () => {
    const { scored } = await replayDirect(rejecting('-25m'));
    expect(scored.suspects[0]!.kind).not.toBe('deployment');
  });
});
