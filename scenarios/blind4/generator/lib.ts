/*
 * Builds one causeway.scenario/v1 document from a compact incident spec: per-service golden
 * signals with diurnal load and noise, background logs that are there in the healthy
 * reference too, traces whose error or latency sits where the fault is and climbs to the
 * callers, and the raw alert as its sender posts it. Deterministic: one seed per file.
 */
import type { SignalSpec } from './signals.js';
import { signalBody } from './signals.js';

export type Kind =
  | 'deployment'
  | 'config_change'
  | 'feature_flag'
  | 'resource_exhaustion'
  | 'dependency_failure'
  | 'infrastructure'
  | 'traffic_surge'
  | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Seeded PRNG (xmur3 hash into mulberry32), so every run writes the same bytes. */
export class Rng {
  private state: number;
  constructor(seed: string) {
    let h = 1779033703 ^ seed.length;
    for (let i = 0; i < seed.length; i++) {
      h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    this.state = h >>> 0;
  }
  next(): number {
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }
  gauss(): number {
    const u = Math.max(this.next(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  hex(chars: number): string {
    let out = '';
    while (out.length < chars) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/** Seconds from `at` as the format's offset: -3723 → "-1h2m3s". */
export function off(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  let s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
  return sign + parts;
}

export function iso(atIso: string, seconds: number): string {
  return new Date(Date.parse(atIso) + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A change of a series from `at` (seconds from the alert), reached linearly over `ramp` seconds. */
export interface Effect {
  at: number;
  mode: 'set' | 'mul' | 'add';
  value: number;
  ramp?: number;
  until?: number;
}

export interface SeriesSpec {
  name: string;
  service: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise (sd as a fraction of the value). */
  noise?: number;
  diurnal?: number;
  step?: number;
  /** Probability that a point is missing (CloudWatch and scrape gaps). */
  gaps?: number;
  effects?: Effect[];
  digits?: number;
  min?: number;
  max?: number;
  /** Not in the reference (a series only the incident window has). */
  noReference?: boolean;
}

/** How a service's golden signals move from the onset: error ratio level, latency and rate factors. */
export interface Impact {
  err?: number;
  lat?: number;
  rate?: number;
  at?: number;
  ramp?: number;
  until?: number;
}

export interface LogSpec {
  service: string;
  level: Level;
  message: string;
  /** Seconds between lines; for fault logs with `traced`, lines follow faulty traces instead. */
  every?: number;
  from?: number;
  to?: number;
  traced?: boolean;
  attributes?: Record<string, unknown>;
}

export interface Hop {
  svc: string;
  name: string;
  ms: number;
  /** A client span to something without its own telemetry (third party, managed service). */
  peer?: string;
  attrs?: Record<string, unknown>;
  kids?: Hop[];
}

export interface TraceFault {
  /** Service (or peer) names whose spans fail. */
  targets: string[];
  mode: 'error' | 'slow' | 'timeout';
  rate: number;
  from: number;
  to?: number;
  extraMs?: number;
  /** For `slow`: the share of slowed spans whose caller gave up (a timeout error). */
  errorRate?: number;
  attrs?: Record<string, unknown>;
}

export interface TraceSpec {
  n: number;
  routes: Hop[];
  fault?: TraceFault;
  /** Routes taken from the onset on, when a change altered the call pattern (default: `routes`). */
  after?: Hop[];
  /** Healthy traces in the reference. */
  refN?: number;
}

export interface Expected {
  service: string;
  kind: Kind;
  action: Action;
  mustCite: EvidenceClass[];
}

export interface Spec {
  file: string;
  description: string;
  at: string;
  modeledOn: string;
  why: string;
  onset: number;
  window?: number;
  /** Hours back for the healthy reference (24 or 168); null for none. */
  refShift?: number | null;
  /** How the golden signals are named and shaped: Prometheus, Datadog APM, CloudWatch ALB target groups, or Lambda. */
  style: 'prom' | 'dd' | 'cw' | 'lambda';
  step?: number;
  topology: Record<string, string[]>;
  /** Services with no telemetry of their own: third parties and managed services. */
  external?: string[];
  /** Services without golden-signal series (batch jobs, daemons). */
  noGolden?: string[];
  noisy?: string[];
  impact?: Record<string, Impact | Impact[]>;
  series?: SeriesSpec[];
  noise?: LogSpec[];
  faultLogs?: LogSpec[];
  traces?: TraceSpec;
  changes?: Array<Record<string, unknown>>;
  runtime?: Array<Record<string, unknown>>;
  exceptions?: Array<Record<string, unknown>>;
  alerts?: Array<Record<string, unknown>>;
  signal: SignalSpec;
  expected: Expected;
}

function services(spec: Spec): string[] {
  const all = new Set<string>();
  for (const [caller, callees] of Object.entries(spec.topology)) {
    all.add(caller);
    for (const callee of callees) all.add(callee);
  }
  const external = new Set(spec.external ?? []);
  return [...all].filter((s) => !external.has(s)).sort();
}

function valueAt(rng: Rng, s: SeriesSpec, t: number, atMs: number, withEffects: boolean): number {
  const hour = new Date(atMs + t * 1000).getUTCHours() + new Date(atMs + t * 1000).getUTCMinutes() / 60;
  let v = s.base * (1 + (s.diurnal ?? 0) * Math.sin((2 * Math.PI * (hour - 9)) / 24));
  if (withEffects) {
    for (const e of s.effects ?? []) {
      if (t < e.at || (e.until !== undefined && t >= e.until)) continue;
      const f = e.ramp ? Math.min(1, (t - e.at) / e.ramp) : 1;
      if (e.mode === 'set') v = v * (1 - f) + e.value * f;
      else if (e.mode === 'mul') v = v * (1 + (e.value - 1) * f);
      else v += e.value * f;
    }
  }
  v *= 1 + (s.noise ?? 0.05) * rng.gauss();
  if (s.min !== undefined) v = Math.max(s.min, v);
  if (s.max !== undefined) v = Math.min(s.max, v);
  const digits = s.digits ?? (Math.abs(s.base) < 0.1 ? 5 : Math.abs(s.base) < 10 ? 3 : 1);
  return Number(v.toFixed(digits));
}

function seriesPoints(rng: Rng, s: SeriesSpec, from: number, to: number, shift: number, atMs: number, withEffects: boolean): Array<[string, number]> {
  const step = s.step ?? 60;
  const points: Array<[string, number]> = [];
  const first = Math.ceil(from / step) * step;
  for (let t = first; t <= to; t += step) {
    if (s.gaps && rng.next() < s.gaps) continue;
    points.push([off(t + shift), valueAt(rng, s, t, atMs + shift * 1000, withEffects)]);
  }
  return points;
}

const GOLDEN = {
  prom: { rate: 'http_requests_per_second', err: 'http_server_error_ratio', lat: 'http_request_duration_p99_seconds', latScale: 0.001, step: 30 },
  dd: { rate: 'trace.http.request.hits', err: 'trace.http.request.error_rate', lat: 'trace.http.request.duration.by.service.99p', latScale: 0.001, step: 60 },
  cw: { rate: 'RequestCount', err: 'HTTPCode_Target_5XX_Count', lat: 'TargetResponseTime', latScale: 0.001, step: 60 },
  lambda: { rate: 'Invocations', err: 'Errors', lat: 'Duration', latScale: 1, step: 60 },
} as const;

function goldenSeries(spec: Spec, rng: Rng, svc: string): SeriesSpec[] {
  const g = GOLDEN[spec.style];
  const step = spec.step ?? g.step;
  const noisy = spec.noisy?.includes(svc);
  const raw = spec.impact?.[svc];
  const imps = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const rate = Math.round(rng.between(15, 900));
  const err = noisy ? rng.between(0.012, 0.03) : rng.between(0.0008, 0.005);
  const latMs = rng.between(60, 450);
  const aws = spec.style === 'cw' || spec.style === 'lambda';
  const gaps = aws ? 0.04 : 0.01;
  const labels: Record<string, string> = {
    prom: { job: svc, namespace: 'prod' },
    dd: { env: 'prod' },
    cw: { TargetGroup: `targetgroup/${svc}/${rng.hex(16)}`, stat: 'p99' },
    lambda: { FunctionName: svc },
  }[spec.style];
  const eff = (key: 'err' | 'lat' | 'rate', mode: Effect['mode'], scale: (imp: Impact) => number = () => 1): Effect[] =>
    imps.flatMap((imp) => (imp[key] === undefined ? [] : [{ at: imp.at ?? spec.onset, mode, value: imp[key]! * scale(imp), ramp: imp.ramp ?? 90, until: imp.until }]));
  const perMinute = rate * 60;
  /** The traffic multiplier in force at a time, so an error count follows the traffic it is a share of. */
  const trafficAt = (t: number) => imps.filter((imp) => imp.rate !== undefined && (imp.at ?? spec.onset) <= t && (imp.until === undefined || imp.until > t)).reduce((f, imp) => f * imp.rate!, 1);
  const { stat: _stat, ...countLabels } = labels;
  return [
    { name: g.rate, service: svc, unit: aws ? 'count' : 'req/s', labels: countLabels, base: aws ? perMinute : rate, noise: 0.06, diurnal: 0.3, step, gaps, effects: eff('rate', 'mul'), digits: 1, min: 0 },
    aws
      ? { name: g.err, service: svc, unit: 'count', labels: countLabels, base: perMinute * err, noise: noisy ? 0.35 : 0.25, diurnal: 0.3, step, gaps, effects: eff('err', 'set', (imp) => perMinute * trafficAt(imp.at ?? spec.onset)), digits: 0, min: 0 }
      : { name: g.err, service: svc, unit: 'ratio', labels, base: err, noise: noisy ? 0.35 : 0.25, step, gaps, effects: eff('err', 'set'), digits: 5, min: 0, max: 1 },
    { name: g.lat, service: svc, unit: spec.style === 'lambda' ? 'milliseconds' : 'seconds', labels, base: latMs * g.latScale, noise: 0.12, diurnal: 0.08, step, gaps, effects: eff('lat', 'mul'), digits: 4, min: 0.001 },
  ];
}

const BACKGROUND = [
  (svc: string, r: Rng) => `request completed method=GET route=/v1/${svc.split('-')[0]} status=200 duration_ms=${r.int(4, 180)}`,
  (_svc: string, r: Rng) => `pool stats active=${r.int(2, 30)} idle=${r.int(5, 40)} waiting=0`,
  (_svc: string, r: Rng) => `flushed ${r.int(200, 4000)} metric points to collector`,
  (svc: string, r: Rng) => `request completed method=POST route=/v1/${svc.split('-')[0]}/items status=201 duration_ms=${r.int(10, 260)}`,
  () => 'health check ok',
];

/** Datastores, caches and platform pieces do not log HTTP requests. */
const INFRA_BACKGROUND = [
  (_svc: string, r: Rng) => `flushed ${r.int(200, 4000)} metric points to collector`,
  () => 'health check ok',
  (_svc: string, r: Rng) => `connections: ${r.int(20, 400)} active, ${r.int(0, 3)} rejected since last report`,
  () => 'config reloaded, no changes',
];
const INFRA_NAME = /redis|memcache|db|pg|vitess|cassandra|kafka|clickhouse|bouncer|store|cache|gitaly|calico|cluster|nodepool|postgres|mongo|storage-node/;

interface Span {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  at: string;
  durationMs: number;
  status: 'ok' | 'error';
  attributes?: Record<string, unknown>;
}

interface BuiltTrace {
  traceId: string;
  spans: Span[];
  faulty: boolean;
  t: number;
}

function buildTrace(rng: Rng, route: Hop, t: number, fault: TraceFault | undefined, shift: number): BuiltTrace {
  const traceId = rng.hex(32);
  const spans: Span[] = [];
  let faulty = false;
  const walk = (hop: Hop, parent: string | undefined, start: number): { ms: number; failed: boolean } => {
    const spanId = rng.hex(16);
    const index = spans.length;
    const jitter = 0.7 + 0.6 * rng.next();
    let ms = Math.round(hop.ms * jitter);
    let failed = false;
    let cursor = start;
    for (const kid of hop.kids ?? []) {
      const res = walk(kid, spanId, cursor);
      ms += res.ms;
      cursor += res.ms / 1000;
      failed ||= res.failed;
    }
    const target = hop.peer ?? hop.svc;
    let attributes = hop.attrs ? { ...hop.attrs } : undefined;
    if (hop.peer) attributes = { 'peer.service': hop.peer, 'span.kind': 'client', ...attributes };
    if (fault && (fault.targets.includes(target) || fault.targets.includes(`${hop.svc}:${hop.name}`)) && rng.next() < fault.rate) {
      faulty = true;
      if (fault.mode === 'slow') {
        ms += Math.round((fault.extraMs ?? 2000) * (0.6 + 0.8 * rng.next()));
        if (fault.errorRate && rng.next() < fault.errorRate) {
          failed = true;
          attributes = { ...attributes, 'error.type': 'DeadlineExceeded', ...fault.attrs };
        }
      } else {
        failed = true;
        if (fault.mode === 'timeout') ms = Math.max(ms, fault.extraMs ?? 5000);
        attributes = { ...attributes, ...fault.attrs };
      }
    }
    spans.splice(index, 0, {
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      service: hop.svc,
      name: hop.name,
      at: off(start + shift),
      durationMs: ms,
      status: failed ? 'error' : 'ok',
      ...(attributes ? { attributes } : {}),
    });
    return { ms, failed };
  };
  walk(route, undefined, t);
  return { traceId, spans, faulty, t };
}

function activeFault(fault: TraceFault | undefined, t: number): TraceFault | undefined {
  return fault && t >= fault.from && (fault.to === undefined || t < fault.to) ? fault : undefined;
}

/** The scenario document for one spec. */
export function buildScenario(spec: Spec): Record<string, unknown> {
  const rng = new Rng(spec.file);
  const atMs = Date.parse(spec.at);
  const window = spec.window ?? 3600;
  const refShift = spec.refShift === undefined ? -24 * 3600 : spec.refShift === null ? null : -spec.refShift * 3600;
  const svcs = services(spec);
  const noGolden = new Set(spec.noGolden ?? []);

  const allSeries: SeriesSpec[] = [...svcs.filter((s) => !noGolden.has(s)).flatMap((s) => goldenSeries(spec, rng, s)), ...(spec.series ?? [])];
  const metrics = allSeries.map((s) => ({ name: s.name, service: s.service, ...(s.labels ? { labels: s.labels } : {}), ...(s.unit ? { unit: s.unit } : {}), points: seriesPoints(rng, s, -window, 0, 0, atMs, true) }));

  const logs: Array<Record<string, unknown>> = [];
  const background = (shift: number, into: Array<Record<string, unknown>>) => {
    for (const svc of svcs) {
      const every = rng.between(150, 300);
      for (let t = -window + rng.between(0, every); t <= 0; t += every * rng.between(0.6, 1.4)) {
        const lines = INFRA_NAME.test(svc) ? INFRA_BACKGROUND : BACKGROUND;
        into.push({ at: off(t + shift), service: svc, level: 'info', message: rng.pick(lines)(svc, rng) });
      }
    }
    for (const n of spec.noise ?? []) {
      const every = n.every ?? 300;
      const from = shift === 0 ? Math.max(-window, n.from ?? -window) : -window;
      const to = shift === 0 ? Math.min(0, n.to ?? 0) : 0;
      for (let t = from + rng.between(0, every); t <= to; t += every * rng.between(0.5, 1.5)) {
        into.push({ at: off(t + shift), service: n.service, level: n.level, message: n.message, ...(n.attributes ? { attributes: n.attributes } : {}) });
      }
    }
  };
  background(0, logs);

  const traces: BuiltTrace[] = [];
  if (spec.traces) {
    const { n, routes, fault } = spec.traces;
    for (let i = 0; i < n; i++) {
      const before = i < Math.ceil(n / 3);
      const t = before ? rng.between(-window + 60, Math.min(spec.onset - 30, -60)) : rng.between(Math.max(spec.onset, fault?.from ?? spec.onset) + 20, -10);
      const pool = !before && spec.traces.after ? spec.traces.after : routes;
      traces.push(buildTrace(rng, pool[i % pool.length]!, Math.round(t), activeFault(fault, t), 0));
    }
    traces.sort((a, b) => a.t - b.t);
  }

  for (const f of spec.faultLogs ?? []) {
    if (f.traced) {
      for (const tr of traces.filter((x) => x.faulty)) {
        const span = tr.spans.find((s) => s.service === f.service && s.status === 'error') ?? tr.spans.find((s) => s.service === f.service);
        if (!span) continue;
        logs.push({ at: span.at, service: f.service, level: f.level, message: f.message, traceId: tr.traceId, ...(f.attributes ? { attributes: f.attributes } : {}) });
      }
      continue;
    }
    const every = f.every ?? 60;
    for (let t = (f.from ?? spec.onset) + rng.between(0, every / 2); t <= Math.min(0, f.to ?? 0); t += every * rng.between(0.6, 1.4)) {
      logs.push({ at: off(t), service: f.service, level: f.level, message: f.message, ...(f.attributes ? { attributes: f.attributes } : {}) });
    }
  }
  logs.sort((a, b) => parseOff(a.at as string) - parseOff(b.at as string));

  const evidence: Record<string, unknown> = { metrics, logs };
  if (spec.traces) evidence.traces = traces.map(({ traceId, spans }) => ({ traceId, spans }));
  if (spec.changes) evidence.changes = spec.changes;
  if (spec.runtime) evidence.runtime = spec.runtime;
  if (spec.exceptions) evidence.exceptions = spec.exceptions;
  if (spec.alerts) evidence.alerts = spec.alerts;

  if (refShift !== null) {
    const refLogs: Array<Record<string, unknown>> = [];
    background(refShift, refLogs);
    refLogs.sort((a, b) => parseOff(a.at as string) - parseOff(b.at as string));
    const refTraces: BuiltTrace[] = [];
    if (spec.traces) {
      const refN = spec.traces.refN ?? Math.max(4, Math.floor(spec.traces.n / 2));
      for (let i = 0; i < refN; i++) {
        const t = Math.round(rng.between(-window + 60, -10));
        refTraces.push(buildTrace(rng, spec.traces.routes[i % spec.traces.routes.length]!, t, undefined, refShift));
      }
      refTraces.sort((a, b) => a.t - b.t);
    }
    evidence.reference = {
      from: off(refShift - window),
      to: off(refShift),
      metrics: allSeries.filter((s) => !s.noReference).map((s) => ({ name: s.name, service: s.service, ...(s.labels ? { labels: s.labels } : {}), ...(s.unit ? { unit: s.unit } : {}), points: seriesPoints(rng, s, -window, 0, refShift, atMs, false) })),
      logs: refLogs,
      ...(spec.traces ? { traces: refTraces.map(({ traceId, spans }) => ({ traceId, spans })) } : {}),
    };
  }

  return {
    format: 'causeway.scenario/v1',
    name: spec.file,
    at: spec.at,
    tenant: 'demo',
    description: spec.description,
    signal: signalBody(spec.signal, spec.at, rng),
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}

function parseOff(value: string): number {
  const m = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m) return 0;
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}
