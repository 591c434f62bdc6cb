import type { MetricSeries } from '../../contracts/index.js';
import { referenceScale } from '../../providers/shared/metrics.js';
import { median } from '../../providers/shared/stats.js';
import { begunBeforeLookback } from './before-window.js';
import { climbed } from './kinds.js';
import { leakOver } from './held.js';
import { metricFamily } from './metrics.js';
import { detectOnset, lookbackOf } from './onset.js';
import type { Evidence, Frame } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * How a change shows in the series of the service it changed, which is what lets it earn
 * the blame for an exhaustion (`changes.ts`): a leak it shipped makes what the service
 * holds grow from the change on, faster than its demand; a ceiling it lowered makes the
 * same demand take more of the resource than it did in the healthy reference.
 */

/** A series' samples from `fromMs` up to (not including) `toMs`, gaps left out. */
function valuesBetween(series: MetricSeries, fromMs: number, toMs: number): number[] {
  return series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs >= fromMs && series.startMs + i * series.stepMs < toMs);
}

/**
 * Whether the service's memory grew from the change to the onset, as a leak the change
 * shipped would make it: the last third of the steps between them sits clearly above the
 * first third (by more than twice the step-to-step noise). Memory that stayed flat after
 * the change and jumped at the onset did not leak from it. A series that begins well after
 * the change (a release ten hours old, an hour of samples) cannot show the climb from it,
 * only where the climb got to: it grew when it still climbs in what the series shows, or
 * stood, before the onset, at `leakGrowth` times its healthy reference or more (a heap at
 * three times last week's), and did not when it stood near it, flat. Undefined when no
 * memory series covers at least six steps of that stretch (a change before the window:
 * nothing says it did not).
 */
export function grewFromChange(items: readonly Evidence[], service: string, atMs: number, onsetMs: number, w: Weights = WEIGHTS): boolean | undefined {
  let verdict: boolean | undefined;
  for (const item of items) {
    if (item.class !== 'metrics' || item.service !== service || metricFamily(item.name, item.unit, item.labels) !== 'memory') continue;
    const series = item as MetricSeries;
    const values = valuesBetween(series, atMs, onsetMs);
    const reference = series.reference && series.reference.points >= w.metrics.minReferencePoints && series.reference.median > 0 ? series.reference.median : undefined;
    const afterIt = series.startMs > atMs + 2 * series.stepMs;
    const climbing = climbed(values, w.changes.growthShare);
    const grew = afterIt && reference !== undefined && values.length >= 3 ? climbing === true || median(values)! / reference >= w.changes.leakGrowth : climbing;
    if (grew !== undefined) verdict = (verdict ?? false) || grew;
  }
  return verdict;
}

/** Families of series that count what a service holds: memory, and connections, threads, descriptors or pool slots in use. */
const HELD = new Set(['memory', 'saturation']);

/**
 * Whether something the service holds (memory, connections, threads, descriptors) grew
 * from the change to the onset as a leak the change shipped makes it (`leakOver`, the
 * same reading `held.ts` makes of the window, here over the stretch from the change):
 * climbing steadily up to the onset, and per unit of its request rate at least
 * `leakGrowth` times where it stood at the change (or, for a change before the series
 * begins, at its healthy reference) or where health held it. A connection pool that
 * borrows without returning climbs from the deploy to its maximum whatever the traffic;
 * connections that rose with the morning's traffic, as they did the same hours a week
 * before, did not leak.
 */
export function outgrewDemand(items: readonly Evidence[], service: string, atMs: number, onsetMs: number, w: Weights = WEIGHTS): boolean {
  const own = items.filter((i): i is MetricSeries & { id: string } => i.class === 'metrics' && i.service === service);
  const demand = own.filter((m) => metricFamily(m.name, m.unit, m.labels) === 'traffic');
  return own.some((m) => HELD.has(metricFamily(m.name, m.unit, m.labels)) && leakOver(m, demand, atMs, onsetMs, w) !== undefined);
}

/** The families of series that measure each resource a change can set or a leak can fill; capacity is all of them, what a service holds is memory and its pools. */
const USE_OF: Record<string, readonly string[]> = { cpu: ['cpu'], memory: ['memory'], capacity: ['cpu', 'memory', 'saturation'], held: [...HELD] };

/** How many times its healthy reference's median a series stood before `onsetMs` (all of it when it starts at the onset); undefined without a reference. */
function overReference(series: MetricSeries, onsetMs: number, w: Weights): number | undefined {
  const ref = series.reference;
  if (!ref || ref.points < w.metrics.minReferencePoints || ref.median <= 0) return undefined;
  const all = series.values.filter((v): v is number => v !== null);
  const before = series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs < onsetMs);
  const values = before.length >= 3 ? before : all;
  return values.length > 0 ? median(values)! / ref.median : undefined;
}

/**
 * How many times as much of `resource` the same demand takes as it did in the healthy
 * reference: the service's use of it over its reference, divided by how far its demand
 * (its own request rate, else its callers') stood over theirs. A database whose CPU sat at
 * 97% where the same hour a week before it sat at 55%, with traffic 6% up, takes 1.7 times
 * as much CPU per request: its capacity was cut, or its work made heavier; a heap at three
 * times its reference for the same traffic holds what a leak kept. Undefined
 * where no use series of the resource, or no demand, has a reference.
 */
export function heavierPerDemand(items: readonly Evidence[], service: string, resource: string, callers: ReadonlySet<string>, onsetMs: number, w: Weights = WEIGHTS): number | undefined {
  const metrics = items.filter((i): i is MetricSeries & { id: string } => i.class === 'metrics');
  const families = USE_OF[resource] ?? ['saturation'];
  const use = Math.max(...metrics.filter((m) => m.service === service && families.includes(metricFamily(m.name, m.unit, m.labels))).map((m) => overReference(m, onsetMs, w) ?? -Infinity));
  const traffic = (of: (s: string) => boolean) => metrics.filter((m) => of(m.service) && metricFamily(m.name, m.unit, m.labels) === 'traffic').map((m) => overReference(m, onsetMs, w)).filter((x): x is number => x !== undefined);
  const own = traffic((s) => s === service);
  const demand = own.length > 0 ? own : traffic((s) => callers.has(s));
  if (!Number.isFinite(use) || demand.length === 0) return undefined;
  return use / Math.max(...demand);
}

/**
 * Since when the service's failures have stood, where the window opened on them already
 * flowing: the first sample of an error series of its own that sits beyond its healthy
 * reference's normal range (`referenceZ` robust units above its median) at every sample in
 * the window, without a shift inside it (a failure count at 190 every five minutes against
 * 1 a day earlier). Only failures count: a latency or a CPU that runs above a reference
 * taken on a quieter day is how the service runs, while requests failing all along are
 * trouble. Such trouble began before the window, so before any change made within it: a
 * change made while it stood (a limit raised as a mitigation) came after the trouble,
 * however soon before the next OOM kill was logged.
 * Undefined when no error series of the service stood out all along.
 */
export function standingSince(items: readonly Evidence[], service: string, frame: Frame, w: Weights = WEIGHTS): number | undefined {
  let since: number | undefined;
  for (const item of items) {
    if (item.class !== 'metrics' || item.service !== service || metricFamily(item.name, item.unit) !== 'errors') continue;
    const series = item as MetricSeries;
    const ref = series.reference;
    if (!ref || ref.points < w.metrics.minReferencePoints) continue;
    const points = series.values.flatMap((v, i) => (v === null ? [] : [{ at: series.startMs + i * series.stepMs, v }]));
    if (points.length < 3 || !points.every((p) => (p.v - ref.median) / referenceScale(ref) >= w.metrics.referenceZ)) continue;
    if (detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, lookbackOf(frame), w)) continue;
    since = Math.min(since ?? Infinity, points[0]!.at);
  }
  return since;
}

/**
 * Whether the service was already off its healthy reference when the window opened: some
 * series of its own (not what its callers recorded of it, nor its demand) sits at
 * `leakGrowth` times its reference's median or more, and beyond its normal range, at every
 * sample the window holds (a KV store's write latency at eighty times last week's from the
 * first sample on). A change standing from before the window is the last thing that moved
 * such a service before its trouble was first seen; one whose service opened the window
 * inside its reference ran for hours without harm, and is what the service runs with.
 */
export function offReferenceAtWindowOpen(items: readonly Evidence[], service: string, w: Weights = WEIGHTS): boolean {
  return items.some((item) => {
    if (item.class !== 'metrics' || item.service !== service || item.labels.caller !== undefined) return false;
    const series = item as MetricSeries;
    const ref = series.reference;
    if (!ref || ref.points < w.metrics.minReferencePoints || ref.median <= 0 || metricFamily(series.name, series.unit, series.labels) === 'traffic') return false;
    const values = series.values.filter((v): v is number => v !== null);
    return values.length >= 3 && values.every((v) => v >= w.changes.leakGrowth * ref.median && (v - ref.median) / referenceScale(ref) >= w.metrics.referenceZ);
  });
}

/**
 * What the changed service sends that moved at its change: a series of its own that
 * counts or sizes its work rather than its health (not errors, latency, CPU or memory,
 * which are its own trouble: a payload size, an event rate, a fan-out) stepping to at
 * least `leakGrowth` times its level, or (a size or ratio, not a request rate) to a
 * fraction of it, from the change's step to `carriedWithinMs` (or two of the series'
 * steps) after it. The change took effect there, in what reaches the services
 * downstream: audit events forty times larger from the flag on are what the search
 * domain two hops away then chokes on. A request rate that fell is demand that stopped
 * reaching the service (its invocations halved when the runtime under it failed), not
 * something it sends. The words say how it moved; `id` is the series that shows it, so
 * an RCA blaming the change cites where the change took effect. Undefined when nothing
 * it sends moved at the change.
 */
export function sentAtChange(items: readonly Evidence[], service: string, at: number, frame: Frame, w: Weights = WEIGHTS): { text: string; id: string } | undefined {
  for (const item of items) {
    if (item.class !== 'metrics' || item.service !== service || item.labels.caller !== undefined) continue;
    const series = item as MetricSeries;
    const family = metricFamily(series.name, series.unit, series.labels);
    if (family !== 'other' && family !== 'traffic') continue;
    const found = detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, lookbackOf(frame), w);
    const onset = found && begunBeforeLookback(found, series, true, frame, w);
    if (!onset || onset.atMs < at - series.stepMs || onset.atMs > at + Math.max(w.changes.carriedWithinMs, 2 * series.stepMs)) continue;
    const ratio = onset.baseline > 0 ? onset.peak / onset.baseline : Infinity;
    if (ratio >= w.changes.leakGrowth || (family === 'other' && ratio <= 1 / w.changes.leakGrowth)) return { text: `${series.name} on ${service} went from ${onset.baseline.toPrecision(3)} to ${onset.peak.toPrecision(3)} at the change`, id: item.id };
  }
  return undefined;
}
