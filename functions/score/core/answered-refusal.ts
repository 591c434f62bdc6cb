import type { ServiceProfile } from './propagation.js';
import { onlyRefused } from './refused-content.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal } from './types.js';

/*
 * HTTP files a request refused for what it asked apart from a server failing: a 4xx says
 * the request was wrong (malformed, for something that does not exist, in conflict with
 * what is there), a 5xx that the server was. A callee that answers 404 for a key its
 * caller made up is working; the caller that asked is where the fault is.
 */

/**
 * A status line of an answer refused for what was asked: `GET /periods/2027-12 -> 404`,
 * `status=422`, `returned 400`, `404 Not Found`. Not 401/403 (credentials, which a peer or
 * the platform may have revoked), 408 (a timeout) or 429 (a limit, the callee's own).
 */
const CLIENT_ERROR = /(?:->|=>|\bstatus(?:[ _]?code)?[=: ]+|\bcode[=: ]+|\breturn(?:s|ed|ing)?|\brespon(?:ded|ds|se)(?: with)?|\banswer(?:ed|s)?|\bHTTP\/\d(?:\.\d)?)\s*(?:40[0249]|41[0-7]|42[0-2])\b|\b(?:400 Bad Request|404 Not Found|409 Conflict|410 Gone|422 Unprocessable)/i;

/** Whether a signal is a service's own error line or exception that says it answered a request refused for what it asked (`CLIENT_ERROR`). */
const answeredRefusal = (s: Signal) => FAILURE_WORDS.includes(s.family) && s.local && CLIENT_ERROR.test(s.raw ?? s.text);

/** Whether a service's own failures are wholly answers to wrong requests: its only trouble is refusals (`onlyRefused`), and every clear failure line of its own says it refused what was asked. */
function answeredOnlyRefusals(q: ServiceProfile): boolean {
  const lines = q.signals.filter((s) => FAILURE_WORDS.includes(s.family) && s.service === q.service && s.strength >= CLEAR_STRENGTH);
  return lines.length > 0 && lines.every(answeredRefusal) && onlyRefused(q);
}

/**
 * Callers whose requests a callee refused for what they asked, paired with that callee:
 * the callee's own failures are all 4xx answers (`answeredOnlyRefusals`), and the caller
 * failed in words of its own (an exception, an error line) no later than the callee began
 * refusing, within `toleranceMs`. Spans show the failures starting in the callee, but a
 * service that answers "not found" for a key that does not exist is working: the caller
 * that built the key (a date formatted with the wrong year, an id it never stored) is
 * where the defect is, and the callee's failures are its.
 */
export function refusedRequests(profiles: ReadonlyMap<string, ServiceProfile>, graph: ReadonlyMap<string, ReadonlySet<string>>, toleranceMs: number): [string, string][] {
  const out: [string, string][] = [];
  for (const p of profiles.values()) {
    const own = p.signals.filter((s) => FAILURE_WORDS.includes(s.family) && s.local && s.service === p.service && s.strength >= CLEAR_STRENGTH && !answeredRefusal(s));
    if (own.length === 0) continue;
    const firstOwn = Math.min(...own.map((s) => s.onsetMs));
    for (const callee of graph.get(p.service) ?? []) {
      const q = profiles.get(callee);
      if (q && answeredOnlyRefusals(q) && firstOwn <= q.onsetMs + toleranceMs) out.push([p.service, callee]);
    }
  }
  return out;
}
