import { firstFullSignAfter } from './first-sign.js';
import { demandMadeBy } from './made-demand.js';
import { callersOf, downstream, originScore, ownLinesName, type ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, type Signal, type SignalFamily } from './types.js';
import type { Weights } from './weights.js';
import { rejectsInput } from './rejected-input.js';
import { rodeThrough } from './rode-through.js';
import { toldOfChange } from './told.js';

/*
 * Who a change broke besides its own service: a callee it sent more or different work, a
 * caller that depends on it, a consumer that reads what it writes through a piece both
 * use; and when demand from outside, not the change, set the trouble off.
 */

/** Half the weight per half-life between a change and the trouble (`Weights.changes`). */
export const decay = (leadMs: number, halfLifeMs: number) => Math.pow(0.5, Math.max(0, leadMs) / halfLifeMs);

/** A service's own failures that a change can introduce: exception groups (by their first sighting) and clear error lines new to it. */
const introducible = (s: Signal) => s.local && (s.family === 'exception' || (s.family === 'log_error' && s.strength >= CLEAR_STRENGTH));

/**
 * When a service's own new failures (`introducible`) first showed within the time a
 * change's effect is carried (`carriedWithinMs`) after a change at `at`, and no earlier
 * than a step before it; undefined when none did.
 */
export function introducedAfter(p: ServiceProfile | undefined, at: number, stepMs: number, w: Weights): number | undefined {
  const first = Math.min(...(p?.signals ?? []).filter((s) => introducible(s) && s.onsetMs >= at - stepMs && s.onsetMs <= at + w.changes.carriedWithinMs).map((s) => s.onsetMs));
  return Number.isFinite(first) ? first : undefined;
}

/** A service whose own traffic rose before the rest of its trouble: demand explains it, not what it calls. */
const demandLed = (p: ServiceProfile) => p.signals.some((s) => s.family === 'traffic_up' && s.strength >= 0.5 && s.onsetMs <= p.onsetMs);

/**
 * Whether demand from outside, rather than a change of the service at `at`, set off its
 * trouble: its own requests (or what its sole forwarder counted for it) and those of every
 * caller rose clearly, no later than a step after the trouble began, and later after the
 * change than its effect is carried (`carriedWithinMs`: clients that a change made call
 * more do so within minutes). A change that moved nothing when it was made, followed minutes later
 * by a rush that came in through every caller and that the service then choked on, met
 * the surge; it did not cause it. Demand that rose at the service alone may be the
 * change's own doing (a retry, a cache it stopped using), so it rules nothing out.
 */
export function metByDemand(p: ServiceProfile, at: number, stepMs: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, w: Weights): boolean {
  const rose = (q: ServiceProfile | undefined) => !!q && q.signals.some((s) => s.family === 'traffic_up' && s.service === q.service && s.strength >= CLEAR_STRENGTH && s.onsetMs > at + Math.max(stepMs, s.stepMs ?? 0, w.changes.carriedWithinMs) && s.onsetMs <= p.onsetMs + Math.max(stepMs, s.stepMs ?? 0));
  const callers = callersOf(graph, p.service);
  return rose(p) && callers.length > 0 && callers.every((c) => rose(profiles.get(c)));
}

/** A change's likeliest victim: how much of its trouble the change explains, whether the change names what failed there or its effect was seen carried to it, and the other neighbours it broke nearly as clearly. */
export interface Victim {
  victim: ServiceProfile;
  weight: number;
  named: boolean;
  carried: boolean;
  /** The piece both use through which the change reached a victim that neither calls nor is called by the changed service. */
  through?: string;
  /** How the change set the victim's demand through a segment both carry, when no call edge joins them (`segmentTies`). */
  segment?: string;
  /** Whether no call or shared piece joins them and the victim's own failures name the change or its service (`toldOfChange`). */
  told?: boolean;
  also: string[];
}

/** The families that say a service ran short of its own CPU or memory. */
const SHORT: readonly SignalFamily[] = ['cpu', 'memory', 'runtime_leak', 'runtime_throttle'];

/** A clear sign that a service ran short of its own CPU or memory: trouble of its own, not what reached it through a piece it reads. */
const ranShort = (s: Signal) => s.strength >= CLEAR_STRENGTH && s.local && (SHORT.includes(s.family) || s.hint === 'resource_exhaustion');

/**
 * The piece through which a change on `service` reached `p`, a service that neither calls
 * it nor is called by it: a dependency both use (a topic the changed producer writes and
 * `p` consumes, a cache one fills and the other reads), when `p`'s own new failures (an
 * exception first thrown, an error template new to it) began within the time a change's
 * effect is carried (`carriedWithinMs`) of the change, before any rise in its own demand,
 * with no change of its own in the victim window before them, no shortage of its own CPU or
 * memory, and nothing else it calls explaining its trouble (the shared piece may, when
 * its own trouble began no earlier than the change: a data centre already failing before
 * it broke its tenants itself). A consumer that cannot parse
 * what a producer began writing a minute earlier fails at the producer's change, not at
 * any of its own; a service with its own change or its own rush just before, or one that
 * ran out of memory, fails for reasons of its own.
 */
function readerThrough(service: string, p: ServiceProfile, at: number, stepMs: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, changedAt: Map<string, number>, w: Weights): string | undefined {
  const shared = [...(graph.get(service) ?? [])].filter((x) => graph.get(p.service)?.has(x));
  const first = introducedAfter(p, at, stepMs, w);
  if (shared.length === 0 || first === undefined) return undefined;
  const explainer = p.explainedBy !== undefined ? profiles.get(p.explainedBy)! : undefined;
  if (explainer && (!shared.includes(explainer.service) || (explainer.onsetMs < at - stepMs && !rodeThrough(p, explainer, first, stepMs, w)))) return undefined;
  if (p.signals.some((s) => (s.family === 'traffic_up' && s.strength >= CLEAR_STRENGTH && s.onsetMs < first) || ranShort(s))) return undefined;
  const own = changedAt.get(p.service);
  if (own !== undefined && own <= first && own > first - w.changes.victimWindowMs) return undefined;
  return p.explainedBy ?? shared[0];
}

/**
 * Whether a callee's inbound traffic rose clearly within a few steps after a change and no
 * later than the rest of its trouble: what the changed service sends it, or where its
 * requests were routed, changed at the change, so the tie is shown by the evidence and
 * does not fade with the minutes the callee then took to run out.
 */
function carriedFrom(p: ServiceProfile, at: number, stepMs: number, w: Weights): boolean {
  return p.signals.some((s) => s.family === 'traffic_up' && s.strength >= w.changes.carriedStrength && s.onsetMs >= at - stepMs && s.onsetMs <= at + Math.max(w.changes.carriedWithinMs, 2 * (s.stepMs ?? stepMs)) && s.onsetMs <= p.onsetMs + stepMs);
}

/**
 * Whether the demand that reached `p` came in from outside rather than through a change
 * on `changed`: another caller of `p` that the changed service does not reach (the entry
 * in front of both) saw its own requests rise clearly within a step of `p`'s. A rush that
 * swelled the front door and every service behind it together came from the users (a
 * campaign, a push notification), whatever a caller beside it changed minutes before; a
 * flag that makes one caller send more leaves the other callers' demand as it was.
 */
function cameFromOutside(p: ServiceProfile, changed: string, stepMs: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>): boolean {
  const rose = (q: ServiceProfile | undefined) => (q?.signals ?? []).filter((s) => s.family === 'traffic_up' && s.service === q!.service && s.strength >= CLEAR_STRENGTH);
  const reached = downstream(graph, changed);
  return rose(p).some((own) =>
    callersOf(graph, p.service)
      .filter((c) => c !== changed && !reached.has(c))
      .some((c) => rose(profiles.get(c)).some((s) => Math.abs(s.onsetMs - own.onsetMs) <= Math.max(stepMs, s.stepMs ?? 0, own.stepMs ?? 0))),
  );
}

/**
 * The anomalous service whose trouble a change to `service` best explains, with no
 * change of its own closer in time: a caller that broke right after a change under it
 * (a contract, a token format) unless its own demand rose first, or a callee that broke right after its caller changed
 * what or how much it sends (a flag that triples calls, bad output fed downstream).
 * A third party seen only through its callers is nobody's victim: its outage is its own,
 * unless what the changed service sends it moved at the change (`sent`: a flag that
 * multiplied its writes there, which the third party then throttled).
 * A change whose summary names what the neighbour's new errors are about (`namesWhatFailed`),
 * or on a service that sends to a neighbour now rejecting what it is sent as malformed
 * (`rejectsInput`: a callee, or a reader of what the changed service writes), is on the
 * failing path by what it touched: it explains that neighbour at full weight,
 * however much else the neighbour calls, before the change's service's own lesser trouble,
 * and even when an unrelated anomaly elsewhere began before it. A service whose own account
 * of its failures names the changed service or what it changed (`toldOfChange`: a
 * reconciler's "ledger amount != recomputed (quote from fx-pricer …)") is its victim by
 * that account, however many hops of the call graph lie between them. A service whose demand the
 * change set through a segment both carry (`segments`: the platform whose poll interval a
 * flag cut, and whose requests alone rose at it) is its victim as a callee whose calls
 * moved at the change is, though no call edge joins them. So is a callee, however many
 * minutes it took to run out, when what the changed service sends it moved at the change
 * (`sent`, from `sentAtChange`: events forty times larger from the flag on). A caller
 * whose own demand rose first is led by that demand, not by the change, unless the change
 * made that demand (`demandMadeBy`: the changed service's requests stepped at the change
 * and took all the caller's extra calls): then the caller is the change's victim as a
 * callee it sent more to would be.
 * A victim's onset is known only to within the step of the series that set it: a
 * 5-minute bucket that opened a minute before the change may hold trouble that began
 * after it.
 */
export function victimOf(service: string, summary: string, at: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, stepMs: number, changedAt: Map<string, number>, observed: ReadonlySet<string>, w: Weights, segments: ReadonlyMap<string, string> = new Map(), sent?: string): Victim | undefined {
  const below = downstream(graph, service);
  let best: Victim | undefined;
  const weights: [string, number][] = [];
  for (const p of profiles.values()) {
    if (p.service === service || originScore(p, w) < 0.3 || (!observed.has(p.service) && !(sent !== undefined && below.has(p.service)))) continue;
    const callee = below.has(p.service);
    const through = callee || downstream(graph, p.service).has(service) ? undefined : readerThrough(service, p, at, stepMs, profiles, graph, changedAt, w);
    const segment = segments.get(p.service);
    const made = !callee && (graph.get(p.service)?.has(service) ?? false) && demandMadeBy(p, service, at, stepMs, profiles, graph.get(p.service)!);
    const caller = downstream(graph, p.service).has(service);
    const told = !callee && !caller && !through && !segment && !made && !demandLed(p) && toldOfChange(summary, p, service);
    if (!callee && !through && !segment && !made && !told && (!caller || demandLed(p))) continue;
    const lead = firstFullSignAfter(p, at, stepMs) - at;
    if (lead < -Math.max(stepMs, p.onsetStepMs) || lead > w.changes.victimWindowMs) continue;
    const own = changedAt.get(p.service);
    if (own !== undefined && own <= p.onsetMs + stepMs && own > at) continue;
    const named = namesWhatFailed(summary, p) || linesNameActor(p, service) || ((callee || through !== undefined) && rejectsInput(p));
    const carried = (callee && (carriedFrom(p, at, stepMs, w) || sent !== undefined) && !cameFromOutside(p, service, stepMs, profiles, graph)) || segment !== undefined || made;
    const weight = (carried || through ? 1 : named ? decay(lead, w.changes.halfLifeMs) : decay(lead - w.changes.victimGraceMs, w.changes.victimHalfLifeMs)) * Math.min(1, originScore(p, w) / 0.6) * (named || carried ? 0.9 : callee || through ? 0.8 : 0.7 * p.rootness);
    weights.push([p.service, weight]);
    if (!best || weight > best.weight) best = { victim: p, weight, named, carried, ...(through ? { through } : {}), ...(segment ? { segment } : {}), ...(told ? { told } : {}), also: [] };
  }
  if (best) best.also = weights.filter(([service, weight]) => service !== best!.victim.service && weight >= w.changes.alsoBroken * best!.weight).map(([service]) => service);
  return best;
}

/**
 * Whether everything that went wrong before a change lies off its victim's own path: no
 * service whose trouble began more than a step before the change is the victim or one of
 * its dependencies. Then the earlier trouble cannot have broken the victim, and a change
 * on a healthy service that the victim broke right after is not too late to explain it
 * (a control plane's routing config that its callers failed on a minute later, while an
 * unrelated service was already noisy on its own).
 */
export function separateThread(victim: string, at: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, stepMs: number, w: Weights): boolean {
  const path = downstream(graph, victim).add(victim);
  return ![...profiles.values()].some((p) => p.onsetMs < at - stepMs && originScore(p, w) >= 0.15 && path.has(p.service));
}

/** Words too common in change summaries and error lines to tie one to the other. */
const COMMON = new Set('the and for from with into that this was were has have had not per all any new old off set get put add added remove removed update updated change changed enable enabled disable disabled error errors failed failure request requests response service level msg warn info true false null none value values default config version release deploy rollout by on in to of at as is it be an or'.split(' '));

/** The distinctive words of a text: identifiers and terms of three or more characters that are not common words. */
const terms = (text: string) => new Set((text.toLowerCase().match(/[a-z][a-z0-9_]{2,}/g) ?? []).filter((w) => !COMMON.has(w)));

/** The families of a service's own account of its failures: error lines and exceptions. */
const FAILURE_LINES: readonly SignalFamily[] = ['log_error', 'exception'];

/**
 * Whether a change's summary names what a neighbour's new errors are about: at least two
 * distinctive words in common (a key set's `kid` and `JWKS` in a caller's "no key for kid
 * in JWKS"). Such a change is on the failing path by what it touched, not only by time, so
 * it explains a caller however much else the caller calls. `families` are the neighbour's
 * signals read as its account of what failed (error lines and exceptions unless given).
 */
export function namesWhatFailed(summary: string, p: ServiceProfile, families: readonly SignalFamily[] = FAILURE_LINES): boolean {
  const changed = terms(summary);
  for (const s of p.signals) {
    if (!families.includes(s.family) || s.strength < CLEAR_STRENGTH) continue;
    let shared = 0;
    for (const w of terms(s.raw ?? s.text)) if (changed.has(w) && ++shared >= 2) return true;
  }
  return false;
}

/** Log families that are a service's own lines, whatever their level. */
const OWN_LINES: readonly SignalFamily[] = ['log_error', 'exception', 'log_vanished', 'log_info'];

/**
 * Whether a neighbour's own log lines name the changed service as the one acting on it
 * ("site 42 deleted by principal=site-lifecycle-worker", "rejected batch from
 * orders-api"): what the change made the service do reached the neighbour, by the
 * neighbour's own account, so the tie is shown by the evidence, not only by the minutes
 * between them.
 */
export function linesNameActor(p: ServiceProfile, changed: string): boolean {
  return ownLinesName(p, OWN_LINES, changed);
}
