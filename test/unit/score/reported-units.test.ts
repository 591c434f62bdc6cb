import { describe, expect, it } from 'vitest';
import { platformLinks } from '../../../functions/score/core/platform.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { alert, seeded, series, writeScenario } from './synthetic.js';

/*
 * The compute under every service reboots all its instances at once: each service loses
 * its hosts in the same minute, and minutes later the provider's status feed says all
 * instances rebooted. What the services share is the platform that reported it, not any
 * one of them, however loudly each fails.
 */
const at = Date.parse('2026-06-01T09:00:00Z');
const min = 60_000;
const TOLERANCE = 120_000;
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
const report = (words: string, minutesBefore = 6) => sig('compute', 'related_alert', minutesBefore, { strength: 0.2, local: false, text: `${words} fired on compute` });
const graph = () => mergeGraph({ api: ['jobs', 'store'], jobs: ['store'] });

describe('a platform whose own report says the units on it went away', () => {
  it('is what services that lost their hosts together in the minutes before the report share: those losses are its own evidence', () => {
    const out = platformLinks([report('Provider status: all instances rebooted'), sig('jobs', 'runtime_node', 12), sig('store', 'runtime_node', 12), sig('jobs', 'errors', 12)], graph(), TOLERANCE);
    expect(out.edges).toEqual({ jobs: ['compute'], store: ['compute'] });
    expect(out.signals.map((s) => [s.service, s.evidenceId, s.local, s.hint])).toEqual([
      ['compute', 'E_jobs_runtime_node', true, 'infrastructure'],
      ['compute', 'E_store_runtime_node', true, 'infrastructure'],
    ]);
    expect(out.units).toEqual(new Set(['compute']));
  });

  it('links nothing for one service alone, for losses long before the report, or for a report about something else', () => {
    expect(platformLinks([report('Provider status: all instances rebooted'), sig('jobs', 'runtime_node', 12)], graph(), TOLERANCE).edges).toEqual({});
    expect(platformLinks([report('Provider status: all instances rebooted'), sig('jobs', 'runtime_node', 40), sig('store', 'runtime_node', 40)], graph(), TOLERANCE).edges).toEqual({});
    expect(platformLinks([report('Provider status: SMS API degraded performance'), sig('jobs', 'runtime_node', 12), sig('store', 'runtime_node', 12)], graph(), TOLERANCE).edges).toEqual({});
  });

  it('ranks that platform first, as infrastructure, though we see it only through its report and its units', async () => {
    const r = seeded(7);
    const file = writeScenario({
      name: 'instances-rebooted',
      signal: alert('api'),
      topology: { api: ['jobs', 'store', 'compute'], jobs: ['store', 'compute'], store: ['compute'] },
      evidence: {
        metrics: [series('api', 'http_server_error_ratio', 0.002, 0.5, 12, r), series('jobs', 'http_server_error_ratio', 0.002, 0.7, 12, r), series('store', 'http_server_error_ratio', 0.001, 0.8, 12, r)],
        runtime: [
          { at: '-12m', service: 'jobs', kind: 'restart', count: 6, message: 'host rebooted' },
          { at: '-12m', service: 'store', kind: 'restart', count: 4, message: 'host rebooted' },
          { at: '-12m', service: 'api', kind: 'restart', count: 3, message: 'host rebooted' },
        ],
        alerts: [{ at: '-6m', service: 'compute', name: 'Provider status: all instances rebooted', status: 'firing' }],
      },
      expected: { rootCause: { service: 'compute', kind: 'infrastructure' }, action: 'none' },
    });
    const { scored } = await replayDirect(file);
    expect(scored.suspects[0]).toMatchObject({ service: 'compute', kind: 'infrastructure' });
  });
});
