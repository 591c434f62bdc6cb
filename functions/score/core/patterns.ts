import type { ServiceTraceStats } from '../../contracts/index.js';
import { lookbackOf } from './onset.js';
import type { Evidence, Frame, Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * Traces whose expected call pattern broke at a service (`providers/shared/divergence.ts`
 * finds where): a code path that throws or returns early leaves the calls it usually
 * makes undone, with no error status or log line to say so. The break is counted where it
 * starts, not where it shows: a caller cut short because its callee stopped is the
 * callee's break, so this is local evidence of a code defect in the service.
 */

type Stats = ServiceTraceStats & { id: string };
type Breaks = NonNullable<ServiceTraceStats['patternBreaks']>;

const xlogy = (k: number, p: number) => (k > 0 ? k * Math.log(p) : 0);

/** Binomial log-likelihood ratio of two shares (`a` of `n`, `b` of `m`) against one pooled share. */
export function shareLlr(a: number, n: number, b: number, m: number): number {
  const ll = (k: number, total: number, p: number) => xlogy(k, p) + xlogy(total - k, 1 - p);
  const pooled = (a + b) / (n + m);
  return ll(a, n, a / n) + ll(b, m, b / m) - ll(a, n, pooled) - ll(b, m, pooled);
}

/** Running totals: `prefix(xs)[k]` is the sum of the first `k` values, so any split's sums cost one subtraction. */
const prefix = (xs: readonly number[]) => xs.reduce<number[]>((acc, x) => (acc.push(acc.at(-1)! + x), acc), [0]);

/**
 * The split where the share of a service's traces that broke there rose most clearly,
 * against the reference's traces and the steps before the split. A prior of half a
 * broken trace keeps a clean baseline from making one stray trace infinitely surprising;
 * the share after the split must be at least twice the baseline's.
 */
export function breakRise(b: Breaks, fromIndex: number, lastIndex: number): { index: number; llr: number; broken: number; of: number } | undefined {
  const cut = prefix(b.broken);
  const all = prefix(b.traces);
  const end = b.traces.length;
  let best: { index: number; llr: number; broken: number; of: number } | undefined;
  for (let k = Math.max(0, fromIndex); k < Math.min(end, lastIndex + 1); k++) {
    const before = (b.reference?.broken ?? 0) + cut[k]! + 0.5;
    const baseline = (b.reference?.traces ?? 0) + all[k]! + 1;
    const after = cut[end]! - cut[k]!;
    const of = all[end]! - all[k]!;
    if (after === 0 || of === 0 || after / of < 2 * (before / baseline)) continue;
    const llr = shareLlr(before, baseline, after, of);
    if (!best || llr > best.llr) best = { index: k, llr, broken: after, of };
  }
  return best;
}

/**
 * Per service, traces that broke their expected pattern there more often than the
 * reference and the time before showed. Strength is how sure (the likelihood ratio, full
 * at `fullLlr`) times how consistent (the share of the service's traces that broke,
 * full at `fullShare`): many traces agreeing on one break point is a broken operation,
 * a few among many a rare branch.
 */
export function patternBreakSignals(items: readonly Evidence[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const out: Signal[] = [];
  for (const item of items) {
    if (item.class !== 'traces' || item.kind !== 'service_stats' || !item.patternBreaks) continue;
    const s = item as Stats;
    const recent = Math.floor((frame.alertAtMs - lookbackOf(frame) - s.startMs) / s.stepMs);
    const last = Math.floor((frame.alertAtMs + frame.stepMs - s.startMs) / s.stepMs);
    const rise = breakRise(s.patternBreaks!, recent, last);
    if (!rise) continue;
    const strength = Math.min(1, rise.llr / w.patterns.fullLlr) * Math.min(1, rise.broken / rise.of / w.patterns.fullShare);
    const missing = s.patternBreaks!.missing.length > 0 ? `; left undone: ${s.patternBreaks!.missing.map((m) => `"${m.slice(0, 80)}"`).join(', ')}` : '';
    out.push({
      service: s.service,
      family: 'pattern_break',
      strength,
      onsetMs: s.startMs + rise.index * s.stepMs,
      evidenceId: s.id,
      local: true,
      text: `${rise.broken} of ${rise.of} traces through ${s.service} broke their usual call pattern there${missing}`,
    });
  }
  return out;
}
