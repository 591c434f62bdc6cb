import type { ServiceProfile } from './propagation.js';

/** A failure series at full strength: an error ratio from nothing to all of the calls. */
const FULL = 0.9;

/**
 * When a neighbour's trouble showed after a change at `at`: its onset, or earlier the
 * first of its failure series (errors, not the resources or call shapes that drift into
 * trouble) at full strength that began no earlier than a step before the change. The
 * onset is read from the middle of a service's first reports so that one early blip does
 * not date it; but a series that went from healthy to failing outright a
 * minute after a change (sessions failing the minute a load balancer began publishing a
 * new address) dates the neighbour's trouble at the change, however many minutes its
 * other series took to follow.
 */
export function firstFullSignAfter(p: ServiceProfile, at: number, stepMs: number): number {
  return Math.min(p.onsetMs, ...p.signals.filter((s) => s.family === 'errors' && s.strength >= FULL && s.onsetMs >= at - stepMs).map((s) => s.onsetMs));
}
