import { CLEAR_STRENGTH, type Signal } from './types.js';

/**
 * Whether a dependency is the hosts a service runs on, themselves under pressure no later
 * than the service's trouble began: the runtime reports its own nodes starved (CPU pegged
 * on every host, memory pressure). CPU a service burned on such hosts is the hosts'
 * trouble showing through it (a kernel spinning every JVM at once at midnight), not work
 * of its own that nothing under it could cause.
 */
export function hostsUnderPressure(dependency: { service: string; signals: readonly Signal[] }, sinceMs: number, toleranceMs: number): boolean {
  return dependency.signals.some((s) => s.family === 'runtime_node' && s.service === dependency.service && s.local && s.strength >= CLEAR_STRENGTH && s.onsetMs <= sinceMs + toleranceMs);
}
