import { client, db, golden, srv, usage, GiB } from '../kit.js';
import type { Spec } from '../spec.js';

export const E: Spec[] = [
  {
    name: 'pharmacy-prescriptions-rejected-midnight',
    description: 'E-prescription service: every prescription sent to the national network is rejected since just after midnight UTC.',
    at: '2026-09-01T00:18:00Z',
    tz: 0,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'rx-api',
      startsAt: '-12m',
      title: 'rx-api prescription submission failures > 25%',
      x: { priority: 'P1', teams: ['Pharmacy Integrations'], urgency: 'high' },
    },
    topology: {
      'clinic-emr-bridge': ['rx-api'],
      'pharmacy-portal': ['rx-api'],
      'rx-api': ['rx-gateway', 'formulary-svc', 'rx-db'],
      'rx-gateway': ['national-rx-network'],
      'refill-worker': ['rx-gateway', 'rx-db'],
    },
    external: ['national-rx-network'],
    build(b) {
      const on = '-18m';
      golden(b, 'rx-api', 'prom', { rps: 14, p95: 600, err: 0.004, diurnal: 0.3, fx: { err: [{ at: on, to: 0.58 }] } });
      golden(b, 'rx-gateway', 'prom', { rps: 20, p95: 450, err: 0.002, diurnal: 0.3, fx: { err: [{ at: on, to: 0.99, noise: 0.005 }], lat: [{ at: on, x: 0.1 }] } });
      b.series('rx-gateway', 'x509_cert_expires_in_seconds', { unit: 's', labels: { subject_CN: 'rx-gateway.pharmacy.example', issuer_CN: 'National Rx Network Client CA 2', filepath: '/etc/rx/client.pem' }, base: 6120, noise: 0, signed: true, ref: false, fx: [{ at: '-2h', until: '-0s', add: -7200 }] });
      golden(b, 'formulary-svc', 'prom', { rps: 30, p95: 40, err: 0.01, diurnal: 0.3, always: { err: [{ at: '-3h', to: 0.012 }] } });
      b.noise('formulary-svc', 'warn', ['NDC {int:10000-99999}-{int:100-999}-{int:10-99} not found in formulary 2026Q3, returning generic alternatives'], 20);
      b.noise('rx-gateway', 'info', ['NewRx {uuid} accepted by network (status 010)'], 60, { to: on });
      b.burst('rx-gateway', 'error', ['POST https://switch.national-rx.example/ncpdp/script failed: remote error: tls: expired certificate (SSL alert number 45)', 'mTLS handshake rejected: our client certificate CN=rx-gateway.pharmacy.example notAfter=2026-08-31T23:59:59Z has expired'], on, '-0s', 60);
      b.burst('rx-api', 'error', ['NewRx for patient {int:100000-999999} not delivered: rx-gateway 502 (network TLS handshake failed)'], on, '-0s', 40);
      b.burst('refill-worker', 'warn', ['refill request {int:100000-999999} queued for retry: rx-gateway 502'], on, '-0s', 20);
      b.log('-1h10m', 'rx-gateway', 'warn', 'client certificate /etc/rx/client.pem expires in 1h09m (renewal job last succeeded 2026-06-02)');
      b.change('-1h', 'rx-api', 'deployment', 'rx-api 6.20.1: controlled substance schedule update', { version: '6.20.1', previousVersion: '6.20.0', author: 'rx-ci' });
      b.rt('-40m', 'refill-worker', 'restart', 'nightly restart (cron)');
      b.trace('-1h50m', on, 6, () => srv('rx-api', 'POST /prescriptions', 700, [srv('rx-gateway', 'send NewRx', 600, [client('rx-gateway', 'national-rx-network', 'POST /ncpdp/script', 550, { 'http.status_code': 200 })])]), { ref: true });
      b.trace(on, '-1m', 8, () => srv('rx-api', 'POST /prescriptions', 80, [srv('rx-gateway', 'send NewRx', 60, [client('rx-gateway', 'national-rx-network', 'POST /ncpdp/script', 40, { 'error.type': 'tls_alert_certificate_expired' }, true)], true)], true));
    },
    expected: { service: 'rx-gateway', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'An expired credential of ours towards a partner (mTLS client certificate)',
      clue: 'At 00:00 UTC our own client certificate (notAfter 23:59:59) expires, the expiry metric crosses zero and the network answers every handshake with "certificate expired"; all callers of rx-gateway fail the same way. The rx-api deploy is older.',
    },
  },
  {
    name: 'legal-review-uploads-hang',
    description: 'Legal document review: contract analyses hang and the review API times out for every customer after one large upload.',
    at: '2026-03-19T16:02:00Z',
    tz: 0,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'review-api',
      startsAt: '-3m',
      title: 'review-api p95 latency above 10s',
      description: 'p95 of trace.http.request on service:review-api is 28.9s',
      x: { tags: ['service:review-api', 'env:prod', 'team:analysis'], priority: 'P2' },
    },
    topology: {
      'review-web': ['review-api'],
      'review-api': ['clause-parser', 'review-db', 'doc-store'],
      'ingest-worker': ['clause-parser', 'doc-store', 'ocr-svc'],
      'clause-parser': [],
      'search-svc': ['review-db'],
    },
    external: ['doc-store'],
    build(b) {
      const on = '-21m';
      golden(b, 'review-api', 'dd', { rps: 18, p95: 1800, err: 0.004, diurnal: 0.3, fx: { lat: [{ at: '-19m', until: '-10m', to: 29000 }], err: [{ at: '-15m', to: 0.21 }] } });
      golden(b, 'clause-parser', 'dd', { rps: 30, p95: 900, err: 0.002, diurnal: 0.3, fx: { lat: [{ at: on, until: '-12m', to: 30000 }], err: [{ at: '-17m', to: 0.3 }] } });
      usage(b, 'clause-parser', 'dd', { cpu: 0.35, mem: 900e6, cpuFx: [{ at: on, until: '-15m', to: 1, noise: 0.002 }] });
      b.series('clause-parser', 'clause_parser.workers.busy', { unit: 'worker', base: 3, noise: 0.3, int: true, max: 16, fx: [{ at: on, until: '-14m', to: 16, noise: 0 }], labels: { env: 'prod' } });
      golden(b, 'search-svc', 'dd', { rps: 10, p95: 700, err: 0.01, diurnal: 0.3, always: { lat: [{ at: '-3h', to: 1100 }] } });
      b.noise('search-svc', 'warn', ['query "{pick:indemnif*|force majeure|change of control}" matched {int:5000-20000} docs, truncating'], 20);
      b.noise('ocr-svc', 'warn', ['page {int:1-400} low confidence ({int:40-69}%), keeping text layer'], 15);
      b.log('-22m', 'ingest-worker', 'info', 'doc 88123 (tenant lexmar-llp, MSA_final_v19.docx, 48211 chars in one paragraph) sent to clause-parser');
      b.burst('clause-parser', 'error', ['rule DEFINED_TERM timed out after 30000ms on doc 88123 paragraph 1 (input_len=48211, pattern=/("[^"]*"\\s*(,\\s*)?)+\\s*means/)', 'worker {int:1-16} stuck in java.util.regex.Pattern$Loop.match (depth {int:2000-9000}) on doc 88123'], on, '-0s', 50);
      b.burst('ingest-worker', 'warn', ['doc 88123 parse failed (timeout), retry {int:2-6}/6'], '-19m', '-0s', 12);
      b.burst('review-api', 'error', ['analysis for doc {int:80000-89999} failed: clause-parser 504 after 30s'], '-15m', '-0s', 30);
      b.change('-40m', 'ingest-worker', 'deployment', 'ingest-worker 5.6.0: OCR for Polish and Czech', { version: '5.6.0', previousVersion: '5.5.2', author: 'analysis-ci' });
      b.change('-5m', 'clause-parser', 'scaling', 'clause-parser 4 -> 8 pods (mitigation)', { source: 'kubectl' });
      b.exc('-18m', 'clause-parser', 'java.util.concurrent.TimeoutException', 'DEFINED_TERM rule exceeded 30000ms', 140, 'RuleEngine.apply');
      b.trace('-1h50m', on, 6, () => srv('review-api', 'POST /analyses', 1700, [srv('clause-parser', 'parse', 800, []), db('review-api', 'review-db', 'INSERT INTO analyses VALUES ($1,$2)', 9)]), { ref: true });
      b.trace('-19m', '-1m', 8, () => srv('review-api', 'POST /analyses', 30000, [srv('clause-parser', 'parse', 30000, [], true, { 'parser.rule': 'DEFINED_TERM' })], true));
    },
    expected: { service: 'clause-parser', kind: 'code_defect', action: 'none', mustCite: ['logs', 'metrics'] },
    readme: {
      model: 'A latent regular-expression backtracking bug triggered by one document (own choice; ReDoS class)',
      clue: 'One 48k-character paragraph hits a nested-quantifier rule; every parser worker pins a CPU in Pattern$Loop on that doc, retries keep feeding it, and all other analyses queue behind. The ingest-worker deploy only added OCR languages; the scale-out is after onset.',
    },
  },
  {
    name: 'nurse-rota-publish-failing',
    description: 'Hospital staff rostering: ward managers cannot publish rotas this morning; the publish button returns an error.',
    at: '2024-02-29T07:40:00Z',
    tz: 0,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'generic',
      service: 'roster-api',
      startsAt: '-9m',
      title: 'roster-api: POST /rotas/publish errors',
      severity: 'high',
      description: 'Error budget alert from the ward systems status checker.',
      x: { labels: { route: '/rotas/publish', checker: 'statuscake' }, environment: 'prod' },
    },
    topology: {
      'roster-web': ['roster-api'],
      'mobile-rota': ['roster-api'],
      'roster-api': ['roster-engine', 'staff-db', 'payroll-export'],
      'roster-engine': ['staff-db'],
      'payroll-export': ['payroll-sftp'],
      'notify-svc': ['push-provider'],
    },
    external: ['payroll-sftp', 'push-provider'],
    build(b) {
      golden(b, 'roster-api', 'prom', { rps: 6, p95: 300, err: 0.004, diurnal: 0.5, fx: { err: [{ at: '-1h40m', to: 0.3 }] } });
      golden(b, 'roster-engine', 'prom', { rps: 2, p95: 1500, err: 0.002, diurnal: 0.5, fx: { err: [{ at: '-1h40m', to: 0.95, noise: 0.02 }], lat: [{ at: '-1h40m', x: 0.1 }] } });
      golden(b, 'payroll-export', 'prom', { rps: 0.2, p95: 4000, err: 0.05, diurnal: 0.1, always: { err: [{ at: '-3h', to: 0.06 }] } });
      b.noise('payroll-export', 'warn', ['payroll-sftp upload slow ({int:20-60}s) for batch {int:1000-9999}', 'employee {int:10000-99999} missing cost centre, defaulting to ward'], 10);
      b.noise('roster-api', 'info', ['GET /rotas/ward/{pick:A3|B7|C2|ICU|MAU}/week/{int:1-52} 200 {int:40-200}ms'], 30);
      b.burst('roster-engine', 'error', ['generate rolling rota for ward {pick:A3|B7|C2|ICU|MAU} failed: java.time.DateTimeException: Invalid date \'February 29\' as \'2025\' is not a leap year at RotaHorizon.sameDayNextYear(RotaHorizon.java:88)'], '-1h40m', '-0s', 50);
      b.burst('roster-api', 'error', ['POST /rotas/publish 500: roster-engine returned 500 (DateTimeException)'], '-1h40m', '-0s', 30);
      b.log('-1h40m', 'roster-engine', 'info', 'nightly horizon job: extending rotas to 2025-02-29 for 41 wards');
      b.exc('-1h40m', 'roster-engine', 'java.time.DateTimeException', "Invalid date 'February 29' as '2025' is not a leap year", 380, 'RotaHorizon.sameDayNextYear');
      b.change('-1h15m', 'roster-web', 'deployment', 'roster-web 2.40.0: print view', { version: '2.40.0', previousVersion: '2.39.1', author: 'ward-ci' });
      b.change('-12m', 'roster-api', 'config', 'publish retries 1 -> 3', { author: 'oncall-hb' });
      b.alert('-30m', 'mobile-rota', 'MobileRotaSyncStale', 'firing');
    },
    expected: { service: 'roster-engine', kind: 'code_defect', action: 'none', mustCite: ['exceptions', 'logs'] },
    readme: {
      model: 'A leap-day date bug (own choice; latent bug triggered by the calendar)',
      clue: 'From 06:00 on 29 February every rota generation throws DateTimeException computing the same day next year; nothing changed in roster-engine. The roster-web deploy and the retry config are unrelated or after onset.',
    },
  },
  {
    name: 'museum-entry-gates-queueing',
    description: 'Museum timed-entry: check-ins at the gates take many seconds during the summer exhibition; queues form outside.',
    at: '2026-07-25T09:45:00Z',
    tz: 2,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'opsgenie',
      service: 'checkin-svc',
      startsAt: '-3m',
      title: 'checkin-svc: gate scan p95 above 3s',
      severity: 'P2',
      x: { details: { service: 'checkin-svc', p95_seconds: '8.4', gates: 'north,south,east' }, tags: ['gates', 'visitor-ops'], alertSource: 'Grafana', teams: ['visitor-systems'] },
    },
    topology: {
      'gate-kiosk': ['checkin-svc'],
      'checkin-svc': ['tickets-db', 'member-svc', 'turnstile-ctl'],
      'entry-web': ['entry-api'],
      'entry-api': ['tickets-db', 'payments'],
      'member-svc': ['crm-vendor'],
      payments: ['acquirer'],
    },
    external: ['crm-vendor', 'acquirer'],
    build(b) {
      const on = '-25m';
      const grown = { at: '-3h', x: 1.4 };
      golden(b, 'checkin-svc', 'prom', { rps: 9, p95: 180, err: 0.002, diurnal: 0.6, fx: { rps: [grown], lat: [{ at: on, until: '-5m', to: 8400 }], err: [{ at: '-15m', to: 0.04 }] } });
      b.series('checkin-svc', 'hikaricp_connections_active', { unit: 'connections', labels: { pool: 'tickets' }, base: 4, diurnal: 0.6, noise: 0.15, int: true, max: 10, fx: [grown] });
      b.series('checkin-svc', 'hikaricp_connections_max', { unit: 'connections', labels: { pool: 'tickets' }, base: 10, noise: 0, int: true });
      b.series('checkin-svc', 'hikaricp_connections_pending', { unit: 'threads', labels: { pool: 'tickets' }, base: 0, noise: 0, int: true, fx: [{ at: on, until: '-5m', to: 46, noise: 0.1 }] });
      b.series('checkin-svc', 'hikaricp_connections_acquire_seconds:p95', { unit: 's', labels: { pool: 'tickets' }, base: 0.002, noise: 0.3, fx: [{ at: on, until: '-5m', to: 7.9 }] });
      b.series('checkin-svc', 'container_cpu_usage:ratio', { unit: 'ratio', base: 0.18, diurnal: 0.5, noise: 0.08 });
      b.series('tickets-db', 'pg_stat_activity_count', { unit: 'connections', base: 40, diurnal: 0.4, noise: 0.08, int: true });
      b.series('tickets-db', 'pg_settings_max_connections', { unit: 'connections', base: 400, noise: 0, int: true });
      b.series('tickets-db', 'node_cpu_utilisation:ratio', { unit: 'ratio', base: 0.22, diurnal: 0.4, noise: 0.08 });
      golden(b, 'entry-api', 'prom', { rps: 25, p95: 150, err: 0.002, diurnal: 0.6 });
      golden(b, 'member-svc', 'prom', { rps: 3, p95: 1900, err: 0.01, diurnal: 0.6, always: { lat: [{ at: '-3h', to: 2100 }] } });
      b.noise('member-svc', 'warn', ['crm-vendor slow lookup {int:1500-3000}ms for member {int:10000-99999}'], 20);
      b.noise('turnstile-ctl', 'info', ['gate {pick:north|south|east}-{int:1-6} opened for ticket {hex:10}'], 80);
      b.burst('checkin-svc', 'warn', ['HikariPool-tickets - Connection is not available, request timed out after {int:3000-9000}ms (total=10, active=10, idle=0, waiting={int:20-50})', 'scan at gate {pick:north|south|east}-{int:1-6} took {int:3000-9000}ms (waiting for tickets pool)'], on, '-0s', 60);
      b.log('-2h', 'checkin-svc', 'info', 'summer exhibition "Deep Time" day 12: 1.4x visitors vs last weekend forecast, timed slots every 15 min');
      b.change('-1h30m', 'entry-api', 'deployment', 'entry-api 3.11.0: family ticket bundles', { version: '3.11.0', previousVersion: '3.10.4', author: 'visitor-ci' });
      b.change('-4m', 'checkin-svc', 'scaling', 'checkin-svc 3 -> 5 pods (mitigation)', { source: 'kubectl' });
      b.alert('-10m', 'turnstile-ctl', 'GateThroughputLow', 'firing');
    },
    expected: { service: 'checkin-svc', kind: 'resource_exhaustion', action: 'scale_out', mustCite: ['metrics', 'logs'] },
    readme: {
      model: 'A connection pool too small for grown steady load (own choice)',
      clue: 'Visitors are 1.4x last week; check-in\'s pool sits at its 10-connection maximum with 40+ waiters and 8 s acquire times while the database is at 10% of its connections and idle CPU. Nothing changed in check-in; the entry-api deploy is another path.',
    },
  },
  {
    name: 'motor-quotes-slowing-all-day',
    description: 'Motor insurance quoting: quote latency creeps up through the day and brokers now see timeouts; pods restart now and then.',
    at: '2026-03-02T16:30:00Z',
    tz: 0,
    window: '-8h',
    step: 120,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'quote-api',
      startsAt: '-2h10m',
      title: 'quote-api p95 above 2s',
      severity: 'critical',
      x: { alertname: 'QuoteLatencyHigh', serviceLabel: 'service', labels: { namespace: 'quoting', team: 'pricing' }, expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="quote-api"}[5m]))) > 2' },
    },
    topology: {
      'broker-portal': ['quote-api'],
      'aggregator-feed': ['quote-api'],
      'quote-api': ['quote-engine', 'policy-db'],
      'quote-engine': ['rating-tables', 'vehicle-data'],
      'renewal-batch': ['quote-engine'],
      'rating-tables': [],
    },
    external: ['vehicle-data'],
    build(b) {
      golden(b, 'quote-api', 'prom', { rps: 60, p95: 900, err: 0.003, diurnal: 0.3, fx: { lat: [{ at: '-3h', until: '-10m', to: 5200 }], err: [{ at: '-40m', to: 0.05 }] }, step: 120 });
      b.series('quote-engine', 'jvm_memory_used_after_gc_bytes', { unit: 'bytes', labels: { area: 'heap', pool: 'G1 Old Gen' }, base: 2.1 * GiB, noise: 0.01, int: true, fx: [{ at: '-8h', until: '-40m', to: 7.6 * GiB }, { at: '-40m', to: 1.9 * GiB }, { at: '-38m', until: '-0s', to: 7.5 * GiB }] });
      b.series('quote-engine', 'jvm_memory_max_bytes', { unit: 'bytes', labels: { area: 'heap' }, base: 8 * GiB, noise: 0, int: true });
      b.series('quote-engine', 'jvm_gc_pause_seconds:rate5m', { unit: 's/s', base: 0.01, noise: 0.2, fx: [{ at: '-3h', until: '-42m', to: 0.45 }, { at: '-40m', to: 0.01 }, { at: '-36m', until: '-0s', to: 0.5 }] });
      b.series('quote-engine', 'vehicle_cache_entries', { unit: 'entries', base: 1.2e6, noise: 0.01, int: true, fx: [{ at: '-8h', until: '-40m', to: 9.8e6 }, { at: '-40m', to: 0.3e6 }, { at: '-38m', until: '-0s', to: 9.2e6 }] });
      b.series('aggregator-feed', 'quote_requests_new_registration:ratio', { unit: 'ratio', base: 0.04, noise: 0.1, fx: [{ at: '-8h', to: 0.37 }] });
      golden(b, 'rating-tables', 'prom', { rps: 200, p95: 5, err: 0.0005, diurnal: 0.3, step: 120 });
      b.noise('renewal-batch', 'warn', ['policy {int:1000000-9999999} renewal quote differs from last year by {int:31-80}%, flagged'], 10);
      b.noise('quote-engine', 'info', ['quote {hex:8} priced in {int:200-900}ms'], 20, { to: '-3h' });
      b.log('-8h', 'aggregator-feed', 'info', 'March plate change day: new registrations ("26" plates) now quoted');
      b.burst('quote-engine', 'warn', ['[GC (G1 Evacuation Pause) {int:5-7}{int:100-999}M->{int:5-7}{int:100-999}M(8192M), {int:300-900}.{int:100-999}ms]', 'vehicle cache has {int:6-10}.{int:0-9}M entries (no max size configured)'], '-3h', '-0s', 40);
      b.burst('quote-engine', 'error', ['java.lang.OutOfMemoryError: Java heap space at VehicleCache.put(VehicleCache.java:57)'], '-42m', '-40m', 3);
      b.rt('-40m', 'quote-engine', 'restart', 'container quote-engine restarted: exit code 3 (OutOfMemoryError, -XX:+ExitOnOutOfMemoryError)', 2);
      b.change('-1h', 'rating-tables', 'config', 'rating tables 2026-03 (new rate factors for 26-plate vehicles)', { author: 'pricing-actuary', source: 'rates-repo', version: '2026-03', previousVersion: '2026-02' });
      b.alert('-30m', 'broker-portal', 'BrokerQuoteTimeouts', 'firing');
    },
    expected: { service: 'quote-engine', kind: 'resource_exhaustion', action: 'restart', mustCite: ['metrics', 'runtime'] },
    readme: {
      model: 'Heap exhaustion from an unbounded in-process cache under a seasonal working set (own choice)',
      clue: 'Since the plate-change morning the share of new registrations rises tenfold and quote-engine\'s vehicle cache and old-gen heap after GC grow all day to the 8 GiB max; GC time and latency follow, one OOM restart briefly resets it, then it refills. No deploy in the window; the rate tables change does not touch memory.',
    },
  },
  {
    name: 'seedbank-database-cpu-high',
    description: 'Seed bank collections: the inventory database CPU alarm fires and the species pages load slowly.',
    at: '2026-10-21T13:15:00Z',
    tz: 1,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'inventory-db',
      startsAt: '-1m',
      title: 'inventory-db-cpu-high',
      description: 'RDS CPUUtilization > 80% for 15 minutes',
      x: {
        alarmName: 'inventory-db-cpu-high',
        namespace: 'AWS/RDS',
        metric: 'CPUUtilization',
        dims: { DBInstanceIdentifier: 'inventory-db' },
        threshold: 80,
        region: 'eu-west-2',
        regionName: 'EU (London)',
        reason: 'Threshold Crossed: 3 datapoints [96.4 (21/10/26 13:05:00), 95.1 (21/10/26 13:00:00), 91.8 (21/10/26 12:55:00)] were greater than the threshold (80.0).',
      },
    },
    topology: {
      'collections-web': ['catalog-api'],
      'catalog-api': ['inventory-db', 'images-svc'],
      'loans-api': ['inventory-db', 'catalog-api'],
      'germination-tracker': ['inventory-db'],
      'images-svc': ['s3'],
    },
    external: ['s3'],
    build(b) {
      const on = '-27m';
      const L = { DBInstanceIdentifier: 'inventory-db', Statistic: 'Average' };
      b.series('inventory-db', 'CPUUtilization', { unit: 'Percent', base: 21, diurnal: 0.3, max: 100, fx: [{ at: on, to: 95, noise: 0.02 }], labels: L });
      b.series('inventory-db', 'Queries', { unit: 'Count/Second', base: 850, diurnal: 0.3, fx: [{ at: on, x: 6.5 }], labels: L });
      b.series('inventory-db', 'DatabaseConnections', { unit: 'Count', base: 45, noise: 0.08, int: true, fx: [{ at: on, x: 1.6 }], labels: L });
      golden(b, 'catalog-api', 'cw', { rps: 30, p95: 250, err: 0.002, diurnal: 0.3, fx: { lat: [{ at: on, to: 3900 }] } });
      b.series('catalog-api', 'DbQueriesPerRequest', { unit: 'Count', base: 4, noise: 0.1, fx: [{ at: on, to: 186 }], labels: { Statistic: 'Average', Route: 'GET /species/{id}' } });
      golden(b, 'loans-api', 'cw', { rps: 2, p95: 300, err: 0.003, diurnal: 0.3, fx: { lat: [{ at: on, x: 5 }] } });
      b.series('germination-tracker', 'RowsWritten', { unit: 'Count', base: 300, noise: 0.2, int: true, labels: { Statistic: 'Sum' } });
      b.noise('germination-tracker', 'info', ['germination test {int:10000-99999} day {int:1-28}: {int:0-50}/50 germinated'], 20);
      b.noise('images-svc', 'warn', ['TIFF {hex:8} has no embedded colour profile, assuming sRGB'], 12);
      b.change(on, 'catalog-api', 'deployment', 'catalog-api 4.2.0: show accession lots and viability on species page', { version: '4.2.0', previousVersion: '4.1.6', author: 'collections-ci', commit: '5be20f1' });
      b.change('-2h10m', 'images-svc', 'deployment', 'images-svc 1.8.3: WebP thumbnails', { version: '1.8.3', previousVersion: '1.8.2', author: 'collections-ci' });
      b.burst('inventory-db', 'warn', ['Performance Insights: top SQL SELECT * FROM viability_tests WHERE lot_id = $1 ORDER BY tested_on DESC LIMIT 1 ({int:3000-5000} calls/s, from catalog-api)', 'Performance Insights: db.load {int:14-22} AAS, CPU {int:90-99}%'], '-25m', '-0s', 14);
      b.burst('catalog-api', 'warn', ['GET /species/{int:1000-99999} took {int:2000-6000}ms ({int:120-260} queries)'], '-25m', '-0s', 30);
      b.trace('-2h50m', on, 6, () => srv('catalog-api', 'GET /species/{id}', 220, [db('catalog-api', 'inventory-db', 'SELECT * FROM species WHERE id = $1', 4), db('catalog-api', 'inventory-db', 'SELECT * FROM accessions WHERE species_id = $1', 12)]), { ref: true });
      b.trace('-25m', '-1m', 6, () => srv('catalog-api', 'GET /species/{id}', 3800, [db('catalog-api', 'inventory-db', 'SELECT * FROM species WHERE id = $1', 6), db('catalog-api', 'inventory-db', 'SELECT * FROM lots WHERE accession_id = ANY($1)', 30), ...Array.from({ length: 12 }, () => db('catalog-api', 'inventory-db', 'SELECT * FROM viability_tests WHERE lot_id = $1 ORDER BY tested_on DESC LIMIT 1', 18))]));
      b.alert('-15m', 'loans-api', 'LoansLatencyHigh', 'firing');
    },
    expected: { service: 'catalog-api', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'traces'] },
    readme: {
      model: 'A deploy with an N+1 query pattern, alert on the database (own choice)',
      clue: 'The database alarms, but its query rate jumps 6x exactly at catalog-api 4.2.0; that service now issues ~186 queries per species page (one viability query per lot in its traces) and is the top SQL source. The images-svc deploy is older.',
    },
  },
  {
    name: 'crew-app-duties-missing',
    description: 'Airline crew app: pilots and cabin crew see missing duties and errors on their roster screens.',
    at: '2026-11-11T05:35:00Z',
    tz: 0,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'grafana',
      service: 'roster-bff',
      startsAt: '-5m',
      title: 'roster-bff 5xx ratio above 5%',
      severity: 'critical',
      x: { alertname: 'RosterBFFErrors', labels: { env: 'prod', team: 'crew-digital' }, values: { A: 0.14, B: 1 }, dashboard: 'crew-app' },
    },
    topology: {
      'crew-app': ['roster-bff'],
      'roster-bff': ['crew-sync', 'pairing-svc', 'notify'],
      'crew-sync': ['ops-db', 'crew-system'],
      'pairing-svc': ['ops-db'],
      notify: ['push-provider'],
    },
    external: ['crew-system', 'push-provider'],
    build(b) {
      const on = '-19m';
      golden(b, 'roster-bff', 'prom', { rps: 45, p95: 220, err: 0.003, diurnal: 0.3, fx: { err: [{ at: '-17m', to: 0.14 }] } });
      golden(b, 'crew-sync', 'prom', { rps: 12, p95: 300, err: 0.002, diurnal: 0.2, fx: { err: [{ at: on, to: 0.22 }] } });
      b.series('crew-sync', 'crew_sync_duties_upserted:rate5m', { unit: '1/s', base: 40, noise: 0.1, fx: [{ at: on, x: 0.3 }] });
      b.series('crew-sync', 'crew_sync_duties_deleted:rate5m', { unit: '1/s', base: 0.5, noise: 0.3, fx: [{ at: on, to: 22 }] });
      golden(b, 'pairing-svc', 'prom', { rps: 8, p95: 400, err: 0.002, diurnal: 0.2 });
      b.noise('notify', 'warn', ['push-provider: token invalid for device {hex:10}'], 25);
      b.noise('pairing-svc', 'warn', ['pairing {pick:LHR|MAN|EDI}-{int:100-999} legal rest below 12h, flagged for review'], 10);
      b.change(on, 'crew-sync', 'deployment', 'crew-sync 3.9.0: delta sync from crew-system change feed', { version: '3.9.0', previousVersion: '3.8.4', author: 'crew-ci', commit: 'd41e7c2' });
      b.change('-2h', 'pairing-svc', 'deployment', 'pairing-svc 12.1.0: new rest rules', { version: '12.1.0', previousVersion: '12.0.3', author: 'crew-ci' });
      b.change('-6m', 'roster-bff', 'deployment', 'roster-bff 7.4.1 hotfix: render roster when a duty is missing instead of 500', { version: '7.4.1', previousVersion: '7.4.0', author: 'oncall-nk' });
      b.burst('crew-sync', 'error', ['delta sync: change event {int:100000-999999} type=UPDATE treated as DELETE+INSERT, insert failed: duplicate key value violates unique constraint "duties_pkey"', 'delta sync removed duty {pick:LHR|MAN|EDI}{int:1000-9999} for crew {int:10000-99999} without re-adding it'], on, '-0s', 60);
      b.burst('roster-bff', 'error', ['GET /roster/{int:10000-99999}: duty {pick:LHR|MAN|EDI}{int:1000-9999} referenced by pairing not found in crew-sync (404)'], '-17m', '-0s', 40);
      b.exc('-17m', 'roster-bff', 'DutyNotFoundError', 'duty referenced by pairing not found in crew-sync', 520, 'RosterAssembler.build');
      b.trace('-1h50m', on, 6, () => srv('roster-bff', 'GET /roster/{crewId}', 200, [srv('crew-sync', 'GET /duties', 60), srv('pairing-svc', 'GET /pairings', 90)]), { ref: true });
      b.trace('-17m', '-1m', 8, () => srv('roster-bff', 'GET /roster/{crewId}', 180, [srv('crew-sync', 'GET /duties', 50, [], true, { 'http.status_code': 404 }), srv('pairing-svc', 'GET /pairings', 90)], true));
    },
    expected: { service: 'crew-sync', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'A bad deploy downstream with a hotfix shipped to the wrong service after onset (own choice)',
      clue: 'crew-sync 3.9.0 at onset turns updates into delete+insert; deletions jump 40x and duplicate-key errors follow, and the BFF only reports missing duties. The roster-bff hotfix is 13 min after onset; the pairing-svc deploy is 2 h old.',
    },
  },
  {
    name: 'bikeshare-unlocks-failing-some-riders',
    description: 'City bike-share: some riders cannot unlock bikes; the ride API reports unlock failures.',
    at: '2026-05-15T08:20:00Z',
    tz: 2,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'ride-api',
      startsAt: '-3m',
      title: 'ride-api unlock failures above 5%',
      description: 'Unlock failure ratio on service:ride-api is 9.6%.',
      x: { tags: ['service:ride-api', 'env:prod', 'team:rides'], priority: 'P2', metric: 'rides.unlock.failed' },
    },
    topology: {
      'rider-app': ['ride-api'],
      'ride-api': ['unlock-api', 'pricing', 'rides-db'],
      'unlock-api': ['dock-controller', 'iot-hub'],
      'dock-controller': ['iot-hub'],
      pricing: ['rides-db'],
    },
    external: ['iot-hub'],
    build(b) {
      const on = '-17m';
      golden(b, 'ride-api', 'dd', { rps: 50, p95: 900, err: 0.004, diurnal: 0.5, fx: { err: [{ at: '-16m', to: 0.096 }] } });
      b.series('unlock-api', 'unlock.requests.failed.ratio', { unit: 'ratio', labels: { variant: 'protocol_v3', env: 'prod' }, base: 0, noise: 0, fx: [{ at: on, to: 0.88, noise: 0.03 }], ref: false });
      b.series('unlock-api', 'unlock.requests.failed.ratio', { unit: 'ratio', labels: { variant: 'protocol_v2', env: 'prod' }, base: 0.012, noise: 0.2 });
      golden(b, 'dock-controller', 'dd', { rps: 80, p95: 300, err: 0.01, diurnal: 0.5, always: { err: [{ at: '-3h', to: 0.015 }] } });
      b.noise('dock-controller', 'warn', ['dock {int:1000-4999} heartbeat late ({int:30-90}s)', 'dock {int:1000-4999} battery {int:5-15}%'], 40);
      b.change(on, 'unlock-api', 'feature_flag', 'flag unlock_protocol_v3: rollout 10% of riders', { author: 'pm-ines', source: 'launchdarkly' });
      b.change('-1h45m', 'pricing', 'deployment', 'pricing 2.2.0: e-bike minute rates', { version: '2.2.0', previousVersion: '2.1.7', author: 'rides-ci' });
      b.burst('unlock-api', 'error', ['unlock bike {int:10000-99999} at dock {int:1000-4999} failed: dock replied NAK 0x3F (unsupported command UNLOCK_V3, firmware 2.{int:1-4}) [variant=protocol_v3]'], on, '-0s', 60);
      b.burst('ride-api', 'warn', ['unlock failed for rider {int:100000-999999}, refunding hold'], '-16m', '-0s', 20);
      b.trace('-1h50m', on, 6, () => srv('ride-api', 'POST /rides', 900, [srv('unlock-api', 'unlock', 700, [srv('dock-controller', 'send UNLOCK_V2', 500)], false, { 'flag.unlock_protocol_v3': false })]), { ref: true });
      b.trace('-16m', '-1m', 8, (i) => srv('ride-api', 'POST /rides', 800, [srv('unlock-api', 'unlock', 650, [srv('dock-controller', i % 4 ? 'send UNLOCK_V3' : 'send UNLOCK_V2', 500, [], i % 4 !== 0)], i % 4 !== 0, { 'flag.unlock_protocol_v3': i % 4 !== 0 })], i % 4 !== 0));
    },
    expected: { service: 'unlock-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
    readme: {
      model: 'A feature flag rolled out to a share of users (own choice)',
      clue: 'Failures sit entirely in the protocol_v3 variant from the moment the flag reached 10% of riders; docks on old firmware NAK the new command. The v2 variant is at its usual 1%; the pricing deploy is unrelated.',
    },
  },
];
