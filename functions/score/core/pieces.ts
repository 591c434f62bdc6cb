import { namesService, ownCredentialRefused } from './logs.js';
import { metricFamily } from './metrics.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, OWN_FAILURES, type Evidence, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * What a caller's errors say failed, put on the callee whose spans show the failing calls
 * start there. An error that names a kind of fault ("OOM command not allowed when used
 * memory > maxmemory", "not enough in-sync replicas") is often the callee's reply quoted
 * by the caller: when the caller's own spans do not start the failures and a callee's
 * do, the words are about that callee, even where they do not name it (a reply carries
 * no name). Each such error becomes a `dependency_mention` on the callee with the kind it
 * names, timed at the caller's first error, so the callee explains the caller from the
 * moment the caller felt it rather than from the first sampled failing span. A callee
 * the error names outright is already mentioned (`mentionSignals`); a programming error
 * and a refused credential of the caller's own stay the caller's.
 */
export function failingCallSignals(signals: readonly Signal[], graph: Map<string, Set<string>>): Signal[] {
  const origins = new Set(signals.filter((s) => s.family === 'error_origin' && s.strength >= CLEAR_STRENGTH).map((s) => s.service));
  const out: Signal[] = [];
  for (const s of signals) {
    if (!FAILURE_WORDS.includes(s.family) || s.strength < CLEAR_STRENGTH || !s.hint || s.hint === 'code_defect' || origins.has(s.service) || ownCredentialRefused(s.raw ?? s.text)) continue;
    for (const callee of graph.get(s.service) ?? []) {
      if (!origins.has(callee) || namesService(s.raw ?? s.text, callee)) continue;
      out.push({ service: callee, family: 'dependency_mention', strength: 0.7 * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, hint: s.hint, text: `${s.service}'s calls into ${callee} fail there: ${s.text}`.slice(0, 300) });
    }
  }
  return out;
}


/**
 * Dependencies that a caller called without failing while others failed on them: a
 * third party or managed service that one of its callers was seen calling (in traces)
 * without a failure of its own did not fail; the callers that did fail broke their own way of calling it (a
 * library upgrade that broke their TLS handshake, a bad credential). Each is returned
 * with that healthy caller. Only dependencies we see solely through their callers (not
 * `observed`) are cleared this way, and only of what callers said about them: one whose
 * own telemetry we have speaks for itself, slow or failing (`withoutClearedViews`).
 * `callsMade` is the calls traces saw, and those callers counted the failures of in their
 * own client series (`measuredCalls`), caller → callees.
 */
export function clearedByHealthyCallers(signals: readonly Signal[], callsMade: Record<string, string[]>, observed: ReadonlySet<string>): Map<string, string> {
  const failing = new Set(signals.filter((s) => OWN_FAILURES.includes(s.family) && s.strength >= CLEAR_STRENGTH).map((s) => s.service));
  const blamed = new Set(signals.filter((s) => s.family === 'dependency_mention' && s.strength >= CLEAR_STRENGTH && !observed.has(s.service)).map((s) => s.service));
  const out = new Map<string, string>();
  for (const [caller, callees] of Object.entries(callsMade).sort(([a], [b]) => a.localeCompare(b))) {
    if (failing.has(caller)) continue;
    for (const callee of callees) if (blamed.has(callee) && !out.has(callee)) out.set(callee, caller);
  }
  return out;
}

/** The signals without what failing callers said about a dependency a healthy caller clears (`clearedByHealthyCallers`); its own evidence stays. */
export function withoutClearedViews(signals: readonly Signal[], cleared: ReadonlyMap<string, string>, ownEvidence: (service: string, evidenceId: string) => boolean): Signal[] {
  return signals.filter((s) => !cleared.has(s.service) || ownEvidence(s.service, s.evidenceId));
}

/**
 * What a caller's unnamed errors are about when a sibling's errors name the callee they
 * share: when another caller of one of its callees, failing within `toleranceMs` of it,
 * names that callee in its own errors, and no other callee of this caller is so named,
 * the caller's own error lines (a READONLY reply, a reset socket) are that callee failing
 * it too: several callers failing together on the one piece they share, which one of them
 * names. Each line becomes a `dependency_mention` on that callee, timed at the line, as a
 * named mention would. A programming error and a refused credential of the caller's own
 * stay the caller's; a line that already names a callee is mentioned already.
 */
export function sharedNamedCalleeSignals(signals: readonly Signal[], graph: Map<string, Set<string>>, toleranceMs: number): Signal[] {
  const failures = new Map(signals.filter((s) => FAILURE_WORDS.includes(s.family)).map((s) => [s.evidenceId, s]));
  const named = signals.filter((s) => s.family === 'dependency_mention' && s.local && s.strength >= CLEAR_STRENGTH && failures.has(s.evidenceId));
  const mentioned = new Set(named.map((s) => s.evidenceId));
  const out: Signal[] = [];
  for (const s of failures.values()) {
    if (!s.local || s.strength < CLEAR_STRENGTH || mentioned.has(s.evidenceId) || s.hint === 'code_defect' || ownCredentialRefused(s.raw ?? s.text)) continue;
    const callees = graph.get(s.service) ?? new Set<string>();
    const shared = [...new Set(named.filter((m) => callees.has(m.service) && failures.get(m.evidenceId)!.service !== s.service && Math.abs(m.onsetMs - s.onsetMs) <= toleranceMs).map((m) => m.service))];
    if (shared.length !== 1) continue;
    const by = named.find((m) => m.service === shared[0])!;
    out.push({ service: shared[0]!, family: 'dependency_mention', strength: 0.7 * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, ...(s.hint ? { hint: s.hint } : {}), text: `${s.service} fails with ${failures.get(by.evidenceId)!.service}, whose errors name ${shared[0]}, a callee both share: ${s.text}`.slice(0, 300) });
  }
  return out;
}

/** Failures a piece counted itself (packets dropped, ports it could not allocate): the piece failed, not what lies behind it. */
const failedItself = (s: Signal) => s.family === 'errors' && s.local && s.hint !== undefined && s.strength >= CLEAR_STRENGTH;

/**
 * Dependencies we see only through their callers' calls, reached through a piece that
 * passes calls on (a NAT gateway, a proxy, an egress) which counted failures of its own
 * from no later than the dependency looked slow or failing: the callers measured the
 * whole way there, and the piece on it failed, so the far end's trouble is the piece's.
 * Each such dependency gets an edge to the piece (it is the piece's victim, as callers
 * are), so propagation reads it so. A dependency with telemetry of its own speaks for
 * itself, unless the piece in front of it counted failures before any trouble of the
 * dependency's began (what began first: a router losing packets minutes before the
 * mainframe link behind it slowed); a piece whose failures began later did not cause
 * what came before them.
 */
export function passedThroughLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, observed: ReadonlySet<string>, toleranceMs: number): Record<string, string[]> {
  const failedAt = new Map<string, number>();
  const failedFirstAt = new Map<string, number>();
  const troubleAt = new Map<string, number>();
  for (const s of signals) {
    if (failedItself(s)) failedAt.set(s.service, Math.min(failedAt.get(s.service) ?? Infinity, s.onsetMs - (s.stepMs ?? 0)));
    if (failedItself(s)) failedFirstAt.set(s.service, Math.min(failedFirstAt.get(s.service) ?? Infinity, s.onsetMs));
    if (s.strength >= CLEAR_STRENGTH) troubleAt.set(s.service, Math.min(troubleAt.get(s.service) ?? Infinity, s.onsetMs));
  }
  const edges: Record<string, string[]> = {};
  for (const [piece, at] of [...failedAt].sort(([a], [b]) => a.localeCompare(b))) {
    for (const d of graph.get(piece) ?? []) {
      if (!troubleAt.has(d) || (observed.has(d) ? !(failedFirstAt.get(piece)! < troubleAt.get(d)!) : at > troubleAt.get(d)! + toleranceMs)) continue;
      (edges[d] ??= []).push(piece);
    }
  }
  return edges;
}

/**
 * Services that count packets (`PacketDropCountBlackhole`, `PacketsInFromDestination`,
 * `packet_loss`): packets are what a network piece handles, so a piece reporting them is
 * part of the network, not an application serving requests.
 */
export function packetCounters(evidence: readonly Evidence[]): Set<string> {
  return new Set(evidence.flatMap((e) => (e.class === 'metrics' && /packet/i.test(e.name) ? [e.service] : [])));
}

/** Packets a service counted lost or sent again on its own connections (retransmits): the network under it failing, whatever it was calling. */
const lostPackets = (s: Signal) => s.family === 'errors' && s.local && s.hint === 'infrastructure' && s.strength >= CLEAR_STRENGTH;

/**
 * The network piece under services that lose packets together: when two or more services
 * count their own packets lost or resent (retransmits) from within `toleranceMs` of each
 * other, the loss is in what their traffic shares, not in each of them nor in the
 * endpoints they were calling (which lose packets too, or answer normally on their side).
 * A network piece (`network`: one that counts packets, `packetCounters`) two or more of
 * them call, that loses none itself and fails in no way of its own (a transit gateway, a
 * VPN, an interconnect listed in the topology, whose drop counters for its own reasons,
 * no route or a black hole, stayed at zero while it ran out of room) is that network: every service losing packets with them gets an edge to
 * it, so propagation reads them as its victims, and each one's loss becomes the piece's
 * own evidence, as a node's hosts are their node's (the endpoints are where a network's
 * loss is measured); on each service it stays a symptom (`moved`), no longer its own
 * failure. A piece that counts its own failures speaks for itself; one
 * service losing packets alone may be its own host; two candidate pieces leave it open.
 */
export function sharedNetworkLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, network: ReadonlySet<string>, toleranceMs: number, w: Weights = WEIGHTS): { edges: Record<string, string[]>; signals: Signal[]; moved: Set<Signal>; piece?: string } {
  const loss = new Map<string, Signal>();
  for (const s of signals) if (lostPackets(s) && (!loss.has(s.service) || s.onsetMs < loss.get(s.service)!.onsetMs)) loss.set(s.service, s);
  const first = Math.min(...[...loss.values()].map((s) => s.onsetMs));
  const together = [...loss.values()].filter((s) => s.onsetMs <= first + toleranceMs).sort((a, b) => a.service.localeCompare(b.service));
  if (together.length < w.platform.minVictims) return { edges: {}, signals: [], moved: new Set() };
  const losing = new Set(together.map((s) => s.service));
  const failsItself = new Set(signals.filter((s) => OWN_FAILURES.includes(s.family) && s.local && s.strength >= CLEAR_STRENGTH).map((s) => s.service));
  const pieces = new Set<string>();
  for (const [caller, callees] of graph) {
    if (!losing.has(caller)) continue;
    for (const c of callees) if (network.has(c) && !losing.has(c) && !failsItself.has(c) && [...graph].filter(([k, v]) => losing.has(k) && v.has(c)).length >= w.platform.minVictims) pieces.add(c);
  }
  if (pieces.size !== 1) return { edges: {}, signals: [], moved: new Set() };
  const piece = [...pieces][0]!;
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  const names = together.map((s) => s.service).join(', ');
  for (const s of together) {
    if (!graph.get(s.service)?.has(piece)) (edges[s.service] ??= []).push(piece);
    out.push({ service: piece, family: 'dependency_mention', strength: s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, hint: 'infrastructure', text: `${together.length} services that share ${piece} started losing packets together (${names}): ${s.text}`.slice(0, 300) });
  }
  return { edges, signals: out, moved: new Set(together), piece };
}

/**
 * Callees of services that lose packets through a network piece (`sharedNetworkLinks`)
 * whose own telemetry stayed quiet: every clear signal on them is what those callers
 * recorded of their calls (timeouts, slow client spans, error lines naming them). The
 * calls were lost on the way, in the piece between, so what the callers saw is not the
 * callee failing; each is returned with the piece, for `withoutClearedViews` to leave
 * the callee only its own evidence. A callee that loses packets itself, or whose own
 * telemetry shows trouble, speaks for itself.
 */
export function reachedThroughNetwork(signals: readonly Signal[], graph: Map<string, Set<string>>, losing: ReadonlySet<string>, piece: string, observed: ReadonlySet<string>, ownEvidence: (service: string, evidenceId: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const callees = new Set([...losing].flatMap((caller) => [...(graph.get(caller) ?? [])]));
  for (const c of [...callees].sort()) {
    if (c === piece || losing.has(c) || !observed.has(c)) continue;
    const clear = signals.filter((s) => s.service === c && s.strength >= CLEAR_STRENGTH);
    if (clear.length > 0 && !clear.some((s) => ownEvidence(c, s.evidenceId))) out.set(c, piece);
  }
  return out;
}

/** Hosts a service lost: its nodes under pressure or gone, its instances unreachable or failing their checks. */
const hostsOut = (s: Signal) => (s.family === 'runtime_node' || s.family === 'runtime_other') && s.local && s.strength >= CLEAR_STRENGTH;

/**
 * Pieces that serve no requests: we have telemetry of them, and none of it is about
 * requests (no error, latency or request series, no spans, no log lines): a data centre's
 * power feeds, a rack, a zone. What they hold up is the hosts other services run on.
 */
export function servingNoRequests(evidence: readonly Evidence[]): Set<string> {
  const serving = new Set<string>();
  const seen = new Set<string>();
  for (const e of evidence) {
    if (!('service' in e) || typeof e.service !== 'string') continue;
    seen.add(e.service);
    if (e.class === 'logs' || e.class === 'traces' || (e.class === 'metrics' && ['errors', 'latency', 'traffic'].includes(metricFamily(e.name, e.unit, e.labels)))) serving.add(e.service);
  }
  return new Set([...seen].filter((s) => !serving.has(s)));
}

/**
 * The facility under services that lose hosts together: when two or more services lose
 * hosts (instances unreachable, nodes gone) within `toleranceMs` of each other, and two or
 * more of them depend on one piece that serves no requests (`facilities`, a data centre,
 * a rack, listed in the topology) whose own telemetry went wrong no later (power feeds
 * lost), that piece is the platform under them: each service losing hosts gets an edge to
 * it, and each loss of hosts is the facility's own evidence, as a node's hosts are their
 * node's; on the service it stays a symptom (`moved`). Hosts lost before the facility's
 * trouble are not its doing; two such facilities leave it open.
 */
export function sharedFacilityLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, facilities: ReadonlySet<string>, toleranceMs: number, w: Weights = WEIGHTS): { edges: Record<string, string[]>; signals: Signal[]; moved: Set<Signal> } {
  const none = { edges: {}, signals: [], moved: new Set<Signal>() };
  const lost = new Map<string, Signal>();
  for (const s of signals) if (hostsOut(s) && (!lost.has(s.service) || s.onsetMs < lost.get(s.service)!.onsetMs)) lost.set(s.service, s);
  if (lost.size < w.platform.minVictims) return none;
  const first = Math.min(...[...lost.values()].map((s) => s.onsetMs));
  const together = [...lost.values()].filter((s) => s.onsetMs <= first + toleranceMs).sort((a, b) => a.service.localeCompare(b.service));
  if (together.length < w.platform.minVictims) return none;
  const losing = new Set(together.map((s) => s.service));
  const troubleAt = new Map<string, number>();
  for (const s of signals) if (s.local && s.strength >= CLEAR_STRENGTH && facilities.has(s.service)) troubleAt.set(s.service, Math.min(troubleAt.get(s.service) ?? Infinity, s.onsetMs));
  const candidates = [...troubleAt].filter(([piece, at]) => !losing.has(piece) && at <= first + toleranceMs && [...graph].filter(([caller, callees]) => losing.has(caller) && callees.has(piece)).length >= w.platform.minVictims);
  if (candidates.length !== 1) return none;
  const piece = candidates[0]![0];
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  const names = together.map((s) => s.service).join(', ');
  for (const s of together) {
    if (!graph.get(s.service)?.has(piece)) (edges[s.service] ??= []).push(piece);
    out.push({ service: piece, family: 'dependency_mention', strength: s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, hint: 'infrastructure', text: `${together.length} services on ${piece} lost hosts together (${names}): ${s.text}`.slice(0, 300) });
  }
  return { edges, signals: out, moved: new Set(together) };
}
