import type { ChangeEvent, RootCauseKind } from '../../contracts/index.js';
import { grewFromChange, heavierPerDemand, offReferenceAtWindowOpen, outgrewDemand, sentAtChange, standingSince } from './change-fit.js';
import { SCALER, scalerAtCeiling } from './at-ceiling.js';
import { fittedShortage, relievedShortage, shortResources } from './kinds.js';
import { limitLoweredAt } from './lowered-limit.js';
import { onlyHeardOf } from './heard-of.js';
import { callersOf, downstream, type ServiceProfile } from './propagation.js';
import { segmentTies } from './segments.js';
import { failsWhereItChanged } from './shipped-defect.js';
import { limitBelowWork } from './time-limit.js';
import { preemptedByOwnChange } from './own-fit.js';
import { decay, introducedAfter, metByDemand, separateThread, victimOf } from './victims.js';
import { CLEAR_STRENGTH, type Evidence, type Frame, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/** What a change says the root cause would be, if it is the cause. */
export const CHANGE_KIND: Record<ChangeEvent['kind'], RootCauseKind> = {
  deployment: 'deployment',
  config: 'config_change',
  feature_flag: 'feature_flag',
  infrastructure: 'infrastructure',
  scaling: 'config_change',
};

export interface Attribution {
  change: ChangeEvent & { id: string };
  kind: RootCauseKind;
  /** 0..1: time proximity × fit. 0 for red herrings. */
  score: number;
  /**
   * 0..1: how well the change fits its own service's trouble: 1 when the trouble began
   * right at the change (or, for a leak, the memory grew from it), falling the longer the
   * service stayed well after it. The change outranks the service's other explanations
   * only above one half. 0 when it explains a neighbour instead, or nothing.
   */
  fit: number;
  redHerring: boolean;
  reason: string;
  /** The anomalous caller or callee whose trouble this change explains. */
  explains?: string;
  /** Other neighbours that broke right after the change nearly as clearly: its victims too. */
  alsoExplains?: string[];
  /** Whether its fit to its own service comes from what it did there (a leak grown from it, a ceiling or a time limit it set), not from the minutes alone. */
  shaped?: boolean;
  /** Whether the evidence, not only the time, ties the change to the neighbour it explains: it names what failed there, its effect was carried to it, or it set its demand. */
  tied?: boolean;
  /** The item the reason quotes as where the change took effect (a series it sends that stepped at it, what reached its victim), cited beside the change. */
  shownBy?: string;
}


const minutes = (ms: number) => (ms >= 120 * 60_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`);

/**
 * An autoscaler adding replicas, tasks or hosts is a response to load, never its cause:
 * a scaling change is a suspect only when it took capacity away ("6 -> 4", a lower
 * concurrency limit).
 */
export function addsCapacity(change: Pick<ChangeEvent, 'kind' | 'summary'>): boolean {
  if (change.kind !== 'scaling') return false;
  const step = /(\d+(?:\.\d+)?)\s*(?:->|→|to)\s*(\d+(?:\.\d+)?)/.exec(change.summary);
  if (step) return Number(step[2]) > Number(step[1]);
  return /launch|scal(?:e|ed|ing) (?:out|up)|add(?:ed|ing)? (?:capacity|instances?|replicas?|nodes?)|replacement/i.test(change.summary);
}

/**
 * Capacity an autoscaler added: the scaler's response to load, never its cause. Capacity
 * a person added is a change like any other (nodes joining a ring with the wrong
 * bootstrap setting, a rebalance that moves load): it is weighed by fit, and one added as
 * a mitigation comes after the trouble began, which rules it out there.
 */
export function scalerAddedCapacity(change: Pick<ChangeEvent, 'kind' | 'summary' | 'author' | 'source'>): boolean {
  return addsCapacity(change) && (!change.author || SCALER.test(`${change.author} ${change.source ?? ''}`));
}

/** A service whose own evidence is a leak: memory that climbed or OOM kills. */
const leaking = (p: ServiceProfile | undefined) => !!p && p.signals.some((s) => s.family === 'runtime_leak' || (s.family === 'memory' && s.strength >= CLEAR_STRENGTH));


/**
 * When each changed service's own failures began, where a change of it introduced them:
 * the earliest exception group first seen, or new error template, of the service within
 * `carriedWithinMs` after one of its changes (and no earlier than a step before it). A
 * ZodError first thrown a minute after a release, and thrown thousands of times since,
 * dates the service's trouble from the release, however late the queue's age alarm or the
 * service's coarse metrics showed it; a change made after that (a timeout raised as a
 * mitigation) came after the trouble began.
 */
function introducedAt(changes: readonly ChangeEvent[], profiles: Map<string, ServiceProfile>, stepMs: number, w: Weights): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of changes) {
    if (addsCapacity(c) || scalerAtCeiling(c)) continue;
    const at = Date.parse(c.at);
    const first = introducedAfter(profiles.get(c.service), at, stepMs, w);
    if (first !== undefined) out.set(c.service, Math.min(out.get(c.service) ?? Infinity, first));
  }
  return out;
}


/**
 * The piece whose loss a changed service shared with services that had no change: where
 * services lost hosts or packets together and that loss is read as one piece's under
 * them (`lostTogether`, service to the pieces it lost with others, from the shared
 * facility and network rules), an SRE rules the change out once services without any
 * change failed the same way at the same time. Undefined when every service that lost
 * with it changed too (then the changes are still weighed).
 */
function sharedLoss(service: string, lostTogether: Readonly<Record<string, string[]>>, changedAt: ReadonlyMap<string, number>): { piece: string; unchanged: string[] } | undefined {
  for (const piece of lostTogether[service] ?? []) {
    const unchanged = Object.entries(lostTogether).filter(([other, pieces]) => other !== service && pieces.includes(piece) && !changedAt.has(other)).map(([other]) => other).sort();
    if (unchanged.length > 0) return { piece, unchanged };
  }
  return undefined;
}

/**
 * Whether a change is what its service runs with rather than an event of the incident:
 * the change feed returned it from before the window opened, and it came more than a
 * half-life (`halfLifeMs`) before the incident's onset. Where the window opens is where
 * the plan began reading (an hour before the alert's own start), not a mark of the
 * change's age: a config changed twelve minutes before that opening, with the trouble
 * beginning eleven minutes into the window, is as close to the trouble as one made inside
 * it, and is weighed by its closeness like one.
 */
function standingChange(atMs: number, frame: Frame, onsetMs: number, w: Weights): boolean {
  return frame.changesFromMs !== undefined && atMs < frame.changesFromMs && onsetMs - atMs > w.changes.halfLifeMs;
}

/** The first clear sign of trouble in a service at or after a time: what changed at the change. */
function firstSignAfter(p: ServiceProfile | undefined, atMs: number): Signal | undefined {
  return (p?.signals ?? []).filter((s) => s.strength >= CLEAR_STRENGTH && s.onsetMs >= atMs - (s.stepMs ?? 0)).sort((a, b) => a.onsetMs - b.onsetMs || b.strength - a.strength)[0];
}

/** What a change was, in a line: its summary and, for a release, the versions it moved between. */
export function describeChange(c: Pick<ChangeEvent, 'summary' | 'version' | 'previousVersion' | 'author'>): string {
  const versions = c.version ? ` (${c.previousVersion ? `${c.previousVersion} → ` : ''}${c.version})` : '';
  return `${c.summary}${versions}${c.author ? ` by ${c.author}` : ''}`;
}

/**
 * Scores every change against the trouble it might explain. A change at or after a step
 * past the onset (the step of the evidence that set the onset: a change inside the
 * onset's own bucket is not after it) came too late: a hotfix to errors already flowing
 * is never their cause, nor is capacity an autoscaler added. Otherwise the change's fit
 * decays with the time from the change to the onset of its service (or of the incident
 * when the service itself shows nothing); slowly for a deploy whose service's memory grew
 * from it (a leak), not for one whose memory stayed flat after it, and slowly for a config
 * change that moved the limit of the very resource seen running short the way that makes
 * it run short (`fittedShortage`: a memory limit or pool size lowered is hit when demand
 * next fills it; a limit raised is never its exhaustion's cause; or, whatever its summary
 * says, whose service's own limit series stepped down at it, `limitLoweredAt`) or that took capacity
 * away (fewer replicas, a smaller instance: every resource is cut); such a change fits at
 * full weight however long before it came when the same demand now takes far more of that
 * resource than in the healthy reference (`heavierPerDemand`: the ceiling was first met
 * now, at the first peak after it). A deploy that shipped a leak fits the same way,
 * however old: what the service holds grew from it, and the same demand now holds far
 * more than in the healthy reference, so the growth, not the clock, ties it to the
 * exhaustion (a cache with no bound, shipped two days before the pods ran out). A change
 * whose own service's work stepped right at it (`sentAtChange`: streaming subscriptions
 * from none to 38 000 the minute a flag turned them on) took effect there, and fits the
 * trouble that grew from it slowly too, however many minutes the backlog took. A change
 * from before the window, which the change feed returns as what a service runs with,
 * counts only by such a fit (or a leak it shipped), or when its service was already far
 * off its healthy reference when the window opened (`offReferenceAtWindowOpen`): then it
 * is the last thing that moved the service before its trouble was first seen, and fits by
 * the time from it to the window's opening, slowly (a flag that made a KV store contend
 * for hours before it lost its leader). One that came within a half-life of the
 * incident's onset is not standing (`standingChange`) and is weighed like any other. A
 * change whose own service's new failures are about what it touched
 * (`failsWhereItChanged`: a release of a new ack tracker, then a TypeError thrown in that
 * tracker) shipped the defect that fails: it fits slowly (`shippedHalfLifeMs`), however
 * long the code took to meet the input that breaks it, and from before the window too,
 * since a code defect with the change that put it there in view needs no trigger of its
 * own. Otherwise, standing hours before a service that opened the window healthy, it is
 * no suspect by closeness, nor a neighbour's cause. A
 * change made while the service's failures already stood beyond their healthy range when
 * the window opened
 * (`standingSince`) came after the trouble began, however soon the next sign of it was
 * logged, unless something of the service moved right at it (its trouble's onset within
 * minutes of it, as a new error thrown a minute after it is); a leak's growth is read up
 * to where they began standing. A change with no such mechanism (neither a leak nor a
 * ceiling it set) whose service's trouble began with demand that rose through every
 * caller well after it (`metByDemand`) met the surge, and is ruled out, unless the same
 * demand now takes far more of the service's resources than in the healthy reference (its
 * work got heavier). Fit is high when the
 * changed service is itself anomalous and not explained by a dependency. A change can also
 * explain a neighbour that broke right after it with no change of its own, or one whose
 * demand it set through a client segment both carry (`segmentTies`), no call joining them. A change on a
 * service that lost hosts or packets together with services that had no change, the loss
 * read as one piece's under them (`lostTogether`: a site's power, a transit gateway), is
 * ruled out (`sharedLoss`): the unchanged services failed the same way at the same time.
 */
export function attributeChanges(items: readonly Evidence[], profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, frame: Frame, incidentOnset: { ms: number; stepMs: number }, observed: ReadonlySet<string>, w: Weights = WEIGHTS, lostTogether: Readonly<Record<string, string[]>> = {}): Attribution[] {
  const out: Attribution[] = [];
  const changes = items.filter((i): i is ChangeEvent & { id: string } => i.class === 'changes');
  const changedAt = new Map<string, number>();
  const standing = (c: ChangeEvent) => standingChange(Date.parse(c.at), frame, incidentOnset.ms, w);
  for (const c of changes) if (!scalerAddedCapacity(c) && !scalerAtCeiling(c) && !standing(c)) changedAt.set(c.service, Math.max(changedAt.get(c.service) ?? -Infinity, Date.parse(c.at)));
  const introduced = introducedAt(changes, profiles, frame.stepMs, w);
  for (const change of changes) {
    const kind = CHANGE_KIND[change.kind];
    const at = Date.parse(change.at);
    const before = standing(change);
    const what = describeChange(change);
    const shared = sharedLoss(change.service, lostTogether, changedAt);
    if (shared) {
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service} at ${clock(at)}; ${change.service}'s trouble began with the loss of ${shared.piece} under it, which ${shared.unchanged.join(', ')}, with no change of their own, suffered the same way at the same time: the change did not cause it` });
      continue;
    }
    const p = profiles.get(change.service);
    const own = p ? p.local + 0.3 * p.symptom : 0;
    const mine = !!p && own >= 0.15 && !onlyHeardOf(p);
    const onset = mine ? Math.min(p.onsetMs, introduced.get(change.service) ?? Infinity) : incidentOnset.ms;
    const since = mine ? standingSince(items, change.service, frame, w) : undefined;
    const stood = Math.min(onset, since ?? Infinity);
    const resolution = (mine ? p.onsetStepMs : incidentOnset.stepMs) || frame.stepMs;
    const lead = onset - at;
    if (scalerAddedCapacity(change)) {
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service} added capacity in response to load; it cannot have caused it` });
      continue;
    }
    if (scalerAtCeiling(change)) {
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service}: its autoscaler reports the group at its maximum size, demand asking for more instances than it may have; nobody changed anything, so it is the surge's mark, not its cause` });
      continue;
    }
    const ties = segmentTies(items, change.service, at, w);
    const movedAtChange = stood < onset && onset <= at + Math.max(resolution, w.changes.carriedWithinMs);
    const late = at >= stood + resolution && !movedAtChange;
    const sent = sentAtChange(items, change.service, at, frame, w);
    const named = before || (mine && !late) ? undefined : victimOf(change.service, change.summary, at, profiles, graph, frame.stepMs, changedAt, observed, w, ties, sent?.text);
    if (late && !(named && (named.named || separateThread(named.victim.service, at, profiles, graph, frame.stepMs, w)))) {
      const already = since !== undefined && since <= onset ? `; ${change.service}'s failures already stood beyond their healthy range when the window opened` : '';
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service} came ${minutes(at - stood)} after the trouble started (at ${clock(stood)}${already}), so it cannot have caused it` });
      continue;
    }
    const memoryLeak = kind === 'deployment' && leaking(p) && grewFromChange(items, change.service, at, stood, w) !== false;
    const heldLeak = kind === 'deployment' && !memoryLeak && mine && outgrewDemand(items, change.service, at, onset, w);
    const leak = memoryLeak || heldLeak;
    const lowered = kind === 'config_change' && mine && shortResources(p.signals, w).size > 0 ? limitLoweredAt(items, change.service, at, w) : undefined;
    const ceiling = kind === 'config_change' && mine ? (fittedShortage(change, p.signals, w) ?? (lowered ? 'limit' : undefined)) : undefined;
    const cut = mine && !leak && !ceiling ? limitBelowWork(items, change, new Set([...callersOf(graph, change.service), ...(graph.get(change.service) ?? [])]), w) : undefined;
    const shipped = mine && !late && !leak && !ceiling && !cut && failsWhereItChanged(change.summary, p);
    const leftBefore = before && !leak && !ceiling && !cut && !shipped && mine && frame.changesFromMs !== undefined && offReferenceAtWindowOpen(items, change.service, w);
    if (before && !leak && !ceiling && !cut && !shipped && !leftBefore) {
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service} at ${clock(at)} was already in place before the window opened, and nothing ${change.service} ran short of is what it set: it is what the service runs with, not a suspect` });
      continue;
    }
    const held = ceiling ?? (memoryLeak ? 'memory' : heldLeak ? 'held' : undefined);
    const heavier = held ? heavierPerDemand(items, change.service, held, new Set(callersOf(graph, change.service)), onset, w) : undefined;
    const untested = heavier !== undefined && heavier >= w.changes.heavierShare;
    const proximity = untested || cut ? 1 : leftBefore ? decay(frame.changesFromMs! - at, w.changes.leakHalfLifeMs) : decay(lead, leak || ceiling || (mine && sent !== undefined) ? w.changes.leakHalfLifeMs : shipped ? w.changes.shippedHalfLifeMs : w.changes.halfLifeMs);
    const heavierWork = (): boolean => (heavierPerDemand(items, change.service, 'capacity', new Set(callersOf(graph, change.service)), onset, w) ?? 0) >= w.changes.heavierShare;
    if (mine && !leak && !ceiling && !cut && metByDemand(p, at, resolution, profiles, graph, w) && !heavierWork()) {
      const demand = p.signals.find((s) => s.family === 'traffic_up' && s.onsetMs > at);
      out.push({ change, kind, score: 0.02 * proximity, fit: 0, redHerring: true, reason: `${what} on ${change.service} at ${clock(at)}; nothing of ${change.service}'s moved at it, and its trouble began ${minutes(p.onsetMs - at)} later with the demand that reached it${demand ? ` (${demand.text})` : ''}: the change met the surge, it did not cause it` });
      continue;
    }
    const relieved = mine ? relievedShortage(change, p.signals, w) : undefined;
    const fed = mine && !!p.fedBy;
    const ownScore = mine && !relieved && !late ? proximity * (0.6 + 0.4 * Math.min(1, own / 0.6)) * (0.5 + 0.5 * p.rootness) * (fed ? 0.4 : 1) : 0;
    const v = named ?? (before ? undefined : victimOf(change.service, change.summary, at, profiles, graph, frame.stepMs, changedAt, observed, w, ties, sent?.text));
    if (v && (v.weight > ownScore || v.named)) {
      const where = v.segment ? 'whose demand it set' : v.through ? `which uses ${v.through} as it does` : v.told ? 'whose own failures name what it changed' : downstream(graph, change.service).has(v.victim.service) ? 'which it calls' : 'which depends on it';
      const sign = firstSignAfter(v.victim, at);
      const moved = v.carried ? v.victim.signals.find((s) => s.family === 'traffic_up' && s.onsetMs >= at - frame.stepMs) : undefined;
      const effect = v.segment ? `; ${v.segment}` : moved ? `; what reached ${v.victim.service} moved at the change (${moved.text})` : v.carried && sent ? `; what ${change.service} sends moved at the change (${sent.text})` : '';
      const shownBy = v.segment ? undefined : (moved?.evidenceId ?? (v.carried ? sent?.id : undefined));
      out.push({ change, kind, score: v.weight, fit: 0, redHerring: false, explains: v.victim.service, ...(v.named || v.carried || v.segment || v.through ? { tied: true } : {}), ...(v.also.length > 0 ? { alsoExplains: v.also } : {}), ...(shownBy ? { shownBy } : {}), reason: `${what} on ${change.service} at ${clock(at)}; ${v.victim.service}, ${where}, went wrong ${minutes(Math.max(0, v.victim.onsetMs - at))} later with no change of its own${sign ? ` (${sign.text})` : ''}${effect}` });
    } else if (ownScore > 0) {
      const sign = firstSignAfter(p, at);
      const asMuch = untested ? `, and the same demand as in the healthy reference now takes ${heavier!.toFixed(1)} times as much of it` : '';
      const shape = memoryLeak ? `; its memory grew from the change on${asMuch}` : heldLeak ? `; what it holds grew from the change on, faster than its demand${asMuch}` : ceiling ? `; it set the ${ceiling} that ran short${lowered ? ` (${lowered.text})` : ''}${asMuch}` : cut ? `; it set ${cut.text}` : sent ? `; it took effect at once: ${sent.text}` : shipped ? `; its own new failures are about what the change touched` : '';
      const shownBy = cut ? cut.work.id : !memoryLeak && !heldLeak && !ceiling ? sent?.id : lowered?.id;
      out.push({ change, kind, score: ownScore, fit: proximity * (fed ? 0.4 : 1), redHerring: false, ...(leak || ceiling || cut ? { shaped: true } : {}), ...(shownBy ? { shownBy } : {}), reason: `${what} on ${change.service} at ${clock(at)}; ${change.service} itself went wrong ${minutes(Math.max(0, lead))} after it${sign ? ` (${sign.text})` : ''}${shape}` });
    } else if (relieved) {
      out.push({ change, kind, score: 0, fit: 0, redHerring: true, reason: `${what} on ${change.service} at ${clock(at)} gave it more of the ${relieved} it ran short of: a response to the shortage, not its cause` });
    } else {
      out.push({ change, kind, score: 0.02 * proximity, fit: 0, redHerring: true, reason: `${what} on ${change.service}: nothing on or around ${change.service} changed behaviour soon after, so it looks unrelated` });
    }
  }
  return competeForVictims(preemptedByOwnChange(out, w.changes.outfitted), profiles, w.changes.outfitted).sort((a, b) => b.score - a.score || a.change.id.localeCompare(b.change.id));
}

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)}Z`;

/** Where a service's trouble starts: down the dependencies that explain it, to one that nothing explains. */
function originOf(service: string, profiles: Map<string, ServiceProfile>): string {
  const seen = new Set<string>([service]);
  let at = service;
  for (let next = profiles.get(at)?.explainedBy; next !== undefined && !seen.has(next); next = profiles.get(at)?.explainedBy) {
    seen.add(next);
    at = next;
  }
  return at;
}

/**
 * One trouble has one likeliest cause. When changes on different services are each
 * read as having broken a neighbour, and those neighbours' trouble starts in the same
 * place (two callers of a shared table; a caller of the service the table's failures
 * then reached), the change that fits best, closest before the trouble, keeps its
 * weight; the others keep a fraction, since the same trouble cannot be explained twice.
 * A neighbour's deploy long before a noisy neighbour's flag is not a second suspect.
 */
function competeForVictims(out: readonly Attribution[], profiles: Map<string, ServiceProfile>, outfitted: number): Attribution[] {
  const best = new Map<string, Attribution>();
  const origin = (a: Attribution) => (a.explains ? originOf(a.explains, profiles) : undefined);
  for (const a of out) {
    const o = origin(a);
    if (o !== undefined && a.score > (best.get(o)?.score ?? 0)) best.set(o, a);
  }
  return out.map((a) => {
    const o = origin(a);
    const winner = o !== undefined ? best.get(o) : undefined;
    if (!winner || winner === a || winner.change.service === a.change.service) return a;
    return { ...a, score: a.score * outfitted, reason: `${a.reason}; but ${winner.change.summary} on ${winner.change.service} fits the trouble in ${o} better` };
  });
}

/** What a change on the failing path came to: blamed when it is the top suspect's, ruled out otherwise. */
export interface ChangeVerdict {
  evidenceId: string;
  service: string;
  verdict: 'blamed' | 'ruled_out';
  reason: string;
}

const MAX_VERDICTS = 10;

/**
 * The changes on the failing path (the services from the root to the alert) and on the
 * neighbours they were read as breaking, each with its verdict: the top suspect's own
 * change is blamed with what changed at it; every other is ruled out with the reason,
 * whether it came after the trouble, explained nothing, or fitted worse than `top`.
 */
export function changeVerdicts(attributions: readonly Attribution[], top: { service: string; kind: RootCauseKind; evidenceIds: readonly string[] } | undefined, failingPath: ReadonlySet<string>): ChangeVerdict[] {
  const out: ChangeVerdict[] = [];
  for (const a of attributions) {
    if (!failingPath.has(a.change.service) && !(a.explains && failingPath.has(a.explains))) continue;
    const blamed = !!top && top.service === a.change.service && top.kind === a.kind && top.evidenceIds.includes(a.change.id);
    const why = a.redHerring ? a.reason : `${a.reason}; ruled out: ${top ? `${top.kind.replace('_', ' ')} in ${top.service} explains the trouble better` : 'no service stood out'}${a.fit > 0 && a.fit < 0.5 ? `, and the trouble began too long after it for it to fit (fit ${a.fit.toFixed(2)})` : ''}`;
    out.push({ evidenceId: a.change.id, service: a.change.service, verdict: blamed ? 'blamed' : 'ruled_out', reason: (blamed ? a.reason : why).slice(0, 500) });
  }
  return out.sort((x, y) => Number(y.verdict === 'blamed') - Number(x.verdict === 'blamed')).slice(0, MAX_VERDICTS);
}
