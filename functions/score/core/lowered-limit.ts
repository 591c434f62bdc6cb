import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { wordsOf } from './metric-words.js';
import type { Evidence } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * A ceiling a change set, read from the service's own report of the ceiling rather than
 * from the change's words: a maintenance that "applied a parameter group" says nothing of
 * `max_connections`, but the database's own `max_connections` series stepping from 2000
 * to 200 at it does. A service that then ran short of what that ceiling bounds ran into
 * the ceiling the change set, not out of room on its own: the change is the cause, and
 * reverting it the fix.
 */

/** Words that say a series reports a limit (`postgresql_max_connections`, `memory_limit_bytes`, `ServiceQuota`), not a use of it. */
const LIMIT = / (?:max|maximum|limit|limits|quota|ceiling) /;

/** Words that say a series is a use measured against its limit (`max` as a statistic of a use: `cpu_usage_max`, a ratio of the limit). */
const USE = / (?:used|usage|utilization|utilisation|ratio|percent|pct|in use|active|current) /;

/**
 * The service's own limit series that stepped down at the change: its median before the
 * change stood at `leakGrowth` times (or more) its median from the change on, and its
 * first sample that low came within a step of the change or within `carriedWithinMs`
 * after it (a parameter applied on the restart that followed). A limit that held, rose,
 * or fell at some other time is not what the change set. Returns the series' words for
 * the RCA and its id to cite; undefined when no limit series of the service moved so.
 */
export function limitLoweredAt(items: readonly Evidence[], service: string, atMs: number, w: Weights = WEIGHTS): { text: string; id: string } | undefined {
  for (const item of items) {
    if (item.class !== 'metrics' || item.service !== service || item.labels.caller !== undefined) continue;
    const words = wordsOf(item.name);
    if (!LIMIT.test(words) || USE.test(words)) continue;
    const series = item as MetricSeries & { id: string };
    const points = series.values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [{ at: series.startMs + i * series.stepMs, v }]));
    const before = points.filter((p) => p.at < atMs - series.stepMs).map((p) => p.v);
    const after = points.filter((p) => p.at >= atMs).map((p) => p.v);
    if (before.length < 3 || after.length < 3) continue;
    const was = median(before)!;
    const now = median(after)!;
    if (!(now > 0 && was >= w.changes.leakGrowth * now)) continue;
    const firstLow = points.find((p) => p.at >= atMs - series.stepMs && p.v * w.changes.leakGrowth <= was);
    if (!firstLow || firstLow.at > atMs + Math.max(w.changes.carriedWithinMs, 2 * series.stepMs)) continue;
    return { text: `${series.name} went from ${was.toPrecision(3)} to ${now.toPrecision(3)} at the change`, id: series.id };
  }
  return undefined;
}
