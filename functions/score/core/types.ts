import type { IdentifiedEvidence, RootCauseKind } from '../../contracts/index.js';

/**
 * What a piece of evidence says about a service, in the scorer's own vocabulary. `local`
 * signals point at the service itself (its CPU, errors that start in it, calls into it
 * that wait); symptoms (latency, error ratio) also show on every caller of a broken
 * service, so they count for less and are explained away by an anomalous dependency.
 */
export type SignalFamily =
  | 'errors'
  | 'latency'
  | 'cpu'
  | 'memory'
  | 'saturation'
  | 'traffic_up'
  | 'traffic_down'
  | 'error_origin'
  | 'self_time'
  | 'inbound_latency'
  | 'outbound_latency'
  | 'log_error'
  | 'log_vanished'
  /** Traces whose expected call pattern broke at the service: the work its operations usually do, left undone. */
  | 'pattern_break'
  | 'log_info'
  | 'exception'
  | 'runtime_leak'
  | 'runtime_crash'
  | 'runtime_throttle'
  | 'runtime_node'
  | 'units_lost'
  | 'runtime_other'
  | 'related_alert'
  | 'platform_event'
  | 'dependency_mention'
  /** Calls the service made to a callee far beyond what it was asked to do: its own work multiplied them. */
  | 'calls_multiplied';

export interface Signal {
  service: string;
  family: SignalFamily;
  /** 0..1: how sure and how large. */
  strength: number;
  onsetMs: number;
  evidenceId: string;
  local: boolean;
  /** Plain words for reasons and the timeline. */
  text: string;
  /** The evidence's own words (a log pattern's exemplars), for matching names the template masked. */
  raw?: string;
  /** A kind the evidence itself names (a log saying "too many connections"). */
  hint?: RootCauseKind;
  /** It measures time lost outside the service's own spans (callers waiting beyond them), which nothing the service calls can cause. */
  outsideSpans?: true;
  /**
   * For a wait on calls into the service: how many times longer each caller's calls
   * waited after the shift, per caller whose edge shifted, unsaturated, so edges can be
   * compared with the caller's other edges.
   */
  waitsByCaller?: Record<string, number>;
  /** For a wait beyond the callee's own spans: how many milliseconds the shift added to each call (level minus baseline). */
  addedMs?: number;
  /** It counts calls the service turned away at its limit (throttled requests): demand beyond what it could serve. */
  refusedCalls?: true;
  /** For a rising resource series with a known limit: its peak as a share of that limit. */
  peakShare?: number;
  /**
   * For a rising memory series: whether it had been climbing before the onset (a leak, data
   * growing) or was flat until it jumped; absent when too few points came before. For demand
   * that stood above its reference all window (`standingDemand`): whether it was still climbing.
   */
  climbedBefore?: boolean;
  /**
   * For rising demand: when it first reached most of its rise (`RISEN_SHARE` of the way
   * from baseline to peak). Demand that was still climbing long after its onset had not
   * settled at a level the service coped with until then.
   */
  risenByMs?: number;
  /** The step of the evidence that timed the onset (a series' or pattern's grid step); absent for point events, which are exact. */
  stepMs?: number;
}

/** The investigation's frame of reference: when the alert fired and the grid step the evidence is on. */
export interface Frame {
  alertAtMs: number;
  stepMs: number;
  /**
   * How far before `alertAtMs` an onset still belongs to this incident: the default
   * look-back, stretched back to the alert's own start when the notification came later
   * (a repeat of an alert that has fired for hours is about trouble that began then).
   */
  lookbackMs?: number;
  /**
   * Where the change feed's window opens: a change before it is one the feed's look-back
   * returned as what a service was already running with, not one that happened during
   * the incident's window. Absent when no change feed answered.
   */
  changesFromMs?: number;
}

export type Evidence = IdentifiedEvidence;

/**
 * A signal this strong is part of the picture; weaker ones are noise. Every reading that
 * asks whether a service showed something (strained, failed, named a peer, ran short)
 * asks it at this strength, so the readings agree on what counts.
 */
export const CLEAR_STRENGTH = 0.3;

/**
 * A measured value as the evidence texts quote it: whole above 100, two decimals above 1,
 * two significant digits below, so every reading that says what a series did (a ceiling
 * reached, a count that climbed, a host's clock off) writes its numbers the same way.
 */
export const formatMeasure = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));

/** A service's own words about a failure: its error lines and exceptions. */
export const FAILURE_WORDS: readonly SignalFamily[] = ['log_error', 'exception'];

/** A service's own failing requests and failure reports: its error rate, failing spans that start in it, its error lines and exceptions. */
export const OWN_FAILURES: readonly SignalFamily[] = ['errors', 'error_origin', ...FAILURE_WORDS];

export const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Combines independent pieces of support so that more evidence helps, with diminishing returns. */
export const noisyOr = (xs: Iterable<number>) => {
  let miss = 1;
  for (const x of xs) miss *= 1 - clamp01(x);
  return 1 - miss;
};
