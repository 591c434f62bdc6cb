/**
 * A small, deterministic engine for the blind7 suite: every number comes from a PRNG seeded
 * with the scenario's name, every time is an offset (seconds) from the alert's `at`.
 */

/** Seconds relative to the scenario's `at` (negative: before the alert). */
export type Sec = number;

export const m = (n: number): Sec => n * 60;
export const h = (n: number): Sec => n * 3600;

export function off(s: Sec): string {
  const sign = s < 0 ? '-' : '+';
  let rest = Math.abs(Math.round(s));
  const hh = Math.floor(rest / 3600);
  rest -= hh * 3600;
  const mm = Math.floor(rest / 60);
  const ss = rest - mm * 60;
  const parts = `${hh ? `${hh}h` : ''}${mm ? `${mm}m` : ''}${ss || (!hh && !mm) ? `${ss}s` : ''}`;
  return sign + parts;
}

export function iso(at: string, s: Sec): string {
  return new Date(Date.parse(at) + s * 1000).toISOString().replace('.000Z', 'Z');
}

export function epochMs(at: string, s: Sec): number {
  return Date.parse(at) + s * 1000;
}

export function rngFor(seed: string): () => number {
  let a = 2166136261;
  for (const c of seed) a = Math.imul(a ^ c.charCodeAt(0), 16777619);
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hex(rng: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

/** How a series departs from its base after `from`: to `value` or `factor`×base, reached over `ramp` seconds, until `to`. */
export interface Effect {
  from: Sec;
  to?: Sec;
  value?: number;
  factor?: number;
  ramp?: Sec;
}

export interface SeriesSpec {
  name: string;
  svc: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise (0.05 = ±5 %). */
  noise?: number;
  step?: Sec;
  /** Fraction of points missing (CloudWatch periods with no datapoint). */
  gaps?: number;
  diurnal?: boolean;
  effects?: Effect[];
  round?: number;
}

/** The golden signals of one service: request rate, error ratio and p99 latency. */
export interface ServiceSpec {
  rps: number;
  err: number;
  p99: number;
  noise?: number;
}

export type Style = 'prom' | 'otel' | 'dd' | 'cw';

export const GOLDEN: Record<Style, { rps: [string, string]; err: [string, string]; p99: [string, string] }> = {
  prom: { rps: ['http_requests_per_second', 'req/s'], err: ['http_error_ratio', 'ratio'], p99: ['http_request_duration_p99_ms', 'ms'] },
  otel: { rps: ['http.server.request.rate', 'req/s'], err: ['http.server.error_ratio', 'ratio'], p99: ['http.server.request.duration.p99', 'ms'] },
  dd: { rps: ['trace.http.request.hits', 'req/s'], err: ['trace.http.request.errors.ratio', 'ratio'], p99: ['trace.http.request.duration.by.service.99p', 'ms'] },
  cw: { rps: ['RequestCountPerSecond', 'req/s'], err: ['5XXErrorRate', 'ratio'], p99: ['TargetResponseTime.p99', 'ms'] },
};

export interface LogSpec {
  svc: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  msg: string;
  from: Sec;
  to?: Sec;
  /** Mean seconds between lines. */
  every: Sec;
  attrs?: Record<string, string | number | boolean>;
  /** Present in the healthy reference as well (always-there noise). */
  bg?: boolean;
}

/** One hop of a request path; `peer` makes it a client span to a service nobody traces (a third party). */
export interface Hop {
  svc: string;
  op: string;
  ms: number;
  peer?: string;
  host?: string;
}

export interface Fault {
  svc: string;
  /** Matches the hop's peer instead of its svc when set. */
  peer?: boolean;
  from: Sec;
  to?: Sec;
  mode: 'error' | 'slow';
  /** Probability that a request after `from` is hit. */
  p: number;
  ms?: number;
  attrs?: Record<string, string | number>;
  /** Whether the callers' spans turn to error too (they usually do). */
  propagate?: boolean;
}

export interface RouteSpec {
  n: number;
  /** The path exists only from this time (a change added it); such paths are absent from the reference. */
  from?: Sec;
  /** The path exists only until this time (a change replaced it). */
  to?: Sec;
  chain: Hop[];
  faults?: Fault[];
}

export interface Spec {
  name: string;
  description: string;
  at: string;
  tenant?: string;
  signal: { source: string; headers?: Record<string, string>; body: unknown };
  topology?: Record<string, string[]>;
  /** Seconds of evidence before `at`. */
  window?: Sec;
  /** Seconds of evidence after `at`. */
  after?: Sec;
  style?: Style;
  step?: Sec;
  svcs?: Record<string, ServiceSpec>;
  /** Effects on golden signals: key `svc.rps`, `svc.err`, `svc.p99`. */
  golden?: Record<string, Effect[]>;
  series?: SeriesSpec[];
  logs?: LogSpec[];
  traces?: RouteSpec[];
  changes?: Array<Record<string, unknown> & { at: Sec }>;
  runtime?: Array<Record<string, unknown> & { at: Sec }>;
  exceptions?: Array<Record<string, unknown> & { at: Sec }>;
  alerts?: Array<Record<string, unknown> & { at: Sec }>;
  /** Offset of the healthy reference period (default one week earlier); false for none. */
  reference?: Sec | false;
  noTraces?: boolean;
  noLogs?: boolean;
  expected: { rootCause: { service: string; kind: string }; action: string; mustCite: string[] };
  /** What the alert's normalizer must read: the service it names and when it started. */
  check: { service: string; start: Sec };
  /** For the README: the story and why the answer is what it is. */
  story: string;
}

function effectAt(base: number, t: Sec, effects: Effect[] | undefined): number {
  let v = base;
  for (const e of effects ?? []) {
    if (t < e.from || (e.to !== undefined && t > e.to)) continue;
    const target = e.value ?? base * (e.factor ?? 1);
    const k = e.ramp ? Math.min(1, (t - e.from) / e.ramp) : 1;
    v = v + (target - v) * k;
  }
  return v;
}

function diurnalFactor(at: string, t: Sec): number {
  const hour = (Date.parse(at) / 1000 + t) / 3600;
  return 1 + 0.25 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
}

function roundTo(v: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
}

function series(rng: () => number, at: string, s: SeriesSpec, from: Sec, to: Sec, shift: Sec, withEffects: boolean, defaultStep: Sec) {
  const step = s.step ?? defaultStep;
  const points: Array<[string, number]> = [];
  const start = Math.ceil(from / step) * step;
  for (let t = start; t <= to; t += step) {
    if (s.gaps && rng() < s.gaps) continue;
    let v = withEffects ? effectAt(s.base, t, s.effects) : s.base;
    if (s.diurnal) v *= diurnalFactor(at, t + shift);
    const noise = v !== s.base && s.base !== 0 && Math.abs(v / s.base - 1) > 0.5 ? Math.min(s.noise ?? 0.05, 0.15) : (s.noise ?? 0.05);
    v *= 1 + noise * (rng() * 2 - 1);
    points.push([off(t + shift), roundTo(Math.max(0, v), s.round ?? (Math.abs(s.base) < 1 ? 5 : 2))]);
  }
  return { name: s.name, service: s.svc, ...(s.unit ? { unit: s.unit } : {}), ...(s.labels ? { labels: s.labels } : {}), points };
}

function logs(rng: () => number, l: LogSpec, from: Sec, to: Sec, shift: Sec, traceIds: string[]) {
  const out: Array<Record<string, unknown>> = [];
  let t = Math.max(from, l.from) + rng() * l.every;
  const end = Math.min(to, l.to ?? to);
  while (t <= end) {
    const item: Record<string, unknown> = { at: off(t + shift), service: l.svc, level: l.level, message: l.msg };
    if (l.attrs) item.attributes = l.attrs;
    if (traceIds.length && l.level !== 'info' && rng() < 0.3) item.traceId = traceIds[Math.floor(rng() * traceIds.length)];
    out.push(item);
    t += l.every * (0.5 + rng());
  }
  return out;
}

function traces(rng: () => number, r: RouteSpec, from: Sec, to: Sec, shift: Sec, healthy: boolean) {
  const out: Array<{ traceId: string; spans: unknown[]; t: Sec; failed: boolean }> = [];
  for (let i = 0; i < r.n; i++) {
    const t = from + ((to - from) * (i + rng())) / r.n;
    const traceId = hex(rng, 32);
    const hits = r.chain.map((hop) => {
      if (healthy) return undefined;
      return (r.faults ?? []).find((f) => (f.peer ? hop.peer === f.svc : !hop.peer && hop.svc === f.svc) && t >= f.from && (f.to === undefined || t <= f.to) && rng() < f.p);
    });
    const durations: number[] = [];
    const errors: boolean[] = [];
    for (let k = r.chain.length - 1; k >= 0; k--) {
      const hop = r.chain[k]!;
      const child = k + 1 < r.chain.length ? durations[k + 1]! : 0;
      const childErr = k + 1 < r.chain.length ? errors[k + 1]! : false;
      const childFault = k + 1 < r.chain.length ? hits[k + 1] : undefined;
      const fault = hits[k];
      let d = hop.ms * (0.7 + 0.6 * rng()) + child;
      if (fault?.mode === 'slow') d += (fault.ms ?? 2000) * (0.8 + 0.4 * rng());
      if (fault?.mode === 'error' && fault.ms) d += fault.ms * (0.8 + 0.4 * rng());
      durations[k] = roundTo(d, 1);
      errors[k] = fault?.mode === 'error' || (childErr && (childFault?.propagate ?? true) && (childFault !== undefined || errors[k + 1]!));
    }
    const spanIds = r.chain.map(() => hex(rng, 16));
    let startAt = t;
    const spans = r.chain.map((hop, k) => {
      const span: Record<string, unknown> = {
        spanId: spanIds[k],
        ...(k ? { parentSpanId: spanIds[k - 1] } : {}),
        service: hop.svc,
        name: hop.op,
        at: off(startAt + shift),
        durationMs: durations[k],
        status: errors[k] ? 'error' : 'ok',
      };
      const attrs: Record<string, string | number> = {};
      if (hop.peer) Object.assign(attrs, { 'span.kind': 'client', 'peer.service': hop.peer, 'server.address': hop.host ?? hop.peer });
      if (hits[k]?.attrs && errors[k]) Object.assign(attrs, hits[k]!.attrs);
      if (Object.keys(attrs).length) span.attributes = attrs;
      startAt += 0.002 + rng() * 0.004;
      return span;
    });
    out.push({ traceId, spans, t, failed: errors[0]! });
  }
  return out;
}

/** Builds one scenario file's object from its spec. */
export function build(spec: Spec): Record<string, unknown> {
  const rng = rngFor(spec.name);
  const window = spec.window ?? h(1);
  const after = spec.after ?? m(5);
  const style = spec.style ?? 'prom';
  const step = spec.step ?? 60;
  const goldenSeries: SeriesSpec[] = [];
  for (const [svc, g] of Object.entries(spec.svcs ?? {})) {
    const names = GOLDEN[style];
    goldenSeries.push({ name: names.rps[0], unit: names.rps[1], svc, base: g.rps, noise: g.noise ?? 0.06, diurnal: true, effects: spec.golden?.[`${svc}.rps`] });
    goldenSeries.push({ name: names.err[0], unit: names.err[1], svc, base: g.err, noise: 0.35, effects: spec.golden?.[`${svc}.err`] });
    goldenSeries.push({ name: names.p99[0], unit: names.p99[1], svc, base: g.p99, noise: 0.12, effects: spec.golden?.[`${svc}.p99`] });
  }
  const allSeries = [...goldenSeries, ...(spec.series ?? [])];
  const from = -window;
  const to = after;
  const traceItems = spec.noTraces ? [] : (spec.traces ?? []).flatMap((r) => traces(rng, r, Math.max(from, r.from ?? from), Math.min(to, r.to ?? to), 0, false));
  const errTraceIds = traceItems.filter((x) => x.failed).map((x) => x.traceId);
  const evidence: Record<string, unknown> = {
    metrics: allSeries.map((s) => series(rng, spec.at, s, from, to, 0, true, step)),
  };
  if (!spec.noLogs) {
    const items = (spec.logs ?? []).flatMap((l) => logs(rng, l, from, to, 0, l.level === 'error' || l.level === 'fatal' ? errTraceIds : []));
    items.sort((a, b) => secOf(a.at as string) - secOf(b.at as string));
    evidence.logs = items;
  }
  if (traceItems.length) evidence.traces = traceItems.map(({ traceId, spans }) => ({ traceId, spans }));
  const timed = (xs: Array<Record<string, unknown> & { at: Sec }> | undefined) => xs?.map((x) => ({ ...x, at: off(x.at) }));
  if (spec.changes) evidence.changes = timed(spec.changes);
  if (spec.runtime) evidence.runtime = timed(spec.runtime);
  if (spec.exceptions) evidence.exceptions = timed(spec.exceptions);
  if (spec.alerts) evidence.alerts = timed(spec.alerts);
  const shift = spec.reference === undefined ? -h(168) : spec.reference;
  if (shift !== false) {
    const ref: Record<string, unknown> = { from: off(from + shift), to: off(to + shift) };
    ref.metrics = allSeries.map((s) => series(rng, spec.at, s, from, to, shift, false, step));
    if (!spec.noLogs) ref.logs = (spec.logs ?? []).filter((l) => l.bg).flatMap((l) => logs(rng, l, from, to, shift, []));
    if (!spec.noTraces && spec.traces?.length) {
      ref.traces = spec.traces.filter((r) => r.from === undefined).flatMap((r) => traces(rng, { ...r, n: Math.max(4, Math.round(r.n / 2)) }, from, to, shift, true)).map(({ traceId, spans }) => ({ traceId, spans }));
    }
    evidence.reference = ref;
  }
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: spec.tenant ?? 'blind7',
    signal: spec.signal,
    ...(spec.topology ? { topology: spec.topology } : {}),
    evidence,
    expected: spec.expected,
  };
}

function secOf(o: string): number {
  const sign = o.startsWith('-') ? -1 : 1;
  const mt = /(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(o.slice(1))!;
  return sign * (Number(mt[1] ?? 0) * 3600 + Number(mt[2] ?? 0) * 60 + Number(mt[3] ?? 0));
}
