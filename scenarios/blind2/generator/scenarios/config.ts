import { Builder, type Built, type Effect } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { alertmanager, cloudwatchSns, datadog, grafana, pagerduty } from '../senders.js';

/** Salesforce, May 2021: a DNS configuration change pushed everywhere at once left the resolvers down. */
function dnsRollout(): Built {
  const b = new Builder({
    name: 'b2-login-availability-page',
    title: 'dns-config-rollout-breaks-resolution',
    description: 'login pages through PagerDuty (availability below 95%); other services report errors at the same time. No reference capture.',
    story:
      'A BIND configuration change for the internal resolvers is pushed to every resolver at once through the emergency path; on reload the resolvers fail to come back, and every service starts failing name lookups of its own dependencies. login pages through PagerDuty; a login release 40 minutes earlier and a gateway hotfix after the onset are on the change log. No reference capture.',
    at: '2026-05-11T21:08:00Z',
    window: ['-2h', '+0s'],
    tz: -7,
    topology: { 'api-gateway': ['login', 'core-app', 'edge-dns'], login: ['identity-db', 'edge-dns'], 'core-app': ['core-db', 'edge-dns', 'search'], search: ['edge-dns'] },
  });
  const onset = '-16m';
  b.series({ service: 'edge-dns', name: 'bind_queries_answered_per_second', unit: 'qps', base: 42000, diurnal: 0.2, noise: 0.04, effects: [{ from: onset, to: '-14m', set: 2600, jitter: 0.3 }] });
  b.series({ service: 'edge-dns', name: 'bind_servfail_ratio', unit: 'ratio', base: 0.0008, noise: 0.3, effects: [{ from: onset, to: '-14m', set: 0.61 }] });
  b.series({ service: 'edge-dns', name: 'bind_up', base: 212, noise: 0, integer: true, effects: [{ from: onset, to: '-15m', set: 9, jitter: 0.5 }] });
  red(b, 'login', { style: 'prom', rps: 650, err: 0.003, p95: 180, diurnal: 0.3, errTo: [{ from: '-15m', to: '-12m', value: 0.54 }], latTo: [{ from: '-15m', mul: 9 }] });
  red(b, 'core-app', { style: 'prom', rps: 2100, err: 0.012, p95: 640, diurnal: 0.3, errTo: [{ from: '-15m', to: '-11m', value: 0.47 }] });
  red(b, 'api-gateway', { style: 'prom', rps: 3000, err: 0.004, p95: 420, diurnal: 0.3, errTo: [{ from: '-15m', to: '-11m', value: 0.44 }] });
  red(b, 'search', { style: 'prom', rps: 800, err: 0.002, p95: 95, diurnal: 0.3, errTo: [{ from: '-14m', value: 0.3 }] });

  background(b, 'login', 'java', { info: 0.3 });
  background(b, 'core-app', 'java', { info: 0.4, warn: 0.4, error: 0.2, warnLines: ['WARN  [pool-7-thread-2] c.s.core.sharing.RecalcJob - sharing recalculation backlog 14211 rows', 'WARN  [gc] G1 evacuation pause 780ms'] });
  background(b, 'api-gateway', 'go', { info: 0.4 });
  background(b, 'search', 'rust', { info: 0.2 });
  b.logs({ service: 'edge-dns', level: 'info', perMin: 0.2, to: onset, message: (r) => `client @0x7f${r.hex(8)} 10.${r.int(0, 40)}.${r.int(0, 255)}.${r.int(1, 254)}#${r.int(1024, 65000)}: query: core-db.internal.example IN A + (10.0.0.2)` });
  b.log('-17m', 'edge-dns', 'info', 'rndc: reload requested on 212 servers (change DNS-4471, emergency path)');
  b.logs({ service: 'edge-dns', level: 'error', perMin: 3, from: onset, to: '-10m', message: (r) => r.pick(['named[1]: loading configuration: failure', 'named[1]: exiting (due to fatal error)', `named[1]: /etc/bind/named.conf.d/views.conf:${r.int(40, 90)}: 'partner-view': zone 'partners.example' already exists in view`]) });
  b.logs({ service: 'login', level: 'error', perMin: 4, from: '-15m', message: 'ERROR [http-nio-8080-exec-41] c.s.login.TokenService - java.net.UnknownHostException: identity-db.internal.example: Temporary failure in name resolution' });
  b.logs({ service: 'core-app', level: 'error', perMin: 4, from: '-15m', message: 'ERROR [http-nio-8080-exec-9] c.s.core.db.Pool - Cannot create PoolableConnectionFactory (core-db.internal.example: Name or service not known)' });
  b.logs({ service: 'api-gateway', level: 'error', perMin: 3, from: '-15m', message: (r) => `level=error msg="upstream dial failed" err="dial tcp: lookup ${r.pick(['login', 'core-app'])}.svc.internal.example on 10.0.0.2:53: read udp 10.4.7.19:${r.int(30000, 60000)}->10.0.0.2:53: i/o timeout"` });
  b.logs({ service: 'search', level: 'error', perMin: 1, from: '-14m', message: 'ERROR search::index: failed to resolve opensearch.internal.example: no record found for Query' });

  b.change('-1h25m', 'core-app', 'config', 'sharing recalculation batch size 500 → 1000', { author: 'a.reyes', source: 'consul' });
  b.change('-40m', 'login', 'deployment', 'login 244.1: passwordless email copy', { version: '244.1', previousVersion: '244.0', author: 'release-train', commit: sha(b.rng), source: 'jenkins' });
  b.change('-17m', 'edge-dns', 'config', 'BIND config v2026.05.11-2 for internal resolvers: add partner view (DNS-4471), rolled to all sites at once', { author: 'dns-automation', source: 'rollout-tool' });
  b.change('-5m', 'api-gateway', 'deployment', 'api-gateway 9.12.1: serve stale DNS answers for 10 min (hotfix)', { version: '9.12.1', previousVersion: '9.12.0', author: 'gateway-oncall', commit: sha(b.rng), source: 'jenkins' });
  b.runtime(onset, 'edge-dns', 'restart', 'named restarted on 212 resolvers', 212);
  b.runtime('-15m', 'edge-dns', 'crash_loop', 'named exits on start: configuration load failure', 203);
  b.alert('-12m', 'core-app', 'CoreAppAvailabilityLow');
  b.alert('-11m', 'api-gateway', 'GatewayUpstreamErrors');

  b.traces({
    count: 24,
    root: { svc: 'api-gateway', op: 'POST /login', ms: 6, kids: [{ svc: 'login', op: 'POST /login', ms: 40, kids: [{ svc: 'login', op: 'SELECT users', ms: 4, peer: { name: 'identity-db', system: 'db', product: 'postgresql' } }] }] },
    faults: [{ target: 'identity-db', from: '-15m', errorP: 0.6, addMs: 5000, attrs: { 'error.message': 'UnknownHostException: identity-db.internal.example' } }],
  });

  b.signal(
    pagerduty(b, {
      eventType: 'incident.triggered',
      occurredAt: '+0s',
      subdomain: 'crm-platform',
      agent: { type: 'service_reference', summary: 'login' },
      incident: { number: 88123, title: 'login: availability below 95% (SLO burn rate 14x)', service: 'login', createdAt: '+0s', urgency: 'high', priority: 'P1', escalationPolicy: 'Identity primary', teams: ['Identity'], assignee: 'Priya Raman' },
    }),
  );
  b.expect(
    { service: 'edge-dns', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    { alertService: 'login', modeledOn: 'Salesforce May 2021 DNS configuration change rollout' },
  );
  return b.build();
}

/** Monzo, July 2019: new Cassandra nodes joined the ring owning data they had never received. */
function cassandraScaleUp(): Built {
  const b = new Builder({
    name: 'b2-card-decline-rate-high',
    title: 'cassandra-scale-up-joins-empty-nodes',
    description: 'Card decline ratio alert on payments-api from Alertmanager. No reference capture.',
    story:
      'Six nodes are added to the ledger Cassandra ring with a configuration copied from a restore playbook (auto_bootstrap: false): they take ownership of token ranges without streaming the data. Reads routed to them succeed, quickly, and return nothing, so balances read as missing and card payments are declined. Cassandra shows no errors. A ledger-service release and other changes are around; a fail-closed flag is flipped after the onset. No reference capture.',
    at: '2026-07-29T14:44:00Z',
    window: ['-2h30m', '+0s'],
    tz: 1,
    topology: { 'card-processor': ['payments-api'], 'payments-api': ['ledger-service', 'fraud-service'], 'accounts-api': ['ledger-service'], 'ledger-service': ['ledger-cassandra'] },
  });
  const onset = '-38m';
  b.series({ service: 'ledger-cassandra', name: 'cassandra_ring_nodes_normal', base: 21, noise: 0, integer: true, effects: [{ from: '-39m', to: '-36m', add: 6 }] });
  b.series({ service: 'ledger-cassandra', name: 'cassandra_client_read_latency_p99_ms', unit: 'ms', base: 7.5, noise: 0.1, diurnal: 0.1 });
  b.series({ service: 'ledger-cassandra', name: 'cassandra_client_request_failures_per_second', base: 0.02, noise: 0.8 });
  b.series({ service: 'ledger-service', name: 'ledger_balance_rows_missing_per_second', base: 0.01, noise: 0.9, effects: [{ from: onset, to: '-36m', set: 41 }] });
  red(b, 'ledger-service', { style: 'prom', rps: 1900, err: 0.001, p95: 14, diurnal: 0.3 });
  b.series({ service: 'payments-api', name: 'card_authorisation_decline_ratio', unit: 'ratio', base: 0.061, noise: 0.08, diurnal: 0.1, effects: [{ from: onset, to: '-35m', set: 0.29 }] });
  red(b, 'payments-api', { style: 'prom', rps: 420, err: 0.002, p95: 160, diurnal: 0.3 });
  red(b, 'accounts-api', { style: 'prom', rps: 900, err: 0.003, p95: 60, diurnal: 0.3, errTo: [{ from: '-36m', value: 0.04 }] });
  red(b, 'fraud-service', { style: 'prom', rps: 420, err: 0.01, p95: 240, diurnal: 0.3 });

  background(b, 'ledger-service', 'go', { info: 0.4 });
  background(b, 'payments-api', 'go', { info: 0.4 });
  background(b, 'accounts-api', 'go', { info: 0.3 });
  background(b, 'fraud-service', 'python', { info: 0.3, warn: 0.3, warnLines: ['WARNING fraud.rules rule "velocity_24h" evaluated with stale counters (lag 41s)'] });
  b.logs({ service: 'ledger-cassandra', level: 'info', perMin: 0.15, message: (r) => `INFO  [CompactionExecutor:${r.int(1, 8)}] CompactionTask.java:241 - Compacted (${r.hex(8)}) ${r.int(2, 6)} sstables to [...] to level=0. ${r.int(20, 400)}MiB to ${r.int(10, 300)}MiB` });
  b.logs({ service: 'ledger-cassandra', level: 'warn', perMin: 0.1, message: (r) => `WARN  [Service Thread] GCInspector.java:283 - G1 Young Generation GC in ${r.int(200, 480)}ms.  G1 Eden Space: ${r.int(1, 3)}GiB -> 0` });
  for (let i = 0; i < 6; i += 1) {
    b.log(`-${39 - (i % 3)}m`, 'ledger-cassandra', 'warn', `WARN  [main] StorageService.java:1049 - This node (10.44.8.${30 + i}) will not auto bootstrap because it is configured to be a seed node or auto_bootstrap is false`);
    b.log(`-${38 - (i % 3)}m`, 'ledger-cassandra', 'info', `INFO  [main] StorageService.java:1535 - JOINING: Finish joining ring (10.44.8.${30 + i}, 256 tokens)`);
  }
  b.logs({ service: 'ledger-service', level: 'warn', perMin: 6, from: onset, message: (r) => `level=warn msg="balance row missing, treating as zero" account=acc_${r.hex(16)} consistency=LOCAL_QUORUM` });
  b.logs({ service: 'payments-api', level: 'error', perMin: 3, from: onset, message: (r) => `level=error msg="authorisation declined" reason=insufficient_funds account=acc_${r.hex(16)} ledger_balance=0` });

  b.change('-2h5m', 'payments-api', 'deployment', 'payments-api 2026.07.29.1: MCC mapping refresh', { version: '2026.07.29.1', previousVersion: '2026.07.28.4', author: 's.ali', commit: sha(b.rng), source: 'shipper' });
  b.change('-1h5m', 'ledger-service', 'deployment', 'ledger-service 2026.07.29.2: batch writes for card settlements', { version: '2026.07.29.2', previousVersion: '2026.07.27.1', author: 'h.obi', commit: sha(b.rng), source: 'shipper' });
  b.change('-40m', 'ledger-cassandra', 'scaling', 'ledger ring 21 → 27 nodes (capacity for settlement batch); node config from restore playbook: auto_bootstrap: false', { author: 'd.morgan', source: 'terraform' });
  b.change('-20m', 'accounts-api', 'config', 'statement cache TTL 60s → 120s', { author: 'accounts-team', source: 'config-service' });
  b.change('-8m', 'ledger-service', 'feature_flag', 'ledger.fail_closed_on_missing_balance ON (mitigation)', { author: 'incident-lead', source: 'flags' });
  b.alert('-30m', 'accounts-api', 'AccountsBalanceMismatch');

  b.traces({
    count: 24,
    root: { svc: 'payments-api', op: 'POST /authorise', ms: 25, kids: [{ svc: 'fraud-service', op: 'score', ms: 90 }, { svc: 'ledger-service', op: 'GET /balance', ms: 4, kids: [{ svc: 'ledger-service', op: 'SELECT ledger.balances', ms: 3, peer: { name: 'ledger-cassandra', system: 'db', product: 'cassandra' } }] }] },
    faults: [{ target: 'payments-api', from: onset, errorP: 0.25, attrs: { 'http.status_code': 402, 'decline.reason': 'insufficient_funds' } }],
  });

  b.signal(
    alertmanager(b, {
      receiver: 'payments-pager',
      groupBy: ['alertname', 'service'],
      externalURL: 'http://alertmanager.monitoring.svc:9093',
      generatorURL: 'http://prometheus.monitoring.svc:9090',
      alerts: [
        {
          labels: { alertname: 'CardDeclineRateHigh', service: 'payments-api', severity: 'critical', team: 'payments' },
          annotations: { summary: 'Card decline ratio 29% (normal 6%)', description: 'Insufficient-funds declines rose sharply across all card schemes.', runbook: 'https://runbooks.bank.example/payments/decline-rate' },
          startsAt: '-33m',
        },
      ],
    }),
  );
  b.expect(
    { service: 'ledger-cassandra', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    { alertService: 'payments-api', modeledOn: 'Monzo July 2019 Cassandra scale-up misconfiguration' },
  );
  return b.build();
}

/** A pool size typo in a task definition starves the service of database connections. */
function poolSize(): Built {
  const b = new Builder({
    name: 'b2-billing-api-latency-alarm',
    title: 'pool-size-config-starves-service',
    description: 'ALB latency alarm on the billing-api target group, delivered through SNS. CloudWatch metrics and logs, no traces.',
    story:
      'A new ECS task definition for billing-api changes only an environment variable: DB_POOL_MAX 40 → 4 (a typo). Requests wait for a connection and time out; the ALB latency alarm on the billing-api target group fires through SNS. The database looks healthier than ever: fewer connections, less CPU. CloudWatch 5-minute metrics with gaps, application logs, no traces.',
    at: '2026-02-03T15:26:10Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { 'billing-alb': ['billing-api'], 'billing-api': ['billing-db', 'tax-service'], 'invoicing-worker': ['billing-db'] },
  });
  const onset = '-18m';
  const tg = { LoadBalancer: 'app/billing-prod/8d1f0c2b9e4a7f31', TargetGroup: 'targetgroup/billing-api/3c5e9a0d1b2f4e67' };
  cw(b, 'billing-api', 'AWS/ApplicationELB', 'TargetResponseTime', tg, 'p95', { base: 0.21, unit: 's', diurnal: 0.15, effects: [{ from: onset, to: '-10m', set: 29 }] });
  cw(b, 'billing-api', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', tg, 'Sum', { base: 4, noise: 0.5, integer: true, effects: [{ from: onset, to: '-10m', set: 2100 }] });
  cw(b, 'billing-api', 'AWS/ApplicationELB', 'RequestCount', tg, 'Sum', { base: 36000, diurnal: 0.4, integer: true });
  cw(b, 'billing-api', 'AWS/ECS', 'CPUUtilization', { ClusterName: 'billing-prod', ServiceName: 'billing-api' }, 'Average', { base: 41, unit: 'percent', diurnal: 0.3, effects: [{ from: onset, set: 12 }] });
  cw(b, 'billing-db', 'AWS/RDS', 'DatabaseConnections', { DBInstanceIdentifier: 'billing-db' }, 'Average', { base: 310, integer: true, noise: 0.05, effects: [{ from: onset, set: 66 }] });
  cw(b, 'billing-db', 'AWS/RDS', 'CPUUtilization', { DBInstanceIdentifier: 'billing-db' }, 'Average', { base: 34, unit: 'percent', diurnal: 0.3, effects: [{ from: onset, set: 11 }] });
  cw(b, 'tax-service', 'AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'app/tax-prod/1a2b3c4d5e6f7081', TargetGroup: 'targetgroup/tax-service/9f8e7d6c5b4a3921' }, 'p95', { base: 0.9, unit: 's', noise: 0.15 });

  background(b, 'billing-api', 'java', { info: 0.4 });
  background(b, 'tax-service', 'dotnet', { info: 0.2, warn: 0.3, warnLines: ['warn: Tax.Providers.Avalara[0] rate lookup slow: 1890ms for jurisdiction 0614'] });
  background(b, 'invoicing-worker', 'python', { info: 0.2 });
  b.logs({ service: 'billing-api', level: 'error', perMin: 6, from: '-17m', message: (r) => `ERROR [http-nio-8080-exec-${r.int(1, 200)}] o.h.engine.jdbc.spi.SqlExceptionHelper - HikariPool-1 - Connection is not available, request timed out after 30000ms (total=4, active=4, idle=0, waiting=${r.int(60, 190)})` });
  b.logs({ service: 'billing-api', level: 'warn', perMin: 1, from: '-17m', message: 'WARN  [HikariPool-1 housekeeper] c.z.h.p.HikariPool - HikariPool-1 - Pool stats (total=4, active=4, idle=0, waiting=174)' });
  b.log('-18m30s', 'billing-api', 'info', 'INFO  [main] c.z.h.HikariDataSource - HikariPool-1 - Starting... maximumPoolSize=4, minimumIdle=4');

  b.change('-2h20m', 'billing-api', 'deployment', 'billing-api 7.4.1: proration rounding fix', { version: '7.4.1', previousVersion: '7.4.0', author: 'f.haddad', commit: sha(b.rng), source: 'codepipeline' });
  b.change('-2h', 'invoicing-worker', 'config', 'invoice batch window 02:00 → 01:30 UTC', { author: 'billing-ops', source: 'ssm-parameter-store' });
  b.change('-50m', 'tax-service', 'deployment', 'tax-service 3.0.8: new EU VAT rates', { version: '3.0.8', previousVersion: '3.0.7', author: 'tax-ci', commit: sha(b.rng), source: 'codepipeline' });
  b.change('-19m', 'billing-api', 'config', 'task definition billing-api:213 (was :212): DB_POOL_MAX 40 → 4', { author: 'j.park', source: 'ecs' });
  b.runtime('-18m', 'billing-api', 'restart', 'ECS deployment replaced 12 tasks with billing-api:213', 12);

  b.signal(
    cloudwatchSns(b, {
      topic: 'billing-alarms',
      alarmName: 'billing-api-p95-latency-high',
      description: 'billing-api p95 response time above 2s at the ALB',
      account: '660219847731',
      region: 'us-east-1',
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: tg,
      stat: 'p95',
      period: 300,
      threshold: 2,
      comparison: 'GreaterThanThreshold',
      datapoints: [29.4, 28.7],
      stateAt: '+0s',
      previousStateAt: '-310h',
      unit: 'Seconds',
    }),
  );
  b.expect(
    { service: 'billing-api', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    { alertService: 'billing-api', modeledOn: 'connection pool exhaustion after a pool size configuration change' },
  );
  return b.build();
}

/** A ConfigMap change lowers a client timeout below the callee's normal tail latency. */
function configMapTimeout(): Built {
  const b = new Builder({
    name: 'b2-checkout-error-budget-burn',
    title: 'configmap-timeout-below-callee-latency',
    description: 'checkout error budget burn alert from Grafana.',
    story:
      'A ConfigMap change sets checkout\'s inventory client timeout from 2s to 250ms. inventory is always slow at the tail (p95 around 320ms, in the reference week too), so a third of checkout requests fail with deadline exceeded while inventory itself reports nothing but clients cancelling. inventory shipped a release an hour earlier, a tempting suspect.',
    at: '2026-09-14T18:20:00Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: 2,
    topology: { web: ['checkout', 'cart'], checkout: ['inventory', 'payments', 'cart'], inventory: ['inventory-db'] },
  });
  const onset = '-25m';
  red(b, 'checkout', { style: 'prom', rps: 210, err: 0.004, p95: 420, diurnal: 0.4, errTo: [{ from: onset, value: 0.33 }], latTo: [{ from: onset, mul: 0.7 }] });
  red(b, 'inventory', { style: 'prom', rps: 950, err: 0.002, p95: 320, diurnal: 0.4 });
  red(b, 'payments', { style: 'prom', rps: 160, err: 0.006, p95: 650, diurnal: 0.4, rateTo: [{ from: onset, mul: 0.68 }] });
  red(b, 'cart', { style: 'prom', rps: 700, err: 0.001, p95: 30, diurnal: 0.4 });
  red(b, 'web', { style: 'prom', rps: 1800, err: 0.003, p95: 380, diurnal: 0.4, errTo: [{ from: onset, value: 0.04 }] });
  b.series({ service: 'checkout', name: 'grpc_client_handled_total_rate', labels: { grpc_service: 'inventory.v1.Stock', grpc_code: 'DeadlineExceeded' }, unit: 'req/s', base: 0.02, noise: 0.8, effects: [{ from: onset, set: 68 }] });
  b.series({ service: 'inventory', name: 'grpc_server_handled_total_rate', labels: { grpc_code: 'Canceled' }, unit: 'req/s', base: 0.05, noise: 0.8, effects: [{ from: onset, set: 66 }] });

  background(b, 'checkout', 'go', { info: 0.3 });
  background(b, 'inventory', 'go', { info: 0.3, warn: 0.3, warnLines: ['level=warn msg="slow query" query=reserve_stock duration=612ms', 'level=warn msg="slow query" query=stock_levels duration=540ms'] });
  background(b, 'payments', 'java', { info: 0.2 });
  background(b, 'cart', 'node', { info: 0.2 });
  background(b, 'web', 'node', { info: 0.3 });
  b.logs({ service: 'checkout', level: 'error', perMin: 5, from: onset, message: (r) => `level=error msg="reserve stock failed" order=${r.hex(10)} err="rpc error: code = DeadlineExceeded desc = context deadline exceeded" timeout=250ms` });
  b.logs({ service: 'inventory', level: 'warn', perMin: 4, from: onset, message: 'level=warn msg="request canceled by client" method=/inventory.v1.Stock/Reserve' });

  b.change('-1h40m', 'payments', 'config', '3DS challenge threshold EUR 30 → 50', { author: 'risk-ops', source: 'config-server' });
  b.change('-55m', 'inventory', 'deployment', 'inventory 3.3.0: reserve_stock uses SKIP LOCKED', { version: '3.3.0', previousVersion: '3.2.9', author: 'n.berg', commit: sha(b.rng), source: 'argocd' });
  b.change('-26m', 'checkout', 'config', 'ConfigMap checkout-config: INVENTORY_CLIENT_TIMEOUT 2s → 250ms ("align client timeouts with the SLO")', { author: 'c.dubois', source: 'kubectl' });
  b.runtime('-25m', 'checkout', 'restart', 'rollout restart deployment/checkout (pick up ConfigMap)', 8);
  b.runtime('-1h', 'cart', 'restart', 'cart-5f7d9c8b6-q9wzt restarted (node autoscaler scale-down)');

  b.traces({
    count: 30,
    root: { svc: 'web', op: 'POST /checkout', ms: 20, kids: [{ svc: 'checkout', op: 'PlaceOrder', ms: 15, kids: [{ svc: 'cart', op: 'GetCart', ms: 8 }, { svc: 'inventory', op: '/inventory.v1.Stock/Reserve', ms: 190, sd: 0.6, kids: [{ svc: 'inventory', op: 'UPDATE stock', ms: 120, sd: 0.7, peer: { name: 'inventory-db', system: 'db' } }] }, { svc: 'payments', op: 'Authorize', ms: 300 }] }] },
    faults: [{ target: 'inventory', from: onset, errorP: 0.35, attrs: { 'rpc.grpc.status_code': 1, 'error.message': 'context canceled' } }],
  });

  b.signal(
    grafana(b, {
      receiver: 'oncall-causeway',
      baseUrl: 'https://grafana.eu.shop.example',
      folder: 'Checkout SLOs',
      groupBy: ['alertname'],
      alerts: [
        {
          labels: { alertname: 'CheckoutErrorBudgetBurn', app_kubernetes_io_name: 'checkout', namespace: 'shop', severity: 'critical', slo: 'checkout-availability' },
          annotations: { summary: 'checkout burning error budget 30x', description: 'checkout 5xx ratio 0.33 over 5m and 0.21 over 1h', __dashboardUid__: 'slo-checkout', __panelId__: '2' },
          startsAt: '-6m',
          values: { B: 0.331, C: 1 },
        },
      ],
    }),
  );
  b.expect(
    { service: 'checkout', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'traces'] },
    { alertService: 'checkout', modeledOn: 'a Kubernetes ConfigMap change lowering a timeout' },
  );
  return b.build();
}

/** A CDN configuration change turns off the origin shield: every edge location goes to the origin. */
function originShield(): Built {
  const b = new Builder({
    name: 'b2-media-origin-5xx',
    title: 'cdn-origin-shield-disabled-overloads-origin',
    description: 'The media-origin 5xx monitor triggers in Datadog.',
    story:
      'A CDN configuration version disables the origin shield for the media hostname while the shield moves region. Every edge location now fetches from the origin: origin requests grow eightfold, the media origin and the image resizer behind it saturate and return 5xx. The origin fleet is scaled out after the onset; the resizer had a release an hour before.',
    at: '2026-11-27T15:05:00Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { cdn: ['media-origin'], 'media-origin': ['image-resizer', 'media-s3'], 'image-resizer': ['media-s3'] },
  });
  const onset = '-23m';
  b.series({ service: 'cdn', name: 'cdn.cache_hit_ratio', unit: 'ratio', base: 0.962, noise: 0.004, max: 1, effects: [{ from: onset, to: '-20m', set: 0.61 }] });
  b.series({ service: 'cdn', name: 'cdn.origin.requests', unit: 'req/s', base: 310, diurnal: 0.4, noise: 0.06, effects: [{ from: onset, to: '-20m', mul: 8.2 }] });
  b.series({ service: 'cdn', name: 'cdn.edge.requests', unit: 'req/s', base: 8200, diurnal: 0.4, noise: 0.04 });
  red(b, 'media-origin', { style: 'dd', rps: 310, err: 0.001, p95: 80, diurnal: 0.4, rateTo: [{ from: onset, to: '-20m', mul: 8 }], errTo: [{ from: '-20m', to: '-15m', value: 0.14 }], latTo: [{ from: '-21m', mul: 22 }] });
  red(b, 'image-resizer', { style: 'dd', rps: 60, err: 0.002, p95: 240, diurnal: 0.4, rateTo: [{ from: onset, to: '-20m', mul: 7 }], latTo: [{ from: '-21m', mul: 6 }], errTo: [{ from: '-18m', value: 0.06 }] });
  b.series({ service: 'media-origin', name: 'system.cpu.user', unit: 'percent', base: 28, diurnal: 0.3, max: 100, effects: [{ from: onset, to: '-20m', set: 96 }] });

  background(b, 'media-origin', 'go', { info: 0.3 });
  background(b, 'image-resizer', 'rust', { info: 0.3, warn: 0.2, warnLines: ['WARN resizer::decode: progressive JPEG with 14 scans, decoding slowly'] });
  b.logs({ service: 'cdn', level: 'info', perMin: 0.1, message: 'config poller: edge config version unchanged' , to: '-25m', ref: true });
  b.logs({ service: 'media-origin', level: 'error', perMin: 5, from: '-20m', message: (r) => r.pick(['level=error msg="upstream resize timed out" path=/img/w_800/ took=10.0s', 'level=error msg="accept queue full, dropping connection" backlog=4096']) });
  b.logs({ service: 'image-resizer', level: 'warn', perMin: 3, from: '-20m', message: 'WARN resizer::pool: worker pool saturated queued=812' });

  b.change('-1h', 'image-resizer', 'deployment', 'image-resizer 1.9.0: libvips 8.16', { version: '1.9.0', previousVersion: '1.8.4', author: 'g.okafor', commit: sha(b.rng), source: 'github-actions' });
  b.change('-24m', 'cdn', 'config', 'CDN config v318 for media.example.com: origin shield disabled (shield POP moving IAD → FRA)', { author: 'edge-infra', source: 'cdn-api' });
  b.change('-12m', 'media-origin', 'scaling', 'media-origin desired capacity 12 → 30 (oncall)', { author: 'oncall-media', source: 'autoscaling' });
  b.runtime('-2h', 'media-origin', 'restart', 'media-origin-ip-10-2-14-7 replaced (instance refresh)');

  b.traces({
    count: 24,
    root: { svc: 'media-origin', op: 'GET /img/{transform}/{id}', ms: 12, kids: [{ svc: 'image-resizer', op: 'resize', ms: 150, kids: [{ svc: 'image-resizer', op: 'GetObject', ms: 30, peer: { name: 'media-s3', system: 'aws', product: 'S3', host: 'media-prod.s3.amazonaws.com' } }] }] },
    faults: [{ target: 'image-resizer', from: '-21m', mulMs: 6, errorP: 0.06 }, { target: 'media-origin', from: '-20m', errorP: 0.12, addMs: 2000, attrs: { 'http.status_code': 503 } }],
  });

  b.signal(
    datadog(b, {
      monitorId: 61234011,
      monitorName: 'media-origin 5xx ratio above 5%',
      scope: ['service:media-origin', 'env:prod'],
      tags: ['env:prod', 'service:media-origin', 'team:media'],
      message: 'media-origin is returning 5xx to the CDN. @webhook-causeway @pagerduty-media',
      transition: 'Triggered',
      priority: 'P2',
      metric: 'trace.http.request.errors',
      triggeredAt: '+0s',
      orgId: 77120,
    }),
  );
  b.expect(
    { service: 'cdn', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    { alertService: 'media-origin', modeledOn: 'a CDN origin shield configuration change' },
  );
  return b.build();
}

/** A queue module upgrade drops the visibility timeout below the processing time: messages are processed twice or more. */
function sqsVisibility(): Built {
  const nightly = (mul: number): Effect => ({ from: '-1h50m', to: '-1h40m', until: '+0s', mul, always: true });
  const b = new Builder({
    name: 'b2-invoice-jobs-oldest-message-age',
    title: 'sqs-visibility-timeout-below-processing-time',
    description: 'Oldest-message-age alarm on the invoice-jobs queue through SNS during the nightly invoicing batch. Metrics and logs, no traces.',
    story:
      'A Terraform module upgrade changes the invoice-jobs queue visibility timeout from 900s to the module default of 60s. Rendering an invoice takes about 95s, so during the nightly batch every message becomes visible again before it is deleted: the workers take each job two or three times, customers get duplicate invoices, and the oldest message keeps aging. The batch runs every night (the reference has it, with the old timeout); the worker release and the renderer scale-out are not the cause. Metrics and logs, no traces.',
    at: '2026-10-02T06:40:00Z',
    window: ['-6h', '+0s'],
    reference: '-24h',
    tz: 2,
    topology: { 'billing-scheduler': ['invoice-jobs'], 'invoice-worker': ['invoice-jobs', 'pdf-renderer', 'invoices-db', 'email-gateway'] },
  });
  const q = { QueueName: 'invoice-jobs' };
  cw(b, 'invoice-jobs', 'AWS/SQS', 'NumberOfMessagesSent', q, 'Sum', { base: 40, integer: true, noise: 0.3, effects: [nightly(110)] });
  cw(b, 'invoice-jobs', 'AWS/SQS', 'NumberOfMessagesReceived', q, 'Sum', { base: 40, integer: true, noise: 0.3, effects: [nightly(110), { from: '-1h45m', to: '-1h', mul: 2.7 }] });
  cw(b, 'invoice-jobs', 'AWS/SQS', 'NumberOfMessagesDeleted', q, 'Sum', { base: 40, integer: true, noise: 0.3, effects: [nightly(30)] });
  cw(b, 'invoice-jobs', 'AWS/SQS', 'ApproximateAgeOfOldestMessage', q, 'Maximum', { base: 20, unit: 's', noise: 0.4, effects: [{ from: '-1h45m', to: '-1h30m', until: '+0s', add: 400, always: true }, { from: '-1h30m', to: '+0s', add: 6500 }] });
  cw(b, 'invoice-jobs', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', q, 'Maximum', { base: 3, integer: true, noise: 0.5, effects: [{ from: '-1h50m', to: '-1h40m', until: '+0s', add: 2500, always: true }, { from: '-1h30m', to: '+0s', add: 9000 }] });
  cw(b, 'pdf-renderer', 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'pdf-renderer-prod' }, 'Average', { base: 9, unit: 'percent', effects: [{ from: '-1h50m', until: '+0s', set: 64, always: true }, { from: '-1h35m', set: 97 }] });
  cw(b, 'invoices-db', 'AWS/RDS', 'WriteIOPS', { DBInstanceIdentifier: 'invoices-db' }, 'Average', { base: 180, effects: [nightly(4), { from: '-1h40m', mul: 2.2 }] });

  background(b, 'invoice-worker', 'python', { info: 0.2, warn: 0.05 });
  background(b, 'billing-scheduler', 'python', { info: 0.05, error: 0 });
  b.logs({ service: 'invoice-worker', level: 'info', perMin: 1.5, from: '-1h50m', ref: true, message: (r) => `INFO worker.render invoice inv_${r.hex(10)} rendered in ${r.int(70, 130)}.${r.int(0, 9)}s` });
  b.logs({ service: 'invoice-worker', level: 'warn', perMin: 2, from: '-1h44m', message: (r) => `WARNING worker.jobs receipt handle expired on delete for inv_${r.hex(10)} (ApproximateReceiveCount=${r.int(2, 4)}): message already visible again` });
  b.logs({ service: 'email-gateway', level: 'warn', perMin: 1.5, from: '-1h40m', message: (r) => `WARN duplicate send suppressed? no: idempotency key invoice/${r.hex(10)} seen ${r.int(2, 3)} times in 15m, sending anyway (policy=at-least-once)` });
  b.log('-1h50m', 'billing-scheduler', 'info', 'INFO scheduler nightly invoicing: enqueued 41872 jobs to invoice-jobs');

  b.change('-4h10m', 'invoice-jobs', 'config', 'terraform apply: module sqs-queue v2 → v3; aws_sqs_queue.invoice_jobs visibility_timeout_seconds 900 → 60', { author: 'platform-ci', source: 'terraform' });
  b.change('-3h', 'invoice-worker', 'deployment', 'invoice-worker 2.14.0: Norwegian locale', { version: '2.14.0', previousVersion: '2.13.2', author: 'e.lund', commit: sha(b.rng), source: 'codedeploy' });
  b.change('-55m', 'pdf-renderer', 'scaling', 'pdf-renderer ASG desired 4 → 10 (oncall)', { author: 'oncall-billing', source: 'autoscaling' });
  b.alert('-40m', 'email-gateway', 'DuplicateInvoiceEmails');

  b.signal(
    cloudwatchSns(b, {
      topic: 'billing-oncall',
      alarmName: 'invoice-jobs-oldest-message-age',
      description: 'Oldest invoice job older than 90 minutes',
      account: '660219847731',
      region: 'eu-central-1',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: q,
      stat: 'Maximum',
      period: 300,
      threshold: 5400,
      comparison: 'GreaterThanThreshold',
      datapoints: [6120, 5830, 5510],
      stateAt: '+0s',
      previousStateAt: '-72h',
      unit: 'Seconds',
    }),
  );
  b.expect(
    { service: 'invoice-jobs', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    { alertService: 'invoice-jobs', modeledOn: 'SQS visibility timeout shorter than processing time causing duplicate work' },
  );
  return b.build();
}

/** Azure AD, March 2021: a signing key still in use was removed from the published key set during rotation. */
function signingKey(): Built {
  const b = new Builder({
    name: 'b2-gateway-401-ratio',
    title: 'signing-key-removed-during-rotation',
    description: 'api-gateway 401 ratio incident in PagerDuty.',
    story:
      'The key rotation automation of identity-svc marks an old signing key as unused and removes it from the published JWKS, but tokens signed with it are still served from the token cache. Every relying service starts rejecting those tokens: 401s at the gateway, mobile logouts. identity-svc itself answers every request quickly and without error.',
    at: '2026-03-15T19:12:00Z',
    window: ['-2h', '+0s'],
    reference: '-24h',
    tz: 0,
    topology: { 'mobile-bff': ['api-gateway'], 'admin-portal': ['api-gateway', 'identity-svc'], 'api-gateway': ['identity-svc', 'orders-api', 'profile-api'] },
  });
  const onset = '-12m';
  red(b, 'api-gateway', { style: 'otel', rps: 4200, err: 0.004, p95: 70, diurnal: 0.35 });
  b.series({ service: 'api-gateway', name: 'auth.token.rejected.ratio', unit: 'ratio', base: 0.009, noise: 0.2, effects: [{ from: onset, to: '-9m', set: 0.43 }] });
  red(b, 'identity-svc', { style: 'otel', rps: 650, err: 0.001, p95: 18, diurnal: 0.35, rateTo: [{ from: onset, mul: 2.4 }] });
  red(b, 'mobile-bff', { style: 'otel', rps: 2600, err: 0.003, p95: 140, diurnal: 0.35, errTo: [{ from: onset, value: 0.31 }] });
  red(b, 'orders-api', { style: 'otel', rps: 700, err: 0.002, p95: 95, diurnal: 0.35, rateTo: [{ from: onset, mul: 0.6 }] });
  red(b, 'profile-api', { style: 'otel', rps: 500, err: 0.003, p95: 60, diurnal: 0.35, rateTo: [{ from: onset, mul: 0.6 }] });

  background(b, 'api-gateway', 'go', { info: 0.4 });
  background(b, 'identity-svc', 'dotnet', { info: 0.3 });
  background(b, 'mobile-bff', 'node', { info: 0.3 });
  background(b, 'orders-api', 'java', { info: 0.2 });
  background(b, 'profile-api', 'python', { info: 0.2, warn: 0.2, warnLines: ['WARNING profile.avatar CDN purge queued 412 keys, backlog growing'] });
  b.log('-13m', 'identity-svc', 'info', 'info: Identity.KeyRotation[0] Rotation run 2026-03-15T19:00Z: published kid 2026-q1-b; removed kid 2025-q4-a (no issuance in 30d)');
  b.logs({ service: 'api-gateway', level: 'warn', perMin: 6, from: onset, message: (r) => `level=warn msg="token rejected" reason="no key for kid 2025-q4-a in JWKS" sub=${r.hex(12)} route=${r.pick(['/v1/orders', '/v1/profile', '/v1/feed'])}` });
  b.logs({ service: 'api-gateway', level: 'info', perMin: 1, from: onset, message: 'level=info msg="JWKS refreshed after unknown kid" keys=2 source=https://identity.example/.well-known/jwks.json' });
  b.logs({ service: 'admin-portal', level: 'error', perMin: 1, from: onset, message: "IDX10503: Signature validation failed. Token does not have a kid in the key set: '2025-q4-a'." });
  b.logs({ service: 'mobile-bff', level: 'error', perMin: 3, from: onset, message: 'error: upstream 401 from api-gateway: invalid_token, forcing re-login' });

  b.change('-2h10m', 'identity-svc', 'deployment', 'identity-svc 2026.03.15.1: consent screen translations', { version: '2026.03.15.1', previousVersion: '2026.03.12.2', author: 'idp-ci', commit: sha(b.rng), source: 'azure-devops' });
  b.change('-35m', 'api-gateway', 'deployment', 'api-gateway 5.2.0: per-route rate limit headers', { version: '5.2.0', previousVersion: '5.1.9', author: 'o.ng', commit: sha(b.rng), source: 'argocd' });
  b.change('-13m', 'identity-svc', 'config', 'signing key set: kid 2025-q4-a removed from JWKS by rotation automation', { author: 'key-rotation-job', source: 'key-vault' });
  b.runtime('-20m', 'profile-api', 'restart', 'profile-api-5c9b8d7f4-w7xkz restarted (liveness probe after GC pause)');

  b.traces({
    count: 26,
    root: { svc: 'mobile-bff', op: 'GET /home', ms: 30, kids: [{ svc: 'api-gateway', op: 'GET /v1/feed', ms: 5, kids: [{ svc: 'orders-api', op: 'GET /v1/orders/recent', ms: 60 }, { svc: 'profile-api', op: 'GET /v1/profile', ms: 40 }] }] },
    faults: [{ target: 'api-gateway', from: onset, errorP: 0.4, attrs: { 'http.status_code': 401, 'error.message': 'invalid_token: kid 2025-q4-a not found' } }],
  });

  b.signal(
    pagerduty(b, {
      eventType: 'incident.triggered',
      occurredAt: '+0s',
      subdomain: 'northwind',
      agent: { type: 'service_reference', summary: 'api-gateway' },
      incident: { number: 40211, title: 'api-gateway: 401 ratio above 20%', service: 'api-gateway', createdAt: '+0s', urgency: 'high', escalationPolicy: 'Platform Edge', teams: ['Platform'], assignee: 'Tomás Silva' },
    }),
  );
  b.expect(
    { service: 'identity-svc', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    { alertService: 'api-gateway', modeledOn: 'Azure AD March 2021: signing key removed during rotation' },
  );
  return b.build();
}

/** Cloudflare, November 2025: a generated bot-management feature file doubled in size and the proxies panicked loading it. */
function featureFile(): Built {
  const pushes: Effect[] = [];
  const b = new Builder({
    name: 'b2-edge-proxy-global-5xx',
    title: 'generated-feature-file-doubles-proxies-panic',
    description: 'Global 5xx alert on the edge proxy after twenty minutes of flapping errors.',
    story:
      'The bot-management feature file, regenerated and pushed to the edge proxies every five minutes, suddenly holds twice as many features as the proxy preallocates for. Proxies that load it panic and restart; because the generator alternates between good and bad files at first, errors flap for twenty minutes before staying high. Dependent products (access gateway) fail with it.',
    at: '2026-11-18T11:31:00Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: 0,
    topology: { 'edge-proxy': ['origin-fetch', 'bot-scoring', 'workers-runtime'], 'access-gateway': ['edge-proxy'], 'bot-scoring': ['feature-store'] },
  });
  const onset = -52 * 60;
  for (let t = onset; t < -30 * 60; t += 600) pushes.push({ from: t, until: t + 300, set: 0.31 });
  pushes.push({ from: -30 * 60, set: 0.34, jitter: 0.1 });
  b.series({ service: 'edge-proxy', name: 'edge_http_responses_5xx_ratio', unit: 'ratio', base: 0.0015, noise: 0.3, effects: pushes });
  b.series({ service: 'edge-proxy', name: 'edge_proxy_restarts_per_minute', base: 0.05, noise: 1, effects: pushes.map((e) => ({ ...e, set: 140 })) });
  b.series({ service: 'edge-proxy', name: 'edge_requests_per_second', unit: 'req/s', base: 5.1e6, diurnal: 0.2, noise: 0.02 });
  b.series({ service: 'access-gateway', name: 'access_auth_failures_ratio', unit: 'ratio', base: 0.003, noise: 0.3, effects: pushes.map((e) => ({ ...e, set: 0.22 })) });
  b.series({ service: 'bot-scoring', name: 'bot_features_file_feature_count', base: 60, noise: 0, integer: true, effects: pushes.map((e) => ({ ...e, set: 121 })) });
  b.series({ service: 'origin-fetch', name: 'origin_fetch_latency_p95_ms', unit: 'ms', base: 210, diurnal: 0.2 });
  b.series({ service: 'workers-runtime', name: 'workers_cpu_time_p99_ms', unit: 'ms', base: 48, noise: 0.15 });

  background(b, 'edge-proxy', 'rust', { info: 0.3 });
  background(b, 'access-gateway', 'go', { info: 0.2 });
  background(b, 'origin-fetch', 'rust', { info: 0.2, warn: 0.3, warnLines: ['WARN origin_fetch: origin 203.0.113.0/24 TLS handshake slow (1.9s)'] });
  for (let t = -120 * 60 + 120; t < 0; t += 300) {
    const bad = t >= onset && (t >= -30 * 60 || Math.floor((t - onset) / 300) % 2 === 0);
    b.change(t, 'edge-proxy', 'config', `bot-management feature file v${20261118 * 1000 + Math.round((t + 7200) / 300)} pushed to all POPs (${bad ? 121 : 60} features, ${bad ? '2.1' : '1.0'} MB)`, { author: 'feature-file-publisher', source: 'quicksilver' });
    if (bad) b.log(t + 20, 'edge-proxy', 'error', `thread 'fl2_worker' panicked at bots/features.rs:412: called \`Result::unwrap()\` on an \`Err\` value: TooManyFeatures { count: 121, limit: 100 }`);
  }
  b.logs({ service: 'access-gateway', level: 'error', perMin: 2, from: onset, message: 'level=error msg="edge proxy returned 5xx for identity check" status=500' });
  b.runtime('-50m', 'edge-proxy', 'crash_loop', "fl2 proxy panicking on feature file load across POPs ('TooManyFeatures')", 330);
  b.runtime('-28m', 'edge-proxy', 'crash_loop', 'fl2 proxy panicking on every feature file load since 11:01', 330);
  b.change('-1h40m', 'workers-runtime', 'deployment', 'workers-runtime 2026.11.18: V8 13.2', { version: '2026.11.18', previousVersion: '2026.11.11', author: 'workers-release', commit: sha(b.rng), source: 'saltstack' });
  b.alert('-45m', 'access-gateway', 'AccessLoginFailures');

  b.signal(
    alertmanager(b, {
      receiver: 'edge-critical',
      groupBy: ['alertname', 'job'],
      externalURL: 'https://alertmanager.core.example.net',
      generatorURL: 'https://thanos.core.example.net',
      alerts: [
        {
          labels: { alertname: 'EdgeProxy5xxHigh', job: 'edge-proxy', severity: 'page', scope: 'global' },
          annotations: { summary: 'Global 5xx ratio 31% on the edge proxy', description: 'Elevated 5xx served by fl2 across all POPs.' },
          startsAt: '-27m',
        },
      ],
    }),
  );
  b.expect(
    { service: 'edge-proxy', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    { alertService: 'edge-proxy', modeledOn: 'Cloudflare November 2025: bot-management feature file doubled, proxies panicked' },
  );
  return b.build();
}

export const configScenarios = [dnsRollout, cassandraScaleUp, poolSize, configMapTimeout, originShield, sqsVisibility, signingKey, featureFile];
