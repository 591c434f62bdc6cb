import { rngFor, type Rng } from './prng.js';
import type { LogSpec, Spec, TraceSpec } from './spec.js';
import { offset, seconds } from './time.js';
import { alertBody } from './alerts.js';

/** A week earlier: the healthy period every reference stands for. */
export const REFERENCE_SHIFT = 168 * 3600;

type Point = [string, number];
interface Series { name: string; service: string; unit: string; labels?: Record<string, string>; points: Point[] }

/** The services that own series: every topology node but third parties and managed AWS services. */
export function ownServices(spec: Spec): string[] {
  const all = new Set<string>();
  for (const [caller, callees] of Object.entries(spec.topology)) {
    all.add(caller);
    for (const callee of callees) all.add(callee);
  }
  return [...all].filter((s) => !(spec.external ?? []).includes(s)).sort();
}

export function topologyServices(spec: Spec): Set<string> {
  const all = new Set<string>();
  for (const [caller, callees] of Object.entries(spec.topology)) {
    all.add(caller);
    for (const callee of callees) all.add(callee);
  }
  return all;
}

function metricNames(spec: Spec): Record<'rate' | 'errors' | 'latency', { name: string; unit: string; labels?: Record<string, string> }> {
  return spec.cloudwatchMetrics
    ? {
        rate: { name: 'RequestCount', unit: 'Count', labels: { stat: 'Sum', period: '300' } },
        errors: { name: 'HTTPCode_Target_5XX_Count', unit: 'Count', labels: { stat: 'Sum', period: '300' } },
        latency: { name: 'TargetResponseTime', unit: 'Seconds', labels: { stat: 'p99', period: '300' } },
      }
    : {
        rate: { name: 'http_requests_per_second', unit: 'req/s' },
        errors: { name: 'http_error_ratio', unit: 'ratio' },
        latency: { name: 'http_latency_p99_ms', unit: 'ms' },
      };
}

function windowSeconds(spec: Spec): number {
  return (spec.windowMinutes ?? (spec.cloudwatchMetrics ? 180 : 90)) * 60;
}

function diurnal(spec: Spec, absMs: number): number {
  const hour = new Date(absMs).getUTCHours() + new Date(absMs).getUTCMinutes() / 60;
  return 1 + 0.32 * Math.cos((2 * Math.PI * (hour - (spec.peakHourUtc ?? 15))) / 24);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Applies the spec's effects (fault evidence only) to a logical value at offset t. */
function applyEffects(spec: Spec, service: string, metric: string, t: number, value: number, rng: Rng): number {
  let v = value;
  for (const e of spec.effects) {
    if (e.service !== service || e.metric !== metric) continue;
    const from = seconds(e.from);
    const to = e.to ? seconds(e.to) : Infinity;
    if (t < from || t >= to) continue;
    const k = e.ramp ? Math.min(1, (t - from + 1) / e.ramp) : 1;
    if (e.op === 'mult') v *= 1 + (e.value - 1) * k;
    else if (e.op === 'add') v += e.value * k;
    else v = v + (e.value * (1 + 0.04 * rng.gauss()) - v) * k;
  }
  return v;
}

function buildMetrics(spec: Spec, rng: Rng, shift: number, faulty: boolean): Series[] {
  const names = metricNames(spec);
  const step = spec.cloudwatchMetrics ? 300 : 60;
  const win = windowSeconds(spec);
  const atMs = Date.parse(spec.at);
  const out: Series[] = [];
  // CloudWatch periods start on the clock's 5-minute boundaries, whatever minute the alert came in.
  const phase = (atMs / 1000) % step;
  const first = -phase - Math.floor((win - phase) / step) * step;
  const rngBase = rngFor(`${spec.name}/profile`);
  for (const service of ownServices(spec)) {
    const rps = spec.baseRps?.[service] ?? round(rngBase.between(15, 420), 0);
    const lat = spec.baseLatency?.[service] ?? round(rngBase.between(18, 190), 0);
    const noisy = Boolean(spec.noisy?.[service]);
    const err = noisy ? rngBase.between(0.02, 0.045) : rngBase.between(0.0008, 0.005);
    const rate: Point[] = [];
    const errors: Point[] = [];
    const latency: Point[] = [];
    for (let t = first; t <= -phase; t += step) {
      const abs = atMs + (t - shift) * 1000;
      const d = diurnal(spec, abs);
      let r = rps * d * (1 + 0.05 * rng.gauss());
      let e = Math.max(0, err * (1 + (noisy ? 0.8 : 0.35) * rng.gauss()));
      let l = lat * (0.92 + 0.08 * d) * (1 + 0.1 * rng.gauss());
      if (faulty) {
        r = applyEffects(spec, service, 'rate', t, r, rng);
        e = Math.min(1, Math.max(0, applyEffects(spec, service, 'errors', t, e, rng)));
        l = applyEffects(spec, service, 'latency', t, l, rng);
      }
      const at = offset(t - shift);
      if (spec.cloudwatchMetrics) {
        rate.push([at, Math.round(r * 300)]);
        errors.push([at, Math.round(r * 300 * e)]);
        latency.push([at, round(l / 1000, 4)]);
      } else {
        rate.push([at, round(r, 1)]);
        errors.push([at, round(e, 5)]);
        latency.push([at, round(l, 1)]);
      }
    }
    out.push({ ...names.rate, service, points: rate }, { ...names.errors, service, points: errors }, { ...names.latency, service, points: latency });
  }
  for (const m of spec.extraMetrics ?? []) {
    const points: Point[] = [];
    for (let t = first; t <= -phase; t += step) {
      const d = m.diurnal ? diurnal(spec, atMs + (t - shift) * 1000) : 1;
      let v = Math.max(0, m.base * d + m.noise * rng.gauss());
      if (faulty) v = Math.max(0, applyEffects(spec, m.service, m.name, t, v, rng));
      if (m.unit === 'Percent' || m.unit === 'ratio') v = Math.min(m.unit === 'Percent' ? 100 : 1, v);
      points.push([offset(t - shift), round(v, 3)]);
    }
    out.push({ name: m.name, service: m.service, unit: m.unit, points });
  }
  return out;
}

function fill(template: string, rng: Rng): string {
  return template
    .replace(/\{n\}/g, () => String(rng.int(2, 980)))
    .replace(/\{ms\}/g, () => String(rng.int(4, 420)))
    .replace(/\{id\}/g, () => rng.hex(8))
    .replace(/\{ip\}/g, () => `10.${rng.int(0, 40)}.${rng.int(0, 255)}.${rng.int(2, 250)}`);
}

const ROUTINE = [
  'request completed status=200 duration_ms={ms}',
  'health check ok',
  'processed batch size={n}',
  'connection pool stats active={n} idle={n}',
  'cache refresh complete entries={n}',
  'request completed status=200 duration_ms={ms}',
];

interface LogItem { at: string; service: string; level: string; message: string; attributes?: Record<string, unknown>; traceId?: string }

function expandLogs(specs: LogSpec[], rng: Rng, shift: number, windowStart: number): Array<LogItem & { t: number }> {
  const out: Array<LogItem & { t: number }> = [];
  for (const l of specs) {
    const emit = (t: number) => {
      const item: LogItem & { t: number } = { t: t - shift, at: offset(t - shift), service: l.service, level: l.level, message: fill(l.message, rng) };
      if (l.attributes) item.attributes = l.attributes;
      out.push(item);
    };
    if (l.at) {
      emit(seconds(l.at));
      continue;
    }
    const from = Math.max(windowStart, l.from ? seconds(l.from) : windowStart);
    const to = l.to ? seconds(l.to) : 0;
    const every = l.every ?? 300;
    for (let t = from + rng.int(0, Math.min(every, 30)); t <= to; t += Math.max(1, Math.round(every * rng.between(0.6, 1.4)))) emit(t);
  }
  return out;
}

function buildLogs(spec: Spec, rng: Rng, shift: number, faulty: boolean): LogItem[] {
  const win = windowSeconds(spec);
  const routine: LogSpec[] = ownServices(spec).map((service) => ({ service, level: 'info', message: rng.pick(ROUTINE), every: rng.int(200, 420) }));
  const routineLines = expandLogs(routine, rng, shift, -win).map((l) => ({ ...l, message: fill(rng.pick(ROUTINE), rng) }));
  const noisy: LogSpec[] = Object.entries(spec.noisy ?? {}).flatMap(([service, messages]) =>
    messages.map((message, i) => ({ service, level: i % 2 ? 'error' : 'warn', message, every: rng.int(150, 330) }) as LogSpec),
  );
  const standing = spec.standingLogs ?? [];
  const fault = faulty ? (spec.logs ?? []) : [];
  const all = [...routineLines, ...expandLogs(noisy, rng, shift, -win), ...expandLogs(standing, rng, shift, -win), ...expandLogs(fault, rng, shift, -win)];
  all.sort((a, b) => a.t - b.t || a.service.localeCompare(b.service) || a.message.localeCompare(b.message));
  return all.map(({ t: _t, ...rest }) => rest);
}

interface Span { spanId: string; parentSpanId?: string; service: string; name: string; at: string; durationMs: number; status: 'ok' | 'error'; attributes?: Record<string, unknown> }

function buildTraces(spec: Spec, rng: Rng, shift: number, faulty: boolean): Array<{ traceId: string; spans: Span[] }> {
  const win = windowSeconds(spec);
  const out: Array<{ traceId: string; spans: Span[] }> = [];
  for (const tr of spec.traces ?? []) {
    for (let t = -win + rng.int(5, tr.every); t < 0; t += Math.round(tr.every * rng.between(0.7, 1.3))) {
      const hops = tr.path.length + (tr.peer ? 1 : 0);
      const failing = faulty && tr.failFrom !== undefined && t >= seconds(tr.failFrom) && rng.next() < (tr.errorShare ?? 1);
      const failAt = tr.failAt ?? hops - 1;
      const own = Array.from({ length: hops }, () => rng.int(2, 60));
      if (failing && tr.slowMs) own[failAt] = own[failAt]! + tr.slowMs;
      const durations: number[] = new Array(hops).fill(0);
      for (let i = hops - 1; i >= 0; i--) durations[i] = own[i]! + (i + 1 < hops ? durations[i + 1]! : 0);
      const spans: Span[] = [];
      let parent: string | undefined;
      for (let i = 0; i < hops; i++) {
        const peerHop = Boolean(tr.peer) && i === hops - 1;
        const service = peerHop ? tr.path[tr.path.length - 1]! : tr.path[i]!;
        const spanId = rng.hex(16);
        const span: Span = {
          spanId,
          service,
          name: tr.names?.[i] ?? (peerHop ? `${tr.peer} request` : `${service} handle`),
          at: offset(t - shift),
          durationMs: durations[i]!,
          status: failing && i <= failAt && !tr.slowOnly ? 'error' : 'ok',
        };
        if (parent) span.parentSpanId = parent;
        if (peerHop) span.attributes = { 'peer.service': tr.peer, 'span.kind': 'client' };
        spans.push(span);
        parent = spanId;
      }
      out.push({ traceId: rng.hex(32), spans });
    }
  }
  out.sort((a, b) => seconds(a.spans[0]!.at) - seconds(b.spans[0]!.at));
  return out;
}

/** The scenario file for a spec: the alert, the topology, the evidence (and its week-earlier reference), the answer. */
export function buildScenario(spec: Spec): Record<string, unknown> {
  const rng = rngFor(spec.name);
  const refRng = rngFor(`${spec.name}/reference`);
  const win = windowSeconds(spec);
  const series = buildMetrics(spec, rng, 0, true);
  for (const e of spec.effects) {
    const names = metricNames(spec);
    const name = e.metric in names ? names[e.metric as 'rate'].name : e.metric;
    if (!series.some((s) => s.service === e.service && s.name === name)) throw new Error(`${spec.name}: effect on ${e.service}/${e.metric} lands on no series`);
  }
  const evidence: Record<string, unknown> = {};
  if (!spec.noReference) {
    const reference: Record<string, unknown> = { from: offset(-win - REFERENCE_SHIFT), to: offset(-REFERENCE_SHIFT), metrics: buildMetrics(spec, refRng, REFERENCE_SHIFT, false) };
    if (!spec.noLogs) reference['logs'] = buildLogs(spec, refRng, REFERENCE_SHIFT, false);
    if (!spec.noTraces && spec.traces?.length) reference['traces'] = buildTraces(spec, refRng, REFERENCE_SHIFT, false);
    evidence['reference'] = reference;
  }
  evidence['metrics'] = series;
  if (!spec.noLogs) evidence['logs'] = buildLogs(spec, rng, 0, true);
  if (!spec.noTraces && spec.traces?.length) evidence['traces'] = buildTraces(spec, rng, 0, true);
  if (spec.changes?.length) evidence['changes'] = spec.changes;
  if (spec.runtime?.length) evidence['runtime'] = spec.runtime;
  if (spec.exceptions?.length) evidence['exceptions'] = spec.exceptions;
  if (spec.alerts?.length) evidence['alerts'] = spec.alerts;
  const { headers, body } = alertBody(spec, rngFor(`${spec.name}/alert`), series);
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind11',
    signal: headers ? { source: spec.source, headers, body } : { source: spec.source, body },
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}
