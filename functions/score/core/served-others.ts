import type { Attribution } from './changes.js';
import { callersOf } from './propagation.js';
import { CLEAR_STRENGTH, type Evidence, type Signal } from './types.js';

/*
 * A dependency that kept serving its other callers did not fail: when one caller's
 * measure of its calls into a dependency (its connect timeouts, its failed queries) rose
 * while the same measure on the dependency's other callers stayed where it was, the
 * dependency and the way to it worked, and the caller failed its own way of calling it
 * (a connection pinned to the address of a primary that failed over, a driver that never
 * resolves the name again). Clients instrumented alike count alike, so the same series
 * on a sibling is the control an SRE reaches for.
 */

/** A series by what it measures: its name and its labels other than whose it is. */
const measureOf = (e: { name: string; labels: Readonly<Record<string, string>> }) => `${e.name}\u0000${JSON.stringify(Object.entries(e.labels).sort(([a], [b]) => a.localeCompare(b)))}`;

/**
 * Caller → the callees that served its siblings while it failed on them: the caller's
 * failure series rose clearly (an `errors` signal from one of its own metric series), and
 * another caller of the callee has a series measuring the same thing (same name and
 * labels) from which no clear signal came. Only callees the caller's own failures name
 * (`dependency_mention` from its lines or series), and that showed nothing clear of
 * their own (a store whose commit times climbed failed, whoever it still served), are
 * cleared.
 */
export function servedOthers(evidence: readonly Evidence[], signals: readonly Signal[], graph: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const series = new Map(evidence.flatMap((e) => (e.class === 'metrics' ? [[e.id, e] as const] : [])));
  const moved = new Set(signals.filter((s) => s.strength >= CLEAR_STRENGTH).map((s) => s.evidenceId));
  const out = new Map<string, Set<string>>();
  for (const s of signals) {
    const own = series.get(s.evidenceId);
    if (s.family !== 'errors' || s.strength < CLEAR_STRENGTH || !own || own.service !== s.service) continue;
    const mine = ownIds(signals, s.service);
    const named = new Set(signals.filter((m) => m.family === 'dependency_mention' && m.strength >= CLEAR_STRENGTH && graph.get(s.service)?.has(m.service) && mine.has(m.evidenceId)).map((m) => m.service));
    for (const callee of named) {
      if (signals.some((q) => q.service === callee && q.strength >= CLEAR_STRENGTH && q.family !== 'dependency_mention')) continue;
      const siblings = callersOf(graph, callee).filter((c) => c !== s.service);
      const steady = [...series.values()].some((e) => siblings.includes(e.service) && measureOf(e) === measureOf(own) && !moved.has(e.id));
      if (steady) (out.get(s.service) ?? out.set(s.service, new Set()).get(s.service)!).add(callee);
    }
  }
  return out;
}

/** The evidence ids of a service's own signals. */
const ownIds = (signals: readonly Signal[], service: string) => new Set(signals.filter((s) => s.service === service).map((s) => s.evidenceId));

/** The signals without what a caller said of a callee that served its siblings (`servedOthers`): the callee's own evidence stays. */
export function withoutUnsharedViews(signals: readonly Signal[], served: ReadonlyMap<string, ReadonlySet<string>>): Signal[] {
  if (served.size === 0) return [...signals];
  const saidBy = new Map<string, string>();
  for (const s of signals) if (served.has(s.service)) saidBy.set(s.evidenceId, s.service);
  return signals.filter((s) => !(s.family === 'dependency_mention' && served.get(saidBy.get(s.evidenceId) ?? '')?.has(s.service)));
}

/**
 * The attributions with a change on a callee no longer blamed for a caller that callee
 * kept failing while it served its other callers (`servedOthers`): the change (a failover,
 * a patch) went by for every other client, so it is what the caller's own defect met, not
 * its cause.
 */
export function clearedOfUnsharedVictims(attributions: readonly Attribution[], served: ReadonlyMap<string, ReadonlySet<string>>): Attribution[] {
  return attributions.map((a) =>
    a.explains !== undefined && served.get(a.explains)?.has(a.change.service)
      ? { ...a, score: 0, fit: 0, redHerring: true, reason: `${a.reason}; but ${a.change.service}'s other callers, measured the same way, stayed healthy through it: ${a.explains} failed its own way of calling it` }
      : a,
  );
}
