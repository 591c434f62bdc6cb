/*
 * blind23: a compact incident description (Q) turned into the Scn the builder takes. It adds what
 * every shop has: symptoms spreading up the call path from where the fault is, traces along that
 * path (healthy before onset, failing after), and the shop's everyday noise (a chronic warning in
 * a healthy service, an unrelated deploy, an unrelated restart), all drawn from a PRNG seeded by
 * the scenario's name.
 */
import type { Base, Fx, Scn } from './build.js';
import { type Action, type EvidenceClass, type Kind, type LogSpec, Rng, type SeriesSpec, type Source, type SpanTpl, type TraceSpec } from './lib.js';
import { peer, sp } from './h.js';

export interface Q {
  name: string;
  pm: string;
  desc: string;
  at: string;
  source: Source;
  alert: { service: string; name: string; summary: string; startedMin: number; dim?: string; severity?: string; extra?: Record<string, string> };
  /** The call path from the entry service to where the fault shows: the last element is the faulty service (or the third party). */
  path: string[];
  /** Span names along the path, one per hop (defaults to "GET /…"). */
  ops?: string[];
  /** Further call-graph edges (bystanders, side calls). */
  topo?: Record<string, string[]>;
  /** Everyday traffic of every own service (path and bystanders). */
  base: Record<string, Base>;
  external?: string[];
  step?: number;
  window?: number;
  /** Minute (relative to the alert) at which the fault begins. */
  onset: number;
  /** Error ratio and extra p95 ms the direct caller of the faulty service reaches; callers above get less. */
  spread?: { err: number; p95: number; lag?: number; ramp?: number };
  /** Effects on own services beyond the spread (including the faulty one). */
  fx?: Record<string, Fx>;
  series?: SeriesSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Scn['changes'];
  runtime?: Scn['runtime'];
  exceptions?: Scn['exceptions'];
  alerts?: Scn['alerts'];
  /** Skip the automatic noise (unrelated deploy/restart/chronic warning). */
  quiet?: boolean;
  /** Failing hop's span: status/duration/attributes after onset. */
  failSpan?: { ms: number; status?: 'ok' | 'error'; attrs?: Record<string, unknown> };
  /** No traces after onset (nothing reaches the path any more). */
  tracesStop?: boolean;
  /** Trace every N seconds (default 90). */
  traceEvery?: number;
  ref?: 0 | 24 | 168;
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  why: string;
  hard: string;
}

const CHRONIC = [
  'slow query detected: {int:1200-2400}ms SELECT … FROM audit_events',
  'retrying request to config endpoint (attempt 2/3)',
  'deprecated API version v1 called by client {pick:legacy-ios|batch-exporter|partner-7}',
  'connection pool near capacity: {int:41-47}/50 in use',
  'GC pause {int:210-380}ms exceeded target 200ms',
  'cache miss ratio {int:31-39}% above target 30%',
  'TLS handshake with upstream took {int:900-1400}ms',
  'request body larger than 1MiB truncated in access log',
];
const RESTART_MSG = ['liveness probe failed 3 times; container restarted', 'node drained for kernel patching; pod rescheduled', 'container restarted after config reload'];

function addFx(into: Record<string, Fx>, svc: string, key: keyof Fx, fx: Array<[number, number, number?]>) {
  const f = (into[svc] ??= {});
  f[key] = [...(f[key] ?? []), ...fx].sort((a, b) => a[0] - b[0]);
}

export function q(x: Q): Scn {
  const rng = new Rng(`${x.name}#noise`);
  const window = x.window ?? 180;
  const topology: Record<string, string[]> = {};
  const edge = (a: string, b: string) => {
    const l = (topology[a] ??= []);
    if (!l.includes(b)) l.push(b);
  };
  for (let i = 0; i + 1 < x.path.length; i++) edge(x.path[i]!, x.path[i + 1]!);
  for (const [a, bs] of Object.entries(x.topo ?? {})) for (const b of bs) edge(a, b);

  // Symptoms spread from the faulty hop to its callers along the path.
  const fx: Record<string, Fx> = {};
  const sp0 = x.spread;
  if (sp0) {
    let err = sp0.err;
    let p95 = sp0.p95;
    const lag = sp0.lag ?? 1;
    const ramp = sp0.ramp ?? 2;
    for (let i = x.path.length - 2, k = 0; i >= 0; i--, k++) {
      const svc = x.path[i]!;
      const b = x.base[svc];
      if (!b) continue;
      const t = x.onset + lag * (k + 1);
      addFx(fx, svc, 'err', [[t, Math.min(0.95, b.err + err), ramp]]);
      addFx(fx, svc, 'p95', [[t, b.p95 + p95, ramp]]);
      err *= 0.75;
      p95 *= 0.9;
    }
  }
  for (const [svc, f] of Object.entries(x.fx ?? {})) for (const key of ['rps', 'err', 'p95'] as const) if (f[key]) addFx(fx, svc, key, f[key]!);

  // Traces along the path.
  const ops = x.ops ?? x.path.map((s) => `GET /${s.split('-')[0]}`);
  const ext = new Set(x.external ?? []);
  const chain = (fail: boolean): SpanTpl => {
    let node: SpanTpl | undefined;
    for (let i = x.path.length - 1; i >= 0; i--) {
      const svc = x.path[i]!;
      const b = x.base[svc];
      const last = i === x.path.length - 1;
      if (ext.has(svc)) continue;
      const next = x.path[i + 1];
      const healthyMs = (b?.p95 ?? 50) * 0.6;
      if (next && ext.has(next)) {
        const f = fail && x.failSpan;
        const c = peer(svc, next, ops[i + 1] ?? `call ${next}`, f ? x.failSpan!.ms : healthyMs * 0.5, f ? x.failSpan!.status ?? 'error' : 'ok', f ? x.failSpan!.attrs ?? {} : {});
        node = sp(svc, ops[i]!, (f ? x.failSpan!.ms : healthyMs * 0.5) + healthyMs * 0.5, f ? 'error' : 'ok', [c]);
      } else if (last) {
        const f = fail && x.failSpan;
        node = sp(svc, ops[i]!, f ? x.failSpan!.ms : healthyMs, f ? x.failSpan!.status ?? 'error' : 'ok', [], f ? x.failSpan!.attrs : undefined);
      } else {
        const childMs = node ? node.ms : 0;
        node = sp(svc, ops[i]!, childMs + healthyMs * 0.4, fail && node?.status === 'error' ? 'error' : 'ok', node ? [node] : []);
      }
    }
    return node!;
  };
  const every = x.traceEvery ?? 90;
  const healthy: TraceSpec = { every, tpl: chain(false), always: true };
  if (x.failSpan || x.tracesStop) healthy.to = x.onset;
  const traces: TraceSpec[] = [healthy, ...(x.traces ?? [])];
  if (x.failSpan) traces.push({ every, tpl: chain(true), from: x.onset + 1 });

  // Everyday noise in the healthy part of the shop.
  const logs: LogSpec[] = [...(x.logs ?? [])];
  const changes = [...(x.changes ?? [])];
  const runtime = [...(x.runtime ?? [])];
  const own = Object.keys(x.base);
  const calm = own.filter((s) => !x.path.includes(s) && s !== x.expected.service);
  if (!x.quiet) {
    const pool = calm.length ? calm : own.filter((s) => s !== x.expected.service);
    const c = rng.pick(pool);
    logs.push({ service: c, level: 'warn', msg: rng.pick(CHRONIC), every: rng.int(240, 600), always: true });
    const d = rng.pick(pool);
    const minor = rng.int(10, 60);
    changes.push({ at: -rng.int(Math.floor(window * 0.4), window - 10), service: d, kind: 'deployment', summary: `${d} routine release (dependency bumps, copy changes)`, version: `v2.${minor}.${rng.int(1, 9)}`, previousVersion: `v2.${minor - 1}.${rng.int(0, 9)}`, author: rng.pick(['mkowalski', 'a.ferreira', 'jlin', 'ci-bot', 'r.haddad']), source: 'argo-cd' });
    const r = rng.pick(pool);
    runtime.push({ at: -rng.int(20, window - 5), service: r, kind: 'restart', count: 1, message: rng.pick(RESTART_MSG) });
  }

  return {
    name: x.name,
    postmortem: x.pm,
    description: x.desc,
    at: x.at,
    source: x.source,
    alert: x.alert,
    topology,
    external: x.external,
    step: x.step,
    window,
    base: x.base,
    fx,
    series: x.series,
    logs,
    traces,
    changes,
    runtime,
    exceptions: x.exceptions,
    alerts: x.alerts,
    ref: x.ref,
    expected: x.expected,
    why: `${x.why} || ${x.hard}`,
  };
}

/** A gauge series (disk, memory, connections…). */
export function gauge(service: string, name: string, unit: string, base: number, fx?: Array<[number, number, number?]>, noise = 0.02, max?: number): SeriesSpec {
  const s: SeriesSpec = { service, name, unit, base, noise, diurnal: 0, fx };
  if (max !== undefined) s.max = max;
  return s;
}
