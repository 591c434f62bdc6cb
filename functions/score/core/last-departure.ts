import type { MetricSeries } from '../../contracts/index.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import { lookbackOf, type Onset } from './onset.js';
import { runAgainstReference } from './reference-onset.js';
import type { Frame } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * The onset of what a series shows at the alert when an earlier episode in its window
 * came and went: the window's own baseline dates a shift from the first episode (or,
 * disturbed by it, finds none), but a series that left its healthy reference, came back
 * and left again is out now because of the second departure, not the first. A latency
 * that rose with an earlier incident, recovered for minutes and rose again; a CPU burst
 * of an earlier fault, then the fault the alert is about.
 *
 * Read against the reference: the last point must lie beyond the reference's normal
 * range (`referenceZ` robust units); the new run is the trailing points nearer that last
 * level than the reference median (past the halfway line between them); the
 * `backToReferencePoints` points before the run had given back all but `returnedShare`
 * of that excursion from the reference median; and an earlier point, after the window's own onset (or within the look-back), lay
 * beyond it, in the same direction: the episode that came back. A slow climb has no such
 * return, and a level that hovers at the edge of the range is no new departure.
 * Undefined when the series shows no second departure, or the window's own onset is
 * already the new run's.
 */
export function lastDeparture(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, found: Onset | undefined, frame: Frame, w: Weights = WEIGHTS): Onset | undefined {
  const { referenceZ, minReferencePoints, backToReferencePoints } = w.metrics;
  const ref = series.reference;
  if (!ref || ref.points < minReferencePoints) return undefined;
  const from = found?.atMs ?? frame.alertAtMs - lookbackOf(frame);
  const points = series.values.flatMap((v, i) => {
    const at = series.startMs + i * series.stepMs;
    return v !== null && Number.isFinite(v) && at >= from && at <= frame.alertAtMs + frame.stepMs ? [{ at, v }] : [];
  });
  const scale = referenceScale(ref);
  const last = points.at(-1);
  if (!last || Math.abs(last.v - ref.median) / scale < referenceZ) return undefined;
  const direction: 1 | -1 = last.v > ref.median ? 1 : -1;
  const halfway = (ref.median + last.v) / 2;
  const beyond = (v: number) => direction * (v - halfway) > 0;
  let start = points.length - 1;
  while (start > 0 && beyond(points[start - 1]!.v)) start--;
  const back = points.slice(Math.max(0, start - backToReferencePoints), start);
  const returned = (v: number) => direction * (v - ref.median) <= w.metrics.returnedShare * direction * (last.v - ref.median);
  if (back.length < backToReferencePoints || !back.every((p) => returned(p.v)) || !points.slice(0, start - backToReferencePoints).some((p) => beyond(p.v))) return undefined;
  if (found && (found.atMs >= points[start]!.at || found.direction !== direction)) return undefined;
  return runAgainstReference(points, points.map((p) => (p.v - ref.median) / scale), start, direction, ref.median);
}
