import type { Builder, Signal, Time } from './builder.js';
import { cloudwatchReasonStamp, cloudwatchStamp, iso, sec } from './time.js';

/*
 * Alert bodies exactly as each sender posts them (field names, nesting, time formats),
 * from the senders' public documentation: Alertmanager webhook v4, Grafana unified alerting
 * webhook contact point, PagerDuty webhooks v3, CloudWatch "CloudWatch Alarm State Change"
 * events on EventBridge, SNS HTTP notifications carrying CloudWatch's alarm JSON, a Datadog
 * webhook with Causeway's documented template, Opsgenie webhook alert action data.
 * Credentials (tokens, signatures that would verify) are never part of a scenario.
 */

const ZERO_TIME = '0001-01-01T00:00:00Z';

function labelString(labels: Record<string, string>, keys: readonly string[]): string {
  return keys.filter((k) => labels[k] !== undefined).map((k) => `${k}=${JSON.stringify(labels[k])}`).join(', ');
}

/** RFC 3339 with nanoseconds, as Go's time.Time marshals (Alertmanager, Grafana). */
function goTime(b: Builder, t: Time): string {
  const base = iso(b.atMs, sec(t), true).replace('Z', '');
  return `${base}${String(b.rng.int(0, 999999)).padStart(6, '0')}Z`;
}

export interface PromAlertIn {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Time;
  status?: 'firing' | 'resolved';
  values?: Record<string, number>;
}

function common(alerts: PromAlertIn[], pick: 'labels' | 'annotations'): Record<string, string> {
  const first = alerts[0]![pick];
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => alerts.every((a) => a[pick][k] === v)));
}

/** Prometheus Alertmanager `webhook_configs` payload, version 4. */
export function alertmanager(b: Builder, spec: { receiver: string; groupBy: string[]; alerts: PromAlertIn[]; externalURL: string; generatorURL: string; version?: string }): Signal {
  const commonLabels = common(spec.alerts, 'labels');
  const groupLabels = Object.fromEntries(spec.groupBy.filter((k) => commonLabels[k] !== undefined).map((k) => [k, commonLabels[k]!]));
  return {
    source: 'alertmanager',
    headers: { 'content-type': 'application/json', 'user-agent': `Alertmanager/${spec.version ?? '0.27.0'}` },
    body: {
      receiver: spec.receiver,
      status: spec.alerts.some((a) => (a.status ?? 'firing') === 'firing') ? 'firing' : 'resolved',
      alerts: spec.alerts.map((a) => ({
        status: a.status ?? 'firing',
        labels: a.labels,
        annotations: a.annotations,
        startsAt: goTime(b, a.startsAt),
        endsAt: ZERO_TIME,
        generatorURL: `${spec.generatorURL}/graph?g0.expr=${encodeURIComponent(a.annotations['expr'] ?? a.labels['alertname'] ?? '')}&g0.tab=1`,
        fingerprint: b.rng.hex(16),
      })),
      groupLabels,
      commonLabels,
      commonAnnotations: common(spec.alerts, 'annotations'),
      externalURL: spec.externalURL,
      version: '4',
      groupKey: `{}/{${labelString(commonLabels, ['severity', 'team'].filter((k) => !spec.groupBy.includes(k)))}}:{${labelString(groupLabels, spec.groupBy)}}`,
      truncatedAlerts: 0,
    },
  };
}

/** Grafana unified alerting webhook contact point (payload version "1"). */
export function grafana(b: Builder, spec: { receiver: string; orgId?: number; baseUrl: string; folder: string; groupBy: string[]; alerts: PromAlertIn[]; version?: string }): Signal {
  const alerts = spec.alerts.map((a) => ({ ...a, labels: { alertname: a.labels['alertname'] ?? 'alert', grafana_folder: spec.folder, ...a.labels } }));
  const commonLabels = common(alerts, 'labels');
  const groupLabels = Object.fromEntries(spec.groupBy.filter((k) => commonLabels[k] !== undefined).map((k) => [k, commonLabels[k]!]));
  const firing = alerts.filter((a) => (a.status ?? 'firing') === 'firing').length;
  const title = `[FIRING:${firing}] ${Object.values(groupLabels).join(' ')}`;
  const body = {
    receiver: spec.receiver,
    status: firing ? 'firing' : 'resolved',
    orgId: spec.orgId ?? 1,
    alerts: alerts.map((a) => {
      const uid = b.rng.hex(14);
      const matchers = Object.entries(a.labels).map(([k, v]) => `${k}%3D${encodeURIComponent(v)}`).join('&matcher=');
      return {
        status: a.status ?? 'firing',
        labels: a.labels,
        annotations: a.annotations,
        startsAt: goTime(b, a.startsAt),
        endsAt: ZERO_TIME,
        generatorURL: `${spec.baseUrl}/alerting/grafana/${uid}/view?orgId=${spec.orgId ?? 1}`,
        fingerprint: b.rng.hex(16),
        silenceURL: `${spec.baseUrl}/alerting/silence/new?alertmanager=grafana&matcher=${matchers}&orgId=${spec.orgId ?? 1}`,
        dashboardURL: a.annotations['__dashboardUid__'] ? `${spec.baseUrl}/d/${a.annotations['__dashboardUid__']}?orgId=${spec.orgId ?? 1}` : '',
        panelURL: a.annotations['__dashboardUid__'] && a.annotations['__panelId__'] ? `${spec.baseUrl}/d/${a.annotations['__dashboardUid__']}?orgId=${spec.orgId ?? 1}&viewPanel=${a.annotations['__panelId__']}` : '',
        values: a.values ?? null,
        valueString: Object.entries(a.values ?? {}).map(([k, v]) => `[ var='${k}' labels={${Object.entries(a.labels).filter(([key]) => !['alertname', 'grafana_folder', 'severity', 'team'].includes(key)).map(([key, value]) => `${key}=${value}`).join(', ')}} value=${v} ]`).join(', '),
      };
    }),
    groupLabels,
    commonLabels,
    commonAnnotations: common(alerts, 'annotations'),
    externalURL: `${spec.baseUrl}/`,
    version: '1',
    groupKey: `{}/{__grafana_autogenerated__="true"}/{__grafana_receiver__="${spec.receiver}"}:{${labelString(groupLabels, spec.groupBy)}}`,
    truncatedAlerts: 0,
    title,
    state: firing ? 'alerting' : 'ok',
    message: alerts
      .map((a) => `**Firing**\n\nValue: ${Object.entries(a.values ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}\nLabels:\n${Object.entries(a.labels).map(([k, v]) => ` - ${k} = ${v}`).join('\n')}\nAnnotations:\n${Object.entries(a.annotations).filter(([k]) => !k.startsWith('__')).map(([k, v]) => ` - ${k} = ${v}`).join('\n')}`)
      .join('\n\n'),
  };
  return { source: 'grafana', headers: { 'content-type': 'application/json', 'user-agent': `Grafana/${spec.version ?? '11.3.1'}` }, body };
}

const PD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
function pdId(b: Builder, length = 7): string {
  let out = 'P';
  for (let i = 1; i < length; i += 1) out += PD_ALPHABET[b.rng.int(0, PD_ALPHABET.length - 1)];
  return out;
}

/** PagerDuty webhooks v3: one incident event per delivery. */
export function pagerduty(
  b: Builder,
  spec: {
    eventType: 'incident.triggered' | 'incident.escalated' | 'incident.reopened' | 'incident.priority_updated' | 'incident.acknowledged';
    occurredAt: Time;
    subdomain: string;
    incident: { number: number; title: string; service: string; createdAt: Time; urgency: 'high' | 'low'; priority?: string; escalationPolicy: string; teams: string[]; status?: string; incidentKey?: string; assignee: string };
    agent?: { type: 'user_reference' | 'service_reference'; summary: string };
  },
): Signal {
  const host = `https://${spec.subdomain}.pagerduty.com`;
  const ref = (type: string, path: string, api: string, summary: string, id = pdId(b)) => ({ html_url: `${host}/${path}/${id}`, id, self: `https://api.pagerduty.com/${api}/${id}`, summary, type });
  const incidentId = `Q${pdId(b, 13).slice(1)}`;
  const service = ref('service_reference', 'service-directory', 'services', spec.incident.service);
  const agent = spec.agent ? (spec.agent.type === 'service_reference' ? { ...service } : ref('user_reference', 'users', 'users', spec.agent.summary)) : null;
  return {
    source: 'pagerduty',
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-webhook-id': b.rng.uuid(), 'x-webhook-subscription': pdId(b) },
    body: {
      event: {
        id: `01${b.rng.hex(24).toUpperCase()}`,
        event_type: spec.eventType,
        resource_type: 'incident',
        occurred_at: iso(b.atMs, sec(spec.occurredAt), true),
        agent,
        client: null,
        data: {
          id: incidentId,
          type: 'incident',
          self: `https://api.pagerduty.com/incidents/${incidentId}`,
          html_url: `${host}/incidents/${incidentId}`,
          number: spec.incident.number,
          status: spec.incident.status ?? 'triggered',
          incident_key: spec.incident.incidentKey ?? b.rng.hex(32),
          created_at: iso(b.atMs, sec(spec.incident.createdAt)),
          title: spec.incident.title,
          service,
          assignees: [ref('user_reference', 'users', 'users', spec.incident.assignee)],
          escalation_policy: ref('escalation_policy_reference', 'escalation_policies', 'escalation_policies', spec.incident.escalationPolicy),
          teams: spec.incident.teams.map((team) => ref('team_reference', 'teams', 'teams', team)),
          priority: spec.incident.priority ? ref('priority_reference', 'account/incident_priorities', 'priorities', spec.incident.priority) : null,
          urgency: spec.incident.urgency,
          conference_bridge: null,
          resolve_reason: null,
        },
      },
    },
  };
}

export interface AlarmIn {
  alarmName: string;
  description: string;
  account: string;
  region: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'p99' | 'p95' | 'SampleCount';
  period: number;
  threshold: number;
  comparison: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  /** The datapoints that breached, newest first, as the state reason lists them. */
  datapoints: number[];
  /** When the alarm went into ALARM. */
  stateAt: Time;
  previousStateAt: Time;
  tags?: Record<string, string>;
  unit?: string;
  treatMissingData?: 'missing' | 'notBreaching' | 'breaching' | 'ignore';
}

const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
};

const COMPARISON_WORDS: Record<AlarmIn['comparison'], string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** Seconds from `at` of the start of the i-th evaluated period before the state change (0 = newest). */
function periodStart(b: Builder, a: AlarmIn, i: number): number {
  const atS = b.atMs / 1000;
  return Math.floor((atS + sec(a.stateAt)) / a.period) * a.period - atS - a.period * (i + 1);
}

function alarmReason(b: Builder, a: AlarmIn): string {
  const points = a.datapoints.map((v, i) => `${v} (${cloudwatchReasonStamp(b.atMs, periodStart(b, a, i))})`);
  const n = a.datapoints.length;
  return `Threshold Crossed: ${n} out of the last ${n} datapoints [${points.join(', ')}] ${n === 1 ? 'was' : 'were'} ${COMPARISON_WORDS[a.comparison]} the threshold (${a.threshold.toFixed(1)}) (minimum ${n} datapoint${n === 1 ? '' : 's'} for OK -> ALARM transition).`;
}

function alarmArn(a: AlarmIn): string {
  return `arn:aws:cloudwatch:${a.region}:${a.account}:alarm:${a.alarmName}`;
}

/** CloudWatch "CloudWatch Alarm State Change" event as EventBridge delivers it. */
export function cloudwatchEvent(b: Builder, a: AlarmIn): Signal {
  const stateT = sec(a.stateAt);
  const reasonData = {
    version: '1.0',
    queryDate: cloudwatchStamp(b.atMs, stateT - 0.5),
    startDate: cloudwatchStamp(b.atMs, stateT - a.period * a.datapoints.length - 5),
    statistic: a.stat,
    period: a.period,
    recentDatapoints: [...a.datapoints].reverse(),
    threshold: a.threshold,
    evaluatedDatapoints: a.datapoints.map((value, i) => ({ timestamp: cloudwatchStamp(b.atMs, periodStart(b, a, i)), sampleCount: 5, value })),
  };
  return {
    source: 'cloudwatch',
    body: {
      version: '0',
      id: b.rng.uuid(),
      'detail-type': 'CloudWatch Alarm State Change',
      source: 'aws.cloudwatch',
      account: a.account,
      time: iso(b.atMs, stateT),
      region: a.region,
      resources: [alarmArn(a)],
      detail: {
        alarmName: a.alarmName,
        state: { value: 'ALARM', reason: alarmReason(b, a), reasonData: JSON.stringify(reasonData), timestamp: cloudwatchStamp(b.atMs, stateT) },
        previousState: {
          value: 'OK',
          reason: `Threshold Crossed: 1 datapoint was not ${COMPARISON_WORDS[a.comparison]} the threshold (${a.threshold.toFixed(1)}).`,
          timestamp: cloudwatchStamp(b.atMs, sec(a.previousStateAt)),
        },
        configuration: {
          description: a.description,
          metrics: [{ id: b.rng.uuid(), metricStat: { metric: { namespace: a.namespace, name: a.metricName, dimensions: a.dimensions }, period: a.period, stat: a.stat }, returnData: true }],
        },
        ...(a.tags ? { alarmTags: a.tags, alarmTagsStatus: 'OK' } : {}),
      },
    },
  };
}

/** An SNS HTTP(S) Notification whose Message is the alarm JSON CloudWatch publishes to a topic. */
export function cloudwatchSns(b: Builder, a: AlarmIn & { topic: string; evaluationPeriods?: number }): Signal {
  const stateT = sec(a.stateAt);
  const topicArn = `arn:aws:sns:${a.region}:${a.account}:${a.topic}`;
  const message = {
    AlarmName: a.alarmName,
    AlarmDescription: a.description,
    AWSAccountId: a.account,
    AlarmConfigurationUpdatedTimestamp: cloudwatchStamp(b.atMs, -86400 * b.rng.int(20, 400)),
    NewStateValue: 'ALARM',
    NewStateReason: alarmReason(b, a),
    StateChangeTime: cloudwatchStamp(b.atMs, stateT),
    Region: REGION_NAMES[a.region] ?? a.region,
    AlarmArn: alarmArn(a),
    OldStateValue: 'OK',
    OKActions: [topicArn],
    AlarmActions: [topicArn],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: a.metricName,
      Namespace: a.namespace,
      StatisticType: a.stat.startsWith('p') ? 'ExtendedStatistic' : 'Statistic',
      ...(a.stat.startsWith('p') ? { ExtendedStatistic: a.stat } : { Statistic: a.stat.toUpperCase() === 'SAMPLECOUNT' ? 'SAMPLE_COUNT' : a.stat.toUpperCase() }),
      Unit: a.unit ?? null,
      Dimensions: Object.entries(a.dimensions).map(([name, value]) => ({ value, name })),
      Period: a.period,
      EvaluationPeriods: a.evaluationPeriods ?? a.datapoints.length,
      DatapointsToAlarm: a.datapoints.length,
      ComparisonOperator: a.comparison,
      Threshold: a.threshold,
      TreatMissingData: a.treatMissingData ?? 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  const messageId = b.rng.uuid();
  const subscription = `${topicArn}:${b.rng.uuid()}`;
  const signature = Buffer.from(Array.from({ length: 256 }, () => b.rng.int(0, 255))).toString('base64');
  return {
    source: 'cloudwatch-sns',
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': topicArn,
      'x-amz-sns-subscription-arn': subscription,
    },
    body: {
      Type: 'Notification',
      MessageId: messageId,
      TopicArn: topicArn,
      Subject: `ALARM: "${a.alarmName}" in ${REGION_NAMES[a.region] ?? a.region}`.slice(0, 100),
      Message: JSON.stringify(message),
      Timestamp: iso(b.atMs, stateT + 0.4, true),
      SignatureVersion: '1',
      Signature: signature,
      SigningCertURL: `https://sns.${a.region}.amazonaws.com/SimpleNotificationService-${b.rng.hex(32)}.pem`,
      UnsubscribeURL: `https://sns.${a.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
    },
  };
}

/** A Datadog monitor webhook with the payload template Causeway documents (every value a template variable). */
export function datadog(
  b: Builder,
  spec: { monitorId: number; monitorName: string; scope: string[]; tags: string[]; message: string; transition: 'Triggered' | 'Re-Triggered' | 'Renotify' | 'Warn'; priority?: 'P1' | 'P2' | 'P3' | 'P4'; metric: string; hostname?: string; triggeredAt: Time; orgId: number; site?: string },
): Signal {
  const site = spec.site ?? 'app.datadoghq.com';
  const eventId = String(7000000000000000000 + b.rng.int(0, 999999999) * 1000);
  const scopeText = spec.scope.join(',');
  const titleWord = spec.transition === 'Warn' ? 'Warn' : spec.transition === 'Re-Triggered' || spec.transition === 'Renotify' ? 'Re-Triggered' : 'Triggered';
  return {
    source: 'datadog',
    headers: { 'content-type': 'application/json' },
    body: {
      id: eventId,
      alert_id: String(spec.monitorId),
      aggregation_key: b.rng.hex(32),
      alert_cycle_key: String(b.rng.int(100000000, 999999999)) + String(b.rng.int(100000000, 999999999)),
      title: `[${titleWord} on {${scopeText}}] ${spec.monitorName}`,
      message: spec.message,
      transition: spec.transition,
      alert_type: spec.transition === 'Warn' ? 'warning' : 'error',
      alert_status: `${spec.monitorName} (${spec.transition === 'Warn' ? 'Warn' : 'Alert'})`,
      alert_priority: spec.priority ?? '',
      priority: 'normal',
      tags: spec.tags.join(','),
      scope: scopeText,
      hostname: spec.hostname ?? '',
      metric: spec.metric,
      link: `https://${site}/event/event?id=${eventId}`,
      date: String(b.atMs + Math.round(sec(spec.triggeredAt) * 1000)),
      org_id: String(spec.orgId),
    },
  };
}

/** Opsgenie webhook integration: the alert action data of one action. */
export function opsgenie(
  b: Builder,
  spec: {
    action: 'Create' | 'Escalate' | 'EscalateToNext';
    actionAt: Time;
    createdAt: Time;
    message: string;
    alias: string;
    entity: string;
    source: string;
    tags: string[];
    teams: string[];
    priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
    description?: string;
    details?: Record<string, string>;
    integrationName: string;
    escalation?: { name: string; notify: string };
    tinyId: number;
  },
): Signal {
  const updatedNs = BigInt(b.atMs + Math.round(sec(spec.actionAt) * 1000)) * 1000000n + BigInt(b.rng.int(0, 999999));
  const isCreate = spec.action === 'Create';
  const alert: Record<string, unknown> = {
    updatedAt: Number(updatedNs),
    tags: spec.tags,
    teams: spec.teams.map(() => b.rng.uuid()),
    recipients: [b.rng.uuid()],
    message: spec.message,
    username: isCreate ? spec.integrationName : 'System',
    alertId: b.rng.uuid(),
    source: spec.source,
    alias: spec.alias,
    tinyId: String(spec.tinyId),
    createdAt: b.atMs + Math.round(sec(spec.createdAt) * 1000),
    userId: b.rng.uuid(),
    entity: spec.entity,
    priority: spec.priority,
  };
  if (isCreate) {
    alert['description'] = spec.description ?? '';
    alert['details'] = spec.details ?? {};
  }
  const body: Record<string, unknown> = {
    source: { name: isCreate ? spec.integrationName : '', type: isCreate ? 'API' : 'system' },
    alert,
    action: spec.action,
    integrationId: b.rng.uuid(),
    integrationName: 'Causeway webhook',
    integrationType: 'Webhook',
  };
  if (spec.escalation) {
    body['escalationId'] = b.rng.uuid();
    body['escalationName'] = spec.escalation.name;
    body['escalationNotify'] = { entity: 'schedule', id: b.rng.uuid(), type: 'schedule', name: spec.escalation.notify };
    body['escalationTime'] = Number(updatedNs / 1000000n) - (b.atMs + Math.round(sec(spec.createdAt) * 1000));
  }
  return { source: 'opsgenie', headers: { 'content-type': 'application/json' }, body };
}
