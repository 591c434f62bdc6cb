import { alertmanagerBody, cloudwatchEventBody, cloudwatchSnsBody, datadogBody, grafanaBody, opsgenieBody, ramp, step } from './lib.js';
import { AM_HEADERS, CHATTER, DD_HEADERS, EB_HEADERS, GRAFANA_HEADERS, OG_HEADERS, SNS_HEADERS, healthyEstate, promSpec, red, type Def } from './kit.js';

/* Deployments and configuration changes. */

export const changeScenarios: Def[] = [
  {
    file: 'checkout-5xx-ratio-high',
    description: 'Alertmanager: HighErrorRate on checkout, 5xx ratio above 5%.',
    at: '2026-03-17T14:42:00Z',
    build: (b) => {
      const onset = -21 * 60;
      red(b, 'web-bff', { rps: 420, err: 0.003, p99: 380, errX: (t, l) => (l ? 0.11 * ramp(t, onset, onset + 120) : 0) });
      red(b, 'checkout', { rps: 65, err: 0.004, p99: 520, errX: (t, l) => (l ? 0.31 * ramp(t, onset, onset + 90) : 0) });
      red(b, 'billing-api', { rps: 58, err: 0.002, p99: 210, errX: (t, l) => (l ? 0.62 * step(t, onset) : 0), p99X: (t, l) => (l && t > onset ? 0.35 : 1) });
      red(b, 'cart', { rps: 300, err: 0.006, p99: 640 });
      red(b, 'inventory', { rps: 180, err: 0.001, p99: 95 });
      healthyEstate(b, [['search', 380, 160], ['recommendations', 250, 90], ['reviews', 120, 70], ['user-profile', 500, 40], ['auth', 700, 30], ['pricing', 300, 50], ['promotions', 200, 60], ['shipping-quotes', 80, 400], ['tax', 70, 80], ['fraud-check', 60, 210], ['notifications', 90, 45], ['order-history', 140, 110], ['wishlist', 60, 35], ['gift-cards', 25, 90], ['loyalty', 110, 55], ['address-book', 45, 30], ['ab-testing', 900, 6]]);
      b.metric('client_requests_per_second', 'refunds-worker', 'req/s', (_t, _l, d) => 4 * d, { labels: { peer_service: 'psp-gateway' }, noise: 0.2, digits: 2 });
      b.metric('client_error_ratio', 'refunds-worker', 'ratio', () => 0.004, { labels: { peer_service: 'psp-gateway' }, noise: 0.5, digits: 4 });
      b.change(-26 * 3600, 'billing-api', 'deployment', 'billing-api v4.17.2: invoice PDF footer copy', { version: 'v4.17.2', previousVersion: 'v4.17.1', author: 'm.okafor', commit: 'a41c9e2' });
      b.change(-95 * 60, 'cart', 'deployment', 'cart v2.88.0: saved-for-later pagination', { version: 'v2.88.0', previousVersion: 'v2.87.3', author: 'j.lindqvist', commit: '7be01f4', source: 'argo-cd' });
      b.change(-52 * 60, 'inventory', 'config', 'inventory: stock-cache TTL 30s -> 45s', { author: 'k.tanaka', source: 'consul-kv' });
      b.change(onset - 55, 'billing-api', 'deployment', 'billing-api v4.18.0: dependency refresh (okhttp 5.0.0, netty-tcnative-boringssl 2.0.66, jackson 2.17)', { version: 'v4.18.0', previousVersion: 'v4.17.2', author: 'renovate[bot]', commit: 'd93f0aa', source: 'argo-cd' });
      b.change(-8 * 60, 'checkout', 'config', 'checkout: billing client timeout 2s -> 5s, retries 1 -> 3 (incident mitigation attempt)', { author: 'oncall-sre', source: 'consul-kv' });
      b.background('cart', 'warn', ['slow query: SELECT * FROM saved_items WHERE user_id=$1 took 812ms', 'redis: pool exhausted, waited 40ms'], 14);
      b.background('inventory', 'info', ['stock-cache miss ratio 0.07', 'reservation expired: 3 items released'], 10);
      b.background('checkout', 'warn', CHATTER.warnHttp, 6);
      b.background('billing-api', 'info', ['invoice rendered', 'charge captured', 'webhook delivered to ledger'], 20);
      b.burst('billing-api', 'error', onset, 0, 70, () => 'charge failed: javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure (peer psp-gateway.example-psp.com:443)', (i) => ({ peer: 'psp-gateway', tls_protocols_offered: 'TLSv1.3', pod: `billing-api-6d9f7c8b54-${['x2kqp', 'm7zrt', 'q9wnv'][i % 3]}` }));
      b.burst('checkout', 'error', onset + 20, 0, 45, () => 'POST /checkout/confirm 502: upstream billing-api returned 502 (charge_failed)');
      b.burst('checkout', 'warn', -8 * 60, 0, 12, () => 'billing call retry 2/3 after 502');
      b.rt(onset - 40, 'billing-api', 'restart', 'rolling update: 3/3 pods replaced (v4.18.0)', 3);
      b.exc(onset + 15, 'billing-api', 'javax.net.ssl.SSLHandshakeException', 'Received fatal alert: handshake_failure', 1480, 'com.acme.billing.psp.PspClient.charge');
      b.exc(onset + 30, 'checkout', 'UpstreamError', 'billing-api returned 502 Bad Gateway', 960, 'checkout/confirm.go:118');
      b.alert(onset + 300, 'web-bff', 'WebBffErrorBudgetBurn');
      b.traceFlow(14, -3600, 0, (t, live) => {
        const bad = live && t > onset;
        return [
          ['web-bff', 'POST /api/checkout', 0, bad ? 260 : 640, bad ? 'error' : 'ok', -1],
          ['checkout', 'POST /checkout/confirm', 6, bad ? 240 : 610, bad ? 'error' : 'ok', 0],
          ['inventory', 'POST /reservations', 12, 38, 'ok', 1],
          ['billing-api', 'POST /charges', 60, bad ? 150 : 420, bad ? 'error' : 'ok', 1],
          ['billing-api', 'POST psp-gateway /v2/charges', 70, bad ? 28 : 360, bad ? 'error' : 'ok', 3, { 'peer.service': 'psp-gateway', 'span.kind': 'client', ...(bad ? { 'error.type': 'SSLHandshakeException' } : { 'http.status_code': 201 }) }],
        ];
      });
      b.traceFlow(5, -3600, 0, () => [
        ['refunds-worker', 'process refund', 0, 410, 'ok', -1],
        ['refunds-worker', 'POST psp-gateway /v2/refunds', 20, 370, 'ok', 0, { 'peer.service': 'psp-gateway', 'span.kind': 'client', 'http.status_code': 201 }],
      ]);
      const spec = promSpec(b, { alertname: 'HighErrorRate', service: 'checkout', namespace: 'shop', severity: 'critical', team: 'payments' }, { summary: 'checkout 5xx ratio above 5% for 3m', description: 'checkout is returning 5xx on 31% of requests', runbook_url: 'https://runbooks.internal/checkout/high-error-rate' }, -3 * 60, 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m]))/sum(rate(http_requests_total{service="checkout"}[5m])) > 0.05');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([spec], 'causeway', ['alertname', 'service']),
        topology: { 'web-bff': ['checkout', 'cart', 'search', 'recommendations', 'reviews', 'user-profile', 'order-history', 'ab-testing'], checkout: ['billing-api', 'inventory', 'cart', 'pricing', 'promotions', 'shipping-quotes', 'tax', 'fraud-check', 'auth', 'gift-cards', 'loyalty', 'address-book'], 'user-profile': ['wishlist'], 'billing-api': ['psp-gateway', 'ledger-db', 'notifications'], 'refunds-worker': ['psp-gateway', 'ledger-db'], cart: ['pricing', 'inventory'], 'order-history': ['ledger-db'], search: ['recommendations'] },
        expected: { service: 'billing-api', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
        story: 'A Renovate dependency refresh (okhttp/netty-tcnative) deployed to billing-api breaks the TLS handshake with the payment provider; the provider is healthy (refunds-worker calls it fine). checkout alerts; a checkout timeout/retry change after onset is a mitigation.',
        modeledOn: 'Incident class: library upgrade in a deploy breaking TLS (e.g. the many OpenSSL/JDK TLS-default changes that broke clients after dependency bumps).',
      };
    },
  },
  {
    file: 'search-indexer-oom-killed',
    description: 'Datadog: Kubernetes OOMKilled containers on search-indexer.',
    at: '2026-05-06T03:18:00Z',
    build: (b) => {
      b.from = -8 * 3600;
      const deployAt = -6 * 3600 - 20 * 60;
      const upt = (t: number) => ((t - deployAt) % (95 * 60) + 95 * 60) % (95 * 60);
      b.metric('container_memory_working_set_bytes', 'search-indexer', 'bytes', (t, live) => (live && t > deployAt ? 1.1e9 + 2.6e9 * (upt(t) / (95 * 60)) : 1.05e9), { step: 300, noise: 0.03, digits: 0 });
      b.metric('indexing_docs_per_second', 'search-indexer', 'docs/s', (t, live, d) => 900 * d * (live && t > -40 * 60 ? 0.55 : 1), { step: 300, noise: 0.1, digits: 0 });
      b.metric('kafka_consumer_lag', 'search-indexer', 'messages', (t, live) => 2000 + (live ? 140000 * ramp(t, -50 * 60, 0) : 0), { step: 300, noise: 0.15, digits: 0 });
      red(b, 'search-api', { rps: 260, err: 0.002, p99: 180, step: 300 });
      b.metric('container_memory_working_set_bytes', 'search-api', 'bytes', () => 2.2e9, { step: 300, noise: 0.02, digits: 0 });
      b.metric('jvm_gc_pause_seconds_sum_rate', 'opensearch', 'ratio', () => 0.04, { step: 300, noise: 0.3, digits: 4 });
      b.change(deployAt, 'search-indexer', 'deployment', 'search-indexer 3.9.0: synonym expansion at index time, per-tenant analyzer cache', { version: '3.9.0', previousVersion: '3.8.4', author: 'a.fernandes', commit: '44e1b0c', source: 'spinnaker' });
      b.change(-70 * 60, 'search-api', 'deployment', 'search-api 5.2.1: query-suggest ranking tweak', { version: '5.2.1', previousVersion: '5.2.0', author: 'p.nair', commit: 'c0ffe31', source: 'spinnaker' });
      b.change(-25 * 60, 'opensearch', 'scaling', 'opensearch data nodes: scheduled snapshot to s3 started', { source: 'curator' });
      b.change(-12 * 60, 'search-indexer', 'scaling', 'search-indexer replicas 4 -> 6 (manual, to drain lag)', { author: 'oncall-sre', source: 'kubectl' });
      for (let k = 0; k < 4; k++) {
        const cycle = deployAt + 95 * 60 * (k + 1);
        if (cycle < 0) {
          b.rt(cycle, 'search-indexer', 'oom_killed', `container indexer in search-indexer-7f6d9c5b8-${['h2kxn', 'p8qvz', 'w4mtc', 'r9bdl'][k]} OOMKilled (limit 4Gi)`, 1 + k);
          b.rt(cycle + 20, 'search-indexer', 'restart', 'container restarted after OOMKilled', 1 + k);
        }
      }
      b.rt(-20 * 60, 'search-indexer', 'oom_killed', 'containers OOMKilled across 4 pods (limit 4Gi)', 4);
      b.rt(-9 * 60, 'search-indexer', 'crash_loop', 'search-indexer-7f6d9c5b8-p8qvz CrashLoopBackOff (back-off 2m40s)', 1);
      b.background('search-indexer', 'info', ['bulk request: 500 docs indexed', 'committed offsets for partition batch', 'analyzer cache size grew'], 30);
      b.background('search-api', 'warn', ['query took 1203ms (tenant=bigco)', 'suggest: fallback to prefix match'], 8);
      b.background('opensearch', 'warn', ['[gc][young] overhead, spent [312ms] collecting in the last [1s]', 'high disk watermark [85%] not exceeded'], 5);
      b.burst('search-indexer', 'warn', deployAt + 3600, 0, 30, (i) => `analyzer cache holds ${400 + i * 37} tenant analyzers (no eviction configured)`);
      b.burst('search-indexer', 'error', -50 * 60, 0, 14, () => 'java.lang.OutOfMemoryError: Java heap space while building synonym graph');
      b.exc(-45 * 60, 'search-indexer', 'java.lang.OutOfMemoryError', 'Java heap space', 22, 'com.acme.search.analysis.SynonymGraphCache.compute');
      b.alert(-35 * 60, 'search-indexer', 'KafkaConsumerLagHigh');
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'Kubernetes OOMKilled containers on search-indexer', message: 'More than 3 containers of kube_deployment:search-indexer were OOMKilled in the last 30 minutes. @slack-search-oncall @webhook-causeway', tags: ['env:prod', 'kube_namespace:search', 'kube_deployment:search-indexer', 'team:search', 'service:search-indexer'], scope: 'kube_deployment:search-indexer,kube_namespace:search', metric: 'kubernetes.containers.state.terminated', date: -30, monitorId: 88123401 }),
        topology: { 'search-api': ['opensearch'], 'search-indexer': ['opensearch', 'kafka'], 'catalog-api': ['kafka'] },
        expected: { service: 'search-indexer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'runtime'] },
        story: 'search-indexer 3.9.0, deployed six hours earlier, added a per-tenant analyzer cache with no eviction; memory climbs after every restart and the pods are OOM-killed on a ~95-minute cycle. Newer changes (a search-api deploy, an OpenSearch snapshot, a manual scale-up after onset) did not cause it.',
        modeledOn: 'Incident class: a memory leak shipped by a deploy hours before the OOM kills (the format\'s own "deployment, even when hours old" rule).',
      };
    },
  },
  {
    file: 'rds-catalog-primary-cpu-alarm',
    description: 'CloudWatch (EventBridge): RDS CPUUtilization alarm on catalog-primary.',
    at: '2026-08-11T10:07:00Z',
    build: (b) => {
      b.noLogs = true;
      const deployAt = -34 * 60;
      const onset = deployAt + 180;
      b.metric('CPUUtilization', 'catalog-primary', 'Percent', (t, live, d) => (live && t > onset ? 94 : 22 * d), { step: 300, noise: 0.05, max: 100, digits: 2, labels: { DBInstanceIdentifier: 'catalog-primary' } });
      b.metric('DatabaseConnections', 'catalog-primary', 'Count', (t, live, d) => (live && t > onset ? 410 : 120 * d), { step: 300, noise: 0.05, digits: 0, labels: { DBInstanceIdentifier: 'catalog-primary' } });
      b.metric('ReadIOPS', 'catalog-primary', 'Count/Second', (t, live, d) => 800 * d * (live && t > onset ? 6 : 1), { step: 300, noise: 0.08, digits: 0, labels: { DBInstanceIdentifier: 'catalog-primary' } });
      b.metric('db_queries_per_request', 'product-api', 'queries', (t, live) => (live && t > deployAt ? 41 : 3), { noise: 0.1, digits: 1 });
      b.metric('db_queries_per_request', 'pricing-svc', 'queries', () => 2, { noise: 0.1, digits: 1 });
      red(b, 'product-api', { rps: 340, err: 0.002, p99: 140, p99X: (t, l) => (l && t > onset ? 14 : 1), errX: (t, l) => (l ? 0.05 * ramp(t, onset, 0) : 0) });
      red(b, 'pricing-svc', { rps: 150, err: 0.001, p99: 60, p99X: (t, l) => (l && t > onset ? 9 : 1) });
      red(b, 'storefront', { rps: 700, err: 0.002, p99: 420, p99X: (t, l) => (l && t > onset ? 4 : 1) });
      b.change(deployAt, 'product-api', 'deployment', 'product-api 2026.08.11-2: product page shows variant availability badges', { version: '2026.08.11-2', previousVersion: '2026.08.10-5', author: 's.ibrahim', commit: '9a7d3e1', source: 'codedeploy' });
      b.change(-80 * 60, 'storefront', 'deployment', 'storefront web 8812: new hero banner A/B copy', { version: '8812', previousVersion: '8809', author: 'ci', source: 'codedeploy' });
      b.change(-15 * 60, 'catalog-primary', 'config', 'parameter group catalog-pg15: log_min_duration_statement 1000 -> 250 (to capture slow queries)', { author: 'dba-oncall', source: 'rds' });
      b.background('catalog-primary', 'info', ['checkpoint complete: wrote 4821 buffers (2.9%)', 'automatic vacuum of table "catalog.public.product_views"'], 6);
      b.background('pricing-svc', 'warn', ['price rule cache stale for region=LATAM, refreshing'], 4);
      b.burst('catalog-primary', 'info', onset, 0, 40, (i) => `duration: ${(380 + i * 11).toFixed(0)} ms  statement: SELECT quantity, warehouse_id FROM variant_stock WHERE variant_id = $1`);
      b.burst('product-api', 'warn', onset + 60, 0, 25, () => 'GET /products/{id} took > 2000ms');
      b.burst('pricing-svc', 'error', onset + 300, 0, 12, () => 'pq: canceling statement due to statement timeout');
      b.alert(onset + 240, 'storefront', 'StorefrontLatencyP99High');
      b.traceFlow(10, -3600, 0, (t, live) => {
        const after = live && t > deployAt;
        const spans: Array<[string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?]> = [
          ['storefront', 'GET /p/:slug', 0, after ? 1900 : 310, 'ok', -1],
          ['product-api', 'GET /products/{id}', 5, after ? 1850 : 120, 'ok', 0],
          ['product-api', 'SELECT products', 10, after ? 40 : 8, 'ok', 1, { 'db.system': 'postgresql', 'db.name': 'catalog', 'peer.service': 'catalog-primary' }],
        ];
        if (after) for (let k = 0; k < 12; k++) spans.push(['product-api', 'SELECT variant_stock', 55 + k * 140, 130, 'ok', 1, { 'db.system': 'postgresql', 'db.statement': 'SELECT quantity, warehouse_id FROM variant_stock WHERE variant_id = $1', 'peer.service': 'catalog-primary' }]);
        spans.push(['pricing-svc', 'POST /prices/batch', 30, after ? 700 : 45, 'ok', 0]);
        return spans;
      });
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'catalog-primary-cpu-high', description: 'RDS catalog-primary CPU > 85% for 10 minutes', account: '381492266015', region: 'eu-central-1', namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions: { DBInstanceIdentifier: 'catalog-primary' }, stat: 'Average', period: 300, threshold: 85, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [94.1 (11/08/26 10:00:00), 93.7 (11/08/26 09:55:00)] were greater than the threshold (85.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -20, previousAt: -9 * 86400 }),
        topology: { storefront: ['product-api', 'pricing-svc', 'cart-svc'], 'product-api': ['catalog-primary', 'media-cdn'], 'pricing-svc': ['catalog-primary'], 'cart-svc': ['redis-cart'] },
        expected: { service: 'product-api', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'traces'] },
        story: 'A product-api deploy added per-variant stock lookups (an N+1 query: 3 -> 41 queries per request); the shared RDS primary saturates and the alarm fires on the database. pricing-svc suffers too but its query count is unchanged. A DBA parameter change is after onset.',
        modeledOn: 'Incident class: N+1 query shipped in a deploy saturating a shared database (cf. GitHub 2022 MySQL resource-contention reports).',
      };
    },
  },
  {
    file: 'fulfilment-events-oldest-message-age',
    description: 'CloudWatch via SNS: SQS ApproximateAgeOfOldestMessage alarm on fulfilment-events.',
    at: '2026-02-24T21:35:00Z',
    build: (b) => {
      const deployAt = -47 * 60;
      const onset = deployAt + 60;
      b.refOffset = 24 * 3600;
      b.metric('ApproximateAgeOfOldestMessage', 'fulfilment-events', 'Seconds', (t, live) => (live ? 20 + Math.max(0, t - onset) * 0.97 : 20), { step: 300, noise: 0.1, digits: 0, labels: { QueueName: 'fulfilment-events' } });
      b.metric('NumberOfMessagesDeleted', 'fulfilment-events', 'Count', (t, live, d) => 5200 * d * (live && t > onset ? 0.04 : 1), { step: 300, noise: 0.08, digits: 0, labels: { QueueName: 'fulfilment-events' } });
      b.metric('Errors', 'fulfilment-consumer', 'Count', (t, live) => (live && t > onset ? 1500 : 2), { step: 300, noise: 0.1, digits: 0, labels: { FunctionName: 'fulfilment-consumer' } });
      b.metric('Duration', 'fulfilment-consumer', 'Milliseconds', (t, live) => (live && t > onset ? 95 : 240), { step: 300, noise: 0.1, digits: 1, labels: { FunctionName: 'fulfilment-consumer' } });
      b.metric('Errors', 'order-events-publisher', 'Count', () => 1, { step: 300, noise: 0.8, digits: 0, min: 0, labels: { FunctionName: 'order-events-publisher' } });
      b.metric('ApproximateNumberOfMessagesVisible', 'fulfilment-events-dlq', 'Count', (t, live) => (live ? 14 + 2600 * ramp(t, onset + 300, 0) : 14), { step: 300, noise: 0.05, digits: 0, labels: { QueueName: 'fulfilment-events-dlq' } });
      b.change(-100 * 60, 'order-events-publisher', 'deployment', 'order-events-publisher $LATEST published as version 57 (log format change)', { version: '57', previousVersion: '56', source: 'sam' });
      b.change(deployAt, 'fulfilment-consumer', 'deployment', 'fulfilment-consumer version 212: migrate event parsing to zod schemas; alias live -> 212', { version: '212', previousVersion: '211', author: 'd.mensah', commit: 'f3b20c7', source: 'sam' });
      b.change(-9 * 60, 'fulfilment-consumer', 'config', 'fulfilment-consumer timeout 30s -> 60s, reserved concurrency 50 -> 100 (mitigation)', { author: 'oncall-sre', source: 'console' });
      b.background('fulfilment-consumer', 'info', ['START RequestId', 'processed batch of 10 records', 'END RequestId'], 40);
      b.background('order-events-publisher', 'warn', ['publish retry: SQS SendMessageBatch partial failure (1 of 10), retried'], 3);
      b.burst('fulfilment-consumer', 'error', onset, 0, 60, (i) => `ZodError: [{"code":"invalid_type","expected":"string","received":"number","path":["lines",${i % 4},"sku"],"message":"Expected string, received number"}]`, () => ({ function_version: '212' }));
      b.burst('fulfilment-consumer', 'warn', -9 * 60, 0, 10, () => 'Task timed out is not the cause: invocation failed in 90 ms; batch returned to queue');
      b.exc(onset + 10, 'fulfilment-consumer', 'ZodError', 'Expected string, received number at lines[].sku', 5400, 'src/handlers/fulfil.ts:41');
      b.alert(onset + 1500, 'warehouse-portal', 'OrdersAwaitingPickStale');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'fulfilment-events-oldest-message-age', description: 'Oldest message in fulfilment-events older than 15 minutes', account: '602114838250', region: 'us-east-2', namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: 'fulfilment-events' }, stat: 'Maximum', period: 300, threshold: 900, comparison: 'GreaterThanThreshold', evaluationPeriods: 3, reason: 'Threshold Crossed: 3 out of the last 3 datapoints [2512.0 (24/02/26 21:30:00), 2215.0 (24/02/26 21:25:00), 1930.0 (24/02/26 21:20:00)] were greater than the threshold (900.0) (minimum 3 datapoints for OK -> ALARM transition).', changedAt: -15, previousAt: -6 * 86400, unit: 'Seconds' }, 'ops-alarms'),
        topology: { 'order-events-publisher': ['fulfilment-events'], 'fulfilment-events': ['fulfilment-consumer'], 'fulfilment-consumer': ['warehouse-api', 'fulfilment-table'], 'warehouse-portal': ['warehouse-api'] },
        expected: { service: 'fulfilment-consumer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
        story: 'A new fulfilment-consumer Lambda version with stricter schema parsing rejects every event whose SKU is numeric; the queue backs up and the alarm fires on the queue. A timeout/concurrency bump after onset is a mitigation that does nothing; the publisher deploy an hour earlier only changed its logs.',
        modeledOn: 'Incident class: consumer deploy that rejects a message shape in production (poison-batch pattern seen in many SQS/Lambda postmortems).',
      };
    },
  },
  {
    file: 'api-gateway-latency-p99-breach',
    description: 'Grafana: API gateway p99 latency SLO breach.',
    at: '2026-09-29T16:12:00Z',
    build: (b) => {
      const cfgAt = -38 * 60;
      const onset = cfgAt + 240;
      red(b, 'gateway', { rps: 1800, err: 0.002, p99: 240, p99X: (t, l) => (l && t > onset ? 7.5 : 1), errX: (t, l) => (l ? 0.03 * ramp(t, onset, 0) : 0) });
      red(b, 'ledger', { rps: 420, err: 0.001, p99: 90, p99X: (t, l) => (l && t > onset ? 38 : 1), errX: (t, l) => (l ? 0.07 * ramp(t, onset, 0) : 0) });
      red(b, 'accounts', { rps: 900, err: 0.001, p99: 70 });
      red(b, 'fx-rates', { rps: 60, err: 0.02, p99: 900 });
      b.metric('hikaricp_connections_pending', 'ledger', 'connections', (t, live, d) => (live && t > onset ? 140 * d : 0.2), { noise: 0.2, digits: 0, min: 0 });
      b.metric('hikaricp_connections_active', 'ledger', 'connections', (t, live, d) => (live && t > cfgAt ? 8 : 22 * d), { noise: 0.08, digits: 0, max: 50 });
      b.metric('pg_stat_activity_count', 'ledger-db', 'connections', (t, live, d) => (live && t > cfgAt ? 60 : 88 * d), { noise: 0.05, digits: 0 });
      b.metric('cpu_utilization', 'ledger-db', 'percent', (t, live, d) => (live && t > onset ? 24 : 35 * d), { noise: 0.06, digits: 1 });
      b.change(-3 * 3600, 'ledger', 'deployment', 'ledger 14.2.0: statement export CSV columns', { version: '14.2.0', previousVersion: '14.1.9', author: 'r.haddad', commit: '0d4e6a2', source: 'argo-cd' });
      b.change(-72 * 60, 'accounts', 'deployment', 'accounts 9.31.0: KYC document re-upload endpoint', { version: '9.31.0', previousVersion: '9.30.2', author: 'e.moreau', commit: '1c3b7f8', source: 'argo-cd' });
      b.change(cfgAt, 'ledger', 'config', 'ledger ConfigMap ledger-datasource: spring.datasource.hikari.maximum-pool-size 50 -> 8 ("right-size pools ahead of pgbouncer migration")', { author: 'platform-db', source: 'argo-cd (config repo)', commit: 'cfg-5521' });
      b.change(-6 * 60, 'gateway', 'config', 'gateway: per-route timeout /v1/ledger/* 3s -> 10s (mitigation)', { author: 'oncall-sre', source: 'kong-admin' });
      b.background('fx-rates', 'warn', ['upstream rate provider slow (1.4s), serving cached rates', 'rate staleness 58s'], 12);
      b.background('fx-rates', 'error', ['provider returned 429, backing off 5s'], 3);
      b.background('accounts', 'info', CHATTER.http, 20);
      b.background('ledger', 'info', ['posted journal entry', 'balance snapshot written'], 25);
      b.burst('ledger', 'warn', onset, 0, 50, (i) => `HikariPool-1 - Connection is not available, request timed out after 30000ms (total=8, active=8, idle=0, waiting=${90 + i * 3})`);
      b.burst('ledger', 'error', onset + 120, 0, 30, () => 'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection');
      b.burst('gateway', 'warn', onset + 60, 0, 30, () => 'upstream timed out (110: Connection timed out) while reading response header from upstream ledger');
      b.exc(onset + 130, 'ledger', 'org.springframework.jdbc.CannotGetJdbcConnectionException', 'Failed to obtain JDBC Connection; HikariPool-1 - Connection is not available', 2300, 'com.acme.ledger.JournalRepository.post');
      b.traceFlow(12, -3600, 0, (t, live) => {
        const bad = live && t > onset;
        return [
          ['gateway', 'POST /v1/ledger/transfers', 0, bad ? 3100 : 150, 'ok', -1],
          ['ledger', 'POST /transfers', 4, bad ? 3080 : 120, 'ok', 0],
          ['ledger', 'HikariPool.getConnection', 6, bad ? 2950 : 0.4, 'ok', 1],
          ['ledger', 'INSERT journal_entries', bad ? 2960 : 8, 11, 'ok', 1, { 'db.system': 'postgresql', 'peer.service': 'ledger-db' }],
          ['accounts', 'GET /accounts/{id}', bad ? 2980 : 30, 22, 'ok', 1],
        ];
      });
      const spec = promSpec(b, { alertname: 'GatewayLatencySLOBreach', service: 'gateway', grafana_folder: 'Edge', severity: 'critical' }, { summary: 'gateway p99 latency over 1s for 5m', description: 'p99 latency of the public API gateway breaches the 1s SLO' }, -2 * 60, 'histogram_quantile(0.99, sum by (le) (rate(kong_request_latency_ms_bucket[5m])))');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 1812.4, B: 1 }, valueString: '[ var=\'A\' labels={service=gateway} value=1812.4 ], [ var=\'B\' labels={service=gateway} value=1 ]', dashboardUID: 'edge-latency', panelId: 4, orgId: 1 }, 'causeway-webhook'),
        topology: { gateway: ['ledger', 'accounts', 'fx-rates'], ledger: ['ledger-db', 'accounts'], accounts: ['accounts-db'], 'fx-rates': ['rates-provider'] },
        expected: { service: 'ledger', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
        story: 'A config-repo change lowered ledger\'s Hikari pool from 50 to 8; at afternoon load requests queue for connections while the database itself idles. fx-rates is always slow and noisy; the gateway timeout raise is a mitigation; the ledger deploy 3h ago is unrelated.',
        modeledOn: 'Incident class: connection-pool size lowered by config (right-sizing gone wrong).',
      };
    },
  },
  {
    file: 'disk-usage-high-ip-10-42-17-201',
    description: 'Opsgenie: node disk usage above 90% on an EKS worker.',
    at: '2026-11-03T05:51:00Z',
    build: (b) => {
      b.from = -5 * 3600;
      const cfgAt = -4 * 3600 - 10 * 60;
      b.metric('log_lines_per_second', 'ingest-worker', 'lines/s', (t, live, d) => (live && t > cfgAt ? 5200 * d : 120 * d), { step: 300, noise: 0.1, digits: 0 });
      b.metric('node_filesystem_used_ratio', 'ingest-worker', 'ratio', (t, live) => (live ? 0.41 + 0.53 * ramp(t, cfgAt, -5 * 60) : 0.41), { step: 300, noise: 0.01, digits: 3, labels: { node: 'ip-10-42-17-201.ec2.internal', mountpoint: '/var/lib/containerd' } });
      b.metric('node_filesystem_used_ratio', 'node-exporter', 'ratio', () => 0.38, { step: 300, noise: 0.02, digits: 3, labels: { node: 'ip-10-42-9-17.ec2.internal', mountpoint: '/var/lib/containerd' } });
      b.metric('messages_processed_per_second', 'ingest-worker', 'msg/s', (t, live, d) => 900 * d * (live && t > -20 * 60 ? 0.3 : 1), { step: 300, noise: 0.08, digits: 0 });
      b.metric('fluent_bit_output_retries', 'fluent-bit', 'count', (t, live) => (live && t > cfgAt ? 40 : 1), { step: 300, noise: 0.3, digits: 0, min: 0 });
      b.change(-4.6 * 3600, 'ingest-worker', 'deployment', 'ingest-worker 1.44.0: parquet writer buffer reuse', { version: '1.44.0', previousVersion: '1.43.2', author: 'l.castro', commit: 'be4401f', source: 'flux' });
      b.change(cfgAt, 'ingest-worker', 'config', 'ingest-worker ConfigMap: LOG_LEVEL info -> debug, LOG_PAYLOADS true (debug ticket DATA-2291)', { author: 'l.castro', source: 'flux (config repo)', commit: 'cfg-88af' });
      b.change(-2 * 3600, 'fluent-bit', 'deployment', 'fluent-bit daemonset 3.1.4 -> 3.1.6', { version: '3.1.6', previousVersion: '3.1.4', source: 'flux' });
      b.change(-30 * 60, 'karpenter', 'scaling', 'nodepool general: consolidation replaced 2 nodes', { source: 'karpenter' });
      b.background('ingest-worker', 'info', CHATTER.worker, 30);
      b.background('fluent-bit', 'warn', ['[output:es:es.0] HTTP status=429 URI=/_bulk, retrying', 'chunk flush retry in 9s'], 6);
      b.background('kubelet', 'info', ['Image garbage collection succeeded', 'Container log rotation completed'], 4);
      b.burst('ingest-worker', 'debug', cfgAt, 0, 90, (i) => `decoded record payload={"tenant":"t-${1000 + i}","events":[...1832 items...]} size=${48000 + i * 13}B`);
      b.burst('kubelet', 'warn', -40 * 60, 0, 14, () => 'eviction manager: attempting to reclaim ephemeral-storage on node ip-10-42-17-201.ec2.internal');
      b.rt(-35 * 60, 'ingest-worker', 'node_pressure', 'node ip-10-42-17-201.ec2.internal DiskPressure=True', 1);
      b.rt(-28 * 60, 'ingest-worker', 'evicted', 'pod ingest-worker-5c8d7b6f9-qk2zp evicted: ephemeral-storage usage 38Gi exceeds the container limit', 2);
      b.rt(-27 * 60, 'metrics-agent', 'evicted', 'pod metrics-agent-xq7rt evicted: node DiskPressure', 1);
      b.rt(-22 * 60, 'ingest-worker', 'restart', 'rescheduled on ip-10-42-17-201.ec2.internal', 2);
      b.alert(-40 * 60, 'ingest-worker', 'IngestLagHigh');
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: 'Disk usage > 90% on ip-10-42-17-201.ec2.internal (/var/lib/containerd)', description: 'node_filesystem_used_ratio = 0.93 on ip-10-42-17-201.ec2.internal. Top consumers: pod ingest-worker-5c8d7b6f9-m4rtw container logs.', entity: 'ip-10-42-17-201.ec2.internal', tags: ['eks', 'prod', 'disk'], details: { pod: 'ingest-worker-5c8d7b6f9-m4rtw', namespace: 'data', node: 'ip-10-42-17-201.ec2.internal', cluster: 'prod-use1' }, priority: 'P2', createdAt: -40, source: 'Prometheus', team: 'data-platform', alias: 'node-disk-ip-10-42-17-201', tinyId: '4412' }),
        topology: { 'ingest-api': ['kafka'], 'ingest-worker': ['kafka', 'lake-writer', 's3-lake'], 'fluent-bit': ['elasticsearch'] },
        expected: { service: 'ingest-worker', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
        story: 'Four hours earlier a ConfigMap switched ingest-worker to debug logging with payload dumps; its log volume grows 40x and fills the node disk; pods are evicted for DiskPressure. A deploy of the same service 30 minutes before the config change, a fluent-bit upgrade and Karpenter consolidation are distractors.',
        modeledOn: 'Incident class: debug logging turned on by a config change filling disks.',
      };
    },
  },
  {
    file: 'pricing-engine-latency-monitor',
    description: 'Datadog: pricing-engine p95 latency above threshold.',
    at: '2026-04-14T18:26:00Z',
    build: (b) => {
      b.noLogs = true;
      const cfgAt = -55 * 60;
      const onset = cfgAt + 300;
      red(b, 'pricing-engine', { rps: 380, err: 0.001, p99: 120, p99X: (t, l) => (l && t > onset ? 9 : 1), errX: (t, l) => (l ? 0.02 * ramp(t, onset, 0) : 0) });
      b.metric('jvm_gc_pause_seconds_sum_rate', 'pricing-engine', 'ratio', (t, live) => (live && t > onset ? 0.42 : 0.02), { noise: 0.15, digits: 3 });
      b.metric('jvm_memory_used_bytes', 'pricing-engine', 'bytes', (t, live) => (live && t > cfgAt ? 1.85e9 : 2.9e9), { noise: 0.05, digits: 0, labels: { area: 'heap' } });
      b.metric('jvm_memory_max_bytes', 'pricing-engine', 'bytes', (t, live) => (live && t > cfgAt ? 2.0e9 : 6.0e9), { noise: 0, digits: 0, labels: { area: 'heap' } });
      b.metric('container_cpu_usage_ratio', 'pricing-engine', 'ratio', (t, live, d) => (live && t > onset ? 0.93 : 0.45 * d), { noise: 0.05, digits: 3, max: 1 });
      red(b, 'quote-api', { rps: 410, err: 0.002, p99: 260, p99X: (t, l) => (l && t > onset ? 4.5 : 1) });
      red(b, 'promotions', { rps: 200, err: 0.004, p99: 75, rpsX: (t, l) => (l && t > -90 * 60 ? 1.25 : 1) });
      b.change(-3.5 * 3600, 'pricing-engine', 'deployment', 'pricing-engine 7.3.0: currency rounding for JPY', { version: '7.3.0', previousVersion: '7.2.8', author: 'h.yamada', commit: '6e1a9b0', source: 'jenkins' });
      b.change(cfgAt, 'pricing-engine', 'config', 'pricing-engine Helm values: JAVA_TOOL_OPTIONS "-Xms6g -Xmx6g -XX:+UseG1GC" -> "-XX:MaxRAMPercentage=50 -XX:+UseParallelGC" (memory request 8Gi -> 4Gi, cost review)', { author: 'finops-bot', source: 'helm', commit: 'cfg-19c2' });
      b.change(-90 * 60, 'promotions', 'feature_flag', 'promotions: spring_sale_banner ON', { author: 'growth', source: 'launchdarkly' });
      b.change(-62 * 60, 'quote-api', 'deployment', 'quote-api 2.40.1: logging fields', { version: '2.40.1', previousVersion: '2.40.0', source: 'jenkins' });
      b.background('promotions', 'warn', ['promo rule evaluation exceeded 50ms', 'coupon code not found'], 10);
      b.background('pricing-engine', 'info', ['price computed', 'rule set reloaded (214 rules)'], 20);
      b.background('quote-api', 'warn', CHATTER.warnHttp, 6);
      b.burst('pricing-engine', 'warn', onset, 0, 60, (i) => `[gc] Pause Full (Ergonomics) ${(1650 + i * 17)}M->${1580 + i * 9}M(1920M) ${(820 + (i % 7) * 90)}ms`);
      b.burst('pricing-engine', 'error', onset + 600, 0, 8, () => 'java.lang.OutOfMemoryError: GC overhead limit exceeded');
      b.burst('quote-api', 'warn', onset + 60, 0, 30, () => 'pricing-engine call exceeded 1500ms deadline; returned cached quote');
      b.exc(onset + 700, 'pricing-engine', 'java.lang.OutOfMemoryError', 'GC overhead limit exceeded', 9, 'com.acme.pricing.RuleEvaluator.evaluate');
      b.rt(cfgAt + 20, 'pricing-engine', 'restart', 'rolling restart for new pod spec', 6);
      b.rt(-10 * 60, 'pricing-engine', 'unhealthy', 'readiness probe failed: timeout after 1s', 4);
      b.traceFlow(10, -3600, 0, (t, live) => {
        const bad = live && t > onset;
        return [
          ['quote-api', 'POST /quotes', 0, bad ? 1600 : 180, 'ok', -1],
          ['pricing-engine', 'POST /price', 5, bad ? 1540 : 95, 'ok', 0, bad ? { 'jvm.gc.pause_ms': 1100 } : {}],
          ['promotions', 'GET /promos/applicable', bad ? 1550 : 105, 40, 'ok', 0],
        ];
      });
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'pricing-engine p95 latency above 800ms', message: 'p95 of trace.http.request on service:pricing-engine is 1.62s (threshold 800ms). @pagerduty-pricing @webhook-causeway', tags: ['env:prod', 'service:pricing-engine', 'team:pricing', 'version:7.3.0'], scope: 'env:prod,service:pricing-engine', metric: 'trace.http.request.duration.by.service.95p', date: -45, monitorId: 55012877 }),
        topology: { 'quote-api': ['pricing-engine', 'promotions'], 'pricing-engine': ['rules-db', 'fx-cache'], promotions: ['promotions-db'], checkout: ['quote-api'] },
        expected: { service: 'pricing-engine', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
        story: 'A FinOps Helm change replaced a fixed 6 GB heap with MaxRAMPercentage=50 on a halved memory request and switched collector; the heap is now ~2 GB and the JVM spends 40% of its time in full GCs. The pricing-engine deploy 3.5h earlier and the promotions flag are distractors.',
        modeledOn: 'Incident class: JVM heap flag change causing GC storms.',
      };
    },
  },
  {
    file: 'thumbnailer-lambda-errors',
    description: 'CloudWatch (EventBridge): Lambda Errors alarm on thumbnailer.',
    at: '2026-07-02T09:44:00Z',
    build: (b) => {
      const cfgAt = -26 * 60;
      const onset = cfgAt + 40;
      b.metric('Errors', 'thumbnailer', 'Count', (t, live, d) => (live && t > onset ? 610 * d : 1), { step: 300, noise: 0.08, digits: 0, gaps: 0.1, min: 0, labels: { FunctionName: 'thumbnailer' } });
      b.metric('Invocations', 'thumbnailer', 'Count', (_t, _l, d) => 640 * d, { step: 300, noise: 0.08, digits: 0, gaps: 0.1, labels: { FunctionName: 'thumbnailer' } });
      b.metric('Errors', 'avatar-resizer', 'Count', (t, live, d) => (live && t > onset ? 95 * d : 0.5), { step: 300, noise: 0.1, digits: 0, gaps: 0.1, min: 0, labels: { FunctionName: 'avatar-resizer' } });
      b.metric('Errors', 'upload-api', 'Count', () => 3, { step: 300, noise: 0.6, digits: 0, min: 0, labels: { FunctionName: 'upload-api' } });
      b.metric('4xxErrors', 'media-store', 'Count', (t, live, d) => (live && t > onset ? 720 * d : 12), { step: 300, noise: 0.1, digits: 0, labels: { BucketName: 'acme-media-originals', FilterId: 'all' } });
      b.metric('GetRequests', 'media-store', 'Count', (_t, _l, d) => 5200 * d, { step: 300, noise: 0.06, digits: 0, labels: { BucketName: 'acme-media-originals', FilterId: 'all' } });
      b.change(-3 * 86400 / 72, 'thumbnailer', 'deployment', 'thumbnailer version 88: sharp 0.33.4', { version: '88', previousVersion: '87', source: 'serverless' });
      b.change(cfgAt, 'media-store', 'config', 'terraform apply (module kms-media): key policy for alias/media-originals rewritten from policy template v3; statements: KeyAdmins, S3ServiceUse, CIReadOnly', { author: 'tf-platform', source: 'terraform-cloud', commit: 'infra#2210' });
      b.change(-50 * 60, 'upload-api', 'config', 'upload-api: max upload size 50MB -> 100MB', { author: 'product-eng', source: 'ssm' });
      b.change(-12 * 60, 'thumbnailer', 'config', 'thumbnailer memory 1024MB -> 2048MB (mitigation attempt)', { author: 'oncall-sre', source: 'console' });
      b.background('upload-api', 'warn', ['PutObject multipart part retry', 'client aborted upload'], 8);
      b.background('thumbnailer', 'info', ['generated 3 renditions', 'REPORT Duration: 812 ms Max Memory Used: 410 MB'], 30);
      b.burst('thumbnailer', 'error', onset, 0, 55, (i) => `AccessDeniedException: User: arn:aws:sts::519283346677:assumed-role/thumbnailer-exec/thumbnailer is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:519283346677:key/6f1c2a9e-0b7d-4c1e-9a55-${(100000000000 + i).toString().slice(0, 12)} because no resource-based policy allows the kms:Decrypt action`, () => ({ bucket: 'acme-media-originals' }));
      b.burst('avatar-resizer', 'error', onset + 60, 0, 14, () => 'GetObject acme-media-originals: AccessDenied (KMS) - not authorized to perform kms:Decrypt');
      b.exc(onset + 20, 'thumbnailer', 'AccessDeniedException', 'not authorized to perform: kms:Decrypt (no resource-based policy allows it)', 3800, 'src/render.ts:22');
      b.alert(onset + 500, 'avatar-resizer', 'avatar-resizer-errors');
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'thumbnailer-errors', description: 'thumbnailer Lambda errors > 50 in 5 minutes', account: '519283346677', region: 'eu-west-1', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'thumbnailer' }, stat: 'Sum', period: 300, threshold: 50, comparison: 'GreaterThanThreshold', evaluationPeriods: 1, reason: 'Threshold Crossed: 1 datapoint [598.0 (02/07/26 09:38:00)] was greater than the threshold (50.0).', changedAt: -25, previousAt: -12 * 86400 }),
        topology: { 'upload-api': ['media-store'], thumbnailer: ['media-store', 'media-cdn-origin'], 'avatar-resizer': ['media-store'] },
        expected: { service: 'media-store', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
        story: 'A Terraform run rewrote the KMS key policy of the media bucket from a template that no longer grants the processing roles kms:Decrypt; every reader of the bucket (thumbnailer, avatar-resizer) gets AccessDenied. Thumbnailer alarms; its own memory bump after onset is a mitigation.',
        modeledOn: 'Incident class: S3 bucket policy / KMS key policy change denying reads.',
      };
    },
  },
];
