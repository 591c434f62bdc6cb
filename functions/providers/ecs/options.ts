import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/*
 * What a tenant configures for Amazon ECS: where each service runs (the service
 * catalog's `ecs` entries, filled in by LoadTenant; what is set here wins).
 */

const Name = z.string().regex(/^[A-Za-z0-9_-]{1,255}$|^arn:aws[a-z-]*:ecs:/, 'an ECS cluster or service name or ARN');

export const EcsOptions = z.object({
  /** Service → its ECS service: `{ "orders": { "cluster": "prod", "service": "orders-svc" } }`. */
  services: z.record(z.string(), z.object({ cluster: Name, service: Name })).default({}),
  /** For services not listed in `services`: the cluster where an ECS service of the same name runs. */
  cluster: Name.optional(),
  ...AwsAccessOptions,
});
export type EcsOptions = z.infer<typeof EcsOptions>;
