import type { ScenarioSpec } from './engine.js';
import { M, H, span, expected, step, noisy } from './kit.js';
import { alertmanager, datadog, generic, grafana } from './signals.js';

/* Platform (infrastructure) failures. */

const E1_AT = '2026-01-20T20:05:00Z';
const dnsTimeout = (host: string) => `dial tcp: lookup ${host} on 172.20.0.10:53: read udp 10.12.{n:1-250}.{n:1-250}:{n:30000-60000}->172.20.0.10:53: i/o timeout`;
const e1: ScenarioSpec = {
  name: 'transfers-api-latency-high',
  description: 'Alertmanager: transfers-api p99 latency above 2 s.',
  at: E1_AT,
  signal: {
    source: 'alertmanager',
    ...alertmanager({
      at: E1_AT,
      startsAt: -2 * M,
      labels: { alertname: 'APIHighLatencyP99', service: 'transfers-api', namespace: 'payments-core', severity: 'critical', slo: 'transfers-latency' },
      annotations: { summary: 'transfers-api p99 latency 5.8s', description: 'histogram_quantile(0.99, ...) > 2 for 5m' },
      expr: 'histogram_quantile(0.99, sum by (le, service) (rate(http_server_requests_seconds_bucket{service="transfers-api"}[5m]))) > 2',
    }),
  },
  topology: {
    'mobile-gateway': ['transfers-api', 'accounts-api', 'cards-api'],
    'transfers-api': ['ledger', 'fx-service', 'limits-service'],
    'accounts-api': ['ledger', 'kyc-service'],
    'cards-api': ['card-processor'],
    'fx-service': ['fx-rates-provider'],
  },
  window: 90 * M,
  services: [
    { name: 'mobile-gateway', style: 'prom', rps: 500, p99: 400, err: 0.002 },
    { name: 'transfers-api', style: 'prom', rps: 80, p99: 600, err: 0.002, info: ['transfer {hex:10} submitted', 'transfer {hex:10} settled'], logEvery: 60 },
    { name: 'accounts-api', style: 'prom', rps: 300, p99: 120, err: 0.001, info: ['GET /accounts/{id} 200'], logEvery: 60 },
    { name: 'cards-api', style: 'prom', rps: 120, p99: 250, err: 0.002 },
    { name: 'ledger', style: 'prom', rps: 400, p99: 40, err: 0.0005 },
    { name: 'fx-service', style: 'prom', rps: 60, p99: 180, err: 0.002, chronic: [{ level: 'warn', message: 'fx-rates-provider quote older than 30s for {pick:EURUSD|GBPEUR|USDJPY}, refreshing', every: 180 }] },
    { name: 'limits-service', style: 'prom', rps: 80, p99: 30, err: 0.0005 },
  ],
  effects: [
    { service: 'transfers-api', from: -12 * M, lat: 9, err: 0.06 },
    { service: 'accounts-api', from: -12 * M, lat: 14, err: 0.04 },
    { service: 'cards-api', from: -12 * M, lat: 8, err: 0.05 },
    { service: 'fx-service', from: -12 * M, lat: 10, err: 0.07 },
    { service: 'mobile-gateway', from: -12 * M, lat: 6, err: 0.05 },
  ],
  series: [
    { name: 'coredns_dns_requests:rate1m', service: 'coredns', labels: { namespace: 'kube-system' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, ref || t < -12 * M ? 4200 : 2100, 0.05) },
    { name: 'up', service: 'coredns', labels: { job: 'coredns', instance: '10.12.44.31:9153' }, unit: '1', fn: (t, _r, ref) => (ref || t < -12 * M ? 1 : 0) },
    { name: 'up', service: 'coredns', labels: { job: 'coredns', instance: '10.12.44.58:9153' }, unit: '1', fn: (t, _r, ref) => (ref || t < -12 * M ? 1 : 0) },
    { name: 'kube_node_status_condition', service: 'coredns', labels: { node: 'ip-10-12-44-9.ec2.internal', condition: 'Ready', status: 'true' }, unit: '1', fn: (t, _r, ref) => (ref || t < -12 * M ? 1 : 0) },
    { name: 'http_server_requests_seconds:p50', service: 'transfers-api', unit: 's', fn: (t, r, ref) => noisy(r, ref || t < -12 * M ? 0.09 : 0.15, 0.1) },
  ],
  logs: [
    { service: 'transfers-api', from: -12 * M, every: 15, level: 'error', msg: `call to limits-service failed: ${dnsTimeout('limits-service.payments-core.svc.cluster.local')}` },
    { service: 'accounts-api', from: -12 * M, every: 12, level: 'error', msg: `ledger client: ${dnsTimeout('ledger.payments-core.svc.cluster.local')}` },
    { service: 'fx-service', from: -12 * M, every: 20, level: 'error', msg: `GET https://api.fx-rates.example.com/v2/quotes: ${dnsTimeout('api.fx-rates.example.com')}` },
    { service: 'cards-api', from: -11 * M, every: 25, level: 'warn', msg: 'card-processor request took {n:5000-10500}ms (resolver retry)' },
    { service: 'coredns', from: -90 * M, to: -12 * M, every: 300, level: 'info', msg: '[INFO] plugin/reload: Running configuration SHA512 = {hex:16}' },
  ],
  traces: [
    { from: -90 * M, to: -14 * M, count: 3, tree: (r) => span('mobile-gateway', 'POST /v1/transfers', r.int(200, 400), 'ok', undefined, [span('transfers-api', 'POST /transfers', r.int(150, 350), 'ok', undefined, [span('limits-service', 'GET /limits/{id}', r.int(5, 20)), span('fx-service', 'GET /quote', r.int(40, 120)), span('ledger', 'POST /postings', r.int(10, 30))])]) },
    { from: -10 * M, to: -1 * M, count: 5, tree: (r) => span('mobile-gateway', 'POST /v1/transfers', r.int(5200, 10400), 'error', undefined, [span('transfers-api', 'POST /transfers', r.int(5100, 10300), 'error', undefined, [span('transfers-api', 'dns lookup limits-service.payments-core.svc.cluster.local', 5000, 'error', { 'error.type': 'i/o timeout', 'net.peer.name': '172.20.0.10' }), span('limits-service', 'GET /limits/{id}', r.int(5, 20))])]) },
  ],
  changes: [
    { at: -40 * M, service: 'transfers-api', kind: 'deployment', summary: 'transfers-api 2.61.0: SEPA instant cut-off handling', version: '2.61.0', previousVersion: '2.60.3', author: 'payments-core-ci', commit: '5e6d7c8', source: 'argocd' },
    { at: -33 * M, service: 'cards-api', kind: 'scaling', summary: 'Karpenter consolidation replaced 2 nodes (m6i.2xlarge -> m7i.2xlarge)', source: 'karpenter' },
  ],
  runtime: [
    { at: -13 * M, service: 'coredns', kind: 'node_pressure', message: 'node ip-10-12-44-9.ec2.internal NotReady: Kubelet stopped posting node status' },
    { at: -12 * M, service: 'coredns', kind: 'unhealthy', count: 2, message: 'coredns-5d78c9869d-8kx2v, coredns-5d78c9869d-tq4mn on ip-10-12-44-9.ec2.internal: NodeNotReady; endpoints still listed until pod eviction timeout' },
    { at: -9 * M, service: 'transfers-api', kind: 'restart', count: 2, message: 'liveness probe timeouts' },
  ],
  alerts: [
    { at: -9 * M, service: 'accounts-api', name: 'APIHighLatencyP99', status: 'firing' },
    { at: -8 * M, service: 'cards-api', name: 'APIHighErrorRate', status: 'firing' },
  ],
  expected: expected('coredns', 'infrastructure', 'restart', ['logs', 'runtime']),
  meta: {
    story: 'Both CoreDNS replicas were scheduled on the same node (no anti-affinity). That node hangs (kubelet stops reporting); for the five minutes before pods are evicted every lookup to the cluster DNS service times out, so every service that resolves names sees 5 s stalls and errors at the same minute.',
    modelledOn: 'documented class: cluster DNS unavailable because all CoreDNS replicas share a failed node (kube-dns/CoreDNS anti-affinity guidance)',
    alertService: 'transfers-api',
    alertStart: -2 * M,
    tempting: 'transfers-api deploy 28 minutes before onset; Karpenter consolidation; fx-service third-party errors',
  },
};

const E2_AT = '2026-06-15T00:06:00Z';
const e2: ScenarioSpec = {
  name: 'orders-api-error-rate-midnight',
  description: 'Datadog monitor: orders-api error rate above 5% (env:prod).',
  at: E2_AT,
  signal: {
    source: 'datadog',
    ...datadog({
      at: E2_AT,
      date: -4 * M,
      title: 'orders-api error rate above 5%',
      message: 'service:orders-api error rate 64% over 5m. Runbook: https://wiki.example.net/orders/errors',
      tags: ['env:prod', 'service:orders-api', 'team:orders'],
      scope: 'env:prod,service:orders-api',
      priority: 'P1',
      metric: 'trace.http.request.errors',
    }),
  },
  topology: {
    'public-alb': ['orders-api', 'web'],
    'orders-api': ['internal-services-alb', 'orders-db'],
    'internal-services-alb': ['inventory-api', 'pricing-api'],
    web: ['orders-api'],
    'returns-api': ['internal-services-alb'],
  },
  services: [
    { name: 'orders-api', style: 'dd', rps: 70, p99: 240, err: 0.002, info: ['order {n:1000000-9999999} created', 'GET /orders/{id} 200'], logEvery: 90 },
    { name: 'web', style: 'dd', rps: 200, p99: 500, err: 0.002 },
    { name: 'inventory-api', style: 'dd', rps: 160, p99: 40, err: 0.0005, info: ['stock reserved'], logEvery: 120 },
    { name: 'pricing-api', style: 'dd', rps: 150, p99: 30, err: 0.0005 },
    { name: 'returns-api', style: 'dd', rps: 6, p99: 300, err: 0.003, chronic: [{ level: 'warn', message: 'carrier label for RMA-{n:10000-99999} not yet available', every: 400 }] },
  ],
  effects: [
    { service: 'orders-api', from: -6 * M, err: 0.64, lat: 0.5 },
    { service: 'web', from: -6 * M, err: 0.2 },
    { service: 'returns-api', from: -6 * M, err: 0.5 },
    { service: 'inventory-api', from: -6 * M, rps: 0.05 },
    { service: 'pricing-api', from: -6 * M, rps: 0.05 },
  ],
  series: [
    { name: 'aws.applicationelb.client_tlsnegotiation_error_count', service: 'internal-services-alb', labels: { loadbalancer: 'app/internal-services/6f5e4d3c2b1a0987' }, unit: 'error', step: 60, fn: (t, r, ref) => Math.round(ref || t < -6 * M ? 0 : noisy(r, 9800, 0.05)) },
    { name: 'aws.applicationelb.request_count', service: 'internal-services-alb', labels: { loadbalancer: 'app/internal-services/6f5e4d3c2b1a0987' }, unit: 'request', step: 60, fn: (t, r, ref) => Math.round(noisy(r, ref || t < -6 * M ? 19000 : 900, 0.05)) },
    { name: 'aws.certificatemanager.days_to_expiry', service: 'internal-services-alb', labels: { certificatearn: 'arn:aws:acm:us-east-1:481516234200:certificate/2f9c1d7e-5b3a-4e8f-9c2d-1a0b3c4d5e6f' }, unit: 'day', step: 3600, fn: (t) => Math.max(0, Math.ceil((-6 * M - t) / 86400)) },
  ],
  logs: [
    { service: 'orders-api', from: -6 * M, every: 3, level: 'error', msg: 'Get "https://{pick:inventory|pricing}.internal.example.net/v1/{pick:reservations|quotes}": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-06-15T00:0{n:0-5}:{n:10-59}Z is after 2026-06-15T00:00:00Z' },
    { service: 'returns-api', from: -6 * M, every: 40, level: 'error', msg: 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Mon Jun 15 00:00:00 UTC 2026' },
  ],
  traces: [
    { from: -2 * H, to: -8 * M, count: 3, inRef: true, tree: (r) => span('orders-api', 'POST /orders', r.int(120, 240), 'ok', undefined, [span('inventory-api', 'POST /v1/reservations', r.int(10, 40)), span('pricing-api', 'POST /v1/quotes', r.int(8, 30))]) },
    { from: -5 * M, to: -1 * M, count: 4, tree: (r) => span('orders-api', 'POST /orders', r.int(8, 20), 'error', undefined, [span('orders-api', 'POST inventory.internal.example.net/v1/reservations', r.int(2, 6), 'error', { 'span.kind': 'client', 'server.address': 'inventory.internal.example.net', 'error.type': 'x509: certificate has expired' })]) },
  ],
  changes: [
    { at: -1 * H - 5 * M, service: 'orders-api', kind: 'deployment', summary: 'orders-api 9.3.0: order notes', version: '9.3.0', previousVersion: '9.2.8', author: 'orders-ci', source: 'argocd' },
    { at: -40 * M, service: 'inventory-api', kind: 'config', summary: 'inventory-api: nightly reindex window 00:30 -> 01:00', author: 'ops-bot', source: 'argocd' },
  ],
  runtime: [{ at: -3 * M, service: 'orders-api', kind: 'unhealthy', count: 4, message: 'readiness /ready (dependency check) failing' }],
  reference: { hoursBack: 24 },
  expected: expected('internal-services-alb', 'infrastructure', 'none', ['logs', 'metrics']),
  meta: {
    story: 'The internal ALB\'s listener certificate was issued by the private CA and imported by hand three years ago, so ACM never renewed it; it expires at midnight UTC and every TLS client of the internal services fails verification at 00:00, while the services behind the ALB are healthy and simply stop receiving traffic.',
    modelledOn: 'documented class: expired TLS certificate on an internal load balancer (imported ACM certificates are not renewed)',
    alertService: 'orders-api',
    alertStart: -4 * M,
    tempting: 'orders-api deployed an hour before and is the one alerting; inventory-api config change; inventory/pricing traffic collapse',
  },
};

const E3_AT = '2026-09-01T08:55:00Z';
const e3: ScenarioSpec = {
  name: 'order-api-p99-latency-grafana',
  description: 'Grafana alert: order-api p99 latency above 1 s.',
  at: E3_AT,
  signal: {
    source: 'grafana',
    ...grafana({
      at: E3_AT,
      startsAt: -6 * M,
      labels: { alertname: 'OrderApiLatency', app: 'order-api', namespace: 'commerce', severity: 'critical' },
      annotations: { summary: 'order-api p99 3.9s', description: 'p99 over 1s for 5 minutes' },
      values: { A: 3.9, B: 1 },
      folder: 'Commerce',
    }),
  },
  topology: {
    'storefront-bff': ['order-api', 'catalog-api'],
    'order-api': ['orders-pg', 'inventory-api'],
    'inventory-api': ['inventory-pg'],
    'reporting-etl': ['orders-pg-replica'],
  },
  services: [
    { name: 'storefront-bff', style: 'prom', rps: 350, p99: 350, err: 0.002 },
    { name: 'order-api', style: 'prom', rps: 110, p99: 180, err: 0.001, info: ['order {n:1000000-9999999} created', 'order listed'], logEvery: 60 },
    { name: 'inventory-api', style: 'prom', rps: 150, p99: 50, err: 0.001 },
    { name: 'catalog-api', style: 'prom', rps: 300, p99: 70, err: 0.001 },
    { name: 'reporting-etl', style: 'none', info: ['etl batch {n:1-400} loaded'], logEvery: 600, chronic: [{ level: 'warn', message: 'replica lag {n:2-9}s, waiting', every: 900 }] },
  ],
  effects: [
    { service: 'order-api', from: -14 * M, ramp: 2 * M, lat: 22, err: 0.05 },
    { service: 'storefront-bff', from: -14 * M, ramp: 2 * M, lat: 5, err: 0.03 },
  ],
  series: [
    { name: 'node_disk_io_time_weighted_seconds:rate1m', service: 'orders-pg', labels: { instance: 'orders-pg-1.db.internal:9100', device: 'nvme1n1' }, unit: 's', fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 0.4, 48, M), 0.1) },
    { name: 'node_cpu_seconds:iowait_ratio', service: 'orders-pg', labels: { instance: 'orders-pg-1.db.internal:9100' }, unit: 'ratio', fn: (t, r, ref) => Math.min(1, noisy(r, step(t, ref, -14 * M, 0.01, 0.71, M), 0.08)) },
    { name: 'VolumeQueueLength', service: 'orders-pg', labels: { Namespace: 'AWS/EBS', VolumeId: 'vol-0c4f2a9e7d1b3c568', Statistic: 'Average' }, unit: 'Count', step: 300, gaps: 0.08, fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 1.2, 240), 0.1) },
    { name: 'VolumeWriteOps', service: 'orders-pg', labels: { Namespace: 'AWS/EBS', VolumeId: 'vol-0c4f2a9e7d1b3c568', Statistic: 'Sum' }, unit: 'Count', step: 300, gaps: 0.08, fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 910000, 160000), 0.08) },
    { name: 'pg_stat_activity_count', service: 'orders-pg', labels: { state: 'active', wait_event_type: 'IO' }, unit: '{connection}', fn: (t, r, ref) => Math.round(noisy(r, step(t, ref, -14 * M, 2, 140, 2 * M), 0.1)) },
  ],
  logs: [
    { service: 'orders-pg', from: -14 * M, every: 20, level: 'warn', msg: 'LOG:  duration: {n:2000-9000}.{n:100-999} ms  statement: {pick:INSERT INTO orders|UPDATE order_items|COMMIT}' },
    { service: 'orders-pg', from: -12 * M, every: 120, level: 'warn', msg: 'LOG:  checkpoints are occurring too frequently ({n:8-20} seconds apart)' },
    { service: 'order-api', from: -13 * M, every: 30, level: 'error', msg: 'pgx: timeout: context deadline exceeded (statement_timeout 5s) on INSERT INTO orders' },
    { service: 'orders-pg', from: -2 * H, every: 900, level: 'info', inRef: true, msg: 'LOG:  checkpoint complete: wrote {n:2000-9000} buffers' },
  ],
  traces: [
    { from: -2 * H, to: -15 * M, count: 3, inRef: true, tree: (r) => span('storefront-bff', 'POST /checkout', r.int(150, 300), 'ok', undefined, [span('order-api', 'POST /orders', r.int(60, 160), 'ok', undefined, [span('order-api', 'INSERT orders', r.int(3, 12), 'ok', { 'db.system': 'postgresql', 'server.address': 'orders-pg-1.db.internal' }), span('inventory-api', 'POST /reserve', r.int(10, 40))])]) },
    { from: -12 * M, to: -1 * M, count: 5, tree: (r) => span('storefront-bff', 'POST /checkout', r.int(3000, 5200), 'error', undefined, [span('order-api', 'POST /orders', r.int(2900, 5100), 'error', undefined, [span('order-api', 'INSERT orders', r.int(2800, 5000), 'error', { 'db.system': 'postgresql', 'server.address': 'orders-pg-1.db.internal' }), span('inventory-api', 'POST /reserve', r.int(10, 40))])]) },
  ],
  changes: [
    { at: -50 * M, service: 'order-api', kind: 'deployment', summary: 'order-api 4.4.1: add gift-wrap option', version: '4.4.1', previousVersion: '4.4.0', author: 'commerce-ci', source: 'argocd' },
    { at: -25 * M, service: 'reporting-etl', kind: 'config', summary: 'reporting-etl: batch size 500 -> 1000', author: 'data-team', source: 'airflow' },
  ],
  alerts: [
    { at: -9 * M, service: 'orders-pg', name: 'AWS Health: AWS_EBS_DEGRADED_EBS_VOLUME_PERFORMANCE (vol-0c4f2a9e7d1b3c568)', status: 'firing' },
    { at: -10 * M, service: 'storefront-bff', name: 'CheckoutLatencyHigh', status: 'firing' },
  ],
  reference: { hoursBack: 168 },
  expected: expected('orders-pg', 'infrastructure', 'none', ['metrics', 'alerts']),
  meta: {
    story: 'The EBS volume under the self-managed orders Postgres primary degrades (queue length x200, write ops collapse, iowait 70%); AWS Health confirms degraded volume performance nine minutes later. Queries wait on IO, order-api times out. Nothing changed on the database.',
    modelledOn: 'documented class: degraded EBS volume performance under a database (AWS Health AWS_EBS_DEGRADED_EBS_VOLUME_PERFORMANCE)',
    alertService: 'order-api',
    alertStart: -6 * M,
    tempting: 'order-api deploy 36 minutes before onset; reporting-etl batch-size change 11 minutes before onset',
  },
};

const E4_AT = '2026-04-02T03:22:00Z';
const e4: ScenarioSpec = {
  name: 'account-updates-failing-canary',
  description: 'Generic alert from the write-path canary: account updates failing.',
  at: E4_AT,
  signal: {
    source: 'generic',
    ...generic({ at: E4_AT, startedAt: -12 * M, title: 'Canary: account profile updates failing (12/12)', service: 'accounts-core', severity: 'critical', description: 'PUT /v1/accounts/{id}/profile returns 500; reads OK.', labels: { canary: 'account-write-path', region: 'eu-west-1' }, dedupKey: 'canary-account-write-path' }),
  },
  topology: {
    'app-gateway': ['accounts-core', 'statements-api'],
    'accounts-core': ['accounts-aurora', 'events-bus'],
    'statements-api': ['accounts-aurora-reader', 'statements-bucket'],
    'kyc-worker': ['accounts-core'],
  },
  services: [
    { name: 'app-gateway', style: 'otel', rps: 260, p99: 300, err: 0.002 },
    { name: 'accounts-core', style: 'otel', rps: 140, p99: 80, err: 0.001, info: ['profile read', 'profile updated'], logEvery: 60 },
    { name: 'statements-api', style: 'otel', rps: 30, p99: 700, err: 0.003, spiky: 0.1, chronic: [{ level: 'warn', message: 'statement PDF render > 2s for account {n:100000-999999}', every: 300 }] },
    { name: 'kyc-worker', style: 'none', info: ['kyc check {hex:8} passed'], logEvery: 400 },
  ],
  effects: [
    { service: 'accounts-core', from: -17 * M, err: 0.28 },
    { service: 'app-gateway', from: -17 * M, err: 0.08 },
    { service: 'accounts-core', from: -18 * M, to: -17 * M, err: 0.9, lat: 10 },
  ],
  series: [
    { name: 'db.client.operation.error_count', service: 'accounts-core', labels: { 'db.operation.name': 'UPDATE', 'error.type': 'ReadOnlySqlTransaction' }, unit: '{error}/min', fn: (t, r, ref) => Math.round(ref || t < -17 * M ? 0 : noisy(r, 1300, 0.1)) },
    { name: 'db.client.operation.error_count', service: 'accounts-core', labels: { 'db.operation.name': 'SELECT' }, unit: '{error}/min', fn: (t, r, ref) => Math.round(ref || t < -18 * M || t >= -17 * M ? noisy(r, 0.3, 1) : 800) },
    { name: 'DatabaseConnections', service: 'accounts-aurora', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'accounts-aurora-instance-1', Statistic: 'Average' }, unit: 'Count', step: 60, fn: (t, r, ref) => Math.round(noisy(r, ref || t < -18 * M ? 180 : 195, 0.05)) },
    { name: 'DatabaseConnections', service: 'accounts-aurora', labels: { Namespace: 'AWS/RDS', DBInstanceIdentifier: 'accounts-aurora-instance-2', Statistic: 'Average' }, unit: 'Count', step: 60, fn: (t, r, ref) => Math.round(noisy(r, ref || t < -18 * M ? 40 : 4, 0.1)) },
    { name: 'CommitThroughput', service: 'accounts-aurora', labels: { Namespace: 'AWS/RDS', DBClusterIdentifier: 'accounts-aurora', Role: 'WRITER', Statistic: 'Average' }, unit: 'Count/Second', step: 60, fn: (t, r, ref) => noisy(r, ref || t < -18 * M ? 95 : 6, 0.1) },
  ],
  logs: [
    { service: 'accounts-aurora', from: -18 * M, to: -17 * M, every: 20, level: 'info', msg: (i) => ['RDS-EVENT-0072: A failover has been started for the DB cluster accounts-aurora.', 'RDS-EVENT-0071: A failover for the DB cluster accounts-aurora has completed. New writer: accounts-aurora-instance-2.'][i % 2]! },
    { service: 'accounts-core', from: -17 * M, every: 5, level: 'error', msg: 'org.postgresql.util.PSQLException: ERROR: cannot execute UPDATE in a read-only transaction (SQLState 25006)' },
    { service: 'accounts-core', from: -2 * H, every: 3600, level: 'info', inRef: true, msg: 'JDBC url jdbc:postgresql://accounts-aurora.cluster-c9x2k1.eu-west-1.rds.amazonaws.com:5432/accounts; networkaddress.cache.ttl=-1 (security manager default)' },
    { service: 'kyc-worker', from: -15 * M, every: 200, level: 'warn', msg: 'accounts-core PUT kyc status failed: 500, will retry' },
  ],
  changes: [
    { at: -20 * H, service: 'accounts-core', kind: 'deployment', summary: 'accounts-core 17.2.0: JDK 17 -> 21 base image', version: '17.2.0', previousVersion: '17.1.4', author: 'core-ci', source: 'codepipeline' },
    { at: -18 * M, service: 'accounts-aurora', kind: 'infrastructure', summary: 'RDS-EVENT-0072/0071 failover of accounts-aurora: writer moved from instance-1 to instance-2 (host replacement)', source: 'aws.rds' },
    { at: -5 * M, service: 'kyc-worker', kind: 'scaling', summary: 'kyc-worker paused (desired 0) by on-call', author: 'on-call', source: 'ecs' },
  ],
  expected: expected('accounts-aurora', 'infrastructure', 'restart', ['changes', 'logs']),
  meta: {
    story: 'AWS replaces the Aurora writer\'s host and the cluster fails over. accounts-core caches DNS forever (JVM networkaddress.cache.ttl=-1), so its pool keeps reconnecting to the old writer address, now a reader: reads work, every write fails read-only. Restarting accounts-core re-resolves the cluster endpoint.',
    modelledOn: 'documented class: Aurora failover with JVM DNS caching keeping clients on the demoted writer (AWS Aurora JDBC/DNS TTL guidance)',
    alertService: 'accounts-core',
    alertStart: -12 * M,
    tempting: 'accounts-core alerts, errors read as a code defect (read-only transaction), JDK upgrade the day before; no reference; no traces',
  },
};

export const SPECS_E: ScenarioSpec[] = [e1, e2, e3, e4];
