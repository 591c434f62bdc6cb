import { pat } from '../lib/helpers.js';
import { scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import type { ScenarioSpec } from '../lib/types.js';
import { shop } from '../systems/shop.js';

/*
 * Intent: feature_flag on storefront (three carousels per product page instead of one) overloads
 * recommendations: the alert is on the callee, the cause is its caller. recommendations is noisy
 * (errors all the time) and had its routine daily model refresh 22 minutes before onset.
 */
const carousels: ScenarioSpec = {
  name: 'shop-recommendations-latency',
  seed: 1110,
  at: '2026-06-06T12:10:00Z',
  description:
    'Around noon the recommendations latency alert fired; p99 went from about 0.9 s to almost 3 s and its error ratio, always a few percent, tripled. Product pages stayed fast but showed generic carousels more often. Shop traffic was normal for a Saturday. The recommendations model had been refreshed on its daily schedule late in the morning.',
  system: shop,
  services: ['storefront', 'catalog', 'catalog-db', 'search', 'cart', 'checkout', 'pricing', 'recommendations'],
  onset: -480,
  signal: alertmanager('2026-06-06T12:10:00Z', {
    alertname: 'RecommendationsLatencyHigh',
    service: 'recommendations',
    severity: 'warning',
    summary: 'recommendations p99 latency above 2s',
    description: 'recommendations p99 latency is 2.8s over the last 5 minutes.',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="recommendations"}[5m]))) > 2',
    labels: { namespace: 'shop', team: 'discovery' },
  }),
  effects: [
    { service: 'recommendations', key: 'rps', shape: stepTo(-480, 1150, 60) },
    { service: 'recommendations', key: 'cpu', shape: stepTo(-470, 0.97, 90) },
    { service: 'recommendations', key: 'latency', shape: stepTo(-460, 2.8, 90) },
    { service: 'recommendations', key: 'errors', shape: stepTo(-460, 0.095, 90) },
    { service: 'catalog', key: 'rps', shape: scaleBy(-480, 1.9, 60) },
    { service: 'storefront', key: 'latency', shape: scaleBy(-470, 1.15, 60) },
  ],
  extraSeries: [
    {
      service: 'storefront',
      def: { key: 'fallback', name: 'carousel_fallback_ratio', unit: 'ratio', base: 0.04, noise: 0.2, max: 1 },
      shape: stepTo(-470, 0.38, 90),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['product-page', 'search'],
    faults: [
      {
        service: 'recommendations',
        op: 'GET /v1/recs',
        from: -480,
        errorRate: 0.1,
        repeat: 2,
        slowFactor: 2.6,
        absorbed: true,
        errorAttributes: { 'http.status_code': 503, 'error.type': 'model inference timeout' },
      },
    ],
  },
  logs: [
    pat('recommendations', 'info', -1800, 0.5, () => 'loaded model recs-2026-06-06 (daily refresh) in 41.2s', { max: 3 }),
    pat('storefront', 'info', -505, 0.4, () => 'flag storefront.personalized-carousels evaluated true (rule: 100% rollout)', { max: 2 }),
    pat('storefront', 'warn', -470, 8, (r) => `recommendations slow, serving fallback carousel elapsed_ms=${r.int(260, 420)} slot=${r.pick(['recently-viewed', 'because-you-liked', 'trending-near-you'])}`),
    pat('recommendations', 'error', -460, 8, () => 'model inference timeout after 250ms, returning popular items'),
    pat('recommendations', 'warn', -450, 3, (r) => `request queue depth ${r.int(200, 900)} exceeds 128, shedding`),
  ],
  changes: [
    { at: -1800, service: 'recommendations', kind: 'config', summary: 'daily model refresh: recs-2026-06-05 -> recs-2026-06-06', version: 'recs-2026-06-06', previousVersion: 'recs-2026-06-05', author: 'airflow', source: 'model-registry' },
    { at: -510, service: 'storefront', kind: 'feature_flag', summary: 'storefront.personalized-carousels: ON for 100% (three recommendation carousels per product page)', version: 'on:100%', previousVersion: 'on:5%', author: 'j.okonkwo', source: 'launchdarkly' },
  ],
  expected: { rootCause: { service: 'storefront', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'metrics'] },
};

export const shopD: ScenarioSpec[] = [carousels];
