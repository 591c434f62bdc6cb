import type { MetricSeries } from '../../contracts/index.js';
import { formatMeasure as fmt, type Frame, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';
import { wordsOf } from './metric-words.js';
import { detectOnset, lookbackOf, zStrength } from './onset.js';

/** The resource a headroom series has room left of. */
export type HeadroomResource = 'memory' | 'cpu' | 'saturation';


/** Words that say a series counts what is left rather than what is used: free storage, available memory, remaining quota, a burst or credit balance. */
const LEFT = / (free|freeable|avail|available|remaining|balance|spare|headroom) /;

/** Counts of units in service (`replicas_available`, healthy hosts) are the platform's capacity, read as units elsewhere, not room in one resource. */
const UNITS = / (replicas?|pods?|hosts?|instances?|tasks?|nodes?|members?|brokers?|endpoints?) (available|free|ready) /;

/**
 * The resource a series measures the room left of, when its name says it counts what
 * is left (CloudWatch's `FreeStorageSpace`, `FreeableMemory`, `CPUCreditBalance`,
 * `BurstBalance`; Prometheus' `node_filesystem_avail_bytes`,
 * `node_memory_MemAvailable_bytes`; a rate limit's `remaining`): such a series runs the
 * other way round from a use series, its fall being the use rising and its floor, zero,
 * the limit. `undefined` for any other series.
 */
export function headroomResource(name: string, unit = ''): HeadroomResource | undefined {
  const words = wordsOf(name);
  if (!LEFT.test(words) || UNITS.test(words)) return undefined;
  const all = `${words}${unit.toLowerCase()} `;
  if (/ cpu /.test(all)) return 'cpu';
  if (/ (mem|memory|heap|swap|ram)|mem(available|free) /.test(all)) return 'memory';
  return 'saturation';
}

const NOUN: Record<HeadroomResource, string> = { memory: 'memory', cpu: 'CPU', saturation: 'capacity' };

/**
 * What a headroom series says: its fall is the resource's use rising, a local signal of
 * the service that owns it, and its fall to almost nothing of what the healthy period
 * (the reference's median, or the highest level before the last half hour) left free is
 * that resource at its limit, however slow the fall was (a disk filling at a steady rate
 * for hours never jumps), dated from when it ran out (or from the start of the look-back,
 * when it ran out before: out of room for hours, it is out of room now) when the series
 * or its reference shows it had room before. A rise is room freed and says nothing.
 */
export function headroomSignals(series: MetricSeries & { id: string }, resource: HeadroomResource, frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const points: { at: number; v: number }[] = [];
  series.values.forEach((v, i) => v !== null && Number.isFinite(v) && points.push({ at: series.startMs + i * series.stepMs, v }));
  if (points.length === 0) return [];
  const recentFrom = frame.alertAtMs - 30 * 60_000;
  const ref = series.reference !== undefined && series.reference.points >= w.metrics.minReferencePoints ? series.reference.median : undefined;
  const healthy = ref ?? Math.max(...points.filter((p) => p.at < recentFrom).map((p) => p.v));
  const out: Signal[] = [];
  const noun = NOUN[resource];
  const family = resource;
  if (Number.isFinite(healthy) && healthy > 0) {
    const emptyBelow = (1 - w.metrics.atCapacity) * healthy;
    const seen = points.filter((p) => p.at <= frame.alertAtMs + frame.stepMs);
    const first = seen.findIndex((p, i) => seen.slice(i).every((q) => q.v <= emptyBelow));
    const hadRoom = first > 0 || ref !== undefined;
    if (first >= 0 && hadRoom && seen.at(-1)!.at >= recentFrom) {
      const floor = Math.min(...seen.slice(first).map((p) => p.v));
      const onsetMs = Math.max(seen[first]!.at, seen.find((p) => p.at >= frame.alertAtMs - lookbackOf(frame))?.at ?? -Infinity);
      out.push({ service: series.service, family, strength: 0.9, onsetMs, evidenceId: series.id, local: true, peakShare: 1 - floor / healthy, text: `${series.service} ran out of free ${noun}: ${fmt(floor)} left of the ${fmt(healthy)} it usually has (${series.name})` });
    }
  }
  const onset = detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, lookbackOf(frame), w);
  if (onset && onset.direction < 0 && onset.baseline > 0 && (ref === undefined || onset.peak < ref)) {
    const used = 1 - onset.peak / onset.baseline;
    const strength = zStrength(onset.z) * Math.min(1, used / 0.5) * onset.sustained;
    if (used >= 0.3) out.push({ service: series.service, family, strength, onsetMs: onset.atMs, evidenceId: series.id, local: true, peakShare: used, text: `${series.service} free ${noun} fell from ${fmt(onset.baseline)} to ${fmt(onset.peak)} (${series.name})` });
  }
  return out;
}
