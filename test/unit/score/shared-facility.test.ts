import { describe, expect, it } from 'vitest';
import { servingNoRequests, sharedFacilityLinks } from '../../../functions/score/core/pieces.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';
import { replayDirect } from '../../helpers/direct-replay.js';
import { siteLossScenario } from './synthetic.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const TOLERANCE = 120_000;
const sig = (service: string, family: Signal['family'], extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.8, onsetMs: at - 9 * 60_000, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });
/** Instances of a service unreachable: hosts it lost. */
const hostsLost = (service: string, extra: Partial<Signal> = {}) => sig(service, 'runtime_other', { evidenceId: `E_${service}_hosts`, ...extra });
/** The site's own trouble: its power feeds ran out. */
const power = (extra: Partial<Signal> = {}) => sig('site', 'saturation', { evidenceId: 'E_site_power', strength: 0.9, onsetMs: at - 10 * 60_000, ...extra });
const graph = () => mergeGraph({ front: ['config', 'auth'], config: ['config-db', 'site'], auth: ['site'], logs: ['site'] });
const FACILITIES = new Set(['site']);

describe('the facility under services that lose hosts together', () => {
  it('is the piece serving no requests that two of them depend on, whose own trouble came no later: the hosts lost are its evidence', () => {
    const config = hostsLost('config');
    const auth = hostsLost('auth');
    const logs = hostsLost('logs', { onsetMs: at - 8 * 60_000 });
    const out = sharedFacilityLinks([power(), config, auth, logs, sig('config', 'errors')], graph(), FACILITIES, TOLERANCE);
    expect(out.signals.map((s) => [s.service, s.evidenceId, s.local, s.hint])).toEqual([
      ['site', 'E_auth_hosts', true, 'infrastructure'],
      ['site', 'E_config_hosts', true, 'infrastructure'],
      ['site', 'E_logs_hosts', true, 'infrastructure'],
    ]);
    expect(out.moved).toEqual(new Set([auth, config, logs]));
    expect(out.edges).toEqual({});
  });

  it('names nothing for hosts one service lost, for a site whose trouble came after the hosts, or for a piece that serves requests', () => {
    expect(sharedFacilityLinks([power(), hostsLost('config')], graph(), FACILITIES, TOLERANCE).signals).toEqual([]);
    expect(sharedFacilityLinks([power({ onsetMs: at }), hostsLost('config'), hostsLost('auth')], graph(), FACILITIES, TOLERANCE).signals).toEqual([]);
    expect(sharedFacilityLinks([power(), hostsLost('config'), hostsLost('auth')], graph(), new Set(), TOLERANCE).signals).toEqual([]);
    expect(sharedFacilityLinks([hostsLost('config'), hostsLost('auth')], graph(), FACILITIES, TOLERANCE).signals).toEqual([]);
  });

  it('reads as serving no requests a piece with telemetry none of which is about requests', () => {
    const metric = (service: string, name: string) => ({ class: 'metrics', id: `M_${service}_${name}`, service, name, labels: {}, startMs: at, stepMs: 60_000, values: [1], link: { kind: 'none' } }) as unknown as Evidence;
    const line = { class: 'logs', id: 'L_1', service: 'config', at: new Date(at).toISOString(), level: 'error', message: 'x', link: { kind: 'none' } } as unknown as Evidence;
    expect(servingNoRequests([metric('site', 'dcim_power_feeds_available'), metric('db', 'http_server_error_ratio'), metric('config', 'cpu_usage_ratio'), line])).toEqual(new Set(['site']));
  });
});

describe('ranking hosts lost in one site', () => {
  it('names the site whose power failed as infrastructure, not one of the services whose hosts it took down', async () => {
    const file = siteLossScenario('site-power-loss', 5);
    const { scored } = await replayDirect(file);
    expect(scored.suspects[0]).toMatchObject({ service: 'site', kind: 'infrastructure' });
  });
});
