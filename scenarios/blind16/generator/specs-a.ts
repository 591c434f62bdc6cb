/* Specs A: brokers, replicas, manual schema operations, id overflow, generated configs, priority inversion, units, DNSSEC, CronJobs, SAML. */
import { chatter, deploy, faultLog, gauge, golden } from './kit.js';
import { chain, client, hrs, min, type Spec } from './lib.js';

const a1: Spec = (() => {
  const on = min(150);
  return {
    name: 'auction-bulk-relist-backlog',
    model: 'Allegro 2018 (asynchronous task-processing broker cluster failed; bulk operations stopped)',
    description: 'Bulk relisting jobs stop completing at an online auction house; the bulk editor backlog alert has fired for hours and sellers report stuck batches.',
    at: '2026-03-09T14:20:00Z',
    source: 'alertmanager',
    topology: {
      'seller-web': ['listing-api', 'bulk-editor'],
      'listing-api': ['listing-db', 'taskbus'],
      'bulk-editor': ['taskbus', 'listing-db'],
      'newsletter-sender': ['taskbus', 'mail-relay'],
      'purchase-batcher': ['taskbus', 'payments-adapter'],
      taskbus: [],
      'mail-relay': [],
      'payments-adapter': [],
      'listing-db': [],
    },
    windowStart: hrs(7),
    stepS: 120,
    referenceDays: 7,
    alert: { service: 'bulk-editor', title: 'bulk editor backlog growing', startedAt: min(141), summary: 'bulk_editor_pending_batches above 500 for 10m', severity: 'warning' },
    series: [
      ...golden('prom', 'listing-api', { rps: 420, p99: 0.31, err: 0.002, fault: { from: on, p99: 0.44, err: 0.006 } }),
      ...golden('prom', 'seller-web', { rps: 610, p99: 0.52, err: 0.003 }),
      gauge('taskbus', 'broker_disk_free_bytes', 'bytes', 9.2e10, { noise: 0.01, from: hrs(6), to: 1.1e8, rampS: 6 * 3600 - 150 * 60, digits: 0, labels: { node: 'taskbus-2' } }),
      gauge('taskbus', 'broker_disk_free_bytes', 'bytes', 9.6e10, { noise: 0.01, labels: { node: 'taskbus-0' }, digits: 0 }),
      gauge('taskbus', 'broker_publish_rejected_total_rate', 'msg/s', 0, { noise: 0.1, from: on, to: 180, rampS: 120, digits: 1 }),
      gauge('taskbus', 'broker_messages_ready', 'messages', 1800, { noise: 0.2, diurnal: 0.3, from: on, to: 160000, rampS: 8400, integer: true }),
      gauge('bulk-editor', 'bulk_editor_pending_batches', 'batches', 40, { noise: 0.3, from: on, to: 9800, rampS: 8400, integer: true }),
      gauge('newsletter-sender', 'newsletter_enqueue_failures_per_second', 'ops/s', 0, { noise: 0.2, from: on + 120, to: 35, rampS: 300, digits: 1 }),
      gauge('purchase-batcher', 'batch_jobs_completed_per_minute', 'jobs/min', 85, { diurnal: 0.4, from: on, to: 3, rampS: 300, digits: 0 }),
      gauge('listing-db', 'pg_active_connections', 'connections', 120, { noise: 0.1, diurnal: 0.2, integer: true }),
    ],
    logs: [
      chatter('listing-api', 'warn', 'slow query on listing_search took {ms}ms (threshold 200ms)', 90, hrs(7)),
      chatter('seller-web', 'error', 'upstream image-cdn returned 404 for /thumbs/{id}.webp', 120, hrs(7)),
      chatter('taskbus', 'info', 'partition rebalance complete on queue bulk.relist (leader taskbus-{pick:0|1|2})', 900, hrs(7)),
      faultLog('taskbus', 'warn', 'disk free on /var/lib/taskbus below 5% ({pick:4.1|3.2|2.4|1.1}%); log segment cleanup behind', 300, on - 5400, on),
      faultLog('taskbus', 'error', 'taskbus-2: disk alarm set (free 110MB < limit 1GB); blocking publishers on all connections', 60, on),
      faultLog('bulk-editor', 'error', 'publish bulk.relist batch={num} failed: connection blocked by broker (resource alarm: disk)', 30, on + 60),
      faultLog('newsletter-sender', 'error', 'enqueue newsletter.send failed after 3 retries: broker blocked publishing (disk alarm)', 45, on + 120),
      faultLog('purchase-batcher', 'warn', 'bulk purchase {num} still waiting on task confirmation after 60s', 60, on + 90),
    ],
    traces: [
      {
        everyS: 240,
        from: hrs(7),
        normal: chain({ service: 'seller-web', name: 'POST /bulk/relist', ms: 95 }, { service: 'bulk-editor', name: 'CreateBatch', ms: 70, children: [client('bulk-editor', 'listing-db', 'INSERT bulk_batches', 6)] }, client('bulk-editor', 'taskbus', 'publish bulk.relist', 5)),
        fault: { from: on, share: 0.85, tpl: chain({ service: 'seller-web', name: 'POST /bulk/relist', ms: 30100, error: true }, { service: 'bulk-editor', name: 'CreateBatch', ms: 30050, error: true }, client('bulk-editor', 'taskbus', 'publish bulk.relist', 30000, true, { 'error.message': 'publish confirm timeout: connection blocked' })) },
      },
    ],
    changes: [deploy(hrs(26), 'bulk-editor', '5.14.0', '5.13.2', 'bulk editor: CSV column mapping for variants'), deploy(min(130), 'seller-web', '2026.03.09-1', '2026.03.06-4', 'seller web: new onboarding banner')],
    runtime: [{ at: min(260), service: 'listing-api', kind: 'restart', count: 1, message: 'rolling restart for node pool patching' }],
    alerts: [
      { at: on + 120, service: 'taskbus', name: 'BrokerDiskAlarm', status: 'firing' },
      { at: on + 600, service: 'newsletter-sender', name: 'NewsletterEnqueueErrors', status: 'firing' },
      { at: min(30), service: 'listing-api', name: 'ListingApiLatencyP99', status: 'firing' },
    ],
    expected: { service: 'taskbus', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
    tell: 'broker disk free on taskbus-2 falls to 110 MB and the broker sets its disk alarm at onset; every publisher (bulk editor, newsletters, purchases) is blocked at once; no change touches the broker.',
  };
})();

const a2: Spec = (() => {
  const on = min(38);
  return {
    name: 'pledge-totals-mismatch',
    model: 'Kickstarter 2014 (database bug ignored ORDER BY on replicas; replicas silently diverged)',
    description: 'Campaign pages show pledge totals that disagree with receipts; the reconciliation service starts failing inserts on a crowdfunding platform.',
    at: '2026-05-21T09:12:00Z',
    source: 'pagerduty',
    topology: {
      'campaign-web': ['campaign-api'],
      'campaign-api': ['pledge-db-replica', 'pledge-ledger'],
      'pledge-ledger': ['pledge-db-primary'],
      reconciler: ['pledge-db-replica', 'pledge-db-primary', 'receipts'],
      receipts: ['card-processor'],
      'card-processor': [],
      'pledge-db-primary': ['pledge-db-replica'],
      'pledge-db-replica': [],
    },
    external: ['card-processor'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'reconciler', title: 'Reconciler job failures', startedAt: min(6), summary: 'reconciler failed 12 of the last 15 runs' },
    series: [
      ...golden('prom', 'campaign-api', { rps: 950, p99: 0.21, err: 0.001, fault: { from: on + 600, err: 0.004 } }),
      ...golden('prom', 'pledge-ledger', { rps: 140, p99: 0.09, err: 0.0005 }),
      gauge('pledge-db-replica', 'mysql_replica_checksum_mismatched_chunks', 'chunks', 0, { noise: 0, from: on, to: 37, rampS: 1800, integer: true }),
      gauge('pledge-db-replica', 'mysql_slave_lag_seconds', 's', 0.4, { noise: 0.5, digits: 2 }),
      gauge('pledge-db-replica', 'mysql_handler_errors_per_second', 'ops/s', 0, { noise: 0.2, from: on + 1500, to: 4, rampS: 60, digits: 2 }),
      gauge('reconciler', 'reconciler_run_failures_total', 'runs', 0, { noise: 0, from: min(20), to: 12, rampS: 900, integer: true }),
      gauge('pledge-db-primary', 'mysql_queries_per_second', 'ops/s', 5200, { diurnal: 0.3, digits: 0 }),
      gauge('receipts', 'receipts_emitted_per_minute', 'receipts/min', 380, { diurnal: 0.45, digits: 0 }),
    ],
    logs: [
      chatter('campaign-api', 'warn', 'cache miss storm for campaign:{num} (rebuild took {ms}ms)', 150, hrs(3)),
      chatter('receipts', 'error', 'card-processor webhook signature clock skew of 3s tolerated for evt_{id}', 240, hrs(3)),
      chatter('pledge-db-replica', 'info', 'pt-table-checksum chunk {num} of pledges ok', 120, hrs(3)),
      faultLog('pledge-db-replica', 'warn', 'pt-table-checksum: pledges chunk {num} DIFFERS from source (this_cnt=1 source_cnt=1 this_crc!=source_crc)', 150, on),
      faultLog('pledge-db-replica', 'error', "Could not execute Write_rows event on table crowd.pledge_rollups; Duplicate entry '{num}-3' for key 'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY", 300, on + 1500),
      faultLog('reconciler', 'error', 'rollup insert for campaign {num} failed: Duplicate entry for key PRIMARY (rows read from replica ordered by id differ from primary)', 120, min(20)),
      faultLog('campaign-web', 'warn', 'pledge total for campaign {num} differs from ledger by {pick:1|2|3} pledges', 200, on + 900),
    ],
    traces: [
      {
        everyS: 200,
        from: hrs(3),
        normal: chain({ service: 'reconciler', name: 'ReconcileCampaign', ms: 410 }, { service: 'reconciler', name: 'SELECT pledges ORDER BY id LIMIT 1000', ms: 120, attributes: { 'db.system': 'mysql', 'peer.service': 'pledge-db-replica' } }),
        fault: { from: min(20), share: 0.8, tpl: chain({ service: 'reconciler', name: 'ReconcileCampaign', ms: 480, error: true }, { service: 'reconciler', name: 'INSERT pledge_rollups', ms: 40, error: true, attributes: { 'db.system': 'mysql', 'peer.service': 'pledge-db-primary', 'error.message': "Duplicate entry for key 'PRIMARY'" } }) },
      },
    ],
    changes: [deploy(hrs(2) - 600, 'reconciler', '3.8.1', '3.8.0', 'reconciler: log campaign ids at debug'), { at: hrs(30), service: 'pledge-db-replica', kind: 'infrastructure', summary: 'replica rebuilt from snapshot after host move', author: 'dba-team' }],
    exceptions: [{ at: min(19), service: 'reconciler', type: 'java.sql.SQLIntegrityConstraintViolationException', message: "Duplicate entry '88412-3' for key 'PRIMARY'", count: 41, culprit: 'RollupWriter.insertBatch' }],
    alerts: [{ at: min(12), service: 'pledge-db-replica', name: 'MySQLReplicationSQLThreadStopped', status: 'firing' }],
    expected: { service: 'pledge-db-replica', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'checksum differences on the replica begin 38 min ago with no change near them (its rebuild is 30 h old), then the replica SQL thread stops on a duplicate key; the reconciler only fails because it reads the diverged replica; its small deploy came 72 min before onset and touched only logging.',
  };
})();

const a3: Spec = (() => {
  const on = min(35);
  return {
    name: 'freight-quotes-api-down',
    model: 'Stripe 2015-10-08 (manual database operation in the wrong order: index removed while code still used it)',
    description: 'The public quotes API of a freight brokerage returns 5xx and times out; load boards cannot price lanes.',
    at: '2026-02-17T16:40:00Z',
    source: 'cloudwatch',
    topology: {
      'quotes-api': ['lane-pricing', 'carrier-match'],
      'lane-pricing': ['loads-db', 'fuel-index'],
      'carrier-match': ['loads-db', 'carrier-profile'],
      'carrier-profile': [],
      'fuel-index': [],
      'load-board': ['quotes-api'],
      'loads-db': [],
    },
    external: ['fuel-index'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'quotes-api', title: 'quotes-api-5xx-high', startedAt: min(25), summary: 'quotes-api 5XX error rate above 5% for 3 datapoints', cw: { namespace: 'Freight/Api', metric: '5XXErrorRate', dimension: 'Service', threshold: 5 } },
    series: [
      ...golden('cw', 'quotes-api', { rps: 180, p99: 0.6, err: 0.003, fault: { from: on, p99: 29, err: 0.31 } }),
      ...golden('cw', 'lane-pricing', { rps: 260, p99: 0.25, err: 0.002, fault: { from: on, p99: 30, err: 0.36 } }),
      ...golden('cw', 'carrier-match', { rps: 150, p99: 0.18, err: 0.002, fault: { from: on, p99: 9, err: 0.05 } }),
      gauge('loads-db', 'CPUUtilization', 'Percent', 31, { diurnal: 0.2, from: on, to: 99, rampS: 300, digits: 1, max: 100 }),
      gauge('loads-db', 'ReadIOPS', 'Count/Second', 900, { diurnal: 0.2, from: on, to: 14000, rampS: 300, digits: 0 }),
      gauge('loads-db', 'DatabaseConnections', 'Count', 140, { from: on, to: 600, rampS: 600, integer: true }),
      gauge('carrier-profile', 'Latency', 'Milliseconds', 40, { noise: 0.15, labels: { stat: 'p99' } }),
    ],
    logs: [
      chatter('quotes-api', 'warn', 'request validation: unknown field "hazmat_class" ignored', 120, hrs(4)),
      chatter('carrier-match', 'error', 'carrier-profile cache refresh partial: 3 carriers missing insurance docs', 600, hrs(4)),
      chatter('loads-db', 'info', 'autovacuum: VACUUM public.load_events (pages removed {num})', 900, hrs(4)),
      faultLog('loads-db', 'warn', 'duration: {num} ms  statement: SELECT * FROM lanes WHERE origin_zip3 = $1 AND dest_zip3 = $2 AND equipment = $3 (Seq Scan on lanes, rows=48211904)', 30, on),
      faultLog('lane-pricing', 'error', 'query lanes by (origin_zip3,dest_zip3,equipment) timed out after 30000ms: canceling statement due to statement timeout', 20, on),
      faultLog('quotes-api', 'error', 'POST /v2/quotes 504 upstream lane-pricing timeout', 15, on + 60),
      faultLog('carrier-match', 'warn', 'pool wait {ms}ms for loads-db connection', 60, on + 300),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'quotes-api', name: 'POST /v2/quotes', ms: 220 }, { service: 'lane-pricing', name: 'PriceLane', ms: 160, children: [client('lane-pricing', 'fuel-index', 'GET /diesel/weekly', 45)] }, { service: 'lane-pricing', name: 'SELECT lanes', ms: 12, attributes: { 'db.system': 'postgresql', 'peer.service': 'loads-db' } }),
        fault: { from: on, share: 0.7, tpl: chain({ service: 'quotes-api', name: 'POST /v2/quotes', ms: 30040, error: true }, { service: 'lane-pricing', name: 'PriceLane', ms: 30010, error: true }, { service: 'lane-pricing', name: 'SELECT lanes', ms: 30000, error: true, attributes: { 'db.system': 'postgresql', 'peer.service': 'loads-db', 'error.message': 'canceling statement due to statement timeout' } }) },
      },
    ],
    changes: [
      { at: on - 120, service: 'loads-db', kind: 'config', summary: 'manual migration step 3/4: DROP INDEX CONCURRENTLY idx_lanes_origin_dest_equipment (step 2, the release that stops using it, not yet deployed)', author: 'dba on-call', source: 'runbook' },
      deploy(hrs(3), 'carrier-match', '2.31.0', '2.30.4', 'carrier match: prefer carriers with ELD integration'),
      deploy(min(10), 'lane-pricing', '7.4.1', '7.4.0', 'hotfix: lower lanes query timeout to 10s to shed load', 'on-call'),
    ],
    alerts: [
      { at: min(28), service: 'loads-db', name: 'loads-db-cpu-high', status: 'firing' },
      { at: min(20), service: 'carrier-match', name: 'carrier-match-latency', status: 'firing' },
    ],
    expected: { service: 'loads-db', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    tell: 'two minutes after a manual DROP INDEX on loads-db, lanes queries become 48M-row sequential scans, DB CPU and IOPS saturate and pricing times out; the lane-pricing deploy came 25 min after onset as a hotfix.',
  };
})();

const a4: Spec = (() => {
  const on = min(21);
  return {
    name: 'seat-hold-writes-failing',
    model: 'Etsy 2012 (signed 32-bit ids overflowed; some database writes failed)',
    description: 'Fans cannot hold seats for a stadium concert; the hold endpoint fails for most requests while browsing works.',
    at: '2026-07-03T18:05:00Z',
    source: 'grafana',
    topology: {
      'fan-app': ['event-catalog', 'seat-holds'],
      'seat-holds': ['holds-db', 'inventory-cache'],
      'event-catalog': ['catalog-db'],
      'checkout-svc': ['seat-holds', 'pay-provider'],
      'pay-provider': [],
      'holds-db': [],
      'catalog-db': [],
      'inventory-cache': [],
    },
    external: ['pay-provider'],
    windowStart: hrs(3),
    stepS: 30,
    referenceDays: 1,
    alert: { service: 'seat-holds', title: 'seat holds error ratio', startedAt: min(17), summary: 'seat-holds 5xx ratio > 20% for 3m' },
    series: [
      ...golden('prom', 'fan-app', { rps: 2400, p99: 0.4, err: 0.004, fault: { from: on, err: 0.09 } }),
      ...golden('prom', 'seat-holds', { rps: 610, p99: 0.08, err: 0.001, fault: { from: on, err: 0.86 } }),
      ...golden('prom', 'event-catalog', { rps: 1800, p99: 0.12, err: 0.002 }),
      ...golden('prom', 'checkout-svc', { rps: 120, p99: 0.9, err: 0.01, fault: { from: on + 60, rps: 20 } }),
      gauge('holds-db', 'mysql_auto_increment_ratio', 'ratio', 0.9999, { noise: 0.00001, from: on, to: 1, rampS: 1, digits: 6, labels: { table: 'seat_holds' } }),
      gauge('holds-db', 'mysql_queries_per_second', 'ops/s', 3100, { diurnal: 0.3, digits: 0 }),
    ],
    logs: [
      chatter('fan-app', 'warn', 'slow render of venue map svg for event {num} ({ms}ms)', 60, hrs(3)),
      chatter('event-catalog', 'error', 'image resize job failed for poster {id}: unsupported colorspace', 300, hrs(3)),
      faultLog('seat-holds', 'error', "INSERT INTO seat_holds failed: Duplicate entry '2147483647' for key 'PRIMARY' (errno 1062)", 5, on),
      faultLog('seat-holds', 'error', 'hold create failed for seat {num}: sequence value 2147483648 out of range for INT column hold_id', 20, on),
      faultLog('checkout-svc', 'warn', 'no active hold for cart {id}; asking fan to reselect', 30, on + 60),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(3),
        normal: chain({ service: 'fan-app', name: 'POST /holds', ms: 70 }, { service: 'seat-holds', name: 'CreateHold', ms: 40, children: [{ service: 'seat-holds', name: 'GET inventory', ms: 2, attributes: { 'peer.service': 'inventory-cache', 'db.system': 'redis' } }] }, { service: 'seat-holds', name: 'INSERT seat_holds', ms: 4, attributes: { 'db.system': 'mysql', 'peer.service': 'holds-db' } }),
        fault: { from: on, share: 0.85, tpl: chain({ service: 'fan-app', name: 'POST /holds', ms: 45, error: true }, { service: 'seat-holds', name: 'CreateHold', ms: 20, error: true }, { service: 'seat-holds', name: 'INSERT seat_holds', ms: 3, error: true, attributes: { 'db.system': 'mysql', 'peer.service': 'holds-db', 'error.message': "Duplicate entry '2147483647' for key 'PRIMARY'" } }) },
      },
    ],
    changes: [deploy(hrs(50), 'seat-holds', '12.2.0', '12.1.3', 'holds: extend hold TTL for accessible seating'), deploy(min(95), 'event-catalog', '4.9.0', '4.8.7', 'catalog: add presale flags to event payload')],
    exceptions: [{ at: on + 10, service: 'seat-holds', type: 'java.sql.SQLIntegrityConstraintViolationException', message: "Duplicate entry '2147483647' for key 'PRIMARY'", count: 6400, culprit: 'HoldRepository.insert' }],
    alerts: [{ at: min(15), service: 'fan-app', name: 'FanAppErrorBudgetBurn', status: 'firing' }],
    expected: { service: 'seat-holds', kind: 'code_defect', action: 'none', mustCite: ['logs', 'exceptions'] },
    tell: 'every failing insert names id 2147483647, the largest signed 32-bit value; the last seat-holds deploy is two days old and event-catalog reads still succeed.',
  };
})();

const a5: Spec = (() => {
  const on = min(14);
  return {
    name: 'forum-links-all-flagged',
    model: 'Google 2009 (autogenerated URL blocklist containing "/" flagged every site)',
    description: 'Every outbound link in a large community forum is shown as malicious and link clicks are blocked; the link-check API returns block verdicts for everything.',
    at: '2026-01-31T14:35:00Z',
    source: 'datadog',
    topology: {
      'forum-web': ['thread-api', 'link-gateway'],
      'thread-api': ['posts-db', 'link-gateway'],
      'link-gateway': ['verdict-cache'],
      'policy-compiler': ['feeds-store'],
      'feeds-store': [],
      'verdict-cache': [],
      'posts-db': [],
      'moderation-queue': ['thread-api'],
    },
    windowStart: hrs(2),
    stepS: 30,
    referenceDays: 7,
    alert: { service: 'thread-api', title: 'thread-api blocked link ratio anomaly', startedAt: min(10), summary: 'Share of posts rendered with blocked links is above 90% (normally under 1%).', labels: { metric: 'forum.links.blocked_ratio' } },
    series: [
      ...golden('dd', 'forum-web', { rps: 3100, p99: 0.35, err: 0.002 }),
      ...golden('dd', 'thread-api', { rps: 2200, p99: 0.18, err: 0.001 }),
      ...golden('dd', 'link-gateway', { rps: 5400, p99: 0.01, err: 0.0005 }),
      gauge('link-gateway', 'link.verdict.block_ratio', 'ratio', 0.004, { noise: 0.3, from: on, to: 0.998, rampS: 30, digits: 4, max: 1 }),
      gauge('link-gateway', 'link.blocklist.entries', 'entries', 48213, { noise: 0, from: on - 60, to: 48214, digits: 0 }),
      gauge('thread-api', 'forum.links.blocked_ratio', 'ratio', 0.006, { noise: 0.3, from: on, to: 0.97, rampS: 60, digits: 4, max: 1 }),
      gauge('moderation-queue', 'moderation.reports_per_minute', 'reports/min', 14, { noise: 0.3, from: on + 120, to: 260, rampS: 300, digits: 0 }),
    ],
    logs: [
      chatter('forum-web', 'warn', 'CSP report: inline script blocked on /t/{num}', 45, hrs(2)),
      chatter('thread-api', 'error', 'oembed fetch failed for https://video.example/{id}: 403', 180, hrs(2)),
      chatter('policy-compiler', 'info', 'compiled blocklist generation {num} from 14 feeds', 1800, hrs(2)),
      { service: 'link-gateway', level: 'info', message: 'loaded blocklist generation 90412 (48214 patterns, 1 added: "/")', from: on - 60, to: on - 50, everyS: 600, fault: true },
      faultLog('link-gateway', 'warn', 'verdict BLOCK for https://{pick:docs.python.org|en.wikipedia.org|github.com|www.bbc.co.uk}/{id} matched pattern "/"', 3, on),
      faultLog('thread-api', 'warn', 'post {num}: {pick:3|5|8} of {pick:3|5|8} links blocked by link-gateway', 10, on + 20),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'thread-api', name: 'GET /t/:id', ms: 60 }, { service: 'link-gateway', name: 'CheckLinks', ms: 4, attributes: { verdict: 'allow' } }),
        fault: { from: on, share: 0.97, tpl: chain({ service: 'thread-api', name: 'GET /t/:id', ms: 62 }, { service: 'link-gateway', name: 'CheckLinks', ms: 4, attributes: { verdict: 'block', 'matched.pattern': '/' } }) },
      },
    ],
    changes: [
      { at: on - 60, service: 'link-gateway', kind: 'config', summary: 'blocklist generation 90412 pushed (autogenerated by policy-compiler from partner feeds; 1 pattern added)', author: 'policy-compiler', source: 'config-push' },
      deploy(hrs(1) - 300, 'forum-web', '88.0.2', '88.0.1', 'forum web: dark mode contrast fixes'),
      { at: min(5), service: 'moderation-queue', kind: 'scaling', summary: 'moderation workers 4 -> 10 (report surge)', author: 'hpa' },
    ],
    alerts: [{ at: min(8), service: 'moderation-queue', name: 'moderation reports surge', status: 'firing' }],
    expected: { service: 'link-gateway', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    tell: 'a minute after link-gateway loads a generated blocklist whose one new pattern is "/", every verdict becomes BLOCK matching "/"; latency and errors are flat, so nothing else is failing.',
  };
})();

const a6: Spec = (() => {
  const on = min(19);
  return {
    name: 'maps-tiles-rejected-everywhere',
    model: 'Google 2014 (a quota service configuration change made every dependent fail)',
    description: 'A mapping platform rejects tile, geocoding and routing requests from every customer with quota errors.',
    at: '2026-04-14T11:52:00Z',
    source: 'opsgenie',
    topology: {
      'edge-api': ['tile-server', 'geocoder', 'router'],
      'tile-server': ['quota-svc', 'tile-store'],
      geocoder: ['quota-svc', 'address-index'],
      router: ['quota-svc', 'graph-store'],
      'quota-svc': ['quota-db'],
      'quota-db': [],
      'tile-store': [],
      'address-index': [],
      'graph-store': [],
    },
    windowStart: hrs(2),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'edge-api', title: 'edge-api 4xx/5xx burst across all customers', startedAt: min(15), summary: 'edge-api non-2xx ratio 0.71 (threshold 0.1)' },
    series: [
      ...golden('prom', 'edge-api', { rps: 14000, p99: 0.25, err: 0.004, fault: { from: on, err: 0.71 } }),
      ...golden('prom', 'tile-server', { rps: 9000, p99: 0.05, err: 0.002, fault: { from: on, err: 0.74 } }),
      ...golden('prom', 'geocoder', { rps: 3000, p99: 0.09, err: 0.003, fault: { from: on, err: 0.7 } }),
      ...golden('prom', 'router', { rps: 2000, p99: 0.3, err: 0.003, fault: { from: on, err: 0.69 } }),
      ...golden('prom', 'quota-svc', { rps: 14000, p99: 0.004, err: 0.0002 }),
      gauge('quota-svc', 'quota_decisions_denied_ratio', 'ratio', 0.01, { noise: 0.2, from: on, to: 0.72, rampS: 60, digits: 3 }),
      gauge('quota-svc', 'quota_config_generation', 'generation', 5511, { noise: 0, from: on - 30, to: 5512, digits: 0 }),
    ],
    logs: [
      chatter('edge-api', 'warn', 'client {id} sent deprecated header X-Api-Version', 30, hrs(2)),
      chatter('router', 'error', 'no route between snapped points (ferry segment closed) for request {id}', 120, hrs(2)),
      faultLog('quota-svc', 'info', 'applied quota config generation 5512: default_limit 10000/min -> 0/min for plan "*" (intended: plan "trial-legacy")', 600, on - 30, on - 20),
      faultLog('quota-svc', 'warn', 'DENY project={id} api={pick:tiles|geocode|route} reason=LIMIT_EXCEEDED limit=0 used=1', 2, on),
      faultLog('tile-server', 'error', 'quota check denied for project {id}: RESOURCE_EXHAUSTED (limit 0/min)', 5, on),
      faultLog('geocoder', 'error', 'quota check denied: RESOURCE_EXHAUSTED', 8, on),
      faultLog('router', 'error', 'quota check denied: RESOURCE_EXHAUSTED', 10, on),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'edge-api', name: 'GET /tiles/:z/:x/:y', ms: 25 }, { service: 'tile-server', name: 'RenderTile', ms: 18, children: [{ service: 'quota-svc', name: 'Check', ms: 1.5 }] }),
        fault: { from: on, share: 0.7, tpl: chain({ service: 'edge-api', name: 'GET /tiles/:z/:x/:y', ms: 6, error: true }, { service: 'tile-server', name: 'RenderTile', ms: 4, error: true }, { service: 'quota-svc', name: 'Check', ms: 1.4, attributes: { decision: 'DENY', limit: 0 } }) },
      },
    ],
    changes: [
      { at: on - 30, service: 'quota-svc', kind: 'config', summary: 'quota config generation 5512: retire legacy trial plan limits', author: 'billing-platform', source: 'config-repo' },
      deploy(hrs(1) - 600, 'geocoder', '9.12.0', '9.11.5', 'geocoder: new house-number interpolation'),
      deploy(min(4), 'edge-api', '3.3.9', '3.3.8', 'hotfix: return Retry-After on 429', 'on-call'),
    ],
    alerts: [
      { at: min(17), service: 'geocoder', name: 'GeocoderErrorRate', status: 'firing' },
      { at: min(17), service: 'router', name: 'RouterErrorRate', status: 'firing' },
    ],
    expected: { service: 'quota-svc', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    tell: 'all three products fail at the same second with RESOURCE_EXHAUSTED limit 0, thirty seconds after quota-svc applied config generation 5512 setting the default limit to 0 for every plan.',
  };
})();

const a7: Spec = (() => {
  const on = min(200);
  return {
    name: 'turbine-telemetry-gaps',
    model: 'Mars Pathfinder 1997 (priority inversion made a watchdog reset the system repeatedly)',
    description: 'Wind-farm SCADA sees gaps in turbine telemetry every few minutes; the site gateway keeps rebooting.',
    at: '2026-10-02T03:40:00Z',
    source: 'generic',
    topology: {
      'scada-hmi': ['telemetry-api'],
      'telemetry-api': ['timeseries-db'],
      'ingest-bridge': ['telemetry-api'],
      'turbine-gateway': ['ingest-bridge', 'met-mast'],
      'met-mast': [],
      'timeseries-db': [],
      'alarm-router': ['telemetry-api'],
    },
    windowStart: hrs(6),
    stepS: 120,
    referenceDays: 7,
    alert: { service: 'turbine-gateway', title: 'Turbine gateway telemetry gaps', startedAt: hrs(3), summary: 'gateway keeps missing telemetry intervals; watchdog resets observed', severity: 'high' },
    series: [
      gauge('turbine-gateway', 'gateway_telemetry_frames_per_minute', 'frames/min', 1200, { noise: 0.02, from: on, to: 820, rampS: 60, digits: 0 }),
      gauge('turbine-gateway', 'gateway_bus_task_max_blocked_ms', 'ms', 12, { noise: 0.4, from: on, to: 2100, rampS: 60, digits: 0 }),
      gauge('turbine-gateway', 'gateway_cpu_utilization', 'ratio', 0.34, { noise: 0.08, from: on, to: 0.61, digits: 2 }),
      gauge('turbine-gateway', 'gateway_met_samples_per_minute', 'samples/min', 60, { noise: 0.02, from: on, to: 240, rampS: 60, digits: 0 }),
      gauge('ingest-bridge', 'bridge_frames_received_per_minute', 'frames/min', 1200, { noise: 0.02, from: on, to: 790, rampS: 60, digits: 0 }),
      gauge('telemetry-api', 'http_request_duration_seconds_p99', 's', 0.08, { noise: 0.1, digits: 3 }),
      gauge('timeseries-db', 'tsdb_write_latency_seconds_p99', 's', 0.02, { noise: 0.15, diurnal: 0.2, digits: 3 }),
    ],
    logs: [
      chatter('scada-hmi', 'warn', 'websocket client {id} reconnected', 300, hrs(6)),
      chatter('alarm-router', 'error', 'SMS route to +47******{num} rejected by carrier (retrying via voice)', 1200, hrs(6)),
      { service: 'turbine-gateway', level: 'info', message: 'met-mast sampling at 1 Hz', from: hrs(6), to: on - 60, everyS: 1800 },
      faultLog('turbine-gateway', 'info', 'met-mast sampling rate raised to 4 Hz by mast firmware (icing detection mode)', 3600, on - 30, on),
      faultLog('turbine-gateway', 'warn', 'bus_dist task blocked {ms}ms on mutex modbus_shared (owner: met_logger prio 9, preempted by comms prio 5)', 40, on),
      faultLog('turbine-gateway', 'fatal', 'watchdog: bus_dist missed 2 consecutive deadlines; system reset', 420, on + 200),
      faultLog('ingest-bridge', 'warn', 'gateway stream ended unexpectedly; reconnecting (gap {pick:38|41|44}s)', 420, on + 240),
    ],
    traces: [],
    runtime: [
      { at: on + 200, service: 'turbine-gateway', kind: 'restart', count: 27, message: 'watchdog reset (reason: task deadline missed)' },
      { at: hrs(2), service: 'alarm-router', kind: 'restart', count: 1, message: 'scheduled restart' },
    ],
    changes: [{ at: hrs(40), service: 'turbine-gateway', kind: 'deployment', summary: 'gateway firmware 2.7.3 (met logger buffer size)', version: '2.7.3', previousVersion: '2.7.2', author: 'field-eng' }],
    alerts: [{ at: on + 300, service: 'ingest-bridge', name: 'IngestGapDetected', status: 'firing' }],
    expected: { service: 'turbine-gateway', kind: 'code_defect', action: 'none', mustCite: ['logs', 'runtime'] },
    tell: 'once the met mast quadruples its sample rate, the high-priority bus task blocks on a mutex held by the low-priority met logger while a medium-priority task runs, and the watchdog resets the gateway every 7 min; firmware is 40 h old.',
  };
})();

const a8: Spec = (() => {
  const on = min(33);
  return {
    name: 'drone-geofence-rejections',
    model: 'Mars Climate Orbiter 1999 (two components exchanged a value in different units after one side changed)',
    description: 'A drone delivery operator sees its flight controller reject most planned routes as geofence violations.',
    at: '2026-06-11T08:25:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'ops-console': ['mission-api'],
      'mission-api': ['route-planner', 'flight-controller'],
      'route-planner': ['altitude-planner', 'airspace-data'],
      'altitude-planner': ['terrain-tiles'],
      'flight-controller': ['telemetry-store'],
      'terrain-tiles': [],
      'airspace-data': [],
      'telemetry-store': [],
    },
    external: ['airspace-data'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'flight-controller', title: 'flight-controller-route-rejections', startedAt: min(20), summary: 'RouteRejected above 10 per 5 minutes', cw: { namespace: 'Drones/Flight', metric: 'RouteRejected', dimension: 'Service', threshold: 10, stat: 'Sum' } },
    series: [
      gauge('flight-controller', 'RouteRejected', 'Count', 0.4, { noise: 0.9, from: on, to: 64, rampS: 300, digits: 0 }),
      gauge('flight-controller', 'PlannedCruiseAltitude', 'None', 98, { noise: 0.05, from: on, to: 322, rampS: 1, digits: 0, labels: { stat: 'Average' } }),
      gauge('altitude-planner', 'PlansProduced', 'Count', 70, { diurnal: 0.5, digits: 0 }),
      ...golden('cw', 'mission-api', { rps: 0.3, p99: 0.4, err: 0.01, fault: { from: on, err: 0.6 } }),
      ...golden('cw', 'route-planner', { rps: 0.3, p99: 1.2, err: 0.01 }),
    ],
    logs: [
      chatter('ops-console', 'warn', 'session {id} idle timeout', 600, hrs(4)),
      chatter('route-planner', 'warn', 'airspace-data NOTAM feed stale by {pick:61|75|90}s; using cached', 900, hrs(4)),
      { service: 'altitude-planner', level: 'info', message: 'config reloaded: output_altitude_unit=ft (was m) [planner-config rev 214]', from: on - 240, to: on - 230, everyS: 600, fault: true },
      faultLog('flight-controller', 'warn', 'route {id} rejected: cruise altitude {pick:318|322|328|335} exceeds geofence ceiling 120 (m AGL)', 120, on),
      faultLog('mission-api', 'error', 'mission {num} aborted: flight-controller rejected route (GEOFENCE_CEILING)', 120, on + 30),
    ],
    traces: [],
    changes: [
      { at: on - 240, service: 'altitude-planner', kind: 'config', summary: 'planner-config rev 214: output_altitude_unit ft (align with US ops)', author: 'flight-ops', source: 'config-repo' },
      deploy(hrs(3), 'mission-api', '1.40.0', '1.39.2', 'mission api: batch mission creation endpoint'),
      deploy(min(10), 'flight-controller', '6.2.1', '6.2.0', 'hotfix: log planned altitude with rejections', 'on-call'),
    ],
    alerts: [{ at: min(15), service: 'mission-api', name: 'mission-api-abort-rate', status: 'firing' }],
    expected: { service: 'altitude-planner', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    tell: 'planned cruise altitude jumps from ~98 to ~322 (metres read as feet: ×3.28) in the first period after altitude-planner switched its output unit to ft; the controller still reads metres.',
  };
})();

const a9: Spec = (() => {
  const on = min(27);
  return {
    name: 'telehealth-app-cannot-resolve',
    model: 'DNSSEC key rollover breaking validation at some resolvers (Slack 2021-09 as the public example)',
    description: 'A telehealth provider: patients on some ISPs cannot reach video visits or the API; other patients are fine.',
    at: '2026-09-30T15:10:00Z',
    source: 'alertmanager',
    topology: {
      'patient-app': ['api-gateway'],
      'api-gateway': ['visit-api', 'rx-api'],
      'visit-api': ['video-bridge', 'visits-db'],
      'rx-api': ['visits-db'],
      'synthetic-probes': ['authdns', 'api-gateway'],
      authdns: [],
      'video-bridge': [],
      'visits-db': [],
    },
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'api-gateway', title: 'API gateway traffic drop', startedAt: min(20), summary: 'api-gateway request rate 35% below forecast', severity: 'critical', labels: { namespace: 'edge' } },
    series: [
      ...golden('prom', 'api-gateway', { rps: 1900, p99: 0.3, err: 0.002, fault: { from: on, rps: 1150 } }),
      ...golden('prom', 'visit-api', { rps: 500, p99: 0.25, err: 0.002, fault: { from: on, rps: 310 } }),
      gauge('synthetic-probes', 'probe_dns_success_ratio', 'ratio', 1, { noise: 0, labels: { resolver: 'validating' }, from: on, to: 0.02, rampS: 120, digits: 2, max: 1 }),
      gauge('synthetic-probes', 'probe_dns_success_ratio', 'ratio', 1, { noise: 0, labels: { resolver: 'non-validating' }, digits: 2, max: 1 }),
      gauge('authdns', 'dns_queries_per_second', 'qps', 800, { diurnal: 0.3, digits: 0 }),
      gauge('authdns', 'dnssec_signing_key_age_days', 'days', 89, { noise: 0, from: on - 300, to: 0, digits: 0, labels: { key: 'zsk' } }),
    ],
    logs: [
      chatter('api-gateway', 'warn', 'rate limit hit for client {id}', 45, hrs(3)),
      chatter('visit-api', 'error', 'video-bridge room cleanup failed for room {id} (already closed)', 400, hrs(3)),
      faultLog('authdns', 'info', 'automatic ZSK rollover for telecare.example: new key tag 40211 active, old key tag 18833 DNSKEY removed, RRSIGs re-signed', 3600, on - 300, on - 290),
      faultLog('synthetic-probes', 'error', 'resolve api.telecare.example via 9.9.9.9 failed: SERVFAIL (EDE 9: DNSKEY Missing, key tag 18833)', 30, on),
      faultLog('synthetic-probes', 'warn', 'resolve api.telecare.example via 1.1.1.1 failed: SERVFAIL (EDE 6: DNSSEC Bogus)', 60, on + 30),
      faultLog('patient-app', 'error', 'NSURLErrorDomain -1003 A server with the specified hostname could not be found (api.telecare.example)', 10, on),
    ],
    traces: [
      { everyS: 120, from: hrs(3), normal: chain({ service: 'api-gateway', name: 'POST /visits/join', ms: 140 }, { service: 'visit-api', name: 'JoinVisit', ms: 110, children: [client('visit-api', 'video-bridge', 'POST /rooms/token', 60)] }) },
    ],
    changes: [deploy(min(75), 'visit-api', '22.4.0', '22.3.9', 'visits: waiting-room queue position'), deploy(hrs(2), 'patient-app', 'ios-8.12.0', 'ios-8.11.2', 'app store release 8.12.0', 'release-bot')],
    alerts: [
      { at: min(24), service: 'synthetic-probes', name: 'ProbeDNSFailure', status: 'firing' },
      { at: min(18), service: 'visit-api', name: 'VisitJoinRateLow', status: 'firing' },
    ],
    expected: { service: 'authdns', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'validating resolvers return SERVFAIL "DNSKEY Missing" for key tag 18833 from the minute after authdns removed that key during its automatic ZSK rollover, while non-validating probes keep resolving; traffic drops, nothing errors server-side.',
  };
})();

const a10: Spec = (() => {
  const on = min(70);
  return {
    name: 'sample-intake-pods-pending',
    model: 'Kubernetes CronJob with concurrency allowed spawned pods faster than they finished (Kubernetes failure stories)',
    description: 'A genomics lab: sample intake pods stay Pending and intake requests fail; the cluster reports no free capacity.',
    at: '2026-11-18T02:30:00Z',
    source: 'grafana',
    topology: {
      'lab-portal': ['sample-intake', 'results-api'],
      'sample-intake': ['lims-db', 'barcode-svc'],
      'results-api': ['lims-db'],
      'variant-rollup': ['lims-db', 'object-store'],
      'barcode-svc': [],
      'object-store': [],
      'lims-db': [],
      'cluster-autoscaler': [],
    },
    external: ['object-store'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'sample-intake', title: 'sample intake unavailable replicas', startedAt: min(12), summary: 'kube_deployment_status_replicas_unavailable{deployment="sample-intake"} > 0 for 10m', severity: 'critical', labels: { namespace: 'lab' } },
    series: [
      gauge('variant-rollup', 'kube_cronjob_active_jobs', 'jobs', 1, { noise: 0, from: on, to: 15, rampS: 3600, integer: true }),
      gauge('variant-rollup', 'kube_pod_container_resource_requests_cpu_cores', 'cores', 4, { noise: 0, from: on, to: 60, rampS: 3600, digits: 0 }),
      gauge('cluster-autoscaler', 'cluster_autoscaler_nodes_count', 'nodes', 12, { noise: 0, from: on + 900, to: 20, rampS: 1200, integer: true }),
      gauge('cluster-autoscaler', 'cluster_autoscaler_unschedulable_pods_count', 'pods', 0, { noise: 0, from: min(25), to: 14, rampS: 600, integer: true }),
      ...golden('prom', 'sample-intake', { rps: 12, p99: 0.4, err: 0.002, fault: { from: min(15), err: 0.4, p99: 5 } }),
      ...golden('prom', 'results-api', { rps: 30, p99: 0.2, err: 0.001 }),
      gauge('lims-db', 'pg_active_connections', 'connections', 60, { noise: 0.1, from: on, to: 140, rampS: 3600, integer: true }),
    ],
    logs: [
      chatter('lab-portal', 'warn', 'session cookie without SameSite for legacy client {id}', 240, hrs(3)),
      chatter('results-api', 'error', 'PDF render of report {num} retried (font cache miss)', 600, hrs(3)),
      chatter('variant-rollup', 'info', 'rollup batch {num} complete', 600, hrs(3)),
      faultLog('variant-rollup', 'info', 'starting rollup run; previous run still active ({pick:2|4|6|9|12} concurrent)', 300, on),
      faultLog('cluster-autoscaler', 'warn', 'scale-up: max node group size reached for pool general (20/20); {pick:6|9|14} pods remain unschedulable', 120, min(25)),
      faultLog('sample-intake', 'warn', 'pod sample-intake-7d9f8c6b5-{pick:x2kqp|m4wzt|r8hjn} Pending: 0/20 nodes are available: 20 Insufficient cpu', 90, min(20)),
      faultLog('sample-intake', 'error', 'readiness failing: upstream lims-db pool wait {ms}ms', 60, min(15)),
    ],
    traces: [],
    changes: [
      { at: on - 180, service: 'variant-rollup', kind: 'config', summary: 'CronJob variant-rollup: schedule */30 -> */5, concurrencyPolicy Forbid -> Allow', author: 'bioinfo-team', source: 'gitops' },
      deploy(hrs(2), 'results-api', '2.0.14', '2.0.13', 'results api: QC flags in summary'),
      deploy(min(8), 'sample-intake', '5.6.2', '5.6.1', 'hotfix: raise lims-db pool wait to 10s', 'on-call'),
    ],
    runtime: [
      { at: min(22), service: 'sample-intake', kind: 'evicted', count: 3, message: 'node pressure: pods evicted for variant-rollup jobs' },
      { at: min(25), service: 'variant-rollup', kind: 'node_pressure', count: 6, message: 'nodes report MemoryPressure' },
    ],
    alerts: [
      { at: min(25), service: 'cluster-autoscaler', name: 'ClusterAutoscalerMaxSize', status: 'firing' },
      { at: min(14), service: 'results-api', name: 'KubePodNotReady', status: 'resolved' },
    ],
    expected: { service: 'variant-rollup', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    tell: 'after the CronJob moved to every 5 min with concurrency Allow, active rollup jobs climb from 1 to 15 and their CPU requests from 4 to 60 cores until the node pool is at its maximum and intake pods cannot schedule.',
  };
})();

const a11: Spec = (() => {
  const on = min(31);
  return {
    name: 'course-portal-login-failures',
    model: 'Identity provider rotated its SAML signing certificate; single sign-on logins failed at the service provider',
    description: 'Students and staff of a university cannot log in to the course portal; sessions that already exist still work.',
    at: '2026-09-07T07:45:00Z',
    source: 'pagerduty',
    topology: {
      'course-web': ['lms-sso', 'course-api'],
      'lms-sso': ['campus-idp', 'session-store'],
      'course-api': ['course-db', 'session-store'],
      'grade-sync': ['course-db'],
      'campus-idp': [],
      'session-store': [],
      'course-db': [],
    },
    external: ['campus-idp'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'course-web', title: 'Course portal login success rate below 50%', startedAt: min(24), summary: 'login success 8% over 10m' },
    series: [
      ...golden('prom', 'course-web', { rps: 900, p99: 0.5, err: 0.003, fault: { from: on, err: 0.12 } }),
      ...golden('prom', 'lms-sso', { rps: 25, p99: 0.3, err: 0.01, fault: { from: on, err: 0.94 } }),
      ...golden('prom', 'course-api', { rps: 700, p99: 0.2, err: 0.002 }),
      gauge('lms-sso', 'saml_assertions_rejected_total_rate', 'ops/s', 0.01, { noise: 0.5, from: on, to: 24, rampS: 300, digits: 2 }),
    ],
    logs: [
      chatter('course-api', 'warn', 'deprecated endpoint /v1/assignments used by client {id}', 120, hrs(3)),
      chatter('grade-sync', 'error', 'SIS returned 409 for grade {num} (already final)', 300, hrs(3)),
      chatter('lms-sso', 'info', 'SAML login ok for user {id}', 30, hrs(3)),
      faultLog('lms-sso', 'error', 'SAML response rejected: signature validation failed (Issuer https://idp.campus.example/saml, signing cert SHA-1 fingerprint 7B:1E:..:C4 not in trusted metadata; trusted: 2F:90:..:A1 expires 2026-09-30)', 3, on),
      faultLog('course-web', 'warn', 'login callback failed for user {id}: SSO error, redirecting to /login?error=sso', 5, on + 10),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(3),
        normal: chain({ service: 'course-web', name: 'POST /saml/acs', ms: 120 }, { service: 'lms-sso', name: 'ValidateAssertion', ms: 35, children: [client('lms-sso', 'campus-idp', 'GET /saml/metadata', 0.2, false, { 'cache.hit': true })] }),
        fault: { from: on, share: 0.94, tpl: chain({ service: 'course-web', name: 'POST /saml/acs', ms: 80, error: true }, { service: 'lms-sso', name: 'ValidateAssertion', ms: 30, error: true, attributes: { 'error.message': 'signature validation failed: untrusted signing certificate' } }) },
      },
    ],
    changes: [deploy(hrs(2) - 900, 'course-api', '14.3.0', '14.2.2', 'course api: rubric import'), deploy(min(6), 'lms-sso', '4.1.8', '4.1.7', 'hotfix: more SAML error detail in logs', 'on-call')],
    alerts: [{ at: min(29), service: 'campus-idp', name: 'IdP status page: scheduled signing certificate rollover completed', status: 'resolved' }],
    expected: { service: 'lms-sso', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'traces'] },
    tell: 'every SAML response is rejected because it is signed with a certificate fingerprint not in lms-sso\'s trusted metadata, from the minute the IdP completed its certificate rollover; the lms-sso deploy is a hotfix 25 min after onset. (Kind: the stale trust is the certificate layer under the service provider, infrastructure.)',
  };
})();

export const SPECS_A: Spec[] = [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11];
