import type { MetricSeries } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { capacityOf, metricFamily } from './metrics.js';
import { wordsOf } from './metric-words.js';
import { CLEAR_STRENGTH, type Evidence, type Signal, type SignalFamily } from './types.js';
import { WEIGHTS } from './weights.js';

/**
 * How much of its ceiling a series used in the healthy reference for it to count as
 * having run hot already: at 60% and above, the usual peak leaves too little room for
 * demand to grow into, so reaching the ceiling is what growth looks like. A process
 * that idled far below its ceiling and is pinned at it now burns CPU on something new.
 */
const RAN_HOT_SHARE = 0.6;

/** A series at or this close to its ceiling is at it. */
const AT_CEILING_SHARE = 0.95;

/** The service's own runtime trouble: instances killed, crashing, failing their checks, evicted, out of service. */
const INSTANCE_TROUBLE: readonly SignalFamily[] = ['runtime_leak', 'runtime_crash', 'runtime_other', 'runtime_node', 'units_lost'];

/** What the reading found: the ceiling reached (in words, and the evidence saying it) and how hot the same series ran in health. */
export interface Outgrown {
  evidenceId: string;
  text: string;
  referenceShare: number;
}

/**
 * Whether more instances would land on a service that can take them: its instances are
 * up (none killed, crash-looping, failing their checks, evicted) and its demand did not
 * dwindle, and nothing it calls shows trouble of its own, so it is not waiting on a
 * bottleneck downstream that more callers would press harder.
 */
export function upAndUnblocked(service: string, signals: readonly Signal[], callees: ReadonlySet<string>): boolean {
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  if (own.some((s) => INSTANCE_TROUBLE.includes(s.family) || s.family === 'traffic_down' || s.family === 'outbound_latency')) return false;
  return !signals.some((s) => callees.has(s.service) && s.local && s.strength >= CLEAR_STRENGTH);
}

/**
 * Whether a service has outgrown its compute: the one reading under which adding
 * instances undoes exhaustion. Its CPU is pinned at its ceiling, and:
 * - the same series already ran close to that ceiling in the healthy reference, so
 *   ordinary demand has grown into it (a CPU that idled and is now pinned at the same
 *   demand is spent on something new: more instances would each spend it too);
 * - the demand reaching it did not fall (CPU pinned while calls dwindle is not load);
 * - its instances are up (none killed, crash-looping, failing their checks, evicted):
 *   more instances of one that cannot keep its own up, or cannot start new ones, help
 *   nothing;
 * - nothing it calls shows trouble of its own, so it is not waiting on a bottleneck
 *   downstream that more callers would press harder.
 * Anything less and capacity is not shown to be the fix.
 */
export function outgrownCompute(service: string, signals: readonly Signal[], evidence: readonly Evidence[], callees: ReadonlySet<string>): Outgrown | undefined {
  if (!upAndUnblocked(service, signals, callees)) return undefined;
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  const series = new Map(evidence.flatMap((e) => (e.class === 'metrics' ? [[e.id, e as MetricSeries & { id: string }] as const] : [])));
  for (const s of own) {
    if (s.family !== 'cpu' || (s.peakShare ?? 0) < AT_CEILING_SHARE) continue;
    const m = series.get(s.evidenceId);
    const limit = m ? capacityOf(m) : undefined;
    const ref = m?.reference;
    if (!ref || limit === undefined || ref.points < WEIGHTS.metrics.minReferencePoints) continue;
    const referenceShare = ref.p95 / limit;
    if (referenceShare >= RAN_HOT_SHARE) return { evidenceId: s.evidenceId, text: s.text, referenceShare };
  }
  return undefined;
}

type Series = MetricSeries & { id: string };

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(3));

/** The share of its healthy reference's request rate demand must keep to have held: within a tenth of it, as one evening differs from the same evening a week before. */
const DEMAND_HELD = 0.9;

/** Words that say a series counts the slots of a pool in use: connections checked out, workers busy. */
const IN_USE = / (active|busy|used|in ?use|borrowed|checked out) /;

/** Words that name a pool of slots a process hands out to its work: connections, workers, threads. */
const POOL = / (pool|pools|workers?|connections?|conns?|threads?|slots?|executors?) /;

/** Words that say a series states how many slots a pool has rather than how many are used. */
const SIZE = / (max|maximum|limit|capacity|size) /;

/** What a pool's name says besides in use or size: the pool itself (`hikaricp connections`), to pair a use series with its size. */
const stem = (name: string) => wordsOf(name).replace(/ (active|busy|used|in|use|borrowed|checked|out|max|maximum|limit|capacity|size) /g, ' ').replace(/ +/g, ' ');

/**
 * The number of slots a pool has, for a series counting those in use: its own limit
 * (`capacityOf`: a limit label, a used ratio or percent), 1 or 100 for a busy share
 * (`worker_pool_busy_ratio`), or the level of a series of the same service and labels that
 * states the same pool's size (`hikaricp_connections_max` beside
 * `hikaricp_connections_active`).
 */
function slotsOf(use: Series, own: readonly Series[]): number | undefined {
  const stated = capacityOf(use);
  if (stated !== undefined) return stated;
  const all = `${wordsOf(use.name)}${(use.unit ?? '').toLowerCase()} `;
  if (/ (percent|pct) /.test(all)) return 100;
  if (/ (ratio|fraction) /.test(all)) return 1;
  const labels = JSON.stringify(use.labels);
  const size = own.find((s) => s !== use && SIZE.test(wordsOf(s.name)) && stem(s.name) === stem(use.name) && JSON.stringify(s.labels) === labels);
  const xs = size?.values.filter((v): v is number => v !== null) ?? [];
  return xs.length > 0 ? median(xs)! : undefined;
}

/**
 * Whether a service has outgrown a pool of its own (connections to its database, request
 * workers): the other reading under which adding instances undoes exhaustion, as for
 * compute ({@link outgrownCompute}). The slots in use reached the pool's size near the
 * alert, the same series already used `RAN_HOT_SHARE` of it in the healthy reference (a
 * pool that idled and is full now at the same demand holds its slots on something new: a
 * slow callee, a leak, which more instances would each meet), its request rate stood at
 * its reference's level or above (`DEMAND_HELD`), and more instances can take the load (`upAndUnblocked`).
 * A pool sized for last year's traffic fills at this week's peak with the database behind
 * it idle; each new instance brings a pool of its own.
 */
export function outgrownPool(service: string, signals: readonly Signal[], evidence: readonly Evidence[], callees: ReadonlySet<string>): Outgrown | undefined {
  if (!upAndUnblocked(service, signals, callees)) return undefined;
  const own = evidence.flatMap((e) => (e.class === 'metrics' && e.service === service && e.labels.caller === undefined ? [e as Series] : []));
  const demand = own.filter((s) => metricFamily(s.name, s.unit, s.labels) === 'traffic' && s.reference !== undefined && s.reference.points >= WEIGHTS.metrics.minReferencePoints && s.reference.median > 0);
  const held = (s: Series) => {
    const xs = s.values.filter((v): v is number => v !== null);
    return xs.length > 0 && median(xs)! >= DEMAND_HELD * s.reference!.median;
  };
  if (demand.length === 0 || !demand.every(held)) return undefined;
  for (const use of own) {
    const words = wordsOf(use.name);
    const ref = use.reference;
    if (!POOL.test(words) || !IN_USE.test(words) || SIZE.test(words) || metricFamily(use.name, use.unit, use.labels) !== 'saturation' || !ref || ref.points < WEIGHTS.metrics.minReferencePoints) continue;
    const slots = slotsOf(use, own);
    const xs = use.values.filter((v): v is number => v !== null);
    if (slots === undefined || xs.length < 4) continue;
    const peak = Math.max(...xs.slice(-Math.max(2, Math.floor(xs.length / 4))));
    const referenceShare = ref.p95 / slots;
    if (peak >= AT_CEILING_SHARE * slots && referenceShare >= RAN_HOT_SHARE) return { evidenceId: use.id, text: `${use.name} on ${service} reached ${fmt(peak)}, the size of its pool (${fmt(slots)})`, referenceShare };
  }
  return undefined;
}
