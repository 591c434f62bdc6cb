import type { ScenarioSpec } from './engine.js';
import { M, H, span, clientSpan, expected, step, noisy } from './kit.js';
import { alertmanager, cloudwatchSns, generic, grafana, opsgenie, pagerduty } from './signals.js';

/* Resource exhaustion and dependencies outside the team's control. */

const D1_AT = '2026-05-06T04:40:00Z';
const d1: ScenarioSpec = {
  name: 'clickstream-producer-send-errors',
  description: 'Alertmanager: clickstream-collector Kafka producer send errors (repeat notification).',
  at: D1_AT,
  signal: {
    source: 'alertmanager',
    ...alertmanager({
      at: D1_AT,
      startsAt: -47 * M,
      labels: { alertname: 'KafkaProducerErrors', app_kubernetes_io_name: 'clickstream-collector', namespace: 'data', severity: 'critical', topic: 'clickstream.raw' },
      annotations: { summary: 'clickstream-collector cannot produce to clickstream.raw', description: 'rate(kafka_producer_record_error_total{app="clickstream-collector"}[5m]) = 412/s' },
      expr: 'sum(rate(kafka_producer_record_error_total[5m])) by (app_kubernetes_io_name, topic) > 10',
    }),
  },
  topology: {
    'web-edge': ['clickstream-collector'],
    'clickstream-collector': ['events-msk'],
    'events-msk': ['sessionizer', 's3-sink-connector', 'fraud-features'],
    sessionizer: ['sessions-redis'],
  },
  window: 3 * H,
  services: [
    { name: 'web-edge', style: 'prom', rps: 3000, p99: 30, err: 0.001 },
    { name: 'clickstream-collector', style: 'prom', rps: 2900, p99: 12, err: 0.0005, info: ['flushed batch of {n:400-900} events'], logEvery: 60 },
    { name: 'sessionizer', style: 'prom', rps: 2900, p99: 8, err: 0.0002, info: ['committed offsets for {n:12-24} partitions'], logEvery: 120, chronic: [{ level: 'warn', message: 'late event for session {hex:10} dropped (watermark exceeded)', every: 150 }] },
    { name: 'fraud-features', style: 'prom', rps: 600, p99: 20, err: 0.0005 },
  ],
  effects: [
    { service: 'clickstream-collector', from: -52 * M, ramp: 10 * M, err: 0.14, lat: 9 },
    { service: 'web-edge', from: -50 * M, ramp: 10 * M, lat: 1.5 },
    { service: 'sessionizer', from: -52 * M, ramp: 10 * M, rps: 0.85 },
  ],
  series: [
    ...[1, 2, 3].map((b) => ({ name: 'KafkaDataLogsDiskUsed', service: 'events-msk', labels: { Namespace: 'AWS/Kafka', 'Cluster Name': 'events-msk', 'Broker ID': String(b), Statistic: 'Maximum' }, unit: 'Percent', step: 300, fn: (t: number, r: import('./prng.js').Rng, ref: boolean) => (ref ? noisy(r, b === 2 ? 88 : 71, 0.005) : Math.min(100, noisy(r, b === 2 ? 97.2 + Math.max(0, t + 3 * H) / 3000 : 74 + (t + 3 * H) / 5000, 0.002))) })),
    { name: 'kafka_server_replicamanager_underreplicatedpartitions', service: 'events-msk', labels: { broker: 'b-2' }, unit: '{partition}', fn: (t, r, ref) => (ref || t < -52 * M ? 0 : Math.round(noisy(r, 64, 0.05))) },
    { name: 'kafka_consumergroup_lag', service: 'sessionizer', labels: { consumergroup: 'sessionizer', topic: 'clickstream.raw' }, unit: '{message}', fn: (t, r, ref) => Math.round(noisy(r, ref || t < -52 * M ? 1200 : 1200 + (t + 52 * M) * 40, 0.1)) },
    { name: 'BytesInPerSec', service: 'events-msk', labels: { Namespace: 'AWS/Kafka', 'Cluster Name': 'events-msk', Statistic: 'Average' }, unit: 'Bytes/Second', step: 300, fn: (t, r, ref) => noisy(r, ref ? 3.9e7 : t < -52 * M ? 4.4e7 : 3.6e7, 0.05) },
  ],
  logs: [
    { service: 'clickstream-collector', from: -52 * M, every: 8, level: 'error', msg: 'Produce to clickstream.raw-{n:0-47} failed: kafka server: Not enough in-sync replicas (NOT_ENOUGH_REPLICAS), dropping batch after 5 retries' },
    { service: 'clickstream-collector', from: -45 * M, every: 60, level: 'warn', msg: 'buffer {n:80-100}% full, applying backpressure to web-edge' },
    { service: 'fraud-features', from: -50 * M, every: 240, level: 'warn', msg: 'partition clickstream.raw-{n:0-47} leader not available, refreshing metadata' },
  ],
  changes: [
    { at: -2 * H - 10 * M, service: 'clickstream-collector', kind: 'deployment', summary: 'clickstream-collector 0.91.0: add consent flags to event envelope', version: '0.91.0', previousVersion: '0.90.3', author: 'data-eng-ci', source: 'argocd' },
    { at: -1 * H - 5 * M, service: 's3-sink-connector', kind: 'config', summary: 'MSK Connect s3-sink-connector: flush.size 5000 -> 10000', author: 'p.ortega', source: 'cloudtrail' },
    { at: -20 * M, service: 'clickstream-collector', kind: 'scaling', summary: 'HPA clickstream-collector 6 -> 12', source: 'kubernetes' },
  ],
  alerts: [
    { at: -45 * M, service: 'sessionizer', name: 'KafkaConsumerGroupLagHigh', status: 'firing' },
    { at: -50 * M, service: 'events-msk', name: 'events-msk UnderReplicatedPartitions > 0', status: 'firing' },
  ],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected('events-msk', 'resource_exhaustion', 'none', ['metrics', 'logs']),
  meta: {
    story: 'Broker 2 of the MSK cluster holds more than its share of the busiest partitions; with 7-day retention and steadily growing traffic its data volume reaches 100%, the broker stops accepting writes and falls out of the ISR, so produce requests with acks=all fail NOT_ENOUGH_REPLICAS. No change caused it; broker 2 was already at 88% a week earlier.',
    modelledOn: 'documented class: Amazon MSK broker storage full (KafkaDataLogsDiskUsed) with partition skew',
    alertService: 'clickstream-collector',
    alertStart: -47 * M,
    tempting: 'the collector deploy two hours earlier, the connector flush change, sessionizer lag',
  },
};

const D2_AT = '2026-09-09T15:33:00Z';
const d2: ScenarioSpec = {
  name: 'pricing-engine-latency-page',
  description: 'PagerDuty incident: pricing-engine p99 above 2 s.',
  at: D2_AT,
  signal: {
    source: 'pagerduty',
    ...pagerduty({ at: D2_AT, createdAt: -6 * M, title: '[Datadog] pricing-engine p99 latency above 2s', service: 'pricing-engine', number: 9914, urgency: 'high', team: 'Commerce Core', escalation: 'Commerce Core' }),
  },
  topology: {
    'product-page-bff': ['pricing-engine', 'catalog-api', 'reviews-api'],
    'cart-api': ['pricing-engine'],
    'pricing-engine': ['price-rules-db', 'promo-service'],
  },
  window: 3 * H,
  services: [
    { name: 'product-page-bff', style: 'otel', rps: 500, p99: 300, err: 0.002, info: ['GET /pdp/{n:100000-999999} 200'], logEvery: 60 },
    { name: 'cart-api', style: 'otel', rps: 150, p99: 180, err: 0.002 },
    { name: 'pricing-engine', style: 'otel', rps: 700, p99: 90, err: 0.001, info: ['priced {n:1-40} skus', 'rule cache refreshed: {n:2100000-2300000} rules'], logEvery: 60 },
    { name: 'promo-service', style: 'otel', rps: 300, p99: 40, err: 0.001 },
    { name: 'catalog-api', style: 'otel', rps: 450, p99: 70, err: 0.001 },
    { name: 'reviews-api', style: 'otel', rps: 300, p99: 600, err: 0.01, spiky: 0.1, chronic: [{ level: 'error', message: 'reviews index shard {n:0-9} unavailable, returning partial results', every: 240 }] },
  ],
  effects: [
    { service: 'pricing-engine', from: -40 * M, ramp: 30 * M, lat: 24, err: 0.03 },
    { service: 'product-page-bff', from: -35 * M, ramp: 30 * M, lat: 6, err: 0.02 },
    { service: 'cart-api', from: -35 * M, ramp: 30 * M, lat: 8, err: 0.02 },
  ],
  series: [
    { name: 'jvm.memory.used_after_last_gc', service: 'pricing-engine', labels: { 'jvm.memory.pool.name': 'G1 Old Gen' }, unit: 'By', fn: (t, r, ref) => (ref ? noisy(r, 6.2e9, 0.01) : Math.min(7.9e9, noisy(r, 7.45e9 + (t + 3 * H) * 38000, 0.004))) },
    { name: 'jvm.memory.limit', service: 'pricing-engine', labels: { 'jvm.memory.pool.name': 'G1 Old Gen' }, unit: 'By', fn: () => 8.0e9 },
    { name: 'jvm.gc.duration.sum', service: 'pricing-engine', labels: { 'jvm.gc.name': 'G1 Old Generation' }, unit: 's/min', fn: (t, r, ref) => noisy(r, ref ? 0.4 : t < -40 * M ? 2 : Math.min(38, 2 + (t + 40 * M) / 60), 0.1) },
    { name: 'pricing.rules.loaded', service: 'pricing-engine', unit: '{rule}', step: 600, fn: (t, r, ref) => Math.round(ref ? 1.82e6 : 2.24e6 + t * 2) },
    { name: 'container.cpu.utilization', service: 'pricing-engine', unit: '1', fn: (t, r, ref) => Math.min(1, noisy(r, ref ? 0.38 : t < -40 * M ? 0.52 : 0.93, 0.05)) },
  ],
  logs: [
    { service: 'pricing-engine', from: -3 * H, every: 600, level: 'warn', msg: '[gc] Pause Young (Mixed) (G1 Evacuation Pause) {n:7300-7700}M->{n:7200-7600}M(8192M) {n:180-420}.{n:100-999}ms' },
    { service: 'pricing-engine', from: -40 * M, every: 40, level: 'warn', msg: '[gc] Pause Full (G1 Compaction Pause) 8107M->{n:7800-7950}M(8192M) {n:2100-4800}.{n:100-999}ms' },
    { service: 'pricing-engine', from: -20 * M, every: 300, level: 'error', msg: 'java.lang.OutOfMemoryError: Java heap space (thread pricing-worker-{n:1-64})' },
    { service: 'product-page-bff', from: -30 * M, every: 60, level: 'warn', msg: 'pricing-engine timeout 1500ms, showing cached price for sku {n:100000-999999}' },
  ],
  traces: [
    { from: -3 * H, to: -45 * M, count: 3, inRef: true, tree: (r) => span('product-page-bff', 'GET /pdp/{sku}', r.int(120, 280), 'ok', undefined, [span('pricing-engine', 'POST /v3/price', r.int(20, 70)), span('catalog-api', 'GET /items/{sku}', r.int(20, 60))]) },
    { from: -25 * M, to: -1 * M, count: 5, tree: (r) => span('product-page-bff', 'GET /pdp/{sku}', r.int(1500, 2200), 'ok', undefined, [span('pricing-engine', 'POST /v3/price', r.int(1400, 4800), r.chance(0.3) ? 'error' : 'ok', { 'jvm.gc.pause_ms': r.int(900, 4000) }), span('catalog-api', 'GET /items/{sku}', r.int(20, 60))]) },
  ],
  changes: [
    { at: -26 * H, service: 'pricing-engine', kind: 'deployment', summary: 'pricing-engine 8.4.2: bump micrometer', version: '8.4.2', previousVersion: '8.4.1', author: 'commerce-ci', source: 'argocd' },
    { at: -2 * H - 20 * M, service: 'promo-service', kind: 'deployment', summary: 'promo-service 2.2.0: autumn campaign rules', version: '2.2.0', previousVersion: '2.1.9', author: 'promo-ci', source: 'argocd' },
    { at: -55 * M, service: 'catalog-api', kind: 'config', summary: 'catalog import job: merchant feed acme-home enabled (12k SKUs)', author: 'merch-ops', source: 'admin-console' },
  ],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected('pricing-engine', 'resource_exhaustion', 'restart', ['metrics', 'logs']),
  meta: {
    story: 'pricing-engine holds every price rule in heap; the rule count has grown about 20% in a week with catalog growth. Old-gen usage after GC was 6.2 GB a week ago and is now at the 8 GB limit, so G1 falls into back-to-back full GCs in the afternoon peak. Restarting (and raising heap) buys time; no change caused it.',
    modelledOn: 'documented class: JVM heap exhaustion / GC death spiral from organic in-memory data growth',
    alertService: 'pricing-engine',
    alertStart: -6 * M,
    tempting: 'the catalog merchant-feed enablement 55 minutes earlier; the promo-service deploy; chronic reviews-api errors',
  },
};

const D3_AT = '2026-02-02T09:14:00Z';
const d3: ScenarioSpec = {
  name: 'login-synthetic-failing',
  description: 'Generic alert from the synthetic monitor: login journey failing in 3 of 3 locations.',
  at: D3_AT,
  signal: {
    source: 'generic',
    ...generic({ at: D3_AT, startedAt: -2 * M, title: 'Synthetic: login journey failing (3/3 locations)', service: 'auth-service', severity: 'critical', description: 'Step 3 "submit credentials" returned 500 from https://accounts.example.com/api/login in eu-west-1, eu-central-1, us-east-1.', labels: { check: 'login-journey', team: 'identity' }, dedupKey: 'synthetic-login-journey', runbook: 'https://wiki.example.net/runbooks/login' }),
  },
  topology: {
    'accounts-web': ['auth-service'],
    'auth-service': ['session-redis', 'users-db', 'mfa-service'],
    'api-gateway': ['auth-service', 'orders-api'],
    'mfa-service': ['sms-provider'],
  },
  services: [
    { name: 'accounts-web', style: 'prom', rps: 60, p99: 300, err: 0.002 },
    { name: 'auth-service', style: 'prom', rps: 180, p99: 90, err: 0.002, info: ['login ok user={n:100000-999999}', 'token refreshed'], logEvery: 40, chronic: [{ level: 'warn', message: 'login failed: bad password for user {n:100000-999999}', every: 60 }] },
    { name: 'api-gateway', style: 'prom', rps: 900, p99: 120, err: 0.002 },
    { name: 'orders-api', style: 'prom', rps: 300, p99: 80, err: 0.001 },
    { name: 'mfa-service', style: 'prom', rps: 20, p99: 900, err: 0.01, spiky: 0.08, chronic: [{ level: 'warn', message: 'sms-provider delivery receipt missing for message {hex:12}', every: 300 }] },
  ],
  effects: [
    { service: 'auth-service', from: -9 * M, ramp: 2 * M, err: 0.55 },
    { service: 'accounts-web', from: -9 * M, ramp: 2 * M, err: 0.4 },
    { service: 'api-gateway', from: -9 * M, ramp: 2 * M, err: 0.08 },
  ],
  series: [
    { name: 'DatabaseMemoryUsagePercentage', service: 'session-redis', labels: { Namespace: 'AWS/ElastiCache', CacheClusterId: 'session-redis-0001-001', Statistic: 'Maximum' }, unit: 'Percent', step: 60, gaps: 0.04, fn: (t, r, ref) => (ref ? noisy(r, 81, 0.01) : Math.min(100, 97.6 + (t + 2 * H) * 0.00035 + 0.1 * r.gauss())) },
    { name: 'Evictions', service: 'session-redis', labels: { Namespace: 'AWS/ElastiCache', CacheClusterId: 'session-redis-0001-001', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: () => 0 },
    { name: 'CurrItems', service: 'session-redis', labels: { Namespace: 'AWS/ElastiCache', CacheClusterId: 'session-redis-0001-001', Statistic: 'Average' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(ref ? 3.9e7 : 4.71e7 + (t + 2 * H) * 9) },
    { name: 'EngineCPUUtilization', service: 'session-redis', labels: { Namespace: 'AWS/ElastiCache', CacheClusterId: 'session-redis-0001-001', Statistic: 'Average' }, unit: 'Percent', step: 60, fn: (t, r, ref) => noisy(r, ref ? 18 : 22 * (0.8 + 0.3 * Math.sin(t / 2000)), 0.05) },
  ],
  logs: [
    { service: 'auth-service', from: -9 * M, every: 5, level: 'error', msg: "login failed: ReplyError: OOM command not allowed when used memory > 'maxmemory'. command=SET key=sess:{hex:16}" },
    { service: 'accounts-web', from: -9 * M, every: 30, level: 'error', msg: 'POST /api/login -> 500' },
    { service: 'auth-service', from: -2 * H, every: 3600, level: 'info', inRef: true, msg: 'session store: maxmemory-policy=noeviction ttl=30d' },
  ],
  traces: [
    { from: -2 * H, to: -10 * M, count: 3, inRef: true, tree: (r) => span('accounts-web', 'POST /api/login', r.int(80, 160), 'ok', undefined, [span('auth-service', 'POST /v1/login', r.int(40, 90), 'ok', undefined, [span('auth-service', 'SELECT users', r.int(3, 9), 'ok', { 'db.system': 'postgresql' }), span('auth-service', 'SET', r.int(1, 3), 'ok', { 'db.system': 'redis', 'server.address': 'session-redis.x7k2pq.ng.0001.euw1.cache.amazonaws.com' })])]) },
    { from: -8 * M, to: -1 * M, count: 5, tree: (r) => span('accounts-web', 'POST /api/login', r.int(50, 120), 'error', undefined, [span('auth-service', 'POST /v1/login', r.int(30, 80), 'error', undefined, [span('auth-service', 'SELECT users', r.int(3, 9), 'ok', { 'db.system': 'postgresql' }), span('auth-service', 'SET', r.int(1, 3), 'error', { 'db.system': 'redis', 'server.address': 'session-redis.x7k2pq.ng.0001.euw1.cache.amazonaws.com', 'error.type': 'ReplyError' })])]) },
  ],
  changes: [
    { at: -1 * H - 5 * M, service: 'auth-service', kind: 'deployment', summary: 'auth-service 3.14.0: passkey enrolment prompt', version: '3.14.0', previousVersion: '3.13.2', author: 'identity-ci', source: 'argocd' },
    { at: -30 * M, service: 'mfa-service', kind: 'config', summary: 'mfa-service: SMS sender ID for FR changed', author: 'a.dubois', source: 'argocd' },
  ],
  alerts: [{ at: -7 * M, service: 'accounts-web', name: 'accounts-web 5xx > 5%', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('session-redis', 'resource_exhaustion', 'scale_out', ['metrics', 'logs']),
  meta: {
    story: 'Sessions live 30 days in a noeviction ElastiCache cluster; user growth has filled it (81% a week ago). At the Monday-morning login peak memory reaches maxmemory and every new session write is refused, so logins fail while reads still work.',
    modelledOn: 'documented class: Redis/ElastiCache maxmemory with noeviction ("OOM command not allowed")',
    alertService: 'auth-service',
    alertStart: -2 * M,
    tempting: 'auth-service (alert, deploy an hour earlier, constant bad-password warnings); the mfa-service config change',
  },
};

const D4_AT = '2026-07-21T18:27:00Z';
const d4: ScenarioSpec = {
  name: 'payments-svc-authorization-failures',
  description: 'PagerDuty incident: payment authorisation failures above 10%.',
  at: D4_AT,
  signal: {
    source: 'pagerduty',
    ...pagerduty({ at: D4_AT, createdAt: -3 * M, title: 'Payment authorisation failure rate 31% (threshold 10%)', service: 'payments-svc', number: 27730, priority: 'P1', team: 'Payments', escalation: 'Payments Primary' }),
  },
  topology: {
    'checkout-web': ['checkout-svc'],
    'checkout-svc': ['payments-svc', 'orders-svc'],
    'payments-svc': ['stripe', 'payments-db', 'risk-svc'],
    'orders-svc': ['orders-db'],
  },
  services: [
    { name: 'checkout-web', style: 'otel', rps: 30, p99: 900, err: 0.003 },
    { name: 'checkout-svc', style: 'otel', rps: 28, p99: 800, err: 0.003, info: ['checkout {hex:8} completed'], logEvery: 90 },
    { name: 'payments-svc', style: 'otel', rps: 26, p99: 700, err: 0.004, info: ['payment_intent {hex:10} succeeded', 'refund {hex:8} created'], logEvery: 60, chronic: [{ level: 'warn', message: 'card_declined ({pick:insufficient_funds|do_not_honor|expired_card}) for intent pi_{hex:14}', every: 45 }] },
    { name: 'risk-svc', style: 'otel', rps: 26, p99: 50, err: 0.001 },
    { name: 'orders-svc', style: 'otel', rps: 28, p99: 60, err: 0.001 },
  ],
  effects: [
    { service: 'payments-svc', from: -15 * M, ramp: 3 * M, err: 0.31, lat: 6 },
    { service: 'checkout-svc', from: -15 * M, ramp: 3 * M, err: 0.3, lat: 4 },
    { service: 'checkout-web', from: -15 * M, ramp: 3 * M, err: 0.25, lat: 3 },
  ],
  series: [
    { name: 'http.client.request.duration.p99', service: 'payments-svc', labels: { 'server.address': 'api.stripe.com', 'http.route': '/v1/payment_intents/{id}/confirm' }, unit: 'ms', fn: (t, r, ref) => noisy(r, step(t, ref, -15 * M, 600, 20000, 3 * M), 0.1) },
    { name: 'http.client.request.error_ratio', service: 'payments-svc', labels: { 'server.address': 'api.stripe.com' }, unit: '1', fn: (t, r, ref) => Math.min(1, noisy(r, step(t, ref, -15 * M, 0.002, 0.33, 3 * M), 0.1)) },
    { name: 'http.client.request.error_ratio', service: 'payments-svc', labels: { 'server.address': 'risk-svc.payments.svc.cluster.local' }, unit: '1', fn: (_t, r) => noisy(r, 0.001, 0.3) },
  ],
  logs: [
    { service: 'payments-svc', from: -15 * M, every: 9, level: 'error', msg: '{pick:StripeConnectionError: Request timed out after 20000ms|APIError: (Status 502) An unknown error occurred|APIError: (Status 500) api_error: Sorry, something went wrong on our end} (request_id req_{hex:14}, idempotency_key {hex:16})' },
    { service: 'checkout-svc', from: -14 * M, every: 30, level: 'error', msg: 'payment failed for checkout {hex:8}: payments-svc 502' },
  ],
  traces: [
    { from: -2 * H, to: -16 * M, count: 4, inRef: true, tree: (r) => span('checkout-svc', 'POST /checkout/{id}/pay', r.int(500, 900), 'ok', undefined, [span('payments-svc', 'POST /v2/payments', r.int(400, 800), 'ok', undefined, [span('risk-svc', 'POST /assess', r.int(10, 40)), clientSpan('payments-svc', 'stripe', 'api.stripe.com', 'POST /v1/payment_intents/{id}/confirm', r.int(300, 650), 200)])]) },
    { from: -14 * M, to: -1 * M, count: 7, tree: (r) => { const ok = r.chance(0.35); return span('checkout-svc', 'POST /checkout/{id}/pay', ok ? r.int(600, 1500) : r.int(5000, 20100), ok ? 'ok' : 'error', undefined, [span('payments-svc', 'POST /v2/payments', ok ? r.int(500, 1400) : r.int(5000, 20050), ok ? 'ok' : 'error', undefined, [span('risk-svc', 'POST /assess', r.int(10, 40)), clientSpan('payments-svc', 'stripe', 'api.stripe.com', 'POST /v1/payment_intents/{id}/confirm', ok ? r.int(400, 1300) : r.int(4900, 20000), ok ? 200 : r.pick([500, 502, 0]))])]); } },
  ],
  changes: [
    { at: -25 * M, service: 'payments-svc', kind: 'deployment', summary: 'payments-svc 11.2.0: structured log fields for payout reconciliation', version: '11.2.0', previousVersion: '11.1.3', author: 't.oduya', commit: 'c3f91b2', source: 'argocd' },
    { at: -1 * H - 40 * M, service: 'risk-svc', kind: 'config', summary: 'risk-svc: velocity rule v17 enabled', author: 'risk-ops', source: 'argocd' },
    { at: -6 * M, service: 'payments-svc', kind: 'scaling', summary: 'HPA payments-svc 6 -> 10', source: 'kubernetes' },
    { at: -4 * M, service: 'payments-svc', kind: 'deployment', summary: 'payments-svc 11.2.1 (hotfix): Stripe client timeout 20s -> 8s, fail fast to fallback message', version: '11.2.1', previousVersion: '11.2.0', author: 't.oduya', commit: 'f10a2b7', source: 'argocd' },
  ],
  alerts: [{ at: -12 * M, service: 'checkout-web', name: 'Checkout conversion drop', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('stripe', 'dependency_failure', 'none', ['traces', 'logs']),
  meta: {
    story: 'The payment provider has a partial API outage: a third of confirm calls return 500/502 or hang until the 20 s client timeout. Everything else in payments-svc (risk calls, refunds, DB) is healthy; a deploy 10 minutes before the onset only changed log fields.',
    modelledOn: 'documented class: payment service provider partial API outage (PSP status-page incidents with elevated error rates)',
    alertService: 'payments-svc',
    alertStart: -3 * M,
    tempting: 'payments-svc deployed 10 minutes before onset, and again as a hotfix during the incident; chronic card_declined warnings; HPA scale',
  },
};

const D5_AT = '2026-12-01T10:02:00Z';
const d5: ScenarioSpec = {
  name: 'notification-worker-email-send-failures',
  description: 'Grafana alert: notification-worker email send failures and email queue depth.',
  at: D5_AT,
  signal: {
    source: 'grafana',
    ...grafana({
      at: D5_AT,
      startsAt: -1 * H - 40 * M,
      labels: { alertname: 'EmailSendFailures', service: 'notification-worker', channel: 'email', severity: 'warning', env: 'prod' },
      annotations: { summary: 'Email sends failing and email-outbox backlog growing', description: 'failed sends 22%/10m, email-outbox visible messages 48k' },
      values: { A: 0.22, B: 48210, C: 1 },
      folder: 'Notifications',
    }),
  },
  topology: {
    'orders-svc': ['notifications-topic'],
    'accounts-svc': ['notifications-topic'],
    'notifications-topic': ['email-outbox', 'sms-outbox'],
    'email-outbox': ['notification-worker'],
    'sms-outbox': ['notification-worker'],
    'notification-worker': ['sendgrid', 'messagebird', 'templates-s3'],
  },
  window: 4 * H,
  services: [
    { name: 'orders-svc', style: 'prom', rps: 40, p99: 120, err: 0.001, info: ['order confirmation requested'], logEvery: 300 },
    { name: 'accounts-svc', style: 'prom', rps: 25, p99: 90, err: 0.001 },
    { name: 'notification-worker', style: 'prom', rps: 55, p99: 450, err: 0.004, info: ['sent {pick:order_confirmation|password_reset|shipping_update} via {pick:email|email|sms}'], logEvery: 60, chronic: [{ level: 'warn', message: 'email bounced for recipient hash {hex:10} (550 mailbox unavailable)', every: 200 }] },
  ],
  effects: [
    { service: 'notification-worker', from: -1 * H - 55 * M, ramp: 10 * M, err: 0.22, lat: 12 },
  ],
  series: [
    { name: 'notification_send_total:rate5m', service: 'notification-worker', labels: { channel: 'email', provider: 'sendgrid', outcome: 'error' }, unit: '{message}/s', fn: (t, r, ref) => noisy(r, step(t, ref, -1 * H - 55 * M, 0.05, 8.6, 10 * M), 0.1) },
    { name: 'notification_send_total:rate5m', service: 'notification-worker', labels: { channel: 'sms', provider: 'messagebird', outcome: 'error' }, unit: '{message}/s', fn: (_t, r) => noisy(r, 0.04, 0.4) },
    { name: 'notification_provider_latency_seconds:p99', service: 'notification-worker', labels: { provider: 'sendgrid' }, unit: 's', fn: (t, r, ref) => noisy(r, step(t, ref, -1 * H - 55 * M, 0.35, 30, 10 * M), 0.08) },
    { name: 'aws_sqs_approximate_number_of_messages_visible', service: 'email-outbox', labels: { queue_name: 'email-outbox' }, unit: '{message}', step: 300, fn: (t, r, ref) => Math.round(ref || t < -1 * H - 50 * M ? noisy(r, 30, 0.5) : 30 + (t + 110 * M) * 7.3) },
  ],
  logs: [
    { service: 'notification-worker', from: -1 * H - 55 * M, every: 12, level: 'error', msg: '{pick:sendgrid POST /v3/mail/send: 503 Service Unavailable|sendgrid POST /v3/mail/send: context deadline exceeded (30s)|sendgrid POST /v3/mail/send: 502 Bad Gateway}, message {hex:12} returned to queue' },
  ],
  traces: [
    { from: -4 * H, to: -2 * H, count: 3, inRef: true, tree: (r) => span('notification-worker', 'process email-outbox message', r.int(200, 450), 'ok', undefined, [clientSpan('notification-worker', 'sendgrid', 'api.sendgrid.com', 'POST /v3/mail/send', r.int(150, 400), 202)]) },
    { from: -1 * H - 40 * M, to: -1 * M, count: 6, tree: (r) => { const ok = r.chance(0.5); return span('notification-worker', 'process email-outbox message', ok ? r.int(3000, 9000) : 30000, ok ? 'ok' : 'error', undefined, [clientSpan('notification-worker', 'sendgrid', 'api.sendgrid.com', 'POST /v3/mail/send', ok ? r.int(2900, 8900) : 30000, ok ? 202 : r.pick([503, 502, 0]))]); } },
    { from: -1 * H, to: -1 * M, count: 2, tree: (r) => span('notification-worker', 'process sms-outbox message', r.int(200, 500), 'ok', undefined, [clientSpan('notification-worker', 'messagebird', 'rest.messagebird.com', 'POST /messages', r.int(150, 450), 201)]) },
  ],
  changes: [
    { at: -2 * H - 30 * M, service: 'notification-worker', kind: 'deployment', summary: 'notification-worker 4.7.0: Cyber Monday templates', version: '4.7.0', previousVersion: '4.6.2', author: 'lifecycle-ci', source: 'argocd' },
    { at: -1 * H - 20 * M, service: 'notification-worker', kind: 'config', summary: 'send timeout 10s -> 30s (mitigation)', author: 'on-call', source: 'argocd' },
    { at: -40 * M, service: 'notification-worker', kind: 'scaling', summary: 'KEDA scaled notification-worker 4 -> 20 on email-outbox depth', source: 'keda' },
  ],
  alerts: [{ at: -1 * H - 30 * M, service: 'orders-svc', name: 'Order confirmation emails delayed', status: 'firing' }],
  expected: expected('sendgrid', 'dependency_failure', 'none', ['traces', 'logs']),
  meta: {
    story: 'The email provider degrades (503s, 30-second hangs) in the Cyber Monday morning; sends fail or crawl and the email queue grows for almost two hours while SMS sends through another provider stay healthy. The alert has been firing since the onset.',
    modelledOn: 'documented class: transactional email provider API degradation (provider status-page incidents: delayed processing, 5xx on mail send)',
    alertService: 'notification-worker',
    alertStart: -1 * H - 40 * M,
    tempting: 'the worker deploy 35 minutes before onset; the timeout raise and KEDA scale (mitigations); no reference period',
  },
};

const D6_AT = '2026-08-18T12:16:00Z';
const d6: ScenarioSpec = {
  name: 'prod-orders-table-latency-alarm',
  description: 'CloudWatch alarm (SNS): prod-orders DynamoDB SuccessfulRequestLatency p99 above 100 ms.',
  at: D6_AT,
  signal: {
    source: 'cloudwatch-sns',
    ...cloudwatchSns({
      at: D6_AT,
      changed: -3 * M,
      name: 'prod-orders-getitem-latency-p99',
      description: 'DynamoDB GetItem latency on prod-orders',
      reason: 'Threshold Crossed: 3 out of the last 3 datapoints [412.3 (18/08/26 12:12:00), 388.0 (18/08/26 12:11:00), 251.9 (18/08/26 12:10:00)] were greater than the threshold (100.0) (minimum 3 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/DynamoDB',
      metric: 'SuccessfulRequestLatency',
      dimensions: { TableName: 'prod-orders', Operation: 'GetItem' },
      stat: 'p99',
      period: 60,
      threshold: 100,
      region: 'us-east-2',
      topic: 'commerce-alarms',
    }),
  },
  topology: {
    'api-edge': ['orders-api', 'carts-api', 'profile-api'],
    'orders-api': ['dynamodb', 'order-events'],
    'carts-api': ['dynamodb'],
    'profile-api': ['dynamodb', 'profile-cache'],
    'order-events': ['shipping-worker'],
    'shipping-worker': ['dynamodb', 'carrier-gateway'],
  },
  withLogs: false,
  services: [
    { name: 'api-edge', style: 'cw-alb', rps: 700, p99: 250, err: 0.002, labels: { LoadBalancer: 'app/api-edge/9a8b7c6d5e4f3a21' } },
    { name: 'orders-api', style: 'prom', rps: 220, p99: 90, err: 0.001, info: ['order {n:1000000-9999999} fetched', 'order created'], logEvery: 60 },
    { name: 'carts-api', style: 'prom', rps: 300, p99: 40, err: 0.001, info: ['cart saved'], logEvery: 90 },
    { name: 'profile-api', style: 'prom', rps: 260, p99: 35, err: 0.001 },
    { name: 'shipping-worker', style: 'prom', rps: 30, p99: 300, err: 0.003, chronic: [{ level: 'warn', message: 'carrier-gateway rate quote stale for {pick:UPS|DHL|FedEx}, using cached', every: 300 }] },
  ],
  effects: [
    { service: 'orders-api', from: -16 * M, ramp: 3 * M, lat: 6, err: 0.08 },
    { service: 'carts-api', from: -16 * M, ramp: 3 * M, lat: 7, err: 0.07 },
    { service: 'profile-api', from: -15 * M, ramp: 3 * M, lat: 3, err: 0.03 },
    { service: 'shipping-worker', from: -15 * M, ramp: 3 * M, lat: 3, err: 0.06 },
    { service: 'api-edge', from: -16 * M, ramp: 3 * M, lat: 3, err: 0.05 },
  ],
  series: [
    ...['prod-orders', 'prod-carts', 'prod-profiles', 'prod-shipments'].map((table, i) => ({ name: 'SuccessfulRequestLatency', service: 'dynamodb', labels: { Namespace: 'AWS/DynamoDB', TableName: table, Operation: i === 1 ? 'PutItem' : 'GetItem', Statistic: 'p99' }, unit: 'Milliseconds', step: 60, gaps: 0.03, fn: (t: number, r: import('./prng.js').Rng, ref: boolean) => noisy(r, step(t, ref, -16 * M, 9 + i, 260 + 60 * i, 3 * M), 0.12) })),
    ...['prod-orders', 'prod-carts', 'prod-profiles', 'prod-shipments'].map((table) => ({ name: 'SystemErrors', service: 'dynamodb', labels: { Namespace: 'AWS/DynamoDB', TableName: table, Statistic: 'Sum' }, unit: 'Count', step: 60, fn: (t: number, r: import('./prng.js').Rng, ref: boolean) => Math.round(ref || t < -16 * M ? 0 : noisy(r, 180, 0.3)) })),
    { name: 'ThrottledRequests', service: 'dynamodb', labels: { Namespace: 'AWS/DynamoDB', TableName: 'prod-orders', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: () => 0 },
    { name: 'ConsumedReadCapacityUnits', service: 'dynamodb', labels: { Namespace: 'AWS/DynamoDB', TableName: 'prod-orders', Statistic: 'Sum' }, unit: 'Count', step: 60, fn: (_t, r) => noisy(r, 41000, 0.05) },
  ],
  logs: [
    { service: 'orders-api', from: -16 * M, every: 15, level: 'error', msg: '{pick:InternalServerError: Internal server error (Service: DynamoDb, Status Code: 500)|SdkClientException: Unable to execute HTTP request: Read timed out|ServiceUnavailableException (Service: DynamoDb, Status Code: 503)} on {pick:GetItem|Query} prod-orders' },
    { service: 'carts-api', from: -16 * M, every: 20, level: 'error', msg: 'PutItem prod-carts failed after 10 retries: InternalServerError (Service: DynamoDb, Status Code: 500)' },
    { service: 'shipping-worker', from: -15 * M, every: 60, level: 'error', msg: 'UpdateItem prod-shipments: RequestTimeout after 3 attempts' },
    { service: 'profile-api', from: -15 * M, every: 90, level: 'warn', msg: 'profile-cache miss and DynamoDB slow ({n:400-1800}ms)' },
  ],
  changes: [
    { at: -31 * M, service: 'orders-api', kind: 'deployment', summary: 'orders-api 6.8.0: order notes field', version: '6.8.0', previousVersion: '6.7.4', author: 'orders-ci', source: 'codedeploy' },
    { at: -1 * H - 10 * M, service: 'carts-api', kind: 'config', summary: 'carts-api DynamoDB client: maxErrorRetry 3 -> 10', author: 'r.yilmaz', source: 'appconfig' },
    { at: -5 * M, service: 'orders-api', kind: 'scaling', summary: 'ECS service orders-api desired 10 -> 14', source: 'application-autoscaling' },
  ],
  alerts: [
    { at: -9 * M, service: 'dynamodb', name: 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE (us-east-2)', status: 'firing' },
    { at: -12 * M, service: 'api-edge', name: 'api-edge-5xx', status: 'firing' },
  ],
  reference: { hoursBack: 24 },
  expected: expected('dynamodb', 'dependency_failure', 'none', ['metrics', 'alerts']),
  meta: {
    story: 'DynamoDB in us-east-2 has elevated latencies and 500s: every table the company uses shows the same SystemErrors and p99 jump at the same minute, with no throttling and no capacity change; AWS Health posts an operational issue nine minutes later.',
    modelledOn: 'documented class: regional managed-service degradation (AWS Health operational issue) affecting all tables at once',
    alertService: 'prod-orders',
    alertStart: -3 * M,
    tempting: 'the alarm names one table; orders-api deployed 15 minutes before; the carts-api retry change',
  },
};

const D7_AT = '2026-10-05T07:48:00Z';
const d7: ScenarioSpec = {
  name: 'login-success-rate-low',
  description: 'Opsgenie alert: login success rate below 90%.',
  at: D7_AT,
  signal: {
    source: 'opsgenie',
    ...opsgenie({
      at: D7_AT,
      createdAt: -4 * M,
      message: 'Login success rate 61% (threshold 90%)',
      alias: 'identity-login-success-rate',
      entity: 'identity-bff',
      source: 'Prometheus',
      priority: 'P1',
      tags: ['team:identity', 'env:prod'],
      details: { app: 'identity-bff', namespace: 'identity', region: 'eu-west-1' },
      teams: ['identity'],
    }),
  },
  topology: {
    'web-app': ['identity-bff', 'api-gateway'],
    'mobile-app': ['identity-bff'],
    'identity-bff': ['auth0', 'user-profile'],
    'api-gateway': ['orders', 'user-profile'],
  },
  window: 90 * M,
  services: [
    { name: 'web-app', style: 'prom', rps: 300, p99: 400, err: 0.002 },
    { name: 'identity-bff', style: 'prom', rps: 90, p99: 350, err: 0.003, info: ['login completed via {pick:password|google|apple}', 'token refreshed'], logEvery: 30, chronic: [{ level: 'warn', message: 'auth0 returned invalid_grant for refresh token (revoked)', every: 120 }] },
    { name: 'user-profile', style: 'prom', rps: 200, p99: 40, err: 0.001 },
    { name: 'api-gateway', style: 'prom', rps: 800, p99: 100, err: 0.002 },
    { name: 'orders', style: 'prom', rps: 200, p99: 80, err: 0.001 },
  ],
  effects: [
    { service: 'identity-bff', from: -14 * M, ramp: 2 * M, err: 0.39, lat: 8 },
    { service: 'web-app', from: -14 * M, ramp: 2 * M, err: 0.05 },
  ],
  series: [
    { name: 'http_client_requests:rate1m', service: 'identity-bff', labels: { peer: 'acme.eu.auth0.com', status: '5xx' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 0.02, 31, 2 * M), 0.1) },
    { name: 'http_client_request_duration_seconds:p99', service: 'identity-bff', labels: { peer: 'acme.eu.auth0.com' }, unit: 's', fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 0.28, 10, 2 * M), 0.08) },
    { name: 'http_client_request_duration_seconds:p99', service: 'identity-bff', labels: { peer: 'user-profile.identity.svc' }, unit: 's', fn: (_t, r) => noisy(r, 0.04, 0.1) },
  ],
  logs: [
    { service: 'identity-bff', from: -14 * M, every: 6, level: 'error', msg: '{pick:POST https://acme.eu.auth0.com/oauth/token -> 503 Service Unavailable|POST https://acme.eu.auth0.com/oauth/token timed out after 10000ms|GET https://acme.eu.auth0.com/.well-known/jwks.json -> 502 Bad Gateway}' },
    { service: 'web-app', from: -13 * M, every: 45, level: 'warn', msg: 'login callback error: server_error' },
  ],
  traces: [
    { from: -90 * M, to: -15 * M, count: 3, tree: (r) => span('identity-bff', 'POST /login', r.int(200, 380), 'ok', undefined, [clientSpan('identity-bff', 'auth0', 'acme.eu.auth0.com', 'POST /oauth/token', r.int(150, 300), 200), span('user-profile', 'GET /profiles/{id}', r.int(10, 30))]) },
    { from: -12 * M, to: -1 * M, count: 6, tree: (r) => { const ok = r.chance(0.4); return span('identity-bff', 'POST /login', ok ? r.int(400, 2000) : 10050, ok ? 'ok' : 'error', undefined, [clientSpan('identity-bff', 'auth0', 'acme.eu.auth0.com', 'POST /oauth/token', ok ? r.int(350, 1900) : 10000, ok ? 200 : r.pick([503, 502, 0]))]); } },
  ],
  changes: [
    { at: -45 * M, service: 'identity-bff', kind: 'feature_flag', summary: 'flag new-login-layout 10% -> 25%', author: 'growth@acme', source: 'launchdarkly' },
    { at: -20 * M, service: 'user-profile', kind: 'deployment', summary: 'user-profile 1.9.3', version: '1.9.3', previousVersion: '1.9.2', author: 'identity-ci', source: 'argocd' },
  ],
  runtime: [{ at: -1 * H, service: 'identity-bff', kind: 'restart', count: 1, message: 'pod identity-bff-7c9d8f6b5-q4wzt restarted (node upgrade)' }],
  expected: expected('auth0', 'dependency_failure', 'none', ['traces', 'logs']),
  meta: {
    story: 'The hosted identity provider\'s EU region degrades: token and JWKS endpoints answer 502/503 or time out for 60% of logins. identity-bff and its own callees are healthy.',
    modelledOn: 'documented class: hosted identity provider (Auth0/Okta) regional outage breaking logins',
    alertService: 'identity-bff',
    alertStart: -4 * M,
    tempting: 'the login-layout flag ramp 45 minutes earlier; user-profile deploy 6 minutes before onset; the chronic invalid_grant warnings; no reference',
  },
};

const D8_AT = '2026-03-31T16:22:00Z';
const d8: ScenarioSpec = {
  name: 'doc-summarizer-job-failures',
  description: 'Generic alert: doc-summarizer job failure rate above 20%.',
  at: D8_AT,
  signal: {
    source: 'generic',
    ...generic({ at: D8_AT, startedAt: -5 * M, title: 'doc-summarizer: job failure rate 46% (15 min)', service: 'doc-summarizer', severity: 'high', description: 'Summaries failing for uploaded documents; jobs moved to retry queue.', labels: { team: 'docs-ai', queue: 'summarize-jobs' }, dedupKey: 'doc-summarizer-failure-rate' }),
  },
  topology: {
    'docs-api': ['uploads-bucket', 'summarize-jobs'],
    'summarize-jobs': ['doc-summarizer'],
    'doc-summarizer': ['anthropic-api', 'docs-db', 'text-extractor'],
    'text-extractor': ['textract'],
  },
  window: 3 * H,
  services: [
    { name: 'docs-api', style: 'cw-alb', rps: 25, p99: 300, err: 0.002, labels: { TargetGroup: 'targetgroup/docs-api/0c1d2e3f4a5b6c7d', LoadBalancer: 'app/docs-prod/1a2b3c4d5e6f7081' } },
    { name: 'doc-summarizer', style: 'otel', rps: 4, p99: 14000, err: 0.01, spiky: 0.1, info: ['summarized document {hex:10} ({n:2-90} pages, {n:3000-90000} input tokens)'], logEvery: 60 },
    { name: 'text-extractor', style: 'otel', rps: 4, p99: 3000, err: 0.005, chronic: [{ level: 'warn', message: 'Textract: UnsupportedDocumentException for {hex:10}.pdf (encrypted), skipping OCR', every: 400 }] },
  ],
  effects: [{ service: 'doc-summarizer', from: -24 * M, ramp: 3 * M, err: 0.46, lat: 0.6 }],
  series: [
    { name: 'gen_ai.client.operation.count', service: 'doc-summarizer', labels: { 'gen_ai.system': 'anthropic', 'http.response.status_code': '529' }, unit: '{operation}/min', fn: (t, r, ref) => Math.round(ref || t < -24 * M ? 0 : noisy(r, 110, 0.2)) },
    { name: 'gen_ai.client.token.usage', service: 'doc-summarizer', labels: { 'gen_ai.system': 'anthropic', 'gen_ai.token.type': 'input' }, unit: '{token}/min', fn: (t, r, ref) => noisy(r, ref || t < -24 * M ? 520000 : 300000, 0.15) },
    { name: 'summarize_jobs_queue_depth', service: 'summarize-jobs', unit: '{job}', step: 300, fn: (t, r, ref) => Math.round(ref || t < -24 * M ? noisy(r, 8, 0.5) : 8 + (t + 24 * M) * 0.6) },
  ],
  logs: [
    { service: 'doc-summarizer', from: -24 * M, every: 10, level: 'error', msg: 'anthropic.InternalServerError: Error code: 529 - {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} (request_id req_{hex:20})' },
    { service: 'doc-summarizer', from: -20 * M, every: 60, level: 'warn', msg: 'job {hex:10} moved to retry queue after 4 attempts' },
  ],
  traces: [
    { from: -3 * H, to: -30 * M, count: 3, inRef: true, tree: (r) => span('doc-summarizer', 'summarize', r.int(6000, 14000), 'ok', undefined, [span('text-extractor', 'POST /extract', r.int(800, 2500)), clientSpan('doc-summarizer', 'anthropic-api', 'api.anthropic.com', 'POST /v1/messages', r.int(5000, 11000), 200, 'ok', { 'gen_ai.request.model': 'claude-sonnet' })]) },
    { from: -20 * M, to: -1 * M, count: 5, tree: (r) => span('doc-summarizer', 'summarize', r.int(3000, 9000), 'error', undefined, [span('text-extractor', 'POST /extract', r.int(800, 2500)), ...[0, 1, 2, 3].map(() => clientSpan('doc-summarizer', 'anthropic-api', 'api.anthropic.com', 'POST /v1/messages', r.int(300, 1500), 529, 'error', { 'gen_ai.request.model': 'claude-sonnet' }))]) },
  ],
  changes: [
    { at: -58 * M, service: 'doc-summarizer', kind: 'deployment', summary: 'doc-summarizer 0.17.0: shorter system prompt', version: '0.17.0', previousVersion: '0.16.2', author: 'docs-ai-ci', source: 'github-actions' },
    { at: -2 * H, service: 'text-extractor', kind: 'config', summary: 'Textract async threshold 5 -> 10 pages', author: 'docs-ai', source: 'ssm-parameter-store' },
  ],
  reference: { hoursBack: 24, span: 3 * H },
  expected: expected('anthropic-api', 'dependency_failure', 'none', ['logs', 'traces']),
  meta: {
    story: 'The LLM provider is overloaded and answers 529 overloaded_error to a large share of requests for about half an hour; the summarizer\'s own token volume is lower than usual (no traffic increase, no rate limit), and the deploy an hour earlier only shortened the prompt.',
    modelledOn: 'documented class: LLM API provider overload (HTTP 529 overloaded_error) incidents',
    alertService: 'doc-summarizer',
    alertStart: -5 * M,
    tempting: 'doc-summarizer deploy an hour before; always-slow summarizer and text-extractor warnings',
  },
};

export const SPECS_D: ScenarioSpec[] = [d1, d2, d3, d4, d5, d6, d7, d8];
