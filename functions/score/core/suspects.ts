import type { RootCauseKind, Suspect } from '../../contracts/index.js';
import type { Attribution } from './changes.js';
import { burnedByCode, overflowedOnOneInput } from './kinds.js';
import { crashedOut } from './crashed-out.js';
import { dependentsOf, dependentsTrouble } from './dependents.js';
import { growthBlocked } from './blocked.js';
import { failedUnder, failedWithItsHost, feltAsPlatform, platformFeltBy, underPlatformReport } from './felt-platform.js';
import { ranToTheirTimeout } from './timed-out.js';
import { originScore, type ServiceProfile } from './propagation.js';
import { namesMachinesUnder } from './platform.js';
import { CLEAR_STRENGTH, noisyOr, OWN_FAILURES, type Signal, type SignalFamily } from './types.js';
import { lostTogether, LOST_TOGETHER_SHARE } from './unreachable.js';
import { lostTheWayTo } from './lost-the-way.js';
import { WEIGHTS, type FaultKind, type Weights } from './weights.js';

const strongest = (signals: readonly Signal[], families: readonly SignalFamily[]) => Math.max(0, ...signals.filter((s) => families.includes(s.family)).map((s) => s.strength));

/** The families that say a resource ran short. */
const RESOURCE: readonly SignalFamily[] = ['cpu', 'memory', 'saturation', 'runtime_throttle', 'runtime_leak'];

/** How far a resource signal says the service ran short: a rise that stayed well below the series' own limit did not exhaust it. */
const shortness = (s: Signal, w: Weights) => (s.peakShare === undefined ? 1 : Math.min(1, s.peakShare / w.kinds.roomyShare));

/**
 * A kind whose first evidence came this much after another well-supported kind's is more
 * likely its consequence; demand counts as no later than a saturation read within that,
 * or within the step of the series that saw the saturation (a 5-minute CPU average that
 * rose in the bucket starting 16:52 may have risen at 16:56).
 */
const LATER_MS = 60_000;

/**
 * A service that coped with more demand for longer than this before it ran short was not
 * broken by that demand; demand still climbing counts from when it reached most of its
 * rise (`Signal.risenByMs`), since the service never coped with that level until then.
 */
const SURGE_LEAD_MS = 10 * 60_000;

/** Families of point events from the runtime: repeats of one (a crash loop reported every few minutes) are one fact. */
const RUNTIME_FAMILIES: readonly SignalFamily[] = ['runtime_crash', 'runtime_leak', 'runtime_throttle', 'runtime_node', 'runtime_other'];

/**
 * The signals with each runtime event family kept once, at its strongest, and its
 * earliest onset: the same crash loop reported six times is one crash loop, and must not
 * outvote the exception that caused it by sheer repetition.
 */
function onePerEventFamily(signals: readonly Signal[]): Signal[] {
  const kept = new Map<string, Signal>();
  const out: Signal[] = [];
  for (const s of signals) {
    if (!RUNTIME_FAMILIES.includes(s.family)) {
      out.push(s);
      continue;
    }
    const key = `${s.family}/${s.hint ?? ''}`;
    const prev = kept.get(key);
    kept.set(key, !prev ? s : { ...(s.strength > prev.strength ? s : prev), onsetMs: Math.min(s.onsetMs, prev.onsetMs) });
  }
  return [...out, ...kept.values()];
}

/**
 * How well each fault kind explains one service's evidence (0..1 each). A log line,
 * exception or runtime event that names its kind ("too many connections", "OOM")
 * moves its support to that kind. Slower calls into a service whose own CPU and work
 * are fine point at the link (infrastructure), as do calls out of a service that all wait
 * longer unless the service also started failing in its own code or its own CPU and work
 * strained with them (a starved client is slow to every callee); a rise in demand that came no later than
 * the saturation, and not so long before it that the service had coped with it, is a
 * surge (demand that was still climbing when the service ran short counts however long
 * before it began: it never stopped at a level the service coped with), only where the
 * service strained (a resource signal, its own work slower, or its own words saying it ran
 * short: all workers busy, requests queued), since more calls it served without running short
 * are not an incident, nor where its new instances could not start for want of a resource
 * (`growthBlocked`: the shortage blocked the ordinary answer to more demand); the shortage
 * such demand brought on is the surge's consequence,
 * so it speaks for the surge too, in proportion to how clearly demand rose (a herd that
 * pinned a function's concurrency is a surge however modest the rise in calls the
 * throttled function could still count, and calls it turned away at its limit are demand
 * it could not serve: once its calls rose, how clearly they rose is as clear as the
 * refusals that came with them); and a node lost before the saturation, device
 * or network failures the hardware under the service counted (`failedUnder`), or a platform report of
 * what the service runs on (`underPlatformReport`), is the platform (what is left runs
 * short). Errors say what failed, not why: when exhaustion, the
 * platform or demand explain them, a code defect is the less likely reading. And within
 * a service, the kind whose evidence came first is the likelier cause of the rest.
 * A resource that rose but stayed well below its own limit did not run short, so it
 * speaks less for exhaustion; failures of callers that this service explains
 * (`callerFailures`) speak for a defect in it. A CPU that a code path burned at flat
 * demand while requests failed (`burnedByCode`), or memory that one input overflowed
 * (`overflowedOnOneInput`), is the defect's consequence: its evidence is the defect's, it
 * does not explain the failures away, and it counts less as a shortage in its own right;
 * so are its hosts failing their health checks meanwhile (units out of service): the
 * code kept them too busy to answer, the platform under them did not fail; and so are
 * units that went out with its crash-looping processes (`crashedOut`). Failures that
 * began with the loss of the service's own host (`failedWithItsHost`) are the platform's
 * evidence as much as they would have been the code's. The failures of its victims in the
 * platform's words (`feltBy`, from `platformFeltBy`), or its own lines naming callees that
 * stayed healthy (`lostTheWayTo`), two or more services of them, make it the platform as
 * callers naming it would (`feltAsPlatform`).
 */
export function kindSupport(p: ServiceProfile, callerFailures: readonly Signal[] = [], w: Weights = WEIGHTS, feltBy: readonly Signal[] = []): Map<FaultKind, { support: number; ids: string[]; why?: string }> {
  const kw = w.kinds;
  const own = strongest(p.signals, ['cpu', 'self_time', 'runtime_throttle']);
  const failed = strongest(p.signals, ['log_error', 'exception', 'error_origin']);
  const acc = new Map<FaultKind, { parts: number[]; ids: string[]; firstMs: number }>();
  const add = (k: FaultKind, x: number, s: Signal) => {
    const a = acc.get(k) ?? { parts: [], ids: [], firstMs: Infinity };
    a.parts.push(x);
    if (x >= 0.2) a.firstMs = Math.min(a.firstMs, s.onsetMs);
    if (!a.ids.includes(s.evidenceId)) a.ids.push(s.evidenceId);
    acc.set(k, a);
  };
  const shortByDefect = burnedByCode(p.signals) || overflowedOnOneInput(p.signals) || ranToTheirTimeout(p.signals);
  const unitsCrashed = shortByDefect || crashedOut(p.signals, LATER_MS);
  for (const s of onePerEventFamily(p.signals)) {
    if (unitsCrashed && s.family === 'units_lost' && !s.hint) add('code_defect', s.strength, s);
    else if (s.hint && s.hint !== 'code_defect') add(s.hint as FaultKind, s.strength, s);
    else for (const [kind, x] of Object.entries(kw.support[s.family] ?? {})) add(kind as FaultKind, s.strength * x * (s.family === 'inbound_latency' ? 1 - 0.8 * own : s.family === 'outbound_latency' ? (1 - 0.6 * failed) * (1 - 0.8 * own) : kind === 'resource_exhaustion' ? shortness(s, w) : 1), s);
  }
  for (const s of callerFailures) add('code_defect', s.strength * kw.inheritedFailure, s);
  const victimsFeltPlatform = new Set(feltBy.map((s) => s.service)).size >= w.platform.minVictims;
  if (victimsFeltPlatform) for (const s of feltBy) add('infrastructure', s.strength, s);
  const surge = p.signals.filter((s) => s.family === 'traffic_up');
  const resource = p.signals.filter((s) => RESOURCE.includes(s.family) && s.strength >= CLEAR_STRENGTH);
  const saturated = (resource.length > 0 ? resource : p.signals.filter((s) => s.family === 'latency' || s.family === 'errors')).sort((a, b) => a.onsetMs - b.onsetMs)[0];
  const saturationOnset = saturated?.onsetMs ?? Infinity;
  const metSaturation = (s: Signal) => s.onsetMs <= saturationOnset + Math.max(LATER_MS, saturated?.stepMs ?? 0) && ((s.risenByMs ?? s.onsetMs) >= saturationOnset - SURGE_LEAD_MS || s.climbedBefore === true);
  const demandFirst = surge.some(metSaturation) && !growthBlocked(p.signals, saturationOnset + Math.max(LATER_MS, saturated?.stepMs ?? 0));
  const strained = resource.length > 0 || p.signals.some((s) => (s.family === 'self_time' || (s.local && s.hint === 'resource_exhaustion')) && s.strength >= CLEAR_STRENGTH);
  const asPlatform = feltAsPlatform(p.signals, w) || victimsFeltPlatform;
  const platformFirst = p.signals.some((s) => (s.family === 'runtime_node' || failedUnder(s)) && s.onsetMs <= saturationOnset + LATER_MS) || asPlatform || p.signals.some(underPlatformReport);
  const measuredShort = resource.length > 0 || p.signals.some((s) => s.hint === 'resource_exhaustion');
  const raw = new Map([...acc].map(([k, a]) => [k, noisyOr(a.parts)]));
  const platform = acc.get('infrastructure');
  const ownCode = acc.get('code_defect');
  const hostLost = platform && ownCode ? failedWithItsHost(p.signals, measuredShort, LATER_MS) : undefined;
  if (platform && ownCode && hostLost) {
    acc.set('infrastructure', { parts: platform.parts, ids: [...new Set([...platform.ids, ...ownCode.ids])], firstMs: platform.firstMs });
    raw.set('infrastructure', Math.max(raw.get('infrastructure')!, raw.get('code_defect')!));
  }
  const shortage = acc.get('resource_exhaustion');
  if (shortByDefect && shortage) {
    const defect = acc.get('code_defect') ?? { parts: [], ids: [], firstMs: Infinity };
    acc.set('code_defect', { parts: defect.parts, ids: [...new Set([...defect.ids, ...shortage.ids])], firstMs: Math.min(defect.firstMs, shortage.firstMs) });
    raw.set('code_defect', Math.max(raw.get('code_defect') ?? 0, raw.get('resource_exhaustion')!));
  }
  const turnedAway = p.signals.filter((s) => s.refusedCalls && metSaturation(s)).map((s) => s.strength);
  const demand = Math.max(strongest(surge.filter(metSaturation), ['traffic_up']), ...(demandFirst ? turnedAway : []));
  if (demandFirst && strained && !platformFirst && !shortByDefect && shortage) raw.set('traffic_surge', noisyOr([raw.get('traffic_surge') ?? 0, raw.get('resource_exhaustion')! * demand]));
  const explained = Math.max(...(['resource_exhaustion', 'infrastructure', 'traffic_surge'] as const).filter((k) => !(shortByDefect && k === 'resource_exhaustion')).map((k) => raw.get(k) ?? 0));
  const firstStrong = Math.min(...[...acc].filter(([k]) => (raw.get(k) ?? 0) >= 0.5).map(([, a]) => a.firstMs));
  const out = new Map<FaultKind, { support: number; ids: string[]; why?: string }>();
  for (const [kind, a] of acc) {
    let support = raw.get(kind)!;
    if (kind === 'code_defect') support *= 1 - kw.explainedDefect * explained;
    if (kind === 'traffic_surge' && (!demandFirst || !strained || asPlatform)) support *= kw.unstrainedSurge;
    if (kind === 'resource_exhaustion' && (demandFirst || platformFirst || shortByDefect)) support *= kw.causedShortage;
    if (kind === 'resource_exhaustion' && !measuredShort) support *= kw.unmeasuredShortage;
    if (a.firstMs > firstStrong + LATER_MS) support *= kw.laterKind;
    out.set(kind, { support, ids: a.ids, ...(kind === 'infrastructure' && hostLost ? { why: hostLost } : {}) });
  }
  return out;
}

/**
 * A service we only see through its callers (no metrics, logs or spans of its own) is
 * outside the team's control, a third party or managed service, so its failures are
 * dependency failures.
 */
export function isExternal(p: ServiceProfile, observed: ReadonlySet<string>): boolean {
  return !observed.has(p.service);
}

/** The families in which callers show a dependency failing them. */
const SEEN_FAILING: readonly SignalFamily[] = ['error_origin', 'dependency_mention'];

/**
 * Services we do have telemetry of whose own telemetry stayed quiet while their callers
 * saw them fail: every clear signal of theirs comes from what callers recorded about them
 * (client spans, client metrics labelled by peer, error lines naming them), and at least
 * one of those says they failed. A managed store whose capacity and latency metrics sat
 * well within their baseline while every caller's requests to it failed is a dependency
 * that failed, not code of ours; `ownEvidence` says whether an evidence id is the
 * service's own report rather than a caller's view of it.
 */
export function quietThemselves(profiles: ReadonlyMap<string, ServiceProfile>, observed: ReadonlySet<string>, ownEvidence: (service: string, evidenceId: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const p of profiles.values()) {
    if (!observed.has(p.service)) continue;
    const clear = p.signals.filter((s) => s.strength >= CLEAR_STRENGTH);
    if (clear.some((s) => ownEvidence(p.service, s.evidenceId))) continue;
    if (clear.some((s) => SEEN_FAILING.includes(s.family))) out.add(p.service);
  }
  return out;
}

/**
 * A service whose trouble a neighbour's change explains is less likely the origin: its
 * own candidates lose up to half their weight, including an older change of its own
 * that the neighbour's later change pre-empts. Each candidate takes its largest discount.
 */
function discountVictims(out: Candidate[], explained: readonly Attribution[], changed: ReadonlyMap<Candidate, number>): void {
  const factor = new Map<Candidate, number>();
  for (const a of explained) {
    const at = Date.parse(a.change.at);
    for (const c of out) {
      if ((c.service !== a.explains && !a.alsoExplains?.includes(c.service)) || (changed.get(c) ?? -Infinity) > at) continue;
      factor.set(c, Math.min(factor.get(c) ?? 1, 1 - 0.5 * a.score));
    }
  }
  for (const [c, f] of factor) c.raw *= f;
}

/** The own-fit changes with the dependents they broke (`dependentsOf`) as the neighbours they also explain. */
function ownChangeVictims(attributions: readonly Attribution[], profiles: ReadonlyMap<string, ServiceProfile>): Attribution[] {
  return attributions.flatMap((a) => {
    const victims = dependentsOf(a, profiles).map((q) => q.service);
    return victims.length > 0 ? [{ ...a, alsoExplains: victims }] : [];
  });
}

/** A suspect cites at most this many items. */
const MAX_IDS = 8;

/**
 * The ids behind a suspect: those of its kind first, then the service's strongest
 * signal of every evidence class not yet cited, so the proof shows in each class that
 * saw the fault (the lost node and the CPU it left short, the error template and the
 * failing spans).
 */
function withEveryClass(ids: readonly string[], signals: readonly Signal[]): string[] {
  const classOf = (id: string) => id.slice(0, id.lastIndexOf('_'));
  const extra: string[] = [];
  const covered = new Set(ids.slice(0, MAX_IDS - 2).map(classOf));
  for (const s of [...signals].sort((a, b) => b.strength - a.strength || a.evidenceId.localeCompare(b.evidenceId))) {
    if (covered.has(classOf(s.evidenceId))) continue;
    covered.add(classOf(s.evidenceId));
    extra.push(s.evidenceId);
  }
  const head = [...new Set(ids)].slice(0, MAX_IDS - Math.min(extra.length, 3));
  return [...new Set([...head, ...extra])].slice(0, MAX_IDS);
}

/**
 * The failures of callers whose trouble this service explains, when the service burned
 * more CPU of its own: requests that fail upstream because of a service that is doing
 * different work say its code failed them. A service that only got slower to reach
 * gets none: its callers' failures say nothing about its code.
 */
export function failuresPassedUp(service: string, profiles: ReadonlyMap<string, ServiceProfile>): Signal[] {
  if (!profiles.get(service)?.signals.some((s) => s.family === 'cpu' && s.strength >= CLEAR_STRENGTH)) return [];
  return [...profiles.values()].filter((q) => q.explainedBy === service && q.fedBy === undefined).flatMap((q) => q.signals.filter((s) => OWN_FAILURES.includes(s.family) && s.strength >= CLEAR_STRENGTH));
}

export interface Candidate extends Suspect {
  raw: number;
}

const toScore = (raw: number) => 1 - Math.exp(-2 * raw);

/** A suspect's ranking strength from its 0..1 score (the inverse of the mapping the ranking applies), for margins between suspects. */
export const rawOf = (score: number) => -Math.log(Math.max(1e-9, 1 - score)) / 2;

/**
 * Ranks (service, kind) pairs on one scale. A service's weight is its origin score; each
 * kind takes the share its evidence supports, the best kind all of it. A change on the
 * service competes with those kinds: it comes first ("a change that caused the failure
 * comes first") only when it fits the trouble (`Attribution.fit`), not merely because it
 * happened there. A change that broke a neighbour is weighed by that neighbour's trouble,
 * and one that fits its own service also by the dependents it broke (`dependentsTrouble`):
 * their failures are the change's, as a neighbour's are, not a code defect of theirs with
 * no cause in view.
 * Dependencies seen only through callers that lost the way to several of them at once
 * (`lostTogether`) keep part of their weight: the way failed, not each of them.
 * A platform report that puts the fault in machines, a zone or power is the
 * infrastructure under us only for a piece our services do not call and see fail: a
 * provider's database or API seen only through its callers, whose calls into it failed,
 * is the dependency that failed them, whatever failed inside its provider.
 */
export function rankSuspects(profiles: Map<string, ServiceProfile>, attributions: readonly Attribution[], observed: ReadonlySet<string>, quiet: ReadonlySet<string> = new Set(), impaired: ReadonlyMap<string, string> = new Map(), w: Weights = WEIGHTS, codeless: ReadonlySet<string> = new Set()): Candidate[] {
  const out: Candidate[] = [];
  const cutOff = lostTogether(profiles, observed, w);
  for (const p of profiles.values()) {
    const lostWith = cutOff.get(p.service);
    const base = originScore(p, w) * (lostWith ? LOST_TOGETHER_SHARE : 1);
    if (base <= 0.02) continue;
    const passedUp = failuresPassedUp(p.service, profiles);
    const support = kindSupport(p, passedUp, w, [...platformFeltBy(p.service, profiles), ...lostTheWayTo(p.service, profiles)]);
    const best = Math.max(0.05, ...[...support.values()].map((s) => s.support));
    const external = isExternal(p, observed);
    const failedCallers = external || quiet.has(p.service) || impaired.has(p.service);
    const machinesDown = p.signals.some((s) => underPlatformReport(s) && namesMachinesUnder(s.raw ?? s.text)) && !(external && p.signals.some((s) => SEEN_FAILING.includes(s.family) && s.strength >= CLEAR_STRENGTH));
    const reasons = [...p.signals].sort((a, b) => b.strength - a.strength).slice(0, 4).map((s) => s.text);
    if (p.explainedBy) reasons.push(`partly explained by ${p.explainedBy}, which it calls`);
    if (lostWith) reasons.unshift(`${p.service}'s callers could not reach it (no route to it, or no certificate it could trust), nor ${lostWith - 1} other dependencies in the same minutes: the way to them failed, not each of them`);
    if (passedUp.length > 0) reasons.push(`its callers' failures trace to it (${[...new Set(passedUp.map((s) => s.service))].join(', ')})`);
    const kinds: [FaultKind, { support: number; ids: readonly string[]; why?: string }][] = support.size > 0 ? [...support.entries()] : [['code_defect', { support: best, ids: p.signals.map((s) => s.evidenceId) }]];
    for (const [kind, { support: sup, ids, why }] of kinds) {
      const raw = base * (sup / best);
      if (raw < 0.02) continue;
      const managed = codeless.has(p.service) && kind === 'code_defect';
      const k: RootCauseKind = (failedCallers && kind !== 'traffic_surge' && !(kind === 'infrastructure' && machinesDown)) || managed ? 'dependency_failure' : kind;
      const existing = out.find((c) => c.service === p.service && c.kind === k);
      if (existing) {
        existing.raw = Math.max(existing.raw, raw);
        continue;
      }
      out.push({ service: p.service, kind: k, raw, score: 0, evidenceIds: withEveryClass(ids, p.signals), reasons: external ? [`${p.service} is seen only through its callers: a dependency outside our telemetry`, ...reasons] : impaired.has(p.service) ? [`the platform itself reports ${p.service} impaired (${impaired.get(p.service)}): a failing dependency, not code of ours`, ...reasons] : failedCallers ? [`${p.service}'s own telemetry stayed within its baseline while its callers saw it fail: a failing dependency`, ...reasons] : managed ? [`${p.service} runs no code we see (only its own metrics, reached through its callers' client spans): a managed dependency failing, not a defect of ours`, ...reasons] : why ? [why, ...reasons] : reasons });
    }
  }
  const changed = new Map<Candidate, number>();
  const explained: Attribution[] = [];
  for (const a of attributions) {
    if (a.redHerring || a.score < 0.1) continue;
    const p = profiles.get(a.change.service);
    const victim = a.explains ? profiles.get(a.explains) : undefined;
    const base = p ? originScore(p, w) : 0;
    const raw = victim ? base + w.changes.victimChange * a.score + 0.5 * a.score * originScore(victim, w) : base * (w.changes.fitPivot + a.fit) + dependentsTrouble(a, profiles, w);
    if (victim) explained.push(a);
    const ids = [a.change.id, ...(a.shownBy ? [a.shownBy] : []), ...(victim ? [...victim.signals].sort((x, y) => y.strength - x.strength).slice(0, 3).map((s) => s.evidenceId) : []), ...(p ? [...p.signals].sort((x, y) => y.strength - x.strength).map((s) => s.evidenceId) : [])];
    const candidate: Candidate = { service: a.change.service, kind: a.kind, raw, score: 0, evidenceIds: withEveryClass(ids, p?.signals ?? []), reasons: [a.reason, ...(p ? p.signals.slice(0, 3).map((s) => s.text) : [])] };
    changed.set(candidate, Date.parse(a.change.at));
    out.push(candidate);
  }
  discountVictims(out, [...explained, ...ownChangeVictims(attributions, profiles)], changed);
  out.sort((a, b) => b.raw - a.raw || a.service.localeCompare(b.service) || a.kind.localeCompare(b.kind));
  const seen = new Set<string>();
  return out
    .filter((c) => (seen.has(`${c.service}/${c.kind}`) ? false : (seen.add(`${c.service}/${c.kind}`), true)))
    .slice(0, 10)
    .map((c) => ({ ...c, score: Number(toScore(c.raw).toFixed(3)), reasons: c.reasons.map((r) => r.slice(0, 500)).slice(0, 20) }));
}

/** Trouble that began this long after the paged service's own cannot be what it was paged for: slow trouble (a leak's climb, a 5-minute series) is timed to within tens of minutes, not an hour. */
const LATE_FOR_PAGE_MS = 60 * 60_000;

/**
 * The ranking with suspects whose own trouble began well after the paged service's
 * weighed down by half: what was paged had been failing for that long already, so
 * something that went wrong later (a deploy and the restarts it brought, hours into an
 * alert that keeps firing) can be a consequence or a second trouble, not its cause. The
 * earliest anomaly on the path keeps its weight. Nothing changes when the paged service
 * shows no trouble of its own.
 */
export function laterThanThePage(ranked: readonly Candidate[], profiles: ReadonlyMap<string, ServiceProfile>, paged: string | undefined): Candidate[] {
  const pagedAt = paged ? profiles.get(paged)?.onsetMs : undefined;
  if (pagedAt === undefined) return [...ranked];
  return ranked
    .map((c) => {
      const at = profiles.get(c.service)?.onsetMs;
      if (at === undefined || at <= pagedAt + LATE_FOR_PAGE_MS) return c;
      const raw = c.raw * 0.5;
      return { ...c, raw, score: Number(toScore(raw).toFixed(3)), reasons: [...c.reasons, `its trouble began ${Math.round((at - pagedAt) / 60_000)} min after ${paged}'s, which was paged`].slice(0, 20) };
    })
    .sort((a, b) => b.raw - a.raw || a.service.localeCompare(b.service) || a.kind.localeCompare(b.kind));
}
