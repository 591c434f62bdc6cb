import { beganBeforeCallee } from './began-first.js';
import { reportsCalleeShortage } from './callee-shortage.js';
import { lockHolders } from './lock-holder.js';
import { namedFailures } from './named-failures.js';
import { solePeerFailures, soleTroubledCallee } from './sole-peer.js';
import { hostsUnderPressure } from './pressed-hosts.js';
import { refusedWrites } from './refused-content.js';
import { refusedRequests } from './answered-refusal.js';
import { reportedFailing } from './reported-failing.js';
import { failedTogether } from './shared-cause.js';
import { namesService, ownCredentialRefused } from './logs.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Frame, noisyOr, type Signal, type SignalFamily } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * How much a resource signal says given how close it came to its limit: a CPU that went
 * from 1% to 5% of its limit worked more but starved nothing, so it speaks as the origin
 * at `idleResource` of a rise that reached the limit, rising linearly to full weight at
 * `roomyShare` of it. A series with no known limit keeps its full weight.
 */
export const headroomFactor = (s: Signal, w: Weights) => (s.peakShare === undefined ? 1 : w.propagation.idleResource + (1 - w.propagation.idleResource) * Math.min(1, Math.max(0, s.peakShare) / w.kinds.roomyShare));

/** How much one signal says about its own service being the origin, by its family and, for a resource, by how near its limit it came. */
const weightOf = (s: Signal, w: Weights) => w.propagation.family[s.family] * headroomFactor(s, w);

/** Onsets from sampled traces and sparse logs are coarse: a dependency that broke this much later may still be the cause. */
export const ONSET_TOLERANCE_MS = 3 * 60_000;

export interface ServiceProfile {
  service: string;
  signals: Signal[];
  /** 0..1: evidence that points at this service itself. */
  local: number;
  /** 0..1: symptoms that also show on the callers of a broken service. */
  symptom: number;
  /** 0..1: the part of `local` that nothing the service calls can cause (see `beyondCallees`). */
  pinned: number;
  /** The same without the CPU it burned, which hosts under pressure beneath it can cause (`hostsUnderPressure`). */
  pinnedOffHost?: number;
  /** The lower median onset of its strong signals: one early stray signal does not move it. */
  onsetMs: number;
  /** The step of the evidence that set `onsetMs`: the onset is only known to within it (0 for an exact event time). */
  onsetStepMs: number;
  /** 0..1: 1 when nothing downstream explains this service's trouble. */
  rootness: number;
  /** Service whose earlier or concurrent anomaly explains this one, if any. */
  explainedBy?: string;
  /** The overloaded caller whose surge this service's load rose with, if any. */
  fedBy?: string;
}

/** Evidence that a service ran short: its CPU, memory or other resource, or its own work slowing. */
const strains = (s: Signal) => s.strength >= CLEAR_STRENGTH && (s.family === 'cpu' || s.family === 'memory' || s.family === 'saturation' || s.family === 'runtime_throttle' || s.family === 'runtime_leak' || s.family === 'self_time');

/**
 * Evidence that no dependency's trouble can produce: time lost outside the service's
 * own spans (callers waiting beyond them: its link, its network), CPU it burned (a
 * slow callee makes a service wait, not compute), a peer refusing its own expired or
 * revoked credentials, packets, handshakes or ports a network piece failed itself, and
 * calls it multiplied into a callee before that callee showed any trouble (what the
 * callee then suffered is their consequence, not their cause).
 */
const beyondCallees = (s: Signal) => s.outsideSpans === true || s.family === 'cpu' || s.family === 'calls_multiplied' || refusedOwnCredential(s) || networkFailure(s);

/** Failures a piece counted itself (packets dropped, handshakes it could not complete, ports it could not allocate): no callee behind it makes them. */
const networkFailure = (s: Signal) => s.family === 'errors' && s.local && (s.hint === 'infrastructure' || s.hint === 'resource_exhaustion');

/** An error saying a peer refused the service's own certificate or credentials: nothing the peer does expires them. */
const refusedOwnCredential = (s: Signal) => FAILURE_WORDS.includes(s.family) && ownCredentialRefused(s.raw ?? s.text);

/** Failing requests, and units (nodes, hosts, partitions) lost from service, which fail the requests they served. */
const ERROR_FAMILIES: readonly SignalFamily[] = ['errors', 'error_origin', 'log_error', 'exception', 'dependency_mention', 'runtime_crash', 'units_lost'];

/** Whether a service's clearest trouble is failing requests rather than slowness or load. */
function failing(p: ServiceProfile, w: Weights): boolean {
  const top = [...p.signals].sort((a, b) => b.strength * weightOf(b, w) - a.strength * weightOf(a, w))[0];
  return p.signals.some((s) => (ERROR_FAMILIES.includes(s.family) || reportedFailing(s)) && s.strength >= 0.5 && s.strength * weightOf(s, w) >= 0.8 * top!.strength * weightOf(top!, w));
}

/** The families that say a service's own work got slower. */
const SLOWER: readonly SignalFamily[] = ['self_time', 'latency'];

/**
 * Whether a caller's pool filled with calls waiting on a callee that got slower: the
 * caller's saturation (busy threads, a full queue of work) began with the callee's
 * slowdown, and the caller burned no more CPU (threads that wait do not compute). Its
 * rejected requests are the slow callee's doing as much as failures passed up would be.
 */
function filledWaiting(p: ServiceProfile, q: ServiceProfile, toleranceMs: number): boolean {
  const slowed = Math.min(...q.signals.filter((s) => SLOWER.includes(s.family) && s.local && s.strength >= 0.5).map((s) => s.onsetMs));
  if (!Number.isFinite(slowed) || p.signals.some((s) => s.family === 'cpu' && s.strength >= CLEAR_STRENGTH)) return false;
  return p.signals.some((s) => s.family === 'saturation' && s.strength >= 0.5 && s.onsetMs >= slowed - toleranceMs);
}

/**
 * Whether `p`'s failures are wholly `q`'s: nothing points at `p` itself (every signal of
 * its is a symptom, such as an error ratio counted at the entry over dependencies that
 * cannot report their own failures), and traces show requests stopping partway in `q`,
 * the work its operations usually do left undone, which is how a failed request looks in
 * a trace whose spans carry no status. Failures that do not start in a service start
 * below it, and the dependency seen aborting requests is where.
 */
function hollowFailure(p: ServiceProfile, q: ServiceProfile): boolean {
  return p.local === 0 && p.signals.some((s) => ERROR_FAMILIES.includes(s.family)) && q.signals.some((s) => s.family === 'pattern_break' && s.local);
}

/**
 * Whether a service is starved by `caller`: the requests it receives fell, and its own
 * error lines name that caller ("no credits received from iso-parser"). What it lacks is
 * what the caller stopped sending, so its trouble cannot explain the caller's. (A callee
 * that still receives its calls and names a caller, as a quota refusing that client
 * does, is not starved.)
 */
function starvedBy(q: ServiceProfile, caller: string): boolean {
  return q.signals.some((s) => s.family === 'traffic_down' && s.strength >= CLEAR_STRENGTH) && ownLinesName(q, FAILURE_WORDS, caller);
}

/**
 * Whether all a service shows is that fewer requests reached it: that is what its callers'
 * trouble did to it (a consumer that stopped calling on), so it explains none of theirs.
 */
const onlyLostDemand = (q: ServiceProfile) => q.signals.every((s) => s.family === 'traffic_down');

/** Whether a service's own lines of these families name `other` (the service's own name, which opens a line's text, set aside). */
export function ownLinesName(p: ServiceProfile, families: readonly SignalFamily[], other: string): boolean {
  return p.signals.some((s) => families.includes(s.family) && s.service === p.service && namesService(s.raw ?? s.text.slice(p.service.length), other));
}

/** Topology and the calls seen in traces, merged: callers → callees. */
export function mergeGraph(...graphs: Record<string, string[]>[]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const graph of graphs) {
    for (const [caller, callees] of Object.entries(graph)) {
      const set = g.get(caller) ?? new Set<string>();
      for (const c of callees) if (c !== caller) set.add(c);
      g.set(caller, set);
    }
  }
  return g;
}

/** The services that call `service` directly, in the graph's order. */
export function callersOf(graph: ReadonlyMap<string, ReadonlySet<string>>, service: string): string[] {
  return [...graph].filter(([, callees]) => callees.has(service)).map(([caller]) => caller);
}

/** Every service reachable from `from` through calls (not including itself). */
export function downstream(graph: Map<string, Set<string>>, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(from) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (next === from || seen.has(next)) continue;
    seen.add(next);
    queue.push(...(graph.get(next) ?? []));
  }
  return seen;
}

/** What a caller's own spans show when it waits longer on a callee: its client-side time (self time) and its spans overall. */
const WAITING: readonly SignalFamily[] = ['self_time', 'latency'];

/**
 * How much of a caller's trouble is its wait on `q`: when calls from `p` into `q` were
 * measured waiting longer beyond `q`'s own span time (the network or the link to `q`),
 * the caller's slower own spans and its slower responses are that same wait seen from
 * the caller's side (a client span's time is the caller's), so `q` explains them in full.
 */
function waitsExplained(p: ServiceProfile, q: ServiceProfile, w: Weights): number {
  const waited = q.signals.some((s) => s.family === 'inbound_latency' && s.strength >= CLEAR_STRENGTH && s.waitsByCaller?.[p.service] !== undefined);
  if (!waited) return 0;
  return noisyOr(p.signals.filter((s) => WAITING.includes(s.family)).map((s) => s.strength * weightOf(s, w)));
}

/**
 * Groups signals by service and follows the call graph down: a service whose trouble
 * is matched by local evidence in a dependency that broke no later than it did is a
 * likely victim, and its rootness drops in proportion, except for the share of its
 * evidence that nothing it calls can cause (callers waiting on it beyond its own spans,
 * CPU it burned); requests that fail are explained
 * by a dependency that fails too, hardly by one that only got slower, and a service
 * whose dependencies show no failure at all is where its failures start. More calls arriving point at the
 * service only when it strained under them; otherwise they are a symptom of whoever sent
 * them. The alerting service gets no favour: it is often where the pain shows, not where
 * it starts. Failures count as starting in a service whose dependencies show none only
 * when the evidence could have shown theirs (`canFail`: services with error metrics, log
 * lines or spans that carry an error status); an entry service's error ratio over
 * dependencies that could not report a failure says where it was counted, not where it
 * began. A dependency whose trouble began a whole step of the coarser series after the
 * service's own series left their baselines (`beganBeforeCallee`) explains none of it.
 * CPU a service burned counts as its own only against dependencies other than the hosts
 * it runs on when those were under pressure themselves (`hostsUnderPressure`).
 * A caller's calls into a callee that its lines name and that got no answer are that
 * callee's trouble (`namedFailures`), as longer waits on it are; so are unanswered calls
 * whose lines name no peer, when one callee alone was in trouble of its own as the
 * caller's began (`solePeerFailures`).
 * A caller whose error lines pass on a shortage its callee itself reported
 * (`reportsCalleeShortage`) is wholly explained by that callee.
 * A callee whose failures are only answers refusing what its caller asked (4xx:
 * `refusedRequests`) is that caller's victim, as a store refusing writes for their
 * content is; a dependency the platform reports failing (`reportedFailing`) fails its
 * callers' requests as its own failing requests would.
 * A service whose own trouble is only waiting on locks in a shared store is the victim
 * of the sibling writer that got into trouble first (`lockHolders`), and a store whose
 * sessions only waited cannot explain that holder.
 */
/**
 * When a dependency's trouble began as its caller saw it: its own onset, or the first of
 * the caller's error lines that name it, if earlier. A caller that logged failures
 * naming a third party minutes before sampled spans caught the third party failing saw
 * the same trouble, not trouble of its own that came first.
 */
export function onsetSeenBy(dependency: ServiceProfile, caller: ServiceProfile): number {
  const callerIds = new Set(caller.signals.map((s) => s.evidenceId));
  const named = dependency.signals.filter((s) => s.family === 'dependency_mention' && s.strength >= CLEAR_STRENGTH && callerIds.has(s.evidenceId)).map((s) => s.onsetMs);
  return Math.min(dependency.onsetMs, ...named);
}

/** Families of point events the runtime reports again and again while they last (a crash loop every few minutes, hosts still rebooting). */
const REPORTED_AGAIN: readonly SignalFamily[] = ['runtime_crash', 'runtime_leak', 'runtime_throttle', 'runtime_node', 'runtime_other'];

/**
 * The signals with each runtime event family kept at its first report only: a crash loop
 * the runtime reported at 04:06 and six more times over the next half hour began at
 * 04:06, and its later reports must not carry the service's onset along with them.
 */
function firstReports(signals: readonly Signal[]): Signal[] {
  const seen = new Set<string>();
  return [...signals]
    .sort((a, b) => a.onsetMs - b.onsetMs)
    .filter((s) => {
      if (!REPORTED_AGAIN.includes(s.family)) return true;
      const key = `${s.family}/${s.hint ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

export function profileServices(signals: readonly Signal[], graph: Map<string, Set<string>>, frame: Frame, canFail?: ReadonlySet<string>, w: Weights = WEIGHTS): Map<string, ServiceProfile> {
  const { symptomShare } = w.propagation;
  const bySvc = new Map<string, Signal[]>();
  for (const s of signals) {
    if (s.strength < w.propagation.minStrength) continue;
    const list = bySvc.get(s.service) ?? [];
    list.push(s);
    bySvc.set(s.service, list);
  }
  const profiles = new Map<string, ServiceProfile>();
  const erring = new Set([...bySvc].filter(([, list]) => list.some((s) => ERROR_FAMILIES.includes(s.family) && s.strength >= CLEAR_STRENGTH)).map(([service]) => service));
  for (const [service, list] of [...bySvc.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const below = [...downstream(graph, service)];
    const deepest = !below.some((d) => erring.has(d)) && (canFail === undefined || below.length === 0 || below.some((d) => canFail.has(d)));
    const own = (s: Signal) => (s.local && (s.family !== 'traffic_up' || list.some(strains))) || (s.family === 'errors' && deepest);
    const local = noisyOr(list.filter(own).map((s) => s.strength * weightOf(s, w)));
    const symptom = noisyOr(list.filter((s) => !own(s)).map((s) => s.strength * weightOf(s, w)));
    const pinned = noisyOr(list.filter((s) => own(s) && beyondCallees(s)).map((s) => s.strength * weightOf(s, w)));
    const pinnedOffHost = noisyOr(list.filter((s) => own(s) && beyondCallees(s) && s.family !== 'cpu').map((s) => s.strength * weightOf(s, w)));
    const strong = list.filter((s) => s.strength >= CLEAR_STRENGTH);
    const timed = firstReports(strong.length > 0 ? strong : list).sort((a, b) => a.onsetMs - b.onsetMs || (a.stepMs ?? 0) - (b.stepMs ?? 0));
    const middle = timed[Math.floor((timed.length - 1) / 2)]!;
    profiles.set(service, { service, signals: list, local, symptom, pinned, pinnedOffHost, onsetMs: middle.onsetMs, onsetStepMs: middle.stepMs ?? 0, rootness: 1 });
  }
  const tolerance = Math.max(2 * frame.stepMs, ONSET_TOLERANCE_MS);
  const fed = demandFeeders(profiles, graph, tolerance, w);
  const known = [...profiles.keys()];
  const mentioned = new Set(signals.filter((s) => s.family === 'dependency_mention').map((s) => s.evidenceId));
  const pinnedShare = new Map<string, number>();
  for (const p of profiles.values()) {
    const own = Math.max(p.local, symptomShare * p.symptom, 0.05);
    const sole = soleTroubledCallee(p, [...(graph.get(p.service) ?? [])].flatMap((d) => profiles.get(d) ?? []), tolerance);
    let best = 0;
    let bestPinned = p.pinned;
    for (const d of downstream(graph, p.service)) {
      const q = profiles.get(d);
      if (!q || onsetSeenBy(q, p) > p.onsetMs + tolerance || beganBeforeCallee(p.signals, onsetSeenBy(q, p), q.onsetStepMs) || fed.has(d) || starvedBy(q, p.service) || onlyLostDemand(q)) continue;
      const explains = hollowFailure(p, q) || reportsCalleeShortage(p, q, tolerance) ? own : Math.max((q.local + symptomShare * q.symptom * 0.5) * (failing(p, w) && !failing(q, w) && !filledWaiting(p, q, tolerance) ? w.propagation.slowerExplainsFailing : 1), waitsExplained(p, q, w), namedFailures(p, q, (s) => s.strength * weightOf(s, w)), solePeerFailures(p, q, sole, known, mentioned, (s) => s.strength * weightOf(s, w)));
      if (explains > best) [best, p.explainedBy, bestPinned] = [explains, d, hostsUnderPressure(q, p.onsetMs, tolerance) ? (p.pinnedOffHost ?? p.pinned) : p.pinned];
    }
    p.rootness = 1 - w.propagation.explainedDiscount * Math.min(1, best / own) * (1 - Math.min(1, bestPinned / own));
    if (best === 0) delete p.explainedBy;
    pinnedShare.set(p.service, Math.min(1, bestPinned / own));
  }
  for (const service of failedTogether(profiles, tolerance, w.platform.minVictims)) profiles.get(service)!.rootness = 1 - w.propagation.explainedDiscount * (1 - pinnedShare.get(service)!);
  for (const [caller, callee] of refusedCredentials(profiles, graph)) {
    const q = profiles.get(callee)!;
    q.rootness *= w.propagation.refusedShare;
    q.explainedBy = caller;
  }
  for (const [writer, store] of [...refusedWrites(profiles, graph), ...refusedRequests(profiles, graph, tolerance)]) {
    const q = profiles.get(store)!;
    q.rootness *= w.propagation.refusedShare;
    q.explainedBy = writer;
    const p = profiles.get(writer)!;
    if (p.explainedBy === store) [p.rootness, p.explainedBy] = [1, undefined];
  }
  const held = lockHolders(profiles, graph, tolerance);
  const waiters = new Set(held.map(([waiter]) => waiter));
  for (const [waiter, holder] of held) {
    const q = profiles.get(waiter)!;
    q.rootness = Math.min(q.rootness, 1 - w.propagation.explainedDiscount) * w.propagation.refusedShare;
    q.explainedBy = holder;
    const h = profiles.get(holder)!;
    if (h.explainedBy !== undefined && waiters.has(h.explainedBy)) [h.rootness, h.explainedBy] = [1, undefined];
  }
  for (const [service, caller] of fed) {
    const p = profiles.get(service)!;
    p.rootness *= 0.5;
    p.fedBy = caller;
    p.explainedBy ??= caller;
  }
  return profiles;
}

/**
 * Callers whose own client certificate or credentials a callee refused (the caller's
 * errors say so: "remote error: tls: expired certificate"), paired with that callee:
 * the calls fail at the callee, and spans show the failures starting there, but the cause
 * is the caller's credential, so the failures of its callees are the caller's.
 */
function refusedCredentials(profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>): [string, string][] {
  const out: [string, string][] = [];
  for (const p of profiles.values()) {
    if (!p.signals.some(refusedOwnCredential)) continue;
    for (const callee of graph.get(p.service) ?? []) if (profiles.get(callee)?.signals.some((s) => ERROR_FAMILIES.includes(s.family))) out.push([p.service, callee]);
  }
  return out;
}

/** A service short of CPU, memory or another resource: where extra demand met its limit. */
const overloaded = (p: ServiceProfile) => p.signals.some((s) => s.local && s.strength >= 0.5 && (s.family === 'cpu' || s.family === 'memory' || s.family === 'saturation' || s.family === 'runtime_throttle'));

/** How near its limit a service's strained resource came (its largest share of a known limit), or undefined when no limit is known. */
const nearestLimit = (p: ServiceProfile) => {
  const shares = p.signals.filter((s) => s.local && s.strength >= 0.5 && s.peakShare !== undefined && (s.family === 'cpu' || s.family === 'memory' || s.family === 'saturation')).map((s) => s.peakShare!);
  return shares.length > 0 ? Math.max(...shares) : undefined;
};

/**
 * Whether the callee, not its caller, is where the extra demand met a limit: the callee's
 * resource reached its limit while the caller's stayed well below its own. A caller
 * that worked harder with room to spare carried the surge; it did not run short.
 */
function nearerItsLimit(callee: ServiceProfile, caller: ServiceProfile, w: Weights): boolean {
  const mine = nearestLimit(callee);
  const theirs = nearestLimit(caller);
  return mine !== undefined && theirs !== undefined && mine >= w.kinds.roomyShare && theirs < w.kinds.roomyShare;
}

const demandOnset = (p: ServiceProfile) => Math.min(...p.signals.filter((s) => s.family === 'traffic_up' && s.strength >= CLEAR_STRENGTH).map((s) => s.onsetMs));

/**
 * Demand flows down the call graph: a service whose load rose no earlier than the
 * traffic of an overloaded caller is carrying that caller's surge, not causing it.
 * Returns each such service with the caller that fed it: the service where the extra
 * demand first met its limit keeps its weight, and a fed service cannot explain its
 * feeder's trouble. A callee that reached its limit is not fed by a caller whose own
 * resource stayed well below its limit (`nearerItsLimit`): the callee is where the
 * demand met a limit, and the caller's trouble (calls into it timing out) is its doing.
 */
function demandFeeders(profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, tolerance: number, w: Weights): Map<string, string> {
  const fed = new Map<string, string>();
  const surged = [...profiles.values()].filter((p) => Number.isFinite(demandOnset(p)));
  if (surged.length === 0) return fed;
  for (const p of profiles.values()) {
    const caller = surged.find((q) => q !== p && overloaded(q) && !nearerItsLimit(p, q, w) && graph.get(q.service)?.has(p.service) && demandOnset(q) <= p.onsetMs + tolerance && !(demandOnset(p) < demandOnset(q) - tolerance));
    if (caller) fed.set(p.service, caller.service);
  }
  return fed;
}

/** A service's weight as an origin: local evidence plus a share of its symptoms, discounted when a dependency explains it. */
export const originScore = (p: ServiceProfile, w: Weights = WEIGHTS) => p.rootness * (p.local + w.propagation.symptomShare * p.symptom);
