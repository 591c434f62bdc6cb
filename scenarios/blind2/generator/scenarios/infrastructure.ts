import { Builder, type Built } from '../builder.js';
import { background, red, sha } from '../kit.js';
import { alertmanager, grafana, opsgenie, pagerduty } from '../senders.js';

/** Microsoft Teams, February 2020: the server certificate of an internal authentication service expired. */
function certExpired(): Built {
  const b = new Builder({
    name: 'b2-chat-send-failures',
    title: 'internal-service-tls-certificate-expired',
    description: 'chat-api send failures incident in PagerDuty.',
    story:
      'The server certificate of auth-token-svc expires at 14:01 UTC. Its callers fail the TLS handshake with "certificate has expired" and chat, presence and calendar sync stop working. auth-token-svc itself looks idle: its request rate falls and it logs no errors, only its sidecar counts handshake failures. chat-api pages through PagerDuty; a chat-api release 22 minutes earlier is on the change log.',
    at: '2026-02-03T14:09:00Z',
    window: ['-2h', '+0s'],
    reference: '-168h',
    tz: -5,
    topology: { 'chat-api': ['auth-token-svc', 'messages-db'], presence: ['auth-token-svc'], 'calendar-sync': ['auth-token-svc', 'graph-api'] },
  });
  const expiry = '-8m';
  b.series({ service: 'auth-token-svc', name: 'ssl_certificate_expiry_seconds', labels: { cn: 'auth-token-svc.internal.example' }, unit: 's', base: 480, noise: 0, min: 0, driftPerHour: -3600, step: 60 });
  b.series({ service: 'auth-token-svc', name: 'envoy_listener_ssl_connection_error_rate', unit: 'per second', base: 0.01, noise: 0.8, effects: [{ from: expiry, set: 930 }] });
  red(b, 'auth-token-svc', { style: 'prom', rps: 1800, err: 0.0005, p95: 8, diurnal: 0.35, rateTo: [{ from: expiry, mul: 0.01 }] });
  red(b, 'chat-api', { style: 'prom', rps: 1500, err: 0.002, p95: 90, diurnal: 0.35, errTo: [{ from: expiry, value: 0.71 }] });
  red(b, 'presence', { style: 'prom', rps: 2600, err: 0.001, p95: 20, diurnal: 0.35, errTo: [{ from: expiry, value: 0.66 }] });
  red(b, 'calendar-sync', { style: 'prom', rps: 120, err: 0.02, p95: 2100, diurnal: 0.35, errTo: [{ from: expiry, value: 0.5 }] });

  background(b, 'auth-token-svc', 'dotnet', { info: 0.3, error: 0 });
  background(b, 'chat-api', 'node', { info: 0.3 });
  background(b, 'presence', 'go', { info: 0.3 });
  background(b, 'calendar-sync', 'java', { info: 0.2, warn: 0.3, error: 0.2, warnLines: ['WARN  [sync-4] c.s.cal.GraphClient - Graph API throttled (429), backing off 30s'] });
  b.logs({ service: 'chat-api', level: 'error', perMin: 5, from: expiry, message: 'error: token exchange failed: certificate has expired (CERT_HAS_EXPIRED) host=auth-token-svc.internal.example:443' });
  b.logs({ service: 'presence', level: 'error', perMin: 4, from: expiry, message: 'level=error msg="auth call failed" err="Post \\"https://auth-token-svc.internal.example/v2/token\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-02-03T14:01:13Z is after 2026-02-03T14:01:00Z"' });
  b.logs({ service: 'calendar-sync', level: 'error', perMin: 1, from: expiry, message: 'ERROR [sync-2] c.s.cal.Auth - javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Tue Feb 03 14:01:00 UTC 2026' });

  b.change('-2h', 'auth-token-svc', 'deployment', 'auth-token-svc 11.2.0: token audience validation', { version: '11.2.0', previousVersion: '11.1.4', author: 'auth-ci', commit: sha(b.rng), source: 'azure-devops' });
  b.change('-1h', 'calendar-sync', 'config', 'sync interval 5m → 3m', { author: 'cal-team', source: 'app-config' });
  b.change('-22m', 'chat-api', 'deployment', 'chat-api 2026.02.03.2: message reactions v2', { version: '2026.02.03.2', previousVersion: '2026.02.03.1', author: 'chat-ci', commit: sha(b.rng), source: 'azure-devops' });

  b.traces({
    count: 24,
    root: { svc: 'chat-api', op: 'POST /v1/messages', ms: 20, kids: [{ svc: 'chat-api', op: 'POST /v2/token', ms: 8, peer: { name: 'auth-token-svc', system: 'http', host: 'auth-token-svc.internal.example' } }, { svc: 'chat-api', op: 'INSERT messages', ms: 6, peer: { name: 'messages-db', system: 'db', product: 'mssql' } }] },
    faults: [{ target: 'auth-token-svc', from: expiry, errorP: 0.95, attrs: { 'error.message': 'certificate has expired', 'http.status_code': 0 } }],
  });

  b.signal(
    pagerduty(b, {
      eventType: 'incident.triggered',
      occurredAt: '+0s',
      subdomain: 'collab',
      agent: { type: 'service_reference', summary: 'chat-api' },
      incident: { number: 91002, title: 'chat-api: send message failures above 30%', service: 'chat-api', createdAt: '+0s', urgency: 'high', priority: 'P1', escalationPolicy: 'Chat', teams: ['Chat'], assignee: 'Dana Whitfield' },
    }),
  );
  b.expect(
    { service: 'auth-token-svc', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    { alertService: 'chat-api', modeledOn: 'Microsoft Teams February 2020: expired internal TLS certificate' },
  );
  return b.build();
}

/** Cloudflare, November 2023: a datacenter lost utility power and its generators; the control plane hosted there failed. */
function datacenterPower(): Built {
  const b = new Builder({
    name: 'b2-control-plane-unavailable',
    title: 'datacenter-power-loss-takes-control-plane',
    description: 'Control-plane services page together as unavailable (one Alertmanager group). No reference capture.',
    story:
      'The pdx04 datacenter loses its utility feed and the generators do not carry the load: every node there goes NotReady within minutes. The control-plane services whose primaries live there (config-api, its database, dash-api, analytics ingest) fail together and page as a group. No reference capture; several alerts around.',
    at: '2026-11-02T11:58:00Z',
    window: ['-2h', '+0s'],
    tz: -8,
    topology: { 'dash-api': ['config-api', 'analytics-ingest'], 'config-api': ['config-db'], 'analytics-ingest': ['clickhouse'] },
  });
  const onset = '-14m';
  b.series({ service: 'pdx04', name: 'facility_power_feed_kw', labels: { feed: 'utility-a' }, unit: 'kW', base: 4200, noise: 0.02, effects: [{ from: '-16m', set: 0 }] });
  b.series({ service: 'pdx04', name: 'facility_generator_output_kw', unit: 'kW', base: 0, noise: 0, effects: [{ from: '-16m', until: onset, set: 3100 }] });
  b.series({ service: 'pdx04', name: 'kube_node_status_ready_count', base: 412, noise: 0, integer: true, effects: [{ from: onset, to: '-12m', set: 0 }] });
  red(b, 'config-api', { style: 'prom', rps: 800, err: 0.001, p95: 40, diurnal: 0.2, errTo: [{ from: onset, value: 1 }] });
  red(b, 'dash-api', { style: 'prom', rps: 400, err: 0.003, p95: 300, diurnal: 0.2, errTo: [{ from: '-13m', value: 0.82 }] });
  red(b, 'analytics-ingest', { style: 'prom', rps: 20000, err: 0.0005, p95: 15, diurnal: 0.2, errTo: [{ from: onset, value: 1 }] });
  b.series({ service: 'config-db', name: 'pg_up', base: 1, noise: 0, integer: true, effects: [{ from: onset, set: 0 }] });

  background(b, 'config-api', 'go', { info: 0.3, warn: 0.05 });
  background(b, 'dash-api', 'node', { info: 0.3, warn: 0.3, warnLines: ['warn: slow GraphQL resolver zones.analytics took 1830ms'] });
  background(b, 'analytics-ingest', 'rust', { info: 0.3 });
  b.log('-16m', 'pdx04', 'warn', 'BMS: utility feed A lost; transferring to generators');
  b.log('-15m', 'pdx04', 'error', 'BMS: generator 2 ground fault, UPS on battery (est. 4 min)');
  b.log(onset, 'pdx04', 'fatal', 'BMS: UPS exhausted, critical load dropped on halls 1-3');
  b.logs({ service: 'dash-api', level: 'error', perMin: 4, from: '-13m', message: 'error: config-api request failed: connect ETIMEDOUT 10.64.12.18:443' });
  b.logs({ service: 'analytics-ingest', level: 'error', perMin: 1, from: onset, message: 'ERROR ingest::sink: clickhouse insert failed: Connection refused (os error 111)' });

  b.change('-1h10m', 'dash-api', 'deployment', 'dash-api 2026.11.02: new DNS analytics page', { version: '2026.11.02', previousVersion: '2026.10.30', author: 'dash-ci', commit: sha(b.rng), source: 'saltstack' });
  b.change('-45m', 'config-api', 'config', 'rate limit for zone settings writes 1200 → 1500/min', { author: 'api-team', source: 'consul' });
  b.runtime(onset, 'pdx04', 'node_pressure', 'power loss: 412 nodes in pdx04 NotReady (NodeStatusUnknown)', 412);
  b.runtime('-13m', 'config-api', 'evicted', 'pods on NotReady nodes in pdx04 marked for deletion; no capacity elsewhere (anti-affinity to pdx04 only)', 24);
  b.runtime('-13m', 'config-db', 'unhealthy', 'primary config-db-0 (pdx04) unreachable; replica in pdx05 not promoted (manual failover policy)');
  b.alert('-15m', 'pdx04', 'FacilityOnBatteryPower');
  b.alert('-12m', 'analytics-ingest', 'IngestDown');
  b.alert('-12m', 'config-db', 'PostgresDown');

  b.signal(
    alertmanager(b, {
      receiver: 'control-plane-page',
      groupBy: ['alertname'],
      externalURL: 'https://alertmanager.pdx.example.net',
      generatorURL: 'https://prometheus-global.example.net',
      alerts: [
        { labels: { alertname: 'ServiceUnavailable', service: 'config-api', severity: 'page', dc: 'pdx04' }, annotations: { summary: 'config-api availability 0%' }, startsAt: '-11m' },
        { labels: { alertname: 'ServiceUnavailable', service: 'dash-api', severity: 'page', dc: 'pdx04' }, annotations: { summary: 'dash-api availability 18%' }, startsAt: '-10m' },
      ],
    }),
  );
  b.expect(
    { service: 'pdx04', kind: 'infrastructure', action: 'none', mustCite: ['runtime', 'alerts'] },
    { alertService: 'config-api', modeledOn: 'Cloudflare November 2023: datacenter power failure' },
  );
  return b.build();
}

/** Cluster DNS down: the nodes running CoreDNS go NotReady; every service fails lookups. A deploy 43 minutes before is a red herring. */
function coreDns(): Built {
  const b = new Builder({
    name: 'b2-cart-error-ratio',
    title: 'coredns-down-nodes-not-ready',
    description: 'cart error ratio alert from Grafana; other services are erroring too.',
    story:
      'The three system-pool nodes that run CoreDNS go NotReady (container runtime hung, PLEG unhealthy); the CoreDNS pods become unready and cannot be rescheduled because of their node selector. Name resolution fails across the cluster: every service logs lookup timeouts. cart was deployed 43 minutes before and its error alert pages first through Grafana.',
    at: '2026-06-23T10:27:00Z',
    window: ['-2h', '+0s'],
    reference: '-24h',
    tz: 1,
    topology: { frontend: ['cart', 'catalog', 'checkout'], cart: ['cart-redis'], checkout: ['payments', 'cart'], catalog: ['catalog-db'] },
  });
  const onset = '-12m';
  b.series({ service: 'coredns', name: 'coredns_dns_requests_total_rate', unit: 'req/s', base: 5200, diurnal: 0.3, effects: [{ from: onset, to: '-10m', set: 30 }] });
  b.series({ service: 'coredns', name: 'kube_deployment_status_replicas_available', base: 3, noise: 0, integer: true, effects: [{ from: onset, to: '-10m', set: 0 }] });
  b.series({ service: 'coredns', name: 'kube_node_status_condition_ready', labels: { nodepool: 'system' }, base: 3, noise: 0, integer: true, effects: [{ from: '-13m', to: '-11m', set: 0 }] });
  for (const [svc, rps, p95] of [['cart', 600, 30], ['catalog', 1500, 60], ['checkout', 90, 500], ['payments', 85, 700], ['frontend', 2400, 250]] as const) {
    red(b, svc, { style: 'prom', rps, err: 0.002, p95, diurnal: 0.3, errTo: [{ from: '-11m', to: '-8m', value: 0.55 }], latTo: [{ from: '-11m', mul: 8 }] });
  }

  background(b, 'cart', 'go', { info: 0.3 });
  background(b, 'catalog', 'java', { info: 0.3 });
  background(b, 'checkout', 'go', { info: 0.2 });
  background(b, 'payments', 'dotnet', { info: 0.2 });
  background(b, 'frontend', 'node', { info: 0.3, warn: 0.2 });
  b.logs({ service: 'coredns', level: 'info', perMin: 0.1, to: onset, message: '[INFO] plugin/reload: Running configuration SHA512 = 9c2b3f...' });
  b.logs({ service: 'coredns', level: 'error', perMin: 0.05, message: '[ERROR] plugin/errors: 2 metadata.google.internal. A: read udp 10.8.0.12:49812->169.254.169.254:53: i/o timeout' });
  b.logs({ service: 'cart', level: 'error', perMin: 4, from: '-11m', message: 'level=error msg="redis get failed" err="dial tcp: lookup cart-redis.shop.svc.cluster.local on 10.96.0.10:53: read udp 10.8.3.21:53122->10.96.0.10:53: i/o timeout"' });
  b.logs({ service: 'catalog', level: 'error', perMin: 3, from: '-11m', message: 'ERROR [http-nio-8080-exec-3] c.s.catalog.Db - java.net.UnknownHostException: catalog-db.shop.svc.cluster.local' });
  b.logs({ service: 'checkout', level: 'error', perMin: 2, from: '-11m', message: 'level=error msg="payments call failed" err="rpc error: code = Unavailable desc = name resolver error: produced zero addresses"' });
  b.logs({ service: 'frontend', level: 'error', perMin: 3, from: '-11m', message: 'error: getaddrinfo EAI_AGAIN catalog.shop.svc.cluster.local' });

  b.change('-1h30m', 'catalog', 'config', 'search boost for summer collection', { author: 'merch', source: 'configmap' });
  b.change('-43m', 'cart', 'deployment', 'cart 4.12.0: save-for-later', { version: '4.12.0', previousVersion: '4.11.3', author: 'cart-ci', commit: sha(b.rng), source: 'argocd' });
  b.runtime('-13m', 'coredns', 'node_pressure', 'nodes gke-prod-system-pool-3f9a-{x1,x2,x3} NotReady: PLEG is not healthy: pleg was last seen active 3m0s ago', 3);
  b.runtime('-12m', 'coredns', 'unhealthy', 'coredns pods not ready; pending pods unschedulable: 0/14 nodes match node selector pool=system', 3);
  b.runtime('-40m', 'cart', 'restart', 'cart rollout: 6 pods replaced', 6);

  b.traces({
    count: 24,
    root: { svc: 'frontend', op: 'GET /cart', ms: 30, kids: [{ svc: 'cart', op: 'GetCart', ms: 6, kids: [{ svc: 'cart', op: 'GET cart:{id}', ms: 1, peer: { name: 'cart-redis', system: 'redis' } }] }] },
    faults: [{ target: 'cart-redis', from: '-11m', errorP: 0.55, addMs: 5000, attrs: { 'error.message': 'lookup cart-redis.shop.svc.cluster.local: i/o timeout' } }],
  });

  b.signal(
    grafana(b, {
      receiver: 'shop-oncall',
      baseUrl: 'https://grafana.shop-eu.example',
      folder: 'Shop',
      groupBy: ['alertname', 'service'],
      alerts: [{ labels: { alertname: 'HighErrorRatio', service: 'cart', severity: 'critical', namespace: 'shop' }, annotations: { summary: 'cart error ratio above 5%' }, startsAt: '-5m', values: { A: 0.55, B: 1 } }],
    }),
  );
  b.expect(
    { service: 'coredns', kind: 'infrastructure', action: 'none', mustCite: ['runtime', 'logs'] },
    { alertService: 'cart', modeledOn: 'cluster DNS outage after nodes NotReady' },
  );
  return b.build();
}

/** GoCardless, October 2017: the database primary's disk controller failed and the cluster manager refused to promote the replica. */
function failoverPaused(): Built {
  const b = new Builder({
    name: 'b2-payments-api-errors-escalated',
    title: 'postgres-failover-blocked-by-cluster-manager',
    description: 'payments-api error alert escalated to the next level in Opsgenie after more than 90 minutes.',
    story:
      'The disk controller of the payments Postgres primary fails. The cluster manager should promote the synchronous replica, but a location constraint left from earlier maintenance forbids it: the database stays down for over an hour. The payments API alert has been open since and Opsgenie escalates it.',
    at: '2026-10-10T16:22:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: 1,
    topology: { 'payments-api': ['pgbouncer'], pgbouncer: ['payments-pg'], 'mandates-worker': ['pgbouncer'] },
  });
  const onset = '-1h38m';
  b.series({ service: 'payments-pg', name: 'pg_up', labels: { instance: 'pg-primary-01' }, base: 1, noise: 0, integer: true, effects: [{ from: onset, set: 0 }] });
  b.series({ service: 'payments-pg', name: 'node_disk_io_errors_total_rate', labels: { instance: 'pg-primary-01' }, base: 0, noise: 0, effects: [{ from: '-1h40m', until: onset, set: 120 }] });
  b.series({ service: 'payments-pg', name: 'pg_replication_is_replica', labels: { instance: 'pg-replica-02' }, base: 1, noise: 0, integer: true });
  red(b, 'payments-api', { style: 'prom', rps: 260, err: 0.002, p95: 70, diurnal: 0.3, errTo: [{ from: onset, value: 0.98 }] });
  red(b, 'mandates-worker', { style: 'prom', rps: 30, err: 0.01, p95: 400, diurnal: 0.3, errTo: [{ from: onset, value: 1 }] });
  b.series({ service: 'pgbouncer', name: 'pgbouncer_pools_client_waiting_connections', base: 0.2, noise: 1, integer: true, effects: [{ from: onset, set: 800 }] });

  background(b, 'payments-api', 'ruby', { info: 0.3 });
  background(b, 'mandates-worker', 'ruby', { info: 0.2, warn: 0.2, warnLines: ['W, [pid=88] WARN -- : Bacs submission file 2 minutes late'] });
  b.logs({ service: 'payments-pg', level: 'info', perMin: 0.1, to: '-1h40m', message: 'LOG:  checkpoint complete: wrote 14211 buffers (2.7%); 0 WAL file(s) added' });
  b.log('-1h40m', 'payments-pg', 'error', 'kernel: megaraid_sas 0000:03:00.0: FW in FAULT state, Fault code:0x10000 subcode:0x0 func:megasas_transition_to_ready');
  b.log('-1h39m', 'payments-pg', 'error', 'PANIC:  could not fsync file "pg_wal/0000000100004A1F000000C2": Input/output error');
  b.log('-1h37m', 'payments-pg', 'warn', 'pacemaker-schedulerd: warning: Resource payments-pg-primary cannot run anywhere (location constraint cli-ban-payments-pg-on-pg-replica-02)');
  b.logs({ service: 'payments-pg', level: 'warn', perMin: 0.2, from: '-1h36m', message: 'pacemaker-controld: notice: Transition aborted; no promotable instance of payments-pg-primary' });
  b.logs({ service: 'pgbouncer', level: 'error', perMin: 2, from: onset, message: 'ERROR S-0x1c5e: payments/app@10.3.1.11:5432 closing because: server conn crashed? (age=0s)' });
  b.logs({ service: 'payments-api', level: 'error', perMin: 4, from: onset, message: 'E, [pid=41] ERROR -- : PG::ConnectionBad: could not connect to server: Connection refused' });

  b.change('-2h30m', 'payments-api', 'deployment', 'payments-api 2026.10.10.1: SEPA instant beta', { version: '2026.10.10.1', previousVersion: '2026.10.09.3', author: 'deployer', commit: sha(b.rng), source: 'github-actions' });
  b.change('-50m', 'mandates-worker', 'config', 'paused Bacs submissions (mitigation)', { author: 'oncall', source: 'chef' });
  b.runtime('-1h40m', 'payments-pg', 'node_pressure', 'pg-primary-01: RAID controller fault, all volumes offline');
  b.runtime('-1h38m', 'payments-pg', 'unhealthy', 'payments-pg-primary stopped on pg-primary-01; not promoted on pg-replica-02');
  b.alert('-1h30m', 'mandates-worker', 'MandatesBacklogGrowing');

  b.signal(
    opsgenie(b, {
      action: 'EscalateToNext',
      actionAt: '+0s',
      createdAt: '-1h33m',
      message: 'payments-api: error ratio 98%',
      alias: 'payments-api-errors',
      entity: 'payments-api',
      source: 'Prometheus',
      tags: ['service:payments-api', 'env:live', 'sev:1'],
      teams: ['payments-core'],
      priority: 'P1',
      integrationName: 'Prometheus',
      escalation: { name: 'Payments major incident', notify: 'CTO on-call' },
      tinyId: 1017,
    }),
  );
  b.expect(
    { service: 'payments-pg', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'runtime'] },
    { alertService: 'payments-api', modeledOn: 'GoCardless October 2017: Postgres failover blocked by the cluster manager' },
  );
  return b.build();
}

export const infrastructureScenarios = [certExpired, datacenterPower, coreDns, failoverPaused];
