import { namesService } from './logs.js';
import { saysUnanswered } from './named-failures.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, noisyOr, type Signal } from './types.js';

interface Profiled {
  service: string;
  signals: readonly Signal[];
  onsetMs: number;
}

/**
 * Words of a caller's own side running short rather than of a peer not answering: a
 * connection pool with no connection to lend ("HikariPool-1 - Connection is not
 * available, request timed out") times out waiting on itself.
 */
const OWN_SIDE = /\bpool\b|\bconnection is not available\b/i;

/**
 * Words that put an unanswered call on what lies between caller and peer rather than on
 * the peer: a name that did not resolve, a certificate or handshake that failed. A route
 * to the peer's hosts that is gone is the peer's hosts' when it alone is in trouble.
 */
const BETWEEN = /\bdns\b|nxdomain|getaddrinfo|eai_again|enotfound|no such host|name resolution|unknownhost|\blookup\b|certificate|x509|\btls\b|\bssl\b/i;

/**
 * The one callee of `caller` that was in trouble of its own when the caller's began: a
 * clear local signal (its hosts failing health checks, its own errors, its CPU), not only
 * what its callers saw, with its onset within `toleranceMs` of the caller's. A callee
 * that restarted long before the caller noticed anything was already past it; with two
 * or more such callees a caller's unnamed failures could be about either.
 */
export function soleTroubledCallee(caller: Profiled, callees: readonly Profiled[], toleranceMs: number): string | undefined {
  const troubled = callees.filter((q) => Math.abs(q.onsetMs - caller.onsetMs) <= toleranceMs && q.signals.some((s) => s.service === q.service && s.local && s.strength >= CLEAR_STRENGTH));
  return troubled.length === 1 ? troubled[0]!.service : undefined;
}

/**
 * How much of a caller's own trouble is calls that got no answer (refused, timed out, no
 * route to host) in lines that name no service we know ("dispatch to runner 7c2949c7
 * failed: no route to host": the peer by its role or address, not its name), weighed as
 * the caller's own evidence is, when `callee` is the only callee the caller has that was
 * in trouble of its own (`soleTroubledCallee`). A call that got no answer is about the
 * peer called, never the caller's own work; with one troubled peer in reach, an SRE
 * reads those lines as that peer's trouble seen from the caller, as `namedFailures` does
 * when the line names it. Lines naming a service (one of `known`, or a line another
 * profile carries as a `dependency_mention`: `mentioned`) are for `namedFailures` to place.
 */
export function solePeerFailures(caller: Profiled, callee: Profiled, sole: string | undefined, known: readonly string[], mentioned: ReadonlySet<string>, weigh: (s: Signal) => number): number {
  if (sole !== callee.service) return 0;
  const unnamed = (s: Signal) => !mentioned.has(s.evidenceId) && !known.some((name) => name !== caller.service && namesService(s.raw ?? s.text, name));
  return noisyOr(caller.signals.filter((s) => s.service === caller.service && s.local && FAILURE_WORDS.includes(s.family) && unnamed(s) && saysUnanswered(s.raw ?? s.text) && !BETWEEN.test(s.raw ?? s.text) && !OWN_SIDE.test(s.raw ?? s.text)).map(weigh));
}
