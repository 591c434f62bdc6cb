import type { IncidentSignal, Severity, SignalSource } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { resolveService } from '../shared/catalog.js';
import { correlationFrom, ENVIRONMENT_KEYS, findValue, SERVICE_KEYS } from '../shared/labels.js';
import { severityFromWord, SEVERITY_KEYS } from '../shared/severity.js';
import { finishSignal } from '../shared/signal.js';
import { pick } from '../shared/text.js';
import { awsRegion, parseArn } from './arn.js';
import type { InferredService } from '../shared/workload.js';
import { serviceFromAlarmName, serviceFromDimensions } from './dimensions.js';

/** One CloudWatch alarm state change, whichever way it arrived (EventBridge event or SNS message). */
export interface AlarmView {
  alarmName: string;
  alarmArn?: string;
  description?: string;
  state: string;
  reason?: string;
  /** When the alarm entered its current state. */
  stateChangedAt?: string;
  /** When the alarm entered ALARM, if known (EventBridge gives it for a transition to OK). */
  alarmStartedAt?: string;
  accountId?: string;
  region?: string;
  metricNamespace?: string;
  metricName?: string;
  dimensions: Record<string, string>;
  tags: Record<string, string>;
}

/**
 * CloudWatch has no severity of its own; an alarm tag `severity` (or `priority`) sets it. Without one:
 *
 * | state             | status   | severity |
 * |-------------------|----------|----------|
 * | ALARM             | firing   | high     |
 * | OK                | resolved | info     |
 * | INSUFFICIENT_DATA | firing   | info     |
 *
 * INSUFFICIENT_DATA stays firing because a metric that stops arriving is often the first sign of
 * a crashed or deleted resource, and dropping it would lose that; it is `info` because missing
 * data is not proof of a fault, so policy never acts on it alone. A resolution with no stated
 * severity is `info`, as everywhere.
 */
function statusAndSeverity(state: string, tags: Record<string, string>): { status: 'firing' | 'resolved'; severity: Severity } {
  const tagged = SEVERITY_KEYS.map((key) => severityFromWord(pick(tags, [key]))).find(Boolean);
  if (state === 'OK') return { status: 'resolved', severity: tagged ?? 'info' };
  if (state === 'ALARM') return { status: 'firing', severity: tagged ?? 'high' };
  return { status: 'firing', severity: 'info' };
}

function consoleUrl(name: string, region: string | undefined, partition: string | undefined): string | undefined {
  if (!region) return undefined;
  const host = partition === 'aws-cn' ? `${region}.console.amazonaws.cn` : `${region}.console.aws.amazon.com`;
  return `https://${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

/**
 * The service an alarm is about, and the rule that decided, in this order: a service tag
 * on the alarm (`service`, `app`…; through the catalog); its metric's dimensions (a
 * catalogued name first, then the most specific dimension, see `SERVICE_DIMENSIONS`);
 * for an alarm without dimensions (a composite), a catalogued service its name contains.
 */
function inferService(alarm: AlarmView, ctx: NormalizeContext): InferredService | undefined {
  const tagged = findValue([alarm.tags], SERVICE_KEYS);
  if (tagged) {
    const service = resolveService(ctx.catalog, { name: tagged });
    return service ? { service, rule: 'tag' } : undefined;
  }
  return serviceFromDimensions(alarm.dimensions, ctx.catalog) ?? serviceFromAlarmName(alarm.alarmName, ctx.catalog);
}

/**
 * Both CloudWatch deliveries share the dedup family `cloudwatch` and the alarm ARN as identity,
 * so a tenant that wires an alarm to EventBridge and to SNS gets one investigation, not two.
 * Labels are the alarm's tags, its metric (`Namespace`, `MetricName`) and its dimensions.
 */
export function alarmToSignal(source: SignalSource, alarm: AlarmView, ctx: NormalizeContext, field: string): IncidentSignal {
  const arn = parseArn(alarm.alarmArn);
  const region = awsRegion(arn?.region, alarm.region);
  const accountId = arn?.account || alarm.accountId;
  const metric = Object.fromEntries(
    [['Namespace', alarm.metricNamespace], ['MetricName', alarm.metricName]].filter((pair): pair is [string, string] => Boolean(pair[1])),
  );
  const labels = { ...alarm.tags, ...metric, ...alarm.dimensions };
  const { status, severity } = statusAndSeverity(alarm.state, alarm.tags);
  const inferred = inferService(alarm, ctx);
  const identity = alarm.alarmArn ?? `${accountId ?? ''}:${region ?? ''}:${alarm.alarmName}`;
  const url = consoleUrl(alarm.alarmName, region, arn?.partition);
  return finishSignal(
    source,
    {
      identity,
      family: 'cloudwatch',
      externalId: identity,
      externalUrl: url,
      fingerprint: identity,
      status,
      severity,
      titles: [alarm.alarmName],
      description: [alarm.description, alarm.reason].filter(Boolean).join('\n\n') || undefined,
      service: inferred?.service,
      serviceInferredFrom: inferred?.rule,
      environment: findValue([alarm.tags], ENVIRONMENT_KEYS),
      startedAt: status === 'resolved' ? (alarm.alarmStartedAt ?? alarm.stateChangedAt) : alarm.stateChangedAt,
      links: { source: url },
      labels,
      correlation: {
        ...correlationFrom([alarm.tags]),
        awsAccountId: accountId,
        region,
        resourceArn: alarm.alarmArn,
      },
    },
    ctx,
    field,
  );
}
