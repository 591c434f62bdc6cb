import type { MetricSeries } from '../../contracts/index.js';
import { lookbackOf, type Onset } from './onset.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import { standingOnset } from './reference-onset.js';
import type { Frame } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * Shifts that began before the window could show them whole: dated, and sized, by the
 * healthy reference where the window's own steps already stood disturbed.
 */

/**
 * A shift the window finds at the very first step of the look-back, in a rate (`isRate`:
 * requests, failures, waits, CPU burned) whose healthy reference says it had already left
 * its normal range before that step and stayed out (`standingOnset`), began there: a
 * request rate that jumped eight minutes before the look-back opened rose then, not at
 * the window's edge. Dated at the edge it would look later than the ceiling the same jump
 * hit, whose first sample at the limit is dated where it is, and demand would seem to
 * follow the shortage it caused; a flag's extra calls into a callee would seem to start
 * well after the flag.
 */
export function begunBeforeLookback(found: Onset, series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, isRate: boolean, frame: Frame, w: Weights = WEIGHTS): Onset {
  if (!isRate || found.atMs > frame.alertAtMs - lookbackOf(frame) + series.stepMs) return found;
  const standing = standingOnset(series, frame, w);
  return standing && standing.direction === found.direction && standing.atMs < found.atMs ? { ...found, atMs: standing.atMs } : found;
}

/**
 * A rise in demand whose window opened already disturbed, sized by the healthy reference:
 * where the steps before the onset themselves stood beyond the reference's normal range
 * (`referenceZ` robust units above its median; demand that had been climbing for an hour
 * when the capture began), the window's baseline is part of the rise, and measured
 * against it the rise looks small (a request rate from 470 to 1 890 over a ramp, at seven
 * times last week's 256). Then the reference is the baseline, and the rise's sureness is
 * its distance from it. A window that opened inside the reference's range keeps its own.
 */
export function sizedByReference(onset: Onset, series: Pick<MetricSeries, 'reference'>, w: Weights = WEIGHTS): Onset {
  const ref = series.reference;
  if (!ref || ref.points < w.metrics.minReferencePoints || onset.direction < 0 || ref.median <= 0) return onset;
  const scale = referenceScale(ref);
  if ((onset.baseline - ref.median) / scale < w.metrics.referenceZ) return onset;
  return { ...onset, baseline: ref.median, z: Math.max(onset.z, Math.min(w.onset.maxZ, (onset.peak - ref.median) / scale)) };
}
