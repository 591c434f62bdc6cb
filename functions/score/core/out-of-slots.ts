import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { metricFamily } from './metrics.js';
import { wordsOf } from './metric-words.js';
import { upAndUnblocked } from './outgrown.js';
import { CLEAR_STRENGTH, type Evidence, type Signal } from './types.js';
import { WEIGHTS } from './weights.js';

/**
 * Words that name capacity a load holds only while it is served and gives back when it
 * passes, and that each instance brings its own of: CPU, connections and clients, a pool
 * of workers, threads or slots, ports and sockets, concurrency.
 */
const SLOTS = / (cpu|connections?|conns?|clients?|pool|pools|workers?|threads?|slots?|ports?|sockets?|concurrency|concurrent) /;

/**
 * Words that name what a service keeps rather than holds for a while: disk, storage,
 * space, a quota or a budget of credits, memory. What fills them stays when the load
 * passes, and another instance beside a full disk adds no room to it.
 */
const KEPT = / (disk|disks|storage|space|filesystem|fs|volume|quota|budget|table|memory|mem|heap|bytes|log dir|wal|wraparound) /;

/** Words that say all of something was taken: a pool exhausted or saturated, too many clients, its maximum reached. */
const ALL_TAKEN = / (exhausted|saturated|too many|max|maximum|reached|no free) /;

/** A series at or this close to its ceiling is at it. */
const AT_CEILING_SHARE = 0.95;

/** The share of its healthy reference's request rate demand must keep to have held, as for a pool outgrown (`outgrown.ts`). */
const DEMAND_HELD = 0.9;

/** The words of a signal, for the resource it names: its text and the evidence's own words. */
const wordsOfSignal = (s: Signal) => wordsOf(`${s.text} ${s.raw ?? ''}`);

/**
 * Whether a signal says the service ran out of slots of its own: its CPU at its ceiling,
 * or a series or its own words (a log, a failure count) that it ran out of connections,
 * clients, workers, threads or ports, and none of what it keeps.
 */
function outOfSlots(s: Signal): boolean {
  const words = wordsOfSignal(s);
  if (KEPT.test(words)) return false;
  if (s.family === 'cpu') return (s.peakShare ?? 0) >= AT_CEILING_SHARE;
  if (!SLOTS.test(words)) return false;
  return (s.family === 'saturation' && (s.peakShare ?? 0) >= AT_CEILING_SHARE) || (s.local && (s.hint === 'resource_exhaustion' || (s.family === 'log_error' && ALL_TAKEN.test(words))));
}

/** A service's own request rates with a healthy reference to hold them against. */
function requestsOf(service: string, evidence: readonly Evidence[]): (MetricSeries & { reference: NonNullable<MetricSeries['reference']> })[] {
  return evidence.flatMap((e) => {
    if (e.class !== 'metrics' || e.service !== service || e.labels.caller !== undefined) return [];
    const ref = e.reference;
    return metricFamily(e.name, e.unit, e.labels) === 'traffic' && ref && ref.points >= WEIGHTS.metrics.minReferencePoints && ref.median > 0 ? [e as MetricSeries & { reference: NonNullable<MetricSeries['reference']> }] : [];
  });
}

/** Whether a request rate stood within a tenth of its healthy reference's level or above. */
const held = (m: MetricSeries & { reference: NonNullable<MetricSeries['reference']> }) => {
  const xs = m.values.filter((v): v is number => v !== null);
  return xs.length > 0 && median(xs)! >= DEMAND_HELD * m.reference.median;
};

/**
 * What the demand reaching a service is shown to have done: `rose` when demand reaching
 * it rose (its own request rate, or what its callers sent it), `held` when it counts its
 * requests against a healthy reference and each stood within a tenth of that
 * reference's level or above, `undefined` when it fell or nothing measures it. A service
 * whose demand nothing measures is not shown to have met more load than it was given:
 * its slots may be held by something else (clients that leaked theirs, a lock), which
 * more instances would meet as well.
 */
function demandShown(service: string, signals: readonly Signal[], evidence: readonly Evidence[]): 'rose' | 'held' | undefined {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const requests = requestsOf(service, evidence);
  if (own.some((s) => s.family === 'traffic_down') || !requests.every(held)) return undefined;
  if (own.some((s) => s.family === 'traffic_up')) return 'rose';
  return requests.length > 0 ? 'held' : undefined;
}

/**
 * Whether a service ran out of capacity that more of it undoes: the general reading of
 * exhaustion a scale-out answers, beside the specific ones (`outgrown.ts`,
 * `quota-bound.ts`). Its own evidence says it ran out of what a load holds only while it
 * is served (CPU at its ceiling, its connections, clients, workers, threads or ports all
 * taken), the demand reaching it is shown to have held or risen (`demandShown`; for CPU,
 * to have risen: a CPU pinned at the demand it idled under is spent on something new, a
 * spin or a hog, which each new instance would meet too, as `outgrown.ts` holds), its
 * instances are up and nothing it calls is in trouble (`upAndUnblocked`), and nothing
 * showed a leak (weighed before this, as a restart). Then the load has met the capacity
 * it was given: each new instance brings its own CPU, pool and ports, while a restart
 * gives back the same and meets the same load. What it keeps (a full disk, a spent quota, memory full of data) is not this:
 * another instance adds no room to it. The evidence that it ran out, or `undefined`.
 */
export function ranOutOfSlots(service: string, signals: readonly Signal[], evidence: readonly Evidence[], callees: ReadonlySet<string>): Signal | undefined {
  const demand = demandShown(service, signals, evidence);
  if (!demand || !upAndUnblocked(service, signals, callees)) return undefined;
  return signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH && outOfSlots(s) && (s.family !== 'cpu' || demand === 'rose')).sort((a, b) => b.strength - a.strength)[0];
}
