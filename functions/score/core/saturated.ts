import { CLEAR_STRENGTH, type Signal } from './types.js';

/**
 * Words a service writes when its own capacity to serve is all taken and work waits for
 * it: every worker or thread busy (`all 32 workers busy`, `Puma: all 16 threads busy`),
 * a worker or thread pool saturated, a request that waited in the queue before it ran
 * (`waited 41s in queue`, `queue wait 900ms`), its request queue's depth, requests or
 * jobs queued, a pool's queue of work or the work it rejected. A thread in a busy loop
 * (a spin, a busy wait) is code that never yields, not a full pool. This is the saturation of the USE method, in the service's own words: the
 * code is doing its usual work, there is just more of it than workers, so it names a
 * shortage of capacity, never a defect. A queue the service feeds or drains for others
 * (a producer queue full, a consumer's lag) is not its capacity, and is not read here.
 */
export const SATURATED = /\b(?:workers?|threads?|slots?) (?:are |were )?(?:all )?busy\b(?![ -]?(?:loop|wait|spin))|\b(?:worker|thread)s? ?pool\b[^.;\n]{0,12}\b(?:is |was )?saturated\b|\b(?:worker|thread)s? ?pool (?:queue|rejected)\b|\bwaited\b[^.;\n]{0,30}\bin (?:the )?queue\b|\bqueue wait\b|\brequest queue depth\b|\b(?:requests?|submissions?|jobs?|tasks?) (?:were |are |got )?queued\b/i;

/**
 * Whether the service said, in its own error or warning lines, that its workers were all
 * busy and work queued for them (`SATURATED`): it ran short of capacity as surely as a
 * CPU at its limit says so, so demand that rose with it strained it.
 */
export function saidSaturated(signals: readonly Signal[]): boolean {
  return signals.some((s) => (s.family === 'log_error' || s.family === 'exception') && s.strength >= CLEAR_STRENGTH && SATURATED.test(s.raw ?? s.text));
}
