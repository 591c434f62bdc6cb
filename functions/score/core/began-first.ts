import { EVIDENCE_ID_PREFIX } from '../../contracts/index.js';
import { CLEAR_STRENGTH, type Signal, type SignalFamily } from './types.js';

/**
 * Series that say a service itself got into trouble: it ran short (CPU, memory, a pool or
 * queue), failed, or got slower at its own work. Demand that rose or fell is what it was
 * asked, not trouble of its own (a Monday's climbing requests are not the outage).
 */
const TROUBLE: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'errors', 'latency', 'self_time'];

/** Whether a signal was read off a metric series: one with a baseline of its own before the window, so its onset is dated, not where the window began. */
const fromSeries = (s: Signal) => s.stepMs !== undefined && s.stepMs > 0 && s.evidenceId.startsWith(`${EVIDENCE_ID_PREFIX.metrics}_`);

/**
 * Whether a service's own trouble, as its metric series date it, began before a callee's
 * did, by more than the coarser of the two resolutions: its first clear local series
 * signal of trouble (`TROUBLE`: a pool's free slots falling to zero, its CPU climbing)
 * came a whole step of the coarser series before the callee's onset (`calleeOnsetMs`, known to within
 * `calleeStepMs`). Then the two onsets cannot be the same moment seen at different
 * resolutions: the service ran into trouble while the callee was still fine, so the
 * callee's later trouble cannot have caused it. Only series count: a log line or a
 * sampled trace first seen where the window begins may have started before it, while a
 * series has its own baseline before the window and shows when it left it.
 */
export function beganBeforeCallee(signals: readonly Signal[], calleeOnsetMs: number, calleeStepMs: number): boolean {
  const first = signals.filter((s) => s.local && s.strength >= CLEAR_STRENGTH && TROUBLE.includes(s.family) && fromSeries(s)).sort((a, b) => a.onsetMs - b.onsetMs)[0];
  return first !== undefined && calleeOnsetMs - first.onsetMs > Math.max(first.stepMs!, calleeStepMs);
}
