import { describe, expect, it } from 'vitest';
import { runningNoCodeOfOurs } from '../../../functions/score/core/index.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { rankSuspects } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ api: ['search'] });
const observed = new Set(['api', 'search']);

const metric = (service: string, name: string) => ({ class: 'metrics', id: `metrics_${service}_${name}`, service, name, labels: {} }) as unknown as Evidence;
const stats = (service: string, seenOnlyByCallers: boolean) => ({ class: 'traces', kind: 'service_stats', id: `traces_${service}`, service, ...(seenOnlyByCallers ? { seenOnlyByCallers: true } : {}) }) as unknown as Evidence;
const logs = (service: string) => ({ class: 'logs', id: `logs_${service}`, service }) as unknown as Evidence;

describe('a service that runs no code we see', () => {
  it('is one with metrics of its own that callers reach through client spans, and nothing else of its own', () => {
    const evidence = [metric('search', 'ClusterStatus.red'), stats('search', true), metric('api', 'errors'), stats('api', false), logs('api')];
    expect([...runningNoCodeOfOurs(evidence)]).toEqual(['search']);
  });

  it('is not one with log lines or spans of its own, nor one no caller reaches', () => {
    expect(runningNoCodeOfOurs([metric('search', 'ClusterStatus.red'), stats('search', true), logs('search')]).size).toBe(0);
    expect(runningNoCodeOfOurs([metric('search', 'ClusterStatus.red'), stats('search', false)]).size).toBe(0);
    expect(runningNoCodeOfOurs([metric('search', 'ClusterStatus.red')]).size).toBe(0);
  });

  const apiErrors: Signal = { service: 'api', family: 'errors', strength: 1, onsetMs: at - 2 * 60_000, evidenceId: 'metrics_api', local: false, text: 'api error rate rose' };
  const searchErrors: Signal = { service: 'search', family: 'errors', strength: 1, onsetMs: at - 3 * 60_000, evidenceId: 'metrics_search_5xx', local: true, text: 'search 5xx rose' };
  const failingCalls: Signal = { service: 'search', family: 'error_origin', strength: 0.9, onsetMs: at - 3 * 60_000, evidenceId: 'traces_search', local: true, text: 'failing spans start in search' };
  const saturated: Signal = { service: 'search', family: 'saturation', strength: 1, onsetMs: at - 4 * 60_000, evidenceId: 'metrics_search_queue', local: true, text: 'search queue full' };

  it('fails as a dependency, not with a defect in our code, when its own metrics show the failure', () => {
    const profiles = profileServices([apiErrors, searchErrors, failingCalls], graph, frame);
    const top = rankSuspects(profiles, [], observed, new Set(), new Map(), undefined, new Set(['search']))[0];
    expect(top).toMatchObject({ service: 'search', kind: 'dependency_failure' });
    expect(top?.reasons[0]).toMatch(/runs no code we see/);
    expect(rankSuspects(profiles, [], observed)[0]).toMatchObject({ service: 'search', kind: 'code_defect' });
  });

  it('keeps what its own metrics say ran short', () => {
    const profiles = profileServices([apiErrors, searchErrors, failingCalls, saturated], graph, frame);
    const kinds = rankSuspects(profiles, [], observed, new Set(), new Map(), undefined, new Set(['search'])).filter((c) => c.service === 'search').map((c) => c.kind);
    expect(kinds).toContain('resource_exhaustion');
    expect(kinds).not.toContain('code_defect');
  });
});
