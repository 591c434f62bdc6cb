import type { ScenarioSpec } from './engine.js';
import { M, H, span, clientSpan, expected, step, noisy } from './kit.js';
import { alertmanager, cloudwatchSns, grafana, opsgenie, pagerduty } from './signals.js';

/* Configuration changes. */

const B1_AT = '2026-04-14T10:30:00Z';
const b1: ScenarioSpec = {
  name: 'order-events-consumer-backlog-page',
  description: 'PagerDuty incident: order-events backlog above 50k messages.',
  at: B1_AT,
  signal: {
    source: 'pagerduty',
    ...pagerduty({ at: B1_AT, createdAt: -1 * M, title: 'order-events backlog above 50k messages (ApproximateNumberOfMessagesVisible)', service: 'order-events-consumer', number: 48211, priority: 'P2', team: 'Fulfilment', escalation: 'Fulfilment Primary' }),
  },
  topology: {
    'checkout-api': ['order-events-topic'],
    'order-events-topic': ['order-events-queue', 'analytics-firehose'],
    'order-events-queue': ['order-events-consumer'],
    'order-events-consumer': ['fulfilment-api', 'orders-table'],
    'fulfilment-api': ['warehouse-gateway'],
  },
  window: 3 * H,
  services: [
    { name: 'checkout-api', style: 'otel', rps: 60, p99: 380, err: 0.003, info: ['order placed', 'POST /checkout 201', 'published OrderPlaced to order-events-topic'], logEvery: 60 },
    { name: 'order-events-consumer', style: 'cw-lambda', rps: 70, p99: 310, err: 0.0015, labels: { FunctionName: 'order-events-consumer' }, info: ['processed batch of {n:3-10} OrderPlaced events', 'fulfilment request accepted for order {n:10000000-99999999}'], logEvery: 40 },
    { name: 'fulfilment-api', style: 'otel', rps: 70, p99: 140, err: 0.001, info: ['POST /fulfilments 202'], chronic: [{ level: 'warn', message: 'warehouse-gateway slow ack ({n:900-2000}ms) for site {pick:DUB1|AMS2|LHR4}', every: 360 }] },
    { name: 'warehouse-gateway', style: 'none', chronic: [{ level: 'error', message: 'EDI partner {pick:K-LOG|BLUEFREIGHT} returned 500 on ASN push, will retry', every: 900 }], info: ['ASN pushed'] },
  ],
  effects: [
    { service: 'checkout-api', from: -45 * M, ramp: 20 * M, rps: 1.3 },
    { service: 'order-events-consumer', from: -24 * M, rps: 0.27 },
    { service: 'fulfilment-api', from: -24 * M, rps: 0.27 },
  ],
  series: [
    { name: 'Throttles', service: 'order-events-consumer', labels: { Namespace: 'AWS/Lambda', FunctionName: 'order-events-consumer', Statistic: 'Sum' }, unit: 'Count', step: 300, gaps: 0.05, fn: (t, r, ref) => (ref || t < -24 * M ? 0 : Math.round(noisy(r, 5400, 0.15))) },
    { name: 'ConcurrentExecutions', service: 'order-events-consumer', labels: { Namespace: 'AWS/Lambda', FunctionName: 'order-events-consumer', Statistic: 'Maximum' }, unit: 'Count', step: 300, fn: (t, r, ref) => (ref || t < -24 * M ? Math.round(noisy(r, 34, 0.2)) : 20) },
    { name: 'ApproximateNumberOfMessagesVisible', service: 'order-events-queue', labels: { Namespace: 'AWS/SQS', QueueName: 'order-events-queue', Statistic: 'Average' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(ref || t < -24 * M ? noisy(r, 120, 0.5) : 120 + (t + 24 * M) * 38) },
    { name: 'ApproximateAgeOfOldestMessage', service: 'order-events-queue', labels: { Namespace: 'AWS/SQS', QueueName: 'order-events-queue', Statistic: 'Maximum' }, unit: 'Seconds', step: 300, fn: (t, r, ref) => (ref || t < -24 * M ? noisy(r, 4, 0.5) : t + 24 * M) },
    { name: 'NumberOfMessagesSent', service: 'order-events-queue', labels: { Namespace: 'AWS/SQS', QueueName: 'order-events-queue', Statistic: 'Sum' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -45 * M, 21000, 27300, 20 * M), 0.05)) },
  ],
  logs: [
    { service: 'order-events-consumer', from: -3 * H, every: 1200, level: 'warn', msg: 'fulfilment-api returned 409 for order {n:10000000-99999999} (already fulfilled), acking', inRef: true },
  ],
  changes: [
    { at: -3 * H - 20 * M, service: 'order-events-consumer', kind: 'deployment', summary: 'order-events-consumer: publish version 212 (structured logging)', version: '212', previousVersion: '211', author: 'ci-fulfilment', commit: '6d1ab30', source: 'github-actions' },
    { at: -50 * M, service: 'checkout-api', kind: 'feature_flag', summary: 'flag spring-promo-banner ON for 100% (marketing)', author: 'c.moreau', source: 'launchdarkly' },
    { at: -25 * M, service: 'order-events-consumer', kind: 'config', summary: 'PutFunctionConcurrency order-events-consumer ReservedConcurrentExecutions=20', author: 'arn:aws:sts::481516234200:assumed-role/terraform-apply/ci-7741', source: 'cloudtrail' },
  ],
  alerts: [{ at: -8 * M, service: 'order-events-queue', name: 'order-events-queue-age-high', status: 'firing' }],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected('order-events-consumer', 'config_change', 'revert_config', ['changes', 'metrics']),
  meta: {
    story: 'A Terraform apply meant for a staging workspace sets reserved concurrency 20 on the production consumer; the SQS event source can no longer scale, invocations are throttled and the backlog grows linearly. The function itself logs nothing unusual: throttled invocations never run.',
    modelledOn: 'documented class: Lambda reserved concurrency set too low by infrastructure-as-code (AWS docs: throttling with SQS event sources)',
    alertService: 'order-events-consumer',
    alertStart: -1 * M,
    tempting: 'the promotion flag and a 30% rise in orders just before (traffic surge); an old consumer deploy; chronic warehouse-gateway errors',
  },
};

const B2_AT = '2026-06-02T15:40:00Z';
const b2: ScenarioSpec = {
  name: 'partner-order-sync-rejections',
  description: 'Opsgenie alert: partner order sync failing with 429 responses (synthetic check).',
  at: B2_AT,
  signal: {
    source: 'opsgenie',
    ...opsgenie({
      at: B2_AT,
      createdAt: -2 * M,
      message: 'Partner order sync failing: 429 Too Many Requests',
      alias: 'synthetics-partner-order-sync',
      entity: 'partner-orders-api',
      source: 'Checkly',
      priority: 'P2',
      description: 'Check "partner order sync (acme-retail key)" failed 4 times in a row from eu-west-1, us-east-1: HTTP 429 on POST https://partners.example.com/v2/orders',
      tags: ['env:prod', 'team:integrations', 'synthetics'],
      details: { service: 'partner-orders-api', check: 'partner-order-sync', region: 'eu-west-1' },
      teams: ['integrations'],
    }),
  },
  topology: {
    'partner-api': ['partner-orders-api', 'partner-catalog-api'],
    'partner-orders-api': ['orders-table', 'order-events-topic'],
    'partner-catalog-api': ['catalog-svc'],
    'partner-portal': ['partner-api'],
  },
  services: [
    { name: 'partner-api', style: 'none' },
    { name: 'partner-orders-api', style: 'cw-lambda', rps: 320, p99: 220, err: 0.002, labels: { FunctionName: 'partner-orders-api' }, info: ['order {n:1000000-9999999} accepted for partner {pick:acme-retail|northwind|globex}', 'idempotency key replay, returning stored response'], logEvery: 45 },
    { name: 'partner-catalog-api', style: 'cw-lambda', rps: 90, p99: 160, err: 0.001, labels: { FunctionName: 'partner-catalog-api' }, info: ['catalog page served'] },
    { name: 'partner-portal', style: 'otel', rps: 4, p99: 600, err: 0.01, spiky: 0.1, chronic: [{ level: 'error', message: 'session cookie decrypt failed (stale key id), forcing re-login', every: 300 }], info: ['dashboard viewed'] },
  ],
  effects: [
    { service: 'partner-orders-api', from: -41 * M, rps: 0.18 },
    { service: 'partner-catalog-api', from: -41 * M, rps: 0.55 },
  ],
  series: [
    { name: 'Count', service: 'partner-api', labels: { Namespace: 'AWS/ApiGateway', ApiName: 'partner-api', Stage: 'prod', Statistic: 'Sum' }, unit: 'Count', step: 300, gaps: 0.04, fn: (t, r, ref) => Math.round(noisy(r, 124000, 0.05)) },
    { name: '4XXError', service: 'partner-api', labels: { Namespace: 'AWS/ApiGateway', ApiName: 'partner-api', Stage: 'prod', Statistic: 'Sum' }, unit: 'Count', step: 300, gaps: 0.04, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -41 * M, 310, 88000), 0.06)) },
    { name: '5XXError', service: 'partner-api', labels: { Namespace: 'AWS/ApiGateway', ApiName: 'partner-api', Stage: 'prod', Statistic: 'Sum' }, unit: 'Count', step: 300, fn: (_t, r) => Math.round(noisy(r, 12, 0.4)) },
    { name: 'Latency', service: 'partner-api', labels: { Namespace: 'AWS/ApiGateway', ApiName: 'partner-api', Stage: 'prod', Statistic: 'p99' }, unit: 'Milliseconds', step: 300, fn: (t, r, ref) => noisy(r, step(t, ref, -41 * M, 260, 40), 0.08) },
  ],
  logs: [
    { service: 'partner-api', from: -2 * H, every: 30, level: 'info', inRef: true, msg: (_i, r) => `{"requestId":"${r.hex(8)}-${r.hex(4)}","ip":"${r.int(3, 220)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}","httpMethod":"POST","resourcePath":"/v2/orders","status":"${r.chance(0.97) ? 200 : 409}","protocol":"HTTP/1.1","responseLength":"${r.int(180, 900)}","apiKeyId":"${r.pick(['k7s2x9', 'q1w8e3', 'z4n6m0'])}"}` },
    { service: 'partner-api', from: -41 * M, every: 6, level: 'warn', msg: (_i, r) => `{"requestId":"${r.hex(8)}-${r.hex(4)}","ip":"${r.int(3, 220)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}","httpMethod":"${r.pick(['POST', 'POST', 'GET'])}","resourcePath":"${r.pick(['/v2/orders', '/v2/orders', '/v2/catalog/items'])}","status":"429","errorMessage":"Too Many Requests","apiKeyId":"${r.pick(['k7s2x9', 'q1w8e3', 'z4n6m0'])}"}` },
    { service: 'partner-orders-api', from: -30 * M, every: 400, level: 'warn', msg: 'cold start init duration {n:700-1400}ms' },
  ],
  changes: [
    { at: -1 * H - 50 * M, service: 'partner-portal', kind: 'deployment', summary: 'partner-portal 2026.06.02: new invoices tab', version: '2026.06.02', previousVersion: '2026.05.27', author: 'y.tanaka', source: 'amplify' },
    { at: -42 * M, service: 'partner-api', kind: 'config', summary: 'UpdateUsagePlan usagePlanId=4fk2ns (partner-standard): replace /throttle/rateLimit 50, replace /throttle/burstLimit 100', author: 'arn:aws:sts::481516234200:assumed-role/cdk-hnb659fds-cfn-exec-role/AWSCloudFormation', source: 'cloudtrail' },
    { at: -36 * M, service: 'partner-orders-api', kind: 'deployment', summary: 'partner-orders-api: publish version 58 (validate ship-to country codes)', version: '58', previousVersion: '57', author: 'ci-integrations', commit: 'aa90c1f', source: 'github-actions' },
  ],
  reference: { hoursBack: 24 },
  expected: expected('partner-api', 'config_change', 'revert_config', ['changes', 'metrics']),
  meta: {
    story: 'A CDK deploy of the partner platform stack recreates the standard usage plan with the stack defaults (50 rps, burst 100) instead of the hand-tuned limits; API Gateway rejects most partner calls with 429 before they reach the backend Lambdas, which see less traffic and no errors.',
    modelledOn: 'documented class: API Gateway usage-plan / stage throttle reset by an infrastructure-as-code deploy',
    alertService: 'partner-orders-api',
    alertStart: -2 * M,
    tempting: 'the alert names partner-orders-api, which deployed 6 minutes after the change; chronic partner-portal errors',
  },
};

const B3_AT = '2026-07-08T11:18:00Z';
const b3: ScenarioSpec = {
  name: 'checkout-503-ratio-high',
  description: 'Alertmanager: checkout 503 ratio above 2% (namespace shop).',
  at: B3_AT,
  signal: {
    source: 'alertmanager',
    ...alertmanager({
      at: B3_AT,
      startsAt: -4 * M,
      labels: { alertname: 'ServiceHigh5xxRatio', service: 'checkout', namespace: 'shop', severity: 'critical', team: 'checkout' },
      annotations: { summary: 'checkout 5xx ratio above 2%', description: 'sum(rate(istio_requests_total{reporter="source",source_workload="checkout",response_code=~"5.."}[5m])) / sum(rate(istio_requests_total{reporter="source",source_workload="checkout"}[5m])) = 0.087' },
      expr: 'service:istio_5xx_ratio:rate5m{service="checkout"} > 0.02',
    }),
  },
  topology: {
    'istio-ingressgateway': ['storefront', 'checkout', 'account'],
    storefront: ['checkout', 'catalog', 'inventory', 'search', 'recommendations', 'reviews', 'cart'],
    checkout: ['inventory', 'pricing', 'payments', 'cart', 'shipping', 'tax', 'fraud', 'loyalty'],
    account: ['auth', 'user-profile', 'loyalty'],
    inventory: ['inventory-db'],
    pricing: ['pricing-cache', 'promotions'],
    payments: ['stripe', 'payments-db'],
    cart: ['cart-redis'],
    search: ['search-opensearch'],
    recommendations: ['catalog', 'recs-feature-store'],
    shipping: ['carrier-rates'],
    fraud: ['fraud-model'],
    'order-events': ['notifications'],
  },
  services: [
    { name: 'storefront', style: 'prom', rps: 400, p99: 350, err: 0.002, info: ['GET / 200', 'GET /p/{slug} 200'], logEvery: 60 },
    { name: 'checkout', style: 'prom', rps: 85, p99: 420, err: 0.002, info: ['checkout started', 'order submitted'], logEvery: 60 },
    { name: 'inventory', style: 'prom', rps: 260, p99: 35, err: 0.0005, info: ['reservation created', 'stock check ok'], logEvery: 60 },
    { name: 'pricing', style: 'prom', rps: 300, p99: 25, err: 0.0005, info: ['price computed'] },
    { name: 'payments', style: 'prom', rps: 40, p99: 900, err: 0.004, spiky: 0.06, info: ['payment intent confirmed'] },
    { name: 'cart', style: 'prom', rps: 150, p99: 20, err: 0.0008 },
    { name: 'catalog', style: 'prom', rps: 350, p99: 60, err: 0.001, chronic: [{ level: 'warn', message: 'image CDN purge lagging by {n:30-90}s', every: 400 }] },
    { name: 'search', style: 'prom', rps: 220, p99: 180, err: 0.001, info: ['search served'], logEvery: 180 },
    { name: 'recommendations', style: 'prom', rps: 300, p99: 120, err: 0.002, spiky: 0.05 },
    { name: 'reviews', style: 'prom', rps: 150, p99: 90, err: 0.001 },
    { name: 'shipping', style: 'prom', rps: 80, p99: 400, err: 0.003, chronic: [{ level: 'warn', message: 'carrier-rates quote timeout for {pick:UPS|DHL|GLS}, using table rate', every: 300 }] },
    { name: 'tax', style: 'prom', rps: 80, p99: 40, err: 0.0005 },
    { name: 'fraud', style: 'prom', rps: 45, p99: 70, err: 0.001 },
    { name: 'loyalty', style: 'prom', rps: 60, p99: 50, err: 0.002 },
    { name: 'auth', style: 'prom', rps: 200, p99: 30, err: 0.003, info: ['token issued'], logEvery: 200 },
    { name: 'notifications', style: 'none', info: ['order email queued'], logEvery: 300 },
  ],
  effects: [
    { service: 'checkout', from: -11 * M, err: 0.085, lat: 0.9 },
    { service: 'storefront', from: -11 * M, err: 0.02 },
    { service: 'inventory', from: -11 * M, rps: 0.78, lat: 0.95 },
  ],
  series: [
    { name: 'istio_requests:rate1m', service: 'checkout', labels: { reporter: 'source', destination_service: 'inventory.shop.svc.cluster.local', response_code: '503', response_flags: 'UO' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, step(t, ref, -11 * M, 0, 21), 0.1) },
    { name: 'envoy_cluster_upstream_rq_pending_overflow:rate1m', service: 'checkout', labels: { cluster_name: 'outbound|8080||inventory.shop.svc.cluster.local', container: 'istio-proxy' }, unit: '{request}/s', fn: (t, r, ref) => noisy(r, step(t, ref, -11 * M, 0, 21), 0.1) },
    { name: 'envoy_cluster_upstream_cx_active', service: 'checkout', labels: { cluster_name: 'outbound|8080||inventory.shop.svc.cluster.local', container: 'istio-proxy' }, unit: '{connection}', fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -11 * M, 64, 16), 0.05)) },
    { name: 'container_cpu_usage_seconds:rate1m', service: 'inventory', labels: { namespace: 'shop', container: 'inventory' }, unit: 'cores', fn: (t, r, ref) => noisy(r, step(t, ref, -11 * M, 1.9, 1.5), 0.05) },
  ],
  logs: [
    { service: 'checkout', from: -11 * M, every: 8, level: 'error', msg: (_i, r) => `[${new Date(Date.parse(B3_AT) - r.int(1, 600) * 1000).toISOString()}] "POST /v1/reservations HTTP/1.1" 503 UO upstream_reset_before_response_started{overflow} - "-" 0 81 0 - "${r.int(10, 250)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 250)}" "checkout/4.18.2" "${r.hex(8)}-${r.hex(4)}" "inventory.shop.svc.cluster.local:8080" "-"` },
    { service: 'checkout', from: -10 * M, every: 25, level: 'error', msg: 'reserve stock failed: 503 upstream connect error or disconnect/reset before headers. reset reason: overflow' },
    { service: 'storefront', from: -10 * M, every: 70, level: 'warn', msg: 'checkout returned 500 for session {hex:10}' },
    { service: 'payments', from: -2 * H, every: 500, level: 'warn', msg: 'stripe idempotency key reused with different params, ignoring retry', inRef: true },
  ],
  traces: [
    {
      from: -2 * H, to: -12 * M, count: 4, inRef: true,
      tree: (r) => span('checkout', 'POST /checkout/submit', r.int(250, 420), 'ok', undefined, [
        span('pricing', 'GET /v1/quote', r.int(8, 20)),
        span('inventory', 'POST /v1/reservations', r.int(12, 30)),
        span('payments', 'POST /v1/intents', r.int(150, 300), 'ok', undefined, [clientSpan('payments', 'stripe', 'api.stripe.com', 'POST /v1/payment_intents', r.int(120, 260), 200)]),
      ]),
    },
    {
      from: -10 * M, to: -1 * M, count: 6,
      tree: (r) => span('checkout', 'POST /checkout/submit', r.int(20, 45), 'error', undefined, [
        span('pricing', 'GET /v1/quote', r.int(8, 20)),
        span('checkout', 'POST inventory.shop.svc.cluster.local:8080/v1/reservations', 0, 'error', { 'span.kind': 'client', 'upstream_cluster': 'outbound|8080||inventory.shop.svc.cluster.local', 'response_flags': 'UO', 'http.response.status_code': 503, component: 'proxy' }),
      ]),
    },
  ],
  changes: [
    { at: -2 * H - 5 * M, service: 'istio-ingressgateway', kind: 'infrastructure', summary: 'istio control plane 1.22.3 -> 1.22.5 (istiod canary promoted), gateways restarted', author: 'platform-bot', source: 'argocd' },
    { at: -1 * H - 15 * M, service: 'recommendations', kind: 'deployment', summary: 'recommendations 12.0.3: model refresh', version: '12.0.3', previousVersion: '12.0.2', author: 'ml-ci', source: 'argocd' },
    { at: -26 * M, service: 'loyalty', kind: 'feature_flag', summary: 'flag double-points-weekend ON', author: 'loyalty-pm@acme', source: 'launchdarkly' },
    { at: -34 * M, service: 'checkout', kind: 'deployment', summary: 'checkout 4.18.2: show delivery estimate on review step', version: '4.18.2', previousVersion: '4.18.1', author: 'h.ivanova', commit: '0be4c7d', source: 'argocd' },
    { at: -12 * M, service: 'inventory', kind: 'config', summary: 'Argo CD sync mesh-policies@7c1e9f0: DestinationRule inventory (trafficPolicy.connectionPool.http.http1MaxPendingRequests, maxRequestsPerConnection; tcp.maxConnections)', author: 'g.rossi', commit: '7c1e9f0', source: 'argocd' },
  ],
  runtime: [{ at: -2 * H - 4 * M, service: 'istio-ingressgateway', kind: 'restart', count: 3, message: 'rollout restart after control plane upgrade' }],
  alerts: [{ at: -6 * M, service: 'storefront', name: 'StorefrontCheckoutConversionDrop', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('inventory', 'config_change', 'revert_config', ['changes', 'logs']),
  meta: {
    story: 'A mesh-policies sync tightens the inventory DestinationRule connection pool (16 connections, 1 pending request). The client sidecars in checkout reject the excess locally with 503 UO (overflow); inventory itself looks healthier than ever (fewer requests, lower CPU).',
    modelledOn: 'documented class: Istio/Envoy circuit-breaker (connectionPool) limits set too low, 503 with response flag UO',
    alertService: 'checkout',
    alertStart: -4 * M,
    tempting: 'checkout, which alerts and deployed 34 minutes earlier; the istio upgrade two hours earlier; always-slow payments',
  },
};

const B4_AT = '2026-10-27T02:31:00Z';
const b4: ScenarioSpec = {
  name: 'ledger-api-target-5xx-alarm',
  description: 'CloudWatch alarm (SNS): ledger-api target group HTTPCode_Target_5XX_Count above 50 per minute.',
  at: B4_AT,
  signal: {
    source: 'cloudwatch-sns',
    ...cloudwatchSns({
      at: B4_AT,
      changed: -4 * M,
      name: 'ledger-api-tg-5xx',
      description: 'ledger-api returning 5xx through internal ALB',
      reason: 'Threshold Crossed: 3 out of the last 3 datapoints [412.0 (27/10/26 02:26:00), 233.0 (27/10/26 02:25:00), 96.0 (27/10/26 02:24:00)] were greater than the threshold (50.0) (minimum 3 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/ApplicationELB',
      metric: 'HTTPCode_Target_5XX_Count',
      dimensions: { TargetGroup: 'targetgroup/ledger-api/8c41f2d9a0b7e613', LoadBalancer: 'app/internal-finance/0d92a6b1c3e4f578' },
      stat: 'Sum',
      period: 60,
      threshold: 50,
      region: 'eu-central-1',
      topic: 'finance-oncall',
    }),
  },
  topology: {
    'internal-finance-alb': ['ledger-api', 'fx-rates'],
    'ledger-api': ['ledger-db', 'ledger-cache'],
    'payout-worker': ['ledger-api'],
    'reconciliation-job': ['ledger-db'],
    'secrets-rotation': ['ledger-db'],
  },
  window: 2 * H,
  services: [
    { name: 'ledger-api', style: 'cw-alb', rps: 45, p99: 180, err: 0.001, labels: { TargetGroup: 'targetgroup/ledger-api/8c41f2d9a0b7e613', LoadBalancer: 'app/internal-finance/0d92a6b1c3e4f578' }, info: ['posted journal entry {n:100000-999999}', 'balance query served', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@{hex:8}'], logEvery: 60 },
    { name: 'payout-worker', style: 'otel', rps: 3, p99: 900, err: 0.002, info: ['payout batch {n:1000-9999} settled'], logEvery: 300 },
    { name: 'fx-rates', style: 'cw-alb', rps: 20, p99: 40, err: 0.0005, labels: { TargetGroup: 'targetgroup/fx-rates/51c0e7a29b3d4f86', LoadBalancer: 'app/internal-finance/0d92a6b1c3e4f578' } },
    { name: 'reconciliation-job', style: 'none', info: ['reconciled {n:2000-9000} rows for {pick:EUR|GBP|USD}'], logEvery: 900, chronic: [{ level: 'warn', message: 'unmatched settlement line {hex:10}, parked for manual review', every: 700 }] },
  ],
  effects: [
    { service: 'ledger-api', from: -28 * M, ramp: 24 * M, err: 0.45, lat: 1.4 },
    { service: 'payout-worker', from: -26 * M, ramp: 20 * M, err: 0.3 },
  ],
  series: [
    { name: 'DatabaseConnections', service: 'ledger-db', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'ledger-db', Statistic: 'Average' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -28 * M, 62, 14, 24 * M), 0.05)) },
    { name: 'CPUUtilization', service: 'ledger-db', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'ledger-db', Statistic: 'Average' }, unit: 'Percent', step: 300, fn: (_t, r) => noisy(r, 21, 0.1) },
    { name: 'hikaricp_connections_active', service: 'ledger-api', labels: { pool: 'HikariPool-1' }, unit: '{connection}', fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -28 * M, 18, 3, 24 * M), 0.1)) },
  ],
  logs: [
    { service: 'secrets-rotation', from: -33 * M, to: -31 * M, every: 30, level: 'info', msg: (i) => ['createSecret: Successfully put secret for ARN arn:aws:secretsmanager:eu-central-1:481516234200:secret:prod/ledger-db/app-Xr4TqN and version 7d3b1e4a-2c55-4f0e-9a61-0b8d2f1c6e93.', 'setSecret: Successfully set password for user ledger_app in PostgreSQL DB for secret arn:aws:secretsmanager:eu-central-1:481516234200:secret:prod/ledger-db/app-Xr4TqN.', 'testSecret: Successfully signed into PostgreSQL DB for secret arn:aws:secretsmanager:eu-central-1:481516234200:secret:prod/ledger-db/app-Xr4TqN.', 'finishSecret: Successfully set AWSCURRENT stage to version 7d3b1e4a-2c55-4f0e-9a61-0b8d2f1c6e93 for secret arn:aws:secretsmanager:eu-central-1:481516234200:secret:prod/ledger-db/app-Xr4TqN.'][i % 4]! },
    { service: 'ledger-api', from: -28 * M, every: 20, level: 'error', msg: 'HikariPool-1 - Exception during pool initialization / connection add: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "ledger_app"' },
    { service: 'ledger-api', from: -20 * M, every: 45, level: 'error', msg: 'HikariPool-1 - Connection is not available, request timed out after 30000ms.' },
    { service: 'payout-worker', from: -25 * M, every: 120, level: 'error', msg: 'ledger-api POST /journal failed: 500, batch {n:1000-9999} will retry' },
    { service: 'ledger-db', from: -28 * M, every: 25, level: 'error', msg: 'FATAL:  password authentication failed for user "ledger_app"' },
    { service: 'ledger-db', from: -2 * H, every: 600, level: 'info', inRef: true, msg: 'checkpoint complete: wrote {n:900-4000} buffers ({n:1-9}.{n:0-9}%)' },
  ],
  changes: [
    { at: -5 * H, service: 'ledger-api', kind: 'deployment', summary: 'ledger-api 12.4.0: HikariCP maxLifetime 30m (was 8h) to follow DB proxy guidance', version: '12.4.0', previousVersion: '12.3.9', author: 'n.schmidt', commit: '44de0b1', source: 'codepipeline' },
    { at: -33 * M, service: 'ledger-db', kind: 'config', summary: 'Secrets Manager RotationStarted/RotationSucceeded: prod/ledger-db/app (single-user rotation, scheduled every 30 days)', author: 'secretsmanager.amazonaws.com', source: 'cloudtrail' },
    { at: -9 * M, service: 'ledger-api', kind: 'scaling', summary: 'ECS service ledger-api desired count 4 -> 6', author: 'o.petrov', source: 'ecs' },
  ],
  runtime: [{ at: -7 * M, service: 'ledger-api', kind: 'unhealthy', count: 3, message: 'ELB health checks failed: /health/db returned 503' }],
  alerts: [{ at: -15 * M, service: 'payout-worker', name: 'payout-batches-failing', status: 'firing' }],
  expected: expected('ledger-db', 'config_change', 'restart', ['changes', 'logs']),
  meta: {
    story: 'Scheduled single-user rotation of the ledger database secret changes the password at 02:00. ledger-api read the secret once at start; as HikariCP retires connections (maxLifetime 30 min since a deploy five hours earlier) every new connection fails authentication, so errors ramp over 25 minutes. Restarting ledger-api (or moving AWSCURRENT back) restores it.',
    modelledOn: 'documented class: Secrets Manager single-user rotation breaking applications that cache database credentials (AWS rotation docs warn about it)',
    alertService: 'ledger-api',
    alertStart: -4 * M,
    tempting: 'ledger-api, which alerts and deployed the shorter maxLifetime five hours earlier; the connection pool errors read as exhaustion; no reference period',
  },
};

const B5_AT = '2026-11-03T13:52:00Z';
const b5: ScenarioSpec = {
  name: 'recs-api-container-restarts',
  description: 'Grafana alert: recs-api container restarts above 3 in 15 minutes.',
  at: B5_AT,
  signal: {
    source: 'grafana',
    ...grafana({
      at: B5_AT,
      startsAt: -3 * M,
      labels: { alertname: 'ContainerRestartsHigh', namespace: 'recs', container: 'recs-api', cluster: 'eks-prod-2', severity: 'warning' },
      annotations: { summary: 'recs-api restarting repeatedly', description: 'increase(kube_pod_container_status_restarts_total{namespace="recs",container="recs-api"}[15m]) = 9' },
      values: { A: 9, C: 1 },
      folder: 'Kubernetes',
    }),
  },
  topology: {
    'web-gateway': ['recs-api', 'home-feed'],
    'home-feed': ['recs-api', 'content-api'],
    'recs-api': ['recs-ranker', 'feature-redis'],
    'recs-ranker': ['model-store-s3'],
  },
  services: [
    { name: 'web-gateway', style: 'prom', rps: 900, p99: 240, err: 0.002, info: ['GET /home 200'], logEvery: 40 },
    { name: 'home-feed', style: 'prom', rps: 500, p99: 310, err: 0.002, info: ['feed built ({n:20-40} cards)'] },
    { name: 'recs-api', style: 'prom', rps: 600, p99: 95, err: 0.001, info: ['recommendations served (model v{n:41-41}, {n:20-50} items)', 'embedding cache loaded: {n:1100-1200} MiB'], logEvery: 50 },
    { name: 'recs-ranker', style: 'prom', rps: 600, p99: 40, err: 0.001, info: ['ranked batch'] },
    { name: 'content-api', style: 'prom', rps: 300, p99: 70, err: 0.001, spiky: 0.08, chronic: [{ level: 'warn', message: 'S3 GetObject slow ({n:500-1500}ms) for thumbnails/{hex:8}.webp', every: 300 }] },
  ],
  effects: [
    { service: 'recs-api', from: -26 * M, ramp: 6 * M, err: 0.2, lat: 1.7 },
    { service: 'home-feed', from: -25 * M, ramp: 6 * M, err: 0.06, lat: 1.4 },
    { service: 'web-gateway', from: -25 * M, ramp: 6 * M, err: 0.03 },
  ],
  series: [
    { name: 'container_memory_working_set_bytes', service: 'recs-api', labels: { namespace: 'recs', container: 'recs-api' }, unit: 'By', fn: (t, r, ref) => (ref || t < -27 * M ? noisy(r, 1.38e9, 0.02) : Math.min(1.07e9, noisy(r, 0.6e9 + ((t + 27 * M) % 300) * 1.6e6, 0.02))) },
    { name: 'kube_pod_container_resource_limits', service: 'recs-api', labels: { namespace: 'recs', container: 'recs-api', resource: 'memory', unit: 'byte' }, unit: 'By', fn: (t, _r, ref) => (ref || t < -27 * M ? 2147483648 : 1073741824) },
    { name: 'kube_pod_container_status_restarts_total', service: 'recs-api', labels: { namespace: 'recs', container: 'recs-api' }, unit: '{restart}', fn: (t, _r, ref) => (ref || t < -26 * M ? 0 : Math.floor((t + 26 * M) / 150)) },
    { name: 'container_memory_working_set_bytes', service: 'recs-ranker', labels: { namespace: 'recs', container: 'recs-ranker' }, unit: 'By', fn: (_t, r) => noisy(r, 2.9e9, 0.02) },
  ],
  logs: [
    { service: 'recs-api', from: -26 * M, every: 150, level: 'info', msg: 'loading embedding cache from s3://acme-recs-models/v41/embeddings.bin' },
    { service: 'recs-api', from: -26 * M, every: 60, level: 'error', msg: 'recommendations failed: connection reset by peer (pod terminating)' },
    { service: 'home-feed', from: -25 * M, every: 45, level: 'warn', msg: 'recs-api unavailable, serving fallback carousel' },
  ],
  traces: [
    {
      from: -2 * H, to: -28 * M, count: 3, inRef: true,
      tree: (r) => span('web-gateway', 'GET /home', r.int(120, 230), 'ok', undefined, [span('home-feed', 'GET /feed', r.int(80, 180), 'ok', undefined, [span('recs-api', 'GET /recs', r.int(30, 80), 'ok', undefined, [span('recs-ranker', 'POST /rank', r.int(10, 30))])])]),
    },
    {
      from: -20 * M, to: -1 * M, count: 4,
      tree: (r) => span('web-gateway', 'GET /home', r.int(300, 700), 'ok', undefined, [span('home-feed', 'GET /feed', r.int(250, 650), 'ok', undefined, [span('recs-api', 'GET /recs', r.int(200, 500), 'error', { 'error.type': 'connection_reset' })])]),
    },
  ],
  changes: [
    { at: -3 * H, service: 'recs-ranker', kind: 'deployment', summary: 'recs-ranker 0.44.0: new feature crosses', version: '0.44.0', previousVersion: '0.43.2', author: 'ml-platform', source: 'argocd' },
    { at: -27 * M, service: 'recs-api', kind: 'config', summary: 'helm upgrade recs-api (chart platform-service 3.5.0, values-prod.yaml from shared defaults; image recs-api:5.2.1 unchanged)', author: 'argocd-image-updater', commit: 'f2a8d61', source: 'argocd' },
    { at: -12 * M, service: 'content-api', kind: 'deployment', summary: 'content-api 9.1.3', version: '9.1.3', previousVersion: '9.1.2', author: 'cms-team', source: 'argocd' },
  ],
  runtime: [
    { at: -24 * M, service: 'recs-api', kind: 'oom_killed', count: 4, message: 'OOMKilled (exit code 137)' },
    { at: -16 * M, service: 'recs-api', kind: 'oom_killed', count: 5 },
    { at: -8 * M, service: 'recs-api', kind: 'crash_loop', count: 6, message: 'Back-off restarting failed container recs-api' },
    { at: -50 * M, service: 'content-api', kind: 'restart', count: 1, message: 'node ip-10-40-3-77 drained by karpenter (consolidation)' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('recs-api', 'config_change', 'revert_config', ['changes', 'runtime']),
  meta: {
    story: 'An Argo CD sync moves recs-api onto the shared platform-service chart, whose default memory limit is 1Gi (was 2Gi); the service loads a 1.1 GiB embedding cache at start, so every pod is OOMKilled while warming up. Same image, same traffic.',
    modelledOn: 'documented class: Helm values / chart change lowering container memory limits, OOMKilled without a code change',
    alertService: 'recs-api',
    alertStart: -3 * M,
    tempting: 'OOMKilled reads as resource exhaustion (restart or scale); recs-ranker deploy; content-api deploy and karpenter restart',
  },
};

export const SPECS_B: ScenarioSpec[] = [b1, b2, b3, b4, b5];
