import type { MetricSeries, SeriesReference } from '../../contracts/index.js';
import { coarsen, stepIndex, type TimeGrid } from './grid.js';
import { median, quantile, robustBaseline, roundSig } from './stats.js';
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

/** The identity of a series across windows: service, name and labels (in key order). */
export function seriesKey(s: Pick<RawSeries, 'service' | 'name' | 'labels'>): string {
  const labels = Object.entries(s.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([s.service, s.name, labels]);
}

/** Robust statistics of a series' reference samples (all windows pooled), or undefined when it has none. */
export function referenceStats(samples: readonly number[]): SeriesReference | undefined {
  const finite = samples.filter(Number.isFinite);
  const base = robustBaseline(finite);
  if (!base) return undefined;
  return { median: roundSig(base.median), mad: roundSig(base.mad), p05: roundSig(quantile(finite, 0.05)!), p95: roundSig(quantile(finite, 0.95)!), points: finite.length };
}

/** The spread of normal for a reference: its MAD, or the P05–P95 range when the MAD of a few points collapses, and never under 5% of the median. */
export const referenceScale = (r: SeriesReference) => Math.max(r.mad, (r.p95 - r.p05) / 3.29, Math.abs(r.median) * 0.05, 1e-9);

/**
 * How far the recent steps stray from normal, in robust z units (0 when flat): from the
 * reference when there is one, else from the series' own steps before `splitMs`. One
 * stray step is a spike, so the second-largest deviation counts, except for the latest
 * step: nothing after it can show it a spike, and a shift that began in the last step
 * before the alert is the incident itself.
 */
export function seriesDeviation(series: Pick<MetricSeries, 'startMs' | 'stepMs' | 'values' | 'reference'>, splitMs: number): number {
  const before: number[] = [];
  const after: number[] = [];
  series.values.forEach((v, i) => {
    if (v === null) return;
    (series.startMs + i * series.stepMs < splitMs ? before : after).push(v);
  });
  const own = robustBaseline(before);
  const base = series.reference ? { median: series.reference.median, scale: referenceScale(series.reference) } : own && { median: own.median, scale: Math.max(own.mad, Math.abs(own.median) * 0.05, 1e-9) };
  if (!base || after.length === 0) return 0;
  const latest = Math.abs(after.at(-1)! - base.median) / base.scale;
  const deviations = after.map((v) => Math.abs(v - base.median) / base.scale).sort((a, b) => b - a);
  return Math.max(latest, deviations[Math.min(1, deviations.length - 1)]!);
}

/** Recent steps compared against the baseline start this long before the alert. */
export const RECENT_MS = 15 * 60_000;

/**
 * Regrids every series and ranks it by how anomalous its recent steps are, so a byte
 * budget drops the flat ones first. `reference` holds the same series read over the
 * plan's healthy reference windows: each series carries its robust statistics there,
 * and is ranked by its deviation from them.
 */
export function summarizeMetrics(raws: readonly RawSeries[], grid: TimeGrid, alertAtMs: number, reference: readonly RawSeries[] = []): Ranked<MetricSeries>[] {
  const pooled = new Map<string, number[]>();
  for (const r of reference) {
    const key = seriesKey(r);
    const values = pooled.get(key) ?? [];
    for (const [, v] of r.samples) values.push(v);
    pooled.set(key, values);
  }
  return raws.map((raw) => {
    const stats = referenceStats(pooled.get(seriesKey(raw)) ?? []);
    const item: MetricSeries = { ...regridSeries(raw, grid), ...(stats ? { reference: stats } : {}) };
    return { item, priority: Math.log1p(seriesDeviation(item, alertAtMs - RECENT_MS)) };
  });
}
