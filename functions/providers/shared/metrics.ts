import type { MetricSeries } from '../../contracts/index.js';
import { coarsen, stepIndex, type TimeGrid } from './grid.js';
import { median, robustBaseline, roundSig } from './stats.js';
import type { Ranked } from './budget.js';

/** One raw series as a backend returns it: samples at arbitrary times. */
export interface RawSeries {
  service: string;
  name: string;
  labels?: Record<string, string>;
  unit?: string;
  /** [epoch ms, value] pairs, any order. */
  samples: readonly (readonly [number, number])[];
  link?: string;
}

/**
 * Lays raw samples on the plan's grid (mean per step). A series sampled less often than
 * the grid keeps its own cadence, aligned to the grid, rather than alternating with gaps.
 */
export function regridSeries(raw: RawSeries, grid: TimeGrid): MetricSeries {
  const times = raw.samples.map((s) => s[0]).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) if (times[i]! > times[i - 1]!) gaps.push(times[i]! - times[i - 1]!);
  const g = coarsen(grid, median(gaps) ?? grid.stepMs);
  const sums = new Float64Array(g.length);
  const counts = new Uint32Array(g.length);
  for (const [at, value] of raw.samples) {
    const i = stepIndex(g, at);
    if (i < 0 || !Number.isFinite(value)) continue;
    sums[i]! += value;
    counts[i]! += 1;
  }
  const values = Array.from(sums, (sum, i) => (counts[i] ? roundSig(sum / counts[i]!) : null));
  return {
    class: 'metrics',
    service: raw.service,
    name: raw.name,
    labels: raw.labels ?? {},
    ...(raw.unit ? { unit: raw.unit } : {}),
    startMs: g.startMs,
    stepMs: g.stepMs,
    values,
    ...(raw.link ? { link: raw.link } : {}),
  };
}

/** How far the recent steps stray from the series' own baseline, in robust z units (0 when flat). */
export function seriesDeviation(series: Pick<MetricSeries, 'startMs' | 'stepMs' | 'values'>, splitMs: number): number {
  const before: number[] = [];
  const after: number[] = [];
  series.values.forEach((v, i) => {
    if (v === null) return;
    (series.startMs + i * series.stepMs < splitMs ? before : after).push(v);
  });
  const base = robustBaseline(before);
  if (!base || after.length === 0) return 0;
  const scale = Math.max(base.mad, Math.abs(base.median) * 0.05, 1e-9);
  const deviations = after.map((v) => Math.abs(v - base.median) / scale).sort((a, b) => b - a);
  return deviations[Math.min(1, deviations.length - 1)]!;
}

/** Recent steps compared against the baseline start this long before the alert. */
export const RECENT_MS = 15 * 60_000;

/**
 * Regrids every series and ranks it by how anomalous its recent steps are, so a byte
 * budget drops the flat ones first. `reference` holds the same series read over the
 * plan's healthy reference windows.
 */
export function summarizeMetrics(raws: readonly RawSeries[], grid: TimeGrid, alertAtMs: number, reference: readonly RawSeries[] = []): Ranked<MetricSeries>[] {
  return raws.map((raw) => {
    const item = regridSeries(raw, grid);
    return { item, priority: Math.log1p(seriesDeviation(item, alertAtMs - RECENT_MS)) };
  });
}
