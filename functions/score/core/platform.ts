import type { Signal, SignalFamily } from './types.js';

/** Runtime evidence that the platform under a service is in trouble (its node under pressure, its pods evicted). */
const PLATFORM_TROUBLE: readonly SignalFamily[] = ['runtime_node'];
/** Errors whose own words can carry the platform's signature (a DNS lookup that timed out, a bad certificate). */
const FAILURE: readonly SignalFamily[] = ['log_error', 'exception'];
/** Failures must show in at least this many services to point at what they share. */
const MIN_VICTIMS = 2;
/** A service that started failing this long after the platform's trouble is too late to be explained by it. */
const VICTIM_WINDOW_MS = 20 * 60_000;

/** Every service the call graph names, as a caller or a callee. */
function graphServices(graph: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const [caller, callees] of graph) {
    out.add(caller);
    for (const c of callees) out.add(c);
  }
  return out;
}

/**
 * Cluster infrastructure (DNS, an ingress controller, a node agent) is rarely in the
 * call graph, yet every service leans on it. An off-graph service whose node came
 * under pressure or whose pods were evicted, followed within minutes by failures in two
 * or more services of the graph whose own words name the platform (DNS lookups that
 * time out, TLS handshakes that fail), is what those services share: each such service
 * gets an edge to it, so propagation can read the service as its victim, and each
 * failure becomes a symptom on it at full strength, since the words say the platform
 * failed (a lookup that timed out is DNS failing), not the service that logged them.
 * The platform's own runtime trouble stays its local evidence. A single service's
 * platform errors may be its own; errors that began before the platform's trouble are
 * not its doing. Linear in signals times off-graph services in trouble.
 */
export function platformLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, toleranceMs: number): { edges: Record<string, string[]>; signals: Signal[] } {
  const inGraph = graphServices(graph);
  const troubleAt = new Map<string, number>();
  for (const s of signals) {
    if (inGraph.has(s.service) || !PLATFORM_TROUBLE.includes(s.family)) continue;
    troubleAt.set(s.service, Math.min(troubleAt.get(s.service) ?? Infinity, s.onsetMs));
  }
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  for (const [platform, at] of [...troubleAt].sort(([a], [b]) => a.localeCompare(b))) {
    const failures = signals.filter((s) => inGraph.has(s.service) && FAILURE.includes(s.family) && s.hint === 'infrastructure' && s.onsetMs >= at - toleranceMs && s.onsetMs <= at + VICTIM_WINDOW_MS);
    const victims = [...new Set(failures.map((s) => s.service))].sort();
    if (victims.length < MIN_VICTIMS) continue;
    for (const v of victims) (edges[v] ??= []).push(platform);
    for (const s of failures) {
      out.push({ service: platform, family: 'dependency_mention', strength: s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: false, hint: 'infrastructure', text: `${platform}'s trouble reached ${s.service}: ${s.text}`.slice(0, 300) });
    }
  }
  return { edges, signals: out };
}
