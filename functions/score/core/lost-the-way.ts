import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal } from './types.js';

/**
 * What a service's own failure lines (its error lines and exceptions) said of callees
 * that showed no trouble of their own: the `dependency_mention` signals those lines put
 * on each callee whose clear evidence is only what callers said of it (fewer calls
 * arriving is their doing, not its trouble). A mesh, proxy or gateway whose lines say it
 * cannot reach two or more callees while each of them stays healthy has lost the way
 * to them: the piece every call passes through failed as the platform (infrastructure),
 * not in each callee, and not as a defect in code of ours that those calls run. Passed
 * to `kindSupport` as the platform felt by its victims, so it counts only when
 * `minVictims` or more callees are named.
 */
export function lostTheWayTo(service: string, profiles: ReadonlyMap<string, ServiceProfile>): Signal[] {
  const own = new Set(profiles.get(service)?.signals.filter((s) => FAILURE_WORDS.includes(s.family) && s.local && s.strength >= CLEAR_STRENGTH).map((s) => s.evidenceId) ?? []);
  if (own.size === 0) return [];
  return [...profiles.values()].flatMap((q) => {
    if (q.service === service || q.signals.some((s) => s.local && s.strength >= CLEAR_STRENGTH && s.family !== 'dependency_mention')) return [];
    return q.signals.filter((s) => s.family === 'dependency_mention' && s.strength >= CLEAR_STRENGTH && own.has(s.evidenceId));
  });
}
