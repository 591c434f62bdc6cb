import type { IncidentSignal, SignalSource } from '../../../contracts/signal.js';
import type { NormalizeContext } from '../types.js';
import { alarmToSignal, type AlarmView } from '../aws/alarm.js';
import { parsePayload } from '../shared/parse.js';
import { toIsoTime } from '../shared/time.js';
import { AlarmStateChangeEvent } from './schema.js';

/** Reads an EventBridge alarm event into the shape both CloudWatch deliveries share. */
export function alarmFromEvent(event: AlarmStateChangeEvent): AlarmView {
  const { detail } = event;
  const metrics = detail.configuration?.metrics ?? [];
  const stats = metrics.flatMap((m) => (m.metricStat ? [m.metricStat.metric] : []));
  // A metric-math alarm's inputs may disagree on a dimension: the first metric listed names it.
  const dimensions = Object.assign({}, ...stats.map((metric) => metric.dimensions).reverse()) as Record<string, string>;
  const previous = detail.previousState;
  return {
    alarmName: detail.alarmName,
    alarmArn: event.resources?.find((arn) => arn.includes(':alarm:')),
    description: detail.configuration?.description,
    state: detail.state.value,
    reason: detail.state.reason,
    stateChangedAt: toIsoTime(detail.state.timestamp) ?? toIsoTime(event.time),
    alarmStartedAt: previous?.value === 'ALARM' ? toIsoTime(previous.timestamp) : undefined,
    accountId: event.account,
    region: event.region,
    metricNamespace: stats[0]?.namespace,
    metricName: stats[0]?.name,
    dimensions,
    tags: detail.alarmTags,
  };
}

/**
 * An EventBridge alarm event, delivered directly (`cloudwatch`) or inside an SNS Message
 * (`cloudwatch-sns`, fields then named under `Message`).
 */
export function normalizeCloudWatchEvent(body: unknown, ctx: NormalizeContext, source: SignalSource = 'cloudwatch', prefix = ''): IncidentSignal[] {
  const event = parsePayload(AlarmStateChangeEvent, body, prefix);
  return [alarmToSignal(source, alarmFromEvent(event), ctx, prefix)];
}
