/*
 * blind23: turns a scenario spec into a causeway.scenario/v1 document, and checks the written
 * file the way the brief asks (loader, normalizer, services, times, reference window, mustCite).
 */
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import {
  type Action, type Effect, type EvidenceClass, type Kind, type LogSpec, Rng, type SeriesSpec, type Source, type Spec, type TraceSpec,
  logLines, off, series, signal, traceList,
} from './lib.js';

export type { Effect, LogSpec, SeriesSpec, TraceSpec };

/** A service's everyday traffic: requests/s, error ratio, p95 latency in ms. */
export interface Base { rps: number; err: number; p95: number; diurnal?: number }

export interface Fx { rps?: Effect[]; err?: Effect[]; p95?: Effect[] }

export interface Scn {
  name: string;
  postmortem: string;
  description: string;
  at: string;
  source: Source;
  alert: Spec['alert'];
  topology: Record<string, string[]>;
  /** Third parties and managed services: no metrics, logs, spans, changes, runtime or exceptions of their own. */
  external?: string[];
  /** Metric step in seconds (300 in CloudWatch shops). */
  step?: number;
  window: number;
  base: Record<string, Base>;
  fx?: Record<string, Fx>;
  series?: SeriesSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Spec['changes'];
  runtime?: Spec['runtime'];
  exceptions?: Spec['exceptions'];
  alerts?: Spec['alerts'];
  /** Reference offset in hours (24 or 168); 0 for none. Default 168. */
  ref?: 0 | 24 | 168;
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  /** What tells a careful SRE the answer. */
  why: string;
}

function stdSeries(name: string, b: Base, fx: Fx | undefined, step: number): SeriesSpec[] {
  const d = b.diurnal ?? 0.3;
  const unitRate = step >= 300 ? 'count/s' : 'req/s';
  return [
    { service: name, name: 'http_requests_per_second', unit: unitRate, base: b.rps, diurnal: d, noise: 0.06, fx: fx?.rps },
    { service: name, name: 'http_error_ratio', unit: 'ratio', base: b.err, diurnal: 0, noise: 0.3, fx: fx?.err, max: 1 },
    { service: name, name: 'http_latency_p95_ms', unit: 'ms', base: b.p95, diurnal: 0.08, noise: 0.08, fx: fx?.p95 },
  ];
}

export function build(s: Scn): Record<string, unknown> {
  const rng = new Rng(s.name);
  const atMs = Date.parse(s.at);
  const step = s.step ?? 60;
  const all: SeriesSpec[] = [
    ...Object.entries(s.base).flatMap(([name, b]) => stdSeries(name, b, s.fx?.[name], step)),
    ...(s.series ?? []),
  ];
  const spec = { name: s.name, source: s.source, alert: s.alert } as Spec;
  const sig = signal(rng, spec, atMs);
  const metrics = all.map((x) => series(rng, x, atMs, s.window, step, 0, true));
  const logs = (s.logs ?? []).flatMap((l) => logLines(rng, l, s.window, 0)).sort(byAt);
  const traces = (s.traces ?? []).flatMap((t) => traceList(rng, t, s.window, 0)).sort((a, b) => secs((a.spans as any)[0].at) - secs((b.spans as any)[0].at));
  const ev: Record<string, unknown> = {};
  const ref = s.ref ?? 168;
  if (ref) {
    const shift = -ref * 3600;
    ev.reference = {
      from: off(shift - s.window * 60),
      to: off(shift),
      metrics: all.map((x) => series(rng, x, atMs, s.window, step, shift, false)),
      logs: (s.logs ?? []).filter((l) => l.always).flatMap((l) => logLines(rng, l, s.window, shift)).sort(byAt),
      traces: (s.traces ?? []).filter((t) => t.always).flatMap((t) => traceList(rng, t, s.window, shift)),
    };
  }
  ev.metrics = metrics;
  if (logs.length) ev.logs = logs;
  if (traces.length) ev.traces = traces;
  const timed = <T extends { at: number }>(items: T[] | undefined) =>
    (items ?? []).slice().sort((a, b) => a.at - b.at).map((x) => ({ ...x, at: off(x.at * 60) }));
  if (s.changes?.length) ev.changes = timed(s.changes);
  if (s.runtime?.length) ev.runtime = timed(s.runtime);
  if (s.exceptions?.length) ev.exceptions = timed(s.exceptions);
  if (s.alerts?.length) ev.alerts = timed(s.alerts);
  return {
    format: 'causeway.scenario/v1',
    name: s.name,
    description: s.description,
    at: s.at,
    tenant: 'blind23',
    signal: sig,
    topology: s.topology,
    evidence: ev,
    expected: { rootCause: { service: s.expected.service, kind: s.expected.kind }, action: s.expected.action, mustCite: s.expected.mustCite },
  };
}

function secs(offset: string): number {
  return (resolveScenarioTime(offset, 0)) / 1000;
}
function byAt(a: Record<string, unknown>, b: Record<string, unknown>) {
  return secs(a.at as string) - secs(b.at as string);
}

/** The brief's checks on a written file; throws with the scenario's name on the first failure. */
export function check(file: string, s: Scn): void {
  const fail = (why: string) => {
    throw new Error(`${s.name}: ${why}`);
  };
  const sc = loadScenarioFile(file);
  const atMs = Date.parse(sc.at);
  const signals = getSourceAdapter(sc.signal.source).normalize(sc.signal.body, { tenantId: 'blind23', receivedAt: new Date(atMs), catalog: {} });
  const firing = signals.filter((x) => x.status === 'firing');
  if (signals.length !== 1 || firing.length !== 1) fail(`expected one firing signal, got ${signals.length}`);
  const sig = firing[0]!;
  if (sig.service !== s.alert.service) fail(`signal service ${sig.service} ≠ ${s.alert.service}`);
  const wantStart = atMs + s.alert.startedMin * 60000;
  if (Date.parse(sig.startedAt) !== wantStart) fail(`signal start ${sig.startedAt} ≠ ${new Date(wantStart).toISOString()}`);
  const topo = new Set<string>();
  for (const [k, v] of Object.entries(sc.topology ?? {})) {
    topo.add(k);
    v.forEach((x) => topo.add(x));
  }
  const external = new Set(s.external ?? []);
  if (!topo.has(s.alert.service)) fail(`alert service ${s.alert.service} not in topology`);
  if (!topo.has(sc.expected!.rootCause.service)) fail('root cause not in topology');
  for (const x of external) if (!topo.has(x)) fail(`external ${x} not in topology`);
  const ev = sc.evidence;
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const own = (cls: string, service: string, at: number) => {
    if (!topo.has(service)) fail(`${cls} item names ${service}, not in topology`);
    if (external.has(service) && cls !== 'alerts') fail(`${cls} item owned by third party ${service}`);
    if (at > atMs) fail(`${cls} item after the notification`);
  };
  for (const m of ev.metrics ?? []) for (const [p] of m.points) own('metrics', m.service, t(p));
  for (const l of ev.logs ?? []) own('logs', l.service, t(l.at));
  for (const tr of ev.traces ?? []) for (const sp of tr.spans) own('traces', sp.service, t(sp.at) + sp.durationMs);
  for (const c of ev.changes ?? []) own('changes', c.service, t(c.at));
  for (const r of ev.runtime ?? []) own('runtime', r.service, t(r.at));
  for (const e of ev.exceptions ?? []) own('exceptions', e.service, t(e.at));
  for (const a of ev.alerts ?? []) own('alerts', a.service, t(a.at));
  if (ev.reference) {
    const from = t(ev.reference.from);
    const to = t(ev.reference.to);
    const inside = (v: number) => {
      if (v < from || v > to) fail('reference item outside its window');
    };
    for (const m of ev.reference.metrics ?? []) for (const [p] of m.points) inside(t(p));
    for (const l of ev.reference.logs ?? []) inside(t(l.at));
    for (const tr of ev.reference.traces ?? []) for (const sp of tr.spans) inside(t(sp.at));
  }
  for (const cls of sc.expected!.mustCite ?? []) {
    const items = (ev as Record<string, unknown>)[cls];
    if (!Array.isArray(items) || items.length === 0) fail(`mustCite ${cls} has no evidence`);
  }
  if (/[A-Z]/.test(sc.name)) fail('name not kebab-case');
  if (sc.expected!.rootCause.service !== s.alert.service) {
    const rc = sc.expected!.rootCause.service;
    if (sc.name.includes(rc) || (sc.description ?? '').includes(rc)) fail(`name or description names the root-cause service ${rc}`);
  }
}
