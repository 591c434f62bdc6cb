import { Rng } from './rng.js';
import { offset, sec } from './time.js';

/*
 * The scenario builder: a scenario module describes an incident (services, their normal
 * behaviour, the fault, the noise around it) and the builder turns that description into
 * the evidence a backend would have returned, for the incident window and, when asked, for
 * a healthy reference window of the same length earlier. Times are seconds from `at`.
 */

export type Time = string | number;
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export type ChangeKind = 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling';
export type RuntimeKind = 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure';
export type RootKind =
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
export type Source = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie';

/**
 * A change to a series over time. Before `from` it does nothing; between `from` and `to` it
 * grows linearly (a ramp; without `to` it is a step); after `until` it is gone. `mul`
 * multiplies, `add` adds, `set` pulls the value to a level (keeping a little noise).
 */
export interface Effect {
  from: Time;
  to?: Time;
  until?: Time;
  mul?: number;
  add?: number;
  set?: number;
  /** Extra relative noise while the effect holds (flapping). */
  jitter?: number;
  /** Part of normal life (a nightly batch, a daily peak): the reference window has it too, at the same time of its own window. */
  always?: boolean;
}

export interface SeriesSpec {
  service: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Daily swing as a fraction of base (0.4 = ±40%), peaking at `peakHour` local time. */
  diurnal?: number;
  /** Relative noise (standard deviation as a fraction of the value). */
  noise?: number;
  /** Seconds between points; points sit on multiples of it in absolute time. */
  step?: number;
  from?: Time;
  to?: Time;
  /** Probability that a point is missing (CloudWatch periods without data, scrape failures). */
  gaps?: number;
  effects?: Effect[];
  integer?: boolean;
  min?: number;
  max?: number;
  /** Whether the reference window carries this series too (default true when the scenario has one). */
  ref?: boolean;
  /** Monotonic growth per hour, for series that drift regardless of the incident (disk, xid age). */
  driftPerHour?: number;
}

export interface LogSpec {
  service: string;
  level: Level;
  /** Mean lines per minute. */
  perMin: number;
  from?: Time;
  to?: Time;
  message: string | readonly string[] | ((rng: Rng, t: number) => string);
  attributes?: (rng: Rng, t: number) => Record<string, unknown>;
  diurnal?: number;
  effects?: Effect[];
  /** Default: true for lines that run the whole window (background), false otherwise. */
  ref?: boolean;
}

export interface PeerCall {
  name: string;
  host?: string;
  system?: 'http' | 'db' | 'aws' | 'redis' | 'grpc' | 'kafka';
  /** The AWS service (DynamoDB, STS…) for `aws` calls; the database engine for `db` calls. */
  product?: string;
}

export interface CallNode {
  svc: string;
  op: string;
  ms: number;
  sd?: number;
  kids?: CallNode[];
  /** A call out to something that emits no spans of its own: the span is the caller's client span. */
  peer?: PeerCall;
  attrs?: Record<string, unknown>;
  /** Probability that this call happens in a given request. */
  p?: number;
}

export interface Fault {
  /** A service name (its server spans) or a peer name (client spans to it). */
  target: string;
  op?: string;
  from: Time;
  to?: Time;
  until?: Time;
  errorP?: number;
  addMs?: number;
  mulMs?: number;
  /** Attributes set on the failing span (status code, error message). */
  attrs?: Record<string, unknown>;
  /** Attributes set on the span when it is slow but not failing. */
  slowAttrs?: Record<string, unknown>;
}

export interface TraceSpec {
  count: number;
  from?: Time;
  to?: Time;
  root: CallNode;
  faults?: Fault[];
  /** Traces in the reference window (default: a third of count). */
  refCount?: number;
  /** Probability that a child's error makes its parent fail too. */
  propagate?: number;
}

export interface Meta {
  /** Neutral, symptom-level: the file name and `name` never give the answer away. */
  name: string;
  /** What the incident is, for people: kept out of the file (README and manifest only). */
  title: string;
  /** What the on-call sees when paged; never the cause. */
  description: string;
  /** The whole story, cause included: README and manifest only, never in the scenario file. */
  story: string;
  at: string;
  tenant?: string;
  /** Evidence window relative to `at`, e.g. ['-3h', '+2m']. */
  window: [Time, Time];
  /** Where the healthy reference window sits relative to the incident window ('-24h', '-168h'); omit for none. */
  reference?: Time;
  topology?: Record<string, string[]>;
  /** Local time offset in hours of the people the load follows. */
  tz?: number;
  peakHour?: number;
}

interface MetricOut {
  name: string;
  service: string;
  labels?: Record<string, string>;
  unit?: string;
  points: Array<[string, number]>;
}
interface LogOut {
  at: string;
  service: string;
  level: Level;
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
  t: number;
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
interface TraceOut {
  traceId: string;
  spans: SpanOut[];
  t: number;
}

export interface Signal {
  source: Source;
  headers?: Record<string, string>;
  body: unknown;
}

export interface Expected {
  service: string;
  kind: RootKind;
  action: Action;
  mustCite: EvidenceClass[];
}

/** What the validator checks beyond the contract: the service ingest must read from the alert. */
export interface Checks {
  alertService: string;
  /** Postmortem or incident class the scenario is modeled on. */
  modeledOn: string;
}

export interface Built {
  json: Record<string, unknown>;
  checks: Checks;
  title: string;
  story: string;
  source: Source;
  kind: RootKind;
}

function round(value: number, integer?: boolean): number {
  if (integer) return Math.round(value);
  if (value === 0) return 0;
  return Number(value.toPrecision(4));
}

export class Builder {
  readonly rng: Rng;
  readonly atMs: number;
  readonly from: number;
  readonly to: number;
  readonly refShift: number | undefined;
  private readonly meta: Meta;
  private readonly metrics: MetricOut[] = [];
  private readonly refMetrics: MetricOut[] = [];
  private readonly logsOut: LogOut[] = [];
  private readonly refLogs: LogOut[] = [];
  private readonly tracesOut: TraceOut[] = [];
  private readonly refTraces: TraceOut[] = [];
  private readonly changesOut: Array<Record<string, unknown> & { t: number }> = [];
  private readonly runtimeOut: Array<Record<string, unknown> & { t: number }> = [];
  private readonly exceptionsOut: Array<Record<string, unknown> & { t: number }> = [];
  private readonly alertsOut: Array<Record<string, unknown> & { t: number }> = [];
  private logSpecs = 0;
  private signalOut: Signal | undefined;
  private expectedOut: Expected | undefined;
  private checksOut: Checks | undefined;

  constructor(meta: Meta) {
    this.meta = meta;
    this.rng = new Rng(`causeway-blind2/${meta.name}`);
    this.atMs = Date.parse(meta.at);
    if (Number.isNaN(this.atMs)) throw new Error(`${meta.name}: bad at ${meta.at}`);
    this.from = sec(meta.window[0]);
    this.to = sec(meta.window[1]);
    this.refShift = meta.reference === undefined ? undefined : sec(meta.reference);
  }

  get name(): string {
    return this.meta.name;
  }

  /** Load factor of the hour at `t` (seconds from at): 1 ± amplitude, peaking at the peak hour, local time. */
  diurnal(t: number, amplitude = 0): number {
    if (!amplitude) return 1;
    const hours = (this.atMs / 1000 + t) / 3600 + (this.meta.tz ?? 0);
    const hourOfDay = ((hours % 24) + 24) % 24;
    return 1 + amplitude * Math.cos((2 * Math.PI * (hourOfDay - (this.meta.peakHour ?? 14))) / 24);
  }

  private effectFactor(effects: readonly Effect[] | undefined, t: number, value: number, rng: Rng, onlyAlways = false): number {
    let v = value;
    for (const effect of effects ?? []) {
      if (onlyAlways && !effect.always) continue;
      const from = sec(effect.from);
      const to = effect.to === undefined ? from : sec(effect.to);
      const until = effect.until === undefined ? Infinity : sec(effect.until);
      if (t < from || t >= until) continue;
      const f = to > from ? Math.min(1, (t - from) / (to - from)) : 1;
      if (effect.mul !== undefined) v *= 1 + (effect.mul - 1) * f;
      if (effect.add !== undefined) v += effect.add * f;
      if (effect.set !== undefined) v = v * (1 - f) + effect.set * f * (1 + 0.03 * rng.normal());
      if (effect.jitter) v *= Math.max(0, 1 + effect.jitter * rng.normal());
    }
    return v;
  }

  private seriesPoints(spec: SeriesSpec, rng: Rng, shift: number, withEffects: boolean): Array<[string, number]> {
    const step = spec.step ?? 60;
    const from = Math.max(this.from, spec.from === undefined ? this.from : sec(spec.from)) + shift;
    const to = Math.min(this.to, spec.to === undefined ? this.to : sec(spec.to)) + shift;
    const atS = this.atMs / 1000;
    const first = Math.ceil((atS + from) / step) * step - atS;
    const points: Array<[string, number]> = [];
    for (let t = first; t <= to; t += step) {
      if (spec.gaps && rng.chance(spec.gaps)) continue;
      let v = spec.base * this.diurnal(t, spec.diurnal);
      if (spec.driftPerHour) v += (spec.driftPerHour * t) / 3600;
      v *= Math.max(0, 1 + (spec.noise ?? 0.05) * rng.normal());
      v = this.effectFactor(spec.effects, t - shift, v, rng, !withEffects);
      if (spec.min !== undefined) v = Math.max(spec.min, v);
      if (spec.max !== undefined) v = Math.min(spec.max, v);
      points.push([offset(t), round(Math.max(0, v), spec.integer)]);
    }
    return points;
  }

  /** One metric series, and its reference twin unless `ref: false`. */
  series(spec: SeriesSpec): this {
    const rng = this.rng.fork(`series/${spec.service}/${spec.name}/${JSON.stringify(spec.labels ?? {})}`);
    const head = { name: spec.name, service: spec.service, ...(spec.labels ? { labels: spec.labels } : {}), ...(spec.unit ? { unit: spec.unit } : {}) };
    this.metrics.push({ ...head, points: this.seriesPoints(spec, rng, 0, true) });
    if (this.refShift !== undefined && spec.ref !== false) {
      this.refMetrics.push({ ...head, points: this.seriesPoints(spec, rng.fork('ref'), this.refShift, false) });
    }
    return this;
  }

  private logLines(spec: LogSpec, rng: Rng, shift: number, withEffects: boolean, out: LogOut[]): void {
    const from = Math.max(this.from, spec.from === undefined ? this.from : sec(spec.from));
    const to = Math.min(this.to, spec.to === undefined ? this.to : sec(spec.to));
    for (let minute = from; minute < to; minute += 60) {
      let rate = spec.perMin * this.diurnal(minute, spec.diurnal);
      rate = this.effectFactor(spec.effects, minute, rate, rng, !withEffects);
      const n = rng.poisson(rate * Math.min(1, (to - minute) / 60));
      for (let i = 0; i < n; i += 1) {
        const t = Math.floor(minute + rng.next() * Math.min(60, to - minute));
        const message =
          typeof spec.message === 'string' ? spec.message : typeof spec.message === 'function' ? spec.message(rng, t) : rng.pick(spec.message);
        const attributes = spec.attributes?.(rng, t);
        out.push({ at: offset(t + shift), service: spec.service, level: spec.level, message, ...(attributes ? { attributes } : {}), t: t + shift });
      }
    }
  }

  /** Log lines at a Poisson rate; background lines (no `from`) are in the reference too. */
  logs(spec: LogSpec): this {
    this.logSpecs += 1;
    const rng = this.rng.fork(`logs/${spec.service}/${spec.level}/${this.logSpecs}`);
    this.logLines(spec, rng, 0, true, this.logsOut);
    const inReference = spec.ref ?? spec.from === undefined;
    if (this.refShift !== undefined && inReference) this.logLines(spec, rng.fork('ref'), this.refShift, false, this.refLogs);
    return this;
  }

  /** One log line at a given time (incident window only). */
  log(at: Time, service: string, level: Level, message: string, attributes?: Record<string, unknown>): this {
    const t = sec(at);
    this.logsOut.push({ at: offset(t), service, level, message, ...(attributes ? { attributes } : {}), t });
    return this;
  }

  private faultAt(faults: readonly Fault[] | undefined, node: CallNode, t: number): Array<{ fault: Fault; weight: number }> {
    const target = node.peer?.name ?? node.svc;
    const out: Array<{ fault: Fault; weight: number }> = [];
    for (const fault of faults ?? []) {
      if (fault.target !== target || (fault.op && fault.op !== node.op)) continue;
      const from = sec(fault.from);
      const to = fault.to === undefined ? from : sec(fault.to);
      const until = fault.until === undefined ? Infinity : sec(fault.until);
      if (t < from || t >= until) continue;
      out.push({ fault, weight: to > from ? Math.min(1, (t - from) / (to - from)) : 1 });
    }
    return out;
  }

  private faultActive(spec: TraceSpec, t: number): boolean {
    return (spec.faults ?? []).some((f) => t >= sec(f.from) && (f.until === undefined || t < sec(f.until)) && (f.errorP ?? 0) > 0);
  }

  private peerAttributes(node: CallNode): Record<string, unknown> {
    const peer = node.peer!;
    switch (peer.system) {
      case 'db':
        return { 'span.kind': 'client', 'db.system': peer.product ?? 'postgresql', 'db.statement': node.op, 'net.peer.name': peer.host ?? peer.name, 'peer.service': peer.name };
      case 'redis':
        return { 'span.kind': 'client', 'db.system': 'redis', 'db.operation': node.op.split(' ')[0], 'net.peer.name': peer.host ?? peer.name, 'peer.service': peer.name };
      case 'aws':
        return { 'span.kind': 'client', 'rpc.system': 'aws-api', 'rpc.service': peer.product ?? peer.name, 'rpc.method': node.op.split('.').pop(), 'http.host': peer.host, 'peer.service': peer.name };
      case 'grpc':
        return { 'span.kind': 'client', 'rpc.system': 'grpc', 'net.peer.name': peer.host ?? peer.name, 'peer.service': peer.name };
      case 'kafka':
        return { 'span.kind': 'producer', 'messaging.system': 'kafka', 'messaging.destination': peer.host ?? peer.name, 'peer.service': peer.name };
      default:
        return { 'span.kind': 'client', 'http.method': node.op.split(' ')[0], 'http.host': peer.host ?? peer.name, 'peer.service': peer.name, 'http.status_code': 200 };
    }
  }

  private span(spec: TraceSpec, node: CallNode, t: number, parent: string | undefined, traceT: number, rng: Rng, spans: SpanOut[], withFaults: boolean): { end: number; error: boolean } {
    const spanId = rng.hex(16);
    const index = spans.length;
    let duration = Math.max(0.3, node.ms * Math.max(0.2, 1 + (node.sd ?? 0.25) * rng.normal()));
    let error = false;
    let attrs: Record<string, unknown> = node.peer ? this.peerAttributes(node) : { 'span.kind': 'server', ...(node.op.includes(' /') ? { 'http.route': node.op.split(' ')[1], 'http.status_code': 200 } : {}) };
    attrs = { ...attrs, ...(node.attrs ?? {}) };
    if (withFaults) {
      for (const { fault, weight } of this.faultAt(spec.faults, node, traceT)) {
        duration = duration * (1 + ((fault.mulMs ?? 1) - 1) * weight) + (fault.addMs ?? 0) * weight * Math.max(0.3, 1 + 0.3 * rng.normal());
        if (fault.errorP && rng.chance(fault.errorP * weight)) {
          error = true;
          attrs = { ...attrs, ...(fault.attrs ?? {}) };
        } else if (fault.slowAttrs) attrs = { ...attrs, ...fault.slowAttrs };
      }
    }
    spans.push({ spanId, ...(parent ? { parentSpanId: parent } : {}), service: node.svc, name: node.op, at: '', durationMs: 0, status: 'ok', attributes: attrs });
    let cursor = t + duration * 0.1;
    for (const kid of node.kids ?? []) {
      if (kid.p !== undefined && !rng.chance(kid.p)) continue;
      const result = this.span(spec, kid, cursor + rng.between(0.2, 2), spanId, traceT, rng, spans, withFaults);
      cursor = result.end;
      if (result.error && rng.chance(spec.propagate ?? 0.85)) error = true;
    }
    const end = Math.max(cursor + duration * 0.1, t + duration);
    const own = spans[index]!;
    own.durationMs = Math.round(end - t);
    own.status = error ? 'error' : 'ok';
    if (error && !node.peer && own.attributes && 'http.status_code' in own.attributes && own.attributes['http.status_code'] === 200) own.attributes['http.status_code'] = 500;
    (own as SpanOut & { startMs: number }).startMs = t;
    return { end, error };
  }

  /**
   * Trace start times: spread over the window, but with most of them after the earliest fault
   * (less two minutes), as a backend queried around an alert returns them. Without faults (and
   * in the reference) they are spread evenly.
   */
  private traceTimes(spec: TraceSpec, rng: Rng, count: number, withFaults: boolean): number[] {
    const from = Math.max(this.from, spec.from === undefined ? this.from : sec(spec.from));
    const to = Math.min(this.to, spec.to === undefined ? this.to : sec(spec.to));
    const earliest = Math.min(...(spec.faults ?? []).map((f) => sec(f.from)));
    const focus = withFaults && Number.isFinite(earliest) ? Math.max(from, Math.min(to, earliest - 120)) : from;
    const late = focus > from ? Math.ceil(count * 0.7) : count;
    const spread = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(a + (b - a) * ((i + rng.next()) / n)));
    return [...spread(from, focus, count - late), ...spread(focus, to, late)];
  }

  private makeTraces(spec: TraceSpec, rng: Rng, count: number, shift: number, withFaults: boolean, out: TraceOut[]): void {
    for (const slot of this.traceTimes(spec, rng, count, withFaults)) {
      let traceT = slot;
      let spans: SpanOut[] = [];
      this.span(spec, spec.root, 0, undefined, traceT, rng, spans, withFaults);
      // Tail sampling keeps error traces: a healthy trace during a fault is sometimes dropped for another.
      if (withFaults && this.faultActive(spec, traceT) && !spans.some((span) => span.status === 'error') && rng.chance(0.5)) {
        traceT = Math.min(this.to, traceT + rng.int(1, 20));
        spans = [];
        this.span(spec, spec.root, 0, undefined, traceT, rng, spans, withFaults);
      }
      for (const span of spans) {
        const s = span as SpanOut & { startMs: number };
        const startMs = s.startMs;
        delete (s as Partial<typeof s>).startMs;
        const whole = traceT + shift + startMs / 1000;
        span.at = offset(Math.floor(whole));
      }
      out.push({ traceId: rng.hex(32), spans, t: traceT + shift });
    }
  }

  /** Sampled traces over the window (faults applied), and healthy ones in the reference. */
  traces(spec: TraceSpec): this {
    const rng = this.rng.fork(`traces/${spec.root.svc}/${spec.root.op}`);
    this.makeTraces(spec, rng, spec.count, 0, true, this.tracesOut);
    if (this.refShift !== undefined) this.makeTraces(spec, rng.fork('ref'), spec.refCount ?? Math.ceil(spec.count / 3), this.refShift, false, this.refTraces);
    return this;
  }

  change(at: Time, service: string, kind: ChangeKind, summary: string, extra: { version?: string; previousVersion?: string; author?: string; commit?: string; source?: string } = {}): this {
    const t = sec(at);
    this.changesOut.push({ at: offset(t), service, kind, summary, ...extra, t });
    return this;
  }

  runtime(at: Time, service: string, kind: RuntimeKind, message?: string, count?: number): this {
    const t = sec(at);
    this.runtimeOut.push({ at: offset(t), service, kind, ...(count ? { count } : {}), ...(message ? { message } : {}), t });
    return this;
  }

  /** An exception group as an error tracker reports it: one row per bucket with a count. */
  exceptions(spec: { service: string; type: string; message: string; culprit?: string; from: Time; to?: Time; perMin: number; bucket?: number; ref?: boolean }): this {
    const rng = this.rng.fork(`exc/${spec.service}/${spec.type}/${spec.from}`);
    const bucket = spec.bucket ?? 300;
    const from = Math.max(this.from, sec(spec.from));
    const to = Math.min(this.to, spec.to === undefined ? this.to : sec(spec.to));
    for (let t = from; t < to; t += bucket) {
      const count = rng.poisson(spec.perMin * (Math.min(bucket, to - t) / 60));
      if (count > 0) this.exceptionsOut.push({ at: offset(t + Math.floor(rng.next() * Math.min(bucket, to - t))), service: spec.service, type: spec.type, message: spec.message, count, ...(spec.culprit ? { culprit: spec.culprit } : {}), t });
    }
    return this;
  }

  alert(at: Time, service: string, name: string, status: 'firing' | 'resolved' = 'firing'): this {
    const t = sec(at);
    this.alertsOut.push({ at: offset(t), service, name, status, t });
    return this;
  }

  signal(signal: Signal): this {
    this.signalOut = signal;
    return this;
  }

  expect(expected: Expected, checks: Checks): this {
    this.expectedOut = expected;
    this.checksOut = checks;
    return this;
  }

  build(): Built {
    if (!this.signalOut || !this.expectedOut || !this.checksOut) throw new Error(`${this.meta.name}: signal and expect are required`);
    const strip = <T extends { t: number }>(items: T[]) =>
      [...items].sort((a, b) => a.t - b.t).map(({ t: _t, ...rest }) => rest);
    const evidence: Record<string, unknown> = {};
    if (this.refShift !== undefined) {
      const reference: Record<string, unknown> = { from: offset(this.from + this.refShift), to: offset(this.to + this.refShift) };
      if (this.refMetrics.length) reference['metrics'] = this.refMetrics;
      if (this.refLogs.length) reference['logs'] = strip(this.refLogs);
      if (this.refTraces.length) reference['traces'] = strip(this.refTraces);
      evidence['reference'] = reference;
    }
    if (this.metrics.length) evidence['metrics'] = this.metrics;
    if (this.logsOut.length) evidence['logs'] = strip(this.logsOut);
    if (this.tracesOut.length) evidence['traces'] = strip(this.tracesOut);
    if (this.changesOut.length) evidence['changes'] = strip(this.changesOut);
    if (this.runtimeOut.length) evidence['runtime'] = strip(this.runtimeOut);
    if (this.exceptionsOut.length) evidence['exceptions'] = strip(this.exceptionsOut);
    if (this.alertsOut.length) evidence['alerts'] = strip(this.alertsOut);
    const { service, kind, action, mustCite } = this.expectedOut;
    const json: Record<string, unknown> = {
      format: 'causeway.scenario/v1',
      name: this.meta.name,
      description: this.meta.description,
      at: this.meta.at,
      tenant: this.meta.tenant ?? 'demo',
      signal: this.signalOut,
      ...(this.meta.topology ? { topology: this.meta.topology } : {}),
      evidence,
      expected: { rootCause: { service, kind }, action, mustCite },
    };
    return { json, checks: this.checksOut, title: this.meta.title, story: this.meta.story, source: this.signalOut.source, kind };
  }
}
