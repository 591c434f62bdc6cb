import { client, db, golden, lambda, srv, usage, GiB } from '../kit.js';
import type { Spec } from '../spec.js';

export const F: Spec[] = [
  {
    name: 'mine-haul-dispatch-errors',
    description: 'Open-pit mine haulage: truck dispatch assignments fail across every service at once; trucks idle at the shovels.',
    at: '2026-08-12T22:15:00Z',
    tz: 8,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'haul-api',
      startsAt: '-3m',
      title: 'haul-api error rate 62% (dispatch assignments)',
      severity: 'P1',
      x: { details: { cluster: 'pit-ops-eks', namespace: 'haulage' }, entity: 'haul-api', tags: ['dispatch', 'site:north-pit'], alertSource: 'Prometheus', teams: ['mine-tech'] },
    },
    topology: {
      'truck-gateway': ['haul-api', 'coredns'],
      'haul-api': ['fleet-db', 'dispatch-engine', 'geofence-svc', 'coredns'],
      'dispatch-engine': ['fleet-db', 'telemetry-bus', 'coredns'],
      'geofence-svc': ['fleet-db', 'coredns'],
      'telemetry-bus': [],
      'fleet-db': [],
      coredns: [],
    },
    external: [],
    build(b) {
      const on = '-9m';
      golden(b, 'haul-api', 'prom', { rps: 60, p95: 90, err: 0.002, diurnal: 0.1, fx: { err: [{ at: on, to: 0.62 }], lat: [{ at: on, to: 5200 }] } });
      golden(b, 'dispatch-engine', 'prom', { rps: 25, p95: 140, err: 0.002, diurnal: 0.1, fx: { err: [{ at: on, to: 0.7 }], lat: [{ at: on, to: 5100 }] } });
      golden(b, 'geofence-svc', 'prom', { rps: 80, p95: 20, err: 0.001, diurnal: 0.1, fx: { err: [{ at: on, to: 0.55 }] } });
      b.series('coredns', 'coredns_dns_requests:rate1m', { unit: 'req/s', base: 1400, noise: 0.05, fx: [{ at: on, to: 0, noise: 0 }] });
      b.series('coredns', 'kube_deployment_status_replicas_available', { unit: 'replicas', base: 2, noise: 0, int: true, fx: [{ at: on, to: 0, noise: 0 }] });
      b.series('coredns', 'kube_node_status_condition', { unit: 'bool', labels: { node: 'ip-10-30-4-18', condition: 'Ready', status: 'true' }, base: 1, noise: 0, int: true, fx: [{ at: '-10m', to: 0, noise: 0 }] });
      b.series('fleet-db', 'pg_stat_activity_count', { unit: 'connections', base: 80, noise: 0.05, int: true });
      b.noise('telemetry-bus', 'warn', ['truck HT-{int:100-180} payload sensor drift {int:3-9}%', 'late frame from HT-{int:100-180} ({int:5-30}s, radio mesh hop {int:2-5})'], 40);
      b.noise('geofence-svc', 'info', ['HT-{int:100-180} entered zone {pick:crusher|shovel-2|shovel-5|dump-east}'], 50);
      b.change('-50m', 'dispatch-engine', 'deployment', 'dispatch-engine 9.3.0: fuel-aware assignment', { version: '9.3.0', previousVersion: '9.2.7', author: 'mine-ci' });
      b.rt('-10m', 'coredns', 'node_pressure', 'node ip-10-30-4-18 NotReady: kubelet stopped posting node status (PLEG is not healthy); both coredns replicas scheduled on it', 1);
      b.rt('-9m', 'coredns', 'unhealthy', 'coredns-6d8c7b9f5-qk2lx, coredns-6d8c7b9f5-r7x4n: 0/2 ready (node ip-10-30-4-18 unreachable)', 2);
      b.rt('-4m', 'coredns', 'evicted', 'pods on ip-10-30-4-18 marked for deletion after node-monitor-grace-period, replacements Pending (anti-affinity none, PDB minAvailable=1 violated)', 2);
      b.burst('haul-api', 'error', ['dial tcp: lookup fleet-db.haulage.svc.cluster.local on 172.20.0.10:53: read udp 10.30.{int:1-9}.{int:2-254}:{int:30000-60000}->172.20.0.10:53: i/o timeout'], on, '-0s', 40);
      b.burst('dispatch-engine', 'error', ['assignment failed: getaddrinfo EAI_AGAIN telemetry-bus.haulage.svc.cluster.local', 'lookup fleet-db.haulage.svc.cluster.local: i/o timeout'], on, '-0s', 30);
      b.burst('geofence-svc', 'error', ['could not resolve fleet-db.haulage.svc.cluster.local: Temporary failure in name resolution'], on, '-0s', 20);
      b.burst('truck-gateway', 'error', ['forward to haul-api failed: lookup haul-api.haulage.svc.cluster.local on 172.20.0.10:53: no such host (timeout)'], on, '-0s', 20);
      b.alert('-7m', 'fleet-db', 'FleetDBConnectionsDropped', 'firing');
    },
    expected: { service: 'coredns', kind: 'infrastructure', action: 'none', mustCite: ['runtime', 'logs'] },
    readme: {
      model: 'Cluster DNS lost with the node hosting both resolver replicas (own choice; issue 12 class "DNS outage after a deploy")',
      clue: 'The node holding both coredns replicas goes NotReady; DNS queries drop to zero and every service logs resolver timeouts on 172.20.0.10:53 at once. The dispatch-engine deploy 41 min earlier cannot explain failures in services it does not touch.',
    },
  },
  {
    name: 'esports-matchmaking-errors',
    description: 'Esports matchmaking: players cannot form matches; matchmaking, rating and party functions all return errors.',
    at: '2026-10-30T21:05:00Z',
    tz: -4,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch',
      service: 'match-api',
      startsAt: '-45s',
      title: 'match-api-errors',
      description: 'Lambda match-api Errors > 100 in 5 minutes',
      x: {
        alarmName: 'match-api-errors',
        namespace: 'AWS/Lambda',
        metric: 'Errors',
        statistic: 'Sum',
        dims: { FunctionName: 'match-api' },
        threshold: 100,
        reason: 'Threshold Crossed: 2 out of the last 2 datapoints [3215.0 (30/10/26 21:00:00), 2870.0 (30/10/26 20:55:00)] were greater than the threshold (100.0).',
        evaluationPeriods: 2,
      },
    },
    topology: {
      'game-client': ['lobby-gw'],
      'lobby-gw': ['match-api', 'party-svc'],
      'match-api': ['dynamodb', 'rating-svc'],
      'rating-svc': ['dynamodb'],
      'party-svc': ['dynamodb'],
      'leaderboard-job': ['dynamodb'],
    },
    external: ['dynamodb'],
    build(b) {
      const on = '-12m';
      lambda(b, 'match-api', { inv: 22000, err: 0.001, dur: 120, diurnal: 0.4, fx: { err: [{ at: on, to: 3100 }], dur: [{ at: on, x: 8 }] } });
      lambda(b, 'rating-svc', { inv: 15000, err: 0.001, dur: 40, diurnal: 0.4, fx: { err: [{ at: on, to: 2000 }], dur: [{ at: on, x: 10 }] } });
      lambda(b, 'party-svc', { inv: 9000, err: 0.002, dur: 60, diurnal: 0.4, fx: { err: [{ at: on, to: 1100 }] } });
      for (const [svc, table, wcu] of [['match-api', 'matches', 4000], ['rating-svc', 'ratings', 2500], ['party-svc', 'parties', 1500]] as const) {
        b.series(svc, 'ConsumedWriteCapacityUnits', { unit: 'Count', base: wcu * 0.35 * 300, diurnal: 0.4, int: true, fx: [{ at: on, x: 0.55 }], labels: { TableName: table, Statistic: 'Sum' } });
        b.series(svc, 'ProvisionedWriteCapacityUnits', { unit: 'Count', base: wcu, noise: 0, int: true, labels: { TableName: table, Statistic: 'Average' } });
        b.series(svc, 'WriteThrottleEvents', { unit: 'Count', base: 0, noise: 0, int: true, labels: { TableName: table, Statistic: 'Sum' } });
      }
      b.noise('leaderboard-job', 'warn', ['season 14 leaderboard shard {int:1-32} rebuild took {int:40-90}s'], 4);
      b.noise('match-api', 'info', ['match {hex:12} formed: {int:8-10} players, avg MMR {int:1200-2800}, wait {int:5-60}s'], 80, { to: on });
      b.burst('match-api', 'error', ['PutItem matches failed: InternalServerError: Internal server error (Service: DynamoDb, Status Code: 500, Request ID: {uuid})', 'TransactWriteItems matches/queue failed after 3 retries: InternalServerError (Service: DynamoDb, Status Code: 500)'], on, '-0s', 60);
      b.burst('rating-svc', 'error', ['UpdateItem ratings failed: InternalServerError (Service: DynamoDb, Status Code: 500, Request ID: {uuid})'], on, '-0s', 30);
      b.burst('party-svc', 'error', ['GetItem parties timed out after 5000ms (Service: DynamoDb)'], on, '-0s', 20);
      b.change('-1h25m', 'match-api', 'deployment', 'match-api v211: role-queue weights for ranked', { version: 'v211', previousVersion: 'v210', author: 'sam-pipeline' });
      b.change('-5m', 'match-api', 'config', 'SDK maxAttempts 3 -> 6 (mitigation)', { author: 'oncall-zr' });
      b.trace('-2h50m', on, 6, () => srv('match-api', 'FormMatch', 110, [client('match-api', 'dynamodb', 'DynamoDB.TransactWriteItems', 18, { 'rpc.system': 'aws-api', 'rpc.service': 'DynamoDB', 'aws.dynamodb.table_names': ['matches', 'queue'], 'http.status_code': 200 }), srv('rating-svc', 'GetRating', 30, [client('rating-svc', 'dynamodb', 'DynamoDB.GetItem', 6, { 'rpc.system': 'aws-api', 'rpc.service': 'DynamoDB', 'aws.dynamodb.table_names': ['ratings'], 'http.status_code': 200 })])]), { ref: true });
      b.trace(on, '-1m', 10, () => srv('match-api', 'FormMatch', 5200, [client('match-api', 'dynamodb', 'DynamoDB.TransactWriteItems', 5000, { 'rpc.system': 'aws-api', 'rpc.service': 'DynamoDB', 'aws.dynamodb.table_names': ['matches', 'queue'], 'http.status_code': 500, 'aws.error.code': 'InternalServerError' }, true)], true));
      b.alert('-4m', 'dynamodb', 'AWS Health: AWS_DYNAMODB_OPERATIONAL_ISSUE us-east-1 - increased error rates and latencies for DynamoDB requests', 'firing');
      b.alert('-9m', 'lobby-gw', 'LobbyQueueTimeouts', 'firing');
    },
    expected: { service: 'dynamodb', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'alerts'] },
    readme: {
      model: 'A managed AWS database failing (DynamoDB regional event; issue 12 class "managed AWS service called a code defect")',
      clue: 'Three functions on three tables fail at once with DynamoDB 500 InternalServerError while consumed capacity is a third of provisioned and there are no throttles; AWS Health confirms. The match-api deploy is 73 min older and the retry change is after onset.',
    },
  },
  {
    name: 'blood-donor-reminders-failing',
    description: 'Blood donation service: appointment reminders and campaign texts have not gone out since early morning; the incident was escalated after hours at low urgency.',
    at: '2026-01-20T10:30:00Z',
    tz: 0,
    window: '-4h',
    step: 120,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'reminder-worker',
      startsAt: '-2h40m',
      title: 'reminder-worker: reminder delivery failures > 20%',
      x: { eventType: 'incident.escalated', occurredAt: '-0s', urgency: 'low', teams: ['Donor Engagement'], policy: 'Donor Engagement', agent: { summary: 'Escalation policy Donor Engagement', type: 'escalation_policy_reference' } },
    },
    topology: {
      'donor-app': ['appointments-api'],
      'appointments-api': ['appointments-db', 'reminder-worker'],
      'reminder-worker': ['sms-provider', 'email-provider', 'appointments-db'],
      'campaign-svc': ['sms-provider', 'donors-db'],
      'donors-db': [],
    },
    external: ['sms-provider', 'email-provider'],
    build(b) {
      const on = '-2h48m';
      golden(b, 'reminder-worker', 'prom', { rps: 5, p95: 400, err: 0.01, diurnal: 0.3, fx: { err: [{ at: on, to: 0.55 }], lat: [{ at: on, x: 20 }] }, step: 120 });
      b.series('reminder-worker', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'sms-provider' }, base: 0.01, noise: 0.3, fx: [{ at: on, to: 0.97, noise: 0.01 }] });
      b.series('reminder-worker', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'email-provider' }, base: 0.005, noise: 0.3 });
      b.series('campaign-svc', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'sms-provider' }, base: 0.01, noise: 0.3, fx: [{ at: on, to: 0.95, noise: 0.02 }] });
      golden(b, 'appointments-api', 'prom', { rps: 12, p95: 200, err: 0.002, diurnal: 0.3, step: 120 });
      b.noise('appointments-api', 'warn', ['donor {int:100000-999999} double-booked at {pick:Leeds|Bristol|Tooting|Colindale} session {int:1-9}, keeping earliest'], 10);
      b.noise('reminder-worker', 'info', ['email reminder sent to donor {int:100000-999999} (202)'], 30);
      b.burst('reminder-worker', 'error', ['sms to +44 7{int:100-999} {int:100000-999999} failed: 503 Service Unavailable from sms-provider (upstream carrier connectivity)', 'sms-provider request timed out after 10000ms (POST /2010-04-01/Accounts/AC{hex:8}/Messages.json)'], on, '-0s', 70);
      b.burst('campaign-svc', 'error', ['campaign "O-negative appeal" batch {int:1-400}: sms-provider 503 for {int:40-200}/200 recipients'], on, '-0s', 30);
      b.change('-3h30m', 'reminder-worker', 'deployment', 'reminder-worker 2.8.0: Welsh-language templates', { version: '2.8.0', previousVersion: '2.7.5', author: 'engagement-ci' });
      b.change('-1h', 'reminder-worker', 'config', 'sms retry backoff 30s -> 5m', { author: 'oncall-ow' });
      b.trace('-3h50m', on, 6, () => srv('reminder-worker', 'send reminder', 600, [client('reminder-worker', 'sms-provider', 'POST /Messages.json', 350, { 'http.status_code': 201 })]), { ref: true });
      b.trace(on, '-2m', 10, () => srv('reminder-worker', 'send reminder', 10100, [client('reminder-worker', 'sms-provider', 'POST /Messages.json', 10000, { 'http.status_code': 503 }, true)], true));
      b.alert('-2h30m', 'sms-provider', 'sms-provider status: Degraded - SMS delivery delays and API errors in EU region', 'firing');
    },
    expected: { service: 'sms-provider', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'alerts'] },
    readme: {
      model: 'A third-party SMS provider outage, alert escalated hours later (own choice)',
      clue: 'Two services fail only on the SMS provider (503s and timeouts in client spans) while email from the same worker is fine; the provider\'s status page says degraded. The incident opened 2 h 40 min before this escalation; the worker deploy is 42 min before onset and its template change cannot break the provider.',
    },
  },
  {
    name: 'meditation-sessions-cpu-saturated',
    description: 'Meditation app: starting a guided session is slow or fails for many users in the evening; ECS CPU alarm on the session service.',
    at: '2026-01-11T20:40:00Z',
    tz: 0,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'session-api',
      startsAt: '-1m',
      title: 'session-api-cpu-high',
      description: 'ECS service CPU > 85%',
      x: {
        alarmName: 'session-api-cpu-high',
        namespace: 'AWS/ECS',
        metric: 'CPUUtilization',
        dims: { ClusterName: 'prod', ServiceName: 'session-api' },
        threshold: 85,
        region: 'eu-west-1',
        regionName: 'EU (Ireland)',
        reason: 'Threshold Crossed: 2 datapoints [98.7 (11/01/26 20:35:00), 97.2 (11/01/26 20:30:00)] were greater than the threshold (85.0).',
        evaluationPeriods: 2,
      },
    },
    topology: {
      'mobile-app': ['api-gw'],
      'api-gw': ['session-api', 'content-api'],
      'session-api': ['sessions-db', 'progress-cache'],
      'content-api': ['content-db'],
      'push-campaigns': ['push-provider'],
    },
    external: ['push-provider'],
    build(b) {
      const on = '-14m';
      golden(b, 'session-api', 'cw', { rps: 140, p95: 180, err: 0.002, diurnal: 0.35, fx: { rps: [{ at: on, x: 8 }], lat: [{ at: '-10m', to: 4800 }], err: [{ at: '-10m', to: 0.12 }] } });
      usage(b, 'session-api', 'cw', { cpu: 0.4, mem: 45, cpuFx: [{ at: on, to: 0.98, noise: 0.01 }] });
      b.series('session-api', 'RunningTaskCount', { unit: 'Count', base: 12, noise: 0, int: true, fx: [{ at: '-10m', to: 20, noise: 0 }], labels: { ClusterName: 'prod', ServiceName: 'session-api', Statistic: 'Average' } });
      golden(b, 'content-api', 'cw', { rps: 200, p95: 90, err: 0.002, diurnal: 0.35, fx: { rps: [{ at: on, x: 2.5 }] } });
      b.series('sessions-db', 'CPUUtilization', { unit: 'Percent', base: 25, diurnal: 0.3, fx: [{ at: on, x: 1.6 }], labels: { DBInstanceIdentifier: 'sessions-db', Statistic: 'Average' } });
      b.noise('content-api', 'warn', ['narration {hex:8} missing captions for locale {pick:pt-BR|ja|de}', 'cache miss for collection {int:1-90}'], 20);
      b.log('-15m', 'push-campaigns', 'info', 'campaign "Sleep Week: tonight\'s story" sent to 4.1M devices (all locales) at 20:25 UTC');
      b.burst('session-api', 'warn', ['request queue depth {int:200-900} on task {hex:8}, p95 {int:2000-6000}ms', 'target {hex:8} failed ALB health check: timeout'], '-12m', '-0s', 40);
      b.change('-30m', 'content-api', 'deployment', 'content-api 6.7.0: story narrator bios', { version: '6.7.0', previousVersion: '6.6.9', author: 'ecs-deploy' });
      b.change('-10m', 'session-api', 'scaling', 'session-api target tracking: 12 -> 20 tasks (max capacity)', { source: 'application-autoscaling' });
      b.alert('-8m', 'api-gw', 'api-gw-5xx', 'firing');
    },
    expected: { service: 'session-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    readme: {
      model: 'A marketing push that brings demand beyond capacity (own choice)',
      clue: 'A push to 4.1M devices, then 8x session starts; session-api reaches its autoscaling maximum of 20 tasks with CPU at 98% and no errors of its own before saturation. The content-api deploy is another service.',
    },
  },
  {
    name: 'vet-scans-not-stored',
    description: 'Veterinary hospital imaging: CT and X-ray studies fail to store from the modalities; viewers show yesterday\'s studies only.',
    at: '2026-04-04T13:05:00Z',
    tz: 1,
    window: '-6h',
    step: 120,
    ref: 'week',
    alert: {
      source: 'generic',
      service: 'modality-gateway',
      startsAt: '-7m',
      title: 'C-STORE failures from modalities (CT-1, DR-2)',
      severity: 'critical',
      x: { labels: { source: 'dicom-monitor', modalities: 'CT-1,DR-2' }, environment: 'prod' },
    },
    topology: {
      'clinic-viewer': ['pacs-api'],
      'pacs-api': ['dicom-store', 'studies-db'],
      'modality-gateway': ['dicom-store'],
      'report-svc': ['studies-db', 'pacs-api'],
      'dicom-store': [],
      'studies-db': [],
    },
    external: [],
    build(b) {
      const on = '-14m';
      b.series('dicom-store', 'node_filesystem_avail_bytes', { unit: 'bytes', labels: { mountpoint: '/var/lib/dicom' }, base: 62 * GiB, noise: 0.003, int: true, fx: [{ at: '-6h', until: on, to: 0.2 * GiB }, { at: on, to: 0, noise: 0 }], always: [{ at: '-6h', until: '-0s', to: 58 * GiB }] });
      b.series('dicom-store', 'process_deleted_open_files_bytes', { unit: 'bytes', base: 18 * GiB, noise: 0.003, int: true, fx: [{ at: '-6h', until: on, to: 44 * GiB }], ref: false });
      b.series('dicom-store', 'dicom_cstore_failed:rate5m', { unit: '1/s', base: 0, noise: 0, fx: [{ at: on, to: 0.4, noise: 0.2 }] });
      b.series('modality-gateway', 'dicom_forward_failed:rate5m', { unit: '1/s', base: 0, noise: 0, fx: [{ at: '-13m', to: 0.4, noise: 0.2 }] });
      golden(b, 'pacs-api', 'prom', { rps: 8, p95: 300, err: 0.003, diurnal: 0.3, step: 120 });
      b.noise('report-svc', 'warn', ['report template "{pick:thorax|abdomen|orthopaedic}" missing signature block for vet {int:10-99}'], 8);
      b.noise('dicom-store', 'debug', ['C-STORE assoc {hex:8} PDU {int:1-999} len={int:16000-65000} (debug logging enabled by vendor ticket VS-4471)'], 300, { to: on, ref: false });
      b.noise('dicom-store', 'info', ['logrotate: rotated /var/log/dicom-store/store.log (postrotate: none)'], 1, { ref: true });
      b.log('-14m', 'dicom-store', 'error', 'write /var/lib/dicom/studies/2026/04/04/1.2.826.0.1.3680043.{int:1000-9999}.dcm: no space left on device');
      b.burst('dicom-store', 'error', ['C-STORE from {pick:CT-1|DR-2|US-1} rejected: 0xA700 Out of Resources (ENOSPC)', 'cannot write study {int:100000-999999}: No space left on device'], '-13m', '-0s', 40);
      b.log('-6m', 'dicom-store', 'warn', 'lsof: 44.1 GiB held by deleted files: /var/log/dicom-store/store.log.1 (deleted), store.log.2 (deleted) - still open by dicom-store pid 2211');
      b.burst('modality-gateway', 'error', ['forward to dicom-store failed for {pick:CT-1|DR-2}: association aborted (A700)'], '-13m', '-0s', 25);
      b.change('-3h', 'pacs-api', 'deployment', 'pacs-api 1.17.0: hanging protocols for equine', { version: '1.17.0', previousVersion: '1.16.2', author: 'pacs-ci' });
      b.alert('-10m', 'clinic-viewer', 'ViewerNoNewStudies', 'firing');
    },
    expected: { service: 'dicom-store', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'A disk filled by rotated logs still held open (own choice; disk-full class)',
      clue: 'dicom-store\'s free disk falls all morning (it stayed flat in the reference) because rotated, deleted debug logs are still held open by its process (44 GiB); at zero, C-STORE fails with ENOSPC. Restarting the process frees the space. The pacs-api deploy is unrelated.',
    },
  },
  {
    name: 'travel-claims-errors-after-lunch',
    description: 'Travel insurance claims: claim submissions fail with errors for most customers since early afternoon.',
    at: '2026-08-18T12:50:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'claims-api',
      startsAt: '-4m',
      title: 'claims-api 5xx ratio 71% on POST /claims',
      severity: 'P2',
      x: { details: { route: 'POST /claims' }, tags: ['service:claims-api', 'env:prod', 'datadog'], alertSource: 'Datadog', teams: ['claims'] },
    },
    topology: {
      'claims-web': ['claims-api'],
      'claims-api': ['fraud-score', 'claims-db', 'docs-ocr'],
      'fraud-score': ['model-server'],
      'payout-svc': ['claims-db', 'bank-api'],
      'docs-ocr': [],
    },
    external: ['bank-api'],
    build(b) {
      const on = '-16m';
      golden(b, 'claims-api', 'prom', { rps: 10, p95: 900, err: 0.004, diurnal: 0.3, fx: { err: [{ at: on, to: 0.71 }], lat: [{ at: on, x: 0.3 }] } });
      golden(b, 'fraud-score', 'prom', { rps: 10, p95: 450, err: 0.002, diurnal: 0.3, fx: { rps: [{ at: on, x: 1.2 }] } });
      b.series('claims-api', 'http_client_request_duration_seconds:p95', { unit: 's', labels: { peer: 'fraud-score' }, base: 0.45, noise: 0.08, fx: [{ at: on, to: 0.2, noise: 0.01 }] });
      b.series('claims-api', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'fraud-score', error: 'timeout' }, base: 0.001, noise: 0.3, fx: [{ at: on, to: 0.93, noise: 0.02 }] });
      golden(b, 'docs-ocr', 'prom', { rps: 4, p95: 2500, err: 0.03, diurnal: 0.3, always: { err: [{ at: '-3h', to: 0.035 }] } });
      b.noise('docs-ocr', 'error', ['receipt image {hex:8} unreadable (blur score {int:60-90})', 'PDF {hex:8} password protected'], 20);
      b.change(on, 'claims-api', 'config', 'claims-api: FRAUD_SCORE_TIMEOUT_MS 2000 -> 200 (config repo PR #1187 "tighten downstream timeouts")', { author: 'plat-ak', source: 'helm-values', version: 'values@c0a91f', previousVersion: 'values@77d2e0' });
      b.rt(on, 'claims-api', 'restart', 'rollout restart to pick up new config', 3);
      b.change('-1h05m', 'fraud-score', 'deployment', 'fraud-score 2026.08.18: model v41 (gradient boosting retrain)', { version: '2026.08.18', previousVersion: '2026.08.04', author: 'ml-ci' });
      b.burst('claims-api', 'error', ['POST /claims 500: fraud-score call timed out after 200ms (timeout=FRAUD_SCORE_TIMEOUT_MS)', 'io.netty.handler.timeout.ReadTimeoutException: fraud-score /score did not respond within 200ms'], '-15m', '-0s', 60);
      b.exc('-15m', 'claims-api', 'io.netty.handler.timeout.ReadTimeoutException', 'fraud-score /score did not respond within 200ms', 410, 'FraudClient.score');
      b.trace('-1h50m', on, 6, () => srv('claims-api', 'POST /claims', 800, [srv('fraud-score', 'POST /score', 430, [srv('model-server', 'predict', 300)]), db('claims-api', 'claims-db', 'INSERT INTO claims VALUES ($1,$2,$3)', 15)]), { ref: true });
      b.trace('-15m', '-1m', 8, () => srv('claims-api', 'POST /claims', 220, [client('claims-api', 'fraud-score', 'POST /score', 200, { 'error.type': 'ReadTimeoutException', 'http.timeout_ms': 200 }, true), srv('fraud-score', 'POST /score', 440, [srv('model-server', 'predict', 310)])], true));
    },
    expected: { service: 'claims-api', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'A client timeout lowered below the callee\'s normal latency (own choice; config class)',
      clue: 'The timeout to fraud-score dropped from 2000 to 200 ms at onset while fraud-score still answers in its usual ~450 ms (same as last week, its new model changed nothing); every claim call times out at exactly 200 ms.',
    },
  },
  {
    name: 'library-catalogue-pages-broken',
    description: 'Public library catalogue: record pages show an error and interlibrary loan requests fail; search itself works.',
    at: '2026-02-03T15:20:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'opac-web',
      startsAt: '-5m',
      title: 'opac-web 5xx ratio above 5%',
      severity: 'warning',
      x: { alertname: 'OpacErrorRate', serviceLabel: 'pod', serviceValue: 'opac-web-5d7f9c8b4d-x8kq2', labels: { namespace: 'library', container: 'opac-web', team: 'digital-services' }, expr: 'sum(rate(http_requests_total{namespace="library",code=~"5.."}[5m])) by (pod) > 0.05' },
    },
    topology: {
      'opac-web': ['search-api', 'holdings-api', 'patron-api'],
      'search-api': ['search-index'],
      'holdings-api': ['ils-db'],
      'patron-api': ['ils-db'],
      'ill-gateway': ['holdings-api', 'ill-network'],
    },
    external: ['ill-network'],
    build(b) {
      const on = '-23m';
      golden(b, 'opac-web', 'prom', { rps: 40, p95: 300, err: 0.003, diurnal: 0.3, fx: { err: [{ at: '-22m', to: 0.19 }] } });
      golden(b, 'holdings-api', 'prom', { rps: 30, p95: 60, err: 0.001, diurnal: 0.3 });
      golden(b, 'ill-gateway', 'prom', { rps: 1, p95: 800, err: 0.01, diurnal: 0.3, fx: { err: [{ at: '-21m', to: 0.6 }] } });
      golden(b, 'search-api', 'prom', { rps: 50, p95: 200, err: 0.004, diurnal: 0.3 });
      golden(b, 'patron-api', 'prom', { rps: 10, p95: 90, err: 0.02, diurnal: 0.3, always: { err: [{ at: '-3h', to: 0.025 }] } });
      b.noise('patron-api', 'warn', ['patron {int:100000-999999} PIN locked after 3 failures', 'fines sync lag {int:2-9} min'], 20);
      b.noise('holdings-api', 'info', ['GET /v1/records/{int:1000000-9999999}/holdings 200 {int:10-80}ms'], 50);
      b.change(on, 'holdings-api', 'deployment', 'holdings-api 5.0.0: holdings response v2 (items paginated as {data, next}, callNumber -> call_number)', { version: '5.0.0', previousVersion: '4.9.2', author: 'lib-ci', commit: '8e3b1d9' });
      b.change('-1h30m', 'search-api', 'deployment', 'search-api 2.3.1: boost local authors', { version: '2.3.1', previousVersion: '2.3.0', author: 'lib-ci' });
      b.log('-23m', 'holdings-api', 'info', 'serving /v1/records/*/holdings with response schema v2 (no compatibility shim)');
      b.burst('opac-web', 'error', ["render /record/{int:1000000-9999999} failed: TypeError: Cannot read properties of undefined (reading 'map') at HoldingsTable (holdings.tsx:41)", 'holdings for record {int:1000000-9999999}: missing field callNumber'], '-22m', '-0s', 60);
      b.burst('ill-gateway', 'error', ['ILL request {int:10000-99999}: cannot parse holdings-api response: expected array at $.items, got object'], '-21m', '-0s', 12);
      b.exc('-22m', 'opac-web', 'TypeError', "Cannot read properties of undefined (reading 'map')", 870, 'HoldingsTable');
      b.trace('-1h50m', on, 6, () => srv('opac-web', 'GET /record/:id', 280, [srv('search-api', 'GET /records/:id', 90), srv('holdings-api', 'GET /v1/records/:id/holdings', 40, [], false, { 'app.response_schema': 'v1' })]), { ref: true });
      b.trace('-22m', '-1m', 8, () => srv('opac-web', 'GET /record/:id', 150, [srv('search-api', 'GET /records/:id', 90), srv('holdings-api', 'GET /v1/records/:id/holdings', 40, [], false, { 'app.response_schema': 'v2', 'http.status_code': 200 })], true));
    },
    expected: { service: 'holdings-api', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'An upstream deploy that changed its API contract (own choice)',
      clue: 'holdings-api 5.0.0 changes the response shape at onset and keeps answering 200; both of its callers break on the missing field / array at the same time. The search-api deploy is older and search works.',
    },
  },
  {
    name: 'einvoices-not-delivered',
    description: 'E-invoicing: invoice emails and payment reminders have been piling up since early morning; the send queue keeps growing.',
    at: '2026-09-30T11:20:00Z',
    tz: 2,
    window: '-7h',
    step: 120,
    ref: 'week',
    alert: {
      source: 'grafana',
      service: 'invoice-sender',
      startsAt: '-5h',
      title: 'invoice-sender oldest queued invoice older than 30 min',
      severity: 'warning',
      x: { alertname: 'InvoiceQueueAge', labels: { env: 'prod', team: 'billing-ops' }, values: { A: 18840, B: 1 }, dashboard: 'invoicing' },
    },
    topology: {
      'billing-run': ['invoice-sender'],
      'invoice-sender': ['mail-api', 'pdf-render', 'invoices-db'],
      reminders: ['mail-api', 'invoices-db'],
      portal: ['invoices-db', 'pdf-render'],
      'pdf-render': [],
    },
    external: ['mail-api'],
    build(b) {
      const on = '-5h35m';
      b.series('invoice-sender', 'invoice_queue_oldest_seconds', { unit: 's', base: 40, noise: 0.3, fx: [{ at: on, until: '-0s', to: 20000, noise: 0.01 }] });
      b.series('invoice-sender', 'http_client_request_duration_seconds:p95', { unit: 's', labels: { peer: 'mail-api' }, base: 0.35, noise: 0.1, fx: [{ at: on, to: 30, noise: 0.01 }], step: 120 });
      b.series('invoice-sender', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'mail-api' }, base: 0.002, noise: 0.4, fx: [{ at: on, to: 0.88, noise: 0.05 }], step: 120 });
      b.series('reminders', 'http_client_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { peer: 'mail-api' }, base: 0.002, noise: 0.4, fx: [{ at: '-5h30m', to: 0.9, noise: 0.05 }], step: 120 });
      golden(b, 'pdf-render', 'prom', { rps: 6, p95: 1200, err: 0.01, diurnal: 0.3, always: { err: [{ at: '-8h', to: 0.012 }] }, step: 120 });
      golden(b, 'portal', 'prom', { rps: 20, p95: 200, err: 0.002, diurnal: 0.3, step: 120 });
      b.noise('pdf-render', 'warn', ['font "{pick:Calibri|Arial Narrow}" not embedded, substituting', 'invoice {int:100000-999999} line items exceed one page'], 15);
      b.noise('invoice-sender', 'info', ['invoice {int:100000-999999} mailed (message id {hex:16})'], 40, { to: on });
      b.burst('invoice-sender', 'error', ['mail-api POST /v3/mail/send timed out after 30000ms for invoice {int:100000-999999}', 'mail-api 503 {"errors":[{"message":"service temporarily unavailable"}]} for invoice {int:100000-999999}'], on, '-0s', 80);
      b.burst('reminders', 'error', ['reminder {int:10000-99999} not sent: mail-api timeout (30s)'], '-5h30m', '-0s', 30);
      b.change('-6h10m', 'invoice-sender', 'deployment', 'invoice-sender 4.4.0: attach XRechnung XML', { version: '4.4.0', previousVersion: '4.3.7', author: 'billing-ci' });
      b.change('-3h', 'invoice-sender', 'config', 'mail concurrency 20 -> 5 (reduce pressure on provider)', { author: 'oncall-ds' });
      b.rt('-2h', 'invoice-sender', 'restart', 'manual restart during incident', 2);
      b.trace('-6h50m', on, 6, () => srv('invoice-sender', 'send invoice', 600, [srv('pdf-render', 'render', 300), client('invoice-sender', 'mail-api', 'POST /v3/mail/send', 250, { 'http.status_code': 202 })]), { ref: true });
      b.trace('-5h30m', '-2m', 10, () => srv('invoice-sender', 'send invoice', 30400, [srv('pdf-render', 'render', 310), client('invoice-sender', 'mail-api', 'POST /v3/mail/send', 30000, { 'error.type': 'timeout' }, true)], true));
      b.alert('-5h20m', 'mail-api', 'mail-api status: Investigating - API requests timing out in EU region', 'firing');
    },
    expected: { service: 'mail-api', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'metrics'] },
    readme: {
      model: 'A third-party email API outage, alert firing for five hours (own choice)',
      clue: 'Since 05:45 UTC both senders time out or get 503 only on the email API (client spans, per-peer client metrics), PDF rendering is fine, and the provider posted an incident; the invoice-sender deploy 35 min before onset adds an attachment and the concurrency change and restart come hours after.',
    },
  },
  {
    name: 'tax-filing-deadline-slowdown',
    description: 'Freelancer tax filing: on deadline evening, submitting a return is slow and sometimes fails.',
    at: '2026-01-31T21:30:00Z',
    tz: 0,
    window: '-3h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'return-api',
      startsAt: '-3m',
      title: 'return-api p95 latency above 3s',
      description: 'p95 latency on service:return-api is 7.4s on env:prod',
      x: { tags: ['service:return-api', 'env:prod', 'team:filing'], priority: 'P1' },
    },
    topology: {
      'filing-web': ['return-api', 'auth'],
      'return-api': ['returns-db', 'calc-engine', 'hmrc-gateway'],
      'calc-engine': [],
      'hmrc-gateway': ['tax-authority'],
      auth: ['users-db'],
    },
    external: ['tax-authority'],
    build(b) {
      const on = '-35m';
      golden(b, 'return-api', 'dd', { rps: 30, p95: 700, err: 0.003, diurnal: 0.3, fx: { rps: [{ at: '-3h', until: on, x: 4 }, { at: on, x: 1.5 }], lat: [{ at: on, until: '-10m', to: 7400 }], err: [{ at: '-20m', to: 0.06 }] } });
      usage(b, 'return-api', 'dd', { cpu: 0.35, mem: 1.2 * GiB, cpuFx: [{ at: '-3h', until: on, to: 0.8 }, { at: on, to: 0.99, noise: 0.005 }] });
      b.series('return-api', 'kubernetes_state.hpa.current_replicas', { unit: 'replica', base: 10, noise: 0, int: true, fx: [{ at: '-2h', until: on, to: 30, noise: 0 }], labels: { env: 'prod', hpa: 'return-api' } });
      b.series('return-api', 'kubernetes_state.hpa.max_replicas', { unit: 'replica', base: 30, noise: 0, int: true, labels: { env: 'prod', hpa: 'return-api' } });
      golden(b, 'calc-engine', 'dd', { rps: 60, p95: 120, err: 0.001, diurnal: 0.3, fx: { rps: [{ at: '-3h', until: on, x: 4 }, { at: on, x: 1.3 }] } });
      golden(b, 'hmrc-gateway', 'dd', { rps: 20, p95: 1800, err: 0.02, diurnal: 0.3, fx: { rps: [{ at: '-3h', until: on, x: 4 }] }, always: { err: [{ at: '-4h', to: 0.025 }] } });
      b.noise('hmrc-gateway', 'warn', ['tax-authority submission {hex:10} returned business error 4{int:10-99} (UTR mismatch)', 'tax-authority poll for receipt {hex:10}: still processing'], 40);
      b.noise('return-api', 'info', ['POST /returns/{int:1000000-9999999}/submit 202 {int:300-900}ms'], 80, { to: on });
      b.burst('return-api', 'warn', ['Tomcat thread pool exhausted: 200/200 busy, {int:100-600} queued', 'request POST /returns/{int:1000000-9999999}/submit waited {int:3000-9000}ms in accept queue'], on, '-0s', 50);
      b.log('-3h', 'filing-web', 'info', 'deadline banner enabled: "Returns due by midnight tonight"');
      b.change('-2h', 'return-api', 'scaling', 'return-api HPA 10 -> 30 (maxReplicas reached at 20:55)', { source: 'hpa' });
      b.change('-1h40m', 'auth', 'deployment', 'auth 3.2.4: session cookie SameSite fix', { version: '3.2.4', previousVersion: '3.2.3', author: 'filing-ci' });
      b.trace('-2h50m', on, 6, () => srv('return-api', 'POST /returns/:id/submit', 700, [srv('calc-engine', 'calculate', 110), db('return-api', 'returns-db', 'UPDATE returns SET status = $1 WHERE id = $2', 8)]), { ref: true });
      b.trace('-30m', '-1m', 8, () => srv('return-api', 'POST /returns/:id/submit', 7400, [srv('calc-engine', 'calculate', 120), db('return-api', 'returns-db', 'UPDATE returns SET status = $1 WHERE id = $2', 9)], false, { 'queue.wait_ms': 6500 }));
    },
    expected: { service: 'return-api', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics'] },
    readme: {
      model: 'A deadline-day surge (own choice; traffic class)',
      clue: 'Deadline evening brings 4-6x last week\'s submissions; return-api reaches its HPA maximum of 30, CPU pins and its thread pool queues, while calc-engine and the database answer in normal time. The auth deploy is not on the path.',
    },
  },
];
