import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';

const Field = z.string().min(1).max(200).regex(/^[^\s"'\\]+$/, 'a field name such as log.level');

/**
 * `plan.backend.options` of an OpenSearch or Elasticsearch (7/8) log backend. Defaults
 * follow ECS / OpenTelemetry field names; every field is configurable because log
 * pipelines rarely agree on them.
 */
export const OpenSearchOptions = z.object({
  /** Index pattern searched, as in `POST /<index>/_search` (`logs-*`, `app-*,nginx-*`). */
  index: z.string().min(1).max(500).regex(/^[^\s/?#]+$/, 'an index name or pattern without spaces, slashes, ? or #').default('logs-*'),
  timestampField: Field.default('@timestamp'),
  levelField: Field.default('log.level'),
  messageField: Field.default('message'),
  traceIdField: Field.default('trace.id'),
  /** Hits per page of the warn/error search (search_after pages). */
  pageSize: z.number().int().min(1).max(10_000).default(1000),
  /** Pages of warn/error lines read at most; the rest is counted in a note. */
  maxPages: z.number().int().min(1).max(20).default(5),
  /** Lines below warn read as a random sample, so steady chatter is seen without reading it all; 0 skips it. */
  sampleSize: z.number().int().min(0).max(10_000).default(500),
  /** OpenSearch Dashboards or Kibana base URL, for Discover links. */
  uiUrl: z.url().optional(),
  /** The Discover data view (index pattern) id, so links open on the right one. */
  dataViewId: z.string().min(1).max(200).optional(),
});
export type OpenSearchOptions = z.infer<typeof OpenSearchOptions>;

/** Basic credentials, an Elasticsearch API key (the encoded `id:key`), or a bearer token. */
export const OpenSearchSecret = z.union([
  z.object({ username: z.string().min(1), password: z.string() }),
  z.object({ apiKey: z.string().min(1) }),
  z.object({ bearerToken: z.string().min(1) }),
]);
export type OpenSearchSecret = z.infer<typeof OpenSearchSecret>;

/** The service field when the tenant does not name one: the ECS / OpenTelemetry `service.name`. */
export const DEFAULT_SERVICE_FIELD = 'service.name';

/** Validates the options, naming the first bad field. */
export function openSearchOptions(plan: EvidencePlan): OpenSearchOptions {
  const parsed = OpenSearchOptions.safeParse(plan.backend.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigurationError(`backend ${plan.backend.id}: options.${issue.path.map(String).join('.')}: ${issue.message}`);
}

/** The cluster URL without a trailing slash. */
export function openSearchEndpoint(plan: EvidencePlan): string {
  if (!plan.backend.endpoint) throw new ConfigurationError(`backend ${plan.backend.id}: endpoint must be the OpenSearch or Elasticsearch URL (e.g. https://search.example.com:9200)`);
  return plan.backend.endpoint.replace(/\/+$/, '');
}
