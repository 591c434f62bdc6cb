/*
 * Builds one scenario file from one spec: metrics with diurnal load and noise, background and
 * chronic logs, traces, the alert as its sender writes it, and an optional reference window.
 * Every random choice comes from a PRNG seeded by the scenario's name, so two runs write the
 * same bytes.
 */

export type Source = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';
export type Kind =
  | 'deployment'
  | 'config_change'
  | 'feature_flag'
  | 'resource_exhaustion'
  | 'dependency_failure'
  | 'infrastructure'
  | 'traffic_surge'
  | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type Cite = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';
type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A change of a series: `step` holds `to` from `from` on; `ramp` climbs linearly from the base at `from` to `to` at `until`; `window` holds `to` between `from` and `until`. */
export interface Effect {
  shape: 'step' | 'ramp' | 'window';
  from: string;
  until?: string;
  to: number;
}

export interface MetricSpec {
  service: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise (0.05 = ±5 %). */
  noise?: number;
  /** Diurnal amplitude (0.3 = ±30 % over the day, peak mid-afternoon). */
  diurnal?: number;
  /** Round to this many decimals. */
  digits?: number;
  fx?: Effect[];
  /** Left out of the reference window (a series that exists only in the incident). */
  noRef?: boolean;
  /** The series stops reporting at this time (the host went dark). */
  stops?: string;
  /** A ceiling the value never passes (a pool size); ratios and utilizations stop at 1 and percentages at 100 without it. */
  cap?: number;
}

export interface LogSpec {
  service: string;
  level: Level;
  /** `{n:a-b}` is replaced by a random integer in [a, b]; `{id}` by a short hex id. */
  message: string;
  from: string;
  to?: string;
  every?: string;
  attributes?: Record<string, unknown>;
  /** Also in the reference window: a service that always logs this. */
  chronic?: boolean;
}

export interface Hop {
  service: string;
  name: string;
  ms: number;
  status?: 'ok' | 'error';
  attributes?: Record<string, unknown>;
  /** Index of the parent hop; default the previous hop. */
  parent?: number;
}

export interface TraceSpec {
  from: string;
  to?: string;
  every?: string;
  hops: Hop[];
  /** Also in the reference window, as healthy traffic. */
  ref?: boolean;
}

export interface AlertSpec {
  service: string;
  title: string;
  /** How long before `at` the alert's own start lies (a long-firing alert: hours). */
  since: string;
  description?: string;
  metric?: string;
  severity?: string;
  /** CloudWatch: the dimensions of the alarm's metric; the namespace. */
  dimensions?: Record<string, string>;
  namespace?: string;
  threshold?: number;
  value?: number;
  extraLabels?: Record<string, string>;
  /** CloudWatch: the alarm fires below the threshold. */
  below?: boolean;
}

export interface Spec {
  name: string;
  description: string;
  at: string;
  source: Source;
  postmortem: string;
  kind: Kind;
  root: string;
  action: Action;
  mustCite: Cite[];
  why: string;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services: they never own a series, only appear as peers, in callers' logs, or as status alerts. */
  external?: string[];
  alert: AlertSpec;
  /** Metric step in seconds (60, or 300 for CloudWatch shops). */
  step?: number;
  /** How far back the evidence reaches, e.g. "-2h". */
  window?: string;
  metrics: MetricSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Array<{ at: string; service: string; kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling'; summary: string; version?: string; previousVersion?: string; author?: string; commit?: string; source?: string }>;
  runtime?: Array<{ at: string; service: string; kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure'; count?: number; message?: string }>;
  exceptions?: Array<{ at: string; service: string; type: string; message: string; count?: number; culprit?: string }>;
  alerts?: Array<{ at: string; service: string; name: string; status: 'firing' | 'resolved' }>;
  /** Hours back of the fault-free reference window; omitted: no reference. */
  refHours?: number;
  /** Messages for each service's background info logs; default a request line. */
  background?: Record<string, string[]>;
  /** Services that stop logging at a time (their hosts went dark, their workloads were deleted). */
  silent?: Record<string, string>;
}

/** FNV-1a of the name, then mulberry32. */
export function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFSET = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Seconds from `at` of an offset such as "-1h30m". */
export function sec(offset: string): number {
  const m = OFFSET.exec(offset);
  if (!m) throw new Error(`bad offset ${offset}`);
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -s : s;
}

/** The offset string for a number of seconds from `at`. */
export function off(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  let s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return `${sign}${parts || '0s'}`;
}

function hex(rand: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(rand() * 16).toString(16);
  return out;
}

function fill(message: string, rand: () => number): string {
  return message
    .replace(/\{n:(\d+)-(\d+)\}/g, (_, a: string, b: string) => String(Number(a) + Math.floor(rand() * (Number(b) - Number(a) + 1))))
    .replace(/\{id\}/g, () => hex(rand, 8));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The value of a series at a time, before noise: base with diurnal load, then effects in order. */
function valueAt(m: MetricSpec, t: number, atMs: number, withFx: boolean): number {
  const hour = new Date(atMs + t * 1000).getUTCHours() + new Date(atMs + t * 1000).getUTCMinutes() / 60;
  let v = m.base * (1 + (m.diurnal ?? 0) * Math.sin(((hour - 9) / 24) * 2 * Math.PI));
  if (!withFx) return v;
  for (const fx of m.fx ?? []) {
    const from = sec(fx.from);
    const until = fx.until ? sec(fx.until) : 0;
    if (fx.shape === 'step' && t >= from) v = fx.to;
    if (fx.shape === 'window' && t >= from && t < until) v = fx.to;
    if (fx.shape === 'ramp' && t >= from) v = v + (fx.to - v) * Math.min(1, (t - from) / Math.max(1, until - from));
  }
  return v;
}

function ceiling(m: MetricSpec): number {
  if (m.cap !== undefined) return m.cap;
  if (m.unit === 'ratio' || /ratio$/i.test(m.name)) return 1;
  if (m.unit === 'Percent' || /percent$/i.test(m.name)) return 100;
  if (/utilization$/i.test(m.name)) return 1;
  return Number.POSITIVE_INFINITY;
}

function series(m: MetricSpec, from: number, to: number, step: number, atMs: number, shift: number, withFx: boolean, rand: () => number) {
  const points: Array<[string, number]> = [];
  const start = Math.ceil(from / step) * step;
  const end = withFx && m.stops ? Math.min(to, sec(m.stops)) : to;
  for (let t = start; t <= end; t += step) {
    const noise = 1 + (m.noise ?? 0.05) * (rand() * 2 - 1);
    const v = Math.min(ceiling(m), Math.max(0, valueAt(m, t, atMs, withFx) * noise));
    points.push([off(t + shift), round(v, m.digits ?? 2)]);
  }
  const out: Record<string, unknown> = { name: m.name, service: m.service };
  if (m.labels) out.labels = m.labels;
  if (m.unit) out.unit = m.unit;
  out.points = points;
  return out;
}

interface LogOut {
  at: string;
  t: number;
  service: string;
  level: Level;
  message: string;
  attributes?: Record<string, unknown>;
  traceId?: string;
}

function expandLogs(l: LogSpec, from: number, to: number, shift: number, rand: () => number): LogOut[] {
  const out: LogOut[] = [];
  const every = l.every ? sec(`+${l.every}`) : 0;
  if (!every) {
    if (from <= sec(l.from) && sec(l.from) <= to) out.push({ at: off(sec(l.from) + shift), t: sec(l.from) + shift, service: l.service, level: l.level, message: fill(l.message, rand), ...(l.attributes ? { attributes: l.attributes } : {}) });
    return out;
  }
  const a = Math.max(from, sec(l.from));
  const b = Math.min(to, l.to ? sec(l.to) : 0);
  for (let t = a; t <= b; t += every) {
    const jitter = Math.floor(rand() * Math.min(every, 40));
    const tt = Math.min(b, t + jitter);
    out.push({ at: off(tt + shift), t: tt + shift, service: l.service, level: l.level, message: fill(l.message, rand), ...(l.attributes ? { attributes: l.attributes } : {}) });
  }
  return out;
}

function expandTraces(tr: TraceSpec, from: number, to: number, shift: number, rand: () => number, healthy: boolean) {
  const out: Array<{ traceId: string; spans: unknown[] }> = [];
  const every = tr.every ? sec(`+${tr.every}`) : 0;
  const a = Math.max(from, sec(tr.from));
  const b = Math.min(to, tr.to ? sec(tr.to) : 0);
  for (let t = a; t <= b; t += every || Number.MAX_SAFE_INTEGER) {
    const traceId = hex(rand, 32);
    const ids = tr.hops.map(() => hex(rand, 16));
    const spans = tr.hops.map((hop, i) => {
      const parentIndex = hop.parent ?? i - 1;
      const ms = Math.round(hop.ms * (0.85 + rand() * 0.3));
      const span: Record<string, unknown> = { spanId: ids[i] };
      if (parentIndex >= 0) span.parentSpanId = ids[parentIndex];
      span.service = hop.service;
      span.name = hop.name;
      span.at = off(t + shift);
      span.durationMs = ms;
      span.status = healthy ? 'ok' : (hop.status ?? 'ok');
      if (hop.attributes) span.attributes = healthy ? stripErrorAttributes(hop.attributes) : hop.attributes;
      return span;
    });
    out.push({ traceId, spans });
    if (!every) break;
  }
  return out;
}

function stripErrorAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes)) if (!/error|exception/i.test(k)) out[k] = k === 'http.status_code' || k === 'http.response.status_code' ? 200 : v;
  return out;
}

const DEFAULT_BACKGROUND = ['request completed status=200 duration_ms={n:8-90}', 'GET /healthz 200', 'processed batch size={n:20-400}'];
const STORE_BACKGROUND = ['checkpoint complete: wrote {n:200-4000} buffers', 'connection authorized: user=app', 'automatic analyze of table done in {n:1-9}s'];
const QUEUE_BACKGROUND = ['consumer group rebalanced: {n:2-12} members', 'segment rolled at offset {n:100000-999999}', 'GET /healthz 200'];
const WORKER_BACKGROUND = ['job {id} finished in {n:200-9000}ms', 'poll: {n:0-40} messages received', 'GET /healthz 200'];

/** Background lines that fit what a service is, read from its name. */
function backgroundFor(service: string): string[] {
  if (/(-db|store|ledger|cache|index|registry|library)$/.test(service)) return STORE_BACKGROUND;
  if (/(queue|bus|stream|feed|journal|events)$/.test(service)) return QUEUE_BACKGROUND;
  if (/(worker|cron|sync|export|batch|mailer|sender|builder|baker|runner)$/.test(service)) return WORKER_BACKGROUND;
  return DEFAULT_BACKGROUND;
}

/** Services that run our code: every topology node that is not external. */
export function internalServices(spec: Spec): string[] {
  const all = new Set<string>();
  for (const [k, vs] of Object.entries(spec.topology)) {
    all.add(k);
    for (const v of vs) all.add(v);
  }
  return [...all].filter((s) => !(spec.external ?? []).includes(s)).sort();
}

export function build(spec: Spec): Record<string, unknown> {
  const rand = prng(spec.name);
  const atMs = Date.parse(spec.at);
  const step = spec.step ?? 60;
  const from = sec(spec.window ?? '-90m');
  const metrics = spec.metrics.map((m) => series(m, from, 0, step, atMs, 0, true, rand));
  const services = internalServices(spec);

  const logSpecs: LogSpec[] = [...(spec.logs ?? [])];
  for (const s of services) {
    const msgs = spec.background?.[s] ?? backgroundFor(s);
    msgs.forEach((msg, i) => logSpecs.push({ service: s, level: 'info', message: msg, from: off(from + 30 + i * 47), every: `${5 + i}m`, chronic: true }));
  }
  const logs = logSpecs
    .flatMap((l) => expandLogs(l, from, 0, 0, rand))
    .filter((l) => !(spec.silent?.[l.service] && l.t > sec(spec.silent[l.service]!)))
    .sort((x, y) => x.t - y.t || x.service.localeCompare(y.service))
    .map(({ t: _t, ...rest }) => rest);
  const traces = (spec.traces ?? []).flatMap((tr) => expandTraces(tr, from, 0, 0, rand, false));

  const evidence: Record<string, unknown> = {};
  if (spec.refHours) {
    const shift = -spec.refHours * 3600;
    const refMetrics = spec.metrics.filter((m) => !m.noRef).map((m) => series(m, from + shift, shift, step, atMs, 0, false, rand));
    const refLogs = logSpecs
      .filter((l) => l.chronic)
      .flatMap((l) => expandLogs(l, from, 0, shift, rand))
      .sort((x, y) => x.t - y.t || x.service.localeCompare(y.service))
      .map(({ t: _t, ...rest }) => rest);
    const refTraces = (spec.traces ?? []).filter((tr) => tr.ref).flatMap((tr) => expandTraces(tr, from, 0, shift, rand, true));
    evidence.reference = { from: off(from + shift), to: off(shift), metrics: refMetrics, logs: refLogs, ...(refTraces.length ? { traces: refTraces } : {}) };
  }
  evidence.metrics = metrics;
  evidence.logs = logs;
  if (traces.length) evidence.traces = traces;
  if (spec.changes?.length) evidence.changes = spec.changes;
  if (spec.runtime?.length) evidence.runtime = spec.runtime;
  if (spec.exceptions?.length) evidence.exceptions = spec.exceptions;
  if (spec.alerts?.length) evidence.alerts = spec.alerts;

  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind24',
    signal: buildSignal(spec, rand),
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.root, kind: spec.kind }, action: spec.action, mustCite: spec.mustCite },
  };
}

/** `2026-03-02T10:15:00.000Z` → `2026-03-02T10:15:00.000+0000`, as CloudWatch stamps state changes. */
function awsStamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function uuid(rand: () => number): string {
  return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`;
}

/**
 * Senders that notify once, on the transition (PagerDuty, Opsgenie, Datadog, CloudWatch through
 * EventBridge or SNS), deliver within a minute of it, so their alert starts at most a minute
 * before `at`. Alertmanager and Grafana re-notify a firing group (group_interval,
 * repeat_interval) and the generic format carries any `startedAt`, so they honor `since`,
 * hours if need be.
 */
const NOTIFY_ONCE: ReadonlySet<Source> = new Set(['pagerduty', 'opsgenie', 'datadog', 'cloudwatch', 'cloudwatch-sns']);

/** The time the alert's sender gives as its start. */
export function alertStartMs(spec: Spec): number {
  const since = sec(spec.alert.since);
  return Date.parse(spec.at) + (NOTIFY_ONCE.has(spec.source) ? Math.max(since, -60) : since) * 1000;
}

function buildSignal(spec: Spec, rand: () => number): Record<string, unknown> {
  const a = spec.alert;
  const atMs = Date.parse(spec.at);
  const startMs = alertStartMs(spec);
  const startIso = new Date(startMs).toISOString();
  const alertname = a.title.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('').slice(0, 60);
  const severity = a.severity ?? 'critical';
  const summary = a.description ?? a.title;
  switch (spec.source) {
    case 'alertmanager': {
      const labels = { alertname, service: a.service, severity, env: 'prod', ...(a.extraLabels ?? {}) };
      const fingerprint = hex(rand, 16);
      return {
        source: 'alertmanager',
        headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
        body: {
          receiver: 'causeway',
          status: 'firing',
          alerts: [{ status: 'firing', labels, annotations: { summary: a.title, description: summary, runbook_url: `https://runbooks.internal/${a.service}` }, startsAt: startIso, endsAt: '0001-01-01T00:00:00Z', generatorURL: `http://prometheus.monitoring:9090/graph?g0.expr=${encodeURIComponent(a.metric ?? alertname)}`, fingerprint }],
          groupLabels: { alertname },
          commonLabels: labels,
          commonAnnotations: { summary: a.title },
          externalURL: 'http://alertmanager.monitoring:9093',
          version: '4',
          groupKey: `{}/{severity="${severity}"}:{alertname="${alertname}"}`,
          truncatedAlerts: 0,
        },
      };
    }
    case 'grafana': {
      const labels = { alertname, service: a.service, severity, grafana_folder: 'Production', ...(a.extraLabels ?? {}) };
      const fingerprint = hex(rand, 16);
      const uid = hex(rand, 10);
      return {
        source: 'grafana',
        headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
        body: {
          receiver: 'causeway-webhook',
          status: 'firing',
          orgId: 1,
          alerts: [
            {
              status: 'firing',
              labels,
              annotations: { summary: a.title, description: summary },
              startsAt: startIso,
              endsAt: '0001-01-01T00:00:00Z',
              generatorURL: `https://grafana.internal/alerting/grafana/${uid}/view?orgId=1`,
              fingerprint,
              silenceURL: `https://grafana.internal/alerting/silence/new?alertmanager=grafana&matcher=__alert_rule_uid__%3D${uid}`,
              dashboardURL: `https://grafana.internal/d/${uid}?orgId=1`,
              panelURL: `https://grafana.internal/d/${uid}?orgId=1&viewPanel=2`,
              values: { B: a.value ?? 1, C: 1 },
              valueString: `[ var='B' labels={service=${a.service}} value=${a.value ?? 1} ], [ var='C' labels={service=${a.service}} value=1 ]`,
            },
          ],
          groupLabels: { alertname, grafana_folder: 'Production' },
          commonLabels: labels,
          commonAnnotations: { summary: a.title },
          externalURL: 'https://grafana.internal/',
          version: '1',
          groupKey: `{}/{__grafana_autogenerated__="true"}:{alertname="${alertname}"}`,
          truncatedAlerts: 0,
          title: `[FIRING:1] ${alertname} Production (${a.service})`,
          state: 'alerting',
          message: `**Firing**\n\nValue: B=${a.value ?? 1}\nLabels:\n - alertname = ${alertname}\n - service = ${a.service}\n`,
        },
      };
    }
    case 'pagerduty': {
      const id = `Q${hex(rand, 13).toUpperCase()}`;
      const svcId = `P${hex(rand, 6).toUpperCase()}`;
      return {
        source: 'pagerduty',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-webhook-id': uuid(rand) },
        body: {
          event: {
            id: `01${hex(rand, 24).toUpperCase()}`,
            event_type: 'incident.triggered',
            resource_type: 'incident',
            occurred_at: new Date(startMs + 4000).toISOString(),
            agent: { html_url: `https://tallyho.pagerduty.com/services/${svcId}`, id: svcId, self: `https://api.pagerduty.com/services/${svcId}`, summary: a.service, type: 'service_reference' },
            client: null,
            data: {
              id,
              type: 'incident',
              self: `https://api.pagerduty.com/incidents/${id}`,
              html_url: `https://tallyho.pagerduty.com/incidents/${id}`,
              number: 1000 + Math.floor(rand() * 9000),
              status: 'triggered',
              incident_key: hex(rand, 32),
              created_at: startIso.replace(/\.\d{3}Z$/, 'Z'),
              title: a.title,
              service: { html_url: `https://tallyho.pagerduty.com/services/${svcId}`, id: svcId, self: `https://api.pagerduty.com/services/${svcId}`, summary: a.service, type: 'service_reference' },
              assignees: [],
              escalation_policy: { id: `P${hex(rand, 6).toUpperCase()}`, summary: `${a.service} on-call`, type: 'escalation_policy_reference' },
              teams: [],
              priority: { id: `P${hex(rand, 6).toUpperCase()}`, summary: severity === 'critical' ? 'P1' : 'P2', type: 'priority_reference' },
              urgency: 'high',
              conference_bridge: null,
              resolve_reason: null,
            },
          },
        },
      };
    }
    case 'cloudwatch':
    case 'cloudwatch-sns': {
      const account = '4' + String(Math.floor(rand() * 1e11)).padStart(11, '0');
      const region = 'eu-west-1';
      const alarmName = `${a.service}-${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 80);
      const arn = `arn:aws:cloudwatch:${region}:${account}:alarm:${alarmName}`;
      const dims = a.dimensions ?? { Service: a.service };
      const ns = a.namespace ?? 'Custom/App';
      const metric = a.metric ?? 'Errors';
      const stat = /Count|Errors|5XX|Breaks|Rows/i.test(metric) ? 'Sum' : 'Average';
      const reason = `Threshold Crossed: 2 out of the last 3 datapoints [${a.value ?? 1} (${new Date(startMs - 300000).toISOString().slice(0, 16).replace('T', ' ')}:00)] was ${a.below ? 'less' : 'greater'} than the threshold (${a.threshold ?? 0}) (minimum 2 datapoints for OK -> ALARM transition).`;
      if (spec.source === 'cloudwatch') {
        return {
          source: 'cloudwatch',
          body: {
            version: '0',
            id: uuid(rand),
            'detail-type': 'CloudWatch Alarm State Change',
            source: 'aws.cloudwatch',
            account,
            time: new Date(startMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            region,
            resources: [arn],
            detail: {
              alarmName,
              state: { value: 'ALARM', reason, reasonData: JSON.stringify({ version: '1.0', queryDate: awsStamp(startMs), statistic: stat, period: spec.step ?? 300, recentDatapoints: [a.value ?? 1], threshold: a.threshold ?? 0, evaluatedDatapoints: [{ timestamp: awsStamp(startMs - 300000), sampleCount: 5, value: a.value ?? 1 }] }), timestamp: awsStamp(startMs) },
              previousState: { value: 'OK', reason: `Threshold Crossed: 3 datapoints were not ${a.below ? 'less' : 'greater'} than the threshold.`, timestamp: awsStamp(startMs - 86400000 * 3) },
              configuration: {
                description: summary,
                metrics: [{ id: uuid(rand), metricStat: { metric: { namespace: ns, name: metric, dimensions: dims }, period: spec.step ?? 300, stat }, returnData: true }],
              },
              alarmTags: {},
            },
          },
        };
      }
      const message = {
        AlarmName: alarmName,
        AlarmDescription: summary,
        AWSAccountId: account,
        AlarmConfigurationUpdatedTimestamp: awsStamp(startMs - 86400000 * 40),
        NewStateValue: 'ALARM',
        NewStateReason: reason,
        StateChangeTime: awsStamp(startMs),
        Region: 'EU (Ireland)',
        AlarmArn: arn,
        OldStateValue: 'OK',
        OKActions: [],
        AlarmActions: [`arn:aws:sns:${region}:${account}:ops-alarms`],
        InsufficientDataActions: [],
        Trigger: {
          MetricName: metric,
          Namespace: ns,
          StatisticType: 'Statistic',
          Statistic: stat.toUpperCase(),
          Unit: null,
          Dimensions: Object.entries(dims).map(([name, value]) => ({ value, name })),
          Period: spec.step ?? 300,
          EvaluationPeriods: 3,
          DatapointsToAlarm: 2,
          ComparisonOperator: a.below ? 'LessThanThreshold' : 'GreaterThanThreshold',
          Threshold: a.threshold ?? 0,
          TreatMissingData: 'missing',
          EvaluateLowSampleCountPercentile: '',
        },
      };
      return {
        source: 'cloudwatch-sns',
        headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-topic-arn': `arn:aws:sns:${region}:${account}:ops-alarms`, 'user-agent': 'Amazon Simple Notification Service Agent' },
        body: {
          Type: 'Notification',
          MessageId: uuid(rand),
          TopicArn: `arn:aws:sns:${region}:${account}:ops-alarms`,
          Subject: `ALARM: "${alarmName}" in EU (Ireland)`,
          Message: JSON.stringify(message),
          Timestamp: new Date(startMs + 600).toISOString(),
          SignatureVersion: '1',
          Signature: Buffer.from(hex(rand, 64)).toString('base64'),
          SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
          UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${region}:${account}:ops-alarms:${uuid(rand)}`,
        },
      };
    }
    case 'datadog': {
      const alertId = String(10000000 + Math.floor(rand() * 89999999));
      return {
        source: 'datadog',
        headers: { 'content-type': 'application/json', 'user-agent': 'Datadog Webhook' },
        body: {
          id: String(7000000000000000000 + Math.floor(rand() * 1e15)),
          alert_id: alertId,
          aggregation_key: hex(rand, 32),
          alert_cycle_key: String(7000000000000000000 + Math.floor(rand() * 1e15)),
          title: `[Triggered on {service:${a.service}}] ${a.title}`,
          message: `${summary} @webhook-causeway`,
          transition: 'Triggered',
          alert_type: 'error',
          alert_status: `${a.metric ?? 'value'} over service:${a.service},env:prod was > ${a.threshold ?? 0} on average during the last 5m.`,
          alert_priority: severity === 'critical' ? 'P1' : 'P2',
          priority: 'normal',
          tags: `env:prod,service:${a.service},team:${a.service.split('-')[0]}`,
          scope: `env:prod,service:${a.service}`,
          hostname: '',
          metric: a.metric ?? '',
          link: `https://app.datadoghq.eu/monitors/${alertId}?group=service%3A${a.service}`,
          date: String(startMs),
          org_id: '1200' + Math.floor(rand() * 1e5),
        },
      };
    }
    case 'opsgenie': {
      const alertId = uuid(rand);
      return {
        source: 'opsgenie',
        headers: { 'content-type': 'application/json', 'user-agent': 'Opsgenie Webhook' },
        body: {
          source: { name: '', type: 'API' },
          alert: {
            updatedAt: (startMs + 1500) * 1e6,
            tags: ['prod', `service:${a.service}`, severity],
            teams: [`${a.service.split('-')[0]}-oncall`],
            recipients: [`${a.service.split('-')[0]}-oncall`],
            message: a.title,
            username: 'System',
            alertId,
            source: 'prometheus-bridge',
            alias: `${a.service}-${alertname}`,
            tinyId: String(100 + Math.floor(rand() * 9000)),
            createdAt: startMs,
            userId: uuid(rand),
            entity: a.service,
            description: summary,
            details: { service: a.service, environment: 'prod', metric: a.metric ?? '' },
            priority: severity === 'critical' ? 'P1' : 'P2',
          },
          action: 'Create',
          integrationId: uuid(rand),
          integrationName: 'Causeway',
        },
      };
    }
    case 'generic':
      return {
        source: 'generic',
        headers: { 'content-type': 'application/json' },
        body: {
          title: a.title,
          status: 'firing',
          severity: severity === 'critical' ? 'critical' : 'high',
          service: a.service,
          environment: 'prod',
          description: summary,
          startedAt: startIso,
          dedupKey: `${a.service}-${alertname}`.toLowerCase(),
          labels: { metric: a.metric ?? '', ...(a.extraLabels ?? {}) },
          links: { dashboard: `https://dash.internal/${a.service}` },
        },
      };
  }
  void atMs;
}
