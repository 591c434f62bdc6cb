/*
 * Building blocks for the blind scenario suite: a seeded random source, series with a daily
 * cycle and noise, Poisson-spaced log lines, traces along a call path, and the whole-scenario
 * builder that also produces the healthy reference window from the same definitions.
 *
 * Times inside a builder are seconds relative to `at` (negative before it). Metric points are
 * written as offsets from `at` (backends return minute-aligned buckets); logs, spans, changes and
 * the rest as absolute ISO times, the way a backend returns them.
 */

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export type Rand = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const hex = (r: Rand, n: number): string => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
export const uuid = (r: Rand): string => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${pick(r, ['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`;
/** Gaussian-ish noise in [-1, 1] (sum of three uniforms). */
const wobble = (r: Rand): number => (r() + r() + r() - 1.5) / 1.5;

/** "-1h5m30s" for -3930 seconds; "+0s" for zero. */
export function offset(sec: number): string {
  const sign = sec < 0 ? '-' : '+';
  let s = Math.round(Math.abs(sec));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
  return sign + body;
}

/** Value transform applied at a relative time; `base` is the healthy value at that time. */
export type Effect = (t: number, base: number, r: Rand) => number;

/** Multiply by `to` after `from`, reached linearly over `rampSec`. */
export const ramp = (from: number, to: number, rampSec = 0): Effect => (t, v) => {
  if (t < from) return v;
  const k = rampSec <= 0 ? 1 : Math.min(1, (t - from) / rampSec);
  return v * (1 + (to - 1) * k);
};
/** Set to `value` (plus relative jitter) after `from`, reached linearly over `rampSec`. */
export const level = (from: number, value: number, rampSec = 0, jitter = 0.08): Effect => (t, v, r) => {
  if (t < from) return v;
  const k = rampSec <= 0 ? 1 : Math.min(1, (t - from) / rampSec);
  const target = value * (1 + jitter * wobble(r));
  return v + (target - v) * k;
};
/** Add `delta` after `from` (ramped). */
export const add = (from: number, delta: number, rampSec = 0): Effect => (t, v) => {
  if (t < from) return v;
  const k = rampSec <= 0 ? 1 : Math.min(1, (t - from) / rampSec);
  return v + delta * k;
};
export const chain = (...effects: Effect[]): Effect => (t, v, r) => effects.reduce((acc, e) => e(t, acc, r), v);

export interface MetricDef {
  name: string;
  service: string;
  unit?: string;
  labels?: Record<string, string>;
  /** Healthy value at the daily mean. */
  base: number;
  /** Relative noise amplitude (0.05 = ±5 %). */
  noise?: number;
  /** Amplitude of the daily cycle as a fraction of base (0 for ratios that do not follow load). */
  diurnal?: number;
  /** Seconds between points: 60, or 300 for CloudWatch's basic monitoring. */
  step?: number;
  /** Minutes of history before `at`. */
  minutes?: number;
  round?: number;
  min?: number;
  max?: number;
  effect?: Effect;
  /** Relative [from, to) ranges with no data (a metric pipeline that stopped publishing). */
  gaps?: Array<[number, number]>;
  /** Leave this series out of the reference window. */
  noReference?: boolean;
}

interface LogDef {
  service: string;
  level: Level;
  message: string | ((r: Rand) => string);
  every: number;
  from: number;
  to: number;
  attributes?: (r: Rand) => Record<string, unknown>;
  reference: boolean;
}

export interface SpanDef {
  service: string;
  name: string;
  parent?: number;
  /** Typical duration (ms). */
  ms: number;
  /** Start after the parent's start (ms). */
  after?: number;
  attributes?: Record<string, unknown>;
}

export interface SpanFault {
  span: number;
  status?: 'ok' | 'error';
  ms?: number;
  attributes?: Record<string, unknown>;
  /** Spans (by index) that never happen when this fault hits, e.g. calls after a failed step. */
  drop?: number[];
  /** Whether ancestors are marked error (default true when status is error). */
  propagate?: boolean;
}

interface TraceDef {
  shape: SpanDef[];
  count: number;
  from: number;
  to: number;
  faults?: SpanFault[];
  /** Fraction of traces in the range that carry the faults. */
  rate?: number;
  reference: boolean;
}

export interface Body {
  source: string;
  headers?: Record<string, string>;
  body: unknown;
}

export interface Expected {
  rootCause: { service: string; kind: string };
  action: string;
  mustCite: string[];
}

export interface BuilderOptions {
  name: string;
  description: string;
  at: string;
  seed: number;
  /** UTC hour of the daily traffic peak for this company's users. */
  peakHourUtc?: number;
  /** Reference window: how long before `at` it ends (e.g. 24 or 168 hours) and how long it lasts. */
  reference?: { hoursBefore: number; minutes?: number };
  /** Most log lines a backend query returns here (default 600); background and incident lines are thinned evenly, one-off lines kept. */
  maxLogs?: number;
  /** Start of the evidence window in seconds relative to `at` (default -3600); earlier for long-firing alerts. */
  windowStart?: number;
  topology?: Record<string, string[]>;
}

/** One scenario under construction. */
export class Scenario {
  readonly r: Rand;
  readonly atMs: number;
  private readonly metrics: MetricDef[] = [];
  private readonly logDefs: LogDef[] = [];
  private readonly oneLogs: Array<{ t: number; service: string; level: Level; message: string; attributes?: Record<string, unknown>; traceId?: string }> = [];
  private readonly traceDefs: TraceDef[] = [];
  private readonly changes: Array<Record<string, unknown>> = [];
  private readonly runtime: Array<Record<string, unknown>> = [];
  private readonly exceptions: Array<Record<string, unknown>> = [];
  private readonly alerts: Array<Record<string, unknown>> = [];
  private signal?: Body;
  private expected?: Expected;

  constructor(readonly opts: BuilderOptions) {
    this.r = seeded(opts.seed);
    this.atMs = Date.parse(opts.at);
  }

  iso(t: number): string {
    return new Date(this.atMs + Math.round(t * 1000)).toISOString();
  }

  /** Epoch ms of a relative time. */
  ms(t: number): number {
    return this.atMs + Math.round(t * 1000);
  }

  daily(absMs: number, amplitude: number): number {
    const hour = (absMs / 3_600_000) % 24;
    const peak = this.opts.peakHourUtc ?? 15;
    return 1 + amplitude * Math.cos((2 * Math.PI * (hour - peak)) / 24);
  }

  metric(def: MetricDef): this {
    this.metrics.push(def);
    return this;
  }

  /** Background or incident log lines, spaced as a Poisson process with mean interval `every` seconds. */
  logs(
    service: string,
    level: Level,
    message: string | ((r: Rand) => string),
    every: number,
    opts: { from?: number; to?: number; attributes?: (r: Rand) => Record<string, unknown>; reference?: boolean } = {},
  ): this {
    const from = opts.from ?? this.opts.windowStart ?? -3600;
    const to = opts.to ?? 0;
    this.logDefs.push({
      service,
      level,
      message,
      every,
      from,
      to,
      attributes: opts.attributes,
      reference: opts.reference ?? (opts.from === undefined && opts.to === undefined),
    });
    return this;
  }

  log(t: number, service: string, level: Level, message: string, attributes?: Record<string, unknown>, traceId?: string): this {
    this.oneLogs.push({ t, service, level, message, attributes, traceId });
    return this;
  }

  traces(shape: SpanDef[], count: number, opts: { from?: number; to?: number; faults?: SpanFault[]; rate?: number; reference?: boolean } = {}): this {
    this.traceDefs.push({
      shape,
      count,
      from: opts.from ?? this.opts.windowStart ?? -3600,
      to: opts.to ?? 0,
      faults: opts.faults,
      rate: opts.rate,
      reference: opts.reference ?? (opts.from === undefined && opts.to === undefined && !opts.faults),
    });
    return this;
  }

  change(t: number, service: string, kind: string, summary: string, extra: Record<string, unknown> = {}): this {
    this.changes.push({ at: this.iso(t), service, kind, summary, ...extra });
    return this;
  }

  event(t: number, service: string, kind: string, message?: string, count?: number): this {
    const item: Record<string, unknown> = { at: this.iso(t), service, kind };
    if (count) item['count'] = count;
    if (message) item['message'] = message;
    this.runtime.push(item);
    return this;
  }

  exception(t: number, service: string, type: string, message: string, extra: { count?: number; culprit?: string } = {}): this {
    this.exceptions.push({ at: this.iso(t), service, type, message, ...extra });
    return this;
  }

  alert(t: number, service: string, name: string, status: 'firing' | 'resolved' = 'firing'): this {
    this.alerts.push({ at: this.iso(t), service, name, status });
    return this;
  }

  setSignal(signal: Body): this {
    this.signal = signal;
    return this;
  }

  expect(expected: Expected): this {
    this.expected = expected;
    return this;
  }

  private series(def: MetricDef, shiftSec: number, withEffect: boolean): Array<[string, number]> {
    const step = def.step ?? 60;
    const minutes = def.minutes ?? -(this.opts.windowStart ?? -3600) / 60;
    const points: Array<[string, number]> = [];
    const first = -Math.floor((minutes * 60) / step) * step;
    for (let t = first; t <= 0; t += step) {
      if (t === 0 && step > 60) break;
      if (withEffect && def.gaps?.some(([a, b]) => t >= a && t < b)) continue;
      const abs = this.atMs + (t + shiftSec) * 1000;
      let v = def.base * this.daily(abs, def.diurnal ?? 0.25) * (1 + (def.noise ?? 0.05) * wobble(this.r));
      if (withEffect && def.effect) v = def.effect(t, v, this.r);
      if (def.min !== undefined) v = Math.max(def.min, v);
      if (def.max !== undefined) v = Math.min(def.max, v);
      const digits = def.round ?? (Math.abs(def.base) >= 100 ? 0 : Math.abs(def.base) >= 1 ? 2 : 5);
      v = Number(v.toFixed(digits));
      points.push([offset(t + shiftSec), v]);
    }
    return points;
  }

  private logLines(defs: LogDef[], shiftSec: number): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const def of defs) {
      let t = def.from + -Math.log(1 - this.r()) * def.every;
      while (t < def.to) {
        const line: Record<string, unknown> = {
          at: this.iso(t + shiftSec),
          service: def.service,
          level: def.level,
          message: typeof def.message === 'string' ? def.message : def.message(this.r),
        };
        if (def.attributes) line['attributes'] = def.attributes(this.r);
        out.push(line);
        t += -Math.log(1 - this.r()) * def.every;
      }
    }
    return out;
  }

  private traceItems(defs: TraceDef[], shiftSec: number, withFaults: boolean): Array<Record<string, unknown>> {
    const out: Array<{ start: number; item: Record<string, unknown> }> = [];
    for (const def of defs) {
      for (let i = 0; i < def.count; i++) {
        const start = def.from + ((i + this.r()) / def.count) * (def.to - def.from);
        const faulty = withFaults && def.faults && this.r() < (def.rate ?? 1);
        const traceId = hex(this.r, 32);
        const ids = def.shape.map(() => hex(this.r, 16));
        const starts: number[] = [];
        const durs: number[] = [];
        const status: Array<'ok' | 'error'> = [];
        const attrs: Array<Record<string, unknown> | undefined> = [];
        const dropped = new Set<number>();
        def.shape.forEach((span, idx) => {
          const parentStart = span.parent === undefined ? start * 1000 : starts[span.parent]!;
          starts.push(parentStart + (span.parent === undefined ? 0 : (span.after ?? 2) * (0.6 + this.r() * 0.8)));
          durs.push(Math.max(1, Math.round(span.ms * (0.7 + this.r() * 0.6))));
          status.push('ok');
          attrs.push(span.attributes ? { ...span.attributes } : undefined);
        });
        if (faulty) {
          for (const f of def.faults!) {
            if (f.ms !== undefined) durs[f.span] = Math.round(f.ms * (0.8 + this.r() * 0.4));
            if (f.status) status[f.span] = f.status;
            if (f.attributes) attrs[f.span] = { ...(attrs[f.span] ?? {}), ...f.attributes };
            for (const d of f.drop ?? []) dropped.add(d);
            if (f.status === 'error' && f.propagate !== false) {
              let p = def.shape[f.span]!.parent;
              while (p !== undefined) {
                status[p] = 'error';
                p = def.shape[p]!.parent;
              }
            }
          }
        }
        // A parent lasts at least as long as its children, children last.
        for (let idx = def.shape.length - 1; idx >= 0; idx--) {
          const parent = def.shape[idx]!.parent;
          if (parent === undefined || dropped.has(idx)) continue;
          const end = starts[idx]! + durs[idx]!;
          const need = Math.ceil(end - starts[parent]! + 1);
          if (durs[parent]! < need) durs[parent] = need;
        }
        const spans = def.shape
          .map((span, idx) => {
            if (dropped.has(idx)) return undefined;
            const s: Record<string, unknown> = { spanId: ids[idx] };
            if (span.parent !== undefined) s['parentSpanId'] = ids[span.parent];
            s['service'] = span.service;
            s['name'] = span.name;
            s['at'] = new Date(this.atMs + shiftSec * 1000 + Math.round(starts[idx]!)).toISOString();
            s['durationMs'] = durs[idx];
            s['status'] = status[idx];
            if (attrs[idx]) s['attributes'] = attrs[idx];
            return s;
          })
          .filter(Boolean);
        out.push({ start, item: { traceId, spans } });
      }
    }
    return out.sort((a, b) => a.start - b.start).map((x) => x.item);
  }

  build(): Record<string, unknown> {
    if (!this.signal || !this.expected) throw new Error(`${this.opts.name}: signal and expected are required`);
    const generated = this.logLines(this.logDefs, 0);
    const budget = (this.opts.maxLogs ?? 600) - this.oneLogs.length;
    const keep = generated.length > budget ? budget / generated.length : 1;
    const logs = [
      ...generated.filter(() => this.r() < keep),
      ...this.oneLogs.map((l) => {
        const line: Record<string, unknown> = { at: this.iso(l.t), service: l.service, level: l.level, message: l.message };
        if (l.attributes) line['attributes'] = l.attributes;
        if (l.traceId) line['traceId'] = l.traceId;
        return line;
      }),
    ].sort((a, b) => String(a['at']).localeCompare(String(b['at'])));
    const evidence: Record<string, unknown> = {};
    if (this.metrics.length) {
      evidence['metrics'] = this.metrics.map((m) => this.metricItem(m, this.series(m, 0, true)));
    }
    if (logs.length) evidence['logs'] = logs;
    if (this.traceDefs.length) evidence['traces'] = this.traceItems(this.traceDefs, 0, true);
    if (this.changes.length) evidence['changes'] = [...this.changes].sort((a, b) => String(a['at']).localeCompare(String(b['at'])));
    if (this.runtime.length) evidence['runtime'] = [...this.runtime].sort((a, b) => String(a['at']).localeCompare(String(b['at'])));
    if (this.exceptions.length) evidence['exceptions'] = this.exceptions;
    if (this.alerts.length) evidence['alerts'] = this.alerts;
    const ref = this.opts.reference;
    if (ref) {
      const shift = -ref.hoursBefore * 3600;
      const minutes = ref.minutes ?? 60;
      const reference: Record<string, unknown> = { from: offset(shift - minutes * 60), to: offset(shift) };
      const refMetrics = this.metrics.filter((m) => !m.noReference).map((m) => this.metricItem(m, this.series({ ...m, minutes }, shift, false)));
      if (refMetrics.length) reference['metrics'] = refMetrics;
      const refLogs = this.logLines(
        this.logDefs.filter((d) => d.reference).map((d) => ({ ...d, from: Math.max(d.from, -minutes * 60) })),
        shift,
      ).sort((a, b) => String(a['at']).localeCompare(String(b['at'])));
      if (refLogs.length) reference['logs'] = refLogs;
      const refTraces = this.traceItems(
        this.traceDefs.filter((d) => d.reference).map((d) => ({ ...d, from: Math.max(d.from, -minutes * 60) })),
        shift,
        false,
      );
      if (refTraces.length) reference['traces'] = refTraces;
      evidence['reference'] = reference;
    }
    const out: Record<string, unknown> = {
      format: 'causeway.scenario/v1',
      name: this.opts.name,
      description: this.opts.description,
      at: this.opts.at,
      signal: this.signal,
    };
    if (this.opts.topology) out['topology'] = this.opts.topology;
    out['evidence'] = evidence;
    out['expected'] = this.expected;
    return out;
  }

  private metricItem(m: MetricDef, points: Array<[string, number]>): Record<string, unknown> {
    const item: Record<string, unknown> = { name: m.name, service: m.service };
    if (m.labels) item['labels'] = m.labels;
    if (m.unit) item['unit'] = m.unit;
    item['points'] = points;
    return item;
  }
}

/** Pretty JSON with one evidence item (and one metric point list) per line, to keep diffs readable. */
export function render(scenario: Record<string, unknown>): string {
  const { evidence, ...head } = scenario as { evidence: Record<string, unknown> } & Record<string, unknown>;
  const headJson = JSON.stringify(head, null, 2);
  const lines: string[] = [];
  const classes = Object.entries(evidence);
  classes.forEach(([key, value], ci) => {
    const comma = ci < classes.length - 1 ? ',' : '';
    if (key === 'reference') {
      const ref = value as Record<string, unknown>;
      const parts = Object.entries(ref);
      lines.push('    "reference": {');
      parts.forEach(([k, v], pi) => {
        const c = pi < parts.length - 1 ? ',' : '';
        if (Array.isArray(v)) lines.push(`      ${JSON.stringify(k)}: [\n${v.map((x) => `        ${JSON.stringify(x)}`).join(',\n')}\n      ]${c}`);
        else lines.push(`      ${JSON.stringify(k)}: ${JSON.stringify(v)}${c}`);
      });
      lines.push(`    }${comma}`);
    } else {
      const items = value as unknown[];
      lines.push(`    ${JSON.stringify(key)}: [\n${items.map((x) => `      ${JSON.stringify(x)}`).join(',\n')}\n    ]${comma}`);
    }
  });
  const evidenceJson = `{\n${lines.join('\n')}\n  }`;
  // Put evidence back in its place, before `expected`.
  const obj = JSON.parse(headJson) as Record<string, unknown>;
  const keys = Object.keys(scenario);
  const parts = keys.map((k) => {
    if (k === 'evidence') return `  "evidence": ${evidenceJson}`;
    const json = JSON.stringify(obj[k], null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(k)}: ${json}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
