import { PLATFORM_SIGNATURE, POWER_LOST } from './logs.js';
import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, OWN_FAILURES, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * How a service's own trouble reads as the platform under it failing rather than its own
 * code or capacity: its callers felt it in the platform's words, its host or its room's
 * power went first, the hardware under it counted the failures, or the platform reported
 * it. `kindSupport` (suspects.ts) weighs these against the service's own kinds.
 */

/**
 * Whether callers felt this service as the platform failing: the failures of
 * `minVictims` or more of them (`Weights.platform`, as for a platform piece off the
 * graph), said of it, carry the platform's signature (name lookups that time out, TLS
 * handshakes, routes). A resolver that ran out of CPU failed as DNS: whatever ran short
 * inside it, to everyone on it the platform failed (infrastructure), so its own shortage
 * is how, not what, and so is the demand that ran it short: a resolver is the platform
 * whether a surge or a fault overwhelmed it, and scaling it out is the platform's fix.
 */
export const feltAsPlatform = (signals: readonly Signal[], w: Weights = WEIGHTS) => new Set(signals.filter((s) => s.family === 'dependency_mention' && s.hint === 'infrastructure' && s.strength >= CLEAR_STRENGTH).map((s) => s.evidenceId)).size >= w.platform.minVictims;

/** A service's own error lines or exceptions in the platform's words (`PLATFORM_SIGNATURE`). */
const inPlatformWords = (s: Signal) => FAILURE_WORDS.includes(s.family) && s.local && s.hint === 'infrastructure' && s.strength >= CLEAR_STRENGTH && PLATFORM_SIGNATURE.test(s.raw ?? s.text);

/**
 * The failures of the services whose trouble propagation put on `service` (its victims)
 * that speak in the platform's words: names that would not resolve, handshakes refused.
 * Callers whose lookups of their other callees all time out when a resolver they call
 * crash-loops name those callees, not the resolver, yet what they felt was the resolver
 * failing as the platform; two or more of them make it the platform under them
 * (`kindSupport`), as callers naming it would.
 */
export function platformFeltBy(service: string, profiles: ReadonlyMap<string, ServiceProfile>): Signal[] {
  return [...profiles.values()].filter((q) => q.explainedBy === service).flatMap((q) => q.signals.filter(inPlatformWords));
}

/**
 * Whether the platform itself reported what the service runs on impaired (a volume's
 * performance degraded, a host under it, its zone), and the service felt it: what then ran
 * short in it (a disk's write time, a pool waiting on that disk) is how the platform's
 * failure showed, whenever the report was posted, since such reports follow the impact
 * they describe by minutes.
 */
export const underPlatformReport = (s: Signal) => s.family === 'platform_event' && s.local && s.hint === 'infrastructure';

/**
 * The service's own error line, or an alert raised on it, saying the power of the room
 * its hosts stand in failed (`POWER_LOST`: utility power lost, generators that failed to
 * start): its machines went down with the room. One fatal line or one facility alert is
 * enough, since the words, not their count, say what happened.
 */
const lostItsPower = (s: Signal) => ((FAILURE_WORDS.includes(s.family) && s.local) || s.family === 'related_alert') && POWER_LOST.test(s.raw ?? s.text);

/** Failures that began this long after the service lost a node or host are no longer read as that loss's doing. */
const HOST_LOSS_WINDOW_MS = 20 * 60_000;

/**
 * Whether the service's failures are the platform under it failing: it lost a node or
 * host (evicted, its host unreachable, the hypervisor under it failed, the power of its
 * room lost: `lostItsPower`), its requests
 * began to fail no earlier than that (within `laterMs`, or the step of the series that
 * timed them) and within minutes of it, and nothing of its own ran
 * short. What the failing requests then said (duplicate keys on a replica promoted while
 * behind, connections refused by a unit that is gone) is how the loss showed: code that
 * served the same traffic cleanly until its machine died is not the fault. Failures that
 * began before the loss, or long after it, or a resource that ran short meanwhile (a leak
 * that put its own node under pressure), keep their own reading.
 */
export function failedWithItsHost(signals: readonly Signal[], measuredShort: boolean, laterMs: number): string | undefined {
  if (measuredShort) return undefined;
  const clear = signals.filter((s) => s.strength >= CLEAR_STRENGTH);
  const lost = [...clear.filter((s) => s.family === 'runtime_node'), ...signals.filter(lostItsPower)].sort((a, b) => a.onsetMs - b.onsetMs)[0];
  const failures = clear.filter((s) => OWN_FAILURES.includes(s.family));
  if (!lost || failures.length === 0) return undefined;
  const firstMs = Math.min(...failures.map((s) => s.onsetMs));
  if (!failures.every((s) => s.onsetMs >= lost.onsetMs - Math.max(laterMs, s.stepMs ?? 0)) || firstMs > lost.onsetMs + HOST_LOSS_WINDOW_MS) return undefined;
  return `${lost.service}'s requests began to fail ${Math.max(0, Math.round((firstMs - lost.onsetMs) / 60_000))} min after the platform under it failed (${lost.text}): the host, not its code`;
}

/**
 * Failures the hardware under the service counted itself (a disk's I/O errors, packets
 * the network dropped): the platform failing beneath it, whatever then runs short in it
 * (a filesystem remounted read-only, a pool waiting on the dead disk).
 */
export const failedUnder = (s: Signal) => s.family === 'errors' && s.local && s.hint === 'infrastructure' && s.strength >= CLEAR_STRENGTH;
