/* Specs D: a second variant of several classes in other shops (flags, deploys, AZ loss, surges, disks, RPC limits, pools, SAML). */
import { chatter, deploy, faultLog, gauge, golden } from './kit.js';
import { chain, client, hrs, min, type Spec } from './lib.js';

const d1: Spec = (() => {
  const on = min(50);
  return {
    name: 'airline-log-pipeline-dropping',
    model: 'Search cluster mapping explosion: a new log field per request grew the mappings until indexing was rejected',
    description: 'An airline\'s log pipeline drops events; the search cluster rejects bulk writes and dashboards go blank.',
    at: '2026-07-29T06:30:00Z',
    source: 'generic',
    topology: {
      'booking-web': ['booking-api'],
      'booking-api': ['fare-engine', 'pnr-store', 'log-pipeline'],
      'checkin-api': ['pnr-store', 'log-pipeline'],
      'log-pipeline': ['log-search'],
      'fare-engine': [],
      'pnr-store': [],
      'log-search': [],
    },
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'log-pipeline', title: 'Log pipeline dropping events', startedAt: min(18), summary: 'log-pipeline dead-letter rate above 1000/min', severity: 'high' },
    series: [
      gauge('log-search', 'opensearch_index_mapping_fields', 'fields', 640, { noise: 0, labels: { index: 'app-logs-2026.07.29' }, from: on, to: 1000, rampS: 50 * 60 - 20 * 60, integer: true }),
      gauge('log-pipeline', 'pipeline_dead_letter_per_minute', 'events/min', 0, { noise: 0, from: min(20), to: 5200, rampS: 60, digits: 0 }),
      gauge('log-pipeline', 'pipeline_events_in_per_second', 'events/s', 2400, { noise: 0.05, diurnal: 0.4, digits: 0 }),
      ...golden('prom', 'booking-api', { rps: 300, p99: 0.7, err: 0.003, diurnal: 0.4 }),
      ...golden('prom', 'checkin-api', { rps: 150, p99: 0.4, err: 0.002, diurnal: 0.4 }),
    ],
    logs: [
      chatter('booking-web', 'warn', 'seat map for flight {pick:EI|FR|LH}{num} took {ms}ms', 60, hrs(3)),
      chatter('fare-engine', 'error', 'fare rule {num} missing for market DUB-{pick:JFK|BOS|ORD}; using public fare', 300, hrs(3)),
      faultLog('log-search', 'info', '[app-logs-2026.07.29] update_mapping [_doc]: added field http.request.headers.{pick:x-trace|x-session|x-device|x-ab|x-partner}-{id}', 10, on, min(20)),
      faultLog('log-pipeline', 'error', 'bulk rejected: mapper_parsing_exception / illegal_argument_exception: Limit of total fields [1000] in index [app-logs-2026.07.29] has been exceeded', 2, min(20)),
      faultLog('booking-api', 'info', 'request logging: headers captured as structured fields (flag log_request_headers)', 3600, on - 60, on - 50),
    ],
    traces: [],
    changes: [
      { at: on - 60, service: 'booking-api', kind: 'feature_flag', summary: 'flag log_request_headers enabled (log each request header as its own field)', author: 'payments-squad', source: 'flagsmith' },
      deploy(hrs(2), 'checkin-api', '6.20.0', '6.19.2', 'check-in: boarding pass wallet passes'),
      deploy(min(8), 'log-pipeline', '1.14.1', '1.14.0', 'hotfix: send rejected bulk items to DLQ bucket', 'on-call'),
    ],
    alerts: [
      { at: min(19), service: 'log-search', name: 'OpenSearchBulkRejections', status: 'firing' },
      { at: min(100), service: 'fare-engine', name: 'FareEngineCacheMiss', status: 'resolved' },
    ],
    expected: { service: 'booking-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
    tell: 'a minute after log_request_headers was enabled on booking-api, the index gains a new field per distinct request header every few seconds, from 640 fields to the 1000 limit, then every bulk write is rejected; check-in logs are unchanged in shape.',
  };
})();

const d2: Spec = (() => {
  const on = min(31);
  return {
    name: 'meter-readings-ingest-throttled',
    model: 'A new partition-key design sent most writes to one hot partition of a managed key-value store',
    description: 'A utility\'s smart-meter readings back up; ingestion is throttled by the key-value store.',
    at: '2026-01-08T00:40:00Z',
    source: 'grafana',
    topology: {
      'meter-head-end': ['readings-writer'],
      'readings-writer': ['dynamodb', 'validation-svc'],
      'billing-extract': ['dynamodb'],
      'outage-detector': ['readings-writer'],
      'validation-svc': [],
      dynamodb: [],
      'customer-portal': ['billing-extract'],
    },
    external: ['dynamodb'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'meter-head-end', title: 'meter head-end backlog', startedAt: min(22), summary: 'undelivered readings above 2M', labels: { namespace: 'ami' } },
    series: [
      gauge('readings-writer', 'dynamodb_client_throttled_total_rate', 'req/s', 0, { noise: 0, labels: { peer: 'dynamodb', table: 'meter-readings' }, from: on, to: 420, rampS: 60, digits: 0 }),
      gauge('readings-writer', 'dynamodb_consumed_wcu', 'units/s', 5200, { noise: 0.05, labels: { table: 'meter-readings' }, from: on, to: 1100, rampS: 60, digits: 0 }),
      gauge('readings-writer', 'dynamodb_provisioned_wcu', 'units/s', 12000, { noise: 0, labels: { table: 'meter-readings' }, digits: 0 }),
      gauge('meter-head-end', 'headend_undelivered_readings', 'readings', 4000, { noise: 0.3, from: on, to: 3.1e6, rampS: 1800, digits: 0 }),
      ...golden('prom', 'readings-writer', { rps: 5000, p99: 0.02, err: 0.0005, fault: { from: on, p99: 1.9, err: 0.6 } }),
      ...golden('prom', 'billing-extract', { rps: 50, p99: 0.2, err: 0.001 }),
    ],
    logs: [
      chatter('meter-head-end', 'warn', 'meter {num} clock drift {pick:4|7|9}s corrected', 15, hrs(3)),
      chatter('validation-svc', 'error', 'reading for meter {num} fails VEE check (negative consumption)', 120, hrs(3)),
      faultLog('readings-writer', 'warn', 'BatchWriteItem meter-readings: ProvisionedThroughputExceededException on partition key "2026-01-08#substation-0" ({pick:25|25|24} unprocessed)', 2, on),
      faultLog('outage-detector', 'warn', 'last-gasp events delayed {ms}ms by readings-writer', 60, on + 120),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(3),
        normal: chain({ service: 'readings-writer', name: 'WriteBatch', ms: 15 }, client('readings-writer', 'dynamodb', 'DynamoDB.BatchWriteItem', 9, false, { 'aws.dynamodb.table_names': ['meter-readings'] })),
        fault: { from: on, share: 0.8, tpl: chain({ service: 'readings-writer', name: 'WriteBatch', ms: 1800, error: true }, client('readings-writer', 'dynamodb', 'DynamoDB.BatchWriteItem', 300, true, { 'aws.dynamodb.table_names': ['meter-readings'], 'error.type': 'ProvisionedThroughputExceededException', 'db.partition_key': '2026-01-08#substation-0' })) },
      },
    ],
    changes: [
      deploy(on - 100, 'readings-writer', '8.0.0', '7.9.3', 'readings writer: partition key <date>#<substation-group> (was meter id) for daily billing scans'),
      deploy(hrs(2) - 600, 'billing-extract', '2.2.0', '2.1.8', 'billing extract: tariff v9'),
      { at: min(12), service: 'readings-writer', kind: 'scaling', summary: 'table meter-readings provisioned WCU 12000 -> 24000 (on-call, no improvement)', author: 'on-call' },
    ],
    alerts: [{ at: min(25), service: 'readings-writer', name: 'ReadingsWriterThrottled', status: 'firing' }],
    expected: { service: 'readings-writer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    tell: 'throttling starts right after readings-writer 8.0.0 changed the key to <date>#<substation-group>; every throttled write names the same key while consumed WCU falls to a tenth of provisioned, and raising capacity did nothing.',
  };
})();

const d3: Spec = (() => {
  const on = min(28);
  return {
    name: 'payroll-events-stalled',
    model: 'Allegro 2018 (asynchronous distributed task-processing subsystem failed; dependent bulk work stopped)',
    description: 'A payroll SaaS: payslip generation and bank file exports stop; producers time out publishing events.',
    at: '2026-06-30T15:55:00Z',
    source: 'opsgenie',
    topology: {
      'payroll-api': ['payrun-svc', 'events-broker'],
      'payrun-svc': ['payroll-db', 'events-broker'],
      'payslip-renderer': ['events-broker', 'docs-store'],
      'bank-export': ['events-broker', 'sftp-bridge'],
      'events-broker': [],
      'payroll-db': [],
      'docs-store': [],
      'sftp-bridge': [],
    },
    external: ['sftp-bridge'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'payrun-svc', title: 'payrun-svc publish timeouts', startedAt: min(24), summary: 'event publish timeouts above 100/min' },
    series: [
      gauge('events-broker', 'kafka_server_replicamanager_underreplicatedpartitions', 'partitions', 0, { noise: 0, from: on, to: 412, rampS: 60, integer: true }),
      gauge('events-broker', 'kafka_controller_kafkacontroller_offlinepartitionscount', 'partitions', 0, { noise: 0, from: on, to: 96, rampS: 60, integer: true }),
      gauge('events-broker', 'kafka_brokers_online', 'brokers', 3, { noise: 0, from: on, to: 1, integer: true }),
      ...golden('prom', 'payrun-svc', { rps: 40, p99: 0.4, err: 0.002, fault: { from: on, p99: 30, err: 0.45 } }),
      ...golden('prom', 'payroll-api', { rps: 110, p99: 0.5, err: 0.003, fault: { from: on, p99: 12, err: 0.2 } }),
      gauge('payslip-renderer', 'payslips_rendered_per_minute', 'payslips/min', 900, { diurnal: 0.3, from: on, to: 0, rampS: 120, digits: 0 }),
      gauge('bank-export', 'export_files_per_hour', 'files', 12, { noise: 0.1, from: on, to: 0, digits: 0 }),
    ],
    logs: [
      chatter('payroll-api', 'warn', 'tenant {num} used deprecated tax table endpoint', 120, hrs(3)),
      chatter('bank-export', 'error', 'sftp-bridge slow listing for bank {pick:AIB|BOI|HSBC}; retried', 600, hrs(3)),
      faultLog('events-broker', 'warn', 'node events-broker-{pick:0|1} (eu-central-1a) NotReady: kubelet stopped posting node status', 60, on - 60, on + 300),
      faultLog('payrun-svc', 'error', 'org.apache.kafka.common.errors.TimeoutException: Topic payrun.completed not present in metadata after 60000 ms', 10, on),
      faultLog('payslip-renderer', 'error', 'consumer group payslips: NOT_LEADER_OR_FOLLOWER for payrun.completed-{pick:2|5|7}; leader unavailable', 15, on),
      faultLog('bank-export', 'warn', 'no leader for partition bank.files-{pick:0|1|3}; waiting', 30, on),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(3),
        normal: chain({ service: 'payroll-api', name: 'POST /payruns/:id/finalize', ms: 400 }, { service: 'payrun-svc', name: 'Finalize', ms: 320 }, { service: 'payrun-svc', name: 'kafka.produce payrun.completed', ms: 8, attributes: { 'messaging.system': 'kafka', 'peer.service': 'events-broker' } }),
        fault: { from: on, share: 0.6, tpl: chain({ service: 'payroll-api', name: 'POST /payruns/:id/finalize', ms: 30500, error: true }, { service: 'payrun-svc', name: 'Finalize', ms: 30400, error: true }, { service: 'payrun-svc', name: 'kafka.produce payrun.completed', ms: 30000, error: true, attributes: { 'messaging.system': 'kafka', 'peer.service': 'events-broker', 'error.type': 'TimeoutException' } }) },
      },
    ],
    runtime: [
      { at: on - 60, service: 'events-broker', kind: 'node_pressure', count: 2, message: 'nodes ip-10-3-1-21, ip-10-3-1-58 (eu-central-1a) NotReady' },
      { at: on + 120, service: 'events-broker', kind: 'unhealthy', count: 2, message: 'pods events-broker-0, events-broker-1 Unknown (node unreachable)' },
    ],
    changes: [deploy(hrs(2), 'payslip-renderer', '3.9.0', '3.8.6', 'payslip: new footer'), deploy(min(10), 'payrun-svc', '22.1.1', '22.1.0', 'hotfix: publish timeout 60s -> 10s', 'on-call')],
    alerts: [
      { at: on - 30, service: 'events-broker', name: 'AWS Health: connectivity issues in euc1-az1 (eu-central-1a)', status: 'firing' },
      { at: min(20), service: 'payroll-api', name: 'PayrollApiLatency', status: 'firing' },
    ],
    expected: { service: 'events-broker', kind: 'infrastructure', action: 'none', mustCite: ['runtime', 'metrics'] },
    tell: 'the two broker nodes in eu-central-1a go NotReady as AWS reports connectivity issues in that zone; brokers online fall 3 → 1, partitions go offline, and every producer and consumer fails at once; no broker change.',
  };
})();

const d4: Spec = (() => {
  const on = min(33);
  return {
    name: 'game-patch-downloads-failing',
    model: 'A CDN "purge everything" sent a stampede to the origin',
    description: 'Players cannot download a game patch on release day; the patch origin returns 503 and downloads stall.',
    at: '2026-10-27T17:20:00Z',
    source: 'datadog',
    topology: {
      launcher: ['patch-manifest', 'patch-origin'],
      'patch-manifest': ['release-db'],
      'patch-origin': ['artifact-bucket'],
      'release-tool': ['patch-manifest', 'cdn-api'],
      'cdn-api': [],
      'artifact-bucket': [],
      'release-db': [],
    },
    external: ['cdn-api', 'artifact-bucket'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'patch-origin', title: 'patch-origin 5xx', startedAt: min(28), summary: 'patch-origin error ratio above 10%', labels: { metric: 'trace.http.request.errors' } },
    series: [
      ...golden('dd', 'patch-origin', { rps: 90, p99: 1.2, err: 0.001, diurnal: 0.4, fault: { from: on, rps: 1900, p99: 25, err: 0.38 } }),
      gauge('patch-origin', 'system.net.bytes_sent', 'bytes/s', 1.1e9, { noise: 0.1, diurnal: 0.4, from: on, to: 9.8e9, rampS: 120, digits: 0 }),
      gauge('patch-origin', 'system.net.bandwidth_limit', 'bytes/s', 1e10, { noise: 0, digits: 0 }),
      gauge('patch-origin', 'kubernetes.pods.running', 'pods', 10, { noise: 0, integer: true }),
      ...golden('dd', 'patch-manifest', { rps: 600, p99: 0.05, err: 0.001, diurnal: 0.4, fault: { from: on, rps: 700 } }),
    ],
    logs: [
      chatter('launcher', 'warn', 'launcher {pick:2.3.1|2.3.0} telemetry upload skipped (offline)', 10, hrs(3)),
      chatter('patch-manifest', 'error', 'manifest request for retired branch {pick:ptr-old|beta-7}; 410', 300, hrs(3)),
      faultLog('release-tool', 'info', 'CDN invalidation submitted: paths ["/*"] (release 7.3 checklist step 12)', 3600, on - 90, on - 80),
      faultLog('patch-origin', 'warn', 'GET /chunks/7.{pick:2|3}/{id}.pak served from origin (x-cache: MISS from edge)', 2, on),
      faultLog('patch-origin', 'error', 'uplink saturated: {pick:9.6|9.8|9.9} Gbit/s of 10; shedding downloads with 503', 15, on + 120),
    ],
    traces: [
      {
        everyS: 120,
        from: hrs(3),
        normal: { service: 'patch-origin', name: 'GET /chunks/:id', ms: 900, attributes: { 'http.response.cache': 'MISS' } },
        fault: { from: on, share: 0.7, tpl: { service: 'patch-origin', name: 'GET /chunks/:id', ms: 24000, error: true, attributes: { 'http.response.cache': 'MISS', 'http.status_code': 503 } } },
      },
    ],
    changes: [
      { at: on - 90, service: 'release-tool', kind: 'infrastructure', summary: 'CDN invalidation of all paths ("/*") during release 7.3', author: 'release-manager', source: 'cdn-api' },
      deploy(hrs(2), 'patch-manifest', '7.3.0', '7.2.9', 'manifest for release 7.3'),
      deploy(hrs(26), 'patch-origin', '1.9.2', '1.9.1', 'origin: range request logging'),
    ],
    alerts: [{ at: min(20), service: 'launcher', name: 'launcher download failures', status: 'firing' }],
    expected: { service: 'patch-origin', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    tell: 'after the all-paths invalidation every chunk request misses the edge: origin requests jump 20× and outbound bandwidth hits the 10 Gbit/s limit on a fixed 10 pods; the origin\'s code is a day old and healthy at normal load.',
  };
})();

const d5: Spec = (() => {
  const on = min(58);
  return {
    name: 'tax-return-submissions-slow',
    model: 'Own class A: an on-sale demand surge beyond capacity (here a filing deadline)',
    description: 'On the filing deadline evening, e-filing submissions take minutes and many fail; users retry.',
    at: '2026-04-15T21:30:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'filing-web': ['return-submit', 'account-svc'],
      'return-submit': ['validation-engine', 'returns-db', 'efile-gateway'],
      'validation-engine': [],
      'efile-gateway': ['tax-authority'],
      'tax-authority': [],
      'account-svc': ['accounts-db'],
      'returns-db': [],
      'accounts-db': [],
    },
    external: ['tax-authority'],
    windowStart: hrs(5),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'return-submit', title: 'return-submit-latency-high', startedAt: min(40), summary: 'return-submit p99 above 20000 ms', cw: { namespace: 'Tax/Filing', metric: 'Latency', dimension: 'Service', threshold: 20000, stat: 'p99' } },
    series: [
      ...golden('cw', 'return-submit', { rps: 20, p99: 3, err: 0.005, diurnal: 0.3, fault: { from: hrs(3), rps: 70, rampS: 3 * 3600 - 58 * 60 }, fault2: { from: on, rps: 180, p99: 95, err: 0.14 } }),
      gauge('return-submit', 'CPUUtilization', 'Percent', 25, { diurnal: 0.3, from: hrs(3), to: 60, rampS: 7000, from2: on, to2: 99, rampS2: 300, digits: 1, max: 100 }),
      gauge('return-submit', 'RunningTaskCount', 'Count', 16, { noise: 0, integer: true, from: min(20), to: 20 }),
      ...golden('cw', 'validation-engine', { rps: 20, p99: 1.5, err: 0.001, diurnal: 0.3 }),
      ...golden('cw', 'efile-gateway', { rps: 18, p99: 2, err: 0.004, diurnal: 0.3 }),
      gauge('returns-db', 'CPUUtilization', 'Percent', 20, { diurnal: 0.3, from: on, to: 44, digits: 1 }),
    ],
    logs: [
      chatter('filing-web', 'warn', 'autosave conflict for return {id}; merged', 60, hrs(5)),
      chatter('efile-gateway', 'error', 'tax-authority ack {num} rejected: IND-031 (AGI mismatch)', 300, hrs(5)),
      faultLog('return-submit', 'warn', 'request queue depth {num} (16 tasks x 8 workers busy)', 30, on),
      faultLog('return-submit', 'error', 'submit for return {id} timed out in queue after 60000ms', 20, on + 300),
    ],
    traces: [
      {
        everyS: 600,
        from: hrs(5),
        normal: chain({ service: 'filing-web', name: 'POST /returns/:id/submit', ms: 2600 }, { service: 'return-submit', name: 'Submit', ms: 2500, children: [{ service: 'validation-engine', name: 'Validate', ms: 1200 }] }, { service: 'efile-gateway', name: 'Transmit', ms: 900, children: [client('efile-gateway', 'tax-authority', 'POST /mef/submit', 700)] }),
        fault: { from: on, share: 0.8, tpl: chain({ service: 'filing-web', name: 'POST /returns/:id/submit', ms: 61000, error: true }, { service: 'return-submit', name: 'Submit', ms: 60900, error: true, attributes: { 'queue.wait_ms': 58000 }, children: [{ service: 'validation-engine', name: 'Validate', ms: 1250 }] }, { service: 'efile-gateway', name: 'Transmit', ms: 950, children: [client('efile-gateway', 'tax-authority', 'POST /mef/submit', 720)] }) },
      },
    ],
    changes: [
      deploy(hrs(50), 'return-submit', '26.4.0', '26.3.8', 'submit: state return bundling'),
      { at: min(20), service: 'return-submit', kind: 'scaling', summary: 'desired tasks 16 -> 20 (service max)', author: 'on-call' },
    ],
    alerts: [{ at: min(35), service: 'filing-web', name: 'filing-web-apdex', status: 'firing' }],
    expected: { service: 'return-submit', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    tell: 'submissions rise through the deadline evening to 9× a normal day, return-submit CPU pins at 99% on 16 tasks and requests wait in its queue, while validation, e-filing and the tax authority answer at their usual speed; the last deploy is two days old.',
  };
})();

const d6: Spec = (() => {
  const on = min(37);
  return {
    name: 'loan-decisions-stalling',
    model: 'A JVM heap-size setting change caused long garbage-collection pauses (here shipped inside a new image)',
    description: 'A consumer-lending platform: loan decisions stall for seconds at a time; the decision API misses its SLO.',
    at: '2026-09-09T11:10:00Z',
    source: 'alertmanager',
    topology: {
      'loan-portal': ['decision-api'],
      'decision-api': ['risk-scorer', 'bureau-proxy', 'offers-svc'],
      'risk-scorer': ['feature-store'],
      'bureau-proxy': ['credit-bureau'],
      'offers-svc': ['offers-db'],
      'credit-bureau': [],
      'feature-store': [],
      'offers-db': [],
    },
    external: ['credit-bureau'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'decision-api', title: 'decision API latency SLO', startedAt: min(30), summary: 'decision-api p99 above 2s for 5m', labels: { namespace: 'lending' } },
    series: [
      ...golden('prom', 'decision-api', { rps: 80, p99: 0.9, err: 0.003, fault: { from: on, p99: 9.5, err: 0.05 } }),
      ...golden('prom', 'risk-scorer', { rps: 80, p99: 0.12, err: 0.001, fault: { from: on, p99: 8.2, err: 0.03 } }),
      ...golden('prom', 'bureau-proxy', { rps: 80, p99: 0.7, err: 0.004 }),
      gauge('risk-scorer', 'jvm_gc_pause_seconds_max', 's', 0.06, { noise: 0.3, from: on, to: 8, rampS: 60, digits: 2, labels: { gc: 'G1 Old Generation' } }),
      gauge('risk-scorer', 'jvm_memory_max_bytes', 'bytes', 6.4e9, { noise: 0, labels: { area: 'heap' }, from: on - 60, to: 5.4e8, digits: 0 }),
      gauge('risk-scorer', 'jvm_memory_used_bytes', 'bytes', 3.3e9, { noise: 0.05, labels: { area: 'heap' }, from: on - 60, to: 5.2e8, digits: 0 }),
      gauge('risk-scorer', 'container_memory_limit_bytes', 'bytes', 8.6e9, { noise: 0, digits: 0 }),
    ],
    logs: [
      chatter('loan-portal', 'warn', 'applicant {id} abandoned at income step', 60, hrs(3)),
      chatter('bureau-proxy', 'error', 'credit-bureau returned thin file for applicant {id}', 180, hrs(3)),
      faultLog('risk-scorer', 'info', 'JVM args: -XX:MaxRAMPercentage=6.25 (image default; JAVA_OPTS no longer read by new entrypoint)', 3600, on - 60, on - 50),
      faultLog('risk-scorer', 'warn', '[gc,start] Pause Full (G1 Compaction Pause) 512M->508M(512M) {pick:5.2|6.9|7.8}s', 40, on),
      faultLog('decision-api', 'error', 'risk-scorer timed out after 5s for application {num}; falling back to manual underwriting', 15, on + 30),
    ],
    traces: [
      {
        everyS: 120,
        from: hrs(3),
        normal: chain({ service: 'decision-api', name: 'POST /decisions', ms: 750 }, { service: 'risk-scorer', name: 'Score', ms: 90, children: [{ service: 'risk-scorer', name: 'feature-store get', ms: 12, attributes: { 'peer.service': 'feature-store' } }] }),
        fault: { from: on, share: 0.5, tpl: chain({ service: 'decision-api', name: 'POST /decisions', ms: 5600, error: true }, { service: 'risk-scorer', name: 'Score', ms: 7000, attributes: { 'jvm.gc.pause_ms': 6800 } }) },
      },
      { everyS: 300, from: hrs(3), normal: chain({ service: 'decision-api', name: 'POST /decisions', ms: 800 }, { service: 'bureau-proxy', name: 'PullReport', ms: 650 }, client('bureau-proxy', 'credit-bureau', 'POST /reports', 600)) },
    ],
    changes: [
      deploy(on - 120, 'risk-scorer', '5.0.0', '4.9.6', 'risk scorer: distroless base image, new entrypoint script'),
      deploy(hrs(2), 'offers-svc', '3.4.0', '3.3.9', 'offers: APR display rounding'),
    ],
    runtime: [{ at: on - 60, service: 'risk-scorer', kind: 'restart', count: 6, message: 'rollout of 5.0.0' }],
    alerts: [{ at: min(28), service: 'loan-portal', name: 'LoanPortalConversionDrop', status: 'firing' }],
    expected: { service: 'risk-scorer', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'metrics'] },
    tell: 'risk-scorer 5.0.0\'s new entrypoint ignores JAVA_OPTS, so its heap max falls from 6.4 GB to 512 MB at the rollout and Full GC pauses of 5-8 s follow; the container limit did not change. (Kind: the setting arrived in a new artifact, so deployment rather than config_change.)',
  };
})();

const d7: Spec = (() => {
  const on = min(30);
  return {
    name: 'payroll-bank-transfers-failing',
    model: 'A TLS library upgrade dropped an old cipher suite; calls to a partner\'s old endpoint failed the handshake',
    description: 'An expense-management company cannot send reimbursements to one bank; transfers to other banks succeed.',
    at: '2026-02-02T10:15:00Z',
    source: 'cloudwatch',
    topology: {
      'expense-api': ['reimbursement-svc'],
      'reimbursement-svc': ['bank-connector', 'ledger-svc'],
      'bank-connector': ['legacy-bank', 'open-banking-hub'],
      'ledger-svc': ['ledger-db'],
      'legacy-bank': [],
      'open-banking-hub': [],
      'ledger-db': [],
    },
    external: ['legacy-bank', 'open-banking-hub'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'reimbursement-svc', title: 'reimbursement-svc-failed-transfers', startedAt: min(15), summary: 'FailedTransfers above 20 per 5 minutes', cw: { namespace: 'Expense/Payouts', metric: 'FailedTransfers', dimension: 'Service', threshold: 20, stat: 'Sum' } },
    series: [
      gauge('reimbursement-svc', 'FailedTransfers', 'Count', 0.5, { noise: 0.9, from: on, to: 88, rampS: 300, digits: 0 }),
      gauge('bank-connector', 'TLSHandshakeErrors', 'Count', 0, { noise: 0, labels: { peer: 'legacy-bank' }, from: on, to: 90, rampS: 300, digits: 0 }),
      gauge('bank-connector', 'TransferSuccess', 'Count', 120, { diurnal: 0.4, labels: { peer: 'open-banking-hub' }, digits: 0 }),
      gauge('bank-connector', 'TransferSuccess', 'Count', 85, { diurnal: 0.4, labels: { peer: 'legacy-bank' }, from: on, to: 0, rampS: 300, digits: 0 }),
      ...golden('cw', 'expense-api', { rps: 40, p99: 0.5, err: 0.002, diurnal: 0.4 }),
    ],
    logs: [
      chatter('expense-api', 'warn', 'receipt OCR confidence low for expense {num}', 60, hrs(4)),
      chatter('ledger-svc', 'error', 'FX rate for {pick:CHF|SEK|PLN} stale by 2h; using last known', 900, hrs(4)),
      faultLog('bank-connector', 'error', 'javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate) connecting to h2h.legacy-bank.example:443 (peer offers TLSv1.1 only)', 20, on),
      faultLog('reimbursement-svc', 'warn', 'transfer {id} to bank code {pick:LGBK|LGBK|LGBK} failed; will retry at next cut-off', 30, on + 60),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'reimbursement-svc', name: 'PayOut', ms: 1400 }, { service: 'bank-connector', name: 'SendTransfer', ms: 1300 }, client('bank-connector', 'legacy-bank', 'POST /h2h/credit-transfer', 1200, false, { 'http.status_code': 200 })),
        fault: { from: on, share: 1, tpl: chain({ service: 'reimbursement-svc', name: 'PayOut', ms: 140, error: true }, { service: 'bank-connector', name: 'SendTransfer', ms: 90, error: true }, client('bank-connector', 'legacy-bank', 'POST /h2h/credit-transfer', 40, true, { 'error.type': 'SSLHandshakeException', 'tls.protocol.version': 'TLSv1.1' })) },
      },
      { everyS: 300, from: hrs(4), normal: chain({ service: 'reimbursement-svc', name: 'PayOut', ms: 900 }, { service: 'bank-connector', name: 'SendTransfer', ms: 800 }, client('bank-connector', 'open-banking-hub', 'POST /payments', 700, false, { 'http.status_code': 201 })) },
    ],
    changes: [
      deploy(on - 240, 'bank-connector', '4.0.0', '3.12.5', 'bank connector: JDK 17 -> 21 runtime (jdk.tls.disabledAlgorithms now includes TLSv1.1)'),
      deploy(hrs(3), 'ledger-svc', '6.6.0', '6.5.2', 'ledger: VAT split lines'),
    ],
    alerts: [{ at: min(20), service: 'bank-connector', name: 'bank-connector-tls-errors', status: 'firing' }],
    expected: { service: 'bank-connector', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    tell: 'handshakes with the legacy bank fail "protocol is disabled" from the first period after bank-connector 4.0.0 moved to a runtime that disables TLS 1.1; transfers through the open-banking hub keep succeeding.',
  };
})();

const d8: Spec = (() => {
  const on = min(26);
  return {
    name: 'job-postings-not-searchable',
    model: 'Own class B: resource exhaustion with no change (here a search node\'s disk filled to the flood-stage watermark)',
    description: 'A job board: new and edited postings stop appearing in search; searches of older postings still work.',
    at: '2026-05-27T09:05:00Z',
    source: 'grafana',
    topology: {
      'jobs-web': ['search-api', 'postings-api'],
      'search-api': ['jobs-search'],
      'postings-api': ['postings-db', 'index-feeder'],
      'index-feeder': ['jobs-search'],
      'alerts-mailer': ['search-api'],
      'jobs-search': [],
      'postings-db': [],
    },
    windowStart: hrs(6),
    stepS: 120,
    referenceDays: 7,
    alert: { service: 'index-feeder', title: 'index feeder failures', startedAt: min(20), summary: 'index-feeder bulk failure ratio above 50%', labels: { namespace: 'search' } },
    series: [
      gauge('jobs-search', 'elasticsearch_filesystem_data_used_ratio', 'ratio', 0.78, { noise: 0.002, labels: { node: 'jobs-search-2' }, from: hrs(6), to: 0.951, rampS: 6 * 3600 - 26 * 60, digits: 3 }),
      gauge('jobs-search', 'elasticsearch_filesystem_data_used_ratio', 'ratio', 0.61, { noise: 0.002, labels: { node: 'jobs-search-0' }, digits: 3 }),
      gauge('jobs-search', 'elasticsearch_filesystem_data_used_ratio', 'ratio', 0.63, { noise: 0.002, labels: { node: 'jobs-search-1' }, digits: 3 }),
      gauge('index-feeder', 'feeder_bulk_failed_ratio', 'ratio', 0.001, { noise: 0.5, from: on, to: 0.97, rampS: 60, digits: 3, max: 1 }),
      ...golden('prom', 'search-api', { rps: 700, p99: 0.25, err: 0.001, diurnal: 0.4 }),
      ...golden('prom', 'postings-api', { rps: 60, p99: 0.3, err: 0.002, diurnal: 0.4 }),
    ],
    logs: [
      chatter('jobs-web', 'warn', 'salary range missing for posting {num}; hiding filter', 60, hrs(6)),
      chatter('alerts-mailer', 'error', 'saved search {id} returned 0 results 30 days running; pausing', 900, hrs(6)),
      chatter('jobs-search', 'info', 'merged segments for shard [postings][{pick:0|1|2}]', 600, hrs(6)),
      faultLog('jobs-search', 'warn', 'high disk watermark [90%] exceeded on [jobs-search-2]; shards will be relocated away from this node', 900, hrs(1), on),
      faultLog('jobs-search', 'warn', 'flood stage disk watermark [95%] exceeded on [jobs-search-2]; all indices on this node will be marked read-only', 300, on),
      faultLog('index-feeder', 'error', 'bulk index postings failed: cluster_block_exception: index [postings] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block]', 5, on),
    ],
    traces: [],
    changes: [deploy(hrs(30), 'index-feeder', '2.4.0', '2.3.9', 'feeder: include benefits field'), deploy(hrs(2), 'jobs-web', '101.0.0', '100.4.2', 'jobs web: new filters panel')],
    runtime: [{ at: hrs(4), service: 'alerts-mailer', kind: 'restart', count: 1, message: 'cron pod restarted' }],
    alerts: [
      { at: hrs(1), service: 'jobs-search', name: 'ElasticsearchDiskHighWatermark', status: 'firing' },
      { at: min(15), service: 'postings-api', name: 'PostingsFreshnessLag', status: 'firing' },
    ],
    expected: { service: 'jobs-search', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    tell: 'disk on jobs-search-2 has climbed for six hours to 95%, the flood-stage watermark marks its indices read-only and every bulk write is blocked while reads still work; no change to the cluster or the feeder near onset.',
  };
})();

const d9: Spec = (() => {
  const on = min(35);
  return {
    name: 'bookstore-checkout-crawling',
    model: 'A data backfill launched at peak saturated a shared database',
    description: 'An online bookstore: checkout and account pages crawl during the lunch peak; the shared catalog database is pegged.',
    at: '2026-11-24T12:50:00Z',
    source: 'cloudwatch',
    topology: {
      storefront: ['checkout', 'catalog-api', 'accounts'],
      checkout: ['catalog-db', 'payments-link'],
      'catalog-api': ['catalog-db', 'search-proxy'],
      accounts: ['catalog-db'],
      'catalog-reindex': ['catalog-db', 'search-proxy'],
      'catalog-db': [],
      'search-proxy': [],
      'payments-link': [],
    },
    external: ['payments-link'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'checkout', title: 'checkout-latency-p99', startedAt: min(20), summary: 'checkout p99 above 3000 ms', cw: { namespace: 'Books/Shop', metric: 'Latency', dimension: 'Service', threshold: 3000, stat: 'p99' } },
    series: [
      ...golden('cw', 'checkout', { rps: 60, p99: 0.7, err: 0.002, diurnal: 0.5, fault: { from: on, p99: 7.5, err: 0.04 } }),
      ...golden('cw', 'catalog-api', { rps: 400, p99: 0.15, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 3.2 } }),
      ...golden('cw', 'accounts', { rps: 90, p99: 0.2, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 2.9 } }),
      gauge('catalog-db', 'CPUUtilization', 'Percent', 45, { diurnal: 0.4, from: on, to: 98, rampS: 300, digits: 1, max: 100 }),
      gauge('catalog-db', 'ReadIOPS', 'Count/Second', 3000, { diurnal: 0.4, from: on, to: 19000, rampS: 300, digits: 0 }),
      gauge('catalog-reindex', 'DocumentsProcessed', 'Count', 0, { noise: 0, from: on, to: 1.6e6, rampS: 300, digits: 0 }),
    ],
    logs: [
      chatter('storefront', 'warn', 'cover image missing for ISBN 978{num}', 60, hrs(4)),
      chatter('catalog-api', 'error', 'publisher feed {pick:penguin|harper|hachette} row {num} malformed; skipped', 600, hrs(4)),
      faultLog('catalog-reindex', 'info', 'reindex_all_editions: page {num} (SELECT ... FROM editions JOIN contributors ... ORDER BY id OFFSET n) workers=24', 10, on),
      faultLog('checkout', 'warn', 'stock check query took {ms}ms', 15, on + 60),
      faultLog('accounts', 'warn', 'order history query took {ms}ms', 30, on + 60),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'storefront', name: 'POST /checkout', ms: 600 }, { service: 'checkout', name: 'PlaceOrder', ms: 500, children: [client('checkout', 'payments-link', 'POST /charges', 300)] }, { service: 'checkout', name: 'SELECT stock', ms: 12, attributes: { 'db.system': 'mysql', 'peer.service': 'catalog-db' } }),
        fault: { from: on, share: 0.9, tpl: chain({ service: 'storefront', name: 'POST /checkout', ms: 7400 }, { service: 'checkout', name: 'PlaceOrder', ms: 7300, children: [client('checkout', 'payments-link', 'POST /charges', 310)] }, { service: 'checkout', name: 'SELECT stock', ms: 6800, attributes: { 'db.system': 'mysql', 'peer.service': 'catalog-db' } }) },
      },
    ],
    changes: [
      { at: on - 120, service: 'catalog-reindex', kind: 'feature_flag', summary: 'flag catalog.reindex_all_editions enabled (scheduled for 02:00, toggled at 12:13)', author: 'search-team', source: 'launchdarkly' },
      deploy(hrs(3), 'checkout', '17.2.0', '17.1.4', 'checkout: gift wrap option'),
      deploy(min(10), 'checkout', '17.2.1', '17.2.0', 'hotfix: stock check timeout 2s', 'on-call'),
    ],
    alerts: [
      { at: min(28), service: 'catalog-db', name: 'catalog-db-cpu', status: 'firing' },
      { at: min(18), service: 'accounts', name: 'accounts-latency', status: 'firing' },
    ],
    expected: { service: 'catalog-reindex', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
    tell: 'in the period after catalog.reindex_all_editions was switched on at lunchtime, the reindex processes 1.6M documents per period, catalog-db read IOPS go 6× and CPU to 98%, and all three readers of the database slow together; checkout\'s deploy 3 h earlier ran fine and its second deploy is a hotfix after onset.',
  };
})();

const d10: Spec = (() => {
  const on = min(22);
  return {
    name: 'listing-page-errors-one-agency',
    model: 'A message exceeding the RPC framework\'s maximum message size after a customer\'s data grew',
    description: 'A property portal: listing pages of one large estate agency fail to load; other agencies are fine.',
    at: '2026-03-03T15:40:00Z',
    source: 'opsgenie',
    topology: {
      'portal-web': ['listing-api'],
      'listing-api': ['photo-meta', 'agency-svc', 'valuation-svc'],
      'photo-meta': ['photo-db'],
      'agency-svc': ['agency-db'],
      'valuation-svc': [],
      'photo-db': [],
      'agency-db': [],
      'photo-uploader': ['photo-meta'],
    },
    windowStart: hrs(2),
    stepS: 60,
    referenceDays: 0,
    alert: { service: 'listing-api', title: 'listing-api 5xx above 1%', startedAt: min(18), summary: 'listing-api 5xx ratio 0.021' },
    series: [
      ...golden('prom', 'listing-api', { rps: 800, p99: 0.3, err: 0.001, fault: { from: on, err: 0.021 } }),
      ...golden('prom', 'photo-meta', { rps: 820, p99: 0.06, err: 0.0005 }),
      gauge('photo-meta', 'grpc_server_msg_sent_bytes_p99', 'bytes', 310000, { noise: 0.1, digits: 0, labels: { method: 'ListPhotos' } }),
      gauge('photo-meta', 'grpc_server_msg_sent_bytes_max', 'bytes', 3.8e6, { noise: 0.02, from: on, to: 4.6e6, rampS: 60, digits: 0, labels: { method: 'ListPhotos' } }),
      gauge('photo-uploader', 'photos_uploaded_per_minute', 'photos/min', 120, { noise: 0.2, diurnal: 0.3, digits: 0 }),
    ],
    logs: [
      chatter('portal-web', 'warn', 'map embed quota warning for tile key {id}', 120, hrs(2)),
      chatter('valuation-svc', 'error', 'no comparable sales for postcode {pick:E14|M1|LS6} within 1 mile', 300, hrs(2)),
      faultLog('photo-uploader', 'info', 'agency 7731 bulk upload: {num} photos added to development "Riverside Quay" (now 1,240 photos with 24 derived sizes each)', 300, on - 900, on),
      faultLog('listing-api', 'error', 'ListPhotos(development=dev-7731-rq) failed: io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 4611872', 5, on),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'listing-api', name: 'GET /listings/:id', ms: 120 }, { service: 'photo-meta', name: 'ListPhotos', ms: 30 }),
        fault: { from: on, share: 0.2, tpl: chain({ service: 'listing-api', name: 'GET /listings/:id', ms: 410, error: true, attributes: { 'agency.id': '7731', 'rpc.grpc.status_code': 8 } }, { service: 'photo-meta', name: 'ListPhotos', ms: 380, attributes: { 'agency.id': '7731', 'message.size_bytes': 4611872 } }) },
      },
    ],
    changes: [deploy(hrs(1) - 300, 'listing-api', '40.2.0', '40.1.6', 'listing api: energy rating badge'), deploy(hrs(72), 'photo-meta', '6.0.0', '5.9.3', 'photo meta: include all derived sizes in ListPhotos')],
    exceptions: [{ at: on + 3, service: 'listing-api', type: 'io.grpc.StatusRuntimeException', message: 'RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 4611872', count: 320, culprit: 'PhotoClient.listPhotos' }],
    alerts: [{ at: min(16), service: 'portal-web', name: 'portal-web error budget', status: 'firing' }],
    expected: { service: 'photo-meta', kind: 'code_defect', action: 'none', mustCite: ['logs', 'exceptions'] },
    tell: 'only agency 7731\'s development fails, once its bulk upload takes the ListPhotos response past 4 MiB (4611872 vs 4194304); the listing-api deploy 33 min before onset serves every other agency, and photo-meta\'s change is three days old and worked until the data grew.',
  };
})();

const d11: Spec = (() => {
  const on = min(40);
  return {
    name: 'bike-unlocks-timing-out',
    model: 'Own class B: resource exhaustion with no change (here a worker pool outgrown by steady load)',
    description: 'A bike-sharing scheme: unlocks time out at the morning commute peak; the pricing step is slow.',
    at: '2026-10-06T08:25:00Z',
    source: 'pagerduty',
    topology: {
      'rider-app-api': ['unlock-svc', 'pricing-svc'],
      'unlock-svc': ['pricing-svc', 'dock-controller', 'trips-db'],
      'pricing-svc': ['tariffs-cache'],
      'dock-controller': ['iot-hub'],
      'tariffs-cache': [],
      'iot-hub': [],
      'trips-db': [],
    },
    external: ['iot-hub'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 28,
    alert: { service: 'unlock-svc', title: 'Unlock success rate below 90%', startedAt: min(32), summary: 'unlocks succeeding 71% over 10m', severity: 'critical' },
    series: [
      ...golden('prom', 'pricing-svc', { rps: 110, p99: 0.15, err: 0.001, diurnal: 0.6, fault: { from: hrs(3), rps: 150 }, fault2: { from: on, p99: 6, err: 0.12 } }),
      gauge('pricing-svc', 'executor_pool_active_threads', 'threads', 22, { noise: 0.1, diurnal: 0.6, from: hrs(3), to: 30, from2: on, to2: 32, rampS2: 120, integer: true, max: 32 }),
      gauge('pricing-svc', 'executor_pool_max_threads', 'threads', 32, { noise: 0, integer: true }),
      gauge('pricing-svc', 'executor_queue_size', 'tasks', 0, { noise: 0, from: on, to: 900, rampS: 600, integer: true }),
      ...golden('prom', 'unlock-svc', { rps: 100, p99: 0.9, err: 0.003, diurnal: 0.6, fault: { from: hrs(3), rps: 140 }, fault2: { from: on, p99: 12, err: 0.29 } }),
      gauge('tariffs-cache', 'redis_cpu_utilization', 'ratio', 0.12, { noise: 0.1, diurnal: 0.4, digits: 2 }),
    ],
    logs: [
      chatter('rider-app-api', 'warn', 'rider {id} location permission coarse; dock suggestions widened', 30, hrs(3)),
      chatter('dock-controller', 'error', 'dock {num} heartbeat missed once (cellular)', 120, hrs(3)),
      faultLog('pricing-svc', 'warn', 'task queue {num} deep; all 32 pricing threads busy (pool max 32)', 20, on),
      faultLog('unlock-svc', 'error', 'pricing-svc quote timed out after 5000ms for trip {id}; unlock aborted', 10, on + 60),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(3),
        normal: chain({ service: 'unlock-svc', name: 'Unlock', ms: 600 }, { service: 'pricing-svc', name: 'Quote', ms: 80, children: [{ service: 'pricing-svc', name: 'GET tariff', ms: 1, attributes: { 'peer.service': 'tariffs-cache' } }] }),
        fault: { from: on, share: 0.4, tpl: chain({ service: 'unlock-svc', name: 'Unlock', ms: 5200, error: true }, { service: 'pricing-svc', name: 'Quote', ms: 5000, attributes: { 'executor.queue_wait_ms': 4900 } }) },
      },
    ],
    changes: [deploy(hrs(120), 'pricing-svc', '3.3.0', '3.2.8', 'pricing: student discount'), deploy(hrs(2), 'dock-controller', '9.1.0', '9.0.4', 'dock controller: firmware OTA batching')],
    alerts: [{ at: min(30), service: 'rider-app-api', name: 'RiderApiErrors', status: 'firing' }],
    expected: { service: 'pricing-svc', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    tell: 'pricing demand is ~35% above four weeks ago (steady growth, the same commute curve), its 32-thread pool sits full at the peak and the queue grows, while its cache and code are unchanged; unlock-svc only waits on it.',
  };
})();

const d12: Spec = (() => {
  const on = min(26);
  return {
    name: 'staff-portal-sso-rejected',
    model: 'Identity provider rotated its SAML signing certificate; single sign-on logins failed at the service provider',
    description: 'A retailer\'s staff portal (rotas, payslips) rejects every new login after the corporate identity provider changed keys.',
    at: '2026-12-14T06:40:00Z',
    source: 'datadog',
    topology: {
      'staff-portal': ['portal-auth', 'rota-svc', 'payslip-svc'],
      'portal-auth': ['corp-idp', 'session-redis'],
      'rota-svc': ['rota-db'],
      'payslip-svc': ['payslip-db'],
      'corp-idp': [],
      'session-redis': [],
      'rota-db': [],
      'payslip-db': [],
    },
    external: ['corp-idp'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'staff-portal', title: 'staff-portal login failures', startedAt: min(20), summary: 'Login failure ratio above 50% on staff-portal', labels: { metric: 'portal.login.failures' } },
    series: [
      ...golden('dd', 'staff-portal', { rps: 140, p99: 0.6, err: 0.002, diurnal: 0.6, fault: { from: on, err: 0.08 } }),
      ...golden('dd', 'portal-auth', { rps: 9, p99: 0.4, err: 0.005, diurnal: 0.6, fault: { from: on, err: 0.97 } }),
      ...golden('dd', 'rota-svc', { rps: 90, p99: 0.2, err: 0.001, diurnal: 0.6 }),
      gauge('portal-auth', 'saml.validation.failures', 'count/s', 0.01, { noise: 0.5, from: on, to: 8, rampS: 120, digits: 2 }),
    ],
    logs: [
      chatter('rota-svc', 'warn', 'shift swap {num} pending manager approval > 48h', 120, hrs(3)),
      chatter('payslip-svc', 'error', 'payslip PDF {num} regenerated (font fallback)', 600, hrs(3)),
      faultLog('portal-auth', 'error', 'SAML2 assertion rejected: Signature cryptographic validation not successful (KeyInfo X509 cert serial 0x5F2A... not in IdP metadata cached 2026-11-02; metadata refresh disabled)', 4, on),
      faultLog('staff-portal', 'warn', 'login for store employee {id} failed at SSO callback', 6, on + 10),
    ],
    traces: [
      {
        everyS: 90,
        from: hrs(3),
        normal: chain({ service: 'staff-portal', name: 'POST /sso/acs', ms: 160 }, { service: 'portal-auth', name: 'VerifyAssertion', ms: 40 }),
        fault: { from: on, share: 0.97, tpl: chain({ service: 'staff-portal', name: 'POST /sso/acs', ms: 70, error: true }, { service: 'portal-auth', name: 'VerifyAssertion', ms: 25, error: true, attributes: { 'error.message': 'Signature cryptographic validation not successful' } }) },
      },
    ],
    changes: [deploy(hrs(2), 'rota-svc', '12.8.0', '12.7.1', 'rota: Christmas availability form'), deploy(hrs(90), 'portal-auth', '2.14.0', '2.13.3', 'portal auth: disable periodic metadata refresh (flaky IdP endpoint)')],
    alerts: [{ at: min(27), service: 'corp-idp', name: 'IdP change notice: SAML token-signing certificate rolled over', status: 'firing' }],
    expected: { service: 'portal-auth', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    tell: 'from the minute the IdP rolled its signing certificate, every assertion fails signature validation against the metadata portal-auth cached a month ago; rota and payslip traffic for existing sessions is normal. (Kind: the stale certificate trust under the service provider, infrastructure; the 90-hour-old deploy that stopped metadata refresh is the latent reason and is discussed in the README.)',
  };
})();

export const SPECS_D: Spec[] = [d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12];
