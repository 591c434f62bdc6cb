import type { MetricSeries } from '../../contracts/index.js';
import { lookbackOf, type Onset } from './onset.js';
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
