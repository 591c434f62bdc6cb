import { type AlertSpec, buildSignal, type SignalSourceName } from './alerts.js';
import { Random } from './random.js';

/** A service of the scenario: its healthy golden signals and how its evidence looks. */
export interface ServiceSpec {
  /** Requests per second at the daily mean; 0 or absent: no golden-signal metrics (a database, a node agent). */
  rate?: number;
  latencyMs?: number;
  errorRatio?: number;
  /** Always throws some errors and warnings, in the reference too. */
  noisy?: boolean;
  /** A third party: no metrics or logs of its own, seen only as its callers' client spans (`peer.service`). */
  external?: boolean;
  /** CloudWatch shape of its golden signals, when the metrics backend is CloudWatch. */
  cw?: 'lambda' | 'alb' | 'apigw';
  /** Span name of its server span, or for an external the client span name. */
  op?: string;
  /** Routine info lines it logs. */
  chatter?: string[];
}

/** A change in a service's golden signals, in minutes relative to `at`. */
export interface Effect {
  service: string;
  from: number;
  ramp?: number;
  to?: number;
  /** Added error ratio at full effect. */
  errors?: number;
  /** Latency multiplier at full effect. */
  latency?: number;
  /** Request-rate multiplier at full effect. */
  rate?: number;
}

export interface ExtraMetric {
  name: string;
  service: string;
  unit?: string;
  labels?: Record<string, string>;
  /** Healthy value at minute t (relative to `at`); also what the reference shows. */
  healthy: (t: number, rng: Random) => number;
  /** The value during the incident window, when it differs from healthy. */
  faulty?: (t: number, rng: Random) => number | undefined;
  /** Leave this series out of the reference (a backend that kept no history for it). */
  noReference?: boolean;
  digits?: number;
}

export interface LogRule {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  messages: string[];
  from: number;
  to: number;
  count: number;
  attributes?: Record<string, unknown>;
  /** Also present in the reference period: a service that always says this. */
  always?: boolean;
}

export interface TraceFault {
  service: string;
  from: number;
  to?: number;
  errorRate: number;
  extraMs: number;
  attributes?: Record<string, unknown>;
}

export interface TraceSpec {
  count: number;
  roots: string[];
  faults: TraceFault[];
}

interface Stamped {
  at: number;
}
export interface ChangeSpec extends Stamped {
  service: string;
  kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
  summary: string;
  version?: string;
  previousVersion?: string;
  author?: string;
  commit?: string;
  source?: string;
}
export interface RuntimeSpec extends Stamped {
  service: string;
  kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
  count?: number;
  message?: string;
}
export interface ExceptionSpec extends Stamped {
  service: string;
  type: string;
  message: string;
  count?: number;
  culprit?: string;
}
export interface AlertSeen extends Stamped {
  service: string;
  name: string;
  status: 'firing' | 'resolved';
}

export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

export interface ScenarioSpec {
  name: string;
  /** What on-call sees; never the answer. */
  description: string;
  at: string;
  source: SignalSourceName;
  alert: AlertSpec;
  topology: Record<string, string[]>;
  backend: 'prometheus' | 'cloudwatch';
  /** Minutes of metrics before `at` (default 120 for Prometheus, 180 for CloudWatch). */
  windowMin?: number;
  stepSec?: number;
  services: Record<string, ServiceSpec>;
  effects: Effect[];
  extras?: ExtraMetric[];
  /** `false`: no log backend answered. */
  logs?: LogRule[] | false;
  traces?: TraceSpec;
  changes?: ChangeSpec[];
  runtime?: RuntimeSpec[];
  exceptions?: ExceptionSpec[];
  alerts?: AlertSeen[];
  /** Whether a healthy reference capture exists (a week earlier). */
  reference: boolean;
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  modelledOn: string;
  story: string;
  tempting: string[];
}

/** Seconds relative to `at` as the format's offset: `-1h5m30s`, `+0s`. */
export function offset(seconds: number): string {
  const s = Math.round(seconds);
  if (s === 0) return '+0s';
  const sign = s < 0 ? '-' : '+';
  let rest = Math.abs(s);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec ? `${sec}s` : ''}`;
}

const minutes = (t: number) => offset(t * 60);

/** 0 before `from`, rising to 1 over `ramp` minutes, back to 0 after `to`. */
export function ramp(t: number, from: number, duration = 0, to = Infinity): number {
  if (t < from || t > to) return 0;
  if (duration <= 0) return 1;
  return Math.min(1, (t - from) / duration);
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

interface Golden {
  rate: number;
  errors: number;
  latency: number;
}

function diurnal(atMs: number, t: number, peakHourUtc: number): number {
  const hour = (((atMs + t * 60000) / 3600000) % 24 + 24) % 24;
  return 1 + 0.35 * Math.cos(((hour - peakHourUtc) / 24) * 2 * Math.PI);
}

function golden(spec: ScenarioSpec, name: string, svc: ServiceSpec, t: number, rng: Random, faulty: boolean, atMs: number, peak: number): Golden {
  let rate = (svc.rate ?? 0) * diurnal(atMs, t, peak) * (1 + 0.05 * rng.gauss());
  const baseErr = svc.errorRatio ?? 0.002;
  let errors = Math.max(0, baseErr * (1 + (svc.noisy ? 0.8 : 0.35) * rng.gauss()) + (svc.noisy && rng.chance(0.1) ? baseErr * 3 : 0));
  let latency = (svc.latencyMs ?? 60) * (1 + 0.08 * rng.gauss()) * (svc.noisy && rng.chance(0.08) ? 2.2 : 1);
  if (faulty) {
    for (const effect of spec.effects) {
      if (effect.service !== name) continue;
      const p = ramp(t, effect.from, effect.ramp ?? 0, effect.to ?? Infinity);
      if (!p) continue;
      if (effect.rate) rate *= 1 + p * (effect.rate - 1);
      if (effect.errors) errors += p * effect.errors * (1 + 0.1 * rng.gauss());
      if (effect.latency) latency *= 1 + p * (effect.latency - 1) * (1 + 0.08 * rng.gauss());
    }
  }
  return { rate: Math.max(0, rate), errors: Math.min(1, Math.max(0, errors)), latency: Math.max(1, latency) };
}

interface Series {
  name: string;
  service: string;
  labels?: Record<string, string>;
  unit?: string;
  points: [string, number][];
}

function goldenSeries(spec: ScenarioSpec, name: string, svc: ServiceSpec, times: number[], shift: number, faulty: boolean, rng: Random, atMs: number, peak: number): Series[] {
  const samples = times.map((t) => golden(spec, name, svc, t, rng, faulty, atMs, peak));
  const at = (i: number) => minutes(times[i]! + shift);
  if (spec.backend === 'prometheus') {
    return [
      { name: 'http_requests_per_second', service: name, unit: 'req/s', points: samples.map((s, i) => [at(i), round(s.rate, 2)]) },
      { name: 'http_error_ratio', service: name, unit: 'ratio', points: samples.map((s, i) => [at(i), round(s.errors, 5)]) },
      { name: 'http_latency_p99_ms', service: name, unit: 'ms', points: samples.map((s, i) => [at(i), round(s.latency, 1)]) },
    ];
  }
  const step = spec.stepSec ?? 300;
  const count = (s: Golden) => Math.round(s.rate * step);
  const errs = (s: Golden) => Math.round(s.rate * step * s.errors);
  if (svc.cw === 'lambda') {
    const labels = { namespace: 'AWS/Lambda', FunctionName: name };
    return [
      { name: 'Invocations', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), count(s)]) },
      { name: 'Errors', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), errs(s)]) },
      { name: 'Duration', service: name, unit: 'Milliseconds', labels: { ...labels, stat: 'p99' }, points: samples.map((s, i) => [at(i), round(s.latency, 1)]) },
    ];
  }
  if (svc.cw === 'apigw') {
    const labels = { namespace: 'AWS/ApiGateway', ApiName: name };
    return [
      { name: 'Count', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), count(s)]) },
      { name: '5XXError', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), errs(s)]) },
      { name: 'Latency', service: name, unit: 'Milliseconds', labels: { ...labels, stat: 'p99' }, points: samples.map((s, i) => [at(i), round(s.latency, 1)]) },
    ];
  }
  const alarmed = spec.alert.service === name && spec.alert.cloudwatch?.namespace === 'AWS/ApplicationELB' ? spec.alert.cloudwatch.dimensions : undefined;
  const labels = { namespace: 'AWS/ApplicationELB', LoadBalancer: 'app/prod-internal/5e1f07c2a9d4b318', TargetGroup: `targetgroup/${name}/${rng.hex(16)}`, ...alarmed };
  return [
    { name: 'RequestCount', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), count(s)]) },
    { name: 'HTTPCode_Target_5XX_Count', service: name, unit: 'Count', labels: { ...labels, stat: 'Sum' }, points: samples.map((s, i) => [at(i), errs(s)]) },
    { name: 'TargetResponseTime', service: name, unit: 'Seconds', labels: { ...labels, stat: 'p99' }, points: samples.map((s, i) => [at(i), round(s.latency / 1000, 4)]) },
  ];
}

function metricTimes(spec: ScenarioSpec): number[] {
  const window = spec.windowMin ?? (spec.backend === 'cloudwatch' ? 180 : 120);
  const step = (spec.stepSec ?? (spec.backend === 'cloudwatch' ? 300 : 60)) / 60;
  const times: number[] = [];
  for (let t = -window; t <= 0.0001; t += step) times.push(round(t, 4));
  return times;
}

function metrics(spec: ScenarioSpec, times: number[], shift: number, faulty: boolean, rng: Random, atMs: number, peak: number): Series[] {
  const out: Series[] = [];
  for (const [name, svc] of Object.entries(spec.services)) {
    if (svc.external || !svc.rate) continue;
    out.push(...goldenSeries(spec, name, svc, times, shift, faulty, rng, atMs, peak));
  }
  for (const extra of spec.extras ?? []) {
    if (!faulty && extra.noReference) continue;
    const digits = extra.digits ?? 3;
    out.push({
      name: extra.name,
      service: extra.service,
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.unit ? { unit: extra.unit } : {}),
      points: times.map((t) => {
        const value = (faulty ? extra.faulty?.(t, rng) : undefined) ?? extra.healthy(t, rng);
        return [minutes(t + shift), round(Math.max(0, value), digits)];
      }),
    });
  }
  return out;
}

const DEFAULT_CHATTER = ['health check ok', 'config reloaded from cache', 'request served', 'flushed metrics buffer', 'connection pool stats: active=12 idle=20'];

interface LogOut {
  at: string;
  service: string;
  level: LogRule['level'];
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
}

function logs(spec: ScenarioSpec, window: number, shift: number, faulty: boolean, rng: Random): LogOut[] {
  if (spec.logs === false) return [];
  const out: Array<LogOut & { t: number }> = [];
  for (const [name, svc] of Object.entries(spec.services)) {
    if (svc.external) continue;
    const lines = svc.chatter ?? DEFAULT_CHATTER;
    const n = Math.min(60, Math.round(window / 3));
    for (let i = 0; i < n; i++) {
      const t = rng.between(-window, 0);
      out.push({ t: t + shift, at: '', service: name, level: 'info', message: rng.pick(lines) });
    }
  }
  for (const rule of spec.logs ?? []) {
    if (!faulty && !rule.always) continue;
    const from = faulty ? rule.from : -window;
    const to = faulty ? rule.to : 0;
    for (let i = 0; i < rule.count; i++) {
      const t = rng.between(Math.max(from, -window), Math.min(to, 2));
      out.push({ t: t + shift, at: '', service: rule.service, level: rule.level, message: rng.pick(rule.messages), ...(rule.attributes ? { attributes: rule.attributes } : {}) });
    }
  }
  out.sort((a, b) => a.t - b.t || a.service.localeCompare(b.service));
  return out.map(({ t, ...log }) => ({ ...log, at: offset(Math.round(t * 60)) }));
}

interface SpanOut {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  at: string;
  durationMs: number;
  status: 'ok' | 'error';
  attributes?: Record<string, unknown>;
}

function traces(spec: ScenarioSpec, window: number, shift: number, faulty: boolean, rng: Random): Array<{ traceId: string; spans: SpanOut[] }> {
  const plan = spec.traces;
  if (!plan) return [];
  const out: Array<{ traceId: string; spans: SpanOut[]; t: number }> = [];
  const count = faulty ? plan.count : Math.ceil(plan.count / 2);
  for (let n = 0; n < count; n++) {
    // Sample more densely after the earliest fault so that the failing hop shows up, as tail sampling keeps errors.
    const earliest = Math.min(...plan.faults.map((f) => f.from), 0);
    const t = faulty && rng.chance(0.6) ? rng.between(Math.max(earliest, -window), 0) : rng.between(-Math.min(window, 60), 0);
    const startMs = (t + shift) * 60000;
    const spans: SpanOut[] = [];
    const visit = (service: string, parent: SpanOut | undefined, offsetMs: number, depth: number): { durationMs: number; error: boolean } => {
      const svc = spec.services[service] ?? {};
      const spanId = rng.hex(16);
      const fault = faulty ? plan.faults.find((f) => f.service === service && t >= f.from && t <= (f.to ?? Infinity)) : undefined;
      const hit = fault !== undefined && rng.chance(fault.errorRate);
      const slow = fault !== undefined && fault.extraMs > 0 && (hit || rng.chance(0.7));
      if (svc.external) {
        const caller = parent?.service ?? service;
        const own = Math.round((svc.latencyMs ?? 120) * rng.between(0.7, 1.4) + (slow ? fault!.extraMs * rng.between(0.7, 1.2) : 0));
        const error = hit || (svc.noisy === true && rng.chance(0.03));
        spans.push({
          spanId,
          ...(parent ? { parentSpanId: parent.spanId } : {}),
          service: caller,
          name: svc.op ?? `HTTP POST ${service}`,
          at: offset(Math.round((startMs + offsetMs) / 1000)),
          durationMs: own,
          status: error ? 'error' : 'ok',
          attributes: { 'span.kind': 'client', 'peer.service': service, ...(error ? fault?.attributes ?? { 'http.status_code': 503 } : { 'http.status_code': 200 }) },
        });
        return { durationMs: own, error };
      }
      const span: SpanOut = {
        spanId,
        ...(parent ? { parentSpanId: parent.spanId } : {}),
        service,
        name: svc.op ?? `${service} handle`,
        at: offset(Math.round((startMs + offsetMs) / 1000)),
        durationMs: 0,
        status: 'ok',
      };
      spans.push(span);
      let elapsed = Math.round((svc.latencyMs ?? 40) * rng.between(0.3, 0.6));
      let childError = false;
      const children = (spec.topology[service] ?? []).filter(() => depth < 5 && rng.chance(0.7));
      for (const child of children) {
        const result = visit(child, span, offsetMs + elapsed, depth + 1);
        elapsed += result.durationMs;
        childError ||= result.error;
      }
      elapsed += Math.round((svc.latencyMs ?? 40) * rng.between(0.1, 0.3));
      if (slow) elapsed += Math.round(fault!.extraMs * rng.between(0.7, 1.2));
      const noisyError = svc.noisy === true && rng.chance(0.04);
      const error = hit || childError || noisyError;
      span.durationMs = elapsed;
      span.status = error ? 'error' : 'ok';
      if (hit && fault?.attributes) span.attributes = { ...fault.attributes };
      return { durationMs: elapsed, error };
    };
    visit(rng.pick(plan.roots), undefined, 0, 0);
    out.push({ traceId: rng.hex(32), spans, t });
  }
  out.sort((a, b) => a.t - b.t);
  return out.map(({ t: _t, ...trace }) => trace);
}

const stamp = <T extends Stamped>(items: T[] | undefined) =>
  items?.length ? items.map(({ at, ...rest }) => ({ at: minutes(at), ...rest })) : undefined;

/**
 * A CloudWatch alarm's reason quotes the datapoint that crossed its threshold: take it from the
 * alarmed series itself (the last period before the alarm fired), and refuse a spec whose metric
 * never crossed, so the alert and the evidence cannot disagree.
 */
function alarmAsMeasured(spec: ScenarioSpec, series: Series[], times: number[]): AlertSpec {
  const cw = spec.alert.cloudwatch;
  if (!cw) return spec.alert;
  const alarmed = series.find((s) => s.name === cw.metricName && s.service === spec.alert.service);
  if (!alarmed) throw new Error(`${spec.name}: no ${cw.metricName} series for ${spec.alert.service} to back the alarm`);
  const crosses = (value: number) =>
    cw.comparison === 'LessThanThreshold' ? value < cw.threshold : cw.comparison === 'GreaterThanOrEqualToThreshold' ? value >= cw.threshold : value > cw.threshold;
  const index = times.filter((t) => t <= spec.alert.startedAt / 60).length - 1;
  const observed = alarmed.points[index]![1];
  if (!crosses(observed)) throw new Error(`${spec.name}: ${cw.metricName} was ${observed} when the alarm fired, which does not cross ${cw.threshold}`);
  const early = times.findIndex((t, i) => t <= spec.alert.startedAt / 60 - 20 && crosses(alarmed.points[i]![1]));
  if (early >= 0) throw new Error(`${spec.name}: ${cw.metricName} already crossed ${cw.threshold} at minute ${times[early]}, long before the alarm fired`);
  return { ...spec.alert, cloudwatch: { ...cw, observed } };
}

/** The scenario file's content, deterministic from the spec and its name. */
export function buildScenario(spec: ScenarioSpec): Record<string, unknown> {
  const rng = new Random(spec.name);
  const atMs = Date.parse(spec.at);
  const peak = rng.between(13, 20);
  const times = metricTimes(spec);
  const window = -times[0]!;
  const evidence: Record<string, unknown> = {};
  if (spec.reference) {
    const shift = -168 * 60;
    const reference: Record<string, unknown> = {
      from: minutes(shift - window),
      to: minutes(shift + 2),
      metrics: metrics(spec, times, shift, false, rng, atMs, peak),
    };
    const refLogs = logs(spec, window, shift, false, rng);
    if (refLogs.length) reference['logs'] = refLogs;
    const refTraces = traces(spec, window, shift, false, rng);
    if (refTraces.length) reference['traces'] = refTraces;
    evidence['reference'] = reference;
  }
  const series = metrics(spec, times, 0, true, rng, atMs, peak);
  evidence['metrics'] = series;
  const signal = buildSignal(spec.source, alarmAsMeasured(spec, series, times), atMs, rng);
  const windowLogs = logs(spec, window, 0, true, rng);
  if (windowLogs.length) evidence['logs'] = windowLogs;
  const windowTraces = traces(spec, window, 0, true, rng);
  if (windowTraces.length) evidence['traces'] = windowTraces;
  for (const [key, items] of [
    ['changes', stamp(spec.changes)],
    ['runtime', stamp(spec.runtime)],
    ['exceptions', stamp(spec.exceptions)],
    ['alerts', stamp(spec.alerts)],
  ] as const) {
    if (items) evidence[key] = items;
  }
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind8',
    signal,
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}
