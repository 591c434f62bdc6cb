import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { firstFullSignAfter } from '../../../functions/score/core/first-sign.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-02T19:05:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 60_000 };
/** A client app in front of the load balancer it connects through. */
const graph = mergeGraph({ app: ['lb'], lb: ['api'] });
const observed = new Set(['app', 'lb', 'api']);
const change = { id: 'CHANGE_lb', class: 'changes', service: 'lb', kind: 'config', at: new Date(at - 38 * min).toISOString(), summary: 'lb: listener address type changed', link: { kind: 'none' } } as unknown as Evidence;

/** The app's trouble: one series failing outright `firstMinutes` after the change, the rest of it 8 minutes after. */
const appTrouble = (firstMinutes: number, strength: number): Signal[] => [
  { service: 'app', family: 'errors', strength, onsetMs: at - (38 - firstMinutes) * min, stepMs: min, evidenceId: 'M_app_sessions', local: false, text: 'app error rate rose from 0.011 to 0.24 (sessions_failed:ratio)' },
  { service: 'app', family: 'errors', strength: 1, onsetMs: at - 30 * min, stepMs: min, evidenceId: 'M_app_connect', local: false, text: 'app error rate rose from 0.0 to 1.00 (connect_failures:ratio)' },
  { service: 'app', family: 'log_error', strength: 0.35, onsetMs: at - 30 * min, evidenceId: 'L_app', local: true, text: 'app logged more error "connection failed, fell back"' },
];

const attribute = (signals: Signal[]) => {
  const profiles = profileServices(signals, graph, frame);
  const attributions = attributeChanges([change], profiles, graph, frame, { ms: Math.min(...signals.map((s) => s.onsetMs)), stepMs: min }, observed);
  return { profiles, attributions };
};

describe("a neighbour's trouble dated by its first series to fail outright after a change", () => {
  it('dates it at that series when it failed a minute after the change', () => {
    const { profiles } = attribute(appTrouble(1, 1));
    expect(profiles.get('app')!.onsetMs).toBe(at - 30 * min);
    expect(firstFullSignAfter(profiles.get('app')!, at - 38 * min, min)).toBe(at - 37 * min);
  });

  it("blames the change for the caller whose series failed outright right after it", () => {
    const { profiles, attributions } = attribute(appTrouble(1, 1));
    const a = attributions.find((x) => x.change.service === 'lb')!;
    expect(a.explains).toBe('app');
    expect(rankSuspects(profiles, attributions, observed)[0]).toMatchObject({ service: 'lb', kind: 'config_change' });
  });

  it('keeps the onset when the early series only drifted', () => {
    const { profiles, attributions } = attribute(appTrouble(1, 0.5));
    expect(firstFullSignAfter(profiles.get('app')!, at - 38 * min, min)).toBe(at - 30 * min);
    expect(rankSuspects(profiles, attributions, observed)[0]).toMatchObject({ service: 'app' });
  });
});
