import type { MetricSeries } from '../../contracts/index.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import { median } from '../../providers/shared/stats.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * Whether a count a service holds (memory, connections, descriptors), seen only from well
 * after a change, opened at its healthy level: the series begins more than two of its
 * steps after the change, and the first quarter of its samples before the onset (three or
 * more) sits within the healthy reference's normal range (under `referenceZ` robust units
 * above its median, and under `leakGrowth` times it). A leak a change shipped grows from
 * the change on, so by the time the series begins it already stands above health; a
 * pool at its reference level forty hours after a release, that climbs to its maximum
 * only in the last hours, began leaking then (after a network blip, a restart of a
 * neighbour), not at the release. False without a reference to tell health by.
 */
export function openedHealthy(series: MetricSeries, atMs: number, onsetMs: number, w: Weights = WEIGHTS): boolean {
  const ref = series.reference;
  if (series.startMs <= atMs + 2 * series.stepMs || !ref || ref.points < w.metrics.minReferencePoints) return false;
  const before = series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs < onsetMs);
  const head = before.slice(0, Math.max(3, Math.floor(before.length / 4)));
  if (head.length < 3) return false;
  const level = median(head)!;
  return (level - ref.median) / referenceScale(ref) < w.metrics.referenceZ && level < w.changes.leakGrowth * Math.abs(ref.median);
}
