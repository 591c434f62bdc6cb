import type { ScenarioSpec } from './engine.js';
import { M, H, span, clientSpan, expected, step, noisy } from './kit.js';
import { alertmanager, cloudwatchEvent, cloudwatchSns, datadog } from './signals.js';

/* Deployments and configuration changes. */

const A1_AT = '2026-03-10T14:22:00Z';
const a1: ScenarioSpec = {
  name: 'catalog-aurora-writer-cpu-alarm',
  description: 'CloudWatch alarm: catalog-aurora writer CPUUtilization above 85% for 15 minutes.',
  at: A1_AT,
  signal: {
    source: 'cloudwatch',
    ...cloudwatchEvent({
      at: A1_AT,
      changed: -2 * M,
      name: 'catalog-aurora-writer-cpu-high',
      description: 'Aurora writer CPU > 85% (3 of 3 x 5 min). Runbook: https://wiki.example.net/runbooks/aurora-cpu',
      reason: 'Threshold Crossed: 3 out of the last 3 datapoints [96.4 (10/03/26 14:15:00), 93.1 (10/03/26 14:10:00), 88.7 (10/03/26 14:05:00)] were greater than the threshold (85.0) (minimum 3 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/RDS',
      metric: 'CPUUtilization',
      dimensions: { DBClusterIdentifier: 'catalog-aurora', Role: 'WRITER' },
      threshold: 85,
    }),
  },
  topology: {
    'storefront-web': ['catalog-svc', 'cart-svc', 'search-api'],
    'catalog-svc': ['catalog-aurora', 'catalog-redis'],
    'cart-svc': ['cart-dynamodb', 'catalog-svc'],
    'search-api': ['opensearch-products'],
  },
  services: [
    { name: 'storefront-web', style: 'cw-alb', rps: 180, p99: 420, err: 0.003, labels: { LoadBalancer: 'app/storefront-prod/7f3a9c21e4b05d18', TargetGroup: 'targetgroup/storefront-web/2b8e0c4d91a7f356' } },
    { name: 'catalog-svc', style: 'prom', rps: 240, p99: 110, err: 0.001, info: ['GET /v2/products 200', 'GET /v2/products/{id} 200', 'price cache warm: {n:900-1200} keys', 'GET /v2/categories 200'], logEvery: 45 },
    { name: 'cart-svc', style: 'prom', rps: 90, p99: 80, err: 0.002, info: ['cart updated', 'cart merged after login', 'GET /cart 200'] },
    { name: 'search-api', style: 'prom', rps: 70, p99: 900, err: 0.004, spiky: 0.12, info: ['query served', 'suggestions served'], chronic: [{ level: 'warn', message: 'slow search: {n:800-2400}ms for query with {n:3-9} facets', every: 240 }] },
    { name: 'catalog-redis', style: 'none' },
  ],
  effects: [
    { service: 'catalog-svc', from: -36 * M, ramp: 14 * M, lat: 5.5, err: 0.035 },
    { service: 'storefront-web', from: -34 * M, ramp: 15 * M, lat: 2.6, err: 0.018 },
    { service: 'cart-svc', from: -30 * M, ramp: 10 * M, lat: 1.8 },
  ],
  series: [
    { name: 'CPUUtilization', service: 'catalog-aurora', labels: { Namespace: 'AWS/RDS', DBClusterIdentifier: 'catalog-aurora', Role: 'WRITER', Statistic: 'Average' }, unit: 'Percent', step: 300, gaps: 0.05, fn: (t, r, ref) => noisy(r, step(t, ref, -36 * M, 34, 95, 15 * M), 0.05) },
    { name: 'DatabaseConnections', service: 'catalog-aurora', labels: { Namespace: 'AWS/RDS', DBClusterIdentifier: 'catalog-aurora', Role: 'WRITER', Statistic: 'Average' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -36 * M, 210, 380, 15 * M), 0.04)) },
    { name: 'SelectThroughput', service: 'catalog-aurora', labels: { Namespace: 'AWS/RDS', DBClusterIdentifier: 'catalog-aurora', Role: 'WRITER', Statistic: 'Average' }, unit: 'Count/Second', step: 300, fn: (t, r, ref) => noisy(r, step(t, ref, -37 * M, 2600, 31000, 6 * M), 0.05) },
    { name: 'db_client_queries_per_request', service: 'catalog-svc', labels: { route: '/v2/products', quantile: '0.5' }, unit: '{query}', fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -37 * M, 3, 44), 0.08)) },
    { name: 'redis_hit_ratio', service: 'catalog-redis', unit: 'ratio', fn: (t, r) => Math.min(1, noisy(r, 0.93, 0.01)) },
  ],
  logs: [
    { service: 'catalog-svc', from: -35 * M, every: 40, level: 'warn', msg: 'slow request GET /v2/products?category={pick:shoes|outdoor|kids|sale} took {n:1400-4800}ms (db: {n:38-61} statements)' },
    { service: 'catalog-svc', from: -22 * M, every: 90, level: 'error', msg: 'HikariPool-1 - Connection is not available, request timed out after 3000ms.' },
    { service: 'storefront-web', from: -20 * M, every: 120, level: 'warn', msg: 'upstream catalog-svc slow: {n:2100-5200}ms' },
    { service: 'cart-svc', from: -60 * M, every: 900, level: 'warn', msg: 'DynamoDB ConditionalCheckFailed on cart merge (retrying)', inRef: true },
  ],
  traces: [
    {
      from: -2 * H, to: -38 * M, count: 5, inRef: true,
      tree: (r) => span('storefront-web', 'GET /category/:slug', r.int(180, 300), 'ok', undefined, [
        span('catalog-svc', 'GET /v2/products', r.int(60, 110), 'ok', { 'app.version': '2.30.4' }, [
          span('catalog-svc', 'SELECT products', r.int(8, 20), 'ok', { 'db.system': 'mysql', 'db.operation.name': 'SELECT', 'db.collection.name': 'products' }),
          span('catalog-svc', 'SELECT variant_stock', r.int(10, 25), 'ok', { 'db.system': 'mysql', 'db.operation.name': 'SELECT', 'db.collection.name': 'variant_stock' }),
        ]),
      ]),
    },
    {
      from: -30 * M, to: -1 * M, count: 7,
      tree: (r) => span('storefront-web', 'GET /category/:slug', r.int(2400, 5200), r.chance(0.3) ? 'error' : 'ok', undefined, [
        span('catalog-svc', 'GET /v2/products', r.int(2200, 5000), 'ok', { 'app.version': '2.31.0' }, [
          span('catalog-svc', 'SELECT products', r.int(30, 90), 'ok', { 'db.system': 'mysql', 'db.operation.name': 'SELECT', 'db.collection.name': 'products' }),
          ...Array.from({ length: 12 }, () => span('catalog-svc', 'SELECT variant_stock', r.int(60, 260), 'ok', { 'db.system': 'mysql', 'db.operation.name': 'SELECT', 'db.collection.name': 'variant_stock' })),
        ]),
      ]),
    },
  ],
  changes: [
    { at: -3 * H - 10 * M, service: 'cart-svc', kind: 'deployment', summary: 'cart-svc 1.88.2: bump aws-sdk-java-v2 to 2.25.60', version: '1.88.2', previousVersion: '1.88.1', author: 'k.nakamura', commit: '3c9e41a', source: 'argocd' },
    { at: -52 * M, service: 'catalog-aurora', kind: 'config', summary: 'cluster parameter group catalog-aurora-pg: max_connections 1000 -> 1200 (applied immediately)', author: 'terraform-ci', source: 'terraform' },
    { at: -38 * M, service: 'catalog-svc', kind: 'deployment', summary: 'catalog-svc 2.31.0: product listing returns variant availability', version: '2.31.0', previousVersion: '2.30.4', author: 'm.osei', commit: 'b71f0e2', source: 'argocd' },
    { at: -14 * M, service: 'storefront-web', kind: 'scaling', summary: 'ECS service storefront-web desired count 12 -> 16 (target tracking)', source: 'application-autoscaling' },
  ],
  alerts: [
    { at: -24 * M, service: 'catalog-svc', name: 'CatalogP99LatencyHigh', status: 'firing' },
    { at: -15 * M, service: 'storefront-web', name: 'storefront-alb-target-5xx', status: 'firing' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('catalog-svc', 'deployment', 'rollback', ['changes', 'metrics']),
  meta: {
    story: 'catalog-svc 2.31.0 loads variant stock per product in a loop (N+1); SELECT throughput on the Aurora writer jumps tenfold two minutes after the rollout and CPU follows. The alarm is on the database.',
    modelledOn: 'documented class: ORM N+1 query regression shipped in an application release that saturates the shared database',
    alertService: 'catalog-aurora',
    alertStart: -2 * M,
    tempting: 'the alarming Aurora cluster and its parameter-group change 52 minutes earlier; the always-slow search-api; an old cart-svc deploy',
  },
};

const A2_AT = '2026-05-19T06:47:00Z';
const a2: ScenarioSpec = {
  name: 'invoice-queue-oldest-message-age',
  description: 'CloudWatch alarm (SNS): invoice-render-requests ApproximateAgeOfOldestMessage above 900 s.',
  at: A2_AT,
  signal: {
    source: 'cloudwatch-sns',
    ...cloudwatchSns({
      at: A2_AT,
      changed: -3 * M,
      name: 'billing-invoice-render-requests-age',
      description: 'Invoices are not being rendered fast enough. Owner: billing-platform',
      reason: 'Threshold Crossed: 2 out of the last 2 datapoints [1284.0 (19/05/26 06:40:00), 962.0 (19/05/26 06:35:00)] were greater than the threshold (900.0) (minimum 2 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/SQS',
      metric: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: 'invoice-render-requests' },
      stat: 'Maximum',
      threshold: 900,
      evaluationPeriods: 2,
      topic: 'billing-alarms',
    }),
  },
  topology: {
    'billing-api': ['invoice-render-requests', 'billing-db'],
    'invoice-render-requests': ['invoice-renderer'],
    'invoice-renderer': ['invoice-pdfs-bucket', 'billing-db'],
    'dunning-scheduler': ['billing-api'],
  },
  window: 4 * H,
  services: [
    { name: 'billing-api', style: 'otel', rps: 14, p99: 240, err: 0.002, info: ['POST /invoices 201', 'GET /invoices/{id} 200', 'invoice queued for rendering'], logEvery: 150 },
    { name: 'invoice-renderer', style: 'cw-lambda', rps: 3.2, p99: 4200, err: 0.001, labels: { FunctionName: 'invoice-renderer' }, info: ['rendered invoice INV-{n:100000-999999} ({n:1-14} pages)', 'uploaded s3://acme-invoice-pdfs/2026/05/INV-{n:100000-999999}.pdf'], logEvery: 90 },
    { name: 'dunning-scheduler', style: 'none', info: ['dunning run scheduled'], logEvery: 1800 },
  ],
  effects: [
    { service: 'invoice-renderer', from: -2 * H - 50 * M, ramp: 100 * M, lat: 2.1, err: 0.3 },
  ],
  series: [
    { name: 'ApproximateAgeOfOldestMessage', service: 'invoice-render-requests', labels: { Namespace: 'AWS/SQS', QueueName: 'invoice-render-requests', Statistic: 'Maximum' }, unit: 'Seconds', step: 300, gaps: 0.05, fn: (t, r, ref) => (ref || t < -2 * H) ? noisy(r, 40, 0.4) : noisy(r, 40 + Math.max(0, t + 2 * H) * 0.18, 0.05) },
    { name: 'ApproximateNumberOfMessagesVisible', service: 'invoice-render-requests', labels: { Namespace: 'AWS/SQS', QueueName: 'invoice-render-requests', Statistic: 'Average' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(ref || t < -2 * H ? noisy(r, 25, 0.5) : noisy(r, 25 + (t + 2 * H) * 0.35, 0.05)) },
    { name: 'NumberOfMessagesReceived', service: 'invoice-render-requests', labels: { Namespace: 'AWS/SQS', QueueName: 'invoice-render-requests', Statistic: 'Sum' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -2 * H - 40 * M, 960, 1700, 60 * M), 0.08)) },
    { name: 'ConcurrentExecutions', service: 'invoice-renderer', labels: { Namespace: 'AWS/Lambda', FunctionName: 'invoice-renderer', Statistic: 'Maximum' }, unit: 'Count', step: 300, fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -2 * H - 50 * M, 14, 50, 40 * M), 0.05)) },
    { name: 'max_memory_used_mb', service: 'invoice-renderer', labels: { source: 'lambda-insights', memory_size_mb: '1024' }, unit: 'MB', step: 300, gaps: 0.1, fn: (t, r, ref) => Math.min(1024, noisy(r, step(t, ref, -2 * H - 52 * M, 610, 1024, 30 * M), 0.03)) },
  ],
  logs: [
    { service: 'invoice-renderer', from: -2 * H - 48 * M, every: 70, level: 'error', msg: 'RequestId: {hex:8}-{hex:4}-{hex:4}-{hex:4}-{hex:12} Error: Runtime exited with error: signal: killed Runtime.ExitError' },
    { service: 'invoice-renderer', from: -2 * H - 48 * M, every: 95, level: 'info', msg: 'REPORT RequestId: {hex:8}-{hex:4} Duration: {n:5200-8900}.{n:10-99} ms Billed Duration: {n:5300-9000} ms Memory Size: 1024 MB Max Memory Used: 1024 MB' },
    { service: 'invoice-renderer', from: -2 * H - 40 * M, every: 300, level: 'warn', msg: 'message {hex:8}-{hex:4} received {n:2-5} times (ApproximateReceiveCount), visibility timeout 120s' },
    { service: 'billing-api', from: -5 * H, every: 600, level: 'warn', msg: 'tax-rate cache miss for region {pick:BR|IN|ZA}, falling back to default', inRef: true },
  ],
  traces: [
    {
      from: -4 * H, to: -3 * H, count: 3, inRef: true,
      tree: (r) => span('billing-api', 'POST /invoices', r.int(120, 220), 'ok', undefined, [span('billing-api', 'invoice-render-requests send', r.int(8, 20), 'ok', { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'invoice-render-requests', 'span.kind': 'producer' })]),
    },
  ],
  changes: [
    { at: -2 * H - 58 * M, service: 'invoice-renderer', kind: 'deployment', summary: 'invoice-renderer: publish version 87 (chromium layer 119 -> 126, html-to-pdf 4.2.0) and point alias live at it', version: '87', previousVersion: '86', author: 'ci-billing', commit: '9ad03f7', source: 'github-actions' },
    { at: -1 * H - 25 * M, service: 'billing-api', kind: 'deployment', summary: 'billing-api 5.14.0: add VAT number to invoice header', version: '5.14.0', previousVersion: '5.13.3', author: 'r.almeida', commit: '55c12de', source: 'github-actions' },
    { at: -40 * M, service: 'invoice-renderer', kind: 'config', summary: 'Lambda invoice-renderer reserved concurrency 50 -> 80 (manual mitigation)', author: 'j.kowalski', source: 'cloudtrail' },
  ],
  runtime: [
    { at: -2 * H - 45 * M, service: 'invoice-renderer', kind: 'oom_killed', count: 14, message: 'Runtime exited with error: signal: killed' },
    { at: -1 * H - 30 * M, service: 'invoice-renderer', kind: 'oom_killed', count: 61 },
    { at: -30 * M, service: 'invoice-renderer', kind: 'oom_killed', count: 88 },
  ],
  alerts: [{ at: -1 * H - 10 * M, service: 'invoice-renderer', name: 'invoice-renderer-errors', status: 'firing' }],
  reference: { hoursBack: 24, span: 4 * H },
  expected: expected('invoice-renderer', 'deployment', 'rollback', ['changes', 'metrics']),
  meta: {
    story: 'Version 87 of the renderer Lambda ships a newer headless Chromium layer that needs more memory than the 1024 MB the function has; large invoices hit the limit and the runtime is killed, SQS redelivers, the queue ages. The alarm is on the queue; a concurrency raise and a billing-api deploy came later.',
    modelledOn: 'documented class: Lambda dependency/layer upgrade raising memory use past the configured size (Runtime.ExitError / signal: killed)',
    alertService: 'invoice-render-requests',
    alertStart: -3 * M,
    tempting: 'the queue itself; the OOM kills read as resource exhaustion; the later billing-api deploy; the concurrency change (a mitigation)',
  },
};

const A3_AT = '2026-08-04T03:12:00Z';
const a3: ScenarioSpec = {
  name: 'payments-gateway-pods-crashlooping',
  description: 'Alertmanager: KubePodCrashLooping for payments-gateway in namespace payments (repeat notification).',
  at: A3_AT,
  signal: {
    source: 'alertmanager',
    ...alertmanager({
      at: A3_AT,
      startsAt: -1 * H - 4 * M,
      labels: { alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'payments-gateway-6d9f7c5b8-x2kqp', container: 'payments-gateway', job: 'kube-state-metrics', severity: 'warning', cluster: 'prod-eks-use1' },
      annotations: { summary: 'Pod is crash looping.', description: 'Pod payments/payments-gateway-6d9f7c5b8-x2kqp (payments-gateway) is in waiting state (reason: "CrashLoopBackOff").', runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping' },
      expr: 'max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1',
    }),
  },
  topology: {
    'checkout-api': ['payments-gateway', 'orders-svc'],
    'payments-gateway': ['adyen', 'payments-db', 'fraud-scorer'],
    'orders-svc': ['orders-db'],
    'fraud-scorer': ['feature-store'],
  },
  window: 9 * H,
  services: [
    { name: 'checkout-api', style: 'prom', rps: 35, p99: 650, err: 0.004, info: ['POST /checkout 200', 'checkout session created'], logEvery: 200 },
    { name: 'payments-gateway', style: 'prom', rps: 30, p99: 480, err: 0.003, info: ['authorised payment psp_ref={hex:16}', 'capture settled', 'webhook AUTHORISATION processed'], logEvery: 150 },
    { name: 'orders-svc', style: 'prom', rps: 40, p99: 90, err: 0.001, info: ['order created', 'order status -> PAID'] },
    { name: 'fraud-scorer', style: 'prom', rps: 30, p99: 60, err: 0.002, spiky: 0.05, chronic: [{ level: 'warn', message: 'feature-store lookup fell back to defaults for {n:1-4} features', every: 300 }], info: ['score computed'] },
  ],
  effects: [
    { service: 'payments-gateway', from: -1 * H - 15 * M, ramp: 5 * M, err: 0.06, lat: 1.6 },
    { service: 'checkout-api', from: -1 * H - 14 * M, ramp: 5 * M, err: 0.03 },
  ],
  series: [
    { name: 'jvm_memory_used_bytes', service: 'payments-gateway', labels: { area: 'heap', pod: 'payments-gateway-6d9f7c5b8-x2kqp' }, unit: 'By', fn: (t, r, ref) => {
      if (ref) return noisy(r, 5.1e8, 0.06);
      const since = t + 8 * H + 40 * M;
      const cycle = since < 0 ? 0 : since % (95 * M);
      return since < 0 ? noisy(r, 5.1e8, 0.06) : Math.min(1.47e9, noisy(r, 5.2e8 + cycle * 1.9e5, 0.03));
    } },
    { name: 'jvm_threads_live_threads', service: 'payments-gateway', labels: { pod: 'payments-gateway-6d9f7c5b8-x2kqp' }, unit: '{thread}', fn: (t, r, ref) => {
      if (ref || t < -8 * H - 40 * M) return Math.round(noisy(r, 96, 0.02));
      return Math.round(96 + ((t + 8 * H + 40 * M) % (95 * M)) * 0.12);
    } },
    { name: 'kube_pod_container_status_restarts_total', service: 'payments-gateway', labels: { namespace: 'payments', container: 'payments-gateway' }, unit: '{restart}', fn: (t, _r, ref) => (ref ? 2 : 2 + Math.max(0, Math.floor((t + 8 * H + 40 * M) / (95 * M))) * 3) },
    { name: 'container_memory_working_set_bytes', service: 'fraud-scorer', labels: { namespace: 'payments', container: 'fraud-scorer' }, unit: 'By', fn: (_t, r) => noisy(r, 1.1e9, 0.04) },
  ],
  logs: [
    { service: 'payments-gateway', from: -8 * H - 30 * M, every: 600, level: 'warn', msg: 'adyen-client: connection pool stats leased={n:40-190} available=0 pending={n:0-12}' },
    { service: 'payments-gateway', from: -1 * H - 15 * M, every: 45, level: 'error', msg: 'java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached' },
    { service: 'payments-gateway', from: -1 * H - 14 * M, every: 240, level: 'info', msg: 'Started PaymentsGatewayApplication in {n:21-34}.{n:1-9} seconds (process running for {n:22-36}.{n:1-9})' },
    { service: 'checkout-api', from: -1 * H - 14 * M, every: 80, level: 'error', msg: 'payment authorisation failed: upstream connect error or disconnect/reset before headers. reset reason: connection failure' },
  ],
  traces: [
    {
      from: -9 * H, to: -2 * H, count: 4, inRef: true,
      tree: (r) => span('checkout-api', 'POST /checkout', r.int(350, 600), 'ok', undefined, [
        span('payments-gateway', 'POST /payments/authorise', r.int(250, 420), 'ok', { 'service.version': '4.9.0' }, [
          span('fraud-scorer', 'POST /score', r.int(20, 50)),
          clientSpan('payments-gateway', 'adyen', 'checkout-live.adyen.com', 'POST /v71/payments', r.int(180, 320), 200),
        ]),
      ]),
    },
    {
      from: -1 * H, to: -3 * M, count: 5,
      tree: (r) => span('checkout-api', 'POST /checkout', r.int(20, 90), 'error', undefined, [
        span('payments-gateway', 'POST /payments/authorise', r.int(5, 40), 'error', { 'service.version': '4.10.0', 'exception.type': 'java.lang.OutOfMemoryError' }),
      ]),
    },
  ],
  changes: [
    { at: -8 * H - 42 * M, service: 'payments-gateway', kind: 'deployment', summary: 'payments-gateway 4.10.0: switch Adyen client to async HTTP with per-merchant pools', version: '4.10.0', previousVersion: '4.9.0', author: 'l.fischer', commit: 'e03b7a9', source: 'argocd' },
    { at: -6 * H, service: 'fraud-scorer', kind: 'config', summary: 'fraud-scorer: model threshold 0.82 -> 0.80 (ConfigMap fraud-scorer-config)', author: 'risk-team', source: 'argocd' },
    { at: -2 * H - 5 * M, service: 'orders-svc', kind: 'deployment', summary: 'orders-svc 3.2.7: log order status transitions at debug', version: '3.2.7', previousVersion: '3.2.6', author: 'p.singh', commit: '1f7c0aa', source: 'argocd' },
    { at: -20 * M, service: 'payments-gateway', kind: 'scaling', summary: 'HPA payments-gateway 4 -> 6 replicas', source: 'kubernetes' },
  ],
  runtime: [
    { at: -7 * H - 7 * M, service: 'payments-gateway', kind: 'restart', count: 1, message: 'container payments-gateway restarted (exit code 1)' },
    { at: -5 * H - 32 * M, service: 'payments-gateway', kind: 'restart', count: 2 },
    { at: -3 * H - 57 * M, service: 'payments-gateway', kind: 'restart', count: 2 },
    { at: -2 * H - 22 * M, service: 'payments-gateway', kind: 'restart', count: 2 },
    { at: -1 * H - 15 * M, service: 'payments-gateway', kind: 'crash_loop', count: 4, message: 'Back-off restarting failed container payments-gateway' },
    { at: -30 * M, service: 'payments-gateway', kind: 'crash_loop', count: 6 },
  ],
  exceptions: [{ at: -1 * H - 15 * M, service: 'payments-gateway', type: 'java.lang.OutOfMemoryError', message: 'unable to create native thread: possibly out of memory or process/resource limits reached', count: 212, culprit: 'com.acme.payments.adyen.AsyncAdyenClient.poolFor' }],
  alerts: [{ at: -1 * H - 10 * M, service: 'checkout-api', name: 'CheckoutErrorBudgetBurn', status: 'firing' }],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected('payments-gateway', 'deployment', 'rollback', ['changes', 'runtime']),
  meta: {
    story: '4.10.0 creates a new HTTP client pool (and its threads) per merchant and never closes them; threads and heap climb for ~95 minutes after each restart until the JVM cannot create native threads, the pod dies and restarts. It crept for hours before the repeated restarts became a crash loop in the night.',
    modelledOn: 'documented class: connection-pool/thread leak shipped in a release, surfacing hours later as OOM and CrashLoopBackOff',
    alertService: 'payments-gateway',
    alertStart: -1 * H - 4 * M,
    tempting: 'OOM and restarts read as resource exhaustion with restart as the fix; adyen appears in the stack; the recent orders-svc deploy; the HPA scale',
  },
};

const A4_AT = '2026-09-22T17:05:00Z';
const a4: ScenarioSpec = {
  name: 'profile-service-error-rate-monitor',
  description: 'Datadog monitor: error rate on profile-service above 10% (env:prod).',
  at: A4_AT,
  signal: {
    source: 'datadog',
    ...datadog({
      at: A4_AT,
      date: -1 * M,
      title: 'profile-service error rate is high',
      message: 'Error rate on service:profile-service is 23.4% over the last 5m (threshold 10%). @pagerduty-identity',
      tags: ['env:prod', 'service:profile-service', 'team:identity', 'kube_cluster_name:prod-euw1'],
      scope: 'env:prod,service:profile-service',
      priority: 'P2',
      metric: 'trace.http.request.errors',
    }),
  },
  topology: {
    'web-bff': ['profile-service', 'feed-service', 'notifications-api'],
    'mobile-bff': ['profile-service', 'feed-service'],
    'profile-service': ['profile-postgres', 'avatar-cache'],
    'feed-service': ['profile-service', 'feed-cassandra'],
    'notifications-api': ['sns-mobile-push'],
  },
  services: [
    { name: 'web-bff', style: 'dd', rps: 220, p99: 0.38 * 1000, err: 0.003, info: ['GET /api/me 200', 'GET /api/feed 200', 'POST /api/settings 204'], logEvery: 60 },
    { name: 'mobile-bff', style: 'dd', rps: 310, p99: 290, err: 0.002, info: ['GET /m/me 200', 'GET /m/feed 200'], logEvery: 60 },
    { name: 'profile-service', style: 'dd', rps: 900, p99: 45, err: 0.001, info: ['profile loaded', 'avatar url signed'], logEvery: 60 },
    { name: 'feed-service', style: 'dd', rps: 400, p99: 180, err: 0.002, spiky: 0.08, info: ['feed assembled ({n:20-50} items)'], chronic: [{ level: 'warn', message: 'cassandra read timeout on partition feed_by_user, retried', every: 420 }] },
    { name: 'notifications-api', style: 'dd', rps: 12, p99: 120, err: 0.004 },
  ],
  effects: [
    { service: 'web-bff', from: -19 * M, rps: 1.0, lat: 2.2, err: 0.06 },
    { service: 'profile-service', from: -19 * M, ramp: 3 * M, rps: 3.4, lat: 9, err: 0.22 },
    { service: 'mobile-bff', from: -17 * M, ramp: 3 * M, lat: 2.5, err: 0.05 },
    { service: 'feed-service', from: -17 * M, ramp: 3 * M, lat: 2.4, err: 0.04 },
  ],
  series: [
    { name: 'trace.http.request.hits.by_http_status', service: 'profile-service', labels: { http_status: '503', client: 'web-bff' }, unit: 'hit/s', fn: (t, r, ref) => noisy(r, step(t, ref, -19 * M, 0.1, 190, 3 * M), 0.1) },
    { name: 'outbound.retries', service: 'web-bff', labels: { peer_service: 'profile-service' }, unit: 'retry/s', fn: (t, r, ref) => noisy(r, step(t, ref, -19 * M, 0.4, 640, 2 * M), 0.1) },
    { name: 'postgresql.percent_usage_connections', service: 'profile-postgres', unit: 'fraction', fn: (t, r, ref) => Math.min(1, noisy(r, step(t, ref, -18 * M, 0.38, 0.97, 4 * M), 0.03)) },
    { name: 'kubernetes.cpu.usage.total', service: 'profile-service', labels: { kube_deployment: 'profile-service' }, unit: 'nanocore', fn: (t, r, ref) => noisy(r, step(t, ref, -19 * M, 2.2e9, 7.8e9, 3 * M), 0.05) },
  ],
  logs: [
    { service: 'profile-service', from: -18 * M, every: 20, level: 'error', msg: 'pq: sorry, too many clients already' },
    { service: 'profile-service', from: -18 * M, every: 35, level: 'warn', msg: 'request shed: concurrency limit {n:256-256} reached (in-flight {n:256-300})' },
    { service: 'web-bff', from: -19 * M, every: 30, level: 'warn', msg: 'retrying GET profile-service/v1/profiles/{n:1000000-9999999} attempt {n:2-5}/5 after {n:0-40}ms (status 503)' },
    { service: 'mobile-bff', from: -17 * M, every: 60, level: 'error', msg: 'profile-service GET /v1/profiles/me failed: 503 Service Unavailable' },
    { service: 'notifications-api', from: -2 * H, every: 500, level: 'warn', msg: 'SNS endpoint disabled for token {hex:12} (EndpointDisabled)', inRef: true },
  ],
  traces: [
    {
      from: -2 * H, to: -20 * M, count: 4, inRef: true,
      tree: (r) => span('web-bff', 'GET /api/me', r.int(60, 140), 'ok', { 'version': '2026.09.18-2' }, [span('profile-service', 'GET /v1/profiles/{id}', r.int(10, 40))]),
    },
    {
      from: -17 * M, to: -1 * M, count: 6,
      tree: (r) => span('web-bff', 'GET /api/me', r.int(900, 2400), 'error', { 'version': '2026.09.22-1' }, [
        span('profile-service', 'GET /v1/profiles/{id}', r.int(200, 600), 'error', { 'http.response.status_code': 503 }),
        span('profile-service', 'GET /v1/profiles/{id}', r.int(200, 600), 'error', { 'http.response.status_code': 503, 'http.request.resend_count': 1 }),
        span('profile-service', 'GET /v1/profiles/{id}', r.int(200, 600), 'error', { 'http.response.status_code': 503, 'http.request.resend_count': 2 }),
        span('profile-service', 'GET /v1/profiles/{id}', r.int(200, 600), 'error', { 'http.response.status_code': 503, 'http.request.resend_count': 3 }),
      ]),
    },
  ],
  changes: [
    { at: -1 * H - 40 * M, service: 'profile-service', kind: 'deployment', summary: 'profile-service 7.3.1: add pronouns field', version: '7.3.1', previousVersion: '7.3.0', author: 'a.berg', commit: 'c0ffe12', source: 'argocd' },
    { at: -20 * M, service: 'web-bff', kind: 'deployment', summary: 'web-bff 2026.09.22-1: shared HTTP client (resilience: retries 5, no jitter, on 5xx and timeouts)', version: '2026.09.22-1', previousVersion: '2026.09.18-2', author: 's.devi', commit: '8e2d4b0', source: 'argocd' },
    { at: -9 * M, service: 'profile-service', kind: 'scaling', summary: 'HPA profile-service 8 -> 20 replicas', source: 'kubernetes' },
  ],
  runtime: [{ at: -10 * M, service: 'profile-service', kind: 'unhealthy', count: 6, message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' }],
  alerts: [{ at: -12 * M, service: 'profile-postgres', name: 'postgres connections > 90%', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('web-bff', 'deployment', 'rollback', ['changes', 'traces']),
  meta: {
    story: 'web-bff moves to a shared HTTP client that retries every 5xx and timeout five times without jitter; the first slow responses from profile-service multiply into a retry storm, tripling its load and exhausting Postgres connections. Alert on profile-service.',
    modelledOn: 'documented class: client retry amplification (retry storm) introduced by a caller release',
    alertService: 'profile-service',
    alertStart: -1 * M,
    tempting: 'profile-service is alerting, saturated, had a deploy of its own 100 minutes earlier, and its Postgres is full of connections',
  },
};

export const SPECS_A: ScenarioSpec[] = [a1, a2, a3, a4];
