import { Builder, type Built } from '../builder.js';
import { background, red, sha } from '../kit.js';
import { alertmanager, datadog, opsgenie, pagerduty } from '../senders.js';

/** Cloudbleed, February 2017: a feature switched on made a latent parser bug read past its buffer. */
function parserFlag(): Built {
  const b = new Builder({
    name: 'b2-edge-rewriter-worker-crashes',
    title: 'feature-flag-enables-parser-overrun',
    description: 'The edge-rewriter worker crash monitor triggers in Datadog.',
    story:
      'The email obfuscation feature of the edge HTML rewriter is moved to a new streaming parser by a flag. Pages ending in an unclosed tag make the parser read past its buffer: workers segfault and restart, some responses carry garbage, 502s rise slightly. The rewriter release two hours earlier and an origin cache release after the onset are not the cause.',
    at: '2026-02-18T09:50:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -8,
    topology: { 'edge-lb': ['edge-rewriter'], 'edge-rewriter': ['origin-cache'], 'origin-cache': ['customer-origins'] },
  });
  const onset = '-9m';
  red(b, 'edge-rewriter', { style: 'dd', rps: 52000, err: 0.0004, p95: 9, diurnal: 0.3, errTo: [{ from: onset, value: 0.011, jitter: 0.3 }], latTo: [{ from: onset, mul: 1.3 }] });
  red(b, 'edge-lb', { style: 'dd', rps: 61000, err: 0.0005, p95: 30, diurnal: 0.3, errTo: [{ from: onset, value: 0.008, jitter: 0.3 }] });
  red(b, 'origin-cache', { style: 'dd', rps: 9000, err: 0.002, p95: 120, diurnal: 0.3 });
  b.series({ service: 'edge-rewriter', name: 'nginx.worker.crashes', unit: 'per minute', base: 0.03, noise: 1, effects: [{ from: onset, set: 310, jitter: 0.3 }] });
  b.series({ service: 'edge-rewriter', name: 'rewriter.parser.eof_without_close', unit: 'per second', base: 2.1, noise: 0.2, diurnal: 0.3 });
  b.series({ service: 'edge-rewriter', name: 'system.mem.used', unit: 'bytes', base: 2.1e10, noise: 0.03 });

  background(b, 'edge-rewriter', 'go', { info: 0.2, warn: 0.1, warnLines: ['2026/02/18 warn 8812#0: *1 upstream sent too big header while reading response header from upstream'] });
  background(b, 'edge-lb', 'go', { info: 0.3 });
  background(b, 'origin-cache', 'go', { info: 0.3, error: 0.2, errorLines: ['level=error msg="origin connect failed" origin=203.0.113.77 err="connection refused"'] });
  b.logs({ service: 'edge-rewriter', level: 'error', perMin: 5, from: onset, message: (r) => `worker process ${r.int(10000, 60000)} exited on signal 11 (core dumped)` });
  b.logs({ service: 'edge-rewriter', level: 'warn', perMin: 1, from: onset, message: 'email_obfuscation: parser state machine ended at p > pe (buffer end) on unterminated tag' });
  b.logs({ service: 'edge-lb', level: 'warn', perMin: 2, from: onset, message: 'upstream prematurely closed connection while reading response header from upstream (edge-rewriter)' });
  b.exceptions({ service: 'edge-rewriter', type: 'SIGSEGV', message: 'heap-buffer-overflow READ in html_email_scan (ngx_http_email_filter_module.c:1184)', culprit: 'ngx_http_email_filter_module', from: onset, perMin: 40 });

  b.change('-2h10m', 'edge-rewriter', 'deployment', 'edge-rewriter 1.21.4-e3: Brotli level from zone settings', { version: '1.21.4-e3', previousVersion: '1.21.4-e2', author: 'edge-release', commit: sha(b.rng), source: 'salt' });
  b.change('-1h', 'edge-lb', 'config', 'TLS: drop TLS_RSA_WITH_3DES_EDE_CBC_SHA from the default cipher list', { author: 'crypto-team', source: 'salt' });
  b.change('-10m', 'edge-rewriter', 'feature_flag', 'email_obfuscation.parser = "streaming-v2" for 100% of zones', { author: 'p.wong', source: 'edge-flags' });
  b.change('-4m', 'origin-cache', 'deployment', 'origin-cache 4.7.2: cache key includes Accept-Encoding for images', { version: '4.7.2', previousVersion: '4.7.1', author: 'cache-ci', commit: sha(b.rng), source: 'salt' });
  b.runtime('-7m', 'edge-rewriter', 'crash_loop', 'nginx workers respawning after SIGSEGV on 412 machines', 412);

  b.traces({
    count: 24,
    root: { svc: 'edge-lb', op: 'GET /', ms: 2, kids: [{ svc: 'edge-rewriter', op: 'rewrite html', ms: 6, kids: [{ svc: 'origin-cache', op: 'GET /', ms: 90 }] }] },
    faults: [{ target: 'edge-rewriter', from: onset, errorP: 0.08, attrs: { 'http.status_code': 502, 'error.message': 'worker exited on signal 11' } }],
  });

  b.signal(
    datadog(b, {
      monitorId: 13370042,
      monitorName: 'edge-rewriter worker crashes above 50/min',
      scope: ['service:edge-rewriter', 'env:production'],
      tags: ['env:production', 'service:edge-rewriter', 'team:edge', 'monitor'],
      message: 'Workers of edge-rewriter are crashing. Check core dumps. @webhook-causeway',
      transition: 'Triggered',
      priority: 'P2',
      metric: 'nginx.worker.crashes',
      triggeredAt: '+0s',
      orgId: 3001,
    }),
  );
  b.expect(
    { service: 'edge-rewriter', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'runtime'] },
    { alertService: 'edge-rewriter', modeledOn: 'Cloudbleed-style parser bug exposed by a feature being enabled' },
  );
  return b.build();
}

/** A flag sends half the traffic to a new ranking path that fetches features one item at a time. */
function slowPathFlag(): Built {
  const b = new Builder({
    name: 'b2-homepage-latency-slo',
    title: 'feature-flag-routes-to-slow-code-path',
    description: 'Storefront homepage p95 latency alert created in Opsgenie.',
    story:
      'recs.ranker_v2 goes from 0% to 50%. The new ranker fetches features for every candidate item one by one from the feature store, so recommendations p95 climbs from 140ms to about 2s and the homepage, which waits for it, breaches its latency SLO. The feature store serves six times more calls, quickly, and looks like a suspect; so does a catalog release minutes before the page.',
    at: '2026-08-20T19:35:00Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: -4,
    topology: { storefront: ['recommendations', 'catalog', 'cart'], recommendations: ['feature-store', 'recs-model'], 'feature-store': ['feature-redis'] },
  });
  const onset = '-23m';
  red(b, 'recommendations', { style: 'otel', rps: 900, err: 0.002, p95: 140, diurnal: 0.4, latTo: [{ from: onset, mul: 13 }], errTo: [{ from: onset, value: 0.02 }] });
  red(b, 'feature-store', { style: 'otel', rps: 2600, err: 0.001, p95: 6, diurnal: 0.4, rateTo: [{ from: onset, mul: 6 }], latTo: [{ from: onset, mul: 1.4 }] });
  red(b, 'storefront', { style: 'otel', rps: 1300, err: 0.003, p95: 700, diurnal: 0.4, latTo: [{ from: onset, mul: 2.6 }], errTo: [{ from: onset, value: 0.011 }] });
  red(b, 'catalog', { style: 'otel', rps: 2100, err: 0.001, p95: 45, diurnal: 0.4 });
  red(b, 'recs-model', { style: 'otel', rps: 900, err: 0.001, p95: 35, diurnal: 0.4 });
  b.series({ service: 'feature-redis', name: 'redis.commands.processed', unit: 'ops/s', base: 21000, diurnal: 0.4, effects: [{ from: onset, mul: 5.5 }] });

  background(b, 'recommendations', 'python', { info: 0.3 });
  background(b, 'feature-store', 'go', { info: 0.3 });
  background(b, 'storefront', 'node', { info: 0.4, warn: 0.2, warnLines: ['warn: render budget exceeded for /home (hydration 410ms)'] });
  background(b, 'catalog', 'java', { info: 0.2 });
  b.logs({ service: 'recommendations', level: 'warn', perMin: 3, from: onset, message: (r) => `WARNING recs.ranker_v2 ranked ${r.int(180, 400)} candidates in ${r.int(1200, 3200)}ms (feature fetches: ${r.int(180, 400)})` });
  b.logs({ service: 'storefront', level: 'warn', perMin: 2, from: onset, message: 'warn: recommendations slot timed out after 1500ms, rendering fallback carousel' });

  b.change('-2h30m', 'storefront', 'deployment', 'storefront 2026.08.20.1: new header', { version: '2026.08.20.1', previousVersion: '2026.08.19.3', author: 'web-ci', commit: sha(b.rng), source: 'github-actions' });
  b.change('-1h', 'feature-store', 'config', 'redis client pool size 64 → 128', { author: 'ml-platform', source: 'helm' });
  b.change('-24m', 'recommendations', 'feature_flag', 'recs.ranker_v2 rollout 0% → 50%', { author: 'a.chen', source: 'launchdarkly' });
  b.change('-14m', 'catalog', 'deployment', 'catalog 12.4.0: availability badges', { version: '12.4.0', previousVersion: '12.3.7', author: 'catalog-ci', commit: sha(b.rng), source: 'github-actions' });

  const fetchFeature = { svc: 'recommendations', op: 'GET /features/{item}', ms: 5, peer: { name: 'feature-store', system: 'http' as const, host: 'feature-store.ml.svc' } };
  b.traces({
    count: 26,
    root: {
      svc: 'storefront',
      op: 'GET /',
      ms: 120,
      kids: [
        { svc: 'catalog', op: 'GET /featured', ms: 40 },
        { svc: 'recommendations', op: 'POST /v1/recs/home', ms: 30, kids: [{ svc: 'recs-model', op: 'predict', ms: 30 }, { ...fetchFeature, ms: 9 }] },
      ],
    },
    faults: [{ target: 'recommendations', op: 'POST /v1/recs/home', from: onset, addMs: 1800, attrs: {}, slowAttrs: { 'recs.ranker': 'v2', 'feature_store.calls': 260 } }],
  });

  b.signal(
    opsgenie(b, {
      action: 'Create',
      actionAt: '+0s',
      createdAt: '+0s',
      message: 'storefront homepage p95 above 1.5s',
      alias: 'storefront-home-p95',
      entity: 'storefront',
      source: 'Grafana',
      tags: ['service:storefront', 'env:prod', 'team:web'],
      teams: ['web'],
      priority: 'P2',
      description: 'GET / p95 = 1.84s over 10m (SLO 1.5s).',
      details: { namespace: 'web', cluster: 'prod-use1', dashboard: 'https://grafana.example.com/d/home-slo' },
      integrationName: 'Grafana',
      tinyId: 9912,
    }),
  );
  b.expect(
    { service: 'recommendations', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'traces'] },
    { alertService: 'storefront', modeledOn: 'a feature flag sending traffic to a new slow code path' },
  );
  return b.build();
}

/** Knight Capital, August 2012: a reused flag woke up retired code on the one server a deploy had missed. */
function reusedFlag(): Built {
  const b = new Builder({
    name: 'b2-order-router-exposure-limit',
    title: 'reused-feature-flag-wakes-dead-code',
    description: 'order-router gross exposure limit incident in PagerDuty shortly after market open; 16 hours of history.',
    story:
      'At market open a flag is switched on for the new retail liquidity program; the flag reuses the bit of a retired feature. Seven order-router hosts run the new code; host 08 was missed by the previous evening\'s deploy and still carries the retired code, which now sends child orders in a loop. Exposure climbs; a rollback of the release on all hosts after the onset makes it worse, because now every host runs the old code with the flag on.',
    at: '2026-08-03T13:48:00Z',
    window: ['-16h', '+0s'],
    reference: '-168h',
    tz: -4,
    peakHour: 10,
    topology: { oms: ['order-router'], 'order-router': ['risk-checks', 'exchange-gateway'] },
  });
  const onset = '-18m';
  const open = { from: '-18m', always: true };
  for (let h = 1; h <= 8; h += 1) {
    const host = `order-router-0${h}`;
    const effects = [{ ...open, to: '-17m', mul: 40 }, ...(h === 8 ? [{ from: onset, to: '-17m', mul: 55 }] : [{ from: '-7m', to: '-6m', mul: 55 }])];
    b.series({ service: 'order-router', name: 'child_orders_sent_per_second', labels: { host }, base: 1, noise: 0.2, step: 300, effects });
  }
  b.series({ service: 'order-router', name: 'gross_position_exposure_usd', unit: 'USD', base: 2e6, noise: 0.1, step: 300, effects: [{ from: onset, to: '+0s', add: 3.1e9 }] });
  b.series({ service: 'exchange-gateway', name: 'exchange_messages_per_second', base: 30, noise: 0.15, step: 300, effects: [{ ...open, to: '-17m', mul: 40 }, { from: onset, to: '-17m', mul: 12 }] });
  b.series({ service: 'exchange-gateway', name: 'exchange_rejects_per_second', base: 0.02, noise: 0.8, step: 300, effects: [{ from: '-15m', set: 45 }] });
  b.series({ service: 'risk-checks', name: 'risk_check_latency_p99_ms', unit: 'ms', base: 0.8, noise: 0.2, step: 300, effects: [{ from: onset, mul: 3 }] });

  b.logs({ service: 'order-router', level: 'info', perMin: 0.3, from: '-2h', ref: true, message: (r) => `INFO router.session heartbeat venue=${r.pick(['NYSE', 'ARCA', 'BATS', 'EDGX'])} seq=${r.int(100000, 999999)}` });
  b.logs({ service: 'order-router', level: 'warn', perMin: 4, from: onset, message: (r) => `WARN host=order-router-08 PowerPeg child order ${r.hex(10)} sent; parent ${r.hex(8)} fill count not tracked (cumulative qty check disabled)` });
  b.logs({ service: 'order-router', level: 'warn', perMin: 6, from: '-7m', message: (r) => `WARN host=order-router-0${r.int(1, 7)} PowerPeg child order ${r.hex(10)} sent; parent ${r.hex(8)} fill count not tracked (cumulative qty check disabled)` });
  b.logs({ service: 'exchange-gateway', level: 'error', perMin: 3, from: '-15m', message: 'ERROR gateway.venue NYSE rejected order: message rate limit exceeded (throttle 3)' });
  b.logs({ service: 'oms', level: 'error', perMin: 0.5, from: '-10m', message: 'ERROR oms.alerts 97 automated emails "PowerPeg disabled" from order-router since 08:01 ET' });

  b.change('-15h', 'order-router', 'deployment', 'order-router 7.0.0: retail liquidity program (RLP) support; deployed to 8 hosts', { version: '7.0.0', previousVersion: '6.9.3', author: 'deploy-tech', commit: sha(b.rng), source: 'manual' });
  b.change('-19m', 'order-router', 'feature_flag', 'RLP flag ON for NYSE symbols (flag bit formerly used by PowerPeg)', { author: 'ops-desk', source: 'config-console' });
  b.change('-8m', 'order-router', 'deployment', 'order-router rolled back to 6.9.3 on all hosts (incident mitigation)', { version: '6.9.3', previousVersion: '7.0.0', author: 'deploy-tech', commit: sha(b.rng), source: 'manual' });
  b.runtime('-8m', 'order-router', 'restart', 'order-router restarted on 8 hosts for the rollback', 8);

  b.signal(
    pagerduty(b, {
      eventType: 'incident.triggered',
      occurredAt: '+0s',
      subdomain: 'marketmaker',
      agent: { type: 'service_reference', summary: 'order-router' },
      incident: { number: 2012, title: 'order-router: gross exposure above $1B limit', service: 'order-router', createdAt: '+0s', urgency: 'high', priority: 'P1', escalationPolicy: 'Trading systems', teams: ['Trading Tech'], assignee: 'Morgan Ellis' },
    }),
  );
  b.expect(
    { service: 'order-router', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
    { alertService: 'order-router', modeledOn: 'Knight Capital August 2012: repurposed flag activated retired code' },
  );
  return b.build();
}

/** A flag rolls out a new pricing engine that cannot round zero-decimal currencies; the code had shipped dark hours before. */
function pricingEngineFlag(): Built {
  const b = new Builder({
    name: 'b2-checkout-web-errors-apac',
    title: 'flag-rollout-breaks-zero-decimal-currencies',
    description: 'checkout-web 5xx alert from Alertmanager during the Asian evening peak.',
    story:
      'pricing.engine_v3 is rolled out to 25% of quotes. The new engine normalizes every amount to two decimals with a rounding mode that throws for zero-decimal currencies (JPY, KRW), so a share of Asian checkouts fail. The engine itself shipped dark in a pricing release two hours earlier without effect; an FX feed release ten minutes before the page is on the same call path.',
    at: '2026-01-14T10:20:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: 9,
    peakHour: 20,
    topology: { 'checkout-web': ['pricing', 'cart'], cart: ['pricing'], pricing: ['fx-rates', 'promo-engine'] },
  });
  const onset = '-18m';
  red(b, 'pricing', { style: 'prom', rps: 1600, err: 0.0008, p95: 35, diurnal: 0.4, errTo: [{ from: onset, value: 0.072 }] });
  b.series({ service: 'pricing', name: 'pricing_quote_failures_per_second', labels: { currency: 'JPY' }, base: 0.01, noise: 0.8, effects: [{ from: onset, set: 61 }] });
  b.series({ service: 'pricing', name: 'pricing_quote_failures_per_second', labels: { currency: 'KRW' }, base: 0.01, noise: 0.8, effects: [{ from: onset, set: 27 }] });
  b.series({ service: 'pricing', name: 'pricing_quote_failures_per_second', labels: { currency: 'USD' }, base: 0.02, noise: 0.8 });
  red(b, 'checkout-web', { style: 'prom', rps: 700, err: 0.002, p95: 480, diurnal: 0.4, errTo: [{ from: onset, value: 0.081 }] });
  red(b, 'cart', { style: 'prom', rps: 900, err: 0.001, p95: 40, diurnal: 0.4, errTo: [{ from: onset, value: 0.03 }] });
  red(b, 'fx-rates', { style: 'prom', rps: 1600, err: 0.0005, p95: 4, diurnal: 0.4 });
  red(b, 'promo-engine', { style: 'prom', rps: 1500, err: 0.001, p95: 22, diurnal: 0.4 });

  background(b, 'pricing', 'java', { info: 0.3 });
  background(b, 'checkout-web', 'node', { info: 0.3 });
  background(b, 'cart', 'go', { info: 0.2 });
  background(b, 'fx-rates', 'go', { info: 0.2, warn: 0.2, warnLines: ['level=warn msg="rate older than 60s" pair=TRY/USD age=74s'] });
  background(b, 'promo-engine', 'python', { info: 0.2 });
  b.logs({ service: 'pricing', level: 'error', perMin: 5, from: onset, message: (r) => `ERROR [quote-${r.int(1, 64)}] c.s.pricing.QuoteController - quote failed engine=v3 currency=${r.pick(['JPY', 'JPY', 'KRW'])}: java.lang.ArithmeticException: Rounding necessary\n\tat java.base/java.math.BigDecimal.commonNeedIncrement(BigDecimal.java:4628)\n\tat com.shop.pricing.v3.MoneyNormalizer.normalize(MoneyNormalizer.java:88)` });
  b.logs({ service: 'checkout-web', level: 'error', perMin: 3, from: onset, message: 'error: price quote failed (pricing 500), showing "price unavailable"' });
  b.exceptions({ service: 'pricing', type: 'java.lang.ArithmeticException', message: 'Rounding necessary', culprit: 'com.shop.pricing.v3.MoneyNormalizer.normalize', from: onset, perMin: 300 });

  b.change('-2h10m', 'pricing', 'deployment', 'pricing 6.0.0: engine v3 behind pricing.engine_v3 (off)', { version: '6.0.0', previousVersion: '5.12.3', author: 'pricing-ci', commit: sha(b.rng), source: 'argocd' });
  b.change('-40m', 'promo-engine', 'config', 'new-year promotions for KR and JP enabled', { author: 'marketing-ops', source: 'promo-admin' });
  b.change('-19m', 'pricing', 'feature_flag', 'pricing.engine_v3 rollout 0% → 25% (all currencies)', { author: 'y.tanaka', source: 'unleash' });
  b.change('-10m', 'fx-rates', 'deployment', 'fx-rates 2.4.0: secondary FX feed provider', { version: '2.4.0', previousVersion: '2.3.5', author: 'fx-ci', commit: sha(b.rng), source: 'argocd' });

  b.traces({
    count: 28,
    root: { svc: 'checkout-web', op: 'GET /checkout', ms: 80, kids: [{ svc: 'cart', op: 'GET /cart', ms: 10 }, { svc: 'pricing', op: 'POST /quotes', ms: 12, kids: [{ svc: 'fx-rates', op: 'GET /rates', ms: 3 }, { svc: 'promo-engine', op: 'POST /apply', ms: 15 }] }] },
    faults: [{ target: 'pricing', op: 'POST /quotes', from: onset, errorP: 0.08, attrs: { 'http.status_code': 500, 'pricing.engine': 'v3', currency: 'JPY', 'exception.type': 'java.lang.ArithmeticException' } }],
  });

  b.signal(
    alertmanager(b, {
      receiver: 'commerce-oncall',
      groupBy: ['alertname', 'service'],
      externalURL: 'https://alertmanager.apac.shop.example',
      generatorURL: 'https://prometheus.apac.shop.example',
      alerts: [{ labels: { alertname: 'CheckoutErrorsHigh', service: 'checkout-web', severity: 'critical', region: 'ap-northeast-1' }, annotations: { summary: 'checkout-web 5xx above 5%', description: 'checkout-web error ratio 8.1% over 5m.' }, startsAt: '-15m' }],
    }),
  );
  b.expect(
    { service: 'pricing', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
    { alertService: 'checkout-web', modeledOn: 'a feature flag exposing a latent bug for some currencies' },
  );
  return b.build();
}

export const flagScenarios = [parserFlag, slowPathFlag, reusedFlag, pricingEngineFlag];
