import { add, chain, int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { alertmanager, cloudwatchEvent, cloudwatchSns, datadog, DD_TEMPLATE_FULL, grafana } from '../senders.js';

/** Cloudflare 2019-07-02: a WAF managed-rule release with a backtracking regex pins CPU on every edge machine. */
export function edgeWafRegex(): Scenario {
  const s = new Scenario({
    name: 'edge-waf-regex-cpu-exhaustion',
    description:
      'Modeled on Cloudflare 2019-07-02: a WAF managed-rules release shipped globally carries a regex that backtracks catastrophically; the WAF engine pins CPU and the edge gateway in front of it returns 502s. The alert fires on the gateway.',
    at: '2026-03-10T13:58:00Z',
    seed: 101,
    peakHourUtc: 15,
    reference: { hoursBefore: 24 },
    topology: { 'edge-gateway': ['waf-engine', 'cache-tier'], 'cache-tier': ['origin-pull'], 'waf-engine': [] },
  });
  const onset = -13 * 60;
  s.change(-42 * 60, 'dns-resolver', 'deployment', 'dns-resolver 4.18.2: dnssec signing cache tweak', { version: '4.18.2', previousVersion: '4.18.1', author: 'k.osei', commit: '9fe1a2c', source: 'argo-cd' });
  s.change(-27 * 60, 'cache-tier', 'config', 'cache-tier: lower stale-if-error from 300s to 120s for /static', { author: 'r.lindqvist', source: 'config-repo' });
  s.change(onset - 50, 'waf-engine', 'deployment', 'WAF managed rules release 2026-03-10.2 (XSS rule improvements), global', { version: 'rules-2026.03.10.2', previousVersion: 'rules-2026.03.10.1', author: 'waf-release-bot', commit: '4b0c8e1', source: 'quicksilver' });
  s.metric({ name: 'process_cpu_utilization', service: 'waf-engine', unit: 'ratio', base: 0.31, noise: 0.06, diurnal: 0.25, max: 1, effect: level(onset, 0.985, 60, 0.01) });
  s.metric({ name: 'process_cpu_utilization', service: 'cache-tier', unit: 'ratio', base: 0.44, noise: 0.06, diurnal: 0.25, effect: ramp(onset, 0.6, 120) });
  s.metric({ name: 'process_cpu_utilization', service: 'edge-gateway', unit: 'ratio', base: 0.27, noise: 0.05, diurnal: 0.25 });
  red(s, 'edge-gateway', 'prom', { rps: 5200, errRatio: 0.0012, p99: 0.21, errEffect: level(onset + 30, 0.81, 90, 0.05), latEffect: level(onset + 30, 10.0, 60, 0.05), rpsEffect: ramp(onset, 0.92, 300) });
  red(s, 'waf-engine', 'prom', { rps: 5100, errRatio: 0.0004, p99: 0.004, errEffect: level(onset, 0.77, 90, 0.06), latEffect: level(onset, 9.6, 60, 0.05) });
  red(s, 'cache-tier', 'prom', { rps: 3100, errRatio: 0.002, p99: 0.09, rpsEffect: ramp(onset, 0.2, 120) });
  chatter(s, 'edge-gateway', 'go', 30);
  chatter(s, 'cache-tier', 'go', 45);
  s.logs('cache-tier', 'warn', (r) => `served stale object while revalidating key=/static/${int(r, 100, 999)}.js age=${int(r, 300, 900)}s`, 90);
  s.logs('waf-engine', 'info', (r) => `ruleset loaded rules=${int(r, 3412, 3412)} compile_ms=${int(r, 80, 140)}`, 900, { to: onset });
  s.logs('dns-resolver', 'warn', 'upstream SERVFAIL for tracking.partner-cdn.net, serving stale', 300);
  s.log(onset - 40, 'waf-engine', 'info', 'applied ruleset version rules-2026.03.10.2 (3413 rules, 1 new)');
  s.logs('waf-engine', 'warn', (r) => `rule evaluation exceeded budget rule_id=100035 duration_ms=${int(r, 900, 4000)} uri=/api/${pick(r, ['login', 'search', 'cart'])}`, 8, { from: onset + 5 });
  s.logs('waf-engine', 'error', (r) => `worker ${int(r, 0, 31)} watchdog: request evaluation stuck > 5s, cpu=100%`, 30, { from: onset + 60 });
  s.logs('edge-gateway', 'error', (r) => `upstream timed out (110: Connection timed out) while reading response header from upstream, upstream: "http://waf-engine:8080/evaluate", request_id=${int(r, 1e8, 9e8)}`, 6, { from: onset + 30 });
  const shape = [
    { service: 'edge-gateway', name: 'GET /', ms: 40 },
    { service: 'waf-engine', name: 'waf.evaluate', parent: 0, ms: 3 },
    { service: 'cache-tier', name: 'cache.lookup', parent: 0, ms: 12, after: 5 },
  ];
  s.traces(shape, 14);
  s.traces(shape, 22, { from: onset + 20, faults: [{ span: 1, status: 'error', ms: 5000, attributes: { 'error.message': 'evaluation deadline exceeded', 'waf.rule_id': '100035' }, drop: [2] }, { span: 0, status: 'error', attributes: { 'http.status_code': 502 } }], rate: 0.85 });
  s.alert(onset + 60, 'waf-engine', 'WafEngineCPUSaturated');
  s.alert(onset + 150, 'cache-tier', 'CacheTierRequestRateDrop');
  s.setSignal(
    alertmanager(s, {
      receiver: 'causeway-edge',
      externalURL: 'https://alertmanager.edge.internal',
      groupBy: ['alertname', 'service'],
      alerts: [{ labels: { alertname: 'Edge502RatioHigh', service: 'edge-gateway', severity: 'critical', team: 'edge', colo: 'all' }, annotations: { summary: 'edge-gateway 502 ratio above 5% across colos', runbook_url: 'https://runbooks.edge.internal/edge-502' }, startsAt: onset + 120, generatorURL: 'https://prometheus.edge.internal/graph?g0.expr=edge%3A502_ratio%3Arate1m+%3E+0.05' }],
    }),
  );
  s.expect({ rootCause: { service: 'waf-engine', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'metrics'] });
  return s;
}

/** A leak shipped in a deploy six hours earlier: memory climbs until the pods are OOM-killed at peak. */
export function ledgerLeak(): Scenario {
  const s = new Scenario({
    name: 'ledger-writer-leak-from-morning-deploy',
    description:
      'Modeled on a well-known class of incident, the memory leak shipped by a deploy that exhausts memory hours later: ledger-writer 3.9.0 went out at 08:10, memory climbs all day and the pods start getting OOM-killed in the afternoon; the payments API calling it pages on latency. The deploy is the cause even though it is old.',
    at: '2026-04-22T14:20:00Z',
    seed: 102,
    peakHourUtc: 14,
    reference: { hoursBefore: 168 },
    topology: { 'payments-api': ['ledger-writer', 'fraud-score'], 'ledger-writer': ['ledger-postgres'], 'fraud-score': [] },
  });
  const onset = -16 * 60;
  s.change(-6 * 3600 - 10 * 60, 'ledger-writer', 'deployment', 'ledger-writer 3.9.0: batch journal entries, idempotency key cache', { version: '3.9.0', previousVersion: '3.8.4', author: 'm.haddad', commit: 'c41d09e', source: 'spinnaker' });
  s.change(-34 * 60, 'fraud-score', 'deployment', 'fraud-score model refresh 2026-04-22', { version: 'model-0422', previousVersion: 'model-0415', author: 'ml-platform', source: 'spinnaker' });
  s.change(-21 * 60, 'payments-api', 'config', 'payments-api: raise ledger client timeout log level to debug', { author: 'j.ferreira', source: 'consul-kv' });
  // Sawtooth memory: pods climb to the limit, get killed, restart lower.
  s.metric({
    name: 'container_memory_working_set_bytes',
    service: 'ledger-writer',
    unit: 'bytes',
    base: 1.52e9,
    noise: 0.01,
    diurnal: 0,
    round: 0,
    effect: (t, v) => {
      const climb = v + (t + 3600) * 180000;
      if (t < onset) return climb;
      const cyc = ((t - onset) % 420) / 420;
      return 1.1e9 + cyc * 0.95e9;
    },
  });
  s.metric({ name: 'jvm_gc_pause_seconds_sum_rate', service: 'ledger-writer', unit: 's/s', base: 0.012, noise: 0.2, diurnal: 0, effect: chain(add(-40 * 60, 0.05, 1500), level(onset, 0.31, 120, 0.2)) });
  red(s, 'ledger-writer', 'prom', { rps: 410, errRatio: 0.0008, p99: 0.085, latEffect: chain(ramp(-30 * 60, 3, 900), level(onset, 2.6, 60, 0.3)), errEffect: level(onset, 0.09, 60, 0.4) });
  red(s, 'payments-api', 'prom', { rps: 380, errRatio: 0.0015, p99: 0.34, latEffect: chain(ramp(-30 * 60, 2, 900), level(onset, 5.1, 60, 0.2)), errEffect: level(onset, 0.07, 60, 0.4) });
  red(s, 'fraud-score', 'prom', { rps: 380, errRatio: 0.0002, p99: 0.61 });
  s.metric({ name: 'pg_stat_activity_count', service: 'ledger-postgres', base: 38, noise: 0.1, diurnal: 0.2, round: 0 });
  chatter(s, 'ledger-writer', 'jvm', 35);
  chatter(s, 'payments-api', 'jvm', 30);
  chatter(s, 'fraud-score', 'worker', 50);
  s.logs('fraud-score', 'warn', (r) => `feature store lookup slow key=merchant:${int(r, 1000, 9999)} took ${int(r, 300, 800)}ms`, 70);
  s.logs('payments-api', 'warn', 'Deprecated API version v1 used by client acme-pos', 240);
  s.logs('ledger-writer', 'warn', (r) => `GC overhead high: ${int(r, 20, 45)}% of time in GC over last 60s`, 60, { from: -35 * 60, to: onset });
  s.logs('ledger-writer', 'error', 'java.lang.OutOfMemoryError: Java heap space at com.acme.ledger.idempotency.KeyCache.put(KeyCache.java:88)', 110, { from: onset });
  s.logs('payments-api', 'error', (r) => `ledger call failed: java.net.SocketTimeoutException: Read timed out (ledger-writer:8443) txn=${int(r, 1e6, 9e6)}`, 9, { from: onset + 30 });
  for (let i = 0; i < 4; i++) s.event(onset + 40 + i * 200 + int(s.r, 0, 60), 'ledger-writer', 'oom_killed', `ledger-writer-7d9c4b-${['x2kq', 'p8mz', 'r4tt', 'h7wd'][i]} OOMKilled (limit 2Gi)`);
  s.event(onset + 300, 'ledger-writer', 'restart', 'restarts after OOMKilled', 4);
  s.event(-48 * 60, 'fraud-score', 'restart', 'rolling restart for model refresh', 6);
  const shape = [
    { service: 'payments-api', name: 'POST /v2/payments', ms: 180 },
    { service: 'fraud-score', name: 'FraudScore/Score', parent: 0, ms: 60 },
    { service: 'ledger-writer', name: 'LedgerService/PostEntry', parent: 0, ms: 40, after: 70 },
    { service: 'ledger-writer', name: 'INSERT journal_entries', parent: 2, ms: 6, attributes: { 'db.system': 'postgresql', 'peer.service': 'ledger-postgres' } },
  ];
  s.traces(shape, 16);
  s.traces(shape, 20, { from: onset, faults: [{ span: 2, status: 'error', ms: 3000, attributes: { 'error.message': 'deadline exceeded' }, drop: [3] }], rate: 0.6 });
  s.alert(onset + 90, 'ledger-writer', 'KubePodOOMKilled');
  s.setSignal(
    grafana(s, {
      receiver: 'causeway',
      baseUrl: 'https://grafana.payments.example.net',
      labels: { alertname: 'PaymentsApiLatencyP99High', service: 'payments-api', severity: 'critical', team: 'payments', grafana_folder: 'Payments' },
      annotations: { summary: 'payments-api p99 above 2s for 5m', description: 'p99 latency of POST /v2/payments is above the SLO threshold', runbook_url: 'https://wiki.example.net/runbooks/payments-latency' },
      startsAt: onset + 240,
      values: { A: 5.07, C: 1 },
      ruleUid: 'e3Kq9tD4z',
      dashboardUid: 'payments-red',
      panelId: 4,
    }),
  );
  s.expect({ rootCause: { service: 'ledger-writer', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'runtime', 'metrics'] });
  return s;
}

/** A bad search deploy; a hotfix on the storefront a few minutes after errors begin is a reaction, not a cause. */
export function catalogSearchDeploy(): Scenario {
  const s = new Scenario({
    name: 'catalog-search-deploy-with-late-hotfix',
    description:
      'Modeled on the most common class of postmortem, a bad deploy of a backend found only in production traffic: catalog-search 7.3.0 builds an invalid query for facet filters and returns 500s for a third of searches; the storefront team ships a hotfix to hide facets four minutes after errors begin, which changes nothing. Datadog pages on the storefront.',
    at: '2026-05-06T19:41:00Z',
    seed: 103,
    peakHourUtc: 19,
    reference: { hoursBefore: 24 },
    topology: { storefront: ['catalog-search', 'cart-svc', 'reco-svc'], 'catalog-search': ['opensearch'], 'cart-svc': ['redis-carts'] },
  });
  const onset = -12 * 60;
  s.change(-5 * 3600, 'catalog-search', 'deployment', 'catalog-search 7.2.4', { version: '7.2.4', previousVersion: '7.2.3', author: 'deploy-bot', source: 'github-actions' });
  s.change(-38 * 60, 'reco-svc', 'deployment', 'reco-svc 2.11.0: new carousel ordering', { version: '2.11.0', previousVersion: '2.10.6', author: 'l.moreau', commit: 'aa83f10', source: 'github-actions' });
  s.change(onset - 70, 'catalog-search', 'deployment', 'catalog-search 7.3.0: facet filters via nested bool query', { version: '7.3.0', previousVersion: '7.2.4', author: 't.nakamura', commit: '5e21bb7', source: 'github-actions' });
  s.change(onset + 240, 'storefront', 'deployment', 'storefront hotfix 12.40.1: hide facet panel when search fails', { version: '12.40.1', previousVersion: '12.40.0', author: 'a.silva', commit: '0c9d4f2', source: 'github-actions' });
  red(s, 'storefront', 'datadog', { rps: 950, errRatio: 0.002, p99: 0.8, errEffect: level(onset + 20, 950 * 0.21, 60, 0.15) });
  red(s, 'catalog-search', 'datadog', { rps: 620, errRatio: 0.001, p99: 0.25, errEffect: level(onset, 620 * 0.33, 60, 0.12), latEffect: ramp(onset, 0.7) });
  red(s, 'reco-svc', 'datadog', { rps: 400, errRatio: 0.004, p99: 1.9 });
  red(s, 'cart-svc', 'datadog', { rps: 300, errRatio: 0.001, p99: 0.05 });
  s.metric({ name: 'opensearch.search.query_total', service: 'opensearch', unit: 'req/s', base: 640, noise: 0.05, diurnal: 0.3, round: 0, effect: ramp(onset, 0.68) });
  chatter(s, 'storefront', 'node', 25);
  chatter(s, 'catalog-search', 'jvm', 45);
  s.logs('reco-svc', 'warn', (r) => `model response slow (${int(r, 1500, 2600)}ms), serving fallback carousel`, 40);
  s.logs('cart-svc', 'error', 'redis: connection pool timeout (transient), retrying', 600);
  s.logs('catalog-search', 'error', (r) => `SearchPhaseExecutionException: [nested] failed to create query: [nested] nested object under path [facets] is not of nested type; q="${pick(r, ['shoes', 'lamp', 'desk', 'usb-c cable'])}"`, 6, { from: onset + 5 });
  s.logs('storefront', 'error', (r) => `GET /search?q=... -> catalog-search responded 500 (request_id=${int(r, 1e9, 9e9)})`, 7, { from: onset + 20 });
  s.exception(onset + 10, 'catalog-search', 'org.opensearch.action.search.SearchPhaseExecutionException', 'all shards failed: nested object under path [facets] is not of nested type', { count: 1843, culprit: 'com.shop.search.query.FacetQueryBuilder.build' });
  s.exception(-50 * 60, 'reco-svc', 'TimeoutError', 'model endpoint timed out', { count: 41, culprit: 'reco/client.py in predict' });
  const shape = [
    { service: 'storefront', name: 'GET /search', ms: 120 },
    { service: 'catalog-search', name: 'POST /v3/search', parent: 0, ms: 60 },
    { service: 'catalog-search', name: 'opensearch.query', parent: 1, ms: 35, attributes: { 'peer.service': 'opensearch', 'db.system': 'opensearch' } },
    { service: 'reco-svc', name: 'GET /carousel', parent: 0, ms: 900, after: 4 },
  ];
  s.traces(shape, 14);
  s.traces(shape, 24, { from: onset, faults: [{ span: 2, status: 'error', ms: 9, attributes: { 'error.type': 'search_phase_execution_exception' } }, { span: 1, status: 'error', attributes: { 'http.status_code': 500 } }], rate: 0.4 });
  s.alert(onset + 140, 'catalog-search', '[catalog-search] 5xx rate');
  s.setSignal(
    datadog(s, DD_TEMPLATE_FULL, {
      ID: '7712984416354021187',
      ALERT_ID: '118204455',
      AGGREG_KEY: '6e0c4b1f5a2a7d91c3e1a88d0f2b4c7a',
      ALERT_CYCLE_KEY: '7712984416354021187',
      EVENT_TITLE: '[P2] [Triggered] storefront error rate above 5% on env:prod',
      TEXT_ONLY_MSG: 'storefront 5xx ratio is 21.3% over the last 5m (threshold 5%). Notify @webhook-causeway @slack-storefront-oncall',
      ALERT_TRANSITION: 'Triggered',
      ALERT_TYPE: 'error',
      ALERT_STATUS: 'sum(last_5m):sum:trace.http.request.errors{service:storefront,env:prod}.as_count() / sum:trace.http.request.hits{service:storefront,env:prod}.as_count() > 0.05',
      ALERT_PRIORITY: 'P2',
      PRIORITY: 'normal',
      TAGS: 'env:prod,monitor,service:storefront,team:web',
      ALERT_SCOPE: 'env:prod,service:storefront',
      HOSTNAME: '',
      ALERT_METRIC: 'trace.http.request.errors',
      LINK: 'https://app.datadoghq.com/event/event?id=7712984416354021187',
      DATE: String(s.ms(onset + 200)),
      ORG_ID: '331207',
    }),
  );
  s.expect({ rootCause: { service: 'catalog-search', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'logs'] });
  return s;
}

/** A Lambda consumer deploy breaks message handling; the alarm fires on the queue backing up. */
export function notifyLambdaDeploy(): Scenario {
  const s = new Scenario({
    name: 'notify-dispatcher-lambda-bad-version',
    description:
      'Modeled on a well-known class of serverless incident, a Lambda version that breaks on configuration it reads at run time: a new notify-dispatcher Lambda version reads a renamed environment variable and throws on every message; SQS redrives, the queue backs up and the alarm fires on the queue age. CloudWatch metrics at 5-minute periods, no traces.',
    at: '2026-02-17T08:35:00Z',
    seed: 104,
    peakHourUtc: 13,
    topology: { 'checkout-api': ['order-events-queue'], 'notify-dispatcher': ['order-events-queue', 'sendgrid'] },
  });
  const onset = -25 * 60;
  s.change(-55 * 60, 'checkout-api', 'deployment', 'checkout-api v188 (CodeDeploy blue/green)', { version: 'v188', previousVersion: 'v187', author: 'codepipeline', source: 'codedeploy' });
  s.change(onset - 40, 'notify-dispatcher', 'deployment', 'Lambda notify-dispatcher: published version 57, alias live -> 57', { version: '57', previousVersion: '56', author: 'arn:aws:sts::480219776310:assumed-role/deploy-role/gh-actions', source: 'cloudtrail' });
  const cw = { step: 300, minutes: 60 };
  s.metric({ ...cw, name: 'Invocations', service: 'notify-dispatcher', unit: 'Count', labels: { FunctionName: 'notify-dispatcher' }, base: 1900, noise: 0.07, diurnal: 0.35, round: 0, effect: ramp(onset, 1.6, 600) });
  s.metric({ ...cw, name: 'Errors', service: 'notify-dispatcher', unit: 'Count', labels: { FunctionName: 'notify-dispatcher' }, base: 3, noise: 0.8, diurnal: 0, round: 0, min: 0, effect: level(onset, 2950, 300, 0.1) });
  s.metric({ ...cw, name: 'Duration', service: 'notify-dispatcher', unit: 'Milliseconds', labels: { FunctionName: 'notify-dispatcher' }, base: 240, noise: 0.1, diurnal: 0.05, round: 0, effect: level(onset, 35, 0, 0.3) });
  s.metric({ ...cw, name: 'ApproximateAgeOfOldestMessage', service: 'order-events-queue', unit: 'Seconds', labels: { QueueName: 'order-events-queue' }, base: 4, noise: 0.4, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v : v + (t - onset) * 0.98) });
  s.metric({ ...cw, name: 'ApproximateNumberOfMessagesVisible', service: 'order-events-queue', unit: 'Count', labels: { QueueName: 'order-events-queue' }, base: 12, noise: 0.5, diurnal: 0.3, round: 0, effect: (t, v) => (t < onset ? v : v + (t - onset) * 6.1) });
  s.metric({ ...cw, name: 'HTTPCode_Target_5XX_Count', service: 'checkout-api', unit: 'Count', labels: { TargetGroup: 'targetgroup/checkout-api/6d0ecf831eec9f09' }, base: 2, noise: 0.8, diurnal: 0.3, round: 0, min: 0 });
  s.logs('notify-dispatcher', 'info', (r) => `START RequestId: ${int(r, 1e7, 9e7)}-req Version: 56`, 60, { to: onset });
  s.logs('notify-dispatcher', 'info', (r) => `sent order confirmation template=order_confirmed provider_ms=${int(r, 60, 300)}`, 45, { to: onset });
  s.logs('notify-dispatcher', 'error', (r) => `ERROR Invoke Error {"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'apiKey')","stack":["TypeError: Cannot read properties of undefined (reading 'apiKey')","    at buildMailer (/var/task/index.js:41:38)"]} RequestId: ${int(r, 1e7, 9e7)}-req Version: 57`, 8, { from: onset });
  s.logs('checkout-api', 'warn', 'slow query on orders_by_customer (412ms)', 180);
  s.logs('checkout-api', 'info', (r) => `order ${int(r, 1e6, 9e6)} placed, published OrderPlaced`, 50);
  s.event(onset + 120, 'notify-dispatcher', 'throttled', 'Throttles observed while SQS scales pollers', 14);
  s.alert(onset + 600, 'notify-dispatcher', 'notify-dispatcher-errors');
  s.setSignal(
    cloudwatchEvent(s, {
      account: '480219776310',
      region: 'eu-west-1',
      alarmName: 'order-events-queue-oldest-message-age',
      description: 'Oldest message in order-events-queue older than 10 minutes: notifications are delayed',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: 'order-events-queue' },
      stat: 'Maximum',
      period: 300,
      threshold: 600,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 1,
      changedAt: -60,
      recent: [1418],
      unit: 'Seconds',
    }),
  );
  s.expect({ rootCause: { service: 'notify-dispatcher', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'logs'] });
  return s;
}

/** A deploy adds an N+1 query; the alarm fires on the database, downstream of the real cause. */
export function pricingNPlusOne(): Scenario {
  const s = new Scenario({
    name: 'pricing-n-plus-one-saturates-rds',
    description:
      'Modeled on a well-known class of incident, the N+1 query regression that saturates a database: pricing-service 5.4.0 loads price rules per SKU instead of per basket, query volume on the RDS instance rises tenfold and its CPU alarm fires; the database is the symptom, the deploy the cause.',
    at: '2026-06-09T11:12:00Z',
    seed: 105,
    peakHourUtc: 12,
    reference: { hoursBefore: 24 },
    topology: { 'basket-api': ['pricing-service', 'inventory-read'], 'pricing-service': ['pricing-db'], 'inventory-read': ['inventory-replica'] },
  });
  const onset = -19 * 60;
  s.change(onset - 30, 'pricing-service', 'deployment', 'pricing-service 5.4.0: price rules resolved per line item (promo stacking)', { version: '5.4.0', previousVersion: '5.3.9', author: 'e.brandt', commit: 'de4419a', source: 'argo-cd' });
  s.change(-47 * 60, 'pricing-db', 'config', 'RDS pricing-db: parameter group pricing-pg14 log_min_duration_statement 500 -> 250', { author: 'dba-team', source: 'cloudtrail' });
  s.change(-9 * 60, 'inventory-read', 'scaling', 'HPA inventory-read 6 -> 8 replicas', { source: 'kubernetes' });
  const cw = { step: 60 };
  s.metric({ ...cw, name: 'CPUUtilization', service: 'pricing-db', unit: 'Percent', labels: { DBInstanceIdentifier: 'pricing-db' }, base: 23, noise: 0.08, diurnal: 0.3, round: 1, max: 100, effect: level(onset + 60, 96, 300, 0.02) });
  s.metric({ ...cw, name: 'ReadIOPS', service: 'pricing-db', unit: 'Count/Second', labels: { DBInstanceIdentifier: 'pricing-db' }, base: 380, noise: 0.1, diurnal: 0.3, round: 0, effect: ramp(onset, 7.5, 240) });
  s.metric({ ...cw, name: 'DatabaseConnections', service: 'pricing-db', unit: 'Count', labels: { DBInstanceIdentifier: 'pricing-db' }, base: 64, noise: 0.05, diurnal: 0.15, round: 0, effect: ramp(onset, 2.4, 400) });
  s.metric({ name: 'pg_queries_per_second', service: 'pricing-service', unit: 'q/s', base: 310, noise: 0.06, diurnal: 0.3, round: 0, effect: ramp(onset, 10.5, 120) });
  red(s, 'pricing-service', 'prom', { rps: 300, errRatio: 0.001, p99: 0.07, latEffect: ramp(onset, 24, 420), errEffect: level(onset + 300, 0.06, 300, 0.3) });
  red(s, 'basket-api', 'prom', { rps: 290, errRatio: 0.002, p99: 0.2, latEffect: ramp(onset, 9, 420), errEffect: level(onset + 300, 0.05, 300, 0.3) });
  red(s, 'inventory-read', 'prom', { rps: 500, errRatio: 0.0005, p99: 0.03 });
  chatter(s, 'pricing-service', 'go', 40);
  chatter(s, 'basket-api', 'node', 30);
  s.logs('pricing-db', 'info', (r) => `checkpoint complete: wrote ${int(r, 900, 4000)} buffers`, 300);
  s.logs('pricing-db', 'warn', (r) => `duration: ${int(r, 260, 700)} ms  statement: SELECT * FROM promo_campaigns WHERE region = $1`, 200, { to: onset });
  s.logs('pricing-db', 'warn', (r) => `duration: ${int(r, 300, 2400)} ms  statement: SELECT r.* FROM price_rules r WHERE r.sku_id = $1 AND r.valid_from <= now()`, 5, { from: onset + 30 });
  s.logs('pricing-service', 'warn', (r) => `resolve basket took ${int(r, 900, 4000)}ms lines=${int(r, 3, 40)}`, 10, { from: onset + 60 });
  s.logs('basket-api', 'error', (r) => `pricing-service call failed: context deadline exceeded (basket=${int(r, 1e6, 9e6)})`, 14, { from: onset + 300 });
  s.logs('inventory-read', 'warn', 'replica lag 1.2s above 1s target', 400);
  const shape = [
    { service: 'basket-api', name: 'GET /basket/:id/total', ms: 70 },
    { service: 'pricing-service', name: 'PriceBasket', parent: 0, ms: 30 },
    { service: 'pricing-service', name: 'SELECT price_rules', parent: 1, ms: 4, attributes: { 'db.system': 'postgresql', 'peer.service': 'pricing-db', 'db.rows_affected': 120 } },
    { service: 'inventory-read', name: 'GetStock', parent: 0, ms: 9, after: 3 },
  ];
  s.traces(shape, 12);
  const slow = [...shape.slice(0, 2), ...Array.from({ length: 9 }, () => ({ service: 'pricing-service', name: 'SELECT price_rules WHERE sku_id = $1', parent: 1, ms: 140, attributes: { 'db.system': 'postgresql', 'peer.service': 'pricing-db' } })), { ...shape[3]!, parent: 0 }];
  s.traces(slow, 22, { from: onset, faults: [{ span: 1, status: 'error', attributes: { 'error.message': 'context deadline exceeded' } }], rate: 0.2 });
  s.alert(onset + 420, 'basket-api', 'BasketTotalLatencyHigh');
  s.setSignal(
    cloudwatchSns(s, {
      topic: 'rds-alarms-prod',
      account: '702915384466',
      region: 'eu-central-1',
      alarmName: 'pricing-db-cpu-high',
      description: 'pricing-db CPU above 85% for 5 minutes',
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: { DBInstanceIdentifier: 'pricing-db' },
      stat: 'Average',
      period: 60,
      threshold: 85,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 5,
      changedAt: -6 * 60,
      recent: [96.2, 95.7, 94.8, 93.1, 90.4],
      unit: 'Percent',
    }),
  );
  s.expect({ rootCause: { service: 'pricing-service', kind: 'deployment' }, action: 'rollback', mustCite: ['changes', 'metrics'] });
  return s;
}

export const cases = [edgeWafRegex, ledgerLeak, catalogSearchDeploy, notifyLambdaDeploy, pricingNPlusOne];
