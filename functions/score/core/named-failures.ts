import { FAILURE_WORDS, noisyOr, type Signal } from './types.js';

interface Profiled {
  service: string;
  signals: readonly Signal[];
}

/**
 * How much of a caller's own trouble is calls into `callee` that got no answer: the
 * caller's error lines and exceptions that name the callee (each of which the callee also
 * carries as a `dependency_mention`) and say the call could not connect, was refused or
 * reset, or timed out, weighed as the caller's own evidence is. When a caller's own
 * failures are all such calls ("connection to billing-db refused", "lookup via
 * ns1.managed-dns.net: i/o timeout"), the callee explains them in full, however quiet its
 * own telemetry: they are the callee's trouble seen from the caller's side, as a caller's
 * longer waits on a slower link are. What the callee answered (a verdict, a rejection, a
 * limit the caller hit) is not in these words, and stays the caller's to explain.
 */
/** Words saying a call got no answer: it could not connect, was refused or reset, or timed out. */
const UNANSWERED = /\b(?:connection|connect)\b[^.;\n]{0,40}\b(?:refused|timed out|failed|reset)\b|\bconnect(?:ion)? timed out\b|\bi\/o timeout\b|\bno route to host\b|\b(?:host|network) (?:is )?unreachable\b|\bconnection reset by peer\b|\bSERVFAIL\b|\bECONNREFUSED\b|\bETIMEDOUT\b/i;

export function namedFailures(caller: Profiled, callee: Profiled, weigh: (s: Signal) => number): number {
  const named = new Set(callee.signals.filter((s) => s.family === 'dependency_mention').map((s) => s.evidenceId));
  return noisyOr(caller.signals.filter((s) => s.service === caller.service && FAILURE_WORDS.includes(s.family) && named.has(s.evidenceId) && UNANSWERED.test(s.raw ?? s.text)).map(weigh));
}
