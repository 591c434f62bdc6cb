import { metricFamily } from './metrics.js';
import { CLEAR_STRENGTH, type Evidence, type Signal, type SignalFamily } from './types.js';

/** Families that say a service strained under what it received: where extra demand met a limit, it stays. */
const STRAIN: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'runtime_throttle', 'self_time'];

/** The services whose own request rate is measured: a series of calls, requests or invocations they served. */
export function demandMeasured(evidence: readonly Evidence[]): Set<string> {
  return new Set(evidence.filter((e): e is Extract<Evidence, { class: 'metrics' }> => e.class === 'metrics').filter((e) => metricFamily(e.name, e.unit, e.labels) === 'traffic').map((e) => e.service));
}

/**
 * Demand that reached a service through the one caller that sends it everything: a load
 * balancer counts the requests its targets receive, a queue's sends are what its one
 * consumer must work off. Where the service counts no requests of its own, the rise its
 * sole-forwarding caller counted is the rise that reached it, and becomes a signal of it
 * (cited by the caller's own evidence), so a surge that met the service's limit reads as
 * a surge there and not as a shortage with no cause. Only a callee that strained receives
 * it: more calls into a service that coped are not its trouble, and must not make it look
 * like the origin of its caller's. A caller with several callees may
 * have sent its extra calls to any of them, a service that measures its own demand says
 * itself whether more of it arrived, and a caller that strained under the extra demand is
 * where it met a limit first (`demandFeeders`): none of them passes anything on.
 */
export function inflowSignals(signals: readonly Signal[], graph: Map<string, Set<string>>, measured: ReadonlySet<string>): Signal[] {
  const out: Signal[] = [];
  const strained = new Set(signals.filter((s) => s.local && s.strength >= CLEAR_STRENGTH && STRAIN.includes(s.family)).map((s) => s.service));
  for (const s of signals) {
    if (s.family !== 'traffic_up' || s.strength < CLEAR_STRENGTH || strained.has(s.service)) continue;
    const callees = [...(graph.get(s.service) ?? [])];
    const callee = callees[0];
    if (callees.length !== 1 || measured.has(callee!) || !strained.has(callee!)) continue;
    out.push({ ...s, service: callee!, local: true, text: `demand reaching ${callee} rose with what ${s.service}, which sends all its calls to it, counted: ${s.text}`.slice(0, 300) });
  }
  return out;
}
