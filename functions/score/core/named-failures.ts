import { PLATFORM_SIGNATURE } from './logs.js';
import { FAILURE_WORDS, noisyOr, type Signal } from './types.js';

interface Profiled {
  service: string;
  signals: readonly Signal[];
}

/** Words saying a call got no answer: the connection was refused or reset by the peer, or timed out (not a limit the caller's own side hit, as a sidecar's overflow is). */
const UNANSWERED = /\b(?:connection|connect)\b[^.;\n]{0,40}\b(?:refused|timed out)\b|\bconnect(?:ion)? timed out\b|\bi\/o timeout\b|\bno route to host\b|\b(?:host|network) (?:is )?unreachable\b|\bconnection reset by peer\b|\bSERVFAIL\b|\bECONNREFUSED\b|\bETIMEDOUT\b/i;

/** Whether a line says a call got no answer, in whatever words. */
export const saysUnanswered = (text: string) => UNANSWERED.test(text);

/** Whether a line says a call got no answer, in words other than the platform's (a name that did not resolve on the cluster's resolver is the resolver's, unless the callee is what resolves names). */
export const unanswered = (text: string, callee: string) => saysUnanswered(text) && !PLATFORM_SIGNATURE.test(text.split(callee).join('peer'));

/**
 * How much of a caller's own trouble is calls into `callee` that got no answer: the
 * caller's error lines and exceptions that name the callee (each of which the callee also
 * carries as a `dependency_mention`) and say the call could not connect, was refused or
 * reset, or timed out, weighed as the caller's own evidence is. When a caller's own
 * failures are all such calls ("connection to billing-db refused", "lookup via
 * ns1.managed-dns.net: i/o timeout"), the callee explains them in full, however quiet its
 * own telemetry: they are the callee's trouble seen from the caller's side, as a caller's
 * longer waits on a slower link are. What the callee answered (a verdict, a rejection, a
 * limit the caller hit) is not in these words, and stays the caller's to explain; nor is
 * a failure in the platform's words (`PLATFORM_SIGNATURE`: a lookup of the callee's name
 * timing out on the cluster's resolver), which is the platform's to explain.
 */
export function namedFailures(caller: Profiled, callee: Profiled, weigh: (s: Signal) => number): number {
  const named = new Set(callee.signals.filter((s) => s.family === 'dependency_mention').map((s) => s.evidenceId));
  return noisyOr(caller.signals.filter((s) => s.service === caller.service && FAILURE_WORDS.includes(s.family) && named.has(s.evidenceId) && unanswered(s.raw ?? s.text, callee.service)).map(weigh));
}
