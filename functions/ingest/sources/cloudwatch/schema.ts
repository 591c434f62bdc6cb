import { z } from 'zod';
import { OptionalString, StringMap } from '../shared/parse.js';

const AlarmMetric = z.object({
  metricStat: z
    .object({
      metric: z.object({ namespace: OptionalString, name: OptionalString, dimensions: StringMap }),
    })
    .optional(),
});

const AlarmState = z.object({
  value: z.string().min(1),
  reason: OptionalString,
  timestamp: OptionalString,
});

/**
 * The EventBridge event CloudWatch emits on every alarm state change
 * (source `aws.cloudwatch`, detail-type `CloudWatch Alarm State Change`). Metric alarms carry
 * `configuration.metrics`; composite alarms carry `configuration.alarmRule` instead.
 */
export const AlarmStateChangeEvent = z.object({
  source: z.literal('aws.cloudwatch'),
  'detail-type': z.literal('CloudWatch Alarm State Change'),
  account: OptionalString,
  region: OptionalString,
  time: OptionalString,
  resources: z.array(z.string()).nullish(),
  detail: z.object({
    alarmName: z.string().min(1),
    state: AlarmState.extend({ value: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']) }),
    previousState: AlarmState.nullish(),
    configuration: z
      .object({ description: OptionalString, metrics: z.array(AlarmMetric).nullish(), alarmRule: OptionalString })
      .nullish(),
    alarmTags: StringMap,
  }),
});
export type AlarmStateChangeEvent = z.infer<typeof AlarmStateChangeEvent>;
