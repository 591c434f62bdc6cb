import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for CloudWatch metrics: presets for the common AWS shapes,
 * templates of its own, and how a service name becomes a dimension value.
 */

/**
 * One metric to read per service. Dimension values are templates: `{{service}}` is the
 * service's dimension value, `{{Name}}` any value from `sharedDimensions` or the
 * service's entry in `dimensionValues`; anything else is a fixed value.
 */
export const MetricTemplate = z.object({
  /** The series name in the evidence (`ecs_cpu_utilization`): words the scorer reads. */
  name: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits, _ . : - only'),
  namespace: z.string().min(1).max(255),
  metricName: z.string().min(1).max(255),
  dimensions: z.record(z.string().min(1).max(255), z.string().min(1).max(1024)).default({}),
  /** Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p90. */
  stat: z.string().regex(/^(Average|Sum|Minimum|Maximum|SampleCount|IQM|p\d{1,2}(\.\d+)?|(tm|wm|tc|ts|pr)\(.+\))$/, 'a CloudWatch statistic such as Average, Sum or p90'),
  /** For a template with fixed dimensions only (a shared database): the service it belongs to. */
  service: z.string().min(1).max(200).optional(),
  /** The unit shown with the series; not sent as a filter, since a wrong unit hides data. */
  unit: z.string().max(40).optional(),
});
export type MetricTemplate = z.infer<typeof MetricTemplate>;

export const Preset = z.enum(['alb', 'ecs', 'lambda', 'rds', 'apigateway', 'sqs']);
export type Preset = z.infer<typeof Preset>;

type T = Omit<MetricTemplate, 'dimensions'> & { dimensions: Record<string, string> };
const ALB = { LoadBalancer: '{{LoadBalancer}}', TargetGroup: '{{TargetGroup}}' };
const ECS = { ClusterName: '{{ClusterName}}', ServiceName: '{{service}}' };

/** What a team watches first on each shape, named so the scorer knows errors from latency from saturation. */
export const PRESETS: Record<Preset, readonly T[]> = {
  alb: [
    { name: 'alb_target_5xx_count', namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: ALB, stat: 'Sum', unit: 'Count' },
    { name: 'alb_target_response_time_p90', namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: ALB, stat: 'p90', unit: 'Seconds' },
    { name: 'alb_request_count', namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: ALB, stat: 'Sum', unit: 'Count' },
  ],
  ecs: [
    { name: 'ecs_cpu_utilization', namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: ECS, stat: 'Average', unit: 'Percent' },
    { name: 'ecs_memory_utilization', namespace: 'AWS/ECS', metricName: 'MemoryUtilization', dimensions: ECS, stat: 'Average', unit: 'Percent' },
  ],
  lambda: [
    { name: 'lambda_errors', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: '{{service}}' }, stat: 'Sum', unit: 'Count' },
    { name: 'lambda_throttles', namespace: 'AWS/Lambda', metricName: 'Throttles', dimensions: { FunctionName: '{{service}}' }, stat: 'Sum', unit: 'Count' },
    { name: 'lambda_duration_p90', namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: '{{service}}' }, stat: 'p90', unit: 'Milliseconds' },
    { name: 'lambda_concurrent_executions', namespace: 'AWS/Lambda', metricName: 'ConcurrentExecutions', dimensions: { FunctionName: '{{service}}' }, stat: 'Maximum', unit: 'Count' },
    { name: 'lambda_invocations', namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: '{{service}}' }, stat: 'Sum', unit: 'Count' },
  ],
  rds: [
    { name: 'rds_cpu_utilization', namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions: { DBInstanceIdentifier: '{{service}}' }, stat: 'Average', unit: 'Percent' },
    { name: 'rds_database_connections', namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: { DBInstanceIdentifier: '{{service}}' }, stat: 'Maximum', unit: 'Count' },
    { name: 'rds_freeable_memory', namespace: 'AWS/RDS', metricName: 'FreeableMemory', dimensions: { DBInstanceIdentifier: '{{service}}' }, stat: 'Minimum', unit: 'Bytes' },
  ],
  apigateway: [
    { name: 'apigateway_5xx_errors', namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: { ApiName: '{{service}}' }, stat: 'Sum', unit: 'Count' },
    { name: 'apigateway_latency_p90', namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: { ApiName: '{{service}}' }, stat: 'p90', unit: 'Milliseconds' },
    { name: 'apigateway_requests', namespace: 'AWS/ApiGateway', metricName: 'Count', dimensions: { ApiName: '{{service}}' }, stat: 'Sum', unit: 'Count' },
  ],
  sqs: [
    { name: 'sqs_oldest_message_age', namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: '{{service}}' }, stat: 'Maximum', unit: 'Seconds' },
    { name: 'sqs_messages_visible', namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: '{{service}}' }, stat: 'Maximum', unit: 'Count' },
  ],
};

const DimensionValue = z.string().min(1).max(1024);

export const CloudWatchMetricsOptions = z
  .object({
    /** One shape or several (a service on ECS behind an ALB: `["ecs", "alb"]`). */
    preset: z.union([Preset, z.array(Preset).min(1).max(6)]).optional(),
    /** Templates added to the presets' (or alone, without a preset). */
    metrics: z.array(MetricTemplate).max(50).default([]),
    /**
     * Service → dimension value (`{ "orders": "orders-prod" }`, fills `{{service}}`) or
     * → named values (`{ "orders": { "TargetGroup": "targetgroup/orders/6d0ecf831eec9f09" } }`).
     * Unlisted services use their own name.
     */
    dimensionValues: z.record(z.string(), z.union([DimensionValue, z.record(z.string(), DimensionValue)])).default({}),
    /** Values every service shares, such as `{ "ClusterName": "prod", "LoadBalancer": "app/prod/50dc6c495c0c9188" }`. */
    sharedDimensions: z.record(z.string(), DimensionValue).default({}),
    ...AwsAccessOptions,
  })
  .refine((o) => o.preset !== undefined || o.metrics.length > 0, { message: 'set a preset or at least one metric template', path: ['preset'] });
export type CloudWatchMetricsOptions = z.infer<typeof CloudWatchMetricsOptions>;

/** The templates in force: the presets' first, then the tenant's own. */
export function templatesOf(options: CloudWatchMetricsOptions): MetricTemplate[] {
  const presets = options.preset === undefined ? [] : Array.isArray(options.preset) ? options.preset : [options.preset];
  return [...new Set(presets)].flatMap((p) => PRESETS[p]).concat(options.metrics);
}
