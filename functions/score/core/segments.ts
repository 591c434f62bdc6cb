import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { metricFamily } from './metrics.js';
import type { Evidence } from './types.js';
import type { Weights } from './weights.js';

/*
 * A change that acts through demand on a piece it does not call: a remote-config flag that
 * sets how often one platform's clients poll, a rollout that moves one tenant's jobs. The
 * changed service and the flooded one share no call edge, only the segment of clients or
 * callers the change set: its setting series, labelled with that segment, stepped at the
 * change, and the flooded service's requests from the same segment rose at it while its
 * other segments held. Outside demand (users, a campaign) lifts every segment; a change
 * lifts the one it set.
 */

/** A series moved by this factor or more (up or down) stepped. */
const STEP = 2;

/** A segment whose requests stayed within this factor of where they stood held. */
const HELD = 1.5;

/** How far back before the change a series' level is read from. */
const BEFORE_MS = 30 * 60_000;

/** Where each sample of a series falls, gaps left out. */
const samples = (s: MetricSeries) => s.values.flatMap((v, i) => (v === null ? [] : [{ ms: s.startMs + i * s.stepMs, v }]));

/**
 * How a series moved at a change at `atMs`: the median of its samples from the change on
 * over that of the half hour before it, and when the move first crossed `STEP` (the first
 * sample after the change that stood that far off the level before). Undefined with under
 * three samples on either side or a level of zero before.
 */
function moveAt(series: MetricSeries, atMs: number): { ratio: number; crossedMs?: number } | undefined {
  const all = samples(series);
  const before = all.filter((p) => p.ms < atMs && p.ms >= atMs - BEFORE_MS).map((p) => p.v);
  const after = all.filter((p) => p.ms >= atMs);
  const level = median(before);
  if (before.length < 3 || after.length < 3 || level === undefined || level <= 0) return undefined;
  const ratio = median(after.map((p) => p.v))! / level;
  const crossed = after.find((p) => p.v / level >= STEP || p.v / level <= 1 / STEP);
  return { ratio, ...(crossed ? { crossedMs: crossed.ms } : {}) };
}

/** The distinctive parts of a label value: "android" and "26" of "android-26.2" are two. */
const parts = (value: string): string[] => value.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? [];

/** Whether a move first crossed `STEP` within the time a change's effect is carried (or two steps of its series, if longer). */
const movedAtChange = (m: { crossedMs?: number } | undefined, series: MetricSeries, atMs: number, w: Weights) => m?.crossedMs !== undefined && m.crossedMs <= atMs + Math.max(w.changes.carriedWithinMs, 2 * series.stepMs);

/**
 * The services whose demand a change on `changed` at `atMs` set through a segment both
 * carry, each with what shows it: a labelled series of the changed service stepped at the
 * change (by `STEP` either way, first within `carriedWithinMs`), and another service's
 * request series labelled with a value sharing a part with that series' labels rose by
 * `STEP` at the change while a sibling series (the same requests of another segment) held
 * within `HELD`, the shared part absent from the sibling's value. A part both segments
 * carry ("android" in two Android versions) does not tell the segment the change set from
 * the one it did not; a rise that lifted every segment came from outside.
 */
export function segmentTies(items: readonly Evidence[], changed: string, atMs: number, w: Weights): Map<string, string> {
  const metrics = items.filter((i): i is MetricSeries & { id: string } => i.class === 'metrics');
  const set = new Set<string>();
  for (const s of metrics) {
    if (s.service !== changed || Object.keys(s.labels).length === 0 || !movedAtChange(moveAt(s, atMs), s, atMs, w)) continue;
    for (const value of Object.values(s.labels)) for (const part of parts(value)) set.add(part);
  }
  const out = new Map<string, string>();
  if (set.size === 0) return out;
  const requests = metrics.filter((s) => s.service !== changed && Object.keys(s.labels).length > 0 && metricFamily(s.name, s.unit, s.labels) === 'traffic');
  for (const s of requests) {
    const rise = moveAt(s, atMs);
    if (out.has(s.service) || !rise || rise.ratio < STEP || !movedAtChange(rise, s, atMs, w)) continue;
    for (const [key, value] of Object.entries(s.labels)) {
      const shared = parts(value).filter((p) => set.has(p));
      const held = requests.find((o) => {
        if (o === s || o.service !== s.service || o.name !== s.name || o.labels[key] === undefined || o.labels[key] === value) return false;
        const m = moveAt(o, atMs);
        return !!m && m.ratio < HELD && m.ratio > 1 / HELD;
      });
      const telling = held ? shared.filter((p) => !parts(held.labels[key]!).includes(p)) : [];
      if (!held || telling.length === 0) continue;
      out.set(s.service, `${s.service}'s ${s.name} from ${key}=${value} rose ${rise.ratio.toFixed(1)}x at the change while ${key}=${held.labels[key]} held, the segment the change set`);
      break;
    }
  }
  return out;
}
