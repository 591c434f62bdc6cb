import { int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { alertmanager, cloudwatchSns, opsgenie, pagerduty } from '../senders.js';

/** A flash sale: six times the usual traffic, CPU pinned, nothing broken. */
export function flashSale(): Scenario {
  const s = new Scenario({
    name: 'flash-sale-checkout-cpu-saturated',
    description:
      'Modeled on a well-known class of incident, flash-sale demand beyond capacity (e.g. the J.Crew Black Friday 2018 outage): a marketing email and push notification go out at 12:00 for a 30-minute sale; requests to checkout-web rise sixfold, its CPU pins at 100% and response time climbs past the ALB alarm. Nothing is broken, autoscaling is too slow. The alarm arrives over SNS; an unrelated loyalty deploy went out earlier.',
    at: '2026-11-27T12:16:00Z',
    seed: 701,
    peakHourUtc: 19,
    reference: { hoursBefore: 168 },
    topology: { 'checkout-web': ['cart-store', 'payment-proxy', 'loyalty-svc'], 'payment-proxy': ['adyen'] },
  });
  const onset = -16 * 60;
  s.change(-41 * 60, 'loyalty-svc', 'deployment', 'loyalty-svc 1.20.0: double points banner', { version: '1.20.0', previousVersion: '1.19.4', source: 'codedeploy' });
  s.change(onset + 240, 'checkout-web', 'scaling', 'ASG checkout-web desired 12 -> 20 (target tracking CPU 60%)', { source: 'autoscaling' });
  s.change(onset + 720, 'checkout-web', 'scaling', 'ASG checkout-web desired 20 -> 28 (target tracking CPU 60%)', { source: 'autoscaling' });
  red(s, 'checkout-web', 'alb', { rps: 180, errRatio: 0.001, p99: 0.35, rpsEffect: ramp(onset, 6.2, 240), latEffect: ramp(onset + 60, 12, 420), errEffect: level(onset + 300, 180 * 60 * 6 * 0.04, 120, 0.2), labels: { TargetGroup: 'targetgroup/checkout-web/0f8e2a61c55d7b94' } });
  s.metric({ name: 'CPUUtilization', service: 'checkout-web', unit: 'Percent', labels: { AutoScalingGroupName: 'checkout-web-prod' }, base: 28, noise: 0.08, diurnal: 0.3, round: 1, max: 100, effect: level(onset + 60, 99, 240, 0.01) });
  red(s, 'payment-proxy', 'prom', { rps: 30, errRatio: 0.003, p99: 0.8, rpsEffect: ramp(onset, 3.2, 300) });
  red(s, 'cart-store', 'prom', { rps: 400, errRatio: 0.0002, p99: 0.01, rpsEffect: ramp(onset, 4.5, 300), latEffect: ramp(onset, 1.6, 300) });
  chatter(s, 'checkout-web', 'node', 25);
  chatter(s, 'payment-proxy', 'jvm', 45);
  s.logs('loyalty-svc', 'warn', 'points ledger lag 4s', 300);
  s.logs('checkout-web', 'info', (r) => `GET /sale/${pick(r, ['sneakers', 'jackets', 'bags'])} utm_source=${pick(r, ['email', 'push', 'instagram'])} utm_campaign=flash-1127`, 3, { from: onset });
  s.logs('checkout-web', 'warn', (r) => `event loop lag ${int(r, 300, 2200)}ms`, 10, { from: onset + 120 });
  s.logs('checkout-web', 'error', (r) => `request timeout after 5000ms GET /checkout (queue wait ${int(r, 2000, 4800)}ms)`, 12, { from: onset + 300 });
  const shape = [
    { service: 'checkout-web', name: 'GET /checkout', ms: 120 },
    { service: 'cart-store', name: 'GET cart', parent: 0, ms: 5 },
    { service: 'loyalty-svc', name: 'GetPoints', parent: 0, ms: 15, after: 7 },
  ];
  s.traces(shape, 12);
  s.traces(shape, 18, { from: onset + 120, faults: [{ span: 0, ms: 3800 }] });
  s.setSignal(
    cloudwatchSns(s, {
      topic: 'web-alarms',
      account: '118822660041',
      region: 'us-east-1',
      alarmName: 'checkout-web-target-response-time',
      description: 'checkout-web p99 target response time > 2s',
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: { LoadBalancer: 'app/shop-prod/8a1e3c7d2b4f6e90', TargetGroup: 'targetgroup/checkout-web/0f8e2a61c55d7b94' },
      stat: 'p99',
      period: 60,
      threshold: 2,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 3,
      changedAt: onset + 420,
      recent: [4.11, 3.87, 3.02],
      unit: 'Seconds',
    }),
  );
  s.expect({ rootCause: { service: 'checkout-web', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics'] });
  return s;
}

/** A post goes viral: signups flood in and the signup API runs out of workers; the edge returns 503s. */
export function viralSignup(): Scenario {
  const s = new Scenario({
    name: 'viral-post-signup-api-overwhelmed',
    description:
      'Modeled on viral-launch capacity incidents (e.g. the Pokémon GO launch in 2016, described by Google Cloud): a celebrity post drives ten times the normal signups in minutes; signup-api runs out of worker threads and the ingress returns 503. Opsgenie (from New Relic) alerts on the ingress. Nothing changed; the reference shows the usual evening.',
    at: '2026-07-08T21:34:00Z',
    seed: 702,
    peakHourUtc: 20,
    reference: { hoursBefore: 24 },
    topology: { 'web-ingress': ['signup-api', 'feed-web'], 'signup-api': ['accounts-db', 'email-verify'] },
  });
  const onset = -12 * 60;
  s.change(-28 * 60, 'feed-web', 'deployment', 'feed-web 5.77.0', { version: '5.77.0', previousVersion: '5.76.1', source: 'github-actions' });
  s.change(-52 * 60, 'email-verify', 'config', 'email-verify: disposable domain list updated', { source: 'config-repo' });
  red(s, 'signup-api', 'prom', { rps: 35, errRatio: 0.002, p99: 0.6, rpsEffect: ramp(onset, 10.5, 180), latEffect: ramp(onset + 60, 9, 240), errEffect: level(onset + 180, 0.33, 120, 0.1) });
  s.metric({ name: 'puma_busy_threads_ratio', service: 'signup-api', unit: 'ratio', base: 0.22, noise: 0.1, diurnal: 0.3, max: 1, effect: level(onset + 60, 1, 120, 0) });
  red(s, 'web-ingress', 'prom', { rps: 2600, errRatio: 0.001, p99: 0.3, rpsEffect: ramp(onset, 1.4, 180), errEffect: level(onset + 180, 0.06, 120, 0.1) });
  red(s, 'feed-web', 'prom', { rps: 2200, errRatio: 0.001, p99: 0.25, rpsEffect: ramp(onset, 1.3, 180) });
  s.metric({ name: 'pg_stat_database_xact_commit_rate', service: 'accounts-db', base: 300, noise: 0.08, diurnal: 0.3, round: 0, effect: ramp(onset, 3.5, 240) });
  s.metric({ name: 'node_cpu_utilization', service: 'accounts-db', unit: 'ratio', base: 0.21, noise: 0.08, diurnal: 0.3, effect: ramp(onset, 2.1, 240) });
  chatter(s, 'web-ingress', 'go', 20);
  chatter(s, 'feed-web', 'node', 35);
  s.logs('signup-api', 'info', (r) => `Completed 201 Created in ${int(r, 120, 700)}ms (ActiveRecord: ${int(r, 10, 60)}ms) referrer=${pick(r, ['direct', 'google', 'instagram.com'])}`, 45, { to: onset });
  s.logs('signup-api', 'info', (r) => `Completed 201 Created in ${int(r, 300, 4000)}ms referrer=${pick(r, ['tiktok.com', 'tiktok.com', 'instagram.com', 'direct'])}`, 5, { from: onset });
  s.logs('signup-api', 'warn', (r) => `Puma: all ${16} threads busy, backlog ${int(r, 30, 400)}`, 10, { from: onset + 90 });
  s.logs('web-ingress', 'error', (r) => `upstream "signup-api" returned 503: no healthy upstream (queue full) req=${int(r, 1e9, 9e9)}`, 6, { from: onset + 180 });
  s.logs('email-verify', 'warn', 'MX lookup slow for outlook.com (1.2s)', 250);
  const shape = [
    { service: 'web-ingress', name: 'POST /signup', ms: 400 },
    { service: 'signup-api', name: 'UsersController#create', parent: 0, ms: 380 },
    { service: 'signup-api', name: 'INSERT users', parent: 1, ms: 12, attributes: { 'db.system': 'postgresql', 'peer.service': 'accounts-db' } },
    { service: 'email-verify', name: 'Verify', parent: 1, ms: 90, after: 20 },
  ];
  s.traces(shape, 10);
  s.traces(shape, 20, { from: onset + 60, faults: [{ span: 1, ms: 4200 }] });
  s.traces(shape, 6, { from: onset + 200, faults: [{ span: 0, status: 'error', ms: 30, drop: [1, 2, 3], attributes: { 'http.status_code': 503 } }] });
  s.setSignal(
    opsgenie(s, {
      message: 'Critical: web-ingress 5xx rate above 5%',
      alias: 'newrelic-web-ingress-5xx',
      tinyId: 902,
      createdAt: -90,
      entity: 'web-ingress',
      source: 'New Relic',
      sourceName: 'New Relic',
      sourceType: 'NewRelic',
      tags: ['production', 'ingress'],
      teams: ['web-platform'],
      priority: 'P1',
      description: 'Policy: Ingress SLOs / Condition: 5xx rate > 5% for 3 minutes',
      details: { app: 'web-ingress', environment: 'production', 'condition_id': '3318207' },
      integrationName: 'Causeway',
    }),
  );
  s.expect({ rootCause: { service: 'signup-api', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics', 'logs'] });
  return s;
}

/** A short blip turns into a retry storm that keeps the inventory service saturated. */
export function retryStorm(): Scenario {
  const s = new Scenario({
    name: 'inventory-retry-storm-after-blip',
    description:
      'Modeled on retry storms and metastable failures (Bronson et al., HotOS 2021; Huang et al., OSDI 2022): a 20-second GC pause on inventory-svc makes cart and pricing time out; both retry three times with no jitter, inventory traffic quadruples and stays there, so inventory never recovers although the pause is long over. Alertmanager pages on cart. The request volume from users did not change.',
    at: '2026-04-02T17:26:00Z',
    seed: 703,
    peakHourUtc: 18,
    reference: { hoursBefore: 24 },
    topology: { 'cart-api': ['inventory-svc'], 'pricing-api': ['inventory-svc'], 'inventory-svc': ['inventory-pg'] },
  });
  const onset = -17 * 60;
  s.change(-36 * 60, 'pricing-api', 'deployment', 'pricing-api 3.3.1', { version: '3.3.1', previousVersion: '3.3.0', source: 'argo-cd' });
  s.event(onset - 20, 'inventory-svc', 'unhealthy', 'readiness probe failed on 3/6 pods (timeout) for 20s');
  red(s, 'inventory-svc', 'prom', { rps: 900, errRatio: 0.001, p99: 0.06, rpsEffect: ramp(onset, 4.1, 90), latEffect: level(onset, 2.5, 60, 0.2), errEffect: level(onset + 30, 0.38, 120, 0.1) });
  s.metric({ name: 'http_client_retries_per_second', service: 'cart-api', labels: { target: 'inventory-svc' }, base: 0.3, noise: 0.5, diurnal: 0, min: 0, round: 1, effect: level(onset, 1300, 60, 0.1) });
  s.metric({ name: 'http_client_retries_per_second', service: 'pricing-api', labels: { target: 'inventory-svc' }, base: 0.2, noise: 0.5, diurnal: 0, min: 0, round: 1, effect: level(onset, 1100, 60, 0.1) });
  red(s, 'cart-api', 'prom', { rps: 500, errRatio: 0.001, p99: 0.15, latEffect: level(onset, 6.5, 60, 0.15), errEffect: level(onset + 30, 0.29, 120, 0.1) });
  red(s, 'pricing-api', 'prom', { rps: 400, errRatio: 0.001, p99: 0.1, latEffect: level(onset, 6.1, 60, 0.15), errEffect: level(onset + 30, 0.25, 120, 0.1) });
  s.metric({ name: 'process_cpu_utilization', service: 'inventory-svc', unit: 'ratio', base: 0.38, noise: 0.06, diurnal: 0.3, max: 1, effect: level(onset + 20, 0.99, 60, 0.01) });
  s.metric({ name: 'jvm_gc_pause_seconds_max', service: 'inventory-svc', unit: 's', base: 0.04, noise: 0.3, diurnal: 0, round: 3, effect: (t, v) => (t >= onset - 60 && t < onset ? 19.8 : t >= onset ? v * 3 : v) });
  chatter(s, 'cart-api', 'go', 30);
  chatter(s, 'pricing-api', 'go', 35);
  s.logs('inventory-pg', 'info', 'checkpoint complete', 300);
  s.log(onset - 30, 'inventory-svc', 'warn', '[gc] Pause Full (Allocation Failure) 3970M->1212M(4096M) 19812.443ms');
  s.logs('inventory-svc', 'warn', (r) => `request queue full (${int(r, 800, 1000)}/1000), rejecting`, 5, { from: onset + 20 });
  s.logs('cart-api', 'warn', (r) => `inventory-svc call failed (attempt ${int(r, 1, 3)}/3): context deadline exceeded, retrying in 100ms`, 3, { from: onset });
  s.logs('pricing-api', 'warn', (r) => `GET inventory-svc/v1/stock/${int(r, 1e5, 9e5)} timeout (attempt ${int(r, 1, 3)}/3), retrying`, 4, { from: onset });
  const shape = [
    { service: 'cart-api', name: 'POST /cart/items', ms: 60 },
    { service: 'inventory-svc', name: 'GET /v1/stock/:sku', parent: 0, ms: 20 },
  ];
  s.traces(shape, 12);
  s.traces([shape[0]!, shape[1]!, { ...shape[1]!, after: 1000 }, { ...shape[1]!, after: 2100 }], 20, { from: onset, faults: [{ span: 1, status: 'error', ms: 1000, propagate: false }, { span: 2, status: 'error', ms: 1000, propagate: false }, { span: 3, status: 'error', ms: 1000 }], rate: 0.6 });
  s.alert(onset + 200, 'inventory-svc', 'InventoryLatencyHigh');
  s.alert(onset + 260, 'pricing-api', 'PricingErrorRate');
  s.setSignal(
    alertmanager(s, {
      receiver: 'causeway',
      externalURL: 'https://am.shop-internal.net',
      groupBy: ['alertname', 'namespace'],
      alerts: [{ labels: { alertname: 'CartAPIHighErrorRate', namespace: 'cart', app_kubernetes_io_name: 'cart-api', severity: 'critical' }, annotations: { summary: 'cart-api error rate 29% over 5m' }, startsAt: onset + 420, generatorURL: 'https://prom.shop-internal.net/graph?g0.expr=...' }],
    }),
  );
  s.expect({ rootCause: { service: 'inventory-svc', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics', 'logs'] });
  return s;
}

/** A concert on-sale: twenty times the normal seat-hold traffic at 10:00 local. */
export function ticketOnsale(): Scenario {
  const s = new Scenario({
    name: 'ticket-onsale-seat-hold-overload',
    description:
      'Modeled on ticketing on-sale overloads (e.g. Ticketmaster\'s 2022 Eras Tour presale, where demand far exceeded planned capacity): at 10:00 local the on-sale opens, requests to seat-hold jump twentyfold, the service saturates its database connection pool and holds time out. No fault, no change; the waiting room was sized for a fifth of this. PagerDuty pages on "Ticketing Checkout".',
    at: '2026-08-14T14:09:00Z',
    seed: 704,
    peakHourUtc: 23,
    reference: { hoursBefore: 24 },
    topology: { 'event-page': ['seat-hold', 'waiting-room'], 'seat-hold': ['seats-db', 'hold-cache'] },
  });
  const onset = -9 * 60;
  s.change(-56 * 60, 'event-page', 'deployment', 'event-page 8.2.3: countdown banner', { version: '8.2.3', previousVersion: '8.2.2', source: 'spinnaker' });
  s.change(onset + 240, 'seat-hold', 'scaling', 'HPA seat-hold 20 -> 40 replicas', { source: 'kubernetes' });
  red(s, 'seat-hold', 'otel', { rps: 120, errRatio: 0.002, p99: 0.12, rpsEffect: ramp(onset, 21, 30), latEffect: ramp(onset, 40, 120), errEffect: level(onset + 60, 0.44, 60, 0.08) });
  red(s, 'waiting-room', 'otel', { rps: 300, errRatio: 0.0005, p99: 0.02, rpsEffect: ramp(onset, 30, 30) });
  red(s, 'event-page', 'otel', { rps: 800, errRatio: 0.001, p99: 0.2, rpsEffect: ramp(onset, 12, 30), latEffect: ramp(onset, 3, 120) });
  s.metric({ name: 'db.client.connections.pending_requests', service: 'seat-hold', base: 0, noise: 0, diurnal: 0, round: 0, effect: level(onset + 30, 1800, 60, 0.1) });
  s.metric({ name: 'db.client.connections.usage', service: 'seat-hold', labels: { state: 'used' }, base: 40, noise: 0.2, diurnal: 0.3, round: 0, max: 400, effect: level(onset + 20, 400, 30, 0) });
  chatter(s, 'event-page', 'node', 20);
  s.logs('seat-hold', 'info', (r) => `hold created event=EV${int(r, 1000, 1100)} seats=${int(r, 1, 4)} ttl=420s`, 20, { to: onset });
  s.logs('seat-hold', 'info', (r) => `hold created event=EV2026-0814 seats=${int(r, 1, 4)} ttl=420s`, 3, { from: onset });
  s.logs('seat-hold', 'error', (r) => `HikariPool-1 - Connection is not available, request timed out after 3000ms (total=400, active=400, idle=0, waiting=${int(r, 900, 2000)})`, 4, { from: onset + 40 });
  s.logs('waiting-room', 'warn', (r) => `queue EV2026-0814 length ${int(r, 2e5, 2e6)}, release rate 2500/min`, 20, { from: onset });
  s.logs('hold-cache', 'warn', 'evicted keys 120/s (maxmemory-policy allkeys-lru)', 200);
  const shape = [
    { service: 'event-page', name: 'POST /events/:id/hold', ms: 140 },
    { service: 'seat-hold', name: 'CreateHold', parent: 0, ms: 110 },
    { service: 'seat-hold', name: 'UPDATE seats SET hold_id', parent: 1, ms: 8, attributes: { 'db.system': 'postgresql', 'peer.service': 'seats-db' } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 20, { from: onset + 40, faults: [{ span: 1, status: 'error', ms: 3050, drop: [2], attributes: { 'exception.type': 'java.sql.SQLTransientConnectionException' } }], rate: 0.5 });
  s.setSignal(pagerduty(s, { subdomain: 'tixco', serviceName: 'Ticketing Checkout', title: 'Seat hold success rate 56% (SLO 99%)', createdAt: onset + 150, urgency: 'high', priority: 'P1', number: 51873, escalationPolicy: 'Ticketing Primary', team: 'Ticketing' }));
  s.expect({ rootCause: { service: 'seat-hold', kind: 'traffic_surge' }, action: 'scale_out', mustCite: ['metrics'] });
  return s;
}

export const cases = [flashSale, viralSignup, retryStorm, ticketOnsale];
