import { client, db, golden, srv, usage } from '../kit.js';
import type { Spec } from '../spec.js';

export const B: Spec[] = [
  {
    name: 'campus-sso-logins-failing',
    description: 'University single sign-on: students cannot log in during a volumetric attack on the campus edge; the login success rate drops well after the attack began.',
    at: '2026-07-30T14:05:00Z',
    tz: 0,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'sso-portal',
      startsAt: '-30s',
      title: 'sso-portal-login-success-low',
      description: 'Login success rate below 80% (5 min)',
      x: {
        alarmName: 'sso-portal-login-success-low',
        namespace: 'Campus/SSO',
        metric: 'LoginSuccessRate',
        dims: { Service: 'sso-portal', Environment: 'prod' },
        threshold: 80,
        comparison: 'LessThanThreshold',
        region: 'eu-west-2',
        regionName: 'EU (London)',
        reason: 'Threshold Crossed: 3 datapoints [41.2 (30/07/26 13:55:00), 38.7 (30/07/26 13:50:00), 52.9 (30/07/26 13:45:00)] were less than the threshold (80.0).',
      },
    },
    topology: {
      'edge-shield': ['sso-portal', 'course-site'],
      'ddos-autopilot': ['edge-shield'],
      'sso-portal': ['idp-core', 'mfa-svc'],
      'idp-core': ['directory', 'session-store'],
      'mfa-svc': ['sms-gateway', 'directory'],
      'course-site': ['idp-core'],
    },
    external: ['sms-gateway'],
    build(b) {
      const attack = '-1h10m';
      const on = '-25m';
      b.series('edge-shield', 'RequestsPerSecond', { unit: 'Count/Second', base: 900, diurnal: 0.3, fx: [{ at: attack, x: 7 }, { at: '-1h05m', x: 0.3 }], labels: { Statistic: 'Average' } });
      b.series('edge-shield', 'BlockedRequests', { unit: 'Count', base: 1500, noise: 0.2, int: true, fx: [{ at: '-1h05m', to: 1.5e6, noise: 0.05 }, { at: on, to: 2.2e6 }], labels: { Statistic: 'Sum' } });
      b.series('edge-shield', 'Http403Rate', { unit: 'Percent', base: 0.4, noise: 0.2, fx: [{ at: on, to: 63, noise: 0.05 }], labels: { Statistic: 'Average', Scope: 'legitimate-score>0.8' } });
      b.series('sso-portal', 'LoginSuccessRate', { unit: 'Percent', base: 97, noise: 0.01, max: 100, fx: [{ at: on, to: 42, noise: 0.1 }], labels: { Statistic: 'Average' } });
      golden(b, 'sso-portal', 'cw', { rps: 180, p95: 300, err: 0.002, diurnal: 0.3, fx: { rps: [{ at: on, x: 0.4 }] } });
      golden(b, 'idp-core', 'cw', { rps: 260, p95: 90, err: 0.001, diurnal: 0.3, fx: { rps: [{ at: on, x: 0.45 }] } });
      golden(b, 'mfa-svc', 'cw', { rps: 60, p95: 800, err: 0.02, diurnal: 0.3, always: { err: [{ at: '-4h', to: 0.03 }] } });
      b.noise('mfa-svc', 'warn', ['sms-gateway delivery receipt missing for challenge {hex:8}, falling back to TOTP prompt', 'TOTP drift of {int:31-90}s for user s{int:1000000-9999999}'], 20);
      b.noise('edge-shield', 'info', ['allow {ip} GET /login 200 score=0.9{int:1-9}'], 60);
      b.burst('edge-shield', 'warn', ['volumetric anomaly: {int:80-160}k rps from {int:9000-30000} sources, UDP/443 and HTTP GET flood on /', 'mitigation profile "l7-flood-v3" engaged by ddos-autopilot'], attack, '-55m', 12);
      b.change('-1h05m', 'edge-shield', 'config', 'ddos-autopilot: engage mitigation profile l7-flood-v3 (rate limit 20 rps per IP on /)', { author: 'ddos-autopilot', source: 'edge-config-api', version: 'edge-rules v9812' });
      b.change(on, 'edge-shield', 'config', 'ddos-autopilot: add rule ddos-auto-7731 block JA3 group 0x3c for ASN list [] (attack fingerprint refresh)', { author: 'ddos-autopilot', source: 'edge-config-api', version: 'edge-rules v9813', previousVersion: 'edge-rules v9812' });
      b.burst('edge-shield', 'warn', ['block {ip} POST /login/password 403 rule=ddos-auto-7731 ja3=771,4865-4866-4867 asn=AS{pick:786|5089|2856|5378} ua="Mozilla/5.0 ({pick:Windows NT 10.0|Macintosh|iPhone}…)" score=0.9{int:1-9}', 'rule ddos-auto-7731 matched {int:85-99}% of requests in last 60s (asn list empty: matching all ASNs)'], on, '-0s', 70);
      b.burst('sso-portal', 'warn', ['login page assets failed for {int:20-60}% of sessions (403 from edge)', 'drop in POST /login/password: {int:40-70}% below forecast'], '-22m', '-0s', 15);
      b.change('-2h30m', 'idp-core', 'deployment', 'idp-core 7.3.0: SAML metadata refresh', { version: '7.3.0', previousVersion: '7.2.4', author: 'iam-ci' });
      b.alert(attack, 'ddos-autopilot', 'VolumetricAttackDetected', 'firing');
      b.alert('-15m', 'course-site', 'course-site availability < 95%', 'firing');
    },
    expected: { service: 'edge-shield', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Microsoft 365 DDoS mitigation error, Jul 2024',
      clue: 'The attack and first mitigation (-70, -65 min) are absorbed; logins only fail from the second automated rule at -25 min, whose empty ASN list makes it block ~90% of legitimate, high-score clients (403s at the edge, fewer requests reaching the portal).',
    },
  },
  {
    name: 'translation-sync-jobs-delayed',
    description: 'Translation platform: repository sync jobs are delayed by more than half an hour after the git host recovered from its own outage.',
    at: '2026-02-17T15:20:00Z',
    tz: 1,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'sync-scheduler',
      startsAt: '-1m',
      title: 'sync-scheduler: oldest pending repo sync older than 30 min',
      severity: 'P2',
      x: { details: { service: 'sync-scheduler', metric: 'sync_oldest_pending_seconds', value: '2140' }, tags: ['prometheus', 'team:integrations'], alertSource: 'Prometheus', teams: ['integrations'] },
    },
    topology: {
      'git-host': ['hook-ingest'],
      'hook-ingest': ['sync-queue', 'projects-db'],
      'sync-scheduler': ['sync-queue', 'projects-db', 'string-store'],
      'translator-ui': ['web-app'],
      'web-app': ['projects-db', 'string-store'],
      'mt-engine': ['string-store'],
    },
    external: ['git-host'],
    build(b) {
      const on = '-38m';
      golden(b, 'hook-ingest', 'prom', { rps: 45, p95: 90, err: 0.001, diurnal: 0.3, fx: { rps: [{ at: on, to: 560, noise: 0.08 }], lat: [{ at: on, until: '-30m', to: 9500 }], err: [{ at: '-33m', to: 0.35 }] } });
      usage(b, 'hook-ingest', 'prom', { cpu: 0.3, mem: 600e6, cpuFx: [{ at: on, to: 0.99, noise: 0.005 }] });
      b.series('hook-ingest', 'hook_ingest_workers_busy', { unit: 'workers', base: 4, noise: 0.3, int: true, max: 32, fx: [{ at: on, to: 32, noise: 0 }] });
      b.series('sync-queue', 'rabbitmq_queue_messages_ready', { unit: 'messages', labels: { queue: 'repo-sync' }, base: 40, noise: 0.4, int: true, fx: [{ at: on, until: '-0s', to: 21000 }] });
      b.series('sync-scheduler', 'sync_oldest_pending_seconds', { unit: 's', base: 30, noise: 0.3, fx: [{ at: '-35m', until: '-0s', to: 2140 }] });
      golden(b, 'web-app', 'prom', { rps: 120, p95: 210, err: 0.003, diurnal: 0.3 });
      b.noise('mt-engine', 'warn', ['segment {int:1-999} exceeded 512 tokens, split', 'glossary term conflict in project {int:100-999}'], 20);
      b.noise('hook-ingest', 'info', ['accepted delivery {uuid} event=push repo=org-{int:1-400}/app-{int:1-50}'], 120, { to: on });
      b.burst('hook-ingest', 'info', ['accepted delivery {uuid} event=push repo=org-{int:1-400}/app-{int:1-50} (redelivery, original timestamp 13:{int:10-59})'], on, '-0s', 60);
      b.burst('hook-ingest', 'error', ['worker pool saturated (32/32 busy), responding 503 to delivery {uuid}', 'request queue full (1024), shedding delivery {uuid}'], '-33m', '-0s', 60);
      b.change('-55m', 'sync-scheduler', 'deployment', 'sync-scheduler 1.30.0: per-branch sync priorities', { version: '1.30.0', previousVersion: '1.29.2', author: 'int-ci' });
      b.change('-12m', 'sync-scheduler', 'config', 'max_concurrent_syncs 50 -> 80', { author: 'oncall-ec' });
      b.alert('-1h35m', 'git-host', 'git host status: Webhook deliveries delayed (incident)', 'resolved');
      b.alert('-40m', 'git-host', 'git host status: Delivering queued webhooks; you may receive a burst of events', 'firing');
      b.alert('-30m', 'web-app', 'RabbitMQQueueBacklog repo-sync', 'firing');
      b.trace('-1h50m', on, 6, () => srv('hook-ingest', 'POST /hooks/git', 60, [db('hook-ingest', 'projects-db', 'SELECT id FROM repos WHERE full_name = $1', 3), client('hook-ingest', 'sync-queue', 'publish repo-sync', 2, { 'messaging.system': 'rabbitmq' })]), { ref: true });
      b.trace('-35m', '-1m', 8, () => srv('hook-ingest', 'POST /hooks/git', 9000, [db('hook-ingest', 'projects-db', 'SELECT id FROM repos WHERE full_name = $1', 4)], true, { 'http.status_code': 503 }));
    },
    expected: { service: 'hook-ingest', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'CircleCI, Jul 2015 (a flood of GitHub hooks)',
      clue: 'Webhook deliveries jump 12x (redeliveries from the git host\'s backlog) and hook-ingest pins CPU and all 32 workers, shedding with 503; nothing in it changed. The scheduler deploy is older and its concurrency change is after onset.',
    },
  },
  {
    name: 'clinic-booking-site-down',
    description: 'Clinic appointment booking: patients cannot load the booking site; an extortion email arrived this morning.',
    at: '2026-03-24T13:12:00Z',
    tz: -4,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'booking-web',
      startsAt: '-5m',
      title: 'booking-web availability below 95% (Pingdom)',
      x: { urgency: 'high', teams: ['Booking'], policy: 'Booking SRE' },
    },
    topology: {
      'edge-proxy': ['booking-web', 'booking-api'],
      'booking-web': ['booking-api'],
      'booking-api': ['appointments-db', 'reminder-svc', 'calendar-sync'],
      'reminder-svc': ['sms-provider'],
      'calendar-sync': ['clinic-ehr'],
    },
    external: ['sms-provider', 'clinic-ehr'],
    build(b) {
      const on = '-16m';
      b.series('edge-proxy', 'nginx_http_requests:rate1m', { unit: 'req/s', base: 420, diurnal: 0.35, noise: 0.05, fx: [{ at: on, until: '-12m', to: 31000, noise: 0.1 }] });
      b.series('edge-proxy', 'node_network_receive_bytes:rate1m', { unit: 'bytes/s', labels: { device: 'ens5' }, base: 3.1e7, diurnal: 0.3, fx: [{ at: on, until: '-12m', to: 1.24e9, noise: 0.01 }] });
      b.series('edge-proxy', 'node_netstat_TcpExt_SyncookiesSent:rate1m', { unit: '1/s', base: 0, noise: 0, fx: [{ at: on, to: 45000, noise: 0.2 }] });
      b.series('edge-proxy', 'node_cpu_utilisation:ratio', { unit: 'ratio', base: 0.2, diurnal: 0.2, max: 1, fx: [{ at: on, to: 0.98, noise: 0.01 }] });
      golden(b, 'booking-web', 'prom', { rps: 150, p95: 240, err: 0.002, diurnal: 0.35, fx: { rps: [{ at: on, x: 0.25 }] } });
      golden(b, 'booking-api', 'prom', { rps: 260, p95: 130, err: 0.002, diurnal: 0.35, fx: { rps: [{ at: on, x: 0.3 }] } });
      golden(b, 'reminder-svc', 'prom', { rps: 6, p95: 600, err: 0.04, diurnal: 0.2, always: { err: [{ at: '-3h', to: 0.05 }] } });
      b.noise('reminder-svc', 'error', ['sms-provider rejected +1{int:200-999}{int:1000000-9999999}: 21610 recipient unsubscribed', 'sms-provider 400: invalid number format for patient {int:10000-99999}'], 30);
      b.noise('edge-proxy', 'info', ['{ip} "GET /book/{int:100-999} HTTP/2.0" 200 {int:2000-9000} rt=0.0{int:10-99}'], 100);
      b.burst('edge-proxy', 'warn', ['kernel: TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.', 'limiting requests, excess: {int:20-99}.{int:100-999} by zone "perip", client: {int:1-223}.{int:0-255}.{int:0-255}.{int:1-254}', 'worker_connections are not enough (16384) while connecting to upstream', 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: {int:1-223}.{int:0-255}.{int:0-255}.{int:1-254}'], on, '-0s', 80);
      b.change('-1h10m', 'booking-api', 'deployment', 'booking-api 12.4.0: waitlist notifications', { version: '12.4.0', previousVersion: '12.3.6', author: 'gh-actions' });
      b.change('-6m', 'edge-proxy', 'config', 'enable limit_req 10r/s per IP on / (mitigation)', { author: 'oncall-rb' });
      b.rt('-9m', 'booking-web', 'unhealthy', 'liveness probe failed via edge health path', 3);
      b.alert('-12m', 'booking-api', 'BookingAPIRequestsDropped', 'firing');
    },
    expected: { service: 'edge-proxy', kind: 'traffic_surge', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'Basecamp DDoS extortion, Mar 2014',
      clue: 'Requests at the edge go from ~400/s to ~30k/s and inbound bandwidth to ~10 Gb/s with SYN cookies and per-IP limits firing; the app tiers behind it get less traffic, not errors. The mitigation config is after onset.',
    },
  },
  {
    name: 'donor-crm-permission-errors',
    description: 'Nonprofit donor CRM: donation pages, gift processing and nightly reports start failing with permission errors at once.',
    at: '2026-09-20T17:25:00Z',
    tz: -4,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'donor-api',
      startsAt: '-2m',
      title: 'donor-api error rate above 5%',
      description: 'Error rate on service:donor-api is 41.7% (threshold 5%). Notify @opsgenie-crm',
      x: { tags: ['service:donor-api', 'env:prod', 'team:crm', 'version:2026.9.18'], metric: 'trace.http.request.errors', priority: 'P1' },
    },
    topology: {
      'donor-web': ['donor-api'],
      'donor-api': ['authz-policy', 'secrets-broker', 'donor-db', 'gift-processor'],
      'gift-processor': ['secrets-broker', 'donor-db', 'card-processor'],
      'reports-worker': ['secrets-broker', 'donor-db', 'authz-policy'],
      'secrets-broker': ['authz-policy', 'kms'],
    },
    external: ['card-processor', 'kms'],
    build(b) {
      const on = '-13m';
      golden(b, 'donor-api', 'dd', { rps: 70, p95: 180, err: 0.003, diurnal: 0.3, fx: { err: [{ at: '-12m', to: 0.42 }] } });
      golden(b, 'gift-processor', 'dd', { rps: 9, p95: 900, err: 0.004, diurnal: 0.3, fx: { err: [{ at: '-11m', to: 0.8 }] } });
      golden(b, 'secrets-broker', 'dd', { rps: 40, p95: 15, err: 0.001, diurnal: 0.2, fx: { err: [{ at: on, to: 0.7 }] } });
      golden(b, 'authz-policy', 'dd', { rps: 300, p95: 4, err: 0.0005, diurnal: 0.2 });
      b.series('authz-policy', 'authz.decisions.deny', { unit: 'decision/s', base: 0.3, noise: 0.4, fx: [{ at: on, to: 31, noise: 0.1 }], labels: { env: 'prod' } });
      b.noise('reports-worker', 'warn', ['report {pick:lapsed-donors|gift-aid|major-gifts} row count differs from yesterday by {int:11-40}%', 'slow query on donor-db: {int:2-9}s'], 12);
      b.noise('gift-processor', 'warn', ['card-processor returned soft decline 05 for gift {int:100000-999999}'], 15);
      b.change(on, 'authz-policy', 'config', 'policy bundle v412: least-privilege cleanup, remove legacy wildcard grant role:service-accounts -> secrets:read', { author: 'sec-platform', source: 'opa-bundles', version: 'v412', previousVersion: 'v411' });
      b.change('-1h20m', 'gift-processor', 'deployment', 'gift-processor 3.2.0: recurring gift proration', { version: '3.2.0', previousVersion: '3.1.9', author: 'crm-ci' });
      b.change('-5m', 'donor-api', 'deployment', 'donor-api restart with cached credentials disabled (mitigation attempt)', { version: '2026.9.18', previousVersion: '2026.9.18', author: 'oncall-ab' });
      b.burst('secrets-broker', 'warn', ['deny read secret/prod/{pick:donor-db|card-processor|smtp} for principal svc:{pick:donor-api|gift-processor|reports-worker}: policy bundle v412 has no matching allow'], on, '-0s', 50);
      b.burst('donor-api', 'error', ['PermissionDenied: secrets-broker refused secret/prod/donor-db for svc:donor-api (403, bundle v412)', 'db credential refresh failed, closing pool: PermissionDenied'], '-12m', '-0s', 40);
      b.burst('gift-processor', 'error', ['cannot charge gift {int:100000-999999}: card-processor API key unavailable: PermissionDenied (403)'], '-11m', '-0s', 25);
      b.burst('reports-worker', 'error', ['report run aborted: PermissionDenied reading secret/prod/donor-db'], '-10m', '-0s', 6);
      b.exc('-12m', 'donor-api', 'SecretsBroker::PermissionDenied', 'principal svc:donor-api lacks secrets:read on secret/prod/donor-db (bundle v412)', 420, 'CredentialRefresher#call');
      b.trace('-1h50m', on, 6, () => srv('donor-api', 'POST /donations', 200, [srv('secrets-broker', 'GET secret', 6, [srv('authz-policy', 'decide', 2)]), db('donor-api', 'donor-db', 'INSERT INTO donations VALUES ($1,$2,$3)', 12)]), { ref: true });
      b.trace('-12m', '-1m', 8, () => srv('donor-api', 'POST /donations', 30, [srv('secrets-broker', 'GET secret', 5, [srv('authz-policy', 'decide', 2, [], false, { 'authz.result': 'deny', 'authz.bundle': 'v412' })], true, { 'http.status_code': 403 })], true));
    },
    expected: { service: 'authz-policy', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Salesforce permissions change, Sep 2023',
      clue: 'A policy bundle removing a wildcard grant at onset; deny decisions jump from ~0 to 30/s and three different callers fail with 403 naming bundle v412. The gift-processor deploy is older; the donor-api restart is after onset.',
    },
  },
  {
    name: 'research-mirror-500s',
    description: 'Research computing package mirror: installs on the cluster fail with 500s and checksum errors from the mirror API.',
    at: '2026-01-24T06:35:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'generic',
      service: 'mirror-api',
      startsAt: '-8m',
      title: 'mirror-api 5xx > 20% for 5m',
      severity: 'high',
      description: 'From the campus monitoring bridge (Zabbix trigger 41877).',
      x: { labels: { zabbix_trigger: '41877', host: 'mirror-api-1' }, environment: 'prod', dedupKey: 'zbx-41877' },
    },
    topology: {
      'hpc-clients': ['mirror-web'],
      'mirror-web': ['mirror-api'],
      'mirror-api': ['mirror-db', 'tarball-store'],
      replicator: ['upstream-registry', 'mirror-db', 'tarball-store'],
      'mirror-search': ['mirror-db'],
    },
    external: ['upstream-registry'],
    build(b) {
      const on = '-20m';
      golden(b, 'mirror-api', 'prom', { rps: 30, p95: 80, err: 0.002, diurnal: 0.2, fx: { err: [{ at: on, to: 0.46 }] } });
      b.series('mirror-db', 'couchdb_httpd_status_codes:rate1m', { unit: '1/s', labels: { code: '500' }, base: 0.01, noise: 0.5, fx: [{ at: on, to: 14, noise: 0.1 }] });
      b.series('mirror-db', 'couchdb_open_os_files', { unit: 'files', base: 210, noise: 0.03, int: true, fx: [{ at: '-22m', to: 420 }] });
      b.series('mirror-db', 'process_count', { unit: 'processes', labels: { comm: 'beam.smp' }, base: 1, noise: 0, int: true, fx: [{ at: '-22m', to: 2, noise: 0 }] });
      golden(b, 'mirror-search', 'prom', { rps: 4, p95: 400, err: 0.01, diurnal: 0.2, always: { err: [{ at: '-3h', to: 0.015 }] } });
      b.noise('replicator', 'warn', ['upstream-registry 429 Too Many Requests, backing off {int:10-60}s', 'skipping package {pick:left-pad|numpy|r-lme4|torch}@{int:1-9}.{int:0-20}.{int:0-9}: upstream tarball 404'], 20);
      b.noise('mirror-search', 'error', ['search index rebuild incomplete: {int:1-9} shards missing'], 6);
      b.change('-40m', 'mirror-db', 'deployment', 'db-supervisor 2.0.0 (multi-primary support; replaces runit scripts)', { version: '2.0.0', previousVersion: '1.4.3', author: 'rc-ops', commit: '3c1e9aa' });
      b.change('-1h30m', 'mirror-web', 'deployment', 'mirror-web 0.9.4: dark mode', { version: '0.9.4', previousVersion: '0.9.3', author: 'rc-web' });
      b.change('-3m', 'mirror-api', 'config', 'serve stale metadata from cache on db 5xx (mitigation)', { author: 'oncall-jt' });
      b.rt('-39m', 'mirror-db', 'restart', 'db-supervisor: started couchdb (pid 4121)');
      b.rt('-22m', 'mirror-db', 'restart', 'db-supervisor: health check timed out, started couchdb (pid 4188) without stopping pid 4121');
      b.log('-22m', 'mirror-db', 'warn', 'db-supervisor[3310]: previous instance pid 4121 not in pidfile /run/couchdb/couchdb.pid (multi-primary layout), assuming dead');
      b.burst('mirror-db', 'error', ['[error] couch_file: checksum mismatch reading registry.couch at offset {int:100000000-900000000}', '[error] file_corruption: registry.couch, block {int:10000-99999}', '[error] two writers detected on registry.couch (pids 4121, 4188): header mismatch'], '-21m', '-0s', 50);
      b.burst('mirror-api', 'error', ['GET /{pick:numpy|r-lme4|torch|scipy} 500: mirror-db returned {"error":"file_corruption","reason":"checksum mismatch"}'], '-20m', '-0s', 40);
      b.exc('-20m', 'mirror-api', 'CouchError', 'file_corruption: checksum mismatch', 380, 'MetadataHandler.get');
    },
    expected: { service: 'mirror-db', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'runtime', 'logs'] },
    readme: {
      model: 'npm registry, Jan 2014 (new supervision code started two CouchDB processes on one file)',
      clue: 'The database host got a new supervisor 40 min earlier; at -22 min it starts a second CouchDB on the same file without stopping the first, and checksum-mismatch corruption follows at once. The mirror-web deploy is unrelated, the API config change is after onset.',
    },
  },
  {
    name: 'game-studio-builds-failing',
    description: 'Mobile game studio build farm: iOS builds fail in large numbers since mid-morning; Android builds are fine.',
    at: '2026-08-04T10:48:00Z',
    tz: 2,
    window: '-3h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'grafana',
      service: 'pipeline-api',
      startsAt: '-6m',
      title: 'Build failure ratio above 30% (pipeline-api)',
      severity: 'warning',
      x: { alertname: 'BuildFailureRatioHigh', labels: { team: 'build-infra', platform: 'all' }, values: { A: 0.44, B: 1 }, dashboard: 'build-farm' },
    },
    topology: {
      'pipeline-api': ['build-scheduler', 'results-db'],
      'build-scheduler': ['build-runner', 'artifact-store', 'results-db'],
      'build-runner': ['artifact-store', 'license-server', 'apple-notary'],
      'android-runner': ['artifact-store', 'license-server'],
      'license-server': [],
    },
    external: ['apple-notary'],
    build(b) {
      const on = '-52m';
      b.series('pipeline-api', 'builds_failed:ratio_rate15m', { unit: 'ratio', base: 0.06, noise: 0.2, fx: [{ at: on, until: '-35m', to: 0.44 }] });
      b.series('build-runner', 'runner_builds_failed:ratio_rate15m', { unit: 'ratio', labels: { image: 'macos14-xcode16-2026.08.04' }, base: 0.05, noise: 0.2, ref: false, from: on, fx: [{ at: on, to: 0.78 }] });
      b.series('build-runner', 'runner_builds_failed:ratio_rate15m', { unit: 'ratio', labels: { image: 'macos14-xcode16-2026.07.21' }, base: 0.05, noise: 0.2 });
      b.series('android-runner', 'runner_builds_failed:ratio_rate15m', { unit: 'ratio', labels: { image: 'ubuntu22-android35-2026.07.28' }, base: 0.07, noise: 0.2 });
      golden(b, 'pipeline-api', 'prom', { rps: 8, p95: 120, err: 0.002, diurnal: 0.3 });
      b.series('license-server', 'license_seats_in_use', { unit: 'seats', base: 40, diurnal: 0.4, noise: 0.05, int: true });
      b.noise('android-runner', 'warn', ['gradle: deprecated API usage in module :game-core', 'sdkmanager: package build-tools;35.0.0 already installed'], 30);
      b.noise('license-server', 'error', ['seat checkout denied for user build-{int:1-90}: pool "unity-pro" exhausted, queued'], 8);
      b.change(on, 'build-runner', 'deployment', 'runner image macos14-xcode16-2026.08.04 rolled to pool ios-main (100%)', { version: 'macos14-xcode16-2026.08.04', previousVersion: 'macos14-xcode16-2026.07.21', author: 'packer-ci', source: 'image-pipeline' });
      b.change('-2h40m', 'pipeline-api', 'deployment', 'pipeline-api 4.8.0: build badges', { version: '4.8.0', previousVersion: '4.7.3', author: 'build-infra-ci' });
      b.change('-20m', 'build-scheduler', 'config', 'auto-retry failed iOS builds 0 -> 2', { author: 'oncall-fv' });
      b.burst('build-runner', 'error', ['xcodebuild: error: Unable to find a destination matching { platform:iOS Simulator, OS:17.5, name:iPhone 15 } (image macos14-xcode16-2026.08.04)', '[!] CocoaPods could not find compatible versions for pod "FirebaseCrashlytics": ruby 3.3 gem path changed in image macos14-xcode16-2026.08.04', 'fastlane: /usr/local/bin/pod: bad interpreter: /usr/local/opt/ruby@3.1/bin/ruby: no such file or directory'], '-50m', '-0s', 70);
      b.noise('build-runner', 'info', ['build {int:100000-999999} succeeded on image macos14-xcode16-2026.07.21 in {int:9-25}m'], 20);
      b.trace('-2h50m', on, 6, () => srv('build-scheduler', 'run ios build', 900000, [srv('build-runner', 'xcodebuild archive', 800000, [], false, { 'runner.image': 'macos14-xcode16-2026.07.21' })]), { ref: true });
      b.trace('-50m', '-5m', 8, () => srv('build-scheduler', 'run ios build', 90000, [srv('build-runner', 'xcodebuild archive', 80000, [], true, { 'runner.image': 'macos14-xcode16-2026.08.04' })], true));
    },
    expected: { service: 'build-runner', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Travis CI, 2018 (a build image update)',
      clue: 'Failures appear only on the new runner image rolled at onset (the old image\'s series stays at 5%), with errors about missing simulators and a changed Ruby path in that image. The pipeline-api deploy is hours old; the retry config is after onset.',
    },
  },
  {
    name: 'telehealth-visits-slow-morning',
    description: 'Telehealth platform: patients wait a long time to join video visits once clinics open; average server CPU looks fine.',
    at: '2026-10-05T13:25:00Z',
    tz: -4,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'visit-api',
      startsAt: '-5m',
      title: 'visit-api latency SLO burn rate 14x (1h window)',
      severity: 'page',
      x: { alertname: 'LatencySLOBurn', labels: { slo: 'visit-join-p95', namespace: 'telehealth' }, expr: 'slo:visit_join_latency:burnrate1h > 14' },
    },
    topology: {
      'patient-app': ['visit-router'],
      'clinician-app': ['visit-router'],
      'visit-router': ['visit-api'],
      'visit-api': ['visits-db', 'video-broker', 'ehr-adapter'],
      'ehr-adapter': ['ehr-vendor'],
      'video-broker': ['turn-relay'],
    },
    external: ['ehr-vendor', 'turn-relay'],
    build(b) {
      const on = '-30m';
      b.series('visit-router', 'router_queue_wait_seconds:p95', { unit: 's', base: 0.01, noise: 0.3, fx: [{ at: on, until: '-10m', to: 6.2 }] });
      b.series('visit-router', 'router_requests:rate1m', { unit: 'req/s', base: 150, diurnal: 0.5, noise: 0.05 });
      b.series('visit-api', 'http_request_duration_seconds:p95', { unit: 's', base: 0.28, noise: 0.08, fx: [{ at: on, x: 1.2 }] });
      b.series('visit-api', 'http_requests:rate5m', { unit: 'req/s', base: 150, diurnal: 0.5, noise: 0.05 });
      for (let i = 0; i < 6; i++) {
        const hot = i === 1 || i === 4;
        b.series('visit-api', 'visit_api_inflight_requests', { unit: 'requests', labels: { pod: `visit-api-7c9d5f8b6-${['k2x9p', 'q7z4m', 'w8r2t', 'h5n6c', 'b2v9x', 'j4l7d'][i]}` }, base: 2, noise: 0.4, int: true, fx: hot ? [{ at: on, until: '-10m', to: 34 }] : [] });
      }
      b.series('visit-api', 'container_cpu_usage:ratio', { unit: 'ratio', base: 0.35, diurnal: 0.3, noise: 0.06 });
      golden(b, 'ehr-adapter', 'prom', { rps: 3, p95: 18000, err: 0.01, diurnal: 0.4, always: { lat: [{ at: '-3h', to: 19000 }] } });
      b.noise('ehr-adapter', 'warn', ['ehr-vendor chart export took {int:12-25}s for patient {int:100000-999999}', 'ehr-vendor FHIR paging: following next link {int:2-9}/9'], 20);
      b.noise('visit-router', 'info', ['router.strategy=random backends=6 (unchanged)'], 2);
      b.burst('visit-router', 'warn', ['dispatch POST /visits/{int:100000-999999}/join -> {pick:visit-api-7c9d5f8b6-q7z4m|visit-api-7c9d5f8b6-b2v9x} queue_depth={int:20-40} wait_ms={int:2500-9000} (idle backends: {int:3-4})', 'request waited {int:3000-9000}ms for a connection slot on busy backend while {int:3-4} backends had 0 in-flight (strategy=random)'], on, '-0s', 60);
      b.burst('visit-api', 'info', ['GET /visits/{int:100000-999999}/ehr-export 200 {int:12000-25000}ms (holding worker)'], on, '-0s', 25);
      b.change('-1h40m', 'video-broker', 'deployment', 'video-broker 2.19.0: simulcast layers for low bandwidth', { version: '2.19.0', previousVersion: '2.18.4', author: 'rtc-ci' });
      b.change('-45m', 'visit-api', 'scaling', 'visit-api HPA 4 -> 6 replicas (morning clinic opening)', { source: 'hpa' });
      b.trace('-1h50m', on, 6, () => srv('visit-router', 'POST /visits/{id}/join', 300, [srv('visit-api', 'join visit', 280, [db('visit-api', 'visits-db', 'SELECT * FROM visits WHERE id = $1', 6), srv('video-broker', 'CreateRoomToken', 40)])]), { ref: true });
      b.trace(on, '-1m', 10, () => srv('visit-router', 'POST /visits/{id}/join', 6400, [srv('visit-api', 'join visit', 300, [db('visit-api', 'visits-db', 'SELECT * FROM visits WHERE id = $1', 6), srv('video-broker', 'CreateRoomToken', 42)], false, { 'router.queue_wait_ms': 6050 })], false, { 'router.strategy': 'random' }));
    },
    expected: { service: 'visit-router', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'Heroku routing (random routing under load)',
      clue: 'Time is spent queueing in the router, not in visit-api (its server-side p95 barely moves); two backends hold 30+ in-flight requests behind slow EHR exports while the others sit idle, and the router logs that it picked busy backends at random. No change explains it.',
    },
  },
  {
    name: 'school-texts-sent-repeatedly',
    description: 'School messaging platform: parents receive old announcements again and again by text; SMS spend is spiking.',
    at: '2026-09-08T12:14:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'sms-outbox',
      startsAt: '-3m',
      title: 'SMS send volume 25x forecast',
      severity: 'P1',
      x: { details: { service: 'sms-outbox', forecast_per_min: '180', observed_per_min: '4620' }, tags: ['cost-anomaly', 'sms'], alertSource: 'Grafana', teams: ['messaging'] },
    },
    topology: {
      'teacher-app': ['msg-api'],
      'msg-api': ['msg-db', 'notify-dispatcher'],
      'notify-dispatcher': ['sms-outbox', 'email-outbox', 'push-outbox', 'msg-db'],
      'sms-outbox': ['sms-provider'],
      'email-outbox': ['ses'],
      'flag-service': ['notify-dispatcher'],
    },
    external: ['sms-provider', 'ses'],
    build(b) {
      const on = '-19m';
      b.series('sms-outbox', 'outbox_messages_sent:rate1m', { unit: 'msg/s', base: 3, diurnal: 0.5, noise: 0.1, fx: [{ at: on, until: '-15m', to: 77 }] });
      b.series('notify-dispatcher', 'dispatch_jobs:rate1m', { unit: 'jobs/s', labels: { host: 'dispatcher-7' }, base: 0.4, noise: 0.2, fx: [{ at: on, to: 9 }] });
      b.series('notify-dispatcher', 'dispatch_jobs:rate1m', { unit: 'jobs/s', labels: { host: 'dispatcher-3' }, base: 0.4, noise: 0.2 });
      b.series('email-outbox', 'outbox_messages_sent:rate1m', { unit: 'msg/s', base: 6, diurnal: 0.5, noise: 0.1 });
      golden(b, 'msg-api', 'prom', { rps: 20, p95: 90, err: 0.002, diurnal: 0.5 });
      b.noise('push-outbox', 'warn', ['apns token expired for device {hex:10}, pruning'], 30);
      b.noise('sms-outbox', 'error', ['sms-provider 21610: recipient +1{int:200-999}{int:1000000-9999999} has opted out'], 12);
      b.change('-1h50m', 'notify-dispatcher', 'deployment', 'notify-dispatcher 6.0.0 to 7/8 hosts (dispatcher-7 skipped: host unreachable during rollout)', { version: '6.0.0', previousVersion: '5.2.1', author: 'deploy-bot' });
      b.change(on, 'notify-dispatcher', 'feature_flag', 'enable flag fanout_v2 for all districts (new batched fan-out in 6.0.0)', { author: 'pm-lmoreno', source: 'flag-service' });
      b.change('-5m', 'sms-outbox', 'config', 'sms-outbox rate cap 100/s -> 20/s (mitigation)', { author: 'oncall-kt' });
      b.burst('notify-dispatcher', 'warn', ['[dispatcher-7 v5.2.1] fanout_v2=on: replaying archived broadcast {int:10000-99999} to {int:200-900} recipients (legacy resend-test mode)'], on, '-0s', 60, { host: 'dispatcher-7', version: '5.2.1' });
      b.burst('notify-dispatcher', 'info', ['[dispatcher-3 v6.0.0] fanout_v2=on: batched fan-out for broadcast {int:100000-109999}'], on, '-0s', 10, { host: 'dispatcher-3', version: '6.0.0' });
      b.burst('msg-api', 'warn', ['inbound SMS reply from +1{int:200-999}{int:1000000-9999999}: "STOP" (broadcast {int:10000-99999} received {int:3-9} times)', 'parent reply "why am I getting the snow day message again?" on broadcast {int:10000-99999}'], '-15m', '-0s', 30);
      b.alert('-8m', 'msg-api', 'STOPRepliesSpike', 'firing');
    },
    expected: { service: 'notify-dispatcher', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'Knight Capital, Aug 2012 (dead code reactivated by a reused flag), as a school messaging dispatcher',
      clue: 'The flag flip at onset; only dispatcher-7, which the rollout skipped and still runs 5.2.1, reads fanout_v2 in its old meaning and replays archived broadcasts; its job rate alone jumps. The deploy is 2 h old and does not itself resend; turning the flag off stops it.',
    },
  },
];
