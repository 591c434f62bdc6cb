/*
 * The engine of the blind15 generator: turns one compact spec into a causeway.scenario/v1
 * file. Everything random comes from a PRNG seeded by the scenario's name, so two runs write
 * identical bytes. Times in specs are minutes relative to the notification (`at`), negative
 * before it.
 */

export type Source = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';
export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type Cls = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

/** A change of shape in a series: `step` jumps to `to` at `at`; `ramp` grows linearly from the base at `at` to `to` at `until` (default now). */
export interface Shape {
  type: 'step' | 'ramp';
  at: number;
  to: number;
  until?: number;
}

export interface MetricSpec {
  service: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise (gaussian sd as a fraction of the value). */
  noise?: number;
  /** Amplitude of the daily cycle (0.3 = ±30 %), peaking mid-afternoon UTC of the shop. */
  diurnal?: number;
  shapes?: Shape[];
  /** Shapes the healthy reference shows too (a daily market-open bump, a nightly batch). */
  refShapes?: Shape[];
  /** Upper bound (a ratio cannot pass 1, a CPU percentage 100). */
  max?: number;
  /** Rounding digits. */
  digits?: number;
}

export interface LogSpec {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** `{n}` becomes a random integer, `{id}` a random hex id, `{ms}` a random latency. */
  message: string;
  from: number;
  to?: number;
  /** Minutes between lines (jittered by a third). */
  every: number;
  attributes?: Record<string, unknown>;
  /** Also present in the reference window (a service that is always this noisy). */
  always?: boolean;
}

export interface SpanSpec {
  service: string;
  name: string;
  /** Index of the parent span in the list; none for the root. */
  parent?: number;
  ms: number;
  attributes?: Record<string, unknown>;
  /** What the span looks like once the fault is on. */
  fault?: { ms?: number; status?: 'ok' | 'error'; attributes?: Record<string, unknown> };
}

export interface TraceSpec {
  spans: SpanSpec[];
  /** Minutes between traces. */
  every: number;
  /** When the fault shows in traces. */
  faultFrom: number;
  /** Fraction of traces after faultFrom that show the fault. */
  faultShare?: number;
}

export interface Spec {
  name: string;
  description: string;
  at: string;
  source: Source;
  /** The public postmortem or incident class this is modelled on (README only). */
  model: string;
  /** What tells an SRE the answer (README only). */
  tell: string;
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services in the topology: they never own an evidence item. */
  external?: string[];
  alert: {
    service: string;
    name: string;
    summary: string;
    /** Minutes before `at` when the alert started (the sender's start time). */
    since: number;
    severity?: string;
    labels?: Record<string, string>;
    /** Prometheus-style alerts only: no `service` label, the workload is named by the other labels (pod, consumer group), as kube-state-metrics and exporter rules send them. */
    noServiceLabel?: boolean;
    /** CloudWatch: metric namespace, name and dimensions; the service dimension is added. */
    cw?: { namespace: string; metric: string; dimensions: Record<string, string>; threshold: number; value: number; period?: number };
  };
  /** Minutes before `at` that the fault began. */
  onset: number;
  /** Series step in seconds (300 for CloudWatch shops). */
  step: number;
  /** Minutes of history before the onset (default 90). */
  pre?: number;
  root: { service: string; kind: Kind };
  action: Action;
  mustCite: Cls[];
  /** Omit the reference window. */
  noReference?: boolean;
  metrics: MetricSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Array<{ at: number; service: string; kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling'; summary: string; version?: string; previousVersion?: string; author?: string; source?: string }>;
  runtime?: Array<{ at: number; service: string; kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure'; count?: number; message?: string }>;
  exceptions?: Array<{ at: number; service: string; type: string; message: string; count?: number; culprit?: string }>;
  alerts?: Array<{ at: number; service: string; name: string; status: 'firing' | 'resolved' }>;
}

/** mulberry32 seeded by a FNV-1a hash of a string. */
export function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gauss(rand: () => number): number {
  const u = Math.max(rand(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** Seconds relative to `at` as a scenario offset: -3930 → "-1h5m30s". */
export function offset(seconds: number): string {
  const s = Math.round(seconds);
  if (s === 0) return '-0s';
  const sign = s < 0 ? '-' : '+';
  let rest = Math.abs(s);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec ? `${sec}s` : ''}`;
}

function iso(atMs: number, minutes: number): string {
  return new Date(atMs + Math.round(minutes * 60) * 1000).toISOString().replace('.000Z', 'Z');
}

const REFERENCE_SHIFT = -7 * 24 * 60;

function fill(message: string, rand: () => number): string {
  return message
    .replace(/\{n\}/g, () => String(1 + Math.floor(rand() * 9000)))
    .replace(/\{id\}/g, () => hex(rand, 12))
    .replace(/\{ms\}/g, () => String(20 + Math.floor(rand() * 400)));
}

function series(m: MetricSpec, atMs: number, fromMin: number, stepS: number, rand: () => number, faulty: boolean, shift: number) {
  const points: Array<[string, number]> = [];
  const digits = m.digits ?? 3;
  for (let t = Math.ceil((fromMin * 60) / stepS) * stepS; t <= 0; t += stepS) {
    const minute = t / 60;
    const when = new Date(atMs + t * 1000);
    const hour = when.getUTCHours() + when.getUTCMinutes() / 60;
    let v = m.base * (1 + (m.diurnal ?? 0) * Math.sin((2 * Math.PI * (hour - 9)) / 24));
    {
      for (const s of faulty ? [...(m.refShapes ?? []), ...(m.shapes ?? [])] : (m.refShapes ?? [])) {
        const until = s.until ?? 0;
        if (s.type === 'step' && minute >= s.at) v = s.to;
        if (s.type === 'ramp' && minute >= s.at) v = v + (s.to - v) * Math.min(1, (minute - s.at) / Math.max(1, until - s.at));
      }
    }
    v = v * (1 + (m.noise ?? 0.05) * gauss(rand));
    v = Math.max(0, Math.min(m.max ?? Infinity, v));
    points.push([offset(t + shift * 60), Number(v.toFixed(digits))]);
  }
  return points;
}

function logsOf(l: LogSpec, rand: () => number, from: number, to: number, shift: number) {
  const out: Array<Record<string, unknown>> = [];
  const start = Math.max(l.from, from);
  const end = Math.min(l.to ?? 0, to);
  for (let t = start; t <= end; t += l.every) {
    const jitter = (rand() - 0.5) * (l.every / 3);
    const at = Math.min(end, Math.max(start, t + jitter));
    out.push({ at: offset(Math.round((at + shift) * 60)), service: l.service, level: l.level, message: fill(l.message, rand), ...(l.attributes ? { attributes: l.attributes } : {}) });
  }
  return out;
}

function tracesOf(spec: TraceSpec, rand: () => number, from: number, to: number, shift: number, faulty: boolean) {
  const out: Array<Record<string, unknown>> = [];
  for (let t = from + rand() * spec.every; t <= to; t += spec.every) {
    const broken = faulty && t >= spec.faultFrom && rand() < (spec.faultShare ?? 0.8);
    const traceId = hex(rand, 32);
    const ids = spec.spans.map(() => hex(rand, 16));
    const startS = (t + shift) * 60;
    const spans = spec.spans.map((s, i) => {
      const f = broken ? s.fault : undefined;
      const ms = Math.round((f?.ms ?? s.ms) * (0.8 + 0.4 * rand()));
      const attributes = { ...(s.attributes ?? {}), ...(f?.attributes ?? {}) };
      return {
        spanId: ids[i]!,
        ...(s.parent !== undefined ? { parentSpanId: ids[s.parent]! } : {}),
        service: s.service,
        name: s.name,
        at: offset(Math.min(0, Math.round(startS))),
        durationMs: ms,
        status: f?.status ?? 'ok',
        ...(Object.keys(attributes).length ? { attributes } : {}),
      };
    });
    out.push({ traceId, spans });
  }
  return out;
}

function at(m: number): string {
  return offset(Math.round(m * 60));
}

/** The scenario file for a spec, as a plain object in the format's field order. */
export function build(spec: Spec): Record<string, unknown> {
  const rand = prng(spec.name);
  const atMs = Date.parse(spec.at);
  const from = -(spec.onset + (spec.pre ?? 90));
  const metrics = spec.metrics.map((m) => ({ name: m.name, service: m.service, ...(m.labels ? { labels: m.labels } : {}), ...(m.unit ? { unit: m.unit } : {}), points: series(m, atMs, from, spec.step, rand, true, 0) }));
  const logs = (spec.logs ?? []).flatMap((l) => logsOf(l, rand, from, 0, 0));
  logs.sort((a, b) => toSec(a['at'] as string) - toSec(b['at'] as string));
  const traces = (spec.traces ?? []).flatMap((t) => tracesOf(t, rand, from, 0, 0, true));
  const evidence: Record<string, unknown> = {};
  if (!spec.noReference) {
    const refLogs = (spec.logs ?? []).filter((l) => l.always).flatMap((l) => logsOf({ ...l, from: Math.min(l.from, from), to: 0 }, rand, from, 0, REFERENCE_SHIFT));
    refLogs.sort((a, b) => toSec(a['at'] as string) - toSec(b['at'] as string));
    evidence['reference'] = {
      from: at(from + REFERENCE_SHIFT),
      to: at(REFERENCE_SHIFT),
      metrics: spec.metrics.map((m) => ({ name: m.name, service: m.service, ...(m.labels ? { labels: m.labels } : {}), ...(m.unit ? { unit: m.unit } : {}), points: series(m, atMs, from, spec.step, rand, false, REFERENCE_SHIFT) })),
      ...(refLogs.length ? { logs: refLogs } : {}),
      ...(spec.traces?.length ? { traces: spec.traces.flatMap((t) => tracesOf({ ...t, every: t.every * 2 }, rand, from, 0, REFERENCE_SHIFT, false)) } : {}),
    };
  }
  evidence['metrics'] = metrics;
  if (logs.length) evidence['logs'] = logs;
  if (traces.length) evidence['traces'] = traces;
  if (spec.changes?.length) evidence['changes'] = spec.changes.map((c) => ({ ...c, at: at(c.at) }));
  if (spec.runtime?.length) evidence['runtime'] = spec.runtime.map((r) => ({ ...r, at: at(r.at) }));
  if (spec.exceptions?.length) evidence['exceptions'] = spec.exceptions.map((e) => ({ ...e, at: at(e.at) }));
  if (spec.alerts?.length) evidence['alerts'] = spec.alerts.map((a) => ({ ...a, at: at(a.at) }));
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind15',
    signal: signal(spec, rand),
    topology: spec.topology,
    evidence,
    expected: { rootCause: spec.root, action: spec.action, mustCite: spec.mustCite },
  };
}

export function toSec(o: string): number {
  const m = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(o);
  if (!m) return 0;
  const v = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -v : v;
}

/** The webhook body exactly as each sender writes it. */
function signal(spec: Spec, rand: () => number): { source: Source; headers: Record<string, string>; body: unknown } {
  const atMs = Date.parse(spec.at);
  const a = spec.alert;
  const started = iso(atMs, -a.since);
  const sev = a.severity ?? 'critical';
  const labels = { alertname: a.name, ...(a.noServiceLabel ? {} : { service: a.service }), severity: sev, ...(a.labels ?? {}) };
  const fingerprint = hex(rand, 16);
  switch (spec.source) {
    case 'alertmanager':
      return {
        source: 'alertmanager',
        headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
        body: {
          receiver: 'causeway',
          status: 'firing',
          alerts: [{ status: 'firing', labels, annotations: { summary: a.summary, runbook_url: `https://runbooks.internal/${a.name}` }, startsAt: started, endsAt: '0001-01-01T00:00:00Z', generatorURL: `http://prometheus:9090/graph?g0.expr=${encodeURIComponent(a.name)}`, fingerprint }],
          groupLabels: { alertname: a.name },
          commonLabels: labels,
          commonAnnotations: { summary: a.summary },
          externalURL: 'http://alertmanager:9093',
          version: '4',
          groupKey: `{}:{alertname="${a.name}"}`,
          truncatedAlerts: 0,
        },
      };
    case 'grafana':
      return {
        source: 'grafana',
        headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
        body: {
          receiver: 'causeway',
          status: 'firing',
          orgId: 1,
          alerts: [{
            status: 'firing', labels: { ...labels, grafana_folder: 'Production' }, annotations: { summary: a.summary }, startsAt: started, endsAt: '0001-01-01T00:00:00Z',
            generatorURL: `https://grafana.internal/alerting/grafana/${hex(rand, 8)}/view`, fingerprint, silenceURL: 'https://grafana.internal/alerting/silence/new', dashboardURL: '', panelURL: '', values: { A: a.cw?.value ?? 1, C: 1 },
          }],
          groupLabels: { alertname: a.name }, commonLabels: labels, commonAnnotations: { summary: a.summary }, externalURL: 'https://grafana.internal/', version: '1',
          groupKey: `{}:{alertname="${a.name}"}`, truncatedAlerts: 0, title: `[FIRING:1] ${a.name} (${a.service})`, state: 'alerting', message: a.summary,
        },
      };
    case 'pagerduty': {
      const id = `Q${hex(rand, 13).toUpperCase()}`;
      const escalated = a.since > 30;
      return {
        source: 'pagerduty',
        headers: { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0' },
        body: {
          event: {
            id: `01${hex(rand, 24).toUpperCase()}`,
            event_type: escalated ? 'incident.escalated' : 'incident.triggered',
            resource_type: 'incident',
            occurred_at: iso(atMs, 0),
            agent: escalated ? { html_url: 'https://acme.pagerduty.com/services/PSVC', id: 'PSVC001', self: null, summary: a.service, type: 'service_reference' } : null,
            client: null,
            data: {
              id, type: 'incident', self: `https://api.pagerduty.com/incidents/${id}`, html_url: `https://acme.pagerduty.com/incidents/${id}`,
              number: 1000 + Math.floor(rand() * 9000), status: 'triggered', incident_key: hex(rand, 32), created_at: started, title: a.summary,
              service: { html_url: 'https://acme.pagerduty.com/services/P1', id: `P${hex(rand, 6).toUpperCase()}`, self: null, summary: a.service, type: 'service_reference' },
              assignees: [], escalation_policy: { id: 'PEP0001', summary: 'Primary on-call', type: 'escalation_policy_reference' },
              teams: [], priority: { id: 'PPRI001', summary: 'P1', type: 'priority_reference' }, urgency: 'high', conference_bridge: null, resolve_reason: null,
            },
          },
        },
      };
    }
    case 'opsgenie': {
      const createdMs = atMs - a.since * 60000;
      return {
        source: 'opsgenie',
        headers: { 'content-type': 'application/json' },
        body: {
          action: 'Create',
          alert: {
            alertId: `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}-${1700000000000 + Math.floor(rand() * 1e9)}`,
            message: a.summary, tags: [`service:${a.service}`, 'env:production', ...Object.entries(a.labels ?? {}).map(([k, v]) => `${k}:${v}`)],
            tinyId: String(100 + Math.floor(rand() * 900)), entity: a.service, alias: `${a.service}-${a.name}`, createdAt: createdMs, updatedAt: atMs * 1e6,
            username: 'System', userId: '', description: a.summary, team: '', responders: [], teams: [], actions: [], details: { service: a.service, alertname: a.name }, priority: 'P1', oldPriority: 'P1', source: 'Prometheus',
          },
          source: { name: '', type: 'api' },
          integrationName: 'Causeway',
          integrationId: `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`,
          integrationType: 'Webhook',
        },
      };
    }
    case 'datadog':
      return {
        source: 'datadog',
        headers: { 'content-type': 'application/json', 'user-agent': 'Datadog/Webhooks' },
        body: {
          id: String(7000000000000000000n + BigInt(Math.floor(rand() * 1e15))), alert_id: String(10000000 + Math.floor(rand() * 9e7)), aggregation_key: hex(rand, 32), alert_cycle_key: String(7000000000000000000n + BigInt(Math.floor(rand() * 1e15))),
          title: `[Triggered on {service:${a.service}}] ${a.summary}`, message: `${a.summary} @webhook-causeway`, transition: 'Triggered', alert_type: 'error', alert_status: `${a.name} is Triggered`,
          alert_priority: 'P1', priority: 'normal', tags: `env:production,service:${a.service},team:${a.labels?.['team'] ?? 'platform'}`, scope: `service:${a.service}`, hostname: '', metric: a.cw?.metric ?? a.name,
          link: `https://app.datadoghq.com/event/event?id=${hex(rand, 10)}`, date: String(atMs - a.since * 60000), org_id: '112233',
        },
      };
    case 'generic':
      return {
        source: 'generic',
        headers: { 'content-type': 'application/json' },
        body: { title: a.summary, status: 'firing', severity: 'high', service: a.service, environment: 'production', startedAt: started, dedupKey: `${a.service}-${a.name}`, labels: { alertname: a.name, ...(a.labels ?? {}) }, correlation: { traceIds: [], requestIds: [] } },
      };
    case 'cloudwatch':
    case 'cloudwatch-sns': {
      const cw = a.cw!;
      const account = '4' + String(Math.floor(rand() * 1e11)).padStart(11, '0');
      const region = 'eu-west-1';
      const alarmName = a.name;
      const arn = `arn:aws:cloudwatch:${region}:${account}:alarm:${alarmName}`;
      const period = cw.period ?? 300;
      const reason = `Threshold Crossed: 2 out of the last 3 datapoints [${cw.value} (${new Date(atMs - a.since * 60000 - period * 1000).toISOString().slice(0, 19).replace('T', ' ').slice(0, 16)}:00)] was greater than the threshold (${cw.threshold}) (minimum 2 datapoints for OK -> ALARM transition).`;
      if (spec.source === 'cloudwatch') {
        return {
          source: 'cloudwatch',
          headers: { 'content-type': 'application/json' },
          body: {
            version: '0', id: `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`, 'detail-type': 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', account, time: started, region, resources: [arn],
            detail: {
              alarmName, state: { value: 'ALARM', reason, reasonData: JSON.stringify({ version: '1.0', queryDate: started, statistic: 'Average', period, threshold: cw.threshold }), timestamp: started.replace('Z', '.000+0000') },
              previousState: { value: 'OK', reason: 'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].', timestamp: iso(atMs, -a.since - 1440).replace('Z', '.000+0000') },
              configuration: { description: a.summary, metrics: [{ id: hex(rand, 8), metricStat: { metric: { namespace: cw.namespace, name: cw.metric, dimensions: cw.dimensions }, period, stat: 'Average' }, returnData: true }] },
              alarmTags: {},
            },
          },
        };
      }
      const message = {
        AlarmName: alarmName, AlarmDescription: a.summary, AWSAccountId: account, AlarmConfigurationUpdatedTimestamp: iso(atMs, -60 * 24 * 30).replace('Z', '.000+0000'), NewStateValue: 'ALARM', NewStateReason: reason,
        StateChangeTime: started.replace('Z', '.000+0000'), Region: 'EU (Ireland)', AlarmArn: arn, OldStateValue: 'OK', OKActions: [], AlarmActions: [`arn:aws:sns:${region}:${account}:causeway-alarms`], InsufficientDataActions: [],
        Trigger: { MetricName: cw.metric, Namespace: cw.namespace, StatisticType: 'Statistic', Statistic: 'AVERAGE', Unit: null, Dimensions: Object.entries(cw.dimensions).map(([name, value]) => ({ value, name })), Period: period, EvaluationPeriods: 3, DatapointsToAlarm: 2, ComparisonOperator: 'GreaterThanThreshold', Threshold: cw.threshold, TreatMissingData: 'notBreaching', EvaluateLowSampleCountPercentile: '' },
      };
      return {
        source: 'cloudwatch-sns',
        headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-topic-arn': `arn:aws:sns:${region}:${account}:causeway-alarms` },
        body: {
          Type: 'Notification', MessageId: `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`, TopicArn: `arn:aws:sns:${region}:${account}:causeway-alarms`,
          Subject: `ALARM: "${alarmName}" in EU (Ireland)`, Message: JSON.stringify(message), Timestamp: iso(atMs, 0).replace('Z', '.000Z').replace('.000.000Z', '.000Z'), SignatureVersion: '1',
          Signature: Buffer.from(hex(rand, 64)).toString('base64'), SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${hex(rand, 32)}.pem`,
          UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${region}:${account}:causeway-alarms:${hex(rand, 8)}`,
        },
      };
    }
  }
}
