/*
 * Building blocks for the blind16 scenarios: a seeded PRNG, scenario-relative times, diurnal
 * series with a fault shape, repeated log lines, call-path traces, and one builder that turns a
 * compact spec into a causeway.scenario/v1 document with its fault-free reference.
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
export type Cite = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** FNV-1a of the scenario name seeds mulberry32: the same name always draws the same numbers. */
export function rngFor(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seconds relative to `at` as the format's offset string: -4530 → "-1h15m30s". */
export function off(seconds: number): string {
  const s = Math.round(seconds);
  if (s === 0) return '-0s';
  const sign = s < 0 ? '-' : '+';
  let rest = Math.abs(s);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec ? `${sec}s` : ''}`;
}

/** Minutes before `at`, as seconds (negative). */
export const min = (m: number) => -Math.round(m * 60);
export const hrs = (h: number) => -Math.round(h * 3600);

export function isoAt(atIso: string, seconds: number): string {
  return new Date(Date.parse(atIso) + seconds * 1000).toISOString();
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** How a series changes at the fault: to `to` (absolute level) over `rampS` seconds from `from`. */
export interface FaultShape {
  from: number;
  to: number;
  rampS?: number;
  /** Relative noise on the faulty level (default: the series' own). */
  noise?: number;
}

export interface SeriesSpec {
  service: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise, e.g. 0.08. */
  noise?: number;
  /** Diurnal amplitude (0..1); load-like series follow the clock. */
  diurnal?: number;
  fault?: FaultShape;
  /** A second stage after the first (e.g. a hotfix that half helps). */
  fault2?: FaultShape;
  digits?: number;
  /** Clamp the value into [0, max]. */
  max?: number;
  /** Integer counter-like values. */
  integer?: boolean;
}

export interface LogSpec {
  service: string;
  level: Level;
  /** A template: {n} a counter, {id} a hex id, {ms} a duration, {pick:a|b|c} one of several. */
  message: string;
  from: number;
  to?: number;
  everyS: number;
  attributes?: Record<string, unknown>;
  /** Part of the fault: left out of the reference. */
  fault?: boolean;
}

export interface SpanTpl {
  service: string;
  name: string;
  ms: number;
  error?: boolean;
  attributes?: Record<string, unknown>;
  children?: SpanTpl[];
}

export interface TraceSpec {
  everyS: number;
  from: number;
  to?: number;
  normal: SpanTpl;
  /** From `fault.from` on, this share of traces take the faulty shape. */
  fault?: { from: number; share: number; tpl: SpanTpl };
}

export interface Change {
  at: number;
  service: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  commit?: string;
  source?: string;
}
export interface Runtime {
  at: number;
  service: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}
export interface ExceptionItem {
  at: number;
  service: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}
export interface AlertItem {
  at: number;
  service: string;
  name: string;
  status: 'firing' | 'resolved';
}

/** The alert that opens the investigation, written by `alert-bodies.ts` as its sender would. */
export interface AlertSpec {
  service: string;
  title: string;
  /** Seconds relative to `at` when the alert started (its startsAt / createdAt / state change). */
  startedAt: number;
  summary: string;
  severity?: 'critical' | 'high' | 'warning';
  /** CloudWatch: namespace, metric and the dimension that names the service. */
  cw?: { namespace: string; metric: string; dimension: string; threshold: number; stat?: string; period?: number; evaluation?: number };
  /** Extra labels/tags on Prometheus-style, Datadog and Opsgenie alerts. */
  labels?: Record<string, string>;
}

export interface Spec {
  name: string;
  /** Which public postmortem or incident class it models. */
  model: string;
  description: string;
  at: string;
  source: Source;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services: in the topology, owning no series, logs, spans or changes. */
  external?: string[];
  /** Seconds before `at` where the evidence window begins (e.g. hrs(3)). */
  windowStart: number;
  /** Series step in seconds (300 for CloudWatch shops). */
  stepS: number;
  /** Days back for the fault-free reference; 0 for none. */
  referenceDays: number;
  alert: AlertSpec;
  series: SeriesSpec[];
  logs: LogSpec[];
  traces: TraceSpec[];
  changes?: Change[];
  runtime?: Runtime[];
  exceptions?: ExceptionItem[];
  alerts?: AlertItem[];
  expected: { service: string; kind: Kind; action: Action; mustCite: Cite[] };
  /** One line for the README: what in the evidence tells an SRE the answer. */
  tell: string;
}

export function fillTemplate(template: string, rand: () => number, n: number): string {
  return template
    .replace(/\{n\}/g, String(n))
    .replace(/\{id\}/g, () => Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0'))
    .replace(/\{ms\}/g, () => String(Math.round(200 + rand() * 4800)))
    .replace(/\{num\}/g, () => String(Math.floor(1000 + rand() * 90000)))
    .replace(/\{pick:([^}]*)\}/g, (_all, options: string) => {
      const list = options.split('|');
      return list[Math.floor(rand() * list.length)]!;
    });
}

function levelAt(spec: SeriesSpec, t: number, absMs: number, rand: () => number, withFault: boolean): number {
  const hour = new Date(absMs + t * 1000).getUTCHours() + new Date(absMs + t * 1000).getUTCMinutes() / 60;
  const diurnal = spec.diurnal ? 1 + spec.diurnal * Math.sin(((hour - 9) / 24) * 2 * Math.PI) : 1;
  const noise = spec.noise ?? 0.05;
  let level = spec.base * diurnal;
  let relNoise = noise;
  for (const f of withFault ? [spec.fault, spec.fault2] : []) {
    if (!f || t < f.from) continue;
    const ramp = f.rampS ?? 0;
    const w = ramp > 0 ? Math.min(1, (t - f.from) / ramp) : 1;
    const target = spec.diurnal ? f.to * diurnal : f.to;
    level = level + (target - level) * w;
    if (f.noise !== undefined) relNoise = f.noise;
  }
  let v = level * (1 + (rand() * 2 - 1) * relNoise);
  if (v < 0) v = 0;
  if (spec.max !== undefined && v > spec.max) v = spec.max;
  return spec.integer ? Math.round(v) : round(v, spec.digits ?? 4);
}

export type Point = [string, number];

/** Points from `start` to `end` (seconds from at) every step; the reference passes `shift` and no fault. */
export function seriesPoints(spec: SeriesSpec, atIso: string, start: number, end: number, step: number, rand: () => number, shift = 0, withFault = true): Point[] {
  const points: Point[] = [];
  const atMs = Date.parse(atIso);
  for (let t = start; t <= end; t += step) points.push([off(t + shift), levelAt(spec, t + shift, atMs, rand, withFault)]);
  return points;
}

export interface LogOut {
  at: string;
  service: string;
  level: Level;
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
}

export function logLines(spec: LogSpec, rand: () => number, end: number, shift = 0): LogOut[] {
  const out: LogOut[] = [];
  const last = Math.min(spec.to ?? end, end);
  let n = 0;
  for (let t = spec.from; t <= last; t += spec.everyS) {
    const jitter = Math.floor(rand() * Math.min(spec.everyS, 20));
    const when = Math.min(t + jitter, last);
    n += 1;
    out.push({
      at: off(when + shift),
      service: spec.service,
      level: spec.level,
      message: fillTemplate(spec.message, rand, n),
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
    });
  }
  return out;
}

export interface SpanOut {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  at: string;
  durationMs: number;
  status: 'ok' | 'error';
  attributes?: Record<string, unknown>;
}

function hex(rand: () => number, len: number): string {
  let s = '';
  while (s.length < len) s += Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0');
  return s.slice(0, len);
}

function emitSpans(tpl: SpanTpl, parent: string | undefined, start: number, rand: () => number, out: SpanOut[]): number {
  const id = hex(rand, 16);
  const jitter = 1 + (rand() * 2 - 1) * 0.15;
  let childEnd = 0;
  let cursor = 2 + rand() * 3;
  const spanIndex = out.length;
  out.push({ spanId: id, ...(parent ? { parentSpanId: parent } : {}), service: tpl.service, name: tpl.name, at: '', durationMs: 0, status: tpl.error ? 'error' : 'ok', ...(tpl.attributes ? { attributes: tpl.attributes } : {}) });
  for (const child of tpl.children ?? []) {
    const d = emitSpans(child, id, start + cursor / 1000, rand, out);
    cursor += d + 1;
    childEnd = cursor;
  }
  const own = Math.max(tpl.ms * jitter, childEnd + 1);
  out[spanIndex]!.durationMs = Math.round(own * 10) / 10;
  out[spanIndex]!.at = off(Math.floor(start));
  return own;
}

export interface TraceOut {
  traceId: string;
  spans: SpanOut[];
}

export function traceList(spec: TraceSpec, rand: () => number, end: number, shift = 0, withFault = true): TraceOut[] {
  const out: TraceOut[] = [];
  const last = Math.min(spec.to ?? end, end);
  for (let t = spec.from; t <= last - 5; t += spec.everyS) {
    const faulty = withFault && spec.fault && t >= spec.fault.from && rand() < spec.fault.share;
    const tpl = faulty ? spec.fault!.tpl : spec.normal;
    const spans: SpanOut[] = [];
    emitSpans(tpl, undefined, t + shift, rand, spans);
    out.push({ traceId: hex(rand, 32), spans });
  }
  return out;
}

/** A span tree from a list: each element calls the next. */
export function chain(...links: SpanTpl[]): SpanTpl {
  const [head, ...rest] = links;
  if (!head) throw new Error('chain needs at least one span');
  if (!rest.length) return head;
  return { ...head, children: [...(head.children ?? []), chain(...rest)] };
}

/** A client span to a third party or managed service: owned by the caller, the peer named by `peer.service`. */
export function client(caller: string, peer: string, name: string, ms: number, error = false, extra: Record<string, unknown> = {}): SpanTpl {
  return { service: caller, name, ms, error, attributes: { 'span.kind': 'client', 'peer.service': peer, ...extra } };
}
