/*
 * Building blocks for the blind5 scenarios: a seeded PRNG, metric series with diurnal load
 * and noise, background log chatter, traces, and the alert bodies each sender really sends.
 * Times inside a builder are seconds relative to the scenario's `at` (negative = before).
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type Json = Record<string, unknown>;

/** Seconds since `at` when a series' condition applies: a smooth ramp from `from` to `to` (0 before, 1 after). */
export function ramp(t: number, from: number, to: number): number {
  if (t <= from) return 0;
  if (t >= to) return 1;
  return (t - from) / (to - from);
}

export function step(t: number, at: number): number {
  return t >= at ? 1 : 0;
}

const REF_LIVE = true;

export class Builder {
  readonly rng: () => number;
  readonly atMs: number;
  readonly metrics: Json[] = [];
  readonly logs: Json[] = [];
  readonly traces: Json[] = [];
  readonly changes: Json[] = [];
  readonly runtime: Json[] = [];
  readonly exceptions: Json[] = [];
  readonly alerts: Json[] = [];
  readonly ref = { metrics: [] as Json[], logs: [] as Json[], traces: [] as Json[] };
  /** Seconds back to the healthy reference window (168h = a week earlier); undefined = no reference. */
  refOffset: number | undefined = 7 * 24 * 3600;
  /** True when no log backend is configured: the scenario then carries no logs at all, live or reference. */
  noLogs = false;
  /** The evidence window, seconds relative to `at`. */
  from = -2 * 3600;
  to = 120;
  private idCounter = 0;

  constructor(readonly name: string, at: string) {
    this.rng = prng(hashSeed(name));
    this.atMs = Date.parse(at);
  }

  iso(t: number): string {
    return new Date(Math.round(this.atMs + t * 1000)).toISOString();
  }

  /** Offset notation for times that fall on whole seconds. */
  off(t: number): string {
    const sign = t < 0 ? '-' : '+';
    let s = Math.round(Math.abs(t));
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    const out = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
    return sign + out;
  }

  /** Gaussian-ish noise in [-1, 1]. */
  noise(): number {
    return (this.rng() + this.rng() + this.rng() - 1.5) / 1.5;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)]!;
  }

  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(this.rng() * 16).toString(16);
    return out;
  }

  id(prefix = ''): string {
    this.idCounter += 1;
    return `${prefix}${this.hex(8)}${this.idCounter.toString(16).padStart(4, '0')}`;
  }

  /** Load factor for the hour of day at absolute time ms (UTC): low at night, peak mid-afternoon. */
  diurnal(ms: number, amplitude = 0.35, peakHourUtc = 15): number {
    const hour = new Date(ms).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
    return 1 + amplitude * Math.cos((2 * Math.PI * (hour - peakHourUtc)) / 24);
  }

  /**
   * One series over the window and (unless opts.ref is false) over the reference window.
   * `f(t, live)` gives the expected value at t seconds from `at`; `live` is false for the
   * reference, where incident terms must be off.
   */
  metric(
    name: string,
    service: string,
    unit: string,
    f: (t: number, live: boolean, diurnal: number) => number,
    opts: { step?: number; from?: number; to?: number; noise?: number; labels?: Record<string, string>; gaps?: number; ref?: boolean; digits?: number; min?: number; max?: number } = {},
  ): void {
    const stepS = opts.step ?? 60;
    const from = opts.from ?? this.from;
    const to = Math.min(opts.to ?? 0, this.to);
    const noise = opts.noise ?? 0.05;
    const digits = opts.digits ?? 4;
    const series = (live: boolean, shift: number): Array<[string, number]> => {
      const points: Array<[string, number]> = [];
      const start = Math.ceil(from / stepS) * stepS;
      for (let t = start; t <= to; t += stepS) {
        if (opts.gaps && this.rng() < opts.gaps) continue;
        const d = this.diurnal(this.atMs + (t - shift) * 1000);
        let v = f(t, live, d) * (1 + noise * this.noise());
        if (opts.min !== undefined) v = Math.max(opts.min, v);
        if (opts.max !== undefined) v = Math.min(opts.max, v);
        points.push([this.off(t - shift), Number(v.toFixed(digits))]);
      }
      return points;
    };
    const base = { name, service, ...(opts.labels ? { labels: opts.labels } : {}), unit };
    this.metrics.push({ ...base, points: series(REF_LIVE, 0) });
    if (this.refOffset !== undefined && opts.ref !== false) this.ref.metrics.push({ ...base, points: series(false, this.refOffset) });
  }

  log(t: number, service: string, level: Level, message: string, attributes?: Json, traceId?: string): void {
    this.logs.push({ at: this.iso(t), service, level, message, ...(attributes ? { attributes } : {}), ...(traceId ? { traceId } : {}) });
  }

  /** A line that only the reference window holds; t is relative to the reference's own `at`. */
  refLog(t: number, service: string, level: Level, message: string, attributes?: Json): void {
    if (this.refOffset === undefined) return;
    this.ref.logs.push({ at: this.iso(t - this.refOffset), service, level, message, ...(attributes ? { attributes } : {}) });
  }

  /** Chatter that was always there: `perHour` lines spread over the window and the reference. */
  background(service: string, level: Level, messages: readonly string[], perHour: number, attributes?: Json): void {
    const emit = (shift: number, into: Json[]) => {
      const n = Math.max(1, Math.round(((this.to - this.from) / 3600) * perHour * (0.8 + 0.4 * this.rng())));
      for (let i = 0; i < n; i++) {
        const t = this.from + this.rng() * (Math.min(this.to, 0) - this.from);
        into.push({ at: this.iso(t - shift), service, level, message: this.pick(messages), ...(attributes ? { attributes } : {}) });
      }
    };
    emit(0, this.logs);
    if (this.refOffset !== undefined) emit(this.refOffset, this.ref.logs);
  }

  /** `n` lines between `from` and `to`, message built per line. */
  burst(service: string, level: Level, from: number, to: number, n: number, message: (i: number) => string, attributes?: (i: number) => Json): void {
    for (let i = 0; i < n; i++) {
      const t = from + ((to - from) * (i + this.rng())) / n;
      this.log(t, service, level, message(i), attributes?.(i));
    }
  }

  change(t: number, service: string, kind: 'deployment' | 'config' | 'feature_flag' | 'infrastructure' | 'scaling', summary: string, extra: Json = {}): void {
    this.changes.push({ at: this.iso(t), service, kind, summary, ...extra });
  }

  rt(t: number, service: string, kind: 'restart' | 'oom_killed' | 'crash_loop' | 'unhealthy' | 'throttled' | 'evicted' | 'node_pressure', message?: string, count?: number): void {
    this.runtime.push({ at: this.iso(t), service, kind, ...(count ? { count } : {}), ...(message ? { message } : {}) });
  }

  exc(t: number, service: string, type: string, message: string, count?: number, culprit?: string): void {
    this.exceptions.push({ at: this.iso(t), service, type, message, ...(count ? { count } : {}), ...(culprit ? { culprit } : {}) });
  }

  alert(t: number, service: string, name: string, status: 'firing' | 'resolved' = 'firing'): void {
    this.alerts.push({ at: this.iso(t), service, name, status });
  }

  /**
   * `n` traces spread over [from, to] in the live window, plus (unless ref is false) `n`
   * healthy ones in the reference. `shape(t, live)` returns spans as
   * [service, name, startMs, durationMs, status, parentIndex, attributes?] relative to the root.
   */
  traceFlow(
    n: number,
    from: number,
    to: number,
    shape: (t: number, live: boolean, i: number) => Array<[string, string, number, number, 'ok' | 'error', number, Json?]>,
    opts: { ref?: boolean; logFor?: (traceId: string, t: number, live: boolean) => void } = {},
  ): void {
    const build = (live: boolean, shift: number, into: Json[]) => {
      for (let i = 0; i < n; i++) {
        const t = from + ((to - from) * (i + this.rng())) / n;
        const traceId = this.hex(32);
        const shaped = shape(t, live, i);
        const ids = shaped.map(() => this.hex(16));
        const spans = shaped.map(([service, name, startMs, durationMs, status, parent, attributes], k) => ({
          spanId: ids[k]!,
          ...(parent >= 0 ? { parentSpanId: ids[parent]! } : {}),
          service,
          name,
          at: this.iso(t - shift + startMs / 1000),
          durationMs: Math.max(0, Math.round(durationMs * 10) / 10),
          status,
          ...(attributes ? { attributes } : {}),
        }));
        into.push({ traceId, spans });
        if (live && opts.logFor) opts.logFor(traceId, t, live);
      }
    };
    build(true, 0, this.traces);
    if (this.refOffset !== undefined && opts.ref !== false) build(false, this.refOffset, this.ref.traces);
  }

  evidence(): Json {
    const out: Json = {};
    const sortAt = (items: Json[]) => items.sort((a, b) => String(a['at']).localeCompare(String(b['at'])));
    if (this.refOffset !== undefined) {
      const ref: Json = { from: this.off(this.from - this.refOffset), to: this.off(Math.min(this.to, 0) - this.refOffset) };
      if (this.ref.metrics.length) ref['metrics'] = this.ref.metrics;
      if (this.ref.logs.length && !this.noLogs) ref['logs'] = sortAt(this.ref.logs);
      if (this.ref.traces.length) ref['traces'] = this.ref.traces;
      out['reference'] = ref;
    }
    if (this.metrics.length) out['metrics'] = this.metrics;
    if (this.logs.length && !this.noLogs) out['logs'] = sortAt(this.logs);
    if (this.traces.length) out['traces'] = this.traces;
    if (this.changes.length) out['changes'] = sortAt(this.changes);
    if (this.runtime.length) out['runtime'] = sortAt(this.runtime);
    if (this.exceptions.length) out['exceptions'] = sortAt(this.exceptions);
    if (this.alerts.length) out['alerts'] = sortAt(this.alerts);
    return out;
  }
}

/* ------------------------------------------------------------------ alert bodies */

export interface PromAlertSpec {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager webhook payload, version 4. */
export function alertmanagerBody(alerts: PromAlertSpec[], receiver: string, groupBy: string[]): Json {
  const first = alerts[0]!;
  const common = Object.fromEntries(Object.entries(first.labels).filter(([k, v]) => alerts.every((a) => a.labels[k] === v)));
  const group = Object.fromEntries(groupBy.map((k) => [k, first.labels[k] ?? '']));
  return {
    receiver,
    status: 'firing',
    alerts: alerts.map((a) => ({ status: 'firing', labels: a.labels, annotations: a.annotations, startsAt: a.startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: a.generatorURL, fingerprint: a.fingerprint })),
    groupLabels: group,
    commonLabels: common,
    commonAnnotations: alerts.length === 1 ? first.annotations : {},
    externalURL: 'http://alertmanager.monitoring.svc:9093',
    version: '4',
    groupKey: `{}/{severity=~"critical|page"}:{${groupBy.map((k) => `${k}="${first.labels[k] ?? ''}"`).join(', ')}}`,
    truncatedAlerts: 0,
  };
}

/** Grafana unified alerting webhook contact point payload. */
export function grafanaBody(spec: PromAlertSpec & { values: Record<string, number>; dashboardUID: string; panelId: number; orgId: number; valueString: string }, receiver: string): Json {
  const base = 'https://grafana.internal.example.net';
  const title = `[FIRING:1] ${spec.labels['alertname']} (${Object.entries(spec.labels).filter(([k]) => k !== 'alertname').map(([, v]) => v).join(' ')})`;
  return {
    receiver,
    status: 'firing',
    orgId: spec.orgId,
    alerts: [
      {
        status: 'firing',
        labels: spec.labels,
        annotations: spec.annotations,
        startsAt: spec.startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: spec.generatorURL,
        fingerprint: spec.fingerprint,
        silenceURL: `${base}/alerting/silence/new?alertmanager=grafana&matcher=alertname%3D${encodeURIComponent(spec.labels['alertname'] ?? '')}`,
        dashboardURL: `${base}/d/${spec.dashboardUID}`,
        panelURL: `${base}/d/${spec.dashboardUID}?viewPanel=${spec.panelId}`,
        values: spec.values,
        valueString: spec.valueString,
      },
    ],
    groupLabels: { alertname: spec.labels['alertname'] ?? '' },
    commonLabels: spec.labels,
    commonAnnotations: spec.annotations,
    externalURL: `${base}/`,
    version: '1',
    groupKey: `{}/{}:{alertname="${spec.labels['alertname'] ?? ''}"}`,
    truncatedAlerts: 0,
    title,
    state: 'alerting',
    message: `**Firing**\n\nValue: ${spec.valueString}\nLabels:\n${Object.entries(spec.labels).map(([k, v]) => ` - ${k} = ${v}`).join('\n')}\nAnnotations:\n${Object.entries(spec.annotations).map(([k, v]) => ` - ${k} = ${v}`).join('\n')}\n`,
  };
}

/** PagerDuty v3 webhook, incident.triggered. */
export function pagerdutyBody(b: Builder, spec: { createdAt: number; title: string; serviceName: string; serviceId: string; urgency: 'high' | 'low'; priority?: string; number: number; escalation: string; team: string; incidentKey: string }): Json {
  const incidentId = `Q${b.hex(12).toUpperCase()}`;
  const html = `https://acme-ops.pagerduty.com/incidents/${incidentId}`;
  return {
    event: {
      id: `01${b.hex(24).toUpperCase()}`,
      event_type: 'incident.triggered',
      resource_type: 'incident',
      occurred_at: b.iso(spec.createdAt),
      agent: { html_url: `https://acme-ops.pagerduty.com/services/${spec.serviceId}`, id: spec.serviceId, self: `https://api.pagerduty.com/services/${spec.serviceId}`, summary: spec.serviceName, type: 'service_reference' },
      client: null,
      data: {
        id: incidentId,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${incidentId}`,
        html_url: html,
        number: spec.number,
        status: 'triggered',
        incident_key: spec.incidentKey,
        created_at: b.iso(spec.createdAt).replace(/\.\d{3}Z$/, 'Z'),
        title: spec.title,
        service: { html_url: `https://acme-ops.pagerduty.com/services/${spec.serviceId}`, id: spec.serviceId, self: `https://api.pagerduty.com/services/${spec.serviceId}`, summary: spec.serviceName, type: 'service_reference' },
        assignees: [{ html_url: 'https://acme-ops.pagerduty.com/users/PX7Q2LM', id: 'PX7Q2LM', self: 'https://api.pagerduty.com/users/PX7Q2LM', summary: 'On-call Primary', type: 'user_reference' }],
        escalation_policy: { html_url: 'https://acme-ops.pagerduty.com/escalation_policies/P9EPL01', id: 'P9EPL01', self: 'https://api.pagerduty.com/escalation_policies/P9EPL01', summary: spec.escalation, type: 'escalation_policy_reference' },
        teams: [{ html_url: 'https://acme-ops.pagerduty.com/teams/PT4KX22', id: 'PT4KX22', self: 'https://api.pagerduty.com/teams/PT4KX22', summary: spec.team, type: 'team_reference' }],
        priority: spec.priority ? { html_url: 'https://acme-ops.pagerduty.com/account/incident_priorities', id: 'PPRIO01', self: 'https://api.pagerduty.com/priorities/PPRIO01', summary: spec.priority, type: 'priority' } : null,
        urgency: spec.urgency,
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

export interface CloudWatchAlarmSpec {
  alarmName: string;
  description: string;
  account: string;
  region: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: string;
  period: number;
  threshold: number;
  comparison: string;
  evaluationPeriods: number;
  reason: string;
  changedAt: number;
  previousAt: number;
  unit?: string;
}

const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
};

function alarmArn(spec: CloudWatchAlarmSpec): string {
  return `arn:aws:cloudwatch:${spec.region}:${spec.account}:alarm:${spec.alarmName}`;
}

/** EventBridge "CloudWatch Alarm State Change" event. */
export function cloudwatchEventBody(b: Builder, spec: CloudWatchAlarmSpec): Json {
  return {
    version: '0',
    id: `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: spec.account,
    time: b.iso(spec.changedAt).replace(/\.\d{3}Z$/, 'Z'),
    region: spec.region,
    resources: [alarmArn(spec)],
    detail: {
      alarmName: spec.alarmName,
      state: {
        value: 'ALARM',
        reason: spec.reason,
        reasonData: JSON.stringify({ version: '1.0', queryDate: b.iso(spec.changedAt).replace('Z', '+0000'), statistic: spec.stat, period: spec.period, threshold: spec.threshold }),
        timestamp: b.iso(spec.changedAt).replace('Z', '+0000'),
      },
      previousState: { value: 'OK', reason: 'Threshold Crossed: datapoints were not greater than the threshold.', timestamp: b.iso(spec.previousAt).replace('Z', '+0000') },
      configuration: {
        description: spec.description,
        metrics: [
          {
            id: `m${b.hex(6)}`,
            metricStat: { metric: { namespace: spec.namespace, name: spec.metricName, dimensions: spec.dimensions }, period: spec.period, stat: spec.stat },
            returnData: true,
          },
        ],
      },
    },
  };
}

/** SNS HTTPS notification whose Message is the classic CloudWatch alarm JSON. */
export function cloudwatchSnsBody(b: Builder, spec: CloudWatchAlarmSpec, topic: string): Json {
  const message = {
    AlarmName: spec.alarmName,
    AlarmDescription: spec.description,
    AWSAccountId: spec.account,
    AlarmConfigurationUpdatedTimestamp: b.iso(-40 * 24 * 3600).replace('Z', '+0000'),
    NewStateValue: 'ALARM',
    NewStateReason: spec.reason,
    StateChangeTime: b.iso(spec.changedAt).replace('Z', '+0000'),
    Region: REGION_NAMES[spec.region] ?? spec.region,
    AlarmArn: alarmArn(spec),
    OldStateValue: 'OK',
    OKActions: [`arn:aws:sns:${spec.region}:${spec.account}:${topic}`],
    AlarmActions: [`arn:aws:sns:${spec.region}:${spec.account}:${topic}`],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: spec.metricName,
      Namespace: spec.namespace,
      StatisticType: 'Statistic',
      Statistic: spec.stat.toUpperCase(),
      Unit: spec.unit ?? null,
      Dimensions: Object.entries(spec.dimensions).map(([name, value]) => ({ value, name })),
      Period: spec.period,
      EvaluationPeriods: spec.evaluationPeriods,
      DatapointsToAlarm: spec.evaluationPeriods,
      ComparisonOperator: spec.comparison,
      Threshold: spec.threshold,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  return {
    Type: 'Notification',
    MessageId: `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
    TopicArn: `arn:aws:sns:${spec.region}:${spec.account}:${topic}`,
    Subject: `ALARM: "${spec.alarmName}" in ${REGION_NAMES[spec.region] ?? spec.region}`.slice(0, 100),
    Message: JSON.stringify(message),
    Timestamp: b.iso(spec.changedAt + 0.4),
    SignatureVersion: '1',
    Signature: Buffer.from(b.hex(128), 'hex').toString('base64'),
    SigningCertURL: `https://sns.${spec.region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
    UnsubscribeURL: `https://sns.${spec.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${spec.region}:${spec.account}:${topic}:${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
  };
}

/** Datadog webhook with Causeway's documented template (every value a template variable's text). */
export function datadogBody(b: Builder, spec: { title: string; message: string; tags: string[]; scope: string; metric: string; host?: string; date: number; priority?: string; alertType?: 'error' | 'warning'; monitorId: number }): Json {
  const cycle = b.hex(16);
  return {
    id: String(7_000_000_000_000_000_000n + BigInt(Math.floor(b.rng() * 1e15))),
    alert_id: String(spec.monitorId),
    aggregation_key: b.hex(32),
    alert_cycle_key: cycle,
    title: `[Triggered on {${spec.scope}}] ${spec.title}`,
    message: spec.message,
    transition: 'Triggered',
    alert_type: spec.alertType ?? 'error',
    alert_status: `${spec.metric} over ${spec.scope}`,
    alert_priority: spec.priority ?? '',
    priority: 'normal',
    tags: spec.tags.join(','),
    scope: spec.scope,
    hostname: spec.host ?? '',
    metric: spec.metric,
    link: `https://app.datadoghq.com/event/event?id=${b.hex(10)}`,
    date: String(Math.round(b.atMs + spec.date * 1000)),
    org_id: '412988',
  };
}

/** Opsgenie webhook integration, Create action. */
export function opsgenieBody(b: Builder, spec: { message: string; description: string; entity: string; tags: string[]; details: Record<string, string>; priority: string; createdAt: number; source: string; team: string; alias: string; tinyId: string }): Json {
  const alertId = `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}-${Math.round(b.atMs + spec.createdAt * 1000)}`;
  return {
    source: { name: spec.source, type: 'API' },
    alert: {
      updatedAt: Math.round(b.atMs + spec.createdAt * 1000) * 1_000_000 + 123456,
      tags: spec.tags,
      teams: [spec.team],
      recipients: [spec.team],
      message: spec.message,
      username: 'System',
      alertId,
      source: spec.source,
      alias: spec.alias,
      tinyId: spec.tinyId,
      createdAt: Math.round(b.atMs + spec.createdAt * 1000),
      userId: '',
      entity: spec.entity,
      description: spec.description,
      details: spec.details,
      priority: spec.priority,
      actions: [],
    },
    action: 'Create',
    integrationId: `${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
    integrationName: 'Causeway Webhook',
  };
}
