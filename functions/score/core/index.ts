import type { IncidentSignal, ProviderOutcome, ProviderResult, ScoredEvidence, Suspect } from '../../contracts/index.js';
import { abandonedCallSignals } from './abandoned.js';
import { peerAliases, withAliases } from './aliases.js';
import { recommendAction } from './actions.js';
import { attributeChanges, changeVerdicts, type Attribution } from './changes.js';
import { CALIBRATION, confidenceOf } from './confidence.js';
import { buildDigest, DIGEST_TOKEN_BUDGET } from './digest.js';
import { eventSignals } from './events.js';
import { edgeGaps, weighGaps } from './gaps.js';
import { hostLinks } from './hosts.js';
import { identify } from './ids.js';
import { demandMeasured, inflowSignals, multipliedCallSignals } from './inflow.js';
import { logSignals, mentionSignals } from './logs.js';
import { measuredCalls, mergeCalls } from './measured-calls.js';
import { metricFamily, metricSignals } from './metrics.js';
import { attributeLinks } from './links.js';
import { mergeGraph, ONSET_TOLERANCE_MS, originScore, profileServices, type ServiceProfile } from './propagation.js';
import { ONSET_LOOKBACK_MS } from './onset.js';
import { clearedByHealthyCallers, failingCallSignals, packetCounters, passedThroughLinks, reachedThroughNetwork, servingNoRequests, sharedFacilityLinks, sharedNamedCalleeSignals, sharedNetworkLinks, withoutClearedViews } from './pieces.js';
import { rivalExplains } from './rivals.js';
import { clearedOfUnsharedVictims, servedOthers, withoutUnsharedViews } from './served-others.js';
import { spilledLinks } from './spilled.js';
import { namedPathLinks } from './named-path.js';
import { staleAsSymptom } from './stale-input.js';
import { laterThanThePage, quietThemselves, rankSuspects } from './suspects.js';
import { causalPath } from './path.js';
import { patternBreakSignals } from './patterns.js';
import { peerSeriesSignals } from './peers.js';
import { sharedDependencySignals, sharedFrontLinks } from './shared.js';
import { platformEventSignals, platformLinks, reportedImpaired } from './platform.js';
import { buildTimeline } from './timeline.js';
import { exemplarsOf, traceSignals, tracedCalls } from './traces.js';
import type { Evidence, Frame, Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';
import { withWitness } from './witness.js';
import { withScalerResponse } from './scaled-for-load.js';
import { investigationWindow } from '../../load-tenant/plans.js';

export interface ScoreInput {
  signal: IncidentSignal;
  topology: Record<string, string[]>;
  results: readonly ProviderResult[];
}

const DEFAULT_STEP_MS = 30_000;

function outcomes(results: readonly ProviderResult[]): ProviderOutcome[] {
  return results.map((r) => ({
    planId: r.planId,
    evidenceClass: r.evidenceClass,
    backend: r.backend,
    status: r.status,
    query: r.query,
    itemCount: r.items.length,
    durationMs: r.durationMs,
    notes: r.notes,
    ...(r.status === 'error' ? { error: r.error } : {}),
  }));
}

/** Stamps each signal with the grid step of the evidence that timed it, so every tolerance can follow that resolution. */
function withResolution(signals: Signal[], evidence: readonly { id: string; class: string }[]): Signal[] {
  const steps = new Map(evidence.flatMap((e) => ('stepMs' in e && typeof e.stepMs === 'number' ? [[e.id, e.stepMs] as const] : [])));
  return signals.map((s) => (steps.has(s.evidenceId) ? { ...s, stepMs: steps.get(s.evidenceId)! } : s));
}

/**
 * A series a caller reports about its calls into a peer (client metrics labelled by peer:
 * a caller label, and no reporter or the source side as reporter): it is the caller's
 * view of that peer, not the peer's own telemetry.
 */
export const callersView = (m: { labels: Record<string, string> }) => m.labels.caller !== undefined && (m.labels.reporter === undefined || /^(source|client)$/i.test(m.labels.reporter));

/**
 * Services with telemetry of their own: anything a metric, log line, span or event was
 * recorded for, except what only their callers reported about them (client spans and
 * client metrics labelled by peer): those are positive evidence of a dependency we do not
 * run.
 */
export function observedServices(results: readonly ProviderResult[]): Set<string> {
  const seen = new Set<string>();
  for (const r of results) {
    for (const item of r.items) {
      if ((item.class === 'metrics' && !callersView(item)) || item.class === 'logs' || item.class === 'runtime' || (item.class === 'traces' && item.kind === 'service_stats' && !item.seenOnlyByCallers)) seen.add(item.service);
    }
  }
  return seen;
}

/**
 * How far before the notification an onset may lie: the usual look-back, or, for a
 * notification that came more than a look-back after the alert began (a repeat, an
 * escalation of an alert that has fired for hours), back to a look-back before the
 * alert's own start, when the trouble it is about began.
 */
export function lookbackFor(alertAtMs: number, startedAtMs: number): number {
  const age = alertAtMs - startedAtMs;
  return age > ONSET_LOOKBACK_MS ? age + ONSET_LOOKBACK_MS : ONSET_LOOKBACK_MS;
}

/**
 * Services whose only telemetry of their own is metrics (no log line, exception, runtime
 * event or span of theirs) and that callers' client spans reach as a peer: a managed
 * store or service, a component that runs no code we see, whose platform metrics its
 * provider reports (a search domain's cluster status, a table's throttles). Its failures
 * are a dependency failing, never a defect in our code; what its own metrics say ran
 * short or broke underneath still speaks for itself.
 */
export function runningNoCodeOfOurs(evidence: readonly Evidence[]): Set<string> {
  const metered = new Set<string>();
  const coded = new Set<string>();
  const reached = new Set<string>();
  for (const e of evidence) {
    if (e.class === 'metrics' && !callersView(e)) metered.add(e.service);
    else if (e.class === 'logs' || e.class === 'exceptions' || e.class === 'runtime') coded.add(e.service);
    else if (e.class === 'traces' && e.kind === 'service_stats') (e.seenOnlyByCallers ? reached : coded).add(e.service);
  }
  return new Set([...metered].filter((s) => reached.has(s) && !coded.has(s)));
}

/** Whether an evidence id is a service's own report, not what its callers recorded about it. */
function ownEvidenceOf(evidence: readonly Evidence[]): (service: string, evidenceId: string) => boolean {
  const own = new Set(evidence.flatMap((e) => ('service' in e && !((e.class === 'metrics' && callersView(e)) || (e.class === 'traces' && e.kind === 'service_stats' && e.seenOnlyByCallers)) ? [`${e.service}\u0000${e.id}`] : [])));
  return (service, evidenceId) => own.has(`${service}\u0000${evidenceId}`);
}

/**
 * Services whose failures the evidence could show: those with an error or failure
 * series, with log lines of their own, or with spans, where spans carry an error status
 * at all (some span or reference span failed). A dataset whose spans never record a
 * status cannot say that a service's calls succeeded.
 */
export function servicesThatCanFail(evidence: readonly Evidence[]): Set<string> {
  const spansCarryStatus = evidence.some((e) => e.class === 'traces' && e.kind === 'service_stats' && (e.errorOrigins.some((n) => n > 0) || (e.reference?.errorRate ?? 0) > 0));
  const out = new Set<string>();
  for (const e of evidence) {
    if (e.class === 'logs' || e.class === 'exceptions' || (e.class === 'metrics' && metricFamily(e.name, e.unit, e.labels) === 'errors') || (spansCarryStatus && e.class === 'traces' && e.kind === 'service_stats')) out.add(e.service);
  }
  return out;
}

/** The ranking and what it was made from: everything the verdict, and its confidence, are read from. */
export interface Ranking {
  evidence: Evidence[];
  frame: Frame;
  graph: Map<string, Set<string>>;
  signals: Signal[];
  profiles: Map<string, ServiceProfile>;
  attributions: Attribution[];
  suspects: Suspect[];
  /** The kept traces, which the suspects cite as witnesses and the digest keeps one of. */
  exemplars: ReturnType<typeof exemplarsOf>;
}

/**
 * A peer that callers' spans name by an address of a service they call is that service
 * (`aliases.ts`). Every item gets a stable id; every series, log pattern, service's spans and event
 * becomes signals with an onset (a line saying the data a service serves is old is a
 * symptom of its producer's delay, `staleAsSymptom`); signals are grouped by service and followed down the
 * call graph (topology merged with traced calls, off-graph platform whose trouble the
 * failures of several services name, a front we cannot see whose every callee failed at
 * once, and a piece that failed its own way in front of a dependency we only see
 * through it, a sibling whose demand a short cache spilled onto it, `spilledLinks`, and a
 * piece a service's own lines name as where its calls got no answer, `namedPathLinks`)
 * to the earliest, deepest anomalous service (a callee named in a caller's error lines,
 * or by the peer label of a caller's client series, is blamed by them), a caller's
 * unnamed errors put on the one callee it shares with a failing sibling that names it,
 * and demand a caller that forwards everything counted carried to its callee; changes are
 * attributed by time and fit; suspects are ranked by service and kind (a platform piece
 * whose tenants' trouble reached it is the platform under them, never a quiet dependency, however
 * little of its own it reported; a callee that served a failing caller's siblings, measured
 * the same way, is cleared of that caller's trouble, `servedOthers`), and those whose
 * trouble began long after the paged service's weigh less; each cites the kept trace whose
 * failure began in it (`withWitness`), and a surge its autoscaler's response (`withScalerResponse`).
 * Split from {@link scoreInvestigation} so a bench can rank once and weigh the
 * confidence many times (`bench/calibration.ts`).
 */
export function rankInvestigation(raw: ScoreInput, w: Weights = WEIGHTS): Ranking {
  const input = { ...raw, results: withAliases(raw.results, peerAliases(raw.results, raw.topology)) };
  const evidence = identify(input.results);
  const stepMs = Math.min(DEFAULT_STEP_MS, ...evidence.filter((e) => 'stepMs' in e).map((e) => (e as { stepMs: number }).stepMs));
  // The moment the plans split baseline from incident: the alert's own start when it has fired longer than a window reaches.
  const alertAtMs = Date.parse(investigationWindow(input.signal).alertAt);
  const changeWindows = input.results.filter((r) => r.evidenceClass === 'changes').map((r) => Date.parse(r.query.window.from));
  const frame: Frame = { alertAtMs, stepMs, lookbackMs: lookbackFor(alertAtMs, Date.parse(input.signal.startedAt)), ...(changeWindows.length > 0 ? { changesFromMs: Math.min(...changeWindows) } : {}) };
  const tolerance = Math.max(2 * stepMs, ONSET_TOLERANCE_MS);
  const traced = tracedCalls(evidence);
  const ownEvidence = ownEvidenceOf(evidence);
  const called = mergeGraph(input.topology, traced);
  const direct: Signal[] = staleAsSymptom(withResolution(weighGaps([...edgeGaps(metricSignals(evidence, frame, w), evidence, w), ...logSignals(evidence, frame, w), ...traceSignals(evidence, frame, w), ...patternBreakSignals(evidence, frame, w), ...eventSignals(evidence, frame, w)], w), evidence));
  const observed = observedServices(input.results);
  const platform = platformLinks(direct, called, tolerance, w, observed);
  const reported = platformEventSignals(evidence, direct, called, w, observed);
  const front = sharedFrontLinks(direct, called, observed, w);
  const hosts = hostLinks(evidence, direct, called, observed);
  const network = sharedNetworkLinks(direct, called, packetCounters(evidence), tolerance, w);
  const facility = sharedFacilityLinks(direct, called, servingNoRequests(evidence), tolerance, w);
  const graph = mergeGraph(input.topology, traced, platform.edges, reported.edges, front.edges, hosts.edges, network.edges, facility.edges, passedThroughLinks(direct, called, observed, tolerance), spilledLinks(direct, called, demandMeasured(evidence)), namedPathLinks(direct, called));
  const mentions = [...mentionSignals(direct, graph, observed), ...peerSeriesSignals(evidence, direct, graph, observed)];
  const named = [...direct, ...mentions, ...failingCallSignals(direct, graph)];
  const linked = attributeLinks(
    [...named.map((s) => (network.moved.has(s) || facility.moved.has(s) ? { ...s, local: false } : s)), ...sharedNamedCalleeSignals(named, graph, tolerance), ...inflowSignals(direct, graph, demandMeasured(evidence)), ...multipliedCallSignals(direct, graph, demandMeasured(evidence), tolerance), ...platform.signals, ...sharedDependencySignals(direct, graph, observed, w, new Set(Object.keys(hosts.edges))), ...front.signals, ...hosts.signals, ...network.signals, ...facility.signals, ...abandonedCallSignals(evidence, graph, [...direct, ...mentions], frame, w), ...reported.signals],
    graph,
    tolerance,
    w,
  );
  const served = servedOthers(evidence, linked, graph);
  const lostOnTheWay = network.piece ? reachedThroughNetwork(linked, graph, new Set([...network.moved].map((s) => s.service)), network.piece, observed, ownEvidence) : new Map<string, string>();
  const signals = withoutClearedViews(withoutUnsharedViews(linked, served), new Map([...clearedByHealthyCallers(linked, mergeCalls(traced, measuredCalls(evidence, called)), observed), ...lostOnTheWay]), ownEvidence);
  const profiles = profileServices(signals, graph, frame, servicesThatCanFail(evidence), w);
  const anomalous = [...profiles.values()].filter((p) => originScore(p, w) >= 0.15);
  const first = [...anomalous].sort((a, b) => a.onsetMs - b.onsetMs)[0];
  const incidentOnset = first ? { ms: first.onsetMs, stepMs: first.onsetStepMs } : { ms: frame.alertAtMs, stepMs: 0 };
  const lostTogether: Record<string, string[]> = {};
  for (const [piece, moved] of [[facility.signals[0]?.service, facility.moved], [network.piece, network.moved]] as const) {
    if (piece) for (const service of new Set([...moved].map((s) => s.service))) (lostTogether[service] ??= []).push(piece);
  }
  const attributions = clearedOfUnsharedVictims(attributeChanges(evidence, profiles, graph, frame, incidentOnset, observed, w, lostTogether), served);
  const pieces = new Set([...Object.values(platform.edges), ...Object.values(hosts.edges), ...Object.values(network.edges), ...Object.values(facility.edges)].flat().concat([...network.signals, ...facility.signals].map((s) => s.service)));
  const quiet = new Set([...quietThemselves(profiles, observed, ownEvidence)].filter((s) => !pieces.has(s)));
  // A platform seen through the hosts of ours it lost is not a dependency outside our telemetry.
  const ranked = laterThanThePage(rankSuspects(profiles, attributions, new Set([...observed, ...platform.units]), quiet, reportedImpaired(signals), w, runningNoCodeOfOurs(evidence)), profiles, input.signal.service);
  const exemplars = exemplarsOf(evidence);
  const suspects = ranked.map(({ raw: _raw, ...s }) => withWitness(withScalerResponse(s, evidence), exemplars));
  return { evidence, frame, graph, signals, profiles, attributions, suspects, exemplars };
}

/**
 * The deterministic verdict on an investigation. Pure: the same input always gives the
 * same output. The suspects are ranked ({@link rankInvestigation}), their confidence
 * weighed, and a bounded digest keeps the evidence behind them.
 * Linear in the number of items (each is read a fixed number of times). `w` is for the
 * weight search (`bench/tune-weights.ts`); production scores with the defaults.
 */
export function scoreInvestigation(input: ScoreInput, w: Weights = WEIGHTS): ScoredEvidence {
  const { evidence, frame, graph, signals, profiles, attributions, suspects, exemplars } = rankInvestigation(input, w);
  const top = suspects[0];
  const { confidence } = confidenceOf(suspects, input.results, top ? (profiles.get(top.service)?.signals ?? []) : [], CALIBRATION, rivalExplains(top, profiles, graph, attributions));
  const recommendedAction = recommendAction(top, signals, { evidence, graph });
  const timeline = buildTimeline(signals, attributions, suspects);
  const path = causalPath(top, input.signal.service, profiles, graph, attributions, frame.alertAtMs);
  const failingPath = new Set([...(top ? [top.service] : []), ...path.map((p) => p.service), ...(input.signal.service ? [input.signal.service] : [])]);
  const verdicts = changeVerdicts(attributions, top, failingPath);
  const representative = top ? (exemplars.find((e) => e.error && e.spans.some((s) => s.service === top.service)) ?? exemplars.find((e) => e.spans.some((s) => s.service === top.service))) : exemplars[0];
  const must = [...new Set([...path.map((p) => p.evidenceId), ...verdicts.map((v) => v.evidenceId), ...suspects.slice(0, 3).flatMap((s) => s.evidenceIds), ...recommendedAction.evidenceIds, ...(representative ? [representative.id] : [])])];
  const wanted = [...timeline.map((t) => t.evidenceId), ...[...signals].sort((a, b) => b.strength - a.strength).map((s) => s.evidenceId), ...suspects.flatMap((s) => s.evidenceIds)];
  const digest = buildDigest(evidence, must, wanted);
  const topProfile = top ? profiles.get(top.service) : undefined;
  return {
    ...(topProfile ? { onsetAt: new Date(topProfile.onsetMs).toISOString() } : {}),
    suspects,
    confidence,
    timeline,
    causalPath: path,
    ...(verdicts.length > 0 ? { changes: verdicts } : {}),
    evidence: digest.evidence,
    ...(representative ? { representativeTraceId: representative.traceId } : {}),
    recommendedAction,
    providers: outcomes(input.results),
    digest: { tokenBudget: DIGEST_TOKEN_BUDGET, estimatedTokens: digest.estimatedTokens, itemsOmitted: digest.itemsOmitted },
  };
}
