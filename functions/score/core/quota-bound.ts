import { upAndUnblocked } from './outgrown.js';
import { CLEAR_STRENGTH, type Signal } from './types.js';

/** Words that say a scheduler held the CPU back at a quota (`container_cpu_cfs_throttled_periods`, `CPUThrottlingHigh`). */
const THROTTLED = /throttl/i;

/**
 * Whether a service ran short because its CPU quota held it back: the runtime throttled
 * it, or its throttled-periods series rose, while its instances stayed up, the demand
 * reaching it did not fall and nothing it calls was in trouble (`upAndUnblocked`). A
 * quota throttles the work each instance is allowed, not a leak nor a code path spinning
 * (those read as a leak or as a defect before any action is weighed), so more instances,
 * or a larger quota per instance, give the work the CPU it waits for; a restart brings
 * back the same quota. The throttling evidence, or `undefined`.
 */
export function heldBackByQuota(service: string, signals: readonly Signal[], callees: ReadonlySet<string>): Signal | undefined {
  if (!upAndUnblocked(service, signals, callees)) return undefined;
  return signals.find((s) => s.service === service && s.strength >= CLEAR_STRENGTH && (s.family === 'runtime_throttle' || (s.family === 'cpu' && THROTTLED.test(s.raw ?? s.text))));
}
