import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

/** A Jaeger duration string as `minDuration` takes it (`250ms`, `1.5s`). */
const JaegerDuration = z.string().regex(/^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)$/, 'a Jaeger duration such as 500ms or 1.5s');

/**
 * `plan.backend.options` of a Jaeger backend. Searches are bounded per service so one
 * busy service cannot crowd out its neighbours, and by service count so a wide plan
 * cannot fan out into dozens of requests.
 */
export const JaegerOptions = z.object({
  /** The Jaeger UI when it is not served at the query endpoint (links only). */
  uiUrl: z.url().optional(),
  /** Traces per search; Jaeger returns the most recent matches first. */
  limit: z.number().int().min(1).max(1000).default(100),
  /** Only traces at least this long in the second ("slowest") search. */
  minDuration: JaegerDuration.optional(),
  /** Services searched, the alerting one first. */
  maxServices: z.number().int().min(1).max(20).default(5),
  /** Correlation trace ids fetched one by one. */
  maxTraceIds: z.number().int().min(0).max(20).default(10),
});
export type JaegerOptions = z.infer<typeof JaegerOptions>;

/** The secret a Jaeger behind a proxy needs; Jaeger itself has no auth. */
export const JaegerSecret = z.union([
  z.object({ bearerToken: z.string().min(1) }),
  z.object({ username: z.string().min(1), password: z.string() }),
]);
export type JaegerSecret = z.infer<typeof JaegerSecret>;

/** Validates the options, naming the first bad field so the tenant config can be fixed. */
export function jaegerOptions(plan: EvidencePlan): JaegerOptions {
  const parsed = JaegerOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue.path.map(String).join('.')}: ${issue.message}`);
}

/** The query endpoint, without a trailing slash; Jaeger has no default host. */
export function jaegerEndpoint(plan: EvidencePlan): string {
  if (!plan.backend.endpoint) throw new ConfigurationError(`backend ${plan.backend.id}: endpoint must be the Jaeger query URL (e.g. http://jaeger-query:16686)`);
  return plan.backend.endpoint.replace(/\/+$/, '');
}
