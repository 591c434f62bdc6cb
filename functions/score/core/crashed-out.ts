import { failedUnder, underPlatformReport } from './felt-platform.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal } from './types.js';

/*
 * Units out of service because the service's own processes died, not because what they
 * run on failed. A count of units in service (replicas up, nodes of a cluster serving)
 * falls when the machines under them fail and when the processes on them crash alike;
 * which one it was, the runtime says.
 */

/**
 * Whether the units the service lost went out with its own processes: it crash-looped
 * (restarts with no word of a host, memory or a resource behind them), the units began to
 * go out no earlier than the crashes (within `laterMs`, or the step of the series that
 * counted them), and nothing says the platform under it failed (no node or host lost, no
 * failure in the platform's words of its own, no failures the hardware counted, no
 * platform report). Every replica dying within a minute of the others on healthy hosts is
 * one input or one event read by the same code everywhere (a rule set freed twice, a
 * table modified while iterated as peers recover): the units are the defect's casualties,
 * and the platform that kept running them did not fail.
 */
export function crashedOut(signals: readonly Signal[], laterMs: number): boolean {
  const clear = signals.filter((s) => s.strength >= CLEAR_STRENGTH);
  const crashes = clear.filter((s) => s.family === 'runtime_crash' && (s.hint === undefined || s.hint === 'code_defect'));
  const units = clear.filter((s) => s.family === 'units_lost' && s.hint === undefined);
  if (crashes.length === 0 || units.length === 0) return false;
  const platform = clear.some((s) => s.family === 'runtime_node' || failedUnder(s) || underPlatformReport(s) || (FAILURE_WORDS.includes(s.family) && s.hint === 'infrastructure'));
  if (platform) return false;
  const firstCrash = Math.min(...crashes.map((s) => s.onsetMs));
  return units.every((s) => s.onsetMs >= firstCrash - Math.max(laterMs, s.stepMs ?? 0));
}
