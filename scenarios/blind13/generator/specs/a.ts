import { client, db, golden, lambda, srv } from '../kit.js';
import type { Spec } from '../spec.js';

export const A: Spec[] = [
  {
    name: 'permits-submit-5xx-afternoon',
    description: 'City permits portal: permit submissions fail with 5xx at the API Gateway; PDF renders and fee quotes are not happening.',
    at: '2026-06-13T19:52:00Z',
    tz: -4,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch',
      service: 'permit-api',
      startsAt: '-40s',
      title: 'permit-api-5xx-rate',
      description: 'permit-api 5XXError average above 5% for 3 of 3 periods',
      x: {
        alarmName: 'permit-api-5xx-rate',
        namespace: 'AWS/ApiGateway',
        metric: '5XXError',
        dims: { ApiName: 'permit-api', Stage: 'prod' },
        threshold: 0.05,
        reason: 'Threshold Crossed: 3 out of the last 3 datapoints [0.3121 (13/06/26 19:45:00), 0.2984 (13/06/26 19:40:00), 0.2217 (13/06/26 19:35:00)] were greater than the threshold (0.05) (minimum 3 datapoints for OK -> ALARM transition).',
      },
    },
    topology: {
      'permit-web': ['permit-api'],
      'permit-api': ['aws-lambda', 'permits-db', 's3'],
      'aws-lambda': ['render-pdf', 'fee-calculator'],
      'render-pdf': ['s3'],
      'fee-calculator': ['permits-db'],
      'notify-worker': ['aws-lambda', 'permits-db', 'mail-relay'],
    },
    external: ['aws-lambda', 's3', 'mail-relay'],
    build(b) {
      const on = '-22m';
      b.series('permit-api', 'Count', { unit: 'Count', base: 2400, diurnal: 0.35, int: true, labels: { ApiName: 'permit-api', Stage: 'prod', Statistic: 'Sum' } });
      b.series('permit-api', '5XXError', { unit: 'Count', base: 0.004, noise: 0.4, fx: [{ at: on, to: 0.3, noise: 0.1 }], labels: { ApiName: 'permit-api', Stage: 'prod', Statistic: 'Average' } });
      b.series('permit-api', 'IntegrationLatency', { unit: 'Milliseconds', base: 820, noise: 0.1, fx: [{ at: on, x: 2.6 }], labels: { ApiName: 'permit-api', Stage: 'prod', Statistic: 'p95' } });
      lambda(b, 'render-pdf', { inv: 900, err: 0.002, dur: 2400, fx: { inv: [{ at: on, x: 0.3 }] } });
      lambda(b, 'fee-calculator', { inv: 1500, err: 0.001, dur: 180, fx: { inv: [{ at: on, x: 0.35 }] } });
      b.series('permits-db', 'CPUUtilization', { unit: 'Percent', base: 31, diurnal: 0.3, labels: { DBInstanceIdentifier: 'permits-db', Statistic: 'Average' } });
      b.series('permits-db', 'DatabaseConnections', { unit: 'Count', base: 64, noise: 0.08, int: true, labels: { DBInstanceIdentifier: 'permits-db', Statistic: 'Average' } });
      b.noise('permit-api', 'info', ['POST /v2/permits/{int:10000-99999}/submit 200 {int:700-1900}ms', 'GET /v2/permits/{int:10000-99999} 200 {int:20-90}ms', 'GET /v2/fees/quote 200 {int:120-300}ms'], 90);
      b.noise('permit-api', 'warn', ['deprecated endpoint /v1/permits called by client_id=legacy-kiosk-{int:1-9}', 'request body exceeded 2MB soft limit, attachments deferred permit={int:10000-99999}'], 10);
      b.noise('permit-web', 'warn', ['hydration mismatch on /apply/step-{int:1-5}', 'slow client render {int:1200-4000}ms route=/status'], 8);
      b.noise('notify-worker', 'info', ['sent status email permit={int:10000-99999} via mail-relay 250 OK', 'batch of {int:5-40} reminders queued'], 20);
      b.burst('permit-api', 'error', [
        'invoke render-pdf failed: ServiceException: Lambda was unable to process the request (Service: Lambda, Status Code: 500, Request ID: {uuid})',
        'invoke fee-calculator failed: ServiceException: An internal error occurred in the Lambda service (Service: Lambda, Status Code: 500, Request ID: {uuid})',
        'invoke render-pdf failed after 3 attempts: software.amazon.awssdk.services.lambda.model.ServiceException: Status Code: 502',
      ], on, '-0s', 70);
      b.burst('notify-worker', 'warn', ['async invoke fee-calculator throttled by SDK retry budget: ServiceException (Service: Lambda, Status Code: 500)', 'retrying Lambda Invoke fee-calculator attempt={int:2-4}'], '-20m', '-0s', 25);
      b.trace('-2h50m', on, 10, () => srv('permit-api', 'POST /v2/permits/{id}/submit', 1300, [
        db('permit-api', 'permits-db', 'SELECT * FROM permits WHERE id = $1', 8),
        client('permit-api', 'aws-lambda', 'Lambda.Invoke fee-calculator', 210, { 'rpc.system': 'aws-api', 'rpc.service': 'Lambda', 'rpc.method': 'Invoke', 'faas.invoked_name': 'fee-calculator', 'http.status_code': 200 }),
        client('permit-api', 'aws-lambda', 'Lambda.Invoke render-pdf', 980, { 'rpc.system': 'aws-api', 'rpc.service': 'Lambda', 'rpc.method': 'Invoke', 'faas.invoked_name': 'render-pdf', 'http.status_code': 200 }),
      ]), { ref: true });
      b.trace(on, '-1m', 12, (i) => srv('permit-api', 'POST /v2/permits/{id}/submit', 3100, [
        db('permit-api', 'permits-db', 'SELECT * FROM permits WHERE id = $1', 9),
        client('permit-api', 'aws-lambda', i % 3 ? 'Lambda.Invoke render-pdf' : 'Lambda.Invoke fee-calculator', 2900, { 'rpc.system': 'aws-api', 'rpc.service': 'Lambda', 'rpc.method': 'Invoke', 'faas.invoked_name': i % 3 ? 'render-pdf' : 'fee-calculator', 'http.status_code': 500, 'aws.error.code': 'ServiceException' }, true),
      ], true));
      b.change('-2h05m', 'permit-api', 'deployment', 'permit-api v3.18.0: fee waiver field on submissions', { version: 'v3.18.0', previousVersion: 'v3.17.4', author: 'jlee', source: 'codepipeline' });
      b.change('-14m', 'render-pdf', 'config', 'render-pdf timeout 30s -> 60s (hotfix attempt during incident)', { author: 'oncall-mgarcia', source: 'terraform' });
      b.alert('-9m', 'permit-web', 'SyntheticCheckFailed submit-flow', 'firing');
      b.alert('-6m', 'aws-lambda', 'AWS Health: AWS_LAMBDA_OPERATIONAL_ISSUE us-east-1 - increased invoke error rates and latencies', 'firing');
    },
    expected: { service: 'aws-lambda', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'alerts'] },
    readme: {
      model: 'AWS Lambda us-east-1, Jun 2023 (capacity management subsystem)',
      clue: 'Both functions\' Invocations fall while their Errors stay flat; every failure is a Lambda ServiceException on the client side, from two callers; AWS Health confirms. The deploy is 1 h 45 min before onset and the timeout change is after it.',
    },
  },
  {
    name: 'genomics-run-uploads-stalled',
    description: 'Sequencing lab: run uploads from the sequencer bridge stall and time out; the run-tracker dashboard falls behind.',
    at: '2026-11-19T02:41:00Z',
    tz: 0,
    window: '-2h',
    step: 60,
    ref: 'day',
    alert: {
      source: 'grafana',
      service: 'seq-uploader',
      startsAt: '-3m',
      title: 'seq-uploader chunk PUT p95 above 20s',
      severity: 'critical',
      x: { alertname: 'UploadLatencyHigh', labels: { team: 'lab-platform', cluster: 'lab-eu1' }, values: { B: 27.4, C: 1 }, dashboard: 'seq-uploads' },
    },
    topology: {
      'seq-uploader': ['blob-gateway', 'run-tracker'],
      'blob-gateway': ['blob-frontend'],
      'blob-frontend': ['blob-meta', 'blob-disks'],
      'run-tracker': ['lims-db', 'blob-gateway'],
      'align-workers': ['blob-gateway', 'lims-db'],
      'lims-web': ['run-tracker'],
    },
    external: [],
    build(b) {
      const on = '-14m';
      golden(b, 'seq-uploader', 'prom', { rps: 35, p95: 2400, err: 0.001, diurnal: 0.05, fx: { lat: [{ at: on, until: '-5m', to: 27000 }], err: [{ at: '-8m', to: 0.12 }] } });
      golden(b, 'blob-gateway', 'prom', { rps: 140, p95: 900, err: 0.001, diurnal: 0.05, fx: { lat: [{ at: on, until: '-6m', to: 24000 }], err: [{ at: '-8m', to: 0.09 }] } });
      golden(b, 'blob-frontend', 'prom', { rps: 150, p95: 700, err: 0.0005, diurnal: 0.05, fx: { lat: [{ at: on, until: '-8m', to: 26000 }], rps: [{ at: on, x: 0.45 }] } });
      b.series('blob-frontend', 'process_cpu_usage:ratio', { unit: 'ratio', base: 0.34, noise: 0.06, max: 1, fx: [{ at: on, until: '-10m', to: 0.99, noise: 0.005 }] });
      b.series('blob-meta', 'rocksdb_get_latency_seconds:p99', { unit: 's', base: 0.004, noise: 0.1 });
      b.series('blob-disks', 'node_disk_io_time_seconds:rate5m', { unit: 's', base: 0.42, noise: 0.08 });
      golden(b, 'run-tracker', 'prom', { rps: 12, p95: 140, err: 0.003, diurnal: 0.1, always: { err: [{ at: '-24h', to: 0.02 }] }, fx: { lat: [{ at: '-10m', x: 3 }] } });
      b.noise('run-tracker', 'error', ['flowcell {pick:HGT|HKJ|HLM}{int:100-999}DSX7 metadata incomplete: missing sample sheet column Index2', 'LIMS callback returned 409 for run {int:2300-2399}: already registered'], 14);
      b.noise('align-workers', 'warn', ['reference genome cache miss GRCh38 chunk {int:1-400}, fetching', 'bwa-mem2 thread pool saturated, queueing sample {int:1000-9999}'], 10);
      b.noise('blob-frontend', 'info', ['PUT /v1/objects/runs/{int:2300-2399}/chunk-{int:1-900} 201 {int:200-900}ms', 'GET /v1/objects/ref/GRCh38/{int:1-400} 200 {int:20-80}ms'], 60);
      b.change('-19m', 'blob-frontend', 'config', 'perf: enable streaming read-ahead cache (readahead.enabled=true, readahead.window=64MiB) on all front-end nodes, rolled to 12/12 nodes in one step', { author: 'storage-perf', source: 'ansible', version: 'frontend.conf r418', previousVersion: 'r417' });
      b.change('-1h40m', 'align-workers', 'deployment', 'align-workers 2.11.3: bwa-mem2 2.2.1 image', { version: '2.11.3', previousVersion: '2.11.2', author: 'bioinf-ci' });
      b.change('-4m', 'seq-uploader', 'config', 'chunk upload timeout 30s -> 120s (incident mitigation)', { author: 'oncall-tkaur' });
      b.burst('blob-frontend', 'warn', ['request handler thread {int:1-64} busy > 15s in ReadAheadCache.fill (range=[{int:0-64}MiB, 64MiB])', 'watchdog: worker {int:1-64} did not yield in 20s, stack: ReadAheadCache.fill -> ReadAheadCache.nextBlock -> ReadAheadCache.fill'], '-13m', '-0s', 40);
      b.burst('blob-gateway', 'error', ['upstream blob-frontend timed out after 25000ms: PUT /v1/objects/runs/{int:2300-2399}/chunk-{int:1-900}'], '-9m', '-0s', 30);
      b.burst('seq-uploader', 'error', ['chunk {int:1-900} of run {int:2300-2399} failed: 504 Gateway Timeout from blob-gateway, will retry'], '-8m', '-0s', 30);
      b.rt('-6m', 'blob-frontend', 'unhealthy', 'readiness probe failed: GET /healthz timed out after 5s', 7);
      b.trace('-1h50m', on, 8, () => srv('seq-uploader', 'upload chunk', 800, [srv('blob-gateway', 'PUT /v1/objects', 700, [srv('blob-frontend', 'PUT object', 600, [srv('blob-meta', 'meta.put', 6)])])]), { ref: true });
      b.trace('-12m', '-1m', 10, () => srv('seq-uploader', 'upload chunk', 25000, [srv('blob-gateway', 'PUT /v1/objects', 25000, [srv('blob-frontend', 'PUT object', 24900, [], true)], true)], true));
      b.alert('-7m', 'run-tracker', 'RunTrackerLagging', 'firing');
    },
    expected: { service: 'blob-frontend', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    readme: {
      model: 'Azure Storage, Nov 2014 (performance configuration rolled out broadly, infinite loop in blob front-ends)',
      clue: 'A read-ahead config rolled to all front-end nodes at once 5 min before CPU pins at 100% there and its watchdog logs a loop in ReadAheadCache.fill; callers only time out. The align-workers deploy is 1.5 h old and the timeout change is after onset.',
    },
  },
  {
    name: 'windfarm-telemetry-gap',
    description: 'Wind farm operator: turbine telemetry stops arriving from most sites; the SCADA gateway sees sessions drop.',
    at: '2026-04-12T19:18:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'turbine-gateway',
      startsAt: '-4m',
      title: 'turbine-gateway connected sites dropped below 60%',
      severity: 'critical',
      x: { alertname: 'SitesDisconnected', serviceLabel: 'app', labels: { namespace: 'scada', job: 'turbine-gateway', prometheus: 'monitoring/k8s' }, expr: 'sum(turbine_gateway_connected_sites) / 212 < 0.6' },
    },
    topology: {
      'site-routers': ['anycast-edge'],
      'anycast-edge': ['turbine-gateway'],
      'route-controller': ['anycast-edge'],
      'turbine-gateway': ['telemetry-store', 'alarm-engine'],
      'alarm-engine': ['telemetry-store', 'pager-bridge'],
      'ops-console': ['telemetry-store', 'alarm-engine'],
    },
    external: [],
    build(b) {
      const on = '-9m';
      b.series('turbine-gateway', 'turbine_gateway_connected_sites', { unit: 'sites', base: 210, noise: 0.004, int: true, fx: [{ at: on, until: '-6m', to: 44, noise: 0.05 }] });
      b.series('turbine-gateway', 'turbine_gateway_frames:rate1m', { unit: 'frames/s', base: 5200, noise: 0.03, fx: [{ at: on, until: '-6m', to: 1100 }] });
      b.series('anycast-edge', 'bgp_announced_prefixes', { unit: 'prefixes', base: 14, noise: 0, int: true, fx: [{ at: '-11m', to: 13, noise: 0 }, { at: on, to: 0, noise: 0 }] });
      b.series('anycast-edge', 'edge_inbound_bits:rate1m', { unit: 'bit/s', base: 3.1e8, noise: 0.04, fx: [{ at: on, until: '-6m', to: 0.6e8 }] });
      b.series('route-controller', 'route_controller_push_total:increase5m', { unit: 'pushes', base: 0.2, noise: 0.5, fx: [{ at: '-11m', end: '-7m', to: 6 }] });
      golden(b, 'alarm-engine', 'prom', { rps: 40, p95: 80, err: 0.002, diurnal: 0.1 });
      b.series('telemetry-store', 'tsdb_ingest_samples:rate1m', { unit: 'samples/s', base: 98000, noise: 0.03, fx: [{ at: on, until: '-6m', to: 21000 }] });
      b.noise('alarm-engine', 'warn', ['site WF-{int:10-99} turbine T{int:1-40}: pitch encoder drift above 0.5 deg', 'debouncing repeated yaw alarm for WF-{int:10-99}'], 25);
      b.noise('turbine-gateway', 'info', ['session WF-{int:10-99} keepalive ok rtt={int:30-90}ms', 'site WF-{int:10-99} reconnected after {int:1-5}s'], 40);
      b.noise('route-controller', 'info', ['reconcile: 14 prefixes in desired state, no diff'], 12, { to: '-12m' });
      b.change('-11m', 'route-controller', 'config', 'remove unused prefix 203.0.113.0/24 (decommissioned Nordsee POP) from edge route set', { author: 'neteng-hpark', source: 'git:netops/routes', version: 'routes@7f3c2a1', previousVersion: 'routes@91b0e4d' });
      b.change('-50m', 'alarm-engine', 'deployment', 'alarm-engine 4.2.0: new icing detection rule', { version: '4.2.0', previousVersion: '4.1.7', author: 'ops-ci' });
      b.log('-11m', 'route-controller', 'info', 'reconcile: desired route set changed (13 prefixes), computing edge config');
      b.log('-10m', 'route-controller', 'warn', 'consistency check failed for generated set (hash mismatch 13 != 14); falling back to last-known-good: <empty>');
      b.log('-9m', 'route-controller', 'info', 'pushed route set to 8/8 anycast-edge routers: 0 prefixes');
      b.burst('anycast-edge', 'warn', ['bgp: withdrawing {pick:198.51.100.0/24|192.0.2.0/24|100.64.12.0/22|100.64.20.0/22} (not in pushed route set)', 'bgp: peer AS{int:64500-64520} now has 0 prefixes from us'], on, '-7m', 20);
      b.burst('turbine-gateway', 'warn', ['session WF-{int:10-99} lost: no frames for 60s', 'site WF-{int:10-99} tcp keepalive timeout'], '-8m', '-0s', 50);
      b.rt('-35m', 'ops-console', 'restart', 'rolling restart after certificate rotation', 2);
      b.alert('-5m', 'alarm-engine', 'AlarmEngineInputStarved', 'firing');
      b.alert('-3m', 'telemetry-store', 'IngestRateLow', 'firing');
    },
    expected: { service: 'route-controller', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Google Compute Engine network, Apr 2016 (removing an unused IP block propagated wrongly)',
      clue: 'Removing one unused prefix at -11 min; the controller\'s consistency check fails and it pushes an empty route set, the edge withdraws every prefix and announced prefixes go to 0 right before sites disconnect.',
    },
  },
  {
    name: 'chat-inbox-slow-evening',
    description: 'Messaging app: inbox loads and message sends slow down and then fail for a large share of users in the evening peak.',
    at: '2026-03-13T20:06:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'inbox-api',
      startsAt: '-2m',
      title: 'inbox-api p95 latency above 1.5s on env:prod',
      description: 'Avg p95 over last 5m on service:inbox-api is 4.82s. @pagerduty-messaging',
      x: { tags: ['service:inbox-api', 'env:prod', 'team:messaging', 'kube_namespace:messaging'], metric: 'trace.http.request.duration.by.service.95p', priority: 'P2' },
    },
    topology: {
      'mobile-edge': ['inbox-api', 'send-api'],
      'inbox-api': ['presence', 'thread-store', 'media-proxy'],
      'send-api': ['presence', 'thread-store', 'fanout'],
      fanout: ['push-gateway', 'presence'],
      'push-gateway': ['apns', 'fcm'],
      presence: ['presence-cache'],
    },
    external: ['apns', 'fcm'],
    build(b) {
      const on = '-16m';
      golden(b, 'inbox-api', 'dd', { rps: 900, p95: 240, err: 0.002, diurnal: 0.35, fx: { lat: [{ at: '-14m', until: '-6m', to: 4800 }], err: [{ at: '-10m', to: 0.08 }] } });
      golden(b, 'send-api', 'dd', { rps: 420, p95: 180, err: 0.001, diurnal: 0.35, fx: { lat: [{ at: '-14m', until: '-6m', to: 3900 }], err: [{ at: '-10m', to: 0.06 }] } });
      golden(b, 'presence', 'dd', { rps: 2600, p95: 12, err: 0.0005, diurnal: 0.35, fx: { lat: [{ at: on, until: '-10m', to: 2600 }], err: [{ at: on, until: '-10m', to: 0.21 }] } });
      b.series('presence', 'presence.cache.connections.active', { unit: 'connection', base: 7400, diurnal: 0.25, noise: 0.03, int: true, fx: [{ at: on, to: 2048, noise: 0.001 }], labels: { env: 'prod' } });
      b.series('presence', 'presence.cache.connect.rejected', { unit: 'connection/s', base: 0, noise: 0, fx: [{ at: on, to: 340, noise: 0.2 }], labels: { env: 'prod' } });
      b.series('presence-cache', 'redis.net.clients', { unit: 'connection', base: 7500, diurnal: 0.25, noise: 0.03, int: true, fx: [{ at: on, to: 2050, noise: 0.002 }], labels: { env: 'prod' } });
      golden(b, 'fanout', 'dd', { rps: 380, p95: 45, err: 0.001, diurnal: 0.35, fx: { lat: [{ at: '-12m', x: 6 }] } });
      golden(b, 'push-gateway', 'dd', { rps: 300, p95: 140, err: 0.01, diurnal: 0.35, always: { err: [{ at: '-3h', to: 0.03 }] } });
      b.noise('push-gateway', 'error', ['apns: 410 Unregistered for device token {hex:12}…', 'fcm: NotRegistered token={hex:12}…, pruning'], 60);
      b.noise('media-proxy', 'warn', ['thumbnail cache miss rate 0.{int:30-45} above target', 'slow origin fetch {int:900-2000}ms for media/{hex:10}'], 10);
      b.noise('inbox-api', 'info', ['GET /v3/inbox 200 {int:80-300}ms', 'GET /v3/threads/{int:100000-999999} 200 {int:40-200}ms'], 80);
      b.change('-18m', 'presence', 'config', 'presence.yaml: cache client pool max_connections_per_host 64 -> 16 (reduce idle conns), rollout 100%', { author: 'kwon', source: 'config-service', version: 'presence-cfg #2291', previousVersion: '#2290' });
      b.change('-1h15m', 'inbox-api', 'deployment', 'inbox-api 2026.03.13-1: thread preview truncation', { version: '2026.03.13-1', previousVersion: '2026.03.12-3', author: 'deploybot' });
      b.change('-3m', 'inbox-api', 'scaling', 'inbox-api HPA 40 -> 64 replicas', { source: 'hpa' });
      b.burst('presence', 'error', ['cache pool exhausted: 16/16 connections busy to presence-cache-{int:1-8}:6379, waited 2000ms', 'GetPresence batch failed: PoolTimeoutException after 2000ms'], on, '-0s', 60);
      b.burst('inbox-api', 'warn', ['presence lookup degraded, serving inbox without online badges: deadline exceeded after 2500ms'], '-14m', '-0s', 40);
      b.burst('send-api', 'error', ['send blocked on presence.check: DEADLINE_EXCEEDED'], '-12m', '-0s', 30);
      b.exc('-15m', 'presence', 'io.lettuce.core.RedisException', 'Pool exhausted: max_connections_per_host=16', 2140, 'PresencePool.borrow');
      b.exc('-11m', 'inbox-api', 'io.grpc.StatusRuntimeException', 'DEADLINE_EXCEEDED: presence.GetPresence deadline exceeded after 2.499s', 880, 'PresenceClient.batchGet');
      b.trace('-1h50m', on, 8, () => srv('inbox-api', 'GET /v3/inbox', 210, [srv('presence', 'GetPresence', 9, [client('presence', 'presence-cache', 'MGET', 2, { 'db.system': 'redis' })]), srv('thread-store', 'ListThreads', 60)]), { ref: true });
      b.trace('-13m', '-1m', 10, () => srv('inbox-api', 'GET /v3/inbox', 4700, [srv('presence', 'GetPresence', 2500, [], true), srv('thread-store', 'ListThreads', 70)], true));
      b.alert('-8m', 'send-api', 'send-api error rate > 5%', 'firing');
    },
    expected: { service: 'presence', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Facebook, Mar 2019 (a server configuration change that cascaded)',
      clue: 'A pool-size config change on the presence tier 2 min before its active cache connections flatten at exactly 16 per host and it logs pool exhaustion; inbox and send only time out on it. The inbox deploy is an hour old and the HPA scale is after onset.',
    },
  },
  {
    name: 'newsroom-cms-503-bursts',
    description: 'Newsroom CMS: editors get 503s when saving and publishing stories; errors grew over the last half hour.',
    at: '2026-05-12T16:44:00Z',
    tz: -4,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'cms-api',
      startsAt: '-3m',
      title: 'cms-api: 5xx rate above 10% at the edge load balancer',
      x: { priority: 'P1', teams: ['Publishing Platform'], policy: 'Publishing on-call' },
    },
    topology: {
      'edge-haproxy': ['cms-api', 'media-api'],
      'cms-api': ['story-db', 'search-indexer', 'media-api'],
      'lb-sync': ['consul', 'edge-haproxy'],
      'media-api': ['object-store'],
      'search-indexer': ['search-cluster'],
      'asg-controller': ['cms-api'],
    },
    external: [],
    build(b) {
      const on = '-32m';
      b.series('edge-haproxy', 'haproxy_backend_http_responses_5xx:ratio', { unit: 'ratio', labels: { backend: 'cms_api' }, base: 0.001, noise: 0.3, fx: [{ at: on, until: '-2m', to: 0.18 }] });
      b.series('edge-haproxy', 'haproxy_backend_active_servers', { unit: 'servers', labels: { backend: 'cms_api' }, base: 48, noise: 0, int: true, fx: [{ at: '-52m', to: 64, noise: 0 }] });
      b.series('edge-haproxy', 'haproxy_server_down_servers', { unit: 'servers', labels: { backend: 'cms_api' }, base: 0, noise: 0, int: true, fx: [{ at: on, until: '-2m', to: 19, noise: 0.05 }] });
      golden(b, 'cms-api', 'prom', { rps: 220, p95: 310, err: 0.002, diurnal: 0.3 });
      b.series('consul', 'consul_catalog_service_instances', { unit: 'instances', labels: { service: 'cms-api' }, base: 48, noise: 0, int: true, fx: [{ at: '-1h', to: 66, noise: 0.01 }] });
      b.series('lb-sync', 'lb_sync_last_successful_render_age_seconds', { unit: 's', base: 8, noise: 0.3, fx: [{ at: '-52m', until: '-0s', to: 3100, noise: 0.01 }] });
      b.series('lb-sync', 'lb_sync_render_errors_total:increase5m', { unit: 'errors', base: 0, noise: 0, fx: [{ at: '-52m', to: 60, noise: 0.05 }] });
      b.noise('lb-sync', 'info', ['rendered haproxy.cfg ({int:40-60} servers), reload ok'], 30, { to: '-53m' });
      b.burst('lb-sync', 'error', ['template render failed: cms_api server-template slot table full (64 slots, 66 instances): index out of range [64] with length 64', 'skipping reload: keeping last rendered haproxy.cfg (age {int:60-3000}s)'], '-52m', '-0s', 70);
      b.noise('search-indexer', 'warn', ['bulk request partially failed: {int:1-4} of 500 docs rejected (mapper_parsing_exception)', 'indexing lag {int:20-90}s above 15s target'], 20);
      b.noise('cms-api', 'info', ['PUT /stories/{int:100000-999999} 200 {int:80-400}ms', 'POST /stories/{int:100000-999999}/publish 200 {int:200-900}ms'], 80);
      b.burst('edge-haproxy', 'warn', ['Server cms_api/cms-api-{int:1-64} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. {int:30-47} active and 0 backup servers left.', 'Connect() failed for backend cms_api: no free ports.'], on, '-0s', 45);
      b.change('-1h', 'asg-controller', 'scaling', 'cms-api fleet 48 -> 66 instances (scheduled morning-news scale-up)', { source: 'autoscaling' });
      b.change('-36m', 'cms-api', 'infrastructure', 'instance refresh: replace 20 cms-api instances with new launch template (AMI 2026-05-10)', { source: 'autoscaling' });
      b.change('-2h', 'media-api', 'deployment', 'media-api 8.4.1: HEIC thumbnails', { version: '8.4.1', previousVersion: '8.4.0', author: 'ci' });
      b.change('-9m', 'edge-haproxy', 'config', 'haproxy: increase retries 1 -> 3 for cms_api (mitigation)', { author: 'oncall-dm' });
      b.trace('-1h50m', on, 6, () => srv('edge-haproxy', 'POST /stories/{id}/publish', 420, [srv('cms-api', 'publish story', 400, [srv('story-db', 'UPDATE stories', 20)])]), { ref: true });
      b.trace('-30m', '-1m', 10, (i) => (i % 3 ? srv('edge-haproxy', 'POST /stories/{id}/publish', 2, [], true, { 'http.status_code': 503, 'haproxy.server': `cms-api-${50 + i}`, 'haproxy.termination_state': 'SC--' }) : srv('edge-haproxy', 'POST /stories/{id}/publish', 430, [srv('cms-api', 'publish story', 410, [srv('story-db', 'UPDATE stories', 22)])])));
      b.alert('-20m', 'search-indexer', 'IndexingLagHigh', 'firing');
    },
    expected: { service: 'lb-sync', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'Slack, May 2020 (HAProxy and a consul-template bug)',
      clue: 'The sync program fails every render once the catalog exceeds its 64 server slots (index out of range), so HAProxy keeps a stale server list; when the instance refresh retires old hosts, the stale slots point at dead servers. cms-api itself is healthy.',
    },
  },
  {
    name: 'venue-box-office-unreachable',
    description: 'Concert venue box office: many fans cannot reach the ticket site during an on-sale; the origin itself looks quiet.',
    at: '2026-06-24T11:31:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'box-office-web',
      startsAt: '-2m',
      title: '[Synthetics] box-office-web checkout journey failing from 6 of 9 locations',
      severity: 'P1',
      x: { details: { service: 'box-office-web', check: 'checkout-journey', locations_failing: 'lon,ams,fra,nyc,chi,dub' }, tags: ['synthetics', 'on-sale'], entity: 'box-office-web', alertSource: 'synthetics', teams: ['ticketing'] },
    },
    topology: {
      synthetics: ['cdn'],
      cdn: ['box-office-web'],
      'box-office-web': ['seat-map', 'order-svc', 'queue-it-gate'],
      'order-svc': ['payments', 'tickets-db'],
      'seat-map': ['tickets-db'],
      payments: ['psp'],
    },
    external: ['cdn', 'psp', 'queue-it-gate'],
    build(b) {
      const on = '-17m';
      golden(b, 'box-office-web', 'prom', { rps: 380, p95: 180, err: 0.002, diurnal: 0.2, fx: { rps: [{ at: '-1h', until: '-45m', x: 3 }, { at: on, until: '-12m', x: 0.9 }] } });
      golden(b, 'order-svc', 'prom', { rps: 40, p95: 350, err: 0.004, diurnal: 0.2, fx: { rps: [{ at: '-1h', until: '-45m', x: 2.5 }, { at: on, until: '-12m', x: 0.85 }] } });
      golden(b, 'seat-map', 'prom', { rps: 160, p95: 60, err: 0.001, diurnal: 0.2, fx: { rps: [{ at: '-1h', until: '-45m', x: 3 }, { at: on, x: 0.3 }] } });
      b.series('synthetics', 'probe_success', { unit: 'ratio', labels: { check: 'checkout-journey' }, base: 1, noise: 0, fx: [{ at: on, to: 0.33, noise: 0.1 }] });
      b.series('synthetics', 'probe_duration_seconds', { unit: 's', labels: { check: 'checkout-journey' }, base: 2.1, noise: 0.1, fx: [{ at: on, to: 30, noise: 0.02 }] });
      b.noise('seat-map', 'warn', ['seat {pick:A|B|C|D}{int:1-40}-{int:1-30} held by two carts, resolving in favour of earliest', 'section render took {int:300-800}ms'], 15);
      b.noise('payments', 'error', ['psp declined card: do_not_honor order={int:100000-999999}', 'psp 3DS challenge abandoned order={int:100000-999999}'], 25);
      b.burst('synthetics', 'error', [
        'checkout-journey [{pick:lon|ams|fra|nyc|chi|dub}] step 1 GET https://tickets.example-venue.com/ failed: connect timeout after 30000ms to 104.18.{int:0-40}.{int:1-254}:443 (cdn edge)',
        'checkout-journey [{pick:lon|ams|fra|nyc}] traceroute to cdn edge ends at AS{pick:701|3356|174} hop {int:7-12}: 100% loss',
      ], on, '-0s', 45);
      b.noise('synthetics', 'info', ['checkout-journey [{pick:lon|ams|fra|nyc|chi|dub|sin|syd|gru}] ok in {int:1800-2600}ms'], 40, { to: on });
      b.burst('synthetics', 'info', ['checkout-journey [{pick:sin|syd|gru}] ok in {int:1800-2600}ms'], on, '-0s', 15);
      b.trace('-1h50m', on, 8, () => srv('synthetics', 'checkout-journey', 2200, [client('synthetics', 'cdn', 'GET https://tickets.example-venue.com/', 300, { 'http.status_code': 200, 'net.peer.name': 'tickets.example-venue.com' })]), { ref: true });
      b.trace(on, '-1m', 10, () => srv('synthetics', 'checkout-journey', 30000, [client('synthetics', 'cdn', 'GET https://tickets.example-venue.com/', 30000, { 'error.type': 'connect_timeout', 'net.peer.name': 'tickets.example-venue.com' }, true)], true));
      b.change('-1h05m', 'box-office-web', 'deployment', 'box-office-web 5.9.0: on-sale countdown banner', { version: '5.9.0', previousVersion: '5.8.2', author: 'web-ci' });
      b.change('-8m', 'box-office-web', 'scaling', 'box-office-web 12 -> 20 pods (on-sale precaution)', { source: 'kubectl' });
      b.alert('-12m', 'cdn', 'CDN status page: Elevated errors and unreachability in multiple regions (third-party route leak affecting major transit provider)', 'firing');
      b.alert('-10m', 'seat-map', 'SeatMapTrafficDrop', 'firing');
    },
    expected: { service: 'cdn', kind: 'dependency_failure', action: 'none', mustCite: ['alerts', 'traces'] },
    readme: {
      model: 'Cloudflare and the Verizon BGP route leak, Jun 2019, as felt by a customer',
      clue: 'Probes die at the CDN edge (connect timeouts, traceroutes ending in a transit AS) from 6 of 9 locations while origin error rates stay flat and its traffic just falls; the CDN\'s status alert names a route leak.',
    },
  },
  {
    name: 'radar-forecast-errors-sydney',
    description: 'Weather radar service: forecast tiles fail to load for Australian users; forecast-api 5xx in ap-southeast-2.',
    at: '2026-06-05T12:40:00Z',
    tz: 10,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'forecast-api',
      startsAt: '-1m',
      title: 'forecast-api-5xx',
      description: 'forecast-api target 5XX above 50 per 5 minutes',
      x: {
        alarmName: 'forecast-api-5xx',
        namespace: 'AWS/ApplicationELB',
        metric: 'HTTPCode_Target_5XX_Count',
        statistic: 'Sum',
        dims: { Service: 'forecast-api', LoadBalancer: 'app/radar-prod/4f2c9a7d1b3e5a60' },
        threshold: 50,
        region: 'ap-southeast-2',
        regionName: 'Asia Pacific (Sydney)',
        reason: 'Threshold Crossed: 3 datapoints [812.0 (05/06/26 12:30:00), 796.0 (05/06/26 12:25:00), 640.0 (05/06/26 12:20:00)] were greater than the threshold (50.0).',
      },
    },
    topology: {
      'radar-web': ['forecast-api', 'tile-cache'],
      'forecast-api': ['tile-db', 'tile-cache', 'nowcast'],
      nowcast: ['tile-db', 'radar-ingest'],
      'radar-ingest': ['tile-db', 's3'],
      'tile-cache': ['tile-db'],
    },
    external: ['s3'],
    build(b) {
      const on = '-27m';
      golden(b, 'forecast-api', 'cw', { rps: 160, p95: 220, err: 0.001, diurnal: 0.3, fx: { err: [{ at: on, to: 0.55, noise: 0.1 }], lat: [{ at: on, to: 9000 }] } });
      golden(b, 'nowcast', 'cw', { rps: 20, p95: 900, err: 0.002, diurnal: 0.1, fx: { err: [{ at: on, to: 0.6, noise: 0.1 }] } });
      b.series('tile-db', 'ReadLatency', { unit: 'Seconds', base: 0.002, noise: 0.1, fx: [{ at: on, to: 0, noise: 0 }], labels: { DBInstanceIdentifier: 'tile-db', Statistic: 'Average' } });
      b.series('tile-db', 'DatabaseConnections', { unit: 'Count', base: 180, noise: 0.05, int: true, fx: [{ at: on, to: 0, noise: 0 }], labels: { DBInstanceIdentifier: 'tile-db', Statistic: 'Average' } });
      b.series('tile-db', 'StatusCheckFailed', { unit: 'Count', base: 0, noise: 0, fx: [{ at: on, to: 1, noise: 0 }], labels: { Statistic: 'Maximum' } });
      b.series('tile-cache', 'CPUUtilization', { unit: 'Percent', base: 22, diurnal: 0.2, labels: { CacheClusterId: 'tile-cache', Statistic: 'Average' } });
      b.series('tile-cache', 'CacheHitRate', { unit: 'Percent', base: 91, noise: 0.01, fx: [{ at: '-2h', end: '-1h45m', to: 70 }] });
      b.noise('radar-ingest', 'warn', ['volume scan from site {pick:IDR71|IDR02|IDR66|IDR64} arrived {int:40-120}s late', 'skipping corrupt sweep elevation {int:1-14} from IDR{int:10-99}'], 12);
      b.noise('forecast-api', 'info', ['GET /v1/tiles/{int:5-12}/{int:100-999}/{int:100-999}.png 200 {int:20-120}ms'], 60);
      b.burst('forecast-api', 'error', ['tile query failed: FATAL: terminating connection due to administrator command / could not connect to server: Connection timed out (tile-db.c9xk2f.ap-southeast-2.rds.amazonaws.com:5432, 10.20.{int:32-47}.{int:2-254})', 'pool: all tile-db connections broken, reconnecting'], on, '-0s', 60);
      b.burst('nowcast', 'error', ['write nowcast frame failed: could not connect to tile-db: connect ETIMEDOUT 10.20.{int:32-47}.{int:2-254}:5432'], on, '-0s', 30);
      b.burst('radar-ingest', 'error', ['instance i-0{hex:16} (ap-southeast-2b) unreachable, 4 of 6 ingest tasks lost'], on, '-20m', 4);
      b.rt(on, 'tile-db', 'unhealthy', 'RDS-EVENT-0049: DB instance tile-db in ap-southeast-2b: Multi-AZ failover not completed, storage volume impaired');
      b.rt('-26m', 'radar-ingest', 'node_pressure', 'EC2 instances in ap-southeast-2b stopped responding to status checks (4 instances)', 4);
      b.rt('-25m', 'nowcast', 'restart', 'ECS replaced 2 tasks in ap-southeast-2b: task stopped (host EC2 instance terminated)', 2);
      b.change('-2h20m', 'forecast-api', 'deployment', 'forecast-api 2026.6.5: new colour ramp for rainfall', { version: '2026.6.5', previousVersion: '2026.6.2', author: 'weather-ci' });
      b.alert('-18m', 'tile-db', 'AWS Health: AWS_EC2_OPERATIONAL_ISSUE ap-southeast-2 - power loss affecting instances and EBS volumes in one Availability Zone (apse2-az3)', 'firing');
      b.alert('-20m', 'radar-web', 'radar-web-5xx', 'firing');
    },
    expected: { service: 'tile-db', kind: 'infrastructure', action: 'none', mustCite: ['runtime', 'alerts'] },
    readme: {
      model: 'AWS Sydney, Jun 2016 (power loss in one Availability Zone)',
      clue: 'At one instant the database stops reporting at all (connections 0, status check failed), RDS reports impaired storage in ap-southeast-2b, instances in that zone die and AWS Health names a power loss; every caller fails on it. The deploy is 2 h old.',
    },
  },
  {
    name: 'forum-500s-after-midnight',
    description: 'Hobbyist forum: pages return 500 and posting fails; the site has one database host and no replica.',
    at: '2026-01-06T05:02:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: false,
    alert: {
      source: 'generic',
      service: 'forum-app',
      startsAt: '-6m',
      title: 'Uptime check failed: forum front page returns 500',
      severity: 'critical',
      description: 'uptime-robot: https://forum.example.org/ returned HTTP 500 in 3 consecutive checks',
      x: { environment: 'prod', labels: { checker: 'uptime-monitor', url: 'https://forum.example.org/' }, dedupKey: 'forum-frontpage-500' },
    },
    topology: {
      'forum-nginx': ['forum-app'],
      'forum-app': ['forum-db', 'forum-search', 'mailer'],
      'forum-search': ['forum-db'],
      'backup-agent': ['forum-db', 'offsite-storage'],
      mailer: ['smtp-relay'],
    },
    external: ['offsite-storage', 'smtp-relay'],
    build(b) {
      const on = '-14m';
      golden(b, 'forum-app', 'prom', { rps: 25, p95: 120, err: 0.003, diurnal: 0.4, fx: { err: [{ at: on, until: '-10m', to: 0.7 }], lat: [{ at: on, x: 5 }] } });
      b.series('forum-db', 'node_disk_io_time_seconds:rate1m', { unit: 's', labels: { device: 'nvme1n1' }, base: 0.12, noise: 0.2, fx: [{ at: '-40m', until: on, to: 0.6 }, { at: on, to: 1, noise: 0 }] });
      b.series('forum-db', 'node_disk_read_errors_total:increase5m', { unit: 'errors', labels: { device: 'nvme1n1' }, base: 0, noise: 0, fx: [{ at: '-40m', until: on, to: 5 }, { at: on, to: 480, noise: 0.2 }] });
      b.series('forum-db', 'smart_media_errors', { unit: 'errors', labels: { device: 'nvme1n1' }, base: 2, noise: 0, int: true, fx: [{ at: '-40m', until: on, to: 40, noise: 0 }, { at: on, until: '-0s', to: 2900, noise: 0 }] });
      b.series('forum-search', 'search_query_duration_seconds:p95', { unit: 's', base: 0.3, noise: 0.2, always: [{ at: '-3h', to: 1.2 }] });
      b.noise('forum-search', 'warn', ['slow query: "{pick:carburetor|dovetail|sourdough|overlocker} {pick:jig|starter|rebuild|tension}" took {int:900-2400}ms'], 20);
      b.noise('forum-app', 'info', ['GET /t/{int:1000-90000} 200 {int:30-200}ms', 'POST /posts 200 {int:80-300}ms'], 50);
      b.noise('mailer', 'warn', ['smtp-relay deferred digest to {int:1-40} recipients: 451 try again later'], 6);
      b.burst('forum-db', 'error', ['kernel: blk_update_request: critical medium error, dev nvme1n1, sector {int:100000000-900000000} op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 0', 'kernel: nvme nvme1: I/O {int:100-999} QID {int:1-8} timeout, aborting'], '-40m', on, 12);
      b.burst('forum-db', 'fatal', ['postgres: could not read block {int:10000-99999} in file "base/16384/{int:16000-17000}": Input/output error', 'kernel: EXT4-fs error (device nvme1n1): ext4_find_entry:1463: inode #{int:100000-999999}: comm postgres: reading directory lblock 0', 'kernel: EXT4-fs (nvme1n1): Remounting filesystem read-only'], on, '-0s', 40);
      b.burst('forum-app', 'error', ['PG::IOError: ERROR: could not read block {int:10000-99999} in file "base/16384/{int:16000-17000}": Input/output error', 'PG::ReadOnlySqlTransaction: ERROR: cannot execute INSERT in a read-only transaction'], '-13m', '-0s', 50);
      b.burst('backup-agent', 'error', ['nightly base backup failed: pg_basebackup: error: could not read file "base/16384/{int:16000-17000}": Input/output error'], '-1h10m', '-1h05m', 2);
      b.rt('-13m', 'forum-db', 'unhealthy', 'host forum-db-1: filesystem /var/lib/postgresql remounted read-only');
      b.change('-1h35m', 'forum-app', 'deployment', 'forum-app 3.4.2: emoji picker update', { version: '3.4.2', previousVersion: '3.4.1', author: 'admin-sam' });
      b.exc('-12m', 'forum-app', 'PG::IOError', 'could not read block in file "base/16384/16502": Input/output error', 310, 'Topic#show');
    },
    expected: { service: 'forum-db', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'Hacker News, Jan 2014 (disk failure on the single server)',
      clue: 'Kernel medium errors and NVMe timeouts on the database host, SMART media errors climbing, then I/O errors in Postgres and a read-only remount; the app only relays them. No reference: only the window.',
    },
  },
];
