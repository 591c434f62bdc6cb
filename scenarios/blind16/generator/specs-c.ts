/* Specs C: spot reclaims, KYC and payments vendors, security groups, broker surges, id overflow, on-sale surges, leaks, managed AWS degradation, N+1 flags. */
import { chatter, deploy, faultLog, gauge, golden } from './kit.js';
import { chain, client, hrs, min, type Spec } from './lib.js';

const c1: Spec = (() => {
  const on = min(45);
  return {
    name: 'render-farm-frames-overdue',
    model: 'A spot-capacity reclaim wave removed most nodes of a batch fleet at once',
    description: 'An animation studio\'s render farm misses its overnight frame deadline; the job queue stops draining.',
    at: '2026-03-30T04:20:00Z',
    source: 'cloudwatch',
    topology: {
      'render-scheduler': ['frame-workers', 'asset-cache', 'jobs-queue'],
      'frame-workers': ['asset-cache', 'frames-bucket'],
      'review-portal': ['frames-bucket', 'render-scheduler'],
      'asset-cache': [],
      'frames-bucket': [],
      'jobs-queue': [],
    },
    external: ['frames-bucket', 'jobs-queue'],
    windowStart: hrs(5),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'render-scheduler', title: 'render-scheduler-queue-age', startedAt: min(25), summary: 'ApproximateAgeOfOldestMessage above 1800 s', cw: { namespace: 'Studio/Render', metric: 'OldestJobAgeSeconds', dimension: 'Service', threshold: 1800, stat: 'Maximum' } },
    series: [
      gauge('frame-workers', 'GroupInServiceInstances', 'Count', 180, { noise: 0.01, from: on, to: 22, rampS: 600, integer: true }),
      gauge('frame-workers', 'FramesCompleted', 'Count', 2400, { noise: 0.05, from: on, to: 290, rampS: 600, digits: 0 }),
      gauge('frame-workers', 'CPUUtilization', 'Percent', 92, { noise: 0.03, digits: 1, max: 100 }),
      gauge('render-scheduler', 'OldestJobAgeSeconds', 'Seconds', 240, { noise: 0.2, from: on, to: 4200, rampS: 2700, digits: 0 }),
      gauge('render-scheduler', 'PendingFrames', 'Count', 9000, { noise: 0.05, from: on, to: 31000, rampS: 2700, digits: 0 }),
      gauge('asset-cache', 'CacheHitRate', 'Percent', 97, { noise: 0.01, digits: 1, max: 100 }),
    ],
    logs: [
      chatter('render-scheduler', 'warn', 'frame {num} retried: worker lost heartbeat', 600, hrs(5)),
      chatter('review-portal', 'error', 'thumbnail for shot {id} missing; regenerating', 900, hrs(5)),
      faultLog('frame-workers', 'warn', 'EC2 Spot Instance interruption warning for i-0{id}: action terminate at +2m (capacity rebalance, c6i.8xlarge in eu-west-1b/1c)', 8, on - 120, on + 300),
      faultLog('render-scheduler', 'warn', 'worker i-0{id} lost; requeueing {pick:1|2|3} frames', 10, on, on + 600),
      faultLog('frame-workers', 'error', 'Launching a new EC2 instance failed: There is no Spot capacity available that matches your request (c6i.8xlarge, c5.9xlarge)', 120, on + 300),
    ],
    traces: [],
    runtime: [{ at: on, service: 'frame-workers', kind: 'evicted', count: 158, message: 'Spot interruption: instances terminated by EC2' }],
    changes: [
      deploy(hrs(26), 'frame-workers', 'renderer-24.2', 'renderer-24.1', 'renderer 24.2 (denoiser update)', 'pipeline-td'),
      deploy(hrs(3), 'render-scheduler', '5.3.0', '5.2.1', 'scheduler: priority boost for dailies'),
      { at: min(15), service: 'frame-workers', kind: 'scaling', summary: 'ASG mixed instances: add on-demand base capacity 20 (on-call)', author: 'on-call' },
    ],
    alerts: [
      { at: on - 60, service: 'frame-workers', name: 'AWS Health: EC2 Spot capacity rebalancing in eu-west-1', status: 'firing' },
      { at: min(20), service: 'review-portal', name: 'review-portal-dailies-late', status: 'firing' },
    ],
    expected: { service: 'frame-workers', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'runtime'] },
    tell: 'in-service workers fall from 180 to 22 within ten minutes with 158 Spot interruptions and no Spot capacity to relaunch; the workers that remain render at normal speed, and the renderer deploy is a day old.',
  };
})();

const c2: Spec = (() => {
  const on = min(33);
  return {
    name: 'neobank-signups-stuck-in-review',
    model: 'A third-party KYC vendor\'s regional outage, seen only as client spans and callers\' errors',
    description: 'A neobank\'s new customers cannot finish onboarding; identity checks time out and applications pile up in review.',
    at: '2026-01-19T10:50:00Z',
    source: 'grafana',
    topology: {
      'onboarding-app': ['onboarding-api'],
      'onboarding-api': ['kyc-orchestrator', 'customer-svc'],
      'kyc-orchestrator': ['idverify-eu', 'sanctions-screen', 'case-queue'],
      'sanctions-screen': ['watchlist-db'],
      'customer-svc': ['customer-db'],
      'idverify-eu': [],
      'watchlist-db': [],
      'case-queue': [],
      'customer-db': [],
    },
    external: ['idverify-eu'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'onboarding-api', title: 'onboarding completion rate low', startedAt: min(27), summary: 'onboarding completions 70% below forecast', labels: { team: 'growth' } },
    series: [
      ...golden('prom', 'onboarding-api', { rps: 45, p99: 1.8, err: 0.005, fault: { from: on, p99: 30, err: 0.4 } }),
      ...golden('prom', 'kyc-orchestrator', { rps: 40, p99: 4, err: 0.01, fault: { from: on, p99: 30, err: 0.62 } }),
      ...golden('prom', 'sanctions-screen', { rps: 40, p99: 0.2, err: 0.001 }),
      gauge('kyc-orchestrator', 'http_client_request_duration_seconds_p99', 's', 3.5, { noise: 0.15, labels: { peer: 'idverify-eu' }, from: on, to: 30, rampS: 60, digits: 2 }),
      gauge('kyc-orchestrator', 'http_client_requests_error_ratio', 'ratio', 0.01, { noise: 0.4, labels: { peer: 'idverify-eu' }, from: on, to: 0.71, rampS: 60, digits: 3, max: 1 }),
      gauge('kyc-orchestrator', 'kyc_cases_manual_review', 'cases', 30, { noise: 0.1, from: on, to: 900, rampS: 1900, digits: 0 }),
    ],
    logs: [
      chatter('onboarding-app', 'warn', 'camera permission denied on device {id}', 60, hrs(3)),
      chatter('sanctions-screen', 'warn', 'fuzzy match score 0.{num} below threshold for applicant {id}', 90, hrs(3)),
      chatter('customer-svc', 'error', 'address normalization failed for postcode {pick:D02 X285|SW1A 1AA|75008}', 600, hrs(3)),
      faultLog('kyc-orchestrator', 'error', 'idverify-eu POST /v2/checks timed out after 30000ms (region eu-west; circuit half-open)', 6, on),
      faultLog('kyc-orchestrator', 'warn', 'idverify-eu returned 503 {"error":"regional_capacity","region":"eu"}', 12, on + 60),
      faultLog('onboarding-api', 'error', 'application {id}: identity check failed (upstream timeout); moved to manual review', 10, on + 30),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(3),
        normal: chain({ service: 'onboarding-api', name: 'POST /applications/:id/verify', ms: 3200 }, { service: 'kyc-orchestrator', name: 'RunChecks', ms: 3100, children: [{ service: 'sanctions-screen', name: 'Screen', ms: 90 }] }, client('kyc-orchestrator', 'idverify-eu', 'POST /v2/checks', 2900, false, { 'http.status_code': 200, 'server.address': 'api.eu.idverify.example' })),
        fault: { from: on, share: 0.75, tpl: chain({ service: 'onboarding-api', name: 'POST /applications/:id/verify', ms: 30200, error: true }, { service: 'kyc-orchestrator', name: 'RunChecks', ms: 30100, error: true, children: [{ service: 'sanctions-screen', name: 'Screen', ms: 95 }] }, client('kyc-orchestrator', 'idverify-eu', 'POST /v2/checks', 30000, true, { 'error.type': 'timeout', 'server.address': 'api.eu.idverify.example' })) },
      },
    ],
    changes: [deploy(hrs(2) - 900, 'kyc-orchestrator', '10.4.0', '10.3.2', 'kyc: capture liveness score in case notes'), deploy(min(75), 'onboarding-app', 'web-2026.01.19', 'web-2026.01.16', 'onboarding web: copy tweaks', 'release-bot')],
    alerts: [
      { at: min(31), service: 'idverify-eu', name: 'idverify status: EU region degraded performance', status: 'firing' },
      { at: min(25), service: 'kyc-orchestrator', name: 'KycManualReviewBacklog', status: 'firing' },
    ],
    expected: { service: 'idverify-eu', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'metrics'] },
    tell: 'only the client spans to idverify-eu go from ~3 s to the 30 s timeout and 503 "regional_capacity", the vendor\'s status page reports EU degraded, and sanctions screening in the same request stays fast; the kyc-orchestrator deploy came 72 min before onset.',
  };
})();

const c3: Spec = (() => {
  const on = min(52);
  return {
    name: 'parking-payments-declined-apac',
    model: 'A third-party payments vendor\'s regional outage, seen only as client spans and callers\' errors',
    description: 'Drivers in Australia and Singapore cannot pay for parking sessions in the app; Europe works.',
    at: '2026-07-15T02:40:00Z',
    source: 'pagerduty',
    topology: {
      'driver-app-api': ['session-svc', 'pay-svc'],
      'session-svc': ['sessions-db', 'zone-pricing'],
      'pay-svc': ['paygate-apac', 'paygate-eu', 'wallet-ledger'],
      'wallet-ledger': ['ledger-db'],
      'enforcement-sync': ['session-svc'],
      'zone-pricing': [],
      'paygate-apac': [],
      'paygate-eu': [],
      'sessions-db': [],
      'ledger-db': [],
    },
    external: ['paygate-apac', 'paygate-eu'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'pay-svc', title: 'pay-svc payment failures APAC', startedAt: min(46), summary: 'payment failure ratio in ap-southeast-2 above 25%', severity: 'critical' },
    series: [
      ...golden('prom', 'pay-svc', { rps: 35, p99: 1.4, err: 0.01, fault: { from: on, err: 0.47, p99: 15 } }),
      ...golden('prom', 'driver-app-api', { rps: 300, p99: 0.6, err: 0.004, fault: { from: on, err: 0.05 } }),
      ...golden('prom', 'session-svc', { rps: 200, p99: 0.1, err: 0.002 }),
      gauge('pay-svc', 'payment_client_errors_ratio', 'ratio', 0.01, { noise: 0.4, labels: { peer: 'paygate-apac' }, from: on, to: 0.93, rampS: 120, digits: 3, max: 1 }),
      gauge('pay-svc', 'payment_client_errors_ratio', 'ratio', 0.012, { noise: 0.4, labels: { peer: 'paygate-eu' }, digits: 3, max: 1 }),
      gauge('enforcement-sync', 'unpaid_sessions_flagged', 'sessions', 40, { noise: 0.2, from: on + 600, to: 700, rampS: 2400, digits: 0 }),
    ],
    logs: [
      chatter('driver-app-api', 'warn', 'GPS accuracy {num}m too low for zone detection; asking driver to confirm', 45, hrs(3)),
      chatter('wallet-ledger', 'warn', 'ledger reconciliation drift {pick:0.01|0.02} AUD on batch {num} (rounding)', 600, hrs(3)),
      chatter('pay-svc', 'error', 'card {pick:expired|do_not_honor} for session {id}', 120, hrs(3)),
      faultLog('pay-svc', 'error', 'paygate-apac POST /v1/payment_intents failed: 502 Bad Gateway (x-region: ap-southeast-2, request-id req_{id})', 5, on),
      faultLog('pay-svc', 'warn', 'paygate-apac connect timeout after 10000ms to api-au.paygate.example', 15, on + 120),
      faultLog('driver-app-api', 'warn', 'session {id} extended without payment: payment provider unavailable', 30, on + 60),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(3),
        normal: chain({ service: 'driver-app-api', name: 'POST /sessions/:id/pay', ms: 1100 }, { service: 'pay-svc', name: 'Charge', ms: 1000, children: [{ service: 'wallet-ledger', name: 'Record', ms: 30 }] }, client('pay-svc', 'paygate-apac', 'POST /v1/payment_intents', 850, false, { 'http.status_code': 200 })),
        fault: { from: on, share: 0.9, tpl: chain({ service: 'driver-app-api', name: 'POST /sessions/:id/pay', ms: 10300, error: true }, { service: 'pay-svc', name: 'Charge', ms: 10200, error: true }, client('pay-svc', 'paygate-apac', 'POST /v1/payment_intents', 10000, true, { 'http.status_code': 502, 'error.type': 'upstream_unavailable' })) },
      },
      { everyS: 120, from: hrs(3), normal: chain({ service: 'driver-app-api', name: 'POST /sessions/:id/pay', ms: 900 }, { service: 'pay-svc', name: 'Charge', ms: 800 }, client('pay-svc', 'paygate-eu', 'POST /v1/payment_intents', 700, false, { 'http.status_code': 200 })) },
    ],
    changes: [
      deploy(hrs(2) - 600, 'pay-svc', '33.1.0', '33.0.4', 'pay svc: Apple Pay merchant id rotation support'),
      deploy(min(20), 'pay-svc', '33.1.1', '33.1.0', 'hotfix: shorter paygate-apac timeout, fail fast', 'on-call'),
    ],
    alerts: [{ at: min(50), service: 'paygate-apac', name: 'paygate status: elevated error rates in Asia-Pacific', status: 'firing' }],
    expected: { service: 'paygate-apac', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'logs'] },
    tell: 'client calls to paygate-apac return 502 and time out (errors 1% → 93%) while the same service\'s calls to paygate-eu stay at 1%; the vendor status page reports APAC errors; pay-svc\'s earlier deploy serves Europe without trouble.',
  };
})();

const c4: Spec = (() => {
  const on = min(38);
  return {
    name: 'clinic-appointments-cannot-book',
    model: 'A network ACL or security-group change blocked one port between two tiers',
    description: 'A hospital group\'s appointment booking fails; the scheduling app cannot reach patient records.',
    at: '2026-10-13T09:35:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'patient-portal': ['appointments'],
      appointments: ['records-db', 'slots-cache', 'notifier'],
      'staff-rota': ['records-db'],
      'records-db': [],
      'slots-cache': [],
      notifier: ['sms-gateway'],
      'sms-gateway': [],
    },
    external: ['sms-gateway'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'appointments', title: 'appointments-5xx-rate', startedAt: min(30), summary: 'appointments 5XX above 5% for 3 periods', cw: { namespace: 'Hospital/Apps', metric: '5XXErrorRate', dimension: 'ServiceName', threshold: 5 } },
    series: [
      ...golden('cw', 'appointments', { rps: 70, p99: 0.4, err: 0.003, diurnal: 0.5, fault: { from: on, err: 0.88, p99: 10 } }),
      ...golden('cw', 'staff-rota', { rps: 8, p99: 0.3, err: 0.002, fault: { from: on, err: 0.9, p99: 10 } }),
      gauge('records-db', 'DatabaseConnections', 'Count', 85, { noise: 0.05, from: on, to: 4, rampS: 300, integer: true }),
      gauge('records-db', 'CPUUtilization', 'Percent', 18, { diurnal: 0.3, from: on, to: 3, rampS: 300, digits: 1 }),
      gauge('appointments', 'RejectedPackets', 'Count', 0, { noise: 0, labels: { port: '5432', source: 'vpc-flow-logs' }, from: on, to: 41000, rampS: 300, digits: 0 }),
      gauge('slots-cache', 'CurrConnections', 'Count', 120, { noise: 0.05, integer: true }),
    ],
    logs: [
      chatter('patient-portal', 'warn', 'session for patient {id} refreshed after 30m idle', 120, hrs(4)),
      chatter('notifier', 'error', 'sms-gateway rejected number +44******{num}: landline', 900, hrs(4)),
      faultLog('appointments', 'error', 'could not connect to server: Connection timed out. Is the server running on host "records-db.internal" (10.20.4.17) and accepting TCP/IP connections on port 5432?', 10, on),
      faultLog('staff-rota', 'error', 'HikariPool-1 - Connection is not available, request timed out after 30000ms (records-db:5432 connect timeout)', 60, on),
      faultLog('appointments', 'info', 'flow log: REJECT 10.20.8.{num} -> 10.20.4.17:5432 tcp (sg-0records)', 30, on),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'patient-portal', name: 'POST /appointments', ms: 400 }, { service: 'appointments', name: 'Book', ms: 320, children: [{ service: 'appointments', name: 'SELECT patient', ms: 8, attributes: { 'db.system': 'postgresql', 'peer.service': 'records-db' } }] }),
        fault: { from: on, share: 0.9, tpl: chain({ service: 'patient-portal', name: 'POST /appointments', ms: 10100, error: true }, { service: 'appointments', name: 'Book', ms: 10050, error: true }, { service: 'appointments', name: 'connect records-db:5432', ms: 10000, error: true, attributes: { 'peer.service': 'records-db', 'error.message': 'connect timed out' } }) },
      },
    ],
    changes: [
      { at: on - 120, service: 'records-db', kind: 'infrastructure', summary: 'security group sg-0records: replaced ingress rules from module v3 (5432 from app subnets dropped; 6432 pgbouncer kept)', author: 'network-team', source: 'terraform' },
      deploy(hrs(3), 'appointments', '9.14.0', '9.13.2', 'appointments: interpreter request field'),
      { at: min(12), service: 'records-db', kind: 'infrastructure', summary: 'RDS reboot attempted by on-call (no effect)', author: 'on-call' },
    ],
    runtime: [{ at: min(12), service: 'records-db', kind: 'restart', count: 1, message: 'instance reboot requested' }],
    alerts: [{ at: min(25), service: 'staff-rota', name: 'staff-rota-errors', status: 'firing' }],
    expected: { service: 'records-db', kind: 'infrastructure', action: 'none', mustCite: ['changes', 'logs'] },
    tell: 'both callers time out connecting to records-db port 5432 (not refused, not slow queries), flow logs show REJECT to 5432, and the database\'s own connections fall to ~0 in the period after a security-group rule change; the reboot later is on-call flailing.',
  };
})();

const c5: Spec = (() => {
  const on = min(42);
  return {
    name: 'marketplace-bulk-jobs-lagging',
    model: 'Allegro 2018 (asynchronous task-processing subsystem overloaded; bulk offer edits and newsletters stopped)',
    description: 'A second-hand marketplace: bulk offer edits and newsletter sends lag by more than half an hour during a promotion.',
    at: '2026-11-27T19:10:00Z',
    source: 'alertmanager',
    topology: {
      'seller-api': ['offer-svc', 'job-dispatch'],
      'offer-svc': ['offers-db'],
      'job-dispatch': ['job-broker'],
      'task-workers': ['job-broker', 'offers-db', 'mailer'],
      'campaign-scheduler': ['job-dispatch'],
      'job-broker': [],
      'offers-db': [],
      mailer: [],
    },
    external: ['mailer'],
    windowStart: hrs(3),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'task-workers', title: 'task worker lag', startedAt: min(30), summary: 'oldest unprocessed bulk task older than 15m', labels: { namespace: 'async' } },
    series: [
      gauge('job-dispatch', 'tasks_enqueued_per_second', 'tasks/s', 180, { noise: 0.1, diurnal: 0.4, from: on, to: 1700, rampS: 300, digits: 0 }),
      gauge('task-workers', 'tasks_completed_per_second', 'tasks/s', 180, { noise: 0.1, diurnal: 0.4, from: on, to: 410, rampS: 300, digits: 0 }),
      gauge('task-workers', 'worker_busy_ratio', 'ratio', 0.35, { noise: 0.1, from: on, to: 1, rampS: 300, digits: 2, max: 1 }),
      gauge('task-workers', 'kube_deployment_status_replicas', 'replicas', 24, { noise: 0, integer: true }),
      gauge('job-broker', 'broker_queue_messages_ready', 'messages', 900, { noise: 0.3, from: on, to: 2.9e6, rampS: 2500, digits: 0 }),
      gauge('job-broker', 'broker_disk_free_ratio', 'ratio', 0.71, { noise: 0.01, from: on, to: 0.52, rampS: 2500, digits: 2 }),
      ...golden('prom', 'seller-api', { rps: 650, p99: 0.3, err: 0.002, diurnal: 0.4 }),
      gauge('offers-db', 'pg_cpu_utilization', 'ratio', 0.38, { diurnal: 0.3, from: on, to: 0.61, rampS: 600, digits: 2 }),
    ],
    logs: [
      chatter('seller-api', 'warn', 'seller {num} exceeded bulk edit preview limit', 60, hrs(3)),
      chatter('offer-svc', 'error', 'offer {num} photo moderation pending > 24h', 600, hrs(3)),
      faultLog('campaign-scheduler', 'info', 'Black Friday campaign started: {pick:bulk price updates|newsletter fan-out} for 1.8M offers / 2.3M subscribers', 900, on - 30, on + 60),
      faultLog('task-workers', 'warn', 'all 24 workers busy; prefetch exhausted on queue {pick:bulk.offer_edit|newsletter.send}', 30, on + 120),
      faultLog('job-dispatch', 'info', 'enqueued batch of {num} tasks for campaign BF-2026', 10, on),
    ],
    traces: [],
    changes: [
      deploy(hrs(2) - 300, 'offer-svc', '18.9.0', '18.8.4', 'offers: lowest-price badge'),
      { at: hrs(26), service: 'task-workers', kind: 'deployment', summary: 'task workers 6.2.0 (same image, new base layer)', version: '6.2.0', previousVersion: '6.1.9', author: 'ci-bot' },
    ],
    runtime: [{ at: min(100), service: 'job-broker', kind: 'restart', count: 1, message: 'node job-broker-1 restarted for kernel patch' }],
    alerts: [
      { at: min(22), service: 'job-broker', name: 'BrokerQueueGrowing', status: 'firing' },
      { at: min(95), service: 'job-broker', name: 'BrokerNodeDown', status: 'resolved' },
    ],
    expected: { service: 'task-workers', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    tell: 'the campaign multiplies enqueued tasks by ~9 while the fixed 24 workers are 100% busy and complete at their normal per-worker rate; the broker is healthy (disk ample, it only buffers) and its restart was an hour before onset.',
  };
})();

const c6: Spec = (() => {
  const on = min(16);
  return {
    name: 'team-chat-messages-not-sending',
    model: 'Etsy 2012 (signed 32-bit ids overflowed; some database writes failed)',
    description: 'A workplace chat product: some messages fail to send in busy channels; typing and presence still work.',
    at: '2026-04-22T13:25:00Z',
    source: 'datadog',
    topology: {
      'chat-web': ['realtime-gw', 'message-api'],
      'realtime-gw': ['presence-svc'],
      'message-api': ['message-store', 'search-indexer'],
      'message-store': ['messages-db'],
      'search-indexer': [],
      'presence-svc': [],
      'messages-db': [],
    },
    windowStart: hrs(2),
    stepS: 30,
    referenceDays: 7,
    alert: { service: 'message-api', title: 'message-api send errors', startedAt: min(12), summary: 'Error rate of message-api POST /messages above 5%' },
    series: [
      ...golden('dd', 'message-api', { rps: 2600, p99: 0.09, err: 0.0008, fault: { from: on, err: 0.18 } }),
      ...golden('dd', 'message-store', { rps: 2600, p99: 0.03, err: 0.0005, fault: { from: on, err: 0.19 } }),
      ...golden('dd', 'realtime-gw', { rps: 9000, p99: 0.02, err: 0.0002 }),
      gauge('message-store', 'message_store.shard_seq', 'id', 2147480000, { noise: 0, labels: { shard: '17' }, from: hrs(2), to: 2147483647, rampS: 7200 - 16 * 60, digits: 0 }),
      gauge('search-indexer', 'indexer.lag_seconds', 's', 3, { noise: 0.4, from: on, to: 9, digits: 1 }),
    ],
    logs: [
      chatter('chat-web', 'warn', 'websocket reconnect storm from client {id} (mobile background)', 30, hrs(2)),
      chatter('presence-svc', 'error', 'presence fan-out to {num} subscribers truncated', 300, hrs(2)),
      faultLog('message-store', 'error', 'java.lang.ArithmeticException: integer overflow at SequenceAllocator.next(SequenceAllocator.java:88) shard=17', 4, on),
      faultLog('message-api', 'error', 'POST /messages channel={id} failed: 500 from message-store (shard 17)', 6, on),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'message-api', name: 'POST /messages', ms: 40 }, { service: 'message-store', name: 'Append', ms: 15, attributes: { shard: '17' } }),
        fault: { from: on, share: 0.8, tpl: chain({ service: 'message-api', name: 'POST /messages', ms: 22, error: true }, { service: 'message-store', name: 'Append', ms: 5, error: true, attributes: { shard: '17', 'exception.type': 'java.lang.ArithmeticException', 'exception.message': 'integer overflow' } }) },
      },
      { everyS: 90, from: hrs(2), normal: chain({ service: 'message-api', name: 'POST /messages', ms: 38 }, { service: 'message-store', name: 'Append', ms: 14, attributes: { shard: '4' } }) },
    ],
    changes: [deploy(hrs(30), 'message-store', '21.6.0', '21.5.2', 'message store: compaction tuning'), deploy(min(40), 'realtime-gw', '7.0.3', '7.0.2', 'realtime gw: ping interval 25s -> 20s')],
    exceptions: [{ at: on + 5, service: 'message-store', type: 'java.lang.ArithmeticException', message: 'integer overflow', count: 22000, culprit: 'SequenceAllocator.next' }],
    alerts: [{ at: min(10), service: 'search-indexer', name: 'search-indexer lag', status: 'firing' }],
    expected: { service: 'message-store', kind: 'code_defect', action: 'none', mustCite: ['exceptions', 'metrics'] },
    tell: 'shard 17\'s sequence reaches 2147483647 (Integer.MAX_VALUE) at onset and Math.addExact overflows there; other shards append fine; the realtime-gw deploy touches only pings.',
  };
})();

const c7: Spec = (() => {
  const on = min(18);
  return {
    name: 'festival-on-sale-queue-errors',
    model: 'Own class A: an on-sale demand surge beyond capacity (flash crowd at a ticket release)',
    description: 'A music festival\'s ticket release: the waiting-room gate returns errors and fans are dropped from the queue.',
    at: '2026-02-06T10:20:00Z',
    source: 'generic',
    topology: {
      'fan-site': ['queue-gate'],
      'queue-gate': ['queue-tokens', 'ticket-api'],
      'ticket-api': ['inventory-svc', 'payments'],
      'inventory-svc': ['inventory-db'],
      'queue-tokens': [],
      payments: [],
      'inventory-db': [],
    },
    external: ['payments'],
    windowStart: hrs(2),
    stepS: 30,
    referenceDays: 7,
    alert: { service: 'queue-gate', title: 'Waiting room error rate', startedAt: min(15), summary: 'queue-gate 5xx ratio 0.21', severity: 'critical' },
    series: [
      ...golden('prom', 'queue-gate', { rps: 400, p99: 0.05, err: 0.001, fault: { from: on, rps: 21000, p99: 4.8, err: 0.21 } }),
      gauge('queue-gate', 'process_cpu_utilization', 'ratio', 0.2, { noise: 0.1, from: on, to: 0.99, rampS: 60, digits: 2, max: 1 }),
      gauge('queue-gate', 'kube_deployment_status_replicas', 'replicas', 8, { noise: 0, integer: true, from: min(10), to: 12 }),
      gauge('queue-gate', 'hpa_desired_replicas', 'replicas', 8, { noise: 0, integer: true, from: on + 60, to: 40 }),
      ...golden('prom', 'ticket-api', { rps: 120, p99: 0.3, err: 0.002, fault: { from: on, rps: 450 } }),
      gauge('queue-tokens', 'redis_commands_per_second', 'ops/s', 800, { noise: 0.1, from: on, to: 41000, rampS: 60, digits: 0 }),
      gauge('queue-tokens', 'redis_cpu_utilization', 'ratio', 0.04, { noise: 0.1, from: on, to: 0.31, rampS: 60, digits: 2 }),
    ],
    logs: [
      chatter('fan-site', 'warn', 'bot score {pick:0.91|0.95|0.97} for client {id}; challenge served', 20, hrs(2)),
      chatter('inventory-svc', 'error', 'seat block {num} double-release ignored (idempotent)', 300, hrs(2)),
      faultLog('fan-site', 'info', 'on-sale opened for FESTIVAL-2026 at 10:02 UTC (announced)', 3600, on, on + 10),
      faultLog('queue-gate', 'warn', 'request queue full (worker pool 8x64 busy); shedding with 503', 5, on + 30),
      faultLog('queue-gate', 'warn', 'cluster-autoscaler: pod queue-gate-{id} Pending (waiting for node scale-up)', 60, on + 120),
    ],
    traces: [
      {
        everyS: 60,
        from: hrs(2),
        normal: chain({ service: 'queue-gate', name: 'POST /queue/join', ms: 20 }, { service: 'queue-gate', name: 'INCR position', ms: 0.8, attributes: { 'db.system': 'redis', 'peer.service': 'queue-tokens' } }),
        fault: { from: on, share: 0.8, tpl: chain({ service: 'queue-gate', name: 'POST /queue/join', ms: 4200, attributes: { 'queue.wait_ms': 4100 } }, { service: 'queue-gate', name: 'INCR position', ms: 0.9, attributes: { 'db.system': 'redis', 'peer.service': 'queue-tokens' } }) },
      },
    ],
    changes: [
      deploy(hrs(20), 'queue-gate', '2.9.0', '2.8.1', 'queue gate: accessible captcha'),
      { at: min(10), service: 'queue-gate', kind: 'scaling', summary: 'HPA scaled 8 -> 12 (max 12)', author: 'hpa' },
    ],
    alerts: [{ at: min(14), service: 'ticket-api', name: 'TicketApiRequestRateAnomaly', status: 'firing' }],
    expected: { service: 'queue-gate', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    tell: 'requests to the gate go from 400/s to 21000/s at the announced on-sale, its CPU pins at 99% with the HPA capped at 12 while it wants 40; its Redis stays at 31% CPU and the gate\'s last deploy is 20 h old.',
  };
})();

const c8: Spec = (() => {
  const on = hrs(6);
  return {
    name: 'quote-engine-pool-exhausted',
    model: 'Own class B: resource exhaustion with no change (here DB connections leaked after a network blip)',
    description: 'An insurer\'s quote engine has answered slowly since early morning; now most quote requests time out.',
    at: '2026-05-13T11:30:00Z',
    source: 'alertmanager',
    topology: {
      'broker-api': ['quote-engine', 'policy-admin'],
      'quote-engine': ['rating-db', 'vehicle-lookup'],
      'policy-admin': ['policy-db'],
      'vehicle-lookup': [],
      'rating-db': [],
      'policy-db': [],
      'renewals-batch': ['quote-engine'],
    },
    external: ['vehicle-lookup'],
    windowStart: hrs(9),
    stepS: 120,
    referenceDays: 7,
    alert: { service: 'quote-engine', title: 'quote engine latency SLO burn', startedAt: hrs(5), summary: 'quote-engine p99 above 2s; burning error budget 6x', severity: 'warning' },
    series: [
      gauge('quote-engine', 'hikaricp_connections_active', 'connections', 14, { noise: 0.15, diurnal: 0.3, from: on, to: 50, rampS: 5 * 3600 + 1800, integer: true, max: 50 }),
      gauge('quote-engine', 'hikaricp_connections_max', 'connections', 50, { noise: 0, integer: true }),
      gauge('quote-engine', 'hikaricp_connections_pending', 'threads', 0, { noise: 0, from: hrs(1), to: 120, rampS: 1800, integer: true }),
      gauge('rating-db', 'pg_stat_activity_idle_in_transaction', 'sessions', 1, { noise: 0.5, from: on, to: 46, rampS: 5 * 3600 + 1800, integer: true }),
      ...golden('prom', 'quote-engine', { rps: 60, p99: 0.8, err: 0.002, fault: { from: hrs(5), p99: 2.6 }, fault2: { from: hrs(1), p99: 30, err: 0.55 } }),
      ...golden('prom', 'broker-api', { rps: 90, p99: 1.1, err: 0.003, fault: { from: hrs(1), err: 0.3, p99: 30 } }),
      gauge('rating-db', 'pg_cpu_utilization', 'ratio', 0.22, { diurnal: 0.3, digits: 2 }),
    ],
    logs: [
      chatter('broker-api', 'warn', 'partner {pick:acme-brokers|quotewise} sent quote request without postcode', 120, hrs(9)),
      chatter('policy-admin', 'error', 'document render for policy {num} retried', 900, hrs(9)),
      chatter('quote-engine', 'warn', 'vehicle-lookup slow: {ms}ms for VIN {id}', 300, hrs(9)),
      faultLog('quote-engine', 'warn', 'rating-db connection reset by peer during transaction (network blip); transaction abandoned without rollback on connection {num}', 600, on - 300, on + 600),
      faultLog('quote-engine', 'warn', 'HikariPool-1 - Connection leak detection triggered for connection {id} on thread quote-worker-{num}, stack trace follows', 300, on),
      faultLog('quote-engine', 'error', 'HikariPool-1 - Connection is not available, request timed out after 30000ms (total=50, active=50, idle=0, waiting={num})', 10, hrs(1)),
      faultLog('rating-db', 'warn', 'connection from quote-engine idle in transaction for {num}s', 300, hrs(4)),
    ],
    traces: [
      {
        everyS: 240,
        from: hrs(9),
        normal: chain({ service: 'broker-api', name: 'POST /quotes', ms: 700 }, { service: 'quote-engine', name: 'Rate', ms: 600, children: [client('quote-engine', 'vehicle-lookup', 'GET /vin/:vin', 150)] }, { service: 'quote-engine', name: 'SELECT rating_factors', ms: 20, attributes: { 'db.system': 'postgresql', 'peer.service': 'rating-db' } }),
        fault: { from: hrs(1), share: 0.6, tpl: chain({ service: 'broker-api', name: 'POST /quotes', ms: 30100, error: true }, { service: 'quote-engine', name: 'Rate', ms: 30050, error: true }, { service: 'quote-engine', name: 'HikariPool.getConnection', ms: 30000, error: true, attributes: { 'pool.active': 50, 'pool.max': 50 } }) },
      },
    ],
    changes: [deploy(hrs(50), 'quote-engine', '14.2.0', '14.1.7', 'quote engine: telematics discount'), deploy(hrs(2), 'policy-admin', '5.5.0', '5.4.9', 'policy admin: renewal letters')],
    runtime: [{ at: hrs(8), service: 'renewals-batch', kind: 'restart', count: 1, message: 'nightly job pod completed and restarted' }],
    alerts: [{ at: hrs(1) + 300, service: 'broker-api', name: 'BrokerApiErrors', status: 'firing' }],
    expected: { service: 'quote-engine', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
    tell: 'after a network blip six hours ago, active pool connections climb steadily from ~14 to the 50 maximum in step with idle-in-transaction sessions on the database, leak detection fires, and requests now wait 30 s for a connection; no deploy since two days ago.',
  };
})();

const c9: Spec = (() => {
  const on = min(41);
  return {
    name: 'workout-sync-failing-region',
    model: 'Own class C: a managed AWS service degraded regionally (AWS Health event), several callers failing on it',
    description: 'A fitness app: workouts fail to sync and leaderboards stop updating for users in one region.',
    at: '2026-08-28T17:50:00Z',
    source: 'cloudwatch',
    topology: {
      'mobile-api': ['workout-sync', 'leaderboard'],
      'workout-sync': ['sqs', 'dynamodb'],
      leaderboard: ['dynamodb'],
      'sync-consumer': ['sqs', 'dynamodb'],
      'coach-plans': ['plans-db'],
      sqs: [],
      dynamodb: [],
      'plans-db': [],
    },
    external: ['sqs', 'dynamodb'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'workout-sync', title: 'workout-sync-errors', startedAt: min(30), summary: 'workout-sync 5XX above 10% for 15 minutes', cw: { namespace: 'Fitness/Api', metric: '5XXErrorRate', dimension: 'Service', threshold: 10 } },
    series: [
      ...golden('cw', 'workout-sync', { rps: 300, p99: 0.25, err: 0.002, diurnal: 0.5, fault: { from: on, err: 0.34, p99: 5.2 } }),
      ...golden('cw', 'leaderboard', { rps: 500, p99: 0.06, err: 0.001, diurnal: 0.5, fault: { from: on, err: 0.27, p99: 3.1 } }),
      ...golden('cw', 'coach-plans', { rps: 60, p99: 0.2, err: 0.002 }),
      gauge('workout-sync', 'DynamoDBClientErrors', 'Count', 2, { noise: 0.8, labels: { peer: 'dynamodb', error: 'InternalServerError' }, from: on, to: 26000, rampS: 300, digits: 0 }),
      gauge('leaderboard', 'DynamoDBClientErrors', 'Count', 1, { noise: 0.8, labels: { peer: 'dynamodb', error: 'InternalServerError' }, from: on, to: 38000, rampS: 300, digits: 0 }),
      gauge('workout-sync', 'DynamoDBConsumedWriteRatio', 'Percent', 38, { diurnal: 0.4, labels: { table: 'workouts' }, from: on, to: 9, rampS: 300, digits: 1 }),
    ],
    logs: [
      chatter('mobile-api', 'warn', 'client {id} on app version 5.x; nudging upgrade', 60, hrs(4)),
      chatter('coach-plans', 'error', 'plan template {num} references retired exercise', 900, hrs(4)),
      faultLog('workout-sync', 'error', 'PutItem workouts failed: InternalServerError (Service: DynamoDb, Status Code: 500, Request ID: {id}) after 3 retries', 5, on),
      faultLog('leaderboard', 'error', 'UpdateItem leaderboard_weekly failed: InternalServerError (Service: DynamoDb, Status Code: 500)', 5, on),
      faultLog('sync-consumer', 'error', 'BatchWriteItem workouts: 25 UnprocessedItems after retries; message returned to queue', 20, on + 60),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'mobile-api', name: 'POST /workouts', ms: 110 }, { service: 'workout-sync', name: 'Sync', ms: 70, children: [client('workout-sync', 'sqs', 'SQS.SendMessage', 12)] }, client('workout-sync', 'dynamodb', 'DynamoDB.PutItem', 9, false, { 'aws.dynamodb.table_names': ['workouts'] })),
        fault: { from: on, share: 0.7, tpl: chain({ service: 'mobile-api', name: 'POST /workouts', ms: 5200, error: true }, { service: 'workout-sync', name: 'Sync', ms: 5100, error: true, children: [client('workout-sync', 'sqs', 'SQS.SendMessage', 13)] }, client('workout-sync', 'dynamodb', 'DynamoDB.PutItem', 5000, true, { 'aws.dynamodb.table_names': ['workouts'], 'http.status_code': 500, 'error.type': 'InternalServerError' })) },
      },
    ],
    changes: [deploy(hrs(1) - 600, 'leaderboard', '3.30.0', '3.29.1', 'leaderboard: friends-only board'), deploy(hrs(3), 'workout-sync', '12.0.0', '11.9.4', 'workout sync: GPX import')],
    alerts: [
      { at: on + 300, service: 'dynamodb', name: 'AWS Health: Increased error rates for Amazon DynamoDB in eu-west-1', status: 'firing' },
      { at: min(25), service: 'leaderboard', name: 'leaderboard-errors', status: 'firing' },
    ],
    expected: { service: 'dynamodb', kind: 'dependency_failure', action: 'none', mustCite: ['alerts', 'logs'] },
    tell: 'two services writing different tables get DynamoDB 500 InternalServerError at the same moment while consumed capacity falls far below provisioned, and AWS Health posts increased DynamoDB error rates in the region; SQS calls in the same spans succeed.',
  };
})();

const c10: Spec = (() => {
  const on = min(24);
  return {
    name: 'recipe-home-feed-timeouts',
    model: 'Own class D: a feature flag enabled a code path that issues one query per item (N+1)',
    description: 'A recipe site\'s home feed times out for logged-in users; the recipes database is saturated.',
    at: '2026-03-15T18:45:00Z',
    source: 'cloudwatch-sns',
    topology: {
      'web-frontend': ['feed-service', 'recipe-api'],
      'feed-service': ['recipes-db', 'taste-profile'],
      'recipe-api': ['recipes-db', 'media-cdn'],
      'taste-profile': ['profile-cache'],
      'recipes-db': [],
      'profile-cache': [],
      'media-cdn': [],
    },
    external: ['media-cdn'],
    windowStart: hrs(4),
    stepS: 300,
    referenceDays: 7,
    alert: { service: 'web-frontend', title: 'web-frontend-latency-p99', startedAt: min(15), summary: 'web-frontend p99 above 4000 ms', cw: { namespace: 'Recipes/Web', metric: 'Latency', dimension: 'Service', threshold: 4000, stat: 'p99' } },
    series: [
      ...golden('cw', 'web-frontend', { rps: 700, p99: 0.8, err: 0.002, diurnal: 0.5, fault: { from: on, p99: 9, err: 0.06 } }),
      ...golden('cw', 'feed-service', { rps: 350, p99: 0.3, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 8.5, err: 0.08 } }),
      ...golden('cw', 'recipe-api', { rps: 500, p99: 0.1, err: 0.001, diurnal: 0.5, fault: { from: on, p99: 1.4 } }),
      gauge('recipes-db', 'CPUUtilization', 'Percent', 30, { diurnal: 0.3, from: on, to: 96, rampS: 300, digits: 1, max: 100 }),
      gauge('feed-service', 'DBQueriesPerRequest', 'Count', 3, { noise: 0.05, from: on, to: 61, rampS: 300, digits: 1 }),
      gauge('recipe-api', 'DBQueriesPerRequest', 'Count', 2, { noise: 0.05, digits: 1 }),
    ],
    logs: [
      chatter('web-frontend', 'warn', 'hydration mismatch on /recipe/{num}', 60, hrs(4)),
      chatter('taste-profile', 'error', 'profile {id} has no dietary prefs; using defaults', 300, hrs(4)),
      faultLog('feed-service', 'warn', 'slow feed build {ms}ms: 61 queries (SELECT * FROM recipe_ratings WHERE recipe_id = $1) — personalized_feed_v2', 5, on),
      faultLog('recipes-db', 'warn', 'duration: {num} ms statement: SELECT * FROM recipe_ratings WHERE recipe_id = $1', 10, on + 60),
    ],
    traces: [
      {
        everyS: 300,
        from: hrs(4),
        normal: chain({ service: 'web-frontend', name: 'GET /', ms: 300 }, { service: 'feed-service', name: 'BuildFeed', ms: 180, attributes: { 'feature.personalized_feed_v2': false } }, { service: 'feed-service', name: 'SELECT recipes JOIN ratings', ms: 25, attributes: { 'db.system': 'postgresql', 'peer.service': 'recipes-db' } }),
        fault: { from: on, share: 0.6, tpl: chain({ service: 'web-frontend', name: 'GET /', ms: 8200 }, { service: 'feed-service', name: 'BuildFeed', ms: 8000, attributes: { 'feature.personalized_feed_v2': true, 'db.query_count': 61 } }, { service: 'feed-service', name: 'SELECT recipe_ratings WHERE recipe_id = $1 (x60)', ms: 7600, attributes: { 'db.system': 'postgresql', 'peer.service': 'recipes-db' } }) },
      },
    ],
    changes: [
      { at: on - 90, service: 'feed-service', kind: 'feature_flag', summary: 'personalized_feed_v2 rolled out 5% -> 100% of logged-in users', author: 'growth-team', source: 'unleash' },
      deploy(hrs(3), 'feed-service', '4.12.0', '4.11.3', 'feed: personalized_feed_v2 behind flag'),
      deploy(min(70), 'recipe-api', '9.3.2', '9.3.1', 'recipe api: schema.org markup fix'),
    ],
    alerts: [{ at: min(18), service: 'recipes-db', name: 'recipes-db-cpu-high', status: 'firing' }],
    expected: { service: 'feed-service', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'traces'] },
    tell: 'queries per feed request go from 3 to 61 in the period after personalized_feed_v2 went to 100%, and traces show the per-recipe rating query repeated 60 times; the deploy that shipped the code ran for 2.5 h at 5% without harm.',
  };
})();

const c11: Spec = (() => {
  const on = hrs(3);
  return {
    name: 'live-scores-websocket-refused',
    model: 'Own class B: resource exhaustion with no change (here sockets leaked until the file-descriptor limit)',
    description: 'A live sports-scores product: new websocket connections are refused on one gateway tier; existing viewers stay connected.',
    at: '2026-09-20T16:05:00Z',
    source: 'pagerduty',
    topology: {
      'scores-app': ['ws-gateway', 'scores-api'],
      'ws-gateway': ['score-bus', 'auth-svc'],
      'scores-api': ['scores-db'],
      'feed-ingest': ['score-bus', 'data-provider'],
      'score-bus': [],
      'auth-svc': [],
      'scores-db': [],
      'data-provider': [],
    },
    external: ['data-provider'],
    windowStart: hrs(6),
    stepS: 60,
    referenceDays: 7,
    alert: { service: 'scores-app', title: 'Scores app connect failures', startedAt: min(9), summary: 'websocket connect failures above 20%', severity: 'critical' },
    series: [
      gauge('ws-gateway', 'process_open_fds', 'fds', 9000, { noise: 0.05, diurnal: 0.3, from: on, to: 65536, rampS: 3 * 3600 - 12 * 60, digits: 0, max: 65536 }),
      gauge('ws-gateway', 'process_max_fds', 'fds', 65536, { noise: 0, digits: 0 }),
      gauge('ws-gateway', 'ws_active_connections', 'connections', 8800, { noise: 0.05, diurnal: 0.3, digits: 0 }),
      gauge('ws-gateway', 'tcp_close_wait_sockets', 'sockets', 40, { noise: 0.3, from: on, to: 56000, rampS: 3 * 3600 - 12 * 60, digits: 0 }),
      gauge('scores-app', 'ws_connect_failure_ratio', 'ratio', 0.003, { noise: 0.4, from: min(12), to: 0.46, rampS: 180, digits: 3, max: 1 }),
      ...golden('prom', 'scores-api', { rps: 1200, p99: 0.08, err: 0.001, diurnal: 0.4 }),
    ],
    logs: [
      chatter('scores-app', 'warn', 'client {id} fell back to long polling', 30, hrs(6)),
      chatter('feed-ingest', 'error', 'data-provider sent duplicate event {id}; dropped', 180, hrs(6)),
      faultLog('ws-gateway', 'warn', 'auth-svc call reset mid-response; upstream socket not closed (CLOSE_WAIT) conn={num}', 60, on, on + 1200),
      faultLog('ws-gateway', 'error', 'accept4() failed: Too many open files (24); new websocket refused', 2, min(12)),
      faultLog('scores-app', 'error', 'websocket handshake to wss://live.scores.example failed: 503', 5, min(12)),
    ],
    traces: [
      {
        everyS: 180,
        from: hrs(6),
        normal: chain({ service: 'ws-gateway', name: 'WS upgrade', ms: 40 }, { service: 'auth-svc', name: 'VerifyToken', ms: 8 }),
        fault: { from: min(12), share: 0.5, tpl: { service: 'ws-gateway', name: 'WS upgrade', ms: 1, error: true, attributes: { 'error.message': 'EMFILE: too many open files' } } },
      },
    ],
    changes: [deploy(hrs(40), 'ws-gateway', '5.0.4', '5.0.3', 'ws gateway: compression level 6'), deploy(min(45), 'scores-api', '2.77.0', '2.76.1', 'scores api: penalty shoot-out details')],
    runtime: [{ at: on - 60, service: 'auth-svc', kind: 'restart', count: 3, message: 'rolling restart (node drain)' }],
    alerts: [{ at: min(10), service: 'ws-gateway', name: 'WsGatewayFdUsageHigh', status: 'firing' }],
    expected: { service: 'ws-gateway', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
    tell: 'since auth-svc\'s rolling restart three hours ago, ws-gateway piles up CLOSE_WAIT sockets and open fds climb linearly to the 65536 limit while active websockets stay flat; accept fails with EMFILE; no ws-gateway change in 40 h.',
  };
})();

export const SPECS_C: Spec[] = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11];
