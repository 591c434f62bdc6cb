import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConnectionOptions, parseOptions } from '../grafana-common.js';

export const LokiOptions = ConnectionOptions.extend({
  /** Lines per request; Loki's own `max_entries_limit_per_query` defaults to 5000. */
  limit: z.number().int().min(1).max(5000).default(1000),
  /** Pages read per service and query before the rest of the window is left out. */
  maxPages: z.number().int().min(1).max(20).default(5),
  maxServices: z.number().int().min(1).max(50).default(20),
  concurrency: z.number().int().min(1).max(8).default(4),
  /** More stream matchers for every query, e.g. `namespace="shop", cluster="prod-eu"`. */
  extraMatchers: z.string().max(500).regex(/^[^{}]*$/, 'matchers only, without braces').optional(),
  /**
   * When a service logs more than the pages hold, the older part of the window is read
   * through this line filter (RE2), so warnings and errors from the baseline are not lost.
   */
  errorFilter: z.string().min(1).max(500).default('(?i)(warn|error|fatal|panic|exception|critical)'),
});
export type LokiOptions = z.infer<typeof LokiOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export const lokiOptions = (plan: EvidencePlan): LokiOptions => parseOptions(plan, LokiOptions);

/** The stream label holding the service: the tenant's `serviceLabel`, else Loki 3's `service_name`. */
export const serviceLabelOf = (plan: EvidencePlan): string => plan.backend.serviceLabel ?? 'service_name';
