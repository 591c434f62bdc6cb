import type { MetricSeries } from '../../contracts/index.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import { median } from '../../providers/shared/stats.js';
import { climbed } from './kinds.js';
import { detectOnset, lookbackOf, type Onset } from './onset.js';
import type { Frame } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * When a metric series left what is normal for it, read against its healthy reference
 * where it has one: a shift inside the window weighed against the reference, a sparse
 * series read against the reference alone, and the shifts that began before the
 * look-back (standing failures, standing demand, memory still climbing far above its
 * reference). `metricSignals` tries them in turn.
 */

/**
 * An onset weighed against the series' reference (the same series over a healthy
 * period), when it has one: a level after the onset that the healthy period also showed
 * (within 4 robust units of its median, in the direction of the shift) is how this
 * series always is, so it is no onset; otherwise the baseline and z are the reference's
 * when they say less, since a window may already have been disturbed.
 */
export function againstReference(onset: Onset, series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, w: Weights = WEIGHTS): Onset | undefined {
  const ref = series.reference;
  if (!ref || ref.points < w.metrics.minReferencePoints) return onset;
  const after = series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs >= onset.atMs);
  const level = median(after) ?? onset.peak;
  const z = (onset.direction * (level - ref.median)) / referenceScale(ref);
  if (z < w.metrics.referenceZ) return undefined;
  return { ...onset, z: Math.min(onset.z, z), baseline: onset.direction > 0 ? Math.max(onset.baseline, ref.median) : Math.min(onset.baseline, ref.median) };
}

/** The series' present points, up to `untilMs`, each with its time. */
function pointsOf(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs'>, untilMs = Infinity): { at: number; v: number }[] {
  const points: { at: number; v: number }[] = [];
  series.values.forEach((v, i) => v !== null && series.startMs + i * series.stepMs <= untilMs && points.push({ at: series.startMs + i * series.stepMs, v }));
  return points;
}

/**
 * The onset of a run that lasts to the series' end, read against the reference: from
 * `from`, its median distance from the reference median in robust units (capped at 50)
 * and its extreme in the run's direction.
 */
export function runAgainstReference(points: readonly { at: number; v: number }[], z: readonly number[], from: number, direction: 1 | -1, baseline: number): Onset {
  const run = z.slice(from).map((x) => Math.min(50, x * direction)).sort((a, b) => a - b);
  const peak = points.slice(from).reduce((m, p) => (direction > 0 ? Math.max(m, p.v) : Math.min(m, p.v)), points[from]!.v);
  return { atMs: points[from]!.at, direction, z: run[Math.floor(run.length / 2)]!, baseline, peak, sustained: 1 };
}

/**
 * The onset of the run that lasts to the series' last point up to the alert, read
 * against its reference alone: the first point from which the series stays beyond the
 * reference's normal range (4 robust units from its median) in one direction, every
 * point before it in the window inside that range or the window's start; points after
 * `untilMs` are not read. Undefined when the last point is inside the range, the
 * reference is too thin, or the run began before the look-back.
 */
function departureFromReference(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, frame: Frame, w: Weights = WEIGHTS, untilMs = frame.alertAtMs + frame.stepMs): Onset | undefined {
  const { referenceZ, minReferencePoints } = w.metrics;
  const ref = series.reference;
  if (!ref || ref.points < minReferencePoints) return undefined;
  const points = pointsOf(series, untilMs);
  if (points.length === 0) return undefined;
  const scale = referenceScale(ref);
  const z = points.map((p) => (p.v - ref.median) / scale);
  const last = z.at(-1)!;
  if (Math.abs(last) < referenceZ) return undefined;
  const direction: 1 | -1 = last > 0 ? 1 : -1;
  let onset = points.length - 1;
  while (onset > 0 && z[onset - 1]! * direction >= referenceZ) onset--;
  if (points[onset]!.at < frame.alertAtMs - lookbackOf(frame)) return undefined;
  return runAgainstReference(points, z, onset, direction, ref.median);
}

/**
 * The onset of a sparse series (a 5-minute CloudWatch metric has a dozen points an hour)
 * read against its reference alone (`departureFromReference`). A series too short to
 * have a baseline of its own still ranks when it left what the healthy period showed.
 */
export function referenceOnset(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, frame: Frame, w: Weights = WEIGHTS): Onset | undefined {
  const count = series.values.filter((v) => v !== null).length;
  return count === 0 || count >= w.metrics.sparsePoints ? undefined : departureFromReference(series, frame, w, Infinity);
}

/**
 * The onset of a dense series that left its reference's normal range before the
 * look-back and never came back (demand that rose two hours before the page, throttling
 * that began with it): its own window holds no break, the steps before the look-back
 * being as disturbed as those after, so it is read against the reference alone, from
 * the first step of the run that lasts to the alert, or from the window's first step when
 * the run fills the window (as a wait already high when the capture starts counts
 * against the reference alone). A run that began within the look-back is the window's
 * own onset to find (`detectOnset`).
 */
export function standingOnset(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, frame: Frame, w: Weights = WEIGHTS): Onset | undefined {
  const { referenceZ, minReferencePoints, sparsePoints } = w.metrics;
  const ref = series.reference;
  if (!ref || ref.points < minReferencePoints) return undefined;
  const points = pointsOf(series, frame.alertAtMs + frame.stepMs);
  if (points.length < sparsePoints) return undefined;
  const scale = referenceScale(ref);
  const z = points.map((p) => (p.v - ref.median) / scale);
  const direction: 1 | -1 = z.at(-1)! > 0 ? 1 : -1;
  let onset = points.length;
  while (onset > 0 && z[onset - 1]! * direction >= referenceZ) onset--;
  if (onset === points.length || points[onset]!.at >= frame.alertAtMs - lookbackOf(frame)) return undefined;
  return runAgainstReference(points, z, onset, direction, ref.median);
}

/**
 * The onset of failures that began before the look-back and stood until the alert, in a
 * series with no reference: read against the window's own earlier points (at least the
 * few a baseline needs), over up to twice the look-back. The first service to fail often
 * fails long before the page (a latent bug failing every new VM, whose callers give up
 * only after three 25-minute attempts; a job that pages after its third failed run), and
 * it is the one that raised first;
 * cutting the look-back at 30 minutes leaves only the callers that failed later. A
 * series whose steps before the look-back are as disturbed as after has no earlier
 * onset to find (its failures are older than the window), and one with a reference is
 * read against that (`standingOnset`).
 */
export function failingSinceEarlier(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs'>, frame: Frame, w: Weights = WEIGHTS): Onset | undefined {
  const lookback = lookbackOf(frame);
  const reach = Math.min(2 * lookback, frame.alertAtMs - series.startMs - w.onset.minBaselinePoints * series.stepMs);
  if (reach <= lookback) return undefined;
  const onset = detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, reach, w);
  return onset && onset.atMs < frame.alertAtMs - lookback ? onset : undefined;
}

/** A share of requests failing this large is a failure whatever the series' past: half of what is asked fails. */
const FAILING_SHARE = 0.5;

/**
 * An error ratio with no reference that stood at or above half of all requests at every
 * sample of the window (at least the few a baseline needs): the service was already
 * failing most of what it was asked when the capture began, so its failures began
 * before the window, and their onset is the window's first sample, as far as the
 * evidence can date it. A ratio in percent is read as its share. No healthy level can
 * hold half of all requests failing; a ratio that ever dipped below it in the window is
 * left to the readings that time a shift.
 */
export function failingThroughout(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'unit'>, frame: Frame, w: Weights = WEIGHTS): Onset | undefined {
  const scale = /^(?:ratio|fraction)$/i.test(series.unit ?? '') ? 1 : /^(?:percent|%)$/i.test(series.unit ?? '') ? 100 : undefined;
  if (scale === undefined) return undefined;
  const points = pointsOf(series, frame.alertAtMs + frame.stepMs);
  if (points.length < w.onset.minBaselinePoints || points.some((p) => p.v / scale < FAILING_SHARE || p.v / scale > 1)) return undefined;
  return { atMs: points[0]!.at, direction: 1, z: w.onset.maxZ, baseline: 0, peak: Math.max(...points.map((p) => p.v)), sustained: 1 };
}

/**
 * Demand that stood far above its healthy reference at every sample of the window, with
 * no shift inside it to time (a deadline evening's filings already five times an ordinary
 * one when the capture starts, still climbing): every point beyond the reference's normal
 * range (`referenceZ` robust units) and the series' median at least twice the reference's.
 * Its onset is the window's first sample, as far as the evidence can date it, and
 * `climbing` says whether it was still rising through the window (`climbed`): demand that
 * kept rising until the service ran short is what ran it short, however long before the
 * capture it began.
 */
export function standingDemand(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, w: Weights = WEIGHTS): (Onset & { climbing: boolean }) | undefined {
  const ref = series.reference;
  if (!ref || ref.points < w.metrics.minReferencePoints || ref.median <= 0) return undefined;
  const points = pointsOf(series);
  if (points.length < 3) return undefined;
  const scale = referenceScale(ref);
  const z = points.map((p) => (p.v - ref.median) / scale);
  const values = points.map((p) => p.v);
  if (z.some((x) => x < w.metrics.referenceZ) || median(values)! < 2 * ref.median) return undefined;
  return { ...runAgainstReference(points, z, 0, 1, ref.median), climbing: climbed(values, w.changes.growthShare) === true };
}

/**
 * Memory standing far above its healthy reference all window and still climbing through
 * it (`standingDemand`'s reading, kept only while it climbs): a leak in progress, nineteen
 * days of it showing as a heap at six times last week's, still growing, with no step
 * inside the window to time. A level that stands high but flat is how the service runs
 * now, not news; and other use series (a table's consumed capacity, a pool's connections
 * in use) climb with the demand that fills them, so standing high they say demand, not a
 * leak.
 */
export function standingGrowth(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, w: Weights = WEIGHTS): (Onset & { climbing: boolean }) | undefined {
  const standing = standingDemand(series, w);
  return standing?.climbing ? standing : undefined;
}
