import { pat, rollout } from '../lib/helpers.js';
import { leak, scaleBy, stepTo } from '../lib/metrics.js';
import { alertmanager } from '../lib/signals.js';
import { opsgenie, pagerduty } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { dispatch } from '../systems/dispatch.js';

const GiB = 1024 * 1024 * 1024;

/*
 * Intent: resource_exhaustion on geo-index (in-memory index outgrows its limit on a busy Friday),
 * OOM kills and a crash loop with no change; action restart. Alert on dispatch (1 hop). Noise:
 * push-gateway errors all the time.
 */
const geoOom: ScenarioSpec = {
  name: 'dispatch-assignment-failures',
  seed: 5101,
  at: '2026-05-29T18:12:00Z',
  description:
    'During the Friday dinner peak a quarter of delivery assignments failed and couriers were left without offers. The dispatch error alert fired at 18:12 UTC; geo-index pods restarted several times in the preceding minutes. Push notification errors are always elevated and were at their usual level. Nothing was deployed that day.',
  system: dispatch,
  onset: -540,
  signal: alertmanager('2026-05-29T18:12:00Z', {
    alertname: 'DispatchAssignmentErrors',
    service: 'dispatch',
    severity: 'critical',
    summary: 'dispatch assignment error ratio above 5%',
    description: '24% of POST /v1/assignments failed over the last 5 minutes.',
    expr: 'sum(rate(http_requests_total{service="dispatch",route="/v1/assignments",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="dispatch",route="/v1/assignments"}[5m])) > 0.05',
    labels: { namespace: 'courier', team: 'marketplace' },
  }),
  effects: [
    { service: 'geo-index', key: 'memory', shape: leak(2.62 * GiB, 0.42 * GiB, [-540, -410, -280, -150], 1.1 * GiB) },
    { service: 'geo-index', key: 'errors', shape: stepTo(-540, 0.2, 30) },
    { service: 'geo-index', key: 'latency', shape: stepTo(-540, 0.9, 60) },
    { service: 'dispatch', key: 'errors', shape: stepTo(-535, 0.24, 30) },
    { service: 'dispatch', key: 'latency', shape: scaleBy(-535, 2.5, 60) },
    { service: 'mobile-bff', key: 'errors', shape: stepTo(-530, 0.021, 30) },
    { service: 'driver-location', key: 'lag', shape: stepTo(-530, 45, 120) },
  ],
  extraSeries: [
    {
      service: 'geo-index',
      def: { key: 'entries', name: 'geo_index_entries', unit: 'entries', base: 1, noise: 0.002, integer: true },
      shape: () => (t) => 1.62e6 + (0.51e6 * (Math.min(t, -540) + 3600)) / 3060,
    },
    {
      service: 'geo-index',
      def: { key: 'limit', name: 'kube_pod_container_resource_limits_memory_bytes', unit: 'bytes', base: 3 * GiB, noise: 0, integer: true },
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['create-delivery', 'track', 'ping'],
    faults: [{ service: 'geo-index', from: -540, errorRate: 0.3, unreachable: true, errorAttributes: { 'error.type': 'connection refused', 'exception.message': 'dial tcp 10.60.4.17:8080: connect: connection refused' } }],
  },
  logs: [
    pat('geo-index', 'info', -530, 0.5, (r) => `rebuilding index from snapshot entries=${r.int(2100000, 2140000)}`, { max: 4 }),
    pat('geo-index', 'warn', -900, 1, (r) => `heap usage high: ${r.range(2.7, 2.95).toFixed(2)}GiB of 3.00GiB limit`, { max: 6 }),
    pat('dispatch', 'error', -535, 8, (r) => `assignment failed delivery=d_${r.hex(10)}: geo-index GET /v1/nearby: dial tcp 10.60.4.${r.int(10, 30)}:8080: connect: connection refused`, { linkTraces: true }),
    pat('driver-location', 'warn', -530, 3, () => 'position update to geo-index failed, will retry: connection refused'),
  ],
  changes: [],
  runtime: [
    { at: -540, service: 'geo-index', kind: 'oom_killed', count: 2, message: 'container geo-index OOMKilled (exit code 137), limit 3Gi' },
    { at: -410, service: 'geo-index', kind: 'oom_killed', count: 1, message: 'container geo-index OOMKilled (exit code 137), limit 3Gi' },
    { at: -280, service: 'geo-index', kind: 'crash_loop', count: 3, message: 'Back-off restarting failed container geo-index in pod geo-index-5c9d7f6b8-qk2lm' },
    { at: -150, service: 'geo-index', kind: 'restart', count: 5, message: 'geo-index containers restarted 5 times in 7 minutes' },
  ],
  expected: { rootCause: { service: 'geo-index', kind: 'resource_exhaustion' }, action: 'restart', mustCite: ['runtime', 'metrics'] },
};

/*
 * Intent: deployment on eta-service that calls maps-api once per leg (N+1); per-call latency of the
 * third party is unchanged, so it is not a dependency failure. Alert on mobile-bff (1 hop).
 */
const etaDeploy: ScenarioSpec = {
  name: 'dispatch-app-slow-tracking',
  seed: 5102,
  at: '2026-06-12T12:40:00Z',
  description:
    'At lunchtime the customer app\'s live tracking screen became slow to refresh; mobile-bff p99 rose from about 0.4 s to 2.5 s. Order creation was only mildly affected. The maps provider\'s status page showed no incident. Outbound request volume to the maps provider grew sharply, raising a cost alarm later in the day.',
  system: dispatch,
  onset: -600,
  signal: pagerduty('2026-06-12T12:40:00Z', {
    title: 'mobile-bff p99 latency above 1.5s',
    serviceName: 'mobile-bff',
    urgency: 'high',
    priority: 'P2',
    number: 7304,
    escalationPolicy: 'Courier Apps',
    team: 'Apps Platform',
    assignee: 'Rui Carvalho',
  }),
  effects: [
    { service: 'eta-service', key: 'latency', shape: stepTo(-600, 1.95, 150) },
    { service: 'eta-service', key: 'cpu', shape: scaleBy(-600, 1.5, 150) },
    { service: 'mobile-bff', key: 'latency', shape: stepTo(-595, 2.5, 150) },
    { service: 'dispatch', key: 'latency', shape: scaleBy(-595, 1.3, 150) },
  ],
  extraSeries: [
    {
      service: 'eta-service',
      def: { key: 'mapsRps', name: 'http_client_requests_per_second', unit: 'req/s', labels: { peer: 'api.mapbox.com' }, base: 330, noise: 0.06, drift: 0.12 },
      shape: scaleBy(-600, 5.6, 150),
    },
    {
      service: 'eta-service',
      def: { key: 'mapsLat', name: 'http_client_duration_p99_seconds', unit: 's', labels: { peer: 'api.mapbox.com' }, base: 0.31, noise: 0.1 },
    },
  ],
  traces: {
    baseline: 12,
    incident: 14,
    flows: ['track', 'create-delivery'],
    faults: [{ service: 'maps-api', op: 'GET /directions', from: -600, errorRate: 0, repeat: 5 }],
  },
  logs: [
    rollout('eta-service', -690, 4, () => 'eta-service v4.6.0 started; eta.refinement=per-leg'),
    pat('eta-service', 'info', -600, 6, (r) => `eta computed legs=${r.int(4, 9)} provider=mapbox calls=${r.int(4, 9)} elapsed_ms=${r.int(500, 1900)}`),
    pat('mobile-bff', 'warn', -590, 4, (r) => `slow upstream eta-service GET /v1/eta elapsed_ms=${r.int(900, 2600)}`, { linkTraces: true }),
  ],
  changes: [
    { at: -700, service: 'eta-service', kind: 'deployment', summary: 'eta-service v4.6.0: per-leg ETA refinement for multi-stop deliveries', version: 'v4.6.0', previousVersion: 'v4.5.3', author: 'f.adeyemi', commit: 'c4e19a8', source: 'argocd' },
  ],
  expected: { rootCause: { service: 'eta-service', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'traces'] },
};

/*
 * Intent: traffic_surge on dispatch (a storm drives delivery demand up); noisy baseline; HPA at its
 * ceiling. Red herring: a config change on a sibling (geo-index) ten minutes before onset.
 */
const storm: ScenarioSpec = {
  name: 'dispatch-latency-storm',
  seed: 5103,
  at: '2026-06-19T17:35:00Z',
  description:
    'A thunderstorm over the two largest cities coincided with the evening peak. Dispatch latency climbed over a quarter of an hour until the assignment latency alert fired; some assignments timed out. Courier supply was flat. A geo-index search-radius setting had been changed shortly before.',
  system: dispatch,
  onset: -900,
  noise: 1.8,
  signal: opsgenie('2026-06-19T17:35:00Z', {
    message: 'dispatch assignment p99 latency above 2s',
    description: 'dispatch POST /v1/assignments p99 is 3.4s over 5 minutes (SLO 1.5s).',
    entity: 'dispatch',
    tags: ['service:dispatch', 'env:prod', 'team:marketplace'],
    details: { service: 'dispatch', env: 'prod', route: '/v1/assignments', p99_seconds: '3.4' },
    priority: 'P2',
    source: 'Prometheus',
    integrationName: 'Prometheus-Alertmanager',
    tinyId: 9041,
  }),
  effects: [
    { service: 'dispatch', key: 'rps', shape: stepTo(-900, 265, 600) },
    { service: 'dispatch', key: 'cpu', shape: stepTo(-800, 0.97, 500) },
    { service: 'dispatch', key: 'latency', shape: stepTo(-600, 3.4, 400) },
    { service: 'dispatch', key: 'errors', shape: stepTo(-400, 0.028, 200) },
    { service: 'mobile-bff', key: 'rps', shape: scaleBy(-900, 2.1, 600) },
    { service: 'mobile-bff', key: 'latency', shape: scaleBy(-600, 2.6, 400) },
    { service: 'geo-index', key: 'rps', shape: scaleBy(-900, 2.7, 600) },
    { service: 'geo-index', key: 'cpu', shape: scaleBy(-900, 1.6, 600) },
    { service: 'eta-service', key: 'rps', shape: scaleBy(-900, 2.4, 600) },
  ],
  extraSeries: [
    {
      service: 'dispatch',
      def: { key: 'replicas', name: 'kube_deployment_status_replicas_available', unit: 'replicas', base: 6, noise: 0, integer: true },
      shape: stepTo(-780, 16, 300),
    },
    {
      service: 'driver-location',
      def: { key: 'online', name: 'couriers_online', unit: 'couriers', base: 4120, noise: 0.01, integer: true, drift: 0.04 },
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['create-delivery', 'track'],
    faults: [{ service: 'dispatch', from: -600, errorRate: 0.03, slowFactor: 12, errorAttributes: { 'http.status_code': 504 } }],
  },
  logs: [
    pat('dispatch', 'warn', -600, 5, (r) => `assignment round took ${r.int(1500, 4200)}ms pending_deliveries=${r.int(800, 2600)} (target 500ms)`),
    pat('dispatch', 'error', -400, 2, () => 'POST /v1/assignments 504 deadline exceeded'),
    pat('geo-index', 'info', -1510, 1, () => 'configuration reloaded: nearby.defaultRadiusKm=4', { max: 3 }),
  ],
  changes: [
    { at: -1500, service: 'geo-index', kind: 'config', summary: 'ConfigMap geo-index: nearby.defaultRadiusKm 3 -> 4', version: 'r33', previousVersion: 'r32', author: 'k.nowak', commit: '1b7d0c2', source: 'argocd' },
    { at: -780, service: 'dispatch', kind: 'scaling', summary: 'HorizontalPodAutoscaler dispatch: 6 -> 12 replicas (cpu 94% / target 65%)', source: 'kubernetes' },
    { at: -480, service: 'dispatch', kind: 'scaling', summary: 'HorizontalPodAutoscaler dispatch: 12 -> 16 replicas (maxReplicas reached)', source: 'kubernetes' },
  ],
  runtime: [{ at: -420, service: 'dispatch', kind: 'throttled', count: 16, message: 'CPU throttling above 50% of periods on 16/16 pods (limit 2 vCPU)' }],
  expected: { rootCause: { service: 'dispatch', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics'] },
};

export const dispatchA: ScenarioSpec[] = [geoOom, etaDeploy, storm];
