import type { ServiceTraceStats, TraceExemplar, TraceReference } from '../../contracts/index.js';
import { lowerMedian, rateChange, robustBaseline } from '../../providers/shared/stats.js';
import { levelBeyondPeers, levelBeyondReference, readWait } from './gaps.js';
import { lookbackOf } from './onset.js';
import { WEIGHTS, type Weights } from './weights.js';
import type { Evidence, Frame, Signal } from './types.js';

type Stats = ServiceTraceStats & { id: string };

/** A signal's strength for a latency that rose `ratio` times: full at 8×, nothing at 1×. */
export const shiftStrength = (ratio: number) => Math.max(0, Math.min(1, Math.log(ratio) / Math.log(8)));

/**
 * The step where a per-step latency moved up the most, with how far (ratio) and how
 * clearly (robust z). The split must fall at or after `fromIndex` (the recent region),
 * and at least two sampled steps after it must mostly stay high: p90s of a few sampled
 * spans are noisy, and one slow span in the last step is not a shift. A short capture
 * may hold only a step or two from before the fault, so a baseline of fewer than three
 * steps is allowed, but the fewer its steps the larger the jump must be (1.5× at three,
 * 4.5× at one). The onset is the first clearly high step at or after the split, so
 * sparse baseline samples do not pull it early. A `floor` (from a reference: what the
 * healthy period reached) raises the bar for "clearly high".
 */
export function latencyShift(values: readonly (number | null)[], fromIndex = 0, floor = 0, w: Weights = WEIGHTS): { index: number; ratio: number; z: number; level: number } | undefined {
  const { minRatio, fullBaselineSteps } = w.traces;
  const idx: number[] = [];
  values.forEach((v, i) => v !== null && idx.push(i));
  if (idx.length < 3) return undefined;
  let best: { index: number; ratio: number; z: number; high: number; level: number } | undefined;
  let bestScore = -Infinity;
  for (let k = 1; k < idx.length; k++) {
    if (idx[k]! < fromIndex) continue;
    const before = idx.slice(0, k).map((i) => values[i]!);
    const after = idx.slice(k).map((i) => values[i]!);
    const base = robustBaseline(before)!;
    const mid = lowerMedian(after);
    const scale = Math.max(base.mad, base.median * 0.1, 0.05);
    const high = Math.max(base.median + 3 * scale, 1.5 * Math.max(base.median, 0.05), floor);
    const z = (mid - base.median) / scale;
    const ratio = mid / Math.max(base.median, 0.05);
    const sustained = after.length >= 2 && after.filter((v) => v >= high).length >= 0.6 * after.length;
    const score = z * Math.sqrt(Math.min(before.length, after.length));
    if (ratio >= minRatio * Math.max(1, fullBaselineSteps / k) && z >= 3 && sustained && score > bestScore) [best, bestScore] = [{ index: idx[k]!, ratio, z, high, level: mid }, score];
  }
  if (!best) return undefined;
  const firstHigh = idx.find((i) => i >= best!.index && values[i]! >= best!.high);
  return { index: firstHigh ?? best.index, ratio: best.ratio, z: best.z, level: best.level };
}

type Quantiles = TraceReference['duration'];

/** Traces this long or longer are enough to tell a standing error or wait from a new one. */
const BASELINE_SPAN_MS = 10 * 60_000;

/** The level a step must reach to be beyond what the reference saw: `beyondReference` times its P95. */
const floorOf = (reference: Quantiles | undefined, w: Weights) => (reference ? w.traces.beyondReference * Math.max(reference.p95Ms, w.traces.referenceFloorMs) : 0);

/**
 * A latency shift whose steps after it mostly stay beyond the reference's range, weighed
 * against it (`againstReference`); failing a shift inside the window, a level beyond the
 * reference throughout it (`levelBeyondReference`).
 */
const shiftBeyond = (values: readonly (number | null)[], recent: number, reference: Quantiles | undefined, w: Weights) => againstReference(latencyShift(values, recent, floorOf(reference, w), w), reference, w);
const gapBeyond = (values: readonly (number | null)[], recent: number, reference: Quantiles | undefined, stepMs: number, w: Weights) => shiftBeyond(values, recent, reference, w) ?? levelBeyondReference(values, recent, reference, BASELINE_SPAN_MS / stepMs, w);

/**
 * A shift weighed against the reference, when there is one: a level within the healthy
 * period's own range (up to 1.5× its P95) is how this service always is, not news, and
 * the rise counts from the reference median rather than from a window that may already
 * have been busy. Without a reference the shift stands as found.
 */
export function againstReference<T extends { ratio: number; level: number }>(shift: T | undefined, reference: Quantiles | undefined, w: Weights = WEIGHTS): T | undefined {
  if (!shift || !reference) return shift;
  if (shift.level < floorOf(reference, w)) return undefined;
  return { ...shift, ratio: Math.min(shift.ratio, shift.level / Math.max(reference.p50Ms, w.traces.referenceFloorMs)) };
}

/**
 * How far each caller's wait on the service shifted in the recent region, for the callers
 * whose edge shifted at all (beyond that edge's reference): empty when the edges were
 * measured and none shifted, undefined when they were not measured.
 */
function edgeShifts(s: Stats, recent: number, w: Weights): Record<string, number> | undefined {
  const shifted = Object.entries(s.inboundGapByCallerP90Ms ?? {}).flatMap(([caller, series]) => {
    const shift = gapBeyond(series, recent, s.reference?.byCaller?.[caller]?.inboundGap, s.stepMs, w);
    return shift ? [[caller, shift.ratio] as const] : [];
  });
  return s.inboundGapByCallerP90Ms === undefined && shifted.length === 0 ? undefined : Object.fromEntries(shifted);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * What the callers of a service waited, over the healthy reference, on calls into their
 * other callees: the most tolerant such edge (highest P95), or undefined when no caller
 * has a referenced edge to compare with.
 */
export function peerWait(service: string, stats: readonly ServiceTraceStats[]): Quantiles | undefined {
  const byService = new Map(stats.map((t) => [t.service, t]));
  let most: Quantiles | undefined;
  for (const caller of stats.filter((t) => t.service !== service && (t.callees[service] ?? 0) > 0)) {
    for (const peer of Object.keys(caller.callees)) {
      const wait = peer === service ? undefined : byService.get(peer)?.reference?.byCaller?.[caller.service]?.inboundGap;
      if (wait && (!most || wait.p95Ms > most.p95Ms)) most = wait;
    }
  }
  return most;
}

/**
 * How sure a wait on calls into a service is by how many sampled spans it rests on. The
 * wait is a difference of two spans (the caller's client span minus the callee's own),
 * so it carries the jitter of both sides (a connection set up, a pause in either
 * process), and a p90 of it over a handful of calls is one or two calls: a wait seen in
 * fewer than `fullSpans` spans from its onset counts in proportion (ten spans, half).
 * A busy service that two slow calls made look slow to reach is not a broken link.
 */
export const sampledShare = (s: Pick<ServiceTraceStats, 'spans'>, from: number, w: Weights = WEIGHTS) => Math.min(1, sum(s.spans.slice(from)) / w.traces.fullSpans);

/** Errors that were already starting here at about the same share of spans in the first half as in the second: not news. */
function steadyErrors(s: Stats): boolean {
  if (s.spans.length * s.stepMs < BASELINE_SPAN_MS) return false;
  const half = Math.floor(s.spans.length / 2);
  const share = (from: number, to: number) => sum(s.errorOrigins.slice(from, to)) / Math.max(1, sum(s.spans.slice(from, to)));
  return share(0, half) >= 0.5 * share(half, s.spans.length);
}

/**
 * Per-service trace signals: errors that start in the service (local, strongest),
 * slower own work (self time, local), slower calls into it with its own work unchanged
 * (inbound gap, local: the link or the platform), slower spans overall (a symptom),
 * and calls that stopped arriving. With a reference, a latency that stays within what
 * the healthy period saw is not a shift (an always-busy service is not a suspect for it).
 */
export function traceSignals(items: readonly Evidence[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const out: Signal[] = [];
  const allStats = items.filter((i): i is Stats => i.class === 'traces' && i.kind === 'service_stats');
  for (const item of items) {
    if (item.class !== 'traces' || item.kind !== 'service_stats') continue;
    const s = item as Stats;
    const at = (i: number) => s.startMs + i * s.stepMs;
    const recent = Math.floor((frame.alertAtMs - lookbackOf(frame) - s.startMs) / s.stepMs);
    const origins = sum(s.errorOrigins);
    if (origins > 0) {
      const first = s.errorOrigins.findIndex((n) => n > 0);
      if (!steadyErrors(s)) {
        const share = origins / Math.max(1, sum(s.spans));
        out.push({ service: s.service, family: 'error_origin', strength: Math.min(1, 0.4 + share + origins / 40), onsetMs: at(first), evidenceId: s.id, local: true, text: `${origins} failing spans start in ${s.service} (their own callees were healthy)` });
      }
    }
    const self = shiftBeyond(s.selfTimeP90Ms, recent, s.reference?.selfTime, w);
    if (self) out.push({ service: s.service, family: 'self_time', strength: shiftStrength(self.ratio), onsetMs: at(self.index), evidenceId: s.id, local: true, text: `${s.service}'s own work per span got ${self.ratio.toFixed(1)}× slower (p90 self time)` });
    // A service the healthy period never saw called is read against its callers' other links.
    const peers = s.reference?.inboundGap ? undefined : peerWait(s.service, allStats);
    const ownGap = s.inboundGapP90Ms ? gapBeyond(s.inboundGapP90Ms, recent, s.reference?.inboundGap, s.stepMs, w) : undefined;
    const againstPeers = !ownGap && peers !== undefined;
    const waitBeyond = (values: readonly (number | null)[]) => (againstPeers ? levelBeyondPeers(values, recent, peers!, BASELINE_SPAN_MS / s.stepMs, w) : gapBeyond(values, recent, s.reference?.inboundGap, s.stepMs, w));
    const gap = ownGap ?? (againstPeers && s.inboundGapP90Ms ? waitBeyond(s.inboundGapP90Ms) : undefined);
    const byCaller = gap ? edgeShifts(s, recent, w) : undefined;
    if (gap) {
      const typical = s.inboundGapP50Ms ? (waitBeyond(s.inboundGapP50Ms) ?? null) : undefined;
      const wait = readWait(gap, typical, w);
      out.push({ service: s.service, family: 'inbound_latency', strength: wait.strength * sampledShare(s, gap.index, w), onsetMs: at(gap.index), evidenceId: s.id, local: true, outsideSpans: true, addedMs: wait.addedMs, ...(byCaller ? { waitsByCaller: byCaller } : {}), text: `callers waited ${gap.ratio.toFixed(1)}× longer on calls into ${s.service} beyond its own span time${againstPeers ? ' than on their other callees over the healthy reference (none of its own)' : ''}${wait.tailOnly ? ' (only the slowest calls: the median call did not wait longer)' : ''}` });
    }
    const dur = shiftBeyond(s.durationP90Ms, recent, s.reference?.duration, w);
    if (dur) out.push({ service: s.service, family: 'latency', strength: shiftStrength(dur.ratio), onsetMs: at(dur.index), evidenceId: s.id, local: false, text: `${s.service} spans got ${dur.ratio.toFixed(1)}× slower (p90 duration)` });
    const volume = rateChange(s.spans, 0, s.spans.length - 1);
    if (volume && volume.llr >= 10 && volume.afterRate <= volume.beforeRate / 3) {
      out.push({ service: s.service, family: 'traffic_down', strength: Math.min(1, volume.llr / 40), onsetMs: at(volume.index), evidenceId: s.id, local: false, text: `${s.service} received far fewer calls (spans per step ${volume.beforeRate.toFixed(0)} → ${volume.afterRate.toFixed(0)})` });
    }
  }
  return out;
}

/** The call graph seen in traces, as caller → callees. */
export function tracedCalls(items: readonly Evidence[]): Record<string, string[]> {
  const graph: Record<string, string[]> = {};
  for (const item of items) {
    if (item.class === 'traces' && item.kind === 'service_stats') graph[item.service] = Object.keys(item.callees);
  }
  return graph;
}

/** Exemplars, for the representative trace and citations. */
export const exemplarsOf = (items: readonly Evidence[]) => items.filter((i): i is TraceExemplar & { id: string } => i.class === 'traces' && i.kind === 'exemplar');
