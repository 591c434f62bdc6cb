import type { ScenarioSpec } from './engine.js';
import { M, H, span, clientSpan, expected, step, noisy } from './kit.js';
import { alertmanager, cloudwatchEvent, cloudwatchSns, datadog, generic, grafana, opsgenie, pagerduty } from './signals.js';

/* Traffic surges and latent code defects. */

const F1_AT = '2026-05-10T18:04:00Z';
const f1: ScenarioSpec = {
  name: 'mobile-api-target-response-time-alarm',
  description: 'CloudWatch alarm: mobile-api target group TargetResponseTime p95 above 1.5 s.',
  at: F1_AT,
  signal: {
    source: 'cloudwatch',
    ...cloudwatchEvent({
      at: F1_AT,
      changed: -1 * M,
      name: 'mobile-api-tg-response-time-p95',
      description: 'mobile-api slow behind public ALB',
      reason: 'Threshold Crossed: 2 out of the last 2 datapoints [3.84 (10/05/26 18:02:00), 2.91 (10/05/26 18:01:00)] were greater than the threshold (1.5) (minimum 2 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/ApplicationELB',
      metric: 'TargetResponseTime',
      dimensions: { TargetGroup: 'targetgroup/mobile-api/4d3c2b1a09f8e7d6', LoadBalancer: 'app/mobile-public/8e7d6c5b4a392817' },
      stat: 'p95',
      period: 60,
      threshold: 1.5,
      evaluationPeriods: 2,
    }),
  },
  topology: {
    'mobile-public-alb': ['mobile-api'],
    'mobile-api': ['catalog-api', 'deals-api', 'session-cache', 'cart-api'],
    'deals-api': ['deals-db'],
    'push-sender': ['braze'],
  },
  window: 2 * H,
  withLogs: false,
  services: [
    { name: 'mobile-api', style: 'cw-alb', rps: 400, p99: 260, err: 0.002, labels: { TargetGroup: 'targetgroup/mobile-api/4d3c2b1a09f8e7d6', LoadBalancer: 'app/mobile-public/8e7d6c5b4a392817' }, info: ['GET /m/home 200', 'GET /m/deals 200'], logEvery: 60 },
    { name: 'deals-api', style: 'otel', rps: 150, p99: 60, err: 0.001 },
    { name: 'catalog-api', style: 'otel', rps: 300, p99: 70, err: 0.001 },
    { name: 'cart-api', style: 'otel', rps: 100, p99: 50, err: 0.001, chronic: [{ level: 'warn', message: 'cart {hex:8} merge conflict resolved by last-write-wins', every: 300 }] },
    { name: 'push-sender', style: 'none', info: ['token refresh batch ok'], logEvery: 1200 },
  ],
  effects: [
    { service: 'mobile-api', from: -5 * M, ramp: 2 * M, rps: 5.5, lat: 9, err: 0.03 },
    { service: 'deals-api', from: -5 * M, ramp: 2 * M, rps: 6, lat: 1.6 },
    { service: 'catalog-api', from: -5 * M, ramp: 2 * M, rps: 3, lat: 1.2 },
  ],
  series: [
    { name: 'CPUUtilization', service: 'mobile-api', labels: { Namespace: 'AWS/ECS', ClusterName: 'prod-apps', ServiceName: 'mobile-api', Statistic: 'Average' }, unit: 'Percent', step: 60, fn: (t, r, ref) => Math.min(100, noisy(r, step(t, ref, -5 * M, 34, 99, 2 * M), 0.03)) },
    { name: 'RunningTaskCount', service: 'mobile-api', labels: { Namespace: 'ECS/ContainerInsights', ClusterName: 'prod-apps', ServiceName: 'mobile-api', Statistic: 'Average' }, unit: 'Count', step: 60, fn: (t, _r, ref) => (ref || t < -3 * M ? 12 : Math.min(40, 12 + Math.floor((t + 3 * M) / 20))) },
    { name: 'RequestCountPerTarget', service: 'mobile-api', labels: { Namespace: 'AWS/ApplicationELB', TargetGroup: 'targetgroup/mobile-api/4d3c2b1a09f8e7d6', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -5 * M, 2000, 9500, 2 * M), 0.05) },
    { name: 'app_opens_from_push', service: 'mobile-api', labels: { source: 'amplitude' }, unit: '{open}/min', fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -5 * M, 300, 61000, M), 0.1)) },
  ],
  logs: [
    { service: 'push-sender', from: -6 * M, to: -5 * M, every: 30, level: 'info', msg: (i) => ['campaign mday-flash-2026 "48h flash sale" send started: segment all_opted_in (4,102,331 devices)', 'campaign mday-flash-2026 send completed in 52s'][i % 2]! },
    { service: 'mobile-api', from: -4 * M, every: 6, level: 'warn', msg: 'request queue wait {n:800-4000}ms (worker pool 64/64 busy)' },
    { service: 'mobile-api', from: -3 * M, every: 20, level: 'error', msg: 'upstream request timeout after 5000ms GET /m/deals' },
  ],
  traces: [
    { from: -2 * H, to: -6 * M, count: 3, inRef: true, tree: (r) => span('mobile-api', 'GET /m/deals', r.int(80, 200), 'ok', undefined, [span('deals-api', 'GET /deals/active', r.int(20, 50)), span('catalog-api', 'POST /items/batch', r.int(20, 60))]) },
    { from: -3 * M, to: -1 * M, count: 4, tree: (r) => span('mobile-api', 'GET /m/deals', r.int(2000, 5000), r.chance(0.2) ? 'error' : 'ok', { 'app.queue_wait_ms': r.int(1500, 4000) }, [span('deals-api', 'GET /deals/active', r.int(30, 90)), span('catalog-api', 'POST /items/batch', r.int(30, 80))]) },
  ],
  changes: [
    { at: -1 * H - 35 * M, service: 'mobile-api', kind: 'deployment', summary: 'mobile-api 3.77.0: deals carousel v2', version: '3.77.0', previousVersion: '3.76.2', author: 'mobile-ci', source: 'codedeploy' },
    { at: -40 * M, service: 'deals-api', kind: 'config', summary: 'deals-api: Mother\'s Day deals published (184 items)', author: 'merch', source: 'admin-console' },
    { at: -2 * M, service: 'mobile-api', kind: 'scaling', summary: 'Application Auto Scaling: mobile-api desired 12 -> 40 (max)', source: 'application-autoscaling' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('mobile-api', 'traffic_surge', 'scale_out', ['metrics']),
  meta: {
    story: 'Marketing sends a push to all 4.1M opted-in devices at 18:00; app opens jump 200x and mobile-api requests 5.5x within two minutes. Tasks are CPU-bound and queue requests while target tracking adds tasks (40 is the max). Nothing is broken; capacity is short.',
    modelledOn: 'documented class: push-notification thundering herd against a mobile backend',
    alertService: 'mobile-api',
    alertStart: -1 * M,
    tempting: 'mobile-api deploy 90 minutes earlier; deals publication 35 minutes before',
  },
};

const F2_AT = '2026-07-01T00:07:00Z';
const f2: ScenarioSpec = {
  name: 'analytics-api-slow-after-midnight',
  description: 'Generic alert (cron monitor): tenant exports missing their 00:05 SLA.',
  at: F2_AT,
  signal: {
    source: 'generic',
    ...generic({ at: F2_AT, startedAt: -2 * M, title: 'Exports late: 143 of 212 tenant exports not finished by 00:05 UTC', service: 'analytics-api', severity: 'high', description: 'export-runner jobs waiting on analytics-api; p99 9.8s', labels: { monitor: 'export-sla', team: 'insights' }, dedupKey: 'export-sla-2026-07-01' }),
  },
  topology: {
    'export-runner': ['analytics-api'],
    dashboard: ['analytics-api'],
    'analytics-api': ['analytics-db', 'query-cache'],
    'ingest-worker': ['analytics-db'],
  },
  window: 2 * H,
  services: [
    { name: 'export-runner', style: 'none', info: ['export {hex:8} finished'], logEvery: 1800 },
    { name: 'dashboard', style: 'prom', rps: 25, p99: 600, err: 0.003 },
    { name: 'analytics-api', style: 'prom', rps: 30, p99: 900, err: 0.002, info: ['query {hex:8} served in {n:80-900}ms'], logEvery: 60 },
    { name: 'ingest-worker', style: 'prom', rps: 200, p99: 30, err: 0.001, chronic: [{ level: 'warn', message: 'late-arriving events for tenant {n:100-999}, backfilling partition', every: 400 }] },
  ],
  effects: [
    { service: 'analytics-api', from: -7 * M, ramp: M, rps: 7.5, lat: 11, err: 0.04 },
    { service: 'dashboard', from: -6 * M, lat: 6, err: 0.03 },
  ],
  series: [
    { name: 'kube_job_status_start_time:count1m', service: 'export-runner', labels: { namespace: 'insights' }, unit: '{job}', fn: (t, _r, ref) => (Math.abs(t + 7 * M) < 30 ? (ref ? 69 : 212) : 0) },
    { name: 'process_cpu_seconds:rate1m', service: 'analytics-api', labels: { container: 'analytics-api' }, unit: 'cores', fn: (t, r, ref) => Math.min(8, noisy(r, t >= -7 * M && t < 20 * M ? (ref ? 4.1 : 8) : 1.6, 0.05)) },
    { name: 'pg_stat_activity_count', service: 'analytics-db', labels: { state: 'active' }, unit: '{connection}', fn: (t, r, ref) => Math.round(noisy(r, t >= -7 * M ? (ref ? 30 : 60) : 14, 0.1)) },
    { name: 'http_server_active_requests', service: 'analytics-api', unit: '{request}', fn: (t, r, ref) => Math.round(noisy(r, t >= -7 * M ? (ref ? 70 : 410) : 12, 0.1)) },
  ],
  logs: [
    { service: 'export-runner', from: -7 * M, to: -6 * M, every: 1, level: 'info', msg: 'job export-tenant-{n:100-999}-{n:29700000-29700099} started (schedule "0 0 * * *" / "0 0 1 * *")' },
    { service: 'analytics-api', from: -6 * M, every: 8, level: 'warn', msg: 'request queued {n:2000-9000}ms: worker pool saturated (32/32)' },
    { service: 'export-runner', from: -4 * M, every: 15, level: 'warn', msg: 'export {hex:8}: analytics-api timeout after 10s, retry {n:1-3}/3' },
  ],
  changes: [
    { at: -1 * H - 30 * M, service: 'dashboard', kind: 'deployment', summary: 'dashboard 2026.06.30-3: new chart tooltips', version: '2026.06.30-3', previousVersion: '2026.06.30-1', author: 'insights-ci', source: 'argocd' },
    { at: -20 * M, service: 'ingest-worker', kind: 'config', summary: 'ingest-worker: compaction window 23:30-00:30 enabled', author: 'data-platform', source: 'argocd' },
    { at: -3 * M, service: 'analytics-api', kind: 'scaling', summary: 'cluster-autoscaler: node group general-2 +2 nodes; analytics-api HPA 4 -> 6 (pending)', source: 'kubernetes' },
  ],
  reference: { hoursBack: 24 },
  expected: expected('analytics-api', 'traffic_surge', 'scale_out', ['metrics', 'logs']),
  meta: {
    story: 'On the first of the month the daily and the monthly export CronJobs of every tenant fire at 00:00 together (212 jobs instead of the usual 69), each running heavy queries against analytics-api; its worker pool saturates and exports miss their SLA. Same code and configuration as the night before.',
    modelledOn: 'documented class: cron schedule stampede at midnight / first of the month',
    alertService: 'analytics-api',
    alertStart: -2 * M,
    tempting: 'analytics-db connections rising; the ingest-worker compaction window change 13 minutes before; dashboard deploy',
  },
};

const F3_AT = '2026-08-25T03:40:00Z';
const f3: ScenarioSpec = {
  name: 'search-web-5xx-monitor',
  description: 'Datadog monitor: CloudFront 5xx error rate on www distribution above 3%.',
  at: F3_AT,
  signal: {
    source: 'datadog',
    ...datadog({
      at: F3_AT,
      date: -5 * M,
      title: 'CloudFront 5xx rate above 3% on www',
      message: 'aws.cloudfront.5xx_error_rate{distributionid:E2QWRUHAPOMQZL} = 11.7%. Origin: search-web ALB.',
      tags: ['env:prod', 'service:search-web', 'distributionid:E2QWRUHAPOMQZL', 'team:discovery'],
      scope: 'distributionid:E2QWRUHAPOMQZL',
      priority: 'P2',
      metric: 'aws.cloudfront.5xx_error_rate',
    }),
  },
  topology: {
    'www-cloudfront': ['search-web', 'static-assets'],
    'search-web': ['search-backend', 'listing-api'],
    'search-backend': ['opensearch-listings'],
  },
  window: 2 * H,
  services: [
    { name: 'search-web', style: 'dd', rps: 120, p99: 400, err: 0.002, info: ['GET /search?q=... 200'], logEvery: 60 },
    { name: 'search-backend', style: 'dd', rps: 120, p99: 150, err: 0.001 },
    { name: 'listing-api', style: 'dd', rps: 300, p99: 60, err: 0.001, spiky: 0.06, chronic: [{ level: 'warn', message: 'listing {n:1000000-9999999} image missing, placeholder used', every: 240 }] },
  ],
  effects: [
    { service: 'search-web', from: -25 * M, ramp: 8 * M, rps: 7, lat: 12, err: 0.11 },
    { service: 'search-backend', from: -25 * M, ramp: 8 * M, rps: 6.5, lat: 5, err: 0.04 },
  ],
  series: [
    { name: 'aws.cloudfront.requests', service: 'www-cloudfront', labels: { distributionid: 'E2QWRUHAPOMQZL' }, unit: 'request', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 42000, 98000, 8 * M), 0.05) },
    { name: 'aws.cloudfront.cache_hit_rate', service: 'www-cloudfront', labels: { distributionid: 'E2QWRUHAPOMQZL' }, unit: 'percent', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 86, 41, 8 * M), 0.03) },
    { name: 'aws.cloudfront.origin_latency', service: 'www-cloudfront', labels: { distributionid: 'E2QWRUHAPOMQZL' }, unit: 'millisecond', step: 60, fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 180, 4800, 8 * M), 0.08) },
    { name: 'search_web.requests.by_user_agent', service: 'search-web', labels: { user_agent_family: 'python-requests' }, unit: 'hit/s', fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 0.3, 700, 8 * M), 0.1) },
    { name: 'search_web.requests.by_asn', service: 'search-web', labels: { asn: 'AS14061' }, unit: 'hit/s', fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 0.5, 640, 8 * M), 0.1) },
    { name: 'kubernetes.cpu.usage.total', service: 'search-web', labels: { kube_deployment: 'search-web' }, unit: 'nanocore', fn: (t, r, ref) => noisy(r, step(t, ref, -25 * M, 2.4e9, 1.2e10, 8 * M), 0.05) },
  ],
  logs: [
    { service: 'search-web', from: -25 * M, every: 4, level: 'info', msg: 'GET /search?q={hex:6}&page={n:1-400}&sort={pick:price|date|relevance} 200 ua="python-requests/2.32.3" ip=104.248.{n:0-255}.{n:1-254}' },
    { service: 'search-web', from: -17 * M, every: 15, level: 'error', msg: 'upstream search-backend timed out (3s), 504' },
    { service: 'search-backend', from: -17 * M, every: 30, level: 'warn', msg: 'opensearch search queue {n:400-1000}/1000' },
  ],
  traces: [
    { from: -2 * H, to: -26 * M, count: 3, inRef: true, tree: (r) => span('search-web', 'GET /search', r.int(120, 300), 'ok', undefined, [span('search-backend', 'POST /query', r.int(40, 140)), span('listing-api', 'POST /listings/batch', r.int(20, 60))]) },
    { from: -15 * M, to: -1 * M, count: 4, tree: (r) => span('search-web', 'GET /search', r.int(3000, 3100), 'error', { 'http.user_agent': 'python-requests/2.32.3' }, [span('search-backend', 'POST /query', r.int(2900, 3000), 'error')]) },
  ],
  changes: [
    { at: -2 * H - 10 * M, service: 'www-cloudfront', kind: 'config', summary: 'WAF web ACL www-acl: AWSManagedRulesCommonRuleSet version 1.12 -> 1.13', author: 'secops', source: 'terraform' },
    { at: -1 * H, service: 'listing-api', kind: 'deployment', summary: 'listing-api 5.0.2', version: '5.0.2', previousVersion: '5.0.1', author: 'listings-ci', source: 'argocd' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('search-web', 'traffic_surge', 'scale_out', ['metrics', 'logs']),
  meta: {
    story: 'A scraper on a hosting provider\'s network walks every search page with random query strings at 3:15 a.m.; cache hit rate collapses, origin requests rise 7x and search-web runs out of CPU. No rate-based WAF rule exists. Nothing changed in the services.',
    modelledOn: 'documented class: scraper/bot traffic surge bypassing CDN cache with unique query strings',
    alertService: 'search-web',
    alertStart: -5 * M,
    tempting: 'CloudFront (alert metric, WAF rule-set change two hours earlier); listing-api deploy',
  },
};

const F4_AT = '2026-02-26T11:20:00Z';
const f4: ScenarioSpec = {
  name: 'order-import-backlog-sla',
  description: 'Opsgenie alert: partner order import backlog older than 30 minutes.',
  at: F4_AT,
  signal: {
    source: 'opsgenie',
    ...opsgenie({
      at: F4_AT,
      createdAt: -3 * M,
      message: 'order-import: oldest message 34 min (SLA 30 min)',
      alias: 'order-import-age-sla',
      entity: 'order-import',
      source: 'Amazon CloudWatch',
      priority: 'P2',
      tags: ['env:prod', 'team:b2b'],
      details: { service: 'order-import', queue: 'order-import-lines', region: 'eu-west-1' },
      teams: ['b2b'],
    }),
  },
  topology: {
    'partner-sftp': ['import-bucket'],
    'import-bucket': ['import-splitter'],
    'import-splitter': ['order-import-lines'],
    'order-import-lines': ['order-import'],
    'order-import': ['orders-aurora', 'pricing-api'],
  },
  window: 2 * H,
  services: [
    { name: 'import-splitter', style: 'cw-lambda', rps: 0.02, p99: 4000, err: 0, labels: { FunctionName: 'import-splitter' }, info: ['split file {pick:acme|globex|initech}/orders-{n:1000-9999}.csv into {n:200-3000} lines'], logEvery: 900 },
    { name: 'order-import', style: 'cw-lambda', rps: 40, p99: 260, err: 0.001, labels: { FunctionName: 'order-import' }, info: ['imported order line {n:10000000-99999999}'], logEvery: 60 },
    { name: 'pricing-api', style: 'otel', rps: 120, p99: 60, err: 0.001, chronic: [{ level: 'warn', message: 'price list for partner {pick:globex|initech} stale (> 24h), using last known', every: 500 }] },
  ],
  effects: [
    { service: 'order-import', from: -48 * M, ramp: 3 * M, rps: 16, lat: 1.7 },
    { service: 'pricing-api', from: -48 * M, ramp: 3 * M, rps: 5, lat: 1.4 },
  ],
  series: [
    { name: 'ApproximateNumberOfMessagesVisible', service: 'order-import-lines', labels: { Namespace: 'AWS/SQS', QueueName: 'order-import-lines', Statistic: 'Average' }, unit: 'Count', step: 300, gaps: 0.05, fn: (t, r, ref) => Math.round(ref || t < -50 * M ? noisy(r, 80, 0.5) : Math.max(0, 2310000 - (t + 50 * M) * 640)) },
    { name: 'ApproximateAgeOfOldestMessage', service: 'order-import-lines', labels: { Namespace: 'AWS/SQS', QueueName: 'order-import-lines', Statistic: 'Maximum' }, unit: 'Seconds', step: 300, fn: (t, r, ref) => (ref || t < -50 * M ? noisy(r, 5, 0.5) : t + 50 * M) },
    { name: 'ConcurrentExecutions', service: 'order-import', labels: { Namespace: 'AWS/Lambda', FunctionName: 'order-import', Statistic: 'Maximum' }, unit: 'Count', step: 300, fn: (t, r, ref) => (ref || t < -48 * M ? Math.round(noisy(r, 11, 0.2)) : 100) },
    { name: 'CPUUtilization', service: 'orders-aurora', labels: { Namespace: 'AWS/RDS', DBClusterIdentifier: 'orders-aurora', Role: 'WRITER', Statistic: 'Average' }, unit: 'Percent', step: 300, fn: (t, r, ref) => noisy(r, ref || t < -48 * M ? 22 : 58, 0.06) },
    { name: 'ObjectCreated', service: 'import-bucket', labels: { source: 's3-event-notifications', prefix: 'acme/' }, unit: 'Count', step: 300, fn: (t, _r, ref) => (!ref && t >= -55 * M && t < -50 * M ? 1 : 0) },
  ],
  logs: [
    { service: 'import-splitter', from: -51 * M, to: -49 * M, every: 60, level: 'info', msg: (i) => ['received s3://acme-partner-imports/acme/orders-2026-02-26-full-resync.csv (1.9 GiB)', 'split acme/orders-2026-02-26-full-resync.csv into 2,310,442 lines'][i % 2]! },
    { service: 'order-import', from: -45 * M, every: 600, level: 'info', msg: 'Lambda concurrency at reserved maximum (100) for order-import' },
  ],
  changes: [
    { at: -1 * H - 40 * M, service: 'import-splitter', kind: 'deployment', summary: 'import-splitter version 19: stream CSV instead of buffering', version: '19', previousVersion: '18', author: 'b2b-ci', source: 'sam' },
    { at: -15 * M, service: 'pricing-api', kind: 'config', summary: 'pricing-api cache TTL 60s -> 300s (mitigation)', author: 'on-call', source: 'appconfig' },
  ],
  reference: { hoursBack: 24 },
  expected: expected('order-import', 'traffic_surge', 'scale_out', ['metrics', 'logs']),
  meta: {
    story: 'The biggest partner uploads a full resync of 2.3 million order lines instead of a daily delta; order-import runs at its reserved concurrency of 100 without errors, but at this rate the backlog takes an hour to drain and the age SLA breaks. Raising concurrency (the database has headroom) is the fix.',
    modelledOn: 'documented class: batch input surge into an SQS/Lambda pipeline capped by concurrency',
    alertService: 'order-import',
    alertStart: -3 * M,
    tempting: 'import-splitter deployed an hour before the file arrived; pricing-api config change (a mitigation)',
  },
};

const F5_AT = '2026-03-03T05:50:00Z';
const f5: ScenarioSpec = {
  name: 'billing-consumer-lag-growing',
  description: 'Alertmanager: Kafka consumer group billing-consumer lag above 50k.',
  at: F5_AT,
  signal: {
    source: 'alertmanager',
    ...alertmanager({
      at: F5_AT,
      startsAt: -2 * H - 5 * M,
      labels: { alertname: 'KafkaConsumerGroupLag', consumergroup: 'billing-consumer', topic: 'invoices.events', job: 'kafka-exporter', severity: 'warning' },
      annotations: { summary: 'Consumer group billing-consumer lagging', description: 'sum(kafka_consumergroup_lag{consumergroup="billing-consumer"}) = 61,204' },
      expr: 'sum by (consumergroup, topic) (kafka_consumergroup_lag) > 50000',
    }),
  },
  topology: {
    'invoicing-api': ['invoices-events'],
    'admin-console': ['invoicing-api'],
    'invoices-events': ['billing-consumer', 'revenue-reporting'],
    'billing-consumer': ['billing-db', 'tax-engine'],
  },
  window: 3 * H,
  services: [
    { name: 'invoicing-api', style: 'prom', rps: 12, p99: 200, err: 0.002, info: ['invoice {hex:8} issued'], logEvery: 120 },
    { name: 'billing-consumer', style: 'prom', rps: 12, p99: 40, err: 0.0005, info: ['applied invoice event {hex:8} (partition {n:0-11})'], logEvery: 60 },
    { name: 'revenue-reporting', style: 'prom', rps: 12, p99: 30, err: 0.0005 },
    { name: 'tax-engine', style: 'prom', rps: 10, p99: 250, err: 0.003, spiky: 0.08, chronic: [{ level: 'warn', message: 'tax jurisdiction lookup fallback for postcode {n:10000-99999}', every: 300 }] },
  ],
  effects: [{ service: 'billing-consumer', from: -2 * H - 22 * M, rps: 0.55, err: 0.02 }],
  series: [
    ...Array.from({ length: 3 }, (_v, k) => ({ name: 'kafka_consumergroup_lag', service: 'billing-consumer', labels: { consumergroup: 'billing-consumer', topic: 'invoices.events', partition: String([3, 7, 9][k]) }, unit: '{message}', fn: (t: number, r: import('./prng.js').Rng, ref: boolean) => Math.round(k === 1 && !ref && t >= -2 * H - 22 * M ? (t + 2 * H + 22 * M) * 7.6 : noisy(r, 4, 0.8)) })),
    { name: 'kafka_consumergroup_current_offset', service: 'billing-consumer', labels: { consumergroup: 'billing-consumer', topic: 'invoices.events', partition: '7' }, unit: '{offset}', fn: (t, _r, ref) => (ref ? 88100000 + t : t >= -2 * H - 22 * M ? 88412019 : 88412019 + (t + 2 * H + 22 * M) * 0.6) },
  ],
  logs: [
    { service: 'billing-consumer', from: -2 * H - 22 * M, every: 45, level: 'error', msg: 'Error deserializing record invoices.events-7@88412019: java.lang.NullPointerException: Cannot invoke "String.toUpperCase()" because the return value of "InvoiceEvent.currency()" is null' },
    { service: 'billing-consumer', from: -2 * H - 22 * M, every: 45, level: 'warn', msg: 'Consumer thread for partition invoices.events-7 died; partitions revoked, rejoining group (generation {n:4400-4600})' },
    { service: 'admin-console', from: -2 * H - 30 * M, to: -2 * H - 28 * M, every: 60, level: 'info', msg: 'support agent j.ruiz created manual credit note CN-{n:10000-99999} for account 55120 (currency: <not set>)' },
  ],
  changes: [
    { at: -5 * H, service: 'billing-consumer', kind: 'deployment', summary: 'billing-consumer 2.14.0: batch commits every 500 records', version: '2.14.0', previousVersion: '2.13.6', author: 'billing-ci', source: 'argocd' },
    { at: -1 * H, service: 'revenue-reporting', kind: 'deployment', summary: 'revenue-reporting 0.9.1', version: '0.9.1', previousVersion: '0.9.0', author: 'finance-eng', source: 'argocd' },
  ],
  runtime: [
    { at: -2 * H - 20 * M, service: 'billing-consumer', kind: 'restart', count: 3, message: 'consumer thread died, group rebalance' },
    { at: -1 * H - 10 * M, service: 'billing-consumer', kind: 'restart', count: 40 },
    { at: -30 * M, service: 'billing-consumer', kind: 'restart', count: 22 },
  ],
  exceptions: [{ at: -2 * H - 22 * M, service: 'billing-consumer', type: 'java.lang.NullPointerException', message: 'Cannot invoke "String.toUpperCase()" because the return value of "InvoiceEvent.currency()" is null', count: 190, culprit: 'com.acme.billing.events.InvoiceEventMapper.toLedgerEntry' }],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected('billing-consumer', 'code_defect', 'none', ['logs', 'exceptions']),
  meta: {
    story: 'A support agent creates a manual credit note without a currency, something the admin console has always allowed. billing-consumer cannot map it, its partition thread dies, the group rebalances and it re-reads the same record forever: partition 7 stops while the other partitions keep flowing. The alert has been firing for two hours.',
    modelledOn: 'documented class: Kafka poison-pill record blocking a partition (consumer crash/rebalance loop)',
    alertService: 'billing-consumer',
    alertStart: -2 * H - 5 * M,
    tempting: 'the 2.14.0 deploy five hours earlier (commit batching); restarts suggest a restart; tax-engine noise',
  },
};

const F6_AT = '2026-03-31T00:09:00Z';
const f6: ScenarioSpec = {
  name: 'subscription-renewals-errors-alarm',
  description: 'CloudWatch alarm (SNS): subscription-renewals Lambda errors above 10.',
  at: F6_AT,
  signal: {
    source: 'cloudwatch-sns',
    ...cloudwatchSns({
      at: F6_AT,
      changed: -4 * M,
      name: 'subscription-renewals-errors',
      reason: 'Threshold Crossed: 1 datapoint [1873.0 (31/03/26 00:00:00)] was greater than the threshold (10.0).',
      namespace: 'AWS/Lambda',
      metric: 'Errors',
      dimensions: { FunctionName: 'subscription-renewals', Resource: 'subscription-renewals:live' },
      stat: 'Sum',
      threshold: 10,
      evaluationPeriods: 1,
      region: 'us-west-2',
      topic: 'subscriptions-alarms',
    }),
  },
  topology: {
    'renewals-scheduler': ['subscription-renewals'],
    'subscription-renewals': ['subscriptions-table', 'billing-gateway', 'emails-queue'],
    'billing-gateway': ['braintree'],
  },
  window: 90 * M,
  services: [
    { name: 'subscription-renewals', style: 'cw-lambda', rps: 0.5, p99: 900, err: 0.001, labels: { FunctionName: 'subscription-renewals' }, info: ['renewed subscription sub_{hex:12} (anchor day {n:1-28})'], logEvery: 60 },
    { name: 'billing-gateway', style: 'otel', rps: 2, p99: 700, err: 0.01, chronic: [{ level: 'warn', message: 'processor_declined (2001 Insufficient Funds) for sub_{hex:12}', every: 120 }] },
    { name: 'renewals-scheduler', style: 'none', info: ['enqueued renewal batch'], logEvery: 1200 },
  ],
  effects: [{ service: 'subscription-renewals', from: -9 * M, err: 0.09, rps: 8 }],
  series: [
    { name: 'renewals_due', service: 'subscription-renewals', labels: { source: 'emf' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(t >= -9 * M && t < -4 * M ? (ref ? 19000 : 21000) : noisy(r, 3, 0.5)) },
    { name: 'renewals_failed_by_anchor_day', service: 'subscription-renewals', labels: { anchor_day: '31', source: 'emf' }, unit: 'Count', step: 300, fn: (t, _r, ref) => (!ref && t >= -9 * M ? 1873 : 0) },
  ],
  logs: [
    { service: 'renewals-scheduler', from: -9 * M, to: -8 * M, every: 30, level: 'info', msg: 'nightly renewal run 2026-03-31: 20,996 subscriptions due' },
    { service: 'subscription-renewals', from: -9 * M, every: 3, level: 'error', msg: '[ERROR] DateTimeException: Invalid date \'APRIL 31\' at RenewalPeriod.next(RenewalPeriod.java:58) for sub_{hex:12} (anchor day 31)' },
  ],
  traces: [
    { from: -90 * M, to: -10 * M, count: 2, tree: (r) => span('subscription-renewals', 'renew', r.int(300, 800), 'ok', undefined, [span('billing-gateway', 'POST /charge', r.int(200, 600))]) },
    { from: -8 * M, to: -1 * M, count: 3, tree: (r) => span('subscription-renewals', 'renew', r.int(20, 60), 'error', { 'subscription.anchor_day': 31, 'exception.type': 'java.time.DateTimeException' }) },
  ],
  changes: [
    { at: -7 * H, service: 'subscription-renewals', kind: 'deployment', summary: 'subscription-renewals version 63: Apple Pay token refresh', version: '63', previousVersion: '62', author: 'subs-ci', source: 'sam' },
    { at: -30 * M, service: 'billing-gateway', kind: 'config', summary: 'billing-gateway: retry declined cards after 24h (was 48h)', author: 'payments-ops', source: 'appconfig' },
  ],
  expected: expected('subscription-renewals', 'code_defect', 'none', ['logs', 'metrics']),
  meta: {
    story: 'Renewal dates are computed as "same day next month" with a strict constructor; on March 31 the next date would be April 31, so every subscription anchored on the 31st fails. Subscriptions with other anchor days renew fine. Code unchanged for this path; the calendar triggered it.',
    modelledOn: 'documented class: month-end / calendar edge-case bug (invalid date arithmetic) in billing jobs',
    alertService: 'subscription-renewals',
    alertStart: -4 * M,
    tempting: 'version 63 deployed seven hours earlier; billing-gateway retry change; constant decline warnings; no reference',
  },
};

const F7_AT = '2026-11-16T13:37:00Z';
const f7: ScenarioSpec = {
  name: 'warehouse-dispatch-labels-backlog',
  description: 'PagerDuty incident: orders awaiting shipping labels above 500.',
  at: F7_AT,
  signal: {
    source: 'pagerduty',
    ...pagerduty({ at: F7_AT, createdAt: -2 * M, title: 'Orders awaiting shipping labels: 742 (threshold 500)', service: 'warehouse-dispatch', number: 3391, urgency: 'high', team: 'Logistics', escalation: 'Logistics On-Call' }),
  },
  topology: {
    'orders-svc': ['fulfilment-queue'],
    'fulfilment-queue': ['warehouse-dispatch'],
    'warehouse-dispatch': ['shipping-label-svc', 'wms-gateway'],
    'shipping-label-svc': ['carrier-api', 'labels-bucket'],
  },
  services: [
    { name: 'orders-svc', style: 'otel', rps: 9, p99: 150, err: 0.001 },
    { name: 'warehouse-dispatch', style: 'otel', rps: 9, p99: 600, err: 0.002, info: ['order {n:1000000-9999999} dispatched to {pick:LDN-2|MAN-1}'], logEvery: 90 },
    { name: 'shipping-label-svc', style: 'otel', rps: 9, p99: 900, err: 0.002, info: ['label generated ({pick:DPD|Royal Mail|DHL}) for order {n:1000000-9999999}'], logEvery: 90 },
    { name: 'wms-gateway', style: 'otel', rps: 9, p99: 300, err: 0.004, chronic: [{ level: 'warn', message: 'WMS ack delayed {n:2-8}s for batch {hex:6}', every: 240 }] },
  ],
  effects: [
    { service: 'shipping-label-svc', from: -41 * M, err: 0.95, lat: 0.4 },
    { service: 'warehouse-dispatch', from: -41 * M, rps: 0.05 },
  ],
  series: [
    { name: 'dispatch.awaiting_label', service: 'warehouse-dispatch', unit: '{order}', fn: (t, r, ref) => Math.round(ref || t < -41 * M ? noisy(r, 15, 0.3) : 15 + (t + 41 * M) * 0.3) },
    { name: 'label.render.errors', service: 'shipping-label-svc', labels: { 'error.type': 'GlyphNotFound' }, unit: '{error}/min', fn: (t, r, ref) => Math.round(ref || t < -41 * M ? 0 : noisy(r, 240, 0.1)) },
  ],
  logs: [
    { service: 'shipping-label-svc', from: -41 * M, every: 4, level: 'error', msg: 'render failed for order 8812004 (retry {n:1-9}): PdfRenderError: font "LabelSans" has no glyph for U+0141 in field ship_to.city="Łódź"' },
    { service: 'warehouse-dispatch', from: -41 * M, every: 60, level: 'warn', msg: 'label queue head order 8812004 still failing, {n:100-700} orders behind it' },
    { service: 'orders-svc', from: -44 * M, to: -42 * M, every: 60, level: 'info', msg: 'B2B order 8812004 accepted for account POL-0091 (ship to Łódź, PL)' },
  ],
  traces: [
    { from: -2 * H, to: -45 * M, count: 3, inRef: true, tree: (r) => span('warehouse-dispatch', 'dispatch', r.int(300, 700), 'ok', undefined, [span('shipping-label-svc', 'POST /labels', r.int(250, 600), 'ok', undefined, [clientSpan('shipping-label-svc', 'carrier-api', 'api.carrier.example.com', 'POST /shipments', r.int(150, 400), 201)])]) },
    { from: -35 * M, to: -1 * M, count: 4, tree: (r) => span('warehouse-dispatch', 'dispatch', r.int(50, 120), 'error', { 'order.id': '8812004' }, [span('shipping-label-svc', 'POST /labels', r.int(30, 90), 'error', { 'order.id': '8812004', 'exception.type': 'PdfRenderError' })]) },
  ],
  changes: [
    { at: -1 * H - 20 * M, service: 'wms-gateway', kind: 'deployment', summary: 'wms-gateway 1.4.0: new ASN batching', version: '1.4.0', previousVersion: '1.3.9', author: 'logistics-ci', source: 'argocd' },
    { at: -10 * M, service: 'warehouse-dispatch', kind: 'scaling', summary: 'warehouse-dispatch workers 2 -> 6', author: 'on-call', source: 'kubernetes' },
  ],
  exceptions: [{ at: -41 * M, service: 'shipping-label-svc', type: 'PdfRenderError', message: 'font "LabelSans" has no glyph for U+0141', count: 610, culprit: 'labels/render.py in draw_address' }],
  reference: { hoursBack: 168 },
  expected: expected('shipping-label-svc', 'code_defect', 'none', ['logs', 'exceptions']),
  meta: {
    story: 'The first order shipping to a Polish city with "Ł" reaches the label service; its label font has no glyph for it and the renderer throws. Dispatch processes labels strictly in order and retries the head forever, so every order behind it waits. Nothing changed; the data triggered a latent bug.',
    modelledOn: 'documented class: unicode/character-set edge case in a document renderer causing head-of-line blocking',
    alertService: 'warehouse-dispatch',
    alertStart: -2 * M,
    tempting: 'the wms-gateway deploy 40 minutes before onset; warehouse-dispatch is the alerting, backlogged service',
  },
};

const F8_AT = '2026-10-14T14:30:00Z';
const f8: ScenarioSpec = {
  name: 'contacts-sync-crm-rate-limited',
  description: 'Grafana alert: contacts_sync CRM API 429 ratio above 20%.',
  at: F8_AT,
  signal: {
    source: 'grafana',
    ...grafana({
      at: F8_AT,
      startsAt: -7 * M,
      labels: { alertname: 'CRMApiRateLimited', service: 'contacts_sync', provider: 'hubspot', severity: 'warning' },
      annotations: { summary: 'contacts_sync: 64% of HubSpot calls rate limited', description: 'sum(rate(crm_client_requests_total{status="429"}[5m])) / sum(rate(crm_client_requests_total[5m]))' },
      values: { A: 0.64, B: 1 },
      folder: 'Integrations',
    }),
  },
  topology: {
    'contacts_sync': ['hubspot', 'contacts_db'],
    'deals_sync': ['hubspot', 'deals_db'],
    'sync_worker': ['hubspot', 'sync_state_db'],
    'integrations_ui': ['contacts_sync', 'deals_sync', 'sync_worker'],
  },
  window: 2 * H,
  services: [
    { name: 'contacts_sync', style: 'prom', rps: 8, p99: 400, err: 0.003, info: ['synced {n:10-200} contacts for portal {n:1000000-9999999}'], logEvery: 120 },
    { name: 'deals_sync', style: 'prom', rps: 5, p99: 500, err: 0.003, info: ['synced deals'], logEvery: 180 },
    { name: 'sync_worker', style: 'prom', rps: 4, p99: 350, err: 0.002, info: ['company sync job {hex:8} finished ({n:1-40} pages)'], logEvery: 150 },
    { name: 'integrations_ui', style: 'prom', rps: 3, p99: 300, err: 0.004, chronic: [{ level: 'warn', message: 'OAuth token for portal {n:1000000-9999999} expires in < 24h', every: 600 }] },
  ],
  effects: [
    { service: 'sync_worker', from: -38 * M, rps: 11 },
    { service: 'contacts_sync', from: -30 * M, ramp: 8 * M, err: 0.64 },
    { service: 'deals_sync', from: -30 * M, ramp: 8 * M, err: 0.6 },
  ],
  series: [
    { name: 'crm_client_requests:rate1m', service: 'sync_worker', labels: { endpoint: '/crm/v3/objects/companies', status: '200' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, step(t, ref, -38 * M, 4, 44), 0.05) },
    { name: 'crm_client_requests:rate1m', service: 'contacts_sync', labels: { endpoint: '/crm/v3/objects/contacts', status: '429' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, step(t, ref, -30 * M, 0.01, 5.1, 8 * M), 0.1) },
    { name: 'hubspot_ratelimit_remaining', service: 'contacts_sync', labels: { window: 'daily' }, unit: '{request}', step: 300, fn: (t, r, ref) => Math.max(0, Math.round(ref ? 410000 - (t + 2 * H) * 3 : t < -38 * M ? 380000 - (t + 2 * H) * 3 : 358000 - (t + 38 * M) * 160)) },
    { name: 'sync_job_pages_fetched', service: 'sync_worker', labels: { job: 'company-sync', portal: '7731942' }, unit: '{page}', fn: (t, _r, ref) => (ref || t < -38 * M ? 0 : Math.round((t + 38 * M) * 40)) },
  ],
  logs: [
    { service: 'sync_worker', from: -38 * M, every: 5, level: 'debug', msg: 'GET /crm/v3/objects/companies?limit=100&after=MTAwMDA5ODc0 -> 200 results=0 paging.next.after=MTAwMDA5ODc0' },
    { service: 'sync_worker', from: -38 * M, every: 300, level: 'info', msg: 'company-sync portal 7731942: fetched {n:2000-90000} pages so far' },
    { service: 'contacts_sync', from: -30 * M, every: 10, level: 'warn', msg: 'HubSpot 429 RATE_LIMIT: "You have reached your secondly limit." policyName=SECONDLY, retry in {n:1-10}s' },
    { service: 'deals_sync', from: -30 * M, every: 20, level: 'warn', msg: 'HubSpot 429 (TEN_SECONDLY_ROLLING), backing off' },
  ],
  traces: [
    { from: -2 * H, to: -40 * M, count: 3, inRef: true, tree: (r) => span('contacts_sync', 'sync contacts', r.int(300, 800), 'ok', undefined, [clientSpan('contacts_sync', 'hubspot', 'api.hubapi.com', 'GET /crm/v3/objects/contacts', r.int(100, 300), 200)]) },
    { from: -25 * M, to: -1 * M, count: 4, tree: (r) => span('contacts_sync', 'sync contacts', r.int(2000, 9000), 'error', undefined, [clientSpan('contacts_sync', 'hubspot', 'api.hubapi.com', 'GET /crm/v3/objects/contacts', r.int(50, 120), 429)]) },
    { from: -35 * M, to: -1 * M, count: 3, tree: (r) => span('sync_worker', 'company-sync page', r.int(90, 200), 'ok', { 'hubspot.portal_id': '7731942', 'paging.after': 'MTAwMDA5ODc0' }, [clientSpan('sync_worker', 'hubspot', 'api.hubapi.com', 'GET /crm/v3/objects/companies', r.int(80, 180), 200, 'ok', { 'results.count': 0 })]) },
  ],
  changes: [
    { at: -3 * H, service: 'contacts_sync', kind: 'deployment', summary: 'contacts_sync 3.2.0: sync lifecycle stage', version: '3.2.0', previousVersion: '3.1.4', author: 'integrations-ci', source: 'argocd' },
    { at: -50 * M, service: 'integrations_ui', kind: 'deployment', summary: 'integrations-ui 8.0.1', version: '8.0.1', previousVersion: '8.0.0', author: 'integrations-ci', source: 'argocd' },
  ],
  reference: { hoursBack: 24 },
  expected: expected('sync_worker', 'code_defect', 'none', ['logs', 'metrics']),
  meta: {
    story: 'For one customer portal the CRM returns an empty page that still carries a next cursor equal to the current one; sync_worker\'s pagination loop only stops on a missing cursor, so it fetches the same page ten times a second, eats the shared API key\'s rate limit, and contacts_sync and deals_sync get 429s.',
    modelledOn: 'documented class: pagination loop on a repeated cursor exhausting a shared third-party API rate limit',
    alertService: 'contacts_sync',
    alertStart: -7 * M,
    tempting: 'HubSpot 429s look like a third-party failure; contacts_sync alerts and deployed three hours earlier',
  },
};

export const SPECS_F: ScenarioSpec[] = [f1, f2, f3, f4, f5, f6, f7, f8];
