import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConnectionOptions, parseOptions } from '../grafana-common.js';

export const TempoOptions = ConnectionOptions.extend({
  /** Spans slower than this count as interesting beside the failed ones. */
  slowThresholdMs: z.number().int().min(1).max(600_000).default(1000),
  /** Traces asked of each service's search. */
  searchLimit: z.number().int().min(1).max(100).default(20),
  /** Matching spans Tempo returns per span set (`spss`). */
  spansPerSpanSet: z.number().int().min(1).max(100).default(3),
  /** Whole traces fetched in all (correlation ids first), the bound on what is read. */
  maxTraces: z.number().int().min(1).max(200).default(30),
  maxServices: z.number().int().min(1).max(50).default(20),
  concurrency: z.number().int().min(1).max(8).default(4),
});
export type TempoOptions = z.infer<typeof TempoOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export const tempoOptions = (plan: EvidencePlan): TempoOptions => parseOptions(plan, TempoOptions);

/** The TraceQL attribute naming the service: the tenant's `serviceLabel`, else `resource.service.name`. */
export const serviceAttributeOf = (plan: EvidencePlan): string => plan.backend.serviceLabel ?? 'resource.service.name';
