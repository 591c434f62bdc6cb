import { pat, rollout } from '../lib/helpers.js';
import { scaleBy, stepTo } from '../lib/metrics.js';
import { cloudwatch, cloudwatchSns, grafana } from '../lib/signals.js';
import { opsgenie } from '../lib/signals-saas.js';
import type { ScenarioSpec } from '../lib/types.js';
import { payments } from '../systems/payments.js';

const ACCOUNT = '418295730166';

/*
 * Intent: dependency_failure of auth0, two hops below the alert (api-gateway → identity → auth0).
 * Red herring: a config change on a sibling of identity (payments-api) two minutes before onset.
 */
const auth0: ScenarioSpec = {
  name: 'payments-login-timeouts',
  seed: 2104,
  at: '2026-06-17T07:22:00Z',
  description:
    'At the start of the European business day, dashboard logins and API session creation became very slow and a fifth of them timed out. Payment traffic with already-issued tokens was mostly fine. A payments-api configuration change had been applied a little earlier.',
  system: payments,
  services: ['api-gateway', 'identity', 'payments-api', 'risk-engine', 'card-processor', 'ledger', 'webhooks-dispatcher'],
  onset: -600,
  signal: grafana('2026-06-17T07:22:00Z', {
    alertname: 'GatewayLatencyP99High',
    folder: 'Edge',
    service: 'api-gateway',
    severity: 'critical',
    summary: 'api-gateway p99 latency above 1.5s',
    description: 'api-gateway p99 over all routes is 2.24s for 5 minutes.',
    value: 2.24,
    ruleUid: 'fe8a0c2kq1m2sd',
    dashboardUid: 'edge-overview',
    labels: { env: 'prod', team: 'edge' },
  }),
  effects: [
    { service: 'identity', key: 'latency', shape: stepTo(-600, 6.4, 90) },
    { service: 'identity', key: 'errors', shape: stepTo(-590, 0.21, 90) },
    { service: 'api-gateway', key: 'latency', shape: stepTo(-595, 2.2, 90) },
    { service: 'api-gateway', key: 'errors', shape: stepTo(-590, 0.048, 90) },
    { service: 'payments-api', key: 'rps', shape: scaleBy(-560, 0.9, 120) },
  ],
  extraSeries: [
    {
      service: 'identity',
      def: { key: 'auth0Lat', name: 'http_client_duration_p99_seconds', unit: 's', labels: { peer: 'ledgerly.us.auth0.com' }, base: 0.21, noise: 0.12 },
      shape: stepTo(-600, 6.1, 90),
    },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['session', 'create-payment', 'get-payment'],
    faults: [{ service: 'auth0', from: -600, errorRate: 0.22, addMs: 4300, errorAttributes: { 'error.type': 'ETIMEDOUT', 'exception.message': 'timeout of 5000ms exceeded' } }],
  },
  logs: [
    pat('payments-api', 'info', -730, 1, () => 'AppConfig configuration refreshed profile=payments-api/prod version=22', { max: 4 }),
    pat('identity', 'error', -590, 8, () => 'POST https://ledgerly.us.auth0.com/oauth/token failed: timeout of 5000ms exceeded', { linkTraces: true }),
    pat('identity', 'warn', -600, 6, (r) => `auth0 token endpoint slow elapsed_ms=${r.int(2500, 4900)}`),
    pat('api-gateway', 'warn', -590, 5, (r) => `upstream identity slow route=/v1/sessions elapsed_ms=${r.int(2500, 5200)}`),
  ],
  changes: [
    { at: -720, service: 'payments-api', kind: 'config', summary: 'AppConfig payments-api/prod: webhook retry backoff 30s -> 60s', version: '22', previousVersion: '21', author: 'l.fischer', source: 'aws-appconfig' },
  ],
  expected: { rootCause: { service: 'auth0', kind: 'dependency_failure' }, action: 'none', mustCite: ['traces', 'logs'] },
};

/*
 * Intent: feature_flag on identity (tokens signed with a new algorithm) that the gateway rejects.
 * The failing spans are all on api-gateway; only the change and the log text point at identity.
 */
const es256: ScenarioSpec = {
  name: 'payments-gateway-401-surge',
  seed: 2105,
  at: '2026-06-24T09:03:00Z',
  description:
    'From about 08:58 UTC roughly a third of API calls were rejected with 401 Unauthorized, regardless of merchant. Clients that retried with a fresh token kept failing. There were no 5xx errors and no latency change; payment volume dropped accordingly.',
  system: payments,
  services: ['api-gateway', 'identity', 'payments-api', 'risk-engine', 'card-processor', 'ledger', 'webhooks-dispatcher'],
  onset: -300,
  signal: opsgenie('2026-06-24T09:03:00Z', {
    message: 'api-gateway 401 ratio above 10%',
    description: '31% of api-gateway responses were 401 over the last 5 minutes (baseline < 1%).',
    entity: 'api-gateway',
    tags: ['service:api-gateway', 'env:prod', 'team:edge'],
    details: { service: 'api-gateway', env: 'prod', status_code: '401', ratio: '0.31' },
    priority: 'P2',
    source: 'Grafana',
    integrationName: 'Grafana-Edge',
    tinyId: 5120,
  }),
  effects: [
    { service: 'payments-api', key: 'rps', shape: scaleBy(-300, 0.7, 60) },
    { service: 'card-processor', key: 'rps', shape: scaleBy(-300, 0.7, 60) },
  ],
  extraSeries: [
    {
      service: 'api-gateway',
      def: { key: 'unauth', name: 'http_responses_ratio', unit: 'ratio', labels: { code: '401' }, base: 0.004, noise: 0.25, max: 1 },
      shape: stepTo(-300, 0.31, 60),
    },
  ],
  traces: {
    baseline: 12,
    incident: 16,
    flows: ['create-payment', 'get-payment', 'session'],
    faults: [
      { service: 'api-gateway', op: '/v1/payments', from: -300, errorRate: 0.32, skipChildren: true, errorAttributes: { 'http.status_code': 401, 'error.type': 'invalid_token' } },
    ],
  },
  logs: [
    pat('identity', 'info', -318, 1, () => 'feature flag identity.sign-es256 enabled (strategy: default, 100%)', { max: 2 }),
    pat('identity', 'info', -300, 4, (r) => `token issued client_id=cli_${r.hex(8)} scope=payments:write alg=ES256 kid=2026-06`),
    pat('api-gateway', 'warn', -300, 12, (r) => `JWT validation failed: alg "ES256" not in allowed algorithms [RS256] kid=2026-06 client_id=cli_${r.hex(8)}`, { linkTraces: true }),
  ],
  changes: [
    { at: -320, service: 'identity', kind: 'feature_flag', summary: 'identity.sign-es256: enabled for 100% (sign access tokens with ES256 key kid=2026-06)', version: 'on', previousVersion: 'off', author: 'n.haddad', source: 'unleash' },
  ],
  expected: { rootCause: { service: 'identity', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'logs'] },
};

/*
 * Intent: deployment on risk-engine, two hops below the alert (api-gateway → payments-api → risk-engine).
 * No logs at all (logging backend not configured). Red herring: config change on a sibling (card-processor).
 */
const riskDeploy: ScenarioSpec = {
  name: 'payments-gateway-5xx-evening',
  seed: 2106,
  at: '2026-05-05T17:15:00Z',
  description:
    'The api-gateway target 5xx alarm fired in the early evening: about one payment creation in six failed with 500 from roughly 17:09 UTC. Reads were unaffected. Two changes had gone out in the preceding ten minutes. Log shipping for this account was not yet configured, so only metrics, traces and the change log were available.',
  system: payments,
  services: ['api-gateway', 'identity', 'payments-api', 'risk-engine', 'card-processor', 'ledger', 'ledger-db', 'webhooks-dispatcher'],
  onset: -360,
  signal: cloudwatch('2026-05-05T17:15:00Z', {
    account: ACCOUNT,
    region: 'us-east-1',
    alarmName: 'api-gateway-prod-target-5xx',
    description: 'api-gateway ALB targets returned more than 50 5xx per minute for 3 minutes',
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: 'app/api-gateway-prod/7d2e91c4a0b35f18', TargetGroup: 'targetgroup/api-gateway-prod-tg/1c6b0f8e2d4a9e37' },
    stat: 'Sum',
    period: 60,
    threshold: 50,
    comparison: 'GreaterThanThreshold',
    datapoints: [412, 398, 377],
  }),
  logs: false,
  effects: [
    { service: 'risk-engine', key: 'errors', shape: stepTo(-360, 0.39, 60) },
    { service: 'payments-api', key: 'errors', shape: stepTo(-355, 0.35, 60) },
    { service: 'api-gateway', key: 'errors', shape: stepTo(-355, 0.165, 60) },
    { service: 'card-processor', key: 'rps', shape: scaleBy(-355, 0.62, 60) },
    { service: 'ledger', key: 'rps', shape: scaleBy(-355, 0.75, 60) },
  ],
  traces: {
    baseline: 12,
    incident: 18,
    flows: ['create-payment', 'get-payment'],
    faults: [
      { service: 'risk-engine', from: -360, errorRate: 0.4, errorAttributes: { 'http.status_code': 500, 'exception.type': 'KeyError', 'exception.message': "'device_fingerprint_age'" } },
    ],
  },
  changes: [
    { at: -540, service: 'card-processor', kind: 'config', summary: 'card-processor env: STRIPE_MAX_NETWORK_RETRIES 1 -> 2 (new task definition revision 88)', version: 'card-processor:88', previousVersion: 'card-processor:87', author: 'o.mensah', source: 'terraform' },
    { at: -420, service: 'risk-engine', kind: 'deployment', summary: 'risk-engine v12.2.0: feature vector v9 (adds device_fingerprint_age)', version: 'v12.2.0', previousVersion: 'v12.1.3', author: 'c.dubois', commit: 'f19a7b2', source: 'github-actions' },
  ],
  exceptions: [{ at: -330, service: 'risk-engine', type: 'KeyError', message: "'device_fingerprint_age'", count: 318, culprit: 'risk/features/vector.py in build_vector' }],
  alerts: [{ at: -200, service: 'payments-api', name: 'PaymentsApi5xxHigh', status: 'firing' }],
  expected: { rootCause: { service: 'risk-engine', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'traces'] },
};

/*
 * Intent: code_defect in payouts-worker (a month-end date bug), crash-looping but with no change;
 * kind code_defect, action none despite the restarts. Red herring: a ledger config change.
 */
const monthEnd: ScenarioSpec = {
  name: 'payments-payout-batch-failures',
  seed: 2107,
  at: '2026-07-01T00:09:00Z',
  description:
    'Just after midnight UTC on the first of the month, the failed-payout-batches alarm fired. Roughly half of the monthly payout batches failed and the payouts worker tasks restarted repeatedly. Daily and weekly payout schedules were processed normally. The payouts worker had last been released nine days earlier.',
  system: payments,
  services: ['payouts-worker', 'ledger', 'ledger-db', 'bank-connector', 'payments-api', 'webhooks-dispatcher', 'api-gateway'],
  onset: -480,
  signal: cloudwatchSns(
    '2026-07-01T00:09:00Z',
    {
      account: ACCOUNT,
      region: 'us-east-1',
      alarmName: 'payouts-failed-batches',
      description: 'More than 5 payout batches failed in 5 minutes',
      namespace: 'Ledgerly/Payouts',
      metricName: 'FailedPayoutBatches',
      dimensions: { Service: 'payouts-worker', Environment: 'prod' },
      stat: 'Sum',
      period: 300,
      threshold: 5,
      comparison: 'GreaterThanThreshold',
      datapoints: [41],
    },
    'ledgerly-prod-alarms',
  ),
  effects: [
    { service: 'payouts-worker', key: 'errors', shape: stepTo(-480, 0.46, 60) },
    { service: 'payouts-worker', key: 'jobs', shape: stepTo(-480, 9, 60) },
    { service: 'payouts-worker', key: 'lag', shape: stepTo(-480, 420, 420) },
    { service: 'bank-connector', key: 'rps', shape: scaleBy(-480, 1.6, 60) },
  ],
  traces: {
    baseline: 8,
    incident: 14,
    flows: ['payout', 'create-payment'],
    faults: [
      { service: 'payouts-worker', from: -480, errorRate: 0.5, skipChildren: true, errorAttributes: { 'exception.type': 'java.time.DateTimeException', 'exception.message': "Invalid date 'JUNE 31'" } },
    ],
  },
  logs: [
    pat('payouts-worker', 'info', -490, 0.5, () => 'monthly payout cycle 2026-07 started: 1843 merchants on monthly schedule', { max: 1 }),
    pat('payouts-worker', 'error', -480, 4, (r) => `payout batch failed batch_id=pb_${r.hex(10)} anchor_day=31: java.time.DateTimeException: Invalid date 'JUNE 31'`, { linkTraces: true }),
    pat('payouts-worker', 'info', -470, 3, (r) => `payout batch settled batch_id=pb_${r.hex(10)} anchor_day=${r.int(1, 28)} merchants=${r.int(20, 300)}`),
  ],
  changes: [
    { at: '2026-06-22T10:05:00Z', service: 'payouts-worker', kind: 'deployment', summary: 'payouts-worker v2.7.5: settlement window computed from merchant anchor day', version: 'v2.7.5', previousVersion: 'v2.7.4', author: 'o.mensah', commit: '8c13f60', source: 'github-actions' },
    { at: -1260, service: 'ledger', kind: 'config', summary: 'ledger task definition: DB_POOL_MAX 40 -> 50', version: 'ledger:131', previousVersion: 'ledger:130', author: 's.varga', source: 'terraform' },
  ],
  runtime: [
    { at: -400, service: 'payouts-worker', kind: 'restart', count: 3, message: 'ECS tasks exited with code 1 (uncaught java.time.DateTimeException) and were replaced' },
    { at: -120, service: 'payouts-worker', kind: 'crash_loop', count: 6, message: 'payouts-worker tasks stopped 6 times in 6 minutes: Essential container in task exited' },
  ],
  exceptions: [
    { at: -450, service: 'payouts-worker', type: 'java.time.DateTimeException', message: "Invalid date 'JUNE 31'", count: 214, culprit: 'com.ledgerly.payouts.schedule.SettlementWindow.next(SettlementWindow.java:57)' },
  ],
  expected: { rootCause: { service: 'payouts-worker', kind: 'code_defect' }, action: 'none', mustCite: ['exceptions', 'logs'] },
};

export const paymentsB: ScenarioSpec[] = [auth0, es256, riskDeploy, monthEnd];
