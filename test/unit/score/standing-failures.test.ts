import { describe, expect, it } from 'vitest';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, writeScenario } from './synthetic.js';

/**
 * A queue worker whose failures were already flowing when the window opened: its failure
 * count stood at about 190 every five minutes for the whole window (a day earlier, 1),
 * its runtime logged OOM kills, and someone raised its concurrency twenty minutes before
 * the page. Its release went out three hours before.
 */
function worker(options: { failingFromMin?: number; newErrorsAtChange?: boolean } = {}) {
  const r = seeded(41);
  const errors: [string, number][] = [];
  const reference: [string, number][] = [];
  for (let m = 180; m >= 0; m -= 5) {
    const failing = m >= 165 ? false : options.failingFromMin === undefined || m <= options.failingFromMin;
    errors.push([`-${m}m`, Math.round((failing ? 190 : 1) * (1 + (r() - 0.5) * 0.1))]);
    reference.push([`-${m + 24 * 60}m`, Math.round(1 + r())]);
  }
  return writeScenario({
    name: 'standing-failures',
    signal: alert('renderer', 'QueueOldestMessageAge'),
    topology: { queue: ['renderer'] },
    evidence: {
      metrics: [{ name: 'Errors', service: 'renderer', unit: 'Count', points: errors }],
      runtime: [{ at: '-10m', service: 'renderer', kind: 'oom_killed', count: 40, message: 'Runtime exited with error: signal: killed' }],
      ...(options.newErrorsAtChange ? { logs: [...Array.from({ length: 40 }, (_, i) => ({ at: `-${60 - i}m`, service: 'renderer', level: 'info', message: `rendered invoice ${i}` })), ...Array.from({ length: 19 }, (_, i) => ({ at: `-${19 - i}m`, service: 'renderer', level: 'error', message: 'TemplateError: unknown tag {% vat_number %} in invoice.html' }))] } : {}),
      changes: [
        { at: '-3h', service: 'renderer', kind: 'deployment', summary: 'renderer version 87: new PDF engine', version: '87', previousVersion: '86' },
        { at: '-20m', service: 'renderer', kind: 'config', summary: 'renderer reserved concurrency 50 -> 80 (mitigation)' },
      ],
      reference: { from: '-1500m', to: '-1440m', metrics: [{ name: 'Errors', service: 'renderer', unit: 'Count', points: reference }] },
    },
  });
}

describe('failures that stood before a change', () => {
  it('rules out a change made while the service was already failing when the window opened, and reads the growth up to then', async () => {
    const { scored } = await replayDirect(worker());
    expect(scored.suspects[0]).toMatchObject({ service: 'renderer', kind: 'deployment' });
    expect(scored.suspects.some((s) => s.kind === 'config_change')).toBe(false);
    expect(scored.changes?.find((c) => c.reason.includes('concurrency'))?.reason).toMatch(/failures already stood beyond their healthy range when the window opened/);
  });

  it('keeps a change at which something of the service moved, however long its failures had stood', async () => {
    const { scored } = await replayDirect(worker({ newErrorsAtChange: true }));
    expect(scored.changes?.find((c) => c.reason.includes('concurrency'))?.reason).not.toMatch(/after the trouble started/);
  });

  it('keeps a change that the failures followed', async () => {
    const { scored } = await replayDirect(worker({ failingFromMin: 15 }));
    expect(scored.suspects[0]).toMatchObject({ service: 'renderer', kind: 'config_change' });
  });
});
