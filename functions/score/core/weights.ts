import type { RootCauseKind, RuntimeEvent } from '../../contracts/index.js';
import type { SignalFamily } from './types.js';

/** The fault kinds a service's own evidence can speak for (changes speak for themselves). */
export type FaultKind = Exclude<RootCauseKind, 'deployment' | 'config_change' | 'feature_flag'>;

/**
 * The named numbers that shape the ranking, in one place, so that they can be chosen by
 * measurement (`bench/tune-weights.ts`: leave-one-suite-out over the evaluation suites)
 * rather than one at a time by reading misses. Output caps (how many ids, entries or
 * digest items are kept) are not weights and stay where they are used, as do the
 * confidence factors, which never reorder suspects. About twenty unnamed factors inside
 * single strength formulas (a log change's likelihood ratio over 30, a vanished
 * template's strength at 0.6 of it…) are still written where they are computed, so the
 * search does not reach them.
 */
export interface Weights {
  /** When a series broke away from its own baseline (`onset.ts`). */
  onset: {
    /** Robust z a step must reach to be anomalous: 4 keeps ordinary jitter of a steady series out. */
    minZ: number;
    /** Cap on the z of a step, so that one huge spike does not outweigh a clean shift. */
    maxZ: number;
    /** Points before the look-back needed for a baseline of its own; fewer and the first half of the series is the baseline. */
    minBaselinePoints: number;
    /** An onset whose steps stay anomalous less often than this, when a later one holds throughout, is an earlier blip. */
    settled: number;
    /** A series whose last this many points are all back within its baseline has recovered. */
    recoveredPoints: number;
    /** A point within this share of the episode's median excursion from the baseline counts as back within it. */
    returned: number;
  };
  /** Metric series (`metrics.ts`). */
  metrics: {
    /** The share of its limit at which a resource counts as full. */
    atCapacity: number;
    /** How far, in the reference's robust units, a level must stray from the reference median to be unusual. */
    referenceZ: number;
    /** A reference of fewer points says too little about normal to overrule the window. */
    minReferencePoints: number;
    /** A series with fewer points than this in its window cannot hold a baseline of its own (a 5-minute CloudWatch metric). */
    sparsePoints: number;
    /** A series whose last this many points up to the alert sit inside its reference's normal range has recovered (`backToReference`). */
    backToReferencePoints: number;
    /** A series that gave back all but this share of its excursion from the reference median came back from it (`lastDeparture`). */
    returnedShare: number;
  };
  /** Log templates (`logs.ts`). */
  logs: {
    /** The likelihood ratio a template's rate change must reach to be news. */
    llrMin: number;
    /** Steps a service must have logged without a template for it to count as never seen: one, as a capture may start just before the fault. */
    novelBaselineSteps: number;
    /** How many times its reference rate a known template must reach to be news. */
    aboveReference: number;
  };
  /** Span latencies (`traces.ts`). */
  traces: {
    /** The smallest rise of a per-step p90 that counts as a shift. */
    minRatio: number;
    /** Baseline steps that let a `minRatio` shift count; fewer ask for a proportionally larger one. */
    fullBaselineSteps: number;
    /** A latency this many times its reference P95 is beyond anything the healthy period saw. */
    beyondReference: number;
    /** Below this, a reference quantile is rounding noise. */
    referenceFloorMs: number;
    /** Sampled spans from the onset of a wait on calls into a service for it to count in full; fewer count in proportion. */
    fullSpans: number;
    /** For a service with no reference of its own, a wait this many times the P95 of what its callers waited on their other callees is its link's, not how the service always is. */
    beyondPeers: number;
  };
  /** Where traces' expected call patterns broke (`patterns.ts`). */
  patterns: {
    /** The log-likelihood ratio at which a rise of broken traces is as sure as the evidence allows. */
    fullLlr: number;
    /** The share of a service's traces broken after the rise that counts in full: a fault in its code breaks most of them, a rare branch or a few timeouts a handful. */
    fullShare: number;
  };
  /** Calls a service stopped making, read from its sole callees' request rates (`abandoned.ts`). */
  abandoned: {
    /** A step whose rate fell below this share of the rate before it counts as stopped. */
    dropShare: number;
    /** The Poisson log-likelihood ratio (calls due against calls counted) at which the stop is as sure as the evidence allows. */
    fullLlr: number;
  };
  /** Point events (`events.ts`). */
  events: {
    /** How strongly each runtime event says something happened to its service: an OOM kill is near-certain, a failed health check vague. */
    runtime: Record<RuntimeEvent['kind'], number>;
    /** Another alert firing is a symptom: weak on its own. */
    relatedAlert: number;
  };
  /** Grouping per service and following the call graph (`propagation.ts`). */
  propagation: {
    /** How much one signal of a family says about its own service being the origin: a failure that starts in a service's spans says most, a louder log line least. */
    family: Record<SignalFamily, number>;
    /** Signals weaker than this are noise for ranking, though they stay in the digest. */
    minStrength: number;
    /** Symptoms count this much next to local evidence. */
    symptomShare: number;
    /** How much of its weight a service whose trouble a dependency fully explains loses. */
    explainedDiscount: number;
    /** What a failing service's failures are explained by a dependency that only got slower. */
    slowerExplainsFailing: number;
    /** What a peer's failures still say about the peer when its caller's own credentials were refused. */
    refusedShare: number;
    /** The origin weight of a resource rise that stayed far below its limit, as a share of one that reached it (a CPU from 1% to 5% worked more, it did not run short). */
    idleResource: number;
  };
  /** Fault kinds within one service (`suspects.ts`). */
  kinds: {
    /** Which fault kind each family of evidence speaks for, and how strongly. */
    support: Partial<Record<SignalFamily, Partial<Record<FaultKind, number>>>>;
    /** A resource that peaked below this share of its limit had room to spare. */
    roomyShare: number;
    /** How much a caller's failures that this service explains speak for a defect in it. */
    inheritedFailure: number;
    /** What is left of exhaustion's support when no resource was seen running short. */
    unmeasuredShortage: number;
    /** How much a code defect loses when exhaustion, the platform or demand explain the failures (times their support). */
    explainedDefect: number;
    /** What is left of a surge's support when demand did not come first or the service did not strain. */
    unstrainedSurge: number;
    /** What is left of exhaustion's support when demand or a lost node came first. */
    causedShortage: number;
    /** What is left of a kind whose first evidence came a minute or more after a well-supported kind's. */
    laterKind: number;
  };
  /** Changes and the trouble they may explain (`changes.ts`, `suspects.ts`). */
  changes: {
    /** A change this long before onset still gets half its weight. */
    halfLifeMs: number;
    /** A leak takes hours to fill memory: a deploy that shipped it keeps half its weight this long. */
    leakHalfLifeMs: number;
    /** A release whose own service's new failures are about what it touched keeps half its weight this long: the defect it shipped waits for the input that runs it, which comes within hours, not the day a leak takes. */
    shippedHalfLifeMs: number;
    /** A service that broke this long after a change elsewhere is too late to be explained by it. */
    victimWindowMs: number;
    /** A neighbour a change broke within this grace keeps full weight (coarse onsets from sampled traces and sparse logs)... */
    victimGraceMs: number;
    /** ...and each further half-life halves it. */
    victimHalfLifeMs: number;
    /** The least climb of memory, as a share of its starting level, that counts as growth from a change. */
    growthShare: number;
    /** How many times its level right after a change something the service holds must reach by the onset to read as a leak the change shipped, whatever its memory did. */
    leakGrowth: number;
    /** How many times as much of the resource it set the same demand must take, against the healthy reference, for a change that lowered a ceiling to fit however long ago it came: the ceiling was first met now. */
    heavierShare: number;
    /** A neighbour that broke after a change nearly as clearly as the one it explains best (this share of its weight) is its victim too. */
    alsoBroken: number;
    /** What is left of a change's weight when another service's change explains the same neighbour better. */
    outfitted: number;
    /** A change on the troubled service weighs its origin score times this plus its fit: it outranks the service's other explanations only above one half. */
    fitPivot: number;
    /** How much a change that broke a neighbour weighs per unit of its attribution score. */
    victimChange: number;
    /** How much of its worst-hit dependent's origin score a change that fits its own service's trouble takes, per unit of its attribution score. */
    dependentShare: number;
    /** The least strength of a callee's traffic shift at a change that ties the callee's later trouble to it by evidence, not time. */
    carriedStrength: number;
    /** ...when it rose within this long after the change (or two steps of its series, if longer). */
    carriedWithinMs: number;
  };
  /** Waits beyond callees' own spans, compared across links (`gaps.ts`). */
  gaps: {
    /** A wait that added at least this share of the largest wait's added time keeps its strength; below, it loses it in proportion. */
    dominantShare: number;
    /** What is left of a wait whose median call did not wait longer, only its slowest calls. */
    tailOnly: number;
  };
  /** A common caller behind several slower links (`links.ts`). */
  links: {
    /** Inbound waits this sure or surer count toward a common caller. */
    minStrength: number;
    /** Callees whose inbound waits rose together must number at least this to point at their caller. */
    minCallees: number;
    /** What is left of a callee's inbound wait once its common caller takes the blame. */
    residual: number;
  };
  /** A dependency without telemetry that several callers fail on (`shared.ts`). */
  shared: {
    /** A failure this sure counts as a caller failing. */
    failing: number;
    /** Callers that must fail together to point at what they share. */
    minCallers: number;
    /** How much of the callers' failure the shared dependency takes as its own evidence. */
    share: number;
  };
  /** Platform pieces and the platform's own reports (`platform.ts`). */
  platform: {
    /** Services whose failures must name a platform piece for it to be a suspect. */
    minVictims: number;
    /** A signal this sure says a service felt the trouble. */
    felt: number;
    /** A report nobody felt stays this weak a note. */
    unfelt: number;
    /** A report that was felt weighs this much as local evidence. */
    feltStrength: number;
  };
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/**
 * The weights production scores with. Each was first set by hand on the development
 * suites (own, blind, blind2, Nezha); `bench/tune-weights.ts` checks them by
 * leave-one-suite-out (README, "How the weights were chosen").
 */
export const WEIGHTS: Readonly<Weights> = deepFreeze({
  onset: { minZ: 4, maxZ: 50, minBaselinePoints: 5, settled: 0.8, recoveredPoints: 3, returned: 0.1 },
  metrics: { atCapacity: 0.98, referenceZ: 4, minReferencePoints: 3, sparsePoints: 8, backToReferencePoints: 2, returnedShare: 0.25 },
  logs: { llrMin: 6, novelBaselineSteps: 1, aboveReference: 3 },
  traces: { minRatio: 1.5, fullBaselineSteps: 3, beyondReference: 1.5, referenceFloorMs: 1, fullSpans: 20, beyondPeers: 100 },
  patterns: { fullLlr: 8, fullShare: 0.5 },
  abandoned: { dropShare: 0.2, fullLlr: 20 },
  events: {
    runtime: { oom_killed: 0.9, crash_loop: 0.8, restart: 0.5, throttled: 0.6, node_pressure: 0.7, evicted: 0.7, unhealthy: 0.4 },
    relatedAlert: 0.2,
  },
  propagation: {
    family: {
      error_origin: 1,
      cpu: 0.9,
      saturation: 0.9,
      memory: 0.8,
      runtime_leak: 0.9,
      runtime_crash: 0.8,
      runtime_throttle: 0.8,
      runtime_node: 0.8,
      units_lost: 0.8,
      runtime_other: 0.5,
      log_error: 0.8,
      exception: 0.8,
      self_time: 0.7,
      inbound_latency: 0.7,
      outbound_latency: 0.8,
      log_vanished: 0.6,
      pattern_break: 0.9,
      traffic_up: 0.5,
      errors: 0.7,
      latency: 0.6,
      traffic_down: 0.3,
      log_info: 0.3,
      related_alert: 0.3,
      platform_event: 0.9,
      dependency_mention: 0.6,
      calls_multiplied: 0.9,
    },
    minStrength: 0.1,
    symptomShare: 0.3,
    explainedDiscount: 0.75,
    slowerExplainsFailing: 0.3,
    refusedShare: 0.3,
    idleResource: 0.3,
  },
  kinds: {
    support: {
      cpu: { resource_exhaustion: 1 },
      memory: { resource_exhaustion: 0.9 },
      saturation: { resource_exhaustion: 1 },
      runtime_leak: { resource_exhaustion: 1 },
      runtime_crash: { code_defect: 0.5, resource_exhaustion: 0.3 },
      runtime_throttle: { resource_exhaustion: 0.9 },
      self_time: { resource_exhaustion: 0.5, code_defect: 0.3 },
      inbound_latency: { infrastructure: 0.9 },
      outbound_latency: { infrastructure: 0.9 },
      dependency_mention: {},
      calls_multiplied: { code_defect: 1 },
      platform_event: { infrastructure: 1 },
      runtime_node: { infrastructure: 1 },
      units_lost: { infrastructure: 1 },
      traffic_up: { traffic_surge: 1 },
      error_origin: { code_defect: 1 },
      log_error: { code_defect: 0.8 },
      exception: { code_defect: 0.9 },
      log_vanished: { code_defect: 0.7 },
      pattern_break: { code_defect: 1 },
      errors: { code_defect: 0.3 },
      latency: { resource_exhaustion: 0.15, code_defect: 0.1 },
      runtime_other: { code_defect: 0.3 },
    },
    roomyShare: 0.75,
    inheritedFailure: 0.8,
    unmeasuredShortage: 0.5,
    explainedDefect: 0.6,
    unstrainedSurge: 0.3,
    causedShortage: 0.6,
    laterKind: 0.8,
  },
  changes: {
    halfLifeMs: 30 * 60_000,
    leakHalfLifeMs: 12 * 60 * 60_000,
    shippedHalfLifeMs: 4 * 60 * 60_000,
    victimWindowMs: 20 * 60_000,
    victimGraceMs: 3 * 60_000,
    victimHalfLifeMs: 3 * 60_000,
    growthShare: 0.02,
    leakGrowth: 1.5,
    heavierShare: 1.5,
    alsoBroken: 0.5,
    outfitted: 0.3,
    fitPivot: 0.5,
    victimChange: 0.8,
    dependentShare: 0.5,
    carriedStrength: 0.5,
    carriedWithinMs: 6 * 60_000,
  },
  gaps: { dominantShare: 0.5, tailOnly: 0.5 },
  links: { minStrength: 0.3, minCallees: 2, residual: 0.3 },
  shared: { failing: 0.5, minCallers: 2, share: 0.7 },
  platform: { minVictims: 2, felt: 0.5, unfelt: 0.2, feltStrength: 0.9 },
});
