/*
 * The blind14 scenario engine: turns one compact spec into a causeway.scenario/v1 document.
 * Everything random comes from a PRNG seeded by the scenario name, so two runs write the
 * same bytes. Times are offsets in seconds from the notification (`at`), negative = before.
 */

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
export type Source = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';
export type Cls = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

/** A step or ramp in a series: from `at` the value moves to `to` (ramp: reaching it at `until`, default the end). */
export interface Fault {
  at: number;
  to: number;
  ramp?: boolean;
  until?: number;
}
export interface MetricDef {
  svc: string;
  name: string;
  unit?: string;
  base: number;
  noise?: number;
  diurnal?: number;
  labels?: Record<string, string>;
  faults?: Fault[];
  /** Integers (counts). */
  int?: boolean;
}
/** A log template repeated through the window (bg: also in the reference) or from `from` to `to` (fault logs). */
export interface LogDef {
  svc: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  msg: string;
  every: number;
  from?: number;
  to?: number;
  bg?: boolean;
  attrs?: Record<string, unknown>;
  max?: number;
}
/** One hop of a linear call chain: service, span name, duration, error, attributes. */
export type Hop = [svc: string, name: string, ms: number, err?: boolean, attrs?: Record<string, unknown>];
export interface TraceDef {
  hops: Hop[];
  bad?: Hop[];
  n: number;
  badFrom?: number;
}
export interface ChangeDef {
  at: number;
  svc: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  prev?: string;
  author?: string;
  source?: string;
}
export interface RuntimeDef {
  at: number;
  svc: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  msg?: string;
}
export interface ExceptionDef {
  at: number;
  svc: string;
  type: string;
  msg: string;
  count?: number;
  culprit?: string;
}
export interface AlertDef {
  at: number;
  svc: string;
  name: string;
  resolved?: boolean;
}

/** What the alert says, independent of how its sender spells it. */
export interface AlertSpec {
  svc: string;
  title: string;
  /** Seconds before `at` at which the alert started (its own start time). */
  start: number;
  detail?: string;
  /** alertmanager/grafana: the label that names the service (default `service`). */
  key?: 'service' | 'app' | 'pod' | 'deployment' | 'consumergroup' | 'statefulset' | 'container';
  labels?: Record<string, string>;
  /** cloudwatch: metric and dimensions. */
  cw?: { namespace: string; metric: string; dims: Record<string, string>; threshold: number; value: number; stat?: string; region?: string };
  /** pagerduty: an event other than incident.triggered (the incident opened at `start`). */
  pdEvent?: string;
  priority?: string;
}

export interface Spec {
  name: string;
  at: string;
  description: string;
  postmortem: string;
  source: Source;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services: in the topology, never owning an evidence series. */
  external?: string[];
  window: number;
  step: number;
  metrics: MetricDef[];
  logs?: LogDef[];
  traces?: TraceDef[];
  changes?: ChangeDef[];
  runtime?: RuntimeDef[];
  exceptions?: ExceptionDef[];
  alerts?: AlertDef[];
  reference?: false;
  root: { svc: string; kind: Kind };
  action: Action;
  mustCite: Cls[];
  onset: number;
  tell: string;
}

export const H = 3600;
export const M = 60;
export const REF_SHIFT = 168 * H;

/** mulberry32 seeded by a string hash: the only randomness in the suite. */
export function prng(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export function podSuffix(r: () => number): string {
  const pick = (n: number) => Array.from({ length: n }, () => POD_ALPHABET[Math.floor(r() * POD_ALPHABET.length)]).join('');
  return `${pick(10)}-${pick(5)}`;
}

/** An offset from `at` in the format's spelling: -3725 → "-1h2m5s". */
export function off(sec: number): string {
  const sign = sec > 0 ? '+' : '-';
  let s = Math.round(Math.abs(sec));
  const h = Math.floor(s / H);
  s -= h * H;
  const m = Math.floor(s / M);
  s -= m * M;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
  return sign + body;
}

export function iso(atMs: number, sec: number): string {
  return new Date(atMs + sec * 1000).toISOString();
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
}

function round(v: number, int?: boolean): number {
  if (int) return Math.max(0, Math.round(v));
  if (v === 0) return 0;
  const d = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v))));
  return Number(v.toFixed(Math.min(d, 6)));
}

function level(def: MetricDef, t: number, atMs: number, withFaults: boolean): number {
  const hour = new Date(atMs + t * 1000).getUTCHours() + new Date(atMs + t * 1000).getUTCMinutes() / 60;
  let v = def.base * (1 + (def.diurnal ?? 0) * Math.sin((2 * Math.PI * (hour - 9)) / 24));
  if (!withFaults) return v;
  for (const f of def.faults ?? []) {
    if (t < f.at) continue;
    if (f.ramp) {
      const end = f.until ?? 0;
      const k = end > f.at ? Math.min(1, (t - f.at) / (end - f.at)) : 1;
      v = v + (f.to - v) * k;
    } else v = def.base ? f.to * (1 + ((def.diurnal ?? 0) * (v / def.base - 1)) / 2) : f.to;
  }
  return v;
}

function series(def: MetricDef, r: () => number, atMs: number, from: number, to: number, step: number, shift: number, withFaults: boolean) {
  const points: Array<[string, number]> = [];
  const start = Math.ceil(from / step) * step;
  for (let t = start; t <= to; t += step) {
    const v = level(def, t, atMs - shift * 1000, withFaults) * (1 + (def.noise ?? 0.04) * gauss(r));
    const ceiling = def.unit === 'ratio' ? 1 : def.unit === '%' || def.unit === 'Percent' ? 100 : Infinity;
    points.push([off(t - shift), round(Math.min(ceiling, Math.max(0, v)), def.int)]);
  }
  const out: Record<string, unknown> = { name: def.name, service: def.svc };
  if (def.labels) out.labels = def.labels;
  if (def.unit) out.unit = def.unit;
  out.points = points;
  return out;
}

function fill(msg: string, r: () => number): string {
  return msg
    .replace(/\{n\}/g, () => String(1 + Math.floor(r() * 9000)))
    .replace(/\{ms\}/g, () => String(20 + Math.floor(r() * 900)))
    .replace(/\{id\}/g, () => hex(r, 12))
    .replace(/\{ip\}/g, () => `10.${Math.floor(r() * 8)}.${Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}`);
}

function logs(defs: LogDef[], r: () => number, from: number, shift: number, reference: boolean) {
  const out: Array<Record<string, unknown>> = [];
  for (const d of defs) {
    if (reference && !d.bg) continue;
    const a = Math.max(from, d.from ?? from);
    const b = d.to ?? 0;
    const every = Math.max(d.every, (b - a) / (d.max ?? 40));
    let count = 0;
    for (let t = a + r() * every; t <= b && count < (d.max ?? 40); t += every * (0.6 + 0.8 * r()), count++) {
      const item: Record<string, unknown> = { at: off(Math.floor(t) - shift), service: d.svc, level: d.level, message: fill(d.msg, r) };
      if (d.attrs) item.attributes = d.attrs;
      out.push(item);
    }
  }
  return out.sort((x, y) => cmpOff(x.at as string, y.at as string));
}

function secOf(o: string): number {
  const m = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(o)!;
  const s = Number(m[2] ?? 0) * H + Number(m[3] ?? 0) * M + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}
function cmpOff(a: string, b: string): number {
  return secOf(a) - secOf(b);
}

function trace(hops: Hop[], r: () => number, t: number, shift: number) {
  const traceId = hex(r, 32);
  const ids = hops.map(() => hex(r, 16));
  const durations = hops.map(([, , ms]) => Math.max(1, Math.round(ms * (0.8 + 0.4 * r()))));
  for (let i = hops.length - 2; i >= 0; i--) durations[i] = Math.max(durations[i]!, durations[i + 1]! + 2 + Math.round(r() * 6));
  const spans = hops.map(([svc, name, , err, attrs], i) => {
    const span: Record<string, unknown> = { spanId: ids[i] };
    if (i > 0) span.parentSpanId = ids[i - 1];
    Object.assign(span, { service: svc, name, at: off(t - shift + i * 0), durationMs: durations[i], status: err ? 'error' : 'ok' });
    if (attrs) span.attributes = attrs;
    return span;
  });
  return { traceId, spans };
}

function traces(defs: TraceDef[], r: () => number, from: number, onset: number, shift: number, reference: boolean) {
  const out: Array<Record<string, unknown>> = [];
  for (const d of defs) {
    const badFrom = d.badFrom ?? onset;
    const goodEnd = reference || !d.bad ? 0 : badFrom;
    for (let i = 0; i < d.n; i++) out.push({ t: from + ((goodEnd - from) * (i + r())) / d.n, tr: trace(d.hops, r, 0, 0) });
    if (!reference && d.bad) for (let i = 0; i < d.n; i++) out.push({ t: badFrom + (-badFrom * (i + r())) / d.n, tr: trace(d.bad, r, 0, 0) });
  }
  return out
    .sort((a, b) => (a.t as number) - (b.t as number))
    .map(({ t, tr }) => {
      const x = tr as { traceId: string; spans: Array<Record<string, unknown>> };
      for (const s of x.spans) s.at = off(Math.floor(t as number) - shift);
      return x;
    });
}

/** The scenario document for a spec, with the alert body built by `body`. */
export function build(spec: Spec, body: { headers: Record<string, string>; body: unknown }) {
  const r = prng(spec.name);
  const atMs = Date.parse(spec.at);
  const from = -spec.window;
  const evidence: Record<string, unknown> = {};
  if (spec.reference !== false) {
    const rr = prng(`${spec.name}/reference`);
    const ref: Record<string, unknown> = { from: off(from - REF_SHIFT), to: off(-REF_SHIFT) };
    ref.metrics = spec.metrics.map((d) => series(d, rr, atMs, from, 0, spec.step, REF_SHIFT, false));
    const refLogs = logs(spec.logs ?? [], rr, from, REF_SHIFT, true);
    if (refLogs.length) ref.logs = refLogs;
    if (spec.traces?.length) ref.traces = traces(spec.traces, rr, from, spec.onset, REF_SHIFT, true);
    evidence.reference = ref;
  }
  evidence.metrics = spec.metrics.map((d) => series(d, r, atMs, from, 0, spec.step, 0, true));
  const l = logs(spec.logs ?? [], r, from, 0, false);
  if (l.length) evidence.logs = l;
  if (spec.traces?.length) evidence.traces = traces(spec.traces, r, from, spec.onset, 0, false);
  const byTime = <T extends { at: number }>(items: T[]) => [...items].sort((x, y) => x.at - y.at);
  if (spec.changes?.length)
    evidence.changes = byTime(spec.changes).map((c) => {
      const o: Record<string, unknown> = { at: off(c.at), service: c.svc, kind: c.kind, summary: c.summary };
      if (c.version) o.version = c.version;
      if (c.prev) o.previousVersion = c.prev;
      o.author = c.author ?? (c.kind === 'scaling' || c.kind === 'infrastructure' ? 'automation' : 'ci-bot');
      if (c.kind === 'deployment') o.commit = hex(r, 12);
      o.source = c.source ?? (c.kind === 'deployment' ? 'argocd' : c.kind === 'feature_flag' ? 'launchdarkly' : c.kind === 'config' ? 'terraform' : 'platform');
      return o;
    });
  if (spec.runtime?.length)
    evidence.runtime = byTime(spec.runtime).map((x) => ({ at: off(x.at), service: x.svc, kind: x.kind, ...(x.count ? { count: x.count } : {}), ...(x.msg ? { message: x.msg } : {}) }));
  if (spec.exceptions?.length)
    evidence.exceptions = byTime(spec.exceptions).map((x) => ({ at: off(x.at), service: x.svc, type: x.type, message: x.msg, ...(x.count ? { count: x.count } : {}), ...(x.culprit ? { culprit: x.culprit } : {}) }));
  if (spec.alerts?.length) evidence.alerts = byTime(spec.alerts).map((x) => ({ at: off(x.at), service: x.svc, name: x.name, status: x.resolved ? 'resolved' : 'firing' }));
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind14',
    signal: { source: spec.source, headers: body.headers, body: body.body },
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.root.svc, kind: spec.root.kind }, action: spec.action, mustCite: spec.mustCite },
  };
}
