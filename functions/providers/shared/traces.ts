import type { ServiceTraceStats, Span, TraceExemplar, TraceReference } from '../../contracts/index.js';
import type { Ranked } from './budget.js';
import { PatternBreakCounter } from './divergence.js';
import { stepIndex, subGrid, type TimeGrid } from './grid.js';
import { quantile, roundSig } from './stats.js';

/*
 * Trace reduction: every span feeds per-service aggregates on the grid (spans, errors,
 * error origins, p90 duration, p90 self time, p90 inbound gap overall and on the edges
 * from callers whose gap swung, callees, and the traces whose expected call pattern broke
 * there: `divergence.ts`); a few whole
 * traces are kept as exemplars (error traces first, then the slowest), trimmed to the
 * spans that explain them.
 */

export interface RawSpan {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  atMs: number;
  durationMs: number;
  status: 'ok' | 'error';
  /** The remote service a client span calls (OpenTelemetry `peer.service`), when known. */
  peerService?: string;
  /** OpenTelemetry `span.kind` (`client`, `server`…), when the backend reports it. */
  kind?: string;
}

/** OpenTelemetry's `span.kind`, when the attributes carry it. */
export function kindOf(attributes: Record<string, unknown> | undefined): string | undefined {
  const kind = attributes?.['span.kind'];
  return typeof kind === 'string' && kind.length > 0 ? kind.toLowerCase() : undefined;
}

const HTTP_CLIENT_NAME = /^(?:HTTP )?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;
/** An RPC's method as both sides name it: gRPC's full method name is `/package.Service/Method`, with or without the leading slash, sometimes prefixed `grpc.`. */
const rpcName = (name: string) => name.trim().replace(/^grpc\./i, '').replace(/^\/+/, '').toLowerCase();

/**
 * Whether `parent` is the caller's client span for the call `child` serves: marked
 * `client`, or named as client instrumentations name them (the RPC's own name, as gRPC
 * does on both sides, or a bare "HTTP POST"). Only then is the parent's time beyond the
 * child's spent on the wire; a server span calling out directly also spends it on its
 * own work.
 */
export function isClientSpanOf(parent: RawSpan, child: RawSpan): boolean {
  if (parent.kind !== undefined) return parent.kind === 'client';
  return HTTP_CLIENT_NAME.test(parent.name.trim()) || rpcName(parent.name) === rpcName(child.name);
}

/** The remote service a client span names, from the usual OpenTelemetry attributes. */
export function peerOf(attributes: Record<string, unknown> | undefined): string | undefined {
  const peer = attributes?.['peer.service'] ?? attributes?.['server.address'] ?? attributes?.['net.peer.name'];
  return typeof peer === 'string' && peer.length > 0 ? peer : undefined;
}

export interface RawTrace {
  traceId: string;
  spans: readonly RawSpan[];
  link?: string;
}

const MAX_EXEMPLARS = 8;
const MAX_EXEMPLAR_SPANS = 25;

interface Analyzed {
  span: RawSpan;
  children: number[];
  parent: number;
  selfMs: number;
  origin: boolean;
  /** Set when this is a client span into a service with no span of its own here: the work is the peer's. */
  remote?: string;
}

/** Self time = duration minus the union of the children's intervals (clipped to the span). */
function selfTime(span: RawSpan, kids: readonly RawSpan[]): number {
  if (kids.length === 0) return span.durationMs;
  const end = span.atMs + span.durationMs;
  const intervals = kids.map((k) => [Math.max(span.atMs, k.atMs), Math.min(end, k.atMs + k.durationMs)] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let [curFrom, curTo] = [-Infinity, -Infinity];
  for (const [from, to] of intervals) {
    if (to <= from) continue;
    if (from > curTo) {
      if (curTo > curFrom) covered += curTo - curFrom;
      [curFrom, curTo] = [from, to];
    } else curTo = Math.max(curTo, to);
  }
  if (curTo > curFrom) covered += curTo - curFrom;
  return Math.max(0, span.durationMs - covered);
}

/** Links spans to parents and children, and marks error origins: failing spans whose children all succeeded. */
export function analyzeTrace(trace: RawTrace): Analyzed[] {
  const index = new Map<string, number>();
  trace.spans.forEach((s, i) => index.set(s.spanId, i));
  const out: Analyzed[] = trace.spans.map((span) => ({ span, children: [], parent: -1, selfMs: 0, origin: false }));
  out.forEach((a, i) => {
    const p = a.span.parentSpanId === undefined ? undefined : index.get(a.span.parentSpanId);
    if (p !== undefined && p !== i) {
      a.parent = p;
      out[p]!.children.push(i);
    }
  });
  for (const a of out) {
    const kids = a.children.map((c) => out[c]!.span);
    a.selfMs = selfTime(a.span, kids);
    a.origin = a.span.status === 'error' && kids.every((k) => k.status !== 'error');
    const peer = a.span.peerService;
    if (peer && peer !== a.span.service && !kids.some((k) => k.service === peer)) a.remote = peer;
  }
  return out;
}

interface Acc {
  spans: Uint32Array;
  errors: Uint32Array;
  origins: Uint32Array;
  durations: number[][];
  selfs: number[][];
  gaps: number[][];
  /** The same gaps, split by the calling service. */
  gapsByCaller: Map<string, number[][]>;
  callees: Map<string, number>;
  ownSpans: number;
}

function newAcc(length: number): Acc {
  const lists = () => Array.from({ length }, () => [] as number[]);
  return { spans: new Uint32Array(length), errors: new Uint32Array(length), origins: new Uint32Array(length), durations: lists(), selfs: lists(), gaps: lists(), gapsByCaller: new Map(), callees: new Map(), ownSpans: 0 };
}

/** Adds one span to a service's step: a remote call counts as the peer's span, its whole duration the peer's work. */
function record(s: Acc, a: Analyzed, i: number): void {
  s.spans[i]! += 1;
  s.durations[i]!.push(a.span.durationMs);
  s.selfs[i]!.push(a.selfMs);
  if (a.span.status === 'error') s.errors[i]! += 1;
  if (a.origin) s.origins[i]! += 1;
}

function exemplar(trace: RawTrace, analyzed: Analyzed[]): TraceExemplar {
  const roots = analyzed.filter((a) => a.parent < 0);
  const root = roots.reduce((a, b) => (b.span.durationMs > a.span.durationMs ? b : a), roots[0] ?? analyzed[0]!);
  const keep = new Set<number>();
  const addWithAncestors = (i: number) => {
    for (let j = i; j >= 0 && !keep.has(j) && keep.size < MAX_EXEMPLAR_SPANS; j = analyzed[j]!.parent) keep.add(j);
  };
  analyzed.forEach((a, i) => a.origin && addWithAncestors(i));
  analyzed.forEach((a, i) => a.span.status === 'error' && addWithAncestors(i));
  const bySelf = analyzed.map((a, i) => [a.selfMs, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of bySelf) addWithAncestors(i);
  const spans: Span[] = [...keep].sort((a, b) => analyzed[a]!.span.atMs - analyzed[b]!.span.atMs).map((i) => {
    const s = analyzed[i]!.span;
    const name = analyzed[i]!.remote ? `${s.name} → ${analyzed[i]!.remote}` : s.name;
    return { spanId: s.spanId, ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}), service: s.service, name: name.slice(0, 300), at: new Date(s.atMs).toISOString(), durationMs: roundSig(s.durationMs, 5), status: s.status };
  });
  return {
    class: 'traces',
    kind: 'exemplar',
    traceId: trace.traceId,
    at: new Date(root.span.atMs).toISOString(),
    durationMs: roundSig(root.span.durationMs, 5),
    rootService: root.span.service,
    rootName: root.span.name.slice(0, 300),
    error: analyzed.some((a) => a.span.status === 'error'),
    spans,
    spansOmitted: analyzed.length - spans.length,
    ...(trace.link ? { link: trace.link } : {}),
  };
}

/** Adds the time a caller waited on a service beyond its span, to the service's gaps overall and on that caller's edge. */
function recordGap(s: Acc, caller: string, i: number, gapMs: number): void {
  s.gaps[i]!.push(gapMs);
  let steps = s.gapsByCaller.get(caller);
  if (!steps) s.gapsByCaller.set(caller, (steps = Array.from({ length: s.gaps.length }, () => [] as number[])));
  steps[i]!.push(gapMs);
}

/** A per-step series must hold this many sampled steps before a shift can be found in it. */
const MIN_SHIFT_STEPS = 3;
/** The least rise counted as a shift: an edge whose highest step is not this far above its lowest cannot have shifted. */
const MIN_EDGE_SWING = 1.5;
/** Callers kept per service: the edges that swung most. */
const MAX_EDGES = 4;
/** The floor under a near-zero wait, so a swing from 0 ms stays finite. */
const GAP_FLOOR_MS = 0.05;

/**
 * The per-caller wait series worth sending: only edges sampled often enough and swinging
 * enough to have shifted (an edge that cannot shift says nothing its absence does not),
 * at most `MAX_EDGES` of them, the widest swings first, so the stats stay within budget
 * however many callers a service has. Undefined when none is left.
 */
function swungEdges(edges: readonly (readonly [string, readonly (number | null)[]])[]): Record<string, (number | null)[]> | undefined {
  const swing = (xs: readonly (number | null)[]) => {
    const sampled = xs.filter((x): x is number => x !== null);
    return sampled.length < MIN_SHIFT_STEPS ? 0 : Math.max(...sampled) / Math.max(Math.min(...sampled), GAP_FLOOR_MS);
  };
  const kept = edges
    .map(([caller, series]) => ({ caller, series, swing: swing(series) }))
    .filter((e) => e.swing >= MIN_EDGE_SWING)
    .sort((a, b) => b.swing - a.swing || a.caller.localeCompare(b.caller))
    .slice(0, MAX_EDGES)
    .sort((a, b) => a.caller.localeCompare(b.caller));
  return kept.length === 0 ? undefined : Object.fromEntries(kept.map((e) => [e.caller, [...e.series]]));
}

const quantileOrNull = (q: number) => (xs: number[]): number | null => {
  const v = quantile(xs, q);
  return v === undefined ? null : roundSig(v);
};
const p90 = quantileOrNull(0.9);
const p50 = quantileOrNull(0.5);

interface RefAcc {
  spans: number;
  errors: number;
  durations: number[];
  selfs: number[];
  gaps: number[];
  byCaller: Map<string, { spans: number; errors: number; durations: number[]; gaps: number[] }>;
}

/** Reference edges kept per service: the busiest callers. */
const MAX_REFERENCE_EDGES = 6;

const quantiles = (xs: readonly number[]) => ({ p50Ms: roundSig(quantile(xs, 0.5) ?? 0), p95Ms: roundSig(quantile(xs, 0.95) ?? 0) });

/**
 * Per service, what its spans looked like over the reference windows: how many, the
 * share that failed, P50/P95 of duration and self time, and of the wait its callers saw
 * beyond its spans, overall and per caller (the busiest few edges). Spans are read as
 * the incident's are: a client span into a service without spans of its own counts as
 * that peer's.
 */
export function traceReference(reference: Iterable<RawTrace>): Map<string, TraceReference> {
  const accs = new Map<string, RefAcc>();
  const acc = (service: string) => {
    let a = accs.get(service);
    if (!a) accs.set(service, (a = { spans: 0, errors: 0, durations: [], selfs: [], gaps: [], byCaller: new Map() }));
    return a;
  };
  for (const trace of reference) {
    const analyzed = analyzeTrace(trace);
    for (const a of analyzed) {
      const s = acc(a.remote ?? a.span.service);
      const error = a.span.status === 'error' ? 1 : 0;
      s.spans++;
      s.errors += error;
      s.durations.push(a.span.durationMs);
      s.selfs.push(a.selfMs);
      const parent = a.parent >= 0 ? analyzed[a.parent]! : undefined;
      const caller = a.remote ? a.span.service : parent && parent.span.service !== a.span.service ? parent.span.service : undefined;
      if (!caller) continue;
      let edge = s.byCaller.get(caller);
      if (!edge) s.byCaller.set(caller, (edge = { spans: 0, errors: 0, durations: [], gaps: [] }));
      edge.spans++;
      edge.errors += error;
      edge.durations.push(a.span.durationMs);
      if (parent && !a.remote && parent.children.length === 1 && isClientSpanOf(parent.span, a.span)) {
        const gap = Math.max(0, parent.span.durationMs - a.span.durationMs);
        s.gaps.push(gap);
        edge.gaps.push(gap);
      }
    }
  }
  const out = new Map<string, TraceReference>();
  for (const [service, a] of accs) {
    if (a.spans === 0) continue;
    const edges = [...a.byCaller].sort(([x, e], [y, f]) => f.spans - e.spans || x.localeCompare(y)).slice(0, MAX_REFERENCE_EDGES);
    out.set(service, {
      spans: a.spans,
      errorRate: roundSig(a.errors / a.spans, 3),
      duration: quantiles(a.durations),
      selfTime: quantiles(a.selfs),
      ...(a.gaps.length > 0 ? { inboundGap: quantiles(a.gaps) } : {}),
      ...(edges.length > 0 ? { byCaller: Object.fromEntries(edges.map(([caller, e]) => [caller, { spans: e.spans, errorRate: roundSig(e.errors / e.spans, 3), duration: quantiles(e.durations), ...(e.gaps.length > 0 ? { inboundGap: quantiles(e.gaps) } : {}) }])) } : {}),
    });
  }
  return out;
}

/**
 * Reduces traces to per-service stats (ranked first: every service keeps its aggregate
 * when the budget allows) and exemplars (error traces, then the slowest). Stats are
 * trimmed to the steps where any span was seen, aligned to `grid`. With `reference`
 * traces (the same query over healthy windows), each service's stats carry its
 * reference latencies and error rate (`traceReference`).
 */
export function summarizeTraces(traces: Iterable<RawTrace>, grid: TimeGrid, link?: (service: string) => string | undefined, reference: Iterable<RawTrace> = []): Ranked<ServiceTraceStats | TraceExemplar>[] {
  const accs = new Map<string, Acc>();
  const acc = (service: string) => {
    let a = accs.get(service);
    if (!a) accs.set(service, (a = newAcc(grid.length)));
    return a;
  };
  const candidates: { trace: RawTrace; analyzed: Analyzed[]; errors: number; durationMs: number }[] = [];
  let minStep = Infinity;
  let maxStep = -Infinity;
  const breaks = new PatternBreakCounter(isClientSpanOf);
  for (const trace of traces) {
    const analyzed = analyzeTrace(trace);
    if (analyzed.length > 0) breaks.add(analyzed, stepIndex(grid, analyzed.reduce((m, a) => Math.min(m, a.span.atMs), Infinity)));
    let errors = 0;
    let durationMs = 0;
    for (const a of analyzed) {
      const i = stepIndex(grid, a.span.atMs);
      if (a.parent < 0) durationMs = Math.max(durationMs, a.span.durationMs);
      if (i < 0) continue;
      minStep = Math.min(minStep, i);
      maxStep = Math.max(maxStep, i);
      if (a.span.status === 'error') errors++;
      const s = acc(a.span.service);
      s.ownSpans++;
      if (a.remote) {
        record(acc(a.remote), a, i);
        s.callees.set(a.remote, (s.callees.get(a.remote) ?? 0) + 1);
      } else record(s, a, i);
      const parent = a.parent >= 0 ? analyzed[a.parent]! : undefined;
      if (parent && parent.span.service !== a.span.service) {
        const callerStats = acc(parent.span.service);
        callerStats.callees.set(a.span.service, (callerStats.callees.get(a.span.service) ?? 0) + 1);
        if (parent.children.length === 1 && isClientSpanOf(parent.span, a.span)) recordGap(s, parent.span.service, i, Math.max(0, parent.span.durationMs - a.span.durationMs));
      }
    }
    if (analyzed.length > 0) {
      candidates.push({ trace, analyzed, errors, durationMs });
      if (candidates.length > 4 * MAX_EXEMPLARS) trimCandidates(candidates);
    }
  }
  if (accs.size === 0) return [];
  const healthy = [...reference];
  for (const trace of healthy) breaks.addReference(analyzeTrace(trace));
  const normal = traceReference(healthy);
  const broken = breaks.summarize(minStep, maxStep);
  const span = subGrid(grid, minStep, maxStep);
  const slice = <T>(xs: ArrayLike<T>): T[] => Array.from({ length: span.length }, (_, k) => xs[minStep + k]!);
  const stats: Ranked<ServiceTraceStats>[] = [...accs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([service, a]) => {
    const gaps = slice(a.gaps).map(p90);
    const byCaller = swungEdges([...a.gapsByCaller].map(([caller, steps]) => [caller, slice(steps).map(p90)]));
    const item: ServiceTraceStats = {
      class: 'traces',
      kind: 'service_stats',
      service,
      startMs: span.startMs,
      stepMs: span.stepMs,
      spans: slice(a.spans),
      errors: slice(a.errors),
      errorOrigins: slice(a.origins),
      durationP90Ms: slice(a.durations).map(p90),
      selfTimeP90Ms: slice(a.selfs).map(p90),
      ...(gaps.some((g) => g !== null) ? { inboundGapP90Ms: gaps, inboundGapP50Ms: slice(a.gaps).map(p50) } : {}),
      ...(byCaller ? { inboundGapByCallerP90Ms: byCaller } : {}),
      ...(a.ownSpans === 0 ? { seenOnlyByCallers: true } : {}),
      callees: Object.fromEntries([...a.callees.entries()].sort(([x], [y]) => x.localeCompare(y))),
      ...(normal.has(service) ? { reference: normal.get(service)! } : {}),
      ...(broken.has(service) ? { patternBreaks: broken.get(service)! } : {}),
      ...(link?.(service) ? { link: link(service)! } : {}),
    };
    const originTotal = item.errorOrigins.reduce((x, y) => x + y, 0);
    return { item, priority: 10 + Math.log1p(originTotal) };
  });
  trimCandidates(candidates);
  const exemplars = candidates.map((c, rank) => ({ item: exemplar(c.trace, c.analyzed), priority: 5 - rank / 100 }));
  return [...stats, ...exemplars];
}

/** Keeps the best exemplar candidates, error traces first then the slowest, so memory stays bounded while streaming. */
function trimCandidates(candidates: { errors: number; durationMs: number; trace: RawTrace }[]): void {
  candidates.sort((a, b) => Math.sign(b.errors) - Math.sign(a.errors) || b.durationMs - a.durationMs || a.trace.traceId.localeCompare(b.trace.traceId));
  candidates.length = Math.min(candidates.length, MAX_EXEMPLARS);
}
