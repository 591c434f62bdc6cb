import { z } from 'zod';
import { AwsAccessOptions } from '../../shared/aws-client.js';

/** How a tenant's services appear in X-Ray, and how many traces to read. */
export const XRayOptions = z.object({
  /** `TraceId` searches by the time a trace started (X-Ray's default), `Event` by the time of any of its segments. */
  timeRangeType: z.enum(['TraceId', 'Event']).default('TraceId'),
  /** Traces slower than this at the service are read as "slow" exemplars. */
  slowThresholdMs: z.number().int().positive().max(600_000).default(1_000),
  /** Whole traces fetched with BatchGetTraces (5 per call), correlation ids first. */
  maxTraces: z.number().int().min(5).max(100).default(40),
  /** Service → the X-Ray service (segment) name, where they differ: `{ "orders": "orders-api-prod" }`. */
  serviceNames: z.record(z.string(), z.string().min(1).max(200)).default({}),
  ...AwsAccessOptions,
});
export type XRayOptions = z.infer<typeof XRayOptions>;
