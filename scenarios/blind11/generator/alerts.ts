import type { Rng } from './prng.js';
import type { Spec } from './spec.js';
import { awsTime, isoAt, seconds } from './time.js';

/*
 * Each alert body as its real sender writes it: Alertmanager's webhook v4, Grafana unified
 * alerting's webhook, CloudWatch's EventBridge "CloudWatch Alarm State Change" event, the SNS
 * envelope around the classic alarm JSON, Datadog's webhook with Causeway's documented template,
 * PagerDuty webhooks v3 `incident.triggered`, Opsgenie's `Create` webhook, Causeway's generic JSON.
 */

const ACCOUNT = '482915730164';
const REGION = 'us-east-1';

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function b62(rng: Rng, n: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: n }, () => abc[rng.int(0, abc.length - 1)]).join('');
}

export interface AlertBody { headers?: Record<string, string>; body: unknown; startedAt: string }

function promAlert(spec: Spec, rng: Rng): Record<string, unknown> {
  const a = spec.alert;
  const labels: Record<string, string> = { alertname: a.name, service: a.service, severity: a.severity ?? 'critical', ...(a.labels ?? {}) };
  const annotations: Record<string, string> = { summary: a.summary };
  if (a.description) annotations['description'] = a.description;
  annotations['runbook_url'] = `https://runbooks.internal/${a.service}/${a.name}`;
  return { status: 'firing', labels, annotations, startsAt: isoAt(spec.at, seconds(a.startedAt)), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: rng.hex(16) };
}

function sortedLabels(labels: Record<string, string>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`).join(', ');
}

/** A metric series of the file, to quote in a CloudWatch reason as the alarm saw it. */
export interface QuotedSeries { service: string; name: string; points: Array<[string, number]> }

function ddmmyy(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:00`;
}

/**
 * CloudWatch's own reason text, quoting the three datapoints that crossed: taken from the
 * file's series of the alarm's metric when it holds one, else drawn above the threshold.
 */
function cloudWatchReason(spec: Spec, rng: Rng, series: QuotedSeries[] | undefined): { reason: string; reasonData: string; stat: string } {
  const a = spec.alert;
  const threshold = a.threshold ?? 1;
  const start = seconds(a.startedAt);
  const held = series?.find((s) => s.service === a.service && s.name === a.metricName);
  const points = held
    ? held.points.filter(([t]) => seconds(t === '-0s' ? '-0s' : t) <= start).slice(-3).reverse()
    : [0, 1, 2].map((i) => [`-${300 * i - start}s`, threshold * rng.between(1.2, 2.4)] as [string, number]);
  if (points.length !== 3 || points.some(([, v]) => v <= threshold)) throw new Error(`${spec.name}: the alarm's datapoints ${JSON.stringify(points)} do not all cross ${threshold}`);
  const metric = a.metricName ?? 'HTTPCode_Target_5XX_Count';
  const stat = metric === 'TargetResponseTime' ? 'p99' : metric === 'Duration' || metric === 'CPUUtilization' ? 'Average' : 'Sum';
  const stamp = awsTime(spec.at, start);
  const reasonData = JSON.stringify({
    version: '1.0',
    queryDate: stamp,
    startDate: awsTime(spec.at, start - 900),
    ...(stat === 'p99' ? { extendedStatistic: 'p99' } : { statistic: stat }),
    period: 300,
    recentDatapoints: points.map(([, v]) => Number(v.toPrecision(6))).reverse(),
    threshold,
    evaluatedDatapoints: points.map(([t, v]) => ({ timestamp: awsTime(spec.at, seconds(t)), value: Number(v.toPrecision(6)) })),
  });
  const quoted = points.map(([t, v]) => {
    const at = isoAt(spec.at, seconds(t));
    const value = v >= 100 ? v.toFixed(1) : String(Number(v.toPrecision(6)));
    return `${value.includes('.') ? value : `${value}.0`} (${ddmmyy(at)})`;
  });
  return {
    reason: `Threshold Crossed: 3 out of the last 3 datapoints [${quoted.join(', ')}] were greater than the threshold (${threshold.toFixed(1)}) (minimum 3 datapoints for OK -> ALARM transition).`,
    reasonData,
    stat,
  };
}

export function alertBody(spec: Spec, rng: Rng, series?: QuotedSeries[]): AlertBody {
  const a = spec.alert;
  const startedAt = isoAt(spec.at, seconds(a.startedAt));
  const startMs = Date.parse(startedAt);
  switch (spec.source) {
    case 'alertmanager': {
      const alert = promAlert(spec, rng);
      const labels = alert['labels'] as Record<string, string>;
      alert['generatorURL'] = `http://prometheus-k8s-0:9090/graph?g0.expr=${encodeURIComponent(`${a.name}{service="${a.service}"}`)}&g0.tab=1`;
      return {
        headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.27.0' },
        startedAt,
        body: {
          receiver: 'causeway',
          status: 'firing',
          alerts: [alert],
          groupLabels: { alertname: a.name, service: a.service },
          commonLabels: labels,
          commonAnnotations: alert['annotations'],
          externalURL: 'http://alertmanager-main-0:9093',
          version: '4',
          groupKey: `{}/{severity=~"critical|warning"}:{alertname="${a.name}", service="${a.service}"}`,
          truncatedAlerts: 0,
        },
      };
    }
    case 'grafana': {
      const alert = promAlert(spec, rng);
      const labels = { ...(alert['labels'] as Record<string, string>), grafana_folder: 'Production' };
      const ruleUid = rng.hex(14);
      const value = a.threshold ?? 1;
      Object.assign(alert, {
        labels,
        generatorURL: `https://grafana.internal/alerting/grafana/${ruleUid}/view?orgId=1`,
        silenceURL: `https://grafana.internal/alerting/silence/new?alertmanager=grafana&matcher=alertname%3D${encodeURIComponent(a.name)}`,
        dashboardURL: `https://grafana.internal/d/${rng.hex(9)}`,
        panelURL: `https://grafana.internal/d/${rng.hex(9)}?viewPanel=${rng.int(2, 30)}`,
        values: { A: value, C: 1 },
        valueString: `[ var='A' labels={service=${a.service}} value=${value} ], [ var='C' labels={service=${a.service}} value=1 ]`,
      });
      return {
        headers: { 'content-type': 'application/json', 'user-agent': 'Grafana' },
        startedAt,
        body: {
          receiver: 'causeway-webhook',
          status: 'firing',
          alerts: [alert],
          groupLabels: { alertname: a.name, grafana_folder: 'Production' },
          commonLabels: labels,
          commonAnnotations: alert['annotations'],
          externalURL: 'https://grafana.internal/',
          version: '1',
          groupKey: `{}/{__grafana_receiver__="causeway-webhook"}:{alertname="${a.name}", grafana_folder="Production"}`,
          truncatedAlerts: 0,
          orgId: 1,
          title: `[FIRING:1] ${a.name} Production (${sortedLabels({ service: a.service }).replace(/"/g, '')})`,
          state: 'alerting',
          message: `**Firing**\n\nValue: A=${value}, C=1\nLabels:\n - alertname = ${a.name}\n - service = ${a.service}\nAnnotations:\n - summary = ${a.summary}\n`,
        },
      };
    }
    case 'cloudwatch': {
      const alarmArn = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${a.name}`;
      const stamp = awsTime(spec.at, seconds(a.startedAt));
      const { reason, reasonData, stat } = cloudWatchReason(spec, rng, series);
      return {
        startedAt,
        body: {
          version: '0',
          id: uuid(rng),
          'detail-type': 'CloudWatch Alarm State Change',
          source: 'aws.cloudwatch',
          account: ACCOUNT,
          time: isoAt(spec.at, seconds(a.startedAt)).replace(/\.\d{3}Z$/, 'Z'),
          region: REGION,
          resources: [alarmArn],
          detail: {
            alarmName: a.name,
            state: {
              value: 'ALARM',
              reason,
              reasonData,
              timestamp: stamp,
            },
            previousState: { value: 'OK', reason: 'Threshold Crossed: 3 datapoints were not greater than the threshold.', timestamp: awsTime(spec.at, seconds(a.startedAt) - 86400 * 2) },
            configuration: {
              description: a.description ?? `${a.service}: ${a.metricName ?? 'HTTPCode_Target_5XX_Count'} above ${a.threshold ?? 1}`,
              metrics: [
                {
                  id: rng.hex(8),
                  metricStat: {
                    metric: { namespace: a.namespace ?? 'AWS/ApplicationELB', name: a.metricName ?? 'HTTPCode_Target_5XX_Count', dimensions: a.dimensions ?? {} },
                    period: 300,
                    stat,
                  },
                  returnData: true,
                },
              ],
            },
          },
        },
      };
    }
    case 'cloudwatch-sns': {
      const alarmArn = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${a.name}`;
      const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:causeway-alarms`;
      const { reason, stat } = cloudWatchReason(spec, rng, series);
      const message = {
        AlarmName: a.name,
        AlarmDescription: a.description ?? `${a.service}: ${a.metricName ?? 'HTTPCode_Target_5XX_Count'} above ${a.threshold ?? 1}`,
        AWSAccountId: ACCOUNT,
        AlarmConfigurationUpdatedTimestamp: awsTime(spec.at, -86400 * 40),
        NewStateValue: 'ALARM',
        NewStateReason: reason,
        StateChangeTime: awsTime(spec.at, seconds(a.startedAt)),
        Region: 'US East (N. Virginia)',
        AlarmArn: alarmArn,
        OldStateValue: 'OK',
        OKActions: [topicArn],
        AlarmActions: [topicArn],
        InsufficientDataActions: [],
        Trigger: {
          MetricName: a.metricName ?? 'HTTPCode_Target_5XX_Count',
          Namespace: a.namespace ?? 'AWS/ApplicationELB',
          ...(stat === 'p99' ? { StatisticType: 'ExtendedStatistic', ExtendedStatistic: 'p99' } : { StatisticType: 'Statistic', Statistic: stat.toUpperCase() }),
          Unit: null,
          Dimensions: Object.entries(a.dimensions ?? {}).map(([name, value]) => ({ value, name })),
          Period: 300,
          EvaluationPeriods: 3,
          DatapointsToAlarm: 3,
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: a.threshold ?? 1,
          TreatMissingData: 'missing',
          EvaluateLowSampleCountPercentile: '',
        },
      };
      const messageId = uuid(rng);
      return {
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'user-agent': 'Amazon Simple Notification Service Agent',
          'x-amz-sns-message-type': 'Notification',
          'x-amz-sns-message-id': messageId,
          'x-amz-sns-topic-arn': topicArn,
        },
        startedAt,
        body: {
          Type: 'Notification',
          MessageId: messageId,
          TopicArn: topicArn,
          Subject: `ALARM: "${a.name}" in US East (N. Virginia)`.slice(0, 100),
          Message: JSON.stringify(message),
          Timestamp: isoAt(spec.at, seconds(a.startedAt) + 1),
          SignatureVersion: '1',
          Signature: Buffer.from(rng.hex(128), 'hex').toString('base64'),
          SigningCertURL: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
          UnsubscribeURL: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${uuid(rng)}`,
        },
      };
    }
    case 'datadog': {
      const monitor = String(rng.int(10_000_000, 99_999_999));
      const tags = [`service:${a.service}`, 'env:production', ...Object.entries(a.labels ?? {}).map(([k, v]) => `${k}:${v}`)].join(',');
      return {
        headers: { 'content-type': 'application/json' },
        startedAt,
        body: {
          id: String(rng.int(10 ** 15, 9 * 10 ** 15)),
          alert_id: monitor,
          aggregation_key: rng.hex(32),
          alert_cycle_key: String(rng.int(10 ** 15, 9 * 10 ** 15)),
          title: `[Triggered on {service:${a.service}}] ${a.summary}`,
          message: `${a.description ?? a.summary} @webhook-causeway`,
          transition: 'Triggered',
          alert_type: 'error',
          alert_status: `${a.name} is above threshold`,
          alert_priority: a.severity === 'warning' ? 'P3' : 'P2',
          priority: 'normal',
          tags,
          scope: `service:${a.service}`,
          hostname: '',
          metric: a.metricName ?? 'trace.http.request.errors',
          link: `https://app.datadoghq.com/monitors/${monitor}?from_ts=${startMs - 3600_000}&to_ts=${startMs}&event_id=${rng.int(10 ** 9, 9 * 10 ** 9)}`,
          date: String(startMs),
          org_id: String(rng.int(100000, 999999)),
        },
      };
    }
    case 'pagerduty': {
      const id = `Q${b62(rng, 13)}`;
      const serviceId = `P${b62(rng, 6)}`;
      const number = rng.int(1200, 9800);
      return {
        headers: { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0' },
        startedAt,
        body: {
          event: {
            id: `01${b62(rng, 24)}`,
            event_type: 'incident.triggered',
            resource_type: 'incident',
            occurred_at: isoAt(spec.at, 0),
            agent: null,
            client: { name: 'PagerDuty' },
            data: {
              id,
              type: 'incident',
              self: `https://api.pagerduty.com/incidents/${id}`,
              html_url: `https://ops-blind11.pagerduty.com/incidents/${id}`,
              number,
              status: 'triggered',
              incident_key: rng.hex(32),
              created_at: startedAt.replace(/\.\d{3}Z$/, 'Z'),
              title: a.summary,
              service: { html_url: `https://ops-blind11.pagerduty.com/service-directory/${serviceId}`, id: serviceId, self: `https://api.pagerduty.com/services/${serviceId}`, summary: a.service, type: 'service_reference' },
              assignees: [{ html_url: `https://ops-blind11.pagerduty.com/users/P${b62(rng, 6)}`, id: `P${b62(rng, 6)}`, self: `https://api.pagerduty.com/users/P${b62(rng, 6)}`, summary: 'On-call Engineer', type: 'user_reference' }],
              escalation_policy: { html_url: `https://ops-blind11.pagerduty.com/escalation_policies/P${b62(rng, 6)}`, id: `P${b62(rng, 6)}`, self: `https://api.pagerduty.com/escalation_policies/P${b62(rng, 6)}`, summary: `${a.service} escalation`, type: 'escalation_policy_reference' },
              teams: [],
              priority: { html_url: `https://ops-blind11.pagerduty.com/account/incident_priorities`, id: `P${b62(rng, 6)}`, self: `https://api.pagerduty.com/priorities/P${b62(rng, 6)}`, summary: a.severity === 'warning' ? 'P3' : 'P1', type: 'priority' },
              urgency: a.severity === 'warning' ? 'low' : 'high',
              conference_bridge: null,
              resolve_reason: null,
            },
          },
        },
      };
    }
    case 'opsgenie': {
      const alertId = uuid(rng);
      const tags = [`service:${a.service}`, 'env:production', ...Object.entries(a.labels ?? {}).map(([k, v]) => `${k}:${v}`)];
      return {
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        startedAt,
        body: {
          source: { name: '', type: 'api' },
          alert: {
            updatedAt: (startMs + 150) * 1_000_000,
            tags,
            teams: [`${a.service}-oncall`],
            recipients: [`${a.service}-oncall`],
            message: a.summary,
            username: 'System',
            alertId,
            source: 'Prometheus',
            alias: rng.hex(32),
            tinyId: String(rng.int(100, 9999)),
            createdAt: startMs,
            userId: '',
            entity: a.service,
            description: a.description ?? a.summary,
            details: { service: a.service, alertname: a.name, ...(a.labels ?? {}) },
            priority: a.severity === 'warning' ? 'P3' : 'P1',
          },
          action: 'Create',
          integrationId: uuid(rng),
          integrationName: 'Causeway',
        },
      };
    }
    case 'generic':
      return {
        headers: { 'content-type': 'application/json', 'user-agent': 'curl/8.5.0' },
        startedAt,
        body: {
          title: a.summary,
          status: 'firing',
          severity: a.severity === 'warning' ? 'warning' : a.severity === 'high' ? 'high' : 'critical',
          service: a.service,
          environment: 'production',
          description: a.description ?? a.summary,
          startedAt,
          dedupKey: `${a.service}-${a.name}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 64),
          url: `https://status-checks.internal/checks/${a.name.toLowerCase()}`,
          labels: { alertname: a.name, ...(a.labels ?? {}) },
        },
      };
  }
}
