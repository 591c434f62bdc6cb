import { alertmanagerBody, cloudwatchEventBody, cloudwatchSnsBody, grafanaBody, opsgenieBody, pagerdutyBody, ramp } from './lib.js';
import { AM_HEADERS, CHATTER, EB_HEADERS, GRAFANA_HEADERS, OG_HEADERS, PD_HEADERS, SNS_HEADERS, promSpec, red, type Def } from './kit.js';

/* Feature flags and resource exhaustion. */

export const flagAndExhaustionScenarios: Def[] = [
  {
    file: 'feature-store-latency-high',
    description: 'Alertmanager: FeatureStoreLatencyHigh, p99 above 250ms.',
    at: '2026-10-08T19:03:00Z',
    build: (b) => {
      const flagAt = -28 * 60;
      const onset = flagAt + 90;
      red(b, 'feature-store', { rps: 2400, err: 0.0005, p99: 35, rpsX: (t, l) => (l && t > flagAt ? 5.8 : 1), p99X: (t, l) => (l && t > onset ? 11 : 1), errX: (t, l) => (l ? 0.04 * ramp(t, onset, 0) : 0) });
      red(b, 'recs', { rps: 400, err: 0.001, p99: 160, p99X: (t, l) => (l && t > onset ? 6 : 1) });
      red(b, 'home-feed', { rps: 650, err: 0.002, p99: 340, p99X: (t, l) => (l && t > onset ? 2.5 : 1) });
      red(b, 'ads-ranker', { rps: 300, err: 0.003, p99: 95, p99X: (t, l) => (l && t > onset ? 3 : 1) });
      b.metric('redis_cpu_ratio', 'feature-store', 'ratio', (t, l, d) => (l && t > onset ? 0.97 : 0.3 * d), { noise: 0.05, max: 1, digits: 3, labels: { cluster: 'fs-redis' } });
      b.metric('feature_store_calls_per_request', 'recs', 'calls', (t, l) => (l && t > flagAt ? 48 : 1), { noise: 0.05, digits: 1 });
      b.change(-2.5 * 3600, 'feature-store', 'deployment', 'feature-store 0.19.3: metrics cardinality cleanup', { version: '0.19.3', previousVersion: '0.19.2', author: 'v.petrov', commit: '5d0c2e9', source: 'argo-cd' });
      b.change(-75 * 60, 'ads-ranker', 'deployment', 'ads-ranker 4.1.0: new CTR model weights', { version: '4.1.0', previousVersion: '4.0.7', source: 'argo-cd' });
      b.change(flagAt, 'recs', 'feature_flag', 'recs: per_item_personalization 0% -> 100% (all users)', { author: 'n.ostrowski', source: 'unleash' });
      b.change(-7 * 60, 'feature-store', 'scaling', 'fs-redis: add 2 read replicas (mitigation)', { author: 'oncall-sre', source: 'terraform' });
      b.background('ads-ranker', 'warn', ['model warmup incomplete, using fallback scores', 'feature vector missing 2 fields'], 10);
      b.background('home-feed', 'info', CHATTER.http, 20);
      b.background('recs', 'info', ['candidate generation: 500 items', 'ranked 50 items'], 20);
      b.burst('feature-store', 'warn', onset, 0, 40, () => 'redis: command MGET took 180ms (slowlog), pool wait 90ms');
      b.burst('recs', 'warn', flagAt + 10, 0, 25, (i) => `personalized ranking: fetched features for ${40 + (i % 12)} items individually`);
      b.burst('home-feed', 'warn', onset + 120, 0, 20, () => 'recs call exceeded 400ms, serving popular items');
      b.traceFlow(10, -3600, 0, (t, live) => {
        const on = live && t > flagAt;
        const bad = live && t > onset;
        const spans: Array<[string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?]> = [
          ['home-feed', 'GET /feed', 0, bad ? 1200 : 300, 'ok', -1],
          ['recs', 'POST /recommend', 10, bad ? 1100 : 150, 'ok', 0, { 'feature_flag.per_item_personalization': on }],
          ['feature-store', 'GET /features/user', 15, bad ? 220 : 18, 'ok', 1],
        ];
        if (on) for (let k = 0; k < 8; k++) spans.push(['feature-store', 'GET /features/item', 40 + k * 120, bad ? 110 : 15, 'ok', 1]);
        spans.push(['ads-ranker', 'POST /rank', 20, bad ? 300 : 80, 'ok', 0]);
        return spans;
      });
      const spec = promSpec(b, { alertname: 'FeatureStoreLatencyHigh', service: 'feature-store', namespace: 'ml-serving', severity: 'page' }, { summary: 'feature-store p99 latency above 250ms', description: 'p99 is 402ms over the last 5m' }, -4 * 60, 'histogram_quantile(0.99, sum by (le) (rate(http_server_duration_seconds_bucket{service="feature-store"}[5m]))) > 0.25');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([spec], 'causeway', ['alertname', 'service']),
        topology: { 'home-feed': ['recs', 'ads-ranker'], recs: ['feature-store', 'catalog'], 'ads-ranker': ['feature-store'], 'feature-store': ['fs-redis'] },
        expected: { service: 'recs', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'traces'] },
        story: 'Turning on a recs flag for per-item personalization makes recs fetch features one item at a time (1 -> 48 calls per request); feature-store and its Redis saturate and alert. feature-store\'s own deploy and the ads-ranker deploy are distractors; the replica add is a mitigation.',
        modeledOn: 'Incident class: a flag that multiplies calls to a shared backend (fan-out amplification).',
      };
    },
  },
  {
    file: 'checkout-error-rate-pagerduty',
    description: 'PagerDuty: incident triggered on checkout, error rate above SLO.',
    at: '2026-06-19T12:31:00Z',
    build: (b) => {
      const flagAt = -19 * 60;
      red(b, 'checkout', { rps: 90, err: 0.003, p99: 480, errX: (t, l) => (l && t > flagAt ? 0.085 : 0) });
      red(b, 'tax-service', { rps: 70, err: 0.001, p99: 60, rpsX: (t, l) => (l && t > flagAt ? 0.7 : 1) });
      red(b, 'payments', { rps: 85, err: 0.002, p99: 350 });
      red(b, 'address-validation', { rps: 40, err: 0.045, p99: 700 });
      b.change(-34 * 60, 'payments', 'deployment', 'payments 12.8.0: 3DS2 challenge window sizes', { version: '12.8.0', previousVersion: '12.7.4', author: 'g.rossi', commit: 'e7f6a11', source: 'github-actions' });
      b.change(-5 * 3600, 'checkout', 'deployment', 'checkout 31.2.0: ship in-process tax calculator behind flag checkout.inprocess_tax', { version: '31.2.0', previousVersion: '31.1.6', author: 'b.kowalski', commit: '3a9c0d4', source: 'github-actions' });
      b.change(flagAt, 'checkout', 'feature_flag', 'checkout.inprocess_tax: rollout 0% -> 30%', { author: 'b.kowalski', source: 'launchdarkly' });
      b.change(-50 * 60, 'address-validation', 'config', 'address-validation: provider failover order updated', { source: 'ssm' });
      b.background('address-validation', 'error', ['provider timeout validating address (country=BR)', 'ambiguous address: 3 candidates'], 18);
      b.background('checkout', 'info', CHATTER.http, 25);
      b.background('payments', 'warn', ['3DS challenge abandoned by customer', 'card declined: insufficient_funds'], 12);
      b.burst('checkout', 'error', flagAt + 30, 0, 60, (i) => `POST /checkout/complete 500: TypeError: Cannot read properties of undefined (reading 'jurisdiction') at InProcessTaxCalculator.lineTax (tax/inprocess.ts:87)`, (i) => ({ 'feature_flag.checkout.inprocess_tax': true, cart_has_gift_card: i % 3 !== 0 }));
      b.exc(flagAt + 40, 'checkout', 'TypeError', "Cannot read properties of undefined (reading 'jurisdiction')", 410, 'tax/inprocess.ts:87 InProcessTaxCalculator.lineTax');
      b.exc(-80 * 60, 'address-validation', 'ProviderTimeout', 'address provider did not answer within 2s', 220, 'providers/loqate.ts:54');
      b.traceFlow(14, -3600, 0, (t, live, i) => {
        const flagged = live && t > flagAt && i % 3 === 0;
        const spans: Array<[string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?]> = [
          ['checkout', 'POST /checkout/complete', 0, flagged ? 140 : 460, flagged ? 'error' : 'ok', -1, { 'feature_flag.checkout.inprocess_tax': flagged }],
          ['address-validation', 'POST /validate', 5, 120, i % 9 === 4 ? 'error' : 'ok', 0],
        ];
        if (!flagged) spans.push(['tax-service', 'POST /tax/quote', 130, 45, 'ok', 0]);
        spans.push(['payments', 'POST /authorize', 180, flagged ? 0 : 250, 'ok', 0]);
        return flagged ? spans.slice(0, 2) : spans;
      });
      return {
        source: 'pagerduty',
        headers: PD_HEADERS,
        body: pagerdutyBody(b, { createdAt: -40, title: 'checkout: 5xx error rate 8.7% (SLO burn rate 14x)', serviceName: 'checkout', serviceId: 'PCHK0UT', urgency: 'high', priority: 'P1', number: 18342, escalation: 'Checkout Primary', team: 'Checkout', incidentKey: `checkout-slo-burn-${b.hex(6)}` }),
        topology: { storefront: ['checkout'], checkout: ['tax-service', 'payments', 'address-validation', 'cart'], payments: ['psp'], 'address-validation': ['address-provider'] },
        expected: { service: 'checkout', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
        story: 'The checkout.inprocess_tax flag is rolled to 30%; flagged requests (mostly carts with gift cards) crash in the new in-process tax code. The code shipped five hours earlier, dark, without incident; the payments deploy is 15 minutes before the flag; address-validation is always erroring.',
        modeledOn: 'Incident class: percentage rollout of a flag exposing a code path that crashes for some data.',
      };
    },
  },
  {
    file: 'product-catalog-dynamodb-throttled-requests',
    description: 'CloudWatch via SNS: DynamoDB ReadThrottleEvents alarm on table product-catalog.',
    at: '2026-01-27T15:20:00Z',
    build: (b) => {
      const flagAt = -31 * 60;
      const onset = flagAt + 240;
      const dims = { TableName: 'product-catalog' };
      b.metric('ConsumedReadCapacityUnits', 'product-catalog', 'Count', (t, l, d) => 310000 * d * (l && t > flagAt ? 11 : 1), { step: 300, noise: 0.06, digits: 0, gaps: 0.08, labels: dims });
      b.metric('ReadThrottleEvents', 'product-catalog', 'Count', (t, l) => (l && t > onset ? 42000 : 0), { step: 300, noise: 0.15, digits: 0, gaps: 0.08, labels: dims });
      b.metric('SuccessfulRequestLatency', 'product-catalog', 'Milliseconds', (t, l) => (l && t > onset ? 9 : 4), { step: 300, noise: 0.1, digits: 2, gaps: 0.08, labels: { ...dims, Operation: 'GetItem' } });
      b.metric('ItemCacheHits', 'catalog-dax', 'Count', (t, l, d) => (l && t > flagAt ? 900 : 2.6e6 * d), { step: 300, noise: 0.05, digits: 0, labels: { ClusterId: 'catalog-dax' } });
      red(b, 'catalog-api', { rps: 1300, err: 0.001, p99: 45, p99X: (t, l) => (l && t > onset ? 12 : 1), errX: (t, l) => (l ? 0.12 * ramp(t, onset, onset + 300) : 0), step: 300, gaps: 0.05 });
      red(b, 'search-api', { rps: 700, err: 0.003, p99: 140, step: 300 });
      b.change(-4 * 3600 + 600, 'catalog-api', 'deployment', 'catalog-api 22.0.4: dependency updates', { version: '22.0.4', previousVersion: '22.0.3', source: 'codepipeline' });
      b.change(flagAt, 'catalog-api', 'feature_flag', 'catalog-api: strongly_consistent_reads ON (bypasses DAX; investigating stale price reports, ticket CAT-771)', { author: 'f.ahmed', source: 'appconfig' });
      b.change(-20 * 60, 'search-api', 'config', 'search-api: boost weights for new arrivals', { source: 'appconfig' });
      b.background('catalog-api', 'info', CHATTER.http, 20);
      b.background('search-api', 'warn', ['slow opensearch query 900ms', 'fallback to cached facets'], 8);
      b.burst('catalog-api', 'error', onset, 0, 50, () => 'ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.', () => ({ table: 'product-catalog', consistent_read: true }));
      b.burst('catalog-api', 'info', flagAt + 5, 0, 10, () => 'read path: DynamoDB GetItem ConsistentRead=true (DAX skipped)');
      b.log(-22 * 60, 'aws-health', 'info', 'AWS Health: scheduled maintenance notification for DAX cluster catalog-dax (eu-central-1), window 2026-02-03 02:00-04:00 UTC; no action required now');
      b.exc(onset + 10, 'catalog-api', 'ProvisionedThroughputExceededException', 'Rate of requests exceeds the allowed throughput', 8600, 'CatalogRepository.getProduct');
      b.alert(onset + 400, 'catalog-api', 'catalog-api-5xx');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'product-catalog-read-throttles', description: 'DynamoDB product-catalog read throttle events > 1000 / 5 min', account: '774420135998', region: 'eu-central-1', namespace: 'AWS/DynamoDB', metricName: 'ReadThrottleEvents', dimensions: { TableName: 'product-catalog' }, stat: 'Sum', period: 300, threshold: 1000, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [43107.0 (27/01/26 15:10:00), 40988.0 (27/01/26 15:05:00)] were greater than the threshold (1000.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -35, previousAt: -30 * 86400, unit: 'Count' }, 'dynamo-alarms'),
        topology: { storefront: ['catalog-api', 'search-api'], 'catalog-api': ['catalog-dax', 'product-catalog'], 'catalog-dax': ['product-catalog'], 'search-api': ['opensearch'] },
        expected: { service: 'catalog-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
        story: 'An engineer turns on strongly consistent reads in catalog-api to chase a stale-price bug; every read skips DAX and goes to DynamoDB, consumed read capacity rises 11x and the table throttles. A DAX maintenance notice from AWS Health is about next week.',
        modeledOn: 'Incident class: cache bypass by a flag; DynamoDB throttling that looks like a managed-service problem.',
      };
    },
  },
  {
    file: 'auth-login-failures-p2',
    description: 'Opsgenie: elevated 401s on auth /session/refresh.',
    at: '2026-12-01T08:14:00Z',
    build: (b) => {
      const flagAt = -24 * 60;
      b.refOffset = 24 * 3600;
      b.metric('http_401_ratio', 'auth', 'ratio', (t, l) => 0.01 + (l && t > flagAt ? 0.19 : 0), { noise: 0.1, digits: 4, labels: { route: '/session/refresh' } });
      red(b, 'auth', { rps: 850, err: 0.001, p99: 60 });
      red(b, 'mobile-bff', { rps: 1200, err: 0.018, p99: 420, errX: (t, l) => (l && t > flagAt ? 0.03 : 0) });
      red(b, 'web-bff', { rps: 900, err: 0.002, p99: 300 });
      b.metric('logins_per_minute', 'auth', 'count', (t, l, d) => 3000 * d * (l && t > flagAt + 120 ? 1.9 : 1), { noise: 0.06, digits: 0 });
      b.change(-2 * 3600, 'auth', 'deployment', 'auth 2026.12.01: password breach check uses k-anonymity API v3', { version: '2026.12.01', previousVersion: '2026.11.28', author: 's.ng', commit: '88b2c41', source: 'argo-cd' });
      b.change(flagAt, 'auth', 'feature_flag', 'auth: reject_v1_session_tokens OFF -> ON (deprecation step 3)', { author: 'identity-team', source: 'flagsmith' });
      b.change(-45 * 60, 'web-bff', 'deployment', 'web-bff 3.3.12', { version: '3.3.12', previousVersion: '3.3.11', source: 'argo-cd' });
      b.background('mobile-bff', 'error', ['push token registration failed: APNs BadDeviceToken', 'upstream profile timed out after 800ms'], 25);
      b.background('auth', 'info', ['session refreshed', 'login succeeded'], 40);
      b.background('auth', 'warn', ['login failed: bad password', 'rate limit: too many attempts for account'], 12);
      b.burst('auth', 'warn', flagAt + 5, 0, 80, (i) => 'session refresh rejected: token format v1 no longer accepted', (i) => ({ app_version: ['5.1.4', '5.0.9', '4.22.0', '5.1.2'][i % 4], platform: i % 2 ? 'ios' : 'android' }));
      b.burst('mobile-bff', 'warn', flagAt + 60, 0, 30, () => 'session refresh 401; forcing re-login');
      b.alert(flagAt + 900, 'mobile-bff', 'MobileCrashFreeSessionsLow');
      b.traceFlow(10, -3600, 0, (t, live, i) => {
        const bad = live && t > flagAt && i % 2 === 0;
        return [
          ['mobile-bff', 'POST /v2/session/refresh', 0, 70, bad ? 'error' : 'ok', -1, { 'app.version': bad ? '5.1.4' : '5.3.0' }],
          ['auth', 'POST /session/refresh', 4, 40, bad ? 'error' : 'ok', 0, bad ? { 'http.status_code': 401, 'session.token_format': 'v1' } : { 'http.status_code': 200, 'session.token_format': 'v2' }],
        ];
      });
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: '[auth] 401 ratio on /session/refresh above 10%', description: '401 ratio on POST /session/refresh is 20.1% (threshold 10%). Affects mobile clients.', entity: 'auth', tags: ['identity', 'prod', 'service:auth'], details: { service: 'auth', env: 'prod', route: '/session/refresh', region: 'eu-west-1' }, priority: 'P2', createdAt: -60, source: 'Grafana', team: 'identity', alias: 'auth-401-refresh', tinyId: '9127' }),
        topology: { 'mobile-bff': ['auth', 'profile', 'notifications'], 'web-bff': ['auth', 'profile'], auth: ['auth-db', 'breach-check-api'] },
        expected: { service: 'auth', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
        story: 'The identity team flips reject_v1_session_tokens as a planned deprecation step; mobile app versions before 5.2 still send v1 tokens and are logged out in a loop (logins per minute double). The auth deploy two hours earlier and the always-noisy mobile-bff are distractors.',
        modeledOn: 'Incident class: a deprecation flag removing a fallback that old clients still needed.',
      };
    },
  },
  {
    file: 'orders-db-free-storage-low',
    description: 'Grafana: OrdersDbFreeStorageLow (repeat notification, firing for hours).',
    at: '2026-04-30T22:47:00Z',
    build: (b) => {
      b.from = -6 * 3600;
      b.refOffset = undefined;
      const full = -14 * 60;
      const dims = { DBInstanceIdentifier: 'orders-db' };
      b.metric('FreeStorageSpace', 'orders-db', 'Bytes', (t) => Math.max(0, (26e9 * (full - t)) / (6 * 3600 + full)), { step: 300, noise: 0.005, digits: 0, gaps: 0.1, labels: dims, min: 0 });
      b.metric('WriteIOPS', 'orders-db', 'Count/Second', (t, _l, d) => (t > full ? 40 : 1400 * d), { step: 300, noise: 0.08, digits: 0, gaps: 0.1, labels: dims });
      red(b, 'order-service', { rps: 160, err: 0.002, p99: 210, errX: (t) => (t > full ? 0.58 : 0), step: 120 });
      red(b, 'order-history', { rps: 90, err: 0.001, p99: 150, step: 120 });
      b.change(-50 * 60, 'order-service', 'deployment', 'order-service 6.12.0: order notes field length 500 -> 2000', { version: '6.12.0', previousVersion: '6.11.3', author: 't.ozturk', commit: '2bd9e07', source: 'github-actions' });
      b.change(-3 * 3600, 'analytics-etl', 'config', 'analytics-etl: nightly export window moved to 21:00 UTC', { source: 'airflow' });
      b.background('orders-db', 'info', ['checkpoint complete', 'automatic analyze of table "orders.public.order_events"'], 6);
      b.background('orders-db', 'warn', ['using stale statistics instead of current ones because stats collector is not responding'], 1);
      b.background('order-history', 'warn', ['slow query on order_events (1.2s)'], 5);
      b.burst('orders-db', 'warn', -4 * 3600, full, 6, (i) => `free storage below 10% (${(5.4 - i * 0.9).toFixed(1)} GB left); storage autoscaling is disabled for this instance`);
      b.burst('orders-db', 'error', full, 0, 25, () => 'could not extend file "base/16401/2613871": No space left on device');
      b.burst('orders-db', 'fatal', full + 30, 0, 6, () => 'could not write to file "pg_wal/xlogtemp.1187": No space left on device');
      b.burst('order-service', 'error', full + 10, 0, 45, () => 'ERROR: could not extend file: No space left on device (SQLSTATE 53100) inserting into order_events');
      b.burst('analytics-etl', 'info', -110 * 60, -40 * 60, 12, () => 'exported 250k rows from orders-db replica');
      b.exc(full + 20, 'order-service', 'PSQLException', 'could not extend file: No space left on device', 1900, 'OrderRepository.insertEvent');
      b.alert(full + 120, 'order-service', 'OrderServiceErrorRateHigh');
      b.traceFlow(8, -3600, 0, (t) => {
        const bad = t > full;
        return [
          ['order-service', 'POST /orders', 0, bad ? 35 : 190, bad ? 'error' : 'ok', -1],
          ['order-service', 'INSERT order_events', 20, bad ? 6 : 14, bad ? 'error' : 'ok', 0, { 'db.system': 'postgresql', 'peer.service': 'orders-db' }],
        ];
      }, { ref: false });
      const spec = promSpec(b, { alertname: 'OrdersDbFreeStorageLow', service: 'orders-db', severity: 'warning', team: 'orders' }, { summary: 'orders-db free storage below 10%', description: 'RDS orders-db FreeStorageSpace under 10% of allocated storage' }, -4 * 3600 - 8 * 60, 'aws_rds_free_storage_space_average{dbinstance_identifier="orders-db"} / 200e9 < 0.1');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 0, C: 1 }, valueString: "[ var='A' labels={dbinstance_identifier=orders-db} value=0 ], [ var='C' labels={dbinstance_identifier=orders-db} value=1 ]", dashboardUID: 'rds-orders', panelId: 12, orgId: 3 }, 'oncall-orders'),
        topology: { 'api-gateway': ['order-service', 'order-history'], 'order-service': ['orders-db', 'payments'], 'order-history': ['orders-db'], 'analytics-etl': ['orders-db'] },
        expected: { service: 'orders-db', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'orders-db\'s free storage declines steadily all evening (storage autoscaling disabled) and reaches zero; writes fail and order-service errors. The low-storage warning has been firing for over four hours; this is its repeat notification. The order-service deploy 50 minutes before only widened a column. No reference window.',
        modeledOn: 'Incident class: RDS storage full.',
      };
    },
  },
  {
    file: 'notification-dispatcher-target-response-time',
    description: 'CloudWatch (EventBridge): ALB TargetResponseTime alarm on target group notification-dispatcher.',
    at: '2026-11-27T17:02:00Z',
    build: (b) => {
      const scaleAt = -33 * 60;
      const onset = scaleAt + 300;
      const tg = { TargetGroup: 'targetgroup/notification-dispatcher/8c1f0e22b7d94a11', LoadBalancer: 'app/k8s-notify-ingress/3f2b9d0c1e7a' };
      b.metric('TargetResponseTime', 'notification-dispatcher', 'Seconds', (t, l, d) => (l && t > onset ? 2.4 * d : 0.09 * d), { step: 300, noise: 0.08, digits: 3, gaps: 0.1, labels: tg });
      b.metric('RequestCount', 'notification-dispatcher', 'Count', (t, l, d) => 180000 * d * (l && t > scaleAt - 600 ? 1.6 : 1), { step: 300, noise: 0.05, digits: 0, gaps: 0.1, labels: tg });
      b.metric('kube_deployment_status_replicas_available', 'notification-dispatcher', 'replicas', (t, l) => (l && t > scaleAt ? 12 : 12), { step: 60, noise: 0, digits: 0 });
      b.metric('kube_deployment_spec_replicas', 'notification-dispatcher', 'replicas', (t, l) => (l && t > scaleAt ? 30 : 12), { step: 60, noise: 0, digits: 0 });
      b.metric('container_cpu_usage_ratio', 'notification-dispatcher', 'ratio', (t, l, d) => (l && t > scaleAt ? 0.97 : 0.5 * d), { noise: 0.04, max: 1, digits: 3 });
      b.metric('subnet_available_ip_addresses', 'aws-node', 'count', (t, l) => (l && t > scaleAt - 900 ? 0 : 46), { step: 300, noise: 0, digits: 0, labels: { subnet: 'subnet-0a7c3e19 (private-1b, /24)' } });
      b.change(-5 * 3600, 'notification-dispatcher', 'deployment', 'notification-dispatcher 2.9.1: template cache warmup', { version: '2.9.1', previousVersion: '2.9.0', source: 'argo-cd' });
      b.change(-70 * 60, 'batch-scheduler', 'scaling', 'batch-scheduler cronjob "weekly-digest" spawned 60 pods in private-1b', { source: 'kubernetes' });
      b.change(scaleAt, 'notification-dispatcher', 'scaling', 'HPA notification-dispatcher: desired replicas 12 -> 30 (cpu 97% / target 60%)', { source: 'hpa' });
      b.background('notification-dispatcher', 'info', ['push sent', 'email queued to ses'], 30);
      b.background('batch-scheduler', 'warn', ['job weekly-digest slow: 40m elapsed'], 2);
      b.burst('aws-node', 'error', scaleAt - 800, 0, 40, (i) => `ipamd: failed to allocate a private IP address: InsufficientFreeAddressesInSubnet: The specified subnet subnet-0a7c3e19 does not have enough free addresses to satisfy the request (node ip-10-8-1-${40 + (i % 12)})`);
      b.burst('notification-dispatcher', 'warn', onset, 0, 30, () => 'request queue depth 800, shedding low-priority sends');
      b.rt(scaleAt + 40, 'notification-dispatcher', 'unhealthy', 'Warning FailedCreatePodSandBox: plugin type="aws-cni" failed (add): add cmd: failed to assign an IP address to container; 18 pods Pending', 18);
      b.rt(-70 * 60 + 30, 'batch-scheduler', 'restart', 'weekly-digest pods started', 60);
      b.alert(onset + 600, 'notification-dispatcher', 'NotificationSendLatencyHigh');
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'notify-tg-response-time', description: 'notification-dispatcher target response time > 1s', account: '220094117365', region: 'us-east-1', namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: tg, stat: 'Average', period: 300, threshold: 1, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [2.41 (27/11/26 16:55:00), 2.33 (27/11/26 16:50:00)] were greater than the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -30, previousAt: -3 * 86400 }),
        topology: { 'api-gateway': ['notification-dispatcher'], 'notification-dispatcher': ['ses', 'fcm', 'templates-db'], 'batch-scheduler': ['notification-dispatcher'], 'aws-node': [] },
        expected: { service: 'notification-dispatcher', kind: 'resource_exhaustion', action: 'none', mustCite: ['runtime', 'logs'] },
        story: 'Thanksgiving-peak traffic makes the HPA ask for 30 replicas, but the /24 pod subnet has no free IP addresses (a weekly batch job holds 60 of them); 18 new pods stay Pending and the 12 running ones saturate. Nothing in the service changed; scaling out is exactly what cannot happen.',
        modeledOn: 'Incident class: subnet IP exhaustion for EKS pods (VPC CNI InsufficientFreeAddressesInSubnet).',
      };
    },
  },
  {
    file: 'edge-proxy-5xx-spike',
    description: 'Alertmanager: EdgeProxy5xxSpike on edge-proxy.',
    at: '2026-02-10T11:26:00Z',
    build: (b) => {
      const onset = -17 * 60;
      const uptimeDays = (t: number, live: boolean) => (live ? 9.3 : 2.3) + t / 86400;
      b.metric('process_open_fds', 'edge-proxy', 'fds', (t, l) => Math.min(65536, 7000 * uptimeDays(t, l)), { noise: 0.005, digits: 0 });
      b.metric('process_max_fds', 'edge-proxy', 'fds', () => 65536, { noise: 0, digits: 0 });
      b.metric('process_uptime_seconds', 'edge-proxy', 's', (t, l) => uptimeDays(t, l) * 86400, { noise: 0, digits: 0, step: 300 });
      red(b, 'edge-proxy', { rps: 5200, err: 0.0008, p99: 40, errX: (t, l) => (l && t > onset ? 0.16 * ramp(t, onset, onset + 600) : 0) });
      red(b, 'accounts-api', { rps: 1100, err: 0.001, p99: 85 });
      red(b, 'media-api', { rps: 1700, err: 0.002, p99: 130, rpsX: (t, l) => (l && t > onset ? 0.85 : 1) });
      b.change(-40 * 60, 'accounts-api', 'deployment', 'accounts-api 18.4.2: GDPR export batching', { version: '18.4.2', previousVersion: '18.4.1', source: 'argo-cd' });
      b.change(-85 * 60, 'media-api', 'config', 'media-api: image quality 82 -> 78', { source: 'consul-kv' });
      b.change(-11 * 60, 'edge-proxy', 'scaling', 'edge-proxy: manual scale 6 -> 8 pods (new pods healthy)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('edge-proxy', 'info', ['upstream keepalive pool resized', 'config reload: 0 changes'], 8);
      b.background('edge-proxy', 'warn', ['upstream sent too big header while reading response header', 'client intended to send too large body'], 6);
      b.background('media-api', 'warn', ['thumbnail cache miss storm (deploy warmup)'], 2);
      b.burst('edge-proxy', 'error', onset, 0, 70, (i) => `accept4() failed (24: Too many open files) on pod edge-proxy-7c9b5d7f4-${['k2xvq', 'z8nmt', 'r4pwd', 'h6fjs', 'c9tlb', 'w2qzn'][i % 6]}`);
      b.burst('edge-proxy', 'warn', -9 * 3600 / 4, onset, 10, () => 'upstream connection to media-api closed without FIN; socket kept in CLOSE_WAIT');
      b.exc(onset + 30, 'edge-proxy', 'SocketError', 'accept4: too many open files (EMFILE)', 5200, 'listener.accept');
      b.alert(onset + 240, 'accounts-api', 'AccountsAvailabilityLow');
      b.traceFlow(10, -3600, 0, (t, live, i) => {
        const bad = live && t > onset && i % 3 === 0;
        return [
          ['edge-proxy', 'HTTP GET', 0, bad ? 2 : 95, bad ? 'error' : 'ok', -1, bad ? { 'error.type': 'EMFILE' } : {}],
          ...(bad ? [] : [['accounts-api', 'GET /me', 3, 80, 'ok', 0] as [string, string, number, number, 'ok', number]]),
        ];
      });
      const spec = promSpec(b, { alertname: 'EdgeProxy5xxSpike', app: 'edge-proxy', namespace: 'edge', severity: 'critical', pod: 'edge-proxy-7c9b5d7f4-k2xvq' }, { summary: 'edge-proxy 5xx above 2%', description: '16% of requests answered 502/503 at the edge' }, -5 * 60, 'sum(rate(nginx_ingress_controller_requests{status=~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests[5m])) > 0.02');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([spec], 'causeway', ['alertname', 'app']),
        topology: { 'edge-proxy': ['accounts-api', 'media-api', 'web-static'], 'accounts-api': ['accounts-db'], 'media-api': ['media-store'] },
        expected: { service: 'edge-proxy', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
        story: 'edge-proxy pods have run for 9 days; sockets to media-api left in CLOSE_WAIT leak file descriptors until the 65536 limit is reached and accept() fails. A week earlier (the reference) the pods were two days old and far from the limit. New pods added by hand are healthy, which is the clue that a restart clears it.',
        modeledOn: 'Incident class: file-descriptor exhaustion after long uptime (slow leak, no change).',
      };
    },
  },
  {
    file: 'ingest-api-produce-errors',
    description: 'PagerDuty: incident on ingest-api, event produce errors.',
    at: '2026-09-03T02:58:00Z',
    build: (b) => {
      const full = -26 * 60;
      b.from = -3 * 3600;
      b.metric('kafka_log_dir_used_ratio', 'kafka', 'ratio', (t, l) => (l ? Math.min(1, 0.81 + 0.19 * ramp(t, -3 * 3600, full)) : 0.63 + 0.03 * ramp(t, -3 * 3600, 0)), { step: 120, noise: 0.002, digits: 4, labels: { broker: 'kafka-2' } });
      b.metric('kafka_log_dir_used_ratio', 'kafka', 'ratio', (t, l) => (l ? 0.74 : 0.6) + 0.04 * ramp(t, -3 * 3600, 0), { step: 120, noise: 0.002, digits: 4, labels: { broker: 'kafka-0' } });
      b.metric('kafka_server_under_replicated_partitions', 'kafka', 'partitions', (t, l) => (l && t > full ? 212 : 0), { step: 120, noise: 0.02, digits: 0 });
      b.metric('kafka_producer_record_error_rate', 'ingest-api', 'errors/s', (t, l) => (l && t > full + 60 ? 380 : 0.01), { noise: 0.1, digits: 2 });
      b.metric('kafka_bytes_in_per_sec', 'kafka', 'bytes/s', (_t, _l, d) => 1.9e8 * d, { step: 120, noise: 0.05, digits: 0, labels: { topic: 'events-raw' } });
      red(b, 'ingest-api', { rps: 9000, err: 0.001, p99: 25, errX: (t, l) => (l && t > full + 60 ? 0.22 : 0), p99X: (t, l) => (l && t > full ? 30 : 1) });
      b.metric('consumer_lag_seconds', 'query-engine', 's', (t, l) => (l && t > full ? 5 + (t - full) * 0.8 : 5), { noise: 0.1, digits: 0 });
      b.change(-34 * 60, 'ingest-api', 'deployment', 'ingest-api 44.1.0: accept gzip on /v1/batch', { version: '44.1.0', previousVersion: '44.0.8', author: 'i.chen', commit: '0f7d1a3', source: 'buildkite' });
      b.change(-2.2 * 3600, 'query-engine', 'deployment', 'query-engine 12.3.0', { version: '12.3.0', previousVersion: '12.2.9', source: 'buildkite' });
      b.change(-8 * 60, 'kafka', 'config', 'events-raw: retention.ms 86400000 -> 43200000 on kafka-2 partitions (mitigation, log cleaner pending)', { author: 'oncall-sre', source: 'kafka-configs' });
      b.background('kafka', 'info', ['[Log partition=events-raw-17, dir=/var/lib/kafka] Rolled new log segment', '[GroupCoordinator 2]: Stabilized group query-engine generation 412'], 20);
      b.background('query-engine', 'warn', ['query exceeded 10s budget, returning partial results'], 8);
      b.background('ingest-api', 'info', ['batch accepted', 'auth cache hit'], 25);
      b.burst('kafka', 'warn', -2 * 3600, full, 8, (i) => `[kafka-2] log dir /var/lib/kafka usage ${(92 + i).toFixed(0)}% (partitions of events-raw skewed onto this broker)`);
      b.burst('kafka', 'fatal', full, full + 30, 2, () => '[kafka-2] [ReplicaManager broker=2] Error while writing to checkpoint file /var/lib/kafka/events-raw-9/leader-epoch-checkpoint: java.io.IOException: No space left on device; shutting down log dir');
      b.burst('ingest-api', 'error', full + 60, 0, 60, () => 'KafkaError{code=NOT_ENOUGH_REPLICAS,val=19,str="Broker: Not enough in-sync replicas"} producing to events-raw');
      b.burst('ingest-api', 'warn', -34 * 60 + 60, 0, 10, () => 'gzip batch decoded');
      b.rt(full + 20, 'kafka', 'unhealthy', 'kafka-2 log dir offline; broker removed from ISR of 212 partitions', 1);
      b.exc(full + 70, 'ingest-api', 'KafkaException', 'NOT_ENOUGH_REPLICAS producing to events-raw', 24000, 'producer/flush.go:77');
      b.alert(full + 600, 'query-engine', 'ConsumerLagHigh');
      return {
        source: 'pagerduty',
        headers: PD_HEADERS,
        body: pagerdutyBody(b, { createdAt: -90, title: 'ingest-api: produce error rate above 1% (events dropped)', serviceName: 'ingest-api', serviceId: 'PINGST1', urgency: 'high', number: 7731, escalation: 'Ingest On-Call', team: 'Data Ingest', incidentKey: `ingest-produce-${b.hex(6)}` }),
        topology: { 'ingest-api': ['kafka', 'auth-cache'], 'query-engine': ['kafka', 'column-store'], 'retriever': ['column-store'] },
        expected: { service: 'kafka', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
        story: 'Partitions of a high-volume topic are skewed onto one broker whose disk fills overnight; its log dir goes offline, partitions lose in-sync replicas and producers get NOT_ENOUGH_REPLICAS. The ingest-api deploy 8 minutes before the disk filled is the tempting culprit; the retention change is a mitigation. The fix is more disk (or rebalancing).',
        modeledOn: 'Honeycomb Kafka incidents (broker disk exhaustion); incident class: Kafka disk full.',
      };
    },
  },
];
