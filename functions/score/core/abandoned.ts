import type { MetricSeries } from '../../contracts/index.js';
import { lowerMedian } from '../../providers/shared/stats.js';
import { metricFamily } from './metrics.js';
import { lookbackOf } from './onset.js';
import { callersOf } from './propagation.js';
import { CLEAR_STRENGTH, type Evidence, type Frame, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * Calls a service stopped making, read from request rates: the metric counterpart of a
 * trace whose usual calls were left undone (`patterns.ts`). A service only one caller
 * calls gets its requests from that caller alone; when its rate falls to almost nothing
 * while that caller still takes requests in, the caller receives work and no longer
 * makes the calls that work needs: its requests end partway, which is how failed requests
 * look where nothing records the failure.
 */

type Series = MetricSeries & { id: string };

/** A service's own request rate: a demand series not labelled with a caller or callee (one edge of the call graph). */
const demandOf = (items: readonly Evidence[]) => items.filter((e): e is Series => e.class === 'metrics' && metricFamily(e.name, e.unit, e.labels) === 'traffic' && e.labels.caller === undefined && e.labels.callee === undefined);

/** Poisson log-likelihood ratio of seeing `observed` calls where `expected` were due. */
const poissonLlr = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0) - observed + expected;

/** Steps of a rate before its fall that make a baseline: fewer say nothing of what was due. */
const MIN_BASELINE = 3;

/**
 * The latest steps of a request rate, up to the alert, that all fell below `dropShare` of
 * the rate before them: when they began and how sure the fall is (the calls due at the
 * earlier rate against the calls counted). Undefined for a rate still flowing, or one
 * with too little history (or none above zero) to say what was due.
 */
export function rateStopped(s: Series, frame: Frame, w: Weights = WEIGHTS): { atMs: number; llr: number } | undefined {
  const points = s.values.flatMap((v, i) => (v === null || s.startMs + i * s.stepMs > frame.alertAtMs ? [] : [{ at: s.startMs + i * s.stepMs, v }]));
  let from = points.length;
  while (from > 0 && points[from - 1]!.at >= frame.alertAtMs - lookbackOf(frame)) {
    const before = points.slice(0, from - 1).map((p) => p.v);
    if (before.length < MIN_BASELINE || lowerMedian(before) <= 0 || points[from - 1]!.v > w.abandoned.dropShare * lowerMedian(before)) break;
    from--;
  }
  if (from === points.length || from === 0) return undefined;
  const perStep = lowerMedian(points.slice(0, from).map((p) => p.v)) * (s.stepMs / 1000);
  const run = points.slice(from);
  const llr = poissonLlr(run.reduce((a, p) => a + p.v * (s.stepMs / 1000), 0), perStep * run.length);
  return { atMs: run[0]!.at, llr };
}

/**
 * One signal per service whose sole callees stopped receiving calls while it still
 * received its own: local evidence that its requests end partway (a code path that
 * throws or returns before its calls), supporting a code defect like a trace's broken
 * call pattern. A callee with clear trouble of its own (`seen`: its own signals, or
 * errors of others that name it) may have stopped itself or become unreachable, so its
 * silence is not laid on its caller; neither is it when the caller's own
 * requests stopped too (less came in, so less went out).
 */
export function abandonedCallSignals(items: readonly Evidence[], graph: ReadonlyMap<string, ReadonlySet<string>>, seen: readonly Signal[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const demand = demandOf(items);
  const troubled = new Set(seen.filter((s) => s.local && s.strength >= CLEAR_STRENGTH).map((s) => s.service));
  const flowing = new Set(demand.filter((s) => !rateStopped(s, frame, w) && s.values.some((v) => v !== null && v > 0)).map((s) => s.service));
  const found = new Map<string, { callees: string[]; atMs: number; llr: number; evidenceId: string }>();
  for (const service of [...new Set(demand.map((s) => s.service))].sort()) {
    if (troubled.has(service)) continue;
    const callers = callersOf(graph, service).filter((caller) => caller !== service);
    if (callers.length !== 1 || !flowing.has(callers[0]!)) continue;
    // Every series of the callee stopped: one replica idle while another takes its load is not calls left unmade.
    const series = demand.filter((s) => s.service === service && s.values.some((v) => v !== null && v > 0));
    const stops = series.map((s) => ({ s, stopped: rateStopped(s, frame, w) }));
    if (stops.length === 0 || stops.some((x) => !x.stopped)) continue;
    const strongest = stops.sort((a, b) => b.stopped!.llr - a.stopped!.llr)[0]!;
    const stopped = { atMs: Math.min(...stops.map((x) => x.stopped!.atMs)), llr: stops.reduce((a, x) => a + x.stopped!.llr, 0) };
    const prev = found.get(callers[0]!);
    found.set(callers[0]!, !prev ? { callees: [service], ...stopped, evidenceId: strongest.s.id } : { callees: [...prev.callees, service], atMs: Math.min(prev.atMs, stopped.atMs), llr: prev.llr + stopped.llr, evidenceId: stopped.llr > prev.llr ? strongest.s.id : prev.evidenceId });
  }
  return [...found].map(([caller, f]) => ({
    service: caller,
    family: 'pattern_break' as const,
    strength: Math.min(1, f.llr / w.abandoned.fullLlr),
    onsetMs: f.atMs,
    evidenceId: f.evidenceId,
    local: true,
    text: `${f.callees.sort().join(', ')}, which only ${caller} calls, stopped receiving calls while ${caller} still received its own: its requests end before the calls they need`,
  }));
}
