import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal, type SignalFamily } from './types.js';

/** What a service measured of its own resources running short. */
const MEASURED: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'runtime_throttle', 'runtime_leak'];

interface Profiled {
  service: string;
  signals: readonly Signal[];
}

/** A service's own evidence that it ran short: a resource it measured near its limit, or its own words saying so. */
const ranShort = (p: Profiled) => p.signals.filter((s) => s.service === p.service && s.local && s.strength >= CLEAR_STRENGTH && (MEASURED.includes(s.family) || s.hint === 'resource_exhaustion'));

/** Load that rose on a service: more requests, calls multiplied, or consumption and refusals at its limit that grew with them. */
const loaded = (p: Profiled) => p.signals.some((s) => s.service === p.service && s.strength >= CLEAR_STRENGTH && (s.family === 'traffic_up' || s.family === 'calls_multiplied' || s.family === 'saturation' || s.family === 'cpu'));

/**
 * Whether the shortage a caller's error lines speak of is its callee's: the caller logs
 * that a limit was hit ("blocked by: disk usage exceeded flood-stage watermark", "too many
 * connections") while nothing of its own that it measured ran short, and the callee
 * itself said or measured that it ran short no later than the caller first complained.
 * The words are the callee's answer passed on, so the caller's failures are the callee's.
 * Not when load rose on either (the caller sent more, or the callee's consumption climbed
 * to its limit): then the shortage may be the caller's demand met, which the surge and
 * change readings weigh.
 */
export function reportsCalleeShortage(caller: Profiled, callee: Profiled, toleranceMs: number): boolean {
  const said = caller.signals.filter((s) => FAILURE_WORDS.includes(s.family) && s.service === caller.service && s.hint === 'resource_exhaustion' && s.strength >= CLEAR_STRENGTH);
  if (said.length === 0 || ranShort(caller).some((s) => MEASURED.includes(s.family)) || loaded(caller) || loaded(callee)) return false;
  const first = Math.min(...said.map((s) => s.onsetMs));
  return ranShort(callee).some((s) => s.onsetMs <= first + toleranceMs);
}
