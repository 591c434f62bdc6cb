import { add, int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { alertmanager, cloudwatchSns, datadog, DD_TEMPLATE_FULL, grafana, opsgenie, pagerduty } from '../senders.js';

/** Facebook 2021-10-04: a backbone maintenance command disconnects the data centers; DNS withdraws and nothing resolves. */
export function backboneDnsWithdrawal(): Scenario {
  const s = new Scenario({
    name: 'backbone-maintenance-dns-withdrawn-everywhere',
    description:
      'Modeled on Facebook 2021-10-04: a command meant to assess backbone capacity takes down every backbone link; the authoritative DNS servers, unable to reach the data centers, withdraw their anycast BGP routes, and every service fails to resolve every internal name. PagerDuty pages on the feed API; every service logs DNS failures, none of them is the cause.',
    at: '2026-10-04T15:58:00Z',
    seed: 601,
    peakHourUtc: 16,
    reference: { hoursBefore: 24 },
    topology: { 'feed-api': ['graph-store', 'ranking-svc'], 'messaging-api': ['message-store'], 'media-api': ['blob-store'], 'ranking-svc': ['feature-cache'] },
  });
  const onset = -18 * 60;
  s.change(onset - 40, 'backbone', 'infrastructure', 'backbone maintenance job BBM-20261004-7: assess global backbone capacity (audit tool check bypassed)', { author: 'netops-automation', source: 'netops' });
  s.change(-45 * 60, 'ranking-svc', 'deployment', 'ranking-svc 2026.40.2', { version: '2026.40.2', previousVersion: '2026.40.1', source: 'conveyor' });
  s.metric({ name: 'backbone_links_up', service: 'backbone', base: 96, noise: 0, diurnal: 0, round: 0, effect: level(onset, 0, 20, 0) });
  s.metric({ name: 'bgp_anycast_prefixes_announced', service: 'authdns', base: 4, noise: 0, diurnal: 0, round: 0, effect: level(onset + 90, 0, 0, 0) });
  s.metric({ name: 'dns_lookup_failures_per_second', service: 'feed-api', base: 0.2, noise: 0.5, diurnal: 0, round: 1, min: 0, effect: level(onset + 90, 3100, 60, 0.1) });
  for (const svc of ['feed-api', 'messaging-api', 'media-api']) {
    red(s, svc, 'prom', { rps: svc === 'feed-api' ? 40000 : 18000, errRatio: 0.0008, p99: 0.2, errEffect: level(onset + 100, 0.97, 120, 0.01), rpsEffect: ramp(onset + 100, 0.35, 300) });
    chatter(s, svc, 'go', 40);
    s.logs(svc, 'error', (r) => `dial tcp: lookup ${pick(r, ['graph-store', 'message-store', 'blob-store', 'feature-cache', 'config-svc'])}.prn.internal on 10.0.0.53:53: read udp 10.${int(r, 1, 200)}.${int(r, 0, 255)}.${int(r, 1, 254)}:${int(r, 30000, 60000)}->10.0.0.53:53: i/o timeout`, 6, { from: onset + 90 });
  }
  s.logs('ranking-svc', 'warn', 'feature-cache miss ratio 12% above 8% target', 150);
  s.logs('authdns', 'info', 'health check ok: backbone reachability 96/96', 120, { to: onset });
  s.log(onset + 45, 'authdns', 'error', 'health check failed: backbone reachability 0/96, data centers unreachable');
  s.log(onset + 80, 'authdns', 'warn', 'withdrawing anycast prefixes 129.134.30.0/23, 129.134.32.0/23, 185.89.218.0/23, 2a03:2880:f0fc::/48 (unhealthy)');
  s.log(onset + 20, 'backbone', 'error', 'BBM-20261004-7: command issued to 96 backbone routers: drain all circuits');
  s.logs('backbone', 'error', (r) => `bb${int(r, 100, 196)}.${pick(r, ['prn', 'ftw', 'lla', 'ash'])}: LINK-DOWN et-${int(r, 0, 7)}/0/${int(r, 0, 3)} (admin drain)`, 20, { from: onset + 10, to: onset + 300 });
  const shape = [
    { service: 'feed-api', name: 'GET /feed', ms: 150 },
    { service: 'graph-store', name: 'GetEdges', parent: 0, ms: 30 },
    { service: 'ranking-svc', name: 'Rank', parent: 0, ms: 70, after: 35 },
  ];
  s.traces(shape, 14);
  s.traces([shape[0]!, { ...shape[1]!, service: 'feed-api', name: 'dns.lookup graph-store.prn.internal' }], 18, { from: onset + 100, faults: [{ span: 1, status: 'error', ms: 5000, attributes: { 'error.message': 'i/o timeout' } }] });
  s.alert(onset + 150, 'messaging-api', 'MessagingAvailability');
  s.alert(onset + 160, 'media-api', 'MediaAvailability');
  s.alert(onset + 130, 'authdns', 'AuthDNSAnycastWithdrawn');
  s.setSignal(pagerduty(s, { subdomain: 'socialco', serviceName: 'feed-api', title: 'feed-api availability 3% (SLO 99.9%)', createdAt: onset + 180, urgency: 'high', priority: 'P1', number: 77120, escalationPolicy: 'Feed SRE', team: 'Feed' }));
  s.expect({ rootCause: { service: 'backbone', kind: 'infrastructure' }, action: 'none', mustCite: ['changes', 'logs'] });
  return s;
}

/** Slack 2021-01-04: the AWS Transit Gateway does not scale for the first workday after the holidays. */
export function transitGatewayScaling(): Scenario {
  const s = new Scenario({
    name: 'transit-gateway-packet-loss-first-workday',
    description:
      'Modeled on Slack 2021-01-04: on the first working morning after the holidays, traffic ramps fast and the AWS Transit Gateway between VPCs drops packets; the web tier sees timeouts to every backend, autoscaling adds instances that cannot finish provisioning. The reference is a week earlier, during the holidays, so traffic looks unusual although it is ordinary Monday traffic. Grafana alerts on the webapp.',
    at: '2027-01-04T15:12:00Z',
    seed: 602,
    peakHourUtc: 16,
    reference: { hoursBefore: 168 },
    topology: { webapp: ['channels-svc', 'search-svc', 'flannel-cache'], 'channels-svc': ['vitess'], 'search-svc': ['solr'] },
  });
  const onset = -19 * 60;
  s.change(onset + 300, 'webapp', 'scaling', 'ASG webapp-prod desired 420 -> 1020 (target tracking)', { source: 'autoscaling' });
  s.change(-55 * 60, 'search-svc', 'deployment', 'search-svc 1.118.0', { version: '1.118.0', previousVersion: '1.117.3', source: 'jenkins' });
  s.metric({ name: 'BytesIn', service: 'transit-gateway', unit: 'Bytes', labels: { TransitGateway: 'tgw-0c4f2d8e1a7b93e55' }, base: 2.1e10, noise: 0.04, diurnal: 0.45, round: 0, effect: (t, v) => Math.min(v * (1 + Math.max(0, t + 3600) / 3600 * 0.9), 3.4e10) });
  s.metric({ name: 'PacketDropCountNoRoute', service: 'transit-gateway', unit: 'Count', labels: { TransitGateway: 'tgw-0c4f2d8e1a7b93e55' }, base: 0, noise: 0, diurnal: 0, round: 0 });
  s.metric({ name: 'node_netstat_Tcp_RetransSegs_rate', service: 'webapp', unit: 'seg/s', base: 120, noise: 0.1, diurnal: 0.4, round: 0, effect: ramp(onset, 45, 240) });
  red(s, 'webapp', 'prom', { rps: 21000, errRatio: 0.002, p99: 0.4, rpsEffect: ramp(-3600, 1.9, 3600), errEffect: level(onset + 30, 0.24, 180, 0.15), latEffect: ramp(onset, 14, 240) });
  red(s, 'channels-svc', 'prom', { rps: 30000, errRatio: 0.001, p99: 0.05, rpsEffect: ramp(onset, 0.6, 240) });
  red(s, 'search-svc', 'prom', { rps: 2000, errRatio: 0.002, p99: 0.3, rpsEffect: ramp(onset, 0.6, 240) });
  s.metric({ name: 'mysql_global_status_threads_connected', service: 'vitess', base: 3100, noise: 0.05, diurnal: 0.3, round: 0 });
  chatter(s, 'webapp', 'go', 25);
  chatter(s, 'channels-svc', 'go', 40);
  s.logs('search-svc', 'warn', 'solr replica 3 lagging 12s', 240);
  s.logs('webapp', 'error', (r) => `upstream ${pick(r, ['channels-svc', 'search-svc', 'flannel-cache', 'vitess-vtgate'])}: dial tcp 10.${int(r, 20, 60)}.${int(r, 0, 255)}.${int(r, 1, 254)}:${pick(r, ['443', '15999', '11211'])}: connect: connection timed out`, 4, { from: onset });
  s.logs('webapp', 'warn', (r) => `request ${int(r, 1e8, 9e8)} retried after upstream timeout (${int(r, 2000, 10000)}ms)`, 8, { from: onset });
  s.logs('provisioning', 'error', (r) => `instance i-0${int(r, 1e8, 9e8)}${int(r, 1e6, 9e6)} bootstrap failed: timeout fetching config from provisioning service (10.${int(r, 20, 60)}.4.12)`, 15, { from: onset + 330 });
  s.event(onset + 400, 'webapp', 'unhealthy', 'new ASG instances failing ELB health checks (bootstrap incomplete)', 212);
  const shape = [
    { service: 'webapp', name: 'POST /api/conversations.history', ms: 90 },
    { service: 'channels-svc', name: 'GetHistory', parent: 0, ms: 35 },
    { service: 'flannel-cache', name: 'get', parent: 0, ms: 2, after: 1 },
  ];
  s.traces(shape, 12);
  s.traces(shape, 20, { from: onset, faults: [{ span: 0, status: 'error', ms: 10000, attributes: { 'error.message': 'upstream connect timeout' } }, { span: 1, ms: 30 }], rate: 0.35 });
  s.alert(onset + 420, 'webapp', 'ASGInstancesUnhealthy');
  s.setSignal(
    grafana(s, {
      receiver: 'causeway',
      baseUrl: 'https://grafana.chat.internal',
      labels: { alertname: 'WebappErrorRate', service: 'webapp', severity: 'critical', team: 'core-infra', grafana_folder: 'Webapp' },
      annotations: { summary: 'webapp 5xx ratio 24%', description: 'sum(rate(http_requests_total{service="webapp",code=~"5.."}[2m])) / sum(rate(http_requests_total{service="webapp"}[2m]))' },
      startsAt: onset + 200,
      values: { A: 0.241, C: 1 },
      ruleUid: 'webapp-5xx',
      dashboardUid: 'webapp-golden',
      panelId: 1,
    }),
  );
  s.expect({ rootCause: { service: 'transit-gateway', kind: 'infrastructure' }, action: 'none', mustCite: ['logs', 'metrics'] });
  return s;
}

/** GitHub 2018-10-21: a 43-second partition makes Orchestrator fail MySQL over across the country. */
export function networkPartitionFailover(): Scenario {
  const s = new Scenario({
    name: 'east-coast-partition-mysql-cross-region-failover',
    description:
      'Modeled on GitHub 2018-10-21: routine maintenance to replace a failing 100G optical link cuts the East Coast network hub from the primary US East data center for 43 seconds; Orchestrator promotes West Coast replicas, and the application in the East now writes across the country with 60ms round trips. Latency and queue backlogs follow; Alertmanager pages on the web tier; Causeway receives the alert on its repeat notification two hours after it started firing, so the onset is near the alert\'s startsAt, not near the notification. The MySQL topology change is a consequence, the network partition is the cause.',
    at: '2026-10-21T23:07:00Z',
    seed: 603,
    peakHourUtc: 17,
    reference: { hoursBefore: 24 },
    windowStart: -3 * 3600,
    topology: { 'git-web': ['mysql-main', 'git-storage'], 'webhook-delivery': ['mysql-main', 'job-queue'], 'mysql-main': [] },
  });
  const onset = -2 * 3600 - 14 * 60;
  s.change(onset - 60, 'east-hub-network', 'infrastructure', 'planned maintenance: replace failing 100G optical module on us-east hub <-> iad-dc2 link', { author: 'dc-ops', source: 'change-calendar' });
  s.change(onset + 35, 'mysql-main', 'infrastructure', 'orchestrator: DeadMaster on mysql-main-east-1; promoted mysql-main-west-3 as primary (cross-region)', { source: 'orchestrator' });
  s.change(onset - 35 * 60, 'webhook-delivery', 'deployment', 'webhook-delivery 2026.10.21.4', { version: '2026.10.21.4', previousVersion: '2026.10.21.1', source: 'chatops' });
  s.metric({ name: 'network_link_up', service: 'east-hub-network', labels: { link: 'hub-iad2-100g' }, base: 1, noise: 0, diurnal: 0, round: 0, effect: (t, v) => (t >= onset && t < onset + 60 ? 0 : v) });
  s.metric({ name: 'mysql_write_latency_p99_seconds', service: 'mysql-main', base: 0.004, noise: 0.2, diurnal: 0, round: 4, effect: level(onset + 60, 0.07, 0, 0.1) });
  s.metric({ name: 'mysql_replication_lag_seconds', service: 'mysql-main', base: 0.3, noise: 0.3, diurnal: 0, round: 1, effect: add(onset + 60, 2400, 7000) });
  red(s, 'git-web', 'prom', { rps: 9000, errRatio: 0.001, p99: 0.45, latEffect: ramp(onset + 60, 6, 120), errEffect: level(onset + 60, 0.05, 120, 0.2) });
  s.metric({ name: 'job_queue_depth', service: 'job-queue', base: 1800, noise: 0.2, diurnal: 0.2, round: 0, effect: add(onset + 60, 180000, 7000) });
  chatter(s, 'git-web', 'jvm', 90);
  chatter(s, 'webhook-delivery', 'worker', 120);
  s.logs('git-storage', 'warn', (r) => `fileserver dfs-${int(r, 1, 80)} repack taking ${int(r, 40, 90)}s`, 600);
  s.log(onset + 2, 'east-hub-network', 'error', 'link hub-iad2-100g DOWN (LOS) — maintenance in progress');
  s.log(onset + 45, 'east-hub-network', 'info', 'link hub-iad2-100g UP');
  s.log(onset + 30, 'orchestrator', 'warn', 'DeadMaster: mysql-main-east-1:3306 unreachable from raft leader (east and west voters disagree)');
  s.log(onset + 36, 'orchestrator', 'info', 'RecoverDeadMaster: promoted mysql-main-west-3:3306 (cluster mysql-main)');
  s.logs('git-web', 'warn', (r) => `slow write ${int(r, 60, 400)}ms to mysql-main (primary mysql-main-west-3, rtt 61ms)`, 25, { from: onset + 60 });
  s.logs('webhook-delivery', 'error', (r) => `job ${int(r, 1e6, 9e6)} timed out waiting for replica to catch up (lag ${int(r, 60, 2400)}s)`, 30, { from: onset + 120 });
  const shape = [
    { service: 'git-web', name: 'POST /:owner/:repo/pull', ms: 220 },
    { service: 'git-web', name: 'INSERT pull_requests', parent: 0, ms: 4, attributes: { 'db.system': 'mysql', 'peer.service': 'mysql-main' } },
    { service: 'git-web', name: 'UPDATE issues', parent: 0, ms: 3, after: 6, attributes: { 'db.system': 'mysql', 'peer.service': 'mysql-main' } },
  ];
  s.traces(shape, 8, { to: onset });
  s.traces(shape, 24, { from: onset + 60, faults: [{ span: 1, ms: 130 }, { span: 2, ms: 140 }] });
  s.alert(onset + 600, 'job-queue', 'JobQueueBacklog');
  s.alert(onset + 3000, 'webhook-delivery', 'WebhookDeliveryDelayed');
  s.setSignal(
    alertmanager(s, {
      receiver: 'causeway',
      externalURL: 'https://alertmanager.iad.gh.internal',
      groupBy: ['alertname', 'app'],
      alerts: [{ labels: { alertname: 'WebLatencyP99High', app: 'git-web', env: 'production', severity: 'page' }, annotations: { summary: 'git-web p99 2.7s for 10m', dashboard: 'https://grafana.gh.internal/d/web' }, startsAt: onset + 480, generatorURL: 'https://prometheus.iad.gh.internal/graph?g0.expr=histogram_quantile%280.99%2C+...%29' }],
      version: '0.26.0',
    }),
  );
  s.expect({ rootCause: { service: 'east-hub-network', kind: 'infrastructure' }, action: 'none', mustCite: ['changes', 'logs'] });
  return s;
}

/** Our own mTLS client certificate for a partner bank expires at midnight; the partner refuses us. */
export function partnerClientCertExpired(): Scenario {
  const s = new Scenario({
    name: 'payout-gateway-client-cert-expired-partner-refuses',
    description:
      'Modeled on certificate-expiry incidents (Microsoft Teams 2020, Spotify 2020, Let\'s Encrypt root expiry 2021) in the variant where our own client certificate expires: at 00:00 UTC the mTLS certificate payout-gateway presents to the partner bank expires and the bank\'s TLS terminator rejects every handshake. The expiry warnings had been logged for days. Datadog pages on payouts-scheduler, one hop up.',
    at: '2026-10-01T00:19:00Z',
    seed: 604,
    peakHourUtc: 14,
    reference: { hoursBefore: 24 },
    topology: { 'payouts-scheduler': ['payout-gateway', 'ledger-svc'], 'payout-gateway': ['partner-bank-api'] },
  });
  const onset = -19 * 60;
  s.change(-40 * 60, 'ledger-svc', 'deployment', 'ledger-svc 6.0.3', { version: '6.0.3', previousVersion: '6.0.2', source: 'argo-cd' });
  s.event(-33 * 60, 'payouts-scheduler', 'restart', 'nightly restart (cronjob payouts-scheduler-recycle)');
  red(s, 'payout-gateway', 'datadog', { rps: 25, errRatio: 0.002, p99: 0.9, errEffect: level(onset, 25, 30, 0.05), latEffect: level(onset, 0.04, 0, 0.3) });
  red(s, 'payouts-scheduler', 'datadog', { rps: 8, errRatio: 0.001, p99: 1.4, errEffect: level(onset + 10, 7.8, 30, 0.05) });
  red(s, 'ledger-svc', 'datadog', { rps: 80, errRatio: 0.0005, p99: 0.08 });
  s.metric({ name: 'tls.client_cert.days_until_expiry', service: 'payout-gateway', labels: { peer: 'partner-bank-api' }, base: 0, noise: 0, diurnal: 0, round: 3, noReference: true, effect: (t) => Math.max(0, (onset - t) / 86400) });
  chatter(s, 'ledger-svc', 'jvm', 40);
  s.logs('payout-gateway', 'warn', 'client certificate CN=payouts.acmepay.example for partner-bank-api expires at 2026-10-01T00:00:00Z (in 0 days)', 300, { to: onset });
  s.logs('payout-gateway', 'info', (r) => `payout ${int(r, 1e6, 9e6)} submitted to partner bank, status=ACCEPTED`, 20, { to: onset });
  s.logs('payout-gateway', 'error', (r) => `POST https://api.partnerbank.example/v2/payments: remote error: tls: expired certificate (payout ${int(r, 1e6, 9e6)})`, 5, { from: onset });
  s.logs('payouts-scheduler', 'error', (r) => `batch ${int(r, 1000, 9999)} item failed: payout-gateway 502 (upstream TLS handshake failure)`, 6, { from: onset + 5 });
  s.logs('ledger-svc', 'warn', 'reconciliation job skipped: previous run still active', 900);
  const shape = [
    { service: 'payouts-scheduler', name: 'RunPayoutBatchItem', ms: 900 },
    { service: 'payout-gateway', name: 'POST /payouts', parent: 0, ms: 860 },
    { service: 'payout-gateway', name: 'POST', parent: 1, ms: 800, attributes: { 'span.kind': 'client', 'peer.service': 'partner-bank-api', 'http.url': 'https://api.partnerbank.example/v2/payments', 'http.status_code': 201 } },
    { service: 'ledger-svc', name: 'RecordPayout', parent: 0, ms: 20, after: 880 },
  ];
  s.traces(shape, 12);
  s.traces(shape, 18, { from: onset, faults: [{ span: 2, status: 'error', ms: 35, drop: [3], attributes: { 'http.status_code': 0, 'error.type': 'tls', 'error.message': 'remote error: tls: expired certificate' } }] });
  s.setSignal(
    datadog(s, DD_TEMPLATE_FULL, {
      ID: '7805521906443321877',
      ALERT_ID: '71240988',
      AGGREG_KEY: 'a8d2c01b9f3e4d5c6b7a8f9e0d1c2b3a',
      ALERT_CYCLE_KEY: '7805521906443321877',
      EVENT_TITLE: '[Triggered on {env:prod,service:payouts-scheduler}] Payout batch failures',
      TEXT_ONLY_MSG: 'More than 20% of payout batch items failed in the last 10 minutes. @webhook-causeway',
      ALERT_TRANSITION: 'Triggered',
      ALERT_TYPE: 'error',
      ALERT_STATUS: 'sum(last_10m):sum:payouts.batch.item.failed{env:prod} by {service}.as_count() / sum:payouts.batch.item.total{env:prod} by {service}.as_count() > 0.2',
      ALERT_PRIORITY: 'P2',
      PRIORITY: 'normal',
      TAGS: 'env:prod,service:payouts-scheduler,team:treasury',
      ALERT_SCOPE: 'env:prod,service:payouts-scheduler',
      HOSTNAME: '',
      ALERT_METRIC: 'payouts.batch.item.failed',
      LINK: 'https://app.datadoghq.com/event/event?id=7805521906443321877',
      DATE: String(s.ms(onset + 660)),
      ORG_ID: '208811',
    }),
  );
  s.expect({ rootCause: { service: 'payout-gateway', kind: 'infrastructure' }, action: 'none', mustCite: ['logs', 'traces'] });
  return s;
}

/** Datadog 2023-03-08: an automatic systemd update on every node drops routes, and nodes go NotReady. */
export function systemdNodeUpdate(): Scenario {
  const s = new Scenario({
    name: 'systemd-security-update-nodes-notready',
    description:
      'Modeled on Datadog 2023-03-08: unattended-upgrades applies a systemd security update on every node within the same hour; restarting systemd-networkd deletes the routes the CNI installed, so nodes lose pod networking, go NotReady, and their pods are evicted. Opsgenie alerts on the metrics intake service. No service changed; the platform under them did.',
    at: '2026-03-08T06:41:00Z',
    seed: 605,
    peakHourUtc: 14,
    topology: { 'metrics-intake': ['kafka-intake', 'auth-keys'], 'query-api': ['timeseries-store'], 'kafka-intake': [] },
  });
  const onset = -33 * 60;
  s.change(onset - 60, 'worker-nodes', 'infrastructure', 'unattended-upgrades: systemd 249.11-0ubuntu3.7 -> 249.11-0ubuntu3.9 (USN-5928-1) applied on node group ng-general', { source: 'apt' });
  s.change(-50 * 60, 'query-api', 'deployment', 'query-api v3.91.0', { version: 'v3.91.0', previousVersion: 'v3.90.2', source: 'argo-cd' });
  s.metric({ name: 'kube_node_status_condition_ready', service: 'worker-nodes', labels: { nodegroup: 'ng-general' }, base: 240, noise: 0, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v : Math.max(52, v - Math.floor((t - onset) / 8))) });
  s.metric({ name: 'metrics_intake_points_accepted_per_second', service: 'metrics-intake', base: 9.1e6, noise: 0.04, diurnal: 0.2, round: 0, effect: ramp(onset + 120, 0.32, 900) });
  red(s, 'metrics-intake', 'prom', { rps: 42000, errRatio: 0.0006, p99: 0.08, errEffect: level(onset + 120, 0.41, 900, 0.1) });
  red(s, 'query-api', 'prom', { rps: 3100, errRatio: 0.002, p99: 1.1, errEffect: level(onset + 300, 0.29, 900, 0.1) });
  chatter(s, 'metrics-intake', 'go', 30);
  chatter(s, 'query-api', 'go', 35);
  s.logs('worker-nodes', 'info', (r) => `ip-10-${int(r, 1, 40)}-${int(r, 0, 255)}-${int(r, 1, 254)} systemd[1]: Starting Daily apt upgrade and clean activities...`, 20, { from: onset - 120, to: onset + 600 });
  s.logs('worker-nodes', 'warn', (r) => `ip-10-${int(r, 1, 40)}-${int(r, 0, 255)}-${int(r, 1, 254)} systemd-networkd[${int(r, 400, 900)}]: lxc_health: Lost carrier; removing routes not managed by networkd`, 10, { from: onset, to: onset + 1500 });
  s.logs('worker-nodes', 'error', (r) => `ip-10-${int(r, 1, 40)}-${int(r, 0, 255)}-${int(r, 1, 254)} kubelet: "Node not ready" err="container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:cni plugin not initialized"`, 12, { from: onset + 60 });
  s.logs('metrics-intake', 'error', (r) => `produce to kafka-intake failed: dial tcp 10.${int(r, 1, 40)}.${int(r, 0, 255)}.${int(r, 1, 254)}:9092: connect: no route to host`, 6, { from: onset + 120 });
  s.logs('query-api', 'warn', 'query planner: falling back to full scan for metric with 2.1M series', 200);
  for (let i = 0; i < 8; i++) s.event(onset + 90 + i * 220, 'worker-nodes', 'node_pressure', `${int(s.r, 12, 30)} nodes NotReady (NetworkUnavailable)`, int(s.r, 12, 30));
  s.event(onset + 400, 'metrics-intake', 'evicted', 'pods evicted from NotReady nodes', 61);
  s.event(onset + 500, 'query-api', 'evicted', 'pods evicted from NotReady nodes', 23);
  s.alert(onset + 300, 'worker-nodes', 'KubeNodeNotReady');
  s.alert(onset + 900, 'query-api', 'QueryErrorsHigh');
  s.setSignal(
    opsgenie(s, {
      message: 'metrics-intake: accepted points dropped 60% below forecast',
      alias: 'intake-throughput-anomaly',
      tinyId: 25771,
      createdAt: -4 * 60,
      entity: 'metrics-intake',
      source: 'Grafana',
      sourceName: 'Grafana',
      sourceType: 'Grafana',
      tags: ['prod', 'us1', 'service:metrics-intake'],
      teams: ['intake'],
      priority: 'P2',
      description: 'Intake throughput anomaly: 2.9M points/s vs forecast 9.3M points/s',
      integrationName: 'Causeway webhook',
    }),
  );
  s.expect({ rootCause: { service: 'worker-nodes', kind: 'infrastructure' }, action: 'none', mustCite: ['changes', 'runtime'] });
  return s;
}

/** An AWS Health event on RDS: the primary's host fails and Multi-AZ fails over. */
export function rdsHardwareFailover(): Scenario {
  const s = new Scenario({
    name: 'rds-host-failure-multi-az-failover',
    description:
      'Modeled on an AWS Health event on RDS (a degraded host under the primary and an unplanned Multi-AZ failover): the orders-db primary\'s host degrades, connections drop and RDS fails over to the standby; the order API returns errors for a few minutes and then retries slowly. The ALB alarm arrives over SNS. The RDS event and the Health event are recorded as infrastructure changes.',
    at: '2026-05-29T02:14:00Z',
    seed: 606,
    peakHourUtc: 19,
    reference: { hoursBefore: 24 },
    topology: { 'order-api': ['orders-db', 'inventory-api'], 'inventory-api': ['inventory-db'] },
  });
  const onset = -9 * 60;
  s.change(onset - 30, 'orders-db', 'infrastructure', 'AWS Health AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED: degraded host underlying orders-db primary (eu-west-1a)', { source: 'aws.health' });
  s.change(onset + 20, 'orders-db', 'infrastructure', 'RDS-EVENT-0049: Multi-AZ instance failover started', { source: 'rds-events' });
  s.change(onset + 140, 'orders-db', 'infrastructure', 'RDS-EVENT-0051: Multi-AZ instance failover completed', { source: 'rds-events' });
  s.change(-46 * 60, 'inventory-api', 'deployment', 'inventory-api 2.4.18', { version: '2.4.18', previousVersion: '2.4.17', source: 'codedeploy' });
  s.metric({ name: 'DatabaseConnections', service: 'orders-db', unit: 'Count', labels: { DBInstanceIdentifier: 'orders-db' }, base: 140, noise: 0.05, diurnal: 0.3, round: 0, effect: (t, v) => (t >= onset && t < onset + 150 ? 0 : t >= onset + 150 ? v * 1.4 : v) });
  s.metric({ name: 'WriteLatency', service: 'orders-db', unit: 'Seconds', labels: { DBInstanceIdentifier: 'orders-db' }, base: 0.0021, noise: 0.1, diurnal: 0, round: 4, effect: (t, v) => (t >= onset - 240 && t < onset ? v * 18 : t >= onset + 150 ? v * 2 : v) });
  red(s, 'order-api', 'alb', { rps: 80, errRatio: 0.001, p99: 0.15, errEffect: (t, v) => (t >= onset && t < onset + 200 ? 80 * 60 * 0.7 : t >= onset + 200 ? 80 * 60 * 0.03 : v), labels: { TargetGroup: 'targetgroup/order-api/3a9c04f2e1d8b7c6' } });
  red(s, 'inventory-api', 'alb', { rps: 120, errRatio: 0.001, p99: 0.05, labels: { TargetGroup: 'targetgroup/inventory-api/77e1a4b09d2c3f10' } });
  chatter(s, 'order-api', 'jvm', 35);
  chatter(s, 'inventory-api', 'jvm', 45);
  s.logs('inventory-api', 'warn', 'stock snapshot older than 5 minutes for 3 warehouses', 300);
  s.logs('order-api', 'warn', (r) => `HikariPool-1 - Connection is not available, request timed out after ${int(r, 3000, 5000)}ms`, 20, { from: onset - 240, to: onset });
  s.logs('order-api', 'error', (r) => `org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend. (order ${int(r, 1e6, 9e6)})`, 3, { from: onset, to: onset + 60 });
  s.logs('order-api', 'error', 'org.postgresql.util.PSQLException: Connection to orders-db.cluster-cx1.eu-west-1.rds.amazonaws.com:5432 refused.', 4, { from: onset + 60, to: onset + 150 });
  s.logs('order-api', 'warn', (r) => `HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@${int(r, 1e6, 9e6).toString(16)} (This connection has been closed.)`, 10, { from: onset + 150 });
  s.logs('orders-db', 'error', 'could not write to file "pg_wal/xlogtemp.412": Input/output error', 30, { from: onset - 200, to: onset });
  s.alert(onset + 60, 'orders-db', 'orders-db-connections-zero');
  s.setSignal(
    cloudwatchSns(s, {
      topic: 'prod-critical',
      account: '284601937215',
      region: 'eu-west-1',
      alarmName: 'order-api-alb-5xx',
      description: 'order-api target 5XX > 100/min',
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      dimensions: { TargetGroup: 'targetgroup/order-api/3a9c04f2e1d8b7c6', LoadBalancer: 'app/prod-public/5f1c2e9a0b7d3c41' },
      stat: 'Sum',
      period: 60,
      threshold: 100,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 2,
      changedAt: onset + 150,
      recent: [3391, 3210],
      unit: 'Count',
    }),
  );
  s.expect({ rootCause: { service: 'orders-db', kind: 'infrastructure' }, action: 'none', mustCite: ['changes', 'logs'] });
  return s;
}

export const cases = [backboneDnsWithdrawal, transitGatewayScaling, networkPartitionFailover, partnerClientCertExpired, systemdNodeUpdate, rdsHardwareFailover];
