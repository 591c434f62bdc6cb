import type { Random } from './random.js';

/** What on-call is paged with, independent of the sender; each builder writes it the way its sender does. */
export interface AlertSpec {
  /** The service the alert is about, as the sender names it. */
  service: string;
  title: string;
  description: string;
  /** Seconds relative to the scenario's `at` when the alert started firing (0 or negative). */
  startedAt: number;
  severity: 'critical' | 'high' | 'warning';
  labels?: Record<string, string>;
  team?: string;
  /** CloudWatch alarms only: the metric the alarm watches. */
  cloudwatch?: {
    namespace: string;
    metricName: string;
    dimensions: Record<string, string>;
    statistic: string;
    threshold: number;
    /** The datapoint that crossed the threshold; the generator reads it from the alarmed series. */
    observed?: number;
    comparison: 'GreaterThanThreshold' | 'LessThanThreshold' | 'GreaterThanOrEqualToThreshold';
    region: string;
  };
}

export type SignalSourceName = 'alertmanager' | 'pagerduty' | 'cloudwatch' | 'cloudwatch-sns' | 'grafana' | 'datadog' | 'opsgenie' | 'generic';

export interface BuiltSignal {
  source: SignalSourceName;
  headers?: Record<string, string>;
  body: unknown;
}

const ACCOUNT = '318204776512';
const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
};

function uuid(rng: Random): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** CloudWatch writes times as `2026-12-07T04:10:12.345+0000`. */
function awsTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** CloudWatch's reason text, including the datapoint time as `(07/12/26 04:05:00)`. */
function alarmReason(spec: AlertSpec, startMs: number): string {
  const cw = spec.cloudwatch!;
  const point = new Date(startMs - (startMs % 300000) - 300000);
  const stamp = `${String(point.getUTCDate()).padStart(2, '0')}/${String(point.getUTCMonth() + 1).padStart(2, '0')}/${String(point.getUTCFullYear()).slice(2)} ${String(point.getUTCHours()).padStart(2, '0')}:${String(point.getUTCMinutes()).padStart(2, '0')}:00`;
  const op = cw.comparison === 'LessThanThreshold' ? 'less than' : cw.comparison === 'GreaterThanOrEqualToThreshold' ? 'greater than or equal to' : 'greater than';
  return `Threshold Crossed: 1 out of the last 1 datapoints [${cw.observed} (${stamp})] was ${op} the threshold (${cw.threshold}) (minimum 1 datapoint for OK -> ALARM transition).`;
}

function alarmArn(spec: AlertSpec): string {
  return `arn:aws:cloudwatch:${spec.cloudwatch!.region}:${ACCOUNT}:alarm:${spec.title}`;
}

function alertmanager(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  const labels = { alertname: spec.title, service: spec.service, severity: spec.severity, ...spec.labels };
  const annotations = { summary: spec.description.split('. ')[0]!, description: spec.description, runbook_url: `https://runbooks.internal/${spec.title}` };
  const groupLabels = { alertname: spec.title, service: spec.service };
  return {
    source: 'alertmanager',
    headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
    body: {
      receiver: 'causeway',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels,
          annotations,
          startsAt: new Date(startMs).toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: `http://prometheus-k8s-0:9090/graph?g0.expr=${encodeURIComponent(`job="${spec.service}"`)}&g0.tab=1`,
          fingerprint: rng.hex(16),
        },
      ],
      groupLabels,
      commonLabels: labels,
      commonAnnotations: annotations,
      externalURL: 'http://alertmanager-main-0:9093',
      version: '4',
      groupKey: `{}/{severity=~"critical|high"}:{alertname="${spec.title}", service="${spec.service}"}`,
      truncatedAlerts: 0,
    },
  };
}

function grafana(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  const folder = spec.team ?? 'platform';
  const labels = { alertname: spec.title, grafana_folder: folder, service: spec.service, severity: spec.severity, ...spec.labels };
  const annotations = { summary: spec.description.split('. ')[0]!, description: spec.description };
  const uid = rng.hex(14);
  const value = Number((rng.between(1.2, 3) * 100).toFixed(2));
  return {
    source: 'grafana',
    headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
    body: {
      receiver: 'causeway',
      status: 'firing',
      orgId: 1,
      alerts: [
        {
          status: 'firing',
          labels,
          annotations,
          startsAt: new Date(startMs).toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: `https://grafana.internal/alerting/grafana/${uid}/view?orgId=1`,
          fingerprint: rng.hex(16),
          silenceURL: `https://grafana.internal/alerting/silence/new?alertmanager=grafana&matcher=alertname%3D${encodeURIComponent(spec.title)}&orgId=1`,
          dashboardURL: `https://grafana.internal/d/${uid.slice(0, 9)}?orgId=1`,
          panelURL: `https://grafana.internal/d/${uid.slice(0, 9)}?orgId=1&viewPanel=4`,
          values: { B: value, C: 1 },
          valueString: `[ var='B' labels={service=${spec.service}} value=${value} ], [ var='C' labels={service=${spec.service}} value=1 ]`,
        },
      ],
      groupLabels: { alertname: spec.title, grafana_folder: folder },
      commonLabels: labels,
      commonAnnotations: annotations,
      externalURL: 'https://grafana.internal/',
      version: '1',
      groupKey: `{}/{__grafana_autogenerated__="true"}/{__grafana_receiver__="causeway"}:{alertname="${spec.title}", grafana_folder="${folder}"}`,
      truncatedAlerts: 0,
      title: `[FIRING:1] ${spec.title} ${folder} (${spec.service} ${spec.severity})`,
      state: 'alerting',
      message: `**Firing**\n\nValue: B=${value}, C=1\nLabels:\n - alertname = ${spec.title}\n - service = ${spec.service}\nAnnotations:\n - summary = ${annotations.summary}\n`,
    },
  };
}

function datadog(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  const monitorId = String(rng.int(10000000, 99999999));
  const tags = [`env:prod`, `service:${spec.service}`, `team:${spec.team ?? 'core'}`, ...Object.entries(spec.labels ?? {}).map(([k, v]) => `${k}:${v}`)];
  return {
    source: 'datadog',
    headers: { 'content-type': 'application/json', 'user-agent': 'Datadog Webhook' },
    body: {
      id: String(rng.int(1000000000, 9999999999)) + rng.int(100000000, 999999999),
      alert_id: monitorId,
      aggregation_key: rng.hex(32),
      alert_cycle_key: String(rng.int(1000000000, 9999999999)),
      title: `[Triggered on {service:${spec.service}}] ${spec.title}`,
      message: `${spec.description} @webhook-causeway @slack-oncall`,
      transition: 'Triggered',
      alert_type: 'error',
      alert_status: `${spec.title} - service:${spec.service}`,
      alert_priority: spec.severity === 'critical' ? 'P1' : spec.severity === 'high' ? 'P2' : 'P3',
      priority: 'normal',
      tags: tags.join(','),
      scope: `service:${spec.service}`,
      hostname: '',
      metric: spec.labels?.['metric'] ?? 'trace.http.request.errors',
      link: `https://app.datadoghq.com/event/event?id=${monitorId}`,
      date: String(startMs),
      org_id: '413987',
    },
  };
}

function pagerduty(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  const incidentId = `Q${rng.hex(13).toUpperCase()}`;
  const serviceId = `P${rng.hex(6).toUpperCase()}`;
  const at = new Date(startMs).toISOString();
  return {
    source: 'pagerduty',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PagerDuty-Webhook/V3.0',
      'x-pagerduty-signature': `v1=${rng.hex(64)}`,
      'x-webhook-id': uuid(rng),
      'x-webhook-subscription': `P${rng.hex(6).toUpperCase()}`,
    },
    body: {
      event: {
        id: `01${rng.hex(24).toUpperCase()}`,
        event_type: 'incident.triggered',
        resource_type: 'incident',
        occurred_at: at,
        agent: { html_url: `https://acme-ops.pagerduty.com/services/${serviceId}`, id: serviceId, self: `https://api.pagerduty.com/services/${serviceId}`, summary: spec.service, type: 'service_reference' },
        client: null,
        data: {
          id: incidentId,
          type: 'incident',
          self: `https://api.pagerduty.com/incidents/${incidentId}`,
          html_url: `https://acme-ops.pagerduty.com/incidents/${incidentId}`,
          number: rng.int(2000, 9000),
          status: 'triggered',
          incident_key: rng.hex(32),
          created_at: at,
          title: spec.title,
          service: { html_url: `https://acme-ops.pagerduty.com/services/${serviceId}`, id: serviceId, self: `https://api.pagerduty.com/services/${serviceId}`, summary: spec.service, type: 'service_reference' },
          assignees: [{ html_url: 'https://acme-ops.pagerduty.com/users/PXPGF42', id: 'PXPGF42', self: 'https://api.pagerduty.com/users/PXPGF42', summary: 'On-call Primary', type: 'user_reference' }],
          escalation_policy: { html_url: 'https://acme-ops.pagerduty.com/escalation_policies/PUS0KTE', id: 'PUS0KTE', self: 'https://api.pagerduty.com/escalation_policies/PUS0KTE', summary: `${spec.team ?? 'core'}-primary`, type: 'escalation_policy_reference' },
          teams: [{ html_url: 'https://acme-ops.pagerduty.com/teams/PFCVPS0', id: 'PFCVPS0', self: 'https://api.pagerduty.com/teams/PFCVPS0', summary: spec.team ?? 'core', type: 'team_reference' }],
          priority: { html_url: 'https://acme-ops.pagerduty.com/account/incident_priorities', id: 'PSO4S4G', self: 'https://api.pagerduty.com/priorities/PSO4S4G', summary: spec.severity === 'critical' ? 'P1' : 'P2', type: 'priority' },
          urgency: 'high',
          conference_bridge: null,
          resolve_reason: null,
        },
      },
    },
  };
}

function opsgenie(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  return {
    source: 'opsgenie',
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Apache-HttpClient/4.5.13 (Java/17.0.7)' },
    body: {
      action: 'Create',
      alert: {
        alertId: uuid(rng),
        message: spec.title,
        tags: ['prod', spec.team ?? 'core', ...Object.entries(spec.labels ?? {}).map(([k, v]) => `${k}:${v}`)],
        tinyId: String(rng.int(1000, 99999)),
        entity: spec.service,
        alias: `${spec.service}-${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        createdAt: startMs,
        updatedAt: (startMs + 180) * 1000000,
        username: 'System',
        userId: '',
        description: spec.description,
        team: '',
        responders: [{ id: uuid(rng), type: 'team', name: spec.team ?? 'core' }],
        teams: [uuid(rng)],
        actions: [],
        details: { service: spec.service, environment: 'production' },
        priority: spec.severity === 'critical' ? 'P1' : spec.severity === 'high' ? 'P2' : 'P3',
        source: 'Prometheus',
      },
      source: { name: '', type: 'api' },
      integrationName: 'Causeway Webhook',
      integrationId: uuid(rng),
      integrationType: 'Webhook',
    },
  };
}

function generic(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  return {
    source: 'generic',
    headers: { 'content-type': 'application/json', 'user-agent': 'python-requests/2.31.0' },
    body: {
      title: spec.title,
      status: 'firing',
      severity: spec.severity,
      service: spec.service,
      environment: 'prod',
      startedAt: new Date(startMs).toISOString(),
      description: spec.description,
      dedupKey: `${spec.service}-${rng.hex(8)}`,
      labels: { team: spec.team ?? 'core', ...spec.labels },
      links: { runbook: `https://wiki.internal/runbooks/${spec.service}` },
    },
  };
}

function cloudwatchEvent(spec: AlertSpec, startMs: number, rng: Random): Record<string, unknown> {
  const cw = spec.cloudwatch!;
  return {
    version: '0',
    id: uuid(rng),
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: ACCOUNT,
    time: new Date(startMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: cw.region,
    resources: [alarmArn(spec)],
    detail: {
      alarmName: spec.title,
      state: { value: 'ALARM', reason: alarmReason(spec, startMs), timestamp: awsTime(startMs) },
      previousState: { value: 'OK', reason: 'Threshold Crossed: 1 out of the last 1 datapoints was not greater than the threshold.', timestamp: awsTime(startMs - 86400000 - 3600000 * 3) },
      configuration: {
        description: spec.description,
        metrics: [
          {
            id: uuid(rng),
            metricStat: { metric: { namespace: cw.namespace, name: cw.metricName, dimensions: cw.dimensions }, period: 300, stat: cw.statistic },
            returnData: true,
          },
        ],
      },
    },
  };
}

function cloudwatch(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  return { source: 'cloudwatch', body: cloudwatchEvent(spec, startMs, rng) };
}

function cloudwatchSns(spec: AlertSpec, startMs: number, rng: Random): BuiltSignal {
  const cw = spec.cloudwatch!;
  const topic = `arn:aws:sns:${cw.region}:${ACCOUNT}:ops-alarms`;
  const message = {
    AlarmName: spec.title,
    AlarmDescription: spec.description,
    AWSAccountId: ACCOUNT,
    AlarmConfigurationUpdatedTimestamp: awsTime(startMs - 86400000 * 41),
    NewStateValue: 'ALARM',
    NewStateReason: alarmReason(spec, startMs),
    StateChangeTime: awsTime(startMs),
    Region: REGION_NAMES[cw.region] ?? cw.region,
    AlarmArn: alarmArn(spec),
    OldStateValue: 'OK',
    OKActions: [topic],
    AlarmActions: [topic],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: cw.metricName,
      Namespace: cw.namespace,
      StatisticType: 'Statistic',
      Statistic: cw.statistic.toUpperCase(),
      Unit: null,
      Dimensions: Object.entries(cw.dimensions).map(([name, value]) => ({ value, name })),
      Period: 300,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      ComparisonOperator: cw.comparison,
      Threshold: cw.threshold,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  const messageId = uuid(rng);
  return {
    source: 'cloudwatch-sns',
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': topic,
      'x-amz-sns-subscription-arn': `${topic}:${uuid(rng)}`,
    },
    body: {
      Type: 'Notification',
      MessageId: messageId,
      TopicArn: topic,
      Subject: `ALARM: "${spec.title}" in ${REGION_NAMES[cw.region] ?? cw.region}`.slice(0, 100),
      Message: JSON.stringify(message),
      Timestamp: new Date(startMs + 420).toISOString(),
      SignatureVersion: '1',
      Signature: Buffer.from(rng.hex(128), 'hex').toString('base64') + Buffer.from(rng.hex(128), 'hex').toString('base64'),
      SigningCertURL: `https://sns.${cw.region}.amazonaws.com/SimpleNotificationService-${rng.hex(32)}.pem`,
      UnsubscribeURL: `https://sns.${cw.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}:${uuid(rng)}`,
    },
  };
}

const BUILDERS: Record<SignalSourceName, (spec: AlertSpec, startMs: number, rng: Random) => BuiltSignal> = {
  alertmanager,
  grafana,
  datadog,
  pagerduty,
  opsgenie,
  generic,
  cloudwatch,
  'cloudwatch-sns': cloudwatchSns,
};

/** The webhook exactly as the sender posts it for this alert. */
export function buildSignal(source: SignalSourceName, spec: AlertSpec, atMs: number, rng: Random): BuiltSignal {
  if ((source === 'cloudwatch' || source === 'cloudwatch-sns') && !spec.cloudwatch) throw new Error(`${spec.title}: a CloudWatch alarm needs its metric`);
  return BUILDERS[source](spec, atMs + spec.startedAt * 1000, rng);
}
