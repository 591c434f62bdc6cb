import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { cloudwatchEvent, datadog, grafana, pagerduty } from '../senders.js';

/** AWS, October 2025: the regional DynamoDB endpoint's DNS record was emptied; clients could not reach the service at all. */
function dynamoDns(): Built {
  const b = new Builder({
    name: 'b2-cart-api-lambda-errors',
    title: 'dynamodb-endpoint-unresolvable-client-errors',
    description: 'cart-api Lambda errors alarm through EventBridge; other functions are erroring too.',
    story:
      'The regional DynamoDB endpoint stops resolving. Every Lambda that uses DynamoDB fails with endpoint connection errors; DynamoDB\'s own table metrics show nothing but a collapse of consumed capacity, far below provisioned, because requests never arrive. An AWS Health event is posted ten minutes later. A cart-api hotfix is deployed after the errors began.',
    at: '2026-10-20T07:05:00Z',
    window: ['-3h', '+0s'],
    reference: '-24h',
    tz: -4,
    topology: { 'api-gateway': ['cart-api', 'orders-api', 'session-authorizer'], 'cart-api': ['dynamodb'], 'orders-api': ['dynamodb', 'order-events'], 'session-authorizer': ['dynamodb'] },
  });
  const onset = '-14m';
  for (const [fn, base, dur] of [['cart-api', 2600, 45], ['orders-api', 900, 120], ['session-authorizer', 5200, 12]] as const) {
    cw(b, fn, 'AWS/Lambda', 'Invocations', { FunctionName: fn }, 'Sum', { base, diurnal: 0.3, integer: true });
    cw(b, fn, 'AWS/Lambda', 'Errors', { FunctionName: fn }, 'Sum', { base: 2, noise: 0.7, integer: true, effects: [{ from: onset, set: base * 0.9 }] });
    cw(b, fn, 'AWS/Lambda', 'Duration', { FunctionName: fn }, 'Average', { base: dur, unit: 'ms', effects: [{ from: onset, set: 3100 }] });
  }
  for (const [table, rcu] of [['carts', 1800], ['orders', 700], ['sessions', 4200]] as const) {
    cw(b, 'dynamodb', 'AWS/DynamoDB', 'ConsumedReadCapacityUnits', { TableName: table }, 'Sum', { base: rcu * 300, diurnal: 0.3, integer: true, effects: [{ from: onset, set: rcu * 6 }] });
    cw(b, 'dynamodb', 'AWS/DynamoDB', 'SuccessfulRequestLatency', { TableName: table, Operation: 'GetItem' }, 'Average', { base: 3.4, unit: 'ms', noise: 0.1 });
    cw(b, 'dynamodb', 'AWS/DynamoDB', 'ProvisionedReadCapacityUnits', { TableName: table }, 'Maximum', { base: rcu * 2, noise: 0, integer: true });
  }
  cw(b, 'order-events', 'AWS/SQS', 'NumberOfMessagesSent', { QueueName: 'order-events' }, 'Sum', { base: 800, diurnal: 0.3, integer: true, effects: [{ from: onset, set: 20 }] });

  b.logs({ service: 'cart-api', level: 'info', perMin: 0.3, diurnal: 0.3, message: (r) => `REPORT RequestId: ${r.uuid()}\tDuration: ${r.int(20, 90)}.${r.int(10, 99)} ms\tBilled Duration: ${r.int(21, 91)} ms\tMemory Size: 512 MB\tMax Memory Used: ${r.int(90, 130)} MB` });
  b.logs({ service: 'orders-api', level: 'warn', perMin: 0.1, message: 'WARN  o.s.orders.Pricing - currency rate cache stale by 62s, using previous rates' });
  b.logs({ service: 'session-authorizer', level: 'error', perMin: 0.05, message: '{"level":"error","msg":"token expired","status":401}' });
  b.logs({ service: 'cart-api', level: 'error', perMin: 4, from: onset, message: (r) => `ERROR\tInvoke Error\t{"errorType":"UnknownEndpoint","errorMessage":"Inaccessible host: \`dynamodb.us-east-1.amazonaws.com' at port \`undefined'. This service may not be available in the \`us-east-1' region.","requestId":"${r.uuid()}"}` });
  b.logs({ service: 'orders-api', level: 'error', perMin: 2, from: onset, message: 'ERROR o.s.orders.Repository - software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: dynamodb.us-east-1.amazonaws.com: Name or service not known' });
  b.logs({ service: 'session-authorizer', level: 'error', perMin: 4, from: onset, message: 'ERROR botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://dynamodb.us-east-1.amazonaws.com/"' });

  b.change('-2h', 'session-authorizer', 'config', 'token cache TTL 300s → 600s', { author: 'identity', source: 'ssm-parameter-store' });
  b.change('-50m', 'orders-api', 'deployment', 'orders-api version 212: gift wrap option', { version: '212', previousVersion: '211', author: 'orders-ci', commit: sha(b.rng), source: 'cloudformation' });
  b.change('-6m', 'cart-api', 'deployment', 'cart-api version 96: SDK retries 3 → 8 with jitter (hotfix)', { version: '96', previousVersion: '95', author: 'oncall-cart', commit: sha(b.rng), source: 'cloudformation' });
  b.alert('-4m', 'dynamodb', 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE (us-east-1): increased error rates for DynamoDB requests');
  b.alert('-3m', 'orders-api', 'orders-api-errors');
  b.alert('-2m', 'session-authorizer', 'session-authorizer-errors');

  const ddb = (op: string) => ({ svc: '', op: `DynamoDB.${op}`, ms: 4, peer: { name: 'dynamodb', system: 'aws' as const, product: 'DynamoDB', host: 'dynamodb.us-east-1.amazonaws.com' } });
  b.traces({
    count: 24,
    root: { svc: 'cart-api', op: 'POST /cart/items', ms: 12, kids: [{ ...ddb('GetItem'), svc: 'cart-api' }, { ...ddb('UpdateItem'), svc: 'cart-api' }] },
    faults: [{ target: 'dynamodb', from: onset, errorP: 0.95, addMs: 1500, attrs: { 'aws.error.code': 'UnknownEndpoint', 'error.message': 'getaddrinfo ENOTFOUND dynamodb.us-east-1.amazonaws.com' } }],
  });
  b.traces({
    count: 12,
    root: { svc: 'session-authorizer', op: 'authorize', ms: 3, kids: [{ ...ddb('GetItem'), svc: 'session-authorizer' }] },
    faults: [{ target: 'dynamodb', from: onset, errorP: 0.95, addMs: 1500, attrs: { 'aws.error.code': 'EndpointConnectionError' } }],
  });

  b.signal(
    cloudwatchEvent(b, {
      alarmName: 'cart-api-errors',
      description: 'cart-api Lambda errors above 50 per 5 minutes',
      account: '118273004455',
      region: 'us-east-1',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: { FunctionName: 'cart-api' },
      stat: 'Sum',
      period: 300,
      threshold: 50,
      comparison: 'GreaterThanThreshold',
      datapoints: [2341, 2298],
      stateAt: '+0s',
      previousStateAt: '-400h',
    }),
  );
  b.expect(
    { service: 'dynamodb', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'traces'] },
    { alertService: 'cart-api', modeledOn: 'AWS October 2025: DynamoDB endpoint DNS record emptied' },
  );
  return b.build();
}

/** A payment provider's rate limiter misfires and answers 429 at ordinary volume. */
function provider429(): Built {
  const b = new Builder({
    name: 'b2-checkout-completion-errors-sale-day',
    title: 'payment-provider-returns-429',
    description: 'Checkout completion error monitor in Datadog on a sale day.',
    story:
      'On a sale day the card payment provider starts answering 429 Too Many Requests to a share of authorisation calls, at a volume it accepted the week before. The provider emits no telemetry of ours: it is visible only as the payments service\'s client spans and client metrics labelled by peer. Checkout pages through Datadog; a checkout config change nine minutes before the onset and an old payments release are on the change log; the payments database is always slow.',
    at: '2026-11-27T17:20:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { storefront: ['checkout'], checkout: ['payments', 'cart'], payments: ['adyen', 'payments-db'] },
  });
  const onset = '-9m';
  red(b, 'checkout', { style: 'dd', rps: 95, err: 0.004, p95: 900, diurnal: 0.4, rateTo: [{ from: '-3h', mul: 1.3 }], errTo: [{ from: onset, to: '-5m', value: 0.27 }] });
  red(b, 'payments', { style: 'dd', rps: 90, err: 0.005, p95: 700, diurnal: 0.4, rateTo: [{ from: '-3h', mul: 1.3 }], errTo: [{ from: onset, to: '-5m', value: 0.29 }], latTo: [{ from: onset, mul: 1.8 }] });
  red(b, 'cart', { style: 'dd', rps: 400, err: 0.001, p95: 25, diurnal: 0.4 });
  b.series({ service: 'payments', name: 'http.client.requests', labels: { peer_service: 'adyen', status_code: '200' }, unit: 'req/s', base: 88, diurnal: 0.4, effects: [{ from: onset, to: '-5m', mul: 0.68 }] });
  b.series({ service: 'payments', name: 'http.client.requests', labels: { peer_service: 'adyen', status_code: '429' }, unit: 'req/s', base: 0.01, noise: 1, effects: [{ from: onset, to: '-5m', set: 31 }] });
  b.series({ service: 'payments-db', name: 'postgresql.queries.duration.p95', unit: 'ms', base: 480, noise: 0.2 });

  background(b, 'checkout', 'ruby', { info: 0.4 });
  background(b, 'payments', 'java', { info: 0.3, warn: 0.1 });
  background(b, 'cart', 'go', { info: 0.2 });
  b.logs({ service: 'payments-db', level: 'warn', perMin: 0.3, message: (r) => `LOG:  duration: ${r.int(1000, 2600)}.${r.int(100, 999)} ms  statement: SELECT * FROM payment_attempts WHERE merchant_ref = $1 ORDER BY created_at DESC` });
  b.logs({ service: 'payments', level: 'warn', perMin: 5, from: onset, message: (r) => `WARN  [pool-3-thread-${r.int(1, 64)}] c.s.payments.psp.AdyenClient - POST https://checkout-live.adyenpayments.com/checkout/v71/payments -> 429 Too Many Requests (Retry-After: ${r.int(1, 5)}) pspReference=null attempt=${r.int(1, 3)}` });
  b.logs({ service: 'checkout', level: 'error', perMin: 3, from: onset, message: 'E, [pid=7] ERROR -- : Checkout::PaymentFailed: payments returned 502 (psp_unavailable)' });

  b.change('-3h10m', 'payments', 'deployment', 'payments 5.40.0: network tokens for Visa', { version: '5.40.0', previousVersion: '5.39.4', author: 'payments-ci', commit: sha(b.rng), source: 'argocd' });
  b.change('-18m', 'checkout', 'config', 'express checkout button on product pages for all markets', { author: 'growth', source: 'flipper' });
  b.change('-2m', 'payments', 'config', 'PSP client retries 2 → 0 and circuit breaker for adyen (mitigation)', { author: 'oncall-payments', source: 'consul' });

  b.traces({
    count: 30,
    root: { svc: 'checkout', op: 'POST /checkout/complete', ms: 40, kids: [{ svc: 'cart', op: 'GET /cart', ms: 10 }, { svc: 'payments', op: 'POST /authorise', ms: 30, kids: [{ svc: 'payments', op: 'INSERT payment_attempts', ms: 25, peer: { name: 'payments-db', system: 'db' } }, { svc: 'payments', op: 'POST /checkout/v71/payments', ms: 420, sd: 0.3, peer: { name: 'adyen', system: 'http', host: 'checkout-live.adyenpayments.com' } }] }] },
    faults: [{ target: 'adyen', from: onset, to: '-5m', errorP: 0.35, attrs: { 'http.status_code': 429, 'http.response.header.retry_after': '2' } }],
  });

  b.signal(
    datadog(b, {
      monitorId: 9921034,
      monitorName: 'checkout complete error rate above 10%',
      scope: ['service:checkout', 'env:production'],
      tags: ['env:production', 'service:checkout', 'team:checkout', 'tier:1'],
      message: 'Checkout completion is failing. Sale day: page immediately. @webhook-causeway @pagerduty-checkout',
      transition: 'Triggered',
      priority: 'P1',
      metric: 'trace.http.request.errors',
      triggeredAt: '+0s',
      orgId: 550031,
    }),
  );
  b.expect(
    { service: 'adyen', kind: 'dependency_failure', action: 'none', mustCite: ['traces'] },
    { alertService: 'checkout', modeledOn: 'a third-party payment provider returning 429' },
  );
  return b.build();
}

/** Discord-style: a managed Redis fails over; clients keep writing to the old primary, now a read-only replica. */
function redisFailover(): Built {
  const b = new Builder({
    name: 'b2-presence-write-errors',
    title: 'managed-redis-failover-readonly-errors',
    description: 'Presence write error alert from Grafana. No reference capture.',
    story:
      'The primary node of the managed Redis that holds presence fails and the service fails over to a replica. Clients that cached the old primary\'s address keep writing to it, now a read-only replica, for twelve minutes: presence, the gateway and voice signalling all fail their writes. The provider\'s failover event is among the alerts. No reference capture.',
    at: '2026-05-06T21:14:00Z',
    window: ['-2h', '+0s'],
    tz: -4,
    topology: { gateway: ['presence', 'voice-signal'], presence: ['presence-cache'], 'voice-signal': ['presence-cache'] },
  });
  const onset = '-14m';
  cw(b, 'presence-cache', 'AWS/ElastiCache', 'CurrConnections', { CacheClusterId: 'presence-cache-0001-001' }, 'Average', { base: 5200, integer: true, step: 60, gaps: 0.02, effects: [{ from: onset, set: 0 }] });
  cw(b, 'presence-cache', 'AWS/ElastiCache', 'CurrConnections', { CacheClusterId: 'presence-cache-0001-002' }, 'Average', { base: 40, integer: true, step: 60, gaps: 0.02, effects: [{ from: '-13m', to: '-1m', add: 5100 }] });
  cw(b, 'presence-cache', 'AWS/ElastiCache', 'EngineCPUUtilization', { CacheClusterId: 'presence-cache-0001-002' }, 'Average', { base: 4, unit: 'percent', step: 60, gaps: 0.02, effects: [{ from: '-13m', to: '-2m', add: 50 }] });
  red(b, 'presence', { style: 'prom', rps: 9000, err: 0.0008, p95: 6, diurnal: 0.3, errTo: [{ from: '-13m', until: '-1m', value: 0.62 }] });
  red(b, 'voice-signal', { style: 'prom', rps: 1200, err: 0.001, p95: 15, diurnal: 0.3, errTo: [{ from: '-13m', until: '-1m', value: 0.4 }] });
  red(b, 'gateway', { style: 'prom', rps: 30000, err: 0.0005, p95: 25, diurnal: 0.3, errTo: [{ from: '-13m', until: '-1m', value: 0.05 }] });

  background(b, 'presence', 'rust', { info: 0.3 });
  background(b, 'voice-signal', 'go', { info: 0.2 });
  background(b, 'gateway', 'go', { info: 0.3, warn: 0.2, warnLines: ['level=warn msg="session resume rejected" reason=invalid_seq'] });
  b.logs({ service: 'presence', level: 'error', perMin: 6, from: '-13m', to: '-1m', message: "ERROR presence::store: redis SET failed: READONLY You can't write against a read only replica." });
  b.logs({ service: 'voice-signal', level: 'error', perMin: 3, from: '-13m', to: '-1m', message: 'level=error msg="failed to publish voice state" err="READONLY You can\'t write against a read only replica."' });
  b.logs({ service: 'presence', level: 'warn', perMin: 2, from: onset, to: '-13m', message: 'WARN presence::store: redis connection reset by peer (presence-cache.abc123.ng.0001.use1.cache.amazonaws.com:6379), reconnecting' });

  b.change('-1h', 'gateway', 'config', 'zlib compression level 6 → 5', { author: 'gw-team', source: 'consul' });
  b.change('-30m', 'presence', 'deployment', 'presence 2026.05.06: idle status after 10 min', { version: '2026.05.06', previousVersion: '2026.05.04', author: 'presence-ci', commit: sha(b.rng), source: 'spinnaker' });
  b.alert('-13m', 'presence-cache', 'ElastiCache event: Failover from primary node presence-cache-0001-001 to replica node presence-cache-0001-002 completed');
  b.alert('-14m', 'presence-cache', 'ElastiCache event: Cache node presence-cache-0001-001 failed (hardware)');
  b.runtime('-50m', 'gateway', 'restart', 'gateway-42 restarted (planned drain)');

  b.traces({
    count: 24,
    root: { svc: 'gateway', op: 'PRESENCE_UPDATE', ms: 2, kids: [{ svc: 'presence', op: 'update', ms: 2, kids: [{ svc: 'presence', op: 'SET presence:{user}', ms: 1, peer: { name: 'presence-cache', system: 'redis', host: 'presence-cache.abc123.ng.0001.use1.cache.amazonaws.com' } }] }] },
    faults: [{ target: 'presence-cache', from: '-13m', until: '-1m', errorP: 0.65, attrs: { 'error.message': "READONLY You can't write against a read only replica." } }],
  });

  b.signal(
    grafana(b, {
      receiver: 'realtime-pager',
      baseUrl: 'https://grafana.chat.example',
      folder: 'Realtime',
      groupBy: ['alertname', 'service'],
      alerts: [
        {
          labels: { alertname: 'PresenceWriteErrors', service: 'presence', severity: 'critical', team: 'realtime' },
          annotations: { summary: 'presence write error ratio above 10%', description: '62% of presence writes fail.' },
          startsAt: '-9m',
          values: { A: 0.62, B: 1 },
        },
      ],
    }),
  );
  b.expect(
    { service: 'presence-cache', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'alerts'] },
    { alertService: 'presence', modeledOn: 'Discord-style managed Redis failover' },
  );
  return b.build();
}

/** AWS us-east-1, December 2021: internal network congestion impaired regional APIs; here STS, seen by every workload refreshing credentials. */
function stsRegional(): Built {
  const b = new Builder({
    name: 'b2-ingest-upload-errors-escalated',
    title: 'aws-regional-sts-impairment-many-callers',
    description: 'ingest-api upload error incident escalated in PagerDuty after almost two hours; other workloads are failing too.',
    story:
      'Congestion inside the provider\'s regional network impairs its APIs. Our workloads notice first through STS: web-identity credential refreshes time out, so after their credentials expire ingest-api, thumbnailer and billing-sync all fail their S3 and SQS calls. The incident has been open for two hours and PagerDuty escalates it; CloudWatch metrics arrive late and with gaps; the provider posts a Health event well after the onset.',
    at: '2026-12-07T17:35:00Z',
    window: ['-3h', '+0s'],
    reference: '-24h',
    tz: -5,
    topology: { 'ingest-api': ['sts', 'media-bucket', 'jobs-queue'], thumbnailer: ['sts', 'media-bucket', 'jobs-queue'], 'billing-sync': ['sts', 'billing-bucket'] },
  });
  const onset = '-2h10m';
  red(b, 'ingest-api', { style: 'otel', rps: 300, err: 0.002, p95: 220, diurnal: 0.3, errTo: [{ from: '-1h55m', to: '-1h40m', value: 0.58, jitter: 0.2 }], latTo: [{ from: onset, mul: 6 }] });
  red(b, 'thumbnailer', { style: 'otel', rps: 80, err: 0.003, p95: 1400, diurnal: 0.3, errTo: [{ from: '-1h50m', to: '-1h35m', value: 0.7, jitter: 0.2 }] });
  red(b, 'billing-sync', { style: 'otel', rps: 5, err: 0.01, p95: 3000, diurnal: 0.3, errTo: [{ from: '-1h45m', value: 0.9 }] });
  b.series({ service: 'ingest-api', name: 'aws.sdk.credentials.refresh.failures', labels: { peer_service: 'sts' }, base: 0, noise: 0, effects: [{ from: onset, set: 4.5, jitter: 0.5 }] });
  cw(b, 'jobs-queue', 'AWS/SQS', 'NumberOfMessagesSent', { QueueName: 'jobs-queue' }, 'Sum', { base: 9000, diurnal: 0.3, gaps: 0.08, integer: true, effects: [{ from: onset, set: 3000, jitter: 0.5 }] });
  cw(b, 'jobs-queue', 'AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: 'jobs-queue' }, 'Maximum', { base: 5, unit: 's', gaps: 0.3, from: '-3h', effects: [{ from: '-1h50m', to: '+0s', add: 5000 }] });

  background(b, 'ingest-api', 'go', { info: 0.3 });
  background(b, 'thumbnailer', 'python', { info: 0.2, warn: 0.2, warnLines: ['WARNING PIL.Image DecompressionBombWarning: Image size (98304000 pixels) exceeds limit'] });
  background(b, 'billing-sync', 'java', { info: 0.1 });
  b.logs({ service: 'ingest-api', level: 'warn', perMin: 2, from: onset, message: 'level=warn msg="credential refresh failed" provider=WebIdentityTokenProvider err="operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded"' });
  b.logs({ service: 'ingest-api', level: 'error', perMin: 3, from: '-1h55m', message: 'level=error msg="put object failed" bucket=media-prod err="operation error S3: PutObject, https response error StatusCode: 400, api error ExpiredToken: The provided token has expired."' });
  b.logs({ service: 'thumbnailer', level: 'error', perMin: 2, from: '-1h50m', message: 'ERROR botocore.exceptions.CredentialRetrievalError: Error when retrieving credentials from web-identity: Read timeout on endpoint URL: "https://sts.us-east-1.amazonaws.com/"' });
  b.logs({ service: 'billing-sync', level: 'error', perMin: 1, from: '-1h45m', message: 'ERROR c.s.billing.Sync - software.amazon.awssdk.services.sts.model.StsException: Service Unavailable (Service: Sts, Status Code: 503)' });

  b.change('-2h40m', 'thumbnailer', 'deployment', 'thumbnailer 0.31.0: AVIF output', { version: '0.31.0', previousVersion: '0.30.2', author: 'media-ci', commit: sha(b.rng), source: 'argocd' });
  b.change('-1h20m', 'ingest-api', 'config', 'STS regional endpoint → us-east-2 fallback attempted (mitigation, reverted)', { author: 'oncall-media', source: 'helm' });
  b.runtime('-1h30m', 'thumbnailer', 'crash_loop', 'ImagePullBackOff: failed to pull image from ECR: i/o timeout (new pods only)', 6);
  b.alert('-1h05m', 'sts', 'AWS Health: AWS_STS_OPERATIONAL_ISSUE (us-east-1): increased API error rates and latencies');
  b.alert('-1h05m', 'sts', 'AWS Health: AWS_EC2_OPERATIONAL_ISSUE (us-east-1): impaired network connectivity to regional API endpoints');
  b.alert('-1h50m', 'thumbnailer', 'ThumbnailerErrors');
  b.alert('-1h40m', 'billing-sync', 'BillingSyncFailing');

  const sts = { svc: 'ingest-api', op: 'STS.AssumeRoleWithWebIdentity', ms: 40, peer: { name: 'sts', system: 'aws' as const, product: 'STS', host: 'sts.us-east-1.amazonaws.com' }, p: 0.3 };
  b.traces({
    count: 24,
    root: { svc: 'ingest-api', op: 'POST /v1/uploads', ms: 30, kids: [sts, { svc: 'ingest-api', op: 'S3.PutObject', ms: 80, peer: { name: 'media-bucket', system: 'aws', product: 'S3', host: 'media-prod.s3.amazonaws.com' } }] },
    faults: [
      { target: 'sts', from: onset, errorP: 0.85, addMs: 5000, attrs: { 'error.message': 'context deadline exceeded' } },
      { target: 'media-bucket', from: '-1h55m', errorP: 0.5, attrs: { 'aws.error.code': 'ExpiredToken', 'http.status_code': 400 } },
    ],
  });
  b.traces({
    count: 10,
    root: { svc: 'thumbnailer', op: 'process job', ms: 600, kids: [{ ...sts, svc: 'thumbnailer', p: 0.4 }, { svc: 'thumbnailer', op: 'S3.GetObject', ms: 60, peer: { name: 'media-bucket', system: 'aws', product: 'S3', host: 'media-prod.s3.amazonaws.com' } }] },
    faults: [{ target: 'sts', from: onset, errorP: 0.85, addMs: 5000 }],
  });

  b.signal(
    pagerduty(b, {
      eventType: 'incident.escalated',
      occurredAt: '+0s',
      subdomain: 'pixelhub',
      agent: { type: 'service_reference', summary: 'ingest-api' },
      incident: { number: 7731, title: 'ingest-api: upload error ratio above 20%', service: 'ingest-api', createdAt: '-1h50m', urgency: 'high', priority: 'P2', escalationPolicy: 'Media platform', teams: ['Media'], assignee: 'Ana Lima', status: 'triggered' },
    }),
  );
  b.expect(
    { service: 'sts', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'alerts'] },
    { alertService: 'ingest-api', modeledOn: 'AWS us-east-1 December 2021 internal network congestion' },
  );
  return b.build();
}

export const dependencyScenarios = [dynamoDns, provider429, redisFailover, stsRegional];
