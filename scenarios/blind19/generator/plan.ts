/*
 * A plan is a scenario written the short way: the shop, the chain the fault travels up (the
 * alerting service first, the faulty service or third party last), the onset, and what is
 * particular to the fault. The plan fills in what every real shop has around it: rate, latency
 * and error series for each service it owns, callers' error logs naming their callee, traces
 * through the chain (third parties only as client spans with peer.service), and the noise of
 * a working shop (chronic warnings, unrelated deploys and restarts, old deploys, red-herring
 * alerts). Deterministic: the noise comes from a PRNG seeded by the scenario name.
 */
import { Rng, type Action, type EvidenceClass, type Kind, type LogSpec, type SeriesSpec, type Source, type Spec, type SpanTpl, type TraceSpec, type Effect } from './lib.js';

export function rate(service: string, base: number, fx?: Effect[], cw = false): SeriesSpec {
  return { service, name: cw ? 'RequestCount' : 'http_requests_per_second', unit: cw ? 'Count/Second' : 'req/s', base, noise: 0.06, diurnal: 0.3, fx };
}
export function lat(service: string, base: number, fx?: Effect[], cw = false): SeriesSpec {
  return { service, name: cw ? 'TargetResponseTime_p99' : 'http_request_duration_p99_ms', unit: 'ms', base, noise: 0.1, diurnal: 0.08, fx };
}
export function err(service: string, base: number, fx?: Effect[], cw = false): SeriesSpec {
  return { service, name: cw ? 'HTTPCode_Target_5XX_ratio' : 'http_error_ratio', unit: 'ratio', base, noise: 0.3, max: 1, fx };
}
export function gauge(service: string, name: string, unit: string, base: number, fx?: Effect[], opts: Partial<SeriesSpec> = {}): SeriesSpec {
  return { service, name, unit, base, noise: 0.04, fx, ...opts };
}
export function log(service: string, level: LogSpec['level'], msg: string, every: number, from?: number, to?: number, more: Partial<LogSpec> = {}): LogSpec {
  return { service, level, msg, every, from, to, ...more };
}
export function sp(service: string, name: string, ms: number, status: 'ok' | 'error' = 'ok', attrs?: Record<string, unknown>, children?: SpanTpl[]): SpanTpl {
  return { service, name, ms, status, attrs, children };
}

export interface Plan {
  name: string;
  postmortem: string;
  description: string;
  at: string;
  source: Source;
  alert: Spec['alert'];
  topology: Record<string, string[]>;
  bystanders?: Spec['bystanders'];
  external?: string[];
  /** CloudWatch shop: 5-minute metrics and CloudWatch metric names. */
  cw?: boolean;
  window: number;
  reference?: boolean;
  /** Alerting service first, the faulty service (or third party) last. */
  chain: string[];
  /** Operation names along the chain (one per hop), default `POST /<callee>`. */
  ops?: string[];
  onset: number;
  /** Base request rate and p99 of the services it owns; others get defaults. */
  rates?: Record<string, number>;
  lats?: Record<string, number>;
  /** Error ratio reached by the victims in the chain (first is the alerting service). */
  victimErr?: number;
  victimLatX?: number;
  /** The root's own error ratio and latency multiplier after onset (0 = unchanged). */
  rootErr?: number;
  rootLatX?: number;
  /** Effects on the root's request rate (surges). */
  rootRateFx?: Effect[];
  /** Ramp of the fault in minutes (slow burns). */
  ramp?: number;
  /** Message a caller logs when its callee fails; `{callee}` is replaced. */
  callerMsg?: string;
  /** The error the root (or the last owned service, for a third party) logs. */
  rootMsg?: string;
  series?: SeriesSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Spec['changes'];
  runtime?: Spec['runtime'];
  exceptions?: Spec['exceptions'];
  alerts?: Spec['alerts'];
  /** Extra healthy services elsewhere in the shop (a larger shop). */
  more?: number;
  /** Turn parts of the noise off. */
  quiet?: Array<'chronic' | 'deploy' | 'old' | 'restart' | 'herring' | 'traces'>;
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  why: string;
}

const CHRONIC = [
  'slow query: {int:1100-2400}ms SELECT ... FROM audit_events WHERE tenant_id = ?',
  'retrying publish to metrics sink (attempt {int:1-3})',
  'deprecated API version v1 used by client {pick:ios-7.2|android-6.9|partner-legacy}',
  'cache miss storm for key prefix {pick:cfg|geo|tz}: refilling',
  'GC pause {int:180-420}ms (G1 Evacuation Pause)',
  'certificate for internal-metrics expires in {int:20-40} days',
  'request rejected: invalid token signature (client {hex:6})',
  'connection reset by peer while reading response body from telemetry collector',
];
const GENERIC = ['request to {callee} failed: 503 Service Unavailable', 'upstream {callee} error: context deadline exceeded', 'call to {callee} failed after 3 retries: 502 Bad Gateway'];
const POOL = ['audit-log', 'pdf-render', 'push-notify', 'geo-ip', 'translations', 'ab-testing', 'tax-calc', 'csv-export', 'status-page', 'email-sender', 'webhooks-out', 'kyc-check', 'thumbnailer', 'sitemap-gen', 'feature-store', 'consent-svc', 'help-center', 'survey-svc', 'coupon-svc', 'address-check'];
const HERRING = ['DiskSpaceLow', 'CertificateExpiresSoon', 'BatchJobLate', 'HighGCPause', 'NodeClockSkew', 'QueueAgeHigh'];

export function plan(p: Plan): Spec {
  const rng = new Rng(`${p.name}/plan`);
  const ext = new Set(p.external ?? []);
  const nodes = [...new Set(Object.entries(p.topology).flatMap(([k, v]) => [k, ...v]))];
  const owned = nodes.filter((n) => !ext.has(n));
  const root = p.chain[p.chain.length - 1]!;
  const rootOwned = !ext.has(root);
  const victims = p.chain.slice(0, -1);
  const o = p.onset;
  const ramp = p.ramp ?? 1;
  const cw = !!p.cw;
  const series: SeriesSpec[] = [];
  const latOf: Record<string, number> = {};
  for (const svc of owned) {
    const r = p.rates?.[svc] ?? rng.int(20, 600);
    const l = p.lats?.[svc] ?? rng.int(15, 220);
    latOf[svc] = l;
    const vi = victims.indexOf(svc);
    const lag = vi >= 0 ? (victims.length - 1 - vi) * 0.5 + 0.5 : 0;
    if (vi >= 0) {
      const e = (p.victimErr ?? 0.25) * (1 - 0.15 * (victims.length - 1 - vi));
      const rootBase = p.rates?.[root];
      const surge = p.expected.kind === 'traffic_surge' && p.rootRateFx && rootBase ? p.rootRateFx.map(([at, v, rr]): Effect => [at, (v / rootBase) * r, rr]) : undefined;
      series.push(rate(svc, r, surge, cw));
      series.push(lat(svc, l, [[o + lag, l * (p.victimLatX ?? 6), ramp]], cw));
      series.push(err(svc, 0.004, [[o + lag, Math.max(0.02, e), ramp]], cw));
    } else if (svc === root) {
      series.push(rate(svc, r, p.rootRateFx, cw));
      series.push(lat(svc, l, p.rootLatX ? [[o, l * p.rootLatX, ramp]] : undefined, cw));
      series.push(err(svc, 0.003, p.rootErr ? [[o, p.rootErr, ramp]] : undefined, cw));
    } else {
      series.push(rate(svc, r, undefined, cw), lat(svc, l, undefined, cw), err(svc, 0.002 + rng.int(0, 6) / 1000, undefined, cw));
    }
  }
  series.push(...(p.series ?? []));
  const logs: LogSpec[] = [];
  const callerMsg = p.callerMsg ?? 'call to {callee} failed: {pick:503 Service Unavailable|upstream timeout after 5000ms|connection refused}';
  for (let i = 0; i < victims.length; i++) {
    const callee = p.chain[i + 1]!;
    const msg = i === victims.length - 1 ? callerMsg : GENERIC[i % GENERIC.length]!;
    logs.push(log(victims[i]!, 'error', msg.replace('{callee}', callee), 8 + i * 4, o + 0.5 + (victims.length - 1 - i) * 0.5, 0, { attrs: { 'peer.service': callee } }));
  }
  if (p.rootMsg && rootOwned) logs.push(log(root, 'error', p.rootMsg, 10, o, 0));
  const q = new Set(p.quiet ?? []);
  const extra: Array<[string, string]> = [];
  const taken = new Set(nodes.concat((p.bystanders ?? []).map((b) => b[1])));
  const pool = POOL.filter((n) => !taken.has(n));
  for (let i = 0; i < (p.more ?? 0) && pool.length; i++) {
    const name = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
    const caller = rng.next() < 0.4 && extra.length ? rng.pick(extra)[1] : rng.pick(owned.filter((n) => n !== root && !p.chain.includes(n)).concat(p.chain[0]!));
    extra.push([caller, name]);
    if (rng.next() < 0.3) logs.push(log(name, rng.pick(['warn', 'error'] as const), rng.pick(CHRONIC), rng.int(60, 300), undefined, undefined, { always: true }));
  }
  const others = owned.filter((s) => !p.chain.includes(s) && s !== p.expected.service);
  if (!q.has('chronic')) {
    const a = others.length ? rng.pick(others) : p.chain[0]!;
    logs.push(log(a, 'warn', rng.pick(CHRONIC), rng.int(40, 120), undefined, undefined, { always: true }));
    logs.push(log(p.chain[0]!, 'warn', rng.pick(CHRONIC), rng.int(60, 180), undefined, undefined, { always: true }));
    const second = p.chain.find((s, i) => i > 0 && !ext.has(s));
    if (second && (victims.length > 1 || rng.next() < 0.5)) logs.push(log(second, 'error', rng.pick(CHRONIC), rng.int(150, 400), undefined, undefined, { always: true }));
  }
  logs.push(...(p.logs ?? []));
  const changes = [...(p.changes ?? [])];
  const apps = others.filter((s) => !/db|store|cache|queue|bus|table|index|feed|hss/.test(s));
  if (!q.has('deploy') && others.length) {
    const s = rng.pick(apps.length ? apps : others);
    const at = rng.next() < 0.5 ? Math.max(-p.window + 5, o - rng.int(20, 50)) : Math.min(-1, o + rng.int(3, 12));
    changes.push({ at, service: s, kind: 'deployment', summary: `${s}: ${rng.pick(['bump logging library', 'copy edits on receipts', 'add metrics for retries', 'dependency updates (weekly)', 'refactor: extract validator'])}`, version: `v${rng.int(2, 9)}.${rng.int(0, 40)}.${rng.int(0, 9)}`, author: rng.pick(['mkaur', 'tjansen', 'lpereira', 'ochen', 'abello']), commit: rng.hex(7), source: 'ci' });
  }
  if (!q.has('old')) {
    const pool = victims.filter((v) => v !== p.expected.service && !ext.has(v));
    const s = rng.pick(pool.length ? pool : others.length ? others : owned);
    changes.push({ at: -rng.int(180, 1200), service: s, kind: 'deployment', summary: `${s}: ${rng.pick(['release train', 'weekly release', 'add pagination to list endpoint', 'upgrade HTTP client'])}`, version: `v${rng.int(1, 6)}.${rng.int(10, 80)}.0`, author: rng.pick(['rnguyen', 'sfischer', 'kadams']), commit: rng.hex(7), source: 'ci' });
  }
  const runtime = [...(p.runtime ?? [])];
  if (!q.has('restart') && others.length) {
    const s = rng.pick(apps.length ? apps : others);
    runtime.push({ at: -rng.int(20, Math.max(21, p.window - 5)), service: s, kind: 'restart', count: 1, message: 'container restarted after liveness probe timeout' });
  }
  const alerts = [...(p.alerts ?? [])];
  if (!q.has('herring') && others.length) {
    const s = rng.pick(others);
    const at = -rng.int(30, Math.max(31, p.window - 5));
    alerts.push({ at, service: s, name: rng.pick(HERRING), status: 'firing' });
  }
  const traces: TraceSpec[] = [];
  if (!q.has('traces')) {
    const ops = p.ops ?? p.chain.map((_s, i) => (i === 0 ? 'POST /api' : `POST /${p.chain[i]}`));
    const build = (bad: boolean): SpanTpl => {
      let tpl: SpanTpl | undefined;
      let childMs = 0;
      for (let i = p.chain.length - 1; i >= 0; i--) {
        const svc = p.chain[i]!;
        const isRoot = i === p.chain.length - 1;
        const ms = (latOf[svc] ?? 60) * (bad ? (isRoot ? p.rootLatX || 1 : p.victimLatX ?? 6) : 0.6);
        const status = bad ? 'error' : 'ok';
        if (ext.has(svc)) {
          const caller = p.chain[i - 1]!;
          childMs = bad ? 5000 : 180;
          tpl = sp(caller, ops[i] ?? `POST ${svc}`, childMs, status, { 'span.kind': 'client', 'peer.service': svc, 'http.status_code': bad ? 503 : 200 });
          continue;
        }
        const attrs: Record<string, unknown> = { 'span.kind': 'server' };
        if (bad) attrs['error.message'] = isRoot ? (p.rootMsg?.replace(/\{[^}]*\}/g, 'n') ?? 'internal error') : `upstream ${p.chain[i + 1]} failed`;
        childMs = Math.max(2, Math.round(ms), Math.round(childMs * 1.6) + 4);
        tpl = sp(svc, ops[i] ?? 'POST', childMs, status, attrs, tpl ? [tpl] : undefined);
      }
      return tpl!;
    };
    traces.push({ to: o - 1, every: 240, tpl: build(false), always: true });
    traces.push({ from: o + 1, every: 60, tpl: build(true) });
  }
  traces.push(...(p.traces ?? []));
  return {
    name: p.name,
    postmortem: p.postmortem,
    description: p.description,
    at: p.at,
    source: p.source,
    alert: p.alert,
    topology: p.topology,
    bystanders: [...(p.bystanders ?? []), ...extra],
    external: p.external,
    step: cw ? 300 : 60,
    window: p.window,
    series,
    logs,
    traces,
    changes,
    runtime,
    exceptions: p.exceptions,
    alerts,
    reference: p.reference,
    expected: p.expected,
    why: p.why,
  };
}
