import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, OWN_FAILURES } from './types.js';

/**
 * Services that failed together under one piece they share: each is explained by the
 * same dependency (`ServiceProfile.explainedBy`), failed itself (failing spans or error
 * lines of its own: stale data it serves or failures only passed on are not its own
 * failing), and began within `tolerance` (or the coarser step that
 * timed either) of another such service. Two or more of them (`minVictims`) failing in
 * the same minutes on the same dependency is one fault in that dependency, not a fault
 * in each: how loudly each victim logged its failures says nothing against that, so the
 * dependency explains all of what they share with it, however little of its own it
 * reported (a node lost under a store, a route withdrawn from a network path). The
 * dependency must show trouble of its own that the victims' evidence does not (fewer
 * calls reaching it are their doing, not its trouble): callers failing
 * together on a store that reported nothing else may share a fault of theirs (a release
 * that dropped a column both read), not the store's. What a victim did that no
 * dependency can cause (`ServiceProfile.pinned`) still counts as its own.
 */
export function failedTogether(profiles: ReadonlyMap<string, ServiceProfile>, tolerance: number, minVictims: number): Set<string> {
  const byPiece = new Map<string, ServiceProfile[]>();
  for (const p of profiles.values()) {
    if (p.explainedBy === undefined || !p.signals.some((s) => s.local && OWN_FAILURES.includes(s.family) && s.strength >= CLEAR_STRENGTH)) continue;
    byPiece.set(p.explainedBy, [...(byPiece.get(p.explainedBy) ?? []), p]);
  }
  const out = new Set<string>();
  for (const [piece, victims] of byPiece) {
    const together = victims.filter((v) => victims.some((o) => o !== v && Math.abs(o.onsetMs - v.onsetMs) <= Math.max(tolerance, v.onsetStepMs, o.onsetStepMs)));
    const theirs = new Set(together.flatMap((v) => v.signals.map((s) => s.evidenceId)));
    const troubledItself = profiles.get(piece)?.signals.some((s) => s.local && s.strength >= CLEAR_STRENGTH && !theirs.has(s.evidenceId)) ?? false;
    if (together.length >= minVictims && troubledItself) for (const v of together) out.add(v.service);
  }
  return out;
}
