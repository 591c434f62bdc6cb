import { callersOf } from './propagation.js';
import { CLEAR_STRENGTH, type Signal, type SignalFamily } from './types.js';

/** Families that say a service ran short of something of its own. */
const SHORT: readonly SignalFamily[] = ['memory', 'saturation', 'cpu', 'runtime_leak', 'runtime_throttle'];

/**
 * Demand that spilled onto a service from a sibling that stopped absorbing it: a caller
 * whose own requests stayed level (it counts them, and they did not rise) calls two
 * services, one of which ran short of something of its own (a cache at its memory limit,
 * evicting), and after that the other's demand rose (a rise in the same step may as well
 * have come first). The caller was not asked
 * for more; what the short sibling no longer served (misses a full cache evicts, calls a
 * failing primary path no longer takes) went to the other, as a read-through cache's
 * misses go to the database behind it. The rise is the sibling's doing, so the service
 * that received it gets an edge to the sibling (its victim, as if it called it), and
 * propagation reads its load, and what the load did to it, as the sibling's. A caller
 * whose own demand rose passed its users' surge to both, and one we cannot count says
 * nothing.
 */
export function spilledLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, measured: ReadonlySet<string>): Record<string, string[]> {
  const clear = signals.filter((s) => s.strength >= CLEAR_STRENGTH);
  const rose = new Map<string, number>();
  const short = new Map<string, number>();
  for (const s of clear) {
    if (s.family === 'traffic_up' && s.local) rose.set(s.service, Math.min(rose.get(s.service) ?? Infinity, s.onsetMs));
    if (SHORT.includes(s.family) && s.local) short.set(s.service, Math.min(short.get(s.service) ?? Infinity, s.onsetMs));
  }
  const edges: Record<string, string[]> = {};
  for (const [service, at] of [...rose].sort(([a], [b]) => a.localeCompare(b))) {
    for (const caller of callersOf(graph, service)) {
      if (!measured.has(caller) || rose.has(caller)) continue;
      for (const sibling of graph.get(caller) ?? []) {
        if (sibling === service || rose.has(sibling) || !short.has(sibling) || short.get(sibling)! >= at) continue;
        if (!(edges[service] ??= []).includes(sibling)) edges[service]!.push(sibling);
      }
    }
  }
  return edges;
}
