import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { alertmanager, cloudwatchEvent, datadog, grafana, opsgenie } from '../senders.js';

/** Atlassian, April 2022: a maintenance job shipped with the wrong list of ids deleted live customer sites. */
function sitePurge(): Built {
  const b = new Builder({
    name: 'b2-tenant-site-lookups-failing',
    title: 'site-purge-job-deletes-live-tenants',
    description: 'tenant-router pages: a growing share of tenant lookups end in site-not-found.',
    story:
      'A new release of the site lifecycle worker ships a bulk purge of sites of a retired app, but its input list holds site ids instead of app ids: live customer sites are deleted one batch after another. The tenant router starts answering "site not found" for more and more tenants and pages; the worker itself reports every batch as a success. A pause of the job is applied after the errors began, and other releases and restarts happen around it.',
    at: '2026-04-05T07:38:20Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: 0,
    topology: {
      'edge-gateway': ['tenant-router'],
      'tenant-router': ['site-registry', 'jira-app', 'wiki-app'],
      'site-lifecycle-worker': ['site-registry'],
      'jira-app': ['jira-pg'],
      'wiki-app': ['wiki-pg'],
    },
  });
  const onset = '-46m';
  red(b, 'edge-gateway', { style: 'prom', rps: 2400, err: 0.002, p95: 120, diurnal: 0.3, errTo: [{ from: onset, to: '-15m', value: 0.05 }] });
  red(b, 'tenant-router', { style: 'prom', rps: 2300, err: 0.003, p95: 35, diurnal: 0.3, errTo: [{ from: onset, to: '-15m', value: 0.18 }] });
  red(b, 'site-registry', { style: 'prom', rps: 900, err: 0.001, p95: 9, diurnal: 0.3 });
  red(b, 'jira-app', { style: 'prom', rps: 700, err: 0.004, p95: 850, diurnal: 0.3, rateTo: [{ from: onset, to: '-15m', mul: 0.85 }] });
  red(b, 'wiki-app', { style: 'prom', rps: 450, err: 0.003, p95: 420, diurnal: 0.3, rateTo: [{ from: onset, to: '-15m', mul: 0.8 }] });
  b.series({ service: 'site-registry', name: 'site_registry_sites_deleted_per_minute', unit: 'sites/min', base: 0.3, noise: 0.9, effects: [{ from: onset, until: '-12m', set: 24 }] });
  b.series({ service: 'site-lifecycle-worker', name: 'lifecycle_jobs_running', base: 0, noise: 0, integer: true, effects: [{ from: onset, until: '-12m', add: 1 }] });
  b.series({ service: 'jira-pg', name: 'pg_stat_activity_count', base: 180, noise: 0.08, diurnal: 0.2 });

  background(b, 'edge-gateway', 'go', { info: 0.4 });
  background(b, 'tenant-router', 'java', { info: 0.4, warnLines: ['WARN  [router-4] c.a.t.SiteCache - cache refresh took 2140ms (threshold 2000ms)'] });
  background(b, 'site-registry', 'go', { info: 0.2 });
  background(b, 'jira-app', 'java', { info: 0.3, warn: 0.2, error: 0.08, warnLines: ['WARN  [http-nio-8080-exec-31] c.a.j.issue.search.SlowQueryLogger - JQL search took 4200ms'] });
  background(b, 'wiki-app', 'java', { info: 0.25 });
  b.logs({ service: 'site-lifecycle-worker', level: 'info', perMin: 0.1, message: 'scheduler tick: no lifecycle jobs due', to: onset, ref: true });
  b.logs({ service: 'site-lifecycle-worker', level: 'info', perMin: 1, from: onset, to: '-12m', message: (r) => `purge batch ${r.int(1, 412)}/412 complete: deleted ${r.int(20, 30)} sites (mode=permanent)` });
  b.logs({ service: 'site-registry', level: 'info', perMin: 1.5, from: onset, to: '-12m', message: (r) => `site ${r.hex(8)}-${r.hex(4)} deleted by principal=site-lifecycle-worker reason=app-retirement` });
  b.logs({ service: 'tenant-router', level: 'warn', perMin: 3, from: onset, effects: [{ from: onset, to: '-15m', mul: 1.6 }], message: (r) => `WARN  [router-${r.int(1, 16)}] c.a.t.SiteResolver - no site for host ${r.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay'])}${r.int(1, 99)}.example.net: 404 from site-registry` });
  b.logs({ service: 'tenant-router', level: 'error', perMin: 1, from: '-30m', message: 'ERROR [router-9] c.a.t.RouteHandler - returning 503 site-unavailable after registry miss' });
  b.log('-12m', 'site-lifecycle-worker', 'warn', 'purge job paused by operator: PURGE_ENABLED=false; 287/412 batches done');

  b.traces({
    count: 36,
    root: {
      svc: 'edge-gateway',
      op: 'GET /wiki/spaces',
      ms: 12,
      kids: [{ svc: 'tenant-router', op: 'resolve-tenant', ms: 4, kids: [{ svc: 'site-registry', op: 'GET /sites/{host}', ms: 6 }, { svc: 'wiki-app', op: 'GET /wiki/spaces', ms: 140, kids: [{ svc: 'wiki-app', op: 'SELECT spaces', ms: 18, peer: { name: 'wiki-pg', system: 'db' } }] }] }],
    },
    faults: [{ target: 'site-registry', from: onset, to: '-15m', errorP: 0.35, attrs: { 'http.status_code': 404, 'error.message': 'site not found' } }],
  });

  const v = (r: number) => `2026.04.0${r}`;
  b.change('-2h40m', 'tenant-router', 'deployment', 'tenant-router 5.112.0: cache metrics, dependency bumps', { version: '5.112.0', previousVersion: '5.111.3', author: 'r.osei', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-2h10m', 'edge-gateway', 'config', 'rate limit for /rest/api/3/search raised 300 → 400 req/min per tenant', { author: 'edge-oncall', source: 'consul' });
  b.change('-52m', 'site-lifecycle-worker', 'deployment', 'site-lifecycle-worker 2026.04.05-1: bulk purge of sites of the retired "insight-legacy" app', { version: `${v(5)}-1`, previousVersion: `${v(1)}-3`, author: 'm.kaur', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-35m', 'jira-app', 'deployment', 'jira-app 1004.0.0-12: routine release train', { version: '1004.0.0-12', previousVersion: '1004.0.0-11', author: 'release-bot', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-12m', 'site-lifecycle-worker', 'config', 'PURGE_ENABLED=false (pause bulk purge)', { author: 'incident-commander', source: 'consul' });
  b.runtime('-1h20m', 'wiki-app', 'restart', 'pod wiki-app-7c9f8d6b5-x2kqp restarted after node drain (kernel patching)');
  b.alert('-20m', 'edge-gateway', 'EdgeErrorBudgetBurn', 'firing');

  b.signal(
    alertmanager(b, {
      receiver: 'pagerduty-and-causeway',
      groupBy: ['alertname', 'service'],
      externalURL: 'https://alertmanager.ops.example.net',
      generatorURL: 'https://prometheus.ops.example.net',
      alerts: [
        {
          labels: { alertname: 'TenantSiteLookupFailures', service: 'tenant-router', severity: 'page', team: 'edge', namespace: 'routing', cluster: 'prod-use1' },
          annotations: { summary: 'More than 15% of tenant lookups fail with site-not-found', description: '16.2% of requests to tenant-router resolved to no site over the last 10m.', runbook_url: 'https://runbooks.example.net/edge/tenant-site-lookup' },
          startsAt: '-19m',
        },
      ],
    }),
  );
  b.expect(
    { service: 'site-lifecycle-worker', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    { alertService: 'tenant-router', modeledOn: 'Atlassian April 2022 outage: maintenance script deleted live sites' },
  );
  return b.build();
}


/** A Lambda deploy that reads an environment variable the deployment never set. */
function lambdaMissingEnv(): Built {
  const b = new Builder({
    name: 'b2-receipt-mailer-lambda-errors',
    title: 'lambda-deploy-missing-env-var',
    description: 'The receipt-mailer Lambda errors alarm fires (CloudWatch via EventBridge). CloudWatch metrics and Lambda logs, no traces.',
    story:
      'A new version of the receipt-mailer Lambda reads SES_CONFIGURATION_SET at import time, but the template that deployed it never set the variable: every invocation fails with a KeyError, messages return to the SQS queue and end in the dead-letter queue. An earlier release of the same function that morning was harmless; a timeout bump deployed after the errors began did not help. CloudWatch 5-minute metrics with missing periods, Lambda logs, no traces.',
    at: '2026-05-12T14:22:40Z',
    window: ['-3h', '+0s'],
    reference: '-24h',
    tz: -4,
    topology: { 'checkout-api': ['orders-table', 'receipts'], 'receipt-mailer': ['receipts', 'ses', 'receipts-dlq'] },
  });
  const onset = '-17m';
  const fn = { FunctionName: 'receipt-mailer' };
  cw(b, 'receipt-mailer', 'AWS/Lambda', 'Invocations', fn, 'Sum', { base: 880, diurnal: 0.35, integer: true, effects: [{ from: onset, mul: 1.9 }] });
  cw(b, 'receipt-mailer', 'AWS/Lambda', 'Errors', fn, 'Sum', { base: 1.2, noise: 0.8, integer: true, effects: [{ from: onset, set: 1600 }] });
  cw(b, 'receipt-mailer', 'AWS/Lambda', 'Duration', fn, 'Average', { base: 238, unit: 'ms', effects: [{ from: onset, set: 14 }] });
  cw(b, 'receipt-mailer', 'AWS/Lambda', 'ConcurrentExecutions', fn, 'Maximum', { base: 4, integer: true });
  cw(b, 'receipts', 'AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: 'receipts' }, 'Maximum', { base: 6, unit: 's', noise: 0.4, effects: [{ from: onset, to: '+0s', add: 1700 }] });
  cw(b, 'receipts', 'AWS/SQS', 'NumberOfMessagesSent', { QueueName: 'receipts' }, 'Sum', { base: 870, diurnal: 0.35, integer: true });
  cw(b, 'receipts-dlq', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: 'receipts-dlq' }, 'Maximum', { base: 2, integer: true, noise: 0.3, effects: [{ from: '-9m', to: '+0s', add: 1400 }] });
  cw(b, 'checkout-api', 'AWS/Lambda', 'Errors', { FunctionName: 'checkout-api' }, 'Sum', { base: 3, noise: 0.6, integer: true });
  cw(b, 'checkout-api', 'AWS/Lambda', 'Duration', { FunctionName: 'checkout-api' }, 'Average', { base: 410, unit: 'ms', diurnal: 0.1 });
  cw(b, 'orders-table', 'AWS/DynamoDB', 'SuccessfulRequestLatency', { TableName: 'orders', Operation: 'PutItem' }, 'Average', { base: 6.1, unit: 'ms' });

  b.logs({ service: 'receipt-mailer', level: 'info', perMin: 0.5, diurnal: 0.35, to: onset, ref: true, message: (r) => `REPORT RequestId: ${r.uuid()}\tDuration: ${r.int(180, 320)}.${r.int(10, 99)} ms\tBilled Duration: ${r.int(181, 321)} ms\tMemory Size: 512 MB\tMax Memory Used: ${r.int(120, 160)} MB` });
  b.logs({ service: 'receipt-mailer', level: 'warn', perMin: 0.05, message: '[WARNING] botocore.endpoint: Retrying request to SES: ThrottlingException (attempt 1 of 3)' });
  b.logs({ service: 'checkout-api', level: 'info', perMin: 0.4, diurnal: 0.35, message: (r) => `REPORT RequestId: ${r.uuid()}\tDuration: ${r.int(250, 900)}.${r.int(10, 99)} ms\tBilled Duration: ${r.int(251, 901)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${r.int(300, 420)} MB` });
  b.logs({ service: 'checkout-api', level: 'error', perMin: 0.04, message: '[ERROR] PaymentDeclined: card_declined (insufficient_funds)' });
  b.logs({ service: 'receipt-mailer', level: 'error', perMin: 2.5, from: onset, message: (r) => `[ERROR] KeyError: 'SES_CONFIGURATION_SET'\nTraceback (most recent call last):\n  File "/var/task/mailer/handler.py", line 12, in <module>\n    CONFIG_SET = os.environ["SES_CONFIGURATION_SET"]\nRequestId: ${r.uuid()}` });
  b.logs({ service: 'receipt-mailer', level: 'error', perMin: 0.6, from: onset, message: (r) => `INIT_REPORT Init Duration: ${r.int(300, 420)}.${r.int(10, 99)} ms\tPhase: invoke\tStatus: error\tError Type: Runtime.Unknown` });
  b.exceptions({ service: 'receipt-mailer', type: 'KeyError', message: "'SES_CONFIGURATION_SET'", culprit: 'mailer/handler.py in <module>', from: onset, perMin: 300 });

  b.change('-2h50m', 'receipt-mailer', 'deployment', 'receipt-mailer version 41: structured logging for bounce handling', { version: '41', previousVersion: '40', author: 'd.nwosu', commit: sha(b.rng), source: 'cloudformation' });
  b.change('-2h5m', 'checkout-api', 'deployment', 'checkout-api version 118: apple pay button copy', { version: '118', previousVersion: '117', author: 'k.lee', commit: sha(b.rng), source: 'cloudformation' });
  b.change('-19m', 'receipt-mailer', 'deployment', 'receipt-mailer version 42: move to SES v2 client with per-tenant configuration sets', { version: '42', previousVersion: '41', author: 'd.nwosu', commit: sha(b.rng), source: 'cloudformation' });
  b.change('-5m', 'receipt-mailer', 'deployment', 'receipt-mailer version 43: timeout 10s → 30s (hotfix attempt)', { version: '43', previousVersion: '42', author: 'oncall-payments', commit: sha(b.rng), source: 'cloudformation' });
  b.alert('-3m', 'receipts-dlq', 'receipts-dlq-not-empty', 'firing');

  b.signal(
    cloudwatchEvent(b, {
      alarmName: 'receipt-mailer-errors',
      description: 'receipt-mailer Lambda errors above 5 per 5 minutes',
      account: '318204469921',
      region: 'us-east-1',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: fn,
      stat: 'Sum',
      period: 300,
      threshold: 5,
      comparison: 'GreaterThanThreshold',
      datapoints: [1612, 1587, 1544],
      stateAt: '+0s',
      previousStateAt: '-96h',
    }),
  );
  b.expect(
    { service: 'receipt-mailer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    { alertService: 'receipt-mailer', modeledOn: 'Lambda deploy with a missing environment variable' },
  );
  return b.build();
}

/** A cache without a bound shipped two days earlier: heap grows from the deploy until the pods are OOM-killed. */
function heapLeak(): Built {
  const b = new Builder({
    name: 'b2-catalog-latency-and-restarts',
    title: 'jvm-heap-leak-since-deploy-two-days-ago',
    description: 'catalog-service p95 latency alert from Grafana, firing for 18 minutes when notified; the evidence reaches back two days.',
    story:
      'catalog-service 4.18.0, deployed two days before the page, added a per-locale price cache with no size bound. Heap after GC climbs steadily from that deploy; GC pauses grow for hours; the pods are finally OOM-killed and the latency alert, firing for 18 minutes, notifies. A search-service release and a pricing config change land minutes before the page; a log-level change on catalog-service six hours earlier changed nothing.',
    at: '2026-03-18T10:05:00Z',
    window: ['-56h', '+0s'],
    reference: '-168h',
    tz: 1,
    topology: { storefront: ['catalog-service', 'search-service', 'pricing'], 'catalog-service': ['catalog-pg', 'pricing'], 'search-service': ['opensearch'] },
  });
  const deployAt = '-50h12m';
  const oomAt = '-22m';
  const pod = (i: number) => ['catalog-service-6d5f7b8c9-x2kqp', 'catalog-service-6d5f7b8c9-m4wzt', 'catalog-service-6d5f7b8c9-hq7vn'][i]!;
  for (let i = 0; i < 3; i += 1) {
    const dies = ['-22m', '-14m', '-9m'][i]!;
    b.series({ service: 'catalog-service', name: 'jvm_memory_used_bytes', labels: { area: 'heap', pod: pod(i) }, unit: 'bytes', base: 1.15e9, noise: 0.06, step: 600, effects: [{ from: deployAt, to: dies, until: dies, add: 2.7e9 + i * 4e7 }, { from: dies, to: '+0s', add: 1.2e8 }] });
  }
  b.series({ service: 'catalog-service', name: 'jvm_gc_pause_seconds_per_second', unit: 's/s', base: 0.012, noise: 0.2, step: 600, effects: [{ from: '-12h', to: oomAt, until: oomAt, mul: 14 }] });
  red(b, 'catalog-service', { style: 'prom', rps: 310, err: 0.002, p95: 65, diurnal: 0.5, step: 600, latTo: [{ from: '-8h', to: oomAt, until: oomAt, mul: 6 }, { from: oomAt, mul: 30, jitter: 0.2 }], errTo: [{ from: oomAt, value: 0.09, jitter: 0.4 }] });
  red(b, 'storefront', { style: 'prom', rps: 520, err: 0.003, p95: 310, diurnal: 0.5, step: 600, latTo: [{ from: '-8h', to: oomAt, mul: 2.2 }], errTo: [{ from: oomAt, value: 0.05 }] });
  red(b, 'search-service', { style: 'prom', rps: 240, err: 0.004, p95: 180, diurnal: 0.5, step: 600 });
  red(b, 'pricing', { style: 'prom', rps: 600, err: 0.001, p95: 22, diurnal: 0.5, step: 600 });
  b.series({ service: 'opensearch', name: 'opensearch_jvm_mem_heap_used_percent', unit: 'percent', base: 71, noise: 0.05, step: 600, min: 0, max: 98 });

  const recent = '-3h';
  b.logs({ service: 'catalog-service', level: 'info', perMin: 0.3, from: recent, ref: true, message: (r) => `INFO  [http-nio-8080-exec-${r.int(1, 200)}] c.s.catalog.web.ProductController - GET /products/${r.int(10000, 99999)} 200 ${r.int(20, 90)}ms` });
  b.logs({ service: 'catalog-service', level: 'warn', perMin: 0.5, from: '-3h', to: oomAt, effects: [{ from: '-3h', to: oomAt, mul: 3 }], message: (r) => `WARN  [G1 Conc#0] gc - Pause Young (Concurrent Start) (G1 Humongous Allocation) ${r.int(2900, 3900)}M->${r.int(2800, 3800)}M(4096M) ${r.int(400, 1800)}.${r.int(100, 999)}ms` });
  b.logs({ service: 'catalog-service', level: 'error', perMin: 0.2, from: '-25m', to: oomAt, message: 'ERROR [http-nio-8080-exec-88] o.a.c.c.C.[.[.[/].[dispatcherServlet] - Servlet.service() threw exception: java.lang.OutOfMemoryError: Java heap space' });
  b.logs({ service: 'catalog-service', level: 'error', perMin: 1.2, from: oomAt, message: (r) => `ERROR [http-nio-8080-exec-${r.int(1, 200)}] c.s.catalog.web.ErrorAdvice - 503 upstream pod not ready: connection refused` });
  b.logs({ service: 'storefront', level: 'info', perMin: 0.3, from: recent, ref: true, message: (r) => `request completed GET /p/${r.int(10000, 99999)} 200 ${r.int(120, 600)}ms` });
  b.logs({ service: 'storefront', level: 'error', perMin: 0.8, from: oomAt, message: 'error: catalog-service GET /products failed: 503 Service Unavailable' });
  b.logs({ service: 'search-service', level: 'warn', perMin: 0.15, from: recent, ref: true, message: 'level=warn msg="opensearch query slow" took_ms=1240 index=products-v7' });
  b.logs({ service: 'pricing', level: 'info', perMin: 0.2, from: recent, ref: true, message: (r) => `INFO tower_http::trace: finished processing request latency=${r.int(3, 40)} ms status=200` });
  b.exceptions({ service: 'catalog-service', type: 'java.lang.OutOfMemoryError', message: 'Java heap space', culprit: 'com.github.benmanes.caffeine.cache.BoundedLocalCache.put', from: '-25m', to: oomAt, perMin: 0.6 });

  b.runtime(oomAt, 'catalog-service', 'oom_killed', `container app in pod ${pod(0)} OOMKilled (limit 4Gi)`);
  b.runtime('-14m', 'catalog-service', 'oom_killed', `container app in pod ${pod(1)} OOMKilled (limit 4Gi)`);
  b.runtime('-9m', 'catalog-service', 'oom_killed', `container app in pod ${pod(2)} OOMKilled (limit 4Gi)`);
  b.runtime('-8m', 'catalog-service', 'restart', 'pods restarted by kubelet after OOMKilled', 3);
  b.runtime('-31h', 'opensearch', 'restart', 'opensearch-data-2 restarted for AMI rotation');

  b.change(deployAt, 'catalog-service', 'deployment', 'catalog-service 4.18.0: cache localized prices per (sku, locale, channel)', { version: '4.18.0', previousVersion: '4.17.2', author: 'j.moreau', commit: sha(b.rng), source: 'argocd' });
  b.change('-26h', 'storefront', 'deployment', 'storefront 2026.03.17: new PDP gallery', { version: '2026.03.17', previousVersion: '2026.03.12', author: 'web-release', commit: sha(b.rng), source: 'argocd' });
  b.change('-6h', 'catalog-service', 'config', 'LOG_LEVEL com.shop.catalog DEBUG → INFO', { author: 'j.moreau', source: 'argocd' });
  b.change('-40m', 'search-service', 'deployment', 'search-service 2.9.1: synonyms for spring collection', { version: '2.9.1', previousVersion: '2.9.0', author: 'a.baptiste', commit: sha(b.rng), source: 'argocd' });
  b.change('-25m', 'pricing', 'config', 'promo engine: spring sale rules enabled for FR, DE', { author: 'merch-ops', source: 'launchdarkly' });

  b.traces({
    count: 30,
    from: '-1h',
    refCount: 10,
    root: { svc: 'storefront', op: 'GET /p/{sku}', ms: 60, kids: [{ svc: 'catalog-service', op: 'GET /products/{id}', ms: 25, kids: [{ svc: 'catalog-service', op: 'SELECT products', ms: 6, peer: { name: 'catalog-pg', system: 'db' } }, { svc: 'pricing', op: 'GetPrice', ms: 8 }] }, { svc: 'search-service', op: 'GET /related', ms: 40, p: 0.5 }] },
    faults: [
      { target: 'catalog-service', op: 'GET /products/{id}', from: '-1h', to: oomAt, mulMs: 6 },
      { target: 'catalog-service', op: 'GET /products/{id}', from: oomAt, errorP: 0.3, attrs: { 'http.status_code': 503 } },
    ],
  });

  b.signal(
    grafana(b, {
      receiver: 'causeway-webhook',
      baseUrl: 'https://grafana.shop.example',
      folder: 'Catalog',
      groupBy: ['alertname', 'grafana_folder'],
      alerts: [
        {
          labels: { alertname: 'CatalogP95LatencyHigh', severity: 'critical', namespace: 'catalog', pod: pod(0), container: 'app', job: 'kubernetes-pods' },
          annotations: { summary: 'catalog p95 latency above 1s for 10m', description: 'p95 of GET /products is 1.9s (SLO 400ms).', runbook_url: 'https://wiki.shop.example/runbooks/catalog-latency', __dashboardUid__: 'cat-red', __panelId__: '4' },
          startsAt: '-18m',
          values: { A: 1.93, C: 1 },
        },
      ],
    }),
  );
  b.expect(
    { service: 'catalog-service', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'metrics'] },
    { alertService: 'catalog-service', modeledOn: 'JVM heap leak growing since a deploy two days earlier' },
  );
  return b.build();
}

/** Linear-style migration: a deploy runs a migration that takes an exclusive lock on the hottest table. */
function migrationLock(): Built {
  const b = new Builder({
    name: 'b2-sync-gateway-delta-failures',
    title: 'migration-locks-hot-table',
    description: 'The realtime sync gateway pages through Opsgenie: delta sync failures above 10%.',
    story:
      'issues-api 2026.01.21.3 runs a migration that adds a NOT NULL column with a volatile default to the issues table, which rewrites it under an ACCESS EXCLUSIVE lock. Every query on issues queues behind it; the database fills its connection slots; the realtime sync gateway, a victim, pages through Opsgenie. Restarts and a statement timeout change come after the onset as mitigations.',
    at: '2026-01-21T16:12:30Z',
    window: ['-2h', '+0s'],
    reference: '-24h',
    tz: -5,
    topology: { 'web-app': ['sync-gateway', 'issues-api'], 'sync-gateway': ['issues-api', 'redis-pubsub'], 'issues-api': ['issues-pg'], 'notifications-worker': ['issues-pg'] },
  });
  const onset = '-13m';
  red(b, 'issues-api', { style: 'otel', rps: 1400, err: 0.002, p95: 85, diurnal: 0.4, latTo: [{ from: onset, to: '-10m', mul: 200 }], errTo: [{ from: onset, to: '-10m', value: 0.38 }] });
  red(b, 'sync-gateway', { style: 'otel', rps: 5200, err: 0.001, p95: 40, diurnal: 0.4, errTo: [{ from: '-12m', to: '-9m', value: 0.21 }] });
  red(b, 'web-app', { style: 'otel', rps: 900, err: 0.002, p95: 260, diurnal: 0.4, errTo: [{ from: '-12m', value: 0.06 }] });
  b.series({ service: 'issues-pg', name: 'pg_locks_waiting', base: 0.5, noise: 1, integer: true, effects: [{ from: onset, to: '-8m', add: 420 }] });
  b.series({ service: 'issues-pg', name: 'pg_stat_activity_count', base: 140, diurnal: 0.3, noise: 0.06, integer: true, effects: [{ from: onset, to: '-9m', set: 497 }] });
  b.series({ service: 'issues-pg', name: 'pg_cpu_utilization', unit: 'percent', base: 38, diurnal: 0.3, noise: 0.08, effects: [{ from: onset, set: 61 }] });
  b.series({ service: 'notifications-worker', name: 'job_queue_depth', base: 40, noise: 0.3, integer: true, effects: [{ from: onset, to: '+0s', add: 9000 }] });

  background(b, 'issues-api', 'node', { info: 0.4 });
  background(b, 'sync-gateway', 'go', { info: 0.3, warn: 0.15, warnLines: ['level=warn msg="client heartbeat missed, closing socket" reason=timeout'] });
  background(b, 'web-app', 'node', { info: 0.2 });
  background(b, 'notifications-worker', 'ruby', { info: 0.2 });
  b.logs({ service: 'issues-pg', level: 'info', perMin: 0.1, message: (r) => `LOG:  automatic vacuum of table "linear.public.issue_history": index scans: 1 pages: 0 removed, ${r.int(20000, 90000)} remain` });
  b.logs({ service: 'issues-pg', level: 'warn', perMin: 0.03, message: 'LOG:  checkpoints are occurring too frequently (24 seconds apart)' });
  b.log('-13m40s', 'issues-api', 'info', 'knex: running migration 20260121_add_sort_key_to_issues.ts');
  b.logs({ service: 'issues-pg', level: 'warn', perMin: 6, from: onset, message: (r) => `LOG:  process ${r.int(30000, 60000)} still waiting for AccessShareLock on relation 16402 of database 16384 after 1000.${r.int(100, 999)} ms\nDETAIL:  Process holding the lock: 48121. Wait queue: ${r.int(40, 400)} processes.` });
  b.logs({ service: 'issues-pg', level: 'error', perMin: 1.5, from: '-9m', message: 'FATAL:  sorry, too many clients already' });
  b.logs({ service: 'issues-api', level: 'error', perMin: 5, from: '-12m', message: (r) => r.pick(['KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?', `error: canceling statement due to statement timeout (query: select * from "issues" where "team_id" = $1 limit 50) reqId=${r.hex(12)}`]) });
  b.logs({ service: 'sync-gateway', level: 'error', perMin: 3, from: '-12m', message: 'level=error msg="delta fetch failed" upstream=issues-api status=504 err="context deadline exceeded"' });
  b.exceptions({ service: 'issues-api', type: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection. The pool is probably full.', culprit: 'src/db/pool.ts in acquire', from: '-12m', perMin: 90 });

  b.change('-1h10m', 'sync-gateway', 'deployment', 'sync-gateway 0.44.2: compress presence frames', { version: '0.44.2', previousVersion: '0.44.1', author: 'p.ito', commit: sha(b.rng), source: 'github-actions' });
  b.change('-25m', 'web-app', 'deployment', 'web-app 2026.01.21.7: triage view polish', { version: '2026.01.21.7', previousVersion: '2026.01.21.6', author: 'web-ci', commit: sha(b.rng), source: 'vercel' });
  b.change('-14m', 'issues-api', 'deployment', 'issues-api 2026.01.21.3: add issues.sort_key (migration 20260121_add_sort_key_to_issues)', { version: '2026.01.21.3', previousVersion: '2026.01.21.2', author: 'm.sato', commit: sha(b.rng), source: 'github-actions' });
  b.change('-4m', 'issues-api', 'config', 'statement_timeout 30s → 5s for the api role (mitigation)', { author: 'oncall-platform', source: 'terraform' });
  b.runtime('-6m', 'issues-api', 'restart', 'rollout restart deployment/issues-api by oncall-platform', 24);
  b.runtime('-10m', 'issues-api', 'unhealthy', 'readiness probe failed: GET /ready 503 (db pool exhausted)', 18);

  b.traces({
    count: 30,
    root: { svc: 'sync-gateway', op: 'POST /sync/delta', ms: 8, kids: [{ svc: 'issues-api', op: 'GET /v1/issues', ms: 20, kids: [{ svc: 'issues-api', op: 'SELECT issues', ms: 9, peer: { name: 'issues-pg', system: 'db' } }] }] },
    faults: [{ target: 'issues-pg', from: onset, errorP: 0.45, addMs: 14000, attrs: { 'error.message': 'canceling statement due to statement timeout' } }],
  });

  b.signal(
    opsgenie(b, {
      action: 'Create',
      actionAt: '-1m',
      createdAt: '-1m',
      message: '[sync-gateway] delta sync failures above 10%',
      alias: 'sync-gateway-delta-failures',
      entity: 'sync-gateway',
      source: 'Prometheus',
      tags: ['env:production', 'service:sync-gateway', 'team:realtime'],
      teams: ['realtime'],
      priority: 'P1',
      description: '21% of POST /sync/delta failed in the last 5 minutes (threshold 10%).',
      details: { service: 'sync-gateway', cluster: 'prod-us-east', runbook: 'https://notion.example/realtime/runbooks/delta-sync' },
      integrationName: 'Prometheus',
      tinyId: 4821,
    }),
  );
  b.expect(
    { service: 'issues-api', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    { alertService: 'sync-gateway', modeledOn: 'Linear-style schema migration that locked a hot table' },
  );
  return b.build();
}

/** A chart change rolls every pod at once: all start together and stampede the database they warm from. */
function podHerd(): Built {
  const b = new Builder({
    name: 'b2-login-error-rate',
    title: 'deploy-restarts-all-pods-thundering-herd',
    description: 'The login-api error rate monitor triggers in Datadog.',
    story:
      'session-service 3.2.0 also changed its Helm chart so that maxUnavailable became 100%: the rollout replaced all 60 pods at once, and every new pod loads entitlements for its key range from entitlements-db on start. The database saturates, pods fail readiness and restart again, and logins fail at login-api, which pages through Datadog. A normal rolling release of the same service earlier in the day went unnoticed.',
    at: '2026-06-09T13:41:00Z',
    window: ['-3h', '+0s'],
    reference: '-24h',
    tz: 2,
    topology: { 'mobile-bff': ['login-api'], 'login-api': ['session-service', 'risk-engine'], 'session-service': ['entitlements-db', 'session-redis'] },
  });
  const onset = '-11m';
  red(b, 'login-api', { style: 'dd', rps: 380, err: 0.006, p95: 140, diurnal: 0.35, errTo: [{ from: '-10m', to: '-8m', value: 0.42 }], latTo: [{ from: '-10m', mul: 9 }] });
  red(b, 'session-service', { style: 'dd', rps: 420, err: 0.001, p95: 12, diurnal: 0.35, rateTo: [{ from: onset, until: '-9m', mul: 0.1 }], errTo: [{ from: '-10m', value: 0.35 }], latTo: [{ from: '-10m', mul: 60 }] });
  red(b, 'risk-engine', { style: 'dd', rps: 380, err: 0.002, p95: 95, diurnal: 0.35 });
  red(b, 'mobile-bff', { style: 'dd', rps: 1500, err: 0.004, p95: 210, diurnal: 0.35, errTo: [{ from: '-10m', value: 0.09 }] });
  b.series({ service: 'entitlements-db', name: 'postgresql.connections', base: 180, noise: 0.05, integer: true, effects: [{ from: onset, to: '-9m', set: 995 }] });
  b.series({ service: 'entitlements-db', name: 'system.cpu.user', unit: 'percent', base: 24, diurnal: 0.3, effects: [{ from: onset, to: '-10m', set: 97 }] });
  b.series({ service: 'session-service', name: 'kubernetes_state.deployment.replicas_available', base: 60, noise: 0.01, integer: true, effects: [{ from: onset, to: '-10m', set: 0 }, { from: '-10m', set: 14, jitter: 0.4 }] });
  b.series({ service: 'session-redis', name: 'redis.net.clients', base: 640, noise: 0.05, integer: true });

  background(b, 'login-api', 'node', { info: 0.4 });
  background(b, 'session-service', 'go', { info: 0.3 });
  background(b, 'risk-engine', 'python', { info: 0.3, warn: 0.2, warnLines: ['WARNING risk.model feature "device_age_days" missing for 3.1% of requests, imputing median'] });
  background(b, 'mobile-bff', 'node', { info: 0.3 });
  b.logs({ service: 'entitlements-db', level: 'warn', perMin: 0.04, message: 'LOG:  duration: 1823.114 ms  statement: SELECT * FROM entitlement_grants WHERE account_id = ANY($1)' });
  b.logs({ service: 'session-service', level: 'info', perMin: 12, from: onset, to: '-9m', message: (r) => `level=info msg="warming entitlement cache" shard=${r.int(0, 59)} keys=2100000` });
  b.logs({ service: 'session-service', level: 'error', perMin: 4, from: '-10m', message: (r) => r.pick(['level=error msg="entitlement warmup failed" err="pq: sorry, too many clients already"', 'level=error msg="entitlement warmup failed" err="context deadline exceeded" elapsed=30.0s']) });
  b.logs({ service: 'login-api', level: 'error', perMin: 4, from: '-10m', message: 'error: CreateSession failed: 14 UNAVAILABLE: no healthy upstream' });
  b.logs({ service: 'entitlements-db', level: 'error', perMin: 2, from: onset, message: 'FATAL:  remaining connection slots are reserved for non-replication superuser connections' });

  b.change('-2h35m', 'session-service', 'deployment', 'session-service 3.1.4: metrics for refresh-token reuse', { version: '3.1.4', previousVersion: '3.1.3', author: 'l.fischer', commit: sha(b.rng), source: 'argocd' });
  b.change('-1h30m', 'mobile-bff', 'deployment', 'mobile-bff 8.40.0: onboarding carousel', { version: '8.40.0', previousVersion: '8.39.2', author: 'mobile-ci', commit: sha(b.rng), source: 'argocd' });
  b.change('-40m', 'login-api', 'config', 'captcha threshold for risk score 0.82 → 0.8', { author: 'trust-safety', source: 'launchdarkly' });
  b.change('-12m', 'session-service', 'deployment', 'session-service 3.2.0: refresh tokens bound to device; chart 2.0 (rollout strategy from values)', { version: '3.2.0', previousVersion: '3.1.4', author: 'l.fischer', commit: sha(b.rng), source: 'argocd' });
  b.runtime('-2h34m', 'session-service', 'restart', 'rolling update: 60 pods replaced over 4m10s (maxUnavailable 10%)', 60);
  b.runtime(onset, 'session-service', 'restart', 'rolling update: 60 pods terminated within 6s (maxUnavailable 100%)', 60);
  b.runtime('-9m', 'session-service', 'unhealthy', 'readiness probe failed: entitlement cache not warm', 47);
  b.runtime('-7m', 'session-service', 'crash_loop', 'back-off restarting failed container session (warmup deadline exceeded)', 22);

  b.traces({
    count: 28,
    root: { svc: 'login-api', op: 'POST /v1/login', ms: 30, kids: [{ svc: 'risk-engine', op: 'score', ms: 60 }, { svc: 'session-service', op: 'session.v1.Sessions/Create', ms: 6, kids: [{ svc: 'session-service', op: 'GET sess', ms: 1, peer: { name: 'session-redis', system: 'redis' } }, { svc: 'session-service', op: 'SELECT entitlement_grants', ms: 3, peer: { name: 'entitlements-db', system: 'db' }, p: 0.3 }] }] },
    faults: [
      { target: 'session-service', op: 'session.v1.Sessions/Create', from: '-10m', errorP: 0.4, addMs: 900, attrs: { 'rpc.grpc.status_code': 14 } },
      { target: 'entitlements-db', from: onset, errorP: 0.3, addMs: 4000 },
    ],
  });

  b.signal(
    datadog(b, {
      monitorId: 48213377,
      monitorName: 'Login error rate above 5%',
      scope: ['env:prod', 'service:login-api'],
      tags: ['env:prod', 'service:login-api', 'team:identity', 'monitor'],
      message: 'Login failures are at {{value}}. @webhook-causeway @slack-identity-oncall',
      transition: 'Triggered',
      priority: 'P1',
      metric: 'trace.http.request.errors',
      triggeredAt: '+0s',
      orgId: 221904,
    }),
  );
  b.expect(
    { service: 'session-service', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'runtime'] },
    { alertService: 'login-api', modeledOn: 'thundering herd after a deploy restarts all pods at once' },
  );
  return b.build();
}

export const deploymentScenarios = [sitePurge, lambdaMissingEnv, heapLeak, migrationLock, podHerd];
