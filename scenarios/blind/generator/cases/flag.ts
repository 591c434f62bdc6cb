import { add, int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { cloudwatchEvent, grafana, opsgenie, pagerduty } from '../senders.js';

/** Knight Capital 2012: a reused flag wakes dead code on the one server that missed the deploy. */
export function knightFlagReuse(): Scenario {
  const s = new Scenario({
    name: 'order-router-reused-flag-wakes-dead-code',
    description:
      'Modeled on Knight Capital 2012-08-01: the flag that used to enable the retired "power peg" test routine is repurposed for the new retail liquidity program. Seven of eight order-router hosts run the new code; the eighth missed the deploy, and on it the flag wakes the old routine, which sends child orders without counting fills. The risk monitor pages through Opsgenie on the exposure limit.',
    at: '2026-08-03T13:41:00Z',
    seed: 301,
    peakHourUtc: 15,
    topology: { 'order-router': ['exchange-gateway', 'position-keeper'], 'risk-monitor': ['position-keeper'], 'exchange-gateway': [] },
  });
  const onset = -11 * 60;
  s.change(-2 * 86400 + 3600, 'order-router', 'deployment', 'order-router 9.0.0 (RLP support) to smars-01..08 — smars-08 step failed silently', { version: '9.0.0', previousVersion: '8.14.2', author: 'release-eng', source: 'manual-copy' });
  s.change(onset - 20, 'order-router', 'feature_flag', 'flag PWRPEG_ENABLED (now: retail liquidity program) set true for all routers at market open', { author: 'trading-ops', source: 'flagsmith' });
  s.change(-26 * 60, 'exchange-gateway', 'config', 'exchange-gateway: NYSE session 3 reconnect backoff 2s -> 1s', { author: 'netops', source: 'ansible' });
  s.metric({ name: 'child_orders_sent_per_second', service: 'order-router', labels: { host: 'smars-08' }, base: 40, noise: 0.2, diurnal: 0.2, round: 0, effect: level(onset, 4100, 30, 0.05) });
  s.metric({ name: 'child_orders_sent_per_second', service: 'order-router', labels: { host: 'smars-03' }, base: 42, noise: 0.2, diurnal: 0.2, round: 0 });
  s.metric({ name: 'parent_orders_received_per_second', service: 'order-router', base: 310, noise: 0.1, diurnal: 0.2, round: 0 });
  s.metric({ name: 'gross_exposure_usd', service: 'position-keeper', base: 2.1e7, noise: 0.03, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v : v + (t - onset) * 3.9e6) });
  s.metric({ name: 'exchange_gateway_msgs_per_second', service: 'exchange-gateway', base: 900, noise: 0.1, diurnal: 0.2, round: 0, effect: add(onset, 4000, 30) });
  chatter(s, 'exchange-gateway', 'go', 40);
  s.logs('order-router', 'info', (r) => `host=smars-0${int(r, 1, 7)} parent ${int(r, 1e6, 9e6)} routed via RLP, ${int(r, 1, 4)} child orders`, 12);
  s.logs('order-router', 'info', (r) => `host=smars-08 PowerPeg: cumulative qty check skipped (legacy path) parent=${int(r, 1e6, 9e6)}, sending child ${int(r, 1, 99)}`, 4, { from: onset + 5 });
  s.log(onset + 2, 'order-router', 'warn', 'host=smars-08 flag PWRPEG_ENABLED=true -> PowerPegHandler registered');
  s.logs('risk-monitor', 'warn', (r) => `exposure on ${pick(r, ['BAC', 'EXC', 'RL', 'WFC', 'KO'])} grew ${int(r, 200, 900)}% in 60s`, 20, { from: onset + 120 });
  s.logs('exchange-gateway', 'warn', 'NYSE session 3 heartbeat late by 600ms', 400);
  s.logs('order-router', 'error', 'host=smars-08 SMARS: Power Peg disabled (legacy startup check, emailed to ops)', 45, { from: -50 * 60, to: onset - 60 });
  s.alert(onset + 240, 'position-keeper', 'GrossExposureLimit');
  const shape = [
    { service: 'order-router', name: 'RouteParentOrder', ms: 2, attributes: { host: 'smars-03' } },
    { service: 'exchange-gateway', name: 'NewOrderSingle', parent: 0, ms: 1 },
    { service: 'position-keeper', name: 'UpdatePosition', parent: 0, ms: 1, after: 1 },
  ];
  s.traces(shape, 10);
  s.traces([{ ...shape[0]!, attributes: { host: 'smars-08', 'router.handler': 'PowerPegHandler' } }, shape[1]!, shape[1]!, shape[1]!, shape[1]!, shape[1]!], 14, { from: onset });
  s.setSignal(
    opsgenie(s, {
      message: 'Risk: gross exposure above $500M limit',
      alias: 'risk-gross-exposure-limit',
      tinyId: 1208,
      createdAt: -60,
      entity: 'risk-monitor',
      source: 'risk-monitor',
      sourceName: 'API',
      sourceType: 'API',
      tags: ['trading', 'P1', 'service:risk-monitor'],
      teams: ['trading-ops'],
      priority: 'P1',
      description: 'Gross exposure 2.43B USD; unfilled child orders growing on smars-08.',
      integrationName: 'Causeway',
    }),
  );
  s.expect({ rootCause: { service: 'order-router', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'metrics'] });
  return s;
}

/** A LaunchDarkly rollout switches checkout to a new tax engine endpoint that cannot take the load. */
export function taxEngineFlag(): Scenario {
  const s = new Scenario({
    name: 'checkout-tax-engine-flag-rollout',
    description:
      'Modeled on a well-known class of incident, a percentage flag rollout that routes traffic down an unproven path: the new-tax-engine flag goes to 50% in checkout; checkout now calls the tax service\'s v2 batch endpoint, whose per-line lookups time out. PagerDuty pages on the "Tax Calculation" service, which is the callee. The flag, not the tax service, is what changed.',
    at: '2026-11-12T16:05:00Z',
    seed: 302,
    peakHourUtc: 17,
    reference: { hoursBefore: 24 },
    topology: { 'checkout-web': ['checkout-svc'], 'checkout-svc': ['tax-service', 'payments-gw'], 'tax-service': ['tax-rates-cache'] },
  });
  const onset = -14 * 60;
  s.change(onset - 30, 'checkout-svc', 'feature_flag', 'LaunchDarkly: new-tax-engine rollout 5% -> 50% (production)', { author: 'p.okafor@shop.example', source: 'launchdarkly' });
  s.change(-2 * 86400, 'checkout-svc', 'feature_flag', 'LaunchDarkly: new-tax-engine rollout 0% -> 5% (production)', { author: 'p.okafor@shop.example', source: 'launchdarkly' });
  s.change(-41 * 60, 'payments-gw', 'deployment', 'payments-gw 3.33.0', { version: '3.33.0', previousVersion: '3.32.4', source: 'jenkins' });
  s.change(-8 * 60, 'tax-service', 'scaling', 'ECS service tax-service desired count 6 -> 12 (manual)', { author: 'oncall-tax', source: 'cloudtrail' });
  red(s, 'tax-service', 'otel', { rps: 260, errRatio: 0.001, p99: 0.06, latEffect: ramp(onset, 45, 180), errEffect: level(onset + 30, 0.24, 120, 0.15), rpsEffect: ramp(onset, 1.1) });
  red(s, 'checkout-svc', 'otel', { rps: 250, errRatio: 0.002, p99: 0.5, latEffect: ramp(onset, 6, 180), errEffect: level(onset + 30, 0.12, 120, 0.15) });
  red(s, 'payments-gw', 'otel', { rps: 240, errRatio: 0.004, p99: 0.9, rpsEffect: ramp(onset, 0.88, 300) });
  s.metric({ name: 'tax_rates_cache_hit_ratio', service: 'tax-rates-cache', unit: 'ratio', base: 0.97, noise: 0.01, diurnal: 0, max: 1, effect: level(onset, 0.51, 60, 0.05) });
  chatter(s, 'checkout-svc', 'jvm', 35);
  chatter(s, 'tax-service', 'jvm', 45);
  s.logs('payments-gw', 'warn', (r) => `issuer ${pick(r, ['BIN 4571', 'BIN 5412', 'BIN 3782'])} soft decline 05, retry suggested`, 60);
  s.logs('checkout-svc', 'info', (r) => `flag new-tax-engine=${r() < 0.5 ? 'true' : 'false'} for session ${hexish(r)}`, 20, { from: onset });
  s.logs('tax-service', 'warn', (r) => `POST /v2/tax/batch lines=${int(r, 1, 30)} rate lookups missed cache (jurisdiction=${pick(r, ['US-CA-LA', 'US-NY-NYC', 'US-TX-HOU', 'CA-ON'])})`, 9, { from: onset });
  s.logs('checkout-svc', 'error', (r) => `tax quote failed: io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED after 2000ms (engine=v2 cart=${int(r, 1e6, 9e6)})`, 8, { from: onset + 40 });
  const shape = [
    { service: 'checkout-svc', name: 'POST /checkout/confirm', ms: 420 },
    { service: 'tax-service', name: 'POST /v1/tax/quote', parent: 0, ms: 25 },
    { service: 'payments-gw', name: 'Authorize', parent: 0, ms: 300, after: 40 },
  ];
  s.traces(shape, 12);
  s.traces([shape[0]!, { ...shape[1]!, name: 'POST /v2/tax/batch', attributes: { 'feature_flag.key': 'new-tax-engine', 'feature_flag.variant': 'true' } }, shape[2]!], 16, { from: onset, faults: [{ span: 1, status: 'error', ms: 2000, drop: [2], attributes: { 'rpc.grpc.status_code': 4 } }], rate: 0.7 });
  s.traces(shape, 8, { from: onset, faults: [] });
  s.alert(onset + 200, 'checkout-svc', 'CheckoutConfirmErrorRate');
  s.setSignal(pagerduty(s, { subdomain: 'shopco', serviceName: 'Tax Calculation', title: 'tax-service p99 latency > 1s (Datadog monitor 7781)', createdAt: onset + 180, urgency: 'high', priority: 'P2', number: 9921, escalationPolicy: 'Tax & Compliance', team: 'Commerce Core' }));
  s.expect({ rootCause: { service: 'checkout-svc', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'traces'] });
  return s;
}

const hexish = (r: () => number): string => Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');

/** A flag that bypasses the cache sends every read to DynamoDB; the alarm fires on table throttling. */
export function recsCacheBypass(): Scenario {
  const s = new Scenario({
    name: 'recommendations-cache-bypass-flag-throttles-dynamodb',
    description:
      'Modeled on a well-known class of incident, a flag that bypasses a cache and multiplies backend load: a developer flips recs.read_through_cache=false in AWS AppConfig to debug stale results; every recommendations read now hits the DynamoDB table, which throttles. CloudWatch alarms on the table; 5-minute metrics.',
    at: '2026-12-01T20:15:00Z',
    seed: 303,
    peakHourUtc: 20,
    reference: { hoursBefore: 168 },
    topology: { 'home-feed': ['recommendations-api'], 'recommendations-api': ['recs-cache', 'user-recommendations'] },
  });
  const onset = -23 * 60;
  s.change(onset - 60, 'recommendations-api', 'feature_flag', 'AppConfig feature flag recs.read_through_cache: true -> false (deployment strategy AllAtOnce)', { author: 'arn:aws:sts::615243009871:assumed-role/Developer/d.kim', source: 'appconfig' });
  s.change(-50 * 60, 'home-feed', 'deployment', 'home-feed v412', { version: 'v412', previousVersion: 'v411', source: 'codedeploy' });
  const cw = { step: 300 };
  s.metric({ ...cw, name: 'ConsumedReadCapacityUnits', service: 'user-recommendations', unit: 'Count', labels: { TableName: 'user-recommendations' }, base: 90000, noise: 0.06, diurnal: 0.3, round: 0, effect: level(onset, 600000, 300, 0.03) });
  s.metric({ ...cw, name: 'ReadThrottleEvents', service: 'user-recommendations', unit: 'Count', labels: { TableName: 'user-recommendations' }, base: 0.4, noise: 1, diurnal: 0, round: 0, min: 0, effect: level(onset + 120, 41000, 300, 0.1) });
  s.metric({ ...cw, name: 'SuccessfulRequestLatency', service: 'user-recommendations', unit: 'Milliseconds', labels: { TableName: 'user-recommendations', Operation: 'GetItem' }, base: 3.1, noise: 0.1, diurnal: 0.05, round: 2, effect: ramp(onset, 2.2, 300) });
  s.metric({ ...cw, name: 'CacheHitRate', service: 'recs-cache', unit: 'Percent', labels: { CacheClusterId: 'recs-cache-001' }, base: 96, noise: 0.01, diurnal: 0, round: 1, max: 100, effect: level(onset, 0.5, 0, 0.5) });
  s.metric({ ...cw, name: 'Errors', service: 'recommendations-api', unit: 'Count', labels: { FunctionName: 'recommendations-api' }, base: 4, noise: 0.8, diurnal: 0.3, round: 0, min: 0, effect: level(onset + 120, 5200, 300, 0.1) });
  s.metric({ ...cw, name: 'Duration', service: 'recommendations-api', unit: 'Milliseconds', labels: { FunctionName: 'recommendations-api' }, base: 38, noise: 0.1, diurnal: 0.05, round: 0, effect: ramp(onset, 7, 300) });
  s.logs('recommendations-api', 'info', (r) => `REPORT RequestId: ${hexish(r)}-${hexish(r)} Duration: ${int(r, 20, 70)}.${int(r, 10, 99)} ms Billed Duration: ${int(r, 20, 70)} ms Memory Size: 512 MB Max Memory Used: ${int(r, 140, 190)} MB`, 25, { to: onset });
  s.log(onset + 10, 'recommendations-api', 'info', '[AppConfig] configuration profile recs-flags version 38 loaded: recs.read_through_cache=false');
  s.logs('recommendations-api', 'error', (r) => `ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API. (RequestId ${hexish(r).toUpperCase()}VJF66Q9ASUAAJG)`, 7, { from: onset + 120 });
  s.logs('home-feed', 'warn', (r) => `recommendations unavailable for user ${int(r, 1e6, 9e6)}, rendering trending fallback`, 9, { from: onset + 150 });
  s.logs('home-feed', 'warn', 'image CDN returned 404 for placeholder asset', 300);
  s.setSignal(
    cloudwatchEvent(s, {
      account: '615243009871',
      region: 'us-east-1',
      alarmName: 'user-recommendations-read-throttles',
      namespace: 'AWS/DynamoDB',
      metricName: 'ReadThrottleEvents',
      dimensions: { TableName: 'user-recommendations' },
      stat: 'Sum',
      period: 300,
      threshold: 100,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 2,
      changedAt: -4 * 60,
      recent: [40211, 38877],
      unit: 'Count',
    }),
  );
  s.expect({ rootCause: { service: 'recommendations-api', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'metrics'] });
  return s;
}

/** A flag turns on a new ML ranker inside search; latency alerts on search itself. */
export function searchRankerFlag(): Scenario {
  const s = new Scenario({
    name: 'search-ranker-v2-flag-latency',
    description:
      'Modeled on a well-known class of incident, a flag that turns on a heavier code path for all traffic at once: the ranker_v2 flag is turned on for all traffic in search-api; each query now calls the new ranking model with 400 candidates instead of 50, and p99 latency climbs past the SLO. Grafana alerts on search-api itself. The ranking model service is busy but healthy for what it is asked; the index has always been slow for long queries (in the reference too).',
    at: '2026-03-24T09:48:00Z',
    seed: 304,
    peakHourUtc: 9,
    reference: { hoursBefore: 24 },
    topology: { 'search-api': ['search-index', 'ranking-model', 'spellcheck'], 'ranking-model': [] },
  });
  const onset = -15 * 60;
  s.change(onset - 20, 'search-api', 'feature_flag', 'Unleash: ranker_v2 strategy gradualRollout 10% -> flexibleRollout 100%', { author: 'ml-search@corp', source: 'unleash' });
  s.change(-36 * 60, 'spellcheck', 'deployment', 'spellcheck 1.19.0 (new dictionary)', { version: '1.19.0', previousVersion: '1.18.3', source: 'flux' });
  s.change(-22 * 60, 'ranking-model', 'scaling', 'KEDA ranking-model 4 -> 6 replicas', { source: 'keda' });
  red(s, 'search-api', 'prom', { rps: 1800, errRatio: 0.001, p99: 0.38, latEffect: ramp(onset, 5.2, 120), errEffect: level(onset + 60, 0.015, 120, 0.2) });
  red(s, 'ranking-model', 'prom', { rps: 1700, errRatio: 0.0005, p99: 0.04, latEffect: ramp(onset, 28, 120) });
  red(s, 'search-index', 'prom', { rps: 1800, errRatio: 0.002, p99: 1.3 });
  red(s, 'spellcheck', 'prom', { rps: 900, errRatio: 0.0003, p99: 0.02 });
  s.metric({ name: 'ranking_candidates_per_request', service: 'search-api', base: 50, noise: 0.02, diurnal: 0, round: 0, effect: level(onset, 400, 0, 0.02) });
  s.metric({ name: 'nvidia_gpu_utilization', service: 'ranking-model', unit: 'ratio', base: 0.28, noise: 0.08, diurnal: 0.2, max: 1, effect: level(onset, 0.97, 120, 0.02) });
  chatter(s, 'search-api', 'go', 30);
  s.logs('search-index', 'warn', (r) => `slow query took ${int(r, 1100, 2600)}ms q_len=${int(r, 60, 200)} shards=24`, 25);
  s.logs('spellcheck', 'info', 'dictionary reload complete words=412233', 1200);
  s.log(onset + 3, 'search-api', 'info', 'unleash: toggle ranker_v2 enabled=true strategy=flexibleRollout rollout=100');
  s.logs('search-api', 'warn', (r) => `rerank took ${int(r, 800, 2400)}ms candidates=400 model=ranker_v2`, 8, { from: onset + 30 });
  const shape = [
    { service: 'search-api', name: 'GET /search', ms: 120 },
    { service: 'search-index', name: 'Query', parent: 0, ms: 70 },
    { service: 'ranking-model', name: 'Rank', parent: 0, ms: 15, after: 75, attributes: { candidates: 50 } },
    { service: 'spellcheck', name: 'Suggest', parent: 0, ms: 4, after: 1 },
  ];
  s.traces(shape, 14);
  s.traces(shape, 20, { from: onset, faults: [{ span: 2, ms: 1700, attributes: { candidates: 400, 'ranker.version': 'v2' } }] });
  s.setSignal(
    grafana(s, {
      receiver: 'causeway-webhook',
      baseUrl: 'https://grafana.search.corp',
      labels: { alertname: 'SearchLatencySLO', service: 'search-api', severity: 'warning', team: 'search', grafana_folder: 'Search SLOs' },
      annotations: { summary: 'search-api p99 latency 1.9s (SLO 800ms)', description: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="search-api"}[5m])))' },
      startsAt: onset + 300,
      values: { A: 1.93, B: 1 },
      ruleUid: 'b7f2ee9c-5d51-4d44-9c8e-24e1fd3b0a11',
      dashboardUid: 'search-slo',
      panelId: 2,
    }),
  );
  s.expect({ rootCause: { service: 'search-api', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'traces'] });
  return s;
}

export const cases = [knightFlagReuse, taxEngineFlag, recsCacheBypass, searchRankerFlag];
