import type { ServiceProfile } from './propagation.js';
import type { Weights } from './weights.js';

/**
 * Whether a service rode through the earlier trouble of the dependency read as its cause
 * and broke only at a change elsewhere: its first sign of trouble of any kind is the new
 * failure (`firstNewMs`, an exception first thrown, an error template new to it) that began
 * right after the change, and that came longer after the dependency's own trouble began
 * than a change's effect takes to be carried (`carriedWithinMs`), that trouble being only
 * restarts: a unit that came back, not a piece that stayed failing (brokers lost and not
 * replaced still explain a consumer that fails ten minutes later). A consumer that kept
 * reading through a broker's rolling restart and began failing to parse the seconds after
 * a producer's flag turned on fails at the flag: the restart a quarter of an hour before
 * it had already been ridden out.
 */
export function rodeThrough(p: ServiceProfile, dependency: ServiceProfile, firstNewMs: number, stepMs: number, w: Weights): boolean {
  const restartsOnly = dependency.signals.length > 0 && dependency.signals.every((s) => s.family === 'runtime_crash');
  return restartsOnly && p.onsetMs >= firstNewMs - stepMs && firstNewMs - dependency.onsetMs > w.changes.carriedWithinMs;
}
