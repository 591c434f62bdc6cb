/*
 * Postmortems 7-9: a database slowdown amplified by retries (DoorDash 2022), a sustained
 * surge from school closures (Khan Academy 2020), a game launch overwhelming login and
 * realm servers (World of Warcraft: Shadowlands 2020).
 */
import { alert, chronic, config, deploy, every, exc, flag, hop, log, metric, peer, ramp, rt, scaling, shop, step, trace, widen, win, type Spec } from './lib.js';

/* Shop 7, "Dashcart": food delivery with a shared core database. */
const foodTopo = {
  'consumer-api': ['order-service', 'menu-service', 'eta-service'],
  'merchant-api': ['menu-service', 'order-service'],
  'order-service': ['core-db', 'payment-service', 'dispatch-service'],
  'menu-service': ['core-db', 'menu-cache'],
  'dispatch-service': ['core-db', 'driver-location'],
  'eta-service': ['driver-location', 'maps-api'],
  'payment-service': ['payments-gw'],
};
const foodExt = ['maps-api', 'payments-gw'];
const retryLogs = (from: string) => [
  every('order-service', 'warn', 'core-db query timeout after 2000ms, retry {n:1-3}/3', from, '1m'),
  every('menu-service', 'warn', 'core-db query timeout after 1500ms, retry {n:1-3}/3 (cache miss path)', from, '1m'),
  every('dispatch-service', 'warn', 'core-db query timeout, retry {n:1-3}/3 for assignment {id}', from, '2m'),
];

const foodDisk: Spec = shop({
  name: 'consumer-api-checkout-errors',
  description: 'Consumer checkout errors and timeouts; every backend that touches the shared database reports timeouts and retries.',
  at: '2026-02-11T18:30:00Z',
  source: 'alertmanager',
  postmortem: 'DoorDash 2022: database slowdown amplified by retries',
  kind: 'infrastructure',
  root: 'core-db',
  action: 'none',
  mustCite: ['metrics', 'runtime'],
  why: 'three services retry and triple the query rate, so the database looks overloaded by its callers; its volume\'s write latency rose twenty-fold first and the host reports a degraded disk; no change',
  topology: foodTopo,
  external: foodExt,
  refHours: 168,
  alert: { service: 'consumer-api', title: 'Checkout error ratio above 5%', since: '-9m' },
  sizes: { 'consumer-api': [1600, 220, 0.003], 'core-db': [9000, 4, 0.0002] },
  fx: {
    'core-db': { rps: [step('-24m', 23000)], p95: [step('-27m', 380), step('-24m', 1900)] },
    'order-service': { err: [step('-24m', 0.2)], p95: [step('-24m', 6100)], rps: [step('-24m', 1100)] },
    'menu-service': { err: [step('-24m', 0.12)], p95: [step('-24m', 4600)] },
    'dispatch-service': { err: [step('-23m', 0.15)] },
    'consumer-api': { err: [step('-23m', 0.14)], p95: [step('-23m', 7000)] },
  },
  metrics: [
    metric('core-db', 'node_disk_write_await_ms', 1.8, { labels: { device: 'nvme1n1' }, noise: 0.15, fx: [step('-27m', 41)] }),
    metric('core-db', 'pg_stat_activity_active', 40, { diurnal: 0.3, noise: 0.1, digits: 0, fx: [step('-24m', 480)] }),
    metric('core-db', 'pg_settings_max_connections', 500, { noise: 0, digits: 0 }),
  ],
  logs: [
    chronic('eta-service', 'warn', 'maps-api route fallback to straight-line for order {id}', '5m'),
    chronic('core-db', 'warn', 'duration: {n:1000-1900} ms  statement: SELECT ... FROM merchant_hours', '9m'),
    every('core-db', 'warn', 'checkpoint: wrote {n:2000-9000} buffers; write={n:40-90}.0 s, sync={n:8-30}.1 s (slow I/O)', '-27m', '4m'),
    log('core-db', 'error', 'kernel: nvme1n1: I/O timeout, command aborted; controller reset', '-27m'),
    every('core-db', 'warn', 'remaining connection slots are reserved for superuser', '-18m', '2m'),
    ...retryLogs('-24m'),
    every('consumer-api', 'error', 'POST /checkout failed: order-service 504', '-23m', '1m'),
  ],
  changes: [deploy('-2h', 'merchant-api', '10.2.0', '10.1.5', 'merchant-api: menu photo upload v2')],
  runtime: [rt('-27m', 'core-db', 'node_pressure', 'host db-core-1: EBS-like volume vol-core1 degraded, write latency 40x (provider maintenance ticket)'), rt('-15m', 'order-service', 'unhealthy', 'readiness failing: db pool exhausted', 4)],
  alerts: [alert('-22m', 'core-db', 'PostgresConnectionsNearMax'), alert('-20m', 'order-service', 'OrderLatencyHigh'), alert('-19m', 'menu-service', 'MenuErrorsHigh')],
});

const foodRetry: Spec = shop({
  name: 'merchant-tablets-sync-failing',
  description: 'Merchant tablets stop receiving orders; the shared database is saturated with connections.',
  at: '2026-02-19T12:15:00Z',
  source: 'opsgenie',
  postmortem: 'DoorDash 2022: retries from many services amplify a small database slowdown',
  kind: 'config_change',
  root: 'order-service',
  action: 'revert_config',
  mustCite: ['changes', 'logs'],
  why: 'the database is saturated and looks like the root; it had a 40-second checkpoint stall that other days pass unnoticed, but a retry policy change an hour earlier (1 -> 6 retries, no backoff) turned it into a storm of order-service queries that never drained',
  topology: foodTopo,
  external: foodExt,
  window: '-2h',
  alert: { service: 'merchant-api', title: 'Merchant order sync failures', since: '-1m' },
  sizes: { 'core-db': [9000, 4, 0.0002], 'order-service': [900, 80, 0.001] },
  fx: {
    'core-db': { rps: [step('-22m', 41000)], p95: [win('-23m', '-22m', 900), step('-22m', 2400)] },
    'order-service': { rps: [step('-22m', 900)], err: [step('-22m', 0.33)], p95: [step('-22m', 9000)] },
    'menu-service': { err: [step('-21m', 0.1)] },
    'merchant-api': { err: [step('-20m', 0.25)] },
  },
  metrics: [
    metric('core-db', 'pg_stat_activity_active', 40, { diurnal: 0.3, noise: 0.1, digits: 0, fx: [step('-22m', 500)] }),
    metric('core-db', 'queries_per_second_by_client', 3100, { labels: { client: 'order-service' }, diurnal: 0.3, noise: 0.05, digits: 0, fx: [step('-22m', 33000)] }),
    metric('core-db', 'queries_per_second_by_client', 3900, { labels: { client: 'menu-service' }, diurnal: 0.3, noise: 0.05, digits: 0 }),
    metric('order-service', 'db_client_retries_per_second', 2, { noise: 0.5, digits: 0, fx: [step('-22m', 27000)] }),
  ],
  logs: [
    chronic('eta-service', 'warn', 'maps-api route fallback to straight-line for order {id}', '5m'),
    chronic('core-db', 'info', 'checkpoint starting: time', '15m'),
    log('order-service', 'info', 'config reloaded: db.retry.max_attempts=6 (was 1), db.retry.backoff=none', '-62m'),
    log('core-db', 'warn', 'checkpoint complete: write=38.2 s (slow fsync)', '-23m'),
    every('order-service', 'warn', 'core-db query timeout after 2000ms, retry {n:1-6}/6 immediately', '-22m', '1m'),
    every('core-db', 'error', 'FATAL: sorry, too many clients already', '-21m', '1m'),
    every('merchant-api', 'error', 'order sync for store {n:1000-9999} failed: order-service 503', '-20m', '1m'),
  ],
  changes: [config('-62m', 'order-service', 'db client retry policy: max_attempts 1 -> 6, backoff none (reduce checkout blips)', 'e.mensah'), deploy('-40m', 'eta-service', '3.3.0', '3.2.9', 'eta-service: weather factor')],
  alerts: [alert('-21m', 'core-db', 'PostgresConnectionsNearMax'), alert('-18m', 'order-service', 'OrderErrorRateHigh')],
});

const foodQuery: Spec = shop({
  name: 'merchant-api-latency-dinner-rush',
  description: 'Merchant and consumer APIs slow down together just before the dinner peak.',
  at: '2026-03-04T17:50:00Z',
  source: 'datadog',
  postmortem: 'DoorDash 2022: a database slowdown cascades through retries',
  kind: 'deployment',
  root: 'dispatch-service',
  action: 'rollback',
  mustCite: ['changes', 'metrics'],
  why: 'the database is at full CPU and every caller retries, so the loudest errors are elsewhere; the slow statement is a dispatch query without an index, shipped an hour earlier, whose share of database time climbs with the evening orders',
  topology: foodTopo,
  external: foodExt,
  refHours: 168,
  alert: { service: 'merchant-api', title: 'Merchant API p95 latency above 3s', since: '-1m', metric: 'trace.http.request.duration.by.service.95p', threshold: 3 },
  sizes: { 'core-db': [9000, 4, 0.0002], 'dispatch-service': [300, 50, 0.001] },
  fx: {
    'core-db': { p95: [ramp('-55m', '-20m', 1400)] },
    'dispatch-service': { p95: [ramp('-55m', '-20m', 5200)], err: [step('-20m', 0.12)] },
    'order-service': { err: [step('-20m', 0.09)], p95: [step('-20m', 4100)] },
    'merchant-api': { p95: [step('-20m', 4800)], err: [step('-18m', 0.05)] },
  },
  metrics: [
    metric('core-db', 'cpu_utilization', 0.42, { diurnal: 0.2, noise: 0.05, digits: 3, fx: [ramp('-55m', '-20m', 0.99)] }),
    metric('core-db', 'statement_time_share', 0.03, { labels: { queryid: 'q_8841f2', caller: 'dispatch-service' }, noise: 0.1, digits: 3, base: 0, fx: [ramp('-58m', '-20m', 0.71)] }),
    metric('core-db', 'statement_time_share', 0.22, { labels: { queryid: 'q_13aa07', caller: 'order-service' }, noise: 0.1, digits: 3, fx: [ramp('-58m', '-20m', 0.08)] }),
  ],
  logs: [
    chronic('eta-service', 'warn', 'maps-api route fallback to straight-line for order {id}', '5m'),
    every('core-db', 'warn', 'duration: {n:2000-6000} ms  statement: SELECT * FROM deliveries WHERE courier_zone = $1 AND status IN (...) ORDER BY created_at  (Seq Scan on deliveries)', '-50m', '2m'),
    ...retryLogs('-20m'),
    every('merchant-api', 'warn', 'order-service slow: {n:3000-5000}ms', '-18m', '2m'),
  ],
  changes: [deploy('-58m', 'dispatch-service', '22.7.0', '22.6.3', 'dispatch-service: zone-based batching of deliveries', 'v.oduya'), deploy('-8m', 'order-service', '41.0.1', '41.0.0', 'hotfix: lower db timeout to 1s', 'oncall')],
  exceptions: [exc('-20m', 'order-service', 'QueryCanceled', 'canceling statement due to statement timeout', 640, 'orders/repo.py:get_order')],
  alerts: [alert('-30m', 'core-db', 'DbCpuHigh'), alert('-18m', 'order-service', 'OrderLatencyHigh')],
});

const auroraTopo = {
  'consumer-api': ['order-service', 'menu-service'],
  'order-service': ['aurora-orders', 'payment-service', 'dispatch-service'],
  'menu-service': ['aurora-orders', 'menu-cache'],
  'dispatch-service': ['aurora-orders', 'driver-location'],
  'payment-service': ['payments-gw'],
};
const foodAurora: Spec = shop({
  name: 'order-service-target-5xx',
  description: 'Order service 5xx through the load balancer; menu and dispatch time out too.',
  at: '2026-03-12T11:35:00Z',
  source: 'cloudwatch-sns',
  step: 300,
  postmortem: 'DoorDash 2022: the database slows and callers\' retries spread the outage',
  kind: 'dependency_failure',
  root: 'aurora-orders',
  action: 'none',
  mustCite: ['alerts', 'logs'],
  why: 'three services time out and retry; the managed database had an unplanned failover that AWS Health announces, and callers log the writer endpoint flipping and read-only errors; the database is seen only through them',
  topology: auroraTopo,
  external: ['aurora-orders', 'payments-gw'],
  refHours: 24,
  alert: { service: 'order-service', title: 'order service target 5xx', since: '-1m', metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { TargetGroup: 'targetgroup/order-service/0c3e9a51f2b4d788', LoadBalancer: 'app/dashcart-internal/8f00aa1e3c' }, threshold: 200, value: 2650 },
  sizes: { 'order-service': [40000, 90, 4] },
  fx: {
    'order-service': { err: [step('-20m', 2700)], p95: [step('-20m', 6000)], rps: [step('-20m', 61000)] },
    'menu-service': { err: [step('-20m', 900)] },
    'dispatch-service': { err: [step('-20m', 600)] },
    'consumer-api': { err: [step('-15m', 1200)] },
  },
  metrics: [metric('order-service', 'DbClientRetries', 20, { unit: 'Count', noise: 0.4, digits: 0, fx: [step('-20m', 88000)] })],
  logs: [
    chronic('menu-service', 'warn', 'menu-cache miss storm for merchant {n:1000-9999}', '8m'),
    every('order-service', 'error', 'ERROR 1290 (HY000): The MySQL server is running with the --read-only option (writer endpoint now dashcart-orders-instance-2)', '-20m', '1m'),
    every('order-service', 'warn', 'aurora-orders connection reset; retry {n:1-5}/5', '-20m', '1m'),
    every('menu-service', 'warn', 'aurora-orders read timeout after 3000ms, retrying', '-20m', '2m'),
    every('dispatch-service', 'warn', 'aurora-orders: communications link failure, reconnecting', '-19m', '2m'),
  ],
  traces: [trace('-18m', '-1m', '5m', [hop('consumer-api', 'POST /orders', 6100, 'error', { 'http.status_code': 502 }), hop('order-service', 'CreateOrder', 6000, 'error'), peer('order-service', 'aurora-orders', 'INSERT orders', 3000, 'error', { 'db.system': 'mysql', 'error.message': 'read-only' })])],
  changes: [deploy('-3h', 'menu-service', '15.0.2', '15.0.1', 'menu-service: allergen tags', 'ci-bot', 'codedeploy')],
  alerts: [alert('-21m', 'aurora-orders', 'AWS Health: RDS unplanned failover on cluster dashcart-orders (eu-west-1)'), alert('-17m', 'menu-service', 'menu-service-p99-high')],
});

/* Shop 8, "Learnwell": free lessons for students, hit by school closures. */
const learnTopo = {
  'web-frontend': ['lesson-api', 'progress-api', 'video-proxy', 'login-service'],
  'lesson-api': ['content-cache', 'content-db'],
  'progress-api': ['progress-store'],
  'video-proxy': ['video-origin'],
  'roster-sync': ['progress-store', 'sis-partner-api'],
  'teacher-dashboard': ['progress-api', 'roster-sync'],
  'login-service': ['user-db'],
};

const learnSurge: Spec = shop({
  name: 'web-frontend-lesson-timeouts',
  description: 'Lesson pages time out during the morning peak, the third weekday in a row with record traffic.',
  at: '2026-03-18T14:20:00Z',
  source: 'datadog',
  postmortem: 'Khan Academy 2020: school closures multiply traffic within days',
  kind: 'traffic_surge',
  root: 'lesson-api',
  action: 'scale_out',
  mustCite: ['metrics'],
  why: 'the frontend alerts; the lesson API runs at its replica ceiling with CPU saturated at 3.6 times last week\'s request rate; errors are load errors; a content-db config change and a lesson-api log tweak are decoys',
  topology: learnTopo,
  external: ['sis-partner-api'],
  refHours: 168,
  alert: { service: 'web-frontend', title: 'Lesson page load p95 above 8s', since: '-1m', metric: 'rum.page.load.p95', threshold: 8 },
  sizes: { 'lesson-api': [900, 140, 0.001], 'web-frontend': [1200, 300, 0.001] },
  fx: {
    'lesson-api': { rps: [step('-90m', 2600), ramp('-90m', '-25m', 3300)], p95: [ramp('-40m', '-20m', 9000)], err: [ramp('-35m', '-0s', 0.07)] },
    'web-frontend': { rps: [step('-90m', 3400), ramp('-90m', '-25m', 4300)], p95: [ramp('-40m', '-20m', 11000)] },
    'progress-api': { rps: [step('-90m', 1500)] },
    'login-service': { rps: [step('-90m', 700)] },
  },
  metrics: [
    metric('lesson-api', 'cpu_utilization', 0.45, { diurnal: 0.25, noise: 0.04, digits: 3, fx: [ramp('-90m', '-30m', 0.98)] }),
    metric('lesson-api', 'kube_hpa_current_replicas', 24, { noise: 0, digits: 0, fx: [ramp('-90m', '-45m', 80), step('-45m', 80)] }),
    metric('lesson-api', 'kube_hpa_max_replicas', 80, { noise: 0, digits: 0 }),
  ],
  logs: [
    chronic('roster-sync', 'warn', 'sis-partner-api rate limited (429) for district {n:100-999}, backing off', '6m'),
    chronic('lesson-api', 'warn', 'exercise {n:10000-99999} has no hints, skipped', '5m'),
    every('lesson-api', 'warn', 'request queue depth {n:200-900}, shedding low-priority requests', '-35m', '2m'),
    every('web-frontend', 'warn', 'lesson-api timeout after 8000ms', '-30m', '1m'),
  ],
  changes: [
    config('-4h', 'content-db', 'work_mem 16MB -> 32MB'),
    deploy('-2h', 'lesson-api', '18.3.1', '18.3.0', 'lesson-api: structured log fields for exercise ids'),
    scaling('-45m', 'lesson-api', 'HPA lesson-api at maxReplicas 80'),
  ],
  alerts: [alert('-40m', 'lesson-api', 'HpaAtMaxReplicas'), alert('-3h', 'roster-sync', 'PartnerApi429', 'resolved')],
});

const learnDisk = widen(
  shop({
    name: 'progress-api-save-failures',
    description: 'Students\' progress cannot be saved; the error started after two weeks of record usage.',
    at: '2026-03-25T13:05:00Z',
    source: 'cloudwatch-sns',
    step: 300,
    postmortem: 'Khan Academy 2020: a sustained surge exhausts capacity built for normal growth',
    kind: 'resource_exhaustion',
    root: 'progress-store',
    action: 'scale_out',
    mustCite: ['metrics', 'logs'],
    why: 'traffic is high but steady and served well; the progress store\'s storage has filled day by day with the extra writes and now refuses writes; the API alerts; no change',
    topology: learnTopo,
    external: ['sis-partner-api'],
    window: '-3h',
    refHours: 24,
    alert: { service: 'progress-api', title: 'progress api 5XX', since: '-1m', metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/progress-api/77c01e2d9ab3f410' }, threshold: 50, value: 1310 },
    sizes: { 'progress-api': [60000, 60, 2], 'progress-store': [180000, 6, 0] },
    fx: { 'progress-api': { err: [step('-25m', 1350)] }, 'progress-store': { err: [step('-25m', 4200)] }, 'teacher-dashboard': { err: [step('-20m', 80)] } },
    metrics: [
      metric('progress-store', 'FreeStorageSpace', 9.1e10, { unit: 'Bytes', noise: 0.002, digits: 0, fx: [ramp('-3h', '-25m', 0), step('-25m', 0)] }),
      metric('progress-store', 'WriteIOPS', 4200, { unit: 'Count/Second', diurnal: 0.3, noise: 0.05, digits: 0, fx: [step('-25m', 300)] }),
    ],
    logs: [
      chronic('roster-sync', 'warn', 'sis-partner-api rate limited (429) for district {n:100-999}, backing off', '6m'),
      every('progress-store', 'warn', 'data volume {n:92-99}% full; autovacuum cannot keep up with {n:40-90}M dead tuples', '-3h', '20m'),
      log('progress-store', 'error', 'could not extend file "base/16384/2619871": No space left on device', '-25m'),
      every('progress-store', 'error', 'ERROR: could not write to file "pg_wal/xlogtemp.{n:1000-9999}": No space left on device', '-24m', '2m'),
      every('progress-api', 'error', 'save progress for student {id} failed: could not extend file: No space left on device', '-24m', '1m'),
    ],
    alerts: [alert('-50m', 'progress-store', 'progress-store-free-storage-low'), alert('-20m', 'teacher-dashboard', 'teacher-dashboard-5xx')],
  }),
  { 'district-reports': ['progress-store'], 'email-digest': ['progress-api', 'user-db'], 'admin-console': ['user-db', 'content-db'] },
);

const learnVideo: Spec = shop({
  name: 'video-playback-start-failures',
  description: 'Video playback fails to start for many students at the start of the school day; a hotfix went out and did not help.',
  at: '2026-03-30T13:40:00Z',
  source: 'grafana',
  postmortem: 'Khan Academy 2020: the site scales under a sustained surge',
  kind: 'traffic_surge',
  root: 'video-proxy',
  action: 'scale_out',
  mustCite: ['metrics'],
  why: 'a video-proxy deploy sits twelve minutes before the alert, but the request rate had already tripled and errors had begun 30 minutes earlier, before it; the deploy was the on-call\'s hotfix; no defect, just demand above capacity',
  topology: learnTopo,
  external: ['sis-partner-api'],
  refHours: 168,
  alert: { service: 'web-frontend', title: 'Video start failure ratio above 3%', since: '-10m', value: 0.081 },
  sizes: { 'video-proxy': [1400, 90, 0.001] },
  fx: {
    'video-proxy': { rps: [ramp('-60m', '-35m', 4300)], err: [ramp('-40m', '-0s', 0.09)], p95: [ramp('-40m', '-20m', 4200)] },
    'web-frontend': { rps: [ramp('-60m', '-35m', 2600)] },
  },
  metrics: [
    metric('video-proxy', 'upstream_connections_active', 900, { diurnal: 0.3, noise: 0.05, digits: 0, cap: 2048, fx: [ramp('-60m', '-35m', 2048)] }),
    metric('video-proxy', 'upstream_connections_limit', 2048, { noise: 0, digits: 0 }),
  ],
  logs: [
    chronic('video-proxy', 'warn', 'range request beyond EOF for asset {id}', '6m'),
    every('video-proxy', 'warn', 'upstream pool exhausted (2048/2048), queueing request', '-38m', '2m'),
    every('web-frontend', 'warn', 'video manifest fetch timeout for lesson {n:1000-9999}', '-35m', '2m'),
    log('video-proxy', 'info', 'video-proxy 7.4.2 started (hotfix: worker_connections 4096 -> 8192)', '-12m'),
  ],
  changes: [deploy('-12m', 'video-proxy', '7.4.2', '7.4.1', 'hotfix: raise worker_connections (incident #4471)', 'oncall'), deploy('-3h', 'progress-api', '12.0.0', '11.9.3', 'progress-api: mastery v2')],
  alerts: [alert('-36m', 'video-proxy', 'UpstreamPoolSaturated')],
});

const learnFlag: Spec = shop({
  name: 'teacher-dashboard-class-progress-slow',
  description: 'Teachers\' class progress pages time out; student progress saves are slow too.',
  at: '2026-04-06T15:10:00Z',
  source: 'opsgenie',
  postmortem: 'Khan Academy 2020: new load from features switched on for the surge',
  kind: 'feature_flag',
  root: 'roster-sync',
  action: 'disable_flag',
  mustCite: ['changes', 'metrics'],
  why: 'the progress store is saturated and looks overloaded by students; the extra load is roster-sync\'s full hourly sync for every district, switched on by a flag 40 minutes earlier; the teacher dashboard alerts',
  topology: learnTopo,
  external: ['sis-partner-api'],
  refHours: 24,
  alert: { service: 'teacher-dashboard', title: 'Class progress page p95 above 10s', since: '-1m' },
  sizes: { 'roster-sync': [30, 400, 0.002] },
  fx: {
    'roster-sync': { rps: [step('-40m', 620)] },
    'progress-store': { p95: [step('-38m', 800)] },
    'progress-api': { p95: [step('-38m', 3200)], err: [step('-35m', 0.03)] },
    'teacher-dashboard': { p95: [step('-36m', 12000)] },
  },
  metrics: [
    metric('progress-store', 'queries_per_second_by_client', 90, { labels: { client: 'roster-sync' }, noise: 0.1, digits: 0, fx: [step('-40m', 5400)] }),
    metric('progress-store', 'queries_per_second_by_client', 2400, { labels: { client: 'progress-api' }, diurnal: 0.3, noise: 0.05, digits: 0 }),
    metric('progress-store', 'cpu_utilization', 0.5, { diurnal: 0.2, noise: 0.05, digits: 3, fx: [step('-40m', 0.97)] }),
  ],
  logs: [
    chronic('roster-sync', 'warn', 'sis-partner-api rate limited (429) for district {n:100-999}, backing off', '6m'),
    log('roster-sync', 'info', 'full-sync-all-districts enabled: scheduling 4,812 districts hourly', '-40m'),
    every('roster-sync', 'info', 'full sync district {n:100-9999}: {n:200-4000} students reconciled', '-39m', '1m'),
    every('progress-api', 'warn', 'progress-store slow: {n:1500-4000}ms', '-35m', '2m'),
  ],
  changes: [flag('-40m', 'roster-sync', 'full-sync-all-districts: off -> on', 'b.tanaka'), config('-2h', 'teacher-dashboard', 'page size 50 -> 100 students')],
  alerts: [alert('-35m', 'progress-store', 'DbCpuHigh'), alert('-30m', 'progress-api', 'ProgressLatencyHigh')],
});

/* Shop 9, "Gryphon Online": an online game on its expansion's launch night. */
const gameTopo = {
  'game-client-gw': ['login-service', 'realm-router', 'queue-service'],
  'login-service': ['account-db', 'token-service', 'platform-auth'],
  'realm-router': ['realm-server', 'character-db'],
  'queue-service': ['queue-store'],
  'store-api': ['account-db', 'payments-psp'],
  'launcher-api': ['patch-manifest', 'login-service'],
};
const gameExt = ['platform-auth', 'payments-psp'];

const gameLogin: Spec = shop({
  name: 'launch-night-client-login-failures',
  description: 'Expansion launch: players cannot log in; the client gateway reports login timeouts.',
  at: '2026-11-23T23:20:00Z',
  source: 'pagerduty',
  postmortem: 'World of Warcraft: Shadowlands launch 2020: login servers overwhelmed',
  kind: 'traffic_surge',
  root: 'login-service',
  action: 'scale_out',
  mustCite: ['metrics'],
  why: 'login attempts are eight times last week\'s at launch; the login tier is at full CPU and thread pools, with no error in its code and no change since the freeze; the gateway and queue alert on its timeouts',
  topology: gameTopo,
  external: gameExt,
  refHours: 168,
  alert: { service: 'game-client-gw', title: 'Client login success below 80%', since: '-1m', severity: 'critical' },
  sizes: { 'login-service': [800, 120, 0.002], 'game-client-gw': [1500, 80, 0.002] },
  fx: {
    'login-service': { rps: [ramp('-25m', '-15m', 6400)], p95: [step('-17m', 9000)], err: [step('-17m', 0.31)] },
    'game-client-gw': { rps: [ramp('-25m', '-15m', 9000)], err: [step('-16m', 0.26)] },
    'launcher-api': { rps: [ramp('-30m', '-20m', 4000)] },
    'queue-service': { rps: [ramp('-20m', '-15m', 2500)] },
  },
  metrics: [
    metric('login-service', 'cpu_utilization', 0.3, { noise: 0.05, digits: 3, fx: [ramp('-25m', '-17m', 0.99)] }),
    metric('login-service', 'worker_threads_busy_ratio', 0.2, { noise: 0.05, digits: 3, fx: [ramp('-25m', '-17m', 1)] }),
  ],
  logs: [
    chronic('store-api', 'warn', 'payments-psp 3DS challenge timeout for order {id}', '7m'),
    every('launcher-api', 'info', 'expansion build 11.0.0 manifests served: {n:20000-60000}/min', '-30m', '5m'),
    every('login-service', 'warn', 'thread pool saturated ({n:480-512}/512), rejecting login', '-17m', '1m'),
    every('game-client-gw', 'error', 'login-service timeout after 10000ms for session {id}', '-16m', '1m'),
  ],
  changes: [deploy('-6h', 'launcher-api', '11.0.0', '10.2.7', 'launcher: expansion go-live manifest', 'release-eng'), scaling('-4h', 'login-service', 'pre-launch scale 12 -> 24 instances (launch plan)')],
  alerts: [alert('-16m', 'queue-service', 'QueueLengthHigh'), alert('-15m', 'login-service', 'LoginLatencyHigh')],
});

const gameRealm: Spec = shop({
  name: 'realm-router-handoff-failures',
  description: 'Players admitted from the queue are disconnected at the realm handoff.',
  at: '2026-11-24T02:10:00Z',
  source: 'alertmanager',
  postmortem: 'World of Warcraft: Shadowlands launch 2020: realm servers overwhelmed, disconnections',
  kind: 'resource_exhaustion',
  root: 'realm-server',
  action: 'scale_out',
  mustCite: ['runtime', 'metrics'],
  why: 'the router alerts on failed handoffs; realm servers hold a session buffer per queued player and run out of memory one after another hours into launch night; population caps were not changed; the router only relays the failures',
  topology: gameTopo,
  external: gameExt,
  window: '-3h',
  refHours: 168,
  alert: { service: 'realm-router', title: 'Realm handoff failure ratio above 10%', since: '-18m' },
  sizes: { 'realm-router': [600, 40, 0.002], 'realm-server': [2200, 30, 0.001] },
  fx: {
    'realm-router': { err: [step('-35m', 0.22)] },
    'realm-server': { err: [step('-35m', 0.28)], p95: [step('-35m', 1600)] },
  },
  metrics: [
    metric('realm-server', 'container_memory_working_set_bytes', 9e9, { noise: 0.02, digits: 0, cap: 1.6e10, fx: [ramp('-3h', '-35m', 1.6e10)] }),
    metric('realm-server', 'container_spec_memory_limit_bytes', 1.6e10, { noise: 0, digits: 0 }),
    metric('realm-server', 'sessions_buffered', 3000, { noise: 0.05, digits: 0, fx: [ramp('-3h', '-35m', 11800)] }),
  ],
  logs: [
    chronic('store-api', 'warn', 'payments-psp 3DS challenge timeout for order {id}', '7m'),
    every('realm-server', 'warn', 'session buffer for queued players {n:9000-11800} (limit none); heap {n:85-99}%', '-90m', '10m'),
    every('realm-router', 'error', 'handoff to realm {n:1-40} failed: connection reset by realm-server', '-35m', '1m'),
    every('game-client-gw', 'warn', 'player {id} disconnected during world load (code 51900319)', '-33m', '1m'),
  ],
  runtime: [
    rt('-35m', 'realm-server', 'oom_killed', 'realm-eu-07: OOMKilled'),
    rt('-28m', 'realm-server', 'oom_killed', 'realm-eu-12: OOMKilled'),
    rt('-19m', 'realm-server', 'oom_killed', 'realm-eu-03: OOMKilled'),
    rt('-10m', 'realm-server', 'restart', 'realm-eu-07 restarted, reloading world state', 2),
  ],
  changes: [deploy('-5h', 'store-api', '8.2.0', '8.1.9', 'store-api: expansion bundles')],
  alerts: [alert('-33m', 'game-client-gw', 'DisconnectsHigh'), alert('-25m', 'queue-service', 'QueueLengthHigh')],
});

const gameDeploy = widen(
  shop({
    name: 'game-client-gw-mid-session-disconnects',
    description: 'Players in the world are disconnected every few minutes; login works. A login hotfix shipped in the incident did not help.',
    at: '2026-11-24T19:45:00Z',
    source: 'cloudwatch',
    step: 300,
    postmortem: 'World of Warcraft: Shadowlands launch 2020: disconnections for hours',
    kind: 'deployment',
    root: 'realm-router',
    action: 'rollback',
    mustCite: ['changes', 'exceptions'],
    why: 'a launch-day patch to the realm router changed how session keys are renewed and drops sessions at renewal; the login hotfix after onset and the realm servers\' chronic warnings are decoys',
    topology: gameTopo,
    external: gameExt,
    window: '-3h',
    refHours: 24,
    alert: { service: 'game-client-gw', title: 'client disconnects high', since: '-1m', metric: 'Disconnects', namespace: 'Gryphon/Gateway', threshold: 5000, value: 21400 },
    sizes: { 'realm-router': [180000, 40, 4] },
    fx: { 'realm-router': { err: [step('-50m', 9800)] }, 'game-client-gw': { err: [step('-48m', 4100)] } },
    metrics: [
      metric('game-client-gw', 'Disconnects', 800, { unit: 'Count', diurnal: 0.3, noise: 0.15, digits: 0, fx: [step('-50m', 21000)] }),
      metric('realm-router', 'SessionKeyRenewalFailures', 0, { unit: 'Count', noise: 0, digits: 0, fx: [step('-50m', 9500)] }),
    ],
    logs: [
      chronic('realm-server', 'warn', 'tick overrun {n:52-90}ms in zone {n:1000-9999}', '4m'),
      log('realm-router', 'info', 'realm-router 11.0.3 started: session key renewal via token-service v2', '-55m'),
      every('realm-router', 'error', 'session {id} key renewal failed: token-service v2 returned no key epoch; closing session', '-50m', '1m'),
      every('game-client-gw', 'warn', 'player {id} disconnected in world (code BLZ51901016)', '-48m', '1m'),
    ],
    changes: [
      deploy('-55m', 'realm-router', '11.0.3', '11.0.2', 'realm-router: launch patch, session key renewal v2', 'gameplay-eng', 'codedeploy'),
      deploy('-15m', 'login-service', '11.0.5', '11.0.4', 'hotfix: extend login token lifetime', 'oncall', 'codedeploy'),
    ],
    exceptions: [exc('-50m', 'realm-router', 'KeyEpochMissingError', 'renewal response has no key_epoch (expected v2 schema)', 9400, 'session/renew.go:88')],
    alerts: [alert('-45m', 'realm-router', 'realm-router-renewal-failures')],
  }),
  { 'guild-service': ['character-db'], 'chat-relay': ['realm-router'], 'auction-house': ['character-db', 'account-db'], 'achievement-service': ['character-db'] },
);

const gamePlatform: Spec = shop({
  name: 'console-players-login-failing',
  description: 'Console players cannot log in at launch; PC players can.',
  at: '2026-11-23T23:55:00Z',
  source: 'grafana',
  postmortem: 'World of Warcraft: Shadowlands launch 2020: login failing for hours',
  kind: 'dependency_failure',
  root: 'platform-auth',
  action: 'none',
  mustCite: ['traces', 'logs'],
  why: 'launch traffic is high and login looks overwhelmed, but its own CPU is fine and PC logins succeed; console logins fail in client spans to the console platform\'s auth service (503, 15 s), whose status page reports degradation',
  topology: gameTopo,
  external: gameExt,
  refHours: 24,
  alert: { service: 'login-service', title: 'Login error ratio above 10%', since: '-11m', value: 0.27 },
  sizes: { 'login-service': [3000, 120, 0.002] },
  fx: { 'login-service': { err: [step('-24m', 0.27)], p95: [step('-24m', 15000)] }, 'game-client-gw': { err: [step('-23m', 0.12)] } },
  metrics: [
    metric('login-service', 'cpu_utilization', 0.55, { noise: 0.05, digits: 3 }),
    metric('login-service', 'logins_by_platform_per_second', 1900, { labels: { platform: 'pc' }, noise: 0.06, digits: 0 }),
    metric('login-service', 'logins_by_platform_per_second', 1100, { labels: { platform: 'console' }, noise: 0.06, digits: 0, fx: [step('-24m', 30)] }),
  ],
  logs: [
    chronic('login-service', 'warn', 'login failed for account {id}: bad password', '2m'),
    every('login-service', 'error', 'platform-auth POST /v2/token/verify failed: 503 Service Unavailable after 15000ms', '-24m', '1m'),
    every('game-client-gw', 'warn', 'console client {id} login failed (code PA-503)', '-23m', '2m'),
  ],
  traces: [
    trace('-60m', '-26m', '10m', [hop('game-client-gw', 'Login', 300), hop('login-service', 'Authenticate', 260), peer('login-service', 'platform-auth', 'POST /v2/token/verify', 120)], true),
    trace('-22m', '-1m', '5m', [hop('game-client-gw', 'Login', 15200, 'error'), hop('login-service', 'Authenticate', 15100, 'error'), peer('login-service', 'platform-auth', 'POST /v2/token/verify', 15000, 'error', { 'http.status_code': 503 })]),
  ],
  changes: [scaling('-50m', 'login-service', 'scale 24 -> 36 instances (launch plan)')],
  alerts: [alert('-22m', 'platform-auth', 'Console network status: sign-in degraded'), alert('-20m', 'game-client-gw', 'LoginSuccessLow')],
});

export const C: Spec[] = [foodDisk, foodRetry, foodQuery, foodAurora, learnSurge, learnDisk, learnVideo, learnFlag, gameLogin, gameRealm, gameDeploy, gamePlatform];
void log;
void rt;
