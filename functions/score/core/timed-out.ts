import { shortResources } from './kinds.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal } from './types.js';

/** Resources every call holds while it runs: a call that never finishes keeps its share of them. */
const WORK = ['cpu', 'concurrency'];

/** Resources whose shortage says something other than calls that ran long: memory, a pool of connections, a disk, descriptors. */
const NOT_DURATION = ['memory', 'connections', 'disk', 'file descriptors'];

/**
 * Words a service writes when one of its own calls ran until it was stopped: a task or
 * invocation that timed out (`Task timed out after 60.00 seconds`), a request that
 * exceeded its deadline (`request exceeded 30s`).
 */
const OWN_TIMEOUT = /\b(?:task|invocation|execution|handler|function|job|request)\b[^.;\n]{0,12}\b(?:timed out|exceeded)\b/i;

/**
 * Whether the service ran short of what its calls hold while they run (its concurrency,
 * its CPU) because its own calls stopped finishing: the limit was reached while the calls
 * arriving did not rise, and its own error lines say its calls ran until they were
 * stopped. Calls in flight are calls arriving times how long each takes (Little's law):
 * at the same demand, a full concurrency limit or a pinned CPU means each call took
 * longer, and a call that runs to its timeout did not finish its work (a regular
 * expression backtracking on one input, a loop that never ends). The shortage is that
 * defect's consequence, as a CPU a code path burned is (`burnedByCode`, which asks for
 * the service's own failing requests; a service that stopped answering fails only in
 * its callers). Calls that only got slower and still finished (heavier inputs, a function
 * at its reserved concurrency on month-end's long invoices, a CPU a neighbour took) leave
 * no such line, and keep reading as the shortage; more demand, or another resource
 * running short, is left to the other readings.
 */
export function ranToTheirTimeout(signals: readonly Signal[]): boolean {
  const short = shortResources(signals);
  if (!WORK.some((r) => short.has(r)) || NOT_DURATION.some((r) => short.has(r))) return false;
  if (signals.some((s) => s.family === 'traffic_up' && s.strength >= CLEAR_STRENGTH)) return false;
  return signals.some((s) => FAILURE_WORDS.includes(s.family) && s.local && s.strength >= CLEAR_STRENGTH && (s.hint === undefined || s.hint === 'code_defect') && OWN_TIMEOUT.test(s.raw ?? s.text));
}
