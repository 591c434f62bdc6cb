import type { Signal, SignalFamily } from './types.js';

/**
 * Readings that tell one fault kind from another on the same service, where the same
 * resource signal can mean different things: CPU pinned by a code path is a defect that
 * burns CPU, not a CPU that ran short.
 */

/** Families that say the CPU ran short, and nothing else did. */
const CPU: readonly SignalFamily[] = ['cpu', 'runtime_throttle'];

/** Families that say some other resource ran short (memory, a pool, a disk, a leak). */
const OTHER_RESOURCE: readonly SignalFamily[] = ['memory', 'saturation', 'runtime_leak'];

/** Failures the service reports in its own words or spans: what its code did. */
const OWN_FAILURE: readonly SignalFamily[] = ['log_error', 'exception', 'pattern_break'];

/** Requests that failed: its error rate, or failing spans that start in it. */
const FAILING: readonly SignalFamily[] = ['errors', 'error_origin'];

/** A signal clear enough to reason about. */
const CLEAR = 0.3;

/**
 * Whether the service's CPU ran short because its own code burned it: the CPU (and
 * nothing else) ran short, demand did not rise, its requests failed, and it said so in
 * its own words (an error or a broken call pattern that names no resource). CPU does not run out on its
 * own: with the same demand, a code path that spins (a regex backtracking on one post, a
 * loop blocking the event loop, a parser on a huge input) is what took it, so the
 * shortage is the defect's consequence. A service whose only evidence is the CPU, or whose
 * errors name a resource ("too many connections", "shedding load"), or that received more
 * calls, or that only got slower, keeps reading as exhaustion or surge.
 */
export function burnedByCode(signals: readonly Signal[]): boolean {
  const clear = signals.filter((s) => s.strength >= CLEAR);
  if (!clear.some((s) => CPU.includes(s.family))) return false;
  if (clear.some((s) => OTHER_RESOURCE.includes(s.family) || s.family === 'traffic_up')) return false;
  if (signals.some((s) => s.hint === 'resource_exhaustion' && !CPU.includes(s.family))) return false;
  const requestsFail = clear.some((s) => FAILING.includes(s.family));
  return requestsFail && clear.some((s) => OWN_FAILURE.includes(s.family) && (s.hint === undefined || s.hint === 'code_defect'));
}
