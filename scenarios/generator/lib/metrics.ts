import type { Rng } from './prng.js';
import { offset, type Sec } from './time.js';
import type { Level, MetricOut, SeriesDef, Shape } from './types.js';

export const WINDOW_FROM: Sec = -3600;
export const WINDOW_TO: Sec = 120;

export interface SeriesOptions {
  noise: number;
  gaps: [Sec, Sec][];
  from?: Sec;
  shape?: Shape;
}

/** The baseline of a series: its level with a slow drift, as traffic follows the time of day. */
function baseline(r: Rng, def: SeriesDef): Level {
  const drift = def.drift ?? 0;
  const phase = r.range(0, Math.PI);
  return (t) => def.base * (1 + drift * Math.sin(phase + ((t - WINDOW_FROM) / 7200) * Math.PI));
}

function round(value: number, integer: boolean): number {
  if (integer) return Math.round(value);
  if (value === 0) return 0;
  return Number(value.toPrecision(4));
}

/** One series at its step over the window, with noise, stray scrape misses and the incident's shape. */
export function buildSeries(r: Rng, def: SeriesDef, service: string, opts: SeriesOptions): MetricOut {
  const step = def.step ?? 60;
  const base = baseline(r, def);
  const level = opts.shape ? opts.shape(base) : base;
  const sd = def.noise * opts.noise;
  const spikeRate = opts.noise > 1 && def.noise >= 0.1 ? 0.02 * opts.noise : 0;
  const points: [string, number][] = [];
  const from = opts.from ?? WINDOW_FROM;
  for (let t = from; t <= WINDOW_TO; t += step) {
    const noise = r.normal();
    const spike = r.chance(spikeRate) ? r.range(1.6, 3.2) : 1;
    const missed = r.chance(0.006) || opts.gaps.some(([a, b]) => t >= a && t < b);
    if (missed) continue;
    const l = level(t);
    const ratioSd = def.unit === 'ratio' && l > 0.05 ? Math.min(sd, 0.1) : sd;
    let value = l * Math.max(0, 1 + ratioSd * noise) * spike;
    if (def.max !== undefined) value = Math.min(def.max, value);
    points.push([offset(t), round(Math.max(0, value), def.integer ?? false)]);
  }
  return {
    name: def.name,
    service,
    ...(def.labels ? { labels: def.labels } : {}),
    ...(def.unit ? { unit: def.unit } : {}),
    points,
  };
}

const progress = (t: Sec, at: Sec, ramp: Sec): number => (ramp > 0 ? Math.min(1, (t - at) / ramp) : 1);

/** From `at`, the series moves to `value` (over `ramp` seconds). */
export const stepTo =
  (at: Sec, value: number, ramp: Sec = 0): Shape =>
  (base) =>
  (t) => {
    const b = base(t);
    return t < at ? b : b + progress(t, at, ramp) * (value - b);
  };

/** From `at`, the series is multiplied by `factor` (reached over `ramp` seconds). */
export const scaleBy =
  (at: Sec, factor: number, ramp: Sec = 0): Shape =>
  (base) =>
  (t) => {
    const b = base(t);
    return t < at ? b : b * (1 + progress(t, at, ramp) * (factor - 1));
  };

/** A shape that applies only within [from, to). */
export const between =
  (from: Sec, to: Sec, shape: Shape): Shape =>
  (base) => {
    const shaped = shape(base);
    return (t) => (t >= from && t < to ? shaped(t) : base(t));
  };

export const compose =
  (...shapes: Shape[]): Shape =>
  (base) =>
    shapes.reduce((level, shape) => shape(level), base);

/**
 * A leak: the value grows by `perHour` from `start` (at the window's start) and falls back to
 * `resetTo` at every restart, the sawtooth of a process killed and started again.
 */
export const leak =
  (start: number, perHour: number, resets: Sec[], resetTo: number): Shape =>
  () =>
  (t) => {
    const last = resets.filter((x) => x <= t).pop();
    return last === undefined ? start + (perHour * (t - WINDOW_FROM)) / 3600 : resetTo + (perHour * (t - last)) / 3600;
  };

/** Zero until `at`, then the series' own level: a counter that only moves during the incident. */
export const onlyAfter =
  (at: Sec, value: number, ramp: Sec = 0): Shape =>
  () =>
  (t) =>
    t < at ? 0 : value * progress(t, at, ramp);
