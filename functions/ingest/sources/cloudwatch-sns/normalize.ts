import type { IncidentSignal } from '../../../contracts/signal.js';
import { PayloadValidationError } from '../../../shared/errors.js';
import type { NormalizeContext } from '../types.js';
import { alarmToSignal, type AlarmView } from '../aws/alarm.js';
import { normalizeCloudWatchEvent } from '../cloudwatch/normalize.js';
import { parsePayload } from '../shared/parse.js';
import { toIsoTime } from '../shared/time.js';
import { SnsAlarmMessage, SnsNotification, snsMessageOf } from './schema.js';

type Dimensions = Array<{ name: string; value: string }> | null | undefined;

/** The dimensions of the alarm's metric, or of its metric-math inputs; the first one listed names a dimension they disagree on. */
function dimensionMap(...lists: Dimensions[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const list of lists) for (const { name, value } of list ?? []) if (!Object.hasOwn(out, name)) out[name] = value;
  return out;
}

function alarmFromMessage(message: SnsAlarmMessage): AlarmView {
  const trigger = message.Trigger;
  const stats = (trigger?.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
  return {
    alarmName: message.AlarmName,
    alarmArn: message.AlarmArn,
    description: message.AlarmDescription,
    state: message.NewStateValue,
    reason: message.NewStateReason,
    stateChangedAt: toIsoTime(message.StateChangeTime),
    accountId: message.AWSAccountId,
    metricNamespace: trigger?.Namespace ?? stats[0]?.Namespace,
    metricName: trigger?.MetricName ?? stats[0]?.MetricName,
    dimensions: dimensionMap(trigger?.Dimensions, ...stats.map((metric) => metric.Dimensions)),
    tags: {},
  };
}

function parseMessage(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadValidationError('Message', 'is not a CloudWatch alarm (not JSON)');
  }
}

/**
 * An SNS Notification whose Message is a CloudWatch alarm: either the classic alarm JSON an
 * alarm action publishes, or an EventBridge alarm event that a rule forwarded to the topic.
 */
export function normalizeSnsNotification(body: unknown, ctx: NormalizeContext): IncidentSignal[] {
  const envelope = parsePayload(SnsNotification, snsMessageOf(body));
  const message = parseMessage(envelope.Message);
  if (message !== null && typeof message === 'object' && 'detail-type' in message) {
    return normalizeCloudWatchEvent(message, ctx, 'cloudwatch-sns', 'Message');
  }
  const alarm = parsePayload(SnsAlarmMessage, message, 'Message');
  const view = alarmFromMessage(alarm);
  return [alarmToSignal('cloudwatch-sns', { ...view, stateChangedAt: view.stateChangedAt ?? toIsoTime(envelope.Timestamp) }, ctx, 'Message')];
}
