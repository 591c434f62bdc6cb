import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { alertmanager, cloudwatchSns, datadog, grafana } from '../senders.js';

/** Shopify-style: one merchant's flash sale concentrates a wave of buyers on checkout. */
function flashSale(): Built {
  const b = new Builder({
    name: 'b2-checkout-latency-monitor',
    title: 'flash-sale-hotspot-saturates-checkout',
    description: 'The checkout p95 latency monitor triggers in Datadog.',
    story:
      'A celebrity merchant opens a limited drop: checkout requests for that one shop go from a few per second to thousands within a minute. Checkout pods saturate their CPU and the autoscaler hits its maximum; requests queue and time out. Nothing changed in the code; the hot SKU\'s inventory rows see lock waits as a consequence. Unrelated releases earlier in the day.',
    at: '2026-11-28T16:00:30Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { 'storefront-renderer': ['checkout', 'catalog'], checkout: ['inventory-reservations', 'payments', 'checkout-db'], 'inventory-reservations': ['inventory-db'] },
  });
  const onset = '-9m';
  b.series({ service: 'checkout', name: 'checkout.requests', labels: { shop_id: '4412' }, unit: 'req/s', base: 3, noise: 0.3, effects: [{ from: onset, to: '-8m', set: 4100, jitter: 0.1 }] });
  b.series({ service: 'checkout', name: 'checkout.requests', labels: { shop_id: 'others' }, unit: 'req/s', base: 1900, diurnal: 0.4, noise: 0.05 });
  red(b, 'checkout', { style: 'dd', rps: 1900, err: 0.002, p95: 420, diurnal: 0.4, rateTo: [{ from: onset, to: '-8m', mul: 3.1 }], latTo: [{ from: '-8m', mul: 14 }], errTo: [{ from: '-8m', value: 0.16 }] });
  b.series({ service: 'checkout', name: 'kubernetes.cpu.usage.pct', unit: 'percent', base: 48, diurnal: 0.3, max: 100, effects: [{ from: onset, to: '-8m', set: 99 }] });
  b.series({ service: 'checkout', name: 'kubernetes_state.hpa.current_replicas', base: 120, noise: 0, integer: true, effects: [{ from: onset, to: '-4m', set: 300 }] });
  b.series({ service: 'checkout', name: 'puma.queue_time.p95', unit: 's', base: 0.002, noise: 0.3, effects: [{ from: '-8m', set: 6.2 }] });
  red(b, 'inventory-reservations', { style: 'dd', rps: 900, err: 0.001, p95: 18, diurnal: 0.4, rateTo: [{ from: onset, mul: 2.2 }], latTo: [{ from: onset, mul: 5 }] });
  red(b, 'payments', { style: 'dd', rps: 600, err: 0.004, p95: 800, diurnal: 0.4, rateTo: [{ from: onset, mul: 1.4 }] });
  red(b, 'catalog', { style: 'dd', rps: 5000, err: 0.001, p95: 40, diurnal: 0.4, rateTo: [{ from: onset, mul: 1.3 }] });

  background(b, 'checkout', 'ruby', { info: 0.4 });
  background(b, 'inventory-reservations', 'go', { info: 0.2 });
  background(b, 'payments', 'java', { info: 0.2 });
  background(b, 'catalog', 'go', { info: 0.3, warn: 0.2 });
  b.logs({ service: 'checkout', level: 'error', perMin: 5, from: '-8m', message: (r) => `E, [pid=${r.int(10, 99)}] ERROR -- : Rack::Timeout::RequestTimeoutException: Request waited ${r.int(3000, 9000)}ms, then ran for longer than 14000ms (shop_id=4412)` });
  b.logs({ service: 'inventory-reservations', level: 'warn', perMin: 3, from: onset, message: (r) => `level=warn msg="lock wait" table=inventory_levels sku=KJ-LIP-${r.int(1, 9)} waited_ms=${r.int(200, 2400)}` });

  b.change('-2h', 'storefront-renderer', 'deployment', 'storefront-renderer 2026.11.28.1: theme cache warmup', { version: '2026.11.28.1', previousVersion: '2026.11.27.4', author: 'sfr-ci', commit: sha(b.rng), source: 'shipit' });
  b.change('-1h', 'checkout', 'config', 'tax rounding mode per line for CA provinces', { author: 'tax-team', source: 'config-flags' });
  b.change('-6m', 'checkout', 'scaling', 'HPA checkout max replicas reached (300)', { author: 'hpa', source: 'kubernetes' });

  b.traces({
    count: 26,
    root: { svc: 'storefront-renderer', op: 'POST /cart/checkout', ms: 20, kids: [{ svc: 'checkout', op: 'POST /checkouts', ms: 200, kids: [{ svc: 'inventory-reservations', op: 'Reserve', ms: 12 }, { svc: 'checkout', op: 'INSERT checkouts', ms: 8, peer: { name: 'checkout-db', system: 'db', product: 'mysql' } }] }] },
    faults: [{ target: 'checkout', op: 'POST /checkouts', from: '-8m', addMs: 6000, errorP: 0.16, attrs: { 'http.status_code': 503 }, slowAttrs: { 'shop.id': '4412' } }],
  });

  b.signal(
    datadog(b, {
      monitorId: 70112233,
      monitorName: 'checkout p95 latency above 3s',
      scope: ['service:checkout', 'env:production'],
      tags: ['env:production', 'service:checkout', 'team:checkout-core'],
      message: 'checkout latency is {{value}}s. @webhook-causeway',
      transition: 'Triggered',
      priority: 'P1',
      metric: 'trace.http.request.duration.by.service.95p',
      triggeredAt: '+0s',
      orgId: 1301,
    }),
  );
  b.expect(
    { service: 'checkout', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    { alertService: 'checkout', modeledOn: 'Shopify flash sale hotspot' },
  );
  return b.build();
}

/** A marketing push to millions of devices: the feed API behind its load balancer is overwhelmed. */
function pushSurge(): Built {
  const b = new Builder({
    name: 'b2-feed-load-balancer-5xx',
    title: 'push-notification-surge-overwhelms-feed-api',
    description: 'Load balancer 5xx alarm for feed-prod through SNS. Metrics only, no reference capture.',
    story:
      'A marketing push goes to nine million devices at once; within two minutes the feed API behind its load balancer receives twelve times its usual traffic. The auto scaling group is at its maximum, targets are slow, the load balancer returns 5xx and its alarm fires through SNS (named after the load balancer, not the service). Metrics only, no reference capture.',
    at: '2026-09-09T17:02:00Z',
    window: ['-3h', '+0s'],
    tz: -4,
    topology: { 'feed-prod': ['feed-api'], 'feed-api': ['feed-cache', 'feed-db'] },
  });
  const onset = '-8m';
  const lb = { LoadBalancer: 'app/feed-prod/6c1e3b7a9d2f4e05' };
  const tg = { ...lb, TargetGroup: 'targetgroup/feed-api/2d4f6a8c0e1b3d57' };
  cw(b, 'feed-prod', 'AWS/ApplicationELB', 'RequestCount', lb, 'Sum', { base: 210000, diurnal: 0.35, integer: true, step: 60, gaps: 0.02, effects: [{ from: onset, to: '-6m', mul: 12 }] });
  cw(b, 'feed-prod', 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', lb, 'Sum', { base: 3, integer: true, noise: 0.6, step: 60, gaps: 0.02, effects: [{ from: '-6m', set: 310000 }] });
  cw(b, 'feed-api', 'AWS/ApplicationELB', 'TargetResponseTime', tg, 'p95', { base: 0.12, unit: 's', step: 60, gaps: 0.02, effects: [{ from: '-7m', set: 9.5 }] });
  cw(b, 'feed-api', 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'feed-api-prod' }, 'Average', { base: 38, unit: 'percent', diurnal: 0.3, max: 100, effects: [{ from: onset, to: '-6m', set: 99 }] });
  cw(b, 'feed-api', 'AWS/AutoScaling', 'GroupInServiceInstances', { AutoScalingGroupName: 'feed-api-prod' }, 'Average', { base: 24, noise: 0, integer: true, effects: [{ from: '-6m', to: '-2m', set: 60 }] });
  cw(b, 'feed-cache', 'AWS/ElastiCache', 'EngineCPUUtilization', { CacheClusterId: 'feed-cache-001' }, 'Average', { base: 21, unit: 'percent', effects: [{ from: onset, set: 58 }] });
  cw(b, 'feed-db', 'AWS/RDS', 'CPUUtilization', { DBInstanceIdentifier: 'feed-db' }, 'Average', { base: 30, unit: 'percent', effects: [{ from: onset, set: 44 }] });

  b.change('-2h50m', 'feed-api', 'deployment', 'feed-api 14.2.0: story ranking tweaks', { version: '14.2.0', previousVersion: '14.1.9', author: 'feed-ci', commit: sha(b.rng), source: 'codedeploy' });
  b.change('-45m', 'feed-api', 'config', 'feature weights refreshed (ranking model 2026-09-09)', { author: 'ranking-bot', source: 'appconfig' });
  b.change('-5m', 'feed-api', 'scaling', 'ASG feed-api-prod desired 24 → 60 (max 60)', { author: 'target-tracking-policy', source: 'autoscaling' });

  b.signal(
    cloudwatchSns(b, {
      topic: 'feed-oncall',
      alarmName: 'feed-prod-elb-5xx',
      description: 'Load balancer 5xx above 1000 per minute',
      account: '509812234470',
      region: 'eu-west-1',
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_ELB_5XX_Count',
      dimensions: lb,
      stat: 'Sum',
      period: 60,
      threshold: 1000,
      comparison: 'GreaterThanThreshold',
      datapoints: [318211, 301977],
      stateAt: '+0s',
      previousStateAt: '-900h',
    }),
  );
  b.expect(
    { service: 'feed-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    { alertService: 'feed-prod', modeledOn: 'push notification traffic surge' },
  );
  return b.build();
}

/** An aggressive crawler pages through search results from thousands of addresses. */
function crawlerSurge(): Built {
  const b = new Builder({
    name: 'b2-search-latency-night',
    title: 'crawler-surge-saturates-search-api',
    description: 'search-api latency warning from Alertmanager in the middle of the night.',
    story:
      'An aggressive crawler pages deep through search results from thousands of addresses of one network. search-api receives eight times its night-time traffic, its CPU saturates and requests queue; the search cluster behind it rejects part of the load. The crawler is visible only in access logs and request-rate metrics. A web release an hour earlier and a search cluster setting change are unrelated.',
    at: '2026-03-24T03:12:00Z',
    window: ['-2h', '+0s'],
    reference: '-24h',
    tz: 1,
    topology: { web: ['search-api', 'listings-api'], 'search-api': ['search-es'], 'listings-api': ['listings-db'] },
  });
  const onset = '-31m';
  red(b, 'search-api', { style: 'prom', rps: 140, err: 0.002, p95: 120, diurnal: 0.5, rateTo: [{ from: onset, to: '-25m', mul: 8 }], latTo: [{ from: '-25m', mul: 18 }], errTo: [{ from: '-24m', value: 0.21 }] });
  b.series({ service: 'search-api', name: 'process_cpu_seconds_total_rate', unit: 'cores', base: 3.1, diurnal: 0.4, max: 16, effects: [{ from: onset, to: '-25m', set: 15.8 }] });
  b.series({ service: 'search-api', name: 'http_requests_per_second_by_asn', labels: { asn: 'AS138997' }, unit: 'req/s', base: 0.4, noise: 0.5, effects: [{ from: onset, to: '-25m', set: 980 }] });
  b.series({ service: 'search-es', name: 'elasticsearch_thread_pool_rejected_count_rate', labels: { type: 'search' }, base: 0, noise: 0, effects: [{ from: '-22m', set: 40, jitter: 0.5 }] });
  b.series({ service: 'search-es', name: 'elasticsearch_indices_search_query_time_p95_ms', unit: 'ms', base: 35, noise: 0.1, effects: [{ from: '-25m', mul: 5 }] });
  red(b, 'listings-api', { style: 'prom', rps: 220, err: 0.002, p95: 60, diurnal: 0.5 });
  red(b, 'web', { style: 'prom', rps: 400, err: 0.003, p95: 300, diurnal: 0.5, errTo: [{ from: '-24m', value: 0.05 }] });

  background(b, 'listings-api', 'python', { info: 0.2 });
  background(b, 'web', 'node', { info: 0.3, warn: 0.2 });
  b.logs({ service: 'search-api', level: 'info', perMin: 0.3, diurnal: 0.5, message: (r) => `INFO  [qtp-${r.int(1, 200)}] access - 192.0.2.${r.int(1, 254)} "GET /search?q=${r.pick(['flat', 'garden', 'bike', 'sofa'])}&page=${r.int(1, 3)}" 200 ${r.int(40, 200)}ms "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"` });
  b.logs({ service: 'search-api', level: 'info', perMin: 8, from: onset, message: (r) => `INFO  [qtp-${r.int(1, 200)}] access - 203.0.113.${r.int(1, 254)} "GET /search?q=${r.pick(['a', 'e', 'o', 'car', 'home'])}&page=${r.int(200, 900)}" 200 ${r.int(900, 9000)}ms "Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)"` });
  b.logs({ service: 'search-api', level: 'error', perMin: 2, from: '-24m', message: 'ERROR [qtp-88] c.s.search.Api - search failed: EsRejectedExecutionException: rejected execution of coordinating operation [search] (queue capacity 1000)' });

  b.change('-2h', 'search-es', 'config', 'index.refresh_interval 1s → 5s on listings-v12', { author: 'search-team', source: 'ansible' });
  b.change('-1h', 'web', 'deployment', 'web 2026.03.23.9: saved searches page', { version: '2026.03.23.9', previousVersion: '2026.03.23.8', author: 'web-ci', commit: sha(b.rng), source: 'jenkins' });

  b.traces({
    count: 24,
    root: { svc: 'web', op: 'GET /search', ms: 30, kids: [{ svc: 'search-api', op: 'GET /search', ms: 40, kids: [{ svc: 'search-api', op: 'POST /listings-v12/_search', ms: 25, peer: { name: 'search-es', system: 'http', host: 'search-es.internal:9200' } }] }] },
    faults: [{ target: 'search-api', from: '-25m', addMs: 2500, errorP: 0.3, attrs: { 'http.status_code': 503 } }],
  });

  b.signal(
    alertmanager(b, {
      receiver: 'search-team',
      groupBy: ['alertname', 'app'],
      externalURL: 'http://alertmanager.mon.svc:9093',
      generatorURL: 'http://prometheus.mon.svc:9090',
      alerts: [{ labels: { alertname: 'SearchLatencyHigh', app: 'search-api', severity: 'warning', namespace: 'search' }, annotations: { summary: 'search-api p95 above 1s' }, startsAt: '-20m' }],
    }),
  );
  b.expect(
    { service: 'search-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    { alertService: 'search-api', modeledOn: 'crawler traffic surge' },
  );
  return b.build();
}

/** Ticketmaster, November 2022: a presale drew several times the planned demand, bots included. */
function ticketOnsale(): Built {
  const b = new Builder({
    name: 'b2-ticketing-availability',
    title: 'ticket-onsale-demand-exceeds-capacity',
    description: 'ticketing-api availability alert from Grafana during an on-sale.',
    story:
      'A stadium tour presale opens at 10:00 local. Demand, a large share of it bots, is several times what the event was planned for: the ticketing API behind the waiting room receives nine times its planned peak, saturates, and seat holds time out. The waiting room admits at its configured rate and stays healthy. The autoscaler reaches its limit after the onset; a seat-map cache change and a waiting-room release earlier in the morning are unrelated.',
    at: '2026-11-15T15:12:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { edge: ['queue-service', 'ticketing-api'], 'queue-service': ['queue-redis'], 'ticketing-api': ['seat-locks', 'payments-gw', 'events-db'] },
  });
  const onset = '-12m';
  red(b, 'ticketing-api', { style: 'prom', rps: 900, err: 0.002, p95: 150, diurnal: 0.3, rateTo: [{ from: onset, to: '-11m', mul: 9 }], latTo: [{ from: '-11m', mul: 30 }], errTo: [{ from: '-11m', value: 0.38 }] });
  red(b, 'queue-service', { style: 'prom', rps: 2000, err: 0.001, p95: 20, diurnal: 0.3, rateTo: [{ from: onset, to: '-11m', mul: 40 }], latTo: [{ from: onset, mul: 1.5 }] });
  red(b, 'seat-locks', { style: 'prom', rps: 300, err: 0.001, p95: 8, diurnal: 0.3, rateTo: [{ from: onset, mul: 6 }], latTo: [{ from: '-11m', mul: 8 }] });
  red(b, 'payments-gw', { style: 'prom', rps: 60, err: 0.01, p95: 900, diurnal: 0.3, rateTo: [{ from: onset, mul: 2 }] });
  b.series({ service: 'ticketing-api', name: 'container_cpu_usage_ratio', unit: 'ratio', base: 0.35, diurnal: 0.3, max: 1, effects: [{ from: onset, to: '-11m', set: 0.99 }] });
  b.series({ service: 'ticketing-api', name: 'kube_horizontalpodautoscaler_status_current_replicas', base: 80, noise: 0, integer: true, effects: [{ from: '-11m', to: '-6m', set: 200 }] });
  b.series({ service: 'queue-service', name: 'waiting_room_admitted_per_second', base: 150, diurnal: 0.3, noise: 0.05, effects: [{ from: onset, to: '-11m', set: 1800 }] });
  b.series({ service: 'edge', name: 'edge_bot_score_low_ratio', unit: 'ratio', base: 0.06, noise: 0.1, effects: [{ from: onset, set: 0.41 }] });

  background(b, 'ticketing-api', 'java', { info: 0.3 });
  background(b, 'queue-service', 'go', { info: 0.3 });
  background(b, 'seat-locks', 'rust', { info: 0.2 });
  background(b, 'payments-gw', 'dotnet', { info: 0.2, warn: 0.2, error: 0.1 });
  b.logs({ service: 'ticketing-api', level: 'error', perMin: 5, from: '-11m', message: (r) => `ERROR [hold-${r.int(1, 400)}] c.t.holds.HoldService - seat hold timed out after 15000ms event=TS-ERAS-${r.int(1, 9)} queue_depth=${r.int(2000, 9000)}` });
  b.logs({ service: 'ticketing-api', level: 'warn', perMin: 3, from: onset, message: 'WARN  [http-nio-8443-Acceptor] o.a.tomcat.util.net.NioEndpoint - maxConnections reached (10000), accept paused' });
  b.logs({ service: 'queue-service', level: 'info', perMin: 2, from: onset, message: (r) => `level=info msg="admission batch" event=TS-ERAS admitted=${r.int(1700, 1900)} waiting=${r.int(2, 14)}000000` });

  b.change('-2h55m', 'ticketing-api', 'config', 'seat map cache TTL 5s → 3s for on-sale events', { author: 'ticketing-ops', source: 'consul' });
  b.change('-2h40m', 'queue-service', 'deployment', 'queue-service 3.8.0: verified fan codes', { version: '3.8.0', previousVersion: '3.7.4', author: 'queue-ci', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-6m', 'ticketing-api', 'scaling', 'HPA ticketing-api at max replicas (200)', { author: 'hpa', source: 'kubernetes' });

  b.traces({
    count: 26,
    root: { svc: 'ticketing-api', op: 'POST /holds', ms: 40, kids: [{ svc: 'seat-locks', op: 'Lock', ms: 6 }, { svc: 'ticketing-api', op: 'SELECT seats', ms: 8, peer: { name: 'events-db', system: 'db', product: 'mysql' } }] },
    faults: [{ target: 'ticketing-api', op: 'POST /holds', from: '-11m', addMs: 9000, errorP: 0.38, attrs: { 'http.status_code': 503 } }],
  });

  b.signal(
    grafana(b, {
      receiver: 'ticketing-oncall',
      baseUrl: 'https://grafana.tickets.example',
      folder: 'On-sale',
      groupBy: ['alertname', 'service'],
      alerts: [{ labels: { alertname: 'TicketingAvailabilityLow', service: 'ticketing-api', severity: 'critical', event: 'TS-ERAS' }, annotations: { summary: 'ticketing-api availability below 90%' }, startsAt: '-7m', values: { A: 0.62, B: 1 } }],
    }),
  );
  b.expect(
    { service: 'ticketing-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    { alertService: 'ticketing-api', modeledOn: 'Ticketmaster November 2022 presale demand' },
  );
  return b.build();
}

export const trafficScenarios = [flashSale, pushSurge, crawlerSurge, ticketOnsale];
