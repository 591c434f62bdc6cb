import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

/**
 * `plan.backend.options` of a Datadog backend (metrics, logs and spans from one
 * account). Every search is bounded by services, pages and page size, because the
 * spans API allows 300 requests an hour and an investigation must not exhaust it.
 */
export const DatadogOptions = z.object({
  /** The Datadog site: `datadoghq.com`, `datadoghq.eu`, `us3.datadoghq.com`, `us5.datadoghq.com`, `ap1.datadoghq.com`, `ddog-gov.com`. */
  site: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a Datadog site such as datadoghq.com or us5.datadoghq.com').default('datadoghq.com'),
  /** The web app when it is not the site's usual host (links only). */
  uiUrl: z.url().optional(),
  /** Metric queries run per service; `{{service}}` is replaced by the service name. */
  metricQueries: z.array(z.string().min(1).max(1000).refine((q) => q.includes('{{service}}'), 'must contain {{service}}')).min(1).max(10).optional(),
  /** Narrows every search to one environment (`env:prod`). */
  env: z.string().regex(/^[A-Za-z0-9_.:/-]{1,100}$/).optional(),
  maxServices: z.number().int().min(1).max(20).default(5),
  /** Events per page of logs and spans searches (the APIs allow 1000). */
  pageSize: z.number().int().min(1).max(1000).default(1000),
  /** Pages read per search at most; the rest is counted in a note. */
  maxPages: z.number().int().min(1).max(10).default(3),
  /** Spans at least this long are fetched as "slow" beside the error spans. */
  slowSpanMs: z.number().positive().max(3_600_000).default(1000),
  /** Whole traces fetched by trace id, so exemplars show their full path. */
  maxTraces: z.number().int().min(0).max(20).default(8),
});
export type DatadogOptions = z.infer<typeof DatadogOptions>;

/** An API key and an application key: Datadog's read APIs need both. */
export const DatadogSecret = z.object({ apiKey: z.string().min(1), appKey: z.string().min(1) });

/** Validates the options, naming the first bad field. */
export function datadogOptions(plan: EvidencePlan): DatadogOptions {
  const parsed = DatadogOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue.path.map(String).join('.')}: ${issue.message}`);
}

/** The API host: the backend's endpoint when set (a proxy), else `https://api.<site>`. */
export const apiBase = (plan: EvidencePlan, o: DatadogOptions) => (plan.backend.endpoint ?? `https://api.${o.site}`).replace(/\/+$/, '');

/** The web app: `app.datadoghq.com` for the two-label sites, the site itself for regional ones (`us5.datadoghq.com`). */
export const uiBase = (o: DatadogOptions) => (o.uiUrl ?? (o.site.split('.').length > 2 ? `https://${o.site}` : `https://app.${o.site}`)).replace(/\/+$/, '');
