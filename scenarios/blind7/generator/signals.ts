/** Webhook bodies as each sender writes them (formats read from the senders' docs). */
import { epochMs, iso, rngFor, hex, type Sec } from './engine.js';

export interface PromAlertInput {
  at: string;
  labels: Record<string, string>;
  summary: string;
  description?: string;
  startsAt: Sec;
}

export function alertmanager(a: PromAlertInput) {
  const rng = rngFor(a.summary);
  const fp = hex(rng, 16);
  return {
    source: 'alertmanager',
    headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
    body: {
      receiver: 'causeway',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: a.labels,
          annotations: { summary: a.summary, ...(a.description ? { description: a.description } : {}) },
          startsAt: iso(a.at, a.startsAt),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: `http://prometheus.monitoring:9090/graph?g0.expr=${encodeURIComponent(a.labels.alertname ?? '')}`,
          fingerprint: fp,
        },
      ],
      groupLabels: { alertname: a.labels.alertname },
      commonLabels: a.labels,
      commonAnnotations: { summary: a.summary },
      externalURL: 'http://alertmanager.monitoring:9093',
      version: '4',
      groupKey: `{}:{alertname="${a.labels.alertname}"}`,
      truncatedAlerts: 0,
    },
  };
}

export function grafana(a: PromAlertInput & { value: number; title: string }) {
  const rng = rngFor(a.title);
  return {
    source: 'grafana',
    headers: { 'content-type': 'application/json' },
    body: {
      receiver: 'causeway-webhook',
      status: 'firing',
      orgId: 1,
      alerts: [
        {
          status: 'firing',
          labels: { ...a.labels, grafana_folder: 'SLOs' },
          annotations: { summary: a.summary, ...(a.description ? { description: a.description } : {}) },
          startsAt: iso(a.at, a.startsAt),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: `https://grafana.internal/alerting/grafana/${hex(rng, 8)}/view`,
          fingerprint: hex(rng, 16),
          silenceURL: 'https://grafana.internal/alerting/silence/new',
          dashboardURL: '',
          panelURL: '',
          values: { B: a.value, C: 1 },
          valueString: `[ var='B' labels={} value=${a.value} ]`,
        },
      ],
      groupLabels: { alertname: a.labels.alertname },
      commonLabels: a.labels,
      commonAnnotations: {},
      externalURL: 'https://grafana.internal/',
      version: '1',
      groupKey: `{}/{}:{alertname="${a.labels.alertname}"}`,
      truncatedAlerts: 0,
      title: a.title,
      state: 'alerting',
      message: a.summary,
    },
  };
}

export function pagerduty(a: { at: string; created: Sec; title: string; pdService: string; urgency?: string; number: number; priority?: string }) {
  const rng = rngFor(a.title);
  const id = `Q${hex(rng, 13).toUpperCase()}`;
  const svcId = `P${hex(rng, 6).toUpperCase()}`;
  return {
    source: 'pagerduty',
    headers: { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0' },
    body: {
      event: {
        id: `01${hex(rng, 24).toUpperCase()}`,
        event_type: 'incident.triggered',
        resource_type: 'incident',
        occurred_at: iso(a.at, 0).replace('Z', '.000Z'),
        agent: { html_url: `https://acme.pagerduty.com/services/${svcId}`, id: svcId, self: `https://api.pagerduty.com/services/${svcId}`, summary: a.pdService, type: 'service_reference' },
        client: null,
        data: {
          id,
          type: 'incident',
          self: `https://api.pagerduty.com/incidents/${id}`,
          html_url: `https://acme.pagerduty.com/incidents/${id}`,
          number: a.number,
          status: 'triggered',
          incident_key: hex(rng, 32),
          created_at: iso(a.at, a.created),
          title: a.title,
          service: { html_url: `https://acme.pagerduty.com/services/${svcId}`, id: svcId, self: `https://api.pagerduty.com/services/${svcId}`, summary: a.pdService, type: 'service_reference' },
          assignees: [],
          escalation_policy: { id: `P${hex(rng, 6).toUpperCase()}`, summary: `${a.pdService} on-call`, type: 'escalation_policy_reference' },
          teams: [],
          priority: a.priority ? { id: `P${hex(rng, 6).toUpperCase()}`, summary: a.priority, type: 'priority_reference' } : null,
          urgency: a.urgency ?? 'high',
          conference_bridge: null,
          resolve_reason: null,
        },
      },
    },
  };
}

export function datadog(a: { at: string; date: Sec; title: string; message: string; tags: string[]; scope: string; metric: string; priority?: string; hostname?: string }) {
  const rng = rngFor(a.title);
  const alertId = String(10000000 + Math.floor(rng() * 89999999));
  return {
    source: 'datadog',
    headers: { 'content-type': 'application/json' },
    body: {
      id: String(Math.floor(rng() * 9e18)),
      alert_id: alertId,
      aggregation_key: hex(rng, 32),
      alert_cycle_key: String(Math.floor(rng() * 9e15)),
      title: `[Triggered on {${a.scope}}] ${a.title}`,
      message: a.message,
      transition: 'Triggered',
      alert_type: 'error',
      alert_status: a.title,
      alert_priority: a.priority ?? 'P2',
      priority: 'normal',
      tags: a.tags.join(','),
      scope: a.scope,
      hostname: a.hostname ?? '',
      metric: a.metric,
      link: `https://app.datadoghq.com/event/event?id=${alertId}`,
      date: String(epochMs(a.at, a.date)),
      org_id: '482913',
    },
  };
}

export function opsgenie(a: { at: string; created: Sec; message: string; entity?: string; tags: string[]; details: Record<string, string>; priority?: string; description?: string; source?: string }) {
  const rng = rngFor(a.message);
  const alertId = `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}-${1700000000000 + Math.floor(rng() * 1e9)}`;
  return {
    source: 'opsgenie',
    headers: { 'content-type': 'application/json' },
    body: {
      action: 'Create',
      alert: {
        alertId,
        message: a.message,
        tags: a.tags,
        tinyId: String(100 + Math.floor(rng() * 9000)),
        entity: a.entity ?? '',
        alias: hex(rng, 24),
        createdAt: epochMs(a.at, a.created),
        updatedAt: epochMs(a.at, 0) * 1e6,
        username: 'System',
        userId: '',
        description: a.description ?? '',
        team: '',
        responders: [],
        teams: [],
        actions: [],
        details: a.details,
        source: a.source ?? 'Prometheus',
        priority: a.priority ?? 'P2',
      },
      source: { name: '', type: 'api' },
      integrationName: 'Causeway webhook',
      integrationId: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      integrationType: 'Webhook',
    },
  };
}

export interface AlarmInput {
  at: string;
  account: string;
  region: string;
  alarmName: string;
  description: string;
  namespace: string;
  metric: string;
  dims: Record<string, string>;
  stat: string;
  period: number;
  threshold: number;
  comparison: string;
  reason: string;
  /** When the alarm entered ALARM (the notification is sent at `at`). */
  changed: Sec;
  tags?: Record<string, string>;
}

export function cloudwatchEvent(a: AlarmInput) {
  const rng = rngFor(a.alarmName);
  return {
    source: 'cloudwatch',
    body: {
      version: '0',
      id: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      'detail-type': 'CloudWatch Alarm State Change',
      source: 'aws.cloudwatch',
      account: a.account,
      time: iso(a.at, 0),
      region: a.region,
      resources: [`arn:aws:cloudwatch:${a.region}:${a.account}:alarm:${a.alarmName}`],
      detail: {
        alarmName: a.alarmName,
        state: { value: 'ALARM', reason: a.reason, timestamp: iso(a.at, a.changed).replace('Z', '.000+0000') },
        previousState: { value: 'OK', reason: 'Threshold Crossed: no datapoints were breaching the threshold', timestamp: iso(a.at, a.changed - 86400 * 3).replace('Z', '.000+0000') },
        configuration: {
          description: a.description,
          metrics: [
            {
              id: hex(rng, 8),
              metricStat: { metric: { namespace: a.namespace, name: a.metric, dimensions: a.dims }, period: a.period, stat: a.stat },
              returnData: true,
            },
          ],
        },
        ...(a.tags ? { alarmTags: a.tags } : {}),
      },
    },
  };
}

export function cloudwatchSns(a: AlarmInput) {
  const rng = rngFor(a.alarmName);
  const message = {
    AlarmName: a.alarmName,
    AlarmDescription: a.description,
    AWSAccountId: a.account,
    AlarmConfigurationUpdatedTimestamp: iso(a.at, -86400 * 40).replace('Z', '.000+0000'),
    NewStateValue: 'ALARM',
    NewStateReason: a.reason,
    StateChangeTime: iso(a.at, a.changed).replace('Z', '.000+0000'),
    Region: a.region,
    AlarmArn: `arn:aws:cloudwatch:${a.region}:${a.account}:alarm:${a.alarmName}`,
    OldStateValue: 'OK',
    OKActions: [],
    AlarmActions: [`arn:aws:sns:${a.region}:${a.account}:oncall-alarms`],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: a.metric,
      Namespace: a.namespace,
      StatisticType: 'Statistic',
      Statistic: a.stat.toUpperCase(),
      Unit: null,
      Dimensions: Object.entries(a.dims).map(([name, value]) => ({ value, name })),
      Period: a.period,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      ComparisonOperator: a.comparison,
      Threshold: a.threshold,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  return {
    source: 'cloudwatch-sns',
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
    body: {
      Type: 'Notification',
      MessageId: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      TopicArn: `arn:aws:sns:${a.region}:${a.account}:oncall-alarms`,
      Subject: `ALARM: "${a.alarmName}" in ${a.region}`.slice(0, 100),
      Message: JSON.stringify(message),
      Timestamp: iso(a.at, 0).replace('Z', '.000Z'),
      SignatureVersion: '1',
      Signature: Buffer.from(hex(rng, 64)).toString('base64'),
      SigningCertURL: `https://sns.${a.region}.amazonaws.com/SimpleNotificationService-${hex(rng, 32)}.pem`,
      UnsubscribeURL: `https://sns.${a.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${a.region}:${a.account}:oncall-alarms:${hex(rng, 8)}`,
    },
  };
}
