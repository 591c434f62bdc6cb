import { add, int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { alertmanager, cloudwatchEvent, datadog, DD_TEMPLATE_FULL, grafana, pagerduty } from '../senders.js';

/** Google 2020-12-14: the user-ID service runs out of quota and every login that needs it fails. */
export function userDirectoryQuota(): Scenario {
  const s = new Scenario({
    name: 'user-directory-quota-exhausted-logins-fail',
    description:
      'Modeled on Google Cloud 2020-12-14: the quota system enforces a storage-lookup quota on the user ID service that it now believes is over its allocation; user-directory rejects lookups with RESOURCE_EXHAUSTED, the auth gateway cannot mint tokens, and webmail logins fail. Alertmanager pages on the mail frontend, two hops from the fault. No change on user-directory.',
    at: '2026-12-14T11:58:00Z',
    seed: 401,
    peakHourUtc: 12,
    reference: { hoursBefore: 24 },
    topology: { 'mail-frontend': ['auth-gateway', 'mailbox-store'], 'auth-gateway': ['user-directory'], 'user-directory': ['quota-server'] },
  });
  const onset = -11 * 60;
  s.change(-31 * 60, 'mail-frontend', 'deployment', 'mail-frontend 2026.50.3 (compose UI tweaks)', { version: '2026.50.3', previousVersion: '2026.50.2', source: 'rapid' });
  s.change(-52 * 60, 'mailbox-store', 'config', 'mailbox-store: compaction window moved to 12:00-14:00', { source: 'config-push' });
  s.metric({ name: 'quota_usage_ratio', service: 'user-directory', labels: { quota: 'lookups_per_minute' }, unit: 'ratio', base: 0.71, noise: 0.03, diurnal: 0.15, effect: level(onset, 1.0, 60, 0.0) });
  s.metric({ name: 'rpc_server_rejected_total_rate', service: 'user-directory', labels: { code: 'RESOURCE_EXHAUSTED' }, unit: 'req/s', base: 0.01, noise: 0.5, diurnal: 0, min: 0, round: 1, effect: level(onset, 5400, 60, 0.08) });
  red(s, 'user-directory', 'prom', { rps: 9000, errRatio: 0.0003, p99: 0.012, errEffect: level(onset, 0.61, 60, 0.05) });
  red(s, 'auth-gateway', 'prom', { rps: 7200, errRatio: 0.0005, p99: 0.05, errEffect: level(onset + 20, 0.58, 60, 0.05) });
  red(s, 'mail-frontend', 'prom', { rps: 15000, errRatio: 0.001, p99: 0.3, errEffect: level(onset + 30, 0.19, 60, 0.08) });
  red(s, 'mailbox-store', 'prom', { rps: 11000, errRatio: 0.0008, p99: 0.09 });
  chatter(s, 'mail-frontend', 'go', 30);
  chatter(s, 'auth-gateway', 'go', 40);
  s.logs('mailbox-store', 'warn', (r) => `compaction behind on shard ${int(r, 1, 64)} by ${int(r, 2, 9)} generations`, 120);
  s.logs('quota-server', 'info', (r) => `usage report ingested for ${int(r, 300, 400)} principals`, 240);
  s.logs('user-directory', 'error', (r) => `lookup rejected: rpc error: code = ResourceExhausted desc = Quota exceeded for quota metric 'lookups' and limit 'lookups per minute' of service 'user-directory' for consumer '${pick(r, ['auth-gateway', 'auth-gateway', 'contacts-sync'])}'`, 4, { from: onset });
  s.logs('auth-gateway', 'error', (r) => `token mint failed for session ${int(r, 1e8, 9e8)}: user-directory: RESOURCE_EXHAUSTED`, 5, { from: onset + 15 });
  s.logs('mail-frontend', 'error', (r) => `login failed: upstream auth-gateway returned 503 (attempt ${int(r, 1, 3)})`, 6, { from: onset + 25 });
  const shape = [
    { service: 'mail-frontend', name: 'POST /login', ms: 150 },
    { service: 'auth-gateway', name: 'MintToken', parent: 0, ms: 40 },
    { service: 'user-directory', name: 'LookupUser', parent: 1, ms: 6 },
    { service: 'mailbox-store', name: 'OpenMailbox', parent: 0, ms: 60, after: 45 },
  ];
  s.traces(shape, 14);
  s.traces(shape, 22, { from: onset, faults: [{ span: 2, status: 'error', ms: 1, attributes: { 'rpc.grpc.status_code': 8, 'error.message': 'Quota exceeded for quota metric lookups' }, drop: [3] }], rate: 0.7 });
  s.alert(onset + 90, 'auth-gateway', 'AuthGatewayAvailability');
  s.setSignal(
    alertmanager(s, {
      receiver: 'causeway',
      externalURL: 'https://alertmanager.prod.mailco.net',
      groupBy: ['alertname', 'service', 'cluster'],
      alerts: [
        { labels: { alertname: 'LoginSuccessRateLow', service: 'mail-frontend', cluster: 'eu-west4-a', severity: 'critical' }, annotations: { summary: 'Login success rate 79% (< 97%)' }, startsAt: onset + 240, generatorURL: 'https://prometheus.prod.mailco.net/graph?g0.expr=login%3Asuccess_ratio%3Arate5m+%3C+0.97' },
        { labels: { alertname: 'LoginSuccessRateLow', service: 'mail-frontend', cluster: 'us-east1-c', severity: 'critical' }, annotations: { summary: 'Login success rate 81% (< 97%)' }, startsAt: onset + 250, generatorURL: 'https://prometheus.prod.mailco.net/graph?g0.expr=login%3Asuccess_ratio%3Arate5m+%3C+0.97' },
      ],
    }),
  );
  s.expect({ rootCause: { service: 'user-directory', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['logs', 'metrics'] });
  return s;
}

/** A Redis cache with noeviction fills up; writes fail and logins cannot create sessions. */
export function sessionRedisFull(): Scenario {
  const s = new Scenario({
    name: 'session-redis-maxmemory-noeviction',
    description:
      'Modeled on a well-known class of incident, a Redis cache with maxmemory-policy noeviction filling up: the ElastiCache session store, set to noeviction, grows with a longer session TTL chosen months ago until it reaches maxmemory; writes fail with OOM, reads still work, so only new logins break. Datadog pages on web-login. A routine pod restart of web-login happened earlier.',
    at: '2026-05-18T18:22:00Z',
    seed: 402,
    peakHourUtc: 18,
    reference: { hoursBefore: 168 },
    topology: { 'web-login': ['session-cache', 'identity-svc'], 'account-ui': ['session-cache'], 'identity-svc': ['identity-db'] },
  });
  const onset = -9 * 60;
  s.change(-44 * 60, 'identity-svc', 'deployment', 'identity-svc 8.1.2', { version: '8.1.2', previousVersion: '8.1.1', source: 'harness' });
  s.event(-38 * 60, 'web-login', 'restart', 'rollout restart (weekly node rotation)', 12);
  s.metric({ name: 'aws.elasticache.database_memory_usage_percentage', service: 'session-cache', unit: 'percent', labels: { cacheclusterid: 'session-cache-0001-001' }, base: 93, noise: 0.002, diurnal: 0, round: 2, effect: (t, v) => Math.min(100, v + (t + 3600) * 0.0021) });
  s.metric({ name: 'aws.elasticache.evictions', service: 'session-cache', unit: 'count', labels: { cacheclusterid: 'session-cache-0001-001' }, base: 0, noise: 0, diurnal: 0, round: 0 });
  s.metric({ name: 'redis.net.rejected_writes', service: 'session-cache', unit: 'count/s', base: 0, noise: 0, diurnal: 0, round: 1, min: 0, effect: level(onset, 140, 60, 0.2) });
  s.metric({ name: 'aws.elasticache.curr_items', service: 'session-cache', base: 4.1e7, noise: 0.001, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v + (t + 3600) * 380 : v + (onset + 3600) * 380) });
  red(s, 'web-login', 'datadog', { rps: 210, errRatio: 0.002, p99: 0.4, errEffect: level(onset + 10, 140, 60, 0.15) });
  red(s, 'account-ui', 'datadog', { rps: 520, errRatio: 0.001, p99: 0.2 });
  red(s, 'identity-svc', 'datadog', { rps: 220, errRatio: 0.001, p99: 0.09 });
  chatter(s, 'web-login', 'node', 30);
  chatter(s, 'account-ui', 'node', 40);
  s.logs('identity-svc', 'warn', (r) => `password hash upgrade pending for user ${int(r, 1e6, 9e6)} (bcrypt cost 10 -> 12)`, 90);
  s.logs('web-login', 'error', (r) => `ReplyError: OOM command not allowed when used memory > 'maxmemory'. command=SETEX key=sess:${int(r, 1e9, 9e9)}`, 4, { from: onset });
  s.logs('web-login', 'error', 'POST /login 500 session store write failed', 6, { from: onset + 5 });
  s.logs('session-cache', 'warn', 'used_memory 99.8% of maxmemory, maxmemory-policy noeviction', 120, { from: onset - 600 });
  const shape = [
    { service: 'web-login', name: 'POST /login', ms: 180 },
    { service: 'identity-svc', name: 'VerifyPassword', parent: 0, ms: 120 },
    { service: 'web-login', name: 'redis SETEX', parent: 0, ms: 1, after: 130, attributes: { 'db.system': 'redis', 'peer.service': 'session-cache' } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 18, { from: onset, faults: [{ span: 2, status: 'error', attributes: { 'error.message': "OOM command not allowed when used memory > 'maxmemory'" } }], rate: 0.75 });
  s.setSignal(
    datadog(s, DD_TEMPLATE_FULL, {
      ID: '7720133480021559012',
      ALERT_ID: '55019233',
      AGGREG_KEY: '0f3a8b6e2d7c41a9b0e5d6c7f8a9b0c1',
      ALERT_CYCLE_KEY: '7720133480021559012',
      EVENT_TITLE: '[Triggered] web-login 5xx errors',
      TEXT_ONLY_MSG: 'web-login is returning errors for 63% of POST /login. @webhook-causeway @pagerduty-identity',
      ALERT_TRANSITION: 'Triggered',
      ALERT_TYPE: 'error',
      ALERT_STATUS: 'sum(last_5m):sum:trace.http.request.errors{env:prod,service:web-login}.as_count() > 500',
      ALERT_PRIORITY: 'P1',
      PRIORITY: 'normal',
      TAGS: 'env:prod,service:web-login,team:identity,kube_namespace:identity',
      ALERT_SCOPE: 'env:prod,service:web-login',
      HOSTNAME: '',
      ALERT_METRIC: 'trace.http.request.errors',
      LINK: 'https://app.datadoghq.com/event/event?id=7720133480021559012',
      DATE: String(s.ms(onset + 300)),
      ORG_ID: '118273',
    }),
  );
  s.expect({ rootCause: { service: 'session-cache', kind: 'resource_exhaustion' }, action: 'scale_out', mustCite: ['logs', 'metrics'] });
  return s;
}

/** A Kafka broker's disk fills; partitions it leads go offline and producers fail. */
export function kafkaDiskFull(): Scenario {
  const s = new Scenario({
    name: 'kafka-broker-disk-full-producers-fail',
    description:
      'Modeled on a well-known class of incident, a Kafka broker whose log directory fills: a traffic-heavy topic grows broker events-kafka-3\'s log dir to 100%; the broker marks the dir offline, partitions under-replicate, and producers with acks=all fail with NOT_ENOUGH_REPLICAS. The disk warning had been firing for hours. Grafana alerts on the clickstream ingest service.',
    at: '2026-08-26T03:47:00Z',
    seed: 403,
    peakHourUtc: 1,
    reference: { hoursBefore: 24 },
    topology: { 'clickstream-ingest': ['events-kafka'], 'sessionizer': ['events-kafka'], 'events-kafka': [] },
  });
  const onset = -14 * 60;
  s.change(-5 * 3600, 'schema-registry', 'deployment', 'schema-registry 7.6.1', { version: '7.6.1', previousVersion: '7.6.0', source: 'helm' });
  s.change(-40 * 60, 'sessionizer', 'deployment', 'sessionizer 1.44.0', { version: '1.44.0', previousVersion: '1.43.2', source: 'helm' });
  s.alert(-3 * 3600 - 20 * 60, 'events-kafka', 'KafkaBrokerDiskUsageAbove85');
  s.metric({ name: 'node_filesystem_used_ratio', service: 'events-kafka', labels: { instance: 'events-kafka-3', mountpoint: '/var/lib/kafka' }, unit: 'ratio', base: 0.955, noise: 0.001, diurnal: 0, round: 4, max: 1, effect: (t, v) => Math.min(1, v + (t + 3600) * 0.0000165) });
  s.metric({ name: 'node_filesystem_used_ratio', service: 'events-kafka', labels: { instance: 'events-kafka-1', mountpoint: '/var/lib/kafka' }, unit: 'ratio', base: 0.71, noise: 0.002, diurnal: 0, round: 4 });
  s.metric({ name: 'kafka_server_replicamanager_underreplicatedpartitions', service: 'events-kafka', base: 0, noise: 0, diurnal: 0, round: 0, effect: level(onset, 212, 0, 0.0) });
  s.metric({ name: 'kafka_controller_kafkacontroller_offlinepartitionscount', service: 'events-kafka', base: 0, noise: 0, diurnal: 0, round: 0, effect: level(onset + 60, 37, 0, 0.0) });
  red(s, 'clickstream-ingest', 'prom', { rps: 5400, errRatio: 0.0004, p99: 0.02, errEffect: level(onset + 30, 0.16, 60, 0.1), latEffect: ramp(onset, 40, 60) });
  s.metric({ name: 'kafka_consumergroup_lag_sum', service: 'sessionizer', labels: { consumergroup: 'sessionizer' }, base: 2000, noise: 0.2, diurnal: 0.2, round: 0, effect: add(onset, 250000, 600) });
  chatter(s, 'clickstream-ingest', 'go', 30);
  chatter(s, 'sessionizer', 'worker', 40);
  s.logs('events-kafka', 'info', (r) => `[Log partition=clicks-${int(r, 0, 95)}, dir=/var/lib/kafka] Rolled new log segment at offset ${int(r, 1e8, 9e8)}`, 20, { to: onset });
  s.logs('events-kafka', 'warn', 'disk usage on /var/lib/kafka at 97%, retention cleanup cannot keep up (log.retention.hours=168)', 600, { to: onset });
  s.log(onset, 'events-kafka', 'error', '[ReplicaManager broker=3] Error while writing to checkpoint file /var/lib/kafka/replication-offset-checkpoint: java.io.IOException: No space left on device');
  s.log(onset + 2, 'events-kafka', 'error', '[LogDirFailureChannel id=3] Error while appending records to clicks-41 in dir /var/lib/kafka (org.apache.kafka.common.errors.KafkaStorageException)');
  s.log(onset + 4, 'events-kafka', 'warn', '[ReplicaManager broker=3] Stopping serving replicas in dir /var/lib/kafka');
  s.logs('clickstream-ingest', 'error', (r) => `produce failed topic=clicks partition=${int(r, 0, 95)}: kafka server: Messages are rejected since there are fewer in-sync replicas than required (NOT_ENOUGH_REPLICAS)`, 4, { from: onset + 20 });
  s.logs('sessionizer', 'warn', (r) => `fetch from leader failed for clicks-${int(r, 0, 95)}: NOT_LEADER_OR_FOLLOWER, refreshing metadata`, 15, { from: onset + 30 });
  s.logs('schema-registry', 'warn', 'subject clicks-value has 312 versions, consider compaction', 900);
  s.setSignal(
    grafana(s, {
      receiver: 'causeway',
      baseUrl: 'https://grafana.data.example.io',
      labels: { alertname: 'IngestProduceErrors', service: 'clickstream-ingest', severity: 'critical', team: 'data-platform', grafana_folder: 'Data Platform' },
      annotations: { summary: 'clickstream-ingest produce error ratio 16%', runbook_url: 'https://runbooks.example.io/ingest-produce-errors' },
      startsAt: onset + 300,
      values: { B: 0.161, C: 1 },
      ruleUid: 'ingest-produce-err',
      dashboardUid: 'ingest-overview',
      panelId: 7,
    }),
  );
  s.expect({ rootCause: { service: 'events-kafka', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['logs', 'metrics'] });
  return s;
}

/** A leak that weekly deploys used to hide: after the holiday code freeze the pods run out of memory. */
export function resizerLeakFreeze(): Scenario {
  const s = new Scenario({
    name: 'image-resizer-leak-exposed-by-code-freeze',
    description:
      'Modeled on a well-known class of incident, a slow leak that frequent deploys used to hide until a code freeze: image-resizer has leaked slowly for years, masked by deploys that restarted it every few days; during the end-of-year freeze it runs 19 days without a restart, reaches its memory limit and pods are OOM-killed in turn. The last deploy, 19 days ago, changed nothing relevant. The low-urgency PagerDuty incident on the listings service was opened at onset and only escalated to the second level (the webhook Causeway receives) about 100 minutes later.',
    at: '2026-12-30T15:10:00Z',
    seed: 404,
    peakHourUtc: 16,
    reference: { hoursBefore: 168 },
    windowStart: -2 * 3600 - 30 * 60,
    topology: { 'listings-api': ['image-resizer', 'listings-db'], 'image-resizer': ['media-bucket'] },
  });
  const onset = -1 * 3600 - 52 * 60;
  s.change(-19 * 86400 - 3 * 3600, 'image-resizer', 'deployment', 'image-resizer 2.31.7: bump base image (security)', { version: '2.31.7', previousVersion: '2.31.6', source: 'argo-cd' });
  s.change(-26 * 60, 'listings-db', 'config', 'listings-db: autovacuum_vacuum_scale_factor 0.1 -> 0.05 on listings table', { source: 'terraform' });
  s.metric({ name: 'container_memory_working_set_bytes', service: 'image-resizer', unit: 'bytes', base: 3.55e9, noise: 0.004, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v + (t + 9000) * 100000 : 2.2e9 + (((t - onset) % 480) / 480) * 1.85e9) });
  s.metric({ name: 'kube_pod_container_status_restarts_total', service: 'image-resizer', base: 0, noise: 0, diurnal: 0, round: 0, effect: (t) => (t < onset ? 0 : Math.floor((t - onset) / 140)) });
  red(s, 'image-resizer', 'prom', { rps: 650, errRatio: 0.001, p99: 0.35, errEffect: level(onset, 0.12, 60, 0.4), latEffect: ramp(onset - 1200, 3.5, 1200) });
  red(s, 'listings-api', 'prom', { rps: 900, errRatio: 0.001, p99: 0.6, errEffect: level(onset + 30, 0.07, 60, 0.4), latEffect: ramp(onset - 1200, 2.5, 1200) });
  chatter(s, 'listings-api', 'jvm', 80);
  chatter(s, 'image-resizer', 'go', 90);
  s.logs('listings-db', 'info', (r) => `automatic vacuum of table "listings.public.listings": index scans: 1, pages: ${int(r, 0, 40)} removed`, 400);
  s.logs('image-resizer', 'warn', (r) => `vips: heap usage ${int(r, 3400, 3900)}MiB after ${int(r, 430, 460)}h uptime`, 200, { to: onset });
  s.logs('image-resizer', 'warn', 'libvips cache: 4096 operations cached, max 4096', 300);
  s.logs('listings-api', 'error', (r) => `thumbnail fetch failed for listing ${int(r, 1e6, 9e6)}: upstream connect error or disconnect/reset before headers. reset reason: connection termination`, 25, { from: onset + 20 });
  for (let i = 0; i < 14; i++) s.event(onset + 30 + i * 420 + int(s.r, 0, 90), 'image-resizer', 'oom_killed', `image-resizer-6b7f9-${['ab1', 'cd2', 'ef3', 'gh4', 'ij5', 'kl6', 'mn7'][i % 7]}${i >= 7 ? '-r1' : ''} OOMKilled (limit 4Gi${i >= 7 ? '' : ', uptime 19d'})`);
  s.alert(onset + 60, 'image-resizer', 'KubePodCrashLooping');
  const shape = [
    { service: 'listings-api', name: 'GET /listings/:id', ms: 90 },
    { service: 'listings-api', name: 'SELECT listings', parent: 0, ms: 8, attributes: { 'db.system': 'postgresql', 'peer.service': 'listings-db' } },
    { service: 'image-resizer', name: 'GET /resize', parent: 0, ms: 60, after: 12 },
  ];
  s.traces(shape, 10, { to: onset });
  s.traces(shape, 24, { from: onset, faults: [{ span: 2, status: 'error', ms: 5, attributes: { 'http.status_code': 503 } }], rate: 0.3 });
  s.setSignal(pagerduty(s, { subdomain: 'marketplace', serviceName: 'listings-api', title: 'listings-api: 5xx ratio above 5% (Prometheus)', createdAt: onset + 360, urgency: 'low', number: 30412, escalationPolicy: 'Marketplace Primary', eventType: 'incident.escalated', occurredAt: -20 }));
  s.expect({ rootCause: { service: 'image-resizer', kind: 'resource_exhaustion' }, action: 'restart', mustCite: ['runtime', 'metrics'] });
  return s;
}

/** Month-end documents got larger: each render takes longer and the function hits its reserved concurrency. */
export function pdfRenderConcurrency(): Scenario {
  const s = new Scenario({
    name: 'pdf-render-lambda-reserved-concurrency-exhausted',
    description:
      'Modeled on a well-known class of incident, Lambda concurrency throttling: on month-end, invoices run to many pages, each pdf-render invocation lasts four times longer, and the function sits at its reserved concurrency of 25; API Gateway returns 5XX for invoice downloads. CloudWatch alarms on the API (5-minute metrics only: the team queries no logs or traces for this function).',
    at: '2026-09-30T23:20:00Z',
    seed: 405,
    peakHourUtc: 22,
    topology: { 'invoice-api': ['pdf-render'], 'pdf-render': ['invoice-store'] },
  });
  const onset = -30 * 60;
  s.change(-50 * 60, 'invoice-api', 'config', 'API Gateway stage prod: enable access logging to CloudWatch Logs', { source: 'cloudtrail' });
  const cw = { step: 300 };
  s.metric({ ...cw, name: 'ConcurrentExecutions', service: 'pdf-render', unit: 'Count', labels: { FunctionName: 'pdf-render' }, base: 9, noise: 0.15, diurnal: 0.3, round: 0, max: 25, effect: level(onset, 25, 600, 0.0) });
  s.metric({ ...cw, name: 'Throttles', service: 'pdf-render', unit: 'Count', labels: { FunctionName: 'pdf-render' }, base: 0, noise: 0, diurnal: 0, round: 0, effect: level(onset + 300, 2400, 600, 0.15) });
  s.metric({ ...cw, name: 'Duration', service: 'pdf-render', unit: 'Milliseconds', labels: { FunctionName: 'pdf-render' }, base: 2100, noise: 0.1, diurnal: 0, round: 0, effect: ramp(onset, 4.2, 900) });
  s.metric({ ...cw, name: 'Invocations', service: 'pdf-render', unit: 'Count', labels: { FunctionName: 'pdf-render' }, base: 1300, noise: 0.08, diurnal: 0.3, round: 0, effect: ramp(onset, 1.15, 900) });
  s.metric({ ...cw, name: 'Errors', service: 'pdf-render', unit: 'Count', labels: { FunctionName: 'pdf-render' }, base: 2, noise: 0.8, diurnal: 0, round: 0, min: 0 });
  s.metric({ ...cw, name: '5XXError', service: 'invoice-api', unit: 'Count', labels: { ApiName: 'invoice-api', Stage: 'prod' }, base: 1, noise: 0.8, diurnal: 0, round: 0, min: 0, effect: level(onset + 300, 2300, 600, 0.15) });
  s.metric({ ...cw, name: 'Latency', service: 'invoice-api', unit: 'Milliseconds', labels: { ApiName: 'invoice-api', Stage: 'prod' }, base: 2300, noise: 0.1, diurnal: 0, round: 0, effect: ramp(onset, 3.6, 900) });
  s.setSignal(
    cloudwatchEvent(s, {
      account: '339712048125',
      region: 'us-west-2',
      alarmName: 'invoice-api-5xx',
      description: 'invoice-api prod stage 5XX errors',
      namespace: 'AWS/ApiGateway',
      metricName: '5XXError',
      dimensions: { ApiName: 'invoice-api', Stage: 'prod' },
      stat: 'Sum',
      period: 300,
      threshold: 50,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 2,
      changedAt: -10 * 60,
      recent: [2214, 1730],
      unit: 'Count',
    }),
  );
  s.expect({ rootCause: { service: 'pdf-render', kind: 'resource_exhaustion' }, action: 'scale_out', mustCite: ['metrics'] });
  return s;
}


export const cases = [userDirectoryQuota, sessionRedisFull, kafkaDiskFull, resizerLeakFreeze, pdfRenderConcurrency];
