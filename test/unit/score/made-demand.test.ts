import { describe, expect, it } from 'vitest';
import { attributeChanges } from '../../../functions/score/core/changes.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

/*
 * A flag that makes every page poll a new endpoint makes the demand its edge then runs
 * short of: the edge's extra calls all go to the flagged service, whose own requests
 * stepped at the flag. A rush from outside swells the other paths behind the edge too.
 */
const at = Date.parse('2026-04-01T15:30:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const graph = mergeGraph({ edge: ['qa-web', 'chat-web'] });
const observed = new Set(['edge', 'qa-web', 'chat-web']);
const flagAt = at - 24 * min;
const sig = (service: string, family: Signal['family'], id: string, onsetMs: number, local = true): Signal => ({ service, family, strength: 1, onsetMs, evidenceId: id, local, text: `${service} ${family}` });
const edge = [sig('edge', 'traffic_up', 'M1', flagAt), sig('edge', 'cpu', 'M2', flagAt), sig('edge', 'latency', 'M3', flagAt + min, false)];
const flagged = [sig('qa-web', 'traffic_up', 'M4', flagAt)];
const flag = { id: 'CHANGE_1', class: 'changes', service: 'qa-web', kind: 'feature_flag', at: new Date(flagAt).toISOString(), summary: 'egg_game: enabled for 100% of users' } as unknown as Evidence;
const attribute = (signals: Signal[]) => attributeChanges([flag], profileServices(signals, graph, frame), graph, frame, { ms: flagAt, stepMs: min }, observed)[0]!;

describe('demand a change made', () => {
  it('makes the caller that forwarded it the change’s victim', () => {
    expect(attribute([...edge, ...flagged])).toMatchObject({ explains: 'edge', redHerring: false });
  });

  it('is not read so when the caller’s other callees saw more demand too: users came on their own', () => {
    expect(attribute([...edge, ...flagged, sig('chat-web', 'traffic_up', 'M5', flagAt)]).explains).toBeUndefined();
  });

  it('is not read so when the changed service’s requests did not step at the change', () => {
    expect(attribute([...edge, sig('qa-web', 'traffic_up', 'M4', flagAt + 15 * min)]).explains).toBeUndefined();
  });
});
