/*
 * Alert bodies as each sender sends them (shapes checked against the senders' public docs):
 * Alertmanager webhook v4, Grafana unified alerting webhook, PagerDuty webhooks v3,
 * CloudWatch "Alarm State Change" via EventBridge, SNS HTTP notification carrying the
 * classic alarm JSON, Datadog webhook (Causeway's documented template), Opsgenie webhook.
 */
import { iso, rng, seedOf } from './lib.js';

export interface Signal {
  source: string;
  headers: Record<string, string>;
  body: unknown;
}

function hex(seed: string, n: number): string {
  const r = rng(seedOf(seed));
  let s = '';
  while (s.length < n) s += Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');
  return s.slice(0, n);
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const minutes = (at: string, m: number) => Date.parse(at) + m * 60000;

export interface PromArgs {
  at: string;
  labels: Record<string, string>;
  summary: string;
  description?: string;
  /** Minutes before `at` the alert started (a repeat notification when large). */
  startedMinAgo: number;
  host: string;
}

export function alertmanager(a: PromArgs): Signal {
  const fp = hex(JSON.stringify(a.labels), 16);
  const alert = {
    status: 'firing',
    labels: a.labels,
    annotations: { summary: a.summary, ...(a.description ? { description: a.description } : {}), runbook_url: `https://runbooks.${a.host}/${a.labels['alertname']}` },
    startsAt: iso(minutes(a.at, -a.startedMinAgo)),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: `https://prometheus.${a.host}/graph?g0.expr=${encodeURIComponent(a.labels['alertname'] ?? '')}&g0.tab=1`,
    fingerprint: fp,
  };
  const group = { alertname: a.labels['alertname']!, ...(a.labels['service'] ? { service: a.labels['service'] } : {}) };
  return {
    source: 'alertmanager',
    headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
    body: {
      receiver: 'causeway',
      status: 'firing',
      alerts: [alert],
      groupLabels: group,
      commonLabels: a.labels,
      commonAnnotations: alert.annotations,
      externalURL: `https://alertmanager.${a.host}`,
      version: '4',
      groupKey: `{}/{severity=~"page|critical"}:{${Object.entries(group).map(([k, v]) => `${k}="${v}"`).join(', ')}}`,
      truncatedAlerts: 0,
    },
  };
}

export function grafana(a: PromArgs & { values: Record<string, number> }): Signal {
  const fp = hex(JSON.stringify(a.labels), 16);
  const ruleUid = hex(`${a.labels['alertname']}-rule`, 14);
  const alert = {
    status: 'firing',
    labels: { ...a.labels, grafana_folder: 'Production' },
    annotations: { summary: a.summary, ...(a.description ? { description: a.description } : {}) },
    startsAt: iso(minutes(a.at, -a.startedMinAgo)),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: `https://grafana.${a.host}/alerting/grafana/${ruleUid}/view?orgId=1`,
    fingerprint: fp,
    silenceURL: `https://grafana.${a.host}/alerting/silence/new?alertmanager=grafana&matcher=alertname%3D${encodeURIComponent(a.labels['alertname'] ?? '')}`,
    dashboardURL: `https://grafana.${a.host}/d/${hex(ruleUid, 9)}?orgId=1`,
    panelURL: `https://grafana.${a.host}/d/${hex(ruleUid, 9)}?orgId=1&viewPanel=4`,
    values: a.values,
  };
  return {
    source: 'grafana',
    headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
    body: {
      receiver: 'causeway-webhook',
      status: 'firing',
      orgId: 1,
      alerts: [alert],
      groupLabels: { alertname: a.labels['alertname'], grafana_folder: 'Production' },
      commonLabels: alert.labels,
      commonAnnotations: alert.annotations,
      externalURL: `https://grafana.${a.host}/`,
      version: '1',
      groupKey: `{}/{__grafana_receiver__="causeway-webhook"}:{alertname="${a.labels['alertname']}", grafana_folder="Production"}`,
      truncatedAlerts: 0,
      title: `[FIRING:1] ${a.labels['alertname']} Production (${Object.values(a.labels).slice(1).join(' ')})`,
      state: 'alerting',
      message: `**Firing**\n\nValue: ${Object.entries(a.values).map(([k, v]) => `${k}=${v}`).join(', ')}\nLabels:\n${Object.entries(alert.labels).map(([k, v]) => ` - ${k} = ${v}`).join('\n')}\nAnnotations:\n - summary = ${a.summary}\n`,
    },
  };
}

export interface PagerDutyArgs {
  at: string;
  eventType: 'incident.triggered' | 'incident.escalated' | 'incident.reopened';
  service: string;
  title: string;
  /** Minutes before `at` the incident was created. */
  createdMinAgo: number;
  number: number;
  urgency: 'high' | 'low';
  priority?: string;
  team: string;
  subdomain: string;
}

export function pagerduty(a: PagerDutyArgs): Signal {
  const incidentId = `Q${hex(`${a.title}-inc`, 13).toUpperCase()}`;
  const serviceId = `P${hex(a.service, 6).toUpperCase()}`;
  const base = `https://${a.subdomain}.pagerduty.com`;
  const api = 'https://api.pagerduty.com';
  return {
    source: 'pagerduty',
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-webhook-id': uuid(`${a.title}-wh`) },
    body: {
      event: {
        id: `01${hex(`${a.title}-ev`, 24).toUpperCase()}`,
        event_type: a.eventType,
        resource_type: 'incident',
        occurred_at: new Date(Date.parse(a.at)).toISOString(),
        agent: { html_url: `${base}/service-directory/${serviceId}`, id: serviceId, self: `${api}/services/${serviceId}`, summary: a.service, type: 'service_reference' },
        client: null,
        data: {
          id: incidentId,
          type: 'incident',
          self: `${api}/incidents/${incidentId}`,
          html_url: `${base}/incidents/${incidentId}`,
          number: a.number,
          status: 'triggered',
          incident_key: hex(`${a.title}-key`, 32),
          created_at: new Date(minutes(a.at, -a.createdMinAgo)).toISOString().replace('.000', ''),
          title: a.title,
          service: { html_url: `${base}/service-directory/${serviceId}`, id: serviceId, self: `${api}/services/${serviceId}`, summary: a.service, type: 'service_reference' },
          assignees: [{ html_url: `${base}/users/P${hex(`${a.team}-u`, 6).toUpperCase()}`, id: `P${hex(`${a.team}-u`, 6).toUpperCase()}`, self: `${api}/users/P${hex(`${a.team}-u`, 6).toUpperCase()}`, summary: 'On-call engineer', type: 'user_reference' }],
          escalation_policy: { html_url: `${base}/escalation_policies/P${hex(a.team, 6).toUpperCase()}`, id: `P${hex(a.team, 6).toUpperCase()}`, self: `${api}/escalation_policies/P${hex(a.team, 6).toUpperCase()}`, summary: `${a.team} escalation`, type: 'escalation_policy_reference' },
          teams: [{ html_url: `${base}/teams/P${hex(`${a.team}-t`, 6).toUpperCase()}`, id: `P${hex(`${a.team}-t`, 6).toUpperCase()}`, self: `${api}/teams/P${hex(`${a.team}-t`, 6).toUpperCase()}`, summary: a.team, type: 'team_reference' }],
          priority: a.priority ? { html_url: `${base}/account/incident_priorities`, id: `P${hex(a.priority, 6).toUpperCase()}`, self: `${api}/priorities/P${hex(a.priority, 6).toUpperCase()}`, summary: a.priority, type: 'priority' } : null,
          urgency: a.urgency,
          conference_bridge: null,
          resolve_reason: null,
        },
      },
    },
  };
}

export interface AlarmArgs {
  at: string;
  alarmName: string;
  description: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: string;
  period: number;
  threshold: number;
  comparison: 'GreaterThanThreshold' | 'LessThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanOrEqualToThreshold';
  /** The datapoints that breached, newest first. */
  recent: number[];
  evaluationPeriods: number;
  account: string;
  region: string;
}

const cwStamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

function reason(a: AlarmArgs): string {
  const word: Record<AlarmArgs['comparison'], string> = {
    GreaterThanThreshold: 'greater than',
    LessThanThreshold: 'less than',
    GreaterThanOrEqualToThreshold: 'greater than or equal to',
    LessThanOrEqualToThreshold: 'less than or equal to',
  };
  const stamps = a.recent.map((_, i) => Math.floor(Date.parse(a.at) / (a.period * 1000)) * a.period * 1000 - (i + 1) * a.period * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  /** CloudWatch writes datapoint times as dd/MM/yy HH:mm:ss and values as doubles. */
  const stamp = (ms: number) => {
    const d = new Date(ms);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const double = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));
  const pts = a.recent.map((v, i) => `${double(v)} (${stamp(stamps[i]!)})`).join(', ');
  return `Threshold Crossed: ${a.recent.length} out of the last ${a.evaluationPeriods} datapoints [${pts}] were ${word[a.comparison]} the threshold (${double(a.threshold)}) (minimum ${a.recent.length} datapoints for OK -> ALARM transition).`;
}

export function cloudwatchEvent(a: AlarmArgs): Signal {
  const arn = `arn:aws:cloudwatch:${a.region}:${a.account}:alarm:${a.alarmName}`;
  const atMs = Date.parse(a.at);
  return {
    source: 'cloudwatch',
    headers: { 'content-type': 'application/json' },
    body: {
      version: '0',
      id: uuid(`${a.alarmName}-event`),
      'detail-type': 'CloudWatch Alarm State Change',
      source: 'aws.cloudwatch',
      account: a.account,
      time: iso(atMs),
      region: a.region,
      resources: [arn],
      detail: {
        alarmName: a.alarmName,
        state: {
          value: 'ALARM',
          reason: reason(a),
          reasonData: JSON.stringify({ version: '1.0', queryDate: cwStamp(atMs + 193), statistic: a.stat, period: a.period, recentDatapoints: a.recent, threshold: a.threshold, evaluatedDatapoints: a.recent.map((v, i) => ({ timestamp: cwStamp(Math.floor(atMs / (a.period * 1000)) * a.period * 1000 - (i + 1) * a.period * 1000), sampleCount: 5, value: v })) }),
          timestamp: cwStamp(atMs),
        },
        previousState: { value: 'OK', reason: 'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].', timestamp: cwStamp(atMs - 5 * 86400000) },
        configuration: {
          description: a.description,
          metrics: [{ id: hex(`${a.alarmName}-m`, 8) + '-' + hex(`${a.alarmName}-n`, 4), metricStat: { metric: { namespace: a.namespace, name: a.metricName, dimensions: a.dimensions }, period: a.period, stat: a.stat }, returnData: true }],
        },
      },
    },
  };
}

export function cloudwatchSns(a: AlarmArgs & { topic: string; regionName: string }): Signal {
  const atMs = Date.parse(a.at);
  const arn = `arn:aws:cloudwatch:${a.region}:${a.account}:alarm:${a.alarmName}`;
  const message = {
    AlarmName: a.alarmName,
    AlarmDescription: a.description,
    AWSAccountId: a.account,
    AlarmConfigurationUpdatedTimestamp: cwStamp(atMs - 40 * 86400000),
    NewStateValue: 'ALARM',
    NewStateReason: reason(a),
    StateChangeTime: cwStamp(atMs),
    Region: a.regionName,
    AlarmArn: arn,
    OldStateValue: 'OK',
    OKActions: [`arn:aws:sns:${a.region}:${a.account}:${a.topic}`],
    AlarmActions: [`arn:aws:sns:${a.region}:${a.account}:${a.topic}`],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: a.metricName,
      Namespace: a.namespace,
      StatisticType: 'Statistic',
      Statistic: a.stat.toUpperCase(),
      Unit: null,
      Dimensions: Object.entries(a.dimensions).map(([name, value]) => ({ value, name })),
      Period: a.period,
      EvaluationPeriods: a.evaluationPeriods,
      DatapointsToAlarm: a.recent.length,
      ComparisonOperator: a.comparison,
      Threshold: a.threshold,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  const id = uuid(`${a.alarmName}-sns`);
  return {
    source: 'cloudwatch-sns',
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': id,
      'x-amz-sns-topic-arn': `arn:aws:sns:${a.region}:${a.account}:${a.topic}`,
      'user-agent': 'Amazon Simple Notification Service Agent',
    },
    body: {
      Type: 'Notification',
      MessageId: id,
      TopicArn: `arn:aws:sns:${a.region}:${a.account}:${a.topic}`,
      Subject: `ALARM: "${a.alarmName}" in ${a.regionName}`.slice(0, 100),
      Message: JSON.stringify(message),
      Timestamp: new Date(atMs + 412).toISOString(),
      SignatureVersion: '1',
      Signature: Buffer.from(hex(`${id}-sig`, 96)).toString('base64'),
      SigningCertURL: `https://sns.${a.region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
      UnsubscribeURL: `https://sns.${a.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${a.region}:${a.account}:${a.topic}:${uuid(`${a.topic}-sub`)}`,
    },
  };
}

export interface DatadogArgs {
  at: string;
  transition: 'Triggered' | 'Renotify' | 'Re-Triggered';
  monitorId: number;
  title: string;
  message: string;
  tags: string[];
  scope: string;
  metric: string;
  priority: 'P1' | 'P2' | 'P3';
  /** Minutes before `at` the monitor first triggered. */
  startedMinAgo: number;
  hostname?: string;
}

export function datadog(a: DatadogArgs): Signal {
  const cycle = hex(`${a.monitorId}-cycle`, 16);
  const fired = minutes(a.at, -a.startedMinAgo);
  return {
    source: 'datadog',
    headers: { 'content-type': 'application/json', 'user-agent': 'Datadog/Webhooks' },
    body: {
      id: String(7_000_000_000_000_000_000n + BigInt(seedOf(`${a.title}-${a.at}`))),
      alert_id: String(a.monitorId),
      aggregation_key: hex(`${a.monitorId}-${a.scope}`, 32),
      alert_cycle_key: cycle,
      title: `[${a.transition === 'Renotify' ? 'Triggered' : a.transition} on {${a.scope}}] ${a.title}`,
      message: a.message,
      transition: a.transition,
      alert_type: 'error',
      alert_status: a.transition === 'Renotify' ? `Monitor has been in Alert since ${iso(fired)}` : 'Alert',
      alert_priority: a.priority,
      priority: 'normal',
      tags: a.tags.join(','),
      scope: a.scope,
      hostname: a.hostname ?? '',
      metric: a.metric,
      link: `https://app.datadoghq.com/event/event?id=${seedOf(a.title)}`,
      date: String(Date.parse(a.at)),
      org_id: '1094221',
    },
  };
}

export interface OpsgenieArgs {
  at: string;
  message: string;
  description: string;
  entity?: string;
  tags: string[];
  details: Record<string, string>;
  teams: string[];
  priority: 'P1' | 'P2' | 'P3';
  source: string;
  tinyId: string;
}

export function opsgenie(a: OpsgenieArgs): Signal {
  const atMs = Date.parse(a.at);
  return {
    source: 'opsgenie',
    headers: { 'content-type': 'application/json; charset=UTF-8', 'user-agent': 'Apache-HttpClient/4.5.13 (Java/17.0.9)' },
    body: {
      source: { name: a.source, type: 'API' },
      alert: {
        updatedAt: atMs * 1_000_000 + 166_002,
        tags: a.tags,
        teams: a.teams,
        recipients: a.teams,
        message: a.message,
        username: 'System',
        alertId: uuid(`${a.message}-og`),
        source: a.source,
        alias: hex(`${a.message}-alias`, 40),
        tinyId: a.tinyId,
        createdAt: atMs,
        userId: uuid('system'),
        entity: a.entity ?? '',
        description: a.description,
        details: a.details,
        priority: a.priority,
      },
      action: 'Create',
      integrationId: uuid(`${a.source}-int`),
      integrationName: 'Causeway',
    },
  };
}
