import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { linesNameActor } from '../../../functions/score/core/victims.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-04-05T07:38:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ router: ['registry'], 'lifecycle-worker': ['registry'] });
const observed = new Set(['router', 'registry', 'lifecycle-worker']);
/** The registry's deletions stopping when the purge was paused, long after the trouble began. */
const deleted = (by: string): Signal => ({ service: 'registry', family: 'log_vanished', strength: 0.16, onsetMs: at - 12 * min, evidenceId: 'L_registry', local: true, text: `registry stopped logging "site <*> deleted by principal=${by}"` });
const registry: Signal[] = [{ service: 'registry', family: 'error_origin', strength: 0.9, onsetMs: at - 34 * min, evidenceId: 'T_registry', local: true, text: '7 failing spans start in registry' }];
const purge = { id: 'CHANGE_1', class: 'changes', service: 'lifecycle-worker', kind: 'deployment', at: new Date(at - 52 * min).toISOString(), summary: 'lifecycle-worker 2026.04.05-1: bulk purge of retired sites' } as unknown as Evidence;

const attribute = (signals: Signal[]) => attributeChanges([purge], profileServices(signals, graph, frame), graph, frame, { ms: at - 34 * min, stepMs: 0 }, observed)[0]!;

describe("a neighbour whose own lines name the changed service as acting on it", () => {
  it('is read as naming it, where its callers naming it is not', () => {
    const profiles = profileServices([...registry, deleted('lifecycle-worker')], graph, frame);
    expect(linesNameActor(profiles.get('registry')!, 'lifecycle-worker')).toBe(true);
    expect(linesNameActor(profiles.get('registry')!, 'router')).toBe(false);
  });

  it('is that change’s victim though its trouble began long after the change', () => {
    const a = attribute([...registry, deleted('lifecycle-worker')]);
    expect(a.explains).toBe('registry');
    expect(a.score).toBeGreaterThan(0.3);
    expect(attribute([...registry, deleted('billing-admin')]).score).toBeLessThan(0.1);
  });
});

describe('a failure count a piece keeps itself', () => {
  it('is local evidence on the piece when it counts resources it could not get', () => {
    const values = [...new Array<number>(40).fill(0), ...new Array<number>(20).fill(5200)];
    const series = { class: 'metrics', id: 'METRIC_1', service: 'nat', name: 'ErrorPortAllocation', labels: {}, unit: 'Count', startMs: at - 60 * min, stepMs: min, values, link: { kind: 'none' } } as unknown as Evidence;
    const [s] = metricSignals([series], frame).filter((x) => x.family === 'errors');
    expect(s).toMatchObject({ local: true, hint: 'resource_exhaustion' });
    const other = { ...series, id: 'METRIC_2', name: 'HTTPCode_Target_5XX_Count' } as unknown as Evidence;
    expect(metricSignals([other], frame).find((x) => x.family === 'errors')!.local).toBe(false);
  });
});
