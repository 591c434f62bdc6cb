import { describe, expect, it } from 'vitest';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2028-02-29T06:20:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: min };
const startMs = at - 4 * 60 * min;
const ratio = (service: string, level: (i: number) => number, unit = 'ratio', reference?: unknown) =>
  ({ class: 'metrics', id: `METRIC_${service}`, service, name: 'http_error_ratio', labels: {}, unit, startMs, stepMs: min, values: Array.from({ length: 241 }, (_, i) => level(i)), link: { kind: 'none' }, ...(reference ? { reference } : {}) }) as unknown as Evidence;

describe('an error ratio failing half of all requests from the window’s first sample', () => {
  const scheduler = ratio('scheduler', (i) => 0.85 + 0.02 * Math.sin(i));

  it('is a failure that began before the window opened, dated to its first sample', () => {
    const s = metricSignals([scheduler], frame).find((x) => x.family === 'errors');
    expect(s).toMatchObject({ service: 'scheduler', onsetMs: startMs });
    expect(s!.strength).toBeGreaterThan(0.9);
    expect(s!.text).toMatch(/failing before the window opened/);
    expect(metricSignals([ratio('scheduler', (i) => 85 + Math.sin(i), 'percent')], frame).find((x) => x.family === 'errors')?.onsetMs).toBe(startMs);
  });

  it('is not read where the ratio ever fell below half, where a reference says how it usually is, or in a series that is not a ratio', () => {
    expect(metricSignals([ratio('scheduler', (i) => (i === 100 ? 0.2 : 0.85))], frame).filter((x) => x.family === 'errors')).toEqual([]);
    expect(metricSignals([ratio('scheduler', () => 0.3)], frame).filter((x) => x.family === 'errors')).toEqual([]);
    const usual = { median: 0.85, p05: 0.8, p95: 0.9, mad: 0.02, points: 60 };
    expect(metricSignals([ratio('scheduler', () => 0.85, 'ratio', usual)], frame).filter((x) => x.family === 'errors')).toEqual([]);
    expect(metricSignals([ratio('scheduler', () => 0.85, 'count')], frame).filter((x) => x.family === 'errors')).toEqual([]);
  });

  it('makes the callee that was already failing explain the caller whose trouble began inside the window', () => {
    const graph = mergeGraph({ servicing: ['scheduler'] });
    const callerLines: Signal = { service: 'servicing', family: 'log_error', strength: 0.9, onsetMs: at - 195 * min, evidenceId: 'LOG_1', local: true, text: 'servicing started logging warn "no schedule row for loan <*>"' };
    const profiles = profileServices([callerLines, ...metricSignals([scheduler], frame)], graph, frame, new Set(['servicing', 'scheduler']));
    expect(profiles.get('servicing')?.explainedBy).toBe('scheduler');
    expect(originScore(profiles.get('scheduler')!)).toBeGreaterThan(originScore(profiles.get('servicing')!));
  });
});
