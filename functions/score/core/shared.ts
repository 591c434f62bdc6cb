import { namesService } from './logs.js';
import { ONSET_TOLERANCE_MS } from './propagation.js';
import type { Signal, SignalFamily } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * How far apart failures may start and still have started together: the onset tolerance,
 * or one step of the coarsest series that timed them, since an onset is known only to
 * within its step (two functions' 5-minute error counts rising one sample apart).
 */
const together = (failed: readonly Signal[]) => Math.max(ONSET_TOLERANCE_MS, ...failed.map((s) => s.stepMs ?? 0));

/** A caller's own failures: errors it logged or threw, or its error rate. */
const FAILURES: readonly SignalFamily[] = ['log_error', 'exception', 'errors'];

/**
 * A dependency we have no telemetry of (a managed service, a third party), called by
 * several services that all started failing within minutes of each other: that they fail
 * together is positive evidence that what they share failed, even when their errors name
 * it by another word (`AmazonKinesis`, a stream's own name). Each such dependency gets
 * one signal per failing caller (its strongest failure, weighed at 0.7), so propagation
 * can read the callers as its victims. A dependency we observe speaks for itself, and one
 * caller failing alone may be its own fault. A caller whose failures were confined to one
 * of its hosts (`onOneHost`, from `hostLinks`) called the dependency from its other hosts
 * without failing, so its failures say that host failed, not the dependency.
 */
export function sharedDependencySignals(signals: readonly Signal[], graph: Map<string, Set<string>>, observed: ReadonlySet<string>, w: Weights = WEIGHTS, onOneHost: ReadonlySet<string> = new Set()): Signal[] {
  const { failing, minCallers, share } = w.shared;
  const failure = new Map<string, Signal>();
  for (const s of signals) {
    if (!FAILURES.includes(s.family) || s.strength < failing || onOneHost.has(s.service)) continue;
    const prev = failure.get(s.service);
    if (!prev || s.onsetMs < prev.onsetMs) failure.set(s.service, s);
  }
  const callersOf = new Map<string, string[]>();
  for (const [caller, callees] of graph) for (const c of callees) if (!observed.has(c)) callersOf.set(c, [...(callersOf.get(c) ?? []), caller]);
  const out: Signal[] = [];
  for (const [dependency, callers] of [...callersOf].sort(([a], [b]) => a.localeCompare(b))) {
    const failed = callers.flatMap((c) => (failure.has(c) ? [failure.get(c)!] : [])).sort((a, b) => a.onsetMs - b.onsetMs);
    if (failed.length < minCallers || failed.at(-1)!.onsetMs - failed[0]!.onsetMs > together(failed)) continue;
    const names = failed.map((s) => s.service).join(', ');
    for (const s of failed) out.push({ service: dependency, family: 'dependency_mention', strength: share * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, text: `${failed.length} callers of ${dependency} started failing together (${names}): ${s.text}`.slice(0, 300) });
  }
  return out;
}

/** Services that must fail together, and be every one of a front's callees we see failing, to point at the front. */
const MIN_FRONTED = 3;

/**
 * A front we have no telemetry of (a managed runtime that invokes functions, a gateway
 * that routes to them) whose callees all started failing within minutes of each other,
 * none of them over a failing dependency of its own (a callee that fails too, or that its
 * error lines name) and no two of them over one same dependency: what they share is the
 * front, not code in each of them (every function of a runtime failing at once is the runtime). It
 * takes each callee's earliest failure as its own evidence, as a shared dependency does,
 * and each callee gets an edge to it, so propagation can read the callees as its
 * victims. Needs three or more callees, every callee we have telemetry of among them: a
 * front with a healthy callee still reaches it. Linear in edges times failure lines.
 */
export function sharedFrontLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, observed: ReadonlySet<string>, w: Weights = WEIGHTS): { edges: Record<string, string[]>; signals: Signal[] } {
  const failure = new Map<string, Signal>();
  for (const s of signals) {
    if (!FAILURES.includes(s.family) || s.strength < w.shared.failing) continue;
    const prev = failure.get(s.service);
    if (!prev || s.onsetMs < prev.onsetMs) failure.set(s.service, s);
  }
  const lines = signals.filter((s) => FAILURES.includes(s.family) && s.strength >= w.shared.failing);
  /** A service failing over a dependency: one of its callees fails too, or its own error lines name one. */
  const overDependency = (service: string) => [...(graph.get(service) ?? [])].some((d) => failure.has(d) || lines.some((s) => s.service === service && namesService(s.raw ?? s.text, d)));
  /** Whether two of the services call one same dependency: that, not the front, is then the likelier thing they share. */
  const shareADependency = (services: readonly string[]) => {
    const seenCallees = new Set<string>();
    for (const service of services) for (const d of graph.get(service) ?? []) if (seenCallees.has(d)) return true; else seenCallees.add(d);
    return false;
  };
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  for (const [front, callees] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    if (observed.has(front)) continue;
    const seen = [...callees].filter((c) => observed.has(c));
    const failed = seen.flatMap((c) => (failure.has(c) && !overDependency(c) ? [failure.get(c)!] : [])).sort((a, b) => a.onsetMs - b.onsetMs);
    if (failed.length < MIN_FRONTED || failed.length < seen.length || failed.at(-1)!.onsetMs - failed[0]!.onsetMs > together(failed) || shareADependency(failed.map((f) => f.service))) continue;
    const names = failed.map((s) => s.service).join(', ');
    for (const s of failed) {
      (edges[s.service] ??= []).push(front);
      out.push({ service: front, family: 'dependency_mention', strength: w.shared.share * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, text: `every service behind ${front} started failing together (${names}): ${s.text}`.slice(0, 300) });
    }
  }
  return { edges, signals: out };
}
