import { Rng, seedOf } from './prng.js';
import { off } from './time.js';

/*
 * Builds a scenario's evidence from a declarative spec: every service's ordinary traffic
 * (diurnal, noisy, with the warnings it always logs), then the incident's effects, then the
 * hand-written changes, runtime events, exceptions and alerts of the story. All times are
 * seconds relative to the alert (negative = before).
 */

export type Style = 'prom' | 'otel' | 'dd' | 'cw-alb' | 'cw-lambda' | 'none';
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export interface ServiceSpec {
  name: string;
  style: Style;
  /** Requests per second at the middle of the day curve. */
  rps?: number;
  /** p99 latency in ms when healthy. */
  p99?: number;
  /** Error ratio when healthy. */
  err?: number;
  /** Probability per point of a latency spike (an always-slow service). */
  spiky?: number;
  /** Background info lines; none means no application logs are collected for it. */
  info?: string[];
  /** Seconds between background log lines (default 120). */
  logEvery?: number;
  /** Warnings or errors it always logs, in the reference as in the incident. */
  chronic?: Array<{ level: Level; message: string; every: number }>;
  /** Labels on its standard series (CloudWatch dimensions for cw styles). */
  labels?: Record<string, string>;
}

export interface Effect {
  service: string;
  from: number;
  to?: number;
  /** Seconds to reach full effect. */
  ramp?: number;
  /** Error ratio during the effect. */
  err?: number;
  /** Latency multiplier. */
  lat?: number;
  /** Request rate multiplier. */
  rps?: number;
}

export interface SeriesSpec {
  name: string;
  service: string;
  labels?: Record<string, string>;
  unit?: string;
  /** Seconds between points (60, or 300 for CloudWatch). */
  step?: number;
  /** Probability that a point is missing (CloudWatch gaps). */
  gaps?: number;
  /** Value at t (seconds relative to the alert); `ref` is true when computing the reference; null = no point. */
  fn: (t: number, r: Rng, ref: boolean) => number | null;
  /** Leave it out of the reference (a series the reference query would not have returned). */
  noRef?: boolean;
}

export interface LogRule {
  service: string;
  from: number;
  to?: number;
  every: number;
  level: Level;
  msg: string | ((i: number, r: Rng) => string);
  attrs?: (i: number, r: Rng) => Record<string, unknown>;
  /** Also in the reference (the same line a week earlier). */
  inRef?: boolean;
}

export interface SpanTree {
  service: string;
  name: string;
  ms: number;
  status?: 'ok' | 'error';
  attrs?: Record<string, unknown>;
  /** Milliseconds after the parent's start (default 1–4). */
  after?: number;
  children?: SpanTree[];
}

export interface TraceRule {
  from: number;
  to: number;
  count: number;
  tree: (r: Rng, i: number) => SpanTree;
  /** Also generate this shape into the reference window. */
  inRef?: boolean;
}

export interface ChangeSpec {
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
export interface RuntimeSpec {
  at: number;
  service: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}
export interface ExceptionSpec {
  at: number;
  service: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}
export interface AlertSpec {
  at: number;
  service: string;
  name: string;
  status: 'firing' | 'resolved';
}

export interface ScenarioSpec {
  name: string;
  description: string;
  at: string;
  tenant?: string;
  signal: { source: string; headers?: Record<string, string>; body: unknown };
  topology?: Record<string, string[]>;
  /** Seconds of evidence before the alert (default 7200). */
  window?: number;
  /** Seconds of evidence after the alert (default 0). */
  after?: number;
  services: ServiceSpec[];
  effects?: Effect[];
  series?: SeriesSpec[];
  logs?: LogRule[];
  /** false: no log backend returned anything. */
  withLogs?: boolean;
  traces?: TraceRule[];
  changes?: ChangeSpec[];
  runtime?: RuntimeSpec[];
  exceptions?: ExceptionSpec[];
  alerts?: AlertSpec[];
  /** Hours back of the healthy reference and its length in seconds; absent: no reference. */
  reference?: { hoursBack: number; span?: number };
  expected: {
    rootCause: { service: string; kind: string };
    action: string;
    mustCite: string[];
  };
  /** For the README and manifest only; never written into the scenario. */
  meta: {
    story: string;
    modelledOn: string;
    alertService: string;
    alertStart: number;
    tempting: string;
  };
}

const DAY = 86400;

/** Diurnal load for an absolute time: trough near 04:00 UTC, peak near 16:00 UTC. */
function diurnal(absMs: number): number {
  const hour = ((absMs / 1000) % DAY) / 3600;
  return 1 + 0.45 * Math.sin(((hour - 10) / 24) * 2 * Math.PI);
}

function effectAt(effects: Effect[], service: string, t: number): { err?: number; lat: number; rps: number } {
  let lat = 1;
  let rps = 1;
  let err: number | undefined;
  for (const e of effects) {
    if (e.service !== service || t < e.from || (e.to !== undefined && t >= e.to)) continue;
    const k = e.ramp ? Math.min(1, (t - e.from) / e.ramp) : 1;
    if (e.lat !== undefined) lat *= 1 + (e.lat - 1) * k;
    if (e.rps !== undefined) rps *= 1 + (e.rps - 1) * k;
    if (e.err !== undefined) err = Math.max(err ?? 0, e.err * k);
  }
  return { err, lat, rps };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

interface Built {
  metrics: unknown[];
  logs: unknown[];
  traces: unknown[];
}


interface StdPoint {
  rps: number;
  lat: number;
  err: number;
}

function stdPoint(svc: ServiceSpec, t: number, absMs: number, r: Rng, effects: Effect[], ref: boolean): StdPoint {
  const e = ref ? { lat: 1, rps: 1, err: undefined } : effectAt(effects, svc.name, t);
  const baseErr = svc.err ?? 0.002;
  const spike = svc.spiky && r.chance(svc.spiky) ? r.range(2.5, 5) : 1;
  const rps = Math.max(0, (svc.rps ?? 20) * diurnal(absMs) * (1 + 0.05 * r.gauss()) * e.rps);
  const lat = (svc.p99 ?? 150) * (1 + 0.07 * r.gauss()) * spike * e.lat;
  const noiseErr = Math.max(0, baseErr * (1 + 0.35 * r.gauss()));
  const err = e.err !== undefined ? Math.max(noiseErr, e.err * (1 + 0.08 * r.gauss())) : noiseErr;
  return { rps, lat, err: Math.min(1, err) };
}

function pushStd(svc: ServiceSpec, out: unknown[], times: number[], label: (t: number) => string, atMs: number, shift: number, r: Rng, effects: Effect[], ref: boolean): void {
  const style = svc.style;
  if (style === 'none') return;
  const cw = style === 'cw-alb' || style === 'cw-lambda';
  const step = cw ? 300 : 60;
  const pts: Record<string, Array<[string, number]>> = { rate: [], lat: [], err: [] };
  for (const t of times) {
    if (((t % step) + step) % step !== 0) continue;
    if (cw && (r.chance(0.06) || t > -step)) continue;
    const p = stdPoint(svc, t, atMs + (t - shift) * 1000, r, effects, ref);
    const when = label(t);
    if (cw) {
      const count = Math.round(p.rps * step);
      pts.rate!.push([when, count]);
      pts.lat!.push([when, style === 'cw-alb' ? round(p.lat / 1000, 3) : round(p.lat, 1)]);
      pts.err!.push([when, Math.round(count * p.err)]);
    } else if (style === 'dd') {
      pts.rate!.push([when, round(p.rps, 2)]);
      pts.lat!.push([when, round(p.lat / 1000, 4)]);
      pts.err!.push([when, round(p.rps * p.err, 3)]);
    } else {
      pts.rate!.push([when, round(p.rps, 2)]);
      pts.lat!.push([when, style === 'otel' ? round(p.lat, 1) : round(p.lat / 1000, 4)]);
      pts.err!.push([when, round(p.err, 5)]);
    }
  }
  const lab = svc.labels ?? {};
  const names: Record<Style, [string, string, string, string, string, string]> = {
    prom: ['http_requests:rate1m', 'req/s', 'http_request_duration_seconds:p99', 's', 'http_requests:error_ratio_rate1m', 'ratio'],
    otel: ['http.server.request.rate', '{request}/s', 'http.server.request.duration.p99', 'ms', 'http.server.request.error_ratio', '1'],
    dd: ['trace.http.request.hits', 'hit/s', 'trace.http.request.duration.by.service.99p', 's', 'trace.http.request.errors', 'error/s'],
    'cw-alb': ['RequestCount', 'Count', 'TargetResponseTime', 'Seconds', 'HTTPCode_Target_5XX_Count', 'Count'],
    'cw-lambda': ['Invocations', 'Count', 'Duration', 'Milliseconds', 'Errors', 'Count'],
    none: ['', '', '', '', '', ''],
  };
  const [rn, ru, ln, lu, en, eu] = names[style];
  const ns: Record<string, string> = style === 'cw-alb' ? { Namespace: 'AWS/ApplicationELB' } : style === 'cw-lambda' ? { Namespace: 'AWS/Lambda' } : {};
  const latLabels: Record<string, string> = style === 'cw-alb' || style === 'cw-lambda' ? { ...ns, ...lab, Statistic: 'p99' } : { ...lab };
  const sumLabels: Record<string, string> = cw ? { ...ns, ...lab, Statistic: 'Sum' } : { ...lab };
  const item = (name: string, unit: string, labels: Record<string, string>, points: Array<[string, number]>) => {
    const o: Record<string, unknown> = { name, service: svc.name };
    if (Object.keys(labels).length) o.labels = labels;
    o.unit = unit;
    o.points = points;
    return o;
  };
  out.push(item(rn, ru, sumLabels, pts.rate!), item(ln, lu, latLabels, pts.lat!), item(en, eu, sumLabels, pts.err!));
}

const GENERIC_INFO = ['request completed', 'health check ok', 'cache refreshed', 'config reloaded (no changes)', 'metrics flushed'];

/** Builds metrics, logs and traces for one period: the incident window, or the reference (shifted back). */
function buildPeriod(spec: ScenarioSpec, r: Rng, from: number, to: number, ref: boolean, shift: number): Built {
  const atMs = Date.parse(spec.at);
  const label = (t: number) => off(t - shift);
  const effects = spec.effects ?? [];
  const metrics: unknown[] = [];
  const times: number[] = [];
  const first = Math.ceil(from / 60) * 60;
  for (let t = first; t <= to; t += 60) times.push(t);
  for (const svc of spec.services) pushStd(svc, metrics, times, label, atMs, shift, r, effects, ref);
  for (const s of spec.series ?? []) {
    if (ref && s.noRef) continue;
    const step = s.step ?? 60;
    const points: Array<[string, number]> = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
      if (s.gaps && r.chance(s.gaps)) continue;
      const v = s.fn(t, r, ref);
      if (v === null || Number.isNaN(v)) continue;
      points.push([label(t), round(v, Math.abs(v) >= 100 ? 1 : 4)]);
    }
    if (!points.length) continue;
    const o: Record<string, unknown> = { name: s.name, service: s.service };
    if (s.labels) o.labels = s.labels;
    if (s.unit) o.unit = s.unit;
    o.points = points;
    metrics.push(o);
  }

  const logs: Array<{ t: number; o: Record<string, unknown> }> = [];
  if (spec.withLogs !== false) {
    for (const svc of spec.services) {
      if (!svc.info) continue;
      const every = svc.logEvery ?? 120;
      for (let t = from + r.range(0, every); t <= to; t += every * r.range(0.5, 1.5)) {
        logs.push({ t, o: { service: svc.name, level: 'info', message: fill(r.pick(svc.info.length ? svc.info : GENERIC_INFO), r) } });
      }
      for (const c of svc.chronic ?? []) {
        for (let t = from + r.range(0, c.every); t <= to; t += c.every * r.range(0.4, 1.6)) {
          logs.push({ t, o: { service: svc.name, level: c.level, message: fill(c.message, r) } });
        }
      }
    }
    for (const rule of spec.logs ?? []) {
      if (ref && !rule.inRef) continue;
      const start = ref ? from : Math.max(from, rule.from);
      const end = ref ? to : Math.min(to, rule.to ?? to);
      let i = 0;
      for (let t = start + r.range(0, rule.every * 0.5); t <= end; t += rule.every * r.range(0.6, 1.4), i++) {
        const message = typeof rule.msg === 'string' ? fill(rule.msg, r) : rule.msg(i, r);
        const o: Record<string, unknown> = { service: rule.service, level: rule.level, message };
        if (rule.attrs) o.attributes = rule.attrs(i, r);
        logs.push({ t, o });
      }
    }
  }
  logs.sort((a, b) => a.t - b.t);

  const traces: unknown[] = [];
  for (const rule of spec.traces ?? []) {
    if (ref && !rule.inRef) continue;
    const start = ref ? from : rule.from;
    const end = ref ? to : rule.to;
    for (let i = 0; i < rule.count; i++) {
      const t = start + ((end - start) * (i + r.range(0.1, 0.9))) / rule.count;
      const traceId = r.hex(32);
      const spans: unknown[] = [];
      const walk = (node: SpanTree, startMs: number, parent?: string): number => {
        const spanId = r.hex(16);
        const span: Record<string, unknown> = { spanId };
        if (parent) span.parentSpanId = parent;
        span.service = node.service;
        span.name = node.name;
        span.at = new Date(atMs + (startMs - shift * 1000)).toISOString();
        spans.push(span);
        let cursor = startMs;
        let end = startMs + Math.round(node.ms);
        for (const child of node.children ?? []) {
          const begin = child.after !== undefined ? startMs + child.after : cursor + r.int(1, 4);
          const childEnd = walk(child, begin, spanId);
          cursor = Math.max(cursor, childEnd);
          end = Math.max(end, childEnd + 1);
        }
        span.durationMs = end - startMs;
        span.status = node.status ?? 'ok';
        if (node.attrs) span.attributes = node.attrs;
        return end;
      };
      walk(rule.tree(r, i), Math.round(t * 1000));
      traces.push({ traceId, spans });
    }
  }
  return { metrics, logs: logs.map(({ t, o }) => ({ at: label(Math.round(t)), ...o })), traces };
}

/** `{n:10-400}` → a number in range, `{hex:8}` → hex, `{pick:a|b|c}` → one of them. */
export function fill(template: string, r: Rng): string {
  return template
    .replace(/\{n:(\d+)-(\d+)\}/g, (_m, a, b) => String(r.int(Number(a), Number(b))))
    .replace(/\{hex:(\d+)\}/g, (_m, n) => r.hex(Number(n)))
    .replace(/\{pick:([^}]+)\}/g, (_m, list: string) => r.pick(list.split('|')));
}

/** The scenario file as JSON-ready object (without the meta the README uses). */
export function buildScenario(spec: ScenarioSpec): Record<string, unknown> {
  const r = new Rng(seedOf(spec.name));
  const window = spec.window ?? 7200;
  const incident = buildPeriod(spec, r, -window, spec.after ?? 0, false, 0);
  const evidence: Record<string, unknown> = {};
  if (spec.reference) {
    const span = spec.reference.span ?? Math.min(window, 7200);
    const back = spec.reference.hoursBack * 3600;
    const reference = buildPeriod(spec, r, -span, 0, true, back);
    const ref: Record<string, unknown> = { from: off(-back - span), to: off(-back) };
    if (reference.metrics.length) ref.metrics = reference.metrics;
    if (reference.logs.length) ref.logs = reference.logs;
    if (reference.traces.length) ref.traces = reference.traces;
    evidence.reference = ref;
  }
  if (incident.metrics.length) evidence.metrics = incident.metrics;
  if (incident.logs.length) evidence.logs = incident.logs;
  if (incident.traces.length) evidence.traces = incident.traces;
  const at = (o: { at: number }) => ({ ...o, at: off(o.at) });
  if (spec.changes?.length) evidence.changes = [...spec.changes].sort((a, b) => a.at - b.at).map(at);
  if (spec.runtime?.length) evidence.runtime = [...spec.runtime].sort((a, b) => a.at - b.at).map(at);
  if (spec.exceptions?.length) evidence.exceptions = [...spec.exceptions].sort((a, b) => a.at - b.at).map(at);
  if (spec.alerts?.length) evidence.alerts = [...spec.alerts].sort((a, b) => a.at - b.at).map(at);
  const out: Record<string, unknown> = {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: spec.tenant ?? 'demo',
    signal: spec.signal,
  };
  if (spec.topology) out.topology = spec.topology;
  out.evidence = evidence;
  out.expected = spec.expected;
  return out;
}

