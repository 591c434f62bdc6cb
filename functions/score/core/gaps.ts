import type { MetricSeries, TraceReference } from '../../contracts/index.js';
import { median } from '../../providers/shared/stats.js';
import { shiftStrength } from './traces.js';
import type { Evidence, Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

type Quantiles = TraceReference['duration'];

/** Sampled steps beyond the reference range needed before a level counts: one high step is a slow span, not a state. */
const MIN_HIGH_STEPS = 2;

/**
 * A latency that sits beyond anything the reference period saw, with no rise inside
 * the window to split on: a capture that starts with the fault already on (a short trace
 * window, a network delay injected just before it) has no "before" of its own, and the
 * reference is then the only baseline. From the first sampled step at or after
 * `fromIndex` that is beyond `beyondReference` times the reference P95, most sampled
 * steps (60%, at least `MIN_HIGH_STEPS`) must stay beyond it, the last one too (a level
 * that fell back within the reference range by the alert was an earlier burst, not the
 * state the alert is about); the rise counts from the reference median. A window whose
 * samples span `standingSteps` or more could have shown a "before": a level high from
 * its first sampled step there is how the service stands (a reference from another
 * deployment or day), not news. Undefined without a reference, or when the level is
 * within its range.
 */
export function levelBeyondReference(values: readonly (number | null)[], fromIndex: number, reference: Quantiles | undefined, standingSteps = Infinity, w: Weights = WEIGHTS): { index: number; ratio: number; z: number; level: number } | undefined {
  if (!reference) return undefined;
  const { beyondReference, referenceFloorMs } = w.traces;
  return levelBeyond(values, fromIndex, beyondReference * Math.max(reference.p95Ms, referenceFloorMs), reference, standingSteps, MIN_HIGH_STEPS, w);
}

/**
 * A wait on calls into a service the healthy period never saw called, read against what
 * the same callers waited on their other callees then (`peers`). Services differ in what
 * their links cost by more than an order of magnitude (one always waited on 100–200 ms
 * where its callers' other links take under 10 ms), so the peers stand in only for a wait
 * `beyondPeers` times their P95. That far beyond, a lone sampled call counts (a
 * retransmit or a pause costs healthy links hundreds of milliseconds, not seconds); with
 * more steps, most must stay beyond it, the last one too.
 */
export function levelBeyondPeers(values: readonly (number | null)[], fromIndex: number, peers: Quantiles, standingSteps = Infinity, w: Weights = WEIGHTS): { index: number; ratio: number; z: number; level: number } | undefined {
  return levelBeyond(values, fromIndex, w.traces.beyondPeers * Math.max(peers.p95Ms, w.traces.referenceFloorMs), peers, standingSteps, 1, w);
}

/** The level of a latency from its first sampled step beyond `floor`, when enough steps stay beyond it (see {@link levelBeyondReference}). */
function levelBeyond(values: readonly (number | null)[], fromIndex: number, floor: number, reference: Quantiles, standingSteps: number, minHighSteps: number, w: Weights) {
  const sampled: number[] = [];
  values.forEach((v, i) => v !== null && i >= fromIndex && sampled.push(i));
  const first = sampled.findIndex((i) => values[i]! >= floor);
  if (first < 0 || (first === 0 && sampled.at(-1)! - sampled[0]! >= standingSteps)) return undefined;
  const after = sampled.slice(first).map((i) => values[i]!);
  const high = after.filter((v) => v >= floor).length;
  if (high < minHighSteps || high < 0.6 * after.length || after.at(-1)! < floor) return undefined;
  const level = median(after)!;
  const base = Math.max(reference.p50Ms, w.traces.referenceFloorMs);
  const spread = Math.max(reference.p95Ms - reference.p50Ms, 0.1 * base);
  return { index: sampled[first]!, ratio: level / base, z: (level - base) / spread, level };
}

/**
 * Weighs the waits beyond callees' own spans by the time each added to a call: a delay on
 * one link adds the same milliseconds to every call over it, so the wait that added the
 * most is the link that slowed the requests, and one that added a small share of it
 * (queueing behind the slow link, a busy pool) is at most a lesser part. A wait keeps
 * its strength down to `dominantShare` of the largest added time and loses it in
 * proportion below that. Waits without a measured added time are left as they are.
 */
export function weighGaps(signals: readonly Signal[], w: Weights = WEIGHTS): Signal[] {
  const { dominantShare } = w.gaps;
  const added = signals.filter((s) => s.family === 'inbound_latency' && s.addedMs !== undefined && s.strength >= w.propagation.minStrength).map((s) => s.addedMs!);
  const most = Math.max(0, ...added);
  if (most <= 0) return [...signals];
  return signals.map((s) => {
    if (s.family !== 'inbound_latency' || s.addedMs === undefined) return s;
    const share = Math.max(0, s.addedMs) / most;
    return share >= dominantShare ? s : { ...s, strength: s.strength * (share / dominantShare), text: `${s.text} (${Math.round(s.addedMs)} ms added per call, against ${Math.round(most)} ms on the slowest link)` };
  });
}

/** A series reported by the callee's side of an edge (a mesh's destination proxy): the time the callee took, not the caller's wait. */
const serverSide = (labels: Record<string, string>) => /^(destination|server)$/i.test(labels.reporter ?? '');

/** Milliseconds per unit of a latency series, from its unit or name; undefined when neither says. */
function msPer(m: Pick<MetricSeries, 'name' | 'unit'>): number | undefined {
  const words = `${m.unit ?? ''} ${m.name}`.toLowerCase();
  if (/millisecond|\bms\b|_ms\b/.test(words)) return 1;
  if (/microsecond|\bus\b|_us\b/.test(words)) return 0.001;
  if (/second|^s\b|_s\b/.test(words)) return 1000;
  return undefined;
}

const edgeKey = (m: MetricSeries) => `${m.name}\u0000${m.labels.caller}\u0000${m.labels.callee}`;

/** How far a series rose from before `fromMs` to from it on (medians of its points), in its own unit. */
function riseAt(m: MetricSeries, fromMs: number): number | undefined {
  const before: number[] = [];
  const after: number[] = [];
  m.values.forEach((v, i) => v !== null && (m.startMs + i * m.stepMs < fromMs ? before : after).push(v));
  const base = m.reference?.median ?? median(before);
  const level = median(after);
  return base === undefined || level === undefined ? undefined : level - base;
}

/**
 * The caller-side gap on a mesh edge, from metrics: an edge measured on both sides (the
 * caller's proxy and the callee's) waited on the link only by what the caller saw beyond
 * what the callee took. A callee-side edge series is the callee's own time, a symptom of
 * its work; a caller-side rise that the callee-side series shows too (the callee got
 * slower at the same calls, from CPU or code) is the callee's own, not the network's, and
 * becomes a symptom of it; a rise mostly beyond the callee's own time stays a wait on
 * the link, at the share of the rise that the callee's side does not explain. An edge
 * measured on the caller's side alone stays as it is.
 */
export function edgeGaps(signals: readonly Signal[], items: readonly Evidence[], w: Weights = WEIGHTS): Signal[] {
  const edges = new Map<string, MetricSeries>();
  const serverOf = new Map<string, MetricSeries>();
  for (const item of items) {
    if (item.class !== 'metrics' || item.labels.caller === undefined || item.labels.callee === undefined) continue;
    edges.set(item.id, item);
    if (serverSide(item.labels)) serverOf.set(edgeKey(item), item);
  }
  return signals.map((s) => {
    const series = s.family === 'inbound_latency' ? edges.get(s.evidenceId) : undefined;
    if (!series) return s;
    const symptom = (why: string): Signal => {
      const { waitsByCaller: _waits, ...rest } = s;
      return { ...rest, family: 'latency', local: false, text: `${s.text}: ${why}` };
    };
    if (serverSide(series.labels)) return symptom(`measured at ${series.labels.callee}'s side, its own time`);
    const server = serverOf.get(edgeKey(series));
    const seen = riseAt(series, s.onsetMs);
    const own = server ? riseAt(server, s.onsetMs) : undefined;
    const unit = msPer(series);
    const added = (rise: number): Signal => (unit === undefined ? s : { ...s, addedMs: rise * unit });
    if (seen === undefined || seen <= 0) return s;
    if (own === undefined) return added(seen);
    const linkShare = Math.max(0, Math.min(1, (seen - Math.max(0, own)) / seen));
    if (linkShare < w.gaps.dominantShare) return symptom(`${series.labels.callee}'s own side of the calls rose as much`);
    return { ...added(seen * linkShare), strength: s.strength * linkShare, text: `${s.text}, ${Math.round(100 * linkShare)}% of it beyond ${series.labels.callee}'s own side` };
  });
}

type Shift = { ratio: number; level: number };

/**
 * A wait read from both its p90 (`tail`, which found it) and its median per step
 * (`typical`: its shift, `null` when the median was measured and did not move, undefined
 * when it was not measured). A slow link delays every call over it, so its median moves
 * and the time it added is the typical call's; a rise in the slowest calls alone (a
 * retransmit, a pause hitting a few calls) is a weaker sign of the link, kept at
 * `tailOnly` of its strength.
 */
export function readWait(tail: Shift, typical: Shift | null | undefined, w: Weights = WEIGHTS): { strength: number; addedMs: number; tailOnly: boolean } {
  const strength = shiftStrength(tail.ratio);
  const added = (s: Shift) => s.level - s.level / s.ratio;
  if (typical === null) return { strength: strength * w.gaps.tailOnly, addedMs: added(tail), tailOnly: true };
  return { strength, addedMs: added(typical ?? tail), tailOnly: false };
}
