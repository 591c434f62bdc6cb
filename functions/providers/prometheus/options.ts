import { z } from 'zod';
import type { EvidencePlan } from '../../contracts/index.js';
import { ConnectionOptions, parseOptions } from '../grafana-common.js';

/** One PromQL template; `{{service}}` and `{{label}}` are replaced per planned service. */
export const MetricQuery = z.object({
  name: z.string().regex(/^[A-Za-z_:][A-Za-z0-9_:]{0,199}$/, 'a metric-like name: letters, digits, _ and :'),
  promql: z.string().min(1).max(2000),
  unit: z.string().max(40).optional(),
});
export type MetricQuery = z.infer<typeof MetricQuery>;

const sel = '{{{label}}="{{service}}"';

/**
 * What an SRE looks at first for a service: traffic, errors, latency from histograms,
 * and the container's CPU, memory and restarts. Written for the usual exporters
 * (HTTP middleware histograms, cAdvisor, kube-state-metrics); tenants whose metric
 * names differ replace them with `options.queries`.
 */
export const DEFAULT_QUERIES: MetricQuery[] = [
  { name: 'http_requests_per_second', unit: 'req/s', promql: `sum(rate(http_requests_total${sel}}[5m]))` },
  { name: 'http_error_ratio', unit: 'ratio', promql: `sum(rate(http_requests_total${sel},code=~"5.."}[5m])) / sum(rate(http_requests_total${sel}}[5m]))` },
  { name: 'http_latency_p90_seconds', unit: 's', promql: `histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket${sel}}[5m])))` },
  { name: 'http_latency_p99_seconds', unit: 's', promql: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket${sel}}[5m])))` },
  { name: 'container_cpu_usage_cores', unit: 'cores', promql: `sum(rate(container_cpu_usage_seconds_total${sel},container!=""}[5m]))` },
  { name: 'container_memory_working_set_bytes', unit: 'bytes', promql: `sum(container_memory_working_set_bytes${sel},container!=""})` },
  { name: 'container_restarts', unit: 'restarts', promql: `sum(increase(kube_pod_container_status_restarts_total${sel}}[5m]))` },
];

export const PrometheusOptions = ConnectionOptions.extend({
  queries: z.array(MetricQuery).min(1).max(20).default(DEFAULT_QUERIES),
  /** At most this many services are queried; the focus service always comes first. */
  maxServices: z.number().int().min(1).max(50).default(20),
  /** Requests in flight at once against the backend. */
  concurrency: z.number().int().min(1).max(16).default(6),
  /** Series kept per query and service (a query grouped by a label may return many). */
  maxSeriesPerQuery: z.number().int().min(1).max(50).default(10),
});
export type PrometheusOptions = z.infer<typeof PrometheusOptions>;

/** The plan's options, validated; a bad field is a ConfigurationError naming it. */
export const prometheusOptions = (plan: EvidencePlan): PrometheusOptions => parseOptions(plan, PrometheusOptions);

/** The service label: the tenant's `serviceLabel`, else `service`. */
export const serviceLabelOf = (plan: EvidencePlan): string => plan.backend.serviceLabel ?? 'service';
