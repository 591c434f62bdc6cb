import type { MetricSeries } from '../../contracts/index.js';
import { capacityOf } from './metrics.js';
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

/** What the reading found: the ceiling reached and how hot the same series ran in health. */
export interface Outgrown {
  signal: Signal;
  referenceShare: number;
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
  const own = signals.filter((s) => s.service === service && s.strength >= CLEAR_STRENGTH);
  if (own.some((s) => INSTANCE_TROUBLE.includes(s.family) || s.family === 'traffic_down' || s.family === 'outbound_latency')) return undefined;
  if (signals.some((s) => callees.has(s.service) && s.local && s.strength >= CLEAR_STRENGTH)) return undefined;
  const series = new Map(evidence.flatMap((e) => (e.class === 'metrics' ? [[e.id, e as MetricSeries & { id: string }] as const] : [])));
  for (const s of own) {
    if (s.family !== 'cpu' || (s.peakShare ?? 0) < AT_CEILING_SHARE) continue;
    const m = series.get(s.evidenceId);
    const limit = m ? capacityOf(m) : undefined;
    const ref = m?.reference;
    if (!ref || limit === undefined || ref.points < WEIGHTS.metrics.minReferencePoints) continue;
    const referenceShare = ref.p95 / limit;
    if (referenceShare >= RAN_HOT_SHARE) return { signal: s, referenceShare };
  }
  return undefined;
}
