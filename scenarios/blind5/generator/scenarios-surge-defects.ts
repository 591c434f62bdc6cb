import { alertmanagerBody, cloudwatchEventBody, cloudwatchSnsBody, datadogBody, grafanaBody, opsgenieBody, pagerdutyBody, ramp } from './lib.js';
import { AM_HEADERS, CHATTER, DD_HEADERS, EB_HEADERS, GRAFANA_HEADERS, OG_HEADERS, PD_HEADERS, SNS_HEADERS, promSpec, red, type Def } from './kit.js';

/* Demand beyond capacity, and latent bugs that data or time triggered. */

type Span = [string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?];

export const surgeAndDefectScenarios: Def[] = [
  {
    file: 'feed-api-latency-high',
    description: 'Alertmanager: FeedApiLatencyHigh and KubeHpaMaxedOut grouped for feed-api.',
    at: '2026-08-28T18:22:00Z',
    build: (b) => {
      b.noLogs = true;
      const push = -26 * 60;
      const surge = (t: number, l: boolean) => (l ? 1 + 3.6 * ramp(t, push, push + 240) : 1);
      red(b, 'feed-api', { rps: 2100, err: 0.001, p99: 210, rpsX: surge, p99X: (t, l) => (l && t > push + 420 ? 6.5 : 1), errX: (t, l) => (l ? 0.03 * ramp(t, push + 420, 0) : 0) });
      b.metric('kube_hpa_status_current_replicas', 'feed-api', 'replicas', (t, l) => (l ? Math.min(40, 14 + 26 * ramp(t, push + 60, push + 400)) : 14), { noise: 0, digits: 0 });
      b.metric('kube_hpa_spec_max_replicas', 'feed-api', 'replicas', () => 40, { noise: 0, digits: 0 });
      b.metric('container_cpu_usage_ratio', 'feed-api', 'ratio', (t, l, d) => (l && t > push + 400 ? 0.96 : 0.48 * d), { noise: 0.04, max: 1, digits: 3 });
      red(b, 'ranking', { rps: 2000, err: 0.002, p99: 70, rpsX: surge, p99X: (t, l) => (l && t > push + 420 ? 1.4 : 1) });
      red(b, 'profile-api', { rps: 800, err: 0.001, p99: 45 });
      b.metric('cpu_utilization', 'posts-db', 'percent', (t, l, d) => 30 * d * (l && t > push ? 1.5 : 1), { noise: 0.05, digits: 1 });
      b.change(-95 * 60, 'feed-api', 'deployment', 'feed-api 19.7.0: story ring ordering', { version: '19.7.0', previousVersion: '19.6.4', author: 'k.mwangi', commit: '8e2d1c0', source: 'argo-cd' });
      b.change(-40 * 60, 'ranking', 'config', 'ranking: recency half-life 6h -> 8h', { source: 'config-service' });
      b.change(push + 60, 'feed-api', 'scaling', 'HPA feed-api: 14 -> 26 replicas', { source: 'hpa' });
      b.change(push + 400, 'feed-api', 'scaling', 'HPA feed-api: 26 -> 40 replicas (maxReplicas reached)', { source: 'hpa' });
      b.background('feed-api', 'info', CHATTER.http, 30);
      b.background('profile-api', 'warn', ['avatar resize backlog 120'], 5);
      b.log(push, 'campaigns', 'info', 'campaign "Late Summer Drop" push sent to 4.1M devices (segment: all_active)', { campaign_id: 'cmp-2291' });
      b.burst('feed-api', 'warn', push + 420, 0, 40, () => 'request queue wait 900ms (worker pool saturated)');
      b.burst('feed-api', 'error', push + 700, 0, 15, () => 'upstream deadline exceeded serving /v2/feed (1500ms budget)');
      b.rt(push + 420, 'feed-api', 'unhealthy', 'readiness probe timeouts on 9 pods', 9);
      b.traceFlow(10, -3600, 0, (t, live): Span[] => {
        const x = live && t > push + 420;
        return [
          ['feed-api', 'GET /v2/feed', 0, x ? 1350 : 190, 'ok', -1, x ? { 'queue.wait_ms': 900 } : {}],
          ['ranking', 'POST /rank', x ? 910 : 10, 80, 'ok', 0],
          ['profile-api', 'GET /profiles/batch', x ? 1000 : 95, 40, 'ok', 0],
        ];
      });
      const lat = promSpec(b, { alertname: 'FeedApiLatencyHigh', service: 'feed-api', namespace: 'social', severity: 'critical' }, { summary: 'feed-api p99 latency above 1s', description: 'p99 1.37s' }, -6 * 60, 'histogram_quantile(0.99, sum by (le) (rate(http_server_duration_seconds_bucket{service="feed-api"}[5m]))) > 1');
      const hpa = promSpec(b, { alertname: 'KubeHpaMaxedOut', service: 'feed-api', horizontalpodautoscaler: 'feed-api', namespace: 'social', severity: 'critical' }, { summary: 'HPA feed-api has been running at max replicas for 15 minutes', runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubehpamaxedout' }, -4 * 60, 'kube_horizontalpodautoscaler_status_current_replicas{horizontalpodautoscaler="feed-api"} == kube_horizontalpodautoscaler_spec_max_replicas');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([lat, hpa], 'causeway', ['service']),
        topology: { 'mobile-bff': ['feed-api', 'profile-api'], 'feed-api': ['ranking', 'profile-api', 'posts-db'], ranking: ['features-cache'], campaigns: ['push-gateway'] },
        expected: { service: 'feed-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'changes'] },
        story: 'A marketing push to 4.1M devices brings 4.6x the usual feed traffic; feed-api\'s HPA hits its max of 40 replicas and CPU saturates, with no fault in the service or its callees. The feed-api deploy 95 minutes earlier and a ranking config change are distractors.',
        modeledOn: 'Incident class: HPA at max replicas during a surge (push-notification-driven spikes).',
      };
    },
  },
  {
    file: 'report-api-target-response-time',
    description: 'CloudWatch via SNS: ALB TargetResponseTime alarm on report-api.',
    at: '2026-09-01T00:09:00Z',
    build: (b) => {
      b.refOffset = 24 * 3600;
      const herd = (t: number, l: boolean) => (t >= -9 * 60 ? (l ? 34 : 4) * Math.exp(-(t + 9 * 60) / 900) : 0);
      const tg = { TargetGroup: 'targetgroup/report-api/2b7c90e1d4f35a66', LoadBalancer: 'app/internal-reports/9a1d3c5e7b2f4a08' };
      b.metric('RequestCount', 'report-api', 'Count', (t, l, d) => 3000 * d * (1 + herd(t, l)), { step: 300, noise: 0.05, digits: 0, gaps: 0.05, labels: tg });
      b.metric('TargetResponseTime', 'report-api', 'Seconds', (t, l) => 0.4 * (1 + (l ? herd(t, l) * 0.9 : herd(t, l) * 0.05)), { step: 300, noise: 0.06, digits: 3, gaps: 0.05, labels: tg });
      b.metric('HTTPCode_Target_5XX_Count', 'report-api', 'Count', (t, l) => 3 + (l ? herd(t, l) * 400 : 0), { step: 300, noise: 0.1, digits: 0, gaps: 0.05, labels: tg });
      b.metric('DatabaseConnections', 'reports-db', 'Count', (t, l, d) => Math.min(500, 90 * d * (1 + herd(t, l) * 0.6)), { step: 300, noise: 0.04, digits: 0, gaps: 0.05, labels: { DBInstanceIdentifier: 'reports-db' } });
      b.metric('CPUUtilization', 'reports-db', 'Percent', (t, l, d) => Math.min(100, 25 * d * (1 + herd(t, l) * 0.3)), { step: 300, noise: 0.04, digits: 1, gaps: 0.05, labels: { DBInstanceIdentifier: 'reports-db' } });
      b.metric('CPUUtilization', 'report-api', 'Percent', (t, l, d) => Math.min(100, 30 * d * (1 + herd(t, l) * 0.5)), { step: 300, noise: 0.04, digits: 1, gaps: 0.05, labels: { ServiceName: 'report-api', ClusterName: 'reports' } });
      b.change(-32 * 60, 'billing-sync', 'config', 'billing-sync: month-end close window opens 23:30 UTC', { source: 'ssm' });
      b.change(-15 * 3600, 'report-api', 'deployment', 'report-api 2.31.0: XLSX export styles', { version: '2.31.0', previousVersion: '2.30.4', source: 'codepipeline' });
      b.change(-3 * 60, 'report-api', 'scaling', 'ECS service report-api desired count 6 -> 10 (target tracking)', { source: 'application-autoscaling' });
      b.log(-9 * 60, 'scheduler', 'info', 'dispatched 41,872 scheduled report jobs for 2026-09-01T00:00Z (daily 9,630 + monthly 32,242)');
      b.refLog(-9 * 60, 'scheduler', 'info', 'dispatched 9,630 scheduled report jobs for 2026-08-31T00:00Z (daily 9,630 + monthly 0)');
      b.background('report-api', 'info', ['report generated', 'export uploaded to s3'], 20);
      b.background('billing-sync', 'warn', ['invoice sync lagging 2 min'], 4);
      b.burst('report-api', 'error', -8 * 60, 0, 40, () => 'HikariPool-1 - Connection is not available, request timed out after 10000ms (total=40, active=40, waiting=612)');
      b.burst('report-api', 'warn', -8 * 60, 0, 25, () => 'request rejected: concurrency limit 200 reached (429)');
      b.burst('reports-db', 'warn', -7 * 60, 0, 10, () => 'remaining connection slots are reserved for non-replication superuser connections');
      b.alert(-2 * 60, 'reports-db', 'reports-db-connections-high');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'report-api-tg-response-time', description: 'report-api target response time > 2s', account: '660431298714', region: 'ap-southeast-2', namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: tg, stat: 'Average', period: 300, threshold: 2, comparison: 'GreaterThanThreshold', evaluationPeriods: 1, reason: 'Threshold Crossed: 1 datapoint [11.8 (01/09/26 00:05:00)] was greater than the threshold (2.0).', changedAt: -30, previousAt: -31 * 86400 }, 'reports-alarms'),
        topology: { 'web-app': ['report-api'], scheduler: ['report-api'], 'report-api': ['reports-db', 's3-exports'], 'billing-sync': ['billing-db'] },
        expected: { service: 'report-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'On the first of the month, daily and monthly scheduled reports for every tenant fire at 00:00 UTC: 41,872 jobs hit report-api at once, its DB pool and concurrency limit saturate, and the database hits its connection cap. The day before (reference) the same midnight tick was four times smaller and absorbed. reports-db looks exhausted but is downstream of the herd.',
        modeledOn: 'Incident class: midnight cron thundering herd.',
      };
    },
  },
  {
    file: 'inventory-api-saturation',
    description: 'Grafana: InventoryApiSaturated, CPU and p99 latency on inventory-api.',
    at: '2026-11-20T16:08:00Z',
    build: (b) => {
      const drop = -11 * 60;
      const load = (t: number, l: boolean) => (l ? 1 + 7 * ramp(t, drop, drop + 60) : 1);
      red(b, 'inventory-api', { rps: 600, err: 0.001, p99: 30, rpsX: load, p99X: (t, l) => (l && t > drop + 60 ? 25 : 1), errX: (t, l) => (l && t > drop + 90 ? 0.09 : 0) });
      red(b, 'storefront-api', { rps: 1500, err: 0.002, p99: 250, rpsX: (t, l) => (l ? 1 + 5 * ramp(t, drop, drop + 60) : 1), p99X: (t, l) => (l && t > drop + 60 ? 4 : 1) });
      red(b, 'payments', { rps: 60, err: 0.003, p99: 400, rpsX: (t, l) => (l && t > drop ? 1.8 : 1) });
      b.metric('container_cpu_usage_ratio', 'inventory-api', 'ratio', (t, l, d) => (l && t > drop + 60 ? 0.99 : 0.35 * d), { noise: 0.03, max: 1, digits: 3 });
      b.metric('redis_commands_per_key_top1', 'inventory-cache', 'ops/s', (t, l) => (l && t > drop ? 58000 : 300), { noise: 0.1, digits: 0, labels: { key: 'stock:sku-88123', shard: '3' } });
      b.metric('redis_cpu_ratio', 'inventory-cache', 'ratio', (t, l) => (l && t > drop ? 0.64 : 0.12), { noise: 0.05, digits: 3, labels: { shard: '3' } });
      b.metric('bot_score_high_ratio', 'storefront-api', 'ratio', (t, l) => (l && t > drop ? 0.31 : 0.04), { noise: 0.1, digits: 3 });
      b.change(-22 * 60, 'payments', 'deployment', 'payments 12.9.0: Apple Pay merchant id rotation', { version: '12.9.0', previousVersion: '12.8.0', author: 'g.rossi', commit: 'b2a0d4e', source: 'github-actions' });
      b.change(-70 * 60, 'inventory-api', 'deployment', 'inventory-api 7.7.1: stock reservation TTL metric', { version: '7.7.1', previousVersion: '7.7.0', source: 'argo-cd' });
      b.change(drop + 240, 'inventory-api', 'scaling', 'inventory-api: HPA 8 -> 12 replicas (max 12)', { source: 'hpa' });
      b.background('storefront-api', 'info', CHATTER.http, 25);
      b.background('payments', 'warn', ['card declined: do_not_honor', '3DS timeout'], 10);
      b.log(drop, 'storefront-api', 'info', 'drop "Runner X Aurora" (sku-88123) went live: 4,000 units, queue page disabled');
      b.burst('inventory-api', 'warn', drop + 60, 0, 40, () => 'GET /stock/sku-88123 waited 1.8s for worker (pool 64/64 busy)');
      b.burst('storefront-api', 'error', drop + 100, 0, 30, () => 'inventory-api timeout (2s) on /stock/sku-88123; returning "temporarily unavailable"');
      b.traceFlow(12, -3600, 0, (t, live): Span[] => {
        const x = live && t > drop + 60;
        return [
          ['storefront-api', 'GET /products/sku-88123', 0, x ? 1950 : 240, x && t > drop + 100 ? 'error' : 'ok', -1],
          ['inventory-api', 'GET /stock/{sku}', 6, x ? 1900 : 22, 'ok', 0, x ? { 'queue.wait_ms': 1800 } : {}],
          ['inventory-api', 'redis GET stock:sku', x ? 1880 : 9, 2, 'ok', 1, { 'peer.service': 'inventory-cache' }],
        ];
      });
      const spec = promSpec(b, { alertname: 'InventoryApiSaturated', service: 'inventory-api', severity: 'critical', team: 'commerce-core' }, { summary: 'inventory-api CPU > 95% and p99 > 500ms', description: 'inventory-api p99 760ms, CPU 99%' }, -5 * 60, 'avg(rate(container_cpu_usage_seconds_total{container="inventory-api"}[2m])) / avg(kube_pod_container_resource_limits{resource="cpu",container="inventory-api"}) > 0.95');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 0.99, B: 760 }, valueString: "[ var='A' labels={service=inventory-api} value=0.99 ], [ var='B' labels={service=inventory-api} value=760 ]", dashboardUID: 'inventory', panelId: 2, orgId: 1 }, 'commerce-oncall'),
        topology: { 'storefront-api': ['inventory-api', 'cart-api', 'payments'], 'inventory-api': ['inventory-cache', 'inventory-db'], 'cart-api': ['inventory-api'] },
        expected: { service: 'inventory-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'A limited sneaker drop with the queue page disabled brings 8x the requests (a third of them bots) for one SKU; inventory-api\'s workers saturate at its replica cap while its Redis shard, though hot, still answers in 2 ms. A payments deploy 11 minutes before the drop is the bait.',
        modeledOn: 'Shopify-style flash sale / hot SKU demand beyond capacity.',
      };
    },
  },
  {
    file: 'api-gateway-5xx-and-memory-high',
    description: 'Datadog: api-gateway 5xx rate and memory high.',
    at: '2026-11-12T09:34:00Z',
    build: (b) => {
      const cdnBad = -38 * 60;
      const cdnOk = -14 * 60;
      const herd = (t: number, l: boolean) => (l && t > cdnOk ? 1 + 11 * Math.exp(-(t - cdnOk) / 1500) : 1);
      red(b, 'api-gateway', { rps: 8000, err: 0.001, p99: 90, rpsX: (t, l) => (l && t > cdnBad && t < cdnOk ? 0.4 : herd(t, l)), p99X: (t, l) => (l && t > cdnOk + 60 ? 20 : 1), errX: (t, l) => (l && t > cdnOk + 90 ? 0.27 : 0) });
      b.metric('container_memory_working_set_bytes', 'api-gateway', 'bytes', (t, l) => (l && t > cdnOk ? 3.6e9 : 1.2e9), { noise: 0.05, digits: 0 });
      b.metric('instance_count', 'api-gateway', 'instances', (t, l) => (l ? 24 + 16 * ramp(t, cdnOk + 300, 0) : 24), { noise: 0, digits: 0 });
      b.metric('cdn_origin_fetch_error_ratio', 'editor-web', 'ratio', (t, l) => (l && t > cdnBad && t < cdnOk ? 0.62 : 0.001), { noise: 0.1, digits: 4 });
      red(b, 'design-service', { rps: 2500, err: 0.002, p99: 120, rpsX: (t, l) => (l && t > cdnOk ? 2.5 : 1) });
      b.change(-45 * 60, 'editor-web', 'deployment', 'editor-web 2026.11.12.0: new editor bundle (asset manifest v812)', { version: '2026.11.12.0', previousVersion: '2026.11.11.3', author: 'release-train', source: 'spinnaker' });
      b.change(cdnOk + 240, 'api-gateway', 'scaling', 'api-gateway ASG desired 24 -> 40', { source: 'autoscaling' });
      b.change(-5 * 60, 'api-gateway', 'config', 'api-gateway: enable load shedding at 70% (mitigation)', { author: 'oncall-sre', source: 'config-service' });
      b.background('design-service', 'info', CHATTER.http, 20);
      b.background('api-gateway', 'warn', ['slow upstream design-service (600ms)', 'JWT near expiry, refreshed'], 8);
      b.burst('editor-web', 'warn', cdnBad, cdnOk, 20, () => 'CDN: asset /editor/812/main.js fetch stalled (edge -> origin 504) in region ap-southeast');
      b.log(cdnOk, 'editor-web', 'info', 'CDN: origin fetches healthy again; asset cache warm');
      b.burst('api-gateway', 'error', cdnOk + 90, 0, 60, (i) => (i % 4 === 0 ? 'java.lang.OutOfMemoryError: Java heap space (telemetry span buffer)' : 'upstream connect error or disconnect/reset before headers. reset reason: overflow'));
      b.burst('api-gateway', 'warn', cdnOk + 30, 0, 20, () => 'connection accept queue full (backlog 4096)');
      b.rt(cdnOk + 400, 'api-gateway', 'oom_killed', 'api-gateway tasks OOM-killed', 7);
      b.rt(cdnOk + 420, 'api-gateway', 'restart', 'tasks replaced by ECS', 7);
      b.exc(cdnOk + 100, 'api-gateway', 'java.lang.OutOfMemoryError', 'Java heap space', 40, 'io.opentelemetry.sdk.trace.export.BatchSpanProcessor');
      b.alert(cdnBad + 120, 'editor-web', 'CdnOriginErrors');
      b.alert(cdnOk + 60, 'editor-web', 'CdnOriginErrors', 'resolved');
      b.traceFlow(10, -3600, 0, (t, live): Span[] => {
        const x = live && t > cdnOk + 60;
        return [
          ['api-gateway', 'POST /_ajax/design/load', 0, x ? 1800 : 110, x && t > cdnOk + 90 ? 'error' : 'ok', -1],
          ['design-service', 'GET /designs/{id}', x ? 1650 : 8, 95, 'ok', 0],
        ];
      });
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'api-gateway 5xx rate above 10%', message: 'service:api-gateway 5xx rate 27%; memory 3.6 GB of 4 GB. @webhook-causeway @pagerduty-edge', tags: ['env:prod', 'service:api-gateway', 'team:edge'], scope: 'service:api-gateway', metric: 'trace.http.request.errors', date: -30, monitorId: 40021177 }),
        topology: { 'editor-web': ['cdn', 'api-gateway'], 'api-gateway': ['design-service', 'auth-service', 'media-service'], 'design-service': ['designs-db'] },
        expected: { service: 'api-gateway', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'A CDN path problem stalls the new editor bundle for 24 minutes; when it clears, every waiting client loads at once and calls the API gateway together (12x). The gateway\'s memory and connections are overwhelmed and tasks are OOM-killed while autoscaling lags. The editor deploy and the CDN errors (already resolved) are the tempting answers.',
        modeledOn: 'Canva 2024-11-12 (deploy + CDN latency + thundering herd on the API gateway).',
      };
    },
  },
  {
    file: 'doc-parser-consumer-crashloop',
    description: 'Opsgenie: doc-parser consumer crash looping, document queue growing.',
    at: '2026-05-19T10:52:00Z',
    build: (b) => {
      const onset = -33 * 60;
      b.refOffset = undefined;
      b.metric('queue_depth', 'doc-parser', 'messages', (t) => (t > onset ? 40 + (t - onset) * 6.5 : 40), { noise: 0.05, digits: 0 });
      b.metric('documents_parsed_per_second', 'doc-parser', 'docs/s', (t, _l, d) => (t > onset ? 0.3 : 11 * d), { noise: 0.1, digits: 2 });
      b.metric('container_memory_working_set_bytes', 'doc-parser', 'bytes', (t) => (t > onset ? 1.2e9 + 0.8e9 * ((t - onset) % 90) / 90 : 6e8), { step: 30, noise: 0.05, digits: 0 });
      red(b, 'upload-api', { rps: 30, err: 0.002, p99: 800 });
      b.change(-62 * 60, 'upload-api', 'deployment', 'upload-api 3.2.0: accept .xlsm and .odt', { version: '3.2.0', previousVersion: '3.1.9', author: 'y.cohen', commit: '0ac1e55', source: 'github-actions' });
      b.change(-3 * 3600 + 20 * 60, 'doc-parser', 'config', 'doc-parser: OCR language packs += pt-BR', { source: 'helm' });
      b.change(-12 * 60, 'doc-parser', 'scaling', 'doc-parser replicas 4 -> 8 (mitigation)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('upload-api', 'info', ['upload stored', 'virus scan clean'], 20);
      b.background('doc-parser', 'warn', ['OCR confidence low on page 3', 'unsupported embedded font, substituted'], 6);
      b.log(onset - 5, 'doc-parser', 'info', 'processing document doc_7Hq2mZ (tenant t-4410, archive.xlsx, 3.1 MB compressed, central directory declares 52 entries, 11.6 GB uncompressed)');
      b.burst('doc-parser', 'info', onset + 100, 0, 18, () => 'processing document doc_7Hq2mZ (delivery attempt > 1, redelivered after consumer restart)');
      b.burst('doc-parser', 'fatal', onset + 60, 0, 20, () => 'fatal error: runtime: out of memory (inflating xl/sharedStrings.xml)');
      b.rt(onset + 60, 'doc-parser', 'oom_killed', 'doc-parser pods OOMKilled while processing the same message (limit 2Gi)', 24);
      b.rt(onset + 600, 'doc-parser', 'crash_loop', 'doc-parser-84c9d7f6b5-* CrashLoopBackOff', 8);
      b.exc(onset + 60, 'doc-parser', 'runtime.OutOfMemory', 'out of memory inflating xl/sharedStrings.xml', 24, 'xlsx/reader.go:212 (*Reader).readSharedStrings');
      b.alert(onset + 900, 'search-indexer', 'DocumentsNotIndexed');
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: 'doc-parser: CrashLoopBackOff, document queue depth > 5000', description: 'KubePodCrashLooping for doc-parser; queue docs-incoming depth 12,800', entity: 'doc-parser', tags: ['documents', 'prod', 'k8s'], details: { deployment: 'doc-parser', namespace: 'docs', queue: 'docs-incoming' }, priority: 'P2', createdAt: -45, source: 'Alertmanager', team: 'documents', alias: 'doc-parser-crashloop', tinyId: '6120' }),
        topology: { 'upload-api': ['docs-incoming', 'blob-store'], 'docs-incoming': ['doc-parser'], 'doc-parser': ['blob-store', 'search-indexer'] },
        expected: { service: 'doc-parser', kind: 'code_defect', action: 'none', mustCite: ['logs', 'runtime'] },
        story: 'A customer uploads a zip-bomb-like XLSX; doc-parser inflates it fully in memory, is OOM-killed, the message is redelivered and kills the next pod: a poison message no change introduced. Memory limits and replicas are not the problem (scaling up only adds victims). The upload-api deploy allowing new extensions is unrelated (.xlsx was always allowed). No traces, no reference.',
        modeledOn: 'Incident class: poison message / decompression bomb crashing a consumer (latent parser bug triggered by data).',
      };
    },
  },
  {
    file: 'orders-insert-failures',
    description: 'PagerDuty: orders write path failing (new orders not saved).',
    at: '2026-02-03T13:47:00Z',
    build: (b) => {
      const onset = -12 * 60;
      red(b, 'orders', { rps: 120, err: 0.002, p99: 160, errX: (t, l) => (l && t > onset ? 0.71 : 0), p99X: (t, l) => (l && t > onset ? 0.5 : 1) });
      red(b, 'order-status', { rps: 300, err: 0.001, p99: 50 });
      b.metric('sequence_last_value', 'orders-db', 'value', (t, l) => Math.min(2147483647, (l ? 2147483647 - 12 * 60 * 55 : 2147483647 - 12 * 60 * 55 - 7 * 86400 * 55) + (t + 12 * 60) * 55), { noise: 0, digits: 0, labels: { sequence: 'order_line_items_id_seq' } });
      b.metric('cpu_utilization', 'orders-db', 'percent', (_t, _l, d) => 35 * d, { noise: 0.06, digits: 1 });
      b.change(-3 * 3600 + 300, 'orders', 'deployment', 'orders 40.2.0: gift wrap line items', { version: '40.2.0', previousVersion: '40.1.7', author: 'a.dubois', commit: '5f0e8b3', source: 'github-actions' });
      b.change(-30 * 60, 'orders-db', 'infrastructure', 'orders-db: minor version upgrade 15.7 -> 15.8 applied in maintenance window (replica first, failover 9s)', { source: 'rds' });
      b.change(-4 * 60, 'orders', 'deployment', 'orders rollback 40.2.0 -> 40.1.7 (mitigation; errors continue)', { version: '40.1.7', previousVersion: '40.2.0', author: 'oncall-sre', source: 'github-actions' });
      b.background('orders', 'info', CHATTER.http, 25);
      b.background('order-status', 'warn', ['carrier status webhook late'], 4);
      b.background('orders-db', 'info', ['checkpoint complete', 'automatic vacuum of table "orders.public.order_line_items"'], 5);
      b.burst('orders-db', 'error', onset, 0, 40, () => 'ERROR:  nextval: reached maximum value of sequence "order_line_items_id_seq" (2147483647)');
      b.burst('orders', 'error', onset + 5, 0, 55, () => 'create order failed: pq: nextval: reached maximum value of sequence "order_line_items_id_seq" (2147483647) (SQLSTATE 2200H)');
      b.exc(onset + 5, 'orders', 'pq.Error', 'nextval: reached maximum value of sequence "order_line_items_id_seq" (2147483647)', 4100, 'store/line_items.go:93');
      b.alert(onset + 300, 'checkout', 'CheckoutConversionDrop');
      b.traceFlow(10, -3600, 0, (t, live): Span[] => {
        const x = live && t > onset;
        return [
          ['orders', 'POST /orders', 0, x ? 45 : 150, x ? 'error' : 'ok', -1],
          ['orders', 'INSERT orders', 5, 6, 'ok', 0, { 'db.system': 'postgresql', 'peer.service': 'orders-db' }],
          ['orders', 'INSERT order_line_items', 14, x ? 3 : 9, x ? 'error' : 'ok', 0, { 'db.system': 'postgresql', 'peer.service': 'orders-db' }],
        ];
      });
      return {
        source: 'pagerduty',
        headers: PD_HEADERS,
        body: pagerdutyBody(b, { createdAt: -50, title: 'orders: order creation failing (71% errors)', serviceName: 'orders', serviceId: 'PORDR42', urgency: 'high', priority: 'P1', number: 30811, escalation: 'Orders Primary', team: 'Orders', incidentKey: `orders-create-${b.hex(6)}` }),
        topology: { checkout: ['orders', 'payments'], orders: ['orders-db', 'inventory'], 'order-status': ['orders-db'] },
        expected: { service: 'orders', kind: 'code_defect', action: 'none', mustCite: ['logs', 'exceptions'] },
        story: 'The 32-bit line-item id sequence reaches 2,147,483,647 after years of growth; every new order fails to insert. Nothing changed: the orders deploy three hours ago and the RDS minor-version upgrade 30 minutes ago are tempting, and rolling back the deploy does not help.',
        modeledOn: 'Incident class: integer primary key overflow (int32 sequence exhaustion, a latent schema bug triggered by data volume).',
      };
    },
  },
  {
    file: 'billing-scheduler-lambda-errors',
    description: 'CloudWatch (EventBridge): Lambda Errors alarm on billing-scheduler.',
    at: '2026-11-01T05:16:00Z',
    build: (b) => {
      const onset = -16 * 60;
      b.refOffset = 24 * 3600;
      b.metric('Errors', 'billing-scheduler', 'Count', (t, l) => (l && t > onset ? 118 : 0), { step: 300, noise: 0.05, digits: 0, gaps: 0.1, labels: { FunctionName: 'billing-scheduler' } });
      b.metric('Invocations', 'billing-scheduler', 'Count', () => 120, { step: 300, noise: 0.02, digits: 0, gaps: 0.1, labels: { FunctionName: 'billing-scheduler' } });
      b.metric('Errors', 'invoice-renderer', 'Count', () => 1, { step: 300, noise: 0.9, digits: 0, min: 0, gaps: 0.1, labels: { FunctionName: 'invoice-renderer' } });
      b.metric('ThrottledRequests', 'billing-schedules', 'Count', () => 3, { step: 300, noise: 0.8, digits: 0, min: 0, gaps: 0.1, labels: { TableName: 'billing-schedules' } });
      b.change(-40 * 60, 'invoice-renderer', 'deployment', 'invoice-renderer version 133: PDF/A-3 output', { version: '133', previousVersion: '132', source: 'sam' });
      b.change(-95 * 60, 'billing-scheduler', 'config', 'billing-scheduler: EventBridge schedule rate(1 minute) description updated', { source: 'cloudformation' });
      b.background('billing-scheduler', 'info', ['scheduled 0 renewals', 'scheduled 3 renewals'], 30);
      b.background('billing-schedules', 'warn', ['ProvisionedThroughputExceededException on GSI by-next-run (retried)'], 3);
      b.burst('billing-scheduler', 'error', onset, 0, 50, (i) => `[ERROR] AmbiguousTimeError: 2026-11-01 01:${String(i % 60).padStart(2, '0')}:00 Traceback: File "/var/task/schedule.py", line 58, in next_run: tz.localize(naive, is_dst=None)`, () => ({ tenant_tz: 'America/New_York' }));
      b.exc(onset + 5, 'billing-scheduler', 'pytz.exceptions.AmbiguousTimeError', '2026-11-01 01:00:00', 1900, 'schedule.py:58 next_run');
      b.alert(onset + 600, 'billing-scheduler', 'billing-renewals-behind');
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'billing-scheduler-errors', description: 'billing-scheduler Lambda errors >= 10 per 5 minutes', account: '417299003861', region: 'us-east-1', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'billing-scheduler' }, stat: 'Sum', period: 300, threshold: 10, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [118.0 (01/11/26 05:10:00), 117.0 (01/11/26 05:05:00)] were greater than or equal to the threshold (10.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -40, previousAt: -200 * 86400 }),
        topology: { 'billing-scheduler': ['billing-schedules', 'renewals-queue'], 'renewals-queue': ['renewal-worker'], 'renewal-worker': ['invoice-renderer', 'psp'] },
        expected: { service: 'billing-scheduler', kind: 'code_defect', action: 'none', mustCite: ['logs', 'exceptions'] },
        story: 'At 05:00 UTC on the US fall-back day, New York local time enters the repeated 01:00 hour; billing-scheduler localizes naive times with is_dst=None and every run raises AmbiguousTimeError. No change caused it (the day before, the reference, had no errors); an invoice-renderer deploy and a schedule description edit are distractors. No traces.',
        modeledOn: 'Incident class: daylight-saving-time bug (latent time-handling defect triggered by the calendar).',
      };
    },
  },
  {
    file: 'ledger-writer-consumer-lag',
    description: 'Grafana: ledger-writer consumer lag (repeat notification; firing for hours).',
    at: '2026-04-08T07:12:00Z',
    build: (b) => {
      const stall = -3 * 3600 - 2 * 60;
      b.from = -4 * 3600;
      b.metric('kafka_consumergroup_lag', 'ledger-writer', 'messages', (t, l, d) => (l && t > stall ? 200 + (t - stall) * 95 * d : 200), { step: 120, noise: 0.03, digits: 0 });
      b.metric('kafka_consumergroup_lag', 'balance-projector', 'messages', (t, l) => (l && t > stall && t < stall + 180 ? 9000 : 150), { step: 120, noise: 0.1, digits: 0 });
      b.metric('container_cpu_usage_ratio', 'ledger-writer', 'ratio', (t, l, d) => (l && t > stall ? 0.004 : 0.4 * d), { step: 120, noise: 0.1, digits: 4 });
      b.metric('go_goroutines', 'ledger-writer', 'goroutines', (t, l) => (l && t > stall ? 4127 : 380), { step: 120, noise: 0.01, digits: 0 });
      b.metric('messages_committed_per_second', 'ledger-writer', 'msg/s', (t, l, d) => (l && t > stall ? 0 : 95 * d), { step: 120, noise: 0.05, digits: 1, min: 0 });
      b.change(stall - 40, 'kafka', 'infrastructure', 'kafka: rolling restart of brokers 0-5 for OS patching (preferred leader election afterwards)', { source: 'cruise-control' });
      b.change(-5 * 3600 + 900, 'ledger-writer', 'deployment', 'ledger-writer 2.18.0: metrics for commit latency', { version: '2.18.0', previousVersion: '2.17.3', source: 'argo-cd' });
      b.change(-40 * 60, 'balance-projector', 'deployment', 'balance-projector 5.5.0', { version: '5.5.0', previousVersion: '5.4.9', source: 'argo-cd' });
      b.background('ledger-writer', 'info', ['committed batch (500 entries)', 'partition assignment unchanged'], 20);
      b.background('balance-projector', 'info', CHATTER.worker, 20);
      b.background('kafka', 'warn', ['[Controller] Partition ledger-events-4 has an offline leader: no', 'ISR shrink for __consumer_offsets-12 (recovered)'], 3);
      b.log(stall - 30, 'ledger-writer', 'warn', 'rebalance: partitions revoked [ledger-events-0..11]; waiting for in-flight batch to finish');
      b.log(stall - 10, 'balance-projector', 'info', 'rebalance complete: assigned 12 partitions');
      b.burst('ledger-writer', 'warn', stall + 300, 0, 30, (i) => `watchdog: no commit progress for ${300 + i * 360}s (consumer state: REBALANCING)`);
      b.log(-50 * 60, 'ledger-writer', 'error', 'SIGQUIT dump: goroutine 88 [sync.Mutex.Lock, 172 minutes]: ledger/batch.(*Committer).Flush ... goroutine 91 [chan send, 172 minutes]: ledger/consume.(*Handler).onRevoke ... (both hold the lock the other needs)');
      const spec = promSpec(b, { alertname: 'ConsumerLagHigh', consumergroup: 'ledger-writer', topic: 'ledger-events', severity: 'critical' }, { summary: 'ledger-writer lag above 10k messages', description: 'consumer group ledger-writer is not committing' }, stall + 15 * 60, 'sum by (consumergroup) (kafka_consumergroup_lag{consumergroup="ledger-writer"}) > 10000');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 862000, B: 1 }, valueString: "[ var='A' labels={consumergroup=ledger-writer} value=862000 ]", dashboardUID: 'kafka-consumers', panelId: 3, orgId: 2 }, 'ledger-oncall'),
        topology: { 'payments-api': ['kafka'], kafka: ['ledger-writer', 'balance-projector'], 'ledger-writer': ['ledger-db'], 'balance-projector': ['balances-cache'] },
        expected: { service: 'ledger-writer', kind: 'code_defect', action: 'restart', mustCite: ['logs', 'metrics'] },
        story: 'A routine Kafka rolling restart triggers a consumer rebalance; ledger-writer\'s revoke handler and its batch committer deadlock on one another, so it sits idle (CPU near zero, no errors) while lag grows for three hours. balance-projector rebalanced in seconds, which clears Kafka. Restarting ledger-writer recovers it; the lag alert has been firing since shortly after the stall.',
        modeledOn: 'Incident class: deadlock in a consumer triggered by a rebalance (latent concurrency bug).',
      };
    },
  },
];

