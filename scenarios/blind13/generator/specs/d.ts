import { client, db, golden, srv } from '../kit.js';
import type { Spec } from '../spec.js';

export const D: Spec[] = [
  {
    name: 'freight-tenders-failing',
    description: 'Freight brokerage: load tenders to the largest carrier fail; the carrier says its API is up.',
    at: '2026-09-15T14:22:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'datadog',
      service: 'load-api',
      startsAt: '-3m',
      title: 'load-api tender failure rate above 10%',
      description: 'Tender failures on service:load-api at 38% over the last 10 minutes.',
      x: { tags: ['service:load-api', 'env:prod', 'team:carrier-integrations'], priority: 'P2', metric: 'loads.tender.failed' },
    },
    topology: {
      'broker-web': ['load-api'],
      'load-api': ['rate-engine', 'carrier-link', 'loads-db'],
      'carrier-link': ['carrier-partner'],
      'tracking-poller': ['carrier-link'],
      'docs-fetcher': ['carrier-partner'],
      'invoice-svc': ['loads-db', 'carrier-link'],
    },
    external: ['carrier-partner'],
    build(b) {
      const on = '-21m';
      golden(b, 'load-api', 'dd', { rps: 25, p95: 400, err: 0.004, diurnal: 0.3, fx: { err: [{ at: '-20m', to: 0.38 }] } });
      golden(b, 'carrier-link', 'dd', { rps: 60, p95: 350, err: 0.002, diurnal: 0.3, fx: { err: [{ at: on, to: 0.97 }], lat: [{ at: on, x: 0.2 }] } });
      golden(b, 'docs-fetcher', 'dd', { rps: 4, p95: 600, err: 0.003, diurnal: 0.3 });
      golden(b, 'rate-engine', 'dd', { rps: 30, p95: 900, err: 0.02, diurnal: 0.3, always: { err: [{ at: '-3h', to: 0.025 }] } });
      b.noise('rate-engine', 'warn', ['lane {pick:CHI-ATL|LAX-PHX|DAL-HOU|NYC-BOS} has fewer than 5 comps, widening radius', 'fuel surcharge table stale by {int:2-6}h'], 30);
      b.noise('docs-fetcher', 'info', ['fetched POD for load {int:1000000-9999999} from carrier-partner 200 in {int:300-900}ms'], 20);
      b.noise('carrier-link', 'info', ['POST https://api.carrier-partner.example/v2/tenders 201 in {int:200-500}ms'], 60, { to: on });
      b.burst('carrier-link', 'error', ['POST https://api.carrier-partner.example/v2/tenders failed: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', 'TLS: server certificate chain CN=api.carrier-partner.example <- CN=Sectigo Public Server Authentication CA DV R36 <- CN=Sectigo Public Server Authentication Root R46: root not in truststore (/usr/lib/jvm/java-11/lib/security/cacerts, built 2021-04)'], on, '-0s', 70);
      b.burst('load-api', 'error', ['tender {int:1000000-9999999} to carrier-partner failed: carrier-link 502 (TLS handshake)'], '-20m', '-0s', 30);
      b.burst('tracking-poller', 'warn', ['status poll failed for {int:200-900} loads: carrier-link 502'], '-20m', '-0s', 12);
      b.exc('-20m', 'carrier-link', 'javax.net.ssl.SSLHandshakeException', 'PKIX path building failed: unable to find valid certification path to requested target', 640, 'TenderClient.post');
      b.change('-45m', 'load-api', 'deployment', 'load-api 7.12.0: multi-stop tenders', { version: '7.12.0', previousVersion: '7.11.4', author: 'ci' });
      b.trace('-1h50m', on, 6, () => srv('load-api', 'POST /loads/:id/tender', 500, [srv('carrier-link', 'tender', 420, [client('carrier-link', 'carrier-partner', 'POST /v2/tenders', 380, { 'http.status_code': 201 })])]), { ref: true });
      b.trace('-20m', '-1m', 8, () => srv('load-api', 'POST /loads/:id/tender', 90, [srv('carrier-link', 'tender', 70, [client('carrier-link', 'carrier-partner', 'POST /v2/tenders', 60, { 'error.type': 'javax.net.ssl.SSLHandshakeException', 'tls.failure': 'unknown_ca' }, true)], true)], true));
      b.trace('-20m', '-1m', 4, () => srv('docs-fetcher', 'fetch POD', 700, [client('docs-fetcher', 'carrier-partner', 'GET /v2/documents/:id', 650, { 'http.status_code': 200, 'tls.server.issuer': 'CN=Sectigo Public Server Authentication CA DV R36' })]));
      b.alert(on, 'carrier-partner', 'carrier-partner developer notice: TLS certificate renewed under new CA hierarchy (Sectigo R46), no action required for up-to-date clients', 'firing');
    },
    expected: { service: 'carrier-link', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'traces'] },
    readme: {
      model: 'A certificate chain change by an upstream CA',
      clue: 'The partner\'s new chain ends in a root missing from carrier-link\'s 2021 truststore: PKIX failures only from carrier-link, while docs-fetcher reaches the same partner with the new issuer. The platform under carrier-link (its trust store) is at fault, not the partner; the load-api deploy is unrelated.',
    },
  },
  {
    name: 'ebook-app-login-timeouts',
    description: 'Library e-book lending app: a share of mobile users cannot sign in or borrow; mostly older Android devices on some home and mobile networks.',
    at: '2026-11-03T19:05:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'generic',
      service: 'lending-api',
      startsAt: '-6m',
      title: 'Mobile client errors calling lending-api above 10% (Android)',
      severity: 'high',
      description: 'From client telemetry: 17.8% of Android sessions report connect timeouts to the lending API.',
      x: { labels: { platform: 'android', source: 'client-telemetry' }, environment: 'prod', dedupKey: 'lending-api-client-errors-android' },
    },
    topology: {
      'mobile-app': ['edge-lb'],
      'edge-lb': ['lending-web', 'lending-api'],
      'lending-api': ['loans-db', 'drm-license', 'catalog-svc'],
      'drm-license': ['drm-vendor'],
      'catalog-svc': ['search-cluster'],
    },
    external: ['drm-vendor'],
    build(b) {
      const on = '-38m';
      b.series('edge-lb', 'lb_requests:rate1m', { unit: 'req/s', labels: { ip_family: 'ipv4' }, base: 320, diurnal: 0.3, fx: [{ at: on, x: 0.82 }] });
      b.series('edge-lb', 'lb_requests:rate1m', { unit: 'req/s', labels: { ip_family: 'ipv6' }, base: 0, noise: 0, fx: [{ at: on, to: 0.3, noise: 0.5 }], ref: false });
      b.series('mobile-app', 'client_connect_failures:ratio', { unit: 'ratio', labels: { ip_family: 'ipv6' }, base: 0, noise: 0, fx: [{ at: on, to: 0.99, noise: 0.005 }], ref: false });
      b.series('mobile-app', 'client_connect_failures:ratio', { unit: 'ratio', labels: { ip_family: 'ipv4' }, base: 0.004, noise: 0.3 });
      b.series('mobile-app', 'client_sessions_failed:ratio', { unit: 'ratio', labels: { platform: 'android' }, base: 0.01, noise: 0.2, fx: [{ at: on, until: '-25m', to: 0.178 }] });
      b.series('mobile-app', 'client_sessions_failed:ratio', { unit: 'ratio', labels: { platform: 'ios' }, base: 0.008, noise: 0.2, fx: [{ at: on, to: 0.014 }] });
      golden(b, 'lending-api', 'prom', { rps: 280, p95: 140, err: 0.002, diurnal: 0.3, fx: { rps: [{ at: on, x: 0.82 }] } });
      golden(b, 'drm-license', 'prom', { rps: 40, p95: 700, err: 0.015, diurnal: 0.3, always: { err: [{ at: '-3h', to: 0.02 }] } });
      b.noise('drm-license', 'warn', ['drm-vendor license server slow ({int:1200-2500}ms) for title {int:100000-999999}', 'device limit reached for patron {int:100000-999999}'], 25);
      b.change(on, 'edge-lb', 'config', 'edge-lb: ip_address_type ipv4 -> dualstack and publish AAAA for api.lending.example (IPv6 rollout step 1)', { author: 'netops-av', source: 'terraform', version: 'edge#553', previousVersion: 'edge#552' });
      b.change('-1h20m', 'catalog-svc', 'deployment', 'catalog-svc 4.0.2: series grouping', { version: '4.0.2', previousVersion: '4.0.1', author: 'ci' });
      b.burst('mobile-app', 'error', ['android 11 (okhttp 3.12): connect timed out to [2600:1f18:4a3:{hex:4}::{hex:4}]:443 after 10000ms, no fallback to IPv4', 'ios 17: connection to 2600:1f18:4a3:{hex:4}::{hex:4} failed, happy eyeballs fell back to 52.{int:0-255}.{int:0-255}.{int:1-254} after 250ms'], on, '-0s', 60);
      b.burst('edge-lb', 'warn', ['security group sg-0a1b2c3d: no inbound rule for ::/0 tcp/443 (IPv6 listener reachable only via ipv4 rules)'], '-36m', '-30m', 2);
      b.alert('-20m', 'lending-web', 'BorrowConversionDrop', 'firing');
    },
    expected: { service: 'edge-lb', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
    readme: {
      model: 'An IPv6 rollout breaking a subset of clients',
      clue: 'AAAA records published with no IPv6 inbound rule: IPv6 connects fail ~100% from the moment of the change, clients without happy-eyeballs fallback (old Android) fail outright, iOS barely notices; lending-api itself only sees less traffic.',
    },
  },
  {
    name: 'teller-screens-slow-midmorning',
    description: 'Credit union core banking: teller screens and member app balance lookups become very slow mid-morning.',
    at: '2026-06-09T14:50:00Z',
    tz: -5,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch',
      service: 'teller-api',
      startsAt: '-30s',
      title: 'teller-api-p95-latency',
      description: 'teller-api target response time p95 > 2 s',
      x: {
        alarmName: 'teller-api-p95-latency',
        namespace: 'AWS/ApplicationELB',
        metric: 'TargetResponseTime',
        statistic: 'p95',
        dims: { TargetGroup: 'targetgroup/teller-api/6d0ecf831eec9f09', LoadBalancer: 'app/cu-core-prod/50dc6c495c0c9188' },
        threshold: 2,
        region: 'us-east-2',
        reason: 'Threshold Crossed: 2 out of the last 2 datapoints [6.84 (09/06/26 14:40:00), 5.91 (09/06/26 14:35:00)] were greater than the threshold (2.0).',
        evaluationPeriods: 2,
      },
    },
    topology: {
      'teller-ui': ['teller-api'],
      'member-app': ['member-api'],
      'member-api': ['core-ledger-db', 'card-auth'],
      'teller-api': ['core-ledger-db', 'card-auth', 'kyc-svc'],
      'reconcile-batch': ['core-ledger-db'],
      'statements-job': ['core-ledger-db'],
      'kyc-svc': ['kyc-vendor'],
    },
    external: ['kyc-vendor'],
    build(b) {
      const on = '-35m';
      const L = { DBInstanceIdentifier: 'core-ledger-db', Statistic: 'Average' };
      golden(b, 'teller-api', 'cw', { rps: 40, p95: 350, err: 0.002, diurnal: 0.4, fx: { lat: [{ at: on, until: '-10m', to: 6800 }], err: [{ at: '-20m', to: 0.03 }] } });
      golden(b, 'member-api', 'cw', { rps: 120, p95: 280, err: 0.002, diurnal: 0.4, fx: { lat: [{ at: on, until: '-10m', to: 5200 }] } });
      b.series('core-ledger-db', 'CPUUtilization', { unit: 'Percent', base: 28, diurnal: 0.35, max: 100, fx: [{ at: on, to: 97, noise: 0.01 }], labels: L });
      b.series('core-ledger-db', 'ReadIOPS', { unit: 'Count/Second', base: 1800, diurnal: 0.35, fx: [{ at: on, to: 9000 }], labels: L });
      b.series('core-ledger-db', 'DBLoad', { unit: 'Count', base: 3, diurnal: 0.35, fx: [{ at: on, to: 31 }], labels: L });
      b.series('reconcile-batch', 'RowsProcessed', { unit: 'Count', base: 0, noise: 0, int: true, fx: [{ at: on, to: 2.4e6, noise: 0.05 }], labels: { Statistic: 'Sum' } });
      b.series('statements-job', 'RowsProcessed', { unit: 'Count', base: 0, noise: 0, int: true, labels: { Statistic: 'Sum' } });
      b.noise('kyc-svc', 'warn', ['kyc-vendor returned REVIEW for member {int:100000-999999} (address mismatch)', 'kyc-vendor latency {int:2-6}s'], 15);
      b.noise('teller-api', 'info', ['GET /members/{int:100000-999999}/balances 200 {int:60-300}ms'], 60);
      b.change('-2h20m', 'reconcile-batch', 'config', 'reconcile-batch: migrate to EventBridge Scheduler, expression cron(15 14 * * ? *) UTC (was cron(15 8 * * ? *) UTC in the old crontab)', { author: 'platform-jm', source: 'eventbridge-scheduler', version: 'schedules#88', previousVersion: 'schedules#87' });
      b.change('-1h30m', 'teller-api', 'deployment', 'teller-api 2026.6.9: overdraft banner', { version: '2026.6.9', previousVersion: '2026.6.2', author: 'cu-ci' });
      b.change('-10m', 'teller-api', 'scaling', 'teller-api ECS desired 4 -> 8 (mitigation)', { source: 'ecs' });
      b.log(on, 'reconcile-batch', 'info', 'starting full ledger reconciliation run (trigger: schedule cron(15 14 * * ? *)), 41.2M postings to scan');
      b.burst('reconcile-batch', 'info', ['reconciled partition {int:1-256}/256 ({int:120000-180000} postings, {int:40-90}s)'], on, '-0s', 20);
      b.burst('core-ledger-db', 'warn', ['Performance Insights: top SQL by load: SELECT p.* FROM postings p JOIN accounts a ... WHERE p.posted_on >= $1 (user recon_batch) {int:22-29}.{int:0-9} AAS', 'Performance Insights: wait event IO:DataFileRead dominates ({int:70-85}%)'], '-30m', '-0s', 14);
      b.burst('teller-api', 'warn', ['slow query {int:3000-9000}ms: SELECT balance FROM accounts WHERE member_id = $1'], '-30m', '-0s', 25);
    },
    expected: { service: 'reconcile-batch', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'A batch job starving an OLTP database',
      clue: 'A schedule migration moved the nightly reconciliation from 08:15 to 14:15 UTC, the middle of the business morning; at that moment it starts a 41M-posting scan, its SQL dominates database load and every online query slows. The teller-api deploy is older; its scale-out is after onset.',
    },
  },
  {
    name: 'kitchen-tickets-not-showing',
    description: 'Restaurant kitchen display system: grill items stop appearing on kitchen screens at lunch; orders are taken but some tickets never arrive.',
    at: '2026-04-16T17:12:00Z',
    tz: -4,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'kds-api',
      startsAt: '-3m',
      title: 'kds-api tickets received 45% below same time last week',
      severity: 'warning',
      x: { alertname: 'KDSTicketsLow', serviceLabel: 'job', labels: { namespace: 'kitchen', team: 'kds' }, expr: 'sum(rate(kds_tickets_received_total[10m])) < 0.55 * sum(rate(kds_tickets_received_total[10m] offset 1w))' },
    },
    topology: {
      'pos-gateway': ['order-router'],
      'order-router': ['kds-api', 'printer-bridge', 'menu-svc'],
      'kds-api': ['kds-db', 'kds-push'],
      'printer-bridge': [],
      'menu-svc': ['menu-db'],
    },
    external: [],
    build(b) {
      const on = '-16m';
      b.series('kds-api', 'kds_tickets_received:rate5m', { unit: '1/s', base: 3.2, diurnal: 0.6, noise: 0.06, fx: [{ at: '-14m', x: 0.55 }] });
      b.series('order-router', 'order_router_unrouted_items:rate5m', { unit: '1/s', base: 0, noise: 0, fx: [{ at: on, to: 1.6, noise: 0.1 }] });
      b.series('order-router', 'order_router_items_routed:rate5m', { unit: '1/s', labels: { station: 'grill' }, base: 1.3, diurnal: 0.6, noise: 0.06, fx: [{ at: on, to: 0, noise: 0 }] });
      b.series('order-router', 'order_router_items_routed:rate5m', { unit: '1/s', labels: { station: 'fry' }, base: 1.1, diurnal: 0.6, noise: 0.06 });
      golden(b, 'pos-gateway', 'prom', { rps: 9, p95: 120, err: 0.002, diurnal: 0.6 });
      golden(b, 'kds-api', 'prom', { rps: 30, p95: 40, err: 0.001, diurnal: 0.6 });
      b.noise('printer-bridge', 'warn', ['printer {pick:bar-1|expo-2|grill-1} paper low', 'printer {pick:bar-1|expo-2} offline, spooling {int:1-5} tickets'], 20);
      b.noise('order-router', 'info', ['routed order {int:100000-999999}: {int:1-6} items to {pick:grill|fry|cold|bar}'], 60, { to: on });
      b.change(on, 'order-router', 'config', 'configmap order-router-routing: add station "gril-2" for new flat-top; category map updated', { author: 'ops-rl', source: 'argocd', version: 'routing.yaml@e41c0d2', previousVersion: 'routing.yaml@9a7f311' });
      b.rt('-16m', 'order-router', 'restart', 'rollout restart after configmap change (checksum/config annotation)', 3);
      b.change('-55m', 'kds-api', 'deployment', 'kds-api 3.8.0: bump-bar shortcuts', { version: '3.8.0', previousVersion: '3.7.5', author: 'kds-ci' });
      b.log('-15m', 'order-router', 'info', 'loaded routing.yaml@e41c0d2: stations=[gril, gril-2, fry, cold, bar] categories=12');
      b.burst('order-router', 'warn', ['no station for category "grill" (known stations: gril, gril-2, fry, cold, bar); item {int:100000-999999}-{int:1-6} sent to unassigned queue', 'unassigned queue depth {int:10-400}'], '-15m', '-0s', 60);
      b.alert('-8m', 'pos-gateway', 'VoidRateHigh', 'firing');
    },
    expected: { service: 'order-router', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'A config map typo',
      clue: 'The routing configmap edit at onset renamed the station "grill" to "gril"; from the restart on, the router logs no station for category "grill" and grill items routed go to zero while unrouted items rise. kds-api is healthy and its deploy is older.',
    },
  },
  {
    name: 'language-lessons-errors-eu-beta',
    description: 'Language learning app: some learners in Europe get an error screen when opening their daily review.',
    at: '2026-05-27T07:35:00Z',
    tz: 2,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'grafana',
      service: 'mobile-bff',
      startsAt: '-4m',
      title: 'mobile-bff 5xx above 3%',
      severity: 'warning',
      x: { alertname: 'BFFErrorRate', labels: { env: 'prod', region: 'eu-central-1' }, values: { A: 0.071, B: 1 }, dashboard: 'mobile-bff' },
    },
    topology: {
      'mobile-bff': ['lesson-api', 'profile-svc', 'billing-svc'],
      'lesson-api': ['content-store', 'speech-scorer', 'progress-db'],
      'speech-scorer': ['asr-vendor'],
      'profile-svc': ['profile-db'],
      'flag-service': ['lesson-api', 'mobile-bff'],
    },
    external: ['asr-vendor'],
    build(b) {
      const on = '-22m';
      golden(b, 'mobile-bff', 'prom', { rps: 800, p95: 200, err: 0.003, diurnal: 0.4, fx: { err: [{ at: '-21m', to: 0.071 }] } });
      b.series('lesson-api', 'http_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { route: '/review/today', cohort: 'beta-eu' }, base: 0.002, noise: 0.3, fx: [{ at: on, to: 0.93, noise: 0.02 }] });
      b.series('lesson-api', 'http_requests_errors:ratio_rate5m', { unit: 'ratio', labels: { route: '/review/today', cohort: 'default' }, base: 0.002, noise: 0.3 });
      b.series('lesson-api', 'http_requests:rate5m', { unit: 'req/s', base: 300, diurnal: 0.4 });
      golden(b, 'speech-scorer', 'prom', { rps: 60, p95: 2100, err: 0.02, diurnal: 0.4, always: { lat: [{ at: '-3h', to: 2400 }] } });
      b.noise('speech-scorer', 'warn', ['asr-vendor low confidence {int:30-49}% for utterance {hex:8}', 'asr-vendor 2.{int:1-9}s latency above 2s budget'], 40);
      b.change(on, 'lesson-api', 'feature_flag', 'flag adaptive_review_v2: on for cohort beta-eu (20% of EU learners)', { author: 'pm-grace', source: 'flag-service' });
      b.change('-1h50m', 'lesson-api', 'deployment', 'lesson-api 8.31.0: adaptive review v2 (behind flag adaptive_review_v2, off)', { version: '8.31.0', previousVersion: '8.30.2', author: 'learning-ci' });
      b.change('-5m', 'mobile-bff', 'config', 'mobile-bff: show cached review on lesson-api 5xx (mitigation)', { author: 'oncall-ps' });
      b.burst('lesson-api', 'error', ['GET /review/today 500 user={int:1000000-9999999} cohort=beta-eu flag adaptive_review_v2=on: java.lang.NullPointerException: Cannot invoke "ReviewPlan.items()" because "plan" is null'], on, '-0s', 60);
      b.exc(on, 'lesson-api', 'java.lang.NullPointerException', 'Cannot invoke "ReviewPlan.items()" because "plan" is null', 2300, 'AdaptiveReviewV2Service.today');
      b.trace('-1h40m', on, 6, () => srv('mobile-bff', 'GET /home', 180, [srv('lesson-api', 'GET /review/today', 90, [db('lesson-api', 'progress-db', 'SELECT * FROM review_items WHERE user_id = $1', 12)], false, { 'flag.adaptive_review_v2': false })]), { ref: true });
      b.trace('-20m', '-1m', 8, () => srv('mobile-bff', 'GET /home', 60, [srv('lesson-api', 'GET /review/today', 20, [], true, { 'flag.adaptive_review_v2': true, cohort: 'beta-eu', 'exception.type': 'java.lang.NullPointerException' })], true));
    },
    expected: { service: 'lesson-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'exceptions'] },
    readme: {
      model: 'A feature flag flipped for a cohort',
      clue: 'Errors are confined to cohort beta-eu, from the minute adaptive_review_v2 turned on for it; the NPE is in AdaptiveReviewV2Service. The deploy 2 h earlier shipped the code dark and changed nothing until the flip.',
    },
  },
  {
    name: 'parking-zone-payments-failing',
    description: 'City parking payments: drivers cannot start parking sessions in some zones; the zone API returns errors in bursts.',
    at: '2026-02-26T16:10:00Z',
    tz: -6,
    window: '-32h',
    step: 300,
    ref: false,
    alert: {
      source: 'cloudwatch',
      service: 'zone-api',
      startsAt: '-1m',
      title: 'zone-api-5xx',
      description: 'zone-api target 5XX > 1% of requests',
      x: {
        alarmName: 'zone-api-5xx',
        namespace: 'AWS/ApplicationELB',
        metric: 'HTTPCode_Target_5XX_Count',
        statistic: 'Sum',
        dims: { TargetGroup: 'targetgroup/zone-api/73e2d6bc24d8a067', LoadBalancer: 'app/parking-prod/1f2e3d4c5b6a7988' },
        threshold: 40,
        region: 'us-west-2',
        reason: 'Threshold Crossed: 3 datapoints [212.0 (26/02/26 16:05:00), 188.0 (26/02/26 16:00:00), 97.0 (26/02/26 15:55:00)] were greater than the threshold (40.0).',
      },
    },
    topology: {
      'parking-app': ['zone-api'],
      'enforcement-app': ['zone-api'],
      'zone-api': ['meter-sync', 'payments-svc', 'zones-db'],
      'meter-sync': ['meter-fleet', 'zones-db'],
      'payments-svc': ['card-gateway'],
    },
    external: ['meter-fleet', 'card-gateway'],
    build(b) {
      b.series('meter-sync', 'MemoryUtilization', { unit: 'Percent', base: 34, noise: 0.01, max: 100, fx: [{ at: '-30h', until: '-13m', to: 98 }, { at: '-13m', to: 12 }, { at: '-13m', until: '-0s', add: 0.6 }], labels: { ClusterName: 'parking-prod', ServiceName: 'meter-sync', Statistic: 'Maximum' } });
      b.series('meter-sync', 'CPUUtilization', { unit: 'Percent', base: 22, diurnal: 0.3, noise: 0.07, from: '-3h', labels: { ClusterName: 'parking-prod', ServiceName: 'meter-sync', Statistic: 'Average' } });
      golden(b, 'zone-api', 'cw', { rps: 35, p95: 240, err: 0.002, diurnal: 0.4, fx: { err: [{ at: '-26m', end: '-22m', to: 0.3 }, { at: '-22m', end: '-13m', to: 0.06 }, { at: '-13m', end: '-9m', to: 0.45 }, { at: '-9m', to: 0.08 }] } });
      golden(b, 'payments-svc', 'cw', { rps: 20, p95: 600, err: 0.01, diurnal: 0.4 });
      b.noise('payments-svc', 'warn', ['card-gateway soft decline 51 for session {int:100000-999999}', 'card-gateway 3DS timeout, retrying'], 10, { from: '-3h' });
      b.noise('meter-sync', 'info', ['synced {int:3800-4200} meters in {int:8-20}s, session cache size {int:100000-900000}'], 6, { from: '-3h' });
      b.change('-30h', 'meter-sync', 'deployment', 'meter-sync 2.7.0: keep per-meter session cache between sync cycles', { version: '2.7.0', previousVersion: '2.6.4', author: 'parking-ci', commit: 'a91c07e' });
      b.change('-2h', 'zone-api', 'deployment', 'zone-api 5.3.1: holiday rate table', { version: '5.3.1', previousVersion: '5.3.0', author: 'parking-ci' });
      b.change('-7m', 'meter-sync', 'scaling', 'meter-sync desired count 2 -> 3 (mitigation)', { source: 'ecs' });
      b.rt('-26m', 'meter-sync', 'oom_killed', 'task 4f1c… stopped: OutOfMemoryError: Container killed due to memory usage (hard limit 2048 MiB)');
      b.rt('-13m', 'meter-sync', 'oom_killed', 'task 9b27… stopped: OutOfMemoryError: Container killed due to memory usage (hard limit 2048 MiB)');
      b.burst('zone-api', 'error', ['start session in zone {int:100-480} failed: meter-sync unavailable (connection refused)', 'meter-sync GET /meters/{int:10000-99999}/state 503'], '-26m', '-0s', 40);
      b.exc('-25m', 'zone-api', 'MeterSyncUnavailable', 'connection refused to meter-sync:8080', 260, 'SessionService.start');
    },
    expected: { service: 'meter-sync', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'metrics', 'runtime'] },
    readme: {
      model: 'A slow memory leak shipped more than a day earlier',
      clue: 'meter-sync memory climbs steadily from the 2.7.0 deploy 30 h ago (a session cache kept between cycles) until its tasks are OOM-killed, then climbs again; zone-api errors line up with each kill. The zone-api deploy 2 h ago is not it. No reference.',
    },
  },
  {
    name: 'food-rescue-route-planning-errors',
    description: 'Food rescue logistics: volunteer pickup routes fail to plan and new donor pickups cannot be scheduled.',
    at: '2026-12-05T15:40:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'generic',
      service: 'route-planner',
      startsAt: '-5m',
      title: 'route-planner: route planning failures above 20%',
      severity: 'high',
      x: { labels: { team: 'logistics', source: 'cronitor' }, environment: 'prod', dedupKey: 'route-planner-failures', links: { runbook: 'https://wiki.example.org/runbooks/route-planner' } },
    },
    topology: {
      'volunteer-app': ['route-planner'],
      'route-planner': ['geocoder', 'pickups-db', 'notify-svc'],
      'donor-portal': ['pickups-api'],
      'pickups-api': ['geocoder', 'pickups-db'],
      'notify-svc': ['sms-gw'],
    },
    external: ['geocoder', 'sms-gw'],
    build(b) {
      const on = '-24m';
      golden(b, 'route-planner', 'prom', { rps: 6, p95: 1400, err: 0.005, diurnal: 0.4, fx: { err: [{ at: on, to: 0.41 }] } });
      golden(b, 'pickups-api', 'prom', { rps: 3, p95: 500, err: 0.004, diurnal: 0.4, fx: { err: [{ at: on, to: 0.33 }] } });
      b.series('route-planner', 'http_client_requests:rate5m', { unit: 'req/s', labels: { peer: 'geocoder', status: '2xx' }, base: 14, diurnal: 0.4, fx: [{ at: on, x: 0.35 }] });
      b.series('route-planner', 'http_client_requests:rate5m', { unit: 'req/s', labels: { peer: 'geocoder', status: '429' }, base: 0, noise: 0, fx: [{ at: on, to: 9, noise: 0.1 }] });
      b.series('pickups-api', 'http_client_requests:rate5m', { unit: 'req/s', labels: { peer: 'geocoder', status: '429' }, base: 0, noise: 0, fx: [{ at: on, to: 2.1, noise: 0.1 }] });
      golden(b, 'notify-svc', 'prom', { rps: 2, p95: 300, err: 0.02, diurnal: 0.4, always: { err: [{ at: '-3h', to: 0.03 }] } });
      b.noise('notify-svc', 'error', ['sms-gw: 30003 unreachable destination for volunteer {int:1000-9999}'], 8);
      b.burst('route-planner', 'error', ['geocode "{int:1-999} {pick:Main|Oak|Elm|Pine} St" failed: 429 Too Many Requests {"error":"rate limit exceeded","limit":"50/s","retry_after":{int:20-60}} (our rate: {int:11-16}/s)'], on, '-0s', 60);
      b.burst('pickups-api', 'error', ['geocoding donor address failed: HTTP 429 from geocoder, Retry-After: {int:20-60}'], on, '-0s', 25);
      b.change('-1h05m', 'route-planner', 'deployment', 'route-planner 2.14.0: prefer volunteers with refrigerated vehicles', { version: '2.14.0', previousVersion: '2.13.3', author: 'gh-actions' });
      b.trace('-1h50m', on, 6, () => srv('route-planner', 'POST /routes/plan', 1300, [client('route-planner', 'geocoder', 'GET /v1/geocode', 120, { 'http.status_code': 200 }), db('route-planner', 'pickups-db', 'SELECT * FROM pickups WHERE day = $1', 30)]), { ref: true });
      b.trace(on, '-1m', 10, () => srv('route-planner', 'POST /routes/plan', 200, [client('route-planner', 'geocoder', 'GET /v1/geocode', 40, { 'http.status_code': 429, 'http.response.header.retry-after': '30' }, true)], true));
      b.alert('-18m', 'geocoder', 'geocoder status page: Degraded - some API keys receiving 429 responses below their plan limits', 'firing');
    },
    expected: { service: 'geocoder', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'logs'] },
    readme: {
      model: 'A third-party geocoding API rate-limiting you',
      clue: 'Two callers get 429s from the geocoder at our normal rate (~14/s against a 50/s plan), client spans show 429 with Retry-After, and the provider\'s status page admits wrong limits; the route-planner deploy is 40 min older and pickups-api, which did not change, fails the same way.',
    },
  },
  {
    name: 'farm-sensor-readings-dropped',
    description: 'Farm sensor analytics: soil moisture readings are dropped at ingest; irrigation advice goes stale.',
    at: '2026-07-08T10:25:00Z',
    tz: -7,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch-sns',
      service: 'soil-ingest',
      startsAt: '-1m',
      title: 'soil-ingest-put-failures',
      description: 'Failed stream writes > 5% of records',
      x: {
        alarmName: 'soil-ingest-put-failures',
        namespace: 'FarmSense/Ingest',
        metric: 'PutRecordsFailedRatio',
        dims: { Service: 'soil-ingest', Stream: 'soil-readings' },
        threshold: 5,
        region: 'us-west-2',
        regionName: 'US West (Oregon)',
        reason: 'Threshold Crossed: 3 datapoints [38.2 (08/07/26 10:15:00), 41.0 (08/07/26 10:10:00), 27.5 (08/07/26 10:05:00)] were greater than the threshold (5.0).',
      },
    },
    topology: {
      'sensor-gateway': ['soil-ingest'],
      'soil-ingest': ['kinesis', 'devices-db'],
      kinesis: ['stream-processor'],
      'stream-processor': ['timeseries-db', 'irrigation-advisor'],
      'farmer-app': ['advisor-api'],
      'advisor-api': ['timeseries-db', 'irrigation-advisor'],
      'billing-export': ['kinesis'],
    },
    external: ['kinesis'],
    build(b) {
      const on = '-25m';
      b.series('soil-ingest', 'PutRecordsFailedRatio', { unit: 'Percent', base: 0.05, noise: 0.5, fx: [{ at: on, to: 39, noise: 0.1 }], labels: { Stream: 'soil-readings', Statistic: 'Average' } });
      b.series('soil-ingest', 'PutRecordsLatency', { unit: 'Milliseconds', base: 35, noise: 0.1, fx: [{ at: on, to: 1900 }], labels: { Stream: 'soil-readings', Statistic: 'p95' } });
      b.series('soil-ingest', 'StreamWriteUtilization', { unit: 'Percent', base: 22, diurnal: 0.3, noise: 0.05, fx: [{ at: on, x: 0.7 }], labels: { Stream: 'soil-readings', Statistic: 'Maximum', ProvisionedShards: '8' } });
      b.series('billing-export', 'PutRecordErrors', { unit: 'Count', base: 0, noise: 0, int: true, fx: [{ at: '-22m', to: 140, noise: 0.2 }], labels: { Stream: 'billing-events', Statistic: 'Sum' } });
      b.series('stream-processor', 'ConsumerLagMs', { unit: 'Milliseconds', base: 900, noise: 0.2, fx: [{ at: on, until: '-0s', to: 640000 }], labels: { Statistic: 'Maximum' } });
      b.series('devices-db', 'CPUUtilization', { unit: 'Percent', base: 18, diurnal: 0.2, labels: { Statistic: 'Average' } });
      b.noise('stream-processor', 'warn', ['sensor {hex:8} reading out of range (vwc={int:70-120}%), clamped', 'duplicate sequence for shard shardId-00000000000{int:0-7}, skipping'], 20);
      b.noise('soil-ingest', 'info', ['flushed batch of {int:300-500} readings to soil-readings'], 60, { to: on });
      b.burst('soil-ingest', 'error', ['PutRecords soil-readings: {int:150-300}/500 records failed: ErrorCode=InternalFailure ErrorMessage="Internal service failure."', 'PutRecords soil-readings failed: ServiceUnavailableException: Service Unavailable (Service: Kinesis, Status Code: 503, Request ID: {uuid})'], on, '-0s', 60);
      b.burst('billing-export', 'error', ['PutRecord billing-events failed: InternalFailure (Service: Kinesis, Status Code: 500)'], '-22m', '-0s', 15);
      b.change('-2h30m', 'soil-ingest', 'deployment', 'soil-ingest 0.19.0: batch size 250 -> 500', { version: '0.19.0', previousVersion: '0.18.3', author: 'farm-ci' });
      b.trace('-2h50m', on, 6, () => srv('soil-ingest', 'POST /readings', 60, [client('soil-ingest', 'kinesis', 'Kinesis.PutRecords', 30, { 'rpc.system': 'aws-api', 'rpc.service': 'Kinesis', 'rpc.method': 'PutRecords', 'aws.kinesis.stream_name': 'soil-readings', 'http.status_code': 200 })]), { ref: true });
      b.trace(on, '-1m', 8, () => srv('soil-ingest', 'POST /readings', 2000, [client('soil-ingest', 'kinesis', 'Kinesis.PutRecords', 1900, { 'rpc.system': 'aws-api', 'rpc.service': 'Kinesis', 'rpc.method': 'PutRecords', 'aws.kinesis.stream_name': 'soil-readings', 'http.status_code': 503, 'aws.error.code': 'ServiceUnavailableException' }, true)], true));
      b.alert('-12m', 'kinesis', 'AWS Health: AWS_KINESIS_OPERATIONAL_ISSUE us-west-2 - increased PutRecord(s) error rates', 'firing');
      b.alert('-10m', 'advisor-api', 'AdviceStale', 'firing');
    },
    expected: { service: 'kinesis', kind: 'dependency_failure', action: 'none', mustCite: ['alerts', 'logs'] },
    readme: {
      model: 'A managed stream (Kinesis) failing on the provider side',
      clue: 'InternalFailure/503 from Kinesis, not ProvisionedThroughputExceeded, at 15% of provisioned write capacity; a second producer on another stream fails the same way and AWS Health confirms. The batch-size deploy is 2.5 h older.',
    },
  },
];
