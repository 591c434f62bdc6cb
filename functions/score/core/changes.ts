import type { ChangeEvent, RootCauseKind } from '../../contracts/index.js';
import { downstream, originScore, type ServiceProfile } from './propagation.js';
import type { Evidence, Frame } from './types.js';

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
  redHerring: boolean;
  reason: string;
  /** The anomalous caller or callee whose trouble this change explains. */
  explains?: string;
}

/** A change this long before onset still gets half its weight. */
const HALF_LIFE_MS = 30 * 60_000;
/** A leak takes hours to fill memory: a deploy that shipped it keeps half its weight this long. */
const LEAK_HALF_LIFE_MS = 12 * 60 * 60_000;
/** A service that broke this long after a change elsewhere is too late to be explained by it. */
const VICTIM_WINDOW_MS = 20 * 60_000;

const minutes = (ms: number) => (ms >= 120 * 60_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`);
const decay = (leadMs: number, halfLifeMs = HALF_LIFE_MS) => Math.pow(0.5, Math.max(0, leadMs) / halfLifeMs);

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

/** A service whose own evidence is a leak: memory that climbed or OOM kills. */
const leaking = (p: ServiceProfile | undefined) => !!p && p.signals.some((s) => s.family === 'runtime_leak' || (s.family === 'memory' && s.strength >= 0.3));

/** A service whose own traffic rose before the rest of its trouble: demand explains it, not what it calls. */
const demandLed = (p: ServiceProfile) => p.signals.some((s) => s.family === 'traffic_up' && s.strength >= 0.5 && s.onsetMs <= p.onsetMs);

/**
 * The anomalous service whose trouble a change to `service` best explains, with no
 * change of its own closer in time: a caller that broke right after a change under it
 * (a contract, a token format) unless its own demand rose first, or a callee that broke right after its caller changed
 * what or how much it sends (a flag that triples calls, bad output fed downstream).
 * A third party seen only through its callers is nobody's victim: its outage is its own.
 */
function victimOf(service: string, at: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, stepMs: number, changedAt: Map<string, number>, observed: ReadonlySet<string>): { victim: ServiceProfile; weight: number } | undefined {
  const below = downstream(graph, service);
  let best: { victim: ServiceProfile; weight: number } | undefined;
  for (const p of profiles.values()) {
    if (p.service === service || originScore(p) < 0.3 || !observed.has(p.service)) continue;
    const callee = below.has(p.service);
    if (!callee && (!downstream(graph, p.service).has(service) || demandLed(p))) continue;
    const lead = p.onsetMs - at;
    if (lead < -stepMs || lead > VICTIM_WINDOW_MS) continue;
    const own = changedAt.get(p.service);
    if (own !== undefined && own <= p.onsetMs + stepMs && own > at) continue;
    const weight = decay(lead) * Math.min(1, originScore(p) / 0.6) * (callee ? 0.8 : 0.7 * p.rootness);
    if (!best || weight > best.weight) best = { victim: p, weight };
  }
  return best;
}

/**
 * Scores every change against the trouble it might explain. Proximity decays with the
 * time between the change and the onset of its service (or the incident's onset when
 * the service itself shows nothing), slowly for a leak; fit is high when the changed
 * service is itself anomalous and not explained by a dependency. A change can also
 * explain a neighbour that broke right after it with no change of its own. A change
 * after onset cannot be the cause, nor can capacity an autoscaler added.
 */
export function attributeChanges(items: readonly Evidence[], profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, frame: Frame, incidentOnsetMs: number, observed: ReadonlySet<string>): Attribution[] {
  const out: Attribution[] = [];
  const changes = items.filter((i): i is ChangeEvent & { id: string } => i.class === 'changes');
  const changedAt = new Map<string, number>();
  for (const c of changes) if (!addsCapacity(c)) changedAt.set(c.service, Math.max(changedAt.get(c.service) ?? -Infinity, Date.parse(c.at)));
  for (const change of changes) {
    const kind = CHANGE_KIND[change.kind];
    const at = Date.parse(change.at);
    const p = profiles.get(change.service);
    const own = p ? p.local + 0.3 * p.symptom : 0;
    const onset = p && own >= 0.15 ? p.onsetMs : incidentOnsetMs;
    const lead = onset - at;
    if (addsCapacity(change)) {
      out.push({ change, kind, score: 0, redHerring: true, reason: `${change.summary} on ${change.service} added capacity in response to load; it cannot have caused it` });
      continue;
    }
    if (lead < -frame.stepMs) {
      out.push({ change, kind, score: 0, redHerring: true, reason: `${change.summary} on ${change.service} came ${minutes(-lead)} after the trouble started, so it cannot have caused it` });
      continue;
    }
    const proximity = decay(lead, kind === 'deployment' && leaking(p) ? LEAK_HALF_LIFE_MS : HALF_LIFE_MS);
    const ownScore = p && own >= 0.15 ? proximity * (0.6 + 0.4 * Math.min(1, own / 0.6)) * (0.5 + 0.5 * p.rootness) * (p.fedBy ? 0.4 : 1) : 0;
    const v = victimOf(change.service, at, profiles, graph, frame.stepMs, changedAt, observed);
    if (v && v.weight > ownScore) {
      const where = downstream(graph, change.service).has(v.victim.service) ? 'which it calls' : 'which depends on it';
      out.push({ change, kind, score: v.weight, redHerring: false, explains: v.victim.service, reason: `${change.summary} on ${change.service}; ${v.victim.service}, ${where}, went wrong ${minutes(Math.max(0, v.victim.onsetMs - at))} later with no change of its own` });
    } else if (ownScore > 0) {
      out.push({ change, kind, score: ownScore, redHerring: false, reason: `${change.summary} on ${change.service}; ${change.service} itself went wrong ${minutes(Math.max(0, lead))} after it` });
    } else {
      out.push({ change, kind, score: 0.02 * proximity, redHerring: true, reason: `${change.summary} on ${change.service}: nothing on or around ${change.service} changed behaviour soon after, so it looks unrelated` });
    }
  }
  return competeForVictims(out, profiles).sort((a, b) => b.score - a.score || a.change.id.localeCompare(b.change.id));
}

/** What is left of a change's weight when another service's change explains the same neighbour better. */
const OUTFITTED = 0.3;

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
function competeForVictims(out: readonly Attribution[], profiles: Map<string, ServiceProfile>): Attribution[] {
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
    return { ...a, score: a.score * OUTFITTED, reason: `${a.reason}; but ${winner.change.summary} on ${winner.change.service} fits the trouble in ${o} better` };
  });
}
