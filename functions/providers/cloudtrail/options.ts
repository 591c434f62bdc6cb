import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for CloudTrail: which AWS resources belong to which service
 * (LoadTenant fills this from the service catalog; what is set here wins), and which write events to read.
 */

/** The CloudTrail event names read by default, and the change kind each one is. */
export const EVENT_KINDS = {
  UpdateFunctionCode20150331v2: 'deployment',
  PublishVersion20150331: 'deployment',
  UpdateAlias20150331: 'deployment',
  UpdateFunctionConfiguration20150331v2: 'config',
  UpdateService: 'deployment',
  RegisterTaskDefinition: 'deployment',
  PutParameter: 'config',
  StartDeployment: 'config',
  UpdateStack: 'infrastructure',
  ExecuteChangeSet: 'infrastructure',
  UpdateAutoScalingGroup: 'scaling',
  SetDesiredCapacity: 'scaling',
  PutScalingPolicy: 'scaling',
} as const;
export type EventName = keyof typeof EVENT_KINDS;
const EventNameSchema = z.enum(Object.keys(EVENT_KINDS) as [EventName, ...EventName[]]);

/** A resource name, or a prefix ending in `*` (`/orders/*` for every parameter under /orders/). */
const Pattern = z.string().min(1).max(1024);

export const CloudTrailOptions = z.object({
  /**
   * Service → the names of its AWS resources, as the events name them: Lambda function,
   * ECS service and task definition family, SSM parameter, AppConfig application id,
   * CloudFormation stack, Auto Scaling group.
   * `{ "orders": ["orders-fn", "orders-svc", "orders", "/orders/*", "orders-stack"] }`.
   * A service not listed matches resources named exactly like it.
   */
  services: z.record(z.string(), z.array(Pattern).min(1).max(50)).default({}),
  /** A subset of the event names to read; each costs at least one LookupEvents call (2 per second per account and region). */
  eventNames: z.array(EventNameSchema).min(1).optional(),
  ...AwsAccessOptions,
});
export type CloudTrailOptions = z.infer<typeof CloudTrailOptions>;
