/* Specs B: backfills, JVM settings, RPC limits, logging queues, cache policy, TLS, mappings, hot partitions, CDN purges, email and push providers. */
import { chatter, deploy, faultLog, gauge, golden } from './kit.js';
import { chain, client, hrs, min, type Spec } from './lib.js';

const b1: Spec = (() => {
  const on = min(40);
  return {
    name: 'parcel-tracking-slow-at-peak',
    model: 'A data backfill launched at peak saturated a shared database',
    description: 'Parcel tracking pages and courier scans slow to a crawl at a parcel carrier during the evening peak.',
    at: '2026-12-01T18:30:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'tracking-web': ['tracking-api'],
      'tracking-api': ['fleet-db', 'eta-model'],
      'scan-ingest': ['fleet-db', 'event-stream'],
      'shipment-backfill': ['fleet-db'],
      'eta-model': [],
      'event-stream': [],
      'fleet-db': [],
    },
    external: ['event-stream'],
    windowStart: hrs(5),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'tracking-api', title: 'tracking-api-latency-p99', startedAt: min(25), summary: 'tracking-api p99 latency above 2000 ms for 3 of 3 periods', cw: { namespace: 'Carrier/Tracking', metric: 'Latency', dimension: 'Service', threshold: 2000, stat: 'p99' } },
    series: [
      ...golden('cw', 'tracking-api', { rps: 900, p99: 0.35, err: 0.002, diurnal: 0.5, fault: { from: on, p99: 6.5, err: 0.03 } }),
      ...golden('cw', 'scan-ingest', { rps: 1400, p99: 0.12, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 3.1, err: 0.02 } }),
      gauge('fleet-db', 'CPUUtilization', 'Percent', 48, { diurnal: 0.4, from: on, to: 97, rampS: 300, digits: 1, max: 100 }),
      gauge('fleet-db', 'WriteIOPS', 'Count/Second', 2100, { diurnal: 0.4, from: on, to: 11800, rampS: 300, digits: 0 }),
      gauge('fleet-db', 'DiskQueueDepth', 'Count', 1.2, { noise: 0.3, from: on, to: 64, rampS: 300, digits: 1 }),
      gauge('shipment-backfill', 'RowsRewritten', 'Count', 0, { noise: 0, from: on, to: 2.4e6, rampS: 300, digits: 0 }),
      gauge('eta-model', 'Latency', 'Milliseconds', 85, { noise: 0.15, labels: { stat: 'p99' } }),
    ],
    logs: [
      chatter('tracking-web', 'warn', 'map tile provider slow for {id} ({ms}ms)', 120, hrs(5)),
      chatter('scan-ingest', 'error', 'scan {id} rejected: unknown depot code', 180, hrs(5)),
      faultLog('shipment-backfill', 'info', 'backfill shipments.route_geom v2: batch {num} of 19000 rewritten (5000 rows, parallelism 32)', 20, on),
      faultLog('tracking-api', 'warn', 'query shipments by tracking_no took {ms}ms', 10, on + 60),
      faultLog('scan-ingest', 'warn', 'insert scan_events waited {ms}ms for lock / IO', 15, on + 60),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(5),
        normal: chain({ service: 'tracking-api', name: 'GET /track/:no', ms: 180 }, { service: 'tracking-api', name: 'SELECT shipments', ms: 20, attributes: { 'db.system': 'postgresql', 'peer.service': 'fleet-db' } }),
        fault: { from: on, share: 0.9, tpl: chain({ service: 'tracking-api', name: 'GET /track/:no', ms: 6100 }, { service: 'tracking-api', name: 'SELECT shipments', ms: 5900, attributes: { 'db.system': 'postgresql', 'peer.service': 'fleet-db' } }) },
      },
    ],
    changes: [
      { at: on - 60, service: 'shipment-backfill', kind: 'feature_flag', summary: 'flag backfill.route_geom_v2 enabled (parallelism 32)', author: 'data-eng', source: 'flagd' },
      deploy(hrs(4), 'tracking-web', '2026.12.01', '2026.11.28', 'tracking web: holiday banner'),
      { at: min(10), service: 'fleet-db', kind: 'scaling', summary: 'storage IOPS 12000 -> 16000 (on-call)', author: 'on-call' },
    ],
    alerts: [
      { at: min(30), service: 'fleet-db', name: 'fleet-db-cpu-high', status: 'firing' },
      { at: min(20), service: 'scan-ingest', name: 'scan-ingest-latency', status: 'firing' },
    ],
    expected: { service: 'shipment-backfill', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
    tell: 'in the period after the backfill flag was turned on, rows rewritten jump to 2.4M per period while fleet-db write IOPS go from ~2k to ~12k and its CPU to 97%; both database readers slow together.',
  };
})();

const b2: Spec = (() => {
  const on = min(48);
  return {
    name: 'claims-adjudication-stalls',
    model: 'A JVM heap-size setting change caused long garbage-collection pauses',
    description: 'Insurance claim adjudication stalls in bursts; callers time out for seconds at a time.',
    at: '2026-03-26T10:05:00Z',
    source: 'datadog',
    topology: {
      'broker-portal': ['claims-api'],
      'claims-api': ['claims-processor', 'policy-svc'],
      'claims-processor': ['rules-engine', 'claims-db'],
      'rules-engine': [],
      'policy-svc': ['policy-db'],
      'claims-db': [],
      'policy-db': [],
      'fraud-screen': ['claims-db'],
    },
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'claims-api', title: 'claims-api p99 latency high', startedAt: min(35), summary: 'p99 latency of claims-api above 3s', labels: { metric: 'trace.http.request.duration' } },
    series: [
      ...golden('dd', 'claims-api', { rps: 180, p99: 0.6, err: 0.002, fault: { from: on, p99: 7.5, err: 0.04 } }),
      ...golden('dd', 'claims-processor', { rps: 170, p99: 0.45, err: 0.001, fault: { from: on, p99: 7.1, err: 0.035 } }),
      ...golden('dd', 'policy-svc', { rps: 200, p99: 0.05, err: 0.001 }),
      gauge('claims-processor', 'jvm.gc.pause.max', 'ms', 45, { noise: 0.3, from: on, to: 6800, rampS: 60, digits: 0, labels: { gc: 'G1 Old Generation' } }),
      gauge('claims-processor', 'jvm.gc.pause_time_ratio', 'ratio', 0.01, { noise: 0.3, from: on, to: 0.41, rampS: 60, digits: 3 }),
      gauge('claims-processor', 'jvm.heap_memory_max', 'bytes', 8.59e9, { noise: 0, from: on - 120, to: 1.07e9, digits: 0 }),
      gauge('claims-processor', 'jvm.heap_memory', 'bytes', 4.1e9, { noise: 0.08, from: on - 120, to: 1.01e9, digits: 0 }),
      gauge('fraud-screen', 'jvm.gc.pause.max', 'ms', 900, { noise: 0.3, digits: 0, labels: { gc: 'G1 Old Generation' } }),
    ],
    logs: [
      chatter('broker-portal', 'warn', 'retrying claims-api call for {id} (attempt 1)', 180, hrs(3)),
      chatter('fraud-screen', 'warn', 'GC pause {pick:700|900|1100}ms (G1 Evacuation Pause) — known, ticket FRAUD-212', 300, hrs(3)),
      chatter('policy-svc', 'error', 'policy {num} missing agent code; defaulting to house account', 400, hrs(3)),
      faultLog('claims-processor', 'info', 'JVM started with -Xms1g -Xmx1g -XX:+UseG1GC (from configmap claims-processor-jvm rev 31)', 3600, on - 120, on - 110),
      faultLog('claims-processor', 'warn', '[gc] Pause Full (G1 Compaction Pause) 1010M->986M(1024M) {pick:4.8|5.9|6.8}s', 45, on),
      faultLog('claims-api', 'error', 'claims-processor call timed out after 5000ms for claim {num}', 20, on + 30),
    ],
    traces: [
      {
        everyS: 120,
        from: hrs(3),
        normal: chain({ service: 'claims-api', name: 'POST /claims/adjudicate', ms: 320 }, { service: 'claims-processor', name: 'Adjudicate', ms: 260, children: [{ service: 'rules-engine', name: 'Evaluate', ms: 80 }] }),
        fault: { from: on, share: 0.5, tpl: chain({ service: 'claims-api', name: 'POST /claims/adjudicate', ms: 5010, error: true }, { service: 'claims-processor', name: 'Adjudicate', ms: 6900, error: true, attributes: { 'jvm.gc.pause_ms': 6400 }, children: [{ service: 'rules-engine', name: 'Evaluate', ms: 85 }] }) },
      },
    ],
    changes: [
      { at: on - 180, service: 'claims-processor', kind: 'config', summary: 'configmap claims-processor-jvm rev 31: JAVA_OPTS -Xmx8g -> -Xmx1g (copied from staging values file)', author: 'platform-bot', source: 'helm' },
      deploy(hrs(2), 'policy-svc', '8.4.0', '8.3.1', 'policy svc: agent code lookup cache'),
      deploy(min(20), 'claims-api', '11.0.3', '11.0.2', 'hotfix: raise processor timeout to 8s', 'on-call'),
    ],
    runtime: [{ at: on - 120, service: 'claims-processor', kind: 'restart', count: 4, message: 'rollout restart after configmap change' }],
    alerts: [{ at: min(30), service: 'broker-portal', name: 'broker-portal apdex low', status: 'firing' }],
    expected: { service: 'claims-processor', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    tell: 'heap max drops from 8 GiB to 1 GiB with the configmap change and the restart that applied it; from then on Full GC pauses of 5-7 s line up with the latency spikes. fraud-screen\'s GC pauses are old and unchanged.',
  };
})();

const b3: Spec = (() => {
  const on = min(26);
  return {
    name: 'ad-dashboard-blank-for-agency',
    model: 'A message exceeding the RPC framework\'s maximum message size after a customer\'s data grew',
    description: 'The reporting dashboard of an ad-analytics product fails for one large agency; others load normally.',
    at: '2026-08-19T13:15:00Z',
    source: 'opsgenie',
    topology: {
      'dashboard-web': ['dashboard-api'],
      'dashboard-api': ['report-builder', 'account-svc'],
      'report-builder': ['metrics-warehouse', 'dimension-cache'],
      'export-worker': ['report-builder'],
      'account-svc': [],
      'metrics-warehouse': [],
      'dimension-cache': [],
    },
    windowStart: hrs(2),
    stepS: 60,
    referenceDays: 0,
    alert: { service: 'dashboard-api', title: 'dashboard-api error rate above 2%', startedAt: min(20), summary: 'dashboard-api 5xx ratio 0.034' },
    series: [
      ...golden('prom', 'dashboard-api', { rps: 240, p99: 1.1, err: 0.003, fault: { from: on, err: 0.034 } }),
      ...golden('prom', 'report-builder', { rps: 250, p99: 0.9, err: 0.001 }),
      gauge('report-builder', 'grpc_server_msg_sent_bytes_max', 'bytes', 2.9e6, { noise: 0.1, from: on, to: 5.3e6, rampS: 60, digits: 0, labels: { method: 'BuildReport' } }),
      gauge('dashboard-api', 'grpc_client_handled_total_rate', 'ops/s', 0, { noise: 0, labels: { grpc_code: 'ResourceExhausted', grpc_method: 'BuildReport' }, from: on, to: 8, rampS: 60, digits: 1 }),
      gauge('metrics-warehouse', 'warehouse_query_seconds_p99', 's', 2.2, { noise: 0.2, diurnal: 0.3, digits: 2 }),
    ],
    logs: [
      chatter('dashboard-web', 'warn', 'chart lib deprecation: series.type "area-spline" for widget {id}', 90, hrs(2)),
      chatter('export-worker', 'error', 'export {num} to sftp://agency-drop failed: connection reset; will retry', 600, hrs(2)),
      chatter('report-builder', 'info', 'built report for account {num} rows={num}', 20, hrs(2)),
      faultLog('report-builder', 'info', 'account 40017 campaign count now 2114 (nightly sync added 380 campaigns)', 3600, on - 600, on - 590),
      faultLog('dashboard-api', 'error', 'BuildReport for account 40017 failed: rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5289411 vs. 4194304)', 8, on),
      faultLog('export-worker', 'error', 'export for account 40017 failed: ResourceExhausted: grpc: received message larger than max (5290177 vs. 4194304)', 300, on + 200),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'dashboard-api', name: 'GET /reports/:account', ms: 700 }, { service: 'report-builder', name: 'BuildReport', ms: 600, children: [{ service: 'report-builder', name: 'warehouse query', ms: 420, attributes: { 'peer.service': 'metrics-warehouse' } }] }),
        fault: { from: on, share: 0.3, tpl: chain({ service: 'dashboard-api', name: 'GET /reports/:account', ms: 1900, error: true, attributes: { 'account.id': '40017', 'rpc.grpc.status_code': 8 } }, { service: 'report-builder', name: 'BuildReport', ms: 1800, attributes: { 'account.id': '40017', 'message.size_bytes': 5289411 } }) },
      },
    ],
    changes: [deploy(hrs(26), 'report-builder', '7.1.0', '7.0.9', 'report builder: include creative thumbnails in report rows'), deploy(min(70), 'dashboard-web', '3.88.0', '3.87.1', 'dashboard web: new date picker')],
    exceptions: [{ at: on + 5, service: 'dashboard-api', type: 'StatusRuntimeException', message: 'RESOURCE_EXHAUSTED: grpc: received message larger than max (5289411 vs. 4194304)', count: 190, culprit: 'ReportClient.build' }],
    expected: { service: 'report-builder', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'only account 40017 fails, with "received message larger than max (5289411 vs. 4194304)", after its nightly sync added 380 campaigns; the report-builder response size crosses 4 MiB with no change near onset (its deploy is 26 h old and worked for a day).',
  };
})();

const b4: Spec = (() => {
  const on = min(23);
  return {
    name: 'odds-feed-threads-blocked',
    model: 'A logging library\'s asynchronous queue filled and blocked request threads when the log sink slowed',
    description: 'A sports-betting odds API stops answering; thread dumps show request threads parked in the logger.',
    at: '2026-04-05T19:48:00Z',
    source: 'alertmanager',
    topology: {
      'bet-web': ['odds-api', 'wallet-api'],
      'odds-api': ['odds-cache', 'logship-cloud'],
      'wallet-api': ['wallet-db', 'logship-cloud'],
      'settlement-worker': ['wallet-db', 'logship-cloud'],
      'odds-cache': [],
      'wallet-db': [],
      'logship-cloud': [],
    },
    external: ['logship-cloud'],
    windowStart: hrs(2),
    stepS: 30,
    referenceDays: 7,
    alert: { service: 'odds-api', title: 'odds API availability', startedAt: min(18), summary: 'odds-api success ratio below 95%', labels: { namespace: 'betting' } },
    series: [
      ...golden('prom', 'odds-api', { rps: 5200, p99: 0.05, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 10, err: 0.38 } }),
      ...golden('prom', 'wallet-api', { rps: 800, p99: 0.08, err: 0.001, fault: { from: on + 120, p99: 2.5, err: 0.05 } }),
      gauge('odds-api', 'log4j2_async_queue_remaining_capacity', 'events', 262144, { noise: 0.01, from: on - 180, to: 0, rampS: 180, digits: 0 }),
      gauge('odds-api', 'log_appender_http_send_seconds_p99', 's', 0.08, { noise: 0.2, labels: { peer: 'logship-cloud' }, from: on - 240, to: 9.5, rampS: 120, digits: 2 }),
      gauge('odds-api', 'jvm_threads_states_threads', 'threads', 12, { noise: 0.2, labels: { state: 'blocked' }, from: on, to: 400, rampS: 60, integer: true }),
      gauge('wallet-api', 'log_appender_http_send_seconds_p99', 's', 0.07, { noise: 0.2, labels: { peer: 'logship-cloud' }, from: on - 240, to: 9.1, rampS: 120, digits: 2 }),
      gauge('odds-cache', 'redis_connected_clients', 'clients', 320, { noise: 0.05, integer: true }),
    ],
    logs: [
      chatter('bet-web', 'warn', 'geo check inconclusive for session {id}; falling back to IP', 30, hrs(2)),
      chatter('settlement-worker', 'error', 'market {num} settlement deferred: result feed not final', 240, hrs(2)),
      faultLog('odds-api', 'warn', 'HttpAppender: POST https://intake.logship.example/v1/bulk took {ms}ms (status 503)', 20, on - 240),
      faultLog('wallet-api', 'warn', 'HttpAppender: POST https://intake.logship.example/v1/bulk failed: 503 Service Unavailable (retry-after 30)', 30, on - 200),
      faultLog('odds-api', 'error', 'AsyncLoggerConfig queue full; blocking caller thread (policy: Default/Block) — 262144 events pending', 15, on),
      faultLog('settlement-worker', 'warn', 'log shipping backlog {num} events (logship-cloud slow)', 120, on),
    ],
    traces: [
      {
        everyS: 45,
        from: hrs(2),
        normal: chain({ service: 'bet-web', name: 'GET /odds/live', ms: 40 }, { service: 'odds-api', name: 'GetLiveOdds', ms: 25, children: [{ service: 'odds-api', name: 'GET odds:*', ms: 2, attributes: { 'peer.service': 'odds-cache', 'db.system': 'redis' } }] }),
        fault: { from: on, share: 0.4, tpl: chain({ service: 'bet-web', name: 'GET /odds/live', ms: 10000, error: true }, { service: 'odds-api', name: 'GetLiveOdds', ms: 9990, error: true, attributes: { 'thread.state': 'BLOCKED', 'blocked.on': 'AsyncLoggerConfigDisruptor.enqueue' } }) },
      },
      {
        everyS: 300,
        from: hrs(2),
        normal: client('odds-api', 'logship-cloud', 'POST /v1/bulk', 70),
        fault: { from: on - 240, share: 1, tpl: client('odds-api', 'logship-cloud', 'POST /v1/bulk', 9400, true, { 'http.status_code': 503 }) },
      },
    ],
    changes: [deploy(hrs(1), 'bet-web', '41.2.0', '41.1.4', 'bet web: cash-out button animation'), deploy(min(6), 'odds-api', '9.7.1', '9.7.0', 'hotfix: raise request thread pool 400 -> 600', 'on-call')],
    runtime: [{ at: min(12), service: 'odds-api', kind: 'unhealthy', count: 14, message: 'liveness probe timed out' }],
    alerts: [
      { at: min(27), service: 'logship-cloud', name: 'logship status: degraded ingestion in eu-central', status: 'firing' },
      { at: min(16), service: 'wallet-api', name: 'WalletLatencyHigh', status: 'firing' },
    ],
    expected: { service: 'logship-cloud', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'the log vendor\'s intake turns slow and 503 four minutes before onset (client send p99 0.08 s → 9.5 s in two services), the async logging queue drains to zero and request threads block in the logger; the odds-api deploy is a hotfix after onset.',
  };
})();

const b5: Spec = (() => {
  const on = min(17);
  return {
    name: 'matchmaking-writes-rejected',
    model: 'A cache\'s eviction policy changed to "noeviction"; once memory filled, writes failed',
    description: 'Players of an online game cannot enter matches; matchmaking writes fail while reads keep working.',
    at: '2026-02-28T21:10:00Z',
    source: 'generic',
    topology: {
      'game-client-api': ['matchmaker', 'profile-svc'],
      matchmaker: ['match-cache', 'lobby-svc'],
      'lobby-svc': ['match-cache'],
      'profile-svc': ['profile-db'],
      'leaderboard-svc': ['match-cache'],
      'match-cache': [],
      'profile-db': [],
    },
    windowStart: hrs(4),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'matchmaker', title: 'Matchmaker write failures', startedAt: min(14), summary: 'matchmaker ticket creation errors above 30%', severity: 'critical' },
    series: [
      ...golden('prom', 'matchmaker', { rps: 1500, p99: 0.04, err: 0.001, diurnal: 0.5, fault: { from: on, err: 0.62 } }),
      ...golden('prom', 'lobby-svc', { rps: 900, p99: 0.03, err: 0.001, fault: { from: on, err: 0.35 } }),
      gauge('match-cache', 'redis_memory_used_bytes', 'bytes', 6.2e9, { noise: 0.01, from: hrs(3) + 600, to: 8.59e9, rampS: 3 * 3600 - 600 - 17 * 60, digits: 0 }),
      gauge('match-cache', 'redis_memory_max_bytes', 'bytes', 8.59e9, { noise: 0, digits: 0 }),
      gauge('match-cache', 'redis_evicted_keys_rate', 'keys/s', 35, { noise: 0.3, diurnal: 0.4, from: hrs(3) + 600, to: 0, rampS: 1, digits: 1 }),
      gauge('match-cache', 'redis_rejected_writes_rate', 'ops/s', 0, { noise: 0, from: on, to: 900, rampS: 60, digits: 0 }),
      gauge('profile-db', 'pg_active_connections', 'connections', 80, { noise: 0.1, integer: true }),
    ],
    logs: [
      chatter('game-client-api', 'warn', 'client build {pick:1.9.2|1.9.3} outdated for player {id}', 20, hrs(4)),
      chatter('leaderboard-svc', 'error', 'season rollover check: shard {pick:3|7} lagging by {num} entries', 600, hrs(4)),
      faultLog('match-cache', 'info', 'CONFIG SET maxmemory-policy noeviction (was allkeys-lru) from 10.4.2.17', 3600, hrs(3) + 600, hrs(3) + 610),
      faultLog('matchmaker', 'error', "SET ticket:{id} failed: OOM command not allowed when used memory > 'maxmemory'", 2, on),
      faultLog('lobby-svc', 'error', "HSET lobby:{id} failed: OOM command not allowed when used memory > 'maxmemory'", 5, on),
      faultLog('leaderboard-svc', 'warn', "ZADD failed: OOM command not allowed when used memory > 'maxmemory'; skipping", 30, on),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(4),
        normal: chain({ service: 'game-client-api', name: 'POST /match/queue', ms: 30 }, { service: 'matchmaker', name: 'CreateTicket', ms: 12 }, { service: 'matchmaker', name: 'SET ticket', ms: 0.6, attributes: { 'db.system': 'redis', 'peer.service': 'match-cache' } }),
        fault: { from: on, share: 0.6, tpl: chain({ service: 'game-client-api', name: 'POST /match/queue', ms: 15, error: true }, { service: 'matchmaker', name: 'CreateTicket', ms: 6, error: true }, { service: 'matchmaker', name: 'SET ticket', ms: 0.4, error: true, attributes: { 'db.system': 'redis', 'peer.service': 'match-cache', 'error.message': 'OOM command not allowed' } }) },
      },
    ],
    changes: [
      { at: hrs(3) + 600, service: 'match-cache', kind: 'config', summary: 'redis maxmemory-policy allkeys-lru -> noeviction (ticket DATA-88: keep lobby state from being evicted)', author: 'data-platform', source: 'terraform' },
      deploy(hrs(1), 'profile-svc', '2.40.0', '2.39.1', 'profile: avatar frames'),
      deploy(min(5), 'matchmaker', '15.2.4', '15.2.3', 'hotfix: retry ticket writes once', 'on-call'),
    ],
    alerts: [{ at: min(12), service: 'lobby-svc', name: 'LobbyErrors', status: 'firing' }],
    expected: { service: 'match-cache', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    tell: 'evictions stop when the policy is set to noeviction 2 h 33 min before onset; used memory then climbs to maxmemory and every write is refused with "OOM command not allowed" at onset. The change is old but the memory series ties it to the failure.',
  };
})();

const b6: Spec = (() => {
  const on = min(44);
  return {
    name: 'pharmacy-claims-handshake-errors',
    model: 'A TLS library upgrade dropped an old cipher suite; calls to a partner\'s old endpoint failed the handshake',
    description: 'A pharmacy chain cannot adjudicate prescriptions with one benefits manager; other payers work.',
    at: '2026-05-04T15:30:00Z',
    source: 'pagerduty',
    topology: {
      'pos-terminal-api': ['rx-fill', 'claims-gateway'],
      'rx-fill': ['rx-db'],
      'claims-gateway': ['pbm-legacy', 'pbm-modern', 'claims-audit'],
      'claims-audit': ['rx-db'],
      'pbm-legacy': [],
      'pbm-modern': [],
      'rx-db': [],
    },
    external: ['pbm-legacy', 'pbm-modern'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'pos-terminal-api', title: 'POS claim adjudication failures', startedAt: min(38), summary: 'adjudication failures above 15% at stores' },
    series: [
      ...golden('prom', 'pos-terminal-api', { rps: 60, p99: 1.5, err: 0.01, fault: { from: on, err: 0.31 } }),
      ...golden('prom', 'claims-gateway', { rps: 60, p99: 1.2, err: 0.008, fault: { from: on, err: 0.33, p99: 0.4 } }),
      gauge('claims-gateway', 'http_client_requests_error_ratio', 'ratio', 0.004, { noise: 0.4, labels: { peer: 'pbm-legacy' }, from: on, to: 1, rampS: 60, digits: 3, max: 1 }),
      gauge('claims-gateway', 'http_client_requests_error_ratio', 'ratio', 0.005, { noise: 0.4, labels: { peer: 'pbm-modern' }, digits: 3, max: 1 }),
      gauge('claims-gateway', 'tls_handshake_failures_total_rate', 'ops/s', 0, { noise: 0, labels: { peer: 'pbm-legacy' }, from: on, to: 19, rampS: 60, digits: 1 }),
    ],
    logs: [
      chatter('pos-terminal-api', 'warn', 'store {num} terminal clock skew {pick:3|4|6}s', 120, hrs(3)),
      chatter('claims-audit', 'error', 'audit row {num} missing NPI; queued for manual review', 300, hrs(3)),
      faultLog('claims-gateway', 'info', 'starting claims-gateway 6.0.0 (openssl 3.0.13, default security level 2)', 3600, on - 100, on - 90),
      faultLog('claims-gateway', 'error', 'POST https://edi.pbm-legacy.example:8443/ncpdp/b1 failed: SSL routines::sslv3 alert handshake failure (no shared cipher; peer offers TLS_RSA_WITH_3DES_EDE_CBC_SHA)', 6, on),
      faultLog('pos-terminal-api', 'warn', 'claim {num} for BIN 610{num} returned E1 host unavailable', 10, on + 20),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(3),
        normal: chain({ service: 'pos-terminal-api', name: 'POST /claims', ms: 900 }, { service: 'claims-gateway', name: 'Adjudicate', ms: 850 }, client('claims-gateway', 'pbm-legacy', 'POST /ncpdp/b1', 780, false, { 'http.status_code': 200 })),
        fault: { from: on, share: 1, tpl: chain({ service: 'pos-terminal-api', name: 'POST /claims', ms: 90, error: true }, { service: 'claims-gateway', name: 'Adjudicate', ms: 40, error: true }, client('claims-gateway', 'pbm-legacy', 'POST /ncpdp/b1', 25, true, { 'error.type': 'SSLHandshakeException', 'error.message': 'handshake failure: no shared cipher' })) },
      },
      { everyS: 120, from: hrs(3), normal: chain({ service: 'pos-terminal-api', name: 'POST /claims', ms: 700 }, { service: 'claims-gateway', name: 'Adjudicate', ms: 650 }, client('claims-gateway', 'pbm-modern', 'POST /v3/claims', 600, false, { 'http.status_code': 200 })) },
    ],
    changes: [
      deploy(on - 100, 'claims-gateway', '6.0.0', '5.9.7', 'claims gateway: base image debian 12 (openssl 1.1.1 -> 3.0), JDK 21'),
      deploy(hrs(2), 'rx-fill', '19.3.0', '19.2.2', 'rx fill: partial fill quantities'),
    ],
    alerts: [{ at: min(40), service: 'claims-gateway', name: 'ClaimsGatewayPeerErrors', status: 'firing' }],
    expected: { service: 'claims-gateway', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    tell: 'from the deploy that moved claims-gateway to OpenSSL 3, every call to the legacy PBM fails "no shared cipher" (it offers only 3DES) while the modern PBM succeeds; the partner did not change.',
  };
})();

const b7: Spec = (() => {
  const on = min(58);
  return {
    name: 'device-logs-indexing-rejected',
    model: 'Search cluster mapping explosion: a new log field per request grew the mappings until indexing was rejected',
    description: 'An IoT platform stops indexing device logs; the log indexer alerts on rejected bulk requests.',
    at: '2026-10-21T12:20:00Z',
    source: 'grafana',
    topology: {
      'device-gateway': ['device-events', 'fleet-registry'],
      'device-events': ['event-bus'],
      'log-indexer': ['event-bus', 'log-search'],
      'fleet-registry': ['registry-db'],
      'ops-console': ['log-search', 'fleet-registry'],
      'event-bus': [],
      'log-search': [],
      'registry-db': [],
    },
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'log-indexer', title: 'log indexer bulk rejections', startedAt: min(14), summary: 'log-indexer bulk rejection ratio above 50%', labels: { namespace: 'observability' } },
    series: [
      gauge('log-search', 'elasticsearch_indices_mappings_total_fields', 'fields', 412, { noise: 0, from: on, to: 1000, rampS: 58 * 60 - 16 * 60, integer: true, labels: { index: 'device-logs-2026.10.21' } }),
      gauge('log-indexer', 'indexer_bulk_rejected_ratio', 'ratio', 0, { noise: 0, from: min(16), to: 0.93, rampS: 60, digits: 3 }),
      gauge('log-indexer', 'indexer_queue_depth', 'docs', 800, { noise: 0.3, from: min(16), to: 410000, rampS: 900, digits: 0 }),
      gauge('log-search', 'elasticsearch_jvm_memory_used_ratio', 'ratio', 0.58, { noise: 0.05, from: on, to: 0.82, rampS: 3000, digits: 2 }),
      ...golden('prom', 'device-gateway', { rps: 3000, p99: 0.06, err: 0.001 }),
      ...golden('prom', 'device-events', { rps: 3000, p99: 0.02, err: 0.0005 }),
    ],
    logs: [
      chatter('device-gateway', 'warn', 'device {id} sent malformed CBOR; dropped', 20, hrs(3)),
      chatter('fleet-registry', 'error', 'firmware manifest {num} signature missing', 600, hrs(3)),
      faultLog('log-search', 'info', '[device-logs-2026.10.21] update_mapping [_doc] (dynamic): added field ctx.req_{id}', 15, on, min(16)),
      faultLog('log-indexer', 'error', 'bulk item failed: illegal_argument_exception: Limit of total fields [1000] has been exceeded while adding new fields [1]', 3, min(16)),
      faultLog('log-search', 'warn', 'cluster state update took {ms}ms (mapping updates)', 120, on + 1200),
    ],
    traces: [],
    changes: [
      deploy(on - 120, 'device-events', '3.12.0', '3.11.4', 'device events: structured request context in logs (ctx map keyed by request id)'),
      deploy(hrs(2) - 300, 'fleet-registry', '8.1.0', '8.0.3', 'registry: bulk firmware tagging'),
      { at: min(6), service: 'log-search', kind: 'config', summary: 'index.mapping.total_fields.limit 1000 -> 2000 on today\'s index (on-call)', author: 'on-call' },
    ],
    alerts: [
      { at: min(15), service: 'log-search', name: 'ElasticsearchMappingFieldsNearLimit', status: 'firing' },
      { at: min(60), service: 'fleet-registry', name: 'RegistryDiskUsage', status: 'resolved' },
    ],
    expected: { service: 'device-events', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    tell: 'two minutes after device-events 3.12.0 starts logging a ctx map keyed by request id, the index gains a new dynamic field ctx.req_<id> every few seconds until it hits 1000 fields; the field-limit raise is the on-call\'s mitigation after onset.',
  };
})();

const b8: Spec = (() => {
  const on = min(29);
  return {
    name: 'loyalty-points-accrual-delays',
    model: 'A new partition-key design sent most writes to one hot partition of a managed key-value store',
    description: 'A coffee chain\'s loyalty points post minutes late and point-balance writes are throttled.',
    at: '2026-11-06T08:10:00Z',
    source: 'datadog',
    topology: {
      'mobile-order-api': ['points-writer', 'menu-svc'],
      'points-writer': ['dynamodb'],
      'balance-api': ['dynamodb'],
      'rewards-catalog': ['menu-svc'],
      'receipt-consumer': ['points-writer'],
      'menu-svc': [],
      dynamodb: [],
    },
    external: ['dynamodb'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'receipt-consumer', title: 'receipt-consumer lag', startedAt: min(20), summary: 'consumer lag above 50k receipts', labels: { metric: 'kafka.consumer_lag' } },
    series: [
      ...golden('dd', 'points-writer', { rps: 700, p99: 0.03, err: 0.001, diurnal: 0.6, fault: { from: on, p99: 2.8, err: 0.22 } }),
      ...golden('dd', 'balance-api', { rps: 1100, p99: 0.02, err: 0.0005, diurnal: 0.6 }),
      gauge('points-writer', 'aws.dynamodb.client.throttled_requests', 'req/s', 0, { noise: 0, labels: { peer: 'dynamodb', table: 'points-ledger' }, from: on, to: 150, rampS: 120, digits: 0 }),
      gauge('points-writer', 'aws.dynamodb.client.consumed_wcu', 'units/s', 900, { noise: 0.1, diurnal: 0.6, labels: { table: 'points-ledger' }, from: on, to: 1050, digits: 0 }),
      gauge('receipt-consumer', 'kafka.consumer_lag', 'messages', 300, { noise: 0.4, from: on, to: 84000, rampS: 1700, digits: 0 }),
    ],
    logs: [
      chatter('mobile-order-api', 'warn', 'store {num} menu cache stale; refetching', 60, hrs(3)),
      chatter('rewards-catalog', 'error', 'reward image missing for sku {num}', 400, hrs(3)),
      faultLog('points-writer', 'warn', 'PutItem points-ledger pk=LEDGER#2026-11-06 throttled: ProvisionedThroughputExceededException (retry {pick:1|2|3}/3)', 3, on),
      faultLog('points-writer', 'error', 'accrual for receipt {id} failed after 3 retries: ThrottlingException (partition key LEDGER#2026-11-06)', 10, on + 60),
      faultLog('receipt-consumer', 'warn', 'processing slowed: points-writer p99 {ms}ms', 60, on + 120),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(3),
        normal: chain({ service: 'receipt-consumer', name: 'process receipt', ms: 30 }, { service: 'points-writer', name: 'Accrue', ms: 18 }, client('points-writer', 'dynamodb', 'DynamoDB.PutItem', 7, false, { 'aws.dynamodb.table_names': ['points-ledger'], 'db.partition_key': 'MEMBER#{member}' })),
        fault: { from: on, share: 0.7, tpl: chain({ service: 'receipt-consumer', name: 'process receipt', ms: 2900, error: true }, { service: 'points-writer', name: 'Accrue', ms: 2850, error: true }, client('points-writer', 'dynamodb', 'DynamoDB.PutItem', 400, true, { 'aws.dynamodb.table_names': ['points-ledger'], 'error.type': 'ProvisionedThroughputExceededException', 'db.partition_key': 'LEDGER#2026-11-06' })) },
      },
    ],
    changes: [
      { at: on - 90, service: 'points-writer', kind: 'feature_flag', summary: 'flag ledger-daily-partition enabled for 100% (write accruals under LEDGER#<date> for daily export)', author: 'loyalty-team', source: 'launchdarkly' },
      deploy(hrs(20), 'points-writer', '4.5.0', '4.4.2', 'points writer: ledger-daily-partition behind flag (off)'),
      deploy(min(50), 'menu-svc', '30.1.0', '30.0.8', 'menu: pumpkin season'),
    ],
    alerts: [
      { at: min(24), service: 'points-writer', name: 'points-writer throttling', status: 'firing' },
    ],
    expected: { service: 'points-writer', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'traces'] },
    tell: 'throttling begins 90 s after the flag put every accrual under the single key LEDGER#<date>, while consumed capacity barely moves (one hot partition, not a table out of capacity); balance-api on the same table is fine.',
  };
})();

const b9: Spec = (() => {
  const on = min(36);
  return {
    name: 'newsroom-origin-overloaded',
    model: 'A CDN "purge everything" sent a stampede to the origin',
    description: 'A news publisher\'s article pages time out for readers; the origin render tier is overwhelmed.',
    at: '2026-06-24T07:05:00Z',
    source: 'cloudwatch',
    topology: {
      'article-render': ['content-api', 'image-resizer'],
      'content-api': ['articles-db'],
      'image-resizer': ['media-bucket'],
      'cms-editor': ['content-api', 'cdn-control'],
      'cdn-control': [],
      'articles-db': [],
      'media-bucket': [],
    },
    external: ['cdn-control', 'media-bucket'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'article-render', title: 'article-render-5xx', startedAt: min(25), summary: 'article-render target 5XX above 2% for 15 minutes', cw: { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_Target_5XX_Count', dimension: 'Service', threshold: 500, stat: 'Sum' } },
    series: [
      ...golden('cw', 'article-render', { rps: 260, p99: 0.45, err: 0.002, diurnal: 0.5, fault: { from: on, rps: 2300, p99: 9, err: 0.12 } }),
      ...golden('cw', 'content-api', { rps: 300, p99: 0.05, err: 0.001, diurnal: 0.5, fault: { from: on, rps: 2500, p99: 0.4 } }),
      ...golden('cw', 'image-resizer', { rps: 400, p99: 0.3, err: 0.002, diurnal: 0.5, fault: { from: on, rps: 3900, p99: 2.2, err: 0.03 } }),
      gauge('article-render', 'CPUUtilization', 'Percent', 35, { diurnal: 0.4, from: on, to: 99, rampS: 300, digits: 1, max: 100 }),
      gauge('article-render', 'RunningTaskCount', 'Count', 12, { noise: 0, integer: true }),
      gauge('articles-db', 'CPUUtilization', 'Percent', 22, { diurnal: 0.3, from: on, to: 58, rampS: 300, digits: 1 }),
    ],
    logs: [
      chatter('article-render', 'warn', 'template partial "related" rendered without tags for article {num}', 60, hrs(4)),
      chatter('image-resizer', 'error', 'source image {id}.jpg exceeds 40MP; serving original', 300, hrs(4)),
      faultLog('cms-editor', 'info', 'CDN purge request accepted: purge_all=true (requested by user night-editor, reason "fix stale homepage")', 3600, on - 60, on - 50),
      faultLog('article-render', 'warn', 'GET /{pick:world|politics|sport|business}/{num} cache=MISS via cdn; render {ms}ms', 5, on),
      faultLog('article-render', 'error', 'worker pool saturated (64/64 busy); request queued {ms}ms then 503', 10, on + 120),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'article-render', name: 'GET /:section/:slug', ms: 240, attributes: { 'cdn.cache_status': 'MISS' } }, { service: 'content-api', name: 'GetArticle', ms: 30 }),
        fault: { from: on, share: 1, tpl: chain({ service: 'article-render', name: 'GET /:section/:slug', ms: 8900, attributes: { 'cdn.cache_status': 'MISS', 'queue.wait_ms': 8200 } }, { service: 'content-api', name: 'GetArticle', ms: 120 }) },
      },
    ],
    changes: [
      { at: on - 60, service: 'cms-editor', kind: 'infrastructure', summary: 'CDN purge all (entire cache) issued from the CMS', author: 'night-editor', source: 'cdn-api' },
      deploy(hrs(3), 'content-api', '12.0.1', '12.0.0', 'content api: byline ordering fix'),
      { at: min(10), service: 'article-render', kind: 'scaling', summary: 'desired count 12 -> 12 (max reached; scale-out blocked by service quota)', author: 'application-autoscaling' },
    ],
    alerts: [
      { at: min(30), service: 'image-resizer', name: 'image-resizer-latency', status: 'firing' },
      { at: min(28), service: 'articles-db', name: 'articles-db-cpu', status: 'firing' },
    ],
    expected: { service: 'article-render', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    tell: 'origin requests jump 9× in the period after a purge-all, every request is a cache MISS and the render pool is saturated on a flat 12 tasks; render code did not change. (Kind: the origin is healthy but short of capacity for the uncached load; the purge is the trigger, not a fault in any service.)',
  };
})();

const b10: Spec = (() => {
  const on = min(47);
  return {
    name: 'ticket-emails-not-arriving',
    model: 'The email-sending provider paused the account\'s sending after a bounce-rate spike',
    description: 'Concert-goers do not receive their e-tickets; the email queue grows and sends are refused.',
    at: '2026-08-08T20:30:00Z',
    source: 'opsgenie',
    topology: {
      'ticket-checkout': ['order-svc'],
      'order-svc': ['orders-db', 'notify-svc'],
      'notify-svc': ['mail-vendor', 'sms-vendor'],
      'audience-import': ['notify-svc'],
      'mail-vendor': [],
      'sms-vendor': [],
      'orders-db': [],
    },
    external: ['mail-vendor', 'sms-vendor'],
    windowStart: hrs(4),
    stepS: 60,
    referenceDays: 0,
    alert: { service: 'notify-svc', title: 'notify-svc email queue backlog', startedAt: min(30), summary: 'email queue > 20000 and growing' },
    series: [
      gauge('notify-svc', 'email_queue_depth', 'messages', 150, { noise: 0.4, from: on, to: 46000, rampS: 2700, digits: 0 }),
      gauge('notify-svc', 'http_client_requests_error_ratio', 'ratio', 0.002, { noise: 0.5, labels: { peer: 'mail-vendor' }, from: on, to: 1, rampS: 60, digits: 3, max: 1 }),
      gauge('notify-svc', 'http_client_requests_error_ratio', 'ratio', 0.003, { noise: 0.5, labels: { peer: 'sms-vendor' }, digits: 3, max: 1 }),
      gauge('notify-svc', 'email_bounce_ratio', 'ratio', 0.008, { noise: 0.3, from: hrs(2), to: 0.14, rampS: 3600, digits: 3, max: 1 }),
      ...golden('prom', 'order-svc', { rps: 90, p99: 0.3, err: 0.002, diurnal: 0.5 }),
    ],
    logs: [
      chatter('ticket-checkout', 'warn', 'seat map fetch retried for event {num}', 90, hrs(4)),
      chatter('order-svc', 'error', 'promo code {id} expired at checkout; order {num} repriced', 300, hrs(4)),
      faultLog('audience-import', 'info', 'imported marketing list "summer-2019-legacy" ({num} addresses) for announcement send', 3600, hrs(2) - 120, hrs(2) - 110),
      faultLog('notify-svc', 'warn', 'mail-vendor bounce webhook: hard bounce for {id}@{pick:gmail.com|yahoo.com|example.net} (550 5.1.1 user unknown)', 10, hrs(2), on),
      faultLog('notify-svc', 'error', 'mail-vendor POST /v3/mail/send → 403 {"errors":[{"message":"Sending paused: account under review for bounce rate 14.1%"}]}', 4, on),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(4),
        normal: chain({ service: 'order-svc', name: 'ConfirmOrder', ms: 260 }, { service: 'notify-svc', name: 'SendTicketEmail', ms: 180 }, client('notify-svc', 'mail-vendor', 'POST /v3/mail/send', 150, false, { 'http.status_code': 202 })),
        fault: { from: on, share: 1, tpl: chain({ service: 'order-svc', name: 'ConfirmOrder', ms: 120 }, { service: 'notify-svc', name: 'SendTicketEmail', ms: 70, error: true }, client('notify-svc', 'mail-vendor', 'POST /v3/mail/send', 60, true, { 'http.status_code': 403, 'error.message': 'Sending paused: account under review' })) },
      },
    ],
    changes: [deploy(hrs(3), 'notify-svc', '2.18.0', '2.17.3', 'notify: ticket email template refresh'), deploy(min(15), 'notify-svc', '2.18.1', '2.18.0', 'hotfix: stop retrying 403 from mail vendor', 'on-call')],
    alerts: [{ at: min(46), service: 'mail-vendor', name: 'mail-vendor account notice: sending paused pending review', status: 'firing' }],
    expected: { service: 'mail-vendor', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'traces'] },
    tell: 'every send returns 403 "Sending paused: account under review for bounce rate 14.1%" from the provider; SMS works and order flow is healthy; bounces rose after an old list was imported, but the failure is the provider refusing to send.',
  };
})();

const b11: Spec = (() => {
  const on = min(85);
  return {
    name: 'courier-offers-silently-missed',
    model: 'A push-notification provider\'s credentials were revoked, so notifications silently stopped',
    description: 'A food-delivery platform: couriers stop accepting offers; offers expire without a response.',
    at: '2026-12-12T12:15:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'dispatch-engine': ['offer-svc', 'courier-locator'],
      'offer-svc': ['push-sender', 'offers-db'],
      'push-sender': ['apns', 'fcm'],
      'courier-locator': ['geo-cache'],
      apns: [],
      fcm: [],
      'offers-db': [],
      'geo-cache': [],
    },
    external: ['apns', 'fcm'],
    windowStart: hrs(5),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'offer-svc', title: 'offer-svc-expired-offers-high', startedAt: min(40), summary: 'OffersExpired above 30% of OffersCreated', cw: { namespace: 'Delivery/Dispatch', metric: 'OffersExpiredRatio', dimension: 'Service', threshold: 30 } },
    series: [
      gauge('offer-svc', 'OffersExpiredRatio', 'Percent', 6, { noise: 0.2, from: on, to: 41, rampS: 1800, digits: 1 }),
      gauge('push-sender', 'PushSent', 'Count', 9000, { diurnal: 0.5, labels: { platform: 'ios' }, digits: 0 }),
      gauge('push-sender', 'PushSent', 'Count', 14000, { diurnal: 0.5, labels: { platform: 'android' }, digits: 0 }),
      gauge('push-sender', 'PushProviderRejected', 'Count', 3, { noise: 0.8, labels: { platform: 'ios' }, from: on, to: 8900, rampS: 300, digits: 0 }),
      gauge('push-sender', 'PushProviderRejected', 'Count', 5, { noise: 0.8, labels: { platform: 'android' }, digits: 0 }),
      ...golden('cw', 'dispatch-engine', { rps: 40, p99: 0.8, err: 0.002, diurnal: 0.5 }),
    ],
    logs: [
      chatter('courier-locator', 'warn', 'courier {id} location jump {num}m ignored', 60, hrs(5)),
      chatter('dispatch-engine', 'error', 'no courier within 4km for order {num}; widening radius', 120, hrs(5)),
      chatter('push-sender', 'info', 'batch {num} delivered to providers', 60, hrs(5)),
      faultLog('push-sender', 'warn', 'APNs 403 InvalidProviderToken for device {id} (team key ABC123XYZ9); message dropped', 5, on),
      faultLog('offer-svc', 'info', 'offer {num} expired with no courier response (platform {pick:ios|ios|ios|android})', 15, on + 300),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(5),
        normal: chain({ service: 'offer-svc', name: 'SendOffer', ms: 90 }, { service: 'push-sender', name: 'Push', ms: 70 }, client('push-sender', 'apns', 'POST /3/device/:token', 55, false, { 'http.status_code': 200 })),
        fault: { from: on, share: 1, tpl: chain({ service: 'offer-svc', name: 'SendOffer', ms: 60 }, { service: 'push-sender', name: 'Push', ms: 45 }, client('push-sender', 'apns', 'POST /3/device/:token', 30, true, { 'http.status_code': 403, 'apns.reason': 'InvalidProviderToken' })) },
      },
    ],
    changes: [deploy(hrs(4), 'offer-svc', '7.7.0', '7.6.3', 'offer svc: surge bonus copy'), deploy(min(20), 'push-sender', '3.2.1', '3.2.0', 'hotfix: log APNs reasons at warn', 'on-call')],
    alerts: [{ at: min(80), service: 'apns', name: 'Apple developer account: signing key ABC123XYZ9 revoked', status: 'firing' }],
    expected: { service: 'push-sender', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'iOS provider rejections go from ~0 to ~all iOS sends with "InvalidProviderToken" after the team signing key was revoked, while Android is unaffected and PushSent stays flat (the sender reports success to itself); push-sender\'s deploy is a hotfix after onset. (Kind: the credential push-sender presents, as the format files expired or revoked credentials.)',
  };
})();

export const SPECS_B: Spec[] = [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11];
