import { metricFamily } from './metrics.js';
import { callersOf } from './propagation.js';
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

/** A rise in demand this sure is a surge of calls, not noise in them. */
const SURGED = 0.8;

/** Families that say a service's calls failed: its errors, failing spans, error lines, or its callers' naming it. */
const FAILED: readonly SignalFamily[] = ['errors', 'error_origin', 'log_error', 'exception', 'dependency_mention'];

/** Families that say what a surge did to the service it reached: it failed, slowed or strained. */
const TROUBLE: readonly SignalFamily[] = ['errors', 'error_origin', 'log_error', 'exception', 'latency', 'self_time', ...STRAIN];

/**
 * Calls a caller made far beyond what it was asked to: a callee's demand surged while the
 * requests its one caller served (measured) stayed level, and the surge came no later
 * than the callee's own trouble (so it is not retries of calls that were already failing),
 * nor with another callee of the caller failing (a fallback taking the calls a failing
 * provider could not: that provider's doing). A callee restarting without failing calls
 * is no reason to call elsewhere. Nobody asked the caller for the extra calls: its own
 * work multiplied them (a charge repeated on every request, a loop over what should have
 * been one call), so the callee's surge is the caller's signal, cited by the callee's
 * demand series. A callee with several callers may have got its extra calls from any of
 * them, and a caller whose own demand rose, or was not measured, may only have passed its
 * users' surge on.
 */
export function multipliedCallSignals(signals: readonly Signal[], graph: Map<string, Set<string>>, measured: ReadonlySet<string>, toleranceMs: number): Signal[] {
  const out: Signal[] = [];
  const rising = new Set(signals.filter((s) => s.family === 'traffic_up' && s.strength >= CLEAR_STRENGTH).map((s) => s.service));
  const strained = new Set(signals.filter((s) => s.local && s.strength >= CLEAR_STRENGTH && STRAIN.includes(s.family)).map((s) => s.service));
  for (const s of signals) {
    if (s.family !== 'traffic_up' || s.strength < SURGED || strained.has(s.service)) continue;
    const callers = callersOf(graph, s.service);
    const caller = callers[0];
    if (callers.length !== 1 || !measured.has(caller!) || rising.has(caller!)) continue;
    const within = s.onsetMs + Math.max(toleranceMs, s.stepMs ?? 0);
    const trouble = signals.filter((t) => t.service === s.service && TROUBLE.includes(t.family) && t.strength >= CLEAR_STRENGTH);
    if (trouble.some((t) => t.onsetMs <= within)) continue;
    const otherCallees = [...(graph.get(caller!) ?? [])].filter((c) => c !== s.service);
    if (signals.some((t) => otherCallees.includes(t.service) && FAILED.includes(t.family) && t.strength >= CLEAR_STRENGTH && t.onsetMs <= within)) continue;
    out.push({ ...s, service: caller!, family: 'calls_multiplied', local: true, text: `${caller} sent ${s.service} far more calls while the requests it served stayed level: ${s.text}`.slice(0, 300) });
  }
  return out;
}
