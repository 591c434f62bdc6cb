/**
 * Building blocks of the blind9 suite: a PRNG seeded by the scenario's name, scenario-time
 * offsets, and the evidence a backend would hold (golden signals with diurnal load and noise,
 * routine logs, sampled traces). Nothing here reads a clock or Math.random, so every run
 * writes the same bytes.
 */

export type Rng = () => number;

/** FNV-1a, so a scenario's name alone seeds its randomness. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32 seeded by a name. */
export function rngFor(name: string): Rng {
  let a = hash(name);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
export const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Seconds from `at` as a scenario offset: -3690 → "-1h1m30s", 0 → "+0s". */
export function offset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(seconds));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
  return sign + body;
}

/** An ISO time `minutes` from `at`. */
export const isoAt = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

export type Shape = 'step' | 'ramp' | 'leak';

/** A fault's effect on one series: from `from` minutes (relative to `at`) it moves toward `peak`. */
export interface Effect {
  svc: string;
  metric: string;
  from: number;
  peak: number;
  shape?: Shape;
  /** Minutes to reach the peak for ramp and leak; default 8. */
  over?: number;
  /** Minutes at which it stops (a mitigation); default never. */
  until?: number;
}

export function progress(effect: Effect, minute: number): number {
  if (minute < effect.from || (effect.until !== undefined && minute >= effect.until)) return 0;
  const over = effect.over ?? 8;
  const x = Math.min(1, (minute - effect.from) / over);
  switch (effect.shape ?? 'step') {
    case 'step':
      return Math.min(1, (minute - effect.from) / 1.5 + 0.35);
    case 'ramp':
      return x;
    case 'leak':
      return x * x;
  }
}

/** One baseline series: a level, its noise, whether it follows the daily load curve, occasional spikes. */
export interface Baseline {
  svc: string;
  name: string;
  unit: string;
  base: number;
  noise: number;
  diurnal?: number;
  spikes?: number;
  digits?: number;
  max?: number;
}

/** Load over the day: trough near 04:00 UTC, peak near 16:00 UTC. */
export function diurnal(ms: number, depth: number): number {
  const hour = (ms % 86_400_000) / 3_600_000;
  return 1 + depth * Math.sin(((hour - 10) / 24) * 2 * Math.PI);
}

export interface Window {
  /** Minutes before `at` the window starts. */
  minutes: number;
  /** Seconds between points. */
  step: number;
  /** Minutes after `at` it ends. */
  after: number;
}

export type Point = [string, number];
export interface Series {
  name: string;
  service: string;
  unit: string;
  labels?: Record<string, string>;
  points: Point[];
}

/** A series over the window; `shift` (seconds) moves it to a reference period, where no effect applies. */
export function series(rng: Rng, at: string, b: Baseline, window: Window, effects: Effect[], shift = 0): Series {
  const atMs = Date.parse(at);
  const points: Point[] = [];
  const mine = shift ? [] : effects.filter((e) => e.svc === b.svc && e.metric === b.name);
  for (let s = -window.minutes * 60; s <= window.after * 60; s += window.step) {
    const ms = atMs + (s + shift) * 1000;
    let value = b.base * diurnal(ms, b.diurnal ?? 0) * (1 + (rng() * 2 - 1) * b.noise);
    if (b.spikes && rng() < b.spikes) value *= 2 + rng() * 2;
    for (const e of mine) value += (e.peak - b.base) * progress(e, s / 60) * (1 + (rng() * 2 - 1) * 0.06);
    if (b.max !== undefined) value = Math.min(b.max, value);
    points.push([offset(s + shift), round(Math.max(0, value), b.digits ?? 4)]);
  }
  return { name: b.name, service: b.svc, unit: b.unit, points };
}

export interface LogLine {
  at: string;
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
}

/** Spec for repeated log lines: from `from` to `to` minutes, one every `every` seconds (jittered). */
export interface LogSpec {
  svc: string;
  level: LogLine['level'];
  msg: string;
  from: number;
  to?: number;
  every?: number;
  attrs?: Record<string, unknown>;
}

export function repeatLogs(rng: Rng, spec: LogSpec, shift = 0): LogLine[] {
  const out: LogLine[] = [];
  const every = spec.every ?? 0;
  const to = spec.to ?? spec.from;
  for (let s = spec.from * 60; s <= to * 60; s += every || Number.POSITIVE_INFINITY) {
    const jitter = every ? Math.floor(rng() * Math.min(every, 20)) : 0;
    out.push({
      at: offset(Math.min(to * 60, s + jitter) + shift),
      service: spec.svc,
      level: spec.level,
      message: spec.msg,
      ...(spec.attrs ? { attributes: spec.attrs } : {}),
    });
    if (!every) break;
  }
  return out;
}

const ROUTINE = [
  'GET /healthz 200',
  'request completed status=200 duration_ms=%d',
  'processed batch size=%d',
  'cache hit ratio=0.9%d',
  'connection pool stats active=%d idle=12',
  'scheduled refresh done in %dms',
  'GET /metrics 200',
];

/** Everyday info lines for one service over [from, to] minutes. */
export function routineLogs(rng: Rng, svc: string, from: number, to: number, every: number, shift = 0): LogLine[] {
  const out: LogLine[] = [];
  for (let s = from * 60; s <= to * 60; s += every) {
    const message = pickOne(rng, ROUTINE).replace('%d', String(Math.floor(rng() * 90) + 5));
    out.push({ at: offset(Math.min(to * 60, s + Math.floor(rng() * every * 0.8)) + shift), service: svc, level: 'info', message });
  }
  return out;
}

export interface Span {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  at: string;
  durationMs: number;
  status: 'ok' | 'error';
  attributes?: Record<string, unknown>;
}
export interface Trace {
  traceId: string;
  spans: Span[];
}

/**
 * A sampled request down `chain` (caller first). `fault` is the hop where it goes wrong;
 * `peer` makes the last hop a third party seen only as the previous service's client span.
 */
export interface TraceSpec {
  chain: string[];
  fault?: string;
  mode: 'error' | 'slow';
  from: number;
  count?: number;
  /** The third party at the end of the chain, named only by `peer.service` on a client span. */
  peer?: string;
  peerOp?: string;
  /** Milliseconds the faulty hop takes when slow; default 4000. */
  slowMs?: number;
  /** Services always slow (they are slow in healthy traces too). */
  slow?: string[];
}

export function makeTrace(rng: Rng, spec: TraceSpec, second: number, faulty: boolean): Trace {
  const traceId = hex(rng, 32);
  const hops = spec.chain;
  const own = hops.map((svc) => (spec.slow?.includes(svc) ? 900 + rng() * 700 : 8 + rng() * 40));
  const faultIndex = faulty && spec.fault ? hops.indexOf(spec.fault) : -1;
  const peerHop = spec.peer ? hops.length : -1;
  const peerFault = faulty && spec.peer !== undefined && spec.fault === spec.peer;
  const durations: number[] = [];
  const failed: boolean[] = [];
  const peerMs = spec.peer ? (peerFault && spec.mode === 'slow' ? (spec.slowMs ?? 4000) * (0.8 + rng() * 0.4) : 120 + rng() * 200) : 0;
  for (let i = hops.length - 1; i >= 0; i--) {
    const below = i === hops.length - 1 ? peerMs : durations[i + 1]!;
    let ms = own[i]! + below;
    if (i === faultIndex && spec.mode === 'slow') ms += (spec.slowMs ?? 4000) * (0.8 + rng() * 0.4);
    durations[i] = ms;
    const downstreamFailed = i === hops.length - 1 ? peerFault && spec.mode === 'error' : failed[i + 1]!;
    failed[i] = faulty && spec.mode === 'error' && (i === faultIndex || (faultIndex >= 0 && i < faultIndex) || downstreamFailed);
  }
  const spans: Span[] = [];
  let parent: string | undefined;
  let start = second;
  hops.forEach((svc, i) => {
    const spanId = hex(rng, 16);
    const status = failed[i] ? 'error' : 'ok';
    spans.push({
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      service: svc,
      name: `${svc} ${i === 0 ? 'HTTP POST' : 'handle'}`,
      at: offset(Math.round(start)),
      durationMs: Math.round(durations[i]!),
      status,
      attributes: { 'http.status_code': status === 'error' ? pickOne(rng, [500, 502, 503]) : 200 },
    });
    parent = spanId;
    start += 0.01;
  });
  if (spec.peer && peerHop >= 0) {
    const caller = hops[hops.length - 1]!;
    const error = peerFault && spec.mode === 'error';
    spans.push({
      spanId: hex(rng, 16),
      parentSpanId: parent,
      service: caller,
      name: spec.peerOp ?? `HTTP POST ${spec.peer}`,
      at: offset(Math.round(start)),
      durationMs: Math.round(peerMs),
      status: error ? 'error' : 'ok',
      attributes: { 'span.kind': 'client', 'peer.service': spec.peer, 'http.status_code': error ? pickOne(rng, [502, 503, 504]) : 200 },
    });
  }
  return { traceId, spans };
}

/** Healthy traces before onset and faulty ones after, as a sampler would keep them. */
export function traces(rng: Rng, spec: TraceSpec, windowMinutes: number, shift = 0): Trace[] {
  const out: Trace[] = [];
  const faultStart = Math.max(spec.from, -20) * 60;
  const healthyUntil = shift ? 0 : faultStart;
  for (let s = -windowMinutes * 60 + 120; s < healthyUntil; s += 300) out.push(makeTrace(rng, spec, s + shift, false));
  if (shift) return out;
  const count = spec.count ?? 10;
  const span = Math.max(60, -faultStart);
  for (let i = 0; i < count; i++) out.push(makeTrace(rng, spec, faultStart + 20 + Math.floor((span * i) / count), true));
  return out;
}
