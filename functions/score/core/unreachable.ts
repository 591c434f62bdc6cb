import type { ServiceProfile } from './propagation.js';
import type { Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * Dependencies we see only through their callers, whose callers could not reach them:
 * when several of them became unreachable in the same minutes, the way to them failed
 * (the network under their callers, or what serves and signs their certificates), not
 * each of them.
 */

/**
 * Words of a caller that could not reach its callee at all: no route to its address
 * (`EHOSTUNREACH`, `ENETUNREACH`), or a certificate it presented that the caller could not
 * trust (expired, not yet valid, from an authority the caller does not know: x509's,
 * OpenSSL's and Java's PKIX words). A name that would not resolve is left out: the name
 * service that failed may itself be a dependency we see only through its callers.
 */
const COULD_NOT_REACH = /no route to host|(?:host|network) is unreachable|ehostunreach|enetunreach|certificate (?:has )?expired|certificate is not yet valid|certificate verify failed|unknown (?:certificate )?authority|unable to get (?:local )?issuer certificate|\bpkix\b|CertificateExpired|cert_has_expired/i;

/** The share of its weight a dependency lost with others keeps: what its callers saw of it is as much the lost way's as its own. */
export const LOST_TOGETHER_SHARE = 0.5;

/** Dependencies this far apart in when their callers lost them did not lose them together. */
const TOGETHER_MS = 10 * 60_000;

/** Whether a caller's word about a dependency says it could not reach it (`COULD_NOT_REACH`). */
const unreachable = (s: Signal) => COULD_NOT_REACH.test(s.raw ?? s.text);

/**
 * Dependencies we have no telemetry of (`observed` lacks them) whose callers' words about
 * them all say they could not be reached (`COULD_NOT_REACH`: no route to the host, a
 * certificate that could not be trusted), where
 * `minVictims` or more such dependencies were lost within `TOGETHER_MS` of each other,
 * each with how many were lost together. A message broker, a database and a column store that
 * their separate callers all stopped reaching in the same minutes did not all fail at
 * once: the routes their callers use did, and the platform that carries them
 * is the likelier cause; two services whose certificates both failed verification in the
 * same minutes share what serves or signs them (a load balancer, an authority). What their callers' spans recorded (calls that failed or waited
 * at them) is how the lost route showed, and says nothing of the dependency itself. A
 * dependency any caller says more of (a 503 it returned, its errors) is left to that.
 */
export function lostTogether(profiles: ReadonlyMap<string, ServiceProfile>, observed: ReadonlySet<string>, w: Weights = WEIGHTS): Map<string, number> {
  const lost = new Map<string, number>();
  for (const p of profiles.values()) {
    if (observed.has(p.service)) continue;
    const words = p.signals.filter((s) => s.family === 'dependency_mention');
    if (words.length === 0 || !words.every(unreachable)) continue;
    lost.set(p.service, Math.min(...words.map((s) => s.onsetMs)));
  }
  const out = new Map<string, number>();
  for (const [service, at] of lost) {
    const together = [...lost.values()].filter((other) => Math.abs(other - at) <= TOGETHER_MS).length;
    if (together >= w.platform.minVictims) out.set(service, together);
  }
  return out;
}
