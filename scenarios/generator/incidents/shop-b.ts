import { pat, rollout } from '../lib/helpers.js';
import { scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import { datadog, opsgenie } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { shop } from '../systems/shop.js';

/*
 * Intent: traffic_surge on catalog (a scraper on the partner API), alert on storefront latency.
 * Red herring: a catalog hotfix deploy AFTER onset, and HPA scaling after onset.
 */
const crawler: ScenarioSpec = {
  name: 'shop-storefront-latency-morning',
  seed: 1105,
  at: '2026-05-08T08:47:00Z',
  description:
    'From about 08:33 UTC product pages became slow; storefront p95 went from roughly 300 ms to over 2 s and a small share of product pages timed out. Search was slower too. The on-call engineer shipped a catalog read-timeout hotfix at 08:42 without improvement. Catalog autoscaled during the incident.',
  system: shop,
  services: ['storefront', 'catalog', 'catalog-db', 'search', 'cart', 'checkout', 'inventory', 'recommendations', 'pricing'],
  onset: -840,
  signal: datadog('2026-05-08T08:47:00Z', {
    monitorId: 81234567,
    title: 'Storefront p95 latency is high on env:prod',
    message: 'storefront p95 latency has been above 1.5s for 5 minutes. Runbook: https://runbooks.internal/storefront/latency',
    metric: 'trace.http.request',
    query: 'percentile(last_5m):p95:trace.http.request{service:storefront,env:prod} > 1.5',
    threshold: 1.5,
    scope: 'service:storefront,env:prod',
    tags: ['service:storefront', 'env:prod', 'team:web'],
    priority: 'P2',
  }),
  effects: [
    { service: 'catalog', key: 'rps', shape: stepTo(-840, 1120, 180) },
    { service: 'catalog', key: 'cpu', shape: stepTo(-820, 0.97, 150) },
    { service: 'catalog', key: 'latency', shape: stepTo(-800, 1.9, 150) },
    { service: 'catalog', key: 'errors', shape: stepTo(-760, 0.021, 120) },
    { service: 'catalog-db', key: 'connections', shape: scaleBy(-840, 1.9, 180) },
    { service: 'catalog-db', key: 'cpu', shape: scaleBy(-840, 1.8, 180) },
    { service: 'storefront', key: 'latency', shape: stepTo(-790, 2.2, 150) },
    { service: 'storefront', key: 'errors', shape: stepTo(-760, 0.009, 120) },
    { service: 'recommendations', key: 'latency', shape: scaleBy(-790, 1.6, 150) },
    { service: 'search', key: 'latency', shape: scaleBy(-790, 1.8, 150) },
  ],
  extraSeries: [
    {
      service: 'catalog',
      def: { key: 'partner', name: 'http_requests_per_second', unit: 'req/s', labels: { route: '/partner/v1/products' }, base: 11, noise: 0.1 },
      shape: stepTo(-840, 820, 180),
    },
    {
      service: 'catalog',
      def: { key: 'replicas', name: 'kube_deployment_status_replicas_available', unit: 'replicas', base: 4, noise: 0, integer: true },
      shape: stepTo(-760, 10, 240),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['product-page', 'search', 'checkout'],
    faults: [{ service: 'catalog', from: -840, errorRate: 0.03, slowFactor: 9, errorAttributes: { 'http.status_code': 503, 'error.type': 'upstream request timeout' } }],
  },
  logs: [
    pat('catalog', 'info', -840, 10, (r) => `GET /partner/v1/products?page=${r.int(1, 9000)} 200 ua="PriceScoutBot/2.1 (+https://pricescout.example/bot)" src=${r.pick(['34.91.', '35.204.', '34.141.'])}${r.int(1, 254)}.${r.int(1, 254)}`),
    pat('catalog', 'warn', -800, 6, (r) => `worker pool saturated: queued=${r.int(300, 1400)} busy=64/64`),
    pat('catalog', 'error', -700, 4, () => '503 upstream request timeout route=/v1/products/:id'),
    pat('storefront', 'warn', -780, 6, (r) => `catalog.GetProduct slow elapsed_ms=${r.int(900, 2600)}`, { linkTraces: true }),
    rollout('catalog', -300, 4, () => 'catalog v5.4.2 started; server.readTimeout=5s'),
  ],
  changes: [
    { at: -780, service: 'catalog', kind: 'scaling', summary: 'HorizontalPodAutoscaler catalog: 4 -> 7 replicas (cpu 96% / target 70%)', source: 'kubernetes' },
    { at: -560, service: 'catalog', kind: 'scaling', summary: 'HorizontalPodAutoscaler catalog: 7 -> 10 replicas (maxReplicas reached)', source: 'kubernetes' },
    { at: -310, service: 'catalog', kind: 'deployment', summary: 'catalog v5.4.2: hotfix, raise server read timeout 2s -> 5s', version: 'v5.4.2', previousVersion: 'v5.4.1', author: 'oncall-web', commit: 'e0a71f4', source: 'argocd' },
  ],
  runtime: [
    { at: -720, service: 'catalog', kind: 'throttled', count: 4, message: 'CPU throttling above 60% of periods on 4/4 pods (limit 1 vCPU)' },
    { at: -520, service: 'catalog', kind: 'throttled', count: 10, message: 'CPU throttling above 55% of periods on 10/10 pods (limit 1 vCPU)' },
  ],
  alerts: [{ at: -400, service: 'catalog', name: 'CatalogCPUThrottlingHigh', status: 'firing' }],
  expected: { rootCause: { service: 'catalog', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics'] },
};

/*
 * Intent: infrastructure under search-es (its node went NotReady), alert on search (1 hop).
 * Red herring: a search deploy AFTER onset.
 */
const esNode: ScenarioSpec = {
  name: 'shop-search-slow-results',
  seed: 1106,
  at: '2026-05-21T16:05:00Z',
  description:
    'Search became slow and some result pages came back partial or empty from about 15:57 UTC. Search p99 rose from about 350 ms to more than 2.5 s. The search team shipped a lower query timeout with fail-open behaviour at 16:01, which reduced errors slightly but not latency.',
  system: shop,
  services: ['storefront', 'catalog', 'search', 'search-es', 'cart', 'checkout', 'pricing', 'recommendations'],
  onset: -480,
  signal: alertmanager('2026-05-21T16:05:00Z', {
    alertname: 'SearchLatencyP99High',
    service: 'search',
    severity: 'warning',
    summary: 'search p99 latency above 1.5s',
    description: 'search p99 latency is 2.61s over the last 5 minutes.',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="search"}[5m]))) > 1.5',
    labels: { namespace: 'shop', team: 'discovery' },
  }),
  effects: [
    { service: 'search-es', key: 'nodes', shape: stepTo(-490, 2) },
    { service: 'search-es', key: 'unassigned', shape: () => (t) => (t < -490 ? 0 : Math.max(2, 14 - Math.floor((t + 490) / 60))) },
    { service: 'search-es', key: 'latency', shape: stepTo(-485, 2.2, 60) },
    { service: 'search-es', key: 'heap', shape: stepTo(-480, 0.86, 120) },
    { service: 'search', key: 'latency', shape: stepTo(-480, 2.6, 60) },
    { service: 'search', key: 'errors', shape: stepTo(-480, 0.06, 60) },
    { service: 'storefront', key: 'latency', shape: scaleBy(-475, 1.7, 60) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['search', 'product-page'],
    faults: [
      { service: 'search-es', from: -480, errorRate: 0.1, addMs: 1800, errorAttributes: { 'http.status_code': 503, 'exception.type': 'SearchPhaseExecutionException', 'exception.message': 'all shards failed' } },
    ],
  },
  logs: [
    pat('search-es', 'warn', -490, 1, (r) => `[search-es-data-0] node-left[{search-es-data-1}{${r.hex(22)}}{10.20.3.117:9300} reason: disconnected], term: 14, version: 5521`, { max: 1 }),
    pat('search-es', 'warn', -488, 1, () => '[search-es-data-0] Cluster health status changed from [GREEN] to [YELLOW] (reason: [{search-es-data-1} left]).', { max: 1 }),
    pat('search-es', 'info', -470, 3, (r) => `[search-es-data-${r.pick([0, 2])}] recovering shard [products-v42][${r.int(0, 11)}] from peer, ${r.int(10, 90)}% complete`),
    pat('search-es', 'warn', -460, 2, (r) => `[search-es-data-${r.pick([0, 2])}] high disk watermark [90%] exceeded on [search-es-data-${r.pick([0, 2])}], shards will be relocated away from this node`, { max: 6 }),
    pat('search', 'warn', -478, 6, (r) => `ES query took ${r.int(1600, 3400)}ms, partial results shards_failed=${r.int(1, 4)}/12`, { linkTraces: true }),
    pat('search', 'error', -470, 2, () => 'search failed: SearchPhaseExecutionException: all shards failed'),
    rollout('search', -240, 3, () => 'search v1.19.3 started; es.queryTimeout=800ms failOpen=true'),
  ],
  changes: [
    { at: -250, service: 'search', kind: 'deployment', summary: 'search v1.19.3: lower ES query timeout to 800ms and fail open', version: 'v1.19.3', previousVersion: 'v1.19.2', author: 'r.banerjee', commit: '17cc2b8', source: 'argocd' },
  ],
  runtime: [
    { at: -500, service: 'search-es', kind: 'node_pressure', message: 'node ip-10-20-3-117.ec2.internal NotReady: kubelet stopped posting node status (hosts search-es-data-1)' },
    { at: -470, service: 'search-es', kind: 'evicted', count: 1, message: 'pod search-es-data-1 marked for deletion: node ip-10-20-3-117.ec2.internal unreachable' },
    { at: -180, service: 'search-es', kind: 'unhealthy', count: 1, message: 'search-es-data-1 Pending: 0/9 nodes available: 1 node(s) had volume node affinity conflict' },
  ],
  alerts: [{ at: -420, service: 'search-es', name: 'ElasticsearchClusterYellow', status: 'firing' }],
  expected: { rootCause: { service: 'search-es', kind: 'infrastructure' }, action: 'none', mustCite: ['runtime', 'metrics'] },
};

/*
 * Intent: code_defect in orders (a latent encoding bug hit by new shipping addresses), alert on checkout (1 hop).
 * Red herring: recommendations errors all the time; the last orders deploy is three days old.
 */
const unicode: ScenarioSpec = {
  name: 'shop-checkout-intermittent-500',
  seed: 1107,
  at: '2026-06-10T12:31:00Z',
  description:
    'Checkout started failing for about 4% of attempts around 12:20 UTC, enough to burn the error budget quickly. Retrying did not help the affected customers; other customers were fine. No deploys that day. Customer support reported that several complaints came from a newly opened shipping region.',
  system: shop,
  services: ['storefront', 'catalog', 'cart', 'checkout', 'pricing', 'inventory', 'orders', 'orders-db', 'notification', 'recommendations'],
  onset: -660,
  signal: opsgenie('2026-06-10T12:31:00Z', {
    message: 'Checkout error budget burn rate above 14x (1h window)',
    description: 'checkout 5xx burn rate is 18.2x over 1h and 21.4x over 5m. Dashboard: https://grafana.internal/d/checkout-slo',
    entity: 'checkout',
    tags: ['service:checkout', 'env:prod', 'slo', 'team:checkout'],
    details: { service: 'checkout', env: 'prod', slo: 'checkout-availability-99.5', burn_rate_1h: '18.2' },
    priority: 'P2',
    source: 'Prometheus',
    integrationName: 'Prometheus-Alertmanager',
    tinyId: 3377,
  }),
  effects: [
    { service: 'orders', key: 'errors', shape: stepTo(-660, 0.046, 60) },
    { service: 'checkout', key: 'errors', shape: stepTo(-655, 0.044, 60) },
    { service: 'storefront', key: 'errors', shape: scaleBy(-655, 1.4, 60) },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['checkout', 'product-page', 'add-to-cart'],
    faults: [
      {
        service: 'orders',
        op: 'POST /v1/orders',
        from: -660,
        errorRate: 0.3,
        skipChildren: true,
        errorAttributes: { 'exception.type': 'UnicodeEncodeError', 'exception.message': "'latin-1' codec can't encode character '\\u0131' in position 14: ordinal not in range(256)" },
      },
    ],
  },
  logs: [
    pat('orders', 'error', -660, 3, (r) => `POST /v1/orders 500 order_id=ord_${r.hex(12)}: UnicodeEncodeError: 'latin-1' codec can't encode character '\\u0131' in position ${r.int(9, 30)}`, {
      linkTraces: true,
      attributes: (r) => ({ ship_country: r.pick(['TR', 'TR', 'TR', 'AZ']) }),
    }),
    pat('checkout', 'error', -655, 3, (r) => `checkout failed checkout_id=co_${r.hex(10)}: orders POST /v1/orders returned 500`, { linkTraces: true }),
  ],
  changes: [
    { at: '2026-06-07T09:14:00Z', service: 'orders', kind: 'deployment', summary: 'orders v4.2.0: split shipping-label rendering into its own module', version: 'v4.2.0', previousVersion: 'v4.1.3', author: 'e.moreau', commit: '0c4a8e2', source: 'argocd' },
  ],
  exceptions: [
    { at: -1800, service: 'recommendations', type: 'TimeoutError', message: 'model inference exceeded 250ms', count: 1420, culprit: 'recs/serving/predict.py in predict' },
    { at: -600, service: 'orders', type: 'UnicodeEncodeError', message: "'latin-1' codec can't encode character '\\u0131' in position 14: ordinal not in range(256)", count: 63, culprit: 'orders/shipping/label.py in render_label' },
  ],
  expected: { rootCause: { service: 'orders', kind: 'code_defect' }, action: 'none', mustCite: ['exceptions', 'logs'] },
};

export const shopB: ScenarioSpec[] = [crawler, esNode, unicode];
