import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for AWS Health: which of its services own which AWS resources
 * (LoadTenant fills this from the service catalog; what is set here wins), and optionally
 * which AWS services and regions to ask about.
 */

/** A resource name or id as AWS Health names an affected entity, or a prefix ending in `*`. */
const Pattern = z.string().min(1).max(1024);

export const AwsHealthOptions = z.object({
  /**
   * Service → the names of the AWS resources it owns, as Health names affected entities:
   * DynamoDB table, SQS queue URL or name, RDS instance or cluster id, EC2 instance id,
   * load balancer, Lambda function, ECS cluster. `{ "orders": ["orders-table", "orders-db-1"] }`.
   * A service not listed matches entities named exactly like it. An event whose entities
   * match no service is reported on the AWS service itself (`dynamodb`, `rds`), so a
   * topology that names it as a dependency sees it there.
   */
  services: z.record(z.string(), z.array(Pattern).min(1).max(50)).default({}),
  /** Health service codes to ask about (`DYNAMODB`, `RDS`, `EC2`, `ELASTICLOADBALANCING`, `LAMBDA`, `SQS`…); every service when absent. */
  awsServices: z.array(z.string().regex(/^[A-Z0-9_]{2,60}$/, 'must be an AWS Health service code such as DYNAMODB')).min(1).max(50).optional(),
  /** Regions whose events to read, `global` included if wanted; the backend's region and `global` when absent. */
  regions: z.array(z.string().regex(/^(global|[a-z]{2}(-[a-z]+)+-\d{1,2})$/, 'must be a region such as us-east-1, or global')).min(1).max(10).optional(),
  /** How long before the investigation window an event may have started and still be read (a long-running issue). */
  lookbackHours: z.number().int().min(0).max(168).default(24),
  ...AwsAccessOptions,
});
export type AwsHealthOptions = z.infer<typeof AwsHealthOptions>;
