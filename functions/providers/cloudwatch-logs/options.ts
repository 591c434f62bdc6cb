import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/** A Logs Insights field name; anything else is quoted with backticks in the query. */
const FieldName = z.string().min(1).max(200).regex(/^[^`\n]+$/, 'a field name without backticks or newlines');

/**
 * Where a tenant's logs live and how its lines are shaped. Groups named with
 * `{{service}}` belong to one service each; a group without it is shared, and its lines
 * are filtered on the service field (`plan.backend.serviceLabel`, default `service`).
 */
export const CloudWatchLogsOptions = z
  .object({
    /** Log group names, `{{service}}` filled per planned service: `["/ecs/{{service}}", "/shared/gateway"]`. */
    logGroups: z.array(z.string().min(1).max(512)).max(50).optional(),
    /** Shorthand for one group per service named prefix + service: `"/aws/lambda/"`. */
    logGroupPrefix: z.string().min(1).max(400).optional(),
    /** The field holding the level (JSON logs: `level`; powertools: `level`; others `severity`). */
    levelField: FieldName.default('level'),
    /** The field holding a trace id, shown with exemplars (`traceId`, powertools `xray_trace_id`). */
    traceIdField: FieldName.default('traceId'),
    /** Rows per Logs Insights query (its own ceiling is 10,000). */
    limit: z.number().int().min(100).max(10_000).default(10_000),
    ...AwsAccessOptions,
  })
  .refine((o) => o.logGroups !== undefined || o.logGroupPrefix !== undefined, { message: 'set logGroups or logGroupPrefix', path: ['logGroups'] });
export type CloudWatchLogsOptions = z.infer<typeof CloudWatchLogsOptions>;
