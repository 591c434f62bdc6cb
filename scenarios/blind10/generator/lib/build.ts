import { Rng } from './prng.js';
import { signalOf } from './senders.js';
import type { Effect, LogSpec, SeriesSpec, Spec, TraceSpec } from './spec.js';
import { offsetOf, secondsOf } from './time.js';

/*
 * Turns a spec into a scenario file: every series drawn from a baseline that follows the
 * day's load, with noise, and the spec's fault effects on top; routine logs for every
 * service, the spec's always-noisy lines (in the window and in the reference alike) and its
 * fault lines; healthy traces before the onset and the spec's traces after it; a reference
 * of the same queries one week earlier, without the fault.
 */

const WEEK = 7 * 86400;

/** Every service the topology names, callers and callees. */
export function servicesOf(spec: Spec): string[] {
  const names = new Set<string>();
  for (const [caller, callees] of Object.entries(spec.topology)) {
    names.add(caller);
    for (const callee of callees) names.add(callee);
  }
  return [...names];
}

function internalServices(spec: Spec): string[] {
  return servicesOf(spec).filter((s) => !spec.external?.includes(s));
}

/** The default series keys and their names in the shop's metric system. */
export function metricName(spec: Spec, key: string): string {
  const cw: Record<string, string> = { rps: 'RequestCount', err: 'HTTPCode_Target_5XX_Count', lat: 'TargetResponseTime_p99' };
  const prom: Record<string, string> = { rps: 'http_requests_per_second', err: 'http_error_ratio', lat: 'http_latency_p99_ms' };
  return (spec.cloudwatch ? cw : prom)[key] ?? key;
}

interface Series extends SeriesSpec {
  key: string;
}

function seriesOf(spec: Spec, rng: Rng): Series[] {
  const out: Series[] = [];
  for (const svc of internalServices(spec)) {
    if (spec.noDefaultSeries?.includes(svc)) continue;
    const base = spec.base?.[svc] ?? {};
    const rps = base.rps ?? rng.int(20, 400);
    const p99 = base.p99 ?? rng.int(40, 320);
    const err = base.err ?? Number((0.001 + rng.next() * 0.003).toFixed(4));
    if (spec.cloudwatch) {
      out.push({ key: 'rps', svc, name: 'RequestCount', unit: 'Count', base: rps * 300, diurnal: true });
      out.push({ key: 'err', svc, name: 'HTTPCode_Target_5XX_Count', unit: 'Count', base: Math.max(1, rps * 300 * err), noise: 0.35, diurnal: true });
      out.push({ key: 'lat', svc, name: 'TargetResponseTime_p99', unit: 'Seconds', base: p99 / 1000, noise: 0.1 });
    } else {
      out.push({ key: 'rps', svc, name: 'http_requests_per_second', unit: 'req/s', base: rps, diurnal: true });
      out.push({ key: 'err', svc, name: 'http_error_ratio', unit: 'ratio', base: err, noise: 0.3 });
      out.push({ key: 'lat', svc, name: 'http_latency_p99_ms', unit: 'ms', base: p99, noise: 0.1 });
    }
  }
  for (const extra of spec.series ?? []) out.push({ ...extra, key: extra.name });
  return out;
}

function diurnal(spec: Spec, absSeconds: number): number {
  const hour = (((absSeconds / 3600) % 24) + 24) % 24;
  const peak = spec.peakHourUtc ?? 14;
  return 1 + 0.35 * Math.cos((2 * Math.PI * (hour - peak)) / 24);
}

/** The series' value with the fault effects that have begun by `t` (seconds from `at`). */
function applyEffects(value: number, t: number, effects: Effect[]): number {
  let v = value;
  for (const e of effects) {
    const from = secondsOf(e.from);
    if (t < from || (e.until && t >= secondsOf(e.until))) continue;
    const ramp = e.ramp ? secondsOf(`+${e.ramp}`) : 0;
    const share = ramp > 0 ? Math.min(1, (t - from) / ramp) : 1;
    const target = e.to !== undefined ? e.to : v * (e.x ?? 1);
    v = v + (target - v) * share;
  }
  return v;
}

function round(value: number, unit: string): number {
  if (unit === 'Count' || unit === 'count') return Math.max(0, Math.round(value));
  const digits = value < 0.01 ? 5 : value < 1 ? 4 : value < 100 ? 2 : 1;
  return Math.max(0, Number(value.toFixed(digits)));
}

function points(spec: Spec, rng: Rng, series: Series, start: number, end: number, step: number, shift: number, effects: Effect[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const at = Date.parse(spec.at) / 1000;
  for (let t = start; t <= end; t += step) {
    const load = series.diurnal ? diurnal(spec, at + t + shift) : 1;
    const noise = 1 + (series.noise ?? 0.06) * rng.gauss();
    out.push([offsetOf(t + shift), round(applyEffects(series.base * load, t, effects) * noise, series.unit)]);
  }
  return out;
}

function effectsFor(spec: Spec, series: Series): Effect[] {
  return spec.effects.filter((e) => e.svc === series.svc && (e.m === series.key || e.m === series.name));
}

const ROUTINE: Record<string, string[]> = {
  info: [
    'GET /healthz 200 1ms',
    'request completed status=200 duration_ms={n}',
    'flushed {n} spans to collector',
    'connection pool stats active={s} idle={s}',
    'config watch: no changes',
    'processed batch size={n}',
    'cache stats hit_ratio=0.9{s}',
  ],
  debug: ['gc pause {s}ms', 'keepalive sent to upstream'],
};

function fill(rng: Rng, text: string): string {
  return text
    .replace(/\{n\}/g, () => String(rng.int(12, 480)))
    .replace(/\{s\}/g, () => String(rng.int(1, 9)))
    .replace(/\{id\}/g, () => rng.hex(12));
}

interface Log {
  at: string;
  service: string;
  level: string;
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
}

function routineLogs(spec: Spec, rng: Rng, start: number, end: number, shift: number): Array<[number, Log]> {
  const out: Array<[number, Log]> = [];
  const minutes = (end - start) / 60;
  for (const svc of internalServices(spec)) {
    const count = Math.round(minutes / rng.int(4, 9));
    for (let i = 0; i < count; i++) {
      const t = start + Math.floor(rng.next() * (end - start));
      const level = rng.next() < 0.85 ? 'info' : 'debug';
      out.push([t + shift, { at: offsetOf(t + shift), service: svc, level, message: fill(rng, rng.pick(ROUTINE[level]!)) }]);
    }
  }
  return out;
}

function recurring(rng: Rng, specs: LogSpec[], start: number, end: number, shift: number): Array<[number, Log]> {
  const out: Array<[number, Log]> = [];
  for (const l of specs) {
    const from = Math.max(start, secondsOf(l.from));
    const until = Math.min(end, l.until ? secondsOf(l.until) : end);
    for (let t = from + rng.int(0, Math.max(1, Math.floor(l.every / 3))); t < until; t += Math.max(1, Math.round(l.every * (0.7 + 0.6 * rng.next())))) {
      const log: Log = { at: offsetOf(t + shift), service: l.svc, level: l.level, message: fill(rng, l.msg) };
      if (l.attrs) log.attributes = l.attrs;
      out.push([t + shift, log]);
    }
  }
  return out;
}

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

function trace(rng: Rng, spec: TraceSpec, t: number, healthy: boolean): { traceId: string; spans: Span[] } {
  const ids: string[] = [];
  const spans: Span[] = spec.chain.map(([service, name, status, ms, attrs, parent], index) => {
    const spanId = rng.hex(16);
    ids.push(spanId);
    const parentIndex = parent ?? index - 1;
    const duration = healthy ? Math.max(2, Math.round((ms > 400 ? 25 + ms * 0.012 : ms * 0.7) * (0.8 + 0.4 * rng.next()))) : Math.max(1, Math.round(ms * (0.85 + 0.3 * rng.next())));
    const span: Span = { spanId, service, name, at: offsetOf(t + index), durationMs: duration, status: healthy ? 'ok' : status };
    if (parentIndex >= 0) span.parentSpanId = ids[parentIndex];
    if (attrs) span.attributes = healthy ? Object.fromEntries(Object.entries(attrs).filter(([k]) => !/error|exception/.test(k))) : attrs;
    return span;
  });
  return { traceId: rng.hex(32), spans };
}

function traces(spec: Spec, rng: Rng, start: number, shift: number, faulty: boolean): Array<{ traceId: string; spans: Span[] }> {
  const out: Array<{ traceId: string; spans: Span[] }> = [];
  for (const ts of spec.traces ?? []) {
    const onset = secondsOf(ts.from);
    for (let t = start + 120; t < Math.min(onset, 0) - 60; t += 900) out.push(trace(rng, ts, t + shift, true));
    if (!faulty) continue;
    const until = ts.until ? secondsOf(ts.until) : 0;
    for (let t = onset + rng.int(5, 30); t + ts.chain.length <= until; t += ts.every) out.push(trace(rng, ts, t + shift, false));
  }
  return out;
}

function sorted(logs: Array<[number, Log]>): Log[] {
  return logs.sort((a, b) => a[0] - b[0] || a[1].service.localeCompare(b[1].service)).map(([, log]) => log);
}

/** The scenario file's object, keys in the format's order. */
export function buildScenario(spec: Spec): Record<string, unknown> {
  const rng = new Rng(spec.name);
  const window = (spec.windowMinutes ?? (spec.cloudwatch ? 180 : 60)) * 60;
  const step = spec.cloudwatch ? 300 : 60;
  const start = -window;
  const series = seriesOf(spec, rng);
  const signal = signalOf(spec, rng);

  const metrics = series.map((s) => ({ name: s.name, service: s.svc, ...(s.labels ? { labels: s.labels } : {}), unit: s.unit, points: points(spec, rng, s, start, 0, step, 0, effectsFor(spec, s)) }));
  const logs = spec.withoutLogs ? undefined : sorted([...routineLogs(spec, rng, start, 0, 0), ...recurring(rng, spec.noisy ?? [], start, 0, 0), ...recurring(rng, spec.logs ?? [], start, 1, 0)]);
  const faultTraces = spec.withoutTraces ? undefined : traces(spec, rng, start, 0, true);

  const evidence: Record<string, unknown> = {};
  if (!spec.withoutReference) {
    const shift = -WEEK;
    const reference: Record<string, unknown> = { from: offsetOf(start + shift), to: offsetOf(shift) };
    reference['metrics'] = series.map((s) => ({ name: s.name, service: s.svc, ...(s.labels ? { labels: s.labels } : {}), unit: s.unit, points: points(spec, rng, s, start, 0, step, shift, []) }));
    if (!spec.withoutLogs) reference['logs'] = sorted([...routineLogs(spec, rng, start, 0, shift), ...recurring(rng, (spec.noisy ?? []).map((l) => ({ ...l, from: offsetOf(start) })), start, 0, shift)]);
    if (!spec.withoutTraces) reference['traces'] = traces(spec, rng, start, shift, false);
    evidence['reference'] = reference;
  }
  evidence['metrics'] = metrics;
  if (logs) evidence['logs'] = logs;
  if (faultTraces) evidence['traces'] = faultTraces;
  evidence['changes'] = spec.changes ?? [];
  if (spec.runtime) evidence['runtime'] = spec.runtime;
  if (spec.exceptions) evidence['exceptions'] = spec.exceptions;
  if (spec.alerts) evidence['alerts'] = spec.alerts;

  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal,
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}

/** Effects that name no series the file holds: a spec mistake the generator refuses. */
export function danglingEffects(spec: Spec): Effect[] {
  const rng = new Rng(spec.name);
  const series = seriesOf(spec, rng);
  return spec.effects.filter((e) => !series.some((s) => s.svc === e.svc && (s.key === e.m || s.name === e.m)));
}
