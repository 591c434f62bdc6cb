import { client, golden, srv } from '../kit.js';
import type { Spec } from '../spec.js';

export const G: Spec[] = [
  {
    name: 'transit-vehicle-positions-cpu',
    description: 'City transit app: the vehicle positions service saturates its CPU at the evening rush; arrival predictions lag on screens at stops.',
    at: '2026-11-24T22:10:00Z',
    tz: -5,
    window: '-3h',
    step: 300,
    ref: 'week',
    alert: {
      source: 'cloudwatch',
      service: 'vehicle-positions',
      startsAt: '-30s',
      title: 'vehicle-positions-cpu-high',
      description: 'ECS vehicle-positions CPU above 85% for 10 minutes',
      x: {
        alarmName: 'vehicle-positions-cpu-high',
        namespace: 'AWS/ECS',
        metric: 'CPUUtilization',
        dims: { ClusterName: 'transit-prod', ServiceName: 'vehicle-positions' },
        threshold: 85,
        evaluationPeriods: 2,
        region: 'us-east-2',
        reason: 'Threshold Crossed: 2 out of the last 2 datapoints [97.9 (24/11/26 22:05:00), 96.1 (24/11/26 22:00:00)] were greater than the threshold (85.0).',
      },
    },
    topology: {
      'rider-app': ['eta-svc', 'trip-planner'],
      'stop-displays': ['eta-svc'],
      'eta-svc': ['vehicle-positions', 'schedule-svc'],
      'trip-planner': ['schedule-svc', 'vehicle-positions'],
      'vehicle-positions': ['avl-feed', 'positions-cache'],
      'schedule-svc': ['gtfs-store'],
    },
    external: ['avl-feed'],
    build(b) {
      const on = '-22m';
      b.series('vehicle-positions', 'CPUUtilization', { unit: 'Percent', base: 38, diurnal: 0.3, max: 100, fx: [{ at: on, to: 97, noise: 0.01 }], labels: { ClusterName: 'transit-prod', ServiceName: 'vehicle-positions', Statistic: 'Average' } });
      b.series('vehicle-positions', 'RequestCount', { unit: 'Count', labels: { Caller: 'eta-svc', Statistic: 'Sum' }, base: 90000, diurnal: 0.3, int: true, fx: [{ at: on, x: 11 }] });
      b.series('vehicle-positions', 'RequestCount', { unit: 'Count', labels: { Caller: 'trip-planner', Statistic: 'Sum' }, base: 30000, diurnal: 0.3, int: true });
      b.series('vehicle-positions', 'TargetResponseTime', { unit: 'Seconds', base: 0.04, noise: 0.1, fx: [{ at: on, to: 2.8 }], labels: { Statistic: 'p95' } });
      golden(b, 'eta-svc', 'cw', { rps: 400, p95: 120, err: 0.002, diurnal: 0.3, fx: { lat: [{ at: on, to: 3100 }], err: [{ at: '-15m', to: 0.05 }] } });
      golden(b, 'trip-planner', 'cw', { rps: 80, p95: 600, err: 0.004, diurnal: 0.3, fx: { lat: [{ at: on, x: 3 }] }, always: { err: [{ at: '-4h', to: 0.006 }] } });
      b.noise('trip-planner', 'warn', ['no itinerary found from stop {int:1000-9999} to {int:1000-9999} within 3 transfers', 'GTFS trip {int:100000-999999} has no shape, drawing straight line'], 20);
      b.noise('vehicle-positions', 'warn', ['avl-feed gap for bus {int:1000-1999}: last ping {int:40-120}s ago'], 25);
      b.change(on, 'eta-svc', 'feature_flag', 'flag eta_full_route_refresh: on for 100% (fetch whole-route vehicle snapshots instead of nearest 5)', { author: 'pm-dj', source: 'unleash' });
      b.change('-1h40m', 'vehicle-positions', 'deployment', 'vehicle-positions 3.14.0: articulated bus length field', { version: '3.14.0', previousVersion: '3.13.2', author: 'transit-ci' });
      b.change('-8m', 'vehicle-positions', 'scaling', 'vehicle-positions desired 6 -> 10 (mitigation)', { source: 'ecs' });
      b.burst('eta-svc', 'info', ['eta_full_route_refresh=on: route {int:1-120} refresh fetched {int:40-160} vehicles ({int:1-4} calls per stop prediction)'], on, '-0s', 30);
      b.burst('vehicle-positions', 'warn', ['GET /v1/routes/{int:1-120}/vehicles?window=full served in {int:800-3000}ms (caller eta-svc)', 'request queue {int:100-500} on task {hex:8}'], '-20m', '-0s', 40);
      b.trace('-2h50m', on, 6, () => srv('eta-svc', 'GET /stops/:id/arrivals', 110, [srv('vehicle-positions', 'GET /v1/routes/:id/vehicles?nearest=5', 25)]), { ref: true });
      b.trace('-20m', '-1m', 8, () => srv('eta-svc', 'GET /stops/:id/arrivals', 3000, [srv('vehicle-positions', 'GET /v1/routes/:id/vehicles?window=full', 2800, [], false, { 'flag.eta_full_route_refresh': true })]));
      b.alert('-12m', 'stop-displays', 'DisplaysStalePredictions', 'firing');
    },
    expected: { service: 'eta-svc', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'metrics'] },
    readme: {
      model: 'A feature flag that multiplies calls to a callee (own choice)',
      clue: 'The alarm is on the callee, but its extra load comes only from eta-svc (11x requests labelled with that caller) from the minute eta_full_route_refresh went to 100%; trip-planner traffic is flat. The callee\'s deploy is 78 min older.',
    },
  },
  {
    name: 'outage-reports-rejected',
    description: 'Electric utility: customers cannot submit power outage reports from the web form during a storm; most submissions are rejected.',
    at: '2026-07-09T23:40:00Z',
    tz: -5,
    window: '-2h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'pagerduty',
      service: 'report-api',
      startsAt: '-4m',
      title: 'report-api: outage report success rate below 80%',
      x: { priority: 'P1', teams: ['Customer Digital'], urgency: 'high' },
    },
    topology: {
      'outage-web': ['report-api'],
      'ivr-bridge': ['report-api'],
      'report-api': ['outage-db', 'address-lookup', 'oms-adapter'],
      'oms-adapter': ['oms'],
      'address-lookup': ['gis-db'],
    },
    external: ['oms'],
    build(b) {
      const on = '-13m';
      const storm = '-1h20m';
      b.series('report-api', 'http_requests:rate5m', { unit: 'req/s', base: 3, diurnal: 0.3, fx: [{ at: storm, until: '-1h', x: 9 }] });
      b.series('report-api', 'http_requests:ratio_by_status', { unit: 'ratio', labels: { status: '400' }, base: 0.01, noise: 0.3, fx: [{ at: on, to: 0.74, noise: 0.03 }] });
      b.series('report-api', 'http_requests:ratio_by_status', { unit: 'ratio', labels: { status: '5xx' }, base: 0.002, noise: 0.4 });
      b.series('report-api', 'http_request_duration_seconds:p95', { unit: 's', base: 0.22, noise: 0.08, fx: [{ at: storm, x: 1.4 }] });
      golden(b, 'oms-adapter', 'prom', { rps: 2, p95: 900, err: 0.01, diurnal: 0.3, fx: { rps: [{ at: storm, until: '-1h', x: 8 }, { at: on, x: 0.3 }] }, always: { err: [{ at: '-3h', to: 0.015 }] } });
      golden(b, 'address-lookup', 'prom', { rps: 8, p95: 60, err: 0.004, diurnal: 0.3, fx: { rps: [{ at: storm, until: '-1h', x: 8 }] } });
      b.noise('oms-adapter', 'warn', ['oms SOAP fault for premise {int:1000000-9999999}: duplicate ticket, merged', 'oms response {int:2-6}s (storm load)'], 20);
      b.noise('report-api', 'info', ['outage report {int:100000-999999} accepted for premise {int:1000000-9999999}'], 60, { to: on });
      b.change(on, 'report-api', 'feature_flag', 'flag require_account_number: on for web reports (fraud team request)', { author: 'digital-pm-rw', source: 'flagsmith' });
      b.change('-1h30m', 'oms-adapter', 'deployment', 'oms-adapter 1.9.2: storm-mode batching', { version: '1.9.2', previousVersion: '1.9.1', author: 'grid-ci' });
      b.burst('report-api', 'warn', ['POST /reports 400 validation failed: account_number is required (require_account_number=on) premise={int:1000000-9999999} channel=web', 'rejected report: caller supplied address + phone only (flag require_account_number)'], on, '-0s', 60);
      b.burst('ivr-bridge', 'warn', ['IVR report for phone ***{int:1000-9999} rejected by report-api: 400 account_number required'], on, '-0s', 15);
      b.log(storm, 'oms-adapter', 'info', 'storm mode enabled by grid operations: severe thunderstorm warning, 31 feeders tripped');
      b.trace('-1h50m', on, 6, () => srv('report-api', 'POST /reports', 240, [srv('address-lookup', 'lookup', 40), srv('oms-adapter', 'create ticket', 150, [client('oms-adapter', 'oms', 'CreateTroubleTicket', 120)])]), { ref: true });
      b.trace('-12m', '-1m', 8, () => srv('report-api', 'POST /reports', 8, [], true, { 'http.status_code': 400, 'flag.require_account_number': true }));
      b.alert('-1h15m', 'oms-adapter', 'StormTicketVolumeHigh', 'firing');
    },
    expected: { service: 'report-api', kind: 'feature_flag', action: 'disable_flag', mustCite: ['changes', 'logs'] },
    readme: {
      model: 'A feature flag turned on for all customers during a storm (own choice)',
      clue: 'The storm multiplied traffic an hour earlier without errors; failures are 400s that start the minute require_account_number was switched on and name it, from both web and IVR. The oms-adapter deploy and storm load are red herrings.',
    },
  },
  {
    name: 'video-calls-failing-one-zone',
    description: 'Telemedicine video calls: about a third of call joins fail after this morning\'s zone maintenance; the alert has been firing for 90 minutes.',
    at: '2026-04-21T15:30:00Z',
    tz: -4,
    window: '-4h',
    step: 60,
    ref: 'week',
    alert: {
      source: 'alertmanager',
      service: 'join-api',
      startsAt: '-1h30m',
      title: 'join-api call join failures above 10%',
      severity: 'critical',
      x: { alertname: 'CallJoinFailures', labels: { namespace: 'video', team: 'rtc' }, expr: 'sum(rate(call_join_failed_total[5m])) / sum(rate(call_join_total[5m])) > 0.1' },
    },
    topology: {
      'patient-app': ['join-api', 'media-relay'],
      'clinician-app': ['join-api', 'media-relay'],
      'join-api': ['rooms-db', 'media-relay', 'geo-dns'],
      'geo-dns': ['media-relay'],
      'recording-svc': ['media-relay', 's3'],
    },
    external: ['s3'],
    build(b) {
      const drain = '-1h40m';
      b.series('join-api', 'call_join_failed:ratio', { unit: 'ratio', base: 0.01, noise: 0.3, fx: [{ at: drain, until: '-1h30m', to: 0.33 }] });
      b.series('media-relay', 'relay_sessions_active', { unit: 'sessions', labels: { zone: 'us-east-1a' }, base: 900, diurnal: 0.4, int: true, fx: [{ at: drain, x: 1.3 }] });
      b.series('media-relay', 'relay_sessions_active', { unit: 'sessions', labels: { zone: 'us-east-1b' }, base: 900, diurnal: 0.4, int: true, fx: [{ at: drain, to: 0, noise: 0 }] });
      b.series('media-relay', 'relay_sessions_active', { unit: 'sessions', labels: { zone: 'us-east-1c' }, base: 900, diurnal: 0.4, int: true, fx: [{ at: drain, x: 1.3 }] });
      b.series('geo-dns', 'dns_answers_by_zone:ratio', { unit: 'ratio', labels: { record: 'relay.video.example', zone: 'us-east-1b' }, base: 0.33, noise: 0.03, fx: [{ at: drain, to: 0, noise: 0 }] });
      b.series('patient-app', 'client_relay_connect_attempts:ratio', { unit: 'ratio', labels: { zone: 'us-east-1b' }, base: 0.33, noise: 0.04, fx: [{ at: drain, until: '-0s', to: 0.26 }] });
      b.series('geo-dns', 'dns_record_ttl_seconds', { unit: 's', labels: { record: 'relay.video.example' }, base: 86400, noise: 0, int: true });
      golden(b, 'join-api', 'prom', { rps: 30, p95: 300, err: 0.003, diurnal: 0.4 });
      golden(b, 'recording-svc', 'prom', { rps: 4, p95: 1500, err: 0.02, diurnal: 0.4, always: { err: [{ at: '-5h', to: 0.025 }] } });
      b.noise('recording-svc', 'warn', ['recording {hex:10} missing audio track from participant {int:1-4}', 's3 multipart upload retry {int:1-3}'], 15);
      b.change(drain, 'media-relay', 'infrastructure', 'drain zone us-east-1b for hypervisor maintenance: relay-1b-* removed from service (instances stopped)', { author: 'rtc-ops-mf', source: 'runbook' });
      b.change('-2h30m', 'join-api', 'deployment', 'join-api 4.2.0: waiting-room music', { version: '4.2.0', previousVersion: '4.1.8', author: 'rtc-ci' });
      b.change('-40m', 'join-api', 'config', 'ICE connectivity check timeout 5s -> 10s', { author: 'oncall-lb' });
      b.burst('patient-app', 'error', ['ICE failed: no response from relay 10.60.{int:64-95}.{int:2-254}:3478 (resolved relay.video.example at {int:1-23}h ago, TTL 86400)', 'join timed out after 10000ms connecting to media relay 10.60.{int:64-95}.{int:2-254}'], drain, '-0s', 70);
      b.burst('clinician-app', 'error', ['media relay 10.60.{int:64-95}.{int:2-254} unreachable, retrying cached address'], drain, '-0s', 30);
      b.burst('geo-dns', 'warn', ['record relay.video.example still has TTL 86400 (set 2025-11-02 "reduce DNS cost"); resolvers may serve drained us-east-1b addresses for up to 24h'], '-1h35m', '-1h20m', 2);
      b.rt(drain, 'media-relay', 'unhealthy', 'relay-1b-01..08 stopped (zone drain), health checks removed from geo-dns pool', 8);
      b.alert('-1h20m', 'media-relay', 'RelayZoneImbalance', 'firing');
    },
    expected: { service: 'geo-dns', kind: 'infrastructure', action: 'none', mustCite: ['logs', 'changes'] },
    readme: {
      model: 'A DNS TTL that kept traffic on a drained zone (written as infrastructure: the drain was planned, the day-long TTL on the relay record is what kept clients on stopped addresses)',
      clue: 'Failures start with the us-east-1b drain, and clients fail on 10.60.64-95.x addresses resolved hours earlier with TTL 86400; geo-dns stopped answering with 1b at the drain, yet clients keep connecting there because the relay record\'s TTL is a day. The join-api deploy is 2.5 h old and the ICE timeout change is after onset.',
    },
  },
];
