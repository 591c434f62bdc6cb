import { int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { cloudwatchEvent, datadog, DD_TEMPLATE_SHORT, grafana, opsgenie, pagerduty } from '../senders.js';

/** Fastly 2021-06-08: a customer's valid configuration triggers a bug shipped weeks earlier. */
export function edgeLatentBug(): Scenario {
  const s = new Scenario({
    name: 'edge-cache-customer-config-triggers-latent-bug',
    description:
      'Modeled on Fastly 2021-06-08: a software release on May 12 introduced a bug that a specific, valid customer configuration could trigger; weeks later a customer pushes exactly that configuration and 85% of the edge fleet starts returning 503 as cache nodes crash on the request path. The customer config push is the customer\'s data, not a change of ours; the release is weeks old. PagerDuty pages on the edge delivery service.',
    at: '2026-06-08T10:02:00Z',
    seed: 801,
    peakHourUtc: 14,
    reference: { hoursBefore: 24 },
    topology: { 'edge-cache': ['shield-cache', 'config-store'], 'shield-cache': ['customer-origins'] },
  });
  const onset = -11 * 60;
  s.change(-27 * 86400, 'edge-cache', 'deployment', 'edge-cache h2o-fork 2026.05.12 (vcl compiler update)', { version: '2026.05.12', previousVersion: '2026.04.28', source: 'fleet-deploy' });
  s.change(-44 * 60, 'shield-cache', 'config', 'shield-cache: raise stale-while-revalidate default to 60s', { source: 'fleet-config' });
  red(s, 'edge-cache', 'prom', { rps: 250000, errRatio: 0.0004, p99: 0.04, errEffect: level(onset + 10, 0.85, 40, 0.03), rpsEffect: ramp(onset + 60, 0.7, 300) });
  s.metric({ name: 'process_restarts_per_minute', service: 'edge-cache', base: 0.05, noise: 1, diurnal: 0, round: 0, min: 0, effect: level(onset + 10, 640, 30, 0.1) });
  red(s, 'shield-cache', 'prom', { rps: 40000, errRatio: 0.0006, p99: 0.09, rpsEffect: ramp(onset, 0.3, 120) });
  chatter(s, 'edge-cache', 'go', 25);
  chatter(s, 'shield-cache', 'go', 40);
  s.logs('config-store', 'info', (r) => `service config activated customer=${hexish(r)} version=${int(r, 2, 900)}`, 35);
  s.log(onset - 5, 'config-store', 'info', 'service config activated customer=5f1a9c02 version=411 (request setting: override_host with regex backref)');
  s.logs('edge-cache', 'fatal', (r) => `cache-${pick(r, ['lhr', 'fra', 'iad', 'sjc', 'nrt', 'syd'])}-${int(r, 1, 40)}: panic: runtime error: index out of range [3] with length 3 (vcl/regsub.go:218) customer=5f1a9c02`, 3, { from: onset });
  s.logs('edge-cache', 'error', (r) => `503 Service Unavailable host=${pick(r, ['www.news.example', 'api.shop.example', 'cdn.gov.example', 'img.social.example'])} reason=backend fetch aborted (worker restart)`, 4, { from: onset + 10 });
  s.logs('shield-cache', 'warn', (r) => `origin ${pick(r, ['o1', 'o2', 'o3'])} slow TTFB ${int(r, 800, 2000)}ms`, 120);
  s.event(onset + 30, 'edge-cache', 'crash_loop', 'cache processes restarting on 85% of POPs', 6200);
  s.exception(onset + 20, 'edge-cache', 'runtime.Error', 'index out of range [3] with length 3', { count: 38112, culprit: 'vcl.(*Regsub).Apply vcl/regsub.go:218' });
  const shape = [
    { service: 'edge-cache', name: 'GET', ms: 8 },
    { service: 'shield-cache', name: 'fetch', parent: 0, ms: 40, after: 1 },
  ];
  s.traces(shape, 12);
  s.traces(shape, 16, { from: onset + 10, faults: [{ span: 0, status: 'error', ms: 3, drop: [1], attributes: { 'http.status_code': 503, 'customer.id': '5f1a9c02' } }], rate: 0.85 });
  s.setSignal(pagerduty(s, { subdomain: 'edgeco-cdn', serviceName: 'Edge Delivery', title: 'Global 503 rate 85% (edge-cache)', createdAt: onset + 60, urgency: 'high', priority: 'P1', number: 66301, escalationPolicy: 'Delivery SRE', team: 'Delivery' }));
  s.expect({ rootCause: { service: 'edge-cache', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'exceptions'] });
  return s;
}

const hexish = (r: () => number): string => Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');

/** A message with a missing field crashes the consumer on every redelivery. */
export function poisonMessage(): Scenario {
  const s = new Scenario({
    name: 'shipment-consumer-poison-message-npe',
    description:
      'Modeled on a well-known class of incident, a poison message that crashes a consumer on every redelivery: a partner integration publishes an order whose shipping address has no postalCode; shipment-consumer throws a NullPointerException on it, restarts, re-reads the same offset and crashes again, and consumer lag grows. Grafana\'s Kafka lag alert comes from the exporter (job="kafka-exporter"), not from the consumer. The consumer\'s last deploy, nine days ago, is not the cause.',
    at: '2026-03-03T08:24:00Z',
    seed: 802,
    peakHourUtc: 11,
    topology: { 'order-service': ['orders-topic'], 'shipment-consumer': ['orders-topic', 'carrier-api'], 'partner-ingest': ['orders-topic'] },
  });
  const onset = -27 * 60;
  s.change(-9 * 86400, 'shipment-consumer', 'deployment', 'shipment-consumer 2.14.0: multi-parcel support', { version: '2.14.0', previousVersion: '2.13.5', source: 'argo-cd' });
  s.change(-48 * 60, 'order-service', 'deployment', 'order-service 11.3.0', { version: '11.3.0', previousVersion: '11.2.8', source: 'argo-cd' });
  s.metric({ name: 'kafka_consumergroup_lag', service: 'shipment-consumer', labels: { consumergroup: 'shipment-consumer', topic: 'orders.v1', partition: '7' }, base: 15, noise: 0.5, diurnal: 0.2, round: 0, effect: (t, v) => (t < onset ? v : v + (t - onset) * 1.1) });
  s.metric({ name: 'kafka_consumergroup_lag', service: 'shipment-consumer', labels: { consumergroup: 'shipment-consumer', topic: 'orders.v1', partition: '3' }, base: 12, noise: 0.5, diurnal: 0.2, round: 0, effect: (t, v) => (t < onset + 40 ? v : v + (t - onset) * 1.0) });
  s.metric({ name: 'kube_pod_container_status_restarts_total', service: 'shipment-consumer', base: 0, noise: 0, diurnal: 0, round: 0, effect: (t) => (t < onset ? 2 : 2 + Math.floor((t - onset) / 75)) });
  s.metric({ name: 'shipments_created_per_minute', service: 'shipment-consumer', base: 140, noise: 0.1, diurnal: 0.3, round: 0, effect: level(onset, 0, 60, 0) });
  s.metric({ name: 'kafka_topic_messages_in_per_minute', service: 'orders-topic', labels: { topic: 'orders.v1' }, base: 150, noise: 0.1, diurnal: 0.3, round: 0 });
  chatter(s, 'order-service', 'jvm', 35);
  chatter(s, 'partner-ingest', 'worker', 45);
  s.logs('shipment-consumer', 'info', (r) => `shipment created order=${int(r, 1e6, 9e6)} carrier=${pick(r, ['dhl', 'ups', 'dpd'])} parcels=${int(r, 1, 3)}`, 20, { to: onset });
  s.log(onset - 8, 'partner-ingest', 'info', 'published order 8812245 for partner marketplace-b (address normalized: false)');
  s.log(onset - 9, 'partner-ingest', 'warn', 'partner marketplace-b payload missing optional field shippingAddress.postalCode; forwarding as-is');
  s.logs('shipment-consumer', 'error', 'Exception in consumer loop at orders.v1-7@48211907: java.lang.NullPointerException: Cannot invoke "String.trim()" because the return value of "com.acme.ship.Address.getPostalCode()" is null\n\tat com.acme.ship.CarrierRouter.zoneFor(CarrierRouter.java:57)', 75, { from: onset });
  s.logs('shipment-consumer', 'info', 'Started ShipmentConsumerApplication in 11.4 seconds; resuming orders.v1-7 at offset 48211907', 75, { from: onset + 30 });
  s.logs('carrier-api', 'warn', 'DHL rate API responded 429, backing off 2s', 300);
  for (let t = onset + 10; t < 0; t += 300) s.event(t, 'shipment-consumer', 'crash_loop', 'Back-off restarting failed container shipment-consumer', int(s.r, 3, 5));
  s.exception(onset + 5, 'shipment-consumer', 'java.lang.NullPointerException', 'Cannot invoke "String.trim()" because the return value of "com.acme.ship.Address.getPostalCode()" is null', { count: 21, culprit: 'com.acme.ship.CarrierRouter.zoneFor(CarrierRouter.java:57)' });
  s.setSignal(
    grafana(s, {
      receiver: 'causeway',
      baseUrl: 'https://grafana.logistics.acme.io',
      labels: { alertname: 'KafkaConsumerGroupLagHigh', consumergroup: 'shipment-consumer', topic: 'orders.v1', job: 'kafka-exporter', namespace: 'logistics', severity: 'warning', grafana_folder: 'Kafka' },
      annotations: { summary: 'Consumer group shipment-consumer lag 1776 on orders.v1', description: 'sum by (consumergroup, topic) (kafka_consumergroup_lag) > 1000' },
      startsAt: onset + 900,
      values: { A: 1776, B: 1 },
      ruleUid: 'kafka-lag-high',
      dashboardUid: 'kafka-consumers',
      panelId: 3,
    }),
  );
  s.expect({ rootCause: { service: 'shipment-consumer', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'runtime'] });
  return s;
}

/** Leap day: "one year from today" is February 29 of a non-leap year, and token issuance throws. */
export function leapDayTokens(): Scenario {
  const s = new Scenario({
    name: 'token-issuer-leap-day-invalid-date',
    description:
      'Modeled on leap-day bugs (Azure 2012-02-29, where certificates valid "one year from today" got the invalid date February 29 2013; cf. the Zune 30 freeze on 2008-12-31): on 2028-02-29 the token issuer computes refresh-token expiry as the same date next year and throws for every new session. Existing sessions keep working. Opsgenie alerts on the mobile API\'s login failures; nothing was deployed.',
    at: '2028-02-29T00:24:00Z',
    seed: 803,
    peakHourUtc: 20,
    reference: { hoursBefore: 24 },
    topology: { 'mobile-api': ['token-issuer', 'profile-svc'], 'token-issuer': ['key-vault'] },
  });
  const onset = -24 * 60;
  s.change(-3 * 86400, 'token-issuer', 'deployment', 'token-issuer 4.7.2: log redaction', { version: '4.7.2', previousVersion: '4.7.1', source: 'azure-devops' });
  s.change(-40 * 60, 'profile-svc', 'config', 'profile-svc: avatar max size 2MB -> 4MB', { source: 'app-config' });
  red(s, 'token-issuer', 'prom', { rps: 60, errRatio: 0.001, p99: 0.04, errEffect: level(onset, 0.72, 0, 0.05) });
  red(s, 'mobile-api', 'prom', { rps: 900, errRatio: 0.002, p99: 0.25, errEffect: level(onset, 0.05, 0, 0.15) });
  red(s, 'profile-svc', 'prom', { rps: 500, errRatio: 0.001, p99: 0.08 });
  chatter(s, 'mobile-api', 'node', 25);
  chatter(s, 'profile-svc', 'go', 40);
  s.logs('key-vault', 'info', 'key rotation check: signing key kid=2027-11 valid until 2028-05-01', 600);
  s.logs('token-issuer', 'info', (r) => `issued refresh token sub=${int(r, 1e6, 9e6)} exp=2029-02-28T${String(int(r, 0, 23)).padStart(2, '0')}:00:00Z`, 25, { to: onset });
  s.logs('token-issuer', 'error', (r) => `System.ArgumentOutOfRangeException: Year, Month, and Day parameters describe an un-representable DateTime.\n   at System.DateTime..ctor(Int32 year, Int32 month, Int32 day)\n   at Acme.Tokens.Expiry.OneYearFrom(DateTime now) in Expiry.cs:line 19 (sub=${int(r, 1e6, 9e6)})`, 5, { from: onset });
  s.logs('mobile-api', 'error', (r) => `POST /v2/auth/login failed: token-issuer responded 500 (device=${pick(r, ['ios', 'android'])})`, 6, { from: onset + 3 });
  s.logs('profile-svc', 'warn', 'avatar resize queue depth 140', 300);
  s.exception(onset + 2, 'token-issuer', 'System.ArgumentOutOfRangeException', 'Year, Month, and Day parameters describe an un-representable DateTime.', { count: 2410, culprit: 'Acme.Tokens.Expiry.OneYearFrom (Expiry.cs:19)' });
  const shape = [
    { service: 'mobile-api', name: 'POST /v2/auth/login', ms: 140 },
    { service: 'token-issuer', name: 'POST /tokens', parent: 0, ms: 30 },
    { service: 'profile-svc', name: 'GET /profiles/me', parent: 0, ms: 20, after: 35 },
  ];
  s.traces(shape, 12);
  s.traces(shape, 18, { from: onset, faults: [{ span: 1, status: 'error', ms: 6, drop: [2], attributes: { 'exception.type': 'System.ArgumentOutOfRangeException' } }], rate: 0.8 });
  s.setSignal(
    opsgenie(s, {
      message: 'mobile-api: login failure rate 71%',
      alias: 'mobile-api-login-failures',
      tinyId: 3320,
      createdAt: onset + 300,
      entity: 'mobile-api',
      source: 'Azure Monitor',
      sourceName: 'Azure',
      sourceType: 'Azure',
      tags: ['prod', 'auth'],
      teams: ['mobile-platform'],
      priority: 'P1',
      description: 'Log alert: requests | where name == "POST /v2/auth/login" | summarize failures = countif(success == false) / count()',
      details: { service: 'mobile-api', resourceGroup: 'rg-mobile-prod', severity: 'Sev1' },
      integrationName: 'Causeway',
    }),
  );
  s.expect({ rootCause: { service: 'token-issuer', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'exceptions'] });
  return s;
}

/** Stack Overflow 2016-07-20: a post with 20,000 spaces makes a trim regex backtrack; the home page fails health checks. */
export function regexBacktrackingPost(): Scenario {
  const s = new Scenario({
    name: 'qa-web-regex-backtracking-on-user-post',
    description:
      'Modeled on Stack Overflow 2016-07-20: a user posts text containing about 20,000 consecutive whitespace characters; the regex that trims Unicode whitespace backtracks quadratically on it, the home page (which renders the post) pins CPU on every web server, and the load balancer marks them unhealthy. Nothing was deployed. CloudWatch (EventBridge) alarms on unhealthy hosts in the target group; 5-minute metrics, no traces.',
    at: '2026-07-20T14:55:00Z',
    seed: 804,
    peakHourUtc: 15,
    topology: { 'qa-web': ['qa-sql', 'tag-engine', 'redis-qa'] },
  });
  const onset = -34 * 60;
  s.change(-2 * 86400, 'qa-web', 'deployment', 'qa-web build 2026.7.18.1140', { version: '2026.7.18.1140', previousVersion: '2026.7.17.2211', source: 'teamcity' });
  s.change(-50 * 60, 'tag-engine', 'config', 'tag-engine: synonym list refresh', { source: 'admin' });
  const cw = { step: 300 };
  s.metric({ ...cw, name: 'UnHealthyHostCount', service: 'qa-web', unit: 'Count', labels: { TargetGroup: 'targetgroup/qa-web/9d1e7f3a2c5b8e04', LoadBalancer: 'app/qa-public/1c0e5a9f7b3d2e86' }, base: 0, noise: 0, diurnal: 0, round: 0, effect: level(onset + 300, 11, 300, 0) });
  s.metric({ ...cw, name: 'CPUUtilization', service: 'qa-web', unit: 'Percent', labels: { AutoScalingGroupName: 'qa-web-prod' }, base: 34, noise: 0.06, diurnal: 0.25, round: 1, max: 100, effect: level(onset, 99.5, 120, 0.002) });
  s.metric({ ...cw, name: 'TargetResponseTime', service: 'qa-web', unit: 'Seconds', labels: { TargetGroup: 'targetgroup/qa-web/9d1e7f3a2c5b8e04' }, base: 0.09, noise: 0.1, diurnal: 0.05, round: 3, effect: level(onset, 8.5, 300, 0.1) });
  s.metric({ ...cw, name: 'HTTPCode_ELB_5XX_Count', service: 'qa-web', unit: 'Count', labels: { LoadBalancer: 'app/qa-public/1c0e5a9f7b3d2e86' }, base: 20, noise: 0.5, diurnal: 0.3, round: 0, effect: level(onset + 300, 180000, 300, 0.1) });
  s.logs('qa-web', 'info', (r) => `GET /questions/${int(r, 3e7, 4e7)} 200 ${int(r, 20, 90)}ms`, 8, { to: onset });
  s.logs('qa-web', 'warn', (r) => `slow request GET / ${int(r, 9000, 30000)}ms (render: HomePage.Render -> PostSummary.Trim)`, 6, { from: onset });
  s.log(onset - 90, 'qa-web', 'info', 'POST /questions/38484433/answers 200 — answer 38484520 created (body length 20117)');
  s.logs('qa-web', 'error', 'Request timed out: System.Web.HttpException (0x80004005): Request timed out. at System.Text.RegularExpressions.RegexInterpreter.Go()', 20, { from: onset + 120 });
  s.logs('qa-sql', 'info', 'checkpoint: 3211 pages written', 300);
  s.logs('tag-engine', 'warn', 'synonym cycle detected: c# -> csharp -> c#; ignoring', 900);
  s.exception(onset + 60, 'qa-web', 'System.Web.HttpException', 'Request timed out.', { count: 9120, culprit: 'StackOverflow.Helpers.PostSummary.Trim (regex ^[\\s\\u200c]+|[\\s\\u200c]+$)' });
  s.setSignal(
    cloudwatchEvent(s, {
      account: '736120440981',
      region: 'us-east-1',
      alarmName: 'qa-web-unhealthy-hosts',
      description: 'More than 3 unhealthy hosts behind qa-public',
      namespace: 'AWS/ApplicationELB',
      metricName: 'UnHealthyHostCount',
      dimensions: { TargetGroup: 'targetgroup/qa-web/9d1e7f3a2c5b8e04', LoadBalancer: 'app/qa-public/1c0e5a9f7b3d2e86' },
      stat: 'Maximum',
      period: 300,
      threshold: 3,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 1,
      changedAt: onset + 600,
      recent: [11],
      unit: 'Count',
    }),
  );
  s.expect({ rootCause: { service: 'qa-web', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'metrics'] });
  return s;
}

/** The clocks go back: a scheduler that works in local time runs the billing job twice. */
export function dstDoubleRun(): Scenario {
  const s = new Scenario({
    name: 'billing-scheduler-dst-fallback-double-run',
    description:
      'Modeled on daylight-saving-time bugs (the class of scheduled jobs that run twice when clocks go back; cf. Cloudflare 2017-01-01 leap second on wall-clock time): at the end of US daylight saving time, 01:30 local happens twice; billing-scheduler, which computes its next run in local wall-clock time, starts the nightly invoice run a second time, and the invoice writer fails on the unique constraint for every account. Datadog pages on invoice-writer, the callee that fails; nothing was deployed.',
    at: '2026-11-01T06:52:00Z',
    seed: 805,
    peakHourUtc: 17,
    reference: { hoursBefore: 24 },
    windowStart: -95 * 60,
    topology: { 'billing-scheduler': ['invoice-writer'], 'invoice-writer': ['billing-db', 'email-out'] },
  });
  const onset = -22 * 60;
  s.change(-6 * 86400, 'billing-scheduler', 'deployment', 'billing-scheduler 1.8.0: per-tenant batch size', { version: '1.8.0', previousVersion: '1.7.4', source: 'jenkins' });
  s.change(-35 * 60, 'email-out', 'config', 'email-out: SES configuration set switched to dedicated IPs', { source: 'terraform' });
  red(s, 'invoice-writer', 'datadog', { rps: 4, errRatio: 0.001, p99: 0.5, rpsEffect: (t, v) => (t >= -82 * 60 && t < -60 * 60 ? v * 30 : t >= onset ? v * 30 : v), errEffect: level(onset, 115, 60, 0.1) });
  s.metric({ name: 'billing.scheduler.runs_started', service: 'billing-scheduler', unit: 'count', base: 0, noise: 0, diurnal: 0, round: 0, effect: (t) => (Math.abs(t - -82 * 60) < 30 || Math.abs(t - onset) < 30 ? 1 : 0) });
  s.metric({ name: 'postgresql.deadlocks', service: 'billing-db', base: 0, noise: 0, diurnal: 0, round: 0 });
  s.log(-82 * 60, 'billing-scheduler', 'info', 'starting nightly-invoices run 2026-11-01 (local 01:30 EDT), 41,220 accounts');
  s.log(-61 * 60, 'billing-scheduler', 'info', 'nightly-invoices run finished: 41,220 invoices, next run 2026-11-01T01:30:00 America/New_York');
  s.log(onset, 'billing-scheduler', 'info', 'starting nightly-invoices run 2026-11-01 (local 01:30 EST), 41,220 accounts');
  s.logs('invoice-writer', 'info', (r) => `invoice written account=${int(r, 1e5, 9e5)} period=2026-10`, 12, { from: -82 * 60, to: -61 * 60 });
  s.logs('invoice-writer', 'error', (r) => `ERROR: duplicate key value violates unique constraint "invoices_account_period_key" DETAIL: Key (account_id, period)=(${int(r, 1e5, 9e5)}, 2026-10) already exists.`, 3, { from: onset });
  s.logs('email-out', 'warn', 'SES sending quota 71% used', 400);
  s.exception(onset + 5, 'invoice-writer', 'psycopg2.errors.UniqueViolation', 'duplicate key value violates unique constraint "invoices_account_period_key"', { count: 7730, culprit: 'invoices/writer.py in write_invoice' });
  const shape = [
    { service: 'billing-scheduler', name: 'nightly-invoices.batch', ms: 300 },
    { service: 'invoice-writer', name: 'POST /invoices/batch', parent: 0, ms: 280 },
    { service: 'invoice-writer', name: 'INSERT invoices', parent: 1, ms: 40, attributes: { 'db.system': 'postgresql', 'peer.service': 'billing-db' } },
  ];
  s.traces(shape, 10, { from: -82 * 60, to: -61 * 60 });
  s.traces(shape, 16, { from: onset, faults: [{ span: 2, status: 'error', attributes: { 'error.type': 'UniqueViolation' } }] });
  s.setSignal(
    datadog(s, DD_TEMPLATE_SHORT, {
      ALERT_ID: '66120917',
      EVENT_TITLE: '[Triggered] [P2] invoice-writer error rate',
      EVENT_MSG: '%%%\ninvoice-writer: 96% of requests failing over 5m\n@webhook-causeway\n%%%',
      ALERT_TRANSITION: 'Triggered',
      ALERT_PRIORITY: 'P2',
      ALERT_SCOPE: 'env:prod,service:invoice-writer',
      TAGS: 'env:prod,service:invoice-writer,team:billing',
      LINK: 'https://app.datadoghq.com/monitors/66120917',
      DATE: String(s.ms(onset + 400)),
      AGGREG_KEY: '3a1b7c9d0e2f4a6b8c0d2e4f6a8b0c1d',
    }),
  );
  s.expect({ rootCause: { service: 'billing-scheduler', kind: 'code_defect' }, action: 'none', mustCite: ['logs', 'exceptions'] });
  return s;
}

export const cases = [edgeLatentBug, poisonMessage, leapDayTokens, regexBacktrackingPost, dstDoubleRun];
