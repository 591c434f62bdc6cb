import { describe, expect, it } from 'vitest';
import { servicesThatCanFail } from '../../../functions/score/core/index.js';
import { mergeGraph, originScore, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], strength: number, local: boolean): Signal => ({ service, family, strength, onsetMs: at - 2 * 60_000, evidenceId: `E_${service}_${family}`, local, text: `${service} ${family}` });
const graph = mergeGraph({ web: ['catalog', 'ads'] });
const signals = [sig('web', 'errors', 1, false), sig('catalog', 'traffic_down', 0.5, false), sig('catalog', 'inbound_latency', 0.4, true)];

describe('an entry service\'s error ratio over dependencies that cannot report failures', () => {
  it('is not read as failures that start in the entry service', () => {
    const blind = profileServices(signals, graph, frame, new Set(['web']));
    expect(blind.get('web')!.local).toBe(0);
    expect(originScore(blind.get('catalog')!)).toBeGreaterThan(originScore(blind.get('web')!));
  });

  it('is, when its dependencies could have shown failures and showed none', () => {
    const seeing = profileServices(signals, graph, frame, new Set(['web', 'catalog', 'ads']));
    expect(seeing.get('web')!.local).toBeGreaterThan(0.5);
  });
});

const stats = (service: string, errorOrigins: number[]) => ({ id: `traces_${service}`, class: 'traces', kind: 'service_stats', service, errorOrigins }) as unknown as Evidence;

describe('services that can fail in the evidence', () => {
  it('counts spans only where some span carries an error status', () => {
    expect([...servicesThatCanFail([stats('web', [0, 0]), stats('ads', [0, 0])])]).toEqual([]);
    expect([...servicesThatCanFail([stats('web', [0, 0]), stats('ads', [0, 2])])].sort()).toEqual(['ads', 'web']);
  });

  it('counts error series and log lines', () => {
    const metric = { id: 'metrics_1', class: 'metrics', service: 'web', name: 'http_error_ratio', labels: {} } as unknown as Evidence;
    const cpu = { id: 'metrics_2', class: 'metrics', service: 'ads', name: 'cpu_usage_percent', labels: {} } as unknown as Evidence;
    const log = { id: 'logs_1', class: 'logs', service: 'catalog' } as unknown as Evidence;
    expect([...servicesThatCanFail([metric, cpu, log])].sort()).toEqual(['catalog', 'web']);
  });
});
