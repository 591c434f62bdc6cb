/*
 * Postmortems 4-6: a reused float-to-int16 conversion that overflows on new data (Ariane 5
 * Flight 501), node neighbour tables overflowing into DNS timeouts (Tinder on Kubernetes),
 * connection slots held open by slow clients (Hosted Graphite 2015).
 */
import { alert, chronic, config, deploy, every, exc, flag, hop, infra, log, metric, peer, ramp, rt, scaling, shop, step, trace, widen, type Spec } from './lib.js';

/* Shop 4, "Orbitrack": vehicle telematics. */
const teleTopo = {
  'device-ingest': ['telemetry-decoder'],
  'telemetry-decoder': ['track-store', 'geo-index'],
  'fleet-api': ['track-store', 'vehicle-registry', 'geo-index'],
  'dispatch-ui': ['fleet-api'],
  'geofence-alerts': ['track-store', 'geo-index'],
  'billing-meter': ['vehicle-registry'],
};

const teleOverflow: Spec = shop({
  name: 'fleet-positions-stale',
  description: 'Fleet API serves vehicle positions that are minutes old; the ingest backlog grows.',
  at: '2026-04-08T13:25:00Z',
  source: 'cloudwatch',
  step: 300,
  postmortem: 'Ariane 5 Flight 501: 64-bit float to 16-bit integer overflow on new data',
  kind: 'code_defect',
  root: 'telemetry-decoder',
  action: 'none',
  mustCite: ['exceptions', 'runtime'],
  why: 'both decoder replicas crash on the same frames (int16 overflow of horizontal velocity) from a newly onboarded high-speed rail fleet; restarting does not help; no decoder change for weeks; the alert is on the fleet API',
  topology: teleTopo,
  window: '-3h',
  refHours: 168,
  alert: { service: 'fleet-api', title: 'position age high', since: '-1m', metric: 'PositionAgeSeconds', namespace: 'Orbitrack/Fleet', threshold: 120, value: 1460 },
  sizes: { 'telemetry-decoder': [240000, 8, 0], 'device-ingest': [250000, 15, 1] },
  fx: {
    'telemetry-decoder': { rps: [step('-30m', 9000)], err: [step('-30m', 4100)] },
    'device-ingest': { err: [step('-25m', 1900)], p95: [step('-25m', 2200)] },
  },
  metrics: [
    metric('fleet-api', 'PositionAgeSeconds', 9, { unit: 'Seconds', noise: 0.2, digits: 0, fx: [ramp('-30m', '-0s', 1500)] }),
    metric('device-ingest', 'BufferedFrames', 800, { unit: 'Count', noise: 0.3, digits: 0, fx: [ramp('-30m', '-0s', 4_100_000)] }),
    metric('telemetry-decoder', 'ContainerRestarts', 0, { unit: 'Count', noise: 0, digits: 0, fx: [step('-30m', 11)] }),
  ],
  logs: [
    chronic('geofence-alerts', 'warn', 'geofence {n:100-999} has self-intersecting polygon, skipped', '9m'),
    chronic('telemetry-decoder', 'warn', 'frame from unit {id} has bad CRC, dropped', '4m'),
    log('vehicle-registry', 'info', 'tenant nordbahn-freight onboarded: 412 units, class RAIL_HS (max speed 340 km/h)', '-3h'),
    every('vehicle-registry', 'info', 'unit {id} activated for tenant nordbahn-freight', '-170m', '15m'),
    every('telemetry-decoder', 'fatal', 'decoder worker crashed: value {n:32768-34200}.4 out of range for int16 field horizontal_velocity_cms (frame from unit class RAIL_HS)', '-30m', '3m'),
    every('device-ingest', 'warn', 'telemetry-decoder unavailable (0/2 replicas ready), buffering frames', '-28m', '2m'),
    every('fleet-api', 'warn', 'serving last known positions; newest frame {n:300-1500}s old', '-20m', '5m'),
  ],
  changes: [deploy('-2h20m', 'billing-meter', '1.9.0', '1.8.4', 'billing-meter: per-unit rail tariff', 'ci-bot', 'codedeploy')],
  runtime: [
    rt('-30m', 'telemetry-decoder', 'crash_loop', 'decoder-a: back-off restarting failed container', 6),
    rt('-30m', 'telemetry-decoder', 'crash_loop', 'decoder-b: back-off restarting failed container', 5),
  ],
  exceptions: [exc('-30m', 'telemetry-decoder', 'OverflowError', 'value out of range for int16: horizontal_velocity_cms=33412.7 (legacy codec to_i16)', 11, 'legacy/frame_codec.py:pack_velocity')],
  alerts: [alert('-25m', 'device-ingest', 'ingest-buffer-high'), alert('-15m', 'geofence-alerts', 'geofence-eval-lag')],
});

const teleTiles: Spec = shop({
  name: 'dispatch-map-tracks-missing',
  description: 'Dispatchers see vehicles vanish from the live map in the northern region; position writes fail.',
  at: '2026-04-15T10:10:00Z',
  source: 'pagerduty',
  postmortem: 'Ariane 5 Flight 501: reused software fails on the new vehicle\'s larger values',
  kind: 'deployment',
  root: 'geo-index',
  action: 'rollback',
  mustCite: ['changes', 'exceptions'],
  why: 'a geo-index release two hours earlier reused the old product\'s tile packer (int16 tile x/y); at zoom 17 in the north the tile index passes 32767 and both replicas fail the same writes; the decoder carries the retries and the alert is on dispatch',
  topology: teleTopo,
  window: '-3h',
  refHours: 24,
  alert: { service: 'dispatch-ui', title: 'Live map missing vehicle tracks', since: '-1m', severity: 'critical' },
  sizes: { 'geo-index': [900, 6, 0.0005], 'telemetry-decoder': [800, 8, 0.0005] },
  fx: {
    'geo-index': { err: [step('-2h', 0.002), step('-34m', 0.38)] },
    'telemetry-decoder': { err: [step('-34m', 0.3)], p95: [step('-34m', 420)] },
    'fleet-api': { err: [step('-32m', 0.08)] },
    'dispatch-ui': { err: [step('-30m', 0.06)] },
  },
  metrics: [metric('geo-index', 'tile_write_rejected_total_rate', 0.1, { noise: 0.5, fx: [step('-2h', 0.4), step('-34m', 340)] })],
  logs: [
    chronic('geofence-alerts', 'warn', 'geofence {n:100-999} has self-intersecting polygon, skipped', '9m'),
    log('geo-index', 'info', 'geo-index 3.0.0 up: tile packer from orbitrack-lite (pack_tile16), default zoom 17', '-2h'),
    every('geo-index', 'error', 'insert failed: struct.error: short format requires -32768 <= number <= 32767 (tile x={n:32768-35000}, zoom 17)', '-34m', '1m'),
    every('telemetry-decoder', 'warn', 'geo-index write failed, retry {n:1-5}/5 for unit {id}', '-34m', '1m'),
    every('fleet-api', 'warn', 'track for unit {id} has no points in last 10m', '-30m', '3m'),
  ],
  traces: [
    trace('-3h', '-2h5m', '20m', [hop('telemetry-decoder', 'decode frame', 6), hop('geo-index', 'InsertPoint', 4)], true),
    trace('-30m', '-1m', '6m', [hop('telemetry-decoder', 'decode frame', 40, 'error'), hop('geo-index', 'InsertPoint', 3, 'error', { 'error.message': 'short format requires -32768 <= number <= 32767', 'tile.zoom': 17 })]),
  ],
  changes: [
    deploy('-2h', 'geo-index', '3.0.0', '2.14.1', 'geo-index: share tile packer with orbitrack-lite, zoom 17 tiles', 'r.baptiste'),
    deploy('-50m', 'telemetry-decoder', '5.2.1', '5.2.0', 'telemetry-decoder: bump protobuf'),
  ],
  exceptions: [exc('-34m', 'geo-index', 'struct.error', 'short format requires -32768 <= number <= 32767', 2900, 'tiles/pack.py:pack_tile16')],
  alerts: [alert('-30m', 'telemetry-decoder', 'DecoderRetryRateHigh'), alert('-25m', 'fleet-api', 'FleetApiErrorsElevated')],
});

const teleFlag: Spec = shop({
  name: 'geofence-alerts-evaluation-stopped',
  description: 'Geofence alerts stop evaluating; the telemetry decoder is crash-looping on accelerometer frames.',
  at: '2026-04-22T07:55:00Z',
  source: 'opsgenie',
  postmortem: 'Ariane 5 Flight 501: larger inputs than the old software was built for',
  kind: 'feature_flag',
  root: 'device-ingest',
  action: 'disable_flag',
  mustCite: ['changes', 'exceptions'],
  why: 'the decoder crashes and looks like the culprit; the overflowing frames are the 100 Hz high-resolution accelerometer frames that a flag on the ingest started forwarding 20 minutes earlier; the decoder did not change',
  topology: teleTopo,
  alert: { service: 'geofence-alerts', title: 'Geofence evaluation lag over 5 minutes', since: '-1m' },
  sizes: { 'telemetry-decoder': [800, 8, 0.0005], 'device-ingest': [830, 15, 0.0008] },
  fx: {
    'device-ingest': { rps: [step('-21m', 1900)] },
    'telemetry-decoder': { err: [step('-20m', 0.44)], rps: [step('-21m', 1700)] },
    'geofence-alerts': { p95: [ramp('-18m', '-0s', 310000)] },
  },
  metrics: [metric('device-ingest', 'frames_forwarded_per_second', 830, { labels: { type: 'accel_hr' }, noise: 0.1, digits: 0, base: 0, fx: [step('-21m', 1050)] })],
  logs: [
    chronic('telemetry-decoder', 'warn', 'frame from unit {id} has bad CRC, dropped', '4m'),
    log('device-ingest', 'info', 'flag hi-res-accel enabled: forwarding 100 Hz accel frames (mm/s²) to decoder', '-21m'),
    every('telemetry-decoder', 'fatal', 'decoder worker crashed: value {n:32800-41000} out of range for int16 field accel_z (frame type accel_hr)', '-20m', '2m'),
    every('geofence-alerts', 'warn', 'evaluation paused: no new points from track-store for {n:60-300}s', '-17m', '3m'),
  ],
  changes: [flag('-21m', 'device-ingest', 'hi-res-accel: off -> on (all tenants)', 'l.moreau'), deploy('-2h', 'dispatch-ui', '4.1.0', '4.0.7', 'dispatch-ui: dark mode')],
  runtime: [rt('-19m', 'telemetry-decoder', 'crash_loop', 'back-off restarting failed container', 7)],
  exceptions: [exc('-20m', 'telemetry-decoder', 'OverflowError', 'value out of range for int16: accel_z=39214', 9, 'legacy/frame_codec.py:pack_accel')],
  alerts: [alert('-19m', 'telemetry-decoder', 'DecoderCrashLooping')],
});

const teleScale: Spec = shop({
  name: 'fleet-api-speed-readings-wrong',
  description: 'Fleet API reports negative and wrapped vehicle speeds; overspeed alerts fire on parked trucks.',
  at: '2026-05-02T16:35:00Z',
  source: 'grafana',
  postmortem: 'Ariane 5 Flight 501: conversion overflow from a changed input range',
  kind: 'config_change',
  root: 'telemetry-decoder',
  action: 'revert_config',
  mustCite: ['changes', 'logs'],
  why: 'the fleet API shows the symptom; the decoder raised its velocity scale from 10 to 100 per unit for precision, so speeds above 327 km/h/10 wrap in the int16 field; nothing crashes, values are silently wrong; a geofence deploy is noise',
  topology: teleTopo,
  refHours: 168,
  alert: { service: 'fleet-api', title: 'Implausible vehicle speed readings', since: '-6m', value: 212 },
  sizes: { 'fleet-api': [300, 70, 0.001] },
  metrics: [
    metric('fleet-api', 'implausible_speed_readings_per_minute', 0.2, { noise: 0.8, digits: 0, fx: [step('-26m', 210)] }),
    metric('telemetry-decoder', 'velocity_clamped_total_rate', 0, { noise: 0, digits: 1, fx: [step('-26m', 95)] }),
    metric('geofence-alerts', 'overspeed_alerts_per_minute', 1.5, { noise: 0.5, digits: 0, fx: [step('-25m', 60)] }),
  ],
  logs: [
    chronic('geofence-alerts', 'warn', 'geofence {n:100-999} has self-intersecting polygon, skipped', '9m'),
    log('telemetry-decoder', 'info', 'config reloaded: velocity_scale=100 (was 10)', '-26m'),
    every('telemetry-decoder', 'debug', 'pack velocity {n:33000-60000} -> int16 wrapped', '-26m', '2m'),
    every('fleet-api', 'warn', 'unit {id} speed -{n:100-320} km/h rejected by plausibility check', '-25m', '1m'),
    every('geofence-alerts', 'info', 'overspeed alert for unit {id} (reported 3{n:10-27} km/h, geofence depot-{n:1-40})', '-25m', '2m'),
  ],
  changes: [config('-26m', 'telemetry-decoder', 'velocity_scale 10 -> 100 (cm/s precision)', 'd.kowalczyk'), deploy('-70m', 'geofence-alerts', '2.2.0', '2.1.9', 'geofence-alerts: batch evaluation')],
  alerts: [alert('-24m', 'geofence-alerts', 'OverspeedAlertStorm')],
});

/* Shop 5, "Sparkmatch": a dating app on Kubernetes. */
const dateTopo = {
  'edge-proxy': ['api-gateway'],
  'api-gateway': ['profile-service', 'match-service', 'chat-service', 'auth-service', 'cluster-dns'],
  'match-service': ['recs-engine', 'profile-service', 'redis-cache', 'cluster-dns'],
  'chat-service': ['message-store', 'push-sender', 'cluster-dns'],
  'push-sender': ['fcm-push', 'cluster-dns'],
  'profile-service': ['photo-store', 'cluster-dns'],
  'recs-engine': ['cluster-dns'],
};

const dateArp = widen(
  shop({
    name: 'api-gateway-intermittent-5xx',
    description: 'Intermittent 5xx at the gateway spread across many backends with no common code change.',
    at: '2026-07-18T20:30:00Z',
    source: 'alertmanager',
    postmortem: 'Tinder on Kubernetes: ARP neighbour tables overflow, DNS timeouts follow',
    kind: 'infrastructure',
    root: 'cluster-dns',
    action: 'none',
    mustCite: ['logs', 'runtime'],
    why: 'errors are spread thin over every backend, each with its own noise and a match-service deploy; what they share is DNS lookups timing out at 5 s, and the nodes log neighbour table overflow after the pool grew; the DNS pods are healthy',
    topology: dateTopo,
    external: ['fcm-push'],
    refHours: 168,
    alert: { service: 'api-gateway', title: 'Gateway 5xx ratio above 2%', since: '-8m' },
    sizes: { 'api-gateway': [4200, 90, 0.002], 'cluster-dns': [38000, 2, 0.0001] },
    fx: {
      'api-gateway': { err: [step('-27m', 0.034)], p95: [step('-27m', 5200)] },
      'match-service': { err: [step('-27m', 0.03)], p95: [step('-27m', 5100)] },
      'chat-service': { err: [step('-27m', 0.025)], p95: [step('-27m', 5050)] },
      'profile-service': { err: [step('-27m', 0.02)], p95: [step('-27m', 5000)] },
      'cluster-dns': { rps: [step('-27m', 61000)] },
    },
    metrics: [
      metric('cluster-dns', 'coredns_forward_request_duration_p99_ms', 3, { noise: 0.2, fx: [step('-27m', 5000)] }),
      metric('cluster-dns', 'node_arp_entries', 700, { labels: { node_pool: 'general-3' }, noise: 0.03, digits: 0, cap: 1024, fx: [ramp('-40m', '-27m', 1024), step('-27m', 1024)] }),
      metric('cluster-dns', 'kernel_neighbour_table_overflow_per_minute', 0, { noise: 0, digits: 0, fx: [step('-27m', 340)] }),
    ],
    logs: [
      chronic('recs-engine', 'warn', 'model shard {n:1-16} stale by {n:2-9} min', '6m'),
      chronic('chat-service', 'warn', 'websocket {id} closed by client (1006)', '2m'),
      every('cluster-dns', 'warn', 'kernel: neighbour: arp_cache: neighbor table overflow! (node ip-10-12-{n:1-40}-{n:1-250})', '-27m', '1m'),
      every('match-service', 'error', 'lookup recs-engine.default.svc.cluster.local: i/o timeout after 5s', '-27m', '1m'),
      every('chat-service', 'error', 'dial tcp: lookup message-store.default.svc.cluster.local on 172.20.0.10:53: read udp: i/o timeout', '-27m', '2m'),
      every('profile-service', 'error', 'photo-store resolve failed: dns timeout (attempt 2/2)', '-26m', '2m'),
      every('api-gateway', 'warn', 'upstream {n:1-5} timed out resolving backend; returning 503', '-26m', '1m'),
    ],
    traces: [
      trace('-25m', '-2m', '6m', [hop('api-gateway', 'GET /v1/matches', 5200, 'error', { 'http.status_code': 503 }), hop('match-service', 'ListMatches', 5100, 'error', { 'error.message': 'dns lookup recs-engine: i/o timeout' })]),
      trace('-25m', '-2m', '8m', [hop('api-gateway', 'GET /v1/profile', 110), hop('profile-service', 'GetProfile', 60)]),
    ],
    changes: [deploy('-35m', 'match-service', '12.4.0', '12.3.2', 'match-service: new boost ranking'), scaling('-40m', 'match-service', 'HPA match-service 60 -> 140 replicas; node pool general-3 480 -> 610 nodes')],
    runtime: [rt('-27m', 'cluster-dns', 'node_pressure', 'nodes in general-3: neighbour table overflow (gc_thresh3=1024 reached)', 38)],
    alerts: [alert('-25m', 'match-service', 'MatchLatencyHigh'), alert('-24m', 'chat-service', 'ChatSendErrors')],
  }),
  { 'billing-service': ['auth-service'], 'moderation-worker': ['photo-store', 'message-store'], 'admin-portal': ['profile-service'] },
);

const dateTuner: Spec = shop({
  name: 'chat-send-timeouts-new-nodes',
  description: 'Chat messages time out for a share of users; pods on newly rolled nodes fail lookups.',
  at: '2026-07-25T18:05:00Z',
  source: 'datadog',
  postmortem: 'Tinder on Kubernetes: neighbour table limits too low for the cluster',
  kind: 'config_change',
  root: 'node-tuner',
  action: 'revert_config',
  mustCite: ['changes', 'logs'],
  why: 'the chat service alerts with DNS timeouts, and only pods on nodes rolled since the node tuning config went out fail; that config dropped the gc_thresh overrides back to kernel defaults; the tuner itself serves no traffic',
  topology: { ...dateTopo, 'node-tuner': [] },
  external: ['fcm-push'],
  alert: { service: 'chat-service', title: 'Chat send error rate high', since: '-1m', metric: 'chat.send.errors', threshold: 0.02 },
  noGolden: ['node-tuner'],
  sizes: { 'chat-service': [1500, 60, 0.002] },
  fx: { 'chat-service': { err: [ramp('-45m', '-0s', 0.09)], p95: [ramp('-45m', '-0s', 5100)] }, 'push-sender': { err: [ramp('-40m', '-0s', 0.04)] } },
  metrics: [
    metric('node-tuner', 'sysctl_value', 32768, { labels: { key: 'net.ipv4.neigh.default.gc_thresh3', pool: 'general-4' }, noise: 0, digits: 0, fx: [step('-70m', 1024)] }),
    metric('node-tuner', 'nodes_rolled_total', 0, { labels: { pool: 'general-4' }, noise: 0, digits: 0, fx: [ramp('-65m', '-0s', 140)] }),
    metric('cluster-dns', 'kernel_neighbour_table_overflow_per_minute', 0, { noise: 0, digits: 0, fx: [ramp('-45m', '-0s', 260)] }),
  ],
  logs: [
    chronic('chat-service', 'warn', 'websocket {id} closed by client (1006)', '2m'),
    log('node-tuner', 'info', 'applied tuning profile v14 to pool general-4: net.ipv4.neigh.default.gc_thresh1/2/3 unset (kernel defaults)', '-70m'),
    every('node-tuner', 'info', 'node ip-10-14-{n:1-60}-{n:1-250} joined with profile v14', '-65m', '5m'),
    every('cluster-dns', 'warn', 'kernel: neighbour: arp_cache: neighbor table overflow! (pool general-4)', '-45m', '2m'),
    every('chat-service', 'error', 'lookup message-store.default.svc.cluster.local: i/o timeout (pod on pool general-4)', '-45m', '1m'),
    every('push-sender', 'warn', 'resolve fcm.googleapis.com timed out, retrying', '-40m', '3m'),
  ],
  changes: [config('-70m', 'node-tuner', 'tuning profile v14: drop legacy sysctl overrides (gc_thresh*)', 'a.varga'), deploy('-25m', 'chat-service', '8.9.1', '8.9.0', 'hotfix: raise DNS resolver timeout 2s -> 5s', 'oncall')],
  alerts: [alert('-40m', 'cluster-dns', 'NeighbourTableOverflow'), alert('-30m', 'push-sender', 'PushLatencyHigh')],
});

const dateConntrack: Spec = shop({
  name: 'gateway-connection-resets-evening-peak',
  description: 'Connection resets and timeouts for clients at the evening peak; backends look idle.',
  at: '2026-08-02T20:45:00Z',
  source: 'pagerduty',
  postmortem: 'Tinder on Kubernetes: kernel tables overflow at scale',
  kind: 'resource_exhaustion',
  root: 'edge-proxy',
  action: 'scale_out',
  mustCite: ['metrics', 'logs'],
  why: 'the gateway alerts while its backends see less traffic; the edge proxy nodes\' conntrack table is full with long-lived chat websockets at the evening peak and drops new flows; no change',
  topology: dateTopo,
  external: ['fcm-push'],
  refHours: 168,
  alert: { service: 'api-gateway', title: 'Gateway availability below 99%', since: '-1m' },
  sizes: { 'api-gateway': [4200, 90, 0.002], 'edge-proxy': [4300, 4, 0.001] },
  fx: {
    'api-gateway': { rps: [step('-18m', 3100)], err: [step('-18m', 0.02)] },
    'edge-proxy': { err: [step('-18m', 0.14)], p95: [step('-18m', 3000)] },
    'chat-service': { rps: [step('-18m', 900)] },
  },
  metrics: [
    metric('edge-proxy', 'node_nf_conntrack_entries', 180000, { diurnal: 0.35, noise: 0.03, digits: 0, cap: 262144, fx: [ramp('-60m', '-18m', 262144)] }),
    metric('edge-proxy', 'node_nf_conntrack_entries_limit', 262144, { noise: 0, digits: 0 }),
    metric('edge-proxy', 'websocket_connections_open', 140000, { diurnal: 0.35, noise: 0.03, digits: 0, fx: [ramp('-60m', '-18m', 205000)] }),
  ],
  logs: [
    chronic('chat-service', 'warn', 'websocket {id} closed by client (1006)', '2m'),
    chronic('edge-proxy', 'warn', 'client {id} sent oversized header, 431', '7m'),
    every('edge-proxy', 'error', 'kernel: nf_conntrack: nf_conntrack: table full, dropping packet', '-18m', '1m'),
    every('api-gateway', 'warn', 'request volume {n:20-30}% below forecast for this hour', '-15m', '5m'),
  ],
  changes: [deploy('-55m', 'profile-service', '3.30.0', '3.29.4', 'profile-service: prompts v2')],
  alerts: [alert('-16m', 'chat-service', 'ChatConnectFailures'), alert('-50m', 'profile-service', 'ProfileP95High', 'resolved')],
});

/* Shop 6, "Plotline": a hosted metrics service in its own data centres. */
const metTopo = {
  'ingest-lb': ['carbon-relay'],
  'carbon-relay': ['aggregator'],
  aggregator: ['tsdb'],
  'query-api': ['tsdb', 'render-service'],
  'web-dashboards': ['query-api', 'account-service'],
  'alert-evaluator': ['query-api'],
};

const metSlots: Spec = shop({
  name: 'carbon-relay-datapoints-dropped',
  description: 'Datapoints received have been at half the usual rate for hours; customers see gaps in graphs. Our network and hosts look healthy.',
  at: '2026-03-14T17:20:00Z',
  source: 'grafana',
  postmortem: 'Hosted Graphite 2015: load balancers ran out of connection slots held by slow clients',
  kind: 'resource_exhaustion',
  root: 'ingest-lb',
  action: 'scale_out',
  mustCite: ['metrics', 'logs'],
  why: 'the relay alerts on low input; the load balancer sits at maxconn with connections held open by clients on a degraded cloud network (most stalled sources are in one cloud\'s ranges); nothing of ours changed or failed',
  topology: metTopo,
  window: '-4h',
  refHours: 168,
  alert: { service: 'carbon-relay', title: 'Datapoints received per second below 60% of forecast', since: '-2h40m', value: 0.52 },
  sizes: { 'ingest-lb': [9000, 20, 0.0008], 'carbon-relay': [8800, 3, 0.0002], aggregator: [400, 5, 0.0002] },
  fx: {
    'ingest-lb': { err: [step('-2h45m', 0.36)], p95: [step('-2h45m', 28000)] },
    'carbon-relay': { rps: [step('-2h45m', 4600)] },
    aggregator: { rps: [step('-2h45m', 210)] },
  },
  metrics: [
    metric('ingest-lb', 'haproxy_frontend_current_sessions', 21000, { diurnal: 0.25, noise: 0.05, digits: 0, cap: 50000, fx: [ramp('-3h20m', '-2h45m', 50000)] }),
    metric('ingest-lb', 'haproxy_frontend_limit_sessions', 50000, { noise: 0, digits: 0 }),
    metric('ingest-lb', 'session_duration_p95_seconds', 0.8, { noise: 0.1, fx: [ramp('-3h25m', '-2h45m', 94)] }),
    metric('carbon-relay', 'datapoints_received_per_second', 1.9e6, { diurnal: 0.25, noise: 0.04, digits: 0, fx: [step('-2h45m', 0.95e6)] }),
  ],
  logs: [
    chronic('tsdb', 'warn', 'compaction of shard {n:1-64} took {n:40-90}s', '8m'),
    chronic('ingest-lb', 'warn', 'client {n:1-250}.{n:1-250}.x.x sent malformed line, closed', '5m'),
    every('ingest-lb', 'warn', 'frontend carbon-tcp: {n:3000-9000} connections idle > 60s mid-line (slow senders)', '-3h20m', '5m'),
    every('ingest-lb', 'error', 'frontend carbon-tcp reached maxconn 50000; new connections queued/refused', '-2h45m', '1m'),
    every('ingest-lb', 'info', 'stalled sessions by source network: AS16509 {n:78-86}%, other {n:14-22}%', '-3h', '10m'),
    every('carbon-relay', 'warn', 'input rate {n:900000-1000000}/s below forecast', '-2h40m', '4m'),
  ],
  changes: [deploy('-3h', 'render-service', '2.8.0', '2.7.3', 'render-service: SVG output')],
  alerts: [alert('-2h35m', 'alert-evaluator', 'NoDataAlertsSurge'), alert('-2h42m', 'ingest-lb', 'HaproxyMaxconnReached')],
});

const metTimeout: Spec = shop({
  name: 'relay-input-low-after-upload-support',
  description: 'Many customers cannot connect to send metrics; carbon relay input down.',
  at: '2026-03-21T09:40:00Z',
  source: 'alertmanager',
  postmortem: 'Hosted Graphite 2015: connection slots held open too long',
  kind: 'config_change',
  root: 'ingest-lb',
  action: 'revert_config',
  mustCite: ['changes', 'metrics'],
  why: 'the load balancer is at maxconn like an exhaustion, but its client timeout was raised from 30 s to 10 min for one customer\'s batch uploads 50 minutes earlier, so idle connections are no longer reaped',
  topology: metTopo,
  refHours: 24,
  alert: { service: 'carbon-relay', title: 'Relay input below forecast', since: '-5m' },
  sizes: { 'ingest-lb': [9000, 20, 0.0008], 'carbon-relay': [8800, 3, 0.0002] },
  fx: { 'ingest-lb': { err: [step('-16m', 0.29)] }, 'carbon-relay': { rps: [step('-16m', 6100)] } },
  metrics: [
    metric('ingest-lb', 'haproxy_frontend_current_sessions', 21000, { diurnal: 0.25, noise: 0.05, digits: 0, cap: 50000, fx: [ramp('-50m', '-16m', 50000)] }),
    metric('ingest-lb', 'haproxy_frontend_limit_sessions', 50000, { noise: 0, digits: 0 }),
    metric('ingest-lb', 'session_duration_p95_seconds', 0.8, { noise: 0.1, fx: [ramp('-50m', '-20m', 598)] }),
  ],
  logs: [
    chronic('tsdb', 'warn', 'compaction of shard {n:1-64} took {n:40-90}s', '8m'),
    log('ingest-lb', 'info', 'reloaded haproxy.cfg: timeout client 30s -> 600s (frontend carbon-tcp)', '-50m'),
    every('ingest-lb', 'error', 'frontend carbon-tcp reached maxconn 50000; new connections queued/refused', '-16m', '1m'),
    every('carbon-relay', 'warn', 'input rate below forecast by {n:25-40}%', '-14m', '3m'),
  ],
  changes: [config('-50m', 'ingest-lb', 'timeout client 30s -> 600s on carbon-tcp (bulk upload customer)', 'h.ng'), deploy('-25m', 'query-api', '6.1.2', '6.1.1', 'query-api: fix percentile rounding')],
  alerts: [alert('-15m', 'ingest-lb', 'HaproxyMaxconnReached')],
});

/* Shop 6b, "Shelfwise": a retail upload service in AWS that writes events to a managed stream. */
const shelfTopo = {
  'storefront-api': ['upload-api', 'catalog-api'],
  'upload-api': ['aws-kinesis', 'image-resizer'],
  'event-consumer': ['aws-kinesis', 'catalog-db'],
  'catalog-api': ['catalog-db'],
  'image-resizer': ['asset-bucket'],
};

const shelfKinesis: Spec = shop({
  name: 'upload-api-connections-exhausted',
  description: 'Upload API answers 5xx; its worker pool is held by requests that never finish.',
  at: '2026-03-28T14:10:00Z',
  source: 'cloudwatch',
  step: 300,
  postmortem: 'Hosted Graphite 2015: slowness inside AWS holds connections open',
  kind: 'dependency_failure',
  root: 'aws-kinesis',
  action: 'none',
  mustCite: ['traces', 'alerts'],
  why: 'the upload API looks exhausted (workers all busy, 5xx); its client spans to the managed stream take 20 s and AWS Health reports elevated PutRecords latency in the region; the consumer lags too; no change',
  topology: shelfTopo,
  external: ['aws-kinesis'],
  window: '-2h',
  refHours: 24,
  alert: { service: 'upload-api', title: 'upload api 5XX', since: '-1m', metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', dimensions: { TargetGroup: 'targetgroup/upload-api/9e1c0f4a2b3d5e66', LoadBalancer: 'app/shelf-public/51ac0e9b2d7f' }, threshold: 100, value: 1840 },
  sizes: { 'upload-api': [9000, 120, 2], 'event-consumer': [20000, 40, 0] },
  fx: { 'upload-api': { err: [step('-35m', 1900)], p95: [step('-35m', 20000)] }, 'storefront-api': { err: [step('-30m', 300)] } },
  noGolden: ['asset-bucket', 'catalog-db'],
  metrics: [
    metric('upload-api', 'BusyWorkers', 40, { unit: 'Count', diurnal: 0.3, noise: 0.1, digits: 0, cap: 256, fx: [step('-35m', 256)] }),
    metric('event-consumer', 'GetRecords.IteratorAgeMilliseconds', 800, { unit: 'Milliseconds', noise: 0.3, digits: 0, fx: [ramp('-35m', '-0s', 1_900_000)] }),
  ],
  logs: [
    chronic('catalog-api', 'warn', 'sku {n:100000-999999} missing image, serving placeholder', '6m'),
    every('upload-api', 'error', 'PutRecords to stream shelf-uploads timed out after 20000ms (attempt {n:1-3})', '-35m', '1m'),
    every('upload-api', 'warn', 'worker pool saturated (256/256), rejecting request', '-30m', '2m'),
    every('event-consumer', 'warn', 'GetRecords latency {n:4000-12000}ms on shard shardId-0000000000{n:0-7}', '-33m', '3m'),
  ],
  traces: [
    trace('-2h', '-40m', '15m', [hop('storefront-api', 'POST /uploads', 160), hop('upload-api', 'CreateUpload', 110), peer('upload-api', 'aws-kinesis', 'Kinesis.PutRecords', 35, 'ok', { 'aws.service': 'Kinesis', 'rpc.method': 'PutRecords' })], true),
    trace('-30m', '-5m', '8m', [hop('storefront-api', 'POST /uploads', 20100, 'error', { 'http.status_code': 502 }), hop('upload-api', 'CreateUpload', 20050, 'error'), peer('upload-api', 'aws-kinesis', 'Kinesis.PutRecords', 20000, 'error', { 'aws.service': 'Kinesis', 'rpc.method': 'PutRecords', 'error.message': 'RequestTimeout' })]),
  ],
  changes: [deploy('-80m', 'catalog-api', '4.2.0', '4.1.6', 'catalog-api: variant pricing', 'ci-bot', 'codedeploy')],
  alerts: [alert('-30m', 'aws-kinesis', 'AWS Health: Increased API latencies for Kinesis Data Streams (eu-west-1)'), alert('-28m', 'event-consumer', 'event-consumer-iterator-age')],
});

export const B: Spec[] = [teleOverflow, teleTiles, teleFlag, teleScale, dateArp, dateTuner, dateConntrack, metSlots, metTimeout, shelfKinesis];
void infra;
void peer;
