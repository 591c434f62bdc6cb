import { pat, rollout } from '../lib/helpers.js';
import { scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import type { ScenarioSpec } from '../lib/types.js';
import { dispatch } from '../systems/dispatch.js';

/*
 * Intent: dependency_failure of maps-api (third party), two hops below the alert
 * (mobile-bff → eta-service → maps-api). Most failures are absorbed by a fallback estimate.
 * Red herring: a config change on eta-service AFTER onset.
 */
const mapsOutage: ScenarioSpec = {
  name: 'dispatch-eta-errors',
  seed: 5104,
  at: '2026-05-26T09:20:00Z',
  description:
    'Mid-morning the customer app showed "ETA unavailable" on a share of deliveries and ETAs elsewhere were visibly off. The mobile-bff error ratio alert fired at 09:20 UTC. The ETA team disabled client retries at 09:17 to reduce load, with no visible effect.',
  system: dispatch,
  onset: -480,
  signal: alertmanager('2026-05-26T09:20:00Z', {
    alertname: 'MobileBffHighErrorRate',
    service: 'mobile-bff',
    severity: 'warning',
    summary: 'mobile-bff 5xx ratio above 3%',
    description: 'mobile-bff returned 5.8% 5xx over the last 5 minutes.',
    expr: 'sum(rate(http_requests_total{service="mobile-bff",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="mobile-bff"}[5m])) > 0.03',
    labels: { namespace: 'courier', team: 'apps' },
  }),
  effects: [
    { service: 'eta-service', key: 'errors', shape: stepTo(-480, 0.17, 60) },
    { service: 'eta-service', key: 'latency', shape: stepTo(-480, 1.4, 60) },
    { service: 'mobile-bff', key: 'errors', shape: stepTo(-475, 0.058, 60) },
    { service: 'mobile-bff', key: 'latency', shape: scaleBy(-475, 1.8, 60) },
    { service: 'dispatch', key: 'latency', shape: scaleBy(-475, 1.3, 60) },
  ],
  extraSeries: [
    {
      service: 'eta-service',
      def: { key: 'fallback', name: 'eta_fallback_ratio', unit: 'ratio', labels: { reason: 'provider_error' }, base: 0.008, noise: 0.3, max: 1 },
      shape: stepTo(-480, 0.61, 60),
    },
    {
      service: 'eta-service',
      def: { key: 'mapsErr', name: 'http_client_error_ratio', unit: 'ratio', labels: { peer: 'api.mapbox.com' }, base: 0.002, noise: 0.4, max: 1 },
      shape: stepTo(-480, 0.78, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['track', 'create-delivery'],
    faults: [
      { service: 'maps-api', op: 'GET', from: -480, errorRate: 0.55, addMs: 900, absorbed: true, errorAttributes: { 'http.status_code': 503, 'error.type': '503 Service Unavailable' } },
      { service: 'maps-api', op: 'GET', from: -480, errorRate: 0.22, addMs: 0, errorAttributes: { 'http.status_code': 429, 'error.type': 'Too Many Requests' } },
      { service: 'maps-api', op: 'POST', from: -480, errorRate: 0.7, addMs: 700, absorbed: true, errorAttributes: { 'http.status_code': 503, 'error.type': '503 Service Unavailable' } },
    ],
  },
  logs: [
    pat('eta-service', 'warn', -480, 10, (r) => `mapbox ${r.pick(['GET /directions/v5/mapbox/driving', 'POST /directions-matrix/v1/mapbox/driving'])} returned 503, using haversine fallback delivery=d_${r.hex(10)}`, { linkTraces: true }),
    pat('eta-service', 'error', -475, 4, () => 'GET /v1/eta failed: mapbox returned 429 Too Many Requests and no cached route is available'),
    pat('mobile-bff', 'error', -470, 4, (r) => `GET /v1/deliveries/d_${r.hex(10)}/track 502: eta-service returned 500`),
    pat('eta-service', 'info', -190, 1, () => 'configuration reloaded: maps.client.maxRetries=0', { max: 4 }),
  ],
  changes: [
    { at: -200, service: 'eta-service', kind: 'config', summary: 'ConfigMap eta-service: maps.client.maxRetries 2 -> 0 (stop amplifying provider errors)', version: 'r71', previousVersion: 'r70', author: 'f.adeyemi', commit: '5a0e6d1', source: 'argocd' },
  ],
  alerts: [{ at: -300, service: 'eta-service', name: 'EtaFallbackRatioHigh', status: 'firing' }],
  expected: { rootCause: { service: 'maps-api', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] },
};

/*
 * Intent: config_change on driver-location (Kafka max.poll.records raised), its consumer group keeps
 * rebalancing and positions go stale; the alert is on geo-index (a victim downstream of it).
 * Red herring: an earlier, benign geo-index deploy.
 */
const pollRecords: ScenarioSpec = {
  name: 'dispatch-stale-driver-positions',
  seed: 5105,
  at: '2026-06-04T07:55:00Z',
  description:
    'During the morning ramp-up, couriers on the map stopped moving and assignments began going to couriers who had already left the area. The geo-index stale-position alert fired at 07:55 UTC. Courier apps were sending location updates normally. geo-index had been released earlier in the morning.',
  system: dispatch,
  onset: -720,
  signal: alertmanager('2026-06-04T07:55:00Z', {
    alertname: 'GeoIndexStalePositions',
    service: 'geo-index',
    severity: 'critical',
    summary: 'p99 age of indexed driver positions above 60s',
    description: 'geo-index p99 position age is 212s (threshold 60s).',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(geo_index_position_age_seconds_bucket[5m]))) > 60',
    labels: { namespace: 'courier', team: 'marketplace' },
  }),
  effects: [
    { service: 'driver-location', key: 'jobs', shape: stepTo(-720, 870, 120) },
    { service: 'driver-location', key: 'lag', shape: () => (t) => (t < -720 ? 1.5 : 1.5 + 0.3 * (t + 720) + 25 * Math.abs(Math.sin((t + 720) / 45))) },
    { service: 'driver-location', key: 'cpu', shape: scaleBy(-720, 0.6, 60) },
    { service: 'geo-index', key: 'rps', shape: scaleBy(-720, 0.45, 120) },
    { service: 'dispatch', key: 'errors', shape: stepTo(-600, 0.012, 120) },
  ],
  extraSeries: [
    {
      service: 'geo-index',
      def: { key: 'age', name: 'geo_index_position_age_p99_seconds', unit: 's', base: 3.2, noise: 0.15 },
      shape: () => (t) => (t < -720 ? 3.2 : 3.2 + 0.3 * (t + 720)),
    },
    {
      service: 'driver-location',
      def: { key: 'rebalances', name: 'kafka_consumer_group_rebalances_per_minute', unit: 'rebalances/min', labels: { group: 'driver-location' }, base: 0.01, noise: 0.5 },
      shape: stepTo(-700, 2.6, 60),
    },
  ],
  traces: {
    baseline: 10,
    incident: 12,
    flows: ['ping', 'create-delivery', 'track'],
    faults: [{ service: 'driver-location', op: 'driver-pings', from: -720, errorRate: 0.1, slowFactor: 40, errorAttributes: { 'exception.type': 'CommitFailedException', 'exception.message': 'Commit cannot be completed since the group has already rebalanced' } }],
  },
  logs: [
    rollout('geo-index', -2600, 3, () => 'geo-index v7.2.1 listening on :8080'),
    rollout('driver-location', -745, 3, () => 'ConsumerConfig values: max.poll.records = 5000, max.poll.interval.ms = 300000, group.id = driver-location'),
    pat('driver-location', 'warn', -700, 4, (r) => `[Consumer clientId=driver-location-${r.int(0, 2)}, groupId=driver-location] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages.`),
    pat('driver-location', 'info', -690, 4, (r) => `[Consumer clientId=driver-location-${r.int(0, 2)}, groupId=driver-location] Revoke previously assigned partitions driver-pings-${r.int(0, 11)}`),
    pat('driver-location', 'error', -680, 2, () => 'CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member', { linkTraces: true }),
    pat('dispatch', 'warn', -600, 3, (r) => `assignment used stale position driver=drv_${r.hex(6)} position_age_s=${r.int(60, 240)}`),
  ],
  changes: [
    { at: -2610, service: 'geo-index', kind: 'deployment', summary: 'geo-index v7.2.1: metrics for index compaction', version: 'v7.2.1', previousVersion: 'v7.2.0', author: 'k.nowak', commit: '9e3c7f0', source: 'argocd' },
    { at: -750, service: 'driver-location', kind: 'config', summary: 'ConfigMap driver-location: kafka max.poll.records 500 -> 5000 (fewer round trips)', version: 'r19', previousVersion: 'r18', author: 'l.moreau', commit: 'f8b2a41', source: 'argocd' },
  ],
  expected: { rootCause: { service: 'driver-location', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'logs'] },
};

export const dispatchB: ScenarioSpec[] = [mapsOutage, pollRecords];
