import { pat, rollout } from '../lib/helpers.js';
import { leak, scaleBy, stepTo } from '../lib/metrics.js';
import { cloudwatchSns } from '../lib/signals.js';
import { datadog, pagerduty } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { payments } from '../systems/payments.js';

const ACCOUNT = '418295730166';

/*
 * Intent: deployment on ledger shipped a memory leak six hours earlier; OOM kills now.
 * Kind is deployment (the format's rule), action rollback. Alert on payments-api's ALB (1 hop).
 */
const ledgerLeak: ScenarioSpec = {
  name: 'payments-api-slow-responses',
  seed: 2101,
  at: '2026-05-14T15:40:00Z',
  description:
    'Payment creation became slow in the afternoon: the payments-api load balancer p99 went above 2 s and a few percent of requests failed with 502. ECS replaced several ledger tasks during the incident. The morning release train had shipped without incident hours earlier.',
  system: payments,
  onset: -720,
  signal: cloudwatchSns(
    '2026-05-14T15:40:00Z',
    {
      account: ACCOUNT,
      region: 'us-east-1',
      alarmName: 'payments-api-prod-alb-p99-latency',
      description: 'p99 TargetResponseTime of the payments-api ALB above 2s for 3 minutes',
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: { LoadBalancer: 'app/payments-api-prod/3f9c1a7d2e6b8c40' },
      stat: 'p99',
      period: 60,
      threshold: 2,
      comparison: 'GreaterThanThreshold',
      datapoints: [2.61, 2.48, 2.37],
    },
    'ledgerly-prod-alarms',
  ),
  effects: [
    { service: 'ledger', key: 'memory', shape: leak(90.6, 11.8, [-700, -430, -150], 58) },
    { service: 'ledger', key: 'latency', shape: stepTo(-1500, 0.62, 780) },
    { service: 'ledger', key: 'errors', shape: stepTo(-720, 0.055, 60) },
    { service: 'ledger', key: 'cpu', shape: stepTo(-1500, 71, 780) },
    { service: 'payments-api', key: 'latency', shape: stepTo(-720, 2.5, 120) },
    { service: 'payments-api', key: 'errors', shape: stepTo(-715, 0.041, 60) },
    { service: 'api-gateway', key: 'latency', shape: scaleBy(-715, 2.8, 120) },
  ],
  extraSeries: [
    {
      service: 'ledger',
      def: { key: 'mem5m', name: 'aws_ecs_memoryutilization_average', unit: 'percent', labels: { period: '300' }, base: 31, noise: 0.01, step: 300, max: 100 },
      from: -23400,
      shape: () => (t) => (t < -22080 ? 31 : t < -700 ? Math.min(99.6, 30 + (11.8 * (t + 22080)) / 3600) : 62),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['create-payment', 'get-payment'],
    faults: [{ service: 'ledger', from: -720, errorRate: 0.05, slowFactor: 7, errorAttributes: { 'http.status_code': 502 } }],
  },
  logs: [
    pat('ledger', 'warn', -1500, 1.5, (r) => `GC overhead: ${r.int(2600, 4700)}ms in G1 Old Generation over the last 5s, heap_used=${r.range(1.86, 1.98).toFixed(2)}GiB/2.00GiB`),
    pat('ledger', 'error', -705, 0.35, () => 'java.lang.OutOfMemoryError: Java heap space', { to: -140, max: 3 }),
    pat('payments-api', 'error', -715, 6, (r) => `ledger POST /v1/journal failed payment_id=pay_${r.hex(14)}: 502 Bad Gateway`, { linkTraces: true }),
    rollout('ledger', -690, 3, (r) => `ledger v7.3.0 started in ${r.range(9, 13).toFixed(1)}s; balance cache LRU enabled`, 280),
  ],
  changes: [
    { at: '2026-05-14T09:32:00Z', service: 'ledger', kind: 'deployment', summary: 'ledger v7.3.0: cache account balances in process', version: 'v7.3.0', previousVersion: 'v7.2.4', author: 's.varga', commit: 'b7e04c1', source: 'github-actions' },
    { at: '2026-05-14T12:41:00Z', service: 'api-gateway', kind: 'deployment', summary: 'api-gateway v3.30.1: dependency bumps', version: 'v3.30.1', previousVersion: 'v3.30.0', author: 'renovate[bot]', commit: '55ad0e7', source: 'github-actions' },
  ],
  runtime: [
    { at: -700, service: 'ledger', kind: 'oom_killed', count: 1, message: 'ECS task stopped: OutOfMemoryError: Container killed due to memory usage (limit 2048 MiB)' },
    { at: -690, service: 'ledger', kind: 'restart', count: 1, message: 'service ledger has started 1 tasks' },
    { at: -430, service: 'ledger', kind: 'oom_killed', count: 1, message: 'ECS task stopped: OutOfMemoryError: Container killed due to memory usage (limit 2048 MiB)' },
    { at: -150, service: 'ledger', kind: 'oom_killed', count: 1, message: 'ECS task stopped: OutOfMemoryError: Container killed due to memory usage (limit 2048 MiB)' },
  ],
  expected: { rootCause: { service: 'ledger', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'runtime', 'metrics'] },
};

/*
 * Intent: config_change on payments-api (risk client timeout cut below risk-engine's normal latency).
 * Traces: the client span times out while risk-engine's server span is healthy. Red herring: an
 * older risk-engine deploy.
 */
const riskTimeout: ScenarioSpec = {
  name: 'payments-decline-spike',
  seed: 2102,
  at: '2026-06-05T11:12:00Z',
  description:
    'Merchants reported an unusual number of declined payments late in the morning. The decline ratio went from about 4% to 16% within a minute and stayed there; there were no 5xx errors and latency was normal. Risk-engine had released a new model earlier that morning.',
  system: payments,
  services: ['api-gateway', 'identity', 'payments-api', 'risk-engine', 'card-processor', 'ledger', 'webhooks-dispatcher'],
  onset: -420,
  signal: datadog('2026-06-05T11:12:00Z', {
    monitorId: 90412377,
    title: 'Payment decline ratio is abnormally high on service:payments-api',
    message: 'Decline ratio is 16.1% (threshold 10%) over the last 5 minutes. @slack-payments-oncall',
    metric: 'ledgerly.payments.decline_ratio',
    query: 'avg(last_5m):avg:ledgerly.payments.decline_ratio{service:payments-api,env:prod} > 0.1',
    threshold: 0.1,
    scope: 'service:payments-api,env:prod',
    tags: ['service:payments-api', 'env:prod', 'team:payments', 'region:us-east-1'],
    priority: 'P2',
  }),
  effects: [{ service: 'payments-api', key: 'latency', shape: scaleBy(-420, 0.85, 60) }],
  extraSeries: [
    {
      service: 'payments-api',
      def: { key: 'declines', name: 'payment_decline_ratio', unit: 'ratio', base: 0.041, noise: 0.12, max: 1 },
      shape: stepTo(-420, 0.161, 60),
    },
    {
      service: 'payments-api',
      def: { key: 'riskTimeouts', name: 'risk_client_timeouts_per_second', unit: 'req/s', base: 0.02, noise: 0.8 },
      shape: stepTo(-420, 14.2, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['create-payment', 'get-payment'],
    tailSample: 4,
    faults: [
      {
        service: 'risk-engine',
        from: -420,
        errorRate: 0,
        clientTimeoutMs: 150,
        absorbed: true,
        errorAttributes: { 'error.type': 'timeout', 'exception.message': 'context deadline exceeded (risk.client.timeoutMs=150)' },
      },
    ],
  },
  logs: [
    rollout('risk-engine', -2400, 3, () => 'risk-engine v12.1.0 serving model gbm-v32 features=v8'),
    pat('payments-api', 'info', -445, 1, () => 'AppConfig configuration refreshed profile=payments-api/prod version=14', { max: 4 }),
    pat('payments-api', 'warn', -420, 12, (r) => `risk score unavailable (timeout after 150ms), fail-closed decline payment_id=pay_${r.hex(14)}`, { linkTraces: true }),
  ],
  changes: [
    { at: -2410, service: 'risk-engine', kind: 'deployment', summary: 'risk-engine v12.1.0: model gbm-v32', version: 'v12.1.0', previousVersion: 'v12.0.7', author: 'c.dubois', commit: '3a5e0d9', source: 'github-actions' },
    { at: -450, service: 'payments-api', kind: 'config', summary: 'AppConfig payments-api/prod: risk.client.timeoutMs 800 -> 150 (AllAtOnce)', version: '14', previousVersion: '13', author: 'l.fischer', source: 'aws-appconfig' },
  ],
  expected: { rootCause: { service: 'payments-api', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'traces'] },
};

/*
 * Intent: dependency_failure of stripe-api (third party, seen only as card-processor's client spans),
 * two hops below the paged service. Red herring: payouts-worker deployed 5 minutes before onset.
 */
const stripe: ScenarioSpec = {
  name: 'payments-card-authorizations-failing',
  seed: 2103,
  at: '2026-05-22T13:50:00Z',
  description:
    'About a third of card payments failed from roughly 13:41 UTC, mostly after several seconds. Refunds were affected too. Wallet and bank-transfer payments, which take a different path, were normal. A payouts release went out a few minutes before the first failures.',
  system: payments,
  onset: -540,
  signal: pagerduty('2026-05-22T13:50:00Z', {
    title: '[payments-api] Authorization success rate below 95%',
    serviceName: 'payments-api',
    urgency: 'high',
    priority: 'P1',
    number: 11873,
    escalationPolicy: 'Payments Primary',
    team: 'Payments',
    assignee: 'Ines Albrecht',
  }),
  effects: [
    { service: 'card-processor', key: 'errors', shape: stepTo(-540, 0.34, 60) },
    { service: 'card-processor', key: 'latency', shape: stepTo(-540, 4.6, 60) },
    { service: 'payments-api', key: 'errors', shape: stepTo(-535, 0.29, 60) },
    { service: 'payments-api', key: 'latency', shape: stepTo(-535, 5.1, 60) },
    { service: 'api-gateway', key: 'errors', shape: stepTo(-535, 0.13, 60) },
  ],
  extraSeries: [
    {
      service: 'card-processor',
      def: { key: 'stripeErr', name: 'http_client_error_ratio', unit: 'ratio', labels: { peer: 'api.stripe.com' }, base: 0.003, noise: 0.4, max: 1 },
      shape: stepTo(-540, 0.35, 60),
    },
    {
      service: 'card-processor',
      def: { key: 'stripeLat', name: 'http_client_duration_p99_seconds', unit: 's', labels: { peer: 'api.stripe.com' }, base: 1.1, noise: 0.12 },
      shape: stepTo(-540, 8.2, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['create-payment', 'get-payment', 'payout'],
    faults: [
      { service: 'stripe-api', from: -540, errorRate: 0.36, addMs: 1900, errorAttributes: { 'http.status_code': 500, 'error.type': 'api_error' } },
    ],
  },
  logs: [
    rollout('payouts-worker', -850, 2, () => 'payouts-worker v2.8.0 started; consumer group payouts-v2'),
    pat('card-processor', 'error', -540, 10, (r) => `stripe POST /v1/payment_intents failed: 500 api_error "An unknown error occurred" request_id=req_${r.suffix(14)}`, { linkTraces: true }),
    pat('card-processor', 'warn', -535, 5, (r) => `stripe request retried after ${r.pick(['502 Bad Gateway', '500 api_error', 'read timeout'])} (attempt 2)`),
    pat('payments-api', 'error', -535, 8, (r) => `authorization failed payment_id=pay_${r.hex(14)}: card-processor returned 502`, { linkTraces: true }),
  ],
  changes: [
    { at: -840, service: 'payouts-worker', kind: 'deployment', summary: 'payouts-worker v2.8.0: move to consumer group payouts-v2', version: 'v2.8.0', previousVersion: 'v2.7.5', author: 'o.mensah', commit: 'de41b3a', source: 'github-actions' },
  ],
  alerts: [{ at: -300, service: 'card-processor', name: 'CardProcessorErrorRate', status: 'firing' }],
  expected: { rootCause: { service: 'stripe-api', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] },
};

export const paymentsA: ScenarioSpec[] = [ledgerLeak, riskTimeout, stripe];
