import type { ScenarioSpec } from './engine.js';
import { M, H, span, expected, step, noisy } from './kit.js';
import { cloudwatchEvent, opsgenie, pagerduty } from './signals.js';

/* Three more: a node's clock, a VPC endpoint policy, a schema migration. */

const G1_AT = '2026-02-09T07:26:00Z';
const skewed = 'ip-10-3-8-21.eu-west-1.compute.internal';
/** When the skewed node joined (seconds before the alert). */
const JOINED = -2 * H - 45 * M;
const g1: ScenarioSpec = {
  name: 'media-ingest-upload-errors-page',
  description: 'PagerDuty incident: media-ingest upload failures above 5%.',
  at: G1_AT,
  signal: {
    source: 'pagerduty',
    ...pagerduty({ at: G1_AT, createdAt: -3 * M, title: 'media-ingest: upload failure rate 14% (threshold 5%)', service: 'media-ingest', number: 5120, urgency: 'high', team: 'Media', escalation: 'Media Primary' }),
  },
  topology: {
    'upload-gateway': ['media-ingest'],
    'media-ingest': ['media-originals-bucket', 'transcode-jobs', 'media-db'],
    'transcode-jobs': ['transcoder'],
    transcoder: ['media-renditions-bucket'],
    'thumbnailer': ['media-originals-bucket'],
  },
  window: 3 * H,
  services: [
    { name: 'upload-gateway', style: 'prom', rps: 40, p99: 2500, err: 0.004, spiky: 0.05 },
    { name: 'media-ingest', style: 'prom', rps: 40, p99: 1800, err: 0.003, info: ['stored original {hex:12} ({n:1-900} MB) on {pick:media-ingest-7d9c5b-k2x4p|media-ingest-7d9c5b-q8w2n|media-ingest-7d9c5b-z5m7r|media-ingest-7d9c5b-h3j6t|media-ingest-7d9c5b-p9v1c|media-ingest-7d9c5b-x4b8d}'], logEvery: 60 },
    { name: 'transcoder', style: 'prom', rps: 12, p99: 40000, err: 0.01, chronic: [{ level: 'warn', message: 'ffmpeg: non-monotonous DTS in output stream 0:1; previous: {n:1000-9000}, current: {n:1000-9000}; changing to fix', every: 150 }] },
    { name: 'thumbnailer', style: 'prom', rps: 30, p99: 300, err: 0.002, info: ['thumbnail written'] },
  ],
  effects: [
    { service: 'media-ingest', from: -1 * H - 5 * M, ramp: 3 * M, err: 0.15 },
    { service: 'upload-gateway', from: -1 * H - 5 * M, ramp: 3 * M, err: 0.14 },
    { service: 'thumbnailer', from: -1 * H - 5 * M, ramp: 3 * M, err: 0.1 },
  ],
  series: [
    ...[skewed, 'ip-10-3-9-140.eu-west-1.compute.internal', 'ip-10-3-10-77.eu-west-1.compute.internal'].map((node, k) => ({
      name: 'node_timex_offset_seconds', service: node, labels: { instance: node, job: 'node-exporter' }, unit: 's',
      fn: (t: number, r: import('./prng.js').Rng, ref: boolean) => (k === 0 ? (!ref && t >= JOINED ? -(862 + (t - JOINED) * 0.0066) : null) : 0.0004 * r.gauss()),
    })),
    { name: 'node_timex_sync_status', service: skewed, labels: { instance: skewed, job: 'node-exporter' }, unit: '1', fn: (t, _r, ref) => (ref ? null : t >= JOINED ? 0 : null) },
    { name: 'aws_sdk_requests:rate1m', service: 'media-ingest', labels: { node: skewed, service: 's3', code: '403' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, ref || t < -1 * H - 5 * M ? 0 : 6.2, 0.1) },
    { name: 'aws_sdk_requests:rate1m', service: 'media-ingest', labels: { node: 'ip-10-3-9-140.eu-west-1.compute.internal', service: 's3', code: '403' }, unit: 'req/s', fn: () => 0 },
  ],
  logs: [
    { service: 'media-ingest', from: -1 * H - 5 * M, every: 20, level: 'error', msg: 'PutObject media-originals/{hex:12} failed on media-ingest-7d9c5b-{pick:k2x4p|q8w2n}: RequestTimeTooSkewed: The difference between the request time and the current time is too large. (status 403)' },
    { service: 'thumbnailer', from: -1 * H, every: 90, level: 'error', msg: 'GetObject media-originals/{hex:12} from pod thumbnailer-6c8f7d-m2q9s: AccessDenied: Request has expired (X-Amz-Date is more than 15 minutes before the server time) (status 403)' },
    { service: 'upload-gateway', from: -50 * M, every: 60, level: 'warn', msg: 'upload {hex:10} failed at commit step, client told to retry' },
  ],
  traces: [
    { from: -3 * H, to: -70 * M, count: 3, inRef: true, tree: (r) => span('upload-gateway', 'PUT /uploads/{id}', r.int(800, 2400), 'ok', undefined, [span('media-ingest', 'POST /originals', r.int(700, 2200), 'ok', { 'k8s.node.name': r.pick(['ip-10-3-9-140.eu-west-1.compute.internal', 'ip-10-3-10-77.eu-west-1.compute.internal', skewed]) }, [span('media-ingest', 'S3.PutObject', r.int(600, 2000), 'ok', { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'aws.s3.bucket': 'media-originals' })])]) },
    { from: -40 * M, to: -1 * M, count: 6, tree: (r, i) => { const bad = i % 3 === 0; return span('upload-gateway', 'PUT /uploads/{id}', bad ? r.int(90, 200) : r.int(800, 2400), bad ? 'error' : 'ok', undefined, [span('media-ingest', 'POST /originals', bad ? r.int(60, 150) : r.int(700, 2200), bad ? 'error' : 'ok', { 'k8s.node.name': bad ? skewed : r.pick(['ip-10-3-9-140.eu-west-1.compute.internal', 'ip-10-3-10-77.eu-west-1.compute.internal']) }, [span('media-ingest', 'S3.PutObject', bad ? r.int(30, 90) : r.int(600, 2000), bad ? 'error' : 'ok', { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'aws.s3.bucket': 'media-originals', ...(bad ? { 'http.response.status_code': 403, 'aws.error.code': 'RequestTimeTooSkewed' } : {}) })])]); } },
  ],
  changes: [
    { at: JOINED, service: skewed, kind: 'infrastructure', summary: 'node launched by Karpenter (nodepool general, m7i.2xlarge, eu-west-1b); media-ingest and thumbnailer pods scheduled on it', source: 'karpenter' },
    { at: -1 * H - 30 * M, service: 'media-ingest', kind: 'deployment', summary: 'media-ingest 4.2.0: multipart threshold 64 MB -> 32 MB', version: '4.2.0', previousVersion: '4.1.7', author: 'media-ci', commit: '2aa9e01', source: 'argocd' },
    { at: -20 * M, service: 'transcoder', kind: 'config', summary: 'transcoder: AV1 renditions enabled for premium uploads', author: 'media-eng', source: 'argocd' },
  ],
  reference: { hoursBack: 168, span: 3 * H },
  expected: expected(skewed, 'infrastructure', 'none', ['metrics', 'logs']),
  meta: {
    story: 'A node Karpenter launched at 04:41 never synchronised its clock (sync status 0) and started about 14 minutes 22 seconds behind, drifting further. Once the offset passes 15 minutes the SigV4 signatures its pods create are rejected: every S3 call from pods on that node fails RequestTimeTooSkewed or "Request has expired", while the same services on the other nodes are fine. Cordon and replace the node.',
    modelledOn: 'documented class: clock skew on one host breaking AWS SigV4 requests (RequestTimeTooSkewed / Signature expired)',
    alertService: 'media-ingest',
    alertStart: -3 * M,
    tempting: 'media-ingest 4.2.0 deployed 25 minutes before the first errors; transcoder config change; 403 reads as IAM',
  },
};

const G2_AT = '2026-10-20T13:09:00Z';
const g2: ScenarioSpec = {
  name: 'media-api-5xx-alarm',
  description: 'CloudWatch alarm: media-api target 5xx above 100 in 5 minutes.',
  at: G2_AT,
  signal: {
    source: 'cloudwatch',
    ...cloudwatchEvent({
      at: G2_AT,
      changed: -2 * M,
      name: 'media-api-target-5xx',
      description: 'media-api returning 5xx',
      reason: 'Threshold Crossed: 2 out of the last 2 datapoints [2210.0 (20/10/26 13:00:00), 1984.0 (20/10/26 12:55:00)] were greater than the threshold (100.0) (minimum 2 datapoints for OK -> ALARM transition).',
      namespace: 'AWS/ApplicationELB',
      metric: 'HTTPCode_Target_5XX_Count',
      dimensions: { TargetGroup: 'targetgroup/media-api/7a6b5c4d3e2f1a09', LoadBalancer: 'app/media-public/1f2e3d4c5b6a7980' },
      stat: 'Sum',
      threshold: 100,
      evaluationPeriods: 2,
      region: 'eu-west-1',
    }),
  },
  topology: {
    'media-cdn': ['media-api'],
    'media-api': ['s3-gateway-endpoint', 'media-db', 'entitlements-api'],
    's3-gateway-endpoint': ['media-assets-bucket'],
    'export-worker': ['s3-gateway-endpoint', 'exports-bucket'],
    'entitlements-api': ['entitlements-db'],
  },
  services: [
    { name: 'media-api', style: 'cw-alb', rps: 150, p99: 300, err: 0.002, labels: { TargetGroup: 'targetgroup/media-api/7a6b5c4d3e2f1a09', LoadBalancer: 'app/media-public/1f2e3d4c5b6a7980' }, info: ['GET /assets/{hex:10} 200', 'signed asset url issued'], logEvery: 60 },
    { name: 'export-worker', style: 'otel', rps: 2, p99: 4000, err: 0.003, info: ['export {hex:8} uploaded to s3://acme-exports/'], logEvery: 300 },
    { name: 'entitlements-api', style: 'otel', rps: 150, p99: 30, err: 0.0005, chronic: [{ level: 'warn', message: 'entitlement cache stale for account {n:100000-999999}, refetching', every: 200 }] },
  ],
  effects: [
    { service: 'media-api', from: -14 * M, err: 0.09 },
  ],
  series: [
    { name: 's3_client_requests:rate1m', service: 'media-api', labels: { bucket: 'acme-media-assets', operation: 'GetObject', status: '403' }, unit: 'req/s', fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 0, 13.5), 0.1) },
    { name: 's3_client_requests:rate1m', service: 'export-worker', labels: { bucket: 'acme-exports', operation: 'PutObject', status: '200' }, unit: 'req/s', fn: (_t, r) => noisy(r, 2, 0.2) },
    { name: 'BytesDownloaded', service: 'media-assets-bucket', labels: { Namespace: 'AWS/S3', BucketName: 'acme-media-assets', FilterId: 'EntireBucket', Statistic: 'Sum' }, unit: 'Bytes', step: 300, gaps: 0.1, fn: (t, r, ref) => noisy(r, step(t, ref, -14 * M, 9.1e10, 8.2e10), 0.05) },
  ],
  logs: [
    { service: 'media-api', from: -14 * M, every: 6, level: 'error', msg: 'GetObject s3://acme-media-assets/{pick:video|img|audio}/{hex:10}: AccessDenied: User: arn:aws:sts::481516234200:assumed-role/media-api-task/{hex:32} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-media-assets/{hex:10}" because no VPC endpoint policy allows the s3:GetObject action (status 403)' },
  ],
  traces: [
    { from: -2 * H, to: -15 * M, count: 3, inRef: true, tree: (r) => span('media-api', 'GET /assets/{id}', r.int(80, 260), 'ok', undefined, [span('entitlements-api', 'GET /entitlements/{account}', r.int(5, 20)), span('media-api', 'S3.GetObject', r.int(40, 200), 'ok', { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'aws.s3.bucket': 'acme-media-assets' })]) },
    { from: -12 * M, to: -1 * M, count: 5, tree: (r, i) => { const bad = i % 5 !== 4; return span('media-api', 'GET /assets/{id}', bad ? r.int(20, 60) : r.int(80, 260), bad ? 'error' : 'ok', undefined, [span('entitlements-api', 'GET /entitlements/{account}', r.int(5, 20)), span('media-api', 'S3.GetObject', bad ? r.int(5, 20) : r.int(40, 200), bad ? 'error' : 'ok', { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'aws.s3.bucket': 'acme-media-assets', ...(bad ? { 'aws.error.code': 'AccessDenied', 'http.response.status_code': 403 } : { 'aws.s3.key_prefix': 'public-cached/' }) })]); } },
  ],
  changes: [
    { at: -3 * H, service: 'media-api', kind: 'deployment', summary: 'media-api 8.12.0: signed URL TTL configurable', version: '8.12.0', previousVersion: '8.11.5', author: 'media-ci', source: 'codedeploy' },
    { at: -15 * M, service: 's3-gateway-endpoint', kind: 'config', summary: 'ModifyVpcEndpoint vpce-0b7e1c2d3a4f5e6d7: PolicyDocument updated (terraform module network-baseline v3.0.0)', author: 'arn:aws:sts::481516234200:assumed-role/network-terraform/ci-2291', source: 'cloudtrail' },
    { at: -11 * M, service: 'entitlements-api', kind: 'deployment', summary: 'entitlements-api 2.3.1', version: '2.3.1', previousVersion: '2.3.0', author: 'accounts-ci', source: 'argocd' },
  ],
  alerts: [{ at: -6 * M, service: 'media-cdn', name: 'CloudFront 5xxErrorRate > 1%', status: 'firing' }],
  reference: { hoursBack: 168 },
  expected: expected('s3-gateway-endpoint', 'config_change', 'revert_config', ['changes', 'logs']),
  meta: {
    story: 'The network team rolls out a baseline module that replaces the S3 gateway endpoint\'s policy with one listing only the buckets it knew about; acme-media-assets is not among them, so every GetObject from the VPC is denied (explicitly "no VPC endpoint policy allows"). Cached CDN objects still serve, so errors are about 9% of requests; export-worker writes to another, listed bucket and is fine.',
    modelledOn: 'documented class: VPC endpoint policy change denying S3 access ("because no VPC endpoint policy allows")',
    alertService: 'media-api',
    alertStart: -2 * M,
    tempting: 'media-api (alarm, deploy three hours earlier, role in the error message reads as IAM); entitlements-api deploy after onset',
  },
};

const G3_AT = '2026-05-27T10:44:00Z';
const g3: ScenarioSpec = {
  name: 'orders-db-active-sessions-high',
  description: 'Opsgenie alert: orders Postgres active sessions above 400.',
  at: G3_AT,
  signal: {
    source: 'opsgenie',
    ...opsgenie({
      at: G3_AT,
      createdAt: -2 * M,
      message: 'orders-db: 612 active sessions (threshold 400)',
      alias: 'orders-db-active-sessions',
      entity: 'orders-db',
      source: 'Datadog',
      priority: 'P1',
      description: 'postgresql.activity.count{state:active,db:orders} above 400 for 3 minutes',
      tags: ['db:orders', 'env:prod', 'team:dba'],
      details: { service: 'orders-db', dbinstanceidentifier: 'orders-db-prod' },
      teams: ['dba'],
    }),
  },
  topology: {
    'shop-web': ['orders-svc', 'catalog-svc'],
    'orders-svc': ['orders-db', 'payments-svc'],
    'fulfilment-svc': ['orders-db'],
    'reporting-replica-etl': ['orders-db-replica'],
  },
  services: [
    { name: 'shop-web', style: 'dd', rps: 300, p99: 450, err: 0.002 },
    { name: 'orders-svc', style: 'dd', rps: 120, p99: 140, err: 0.001, info: ['order {n:1000000-9999999} created', 'order {n:1000000-9999999} status updated'], logEvery: 60 },
    { name: 'fulfilment-svc', style: 'dd', rps: 40, p99: 90, err: 0.001, info: ['shipment created'], logEvery: 120 },
    { name: 'catalog-svc', style: 'dd', rps: 400, p99: 60, err: 0.001 },
    { name: 'payments-svc', style: 'dd', rps: 50, p99: 700, err: 0.004, spiky: 0.06, chronic: [{ level: 'warn', message: 'card_declined for order {n:1000000-9999999}', every: 90 }] },
  ],
  effects: [
    { service: 'orders-svc', from: -9 * M, lat: 60, err: 0.35 },
    { service: 'fulfilment-svc', from: -9 * M, lat: 80, err: 0.4 },
    { service: 'shop-web', from: -9 * M, lat: 8, err: 0.12 },
  ],
  series: [
    { name: 'postgresql.activity.count', service: 'orders-db', labels: { state: 'active', db: 'orders' }, unit: 'connection', fn: (t, r, ref) => Math.round(noisy(r, ref || t < -9 * M ? 35 : Math.min(640, 35 + (t + 9 * M) * 1.6), 0.05)) },
    { name: 'postgresql.locks', service: 'orders-db', labels: { mode: 'AccessExclusiveLock', table: 'orders', granted: 'false' }, unit: 'lock', fn: (t, r, ref) => (ref || t < -9 * M ? 0 : 1) },
    { name: 'postgresql.locks', service: 'orders-db', labels: { mode: 'RowExclusiveLock', table: 'orders', granted: 'false' }, unit: 'lock', fn: (t, r, ref) => Math.round(ref || t < -9 * M ? 0 : Math.min(600, (t + 9 * M) * 1.5)) },
    { name: 'aws.rds.cpuutilization', service: 'orders-db', labels: { dbinstanceidentifier: 'orders-db-prod' }, unit: 'percent', step: 60, fn: (t, r, ref) => noisy(r, ref || t < -9 * M ? 31 : 12, 0.1) },
    { name: 'postgresql.activity.oldest_transaction_age', service: 'orders-db', labels: { db: 'orders' }, unit: 'second', fn: (t, r, ref) => (ref || t < -10 * M ? noisy(r, 2, 0.5) : (t + 10 * M) + 40 * 60) },
  ],
  logs: [
    { service: 'orders-db', from: -9 * M, every: 15, level: 'warn', msg: 'LOG:  process {n:20000-40000} still waiting for RowExclusiveLock on relation 16488 of database 16401 after 1000.{n:100-999} ms' },
    { service: 'orders-db', from: -9 * M, to: -8 * M, every: 30, level: 'warn', msg: 'LOG:  process 31877 still waiting for AccessExclusiveLock on relation 16488 of database 16401 after 1000.214 ms DETAIL: Process holding the lock: 29410. Wait queue: 31877.' },
    { service: 'orders-db', from: -9 * M, to: -8 * M, every: 60, level: 'info', msg: 'STATEMENT:  ALTER TABLE orders ADD COLUMN gift_message text, ADD CONSTRAINT orders_gift_message_len CHECK (char_length(gift_message) <= 500)' },
    { service: 'orders-svc', from: -9 * M, every: 10, level: 'error', msg: 'ActiveRecord::LockWaitTimeout / PG::LockNotAvailable: canceling statement due to lock timeout on UPDATE "orders"' },
    { service: 'fulfilment-svc', from: -9 * M, every: 25, level: 'error', msg: 'sqlalchemy.exc.OperationalError: canceling statement due to statement timeout (SELECT ... FROM orders WHERE ...)' },
    { service: 'orders-db', from: -2 * H, to: -50 * M, every: 1200, level: 'info', msg: 'LOG:  automatic analyze of table "orders.public.order_items"' },
  ],
  traces: [
    { from: -2 * H, to: -10 * M, count: 3, inRef: true, tree: (r) => span('shop-web', 'POST /checkout', r.int(250, 450), 'ok', undefined, [span('orders-svc', 'POST /orders', r.int(80, 140), 'ok', undefined, [span('orders-svc', 'INSERT orders', r.int(2, 8), 'ok', { 'db.system': 'postgresql' }), span('payments-svc', 'POST /charge', r.int(150, 300))])]) },
    { from: -8 * M, to: -1 * M, count: 5, tree: (r) => span('shop-web', 'POST /checkout', r.int(5000, 9000), 'error', undefined, [span('orders-svc', 'POST /orders', r.int(5000, 8900), 'error', undefined, [span('orders-svc', 'INSERT orders', r.int(5000, 8800), 'error', { 'db.system': 'postgresql', 'error.type': 'PG::LockNotAvailable' })])]) },
  ],
  changes: [
    { at: -10 * M, service: 'orders-svc', kind: 'deployment', summary: 'orders-svc 2026.05.27.2: gift messages (runs db:migrate as pre-deploy job)', version: '2026.05.27.2', previousVersion: '2026.05.27.1', author: 'k.adeyemi', commit: 'ab3c9d1', source: 'github-actions' },
    { at: -1 * H - 10 * M, service: 'reporting-replica-etl', kind: 'config', summary: 'reporting ETL: nightly full export moved to 10:30 UTC (long read transaction on primary for consistency snapshot)', author: 'data-team', source: 'airflow' },
    { at: -30 * M, service: 'catalog-svc', kind: 'deployment', summary: 'catalog-svc 5.8.0', version: '5.8.0', previousVersion: '5.7.3', author: 'catalog-ci', source: 'argocd' },
  ],
  alerts: [{ at: -7 * M, service: 'shop-web', name: 'Checkout error rate high', status: 'firing' }],
  reference: { hoursBack: 24 },
  expected: expected('orders-svc', 'deployment', 'rollback', ['changes', 'logs']),
  meta: {
    story: 'The orders-svc release runs a migration that needs an ACCESS EXCLUSIVE lock on orders. A long read transaction (the ETL snapshot moved to 10:30) holds a share lock, so the ALTER waits, and every ordinary UPDATE/INSERT on orders queues behind the waiting ALTER: sessions pile up within seconds of the deploy. Cancelling the migration (rolling the release back) releases the queue.',
    modelledOn: 'documented class: Postgres schema migration lock queue (ALTER TABLE waiting on ACCESS EXCLUSIVE blocks all writers)',
    alertService: 'orders-db',
    alertStart: -2 * M,
    tempting: 'the database (alert, sessions, locks); the ETL schedule change that created the long transaction; catalog-svc deploy',
  },
};

export const SPECS_G: ScenarioSpec[] = [g1, g2, g3];
