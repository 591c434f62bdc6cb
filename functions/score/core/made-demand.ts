import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, type Signal } from './types.js';

/** A clear rise in a service's own demand. */
const demandRise = (p: ServiceProfile | undefined) => (p?.signals ?? []).filter((s): s is Signal => s.family === 'traffic_up' && s.service === p!.service && s.strength >= CLEAR_STRENGTH);

/**
 * Whether the demand that rose at `caller` is what a change on `changed`, one of its
 * callees, made: the changed service's own requests stepped within a step of the change
 * (a flag that makes every page poll a new endpoint, a client retrying what the change
 * broke), the caller's rose within a step of that, and none of the caller's other callees
 * saw more demand, so every extra call it took went to the changed service. A caller in
 * front that forwards them (an edge, a gateway) then ran short of the calls the change
 * made, not of users who came on their own: a rush from outside swells the other paths
 * behind the caller too.
 */
export function demandMadeBy(caller: ServiceProfile, changed: string, at: number, stepMs: number, profiles: ReadonlyMap<string, ServiceProfile>, callees: ReadonlySet<string>): boolean {
  const within = (s: Signal) => Math.max(stepMs, s.stepMs ?? 0);
  const made = demandRise(profiles.get(changed)).filter((s) => s.onsetMs >= at - within(s) && s.onsetMs <= at + within(s));
  if (made.length === 0) return false;
  const rose = demandRise(caller).some((s) => made.some((m) => Math.abs(s.onsetMs - m.onsetMs) <= Math.max(within(s), within(m))));
  const elsewhere = [...callees].some((c) => c !== changed && demandRise(profiles.get(c)).length > 0);
  return rose && !elsewhere;
}
