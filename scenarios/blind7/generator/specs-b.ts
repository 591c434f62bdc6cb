/** Flags turned on, and resources that ran out with no change behind them. */
import { h, m, type Spec } from './engine.js';
import { alertmanager, cloudwatchEvent, datadog, grafana, opsgenie, pagerduty } from './signals.js';

const B1 = '2026-11-09T15:31:00Z';
const B2 = '2026-10-24T18:40:00Z';
const B3 = '2026-11-20T09:14:00Z';
const B4 = '2026-11-23T14:02:00Z';
const B5 = '2026-11-11T05:50:00Z';
const B6 = '2026-11-30T21:20:00Z';
const B7 = '2026-10-29T16:45:00Z';
const B8 = '2026-12-01T02:35:00Z';

export const specsB: Spec[] = [
  {
    name: 'order-entry-timeouts-pagerduty',
    description: 'PagerDuty: order-gateway NewOrderSingle timeouts, p99 above 250ms during the US session.',
    story:
      'Trading platform. A feature flag on pre-trade-risk (risk.var_model_v2, 25% of accounts) turned on 11 min before runs a historical VaR simulation per order instead of the cached limit check; its CPU saturates and risk checks take 300-900ms, so order-gateway times out. Tempting: a market-data feed deploy 30 min before, order-router restarts, venue-adapter always-slow spans.',
    at: B1,
    signal: pagerduty({ at: B1, created: -m(5), title: 'order-gateway: NewOrderSingle p99 latency > 250ms', pdService: 'order-gateway', number: 50122, priority: 'P1' }),
    check: { service: 'order-gateway', start: -m(5) },
    topology: {
      'order-gateway': ['pre-trade-risk', 'order-router'],
      'pre-trade-risk': ['md-cache', 'positions-svc'],
      'order-router': ['venue-adapter'],
      'md-feed': ['md-cache'],
    },
    svcs: {
      'order-gateway': { rps: 920, err: 0.003, p99: 40 },
      'pre-trade-risk': { rps: 920, err: 0.001, p99: 8 },
      'order-router': { rps: 900, err: 0.002, p99: 20 },
      'venue-adapter': { rps: 880, err: 0.005, p99: 160 },
      'positions-svc': { rps: 950, err: 0.001, p99: 5 },
    },
    golden: {
      'pre-trade-risk.p99': [{ from: -m(11), value: 870, ramp: m(2) }],
      'order-gateway.p99': [{ from: -m(11), value: 1000, ramp: m(2) }],
      'order-gateway.err': [{ from: -m(10), value: 0.07, ramp: m(2) }],
      'positions-svc.rps': [{ from: -m(11), value: 5200, ramp: m(2) }],
    },
    series: [
      { name: 'container_cpu_usage_ratio', svc: 'pre-trade-risk', unit: 'ratio', base: 0.32, effects: [{ from: -m(11), value: 0.99, ramp: m(1) }] },
      { name: 'risk_checks_in_flight', svc: 'pre-trade-risk', unit: 'count', base: 6, noise: 0.3, effects: [{ from: -m(11), value: 410, ramp: m(2) }] },
      { name: 'container_cpu_usage_ratio', svc: 'md-feed', unit: 'ratio', base: 0.55 },
    ],
    logs: [
      { svc: 'venue-adapter', level: 'warn', msg: 'ARCA session sequence gap, resend requested', from: -h(2), every: 300, bg: true },
      { svc: 'md-feed', level: 'info', msg: 'md-feed 8.2.1 started, multicast groups joined: 48', from: -m(30), to: -m(29), every: 60 },
      { svc: 'pre-trade-risk', level: 'info', msg: 'flag risk.var_model_v2 evaluated true for cohort accounts-25pct', from: -m(11), every: 30 },
      { svc: 'pre-trade-risk', level: 'warn', msg: 'risk check took 742ms (historical VaR, 250 scenarios)', from: -m(11), every: 5 },
      { svc: 'order-gateway', level: 'error', msg: 'risk check deadline exceeded (250ms), order rejected with OrdRejReason=99', from: -m(10), every: 4 },
    ],
    traces: [
      {
        n: 30,
        chain: [
          { svc: 'order-gateway', op: 'NewOrderSingle', ms: 6 },
          { svc: 'pre-trade-risk', op: 'CheckOrder', ms: 3 },
          { svc: 'positions-svc', op: 'GetPositionHistory', ms: 2 },
        ],
        faults: [{ svc: 'pre-trade-risk', from: -m(11), mode: 'slow', p: 0.6, ms: 650 }],
      },
      { n: 10, chain: [{ svc: 'order-router', op: 'Route', ms: 5 }, { svc: 'venue-adapter', op: 'FIX send', ms: 140 }] },
    ],
    changes: [
      { at: -m(30), service: 'md-feed', kind: 'deployment', summary: 'md-feed 8.2.1: OPRA line handler fix', version: '8.2.1', previousVersion: '8.2.0', source: 'argocd' },
      { at: -m(11), service: 'pre-trade-risk', kind: 'feature_flag', summary: 'risk.var_model_v2 -> on for accounts-25pct', author: 'quant-risk', source: 'launchdarkly' },
      { at: -m(2), service: 'order-gateway', kind: 'config', summary: 'risk deadline 250ms -> 400ms', author: 'oncall', source: 'consul' },
    ],
    runtime: [{ at: -m(45), service: 'order-router', kind: 'restart', count: 2, message: 'scheduled pod rotation' }],
    expected: { rootCause: { service: 'pre-trade-risk', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'metrics'] },
  },
  {
    name: 'matchmaking-success-rate-drop',
    description: 'Grafana: matchmaking success rate below 92% for ranked queues (evening peak).',
    story:
      'Video game backend. matchmaker flag mm.cross_region_pools turned on 14 min before merges EU and NA pools; the matcher then asks region-ping for every candidate pair and times out on large pools, so ranked matches fail. Tempting: lobby-svc (failures surface there as lobby-create errors), a party-svc deploy 25 min before, and an autoscaling event.',
    at: B2,
    signal: grafana({
      at: B2,
      startsAt: -m(6),
      title: '[FIRING:1] MatchmakingSuccessLow (ranked)',
      labels: { alertname: 'MatchmakingSuccessLow', service: 'game-client-gw', queue: 'ranked', severity: 'page' },
      summary: 'Matchmaking success 71% (SLO 92%)',
      value: 0.71,
    }),
    check: { service: 'game-client-gw', start: -m(6) },
    style: 'otel',
    topology: {
      'game-client-gw': ['matchmaker', 'lobby-svc', 'party-svc'],
      matchmaker: ['region-ping', 'skill-rating', 'lobby-svc'],
      'lobby-svc': ['game-server-allocator'],
      'party-svc': ['presence'],
    },
    svcs: {
      'game-client-gw': { rps: 2800, err: 0.003, p99: 400 },
      matchmaker: { rps: 260, err: 0.004, p99: 4500 },
      'lobby-svc': { rps: 300, err: 0.003, p99: 200 },
      'party-svc': { rps: 400, err: 0.002, p99: 50 },
      'region-ping': { rps: 300, err: 0.001, p99: 20 },
    },
    golden: {
      'matchmaker.err': [{ from: -m(13), value: 0.29, ramp: m(4) }],
      'matchmaker.p99': [{ from: -m(14), value: 30000, ramp: m(4) }],
      'region-ping.rps': [{ from: -m(14), value: 9800, ramp: m(2) }],
      'region-ping.p99': [{ from: -m(14), value: 140, ramp: m(3) }],
      'game-client-gw.err': [{ from: -m(12), value: 0.04, ramp: m(4) }],
      'lobby-svc.err': [{ from: -m(12), value: 0.05, ramp: m(4) }],
    },
    series: [
      { name: 'matchmaking.success_ratio', svc: 'matchmaker', unit: 'ratio', base: 0.965, noise: 0.01, effects: [{ from: -m(13), value: 0.71, ramp: m(4) }] },
      { name: 'matchmaking.pool_size', svc: 'matchmaker', unit: 'players', base: 41000, diurnal: true, effects: [{ from: -m(14), value: 96000, ramp: m(1) }] },
      { name: 'k8s.deployment.replicas', svc: 'lobby-svc', unit: 'count', base: 18, noise: 0, effects: [{ from: -m(35), value: 24 }] },
    ],
    logs: [
      { svc: 'presence', level: 'warn', msg: 'status fanout to 10,000+ friends truncated', from: -h(2), every: 150, bg: true },
      { svc: 'game-server-allocator', level: 'warn', msg: 'fleet eu-central-1 at 88% allocation', from: -h(2), every: 400, bg: true },
      { svc: 'matchmaker', level: 'info', msg: 'feature mm.cross_region_pools enabled: pools EU+NA merged', from: -m(14), to: -m(13), every: 50 },
      { svc: 'matchmaker', level: 'error', msg: 'match search deadline 30s exceeded, ticket returned to queue (pool=EU+NA, candidates=96,104)', from: -m(13), every: 5 },
      { svc: 'lobby-svc', level: 'error', msg: 'CreateLobby: match ticket expired before allocation', from: -m(12), every: 12 },
      { svc: 'party-svc', level: 'info', msg: 'party-svc 2.14.0 ready', from: -m(25), to: -m(24), every: 60 },
    ],
    traces: [
      {
        n: 30,
        chain: [
          { svc: 'game-client-gw', op: 'POST /matchmaking/tickets', ms: 10 },
          { svc: 'matchmaker', op: 'FindMatch', ms: 1500 },
          { svc: 'region-ping', op: 'PairLatency', ms: 8 },
        ],
        faults: [{ svc: 'matchmaker', from: -m(13), mode: 'error', p: 0.3, ms: 28000, attrs: { 'mm.pool': 'EU+NA' } }],
      },
      { n: 10, chain: [{ svc: 'game-client-gw', op: 'POST /party', ms: 10 }, { svc: 'party-svc', op: 'CreateParty', ms: 20 }, { svc: 'presence', op: 'Get', ms: 3 }] },
    ],
    changes: [
      { at: -m(35), service: 'lobby-svc', kind: 'scaling', summary: 'HPA 18 -> 24 (evening peak)', source: 'kubernetes' },
      { at: -m(25), service: 'party-svc', kind: 'deployment', summary: 'party-svc 2.14.0: party size 6', version: '2.14.0', previousVersion: '2.13.3', source: 'spinnaker' },
      { at: -m(14), service: 'matchmaker', kind: 'feature_flag', summary: 'mm.cross_region_pools = true (ranked)', author: 'live-ops', source: 'unleash' },
    ],
    expected: { rootCause: { service: 'matchmaker', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'logs'] },
  },
  {
    name: 'outbound-credit-transfers-failing',
    description: 'Datadog monitor: outbound SEPA credit transfers failing at payments-hub (pacs.002 RJCT ratio high).',
    story:
      'Bank payments hub. The iso-gateway flag iso20022.structured_address_strict was switched on 19 min before, ahead of the CBPR+ structured-address deadline; it rejects pacs.008 messages whose debtor address is still unstructured (most corporate customers) with status RJCT (FF01), answered back to payments-hub as pacs.002 rejects. Tempting: payments-hub (alert, a hotfix after onset), sanctions-screening (always slow), and an AWS Health notice for MQ maintenance in another region.',
    at: B3,
    signal: datadog({
      at: B3,
      date: -m(8),
      title: 'payments-hub outbound pacs.002 RJCT ratio > 3%',
      message: 'Outbound credit transfers: 27.4% rejected in the last 10m. Runbook: PAY-RB-12',
      tags: ['service:payments-hub', 'env:prod', 'team:payments-core', 'scheme:sepa'],
      scope: 'service:payments-hub,env:prod',
      metric: 'payments.outbound.rejected.ratio',
      priority: 'P1',
    }),
    check: { service: 'payments-hub', start: -m(8) },
    style: 'dd',
    topology: {
      'payments-hub': ['iso-gateway', 'sanctions-screening', 'fraud-scorer', 'ledger'],
      'iso-gateway': ['swift-alliance', 'amazon-mq'],
      'fraud-scorer': ['feature-store'],
    },
    svcs: {
      'payments-hub': { rps: 95, err: 0.004, p99: 900 },
      'iso-gateway': { rps: 95, err: 0.002, p99: 120 },
      'sanctions-screening': { rps: 95, err: 0.002, p99: 2400 },
      'fraud-scorer': { rps: 95, err: 0.001, p99: 40 },
      ledger: { rps: 160, err: 0.001, p99: 30 },
    },
    golden: {
      'iso-gateway.err': [{ from: -m(19), value: 0.27, ramp: m(1) }],
      'payments-hub.err': [{ from: -m(19), value: 0.26, ramp: m(2) }],
      'payments-hub.rps': [{ from: -m(15), factor: 1.2, ramp: m(5) }],
    },
    series: [
      { name: 'payments.outbound.rejected.ratio', svc: 'payments-hub', unit: 'ratio', base: 0.006, noise: 0.4, effects: [{ from: -m(19), value: 0.274, ramp: m(2) }] },
      { name: 'iso.validation.failures', svc: 'iso-gateway', unit: 'count/s', labels: { message: 'pacs.008' }, base: 0.05, noise: 0.8, effects: [{ from: -m(19), value: 26, ramp: m(1) }] },
      { name: 'aws.amazonmq.total_message_count', svc: 'amazon-mq', unit: 'messages', base: 120, noise: 0.3 },
    ],
    logs: [
      { svc: 'sanctions-screening', level: 'warn', msg: 'fuzzy match above 0.85 for party name, routed to manual review', from: -h(2), every: 90, bg: true },
      { svc: 'payments-hub', level: 'warn', msg: 'duplicate end-to-end id, idempotent replay returned', from: -h(2), every: 240, bg: true },
      { svc: 'iso-gateway', level: 'info', msg: 'feature iso20022.structured_address_strict = on', from: -m(19), to: -m(18), every: 60 },
      { svc: 'iso-gateway', level: 'warn', msg: 'pacs.008 validation failed: Dbtr/PstlAdr/AdrLine present without TwnNm/Ctry; returning RJCT reason FF01', from: -m(19), every: 4 },
      { svc: 'payments-hub', level: 'error', msg: 'pacs.002 received TxSts=RJCT for EndToEndId; payment moved to repair queue', from: -m(19), every: 4 },
    ],
    traces: [
      {
        n: 30,
        chain: [
          { svc: 'payments-hub', op: 'SubmitCreditTransfer', ms: 30 },
          { svc: 'iso-gateway', op: 'SendPacs008', ms: 40 },
          { svc: 'iso-gateway', op: 'MQ put', ms: 8, peer: 'amazon-mq', host: 'b-41c2.mq.eu-west-1.amazonaws.com' },
        ],
        faults: [{ svc: 'iso-gateway', from: -m(19), mode: 'error', p: 0.27, attrs: { 'iso.reason': 'FF01' } }],
      },
      { n: 10, chain: [{ svc: 'payments-hub', op: 'Screen', ms: 30 }, { svc: 'sanctions-screening', op: 'ScreenParties', ms: 1800 }] },
    ],
    changes: [
      { at: -h(20), service: 'payments-hub', kind: 'deployment', summary: 'payments-hub 31.2.0', version: '31.2.0', previousVersion: '31.1.4', source: 'jenkins' },
      { at: -m(19), service: 'iso-gateway', kind: 'feature_flag', summary: 'iso20022.structured_address_strict: off -> on', author: 'payments-compliance', source: 'flagsmith' },
      { at: -m(6), service: 'payments-hub', kind: 'deployment', summary: 'hotfix: route RJCT FF01 to repair queue with customer notice', version: '31.2.1', previousVersion: '31.2.0', author: 'oncall' },
    ],
    alerts: [{ at: -h(5), service: 'amazon-mq', name: 'AWS Health: scheduled maintenance (eu-central-1)', status: 'firing' }],
    expected: { rootCause: { service: 'iso-gateway', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'logs'] },
  },
  {
    name: 'patient-portal-booking-slow-opsgenie',
    description: 'Opsgenie: patient-portal booking confirmation p95 above 4s (Monday clinic opening).',
    story:
      'Healthcare scheduling SaaS. booking-svc flag realtime_eligibility turned on for all clinics 23 min before calls the payer eligibility API (a third party, seen only as client spans from booking-svc to payer-gateway.example-clearinghouse.com) inside the booking transaction. The clearinghouse is as slow as always (1.5-3s), but now it sits on the booking path. Tempting: the third party (its spans are slow, but no slower than the week before), patient-portal (alert), a notify-svc deploy.',
    at: B4,
    signal: opsgenie({
      at: B4,
      created: -m(9),
      message: 'patient-portal: booking confirmation p95 > 4s',
      tags: ['team:scheduling', 'env:prod'],
      details: { service: 'patient-portal', region: 'us-east-2', p95_ms: '6120' },
      source: 'Grafana',
      priority: 'P2',
    }),
    check: { service: 'patient-portal', start: -m(9) },
    topology: {
      'patient-portal': ['booking-svc', 'provider-directory'],
      'booking-svc': ['slots-db', 'notify-svc', 'clearinghouse'],
      'notify-svc': ['twilio'],
    },
    svcs: {
      'patient-portal': { rps: 450, err: 0.003, p99: 900 },
      'booking-svc': { rps: 160, err: 0.002, p99: 300 },
      'provider-directory': { rps: 600, err: 0.001, p99: 80 },
      'notify-svc': { rps: 90, err: 0.01, p99: 400 },
    },
    golden: {
      'booking-svc.p99': [{ from: -m(23), value: 6100, ramp: m(2) }],
      'patient-portal.p99': [{ from: -m(23), value: 6400, ramp: m(2) }],
      'booking-svc.err': [{ from: -m(20), value: 0.03, ramp: m(4) }],
    },
    series: [
      { name: 'http_client_requests_per_second', svc: 'booking-svc', unit: 'req/s', labels: { peer: 'clearinghouse' }, base: 0.4, noise: 0.4, effects: [{ from: -m(23), value: 150, ramp: m(1) }] },
      { name: 'http_client_duration_p95_ms', svc: 'booking-svc', unit: 'ms', labels: { peer: 'clearinghouse' }, base: 2300, noise: 0.2 },
      { name: 'db_transaction_duration_p95_ms', svc: 'booking-svc', unit: 'ms', base: 45, effects: [{ from: -m(23), value: 3000, ramp: m(1) }] },
    ],
    logs: [
      { svc: 'notify-svc', level: 'error', msg: 'Twilio 21610: attempt to send to unsubscribed recipient', from: -h(2), every: 100, bg: true },
      { svc: 'booking-svc', level: 'warn', msg: 'eligibility 270/271 round trip 2.4s (batch mode)', from: -h(2), every: 600, bg: true },
      { svc: 'booking-svc', level: 'info', msg: 'flag realtime_eligibility=true for tenant group all-clinics', from: -m(23), to: -m(22), every: 60 },
      { svc: 'booking-svc', level: 'warn', msg: 'booking transaction held 3.1s awaiting eligibility response', from: -m(23), every: 8 },
      { svc: 'booking-svc', level: 'error', msg: 'could not obtain row lock on slot (lock_timeout 5s)', from: -m(20), every: 25 },
    ],
    traces: [
      {
        n: 18,
        to: -m(23),
        chain: [
          { svc: 'patient-portal', op: 'POST /appointments', ms: 30 },
          { svc: 'booking-svc', op: 'BookSlot', ms: 40 },
          { svc: 'slots-db', op: 'UPDATE slots', ms: 4 },
        ],
      },
      {
        n: 22,
        from: -m(23),
        chain: [
          { svc: 'patient-portal', op: 'POST /appointments', ms: 30 },
          { svc: 'booking-svc', op: 'BookSlot', ms: 40 },
          { svc: 'booking-svc', op: 'POST /eligibility/270', ms: 2000, peer: 'clearinghouse', host: 'payer-gateway.example-clearinghouse.com' },
        ],
        faults: [{ svc: 'booking-svc', from: -m(20), mode: 'error', p: 0.04, ms: 5000, attrs: { 'db.response.status_code': '55P03' } }],
      },
      {
        n: 6,
        chain: [
          { svc: 'booking-svc', op: 'eligibility pre-check batch', ms: 100 },
          { svc: 'booking-svc', op: 'POST /eligibility/270', ms: 2000, peer: 'clearinghouse', host: 'payer-gateway.example-clearinghouse.com' },
        ],
      },
    ],
    changes: [
      { at: -h(2), service: 'notify-svc', kind: 'deployment', summary: 'notify-svc 4.2.0: Spanish templates', version: '4.2.0', previousVersion: '4.1.9', source: 'github-actions' },
      { at: -m(23), service: 'booking-svc', kind: 'feature_flag', summary: 'realtime_eligibility enabled for all-clinics', author: 'product-scheduling', source: 'launchdarkly' },
    ],
    expected: { rootCause: { service: 'booking-svc', kind: 'feature_flag' }, action: 'disable_flag', mustCite: ['changes', 'traces'] },
  },
  {
    name: 'dag-runs-late-cloudwatch',
    description: 'CloudWatch alarm: Airflow DAG runs late (DataPlatform/DagRunsLate) since early morning.',
    story:
      'Data platform. The debezium-connect CDC consumer of the Airflow metadata database (RDS Postgres airflow-meta) stopped the evening before and nobody noticed; its logical replication slot retains WAL and fills the disk. Storage ran out three hours before the page: the metadata DB goes read-only-ish (writes fail), the scheduler cannot record task state, DAG runs go late. The alarm itself has been in ALARM for 3 hours. Tempting: airflow-scheduler (alarm, restarts, its heartbeat errors) and the Spark/Snowflake jobs it runs.',
    at: B5,
    signal: cloudwatchEvent({
      at: B5,
      account: '553012877410',
      region: 'us-west-2',
      alarmName: 'dataplatform-dag-runs-late',
      description: 'More than 5 DAG runs past their SLA',
      namespace: 'DataPlatform',
      metric: 'DagRunsLate',
      dims: { Service: 'airflow-scheduler', Environment: 'prod' },
      stat: 'Maximum',
      period: 300,
      threshold: 5,
      comparison: 'GreaterThanThreshold',
      reason: 'Threshold Crossed: 1 datapoint [23.0] was greater than the threshold (5.0).',
      changed: -h(3),
    }),
    check: { service: 'airflow-scheduler', start: -h(3) },
    window: h(6),
    step: 300,
    topology: {
      'airflow-scheduler': ['airflow-meta', 'spark-submit', 'snowflake-loader'],
      'airflow-webserver': ['airflow-meta'],
      'debezium-connect': ['airflow-meta', 'msk'],
      'spark-submit': ['emr'],
      'snowflake-loader': ['snowflake'],
    },
    svcs: { 'airflow-webserver': { rps: 4, err: 0.01, p99: 800 } },
    golden: { 'airflow-webserver.err': [{ from: -h(3.2), value: 0.4, ramp: m(10) }] },
    series: [
      { name: 'FreeStorageSpace', svc: 'airflow-meta', unit: 'bytes', base: 4.1e10, noise: 0.002, step: 300, gaps: 0.1, effects: [{ from: -h(6), value: 2.1e9, ramp: h(2.8) }, { from: -h(3.2), value: 0 }] },
      { name: 'OldestReplicationSlotLag', svc: 'airflow-meta', unit: 'bytes', base: 2.4e8, noise: 0.05, step: 300, gaps: 0.1, effects: [{ from: -h(6), value: 3.8e10, ramp: h(2.8) }] },
      { name: 'TransactionLogsDiskUsage', svc: 'airflow-meta', unit: 'bytes', base: 1.1e9, noise: 0.05, step: 300, gaps: 0.1, effects: [{ from: -h(6), value: 3.9e10, ramp: h(2.8) }] },
      { name: 'CPUUtilization', svc: 'airflow-meta', unit: 'percent', base: 18, step: 300, gaps: 0.1 },
      { name: 'DagRunsLate', svc: 'airflow-scheduler', unit: 'count', base: 0, noise: 0, step: 300, effects: [{ from: -h(3.1), value: 23, ramp: h(1) }] },
      { name: 'airflow_scheduler_heartbeat', svc: 'airflow-scheduler', unit: 'count/min', base: 12, noise: 0.05, step: 300, effects: [{ from: -h(3.2), value: 2 }] },
    ],
    logs: [
      { svc: 'spark-submit', level: 'warn', msg: 'EMR step retried: spot instance reclaimed', from: -h(6), every: 2400, bg: true },
      { svc: 'snowflake-loader', level: 'warn', msg: 'COPY INTO skipped 3 files already loaded', from: -h(6), every: 1800, bg: true },
      { svc: 'airflow-scheduler', level: 'error', msg: 'sqlalchemy.exc.OperationalError: (psycopg2.errors.DiskFull) could not extend file "base/16401/24577": No space left on device', from: -h(3.2), every: 40 },
      { svc: 'airflow-scheduler', level: 'error', msg: 'Scheduler heartbeat failed; TaskInstance state could not be committed', from: -h(3.2), every: 120 },
      { svc: 'airflow-meta', level: 'warn', msg: 'replication slot "debezium_airflow" is inactive; retained WAL 36 GB', from: -h(6), every: 1800 },
      { svc: 'airflow-webserver', level: 'error', msg: 'could not write to table log: No space left on device', from: -h(3.2), every: 300 },
    ],
    noTraces: true,
    runtime: [
      { at: -h(2.5), service: 'airflow-scheduler', kind: 'restart', count: 1, message: 'scheduler liveness probe failed' },
      { at: -h(1.2), service: 'airflow-scheduler', kind: 'crash_loop', count: 4 },
    ],
    changes: [
      { at: -h(5), service: 'spark-submit', kind: 'config', summary: 'spark.sql.shuffle.partitions 400 -> 800 for daily_agg', source: 'airflow-variables' },
      { at: -h(1), service: 'airflow-scheduler', kind: 'scaling', summary: 'scheduler replicas 2 -> 3 (mitigation)', author: 'oncall' },
    ],
    alerts: [{ at: -h(3.3), service: 'airflow-meta', name: 'RDS FreeStorageSpace < 5GB', status: 'firing' }],
    reference: -h(168),
    expected: { rootCause: { service: 'airflow-meta', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['metrics', 'logs'] },
  },
  {
    name: 'dbt-nightly-failures-opsgenie',
    description: 'Opsgenie: dbt-runner transform jobs failing (finance_daily, marts_core) on the last day of the month.',
    story:
      'Data platform. The Snowflake account resource monitor MONTHLY_CAP reached 100% of its credit quota on the last evening of the month and suspended the TRANSFORM_WH warehouse; every dbt model fails with a resource-monitor error. Nothing changed: credits grew steadily all month. Tempting: dbt-runner (alert, an unrelated Airflow DAG config change) and an S3 throttling warning that is always there.',
    at: B6,
    signal: opsgenie({
      at: B6,
      created: -m(12),
      message: '[dbt] job failures: finance_daily, marts_core',
      entity: 'dbt-runner',
      tags: ['data-platform', 'env:prod'],
      details: { service: 'dbt-runner', failed_models: '148', warehouse: 'TRANSFORM_WH' },
      source: 'Airflow',
      priority: 'P2',
    }),
    check: { service: 'dbt-runner', start: -m(12) },
    window: h(3),
    step: 300,
    topology: {
      'airflow-scheduler': ['dbt-runner', 's3-loader'],
      'dbt-runner': ['snowflake'],
      's3-loader': ['s3', 'snowflake'],
      'bi-dashboards': ['snowflake'],
    },
    series: [
      { name: 'snowflake.resource_monitor.used_credit_pct', svc: 'snowflake', unit: 'percent', base: 93, noise: 0.002, step: 300, effects: [{ from: -h(3), value: 100, ramp: h(2.7) }], round: 1 },
      { name: 'snowflake.warehouse.running_queries', svc: 'snowflake', unit: 'count', labels: { warehouse: 'TRANSFORM_WH' }, base: 14, noise: 0.3, step: 300, effects: [{ from: -m(18), value: 0 }] },
      { name: 'snowflake.warehouse.queued_queries', svc: 'snowflake', unit: 'count', labels: { warehouse: 'TRANSFORM_WH' }, base: 1, noise: 0.8, step: 300, effects: [{ from: -m(18), value: 0 }] },
      { name: 'dbt.models.failed', svc: 'dbt-runner', unit: 'count', base: 0.2, noise: 1, step: 300, effects: [{ from: -m(18), value: 148, ramp: m(6) }] },
      { name: 'aws.s3.5xx_errors', svc: 's3', unit: 'count', base: 3, noise: 0.8, step: 300 },
    ],
    logs: [
      { svc: 's3-loader', level: 'warn', msg: 'S3 SlowDown: Please reduce your request rate (retrying)', from: -h(3), every: 900, bg: true },
      { svc: 'bi-dashboards', level: 'warn', msg: 'dashboard refresh exceeded 60s', from: -h(3), every: 1200, bg: true },
      { svc: 'snowflake', level: 'warn', msg: "resource monitor MONTHLY_CAP at 95% of 12,000 credits (notify)", from: -h(2), to: -h(2) + 300, every: 600 },
      { svc: 'dbt-runner', level: 'error', msg: "Database Error in model fct_ledger_daily: 000606 (57P03): No active warehouse selected in the current session. Warehouse 'TRANSFORM_WH' cannot be resumed because resource monitor 'MONTHLY_CAP' has exceeded its quota.", from: -m(18), every: 30 },
      { svc: 's3-loader', level: 'error', msg: 'COPY INTO raw.events failed: warehouse suspended', from: -m(18), every: 300 },
    ],
    noTraces: true,
    changes: [
      { at: -h(2), service: 'airflow-scheduler', kind: 'config', summary: 'DAG marketing_attribution schedule 02:00 -> 01:00', source: 'git-sync' },
      { at: -h(26), service: 'dbt-runner', kind: 'deployment', summary: 'dbt project 2026.11.29: docs only', version: '2026.11.29', previousVersion: '2026.11.27' },
    ],
    reference: false,
    expected: { rootCause: { service: 'snowflake', kind: 'resource_exhaustion' }, action: 'none', mustCite: ['logs', 'metrics'] },
  },
  {
    name: 'dispatch-api-eta-errors',
    description: 'Alertmanager: dispatch-api 5xx ratio above 2% (DispatchApiErrors) in the afternoon delivery window.',
    story:
      'Logistics fleet. route-optimizer has held the whole fleet graph in heap; the fleet has grown ~3% a week for two months (new customers onboarded, no code change) and at the afternoon peak its JVM heap hits the limit: long GC pauses, then OOM kills. dispatch-api returns 5xx on ETA calls. Tempting: a dispatch-api deploy 40 min before, a traffic-api third party that is always flaky, and the rising afternoon request rate.',
    at: B7,
    signal: alertmanager({
      at: B7,
      startsAt: -m(5),
      labels: { alertname: 'DispatchApiErrors', app_kubernetes_io_name: 'dispatch-api', namespace: 'fleet', severity: 'critical' },
      summary: 'dispatch-api 5xx ratio 6.2%',
    }),
    check: { service: 'dispatch-api', start: -m(5) },
    window: h(2),
    topology: {
      'dispatch-api': ['route-optimizer', 'position-store', 'shipments-db'],
      'route-optimizer': ['position-store', 'traffic-api'],
      'driver-app-bff': ['dispatch-api'],
    },
    svcs: {
      'driver-app-bff': { rps: 700, err: 0.003, p99: 300 },
      'dispatch-api': { rps: 260, err: 0.003, p99: 220 },
      'route-optimizer': { rps: 40, err: 0.005, p99: 1800 },
      'position-store': { rps: 2400, err: 0.0005, p99: 9 },
    },
    golden: {
      'route-optimizer.p99': [{ from: -m(40), value: 9000, ramp: m(25) }],
      'route-optimizer.err': [{ from: -m(14), value: 0.21, ramp: m(4) }],
      'dispatch-api.err': [{ from: -m(14), value: 0.062, ramp: m(4) }],
      'dispatch-api.rps': [{ from: -h(2), factor: 1.15, ramp: h(2) }],
    },
    series: [
      { name: 'jvm_memory_used_bytes', svc: 'route-optimizer', unit: 'bytes', labels: { area: 'heap' }, base: 5.1e9, noise: 0.02, effects: [{ from: -h(2), value: 7.9e9, ramp: h(1.7) }] },
      { name: 'jvm_memory_max_bytes', svc: 'route-optimizer', unit: 'bytes', labels: { area: 'heap' }, base: 8e9, noise: 0 },
      { name: 'jvm_gc_pause_seconds_max', svc: 'route-optimizer', unit: 's', base: 0.15, noise: 0.3, effects: [{ from: -m(45), value: 11, ramp: m(30) }] },
      { name: 'fleet_graph_vehicles', svc: 'route-optimizer', unit: 'vehicles', base: 11840, noise: 0.003, round: 0 },
    ],
    logs: [
      { svc: 'route-optimizer', level: 'warn', msg: 'traffic-api returned 503, using historical speeds', from: -h(2), every: 200, bg: true },
      { svc: 'driver-app-bff', level: 'warn', msg: 'client app version 3.1.x deprecated', from: -h(2), every: 60, bg: true },
      { svc: 'route-optimizer', level: 'warn', msg: '[gc] Pause Full (G1 Compaction Pause) 7.9G->7.8G(8.0G) 9412ms', from: -m(40), every: 90 },
      { svc: 'route-optimizer', level: 'fatal', msg: 'Terminating due to java.lang.OutOfMemoryError: Java heap space', from: -m(14), every: 240 },
      { svc: 'dispatch-api', level: 'error', msg: 'ETA request to route-optimizer failed: connection refused / 504', from: -m(14), every: 7 },
    ],
    traces: [
      {
        n: 30,
        chain: [
          { svc: 'dispatch-api', op: 'GET /shipments/{id}/eta', ms: 12 },
          { svc: 'route-optimizer', op: 'EstimateEta', ms: 150 },
          { svc: 'route-optimizer', op: 'GET /v1/flow', ms: 80, peer: 'traffic-api', host: 'api.trafficfeed.example.com' },
        ],
        faults: [{ svc: 'route-optimizer', from: -m(30), mode: 'slow', p: 0.5, ms: 6000 }, { svc: 'route-optimizer', from: -m(14), mode: 'error', p: 0.25 }],
      },
    ],
    runtime: [
      { at: -m(14), service: 'route-optimizer', kind: 'oom_killed', count: 1, message: 'route-optimizer-0 OOMKilled' },
      { at: -m(8), service: 'route-optimizer', kind: 'oom_killed', count: 1, message: 'route-optimizer-2 OOMKilled' },
      { at: -m(13), service: 'route-optimizer', kind: 'restart', count: 2 },
    ],
    changes: [
      { at: -m(40), service: 'dispatch-api', kind: 'deployment', summary: 'dispatch-api 6.1.0: proof-of-delivery photos', version: '6.1.0', previousVersion: '6.0.3', source: 'argocd' },
      { at: -h(30), service: 'route-optimizer', kind: 'deployment', summary: 'route-optimizer 5.2.0: log format', version: '5.2.0', previousVersion: '5.1.9', source: 'argocd' },
    ],
    reference: -h(168),
    expected: { rootCause: { service: 'route-optimizer', kind: 'resource_exhaustion' }, action: 'restart', mustCite: ['metrics', 'runtime'] },
  },
  {
    name: 'statement-batch-slow-pagerduty',
    description: 'PagerDuty: statements-api p99 above 3s and statement batch behind schedule (overnight).',
    story:
      'Bank. The core ledger database runs on a burstable RDS instance (db.t3.2xlarge) that the team had sized for day traffic; the month-start statement batch runs at night and drains its CPU credit balance; at zero the instance is throttled to baseline and every ledger query slows. No change: the batch is the same as every month, but the credit balance ran out. Tempting: statements-api (alert), ledger (its slow spans), a statements deploy the day before, and a KMS key-rotation event.',
    at: B8,
    signal: pagerduty({ at: B8, created: -m(10), title: 'statements-api p99 > 3s; statement batch behind schedule', pdService: 'statements-api', number: 51907, priority: 'P2', urgency: 'low' }),
    check: { service: 'statements-api', start: -m(10) },
    window: h(4),
    step: 300,
    topology: {
      'statements-api': ['ledger', 'pdf-render'],
      'statement-batch': ['ledger', 'pdf-render', 's3'],
      ledger: ['ledger-db'],
    },
    svcs: {
      'statements-api': { rps: 30, err: 0.002, p99: 600 },
      ledger: { rps: 900, err: 0.001, p99: 40 },
      'pdf-render': { rps: 50, err: 0.005, p99: 1400 },
    },
    golden: {
      'ledger.p99': [{ from: -m(45), value: 2800, ramp: m(10) }],
      'statements-api.p99': [{ from: -m(45), value: 4100, ramp: m(10) }],
      'statements-api.err': [{ from: -m(30), value: 0.02, ramp: m(10) }],
      'ledger.rps': [{ from: -h(3.5), value: 1900, ramp: m(10) }],
    },
    series: [
      { name: 'CPUCreditBalance', svc: 'ledger-db', unit: 'credits', base: 1900, noise: 0.01, step: 300, gaps: 0.1, effects: [{ from: -h(3.5), value: 0, ramp: h(2.8) }] },
      { name: 'CPUUtilization', svc: 'ledger-db', unit: 'percent', base: 22, step: 300, gaps: 0.1, effects: [{ from: -h(3.5), value: 88, ramp: m(10) }, { from: -m(45), value: 40 }] },
      { name: 'ReadLatency', svc: 'ledger-db', unit: 'seconds', base: 0.002, step: 300, gaps: 0.1, effects: [{ from: -m(45), value: 0.09, ramp: m(10) }] },
      { name: 'statement_batch_accounts_done_per_min', svc: 'statement-batch', unit: 'accounts/min', base: 0, noise: 0, step: 300, effects: [{ from: -h(3.5), value: 4200 }, { from: -m(45), value: 900 }] },
    ],
    logs: [
      { svc: 'pdf-render', level: 'warn', msg: 'font fallback used for glyph U+20B9', from: -h(4), every: 400, bg: true },
      { svc: 'statement-batch', level: 'info', msg: 'statement run 2026-11 started: 3,920,114 accounts', from: -h(3.5), to: -h(3.5) + 300, every: 600 },
      { svc: 'ledger', level: 'warn', msg: 'slow query 2.4s: SELECT postings by account/month', from: -m(45), every: 20 },
      { svc: 'statement-batch', level: 'warn', msg: 'run behind schedule: ETA 09:40 (SLA 06:00)', from: -m(30), every: 600 },
      { svc: 'statements-api', level: 'error', msg: 'GET /statements/{id} timed out waiting for ledger (3s)', from: -m(30), every: 30 },
    ],
    traces: [
      {
        n: 20,
        chain: [
          { svc: 'statements-api', op: 'GET /statements/{id}', ms: 20 },
          { svc: 'ledger', op: 'ListPostings', ms: 15 },
          { svc: 'ledger-db', op: 'SELECT postings', ms: 10 },
        ],
        faults: [{ svc: 'ledger-db', from: -m(45), mode: 'slow', p: 0.8, ms: 2400 }],
      },
    ],
    changes: [
      { at: -h(20), service: 'statements-api', kind: 'deployment', summary: 'statements-api 3.8.0: e-statement opt-in banner', version: '3.8.0', previousVersion: '3.7.5' },
      { at: -h(2), service: 'ledger', kind: 'infrastructure', summary: 'KMS key rotation (automatic, yearly)', source: 'aws-kms' },
    ],
    expected: { rootCause: { service: 'ledger-db', kind: 'resource_exhaustion' }, action: 'scale_out', mustCite: ['metrics'] },
  },
];
