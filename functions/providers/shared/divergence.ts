import type { ServiceTraceStats } from '../../contracts/index.js';
import type { RawSpan } from './traces.js';

/*
 * Where a request's expected pattern broke. Every span of an operation usually makes the
 * same calls (its children: inner spans and calls out), in one of a few shapes, in a
 * usual order, learnt from the reference traces (or, for an operation the reference
 * holds too few spans of, from the window's earliest third). A span whose children are a
 * shape its operation rarely has, and a strict part of one it often has, left out work
 * it usually does: it stopped partway. An exception thrown or an error returned early
 * shows that way even where spans carry no status. The trace broke at the deepest such
 * span: its callers stopped because it did (they are victims). When everything it left
 * out usually comes after its last call, that call's answer is what stopped it, and the
 * callee is blamed: Nezha's rule, which blames the event after which the expected next
 * event stopped occurring, not the service where the gap is seen.
 */

export type PatternBreaks = NonNullable<ServiceTraceStats['patternBreaks']>;

/** What this module needs of an analyzed span: its span, its parent and children by index, and the peer a client span calls when that peer has no spans. */
export interface LinkedSpan {
  span: RawSpan;
  parent: number;
  children: number[];
  remote?: string;
}

/** Spans of an operation the reference must hold for its shapes to be the operation's usual ones; fewer, and the window's earliest third is the basis. */
const MIN_REFERENCE_SPANS = 3;
/** A shape rarer than this share of its operation's spans is not one of its normal branches. */
const RARE_SHARE = 0.1;
/** The calls most often left out, named per service. */
const MAX_MISSING = 3;
const NAME_CHARS = 200;

const keyOf = (s: RawSpan) => `${s.service}\u0000${s.name.slice(0, NAME_CHARS)}`;
const labelOf = (key: string) => key.replace('\u0000', ': ').slice(0, NAME_CHARS);

/** The distinct operations a span's children ran, sorted: its shape. */
const childKeys = (spans: readonly LinkedSpan[], i: number) => [...new Set(spans[i]!.children.map((c) => keyOf(spans[c]!.span)))].sort();

/** Whether a parent span is the client half of the call its child serves (`traces.ts` `isClientSpanOf`). */
export type ClientCall = (parent: RawSpan, child: RawSpan) => boolean;

/**
 * Whether a missing child is only the server half of the span's own call (a client span
 * whose callee's span is absent): the call was made, and a lost or late span of the
 * callee is not work the caller left undone.
 */
function serverHalf(span: RawSpan, childKey: string, clientCall: ClientCall): boolean {
  const [service, name] = childKey.split('\u0000') as [string, string];
  return service !== span.service && clientCall(span, { ...span, service, name });
}

interface Shape {
  children: ReadonlySet<string>;
  n: number;
}

/** Per operation, how often each shape of children occurred in the basis. */
class UsualShapes {
  constructor(private readonly clientCall: ClientCall) {}

  private readonly byOperation = new Map<string, { total: number; shapes: Map<string, Shape>; rank: Map<string, { sum: number; n: number }> }>();

  /** Adds a trace's spans; `only`, when given, says which operations take them. */
  learn(spans: readonly LinkedSpan[], only?: (operation: string) => boolean): void {
    spans.forEach((s, i) => {
      const key = keyOf(s.span);
      if (only && !only(key)) return;
      let op = this.byOperation.get(key);
      if (!op) this.byOperation.set(key, (op = { total: 0, shapes: new Map(), rank: new Map() }));
      sequenceOf(spans, i).forEach((child, rank) => {
        const r = op!.rank.get(child) ?? { sum: 0, n: 0 };
        r.sum += rank;
        r.n++;
        op!.rank.set(child, r);
      });
      const kids = childKeys(spans, i);
      const shape = kids.join('\u0001');
      const known = op.shapes.get(shape);
      if (known) known.n++;
      else op.shapes.set(shape, { children: new Set(kids), n: 1 });
      op.total++;
    });
  }

  /** Where a child operation usually comes among the operation's children (0 first), when it has been seen there. */
  position(operation: string, child: string): number | undefined {
    const r = this.byOperation.get(operation)?.rank.get(child);
    return r ? r.sum / r.n : undefined;
  }

  /** Whether the operation has been seen this many times. */
  knows(operation: string, times: number): boolean {
    return (this.byOperation.get(operation)?.total ?? 0) >= times;
  }

  /**
   * What span `i` left out of its operation's usual work: empty unless its shape is rare
   * for the operation and a strict part of a shape that is not (the most frequent such
   * shape, the smaller on a tie), ignoring the server half of its own calls.
   */
  missing(spans: readonly LinkedSpan[], i: number): string[] {
    const span = spans[i]!.span;
    const op = this.byOperation.get(keyOf(span));
    if (!op) return [];
    const kids = childKeys(spans, i);
    if ((op.shapes.get(kids.join('\u0001'))?.n ?? 0) >= RARE_SHARE * op.total) return [];
    let whole: Shape | undefined;
    for (const s of op.shapes.values()) {
      if (s.n < RARE_SHARE * op.total || s.children.size <= kids.length || !kids.every((k) => s.children.has(k))) continue;
      if (!whole || s.n > whole.n || (s.n === whole.n && s.children.size < whole.children.size)) whole = s;
    }
    if (!whole) return [];
    const present = new Set(kids);
    return [...whole.children].filter((k) => !present.has(k) && !serverHalf(span, k, this.clientCall));
  }
}

/** A span's child operations in the order it first started each (ties by name): its sequence of calls. */
function sequenceOf(spans: readonly LinkedSpan[], i: number): string[] {
  const first = new Map<string, number>();
  for (const c of spans[i]!.children) {
    const key = keyOf(spans[c]!.span);
    first.set(key, Math.min(first.get(key) ?? Infinity, spans[c]!.span.atMs));
  }
  return [...first].sort(([a, x], [b, y]) => x - y || a.localeCompare(b)).map(([key]) => key);
}

/**
 * The service whose answer stopped a span: the callee of its last call (followed through
 * its own client span, or the peer a client span names when the peer has no spans), when
 * everything it left out usually comes after that call. A span that skipped work usually
 * done before its last call did not stop at that call's answer: its own code went
 * another way. Undefined when the span itself is where it broke.
 */
function stoppedBy(spans: readonly LinkedSpan[], i: number, missing: readonly string[], usual: UsualShapes): string | undefined {
  const service = spans[i]!.span.service;
  const operation = keyOf(spans[i]!.span);
  const sequence = sequenceOf(spans, i);
  const lastCall = sequence.at(-1);
  const position = lastCall === undefined ? undefined : usual.position(operation, lastCall);
  if (position === undefined || !missing.every((m) => (usual.position(operation, m) ?? -Infinity) > position)) return undefined;
  const started = (c: number) => spans[c]!.span.atMs;
  let x = spans[i]!.children.filter((c) => keyOf(spans[c]!.span) === lastCall).reduce((a, c) => (a < 0 || started(c) > started(a) ? c : a), -1);
  if (x < 0) return undefined;
  while (spans[x]!.span.service === service && !spans[x]!.remote && spans[x]!.children.length === 1) x = spans[x]!.children[0]!;
  const at = spans[x]!;
  return at.span.service !== service ? at.span.service : at.remote;
}

interface Break {
  service: string;
  missing: string[];
}

/**
 * Where one trace's pattern broke: each deepest span that left out usual work (none of
 * its descendants did), blamed on the service whose answer stopped it (`stoppedBy`),
 * else on its own service. A fault breaks a request at one place; breaks in several
 * services of one trace at once are spans lost in collection (whole subtrees missing
 * under many servers), not a place, and count for none.
 */
function breaksOf(spans: readonly LinkedSpan[], usual: UsualShapes): Break[] {
  const missing = spans.map((_, i) => usual.missing(spans, i));
  const brokenBelow = new Array<boolean>(spans.length).fill(false);
  missing.forEach((m, i) => {
    if (m.length === 0) return;
    for (let p = spans[i]!.parent, hops = 0; p >= 0 && !brokenBelow[p] && hops < spans.length; p = spans[p]!.parent, hops++) brokenBelow[p] = true;
  });
  const breaks = missing.flatMap((m, i) => (m.length === 0 || brokenBelow[i] ? [] : [{ service: stoppedBy(spans, i, m, usual) ?? spans[i]!.span.service, missing: m }]));
  return new Set(breaks.map((b) => b.service)).size === 1 ? breaks : [];
}

/** The services a trace passed through: those with spans in it, and peers seen only through client spans. */
const servicesOf = (spans: readonly LinkedSpan[]) => new Set(spans.flatMap((s) => (s.remote ? [s.span.service, s.remote] : [s.span.service])));

/**
 * Collects the window's traces and the reference's, then says per service, per grid
 * step, how many traces passed through it and how many broke their expected pattern
 * there. The usual shapes come from the reference, or for an operation it holds too few
 * spans of, the window's earliest third, so a capture without a reference still has a
 * basis while one that began after the fault does not teach the broken shape as usual.
 * Memory grows with the traces kept, which the providers' fetch limits bound.
 */
export class PatternBreakCounter {
  constructor(private readonly clientCall: ClientCall) {}

  private readonly window: { spans: readonly LinkedSpan[]; step: number }[] = [];
  private readonly reference: (readonly LinkedSpan[])[] = [];

  /** Adds a window trace at the grid step where it began (negative: outside the grid, ignored). */
  add(spans: readonly LinkedSpan[], step: number): void {
    if (step >= 0 && spans.length > 0) this.window.push({ spans, step });
  }

  /** Adds a trace from the healthy reference windows. */
  addReference(spans: readonly LinkedSpan[]): void {
    if (spans.length > 0) this.reference.push(spans);
  }

  /** Per service with at least one break, its counts on the steps `from`..`to`. */
  summarize(from: number, to: number): Map<string, PatternBreaks> {
    const usual = new UsualShapes(this.clientCall);
    const early = from + (to - from) / 3;
    for (const spans of this.reference) usual.learn(spans);
    const referenced = (operation: string) => usual.knows(operation, MIN_REFERENCE_SPANS);
    const unreferenced = new Set<string>();
    for (const t of this.window) for (const s of t.spans) if (!referenced(keyOf(s.span))) unreferenced.add(keyOf(s.span));
    for (const t of this.window) if (t.step <= early) usual.learn(t.spans, (operation) => unreferenced.has(operation));
    const length = to - from + 1;
    const acc = new Map<string, { traces: number[]; broken: number[]; missed: Map<string, number>; refTraces: number; refBroken: number }>();
    const of = (service: string) => {
      let a = acc.get(service);
      if (!a) acc.set(service, (a = { traces: new Array<number>(length).fill(0), broken: new Array<number>(length).fill(0), missed: new Map(), refTraces: 0, refBroken: 0 }));
      return a;
    };
    for (const t of this.window) {
      if (t.step < from || t.step > to) continue;
      for (const service of servicesOf(t.spans)) of(service).traces[t.step - from]! += 1;
      const blamed = new Set<string>();
      for (const b of breaksOf(t.spans, usual)) {
        const a = of(b.service);
        if (!blamed.has(b.service)) a.broken[t.step - from]! += 1;
        blamed.add(b.service);
        for (const m of b.missing) a.missed.set(m, (a.missed.get(m) ?? 0) + 1);
      }
    }
    for (const spans of this.reference) {
      for (const service of servicesOf(spans)) of(service).refTraces++;
      for (const service of new Set(breaksOf(spans, usual).map((b) => b.service))) of(service).refBroken++;
    }
    const out = new Map<string, PatternBreaks>();
    for (const [service, a] of acc) {
      if (!a.broken.some((n) => n > 0)) continue;
      const missing = [...a.missed].sort(([x, m], [y, n]) => n - m || x.localeCompare(y)).slice(0, MAX_MISSING).map(([k]) => labelOf(k));
      out.set(service, { traces: a.traces, broken: a.broken, missing, ...(a.refTraces > 0 ? { reference: { traces: a.refTraces, broken: a.refBroken } } : {}) });
    }
    return out;
  }
}
