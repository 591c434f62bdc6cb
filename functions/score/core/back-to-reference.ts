import type { MetricSeries } from '../../contracts/index.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import type { Frame } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * Whether a series' episode is over by the alert, read against its healthy reference: its
 * last `backToReferencePoints` present points up to the alert all lie inside the
 * reference's normal range (`referenceZ` robust units of its median). A memory that ran
 * to its limit after an earlier incident and then fell back to where the healthy period
 * holds it, a CPU burst of an earlier fault that has ended, is history when the alert
 * fires; whatever the alert is about is still out of range. The window's own baseline
 * cannot say this when an earlier episode inside the window disturbed it, and a
 * reference can say it after fewer points than the window's own baseline needs
 * (`detectOnset`'s `recovered`). A series without a usable reference says nothing here,
 * and a point at the series' `limit` (a disk full, a pool at its cap) is never back,
 * however near the healthy level was to the limit.
 */
export function backToReference(series: Pick<MetricSeries, 'values' | 'startMs' | 'stepMs' | 'reference'>, frame: Pick<Frame, 'alertAtMs' | 'stepMs'>, w: Weights = WEIGHTS, limit = Infinity): boolean {
  const ref = series.reference;
  const { backToReferencePoints, referenceZ, minReferencePoints } = w.metrics;
  if (!ref || ref.points < minReferencePoints) return false;
  const last = series.values.flatMap((v, i) => (v !== null && Number.isFinite(v) && series.startMs + i * series.stepMs <= frame.alertAtMs + frame.stepMs ? [v] : [])).slice(-backToReferencePoints);
  if (last.length < backToReferencePoints) return false;
  const scale = referenceScale(ref);
  return last.every((v) => Math.abs(v - ref.median) / scale < referenceZ && v < w.metrics.atCapacity * limit);
}
