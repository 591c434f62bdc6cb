import type { Rng } from './prng.js';

/*
 * Builds the evidence of one scenario: series with diurnal load and noise, background logs
 * that are there in the healthy reference too, traces, changes, runtime events, exceptions and
 * other alerts. Times are offsets from the alert's `at` in seconds (negative = before).
 */

export type T = string | number;

/** `-1h30m` → -5400; numbers pass through. */
export function sec(t: T): number {
  if (typeof t === 'number') return t;
  const m = /^([+-])((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/.exec(t);
  if (!m || !m[2]) throw new Error(`bad offset ${t}`);
  let s = 0;
  for (const [, n, u] of m[2].matchAll(/(\d+)([hms])/g)) s += Number(n) * (u === 'h' ? 3600 : u === 'm' ? 60 : 1);
  return m[1] === '-' ? -s : s;
}

/** -5400 → `-1h30m`. */
export function off(s: number): string {
  const sign = s < 0 ? '-' : '+';
  let a = Math.round(Math.abs(s));
  const h = Math.floor(a / 3600);
  a -= h * 3600;
  const m = Math.floor(a / 60);
  const r = a - m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${r ? `${r}s` : ''}` || '0s';
  return `${sign}${body}`;
}

/** An effect on a series from `at`: jump or ramp (`until`) to a value, multiply, or add; `end` stops it. */
export interface Fx {
  at: T;
  until?: T;
  end?: T;
  to?: number;
  x?: number;
  add?: number;
  /** Relative noise after the effect starts (default: the series' own). */
  noise?: number;
}

export interface SeriesOpts {
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise, default 0.05. */
  noise?: number;
  /** Diurnal amplitude (fraction of base), default 0. */
  diurnal?: number;
  step?: number;
  from?: T;
  int?: boolean;
  max?: number;
  fx?: Fx[];
  /** Effects that hold in the reference too (a service that is always slow or noisy). */
  always?: Fx[];
  /** false: the reference has no such series (a metric created after it). */
  ref?: boolean;
  /** Values may go below zero (seconds until expiry). */
  signed?: boolean;
}

export interface SpanDef {
  s: string;
  n: string;
  d: number;
  e?: boolean;
  a?: Record<string, unknown>;
  /** Start offset from the parent's start, ms. */
  o?: number;
  c?: SpanDef[];
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

interface Metric { name: string; service: string; labels?: Record<string, string>; unit?: string; points: [string, number][] }
interface Log { at: string; service: string; level: Level; message: string; attributes?: Record<string, unknown>; traceId?: string }
interface Span { spanId: string; parentSpanId?: string; service: string; name: string; at: string; durationMs: number; status: 'ok' | 'error'; attributes?: Record<string, unknown> }
interface Trace { traceId: string; spans: Span[] }

export class Builder {
  readonly metrics: Metric[] = [];
  readonly logs: Log[] = [];
  readonly traces: Trace[] = [];
  readonly changes: Record<string, unknown>[] = [];
  readonly runtime: Record<string, unknown>[] = [];
  readonly exceptions: Record<string, unknown>[] = [];
  readonly alerts: Record<string, unknown>[] = [];
  readonly ref = { metrics: [] as Metric[], logs: [] as Log[], traces: [] as Trace[] };

  constructor(
    readonly r: Rng,
    readonly atMs: number,
    /** Window start, seconds before `at`. */
    readonly from: number,
    /** Default metric step, seconds. */
    readonly step: number,
    /** Local time zone of the shop, hours from UTC (for diurnal load). */
    readonly tz: number,
    /** Seconds the reference lies before the window (0: no reference). */
    readonly refShift: number,
  ) {}

  private diurnal(t: number, amp: number): number {
    if (!amp) return 1;
    const hour = (((this.atMs / 1000 + t) / 3600 + this.tz) % 24 + 24) % 24;
    return 1 + amp * Math.cos((2 * Math.PI * (hour - 14)) / 24);
  }

  private value(t: number, o: SeriesOpts, fx: Fx[]): number {
    let v = o.base * this.diurnal(t, o.diurnal ?? 0);
    let noise = o.noise ?? 0.05;
    for (const f of fx) {
      const a = sec(f.at);
      if (t < a || (f.end !== undefined && t >= sec(f.end))) continue;
      const frac = f.until !== undefined ? Math.min(1, (t - a) / Math.max(1, sec(f.until) - a)) : 1;
      if (f.to !== undefined) v = v + (f.to - v) * frac;
      if (f.x !== undefined) v = v * (1 + (f.x - 1) * frac);
      if (f.add !== undefined) v = v + f.add * frac;
      if (f.noise !== undefined) noise = f.noise;
    }
    v = v * (1 + noise * this.r.gauss());
    if (o.max !== undefined) v = Math.min(o.max, v);
    if (!o.signed) v = Math.max(0, v);
    return o.int ? Math.round(v) : Number(v.toPrecision(4));
  }

  /** One series over the window (and its healthy twin in the reference). */
  series(service: string, name: string, o: SeriesOpts): void {
    const step = o.step ?? this.step;
    const start = o.from !== undefined ? sec(o.from) : this.from;
    const first = Math.ceil(start / step) * step;
    const points: [string, number][] = [];
    for (let t = first; t <= 0; t += step) points.push([off(t), this.value(t, o, [...(o.always ?? []), ...(o.fx ?? [])])]);
    this.metrics.push({ name, service, ...(o.labels ? { labels: o.labels } : {}), ...(o.unit ? { unit: o.unit } : {}), points });
    if (!this.refShift || o.ref === false) return;
    const refPoints: [string, number][] = [];
    for (let t = first; t <= 0; t += step) {
      const shifted = (o.always ?? []).map((f) => ({ ...f }));
      refPoints.push([off(t - this.refShift), this.value(t, o, shifted)]);
    }
    this.ref.metrics.push({ name, service, ...(o.labels ? { labels: o.labels } : {}), ...(o.unit ? { unit: o.unit } : {}), points: refPoints });
  }

  /** Fills `{int:a-b}`, `{hex:n}`, `{pick:a|b}`, `{ip}`, `{uuid}` placeholders. */
  fill(template: string): string {
    return template.replace(/\{(int|hex|pick|ip|uuid)(?::([^}]*))?\}/g, (_, kind: string, arg: string | undefined) => {
      if (kind === 'int') {
        const [lo, hi] = (arg ?? '0-100').split('-').map(Number);
        return String(this.r.int(lo!, hi!));
      }
      if (kind === 'hex') return this.r.hex(Number(arg ?? 8));
      if (kind === 'pick') return this.r.pick((arg ?? '').split('|'));
      if (kind === 'ip') return `10.${this.r.int(0, 40)}.${this.r.int(0, 255)}.${this.r.int(2, 254)}`;
      return `${this.r.hex(8)}-${this.r.hex(4)}-4${this.r.hex(3)}-${this.r.pick(['8', '9', 'a', 'b'])}${this.r.hex(3)}-${this.r.hex(12)}`;
    });
  }

  log(at: T, service: string, level: Level, message: string, attributes?: Record<string, unknown>, traceId?: string): void {
    this.logs.push({ at: off(sec(at)), service, level, message: this.fill(message), ...(attributes ? { attributes } : {}), ...(traceId ? { traceId } : {}) });
  }

  /**
   * Background logs at `perHour` over the window, from any of the templates; in the reference
   * too unless `ref: false`. Services that always warn or err are written with this.
   */
  noise(service: string, level: Level, templates: string[], perHour: number, o: { from?: T; to?: T; ref?: boolean; attrs?: Record<string, unknown> } = {}): void {
    const a = o.from !== undefined ? sec(o.from) : this.from;
    const b = o.to !== undefined ? sec(o.to) : 0;
    const n = Math.max(1, Math.round((perHour * (b - a)) / 3600));
    for (let i = 0; i < n; i++) {
      const t = a + this.r.next() * (b - a);
      this.logs.push({ at: off(t), service, level, message: this.fill(this.r.pick(templates)), ...(o.attrs ? { attributes: o.attrs } : {}) });
    }
    if (!this.refShift || o.ref === false) return;
    const ra = this.from;
    const rn = Math.max(1, Math.round((perHour * -ra) / 3600));
    for (let i = 0; i < rn; i++) {
      const t = ra + this.r.next() * -ra;
      this.ref.logs.push({ at: off(t - this.refShift), service, level, message: this.fill(this.r.pick(templates)), ...(o.attrs ? { attributes: o.attrs } : {}) });
    }
  }

  /** `count` fault logs spread over [from, to]. */
  burst(service: string, level: Level, templates: string[], from: T, to: T, count: number, attrs?: Record<string, unknown>): void {
    const a = sec(from);
    const b = sec(to);
    for (let i = 0; i < count; i++) {
      const t = a + ((i + this.r.next()) / count) * (b - a);
      this.logs.push({ at: off(Math.min(0, t)), service, level, message: this.fill(this.r.pick(templates)), ...(attrs ? { attributes: attrs } : {}) });
    }
  }

  private spans(def: SpanDef, startMs: number, parent: string | undefined, out: Span[]): void {
    const spanId = this.r.hex(16);
    const jitter = 1 + 0.15 * this.r.gauss();
    const d = Math.max(1, Math.round(def.d * Math.max(0.5, jitter)));
    out.push({
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      service: def.s,
      name: def.n,
      at: new Date(startMs).toISOString(),
      durationMs: d,
      status: def.e ? 'error' : 'ok',
      ...(def.a ? { attributes: def.a } : {}),
    });
    let cursor = startMs + 1;
    for (const c of def.c ?? []) {
      const cs = c.o !== undefined ? startMs + c.o : cursor;
      this.spans(c, cs, spanId, out);
      cursor = cs + c.d;
    }
  }

  /** `n` traces spread over [from, to]; `ref` adds `n` healthy twins to the reference. */
  trace(from: T, to: T, n: number, root: (i: number) => SpanDef, o: { ref?: boolean } = {}): string[] {
    const a = sec(from);
    const b = sec(to);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = a + ((i + this.r.next()) / n) * (b - a);
      const spans: Span[] = [];
      const def = root(i);
      const startMs = this.atMs + Math.min(t, -Math.ceil(def.d / 1000) - 1) * 1000;
      this.spans(def, startMs, undefined, spans);
      const traceId = this.r.hex(32);
      ids.push(traceId);
      this.traces.push({ traceId, spans });
      if (o.ref && this.refShift) {
        const rs: Span[] = [];
        this.spans(def, startMs - this.refShift * 1000, undefined, rs);
        this.ref.traces.push({ traceId: this.r.hex(32), spans: rs });
      }
    }
    return ids;
  }

  change(at: T, service: string, kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling', summary: string, extra: Record<string, string> = {}): void {
    this.changes.push({ at: off(sec(at)), service, kind, summary, ...extra });
  }

  rt(at: T, service: string, kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure', message?: string, count?: number): void {
    this.runtime.push({ at: off(sec(at)), service, kind, ...(count ? { count } : {}), ...(message ? { message } : {}) });
  }

  exc(at: T, service: string, type: string, message: string, count?: number, culprit?: string): void {
    this.exceptions.push({ at: off(sec(at)), service, type, message, ...(count ? { count } : {}), ...(culprit ? { culprit } : {}) });
  }

  alert(at: T, service: string, name: string, status: 'firing' | 'resolved' = 'firing'): void {
    this.alerts.push({ at: off(sec(at)), service, name, status });
  }

  /** The evidence object of the scenario; classes left empty are left out. */
  evidence(): Record<string, unknown> {
    const bySec = (x: { at: string }, y: { at: string }) => sec(x.at) - sec(y.at);
    const ev: Record<string, unknown> = {};
    if (this.refShift) {
      ev['reference'] = {
        from: off(this.from - this.refShift),
        to: off(-this.refShift),
        ...(this.ref.metrics.length ? { metrics: this.ref.metrics } : {}),
        ...(this.ref.logs.length ? { logs: [...this.ref.logs].sort(bySec) } : {}),
        ...(this.ref.traces.length ? { traces: this.ref.traces } : {}),
      };
    }
    const put = (k: string, v: unknown[]) => {
      if (v.length) ev[k] = v;
    };
    put('metrics', this.metrics);
    put('logs', [...this.logs].sort(bySec));
    put('traces', this.traces);
    put('changes', [...(this.changes as { at: string }[])].sort(bySec));
    put('runtime', [...(this.runtime as { at: string }[])].sort(bySec));
    put('exceptions', [...(this.exceptions as { at: string }[])].sort(bySec));
    put('alerts', [...(this.alerts as { at: string }[])].sort(bySec));
    return ev;
  }
}
