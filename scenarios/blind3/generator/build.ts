/*
 * Turns a compact incident spec into a causeway.scenario/v1 object: service series in the
 * naming style of the backend, background noise that was always there, incident logs, traces
 * along call paths (third parties only as client spans), and an optional healthy reference.
 */
import { diurnal, effectAt, off, rng, seedOf, type Effect } from './lib.js';

export type Style = 'prom' | 'otel' | 'datadog' | 'cloudwatch';

export interface Svc {
  name: string;
  rps: number;
  /** p99 latency in ms. */
  p99: number;
  /** Usual error ratio. */
  err: number;
  /** Always noisy: error spikes and warn logs in healthy periods too. */
  noisy?: boolean;
  /** No request series of its own (a database, a queue, a third party). */
  noRed?: boolean;
}

/** An extra series (pool usage, disk, lag…) with its own base and effects. */
export interface Extra {
  name: string;
  service: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  noise: number;
  /** Follows diurnal load. */
  diurnal?: boolean;
  effects?: Array<Omit<Effect, 'service' | 'metric'> & { mode?: 'add' | 'mul' | 'set' }>;
  min?: number;
  max?: number;
  /** CloudWatch-style 5-minute period even when the scenario style is not. */
  period?: number;
}

export interface LogPattern {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  message: string;
  /** Minutes from `at`; default the window start. */
  from?: number;
  to?: number;
  everySec: number;
  attributes?: Record<string, unknown>;
}

export interface Call {
  from: string;
  to: string;
  name: string;
  /** A client span only: the callee is a third party that sends no spans. */
  external?: { host: string };
  /** The call exists only from this minute (from `at`) on: a path a change switched on. */
  after?: number;
}

export interface TraceSpec {
  root: { service: string; name: string };
  calls: Call[];
  everySec: number;
  /**
   * Non-leaf services whose latency effect is their own time (CPU starvation, a resolver
   * doing more work). Other callers' slowness in traces comes only from their callees.
   */
  ownEffects?: string[];
}

export interface Spec {
  name: string;
  description: string;
  at: string;
  style: Style;
  /** Minutes of evidence before `at`. */
  windowMin: number;
  topology: Record<string, string[]>;
  services: Svc[];
  effects: Effect[];
  extras?: Extra[];
  /** Always-there noise (also in the reference). */
  background?: LogPattern[];
  incidentLogs?: LogPattern[];
  traces?: TraceSpec;
  changes?: Array<Record<string, unknown>>;
  runtime?: Array<Record<string, unknown>>;
  exceptions?: Array<Record<string, unknown>>;
  alerts?: Array<Record<string, unknown>>;
  /** Hours before `at` the reference window ends at the same time of day; none = no reference. */
  referenceHours?: number;
  signal: { source: string; headers: Record<string, string>; body: unknown };
  expected: { rootCause: { service: string; kind: string }; action: string; mustCite: string[] };
}

interface Names {
  latency: [string, string, (ms: number) => number];
  errors: [string, string];
  traffic: [string, string];
  step: number;
}

const STYLE: Record<Style, Names> = {
  prom: { latency: ['http_server_request_duration_seconds:p99', 's', (ms) => ms / 1000], errors: ['http_server_requests:error_ratio_rate1m', 'ratio'], traffic: ['http_server_requests:rate1m', 'req/s'], step: 60 },
  otel: { latency: ['http.server.request.duration.p99', 'ms', (ms) => ms], errors: ['http.server.request.error_ratio', 'ratio'], traffic: ['http.server.request.rate', '1/s'], step: 60 },
  datadog: { latency: ['trace.http.request.duration.by.service.99p', 's', (ms) => ms / 1000], errors: ['trace.http.request.errors', 'count'], traffic: ['trace.http.request.hits', 'count'], step: 60 },
  cloudwatch: { latency: ['TargetResponseTime', 'Seconds', (ms) => ms / 1000], errors: ['HTTPCode_Target_5XX_Count', 'Count'], traffic: ['RequestCount', 'Count'], step: 300 },
};

const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

function effectsFor(spec: Spec, service: string, metric: Effect['metric']): Effect[] {
  return spec.effects.filter((e) => e.service === service && e.metric === metric);
}

/** Latency multiplier, added error ratio and traffic multiplier of a service at t (minutes from `at`). */
function state(spec: Spec, service: string, tMin: number, healthy: boolean) {
  if (healthy) return { lat: 1, err: 0, traffic: 1 };
  const sum = (metric: Effect['metric']) => effectsFor(spec, service, metric).reduce((acc, e) => acc + effectAt(e, tMin), 0);
  return { lat: 1 + sum('latency'), err: sum('errors'), traffic: 1 + sum('traffic') };
}

interface Window {
  startMs: number;
  endMs: number;
  atMs: number;
  /** Offset of the window from the incident, for reference windows (ms). */
  shiftMs: number;
  healthy: boolean;
}

function times(w: Window, step: number, r: () => number, gaps: boolean): number[] {
  const out: number[] = [];
  const first = Math.ceil(w.startMs / (step * 1000)) * step * 1000;
  for (let t = first; t <= w.endMs; t += step * 1000) if (!gaps || r() > 0.08) out.push(t);
  return out;
}

function redSeries(spec: Spec, w: Window, r: () => number) {
  const names = STYLE[spec.style];
  const gaps = spec.style === 'cloudwatch';
  const out: Array<Record<string, unknown>> = [];
  for (const svc of spec.services) {
    if (svc.noRed) continue;
    const ts = times(w, names.step, r, gaps);
    const lat: Array<[string, number]> = [];
    const err: Array<[string, number]> = [];
    const tra: Array<[string, number]> = [];
    for (const t of ts) {
      const tMin = (t + w.shiftMs - w.atMs) / 60000;
      const s = state(spec, svc.name, tMin, w.healthy);
      const load = diurnal(t) * s.traffic * (1 + (r() - 0.5) * 0.1);
      const spike = svc.noisy && r() < 0.15 ? 4 + r() * 6 : 1;
      const latency = svc.p99 * s.lat * (1 + (r() - 0.5) * 0.2) * (svc.noisy && r() < 0.2 ? 2.5 : 1) * (1 + 0.15 * Math.max(0, load - 1));
      const ratio = Math.min(1, svc.err * spike * (0.7 + r() * 0.6) + s.err);
      const o = off((t - w.atMs) / 1000);
      const key = o;
      lat.push([key, round(names.latency[2](latency))]);
      if (names.errors[1] === 'ratio') err.push([key, round(ratio, 5)]);
      else err.push([key, Math.round(svc.rps * load * names.step * ratio)]);
      if (names.traffic[1] === 'count' || names.traffic[1] === 'Count') tra.push([key, Math.round(svc.rps * load * names.step)]);
      else tra.push([key, round(svc.rps * load, 2)]);
    }
    const labels = labelsFor(spec.style, svc.name);
    out.push({ name: names.latency[0], service: svc.name, labels, unit: names.latency[1], points: lat });
    out.push({ name: names.errors[0], service: svc.name, labels, unit: names.errors[1], points: err });
    out.push({ name: names.traffic[0], service: svc.name, labels, unit: names.traffic[1], points: tra });
  }
  return out;
}

function labelsFor(style: Style, service: string): Record<string, string> {
  if (style === 'prom') return { job: service, namespace: 'prod' };
  if (style === 'otel') return { 'service.name': service, 'deployment.environment': 'production' };
  if (style === 'datadog') return { env: 'prod', service };
  return { Service: service };
}

function extraSeries(spec: Spec, w: Window, r: () => number) {
  return (spec.extras ?? []).map((x) => {
    const step = x.period ?? (spec.style === 'cloudwatch' ? 300 : 60);
    const ts = times(w, step, r, step === 300);
    const points = ts.map((t): [string, number] => {
      const tMin = (t + w.shiftMs - w.atMs) / 60000;
      let v = x.base * (x.diurnal ? diurnal(t) : 1) * (1 + (r() - 0.5) * x.noise);
      if (!w.healthy) {
        for (const e of x.effects ?? []) {
          const amount = effectAt({ ...e, service: x.service, metric: 'latency' }, tMin);
          if (!amount && tMin < e.from) continue;
          if ((e.mode ?? 'add') === 'add') v += amount;
          else if (e.mode === 'mul') v *= 1 + amount;
          else if (tMin >= e.from && (e.until === undefined || tMin < e.until)) v = e.value * (1 + (r() - 0.5) * x.noise);
        }
      }
      if (x.min !== undefined) v = Math.max(x.min, v);
      if (x.max !== undefined) v = Math.min(x.max, v);
      return [off((t - w.atMs) / 1000), round(v, 3)];
    });
    return { name: x.name, service: x.service, ...(x.labels ? { labels: x.labels } : {}), ...(x.unit ? { unit: x.unit } : {}), points };
  });
}

function fill(message: string, r: () => number): string {
  return message
    .replace(/\{ms\}/g, () => String(800 + Math.floor(r() * 4000)))
    .replace(/\{n\}/g, () => String(1 + Math.floor(r() * 90)))
    .replace(/\{id\}/g, () => Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0'))
    .replace(/\{ip\}/g, () => `10.${20 + Math.floor(r() * 20)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`);
}

/** What a log backend returns for one query pattern is bounded; so are these files. */
const MAX_LINES_PER_PATTERN = 150;

function logLines(patterns: LogPattern[], w: Window, r: () => number) {
  const out: Array<Record<string, unknown>> = [];
  for (const p of patterns) {
    const from = Math.max(w.startMs, p.from === undefined ? w.startMs : w.atMs - w.shiftMs + p.from * 60000);
    const to = Math.min(w.endMs, p.to === undefined ? w.endMs : w.atMs - w.shiftMs + p.to * 60000);
    const every = Math.max(p.everySec, (to - from) / 1000 / MAX_LINES_PER_PATTERN);
    for (let t = from + Math.floor(r() * every * 1000); t <= to; t += every * 1000 * (0.6 + r() * 0.8)) {
      const at = Math.round(t / 1000) * 1000;
      out.push({ at: off((at - w.atMs) / 1000), service: p.service, level: p.level, message: fill(p.message, r), ...(p.attributes ? { attributes: p.attributes } : {}) });
    }
  }
  return out.sort((a, b) => order(a.at as string) - order(b.at as string));
}

function order(offset: string): number {
  const m = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(offset)!;
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}

function hex(r: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');
  return s.slice(0, n);
}

function traceSet(spec: Spec, w: Window, r: () => number) {
  const ts = spec.traces!;
  const byName = new Map(spec.services.map((s) => [s.name, s]));
  const out: Array<Record<string, unknown>> = [];
  for (let t = w.startMs + ts.everySec * 500; t <= w.endMs; t += ts.everySec * 1000) {
    const tMin = (t + w.shiftMs - w.atMs) / 60000;
    const rootState = state(spec, ts.root.service, tMin, w.healthy);
    const rootSvc = byName.get(ts.root.service);
    const root = {
      spanId: hex(r, 16),
      parent: undefined as number | undefined,
      service: ts.root.service,
      name: ts.root.name,
      own: (rootSvc?.p99 ?? 40) * (0.1 + r() * 0.2) * rootState.lat,
      error: r() < (rootSvc?.err ?? 0.001),
      attributes: { 'span.kind': 'server' } as Record<string, unknown>,
      children: 0,
    };
    const spans = [root];
    /** Index of the server span of each internal service in this trace. */
    const serverOf = new Map<string, number>([[ts.root.service, 0]]);
    const callers = new Set(ts.calls.filter((c) => !c.external).map((c) => c.from));
    const ownTime = (service: string, lat: number) => (callers.has(service) && !ts.ownEffects?.includes(service) ? 1 : lat);
    root.own = (rootSvc?.p99 ?? 40) * (0.1 + r() * 0.2) * ownTime(ts.root.service, rootState.lat);
    for (const call of ts.calls) {
      if (call.after !== undefined && (w.healthy || tMin < call.after)) continue;
      const svc = byName.get(call.to);
      const s = state(spec, call.to, tMin, w.healthy);
      const error = r() < Math.min(1, (svc?.err ?? 0.001) + s.err);
      spans.push({
        spanId: hex(r, 16),
        parent: serverOf.get(call.from) ?? 0,
        service: call.external ? call.from : call.to,
        name: call.name,
        own: (svc?.p99 ?? 50) * (0.25 + r() * 0.35) * (call.external ? s.lat : ownTime(call.to, s.lat)),
        error,
        attributes: call.external
          ? { 'span.kind': 'client', 'peer.service': call.to, 'server.address': call.external.host, 'http.response.status_code': error ? 503 : 200 }
          : { 'span.kind': 'server' },
        children: 0,
      });
      if (!call.external) serverOf.set(call.to, spans.length - 1);
    }
    // Durations and failures roll up from callee to caller (calls are listed callers first).
    for (let i = spans.length - 1; i > 0; i--) {
      const span = spans[i]!;
      const parent = spans[span.parent!]!;
      parent.children += span.own + span.children;
      if (span.error && r() < 0.85) parent.error = true;
    }
    out.push({
      traceId: hex(r, 32),
      spans: spans.map((span, i) => ({
        spanId: span.spanId,
        ...(span.parent === undefined ? {} : { parentSpanId: spans[span.parent]!.spanId }),
        service: span.service,
        name: span.name,
        at: off((t + (i ? 2000 + i * 3 : 2000) - w.atMs) / 1000),
        durationMs: Math.round(span.own + span.children),
        status: span.error ? 'error' : 'ok',
        attributes: span.attributes,
      })),
    });
  }
  return out;
}

/** The scenario object for a spec (keys in the format's order). */
export function buildScenario(spec: Spec, opts: { logs: boolean; traces: boolean }) {
  const r = rng(seedOf(spec.name));
  const atMs = Date.parse(spec.at);
  const live: Window = { startMs: atMs - spec.windowMin * 60000, endMs: atMs, atMs, shiftMs: 0, healthy: false };
  const evidence: Record<string, unknown> = {};
  if (spec.referenceHours) {
    const shift = spec.referenceHours * 3600000;
    const refW: Window = { startMs: live.startMs - shift, endMs: live.endMs - shift, atMs, shiftMs: shift, healthy: true };
    const reference: Record<string, unknown> = { from: off(-(spec.windowMin * 60 + spec.referenceHours * 3600)), to: off(-spec.referenceHours * 3600) };
    reference.metrics = [...redSeries(spec, refW, r), ...extraSeries(spec, refW, r)];
    if (opts.logs && spec.background?.length) reference.logs = logLines(spec.background, refW, r);
    if (opts.traces && spec.traces) reference.traces = traceSet(spec, refW, r);
    evidence.reference = reference;
  }
  evidence.metrics = [...redSeries(spec, live, r), ...extraSeries(spec, live, r)];
  if (opts.logs) {
    const logs = logLines([...(spec.background ?? []), ...(spec.incidentLogs ?? [])], live, r);
    if (logs.length) evidence.logs = logs;
  }
  if (opts.traces && spec.traces) evidence.traces = traceSet(spec, live, r);
  if (spec.changes?.length) evidence.changes = spec.changes;
  if (spec.runtime?.length) evidence.runtime = spec.runtime;
  if (spec.exceptions?.length) evidence.exceptions = spec.exceptions;
  if (spec.alerts?.length) evidence.alerts = spec.alerts;
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal: spec.signal,
    topology: spec.topology,
    evidence,
    expected: spec.expected,
  };
}
