import { CLEAR_STRENGTH, type Signal } from './types.js';

/**
 * Whether the service could not grow to meet its demand because a resource under it ran
 * out: its own instances failed to start or to come into service by the time it ran short,
 * in words that name the shortage (a pod sandbox that could not be given an IP address,
 * no free addresses left in the subnet). More demand is what instances are added for;
 * when the ones added cannot start, the surge met an ordinary remedy that the shortage
 * blocked, and the shortage, not the demand, is what to fix: scaling out is exactly what
 * cannot happen. Instances that crashed or were killed under the load (an OOM kill, a
 * crash loop) are the load's doing, and do not count.
 */
export function growthBlocked(signals: readonly Signal[], byMs: number): boolean {
  return signals.some((s) => s.family === 'runtime_other' && s.hint === 'resource_exhaustion' && s.strength >= CLEAR_STRENGTH && s.onsetMs <= byMs);
}
