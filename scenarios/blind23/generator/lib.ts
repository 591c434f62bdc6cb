/*
 * Building blocks for the blind23 scenarios: a PRNG seeded by the scenario name, series with
 * diurnal load and noise, repeated log lines, trace templates, and each alert sender's body as
 * that sender writes it. Everything is a pure function of the spec, so two runs write the same bytes.
 */

export type Source = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';
export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type EvidenceClass = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

/** A level change of a series: from minute `at` (relative to the alert) the level becomes `value`, reached over `ramp` minutes. */
export type Effect = [at: number, value: number, ramp?: number];

export interface SeriesSpec {
  service: string;
  name: string;
  unit?: string;
  labels?: Record<string, string>;
  base: number;
  /** Relative noise (0.05 = ±5 %). */
  noise?: number;
  /** Diurnal amplitude (0.3 = ±30 % over the day). */
  diurnal?: number;
  fx?: Effect[];
  /** Round to an integer. */
  int?: boolean;
  /** Upper bound (ratios, percentages). */
  max?: number;
}

export interface LogSpec {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  msg: string;
  /** Minutes relative to the alert; default the whole window. */
  from?: number;
  to?: number;
  /** Seconds between lines. */
  every: number;
  attrs?: Record<string, unknown>;
  /** Also in the reference (a service that always logs this). */
  always?: boolean;
}

export interface SpanTpl {
  service: string;
  name: string;
  ms: number;
  status?: 'ok' | 'error';
  attrs?: Record<string, unknown>;
  children?: SpanTpl[];
}

export interface TraceSpec {
  from?: number;
  to?: number;
  every: number;
  tpl: SpanTpl;
  /** Also in the reference, shifted by a week. */
  always?: boolean;
}

export interface Spec {
  name: string;
  postmortem: string;
  description: string;
  /** The alert's notification time. */
  at: string;
  source: Source;
  alert: { service: string; name: string; summary: string; startedMin: number; dim?: string; severity?: string; extra?: Record<string, string> };
  topology: Record<string, string[]>;
  /** Healthy services elsewhere in the shop: [caller, service] edges, each with steady rate and latency series. */
  bystanders?: Array<[caller: string, service: string]>;
  /** Services outside the team's control: they own no series, logs, exceptions or runtime events. */
  external?: string[];
  /** Metric step in seconds (CloudWatch shops: 300). */
  step?: number;
  /** Minutes of history before the alert. */
  window: number;
  series: SeriesSpec[];
  logs?: LogSpec[];
  traces?: TraceSpec[];
  changes?: Array<Record<string, unknown> & { at: number; service: string; kind: string; summary: string }>;
  runtime?: Array<Record<string, unknown> & { at: number; service: string; kind: string }>;
  exceptions?: Array<Record<string, unknown> & { at: number; service: string; type: string; message: string }>;
  alerts?: Array<{ at: number; service: string; name: string; status: 'firing' | 'resolved' }>;
  /** Include a reference a week earlier (default true). */
  reference?: boolean;
  expected: { service: string; kind: Kind; action: Action; mustCite: EvidenceClass[] };
  /** One line for the README: what tells an SRE the answer. */
  why: string;
}

/** FNV-1a of the name, so each scenario has its own stream. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  private state: number;
  constructor(name: string) {
    this.state = seedOf(name) || 1;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  gauss(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 1.4;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Seconds relative to the alert → the format's offset string ("-1h5m30s", "+0s"). */
export function off(seconds: number): string {
  const s = Math.round(seconds);
  const sign = s < 0 ? '-' : s > 0 ? '+' : '+';
  let rest = Math.abs(s);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec || (!h && !m) ? `${sec}s` : ''}`;
  return `${sign}${body}`;
}

export function iso(atMs: number, seconds: number): string {
  return new Date(atMs + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function levelAt(fx: Effect[] | undefined, base: number, minute: number): number {
  let level = base;
  for (const [at, value, ramp] of fx ?? []) {
    if (minute < at) break;
    const r = ramp ?? 0;
    level = r > 0 && minute < at + r ? level + ((value - level) * (minute - at)) / r : value;
  }
  return level;
}

/** Points from `-window` to 0 every `step` seconds; `shift` moves them (the reference is the same hours a week earlier). */
export function series(rng: Rng, spec: SeriesSpec, atMs: number, window: number, step: number, shift: number, faulty: boolean) {
  const points: Array<[string, number]> = [];
  const hourAt = new Date(atMs).getUTCHours() + new Date(atMs).getUTCMinutes() / 60;
  const start = -Math.floor((window * 60) / step) * step;
  for (let t = start; t <= 0; t += step) {
    const minute = t / 60;
    const hour = hourAt + minute / 60;
    const diurnal = 1 + (spec.diurnal ?? 0) * Math.sin((2 * Math.PI * (hour - 9)) / 24);
    const level = faulty ? levelAt(spec.fx, spec.base, minute) : spec.base;
    let v = level * diurnal * (1 + (spec.noise ?? 0.05) * rng.gauss());
    if (v < 0) v = 0;
    if (spec.max !== undefined && v > spec.max) v = spec.max;
    v = spec.int ? Math.round(v) : Number(v.toPrecision(4));
    points.push([off(t + shift), v]);
  }
  const out: Record<string, unknown> = { name: spec.name, service: spec.service };
  if (spec.labels) out.labels = spec.labels;
  if (spec.unit) out.unit = spec.unit;
  out.points = points;
  return out;
}

/** `{int:a-b}`, `{hex:n}`, `{pick:a|b}` in a message. */
function fill(rng: Rng, text: string): string {
  return text.replace(/\{(int|hex|pick):([^}]+)\}/g, (_m, kind: string, arg: string) => {
    if (kind === 'int') {
      const [lo, hi] = arg.split('-').map(Number);
      return String(rng.int(lo!, hi!));
    }
    if (kind === 'hex') return rng.hex(Number(arg));
    return rng.pick(arg.split('|'));
  });
}

export function logLines(rng: Rng, spec: LogSpec, window: number, shift: number) {
  const out: Array<Record<string, unknown>> = [];
  const from = Math.max(spec.from ?? -window, -window) * 60;
  const to = Math.min(spec.to ?? 0, 0) * 60;
  for (let t = from + rng.int(0, Math.max(1, Math.floor(Math.min(spec.every, to - from) / 2))); t <= to; t += Math.max(1, Math.round(spec.every * (0.7 + 0.6 * rng.next())))) {
    const line: Record<string, unknown> = { at: off(t + shift), service: spec.service, level: spec.level, message: fill(rng, spec.msg) };
    if (spec.attrs) line.attributes = Object.fromEntries(Object.entries(spec.attrs).map(([k, v]) => [k, typeof v === 'string' ? fill(rng, v) : v]));
    out.push(line);
  }
  return out;
}

function spans(rng: Rng, tpl: SpanTpl, t: number, parent: string | undefined, out: Array<Record<string, unknown>>) {
  const id = rng.hex(16);
  const span: Record<string, unknown> = { spanId: id };
  if (parent) span.parentSpanId = parent;
  Object.assign(span, { service: tpl.service, name: tpl.name, at: off(t), durationMs: Math.max(1, Math.round(tpl.ms * (0.8 + 0.4 * rng.next()))), status: tpl.status ?? 'ok' });
  if (tpl.attrs) span.attributes = tpl.attrs;
  out.push(span);
  for (const child of tpl.children ?? []) spans(rng, child, t, id, out);
}

const longest = (tpl: SpanTpl): number => Math.max(tpl.ms, ...(tpl.children ?? []).map(longest));

/** Finished traces only: a trace that would still be running at the end of its window is not returned. */
export function traceList(rng: Rng, spec: TraceSpec, window: number, shift: number) {
  const out: Array<Record<string, unknown>> = [];
  const from = Math.max(spec.from ?? -window, -window) * 60;
  const to = Math.min(spec.to ?? 0, 0) * 60 - Math.ceil((longest(spec.tpl) * 1.2) / 1000);
  for (let t = from + rng.int(0, spec.every); t <= to - 5; t += spec.every + rng.int(0, Math.floor(spec.every / 3))) {
    const list: Array<Record<string, unknown>> = [];
    spans(rng, spec.tpl, t + shift, undefined, list);
    out.push({ traceId: rng.hex(32), spans: list });
  }
  return out;
}

const ACCOUNT = '702913845566';
const REGION_NAMES: Record<string, string> = {
  'eu-west-1': 'EU (Ireland)',
  'us-east-1': 'US East (N. Virginia)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
};

/** The webhook body exactly as its sender writes it, with the headers it sends. */
export function signal(rng: Rng, spec: Spec, atMs: number): { source: Source; headers: Record<string, string>; body: unknown } {
  const a = spec.alert;
  const started = iso(atMs, a.startedMin * 60);
  const now = iso(atMs, 0);
  const sev = a.severity ?? 'critical';
  const fingerprint = rng.hex(16);
  switch (spec.source) {
    case 'alertmanager': {
      const labels = { alertname: a.name, service: a.service, severity: sev, namespace: 'prod', ...(a.extra ?? {}) };
      const annotations = { summary: a.summary, runbook_url: `https://runbooks.internal/${a.name}` };
      return {
        source: 'alertmanager',
        headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
        body: {
          receiver: 'causeway',
          status: 'firing',
          alerts: [{ status: 'firing', labels, annotations, startsAt: started, endsAt: '0001-01-01T00:00:00Z', generatorURL: `http://prometheus.prod:9090/graph?g0.expr=${encodeURIComponent(a.name)}`, fingerprint }],
          groupLabels: { alertname: a.name },
          commonLabels: labels,
          commonAnnotations: annotations,
          externalURL: 'http://alertmanager.prod:9093',
          version: '4',
          groupKey: `{}:{alertname="${a.name}"}`,
          truncatedAlerts: 0,
        },
      };
    }
    case 'grafana': {
      const labels = { alertname: a.name, service: a.service, severity: sev, grafana_folder: 'Production', ...(a.extra ?? {}) };
      const annotations = { summary: a.summary, description: a.summary };
      return {
        source: 'grafana',
        headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
        body: {
          receiver: 'causeway',
          status: 'firing',
          orgId: 1,
          alerts: [{
            status: 'firing', labels, annotations, startsAt: started, endsAt: '0001-01-01T00:00:00Z',
            generatorURL: `https://grafana.internal/alerting/grafana/${rng.hex(8)}/view`, fingerprint,
            silenceURL: `https://grafana.internal/alerting/silence/new?matcher=alertname%3D${encodeURIComponent(a.name)}`,
            dashboardURL: `https://grafana.internal/d/${rng.hex(8)}`, panelURL: `https://grafana.internal/d/${rng.hex(8)}?viewPanel=4`,
            values: { B: Number((rng.next() * 10 + 5).toFixed(3)), C: 1 },
          }],
          groupLabels: { alertname: a.name, grafana_folder: 'Production' },
          commonLabels: labels,
          commonAnnotations: annotations,
          externalURL: 'https://grafana.internal/',
          version: '1',
          groupKey: `{}/{}:{alertname="${a.name}"}`,
          truncatedAlerts: 0,
          title: `[FIRING:1] ${a.name} Production (${a.service})`,
          state: 'alerting',
          message: `**Firing**\n\nValue: B=${a.summary}`,
        },
      };
    }
    case 'pagerduty': {
      const id = `Q${rng.hex(6).toUpperCase()}`;
      const incident = `P${rng.hex(6).toUpperCase()}`;
      return {
        source: 'pagerduty',
        headers: { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-webhook-id': rng.hex(8) },
        body: {
          event: {
            id: `01${rng.hex(24).toUpperCase()}`,
            event_type: 'incident.triggered',
            resource_type: 'incident',
            occurred_at: iso(atMs, 0).replace('Z', '.000Z'),
            agent: { html_url: `https://ops.pagerduty.com/services/${id}`, id, self: `https://api.pagerduty.com/services/${id}`, summary: a.service, type: 'service_reference' },
            client: null,
            data: {
              id: incident,
              type: 'incident',
              self: `https://api.pagerduty.com/incidents/${incident}`,
              html_url: `https://ops.pagerduty.com/incidents/${incident}`,
              number: rng.int(1000, 9999),
              status: 'triggered',
              incident_key: rng.hex(32),
              created_at: started,
              title: a.summary,
              service: { html_url: `https://ops.pagerduty.com/services/${id}`, id, self: `https://api.pagerduty.com/services/${id}`, summary: a.service, type: 'service_reference' },
              assignees: [{ html_url: 'https://ops.pagerduty.com/users/PJ1B3XK', id: 'PJ1B3XK', self: 'https://api.pagerduty.com/users/PJ1B3XK', summary: 'On-call SRE', type: 'user_reference' }],
              escalation_policy: { html_url: 'https://ops.pagerduty.com/escalation_policies/P7Q2L1A', id: 'P7Q2L1A', self: 'https://api.pagerduty.com/escalation_policies/P7Q2L1A', summary: 'Production', type: 'escalation_policy_reference' },
              teams: [],
              priority: { html_url: 'https://ops.pagerduty.com/account/incident_priorities', id: 'PSO75BM', self: 'https://api.pagerduty.com/priorities/PSO75BM', summary: 'P1', type: 'priority' },
              urgency: 'high',
              conference_bridge: null,
              resolve_reason: null,
            },
          },
        },
      };
    }
    case 'opsgenie': {
      return {
        source: 'opsgenie',
        headers: { 'content-type': 'application/json', 'user-agent': 'Opsgenie-Webhook' },
        body: {
          source: { name: '', type: 'API' },
          alert: {
            updatedAt: atMs * 1e6,
            tags: [`service:${a.service}`, 'env:prod', ...(a.extra ? Object.entries(a.extra).map(([k, v]) => `${k}:${v}`) : [])],
            teams: ['sre'],
            recipients: ['sre'],
            message: a.summary,
            username: 'Prometheus',
            alertId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
            source: 'Prometheus',
            alias: `${a.name}-${a.service}`,
            tinyId: String(rng.int(100, 9999)),
            createdAt: atMs + a.startedMin * 60000,
            userId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
            entity: a.service,
            priority: 'P2',
            description: a.summary,
            details: { service: a.service, alertname: a.name },
          },
          action: 'Create',
          integrationId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
          integrationName: 'Causeway webhook',
        },
      };
    }
    case 'datadog': {
      const monitor = String(rng.int(10000000, 99999999));
      return {
        source: 'datadog',
        headers: { 'content-type': 'application/json', 'user-agent': 'Datadog Webhook' },
        body: {
          id: String(rng.int(1e15, 9e15)),
          alert_id: monitor,
          aggregation_key: rng.hex(32),
          alert_cycle_key: String(rng.int(1e15, 9e15)),
          title: `[Triggered on {service:${a.service}}] ${a.summary}`,
          message: `${a.summary} @webhook-causeway`,
          transition: 'Triggered',
          alert_type: 'error',
          alert_status: a.name,
          alert_priority: 'P1',
          priority: 'normal',
          tags: `env:prod,service:${a.service},team:sre${a.extra ? Object.entries(a.extra).map(([k, v]) => `,${k}:${v}`).join('') : ''}`,
          scope: `service:${a.service}`,
          hostname: '',
          metric: a.dim ?? 'trace.http.request.errors',
          link: `https://app.datadoghq.com/monitors/${monitor}`,
          date: String(atMs + a.startedMin * 60000),
          org_id: '318245',
        },
      };
    }
    case 'generic':
      return {
        source: 'generic',
        headers: { 'content-type': 'application/json', 'user-agent': 'ops-pager/2.3' },
        body: {
          title: a.summary,
          status: 'firing',
          severity: sev === 'critical' ? 'critical' : 'high',
          service: a.service,
          environment: 'prod',
          startedAt: started,
          dedupKey: `${a.service}-${a.name}`,
          labels: { alertname: a.name, ...(a.extra ?? {}) },
          links: { runbook: `https://runbooks.internal/${a.name}` },
        },
      };
    case 'cloudwatch':
    case 'cloudwatch-sns': {
      const region = a.extra?.region ?? 'eu-west-1';
      const dimName = a.dim ?? 'Service';
      const dims: Record<string, string> = { [dimName]: a.service };
      if (dimName === 'ServiceName') dims.ClusterName = a.extra?.cluster ?? 'prod';
      const ns = a.extra?.namespace ?? (dimName === 'ServiceName' ? 'AWS/ECS' : dimName === 'FunctionName' ? 'AWS/Lambda' : 'Custom/App');
      const metric = a.extra?.metric ?? 'ErrorRate';
      const arn = `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${a.name}`;
      const reason = `Threshold Crossed: 3 out of the last 3 datapoints [${(rng.next() * 20 + 10).toFixed(1)} (${started.slice(8, 10)}/${started.slice(5, 7)}/${started.slice(2, 4)} ${started.slice(11, 16)}:00)] were greater than the threshold (5.0) (minimum 3 datapoints for OK -> ALARM transition).`;
      if (spec.source === 'cloudwatch') {
        return {
          source: 'cloudwatch',
          headers: { 'content-type': 'application/json' },
          body: {
            version: '0',
            id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
            'detail-type': 'CloudWatch Alarm State Change',
            source: 'aws.cloudwatch',
            account: ACCOUNT,
            time: started,
            region,
            resources: [arn],
            detail: {
              alarmName: a.name,
              state: { value: 'ALARM', reason, reasonData: '{"version":"1.0"}', timestamp: started.replace('Z', '.000+0000') },
              previousState: { value: 'OK', reason: 'Threshold Crossed: 3 out of the last 3 datapoints were not greater than the threshold (5.0).', timestamp: iso(atMs, a.startedMin * 60 - 86400).replace('Z', '.000+0000') },
              configuration: {
                description: a.summary,
                metrics: [{ id: rng.hex(8), metricStat: { metric: { namespace: ns, name: metric, dimensions: dims }, period: 300, stat: 'Average' }, returnData: true }],
              },
            },
          },
        };
      }
      const message = {
        AlarmName: a.name,
        AlarmDescription: a.summary,
        AWSAccountId: ACCOUNT,
        AlarmConfigurationUpdatedTimestamp: iso(atMs, -86400 * 30).replace('Z', '.000+0000'),
        NewStateValue: 'ALARM',
        NewStateReason: reason,
        StateChangeTime: started.replace('Z', '.000+0000'),
        Region: REGION_NAMES[region] ?? region,
        AlarmArn: arn,
        OldStateValue: 'OK',
        OKActions: [],
        AlarmActions: [`arn:aws:sns:${region}:${ACCOUNT}:ops-alarms`],
        InsufficientDataActions: [],
        Trigger: {
          MetricName: metric,
          Namespace: ns,
          StatisticType: 'Statistic',
          Statistic: 'AVERAGE',
          Unit: null,
          Dimensions: Object.entries(dims).map(([name, value]) => ({ value, name })),
          Period: 300,
          EvaluationPeriods: 3,
          DatapointsToAlarm: 3,
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 5.0,
          TreatMissingData: 'missing',
          EvaluateLowSampleCountPercentile: '',
        },
      };
      const msgId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
      return {
        source: 'cloudwatch-sns',
        headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-message-id': msgId, 'x-amz-sns-topic-arn': `arn:aws:sns:${region}:${ACCOUNT}:ops-alarms`, 'user-agent': 'Amazon Simple Notification Service Agent' },
        body: {
          Type: 'Notification',
          MessageId: msgId,
          TopicArn: `arn:aws:sns:${region}:${ACCOUNT}:ops-alarms`,
          Subject: `ALARM: "${a.name}" in ${REGION_NAMES[region] ?? region}`.slice(0, 100),
          Message: JSON.stringify(message),
          Timestamp: iso(atMs, 0).replace('Z', '.000Z'),
          SignatureVersion: '1',
          Signature: Buffer.from(rng.hex(128)).toString('base64'),
          SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
          UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${region}:${ACCOUNT}:ops-alarms:${msgId}`,
        },
      };
    }
  }
}
