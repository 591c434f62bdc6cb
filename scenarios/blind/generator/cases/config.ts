import { add, int, level, pick, ramp, Scenario } from '../lib.js';
import { chatter, red } from '../kit.js';
import { alertmanager, datadog, DD_TEMPLATE_SHORT, opsgenie, pagerduty } from '../senders.js';

/** Cloudflare 2020-07-17: a backbone router config change attracts all traffic to one site. */
export function backboneRouterConfig(): Scenario {
  const s = new Scenario({
    name: 'backbone-router-prefix-policy-change',
    description:
      'Modeled on Cloudflare 2020-07-17: an engineer edits a term on the Atlanta backbone router to relieve congestion; the change removes the prefix-list filter and the router advertises all its routes, pulling traffic from the whole backbone into one site. Edge PoPs east of it lose half their requests. PagerDuty pages on the edge network service.',
    at: '2026-07-17T21:31:00Z',
    seed: 201,
    peakHourUtc: 20,
    reference: { hoursBefore: 168 },
    topology: { 'edge-pop-iad': ['backbone-atl'], 'edge-pop-ord': ['backbone-atl'], 'edge-pop-ewr': ['backbone-atl'], 'backbone-atl': [] },
  });
  const onset = -9 * 60;
  s.change(-3 * 3600, 'edge-pop-ord', 'deployment', 'edge proxy 2026.7.3 canary in ORD', { version: '2026.7.3', previousVersion: '2026.7.2', source: 'salt' });
  s.change(-29 * 60, 'backbone-atl', 'config', 'atl01: deactivate term 6-BBONE-NH on eth-0/0/1 (congestion relief, JIRA NET-4412) — committed', { author: 'netops-jd', source: 'netconf' });
  s.change(onset - 20, 'backbone-atl', 'config', 'atl01: policy-statement 6-BBONE-OUT: remove term 6-SITE-LOCAL from-prefix-list (commit confirmed 10)', { author: 'netops-jd', source: 'netconf' });
  s.metric({ name: 'interface_out_utilization', service: 'backbone-atl', unit: 'ratio', labels: { device: 'atl01', ifname: 'et-0/0/1' }, base: 0.62, noise: 0.05, diurnal: 0.2, max: 1, effect: level(onset, 1.0, 30, 0.0) });
  s.metric({ name: 'bgp_prefixes_advertised', service: 'backbone-atl', labels: { device: 'atl01' }, base: 412, noise: 0.0, diurnal: 0, round: 0, effect: level(onset, 11874, 0, 0.0) });
  s.metric({ name: 'interface_packet_loss_ratio', service: 'backbone-atl', unit: 'ratio', labels: { device: 'atl01' }, base: 0.0002, noise: 0.4, diurnal: 0, effect: level(onset + 20, 0.38, 60, 0.1) });
  for (const pop of ['iad', 'ord', 'ewr']) {
    red(s, `edge-pop-${pop}`, 'prom', { rps: pop === 'iad' ? 14000 : 9000, errRatio: 0.0015, p99: 0.09, errEffect: level(onset + 30, pop === 'ord' ? 0.31 : 0.47, 60, 0.1), latEffect: level(onset + 30, 4.2, 60, 0.2), rpsEffect: ramp(onset, 0.55, 120) });
  }
  s.logs('backbone-atl', 'info', 'BGP_IO_ERROR_CLOSE_SESSION: peer 10.20.4.1 (External AS 13335) transitioned to Established', 900, { to: onset });
  s.logs('backbone-atl', 'warn', (r) => `RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 10.20.${int(r, 1, 9)}.1 ... changed state from Established to Idle (event HoldTime)`, 40, { from: onset + 30 });
  s.logs('backbone-atl', 'error', 'PFE_FW_SYSLOG: queue et-0/0/1 tail drops 1.2M pps', 25, { from: onset + 10 });
  for (const pop of ['iad', 'ord', 'ewr']) {
    chatter(s, `edge-pop-${pop}`, 'go', 60);
    s.logs(`edge-pop-${pop}`, 'error', (r) => `origin connect timeout to ${pick(r, ['core-dfw', 'core-sjc', 'core-atl'])} via backbone: i/o timeout after 5000ms`, 14, { from: onset + 30 });
  }
  s.logs('edge-pop-iad', 'warn', 'tls session ticket key rotation overdue by 2m', 700);
  s.alert(onset + 60, 'backbone-atl', 'BackboneLinkSaturated');
  s.alert(onset + 120, 'edge-pop-ewr', 'EdgeErrorRateHigh');
  s.alert(onset + 130, 'edge-pop-ord', 'EdgeErrorRateHigh');
  s.setSignal(pagerduty(s, { subdomain: 'edgeco', serviceName: 'Edge Network', title: '[FIRING:3] EdgeErrorRateHigh edge-pop-iad edge-pop-ord edge-pop-ewr', createdAt: onset + 140, priority: 'P1', number: 48211, escalationPolicy: 'Edge SRE', team: 'Edge SRE' }));
  s.expect({ rootCause: { service: 'backbone-atl', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'metrics'] });
  return s;
}

/** CrowdStrike 2024-07-19: a content (channel file) update crashes the hosts running the agent. */
export function endpointAgentContentUpdate(): Scenario {
  const s = new Scenario({
    name: 'edr-content-update-crashes-windows-workers',
    description:
      'Modeled on CrowdStrike 2024-07-19: the vendor pushes a channel-file (content) update to the EDR agent; the kernel driver reads past a template array and every Windows host that loads it bluescreens in a boot loop. The claims workers run on those hosts; Opsgenie alerts on the claims queue backing up. No traces (Windows batch workers are not instrumented).',
    at: '2026-07-19T05:02:00Z',
    seed: 202,
    peakHourUtc: 15,
    windowStart: -90 * 60,
    topology: { 'claims-intake': ['claims-queue'], 'claims-worker': ['claims-queue', 'edr-agent', 'policy-db'], 'edr-agent': [] },
  });
  const onset = -58 * 60;
  s.change(onset - 240, 'edr-agent', 'config', 'Falcon sensor channel file C-00000291*.sys published (content version 291-2026.07.19.0409)', { source: 'vendor-console', author: 'vendor' });
  s.change(-50 * 60, 'policy-db', 'infrastructure', 'SQL Server patch window: KB5040437 applied on secondary, failover not required', { source: 'sccm' });
  s.metric({ name: 'windows_hosts_reporting', service: 'claims-worker', base: 48, noise: 0.0, diurnal: 0, round: 0, effect: (t, v) => (t < onset ? v : Math.max(3, v - Math.floor((t - onset) / 40))) });
  s.metric({ name: 'claims_queue_depth', service: 'claims-queue', base: 120, noise: 0.2, diurnal: 0.3, round: 0, effect: (t, v) => (t < onset + 120 ? v : v + (t - onset - 120) * 2.2) });
  s.metric({ name: 'claims_processed_per_minute', service: 'claims-worker', base: 900, noise: 0.06, diurnal: 0.3, round: 0, effect: ramp(onset, 0.06, 1500) });
  s.metric({ name: 'claims_intake_requests_per_minute', service: 'claims-intake', base: 880, noise: 0.06, diurnal: 0.3, round: 0 });
  s.logs('claims-worker', 'info', (r) => `claim ${int(r, 1e6, 9e6)} adjudicated in ${int(r, 200, 1900)}ms`, 30, { to: onset + 600 });
  s.logs('claims-intake', 'info', (r) => `claim received channel=${pick(r, ['portal', 'edi', 'fax-ocr'])}`, 40);
  s.logs('claims-intake', 'warn', 'EDI 837 batch contains 2 segments with unknown qualifiers, skipped', 400);
  s.logs('edr-agent', 'info', (r) => `sensor heartbeat aid=${int(r, 1e5, 9e5)} cid=acme content=291-2026.07.19.0321`, 90, { to: onset - 60 });
  s.logs('edr-agent', 'info', (r) => `content update received channel=291 version=2026.07.19.0409 host=CLMWRK-${int(r, 10, 57)}`, 20, { from: onset - 230, to: onset + 400 });
  s.logs('claims-worker', 'fatal', (r) => `host CLMWRK-${int(r, 10, 57)} unexpected shutdown: BugCheck 0x00000050 PAGE_FAULT_IN_NONPAGED_AREA csagent.sys`, 45, { from: onset });
  s.logs('claims-worker', 'error', (r) => `heartbeat lost from CLMWRK-${int(r, 10, 57)} (last seen ${int(r, 2, 30)}m ago)`, 60, { from: onset + 300 });
  for (let i = 0; i < 6; i++) s.event(onset + 120 + i * 420, 'claims-worker', 'crash_loop', `${int(s.r, 4, 9)} hosts rebooting repeatedly (BSOD on boot, csagent.sys)`, int(s.r, 4, 9));
  s.event(-90 * 60, 'claims-intake', 'restart', 'scheduled IIS app pool recycle');
  s.alert(onset + 900, 'claims-worker', 'WorkerHostsNotReporting');
  s.setSignal(
    opsgenie(s, {
      message: 'Claims queue depth above 2000 for 15m',
      alias: 'claims-queue-depth-prod',
      tinyId: 7731,
      createdAt: -3 * 60,
      entity: 'claims-queue',
      source: 'Prometheus',
      sourceName: 'Prometheus',
      sourceType: 'Prometheus',
      tags: ['prod', 'claims', 'queue'],
      teams: ['claims-platform'],
      priority: 'P2',
      description: 'claims_queue_depth = 7321; workers are not draining the queue.',
      details: { service: 'claims-queue', env: 'prod', region: 'us-east-2' },
      integrationName: 'Causeway webhook',
    }),
  );
  s.expect({ rootCause: { service: 'edr-agent', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'runtime'] });
  return s;
}

/** Roblox 2021-10-28: enabling Consul's streaming backend under load makes the KV store contend. */
export function consulStreaming(): Scenario {
  const s = new Scenario({
    name: 'consul-streaming-enabled-contention',
    description:
      'Modeled on Roblox 2021-10-28: the new Consul streaming backend is enabled on the shared cluster; under the evening load it contends on a single Go channel, raft commits slow from milliseconds to seconds, and every service that resolves others through Consul starts failing. Alertmanager pages on the matchmaker, two hops away. The unrelated avatar deploy a little earlier is a red herring.',
    at: '2026-10-28T19:46:00Z',
    seed: 203,
    peakHourUtc: 20,
    reference: { hoursBefore: 24 },
    topology: { 'game-matchmaker': ['session-directory', 'consul'], 'session-directory': ['consul'], 'avatar-render': ['consul'], consul: [] },
  });
  const onset = -21 * 60;
  s.change(onset - 4 * 60, 'consul', 'config', 'consul agents: use_streaming_backend = true (rolling, all 1,400 clients)', { author: 'infra-automation', source: 'nomad' });
  s.change(-33 * 60, 'avatar-render', 'deployment', 'avatar-render 22.4.1', { version: '22.4.1', previousVersion: '22.4.0', source: 'nomad' });
  s.change(-2 * 3600, 'consul', 'infrastructure', 'consul servers: replace c5.9xlarge with c5.18xlarge (prior week capacity ticket)', { source: 'terraform' });
  s.metric({ name: 'consul_raft_commitTime_p99', service: 'consul', unit: 'ms', base: 9, noise: 0.15, diurnal: 0.1, round: 0, effect: ramp(onset, 210, 600) });
  s.metric({ name: 'consul_kvs_apply_p99', service: 'consul', unit: 'ms', base: 12, noise: 0.15, diurnal: 0.1, round: 0, effect: ramp(onset, 140, 600) });
  s.metric({ name: 'consul_server_cpu_utilization', service: 'consul', unit: 'ratio', base: 0.35, noise: 0.05, diurnal: 0.15, max: 1, effect: level(onset, 0.93, 500, 0.03) });
  red(s, 'game-matchmaker', 'prom', { rps: 2200, errRatio: 0.002, p99: 0.4, errEffect: level(onset + 300, 0.22, 400, 0.1), latEffect: ramp(onset + 200, 6, 500) });
  red(s, 'session-directory', 'prom', { rps: 3100, errRatio: 0.001, p99: 0.05, errEffect: level(onset + 240, 0.18, 400, 0.1), latEffect: ramp(onset + 200, 20, 500) });
  red(s, 'avatar-render', 'prom', { rps: 800, errRatio: 0.01, p99: 1.4 });
  chatter(s, 'game-matchmaker', 'go', 40);
  chatter(s, 'session-directory', 'go', 40);
  s.logs('avatar-render', 'warn', (r) => `texture cache miss ratio ${int(r, 30, 45)}% above 25%`, 120);
  s.logs('consul', 'info', 'consul.fsm: snapshot created: duration=2.1s', 900);
  s.logs('consul', 'warn', (r) => `agent.server.raft: failed to appendEntries to: peer="{Voter 10.2.${int(r, 0, 4)}.${int(r, 10, 99)}:8300}" error="timed out enqueuing operation" (${int(r, 800, 4000)}ms)`, 25, { from: onset + 120 });
  s.logs('consul', 'warn', (r) => `agent.rpcclient.health: subscribe call failed: err="rpc error: code = Unavailable desc = stream reset" topic=ServiceHealth key=${pick(r, ['session-directory', 'game-matchmaker', 'avatar-render'])}`, 12, { from: onset });
  s.logs('session-directory', 'error', (r) => `consul lookup for service "player-store" failed: Unexpected response code: 500 (rpc error making call: ${pick(r, ['timed out enqueuing operation', 'rpc error: EOF'])})`, 9, { from: onset + 240 });
  s.logs('game-matchmaker', 'error', (r) => `match ${int(r, 1e6, 9e6)} failed: no healthy session-directory instances (consul catalog timeout)`, 10, { from: onset + 300 });
  const shape = [
    { service: 'game-matchmaker', name: 'POST /match', ms: 90 },
    { service: 'game-matchmaker', name: 'consul.health.service session-directory', parent: 0, ms: 3, attributes: { 'peer.service': 'consul' } },
    { service: 'session-directory', name: 'ReserveSlot', parent: 0, ms: 25, after: 6 },
    { service: 'session-directory', name: 'consul.kv.put', parent: 2, ms: 6, attributes: { 'peer.service': 'consul' } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 20, { from: onset + 180, faults: [{ span: 3, status: 'error', ms: 2900, attributes: { 'error.message': 'Unexpected response code: 500' } }, { span: 1, ms: 1800 }], rate: 0.55 });
  s.alert(onset + 200, 'consul', 'ConsulRaftCommitSlow');
  s.alert(onset + 420, 'session-directory', 'SessionDirectoryErrors');
  s.setSignal(
    alertmanager(s, {
      receiver: 'causeway',
      externalURL: 'http://alertmanager.ops.svc:9093',
      groupBy: ['alertname', 'job'],
      alerts: [{ labels: { alertname: 'MatchmakerErrorBudgetBurn', job: 'game-matchmaker', namespace: 'games', severity: 'page', slo: 'match-success' }, annotations: { summary: 'game-matchmaker is burning its 30d error budget 14x', description: 'match success ratio 78% over 5m' }, startsAt: onset + 600, generatorURL: 'http://prometheus.ops.svc:9090/graph?g0.expr=slo%3Aburn_rate5m%7Bslo%3D%22match-success%22%7D+%3E+14' }],
    }),
  );
  s.expect({ rootCause: { service: 'consul', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'metrics'] });
  return s;
}

/** A gateway route timeout lowered for one path catches a slow but healthy backend. */
export function gatewayTimeout(): Scenario {
  const s = new Scenario({
    name: 'gateway-route-timeout-lowered',
    description:
      'Modeled on a well-known class of incident, a proxy timeout lowered by a configuration change: a platform engineer lowers the default route timeout on the API gateway from 30s to 3s; report exports, slow but healthy, now get 504 at the gateway and the reports service logs client cancellations. Datadog pages on the reports service, which is fine and always slow.',
    at: '2026-09-02T10:27:00Z',
    seed: 204,
    peakHourUtc: 10,
    reference: { hoursBefore: 168 },
    topology: { 'api-gateway': ['reports-api', 'accounts-api'], 'reports-api': ['warehouse-query'], 'accounts-api': ['accounts-db'] },
  });
  const onset = -17 * 60;
  s.change(onset - 45, 'api-gateway', 'config', 'api-gateway: default route timeout 30s -> 3s (envoy RouteConfiguration v418)', { author: 'platform-ci', commit: '77ab0e3', source: 'gitops' });
  s.change(-44 * 60, 'accounts-api', 'deployment', 'accounts-api 2026.09.02-1', { version: '2026.09.02-1', previousVersion: '2026.08.29-3', source: 'argo-cd' });
  s.change(-3 * 3600, 'reports-api', 'deployment', 'reports-api 4.2.0: CSV export streaming', { version: '4.2.0', previousVersion: '4.1.2', source: 'argo-cd' });
  red(s, 'api-gateway', 'datadog', { rps: 700, errRatio: 0.001, p99: 4.5, errEffect: add(onset, 11, 60), latEffect: level(onset, 3.0, 0, 0.01) });
  red(s, 'reports-api', 'datadog', { rps: 12, errRatio: 0.01, p99: 9.5, errEffect: level(onset, 6.5, 60, 0.2), latEffect: level(onset, 3.0, 0, 0.02) });
  red(s, 'accounts-api', 'datadog', { rps: 640, errRatio: 0.0005, p99: 0.12 });
  s.metric({ name: 'envoy.cluster.upstream_rq_timeout', service: 'api-gateway', labels: { envoy_cluster: 'reports-api' }, unit: 'req/s', base: 0.01, noise: 0.5, diurnal: 0, min: 0, round: 2, effect: level(onset, 6.4, 60, 0.2) });
  chatter(s, 'api-gateway', 'go', 30);
  chatter(s, 'accounts-api', 'node', 40);
  s.logs('reports-api', 'info', (r) => `export ${int(r, 1e5, 9e5)} finished rows=${int(r, 1e4, 9e5)} duration_ms=${int(r, 3500, 14000)}`, 30, { to: onset });
  s.logs('reports-api', 'warn', (r) => `warehouse query slow (${int(r, 4, 12)}s) tenant=${int(r, 100, 999)}`, 60);
  s.logs('reports-api', 'error', (r) => `export ${int(r, 1e5, 9e5)} aborted: client disconnected (context canceled) after 3.0s`, 12, { from: onset });
  s.logs('api-gateway', 'warn', (r) => `"GET /v1/reports/${int(r, 1e5, 9e5)}/export HTTP/2" 504 UT upstream_reset_before_response_started{timeout} 3001ms cluster=reports-api`, 11, { from: onset });
  s.logs('accounts-api', 'warn', 'rate limiter: tenant 4411 at 92% of quota', 300);
  const shape = [
    { service: 'api-gateway', name: 'GET /v1/reports/:id/export', ms: 7000 },
    { service: 'reports-api', name: 'ExportReport', parent: 0, ms: 6900 },
    { service: 'warehouse-query', name: 'SELECT … FROM fact_orders', parent: 1, ms: 6500, attributes: { 'db.system': 'snowflake' } },
  ];
  s.traces(shape, 12);
  s.traces(shape, 18, { from: onset, faults: [{ span: 0, status: 'error', ms: 3001, attributes: { 'http.status_code': 504, 'envoy.response_flags': 'UT' } }, { span: 1, status: 'error', ms: 2998, attributes: { 'error.message': 'context canceled' }, propagate: false }], rate: 0.9 });
  s.setSignal(
    datadog(s, DD_TEMPLATE_SHORT, {
      ALERT_ID: '90441876',
      EVENT_TITLE: '[Triggered] [P3] reports-api error rate is high',
      EVENT_MSG: '%%%\nreports-api error rate 54% (threshold 20%)\n\n@webhook-causeway\n%%%',
      ALERT_TRANSITION: 'Triggered',
      ALERT_PRIORITY: 'P3',
      ALERT_SCOPE: 'env:production,service:reports-api',
      TAGS: 'env:production,service:reports-api,team:insights',
      LINK: 'https://app.datadoghq.eu/monitors/90441876',
      DATE: String(s.ms(onset + 420)),
      AGGREG_KEY: 'c51f1f0c2ab44b7e9ad76d7c3e12c0b2',
    }),
  );
  s.expect({ rootCause: { service: 'api-gateway', kind: 'config_change' }, action: 'revert_config', mustCite: ['changes', 'traces'] });
  return s;
}

export const cases = [backboneRouterConfig, endpointAgentContentUpdate, consulStreaming, gatewayTimeout];
