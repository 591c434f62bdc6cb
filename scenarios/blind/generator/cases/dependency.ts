import { int, level, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { cloudwatchEvent, cloudwatchSns, grafana, opsgenie, pagerduty } from '../senders.js';

const reqId = (r: () => number): string => Array.from({ length: 16 }, () => 'ABCDEF0123456789'[Math.floor(r() * 16)]).join('');

/** AWS S3 us-east-1 2017-02-28, seen from a customer: S3 only appears as client spans and SDK errors. */
export function s3Outage(): Scenario {
  const s = new Scenario({
    name: 's3-us-east-1-outage-uploads-fail',
    description:
      'Modeled on the AWS S3 us-east-1 outage of 2017-02-28 as a customer saw it: the index and placement subsystems were removed by a mistyped command and S3 returned 503s for GET/PUT/LIST. Our upload and thumbnail services see S3 only as client spans and SDK errors; the AWS status page itself stayed green for a long time. PagerDuty pages on the upload API; an upload deploy two hours earlier is unrelated.',
    at: '2026-02-28T17:58:00Z',
    seed: 501,
    peakHourUtc: 17,
    reference: { hoursBefore: 24 },
    topology: { 'web-app': ['asset-uploader', 'gallery-api'], 'asset-uploader': ['s3'], 'thumbnailer': ['s3'], 'gallery-api': ['s3', 'gallery-db'] },
  });
  const onset = -20 * 60;
  s.change(-2 * 3600 - 5 * 60, 'asset-uploader', 'deployment', 'asset-uploader 3.2.0: multipart threshold 8MB -> 16MB', { version: '3.2.0', previousVersion: '3.1.9', source: 'codedeploy' });
  s.change(-34 * 60, 'gallery-db', 'config', 'RDS gallery-db: maintenance window updated', { source: 'cloudtrail' });
  red(s, 'asset-uploader', 'prom', { rps: 140, errRatio: 0.002, p99: 1.2, errEffect: level(onset, 0.93, 60, 0.03), latEffect: ramp(onset, 6, 120) });
  red(s, 'gallery-api', 'prom', { rps: 700, errRatio: 0.001, p99: 0.3, errEffect: level(onset, 0.58, 60, 0.06), latEffect: ramp(onset, 8, 120) });
  red(s, 'web-app', 'prom', { rps: 1300, errRatio: 0.001, p99: 0.5, errEffect: level(onset + 20, 0.31, 60, 0.06) });
  s.metric({ name: 'aws_sdk_requests_errors_total_rate', service: 'asset-uploader', labels: { aws_service: 'S3', operation: 'PutObject' }, unit: 'req/s', base: 0.05, noise: 0.6, diurnal: 0, min: 0, round: 2, effect: level(onset, 130, 60, 0.08) });
  s.metric({ name: 'thumbnail_jobs_failed_total_rate', service: 'thumbnailer', unit: 'jobs/s', base: 0.02, noise: 0.8, diurnal: 0, min: 0, round: 2, effect: level(onset, 42, 60, 0.1) });
  chatter(s, 'web-app', 'node', 30);
  chatter(s, 'thumbnailer', 'worker', 40);
  s.logs('gallery-db', 'info', 'checkpoint starting: time', 600);
  s.logs('web-app', 'warn', 'CSP violation report: inline script blocked on /gallery', 200);
  s.logs('asset-uploader', 'error', (r) => `upload ${int(r, 1e6, 9e6)} failed: ServiceUnavailable: Service Unavailable (status code: 503, request id: ${reqId(r)}, host id: ${reqId(r)}=)`, 5, { from: onset });
  s.logs('asset-uploader', 'warn', (r) => `retrying PutObject bucket=prod-user-assets attempt=${int(r, 2, 3)}/3 after 503 SlowDown`, 6, { from: onset });
  s.logs('thumbnailer', 'error', (r) => `GetObject s3://prod-user-assets/u/${int(r, 1e5, 9e5)}/orig.jpg: InternalError: We encountered an internal error. Please try again.`, 7, { from: onset });
  s.logs('gallery-api', 'error', (r) => `ListObjectsV2 prefix=u/${int(r, 1e5, 9e5)}/ failed: 503 Service Unavailable`, 8, { from: onset });
  const shape = [
    { service: 'web-app', name: 'POST /api/upload', ms: 900 },
    { service: 'asset-uploader', name: 'POST /upload', parent: 0, ms: 850 },
    { service: 'asset-uploader', name: 'S3.PutObject', parent: 1, ms: 700, attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'rpc.method': 'PutObject', 'peer.service': 's3', 'aws.s3.bucket': 'prod-user-assets', 'server.address': 'prod-user-assets.s3.amazonaws.com' } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 20, { from: onset, faults: [{ span: 2, status: 'error', ms: 2400, attributes: { 'http.status_code': 503, 'aws.request_id': 'EXAMPLE', 'error.type': 'ServiceUnavailable' } }], rate: 0.9 });
  const gal = [
    { service: 'web-app', name: 'GET /gallery', ms: 200 },
    { service: 'gallery-api', name: 'GET /v1/gallery', parent: 0, ms: 180 },
    { service: 'gallery-api', name: 'SELECT albums', parent: 1, ms: 7, attributes: { 'db.system': 'mysql', 'peer.service': 'gallery-db' } },
    { service: 'gallery-api', name: 'S3.ListObjectsV2', parent: 1, ms: 60, after: 9, attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'peer.service': 's3' } },
  ];
  s.traces(gal, 6);
  s.traces(gal, 10, { from: onset, faults: [{ span: 3, status: 'error', ms: 1500, attributes: { 'http.status_code': 503 } }], rate: 0.8 });
  s.alert(onset + 200, 'thumbnailer', 'ThumbnailJobFailures');
  s.setSignal(pagerduty(s, { subdomain: 'picshare', serviceName: 'Media Upload API', title: 'Upload success rate below 90% (Prometheus: UploadSuccessRateLow)', createdAt: onset + 300, urgency: 'high', priority: 'P1', number: 2284, escalationPolicy: 'Media On-call' }));
  s.expect({ rootCause: { service: 's3', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] });
  return s;
}

/** AWS Kinesis 2020-11-25: GetRecords fails, and CloudWatch metrics themselves arrive with gaps. */
export function kinesisOutage(): Scenario {
  const s = new Scenario({
    name: 'kinesis-getrecords-failing-metric-gaps',
    description:
      'Modeled on the AWS Kinesis Data Streams event of 2020-11-25 (front-end fleet thread limits after a capacity addition): consumers get errors from GetRecords and iterator age climbs, CloudWatch metrics arrive late or not at all, and the AWS Health event is only posted long after onset. The alarm, delivered over SNS, names the stream; the consumer Lambda is where the errors are logged. No traces.',
    at: '2026-11-25T14:44:00Z',
    seed: 502,
    peakHourUtc: 15,
    topology: { 'clickstream-collector': ['kinesis'], 'clickstream-processor': ['kinesis', 'events-warehouse'] },
  });
  const onset = -38 * 60;
  s.change(-8 * 60, 'kinesis', 'infrastructure', 'AWS Health AWS_KINESIS_OPERATIONAL_ISSUE (us-east-1): Increased error rates and latencies for Kinesis Data Streams APIs', { source: 'aws.health' });
  s.change(-55 * 60, 'clickstream-processor', 'config', 'Lambda clickstream-processor: batch size 100 -> 200', { source: 'cloudtrail' });
  const cw = { step: 60 };
  const gaps: Array<[number, number]> = [[onset + 420, onset + 900], [onset + 1200, -6 * 60]];
  s.metric({ ...cw, name: 'GetRecords.IteratorAgeMilliseconds', service: 'clickstream-events', unit: 'Milliseconds', labels: { StreamName: 'clickstream-events' }, base: 800, noise: 0.3, diurnal: 0, round: 0, gaps, effect: (t, v) => (t < onset ? v : v + (t - onset) * 1000) });
  s.metric({ ...cw, name: 'GetRecords.Success', service: 'clickstream-events', unit: 'Count', labels: { StreamName: 'clickstream-events' }, base: 1, noise: 0, diurnal: 0, round: 3, gaps, effect: level(onset, 0.18, 120, 0.3) });
  s.metric({ ...cw, name: 'PutRecords.FailedRecords', service: 'clickstream-events', unit: 'Count', labels: { StreamName: 'clickstream-events' }, base: 0.2, noise: 1, diurnal: 0, round: 0, min: 0, gaps, effect: level(onset, 3100, 120, 0.2) });
  s.metric({ ...cw, name: 'Errors', service: 'clickstream-processor', unit: 'Count', labels: { FunctionName: 'clickstream-processor' }, base: 1, noise: 1, diurnal: 0, round: 0, min: 0, gaps, effect: level(onset, 38, 120, 0.3) });
  s.logs('clickstream-processor', 'info', (r) => `processed ${int(r, 80, 200)} records, lastSequenceNumber=4961${int(r, 1e8, 9e8)}`, 30, { to: onset });
  s.logs('clickstream-processor', 'error', (r) => `InternalFailure: Internal service failure. (Service: AmazonKinesis; Status Code: 500; Error Code: InternalFailure; Request ID: ${reqId(r).toLowerCase()}-${int(r, 1000, 9999)})`, 9, { from: onset });
  s.logs('clickstream-collector', 'warn', (r) => `PutRecords partial failure: ${int(r, 20, 500)}/500 records failed (ServiceUnavailableException), buffering to disk`, 10, { from: onset });
  s.logs('clickstream-collector', 'info', (r) => `flushed ${int(r, 400, 500)} records to clickstream-events`, 20, { to: onset });
  s.logs('events-warehouse', 'info', 'COPY into events_raw completed', 300);
  s.logs('clickstream-processor', 'warn', 'CloudWatch PutMetricData failed: ServiceUnavailable (metrics dropped)', 120, { from: onset + 300 });
  s.setSignal(
    cloudwatchSns(s, {
      topic: 'streaming-alerts',
      account: '902118347556',
      region: 'us-east-1',
      alarmName: 'clickstream-events-iterator-age',
      description: 'Consumers are more than 5 minutes behind on clickstream-events',
      namespace: 'AWS/Kinesis',
      metricName: 'GetRecords.IteratorAgeMilliseconds',
      dimensions: { StreamName: 'clickstream-events' },
      stat: 'Maximum',
      period: 60,
      threshold: 300000,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      changedAt: -30 * 60,
      recent: [480321, 420118],
      unit: 'Milliseconds',
      treatMissingData: 'ignore',
    }),
  );
  s.expect({ rootCause: { service: 'kinesis', kind: 'dependency_failure' }, action: 'none', mustCite: ['logs', 'changes'] });
  return s;
}

/** DynamoDB 2015-09-20: the metadata service fails and every table in the region returns errors. */
export function dynamoMetadata(): Scenario {
  const s = new Scenario({
    name: 'dynamodb-regional-errors-across-tables',
    description:
      'Modeled on the DynamoDB us-east-1 event of 2015-09-20 (storage servers could not fetch partition membership from an overloaded metadata service): SystemErrors rise on every table at once, from several unrelated services. CloudWatch (EventBridge) alarms on the carts table; cart, session and order services all see DynamoDB only as client spans. An AWS Health alert appears later.',
    at: '2026-09-20T10:31:00Z',
    seed: 503,
    peakHourUtc: 14,
    reference: { hoursBefore: 168 },
    topology: { storefront: ['cart-service', 'session-service', 'order-service'], 'cart-service': ['dynamodb'], 'session-service': ['dynamodb'], 'order-service': ['dynamodb', 'payments'] },
  });
  const onset = -16 * 60;
  s.change(-27 * 60, 'order-service', 'deployment', 'order-service 2026.38.1', { version: '2026.38.1', previousVersion: '2026.37.4', source: 'codedeploy' });
  for (const [table, svc, base] of [['carts', 'cart-service', 2400], ['sessions', 'session-service', 5100], ['orders', 'order-service', 900]] as const) {
    s.metric({ name: 'SystemErrors', service: table, unit: 'Count', labels: { TableName: table, Operation: 'GetItem' }, base: 0.1, noise: 1, diurnal: 0, round: 0, min: 0, effect: level(onset, base * 0.4, 120, 0.15) });
    s.metric({ name: 'SuccessfulRequestLatency', service: table, unit: 'Milliseconds', labels: { TableName: table, Operation: 'GetItem' }, base: 3.4, noise: 0.1, diurnal: 0.05, round: 2, effect: ramp(onset, 9, 120) });
    red(s, svc, 'prom', { rps: base / 60, errRatio: 0.001, p99: 0.06, errEffect: level(onset + 20, 0.35, 120, 0.1), latEffect: ramp(onset, 12, 120) });
  }
  red(s, 'storefront', 'prom', { rps: 160, errRatio: 0.002, p99: 0.8, errEffect: level(onset + 30, 0.22, 120, 0.1) });
  chatter(s, 'storefront', 'node', 35);
  s.logs('payments', 'warn', 'card network latency elevated (visa) p95=900ms', 300);
  for (const [svc, table] of [['cart-service', 'carts'], ['session-service', 'sessions'], ['order-service', 'orders']] as const) {
    chatter(s, svc, 'jvm', 60);
    s.logs(svc, 'error', (r) => `com.amazonaws.services.dynamodbv2.model.InternalServerErrorException: Internal server error (Service: AmazonDynamoDBv2; Status Code: 500; Error Code: InternalServerError; Request ID: ${reqId(r)}${reqId(r).slice(0, 8)}) table=${table}`, 9, { from: onset });
  }
  const shape = (svc: string, table: string, op: string) => [
    { service: 'storefront', name: `GET /${table}`, ms: 60 },
    { service: svc, name: `${op} ${table}`, parent: 0, ms: 25 },
    { service: svc, name: `DynamoDB.${op}`, parent: 1, ms: 6, attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'DynamoDB', 'rpc.method': op, 'aws.dynamodb.table_names': [table], 'peer.service': 'dynamodb' } },
  ];
  for (const [svc, table, op] of [['cart-service', 'carts', 'GetItem'], ['session-service', 'sessions', 'GetItem'], ['order-service', 'orders', 'Query']] as const) {
    s.traces(shape(svc, table, op), 4);
    s.traces(shape(svc, table, op), 8, { from: onset, faults: [{ span: 2, status: 'error', ms: 1100, attributes: { 'http.status_code': 500, 'error.type': 'InternalServerError' } }], rate: 0.6 });
  }
  s.alert(onset + 300, 'sessions', 'sessions-table-system-errors');
  s.alert(-3 * 60, 'dynamodb', 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE');
  s.setSignal(
    cloudwatchEvent(s, {
      account: '551938820417',
      region: 'us-east-1',
      alarmName: 'carts-table-system-errors',
      description: 'DynamoDB carts table SystemErrors > 10 per minute',
      namespace: 'AWS/DynamoDB',
      metricName: 'SystemErrors',
      dimensions: { TableName: 'carts', Operation: 'GetItem' },
      stat: 'Sum',
      period: 60,
      threshold: 10,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 3,
      changedAt: onset + 240,
      recent: [951, 1003, 877],
      unit: 'Count',
    }),
  );
  s.expect({ rootCause: { service: 'dynamodb', kind: 'dependency_failure' }, action: 'none', mustCite: ['metrics', 'traces'] });
  return s;
}

/** Stripe API degraded: only client spans and HTTP client errors in our billing service. */
export function stripeDegraded(): Scenario {
  const s = new Scenario({
    name: 'stripe-api-errors-checkout-payments',
    description:
      'Modeled on the Stripe API outage of 2019-07-10 (as its customers saw it) and the class of third-party payment API incidents: POST /v1/payment_intents returns 500s and times out for a share of requests. We see Stripe only as outbound HTTP client spans from billing-service with peer.service=stripe. Opsgenie (fed by Datadog) alerts on checkout; a billing-service deploy 50 minutes earlier is unrelated.',
    at: '2026-04-07T15:36:00Z',
    seed: 504,
    peakHourUtc: 16,
    reference: { hoursBefore: 24 },
    topology: { 'checkout': ['billing-service', 'order-store'], 'billing-service': ['stripe', 'billing-db'] },
  });
  const onset = -13 * 60;
  s.change(-50 * 60, 'billing-service', 'deployment', 'billing-service 14.2.0: invoice PDF footer', { version: '14.2.0', previousVersion: '14.1.3', source: 'github-actions' });
  s.change(-22 * 60, 'order-store', 'scaling', 'Aurora order-store: add reader instance', { source: 'cloudtrail' });
  s.log(-20 * 60, 'order-store', 'info', 'reader instance order-store-r2 available');
  red(s, 'checkout', 'datadog', { rps: 60, errRatio: 0.004, p99: 1.8, errEffect: level(onset + 10, 60 * 0.2, 60, 0.2), latEffect: ramp(onset, 4, 120) });
  red(s, 'billing-service', 'datadog', { rps: 58, errRatio: 0.003, p99: 1.5, errEffect: level(onset, 58 * 0.22, 60, 0.2), latEffect: ramp(onset, 5, 120) });
  s.metric({ name: 'trace.http.request.errors', service: 'billing-service', labels: { 'peer.service': 'stripe', 'span.kind': 'client' }, unit: 'req/s', base: 0.05, noise: 0.8, diurnal: 0, min: 0, round: 2, effect: level(onset, 13, 60, 0.2) });
  s.metric({ name: 'trace.http.request.duration.by.service.99p', service: 'billing-service', labels: { 'peer.service': 'stripe', 'span.kind': 'client' }, unit: 's', base: 1.1, noise: 0.15, diurnal: 0, round: 3, effect: level(onset, 30, 60, 0.05) });
  chatter(s, 'checkout', 'node', 40);
  chatter(s, 'billing-service', 'node', 40);
  s.logs('billing-service', 'warn', (r) => `card_declined for customer cus_${reqId(r)} (insufficient_funds)`, 60);
  s.logs('billing-service', 'error', (r) => `StripeAPIError: An unknown error occurred (request req_${reqId(r).toLowerCase()}) status=500 path=/v1/payment_intents`, 8, { from: onset });
  s.logs('billing-service', 'error', (r) => `StripeConnectionError: Request was retried 2 times. Timed out after 30000ms (idempotency key ${reqId(r)})`, 12, { from: onset });
  s.logs('checkout', 'error', (r) => `payment step failed for order ${int(r, 1e6, 9e6)}: billing-service 502`, 9, { from: onset + 15 });
  const shape = [
    { service: 'checkout', name: 'POST /checkout/pay', ms: 900 },
    { service: 'billing-service', name: 'POST /charges', parent: 0, ms: 850 },
    { service: 'billing-service', name: 'INSERT charges', parent: 1, ms: 5, attributes: { 'db.system': 'postgresql', 'peer.service': 'billing-db' } },
    { service: 'billing-service', name: 'POST api.stripe.com/v1/payment_intents', parent: 1, ms: 600, after: 7, attributes: { 'span.kind': 'client', 'peer.service': 'stripe', 'http.method': 'POST', 'http.url': 'https://api.stripe.com/v1/payment_intents', 'http.status_code': 200 } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 16, { from: onset, faults: [{ span: 3, status: 'error', ms: 9000, attributes: { 'http.status_code': 500, 'error.message': 'An unknown error occurred' } }], rate: 0.5 });
  s.traces(shape, 8, { from: onset, faults: [{ span: 3, status: 'error', ms: 30000, attributes: { 'http.status_code': 0, 'error.message': 'ETIMEDOUT' } }] });
  s.setSignal(
    opsgenie(s, {
      message: '[Datadog] [P2] checkout payment failures above 10%',
      alias: 'dd-monitor-40231877-env:prod,service:checkout',
      tinyId: 4412,
      createdAt: onset + 240,
      entity: 'checkout',
      source: 'Datadog',
      sourceName: 'Datadog',
      sourceType: 'Datadog',
      tags: ['env:prod', 'service:checkout', 'team:payments', 'monitor'],
      teams: ['payments'],
      priority: 'P2',
      description: 'checkout payment failure ratio 19.8% over last 5m',
      details: { monitor_id: '40231877', event_type: 'query_alert_monitor' },
      integrationName: 'Causeway',
    }),
  );
  s.expect({ rootCause: { service: 'stripe', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] });
  return s;
}

/** Twilio SMS API failing: OTPs cannot be sent, 2FA logins fail. */
export function twilioDegraded(): Scenario {
  const s = new Scenario({
    name: 'twilio-sms-api-503-otp-failures',
    description:
      'Modeled on a well-known class of incident, a third-party SMS API (Twilio) returning errors, as its customers see it: otp-sender\'s calls to api.twilio.com fail with 503 and 20500 errors, so two-factor logins stall. Grafana alerts on auth-api, one hop up; the outage lasts hours, and the notification Causeway receives is Grafana\'s repeat two hours after the alert started. No reference window.',
    at: '2026-06-23T07:52:00Z',
    seed: 505,
    peakHourUtc: 8,
    windowStart: -2 * 3600 - 50 * 60,
    topology: { 'auth-api': ['otp-sender', 'user-store'], 'otp-sender': ['twilio'] },
  });
  const onset = -2 * 3600 - 6 * 60;
  s.change(onset - 27 * 60, 'user-store', 'deployment', 'user-store 2.8.0', { version: '2.8.0', previousVersion: '2.7.9', source: 'argo-cd' });
  s.change(onset + 9 * 60, 'otp-sender', 'config', 'otp-sender: OTP_RESEND_COOLDOWN 30s -> 60s (mitigation attempt)', { author: 'oncall-identity', source: 'consul-kv' });
  red(s, 'otp-sender', 'prom', { rps: 45, errRatio: 0.003, p99: 0.6, errEffect: level(onset, 0.64, 60, 0.1), latEffect: ramp(onset, 12, 60) });
  red(s, 'auth-api', 'prom', { rps: 320, errRatio: 0.001, p99: 0.35, errEffect: level(onset + 20, 0.09, 60, 0.15) });
  s.metric({ name: 'otp_verifications_completed_ratio', service: 'auth-api', unit: 'ratio', base: 0.93, noise: 0.02, diurnal: 0, max: 1, effect: level(onset + 30, 0.34, 120, 0.1) });
  chatter(s, 'auth-api', 'go', 90);
  s.logs('user-store', 'warn', 'slow query users_by_email 230ms', 500);
  s.logs('otp-sender', 'info', (r) => `SMS queued sid=SM${reqId(r).toLowerCase()}${reqId(r).toLowerCase()} to=+44******${int(r, 100, 999)}`, 30, { to: onset });
  s.logs('otp-sender', 'error', (r) => `twilio: POST /2010-04-01/Accounts/AC****/Messages.json -> HTTP 503: {"code": 20500, "message": "Internal Server Error", "more_info": "https://www.twilio.com/docs/errors/20500", "status": 503}`, 20, { from: onset });
  s.logs('otp-sender', 'warn', (r) => `twilio request timed out after 10s, will retry (attempt ${int(r, 1, 3)})`, 30, { from: onset });
  s.logs('auth-api', 'warn', (r) => `mfa challenge ${int(r, 1e6, 9e6)} expired without verification`, 30, { from: onset + 60 });
  const shape = [
    { service: 'auth-api', name: 'POST /mfa/challenge', ms: 300 },
    { service: 'otp-sender', name: 'SendOtp', parent: 0, ms: 280 },
    { service: 'otp-sender', name: 'POST', parent: 1, ms: 250, attributes: { 'span.kind': 'client', 'peer.service': 'twilio', 'server.address': 'api.twilio.com', 'url.full': 'https://api.twilio.com/2010-04-01/Accounts/AC…/Messages.json', 'http.response.status_code': 201 } },
  ];
  s.traces(shape, 10, { to: onset });
  s.traces(shape, 26, { from: onset, faults: [{ span: 2, status: 'error', ms: 3000, attributes: { 'http.response.status_code': 503 } }], rate: 0.7 });
  s.setSignal(
    grafana(s, {
      receiver: 'causeway',
      baseUrl: 'https://acme.grafana.net',
      labels: { alertname: 'MFACompletionLow', service: 'auth-api', severity: 'high', team: 'identity', grafana_folder: 'Identity' },
      annotations: { summary: 'Only 34% of MFA challenges are completed (normally 93%)' },
      startsAt: onset + 240,
      values: { A: 0.34, B: 1 },
      ruleUid: 'mfa-completion-low',
    }),
  );
  s.expect({ rootCause: { service: 'twilio', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] });
  return s;
}

export const cases = [s3Outage, kinesisOutage, dynamoMetadata, stripeDegraded, twilioDegraded];
