import { describe, expect, it } from 'vitest';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { spilledLinks } from '../../../functions/score/core/spilled.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-16T15:12:00Z');
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.9, onsetMs: at - minutesBefore * 60_000, evidenceId: `E_${service}_${family}`, local: family !== 'errors' && family !== 'latency', text: `${service} ${family}`, ...extra });
const topology = { 'odds-api': ['odds-cache', 'odds-db'] };
const graph = mergeGraph(topology);
const measured = new Set(['odds-api', 'odds-db']);

/** The cache reaches its memory limit and evicts; ten minutes later the database behind it serves nine times the reads, its CPU pins, and odds-api slows. */
const missStorm = (cacheFull: number): Signal[] => [
  sig('odds-cache', 'memory', cacheFull, { peakShare: 1 }),
  sig('odds-cache', 'saturation', cacheFull - 5),
  sig('odds-db', 'traffic_up', 17),
  sig('odds-db', 'cpu', 17, { peakShare: 1 }),
  sig('odds-db', 'latency', 17),
  sig('odds-api', 'latency', 17),
  sig('odds-api', 'errors', 17),
];

describe('reads a full cache no longer absorbs', () => {
  it('are the cache’s doing: the database they landed on is its victim', () => {
    const edges = spilledLinks(missStorm(27), graph, measured);
    expect(edges).toEqual({ 'odds-db': ['odds-cache'] });
    const profiles = profileServices(missStorm(27), mergeGraph(topology, edges), frame);
    expect(profiles.get('odds-db')!.explainedBy).toBe('odds-cache');
  });

  it('are a surge of users when the caller itself received more', () => {
    expect(spilledLinks([...missStorm(27), sig('odds-api', 'traffic_up', 28)], graph, measured)).toEqual({});
  });

  it('say nothing when the caller does not count its requests, or the database’s load rose before the cache ran short', () => {
    expect(spilledLinks(missStorm(27), graph, new Set(['odds-db']))).toEqual({});
    expect(spilledLinks(missStorm(10), graph, measured)).toEqual({});
  });
});
